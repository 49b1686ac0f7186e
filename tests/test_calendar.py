"""Tests of tthc.calendar: the official 2019-2026 schedule day by day, the worked examples of
the legal research, the API contract, and the algebraic laws of working-day arithmetic.

The official table below is transcribed by hand from legal-rules.md §7.3, independently of
``tthc._data.days_off``: a wrong row in either place makes the day-by-day test fail.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable
from datetime import date, datetime, time, timedelta

import attrs
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import tthc
from tests.strategies import (
    VERIFIED_FIRST,
    VERIFIED_LAST,
    any_dates,
    provisional_ok,
    verified_dates,
    wide_dates,
    working_day_counts,
)
from tthc import (
    CalendarDay,
    CalendarNotCoveredError,
    CalendarPolicy,
    Confidence,
    CountTooLargeError,
    DateOutOfRangeError,
    DayKind,
    DayStatus,
    InvalidOverrideError,
    LegalSource,
    OfficeHours,
    ProvisionalCalendarWarning,
    TthcError,
    WorkCalendar,
    vietnam_calendar,
)

D = date
NAIVE = datetime(2025, 1, 2, 9)  # noqa: DTZ001 - a datetime where a date is expected
Call = Callable[[WorkCalendar], object]

# -- the official schedule, transcribed from legal-rules.md §7.3 -------------------------------

OFFICIAL_OFF: dict[int, tuple[date, ...]] = {
    2019: (
        D(2018, 12, 31),  # Tết DL, swapped (worked Sat 05/01/2019)
        D(2019, 1, 1),
        D(2019, 2, 4),  # Tết Kỷ Hợi: 30 Chạp + mùng 1-4
        D(2019, 2, 5),
        D(2019, 2, 6),
        D(2019, 2, 7),
        D(2019, 2, 8),
        D(2019, 4, 15),  # Giỗ Tổ (Sun 14/04), nghỉ bù
        D(2019, 4, 29),  # swapped (worked Sat 04/05/2019)
        D(2019, 4, 30),
        D(2019, 5, 1),
        D(2019, 9, 2),
    ),
    2020: (
        D(2020, 1, 1),
        D(2020, 1, 23),  # Tết Canh Tý
        D(2020, 1, 24),
        D(2020, 1, 27),
        D(2020, 1, 28),
        D(2020, 1, 29),
        D(2020, 4, 2),  # Giỗ Tổ
        D(2020, 4, 30),
        D(2020, 5, 1),
        D(2020, 9, 2),
    ),
    2021: (
        D(2021, 1, 1),
        D(2021, 2, 10),  # Tết Tân Sửu
        D(2021, 2, 11),
        D(2021, 2, 12),
        D(2021, 2, 15),
        D(2021, 2, 16),
        D(2021, 4, 21),  # Giỗ Tổ
        D(2021, 4, 30),
        D(2021, 5, 3),  # 1/5 on Saturday, nghỉ bù
        D(2021, 9, 2),  # Quốc khánh, first 2-day year
        D(2021, 9, 3),
    ),
    2022: (
        D(2022, 1, 3),  # Tết DL on Saturday, nghỉ bù
        D(2022, 1, 31),  # Tết Nhâm Dần (no 30 Tết)
        D(2022, 2, 1),
        D(2022, 2, 2),
        D(2022, 2, 3),
        D(2022, 2, 4),
        D(2022, 4, 11),  # Giỗ Tổ on Sunday, nghỉ bù
        D(2022, 5, 2),  # 30/4 Sat, 1/5 Sun: nghỉ bù
        D(2022, 5, 3),
        D(2022, 9, 1),
        D(2022, 9, 2),
    ),
    2023: (
        D(2023, 1, 2),  # Tết DL on Sunday, nghỉ bù
        D(2023, 1, 20),  # Tết Quý Mão
        D(2023, 1, 23),
        D(2023, 1, 24),
        D(2023, 1, 25),
        D(2023, 1, 26),
        D(2023, 5, 1),  # Giỗ Tổ Sat 29/04, 30/4 Sun, 1/5 Mon
        D(2023, 5, 2),
        D(2023, 5, 3),
        D(2023, 9, 1),
        D(2023, 9, 4),  # Quốc khánh on Saturday, nghỉ bù
    ),
    2024: (
        D(2024, 1, 1),
        D(2024, 2, 8),  # Tết Giáp Thìn
        D(2024, 2, 9),
        D(2024, 2, 12),
        D(2024, 2, 13),
        D(2024, 2, 14),
        D(2024, 4, 18),  # Giỗ Tổ
        D(2024, 4, 29),  # swapped (2450/VPCP-KGVX; worked Sat 04/05/2024)
        D(2024, 4, 30),
        D(2024, 5, 1),
        D(2024, 9, 2),
        D(2024, 9, 3),
    ),
    2025: (
        D(2025, 1, 1),
        D(2025, 1, 27),  # Tết Ất Tỵ (no 30 Tết)
        D(2025, 1, 28),
        D(2025, 1, 29),
        D(2025, 1, 30),
        D(2025, 1, 31),
        D(2025, 4, 7),  # Giỗ Tổ
        D(2025, 4, 30),
        D(2025, 5, 1),
        D(2025, 5, 2),  # swapped (worked Sat 26/04/2025)
        D(2025, 9, 1),
        D(2025, 9, 2),
    ),
    2026: (
        D(2026, 1, 1),
        D(2026, 1, 2),  # swapped (12729/VPCP-KGVX; worked Sat 10/01/2026)
        D(2026, 2, 16),  # Tết Bính Ngọ: 29 Chạp + mùng 1-4
        D(2026, 2, 17),
        D(2026, 2, 18),
        D(2026, 2, 19),
        D(2026, 2, 20),
        D(2026, 4, 27),  # Giỗ Tổ (Sun 26/04), nghỉ bù
        D(2026, 4, 30),
        D(2026, 5, 1),
        D(2026, 8, 31),  # swapped (worked Sat 22/08/2026)
        D(2026, 9, 1),
        D(2026, 9, 2),
        D(2026, 11, 24),  # Ngày Văn hóa Việt Nam (NQ 28/2026/QH16 Điều 2, from 01/07/2026)
    ),
}

OFFICIAL_MAKE_UP: dict[int, tuple[date, ...]] = {
    2019: (D(2019, 1, 5), D(2019, 5, 4)),
    2020: (),
    2021: (),
    2022: (),
    2023: (),
    2024: (D(2024, 5, 4),),
    2025: (D(2025, 4, 26),),
    2026: (D(2026, 1, 10), D(2026, 8, 22)),
}

OFFICIAL_SWAPPED: dict[int, tuple[date, ...]] = {
    2019: (D(2018, 12, 31), D(2019, 4, 29)),
    2020: (),
    2021: (),
    2022: (),
    2023: (),
    2024: (D(2024, 4, 29),),
    2025: (D(2025, 5, 2),),
    2026: (D(2026, 1, 2), D(2026, 8, 31)),
}

WEEKDAY_TOTALS = {2019: 12, 2020: 10, 2021: 11, 2022: 11, 2023: 11, 2024: 12, 2025: 12, 2026: 14}
"""The "WD-off per year" row of legal-rules.md §7.3 (2019 counts 31/12/2018), with 24/11/2026
added by Nghị quyết 28/2026/QH16 (13 -> 14)."""

YEARS = sorted(OFFICIAL_OFF)
SATURDAY = 5  # date.weekday()


def _days_of(year: int) -> list[date]:
    first = date(year, 1, 1)
    return [first + timedelta(k) for k in range((date(year + 1, 1, 1) - first).days)]


# -- the transcription is self-consistent --------------------------------------------------------


def test_transcription_covers_the_verified_years(cal: WorkCalendar) -> None:
    assert list(range(2019, 2027)) == YEARS
    assert cal.verified_years == range(2019, 2027)


@pytest.mark.parametrize("year", YEARS)
def test_transcription_matches_the_weekday_totals(year: int) -> None:
    off = OFFICIAL_OFF[year]
    assert len(off) == len(set(off)) == WEEKDAY_TOTALS[year]
    assert all(d.weekday() < SATURDAY for d in off), "WD-off rows must be Mon-Fri"
    assert all(d.weekday() == SATURDAY for d in OFFICIAL_MAKE_UP[year])
    assert set(OFFICIAL_SWAPPED[year]) <= set(off)
    assert len(OFFICIAL_SWAPPED[year]) == len(OFFICIAL_MAKE_UP[year])


# -- every day of 2019-2026 against the table ------------------------------------------------------


@pytest.mark.parametrize("year", YEARS)
def test_every_day_of_the_year_matches_the_official_table(cal: WorkCalendar, year: int) -> None:
    off, make_up = set(OFFICIAL_OFF[year]), set(OFFICIAL_MAKE_UP[year])
    wrong = [
        d
        for d in _days_of(year)
        if cal.is_working_day(d) != ((d.weekday() < SATURDAY and d not in off) or d in make_up)
    ]
    assert wrong == []


@pytest.mark.parametrize("year", YEARS)
def test_days_off_lists_exactly_the_official_weekdays_off(cal: WorkCalendar, year: int) -> None:
    in_year = sorted(d for d in OFFICIAL_OFF[year] if d.year == year)
    entries = cal.days_off(year)
    assert [e.day for e in entries] == in_year
    for e in entries:
        assert e.status in {DayStatus.VERIFIED, DayStatus.SOURCE_UNCONFIRMED}
        assert e.kind in {DayKind.HOLIDAY, DayKind.COMPENSATORY, DayKind.SWAPPED}
        assert isinstance(e.source, LegalSource)
        assert e.source.number.strip()
        assert e.name.strip()
        assert not e.is_working
    swapped = [e.day for e in entries if e.kind is DayKind.SWAPPED]
    assert swapped == sorted(d for d in OFFICIAL_SWAPPED[year] if d.year == year)


@pytest.mark.parametrize("year", YEARS)
def test_make_up_days_lists_exactly_the_official_saturdays(cal: WorkCalendar, year: int) -> None:
    entries = cal.make_up_days(year)
    assert [e.day for e in entries] == list(OFFICIAL_MAKE_UP[year])
    for e in entries:
        assert e.kind is DayKind.MAKE_UP
        assert e.status in {DayStatus.VERIFIED, DayStatus.SOURCE_UNCONFIRMED}
        assert isinstance(e.source, LegalSource)
        assert e.source.number.strip()
        assert e.is_working


def test_swap_of_31_12_2018_is_in_the_table(cal: WorkCalendar) -> None:
    """The 2019 Tết DL swap is dated in 2018 (legal-rules.md §8.4): a verified row."""
    info = cal.day_info(D(2018, 12, 31))
    assert info is not None
    assert info.kind is DayKind.SWAPPED
    assert info.status is DayStatus.SOURCE_UNCONFIRMED  # 6519 known from a secondary copy
    assert info.source.number == "6519/VPCP-KGVX"
    with pytest.warns(ProvisionalCalendarWarning, match="2018"):
        assert not cal.is_working_day(D(2018, 12, 31))
    assert cal.is_working_day(D(2019, 1, 5))  # its make-up Saturday


def test_make_up_saturdays_are_days_off_when_not_counted() -> None:
    plain = vietnam_calendar(count_make_up_days=False)
    for year in YEARS:
        for d in OFFICIAL_MAKE_UP[year]:
            assert not plain.is_working_day(d)
        assert plain.make_up_days(year) == ()
        assert [e.day for e in plain.days_off(year)] == [
            d for d in OFFICIAL_OFF[year] if d.year == year
        ]


def test_day_info_is_none_on_ordinary_days(cal: WorkCalendar) -> None:
    assert cal.day_info(D(2025, 3, 3)) is None  # an ordinary Monday
    assert cal.day_info(D(2025, 3, 8)) is None  # an ordinary Saturday


# -- worked examples (legal-rules.md §1.6 and §9, reading A: dates) -------------------------------

WORKED_EXAMPLES = [
    pytest.param(D(2025, 3, 3), 1, True, D(2025, 3, 4), id="T1-1wd-Mon-03-03-2025"),
    pytest.param(D(2025, 1, 24), 3, True, D(2025, 2, 5), id="T2-3wd-over-Tet-At-Ty-2025"),
    pytest.param(D(2025, 4, 24), 5, True, D(2025, 5, 5), id="T3-make-up-26-04-2025-counted"),
    pytest.param(D(2025, 4, 24), 5, False, D(2025, 5, 6), id="T3b-make-up-26-04-2025-ignored"),
    pytest.param(D(2025, 12, 31), 1, True, D(2026, 1, 5), id="T5-swap-02-01-2026-12729"),
    pytest.param(D(2026, 2, 13), 10, True, D(2026, 3, 6), id="T8-10wd-over-Tet-Binh-Ngo-2026"),
    pytest.param(D(2026, 8, 21), 2, True, D(2026, 8, 24), id="T10-make-up-22-08-2026-counted"),
    pytest.param(D(2026, 8, 21), 2, False, D(2026, 8, 25), id="T10b-make-up-22-08-2026-ignored"),
    pytest.param(D(2025, 3, 3), 10, True, D(2025, 3, 17), id="1.6-ex9-10wd-Mon-03-03-2025"),
    pytest.param(D(2025, 5, 5), -1, True, D(2025, 4, 29), id="T9-apology-1wd-before-05-05-2025"),
]


@pytest.mark.parametrize(("received", "n", "count_make_up", "due"), WORKED_EXAMPLES)
def test_worked_examples(received: date, n: int, count_make_up: bool, due: date) -> None:
    cal = vietnam_calendar(count_make_up_days=count_make_up)
    assert cal.add_working_days(received, n) == due
    if n > 0:
        assert cal.count_working_days(received, due) == n


def test_worked_example_weekdays() -> None:
    """The weekdays stated in the research, so a mistyped expected date is caught too."""
    assert D(2025, 2, 5).strftime("%a") == "Wed"
    assert D(2025, 5, 5).strftime("%a") == "Mon"
    assert D(2026, 1, 5).strftime("%a") == "Mon"
    assert D(2026, 3, 6).strftime("%a") == "Fri"
    assert D(2026, 8, 24).strftime("%a") == "Mon"
    assert D(2025, 3, 17).strftime("%a") == "Mon"
    assert D(2025, 4, 29).strftime("%a") == "Tue"


# -- the API contract ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        pytest.param(D(2025, 3, 3), D(2025, 3, 3), id="working-day-is-itself"),
        pytest.param(D(2025, 3, 8), D(2025, 3, 10), id="saturday-to-monday"),
        pytest.param(D(2025, 1, 25), D(2025, 2, 3), id="tet-to-first-day-after"),
        pytest.param(D(2025, 4, 26), D(2025, 4, 26), id="make-up-saturday-is-itself"),
        pytest.param(D(2026, 1, 2), D(2026, 1, 5), id="swapped-day-to-next"),
    ],
)
def test_add_zero_working_days(cal: WorkCalendar, d: date, expected: date) -> None:
    assert cal.add_working_days(d, 0) == expected


@pytest.mark.parametrize(
    ("d", "n", "expected"),
    [
        pytest.param(D(2025, 3, 4), -1, D(2025, 3, 3), id="tue-back-1"),
        pytest.param(D(2025, 3, 3), -1, D(2025, 2, 28), id="mon-back-1-skips-weekend"),
        pytest.param(D(2025, 3, 8), -1, D(2025, 3, 7), id="sat-back-1"),
        pytest.param(D(2025, 2, 3), -1, D(2025, 1, 24), id="back-over-tet-2025"),
        pytest.param(D(2025, 4, 28), -1, D(2025, 4, 26), id="back-onto-make-up-saturday"),
        pytest.param(D(2026, 1, 5), -2, D(2025, 12, 30), id="back-over-new-year-2026"),
    ],
)
def test_add_negative_working_days(cal: WorkCalendar, d: date, n: int, expected: date) -> None:
    assert cal.add_working_days(d, n) == expected


def test_count_is_half_open(cal: WorkCalendar) -> None:
    mon, tue = D(2025, 3, 3), D(2025, 3, 4)
    assert cal.count_working_days(mon, mon) == 0
    assert cal.count_working_days(mon, tue) == 1  # (Mon, Tue]: Tuesday only
    assert cal.count_working_days(D(2025, 3, 2), mon) == 1  # (Sun, Mon]
    assert cal.count_working_days(mon, D(2025, 3, 9)) == 4  # Tue-Fri
    assert cal.count_working_days(D(2025, 4, 25), D(2025, 4, 26)) == 1  # the make-up Saturday
    assert cal.count_working_days(D(2025, 1, 24), D(2025, 2, 2)) == 0  # all of Tết Ất Tỵ
    assert cal.count_working_days(D(2025, 3, 9), mon) == -4


def test_count_of_a_whole_year(cal: WorkCalendar) -> None:
    """2025: 261 weekdays - 12 weekdays off + 1 make-up Saturday = 250 working days."""
    weekdays = sum(1 for d in _days_of(2025) if d.weekday() < SATURDAY)
    assert weekdays == 261
    assert cal.count_working_days(D(2024, 12, 31), D(2025, 12, 31)) == 261 - 12 + 1


# -- 24/11, Ngày Văn hóa Việt Nam: a day off from 2026 (NQ 28/2026/QH16 Điều 2) --------------


def test_culture_day_is_a_day_off_from_2026(cal: WorkCalendar) -> None:
    day = D(2026, 11, 24)  # a Tuesday
    assert not cal.is_working_day(day)
    entry = cal.day_info(day)
    assert entry is not None
    assert (entry.kind, entry.name) == (DayKind.HOLIDAY, "Ngày Văn hóa Việt Nam")
    assert entry.source.number == "28/2026/QH16"
    assert entry.source.provision == "Điều 2"
    assert entry.source.in_force == D(2026, 7, 1)
    assert day in [e.day for e in cal.days_off(2026)]


def test_culture_day_moves_due_dates_across_it(cal: WorkCalendar) -> None:
    # Fri 20/11: Mon 23, (Tue 24 off), Wed 25, Thu 26, Fri 27, Mon 30 -> 5th is Mon 30/11
    assert cal.add_working_days(D(2026, 11, 20), 5) == D(2026, 11, 30)
    assert cal.add_working_days(D(2026, 11, 23), 1) == D(2026, 11, 25)
    assert cal.count_working_days(D(2026, 11, 20), D(2026, 11, 30)) == 5
    assert cal.count_working_days(D(2026, 9, 30), D(2026, 12, 31)) == 65  # Q4/2026: 66 - 1


def test_culture_day_swap_2026_is_an_opt_in_policy(cal: WorkCalendar) -> None:
    assert cal.is_working_day(D(2026, 11, 23))
    assert not cal.is_working_day(D(2026, 11, 28))
    swap = vietnam_calendar(policies=[CalendarPolicy.CULTURE_DAY_SWAP_2026])
    assert not swap.is_working_day(D(2026, 11, 23))
    assert swap.is_working_day(D(2026, 11, 28))
    # Fri 20/11: Wed 25, Thu 26, Fri 27, Sat 28 (make-up), Mon 30
    assert swap.add_working_days(D(2026, 11, 20), 5) == D(2026, 11, 30)
    assert swap.add_working_days(D(2026, 11, 20), 4) == D(2026, 11, 28)
    for d in (D(2026, 11, 23), D(2026, 11, 28)):
        entry = swap.day_info(d)
        assert entry is not None
        assert entry.status is DayStatus.PENDING_LEGAL_BASIS
        assert entry.source.confidence is Confidence.UNCONFIRMED
    assert swap.pending_days() == ()
    assert swap != cal


def test_pending_days_are_the_proposed_swap(cal: WorkCalendar) -> None:
    pending = cal.pending_days()
    assert [(p.day, p.kind) for p in pending] == [
        (D(2026, 11, 23), DayKind.SWAPPED),
        (D(2026, 11, 28), DayKind.MAKE_UP),
    ]
    assert all(p.status is DayStatus.PENDING_LEGAL_BASIS for p in pending)
    assert all(p.source.confidence is Confidence.UNCONFIRMED for p in pending)


@pytest.mark.parametrize(
    ("day", "weekday"),
    [
        pytest.param(D(2027, 11, 24), 2, id="Wed-2027"),
        pytest.param(D(2028, 11, 24), 4, id="Fri-2028"),
        pytest.param(D(2031, 11, 24), 0, id="Mon-2031"),
    ],
)
def test_culture_day_in_provisional_years(day: date, weekday: int) -> None:
    assert day.weekday() == weekday
    with pytest.warns(ProvisionalCalendarWarning, match=str(day.year)):
        working = vietnam_calendar().is_working_day(day)
    assert not working
    entry = vietnam_calendar().day_info(day)
    assert entry is not None
    assert entry.source.number == "28/2026/QH16"
    assert entry.status is DayStatus.PROVISIONAL


def test_culture_day_on_a_weekend_gives_no_day_in_lieu_by_default() -> None:
    sat, sun = D(2029, 11, 24), D(2030, 11, 24)
    assert (sat.weekday(), sun.weekday()) == (5, 6)
    plain = vietnam_calendar()
    lieu = vietnam_calendar(policies=["culture_day_compensation"])
    with provisional_ok():
        assert plain.is_working_day(D(2029, 11, 26))  # Monday after
        assert plain.is_working_day(D(2030, 11, 25))
        assert not lieu.is_working_day(D(2029, 11, 26))
        assert not lieu.is_working_day(D(2030, 11, 25))
        entry = lieu.day_info(D(2029, 11, 26))
    assert entry is not None
    assert entry.kind is DayKind.COMPENSATORY
    assert entry.source.confidence is Confidence.UNCONFIRMED


def test_culture_day_switch_is_deprecated() -> None:
    for value in (True, False):
        with pytest.warns(DeprecationWarning, match="28/2026/QH16"):
            cal = vietnam_calendar(culture_day=value)
        assert cal == vietnam_calendar()
        assert not cal.is_working_day(D(2026, 11, 24))
    assert vietnam_calendar().culture_day is True


def test_culture_day_was_not_off_before_the_resolution() -> None:
    with provisional_ok():
        for year in (2018, 2017, 2000):
            day = D(year, 11, 24)
            if day.weekday() < SATURDAY:
                assert vietnam_calendar().is_working_day(day), year


def test_status_says_when_a_verified_year_cites_an_unread_document(cal: WorkCalendar) -> None:
    for year in cal.verified_years:
        for entry in (*cal.days_off(year), *cal.make_up_days(year)):
            if entry.source.confidence is Confidence.VERIFIED:
                assert entry.status is DayStatus.VERIFIED, entry
            else:
                assert entry.status is DayStatus.SOURCE_UNCONFIRMED, entry


# -- verified versus provisional years -----------------------------------------------------------


def test_no_warning_inside_the_verified_years(cal: WorkCalendar) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert not cal.is_working_day(VERIFIED_FIRST)  # Tết DL 2019
        assert cal.is_working_day(VERIFIED_LAST)
        assert cal.add_working_days(D(2026, 12, 30), 1) == VERIFIED_LAST
        assert cal.add_working_days(D(2019, 1, 3), -1) == D(2019, 1, 2)
        assert cal.count_working_days(VERIFIED_FIRST, VERIFIED_LAST) > 0
        cal.days_off(2026)
        cal.make_up_days(2019)


@pytest.mark.parametrize(
    "call",
    [
        pytest.param(lambda c: c.is_working_day(D(2027, 1, 4)), id="is_working_day"),
        pytest.param(lambda c: c.add_working_days(D(2026, 12, 31), 1), id="add-into-2027"),
        pytest.param(lambda c: c.add_working_days(D(2027, 1, 8), -10), id="add-back-from-2027"),
        pytest.param(lambda c: c.count_working_days(D(2026, 12, 1), D(2027, 1, 8)), id="count"),
        pytest.param(lambda c: c.days_off(2027), id="days_off"),
        pytest.param(lambda c: c.make_up_days(2027), id="make_up_days"),
    ],
)
def test_strict_calendar_refuses_2027(call: Call) -> None:
    strict = vietnam_calendar(strict=True)
    with pytest.raises(CalendarNotCoveredError, match="2027") as info:
        call(strict)
    assert info.value.year == 2027
    assert info.value.covered == range(2019, 2027)
    assert isinstance(info.value, LookupError)
    assert isinstance(info.value, TthcError)


def test_strict_calendar_answers_inside_the_verified_years() -> None:
    strict = vietnam_calendar(strict=True)
    assert strict.add_working_days(D(2025, 12, 31), 1) == D(2026, 1, 5)
    assert strict.add_working_days(D(2026, 12, 30), 1) == D(2026, 12, 31)
    with pytest.raises(CalendarNotCoveredError, match="2018"):
        strict.add_working_days(D(2019, 1, 2), -1)


@pytest.mark.parametrize(
    "call",
    [
        pytest.param(lambda c: c.is_working_day(D(2027, 1, 4)), id="is_working_day"),
        pytest.param(lambda c: c.add_working_days(D(2026, 12, 31), 1), id="add-into-2027"),
        pytest.param(lambda c: c.count_working_days(D(2026, 12, 1), D(2027, 1, 8)), id="count"),
        pytest.param(lambda c: c.add_working_days(D(2027, 1, 8), -10), id="add-back-from-2027"),
    ],
)
def test_provisional_answers_warn(cal: WorkCalendar, call: Call) -> None:
    with pytest.warns(ProvisionalCalendarWarning, match="2027") as record:
        call(cal)
    warning = record[0].message
    assert isinstance(warning, ProvisionalCalendarWarning)
    assert 2027 in warning.years
    assert warning.covered == range(2019, 2027)


def test_provisional_rows_are_marked(cal: WorkCalendar) -> None:
    """Rows of an unverified year say so themselves (a warning is optional here)."""
    with provisional_ok():
        entries = cal.days_off(2027)
    assert entries
    assert all(e.status is DayStatus.PROVISIONAL for e in entries)
    assert all(e.kind in {DayKind.HOLIDAY, DayKind.COMPENSATORY} for e in entries)
    assert D(2027, 1, 1) in [e.day for e in entries]  # Tết DL, a Friday


def test_provisional_years(cal: WorkCalendar) -> None:
    assert cal.provisional_years(D(2026, 12, 20), D(2027, 1, 8)) == (2027,)
    assert cal.provisional_years(D(2027, 1, 8), D(2018, 12, 1)) == (2018, 2027)
    assert cal.provisional_years(VERIFIED_FIRST, VERIFIED_LAST) == ()


# -- range, limits and types ---------------------------------------------------------------------


@pytest.mark.parametrize("d", [D(1994, 12, 31), D(2101, 1, 1), date.min, date.max])
def test_dates_outside_the_supported_range(cal: WorkCalendar, d: date) -> None:
    with pytest.raises(DateOutOfRangeError, match=d.isoformat()) as info:
        cal.is_working_day(d)
    assert isinstance(info.value, ValueError)
    assert isinstance(info.value, TthcError)
    assert info.value.first == D(1995, 1, 1)
    assert info.value.last == D(2100, 12, 31)
    with pytest.raises(DateOutOfRangeError):
        cal.add_working_days(d, 1)
    with pytest.raises(DateOutOfRangeError):
        cal.count_working_days(D(2025, 1, 1), d)


def test_supported_range_edges_answer(cal: WorkCalendar) -> None:
    assert cal.supported_range == (D(1995, 1, 1), D(2100, 12, 31))
    with provisional_ok():
        assert not cal.is_working_day(D(1995, 1, 1))  # Sunday, Tết DL
        assert cal.is_working_day(D(2100, 12, 31))  # Friday


@pytest.mark.parametrize(
    ("d", "n"),
    [
        pytest.param(D(2100, 12, 28), 10, id="after-2100"),
        pytest.param(D(1995, 1, 3), -10, id="before-1995"),
        pytest.param(D(2025, 1, 1), 100_000, id="max-count-beyond-range"),
    ],
)
def test_results_outside_the_range(cal: WorkCalendar, d: date, n: int) -> None:
    with provisional_ok(), pytest.raises(DateOutOfRangeError, match=d.isoformat()):
        cal.add_working_days(d, n)


@pytest.mark.parametrize("n", [100_001, -100_001, 10**18])
def test_absurd_counts(cal: WorkCalendar, n: int) -> None:
    with pytest.raises(CountTooLargeError, match=str(n)) as info:
        cal.add_working_days(D(2025, 1, 1), n)
    assert isinstance(info.value, ValueError)
    assert info.value.value == n
    assert info.value.limit == 100_000


@pytest.mark.parametrize(
    "call",
    [
        pytest.param(lambda c: c.is_working_day("2025-01-01"), id="is_working_day-str"),
        pytest.param(lambda c: c.is_working_day(NAIVE), id="is_working_day-dt"),
        pytest.param(lambda c: c.is_working_day(None), id="is_working_day-None"),
        pytest.param(lambda c: c.add_working_days("2025-01-01", 1), id="add-str"),
        pytest.param(lambda c: c.add_working_days(NAIVE, 1), id="add-datetime"),
        pytest.param(lambda c: c.add_working_days(D(2025, 1, 2), 1.0), id="add-float-n"),
        pytest.param(lambda c: c.add_working_days(D(2025, 1, 2), True), id="add-bool-n"),
        pytest.param(lambda c: c.add_working_days(D(2025, 1, 2), "1"), id="add-str-n"),
        pytest.param(lambda c: c.count_working_days(NAIVE, D(2025, 2, 1)), id="count-dt"),
        pytest.param(lambda c: c.count_working_days(D(2025, 1, 2), "2025-02-01"), id="count-str"),
        pytest.param(lambda c: c.days_off("2025"), id="days_off-str"),
        pytest.param(lambda c: c.days_off(True), id="days_off-bool"),
        pytest.param(lambda c: c.make_up_days(2025.0), id="make_up_days-float"),
        pytest.param(lambda c: c.day_info("2025-01-01"), id="day_info-str"),
        pytest.param(lambda c: c.provisional_years("2025", D(2025, 1, 1)), id="provisional-str"),
    ],
)
def test_wrong_types_raise_type_error(cal: WorkCalendar, call: Call) -> None:
    with pytest.raises(TypeError):
        call(cal)


def test_type_error_names_the_value(cal: WorkCalendar) -> None:
    with pytest.raises(TypeError, match="2025-01-01"):
        cal.is_working_day("2025-01-01")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"1\.5"):
        cal.add_working_days(D(2025, 1, 1), 1.5)  # type: ignore[arg-type]


def test_days_off_years_outside_the_range(cal: WorkCalendar) -> None:
    for year in (1994, 2101):
        with pytest.raises(DateOutOfRangeError, match=str(year)):
            cal.days_off(year)


@pytest.mark.parametrize("year", [1994, 2101, 0, -5, 10_000])
def test_days_off_error_names_the_year_given(cal: WorkCalendar, year: int) -> None:
    """Issue §3: the error names the value given, even a year no ``date`` can hold (10000
    was once reported as "year 9999-01-01", and 0 and -5 as "year 0001-01-01")."""
    with pytest.raises(DateOutOfRangeError) as info:
        cal.days_off(year)
    assert re.search(rf"(?<![\d-]){year}(?!\d)", str(info.value)), str(info.value)


# -- immutability and overrides ------------------------------------------------------------------


def test_work_calendar_is_frozen(cal: WorkCalendar) -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        cal.strict = True  # type: ignore[misc]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        cal.count_make_up_days = False  # type: ignore[misc]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        cal.overrides = ()  # type: ignore[misc]


def test_calendar_day_is_frozen(cal: WorkCalendar) -> None:
    entry = cal.days_off(2026)[0]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        entry.day = D(2026, 1, 5)  # type: ignore[misc]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        entry.kind = DayKind.MAKE_UP  # type: ignore[misc]


def test_office_hours_are_frozen() -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        OfficeHours().periods = ()  # type: ignore[misc]


def test_vietnam_calendar_returns_equal_calendars() -> None:
    assert vietnam_calendar() == vietnam_calendar()
    assert vietnam_calendar() != vietnam_calendar(strict=True)
    assert vietnam_calendar(policies=["culture_day_compensation"]) != vietnam_calendar()
    assert "2019-2026" in repr(vietnam_calendar())


def test_with_days_off_returns_a_new_calendar(cal: WorkCalendar) -> None:
    day = D(2025, 3, 3)
    local = cal.with_days_off(
        [day], name="Nghỉ theo quyết định của UBND tỉnh", source="QĐ 1/QĐ-UBND"
    )
    assert local is not cal
    assert not local.is_working_day(day)
    assert cal.is_working_day(day)
    assert vietnam_calendar().is_working_day(day)
    assert cal.overrides == ()
    assert local.add_working_days(D(2025, 2, 28), 1) == D(2025, 3, 4)
    entry = local.day_info(day)
    assert entry is not None
    assert entry.kind is DayKind.LOCAL_DAY_OFF
    assert entry.status is DayStatus.LOCAL
    assert isinstance(entry.source, LegalSource)
    assert "QĐ 1/QĐ-UBND" in str(entry.source)
    assert day in [e.day for e in local.days_off(2025)]


def test_with_working_days_saturday_reception(cal: WorkCalendar) -> None:
    saturday = D(2025, 11, 15)
    morning = OfficeHours(((time(7, 30), time(11, 30)),))
    local = cal.with_working_days(
        [saturday], name="Tiếp nhận sáng thứ Bảy", source="local decision", hours=morning
    )
    assert local.is_working_day(saturday)
    assert not cal.is_working_day(saturday)
    assert local.add_working_days(D(2025, 11, 14), 1) == saturday
    assert cal.add_working_days(D(2025, 11, 14), 1) == D(2025, 11, 17)
    assert local.hours_on(saturday) == morning
    assert cal.hours_on(saturday) == OfficeHours()
    assert [e.day for e in local.make_up_days(2025)] == [D(2025, 4, 26), saturday]
    entry = local.day_info(saturday)
    assert entry is not None
    assert entry.kind is DayKind.LOCAL_WORKING_DAY
    assert entry.is_working


def test_with_working_days_on_a_holiday(cal: WorkCalendar) -> None:
    local = cal.with_working_days([D(2025, 4, 30)], name="Trực lễ", source="phân công trực")
    assert local.is_working_day(D(2025, 4, 30))
    assert D(2025, 4, 30) not in [e.day for e in local.days_off(2025)]


def test_with_office_hours_returns_a_new_calendar(cal: WorkCalendar) -> None:
    hanoi_hours = OfficeHours(((time(8), time(12)), (time(13), time(17))))
    hanoi = cal.with_office_hours(hanoi_hours, valid_from=D(2025, 7, 1), source="Quy chế làm việc")
    assert hanoi is not cal
    assert hanoi.hours_on(D(2025, 7, 1)) == hanoi_hours
    assert hanoi.hours_on(D(2025, 6, 30)) == OfficeHours()
    assert cal.hours_on(D(2025, 7, 1)) == OfficeHours()
    source = hanoi.office_hours[-1].source
    assert source is not None
    assert (source.number, source.title) == ("local", "Quy chế làm việc")
    assert source.confidence is not Confidence.VERIFIED  # the caller's text, unchecked


def test_later_office_hours_win(cal: WorkCalendar) -> None:
    first = OfficeHours(((time(8), time(12)),))
    second = OfficeHours(((time(9), time(12)),))
    both = cal.with_office_hours(first, valid_from=D(2025, 7, 1), source="a").with_office_hours(
        second, valid_from=D(2025, 7, 1), source="b"
    )
    assert both.hours_on(D(2025, 7, 2)) == second


@pytest.mark.parametrize("source", ["", "   ", None, 42])
def test_overrides_need_a_source(cal: WorkCalendar, source: object) -> None:
    with pytest.raises(TypeError):
        cal.with_days_off([D(2025, 3, 3)], name="x", source=source)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        cal.with_working_days([D(2025, 3, 8)], name="x", source=source)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        cal.with_office_hours(OfficeHours(), valid_from=D(2025, 1, 1), source=source)  # type: ignore[arg-type]


def test_overrides_name_at_least_one_day(cal: WorkCalendar) -> None:
    with pytest.raises(InvalidOverrideError):
        cal.with_days_off([], name="x", source="y")
    with pytest.raises(InvalidOverrideError):
        cal.with_working_days([], name="x", source="y")


def test_overrides_check_their_days(cal: WorkCalendar) -> None:
    with pytest.raises(TypeError):
        cal.with_days_off([NAIVE], name="x", source="y")
    with pytest.raises(DateOutOfRangeError):
        cal.with_days_off([D(2101, 1, 1)], name="x", source="y")
    with pytest.raises(TypeError):
        cal.with_office_hours("08:00-17:00", valid_from=D(2025, 1, 1), source="y")  # type: ignore[arg-type]


def test_calendar_day_validates_its_kind() -> None:
    src = LegalSource("x", "y")
    with pytest.raises(ValueError, match="nonsense"):
        CalendarDay(D(2025, 1, 1), "nonsense", "n", src, DayStatus.LOCAL)
    day = CalendarDay(D(2025, 1, 1), "holiday", "n", src, "verified")
    assert day.kind is DayKind.HOLIDAY
    assert day.status is DayStatus.VERIFIED


# -- properties ----------------------------------------------------------------------------------


def _naive_add(cal: WorkCalendar, d: date, n: int) -> date:
    """Day-by-day reference implementation, from is_working_day alone."""
    step = timedelta(1 if n >= 0 else -1)
    if n == 0:
        while not cal.is_working_day(d):
            d += step
        return d
    left = abs(n)
    while left:
        d += step
        left -= cal.is_working_day(d)
    return d


@given(d=any_dates(), n=working_day_counts)
@example(d=D(2024, 4, 26), n=1)  # 30/4 swap, 2450/VPCP-KGVX
@example(d=D(2026, 12, 31), n=1)  # into a provisional year
def test_result_is_a_working_day(cal: WorkCalendar, d: date, n: int) -> None:
    with provisional_ok():
        result = cal.add_working_days(d, n)
        assert result > d
        assert cal.is_working_day(result)


@given(d=any_dates(), n=st.integers(min_value=-60, max_value=60))
@example(d=D(2025, 4, 25), n=1)
@example(d=D(2018, 12, 28), n=1)
def test_add_matches_a_day_by_day_walk(cal: WorkCalendar, d: date, n: int) -> None:
    with provisional_ok():
        assert cal.add_working_days(d, n) == _naive_add(cal, d, n)


@given(d=any_dates(), n=working_day_counts)
def test_count_inverts_add(cal: WorkCalendar, d: date, n: int) -> None:
    with provisional_ok():
        assert cal.count_working_days(d, cal.add_working_days(d, n)) == n


@given(d=any_dates(), a=working_day_counts, b=working_day_counts)
def test_add_is_additive(cal: WorkCalendar, d: date, a: int, b: int) -> None:
    with provisional_ok():
        assert cal.add_working_days(cal.add_working_days(d, a), b) == cal.add_working_days(
            d, a + b
        )


@given(d1=any_dates(), days=st.integers(min_value=0, max_value=40), n=working_day_counts)
def test_add_is_monotone_in_the_start(cal: WorkCalendar, d1: date, days: int, n: int) -> None:
    d2 = d1 + timedelta(days)
    with provisional_ok():
        assert cal.add_working_days(d1, n) <= cal.add_working_days(d2, n)


@given(d=any_dates(), n=working_day_counts)
@example(d=D(2025, 4, 26), n=3)  # a make-up Saturday
@example(d=D(2026, 1, 2), n=1)  # a swapped day
def test_backward_steps_invert_forward_steps(cal: WorkCalendar, d: date, n: int) -> None:
    with provisional_ok():
        there = cal.add_working_days(d, n)
        back = cal.add_working_days(there, -n)
        if cal.is_working_day(d):
            assert back == d
        else:  # the working day before d: n steps back from the n-th after
            assert back == cal.add_working_days(d, -1)
            assert back < d


@given(a=any_dates(), span=st.integers(min_value=-45, max_value=45))
def test_count_is_antisymmetric_and_counts_working_days(
    cal: WorkCalendar, a: date, span: int
) -> None:
    b = a + timedelta(span)
    with provisional_ok():
        forward = cal.count_working_days(a, b)
        assert forward == -cal.count_working_days(b, a)
        lo, hi = sorted((a, b))
        walked = sum(cal.is_working_day(lo + timedelta(k)) for k in range(1, (hi - lo).days + 1))
        assert forward == (walked if b >= a else -walked)


@given(d=verified_dates(margin_days=120), n=working_day_counts)
def test_verified_arithmetic_never_warns(cal: WorkCalendar, d: date, n: int) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        cal.count_working_days(d, cal.add_working_days(d, n))
        cal.add_working_days(d, -n)


# Each example builds a calendar (about 0.1 s), so CI does not run more examples than dev here;
# every example compares some 500 days instead of a few.
@settings(max_examples=min(50, settings().max_examples))
@given(
    overridden=st.lists(any_dates(), min_size=1, max_size=4, unique=True),
    probes=st.lists(wide_dates(), max_size=50),
    as_working=st.booleans(),
)
@example(overridden=[D(2026, 1, 2)], probes=[], as_working=True)  # a swapped day worked
@example(overridden=[D(2025, 4, 26)], probes=[], as_working=False)  # a make-up Saturday off
def test_override_calendars_agree_elsewhere(
    cal: WorkCalendar, overridden: list[date], probes: list[date], as_working: bool
) -> None:
    if as_working:
        local = cal.with_working_days(overridden, name="Làm việc", source="test")
    else:
        local = cal.with_days_off(overridden, name="Nghỉ", source="test")
    window = [d + timedelta(k) for d in overridden for k in range(-60, 61)]
    with provisional_ok():
        for p in [*window, *probes]:
            if p in overridden:
                assert local.is_working_day(p) is as_working
                info = local.day_info(p)
                assert info is not None
                assert info.status is DayStatus.LOCAL
            else:
                assert local.is_working_day(p) == cal.is_working_day(p), p
                assert local.day_info(p) == cal.day_info(p), p
        # counts differ by exactly the overridden days whose status changed
        lo, hi = min(window) - timedelta(1), max(window)
        changed = sum(cal.is_working_day(d) is not as_working for d in overridden)
        sign = 1 if as_working else -1
        assert local.count_working_days(lo, hi) - cal.count_working_days(lo, hi) == sign * changed
    assert cal.overrides == ()


@given(d=wide_dates())
def test_listed_days_agree_with_is_working_day(cal: WorkCalendar, d: date) -> None:
    with provisional_ok():
        for e in cal.days_off(d.year):
            assert e.day.year == d.year
            assert not cal.is_working_day(e.day)
        for e in cal.make_up_days(d.year):
            assert cal.is_working_day(e.day)


def test_public_names_are_exported() -> None:
    for name in ("WorkCalendar", "CalendarDay", "DayKind", "DayStatus", "vietnam_calendar"):
        assert getattr(tthc, name) is getattr(tthc.calendar, name)
