"""Tests of the law as data (tthc._data) and of its agreement with the ``holidays`` package.

tthc's cited table is the truth tthc answers for; ``holidays`` is a cross-check. The known
disagreements of legal-rules.md §7.4 are listed here exactly, so a ``holidays`` release that
moves any date, or fixes one of them, fails this file loudly instead of moving a deadline.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date, timedelta

import holidays
import pytest

from tests.strategies import provisional_ok
from tests.test_calendar import OFFICIAL_OFF, OFFICIAL_SWAPPED
from tthc import (
    CalendarPolicy,
    Confidence,
    DayKind,
    DayStatus,
    LegalSource,
    ProvisionalCalendarWarning,
    WorkCalendar,
    vietnam_calendar,
)
from tthc._data import days_off as official
from tthc._data import statutory
from tthc.calendar import _lunar_dates, _statutory_year

VERIFIED = range(2019, 2027)
NONE: frozenset[CalendarPolicy] = frozenset()
LIEU = frozenset({CalendarPolicy.CULTURE_DAY_COMPENSATION})
SATURDAY = 5  # date.weekday()
KINDS = {"holiday", "compensatory", "swapped", "make_up"}


# -- the ``holidays`` package versus tthc, 2019-2026 -----------------------------------------------

# legal-rules.md §7.4: each known disagreement, which side has the day, and why.
ONLY_TTHC_OFF = {date(2026, 1, 2)}  # swapped day (12729/VPCP-KGVX); holidays 0.109 lacks it
ONLY_TTHC_MAKE_UP = {date(2026, 1, 10)}  # its make-up Saturday; holidays lacks it
ONLY_HOLIDAYS_OFF: set[date] = set()  # 24/11/2026: both off (holidays 0.109; NQ 28/2026/QH16)
ONLY_HOLIDAYS_MAKE_UP: set[date] = set()


def _holidays_weekdays_off(year: int) -> set[date]:
    vn = holidays.country_holidays("VN", years=year)
    return {d for d in vn if d.year == year and d.weekday() < SATURDAY}


def _holidays_make_up(year: int) -> set[date]:
    vn = holidays.country_holidays("VN", years=year)
    return {d for d in vn.weekend_workdays if d.year == year}  # it also returns 27/12/2014


def _in(days: set[date], year: int) -> set[date]:
    return {d for d in days if d.year == year}


@pytest.mark.parametrize("year", VERIFIED)
def test_holidays_package_disagrees_exactly_as_known(cal: WorkCalendar, year: int) -> None:
    ours_off = {e.day for e in cal.days_off(year)}
    ours_make_up = {e.day for e in cal.make_up_days(year)}
    theirs_off, theirs_make_up = _holidays_weekdays_off(year), _holidays_make_up(year)
    assert ours_off - theirs_off == _in(ONLY_TTHC_OFF, year)
    assert theirs_off - ours_off == _in(ONLY_HOLIDAYS_OFF, year)
    assert ours_make_up - theirs_make_up == _in(ONLY_TTHC_MAKE_UP, year)
    assert theirs_make_up - ours_make_up == _in(ONLY_HOLIDAYS_MAKE_UP, year)


def test_known_disagreements_are_what_tthc_says(cal: WorkCalendar) -> None:
    assert not cal.is_working_day(date(2026, 1, 2))
    assert cal.is_working_day(date(2026, 1, 10))
    assert not cal.is_working_day(date(2026, 11, 24))
    assert [e.day for e in cal.pending_days()] == [date(2026, 11, 23), date(2026, 11, 28)]


def test_holidays_package_gives_the_wrong_answer_of_example_t5() -> None:
    """legal-rules.md §9 T5: with holidays 0.109, 1 wd from 31/12/2025 wrongly gives 02/01."""
    vn = holidays.country_holidays("VN", years=range(2025, 2027))
    assert vn.get_nth_working_day(date(2025, 12, 31), 1) == date(2026, 1, 2)
    assert vietnam_calendar().add_working_days(date(2025, 12, 31), 1) == date(2026, 1, 5)


# -- the statutory generator (provisional years) --------------------------------------------------


@pytest.mark.parametrize("year", VERIFIED)
def test_statutory_rules_reproduce_the_verified_years(year: int) -> None:
    """The provisional generator gives every official weekday off except the swaps."""
    generated = _statutory_year(year, policies=NONE)
    expected = {d for d in OFFICIAL_OFF[year] if d.year == year} - set(OFFICIAL_SWAPPED[year])
    assert {e.day for e in generated} == expected
    assert all(e.status is DayStatus.PROVISIONAL for e in generated)
    assert all(e.kind in {DayKind.HOLIDAY, DayKind.COMPENSATORY} for e in generated)
    assert all(isinstance(e.source, LegalSource) and e.source.number for e in generated)


def _culture_day_off(year: int) -> set[date]:
    """Where holidays puts 24/11 from 2026: the day itself, or the Monday after a weekend."""
    day = date(year, 11, 24)
    if day.weekday() < SATURDAY:
        return {day}
    return {day + timedelta(days=7 - day.weekday())}


@pytest.mark.parametrize("decade", range(2020, 2101, 10), ids=lambda d: f"{max(d, 2027)}s")
def test_statutory_rules_agree_with_holidays_after_2026(decade: int) -> None:
    for year in range(max(decade, 2027), min(decade + 10, 2101)):
        theirs = _holidays_weekdays_off(year)
        without = {e.day for e in _statutory_year(year, policies=NONE)}
        with_lieu = {e.day for e in _statutory_year(year, policies=LIEU)}
        # holidays gives a nghỉ bù for a weekend 24/11; tthc only under the opt-in policy
        assert theirs - without == _culture_day_off(year) - {date(year, 11, 24)}, year
        assert without - theirs == set(), year
        assert with_lieu == theirs, year


def test_culture_day_compensation_pins() -> None:
    assert _culture_day_off(2029) == {date(2029, 11, 26)}  # Sat 24/11 -> Mon 26/11
    assert _culture_day_off(2030) == {date(2030, 11, 25)}  # Sun 24/11 -> Mon 25/11
    assert _culture_day_off(2027) == {date(2027, 11, 24)}  # a Wednesday


def test_calendar_answers_provisional_years_from_the_statutes(cal: WorkCalendar) -> None:
    with provisional_ok():
        for year in (1996, 2010, 2027, 2030, 2099):
            listed = [e.day for e in cal.days_off(year)]
            generated = [e.day for e in _statutory_year(year, policies=NONE)]
            assert listed == generated


# -- Tết placement against the published civil-servant schedules, 2010-2026 ---------------------

# The weekdays off around Tết that the statutes and the placement give (swapped days, which a
# swap decision adds on top, left out), transcribed by hand from the published schedules
# (searched 2026-12-04):
#   2010 hanoimoi.vn 06/02/2010 (off 13-21/02, Fri 19/02 swapped for Sat 27/02)
#   2011 baolangson.vn (off 31/01-07/02; 31/01 and 01/02 swapped for 29-30/01)
#   2012 baobinhdinh.vn 12/2011 (off 21-29/01, Fri 27/01 swapped for Sat 04/02)
#   2013 baothainguyen.vn 28/12/2012 (off 09-17/02, Fri 15/02 swapped for Sat 23/02)
#   2014 laodong.com.vn (off 28/01-05/02, 28-29/01 swapped for Sat 25/01 and Sat 08/02)
#   2015 xahoi.com.vn (off 15-23/02, Mon 16/02 swapped for Sat 14/02)
#   2016 press of 30/10/2015 (off 06-14/02, no swap)
#   2017 batgt.camau.gov.vn (off 26/01-01/02, nghỉ bù 31/01 and 01/02, no swap)
#   2018 baoninhbinh.org.vn (seven days, two before Tết: 14-20/02)
#   2019-2026 the verified schedule (tests/test_calendar.py, OFFICIAL_OFF)
TET_OFF = {
    2010: ("15/02", "16/02", "17/02", "18/02"),
    2011: ("02/02", "03/02", "04/02", "07/02"),
    2012: ("23/01", "24/01", "25/01", "26/01"),
    2013: ("11/02", "12/02", "13/02", "14/02"),  # Fri 08/02 worked, Thu 14/02 off
    2014: ("30/01", "31/01", "03/02", "04/02", "05/02"),  # Wed 05/02 off
    2015: ("17/02", "18/02", "19/02", "20/02", "23/02"),
    2016: ("08/02", "09/02", "10/02", "11/02", "12/02"),
    2017: ("26/01", "27/01", "30/01", "31/01", "01/02"),
    2018: ("14/02", "15/02", "16/02", "19/02", "20/02"),
    2019: ("04/02", "05/02", "06/02", "07/02", "08/02"),
    2020: ("23/01", "24/01", "27/01", "28/01", "29/01"),
    2021: ("10/02", "11/02", "12/02", "15/02", "16/02"),
    2022: ("31/01", "01/02", "02/02", "03/02", "04/02"),
    2023: ("20/01", "23/01", "24/01", "25/01", "26/01"),
    2024: ("08/02", "09/02", "12/02", "13/02", "14/02"),
    2025: ("27/01", "28/01", "29/01", "30/01", "31/01"),
    2026: ("16/02", "17/02", "18/02", "19/02", "20/02"),
}


def _dm(year: int, text: str) -> date:
    day, month = text.split("/")
    return date(year, int(month), int(day))


@pytest.mark.parametrize("year", sorted(TET_OFF))
def test_tet_placement_matches_the_published_schedule(year: int) -> None:
    tet, _ = _lunar_dates(year)
    window = [e.day for e in _statutory_year(year, policies=NONE) if abs((e.day - tet).days) <= 14]
    assert window == [_dm(year, t) for t in TET_OFF[year]]


def test_tet_table_agrees_with_the_verified_transcription() -> None:
    for year in VERIFIED:
        tet, _ = _lunar_dates(year)
        near = {d for d in OFFICIAL_OFF[year] if abs((d - tet).days) <= 14}
        assert near - set(OFFICIAL_SWAPPED[year]) == {_dm(year, t) for t in TET_OFF[year]}


def test_tet_placement_pins_2013_and_2014() -> None:
    cal = vietnam_calendar()
    with provisional_ok():
        assert cal.is_working_day(date(2013, 2, 8))
        assert not cal.is_working_day(date(2013, 2, 14))
        assert not cal.is_working_day(date(2014, 2, 5))
        assert cal.is_working_day(date(2014, 1, 29))  # off in 2014 only by a swap


# -- lunar dates at UTC+7 (legal-rules.md §8.1) ----------------------------------------------------

LUNAR_PINS = [
    pytest.param(2007, date(2007, 2, 17), None, id="Tet-2007-VN-17-02-not-CN-18-02"),
    pytest.param(2009, None, date(2009, 4, 4), id="Gio-To-2009-VN-04-04-not-05-04"),
    pytest.param(2025, date(2025, 1, 29), date(2025, 4, 7), id="Tet-At-Ty-2025"),
    pytest.param(2026, date(2026, 2, 17), date(2026, 4, 26), id="Tet-Binh-Ngo-2026"),
    pytest.param(2030, date(2030, 2, 2), None, id="Tet-2030-VN-02-02-not-CN-03-02"),
    pytest.param(2037, None, date(2037, 4, 24), id="Gio-To-2037-VN-24-04-not-25-04"),
    pytest.param(2053, date(2053, 2, 18), None, id="Tet-2053-VN-18-02-not-CN-19-02"),
]


@pytest.mark.parametrize(("year", "tet", "gio_to"), LUNAR_PINS)
def test_lunar_dates_are_vietnamese(year: int, tet: date | None, gio_to: date | None) -> None:
    got_tet, got_gio_to = _lunar_dates(year)
    if tet is not None:
        assert got_tet == tet
    if gio_to is not None:
        assert got_gio_to == gio_to


@pytest.mark.parametrize(
    ("day", "working"),
    [
        pytest.param(date(2037, 4, 24), False, id="Gio-To-Fri-24-04-2037"),
        pytest.param(date(2037, 4, 23), True, id="Thu-23-04-2037"),
        pytest.param(date(2053, 2, 17), False, id="Tet-eve-Mon-17-02-2053"),
        pytest.param(date(2030, 2, 1), False, id="Tet-eve-Fri-01-02-2030"),
    ],
)
def test_lunar_holidays_in_provisional_years(cal: WorkCalendar, day: date, working: bool) -> None:
    with pytest.warns(ProvisionalCalendarWarning, match=str(day.year)):
        assert cal.is_working_day(day) is working


# -- invariants of the tables ---------------------------------------------------------------------


def test_official_rows_are_well_formed() -> None:
    for d, kind, name, source, note in official.OFFICIAL_DAYS:
        where = f"{d} {kind}"
        assert type(d) is date, where
        assert kind in KINDS, where
        if kind == "make_up":
            assert d.weekday() == SATURDAY, where
        else:
            assert d.weekday() < SATURDAY, where
        assert isinstance(name, str), where
        assert name.strip(), where
        assert isinstance(source, LegalSource), where
        assert source.number.strip(), where
        assert source.title.strip(), where
        assert isinstance(note, str), where


def test_official_rows_are_unique_and_in_the_verified_years() -> None:
    days = [row[0] for row in official.OFFICIAL_DAYS]
    assert [d for d, n in Counter(days).items() if n > 1] == []
    assert official.VERIFIED_YEARS == VERIFIED
    # the 2019 Tết DL swap is the only row dated before the verified years
    assert [d for d in days if d.year not in VERIFIED] == [date(2018, 12, 31)]


def test_every_swap_has_its_make_up_saturday() -> None:
    swapped: dict[LegalSource, list[date]] = defaultdict(list)
    make_up: dict[LegalSource, list[date]] = defaultdict(list)
    for d, kind, _name, source, _note in official.OFFICIAL_DAYS:
        if kind == "swapped":
            swapped[source].append(d)
        elif kind == "make_up":
            make_up[source].append(d)
    assert set(swapped) == set(make_up)
    for source in swapped:
        assert len(swapped[source]) == len(make_up[source]), source.number
        for off, worked in zip(sorted(swapped[source]), sorted(make_up[source]), strict=True):
            assert abs((worked - off).days) <= 14, (off, worked)
    by_year = Counter(max(d.year, 2019) for days in swapped.values() for d in days)
    assert by_year == Counter(max(d.year, 2019) for days in make_up.values() for d in days)


def test_pending_rows() -> None:
    """The proposed 23/11 <-> 28/11/2026 swap: unconfirmed, not in the official rows."""
    assert [(row[0], row[1]) for row in official.PENDING_DAYS] == [
        (date(2026, 11, 23), "swapped"),
        (date(2026, 11, 28), "make_up"),
    ]
    for d, _kind, name, source, note in official.PENDING_DAYS:
        assert "đề xuất" in name
        assert source.confidence is Confidence.UNCONFIRMED
        assert "no decision found" in note
        assert d not in {row[0] for row in official.OFFICIAL_DAYS}


def test_culture_day_row_of_2026() -> None:
    (row,) = [r for r in official.OFFICIAL_DAYS if r[0] == date(2026, 11, 24)]
    _d, kind, name, source, _note = row
    assert (kind, name) == ("holiday", "Ngày Văn hóa Việt Nam")
    assert (source.number, source.provision, source.in_force) == (
        "28/2026/QH16",
        "Điều 2",
        date(2026, 7, 1),
    )


def test_statutory_tables_are_well_formed() -> None:
    first, last = statutory.FIRST_SUPPORTED, statutory.LAST_SUPPORTED
    assert first == date(1995, 1, 1)
    assert last == date(2100, 12, 31)
    for table in (statutory.HOLIDAY_ERAS, statutory.COMPENSATION, statutory.WEEKLY_REST):
        starts = [row[0] for row in table]
        assert starts == sorted(starts)
        assert starts[0] == statutory.FIRST_SUPPORTED
        assert all(isinstance(row[-1], LegalSource) and row[-1].number for row in table)
    assert statutory.WEEKLY_REST[-1][1] == frozenset({6, 7})  # Saturday and Sunday
    tet_days = [row[2] for row in statutory.HOLIDAY_ERAS]
    assert tet_days[-1] == 5  # Labor Code 2019 art. 112: 5 Tết days
    assert statutory.HOLIDAY_ERAS[-1][4] == 2  # Quốc khánh: 2 days from 2021
    month, day, _name, since, source = statutory.CULTURE_DAY
    assert (month, day) == (11, 24)
    assert since == date(2026, 7, 1)  # in force 01/07/2026
    assert source.number == "28/2026/QH16"
    assert statutory.CULTURE_DAY_COMPENSATION.confidence is Confidence.UNCONFIRMED


def test_every_data_module_lists_its_names() -> None:
    from tthc._data import sources

    for module in (official, statutory, sources):
        for name in module.__all__:
            assert hasattr(module, name), f"{module.__name__}.{name}"
    for name in sources.__all__:
        assert isinstance(getattr(sources, name), LegalSource), name
