"""The working calendar of Vietnamese state bodies (lịch làm việc của cơ quan nhà nước).

A *working day* (ngày làm việc) of a state body is a day that is none of: a weekly rest day
(Saturday and Sunday, Quyết định 188/1999/QĐ-TTg), a public holiday or Tết day (Bộ luật Lao
động 2019 Điều 112), a compensatory day (nghỉ bù, Điều 111 khoản 3) or a weekday given off by
the Government's yearly swap (ngày nghỉ hoán đổi). A Saturday worked in exchange for a swapped
day (ngày làm bù) *is* a working day (legal-rules.md §1.2, §2.4).

:func:`vietnam_calendar` returns the national calendar: the official schedule of 2019-2026,
day by day with its sources, and the statutory rules for every other year from 1995 to 2100
(provisional: flagged, never passed off as fact). Working-day arithmetic is O(1) per call over
precomputed tables.

>>> from datetime import date
>>> from tthc import vietnam_calendar
>>> cal = vietnam_calendar()
>>> cal.add_working_days(date(2026, 2, 13), 1)  # Tết Bính Ngọ: 16-20/02/2026 off
datetime.date(2026, 2, 23)
>>> cal.count_working_days(date(2026, 2, 13), date(2026, 3, 6))
10
"""

from __future__ import annotations

import enum
import functools
import os
import warnings
from bisect import bisect_left
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from fractions import Fraction
from itertools import accumulate, compress
from zoneinfo import ZoneInfo

import attrs

from tthc._data import days_off as _official
from tthc._data import lunar as _lunar
from tthc._data import statutory as _statutory
from tthc.errors import (
    CalendarNotCoveredError,
    CountTooLargeError,
    DateOutOfRangeError,
    InvalidOverrideError,
    ProvisionalCalendarWarning,
    ScheduleError,
)
from tthc.legal import Confidence, LegalSource
from tthc.schedules import Schedule, ScheduleDayKind

__all__ = [
    "FIRST_SUPPORTED_DATE",
    "LAST_SUPPORTED_DATE",
    "MAX_WORKING_DAYS",
    "MAX_WORKING_HOURS",
    "VIETNAM_TZ",
    "CalendarDay",
    "CalendarPolicy",
    "DayKind",
    "DayStatus",
    "OfficeHours",
    "OfficeHoursChange",
    "Schedule",
    "WorkCalendar",
    "vietnam_calendar",
]

VIETNAM_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
"""Vietnam time (UTC+7, no daylight saving since 1975): every legal time is read in it."""

FIRST_SUPPORTED_DATE: date = _statutory.FIRST_SUPPORTED
"""1995-01-01, when Labor Code 1994 took effect: the oldest holiday list tthc encodes."""
LAST_SUPPORTED_DATE: date = _statutory.LAST_SUPPORTED
"""2100-12-31: the Vietnamese lunar tables tthc uses end with 2100."""
MAX_WORKING_DAYS = 100_000
"""Largest ``|n|`` accepted by :meth:`WorkCalendar.add_working_days` (about 400 years)."""
MAX_WORKING_HOURS = MAX_WORKING_DAYS * 24
"""Largest amount of working time, in hours, accepted by :meth:`WorkCalendar.add_working_time`."""

_BASE = FIRST_SUPPORTED_DATE.toordinal()
_SPAN = LAST_SUPPORTED_DATE.toordinal() - _BASE + 1
_US_PER_HOUR = 3_600_000_000
_ISO_SATURDAY = 6


class DayKind(enum.StrEnum):
    """Why a day differs from the weekly pattern."""

    HOLIDAY = "holiday"
    """Ngày lễ, tết: a statutory holiday or Tết day (Bộ luật Lao động 2019 Điều 112)."""
    COMPENSATORY = "compensatory"
    """Nghỉ bù: a holiday fell on a weekly rest day (Bộ luật Lao động 2019 Điều 111 khoản 3)."""
    SWAPPED = "swapped"
    """Ngày nghỉ hoán đổi: a weekday given off by the Government's yearly swap."""
    MAKE_UP = "make_up"
    """Ngày làm bù: a Saturday worked in exchange for a swapped day."""
    LOCAL_DAY_OFF = "local_day_off"
    """An extra day off of a province or agency (an override)."""
    LOCAL_WORKING_DAY = "local_working_day"
    """An extra working day of a province or agency, e.g. Saturday-morning reception."""


class DayStatus(enum.StrEnum):
    """How far a day's entry can be trusted."""

    VERIFIED = "verified"
    """From the official schedule of a verified year, citing a document that was read."""
    SOURCE_UNCONFIRMED = "source_unconfirmed"
    """In a verified year's published schedule, but the cited document's number or text was
    not read in the original (only reported second-hand): ``note`` and the source's
    ``confidence`` say what is missing."""
    PROVISIONAL = "provisional"
    """Derived from the statutory rules for a year whose official schedule is not in tthc."""
    PENDING_LEGAL_BASIS = "pending_legal_basis"
    """Proposed, but no binding act was found (the 23/11 <-> 28/11/2026 swap): applied only
    by an opt-in :class:`CalendarPolicy`."""
    LOCAL = "local"
    """An override supplied by the caller, with the caller's source."""


class CalendarPolicy(enum.StrEnum):
    """Opt-in readings of the calendar where the law is not settled (all off by default).

    >>> cal = vietnam_calendar(policies=[CalendarPolicy.CULTURE_DAY_SWAP_2026])
    >>> cal.is_working_day(date(2026, 11, 23)), cal.is_working_day(date(2026, 11, 28))
    (False, True)
    """

    CULTURE_DAY_SWAP_2026 = "culture_day_swap_2026"
    """Monday 23/11/2026 off, Saturday 28/11/2026 worked: proposed in 09/2026, no decision
    found (unconfirmed)."""
    CULTURE_DAY_COMPENSATION = "culture_day_compensation"
    """A nghỉ bù on the next working day when 24/11 falls on a weekly rest day (2029, 2030,
    ...). Unconfirmed: 24/11 is not in Bộ luật Lao động 2019 Điều 112 khoản 1, so Điều 111
    khoản 3 may not reach it; the ``holidays`` package assumes it does."""


_WORKING_KINDS = frozenset({DayKind.MAKE_UP, DayKind.LOCAL_WORKING_DAY})


@attrs.frozen(order=True)
class CalendarDay:
    """One day that differs from the weekly pattern, with its kind, name and legal source.

    >>> from tthc import vietnam_calendar
    >>> day = vietnam_calendar().day_info(date(2026, 1, 2))
    >>> day.kind, day.name, day.source.number, day.status
    (<DayKind.SWAPPED: 'swapped'>, 'Nghỉ hoán đổi dịp Tết Dương lịch', '12729/VPCP-KGVX', <DayStatus.VERIFIED: 'verified'>)
    """

    day: date
    kind: DayKind = attrs.field(converter=DayKind)
    name: str
    """Vietnamese name, as the schedule states it."""
    source: LegalSource = attrs.field(order=False)
    status: DayStatus = attrs.field(converter=DayStatus, order=False)
    note: str = attrs.field(default="", order=False)
    origin: str = attrs.field(default="", order=False)
    """The schedule file the day came from (:class:`~tthc.schedules.Schedule`), or ``""``
    for tthc's bundled data."""

    @property
    def confidence(self) -> Confidence:
        """How well the citation was checked (``status`` says whether the year is covered).

        A verified year's row can rest on a document whose number or text was only reported
        second-hand, e.g. the 2026 Quốc khánh swap; its status then says so.

        >>> from tthc import vietnam_calendar
        >>> day = vietnam_calendar().day_info(date(2026, 8, 22))
        >>> day.confidence, day.status
        (<Confidence.SECONDARY: 'secondary'>, <DayStatus.SOURCE_UNCONFIRMED: 'source_unconfirmed'>)
        """
        return self.source.confidence

    @property
    def is_working(self) -> bool:
        """True for a worked rest day (làm bù or a local working day), False for a day off."""
        return self.kind in _WORKING_KINDS


def _to_periods(periods: Iterable[Iterable[time]]) -> tuple[tuple[time, time], ...]:
    out: list[tuple[time, time]] = []
    for period in periods:
        pair = tuple(period)
        if len(pair) != 2 or not all(isinstance(t, time) for t in pair):
            msg = f"an office-hours period is a (start, end) pair of times, got {period!r}"
            raise TypeError(msg)
        out.append((pair[0], pair[1]))
    return tuple(out)


def _check_periods(
    instance: object, attribute: object, value: tuple[tuple[time, time], ...]
) -> None:
    if not value:
        msg = "office hours need at least one period"
        raise ValueError(msg)
    previous_end: time | None = None
    for period in value:
        start, end = period
        if start.tzinfo is not None or end.tzinfo is not None:
            msg = f"office hours are Vietnam local times without tzinfo, got {period!r}"
            raise ValueError(msg)
        if not start < end:
            msg = f"an office-hours period must start before it ends, got {start}-{end}"
            raise ValueError(msg)
        if previous_end is not None and start < previous_end:
            msg = f"office-hours periods must be in order and not overlap, got {value!r}"
            raise ValueError(msg)
        previous_end = end


def _us(t: time) -> int:
    return ((t.hour * 60 + t.minute) * 60 + t.second) * 1_000_000 + t.microsecond


@attrs.frozen
class OfficeHours:
    """Daily office hours (giờ làm việc) in Vietnam local time.

    No national rule fixes them; each body sets its own (legal-rules.md §2.2). The default is
    the common 07:00-11:30 and 13:30-17:00, eight working hours a day.

    >>> OfficeHours().length
    datetime.timedelta(seconds=28800)
    >>> OfficeHours(((time(8), time(12)), (time(13), time(17)))).closing
    datetime.time(17, 0)
    >>> OfficeHours(((time(13), time(12)),))
    Traceback (most recent call last):
        ...
    ValueError: an office-hours period must start before it ends, got 13:00:00-12:00:00
    """

    periods: tuple[tuple[time, time], ...] = attrs.field(
        default=((time(7), time(11, 30)), (time(13, 30), time(17))),
        converter=_to_periods,
        validator=_check_periods,
    )

    _spans: tuple[tuple[int, int], ...] = attrs.field(init=False, eq=False, repr=False)
    _length_us: int = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        spans = tuple((_us(s), _us(e)) for s, e in self.periods)
        object.__setattr__(self, "_spans", spans)
        object.__setattr__(self, "_length_us", sum(e - s for s, e in spans))

    @property
    def length(self) -> timedelta:
        """Working time in one full day."""
        return timedelta(microseconds=self._length_us)

    @property
    def opening(self) -> time:
        """When the office opens."""
        return self.periods[0][0]

    @property
    def closing(self) -> time:
        """When the office closes (the end of the last period)."""
        return self.periods[-1][1]

    def _elapsed_us(self, x: int) -> int:
        """Office time from opening until *x* microseconds after midnight on a working day."""
        elapsed = 0
        for s, e in self._spans:
            if x <= s:
                break
            elapsed += (x if x < e else e) - s
        return elapsed

    def _time_at(self, elapsed: int) -> int:
        """Microseconds after midnight when *elapsed* office time has passed (0 < elapsed).

        A point exactly at the end of a period stays there (11:30, not 13:30).
        """
        for s, e in self._spans:
            if elapsed <= e - s:
                return s + elapsed
            elapsed -= e - s
        msg = "elapsed time beyond the day's office hours"  # pragma: no cover - guarded
        raise AssertionError(msg)  # pragma: no cover


@attrs.frozen
class OfficeHoursChange:
    """Office hours that apply from a date on (until the next change)."""

    valid_from: date
    hours: OfficeHours
    source: LegalSource | None = None


def _as_source(source: LegalSource | str) -> LegalSource:
    if isinstance(source, LegalSource):
        return source
    if isinstance(source, str) and source.strip():
        # The caller's own text: tthc cannot check it, so it is not marked verified.
        return LegalSource("local", source.strip(), confidence=Confidence.UNCONFIRMED)
    msg = f"an override needs its source (a LegalSource or a non-empty text), got {source!r}"
    raise TypeError(msg)


def _expect(value: object, kind: type) -> None:
    if not isinstance(value, kind):
        msg = f"expected {kind.__name__}, got {value!r}"
        raise TypeError(msg)


def _beyond(start: date, what: str) -> DateOutOfRangeError:
    return DateOutOfRangeError(start, FIRST_SUPPORTED_DATE, LAST_SUPPORTED_DATE, what=what)


def _check_date(d: object) -> date:
    if not isinstance(d, date) or isinstance(d, datetime):
        msg = f"expected a datetime.date (not a datetime), got {d!r}"
        raise TypeError(msg)
    return d


# -- the statutory rules (provisional years) ---------------------------------------------------


def _lunar_dates(year: int) -> tuple[date, date]:
    """Tết (1/1 âm lịch) and Giỗ Tổ (10/3 âm lịch) of *year*, Vietnamese lunar calendar (UTC+7).

    The dates are those of the ``holidays`` package, which computes its Vietnamese calendar at
    UTC+7 (1985, 2007, 2030 differ from the Chinese one). They are read from a table generated
    from it (``_data/lunar.py``, by ``scripts/make_lunar_table.py``), so that a first calendar
    does not pay for importing ``holidays``; a test compares every row with ``holidays``.
    """
    row = _lunar.LUNAR_DATES.get(year)
    if row is None:  # pragma: no cover - the supported range is checked first
        msg = f"no Vietnamese lunar dates for {year}"
        raise LookupError(msg)
    tet_month, tet_day, hung_month, hung_day = row
    return date(year, tet_month, tet_day), date(year, hung_month, hung_day)


def _era(
    d: date,
) -> tuple[date, tuple[tuple[int, int, str], ...], int, bool, int, LegalSource]:
    return [row for row in _statutory.HOLIDAY_ERAS if row[0] <= d][-1]


def _compensation_source(d: date) -> LegalSource:
    return [src for since, src in _statutory.COMPENSATION if since <= d][-1]


def _rest_days(d: date) -> frozenset[int]:
    for since, days, _ in reversed(_statutory.WEEKLY_REST):  # the last row in force on d
        if since <= d:
            return days
    msg = f"no weekly rest rule in force on {d}"  # pragma: no cover - the rules start in 1995
    raise LookupError(msg)  # pragma: no cover


def _is_rest(d: date) -> bool:
    return d.isoweekday() in _rest_days(d)


def _statutory_year(year: int, *, policies: frozenset[CalendarPolicy]) -> list[CalendarDay]:
    """Days off of *year* from the statutes alone: lunar holidays, nghỉ bù, no swaps."""
    off: dict[date, CalendarDay] = {}
    status = DayStatus.PROVISIONAL

    def free(d: date) -> bool:
        return not _is_rest(d) and d not in off

    def next_free(d: date, step: int) -> date:
        """The nearest day after (step 1) or before (step -1) *d* that is neither rest nor off."""
        e = d + timedelta(step)
        while not free(e):
            e += timedelta(step)
        return e

    def place(d: date, kind: DayKind, name: str, source: LegalSource, note: str = "") -> None:
        off[d] = CalendarDay(d, kind, name, source, status, note)

    # Fixed-date holidays of the Labor Code, compensated when on rest days.
    fixed: list[tuple[date, str, LegalSource]] = []
    for month, day, name in _era(date(year, 12, 31))[1]:
        d = date(year, month, day)
        fixed.append((d, name, _era(d)[5]))
    tet, hung = _lunar_dates(year)
    if _era(hung)[3]:
        fixed.append((hung, "Giỗ Tổ Hùng Vương", _era(hung)[5]))
    national_day = date(year, 9, 2)
    if _era(national_day)[4] == 2:
        # The adjacent day is the Prime Minister's choice (Điều 112 khoản 3); this heuristic
        # reproduces 2021-2026 (legal-rules.md §7.4 #9).
        step = {1: 1, 2: -1, 3: -1, 4: 1, 5: -1, 6: -1, 7: 1}[national_day.isoweekday()]
        fixed.append(
            (national_day + timedelta(step), "Quốc khánh (ngày liền kề)", _era(national_day)[5])
        )

    # Tết: the eve (last day of tháng Chạp) and the first days of the year. Which days the
    # Prime Minister gives is decided yearly, so this is a heuristic fitted to the published
    # schedules of 2010-2026 (tests/test_data.py checks each year), not a rule of law: from
    # 2015 a Tết day on a Saturday moves to the working day before and one on a Sunday to the
    # working day after; until 2014 every Tết day on a rest day was compensated on the
    # working days after it, as the Labor Code's nghỉ bù provides.
    tet_source = _era(tet)[5]
    names = ["Tết Nguyên đán (giao thừa)"] + [
        f"Tết Nguyên đán (mùng {k})" for k in range(1, _era(tet)[2])
    ]
    tet_days = [(tet + timedelta(k - 1), names[k]) for k in range(_era(tet)[2])]
    note = "placement of Tết days is decided yearly by the Prime Minister; heuristic"
    saturday_before = tet.year >= _statutory.TET_SATURDAY_BEFORE_FROM
    for d, label in tet_days:
        if free(d):
            place(d, DayKind.HOLIDAY, label, tet_source)
    for d, label in tet_days:
        if saturday_before and d.isoweekday() == _ISO_SATURDAY and _is_rest(d):
            place(next_free(d, -1), DayKind.HOLIDAY, f"{label}, nghỉ thay", tet_source, note)
    for d, label in tet_days:
        if not _is_rest(d) or (saturday_before and d.isoweekday() == _ISO_SATURDAY):
            continue
        if saturday_before:
            place(next_free(d, 1), DayKind.HOLIDAY, f"{label}, nghỉ thay", tet_source, note)
        else:
            place(
                next_free(d, 1),
                DayKind.COMPENSATORY,
                f"Nghỉ bù {label}",
                _compensation_source(d),
                note,
            )

    for d, label, source in fixed:
        if free(d):
            place(d, DayKind.HOLIDAY, label, source)
    for d, label, _source in sorted(fixed):
        if _is_rest(d):
            place(
                next_free(d, 1), DayKind.COMPENSATORY, f"Nghỉ bù {label}", _compensation_source(d)
            )

    # 24/11 from 2026 (Nghị quyết 28/2026/QH16 Điều 2): not a Labor Code holiday, so its nghỉ
    # bù on a weekend is an opt-in policy.
    month, day, name, since, source = _statutory.CULTURE_DAY
    culture = date(year, month, day)
    if culture >= since:
        if free(culture):
            place(culture, DayKind.HOLIDAY, name, source)
        elif _is_rest(culture) and CalendarPolicy.CULTURE_DAY_COMPENSATION in policies:
            place(
                next_free(culture, 1),
                DayKind.COMPENSATORY,
                f"Nghỉ bù {name}",
                _statutory.CULTURE_DAY_COMPENSATION,
                "opt-in policy CULTURE_DAY_COMPENSATION (unconfirmed)",
            )
    return [off[d] for d in sorted(off)]  # one entry per day: the order of CalendarDay


def _official_status(source: LegalSource) -> DayStatus:
    """VERIFIED only when the cited document itself was read; else what is missing."""
    if source.confidence is Confidence.VERIFIED:
        return DayStatus.VERIFIED
    return DayStatus.SOURCE_UNCONFIRMED


_SCHEDULE_KINDS = {
    ScheduleDayKind.OFF: DayKind.HOLIDAY,
    ScheduleDayKind.HOLIDAY: DayKind.HOLIDAY,
    ScheduleDayKind.COMPENSATORY: DayKind.COMPENSATORY,
    ScheduleDayKind.SWAPPED: DayKind.SWAPPED,
    ScheduleDayKind.MAKE_UP: DayKind.MAKE_UP,
}

_POLICY_DAYS = {CalendarPolicy.CULTURE_DAY_SWAP_2026: _official.PENDING_DAYS}
"""The proposed days each policy applies (``tthc._data.days_off.PENDING_DAYS``)."""


@functools.cache
def _national_days(policies: frozenset[CalendarPolicy]) -> dict[int, CalendarDay]:
    """Every non-pattern day 1995-2100: official rows where verified, statutory elsewhere."""
    days: dict[int, CalendarDay] = {}
    verified = _official.VERIFIED_YEARS
    for year in range(FIRST_SUPPORTED_DATE.year, LAST_SUPPORTED_DATE.year + 1):
        if year not in verified:
            for entry in _statutory_year(year, policies=policies):
                days[entry.day.toordinal()] = entry
    for d, kind, name, source, note in _official.OFFICIAL_DAYS:
        days[d.toordinal()] = CalendarDay(d, kind, name, source, _official_status(source), note)
    for policy in sorted(policies):
        for d, kind, name, source, note in _POLICY_DAYS.get(policy, ()):
            days[d.toordinal()] = CalendarDay(
                d, kind, name, source, DayStatus.PENDING_LEGAL_BASIS, note
            )
    return days


def _pending_days(policies: frozenset[CalendarPolicy]) -> tuple[CalendarDay, ...]:
    return tuple(
        CalendarDay(d, kind, name, source, DayStatus.PENDING_LEGAL_BASIS, note)
        for policy, rows in _POLICY_DAYS.items()
        if policy not in policies
        for d, kind, name, source, note in rows
    )


def _to_policies(value: Iterable[CalendarPolicy | str]) -> frozenset[CalendarPolicy]:
    if isinstance(value, str):
        value = (value,)
    return frozenset(CalendarPolicy(p) for p in value)


def _to_schedules(value: Iterable[object]) -> tuple[Schedule, ...]:
    out = tuple(value)
    for s in out:
        if not isinstance(s, Schedule):
            msg = f"expected a Schedule (Schedule.read(path) or a path), got {s!r}"
            raise TypeError(msg)
    return out  # type: ignore[return-value]  # each item checked above


def _lay_schedules(
    days: dict[int, CalendarDay], schedules: tuple[Schedule, ...]
) -> tuple[int, int]:
    """Lay *schedules* over *days* (in place); return the verified years' first and last.

    A day of a file may not change the answer of a bundled verified day unless the file says
    ``overrides_verified = true``; the verified years must stay one unbroken range.
    """
    bundled = _official.VERIFIED_YEARS
    first, last = bundled.start, bundled.stop - 1
    claimed: set[int] = set()
    for schedule in schedules:
        new_years = [y for y in schedule.verified_years if y not in bundled]
        # A file gives its verified years in full: the provisional answer for them goes, and
        # so does tthc's own verified schedule of a year the file is allowed to override.
        replaced = schedule.verified_years if schedule.overrides_verified else new_years
        for y in replaced:
            lo, hi = date(y, 1, 1).toordinal(), date(y, 12, 31).toordinal()
            for o in [o for o in days if lo <= o <= hi and days[o].origin == ""]:
                del days[o]
        claimed.update(new_years)
        for entry in schedule.days:
            o = entry.day.toordinal()
            working = entry.kind is ScheduleDayKind.MAKE_UP
            if entry.day.year in bundled:
                old = days.get(o)
                was_working = not _is_rest(entry.day) if old is None else old.is_working
                if old is not None and old.origin:
                    pass  # an earlier file: later files win
                elif working != was_working and not schedule.overrides_verified:
                    what = "a working day" if was_working else f"off ({old.name if old else ''})"
                    raise ScheduleError(
                        schedule.origin,
                        f"days (date = {entry.day.isoformat()})",
                        f"{entry.day.isoformat()} is {what} in tthc's verified "
                        f"{entry.day.year} schedule; set [coverage] overrides_verified = true "
                        "to change a verified day",
                        entry.day,
                    )
            kind = _SCHEDULE_KINDS[entry.kind]
            days[o] = CalendarDay(
                entry.day,
                kind,
                entry.name,
                schedule.document,
                _official_status(schedule.document),
                entry.note,
                origin=schedule.origin,
            )
    years = sorted({*range(first, last + 1), *claimed})
    if years != list(range(years[0], years[-1] + 1)):
        gap = next(y for y in range(years[0], years[-1] + 1) if y not in years)
        origin = next(
            s.origin
            for s in schedules
            if any(y > gap > last or y < gap < first for y in s.verified_years)
        )
        raise ScheduleError(
            origin,
            "coverage.verified_years",
            f"the verified years would have a gap at {gap}; a schedule file may only extend "
            f"{first}-{last} year by year",
            sorted(claimed),
        )
    return years[0], years[-1]


# -- the calendar ------------------------------------------------------------------------------


def _time_amount_us(hours: object) -> int:
    if type(hours) is timedelta:
        return (hours.days * 86_400 + hours.seconds) * 1_000_000 + hours.microseconds
    if type(hours) is int:
        return hours * _US_PER_HOUR
    if isinstance(hours, timedelta):
        return (hours.days * 86_400 + hours.seconds) * 1_000_000 + hours.microseconds
    if isinstance(hours, bool) or not isinstance(hours, int | Fraction | Decimal | float):
        msg = f"working time is a timedelta or a number of hours, got {hours!r}"
        raise TypeError(msg)
    try:
        exact = Fraction(hours) * _US_PER_HOUR
    except (OverflowError, ValueError):  # inf, nan
        if hours > 0:
            raise CountTooLargeError(hours, MAX_WORKING_HOURS, what="working hours") from None
        msg = f"working time must be a finite number of hours, got {hours!r}"
        raise ValueError(msg) from None
    if exact.denominator != 1:
        msg = f"{hours!r} hours is not a whole number of microseconds; pass a Fraction or Decimal"
        raise ValueError(msg)
    return int(exact)


def _local_parts(at: object) -> tuple[int, int]:
    """(ordinal, microseconds after midnight) of *at* in Vietnam time.

    Naive datetimes are read as Vietnam local time; aware ones are converted.
    """
    if not isinstance(at, datetime):
        msg = f"expected a datetime, got {at!r}"
        raise TypeError(msg)
    tz = at.tzinfo
    if tz is not None and tz is not VIETNAM_TZ and at.utcoffset() is not None:
        at = at.astimezone(VIETNAM_TZ)
    return at.toordinal(), ((at.hour * 60 + at.minute) * 60 + at.second) * 1_000_000 + (
        at.microsecond
    )


_TIMES: dict[int, time] = {}
"""Aware Vietnam-time ``time`` values by µs after midnight (appointments repeat: memoised)."""


def _instant(d: date, x: int) -> datetime:
    """The aware Vietnam-time instant *x* microseconds after midnight of working day *d*."""
    t = _TIMES.get(x)
    if t is None:
        t = time(
            x // 3_600_000_000,
            x // 60_000_000 % 60,
            x // 1_000_000 % 60,
            x % 1_000_000,
            VIETNAM_TZ,
        )
        if len(_TIMES) < 100_000:  # bounded: at most one entry per distinct instant of day
            _TIMES[x] = t
    return datetime.combine(d, t)


@attrs.frozen(repr=False)
class WorkCalendar:
    """An immutable working-day calendar; build one with :func:`vietnam_calendar`.

    Overrides (:meth:`with_days_off`, :meth:`with_working_days`, :meth:`with_office_hours`)
    return new calendars and never change this one.
    """

    strict: bool = attrs.field(default=False, kw_only=True)
    """Raise :class:`~tthc.errors.CalendarNotCoveredError` for unverified years, not warn."""
    count_make_up_days: bool = attrs.field(default=True, kw_only=True)
    """Whether make-up Saturdays (làm bù) are working days (legal-rules.md §2.4)."""
    policies: frozenset[CalendarPolicy] = attrs.field(
        default=frozenset(), kw_only=True, converter=_to_policies
    )
    """The opt-in :class:`CalendarPolicy` readings applied (none by default)."""
    schedules: tuple[Schedule, ...] = attrs.field(
        default=(), kw_only=True, converter=_to_schedules
    )
    """Schedule files laid over the bundled data, in order (:mod:`tthc.schedules`)."""
    overrides: tuple[CalendarDay, ...] = attrs.field(default=(), kw_only=True)
    """Local days off and working days, later entries winning."""
    office_hours: tuple[OfficeHoursChange, ...] = attrs.field(
        default=(OfficeHoursChange(FIRST_SUPPORTED_DATE, OfficeHours()),), kw_only=True
    )
    """Office hours by the date they apply from (the first applies from 1995-01-01)."""
    day_hours: tuple[tuple[date, OfficeHours], ...] = attrs.field(default=(), kw_only=True)
    """Office hours of single days (e.g. a Saturday morning), winning over ``office_hours``."""

    _days: dict[int, CalendarDay] = attrs.field(init=False, eq=False, hash=False)
    _working: bytearray = attrs.field(init=False, eq=False, hash=False)
    _cum: list[int] = attrs.field(init=False, eq=False, hash=False)
    _wd: list[date] = attrs.field(init=False, eq=False, hash=False)
    _day_us: list[int] = attrs.field(init=False, eq=False, hash=False)
    _cum_us: list[int] = attrs.field(init=False, eq=False, hash=False)
    _hours: list[OfficeHours] = attrs.field(init=False, eq=False, hash=False)
    _verified_lo: int = attrs.field(init=False, eq=False, hash=False)
    _verified_hi: int = attrs.field(init=False, eq=False, hash=False)
    _verified: range = attrs.field(init=False, eq=False, hash=False)

    def __attrs_post_init__(self) -> None:
        days = dict(_national_days(self.policies))
        first, last = _lay_schedules(days, self.schedules)
        for override in self.overrides:
            days[override.day.toordinal()] = override
        # Built a slice at a time (the weekly pattern of each rest era, the hours of each
        # change), then the few thousand listed days: a first calendar costs a few ms.
        working = bytearray(_SPAN)
        rest_changes = sorted(
            (
                (max(since.toordinal() - _BASE, 0), rest)
                for since, rest, _ in _statutory.WEEKLY_REST
            ),
            key=lambda c: c[0],
        )
        for k, (lo, rest) in enumerate(rest_changes):
            hi = rest_changes[k + 1][0] if k + 1 < len(rest_changes) else _SPAN
            if lo < hi:
                week = bytes((lo + _BASE + j - 1) % 7 + 1 not in rest for j in range(7))
                working[lo:hi] = (week * ((hi - lo) // 7 + 1))[: hi - lo]
        count_make_up = self.count_make_up_days
        for o, entry in days.items():
            i = o - _BASE
            if 0 <= i < _SPAN:
                if entry.kind is DayKind.MAKE_UP:
                    working[i] = count_make_up
                else:
                    working[i] = entry.kind is DayKind.LOCAL_WORKING_DAY
        changes = sorted(self.office_hours, key=lambda c: c.valid_from)
        hours: list[OfficeHours] = [changes[0].hours] * _SPAN
        for k, change in enumerate(changes):
            lo = min(max(change.valid_from.toordinal() - _BASE, 0), _SPAN)
            hi = _SPAN
            if k + 1 < len(changes):
                hi = min(max(changes[k + 1].valid_from.toordinal() - _BASE, 0), _SPAN)
            if lo < hi:
                hours[lo:hi] = [change.hours] * (hi - lo)
        for d, h in self.day_hours:
            i = d.toordinal() - _BASE
            if 0 <= i < _SPAN:
                hours[i] = h
        day_us = [h._length_us if w else 0 for h, w in zip(hours, working, strict=True)]
        cum = list(accumulate(working, initial=0))
        cum_us = list(accumulate(day_us, initial=0))
        wd = list(map(date.fromordinal, compress(range(_BASE, _BASE + _SPAN), working)))
        verified = range(first, last + 1)
        object.__setattr__(self, "_verified", verified)
        object.__setattr__(self, "_days", days)
        object.__setattr__(self, "_working", working)
        object.__setattr__(self, "_cum", cum)
        object.__setattr__(self, "_wd", wd)
        object.__setattr__(self, "_day_us", day_us)
        object.__setattr__(self, "_cum_us", cum_us)
        object.__setattr__(self, "_hours", hours)
        object.__setattr__(self, "_verified_lo", date(verified.start, 1, 1).toordinal())
        object.__setattr__(self, "_verified_hi", date(verified.stop - 1, 12, 31).toordinal())

    def __repr__(self) -> str:
        v = self.verified_years
        return (
            f"WorkCalendar(verified={v.start}-{v.stop - 1}, strict={self.strict}, "
            f"count_make_up_days={self.count_make_up_days}, "
            f"policies={sorted(p.value for p in self.policies)}, "
            f"schedules={len(self.schedules)}, overrides={len(self.overrides)}, "
            f"office_hours={len(self.office_hours)})"
        )

    # -- coverage ---------------------------------------------------------------------------

    @property
    def verified_years(self) -> range:
        """Years whose official schedule tthc holds day by day (2019-2026, plus schedule files).

        >>> vietnam_calendar().verified_years
        range(2019, 2027)
        """
        return self._verified

    @property
    def culture_day(self) -> bool:
        """Always True: 24/11 is a day off by law from 2026 (Nghị quyết 28/2026/QH16 Điều 2).

        .. deprecated:: 0.2
           The ``culture_day`` switch is gone; this property remains for old callers.
        """
        return True

    @property
    def supported_range(self) -> tuple[date, date]:
        """First and last date the calendar answers for at all."""
        return FIRST_SUPPORTED_DATE, LAST_SUPPORTED_DATE

    def provisional_years(self, start: date, end: date) -> tuple[int, ...]:
        """The unverified years among those of the days from *start* to *end* (either order).

        An answer that depends on one of them is provisional.

        >>> cal = vietnam_calendar()
        >>> cal.provisional_years(date(2026, 12, 20), date(2027, 1, 8))
        (2027,)
        >>> cal.provisional_years(date(2025, 1, 1), date(2026, 12, 31))
        ()
        """
        lo, hi = sorted((_check_date(start), _check_date(end)))
        return tuple(y for y in range(lo.year, hi.year + 1) if y not in self.verified_years)

    def _cover(self, lo: int, hi: int) -> None:
        """Warn (or raise, if strict) when ordinals lo..hi leave the verified years."""
        if self._verified_lo <= lo and hi <= self._verified_hi:
            return
        first, last = date.fromordinal(lo).year, date.fromordinal(hi).year
        years = tuple(y for y in range(first, last + 1) if y not in self.verified_years)
        if self.strict:
            raise CalendarNotCoveredError(years[0], self.verified_years)
        warnings.warn(ProvisionalCalendarWarning(years, self.verified_years), stacklevel=3)

    def _index(self, d: object) -> int:
        if not isinstance(d, date) or isinstance(d, datetime):
            msg = f"expected a datetime.date (not a datetime), got {d!r}"
            raise TypeError(msg)
        i = d.toordinal() - _BASE
        if not 0 <= i < _SPAN:
            raise DateOutOfRangeError(d, FIRST_SUPPORTED_DATE, LAST_SUPPORTED_DATE)
        return i

    # -- days ---------------------------------------------------------------------------------

    def is_working_day(self, d: date) -> bool:
        """Whether *d* is a working day (ngày làm việc) of state bodies.

        >>> cal = vietnam_calendar()
        >>> cal.is_working_day(date(2026, 1, 2))   # swapped day off (12729/VPCP-KGVX)
        False
        >>> cal.is_working_day(date(2026, 1, 10))  # Saturday worked in exchange
        True
        >>> cal.is_working_day(date(2026, 11, 24))  # Ngày Văn hóa (NQ 28/2026/QH16)
        False
        """
        i = self._index(d)
        o = i + _BASE
        if not self._verified_lo <= o <= self._verified_hi:
            self._cover(o, o)
        return bool(self._working[i])

    def day_info(self, d: date) -> CalendarDay | None:
        """The entry explaining *d* when it departs from the weekly pattern, else ``None``.

        >>> vietnam_calendar().day_info(date(2025, 4, 26)).name
        'Làm bù cho thứ Sáu 2/5'
        """
        self._index(d)
        return self._days.get(d.toordinal())

    def _year_entries(self, year: int) -> list[CalendarDay]:
        if isinstance(year, bool) or not isinstance(year, int):
            msg = f"expected a year as int, got {year!r}"
            raise TypeError(msg)
        if not FIRST_SUPPORTED_DATE.year <= year <= LAST_SUPPORTED_DATE.year:
            raise DateOutOfRangeError(
                year,
                FIRST_SUPPORTED_DATE,
                LAST_SUPPORTED_DATE,
                what="year",
            )
        if self.strict and year not in self.verified_years:
            raise CalendarNotCoveredError(year, self.verified_years)
        lo, hi = date(year, 1, 1).toordinal(), date(year, 12, 31).toordinal()
        return [self._days[o] for o in sorted(self._days) if lo <= o <= hi]

    def days_off(self, year: int) -> tuple[CalendarDay, ...]:
        """Every day of *year* that is not a working day although the weekly pattern says it is.

        Holidays falling on a weekend are not listed (their nghỉ bù is). Rows of an unverified
        year have status ``PROVISIONAL``.

        >>> for d in vietnam_calendar().days_off(2026)[:3]:
        ...     print(d.day, d.kind, d.source.number)
        2026-01-01 holiday 45/2019/QH14
        2026-01-02 swapped 12729/VPCP-KGVX
        2026-02-16 holiday 9441/TB-BNV
        """
        return tuple(
            e
            for e in self._year_entries(year)
            if not self._working[e.day.toordinal() - _BASE] and self._pattern_working(e.day)
        )

    def make_up_days(self, year: int) -> tuple[CalendarDay, ...]:
        """Every weekly rest day of *year* that is worked (làm bù, local working days).

        >>> [d.day.isoformat() for d in vietnam_calendar().make_up_days(2026)]
        ['2026-01-10', '2026-08-22']
        >>> vietnam_calendar(count_make_up_days=False).make_up_days(2026)
        ()
        """
        return tuple(
            e
            for e in self._year_entries(year)
            if self._working[e.day.toordinal() - _BASE] and not self._pattern_working(e.day)
        )

    def pending_days(self) -> tuple[CalendarDay, ...]:
        """Proposed days without a binding act, which this calendar does not apply.

        Each belongs to a :class:`CalendarPolicy`; opting in applies it instead.

        >>> [(d.day.isoformat(), d.kind.value) for d in vietnam_calendar().pending_days()]
        [('2026-11-23', 'swapped'), ('2026-11-28', 'make_up')]
        >>> vietnam_calendar(policies=["culture_day_swap_2026"]).pending_days()
        ()
        """
        return _pending_days(self.policies)

    @staticmethod
    def _pattern_working(d: date) -> bool:
        return not _is_rest(d)

    # -- working-day arithmetic --------------------------------------------------------------

    def add_working_days(self, d: date, n: int) -> date:
        """The *n*-th working day after *d* (before it, for negative *n*).

        For ``n >= 1`` the start day is not counted (Bộ luật Dân sự 2015 Điều 147 khoản 2):
        the result is the n-th working day strictly after *d*. ``n == 0`` gives *d* if it is a
        working day, else the next working day. ``n < 0`` gives the ``|n|``-th working day strictly
        before *d*.

        >>> cal = vietnam_calendar()
        >>> cal.add_working_days(date(2025, 4, 24), 5)  # make-up Sat 26/04/2025 counts
        datetime.date(2025, 5, 5)
        >>> vietnam_calendar(count_make_up_days=False).add_working_days(date(2025, 4, 24), 5)
        datetime.date(2025, 5, 6)
        >>> cal.add_working_days(date(2025, 12, 31), 1)  # 01-04/01/2026 off
        datetime.date(2026, 1, 5)
        >>> cal.add_working_days(date(2025, 5, 5), -1)
        datetime.date(2025, 4, 29)
        >>> cal.add_working_days(date(2025, 5, 5), 10**6)
        Traceback (most recent call last):
            ...
        tthc.errors.CountTooLargeError: working days 1000000 exceeds the limit of 100000
        """
        i = self._index(d)
        if type(n) is not int:
            if isinstance(n, bool) or not isinstance(n, int):
                msg = f"n must be an int, got {n!r}"
                raise TypeError(msg)
            n = int(n)
        if not -MAX_WORKING_DAYS <= n <= MAX_WORKING_DAYS:
            raise CountTooLargeError(n, MAX_WORKING_DAYS, what="working days")
        if n > 0:
            k = self._cum[i + 1] + n - 1
        elif n == 0:
            k = self._cum[i + 1] - self._working[i]
        else:
            k = self._cum[i] + n
        if not 0 <= k < len(self._wd):
            raise _beyond(d, f"the result of adding {n} working days to")
        result = self._wd[k]
        o, r = i + _BASE, result.toordinal()
        lo, hi = (o, r) if o <= r else (r, o)
        if lo < self._verified_lo or hi > self._verified_hi:
            self._cover(lo, hi)
        return result

    def count_working_days(self, start: date, end: date) -> int:
        """Working days in the half-open interval (start, end]; negative when end < start.

        ``count_working_days(d, add_working_days(d, n)) == n`` for every ``n >= 1``.

        >>> cal = vietnam_calendar()
        >>> cal.count_working_days(date(2024, 4, 26), date(2024, 5, 6))  # 2, 3, Sat 4, 6 May
        4
        >>> cal.count_working_days(date(2024, 5, 6), date(2024, 4, 26))
        -4
        """
        i, j = self._index(start), self._index(end)
        lo, hi = (i, j) if i <= j else (j, i)
        if lo + _BASE < self._verified_lo or hi + _BASE > self._verified_hi:
            self._cover(lo + _BASE, hi + _BASE)
        return self._cum[j + 1] - self._cum[i + 1]

    # -- working time --------------------------------------------------------------------------

    def hours_on(self, d: date) -> OfficeHours:
        """The office hours that apply on *d* (whether or not *d* is a working day)."""
        return self._hours[self._index(d)]

    def _day(self, o: int) -> int:
        i = o - _BASE
        if not 0 <= i < _SPAN:
            raise DateOutOfRangeError(
                date.fromordinal(o), FIRST_SUPPORTED_DATE, LAST_SUPPORTED_DATE
            )
        return i

    def _elapsed(self, i: int, x: int) -> int:
        """Working microseconds from 1995-01-01 until *x* µs after midnight of day *i*."""
        if self._working[i]:
            return self._cum_us[i] + self._hours[i]._elapsed_us(x)
        return self._cum_us[i]

    def _normalize(self, i: int, x: int) -> tuple[int, int]:
        """Day index and µs of the next office moment at or after (day *i*, *x* µs)."""
        if self._working[i]:
            for s, e in self._hours[i]._spans:
                if x < s:
                    return i, s
                if x < e:
                    return i, x
        k = self._cum[i + 1]
        if k >= len(self._wd):
            raise _beyond(date.fromordinal(i + _BASE), "the next office moment after")
        j = self._wd[k].toordinal() - _BASE
        return j, self._hours[j]._spans[0][0]

    def next_office_moment(self, at: datetime) -> datetime:
        """*at* itself when inside office hours of a working day, else the next opening.

        Before opening gives the opening, the lunch break gives the afternoon start, after
        closing or on a day off gives the opening of the next working day. The end of a period
        (11:30, 17:00) is outside it. Naive datetimes are read as Vietnam local time; the
        result is timezone-aware in Vietnam time.

        >>> cal = vietnam_calendar()
        >>> cal.next_office_moment(datetime(2025, 3, 3, 12, 0))
        datetime.datetime(2025, 3, 3, 13, 30, tzinfo=zoneinfo.ZoneInfo(key='Asia/Ho_Chi_Minh'))
        >>> cal.next_office_moment(datetime(2025, 12, 31, 17, 30)).isoformat()
        '2026-01-05T07:00:00+07:00'
        """
        o, x = _local_parts(at)
        i = self._day(o)
        j, y = self._normalize(i, x)
        if o < self._verified_lo or j + _BASE > self._verified_hi:
            self._cover(o, j + _BASE)
        return _instant(self._wd[self._cum[j]], y)

    def add_working_time(
        self, at: datetime, hours: int | Fraction | Decimal | float | timedelta
    ) -> datetime:
        """The instant when *hours* of office time have passed after *at*.

        The start moves to the next office moment (:meth:`next_office_moment`); then the
        time is added counting only office hours of working days. An addition that ends
        exactly at the end of a period stays there (11:30 or 17:00, never the next start).
        *hours* is a number of hours (int, Fraction, Decimal) or a ``timedelta``, >= 0.

        >>> cal = vietnam_calendar()
        >>> cal.add_working_time(datetime(2025, 3, 3, 9, 0), 8).isoformat()
        '2025-03-04T09:00:00+07:00'
        >>> cal.add_working_time(datetime(2025, 3, 3, 7, 0), 4.5).isoformat()  # ends at 11:30
        '2025-03-03T11:30:00+07:00'
        >>> cal.add_working_time(datetime(2025, 1, 24, 15, 30), 24).isoformat()  # over Tết Ất Tỵ
        '2025-02-05T15:30:00+07:00'
        """
        amount = _time_amount_us(hours)
        if amount < 0:
            msg = f"working time to add must be >= 0, got {hours!r}"
            raise ValueError(msg)
        if amount > MAX_WORKING_HOURS * _US_PER_HOUR:
            raise CountTooLargeError(hours, MAX_WORKING_HOURS, what="working hours")
        o, x = _local_parts(at)
        return self._add_us(o, x, amount)

    def _add_us(self, o: int, x: int, amount: int) -> datetime:
        """:meth:`add_working_time` on checked input: ordinal *o*, *x* µs after midnight.

        The one implementation of working-time addition; :mod:`tthc.deadlines` calls it
        after validating its own input.
        """
        i, y = self._normalize(self._day(o), x)
        if amount:
            cum_us = self._cum_us
            total = cum_us[i] + self._hours[i]._elapsed_us(y) + amount  # day i is working
            k = bisect_left(cum_us, total, i)
            if k > _SPAN:
                raise _beyond(date.fromordinal(o), "the result of adding working time to")
            i = k - 1  # total > 0, so k >= 1 and day i is a working day holding the instant
            y = self._hours[i]._time_at(total - cum_us[i])
        if o < self._verified_lo or i + _BASE > self._verified_hi:
            self._cover(o, i + _BASE)
        return _instant(self._wd[self._cum[i]], y)

    def working_time_between(self, a: datetime, b: datetime) -> timedelta:
        """Office time of working days between *a* and *b* (negative when b < a).

        >>> cal = vietnam_calendar()
        >>> cal.working_time_between(datetime(2025, 3, 3, 9), datetime(2025, 3, 4, 9))
        datetime.timedelta(seconds=28800)
        >>> cal.working_time_between(datetime(2025, 3, 3, 11), datetime(2025, 3, 3, 14))
        datetime.timedelta(seconds=3600)
        """
        (oa, xa), (ob, xb) = _local_parts(a), _local_parts(b)
        ia, ib = self._day(oa), self._day(ob)
        lo, hi = (oa, ob) if oa <= ob else (ob, oa)
        if lo < self._verified_lo or hi > self._verified_hi:
            self._cover(lo, hi)
        return timedelta(microseconds=self._elapsed(ib, xb) - self._elapsed(ia, xa))

    # -- overrides -----------------------------------------------------------------------------

    def with_days_off(
        self, days: Iterable[date], *, name: str, source: LegalSource | str
    ) -> WorkCalendar:
        """A new calendar where *days* are local days off (e.g. a provincial day off).

        >>> cal = vietnam_calendar().with_days_off(
        ...     [date(2025, 3, 3)], name="Nghỉ theo quyết định của UBND tỉnh", source="QĐ xx/QĐ-UBND"
        ... )
        >>> cal.is_working_day(date(2025, 3, 3)), vietnam_calendar().is_working_day(date(2025, 3, 3))
        (False, True)
        """
        src = _as_source(source)
        new = tuple(
            CalendarDay(_check_date(d), DayKind.LOCAL_DAY_OFF, name, src, DayStatus.LOCAL)
            for d in days
        )
        self._check_override(new)
        return attrs.evolve(self, overrides=(*self.overrides, *new))

    def with_working_days(
        self,
        days: Iterable[date],
        *,
        name: str,
        source: LegalSource | str,
        hours: OfficeHours | None = None,
    ) -> WorkCalendar:
        """A new calendar where *days* are working days, optionally with their own hours.

        Saturday-morning reception is local policy (legal-rules.md §2.3): by default a
        Saturday is not a counting day; this makes it one.

        >>> morning = OfficeHours(((time(7, 30), time(11, 30)),))
        >>> cal = vietnam_calendar().with_working_days(
        ...     [date(2025, 11, 15)], name="Tiếp nhận sáng thứ Bảy", source="local decision",
        ...     hours=morning,
        ... )
        >>> cal.add_working_days(date(2025, 11, 14), 1)
        datetime.date(2025, 11, 15)
        >>> cal.hours_on(date(2025, 11, 15)).length
        datetime.timedelta(seconds=14400)
        """
        src = _as_source(source)
        new = tuple(
            CalendarDay(_check_date(d), DayKind.LOCAL_WORKING_DAY, name, src, DayStatus.LOCAL)
            for d in days
        )
        self._check_override(new)
        extra = tuple((e.day, hours) for e in new) if hours is not None else ()
        return attrs.evolve(
            self, overrides=(*self.overrides, *new), day_hours=(*self.day_hours, *extra)
        )

    def _check_override(self, new: tuple[CalendarDay, ...]) -> None:
        if not new:
            msg = "an override must name at least one day"
            raise InvalidOverrideError(msg)
        for entry in new:
            self._index(entry.day)

    def with_office_hours(
        self, hours: OfficeHours, *, valid_from: date, source: LegalSource | str
    ) -> WorkCalendar:
        """A new calendar whose office hours are *hours* from *valid_from* on.

        >>> hanoi = vietnam_calendar().with_office_hours(
        ...     OfficeHours(((time(8), time(12)), (time(13), time(17)))),
        ...     valid_from=date(2025, 7, 1), source="Quy chế làm việc của cơ quan",
        ... )
        >>> hanoi.hours_on(date(2025, 7, 1)).opening, hanoi.hours_on(date(2025, 6, 30)).opening
        (datetime.time(8, 0), datetime.time(7, 0))
        """
        _expect(hours, OfficeHours)
        self._index(_check_date(valid_from))
        change = OfficeHoursChange(valid_from, hours, _as_source(source))
        return attrs.evolve(self, office_hours=(*self.office_hours, change))


@functools.cache
def _cached_calendar(
    *,
    strict: bool,
    count_make_up_days: bool,
    policies: frozenset[CalendarPolicy],
    schedules: tuple[Schedule, ...],
) -> WorkCalendar:
    return WorkCalendar(
        strict=strict,
        count_make_up_days=count_make_up_days,
        policies=policies,
        schedules=schedules,
    )


def _schedule(item: object) -> Schedule:
    if isinstance(item, Schedule):
        return item
    if isinstance(item, str | os.PathLike):
        return Schedule.read(item)
    msg = f"a schedule is a path or a Schedule, got {item!r}"
    raise TypeError(msg)


def vietnam_calendar(
    *,
    strict: bool = False,
    count_make_up_days: bool = True,
    policies: Iterable[CalendarPolicy | str] = (),
    schedules: Iterable[Schedule | str | os.PathLike[str]] = (),
    culture_day: bool | None = None,
) -> WorkCalendar:
    """The national working calendar of Vietnamese state bodies.

    Args:
        strict: Raise :class:`~tthc.errors.CalendarNotCoveredError` for a year whose official
            schedule is not verified, instead of answering from the statutory rules with a
            :class:`~tthc.errors.ProvisionalCalendarWarning`.
        count_make_up_days: Make-up Saturdays (làm bù) are working days (the default, as
            OpenCPS does); ``False`` reproduces vendors that ignore them.
        policies: Opt-in :class:`CalendarPolicy` readings where the law is unsettled.
        schedules: Schedule files (paths, or :class:`~tthc.schedules.Schedule` values) laid
            over the bundled data in order; their ``verified_years`` count as verified.
        culture_day: Deprecated, no effect: 24/11 (Ngày Văn hóa Việt Nam) is a day off by
            law from 2026 (Nghị quyết 28/2026/QH16 Điều 2, in force 01/07/2026).

    >>> cal = vietnam_calendar()
    >>> cal.is_working_day(date(2026, 11, 24)), cal.day_info(date(2026, 11, 24)).source.number
    (False, '28/2026/QH16')
    >>> cal.add_working_days(date(2026, 11, 20), 5)
    datetime.date(2026, 11, 30)
    >>> vietnam_calendar(strict=True).is_working_day(date(2027, 1, 4))
    Traceback (most recent call last):
        ...
    tthc.errors.CalendarNotCoveredError: no verified working-day calendar for 2027; verified years are 2019-2026
    """
    if culture_day is not None:
        warnings.warn(
            "vietnam_calendar(culture_day=...) has no effect and will be removed: 24/11 is a "
            "day off by law from 2026 (Nghị quyết 28/2026/QH16 Điều 2); see the 0.2 changelog "
            "to reproduce older results",
            DeprecationWarning,
            stacklevel=2,
        )
    return _cached_calendar(
        strict=strict,
        count_make_up_days=count_make_up_days,
        policies=_to_policies(policies),
        schedules=tuple(_schedule(item) for item in schedules),
    )
