"""Strict readers: every number, object and size from outside is read exactly or refused.

Each test reproduces a hostile input of issue 14 that was misread or crashed before.
"""

from __future__ import annotations

import io
import json
from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.test_catalog import procedures
from tthc import catalog as cat
from tthc._numbers import check_decimal, check_number, read_decimal, read_fraction
from tthc.calendar import VIETNAM_TZ, vietnam_calendar
from tthc.catalog import Channel
from tthc.codes import AgencyRegistry
from tthc.deadlines import TimeLimit
from tthc.dossier import MAX_EVENTS, Action, Event, apply, from_json, submit, to_json
from tthc.errors import (
    ApologyRefusedError,
    CountTooLargeError,
    InvalidNumberError,
    InvalidPeriodError,
    InvalidRateError,
    InvalidTimeLimitError,
    InvalidValueError,
    RecordError,
    SourceReadError,
    TimeLimitParseError,
    TthcError,
)
from tthc.kpi import Period, round_percent


def vn(y: int, m: int, d: int, h: int = 0) -> datetime:
    return datetime(y, m, d, h, tzinfo=VIETNAM_TZ)


# -- the number grammar --------------------------------------------------------------------------

HOSTILE_NUMBERS = [
    "1e100000000",
    "1E5",
    "NaN",
    "nan",
    "Infinity",
    "-inf",
    "1/0",
    "-5",
    "+5",
    " 5",
    "5 ",
    "1_000",
    "٤",
    "\uff15",  # fullwidth 5
    "1" * 5000,
    "0x10",
    "",
    "1.",
    ".5",
    "1,2,3",
    "1.0000000001",
]


@pytest.mark.parametrize("text", HOSTILE_NUMBERS)
def test_the_number_grammar_refuses_what_is_not_plain_digits(text: str) -> None:
    with pytest.raises(InvalidNumberError) as info:
        read_decimal(text, field="amount")
    assert info.value.field == "amount"
    assert isinstance(info.value, ValueError)
    assert "amount" in str(info.value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("5", Fraction(5)),
        ("2,5", Fraction(5, 2)),
        ("0.5", Fraction(1, 2)),
        ("5/2", Fraction(5, 2)),
    ],
)
def test_the_number_grammar_reads_plain_amounts_exactly(text: str, value: Fraction) -> None:
    assert read_fraction(text, field="amount") == value


@pytest.mark.parametrize(
    "value",
    [Decimal("1e100000000"), Decimal("1e-100000000"), Decimal("NaN"), Decimal("-Infinity")],
)
def test_decimal_objects_must_be_finite_and_bounded(value: Decimal) -> None:
    with pytest.raises(InvalidNumberError):
        check_decimal(value, field="rate")


@pytest.mark.parametrize("value", [10**100, Fraction(1, 10**100), True, 1.5, "5"])
def test_number_objects_must_be_exact_and_bounded(value: object) -> None:
    with pytest.raises(InvalidNumberError):
        check_number(value, field="amount")


def test_a_huge_number_is_named_by_its_size_not_printed() -> None:
    with pytest.raises(InvalidNumberError, match="a number of over 3600 digits"):
        check_number(10**5000, field="amount")


# -- dossier JSON --------------------------------------------------------------------------------


def _doc() -> dict[str, object]:
    d = submit("H1", agency="A", channel=Channel.ONLINE, at=vn(2025, 3, 3, 9))
    d = apply(d, Event(Action.RECEIVE, vn(2025, 3, 3, 10), limit=TimeLimit.working_days(5)))
    return json.loads(to_json(d))  # type: ignore[no-any-return]


def _events(doc: dict[str, object]) -> list[dict[str, object]]:
    return doc["events"]  # type: ignore[return-value]


@pytest.mark.parametrize("amount", ["1e100000000", "1/0", "NaN", "-5", "٤", "1" * 5000, 5, None])
def test_dossier_json_refuses_an_amount_it_cannot_read_exactly(amount: object) -> None:
    doc = _doc()
    _events(doc)[1]["limit"] = {"amount": amount, "unit": "working_days"}
    with pytest.raises(RecordError) as info:
        from_json(json.dumps(doc))
    assert info.value.field == "events[1].limit.amount"
    assert info.value.index == 1


def test_dossier_json_refuses_a_same_day_amount_instead_of_writing_back_0() -> None:
    doc = _doc()
    _events(doc)[1]["limit"] = {"amount": "7", "unit": "same_day", "cutoff": "15:00"}
    with pytest.raises(RecordError, match="no amount"):
        from_json(json.dumps(doc))


@pytest.mark.parametrize("submission", [5, "H1", [1], "x"])
def test_dossier_json_refuses_a_submission_that_is_not_an_object(submission: object) -> None:
    doc = _doc()
    _events(doc)[0]["submission"] = submission
    with pytest.raises(RecordError) as info:
        from_json(json.dumps(doc))
    assert info.value.field == "events[0].submission"


@pytest.mark.parametrize(
    ("key", "value"), [("field", True), ("procedure_code", 1), ("code", None)]
)
def test_dossier_json_does_not_turn_null_or_true_into_text(key: str, value: object) -> None:
    doc = _doc()
    _events(doc)[0]["submission"][key] = value  # type: ignore[index]
    with pytest.raises(RecordError) as info:
        from_json(json.dumps(doc))
    assert info.value.field == f"events[0].submission.{key}"


@pytest.mark.parametrize(
    "at", ["0001-01-01T00:00:00+07:00", "9999-12-31T23:59:59-07:00", "0001-01-01T00:00:00+14:00"]
)
def test_dossier_json_refuses_instants_at_the_ends_of_datetime(at: str) -> None:
    doc = _doc()
    _events(doc)[1]["at"] = at
    with pytest.raises(RecordError, match="an instant in the years"):
        from_json(json.dumps(doc))


@pytest.mark.parametrize(
    "text", ["[" * 100_000, '{"a":' * 100_000, '{"format": NaN}', '{"x": ' + "9" * 4001 + "}"]
)
def test_dossier_json_refuses_deep_nesting_constants_and_huge_integers(text: str) -> None:
    with pytest.raises(RecordError, match="not valid JSON"):
        from_json(text)


def test_dossier_json_bounds_the_nesting_of_kept_unknown_values() -> None:
    doc = _doc()
    deep: object = []
    for _ in range(100):
        deep = [deep]
    doc["vendor"] = deep
    with pytest.raises(RecordError, match="nested deeper than 64"):
        from_json(json.dumps(doc))


def test_dossier_json_keeps_unknown_keys_in_limit_submission_and_policy() -> None:
    doc = _doc()
    _events(doc)[1]["limit"]["vendor_unit"] = "NGAY"  # type: ignore[index]
    _events(doc)[0]["submission"]["MaHoSoCu"] = {"x": [1, None]}  # type: ignore[index]
    doc["policy"]["vendor_mode"] = "strict"  # type: ignore[index]
    text = json.dumps(doc, ensure_ascii=False)
    again = json.loads(to_json(from_json(text)))
    assert again == doc


def test_every_dossier_json_refusal_is_a_tthc_error() -> None:
    doc = _doc()
    for mutate in (
        lambda d: _events(d)[1].update(method=["x"]),
        lambda d: _events(d)[1].update(action=["receive"]),
        lambda d: _events(d)[1].update(limit={"amount": "1", "unit": ["x"]}),
        lambda d: _events(d)[1].update(limit={"amount": ["1"], "unit": "months"}),
        lambda d: _events(d)[1].update(limit=[1]),
        lambda d: _events(d)[1].pop("at"),
        lambda d: d.update(policy=["legal"]),
        lambda d: d.update(policy={"due_policy": 1}),
    ):
        broken = json.loads(json.dumps(doc))
        mutate(broken)
        with pytest.raises(TthcError):
            from_json(json.dumps(broken))


# -- time limits ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "limit", "note"),
    [
        ("1\u206b0 ngày làm việc", TimeLimit.working_days(10), "U+206B"),
        ("1\u00ad0 ngày làm việc", TimeLimit.working_days(10), "U+00AD SOFT HYPHEN"),
        ("\ufeff5 ngày làm việc", TimeLimit.working_days(5), "U+FEFF"),
        ("5 ngày làm\u2060 việc", TimeLimit.working_days(5), "U+2060 WORD JOINER"),
    ],
)
def test_invisible_characters_are_removed_and_noted(
    text: str, limit: TimeLimit, note: str
) -> None:
    parsed = TimeLimit.parse(text)
    assert parsed.limit == limit
    assert any(note in n for n in parsed.notes)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("5 ngày\u200blàm việc", "no amount with a unit"),  # shows "ngàylàm": not 5 calendar days
        ("1\u202e05 ngày", "bidirectional control"),
        ("1\u2067 5 ngày", "bidirectional control"),
        ("\u0664 ngày làm việc", "a digit other than 0-9"),
        ("\uff15 ngày", "a digit other than 0-9"),
        ("1/2 ngày làm việc", "a fraction"),
        ("-5 ngày", "negative"),
        ("3-5 ngày làm việc", "a range"),
        ("từ 3 đến 5 ngày", "a range"),
        ("trước ngày 15 tháng 3", "a fixed date"),
        ("ngày 15 tháng 3 năm 2025", "a fixed date"),
        ("1" * 5000 + " ngày", "longer than 4000"),
        ("1" * 30 + " ngày", "not a number tthc reads"),
    ],
)
def test_time_limit_texts_that_would_be_misread_are_refused(text: str, reason: str) -> None:
    with pytest.raises(TimeLimitParseError, match=reason):
        TimeLimit.parse(text)


@pytest.mark.parametrize(
    ("text", "limit"),
    [
        ("- 5 ngày làm việc", TimeLimit.working_days(5)),  # a list dash, not a sign
        ("trong 3 tháng 15 ngày", TimeLimit.months(3)),
        ("15 ngày làm việc kể từ ngày 1 tháng 7", TimeLimit.working_days(15)),
    ],
)
def test_dashes_and_dates_elsewhere_do_not_block_a_limit(text: str, limit: TimeLimit) -> None:
    assert TimeLimit.parse(text).limit == limit


@pytest.mark.parametrize(
    "amount", ["1e100000000", "NaN", "Infinity", "1/0", "-1", "٤", Decimal("1e100000000"), 10**100]
)
def test_time_limit_amounts_are_read_exactly_or_refused(amount: object) -> None:
    with pytest.raises(InvalidTimeLimitError, match="finite number"):
        TimeLimit(amount, "working_days")


def test_an_unknown_unit_is_a_tthc_error() -> None:
    with pytest.raises(InvalidTimeLimitError, match="unknown time-limit unit 'weeks'"):
        TimeLimit(1, "weeks")


# -- calendar, kpi, scoring, lifecycle -------------------------------------------------------------


@pytest.mark.parametrize(
    ("hours", "error"),
    [
        (Decimal("1e100000000"), CountTooLargeError),
        (Fraction(10**400), CountTooLargeError),
        (Decimal("1e-100000000"), InvalidValueError),
        (-1, InvalidValueError),
    ],
)
def test_working_time_is_bounded_before_any_arithmetic(hours: object, error: type) -> None:
    with pytest.raises(error):
        vietnam_calendar().add_working_time(vn(2025, 3, 3, 9), hours)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "rate", [Decimal("1e100000000"), Decimal("NaN"), Decimal("-Infinity"), Fraction(1, 10**400)]
)
def test_round_percent_refuses_what_it_cannot_round_exactly(rate: object) -> None:
    with pytest.raises(InvalidRateError):
        round_percent(rate)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    ["٢٠٢٥", "٢٠٢٥-٠٣", "2025-\uff11", "0001-01-01..9999-12-31", "1994", "2101-Q1", "x" * 999],
)
def test_period_parse_refuses_foreign_digits_and_unsupported_years(text: str) -> None:
    with pytest.raises(InvalidPeriodError):
        Period.parse(text)


@pytest.mark.parametrize(
    "build",
    [
        lambda: Period.month(2025, 13),
        lambda: Period.month(10**6, 1),
        lambda: Period.year(0),
        lambda: Period.year(True),
        lambda: Period.quarter(99999, 1),
        lambda: Period.half(1, 1),
        lambda: Period.nine_months(-5),
    ],
)
def test_period_builders_raise_invalid_period_error(build: Any) -> None:
    with pytest.raises(InvalidPeriodError):
        build()


def test_submit_before_the_one_stop_regime_is_a_tthc_error() -> None:
    with pytest.raises(InvalidValueError, match="no one-stop regime before 2018-06-21"):
        submit("H1", agency="A", channel=Channel.ONLINE, at=vn(2018, 6, 20, 9))


def test_a_naive_event_instant_is_a_tthc_error() -> None:
    with pytest.raises(InvalidValueError, match="timezone-aware"):
        Event(Action.RESULT, datetime(2025, 3, 5, 9))  # noqa: DTZ001


def test_an_apology_whose_new_appointment_is_before_it_is_refused() -> None:
    d = submit("H1", agency="A", channel=Channel.ONLINE, at=vn(2025, 3, 3, 9))
    d = apply(d, Event(Action.RECEIVE, vn(2025, 3, 3, 10), limit=TimeLimit.working_days(1)))
    # sent late (after the due date 04/03), naming a new appointment that is already past
    late = Event(Action.APOLOGISE, vn(2025, 3, 10, 9), until=vn(2025, 3, 6, 17))
    with pytest.raises(ApologyRefusedError, match="not after the apology itself"):
        apply(d, late)


def test_a_trail_longer_than_max_events_is_refused() -> None:
    d = submit("H1", agency="A", channel=Channel.ONLINE, at=vn(2025, 3, 3, 9))
    long = attrs.evolve(d, events=d.events * MAX_EVENTS)
    with pytest.raises(CountTooLargeError, match="events of one dossier"):
        apply(long, Event(Action.WITHDRAW, vn(2025, 3, 3, 10)))


# -- the agency registry ---------------------------------------------------------------------------


def test_registry_missing_file_and_directory_are_source_read_errors(tmp_path: Path) -> None:
    for source in (tmp_path / "missing.csv", tmp_path):
        with pytest.raises(SourceReadError) as info:
            AgencyRegistry.read(source)
        assert isinstance(info.value, OSError)


@pytest.mark.parametrize(
    "text",
    ["[" * 100_000, '{"agencies": ' * 50_000 + "[]", "[NaN]"],
)
def test_registry_json_that_cannot_be_read_is_a_record_error(text: str) -> None:
    with pytest.raises(RecordError, match="not valid JSON"):
        AgencyRegistry.read(io.StringIO(text))


def test_registry_csv_errors_are_record_errors() -> None:
    huge = "code,name\n000.00.31.H12," + "x" * 200_000 + "\n"  # over the csv field limit
    with pytest.raises(RecordError, match="not a CSV row"):
        AgencyRegistry.read(io.StringIO(huge))


def test_a_stray_quote_that_merges_registry_rows_is_reported() -> None:
    text = (
        'code,name\n000.00.31.H12,"Sở Tư pháp\n000.00.32.H12,Sở Y tế"\n000.00.33.H12,Sở Nội vụ\n'
    )
    result = AgencyRegistry.read(io.StringIO(text))
    assert [str(e.code) for e in result.registry] == ["000.00.33.H12"]
    (error,) = result.errors
    assert error.field == "name"
    assert "stray quote" in error.reason


# -- catalogue -------------------------------------------------------------------------------------


def test_national_records_with_an_unreadable_count_or_fee_are_reported_not_aborted() -> None:
    records = cat.fixture_records()[:3]
    records[0]["THANHPHANHOSO"][0]["GIAYTO"][0]["SOBANCHINH"] = "1" * 5000
    fees = records[1]["CACHTHUCTHUCHIEN"][0]["THOIGIAN"][0].setdefault("PHILEPHI", [{}])
    fees[0]["SOTIEN"] = "-5000"
    result = cat.Catalog.from_national_records(records)
    assert [e.index for e in result.errors] == [0]
    assert "whole number" in result.errors[0].reason
    assert any("SOTIEN '-5000'" in n.message for n in result.notes)
    assert len(result.catalog.codes) == 2


@pytest.mark.parametrize("amount", ["1e100000000", "NaN", "-5", "1/0", 5])
def test_catalogue_json_refuses_amounts_it_cannot_read(amount: object) -> None:
    p = cat.fixture().latest("2.000815.000.00.00.H55")
    doc = json.loads(cat.to_json(p))
    doc["channels"][0]["time"]["limit"]["amount"] = amount
    with pytest.raises(RecordError):
        cat.from_json(json.dumps(doc), cat.Procedure)


@pytest.mark.parametrize(
    "fee", [Decimal("-1"), Decimal("NaN"), Decimal("Infinity"), Decimal("1e30")]
)
def test_fees_are_finite_bounded_and_not_negative(fee: Decimal) -> None:
    with pytest.raises(InvalidNumberError):
        cat.Fee(amount=fee)


def test_catalogue_json_refuses_deep_nesting() -> None:
    for text in ("[" * 100_000, '{"procedures": [' + '{"a":' * 50_000):
        with pytest.raises(RecordError, match="not valid JSON"):
            cat.from_json(text, cat.Catalog)


# -- lossless round trips with unknown keys at every level -----------------------------------------

unknown_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**6), 10**6) | st.text(max_size=5),
    lambda kids: (
        st.lists(kids, max_size=2) | st.dictionaries(st.text(max_size=3), kids, max_size=2)
    ),
    max_leaves=4,
)


@st.composite
def with_unknown_keys(draw: st.DrawFn, doc: Any) -> Any:
    """*doc* (decoded JSON) with a vendor key added to objects at every level."""
    out = json.loads(json.dumps(doc))
    todo = [out]
    while todo:
        item = todo.pop()
        if isinstance(item, dict):
            todo.extend(item.values())
            if draw(st.booleans()):
                item[f"x_vendor_{draw(st.integers(0, 9))}"] = draw(unknown_values)
        elif isinstance(item, list):
            todo.extend(item)
    return out


@given(procedures(), st.data())
def test_catalogue_json_keeps_unknown_keys_at_every_level(p: cat.Procedure, data: Any) -> None:
    doc = data.draw(with_unknown_keys(json.loads(cat.to_json(p))))
    again = cat.to_json(cat.from_json(json.dumps(doc), cat.Procedure))
    assert json.loads(again) == doc


DOSSIER = json.loads(
    to_json(
        apply(
            apply(
                submit("H1", agency="A", channel=Channel.ONLINE, at=vn(2025, 3, 3, 9)),
                Event(Action.RECEIVE, vn(2025, 3, 3, 10), limit=TimeLimit.working_days(5)),
            ),
            Event(
                Action.TRANSFER,
                vn(2025, 3, 3, 11),
                agency="Phòng B",
                limit=TimeLimit.working_days(Fraction(1, 2)),
            ),
        )
    )
)


@given(st.data())
def test_dossier_json_keeps_unknown_keys_at_every_level(data: Any) -> None:
    doc = data.draw(with_unknown_keys(DOSSIER))
    again = to_json(from_json(json.dumps(doc)))
    assert json.loads(again) == doc


def test_catalogue_json_keeps_unknown_document_keys() -> None:
    catalog = cat.Catalog([cat.fixture().latest("2.000815.000.00.00.H55")])
    doc = json.loads(cat.to_json(catalog)) | {"exported_by": {"system": "X", "v": [1, 2]}}
    again = cat.from_json(json.dumps(doc), cat.Catalog)
    assert again.extra == {"exported_by": {"system": "X", "v": [1, 2]}}
    assert json.loads(cat.to_json(again)) == doc


# -- the last three of issue 14's crash list --------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ['{"a": "\\ud800x"}', '["\\uDFFF"]', '{"\\ud800": 1}', '"\ud800"'],
)
def test_lone_surrogates_in_json_are_refused(text: str) -> None:
    from tthc._json import loads

    with pytest.raises(RecordError, match="lone UTF-16 surrogate"):
        loads(text)


def test_surrogate_pairs_in_json_still_read() -> None:
    from tthc._json import loads

    assert loads('{"a": "\\ud83d\\ude00"}') == {"a": "\U0001f600"}


@pytest.mark.parametrize("lang", ["xx", "zz_QQ", "", "vi" * 40])
def test_unknown_locale_is_a_tthc_error(lang: str) -> None:
    from tthc.errors import TthcError, UnknownCodeError
    from tthc.reports import format_count, format_percent

    with pytest.raises(UnknownCodeError) as info:
        format_count(5, lang=lang)
    assert isinstance(info.value, TthcError)
    assert isinstance(info.value, LookupError)
    with pytest.raises(UnknownCodeError):
        format_percent(Fraction(1, 3), lang=lang)


def test_uint64_counts_do_not_wrap_in_frame() -> None:
    np = pytest.importorskip("numpy")
    from tthc import frame
    from tthc.errors import CountTooLargeError

    days = np.array(["2025-03-03", "2025-03-04"], dtype="datetime64[D]")
    with pytest.raises(CountTooLargeError, match="18446744073709551615"):
        frame.add_working_days(days, np.array([2**64 - 1, 1], dtype=np.uint64))
    small = frame.add_working_days(days, np.array([3, 1], dtype=np.uint64))
    assert small.tolist() == [date(2025, 3, 6), date(2025, 3, 5)]


@pytest.mark.parametrize("basis", ["policy", "certification"])
def test_a_same_day_amount_is_not_dropped_whatever_its_cutoff_basis(basis: str) -> None:
    doc = _doc()
    _events(doc)[1]["limit"] = {"amount": "7", "unit": "same_day", "cutoff_basis": basis}
    with pytest.raises(RecordError, match="amount 0"):
        from_json(json.dumps(doc))
