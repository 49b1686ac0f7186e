"""Dates and instants from text (tthc.parsing): the Vietnamese forms, and dateutil's pitfalls.

Expected values are written by hand from the text (day first, Vietnam time UTC+7), never
computed by the parser.
"""

from __future__ import annotations

import contextlib
import unicodedata
from datetime import UTC, date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import dateutil.parser
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from tthc.errors import InstantParseError, TthcError
from tthc.parsing import MAX_TEXT_LENGTH, parse_date, parse_instant

VN = ZoneInfo("Asia/Ho_Chi_Minh")


def vn(
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0, us: int = 0
) -> datetime:
    return datetime(year, month, day, hour, minute, second, us, tzinfo=VN)


# (text, instant in Vietnam time)
INSTANTS = [
    ("07 giờ 30 phút, ngày 12/12/2024", vn(2024, 12, 12, 7, 30)),
    ("7 giờ 30, ngày 12 tháng 12 năm 2024", vn(2024, 12, 12, 7, 30)),
    ("07 gio 30 phut, ngay 12/12/2024", vn(2024, 12, 12, 7, 30)),
    ("07 GIỜ 30 PHÚT, NGÀY 12/12/2024", vn(2024, 12, 12, 7, 30)),
    ("07giờ30phút,ngày12/12/2024", vn(2024, 12, 12, 7, 30)),
    ("16 giờ, ngày 02/11/2022", vn(2022, 11, 2, 16)),
    ("14 giờ 05 phút 09 giây ngày 02/11/2022", vn(2022, 11, 2, 14, 5, 9)),
    ("lúc 9h15 ngày 3/1/2025", vn(2025, 1, 3, 9, 15)),
    ("7h30 12/12/2024", vn(2024, 12, 12, 7, 30)),
    ("07:30 12-12-2024", vn(2024, 12, 12, 7, 30)),
    ("2 giờ chiều ngày 05/01/2025", vn(2025, 1, 5, 14)),
    ("9 giờ sáng ngày 05/01/2025", vn(2025, 1, 5, 9)),
    ("12:00 am 05/01/2025", vn(2025, 1, 5, 0)),
    ("12:00 PM 05/01/2025", vn(2025, 1, 5, 12)),
    ("12/12/2024 07:30", vn(2024, 12, 12, 7, 30)),
    ("12.12.2024 7:30:15", vn(2024, 12, 12, 7, 30, 15)),
    ("12/12/2024, lúc 07:30", vn(2024, 12, 12, 7, 30)),
    ("2025-04-24 09:00", vn(2025, 4, 24, 9)),
    ("2025/4/24 9:00", vn(2025, 4, 24, 9)),
    ("2025-04-24T09:00:00", vn(2025, 4, 24, 9)),
    ("2025-04-24T09:00:00.25", vn(2025, 4, 24, 9, 0, 0, 250000)),
    ("2025-04-24T09:00:00+07:00", vn(2025, 4, 24, 9)),
    ("2025-04-24T02:00:00Z", vn(2025, 4, 24, 9)),
    ("2025-04-24T02:00:00+00:00", vn(2025, 4, 24, 9)),
    ("2025-04-23T21:00-0500", vn(2025, 4, 24, 9)),
    ("2025-04-24 09:00 GMT+7", vn(2025, 4, 24, 9)),
    ("2025-04-24 09:00 GMT+07:00", vn(2025, 4, 24, 9)),
    ("24/04/2025 09:00 (UTC+07:00)", vn(2025, 4, 24, 9)),
    ("24/04/2025 09:00 UTC+0700", vn(2025, 4, 24, 9)),
    ("24/04/2025 09:00 ICT", vn(2025, 4, 24, 9)),
    ("24/04/2025 02:00 UTC", vn(2025, 4, 24, 9)),
    ("24/04/2025 09:00 GMT+9", vn(2025, 4, 24, 7)),
    ("20250424090000", vn(2025, 4, 24, 9)),  # NgayTiepNhan, yyyyMMddHHmmss
    ("\u00a012/12/2024\u00a0 07:30 ", vn(2024, 12, 12, 7, 30)),  # non-breaking spaces
]


@pytest.mark.parametrize(("text", "expected"), INSTANTS, ids=[t for t, _ in INSTANTS])
def test_reads_instants(text: str, expected: datetime) -> None:
    got = parse_instant(text)
    assert got == expected
    assert got.tzinfo is VN
    assert got.utcoffset() == timedelta(hours=7)


@pytest.mark.parametrize(("text", "expected"), INSTANTS, ids=[t for t, _ in INSTANTS])
def test_nfd_and_nfc_give_the_same_instant(text: str, expected: datetime) -> None:
    assert parse_instant(unicodedata.normalize("NFD", text)) == expected


# (text, date)
DATES = [
    ("ngày 02/11/2022", date(2022, 11, 2)),
    ("02/11/2022", date(2022, 11, 2)),
    ("2/11/2022", date(2022, 11, 2)),
    ("Ngày 2 tháng 11 năm 2022", date(2022, 11, 2)),
    ("ngay 2 thang 11 nam 2022", date(2022, 11, 2)),
    ("ngày 02 tháng 11, năm 2022", date(2022, 11, 2)),
    ("02-11-2022", date(2022, 11, 2)),
    ("02.11.2022", date(2022, 11, 2)),
    ("2022-11-02", date(2022, 11, 2)),
    ("20221102", date(2022, 11, 2)),
    ("29/02/2024", date(2024, 2, 29)),
    ("01/01/1995", date(1995, 1, 1)),
    ("31/12/2100", date(2100, 12, 31)),
]


@pytest.mark.parametrize(("text", "expected"), DATES, ids=[t for t, _ in DATES])
def test_reads_dates(text: str, expected: date) -> None:
    assert parse_date(text) == expected
    assert parse_date(unicodedata.normalize("NFD", text)) == expected


def test_a_date_alone_is_an_instant_only_with_a_default_time() -> None:
    assert parse_instant("ngày 02/11/2022", default_time=time(8)) == vn(2022, 11, 2, 8)
    assert parse_instant("20221102", default_time=time(17)) == vn(2022, 11, 2, 17)
    with pytest.raises(InstantParseError, match="a time of day as well"):
        parse_instant("ngày 02/11/2022")


def test_default_time_does_not_override_a_written_time() -> None:
    assert parse_instant("02/11/2022 09:10", default_time=time(17)) == vn(2022, 11, 2, 9, 10)


def test_default_time_must_be_naive() -> None:
    with pytest.raises(TypeError):
        parse_instant("02/11/2022", default_time=time(8, tzinfo=UTC))


def test_parse_date_refuses_a_time() -> None:
    with pytest.raises(InstantParseError, match="without a time"):
        parse_date("02/11/2022 07:30")


# -- Excel serial dates (opt-in) ---------------------------------------------------------------

# 45658 is 01/01/2025 in Excel's 1900 system (45292 = 01/01/2024, plus 366 days of 2024).
EXCEL = [
    ("45658", date(2025, 1, 1), None),
    ("45771", date(2025, 4, 24), None),
    ("45771.375", date(2025, 4, 24), time(9)),
    ("45771.5", date(2025, 4, 24), time(12)),
    ("45771.99999999", date(2025, 4, 25), time(0)),  # rounds to the next midnight
    ("34700", date(1995, 1, 1), None),
]


@pytest.mark.parametrize(("text", "day", "at"), EXCEL)
def test_excel_serial_dates_are_read_when_asked(text: str, day: date, at: time | None) -> None:
    got = parse_instant(text, excel_serial=True, default_time=time(0))
    assert got == datetime.combine(day, at or time(0), tzinfo=VN)
    if at is None:
        assert parse_date(text, excel_serial=True) == day


def test_excel_serial_dates_are_refused_by_default_with_a_hint() -> None:
    with pytest.raises(InstantParseError, match=r"excel_serial=True"):
        parse_date("45771")


@pytest.mark.parametrize("text", ["34699", "73416", "5", "0"])
def test_excel_serials_outside_1995_2100_are_refused(text: str) -> None:
    with pytest.raises(InstantParseError, match="Excel serial date from 34700"):
        parse_date(text, excel_serial=True)


# -- refusals ----------------------------------------------------------------------------------

REFUSED = [
    ("31/02/2024 08:00", "a day that exists in 02/2024, not 31"),
    ("29/02/2025 08:00", "a day that exists in 02/2025, not 29"),
    ("31/04/2025 08:00", "a day that exists in 04/2025, not 31"),
    ("11/30/2024 08:00", "a month from 1 to 12, not 30 (dates are day first"),  # US order
    ("12/12/24 08:00", "a four-digit year (is '24' 1924 or 2024?)"),
    ("12/12/202 08:00", "a four-digit year, not '202'"),
    ("12/12/1994 08:00", "a year from 1995 to 2100, not 1994"),
    ("12/12/2205 08:00", "a year from 1995 to 2100, not 2205"),
    ("2205-01-01T00:00:00", "a year from 1995 to 2100, not 2205"),
    ("31/12/2100 23:00 UTC", "an instant from 1995 to 2100 in Vietnam time"),
    ("24:00 12/12/2024", "a time from 00:00:00 to 23:59:59"),
    ("07:60 12/12/2024", "a time from 00:00:00 to 23:59:59"),
    ("12/12/2024 07:30:60", "a time from 00:00:00 to 23:59:59"),
    ("13 giờ chiều 12/12/2024", "an hour from 1 to 12 before 'chieu', not 13"),
    ("12/12/2024 07:30 GMT+15", "an offset from UTC-14:00 to UTC+14:00"),
    ("12/12/2024 GMT+7", "a time of day before the offset"),
    ("07:3012/12/2024", "'07 giờ 30 phút, ngày 12/12/2024'"),  # no separator
    ("20251324090000", "a month from 1 to 12, not 13"),
    ("20250424250000", "a time from 00:00:00 to 23:59:59"),
    ("12/2024 08:00", "day first"),  # no day: nothing is filled in
    ("08:00", "day first"),  # no date: not today's
    ("hôm nay", "day first"),
    ("", "day first"),
    ("12/12/2024 07:30 EST", "day first"),  # zone abbreviations other than ICT/UTC/GMT
    ("12/12/2024 07:30 GMT+7 GMT+7", "day first"),
    ("2025-04-24T09:00:00+07:00 GMT+7", "day first"),
]


@pytest.mark.parametrize(("text", "expected"), REFUSED, ids=[t for t, _ in REFUSED])
def test_refuses_with_the_text_and_what_was_expected(text: str, expected: str) -> None:
    with pytest.raises(InstantParseError) as info:
        parse_instant(text)
    assert info.value.text == text
    assert expected in info.value.expected
    assert str(info.value).startswith(f"cannot read a date or time from {text!r}: expected ")
    assert isinstance(info.value, TthcError)
    assert isinstance(info.value, ValueError)


def test_refuses_long_texts_before_matching() -> None:
    with pytest.raises(InstantParseError, match=f"at most {MAX_TEXT_LENGTH} characters"):
        parse_instant("1" * (MAX_TEXT_LENGTH + 1))
    with pytest.raises(InstantParseError, match="at most"):
        parse_date("12/12/2024" + " " * MAX_TEXT_LENGTH)


def test_refuses_non_text() -> None:
    with pytest.raises(TypeError):
        parse_instant(20250424090000)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        parse_date(None)  # type: ignore[arg-type]


# -- where dateutil goes wrong -----------------------------------------------------------------


def test_dateutil_reads_day_first_dates_month_first_we_do_not() -> None:
    assert dateutil.parser.parse("02/11/2022").date() == date(2022, 2, 11)  # 11 February
    assert parse_date("02/11/2022") == date(2022, 11, 2)  # 2 November


def test_dateutil_reads_gmt_plus_7_as_utc_minus_7_we_do_not() -> None:
    theirs = dateutil.parser.parse("2025-04-24 09:00 GMT+7")
    assert theirs.utcoffset() == timedelta(hours=-7)  # POSIX reading: 14 hours off
    ours = parse_instant("2025-04-24 09:00 GMT+7")
    assert ours == datetime(2025, 4, 24, 2, tzinfo=UTC)


def test_dateutil_fills_gaps_from_the_clock_we_refuse() -> None:
    default = datetime(2030, 6, 15)  # noqa: DTZ001 - dateutil's default is naive
    assert dateutil.parser.parse("12/2024", default=default).day == 15  # made up
    with pytest.raises(InstantParseError):
        parse_date("12/2024")


def test_dateutil_guesses_two_digit_years_we_refuse() -> None:
    assert dateutil.parser.parse("12/12/24").year == 2024
    with pytest.raises(InstantParseError, match="four-digit year"):
        parse_date("12/12/24")


def test_dateutil_swaps_an_impossible_day_month_pair_we_refuse() -> None:
    # 13/02/2024 read month first is impossible, so dateutil silently swaps; the same code
    # then reads 12/02/2024 as 2 December: two rows of one file, two conventions.
    assert dateutil.parser.parse("13/02/2024").date() == date(2024, 2, 13)
    assert dateutil.parser.parse("12/02/2024").date() == date(2024, 12, 2)
    assert parse_date("12/02/2024") == date(2024, 2, 12)
    with pytest.raises(InstantParseError):
        parse_date("02/13/2024")


# -- properties ----------------------------------------------------------------------------------

instants = st.datetimes(
    min_value=vn(1995, 1, 1).replace(tzinfo=None),
    max_value=vn(2100, 12, 31, 23, 59, 59).replace(tzinfo=None),
).map(lambda d: d.replace(microsecond=0, tzinfo=VN))
dates = st.dates(date(1995, 1, 1), date(2100, 12, 31))


def _formats(t: datetime) -> list[str]:
    """The same instant written in each accepted form (written here, not by tthc)."""
    d, m, y, hh, mi, ss = t.day, t.month, t.year, t.hour, t.minute, t.second
    return [
        f"{hh:02d} giờ {mi:02d} phút {ss:02d} giây, ngày {d:02d}/{m:02d}/{y}",
        f"{hh} gio {mi} phut {ss} giay ngay {d} thang {m} nam {y}",
        f"{d:02d}/{m:02d}/{y} {hh:02d}:{mi:02d}:{ss:02d}",
        f"{d}-{m}-{y} {hh}:{mi:02d}:{ss:02d}",
        f"{y}-{m:02d}-{d:02d}T{hh:02d}:{mi:02d}:{ss:02d}",
        f"{y}-{m:02d}-{d:02d} {hh:02d}:{mi:02d}:{ss:02d}+07:00",
        f"{y}{m:02d}{d:02d}{hh:02d}{mi:02d}{ss:02d}",
        unicodedata.normalize(
            "NFD", f"{hh:02d} GIỜ {mi:02d} PHÚT {ss:02d} GIÂY, NGÀY {d:02d}/{m:02d}/{y}"
        ),
    ]


@given(instants)
@example(vn(2024, 2, 29, 23, 59, 59))
@example(vn(1995, 1, 1, 0, 0, 0))
def test_every_form_reads_back_the_instant(t: datetime) -> None:
    for text in _formats(t):
        assert parse_instant(text) == t, text


@given(instants, st.integers(-12 * 60, 14 * 60).map(lambda m: timedelta(minutes=m)))
def test_an_explicit_offset_gives_the_same_instant(t: datetime, offset: timedelta) -> None:
    local = t.astimezone(timezone(offset))
    sign = "-" if offset < timedelta(0) else "+"
    hh, mm = divmod(abs(offset) // timedelta(minutes=1), 60)
    iso = f"{local:%Y-%m-%dT%H:%M:%S}{sign}{hh:02d}:{mm:02d}"
    gmt = f"{local:%d/%m/%Y %H:%M:%S} GMT{sign}{hh}:{mm:02d}"
    if date(1995, 1, 1) <= local.date() <= date(2100, 12, 31):
        assert parse_instant(iso) == t
        assert parse_instant(gmt) == t


@given(dates)
def test_every_date_form_reads_back_the_date(d: date) -> None:
    for text in (
        f"ngày {d:%d/%m/%Y}",
        f"{d.day}/{d.month}/{d.year}",
        f"ngay {d.day} thang {d.month} nam {d.year}",
        d.isoformat(),
        f"{d:%Y%m%d}",
        f"{(d - date(1899, 12, 30)).days}",
    ):
        assert parse_date(text, excel_serial=True) == d, text


@given(st.text(max_size=MAX_TEXT_LENGTH + 5))
def test_random_text_never_crashes(text: str) -> None:
    # Only InstantParseError or a value: an aware Vietnam instant, or a plain date.
    with contextlib.suppress(InstantParseError):
        assert parse_instant(text).tzinfo is VN
    with contextlib.suppress(InstantParseError):
        assert type(parse_date(text)) is date


_PIECES = st.sampled_from(
    [
        "0", "1", "2", "9", "12", "24", "31", "60", "2024", "2100", "1994", "20250424",
        "/", "-", ".", ":", " ", ",", "t", "z", "+", "07", "+07:00", "gmt", "utc",
        "giờ", "gio", "h", "phút", "giây", "ngày", "tháng", "năm", "sáng", "chiều", "am",
        "\u0300", "\u00a0", "(", ")",
    ]
)  # fmt: skip


@given(st.lists(_PIECES, max_size=16).map("".join))
@example("29/02/2100 00:00")
@example("31/12/2100 23:59 GMT-1")
def test_date_like_text_never_crashes(text: str) -> None:
    for kwargs in ({}, {"default_time": time(0)}, {"excel_serial": True}):
        try:
            result = parse_instant(text, **kwargs)
        except InstantParseError:
            continue
        assert result.tzinfo is VN
        assert date(1995, 1, 1) <= result.date() <= date(2100, 12, 31)
