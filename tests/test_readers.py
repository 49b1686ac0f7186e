"""Strict readers: every number, object and size from outside is read exactly or refused.

Each test reproduces a hostile input of issue 14 that was misread or crashed before.
"""

from __future__ import annotations

import json
from datetime import datetime
from decimal import Decimal
from fractions import Fraction

import pytest

from tthc._numbers import check_decimal, check_number, read_decimal, read_fraction
from tthc.calendar import VIETNAM_TZ
from tthc.catalog import Channel
from tthc.deadlines import TimeLimit
from tthc.dossier import Action, Event, apply, from_json, submit, to_json
from tthc.errors import InvalidNumberError, RecordError, TthcError


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
