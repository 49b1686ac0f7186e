"""Reading time limits from catalogue text: ``TimeLimit.parse`` and ``TimeLimit.render``.

The texts are those of issue 3 §1, as published procedure records state them
(legal-rules.md §1.2, §3.1, §3.2, §4.3).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from datetime import time
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.strategies import time_limits
from tthc import TimeLimit, TimeLimitParseError, TthcError, Unit
from tthc.deadlines import ParsedTimeLimit

ISSUE_TEXTS = [
    ("05 ngày làm việc", TimeLimit.working_days(5)),
    ("05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", TimeLimit.working_days(5)),
    (
        "Không quá 15 ngày làm việc (không tính thời gian thực hiện nghĩa vụ tài chính)",
        TimeLimit.working_days(15),
    ),
    ("0,5 ngày làm việc", TimeLimit.working_days(Fraction(1, 2))),
    ("2.5 ngày", TimeLimit.working_days(Fraction(5, 2))),
    ("30 ngày", TimeLimit.calendar_days(30)),
    ("02 tháng", TimeLimit.months(2)),
    ("04 giờ làm việc", TimeLimit.working_hours(4)),
    ("Trong ngày", TimeLimit.same_day()),
    (
        "Ngay trong ngày tiếp nhận hồ sơ; trường hợp nhận sau 15 giờ thì trả kết quả trong ngày "
        "làm việc tiếp theo",
        TimeLimit.same_day(time(15)),
    ),
    ("Không quy định", TimeLimit.no_limit()),
]


def _strip_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return plain.replace("đ", "d").replace("Đ", "D")


VARIANTS: dict[str, Callable[[str], str]] = {
    "as published": lambda s: s,
    "NFD": lambda s: unicodedata.normalize("NFD", s),
    "upper case": str.upper,
    "lower case": str.lower,
    "no diacritics": _strip_marks,
    "no diacritics, upper case": lambda s: _strip_marks(s).upper(),
    "extra spaces": lambda s: "  " + s.replace(" ", " \t  ") + " \n",
    "non-breaking spaces": lambda s: s.replace(" ", "\u00a0"),
}


@pytest.mark.parametrize("variant", VARIANTS, ids=str)
@pytest.mark.parametrize(("text", "expected"), ISSUE_TEXTS, ids=[t for t, _ in ISSUE_TEXTS])
def test_issue_texts(text: str, expected: TimeLimit, variant: str) -> None:
    written = VARIANTS[variant](text)
    parsed = TimeLimit.parse(written)
    assert isinstance(parsed, ParsedTimeLimit)
    assert parsed.limit == expected
    assert parsed.text == written


def test_excluded_periods_are_listed() -> None:
    p = TimeLimit.parse(
        "Không quá 15 ngày làm việc (không tính thời gian thực hiện nghĩa vụ tài chính)"
    )
    assert p.excluded == ("thời gian thực hiện nghĩa vụ tài chính",)
    assert any("không quá" in n for n in p.notes)
    nfd = TimeLimit.parse(
        unicodedata.normalize("NFD", "15 ngày làm việc (không tính thời gian ký giáp ranh)")
    )
    assert nfd.excluded == ("thời gian ký giáp ranh",)  # returned in NFC
    plain = TimeLimit.parse("15 ngay lam viec (khong tinh thoi gian thuc hien nghia vu tai chinh)")
    assert plain.excluded == ("thoi gian thuc hien nghia vu tai chinh",)


def test_notes_make_readings_explicit() -> None:
    assert any("calendar days" in n for n in TimeLimit.parse("30 ngày").notes)
    assert any("working days" in n for n in TimeLimit.parse("2.5 ngày").notes)
    assert any("15:00" in n for n in TimeLimit.parse("Trong ngày").notes)
    assert TimeLimit.parse("05 ngày làm việc").notes == ()
    start = TimeLimit.parse("05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ").notes
    assert start == ("counted from: ngày nhận đủ hồ sơ hợp lệ",)
    two = TimeLimit.parse("10 ngày làm việc; trường hợp phải xác minh thì 15 ngày làm việc")
    assert two.limit == TimeLimit.working_days(10)
    assert any("15 ngày làm việc" in n for n in two.notes)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Trong ngày; nhận sau 16 giờ 30 phút thì trả trong ngày làm việc tiếp theo",
            time(16, 30),
        ),
        ("Trong ngày, sau 14h thì trả ngày làm việc tiếp theo", time(14)),
        ("trong ngay (sau 15:30 tra vao ngay lam viec tiep theo)", time(15, 30)),
    ],
)
def test_cutoffs(text: str, expected: time) -> None:
    assert TimeLimit.parse(text).limit == TimeLimit.same_day(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("02 tuần", TimeLimit.calendar_days(14)),
        ("01 năm", TimeLimit.months(12)),
        ("8 giờ", TimeLimit.working_hours(8)),
        ("Tối đa 20 ngày làm việc", TimeLimit.working_days(20)),
        ("0 ngày", TimeLimit.calendar_days(0)),
    ],
)
def test_other_units(text: str, expected: TimeLimit) -> None:
    assert TimeLimit.parse(text).limit == expected


@pytest.mark.parametrize(
    "text",
    ["", "   ", "theo quy định", "ngày làm việc", "Nghị định 23/2015/NĐ-CP", "1,25 ngày làm việc"],
)
def test_unparseable_text_is_quoted(text: str) -> None:
    with pytest.raises(TimeLimitParseError) as caught:
        TimeLimit.parse(text)
    assert repr(text) in str(caught.value)
    assert caught.value.text == text
    assert isinstance(caught.value, TthcError)
    assert isinstance(caught.value, ValueError)


def test_bad_cutoff_is_an_error() -> None:
    with pytest.raises(TimeLimitParseError, match="not a time"):
        TimeLimit.parse("Trong ngày; sau 25 giờ thì trả ngày làm việc tiếp theo")


def test_parse_needs_a_string() -> None:
    with pytest.raises(TypeError, match="is a str"):
        TimeLimit.parse(5)  # type: ignore[arg-type]


# -- render ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("limit", "text"),
    [
        (TimeLimit.working_days(5), "5 ngày làm việc"),
        (TimeLimit.working_days(Fraction(5, 2)), "2,5 ngày làm việc"),
        (TimeLimit.calendar_days(30), "30 ngày"),
        (TimeLimit.working_hours(Fraction(1, 2)), "0,5 giờ làm việc"),
        (TimeLimit.months(2), "2 tháng"),
        (
            TimeLimit.same_day(time(15)),
            "Trong ngày; nhận sau 15 giờ thì trả trong ngày làm việc tiếp theo",
        ),
        (TimeLimit.same_day(), "Trong ngày"),
        (
            TimeLimit.certification(),
            "Chứng thực: trong ngày; nhận sau 15 giờ thì trả trong ngày làm việc tiếp theo",
        ),
        (TimeLimit.no_limit(), "Không quy định"),
    ],
)
def test_render(limit: TimeLimit, text: str) -> None:
    assert limit.render() == str(limit) == text


all_limits = time_limits(max_halves=2000, max_days=10_000, max_months=1200, with_none=True)


@given(all_limits)
def test_parse_render_round_trip(limit: TimeLimit) -> None:
    assert TimeLimit.parse(limit.render()).limit == limit
    assert TimeLimit.parse(unicodedata.normalize("NFD", str(limit)).upper()).limit == limit


@given(st.text())
def test_parse_either_reads_or_raises_a_tthc_error(text: str) -> None:
    message = ""
    try:
        parsed = TimeLimit.parse(text)
    except TimeLimitParseError as e:
        message = str(e)
    else:
        assert isinstance(parsed.limit.unit, Unit)
    assert not message or repr(text) in message
