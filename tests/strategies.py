"""Testing strategies for Hypothesis-based tests of the working calendar.

Three date ranges matter:

- *wide*: 1996-2099, almost the whole supported range (answers there are provisional, so
  tests drawing from it silence :class:`tthc.ProvisionalCalendarWarning`);
- *focus*: 2018-12-01..2027-01-31, the verified years 2019-2026 plus their edges, where the
  official swaps and make-up Saturdays live;
- *verified*: 2019-2026 only, where no warning may be emitted.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, time, timedelta
from fractions import Fraction

from hypothesis import strategies as st

from tthc import ProvisionalCalendarWarning, TimeLimit, WorkCalendar

WIDE_FIRST = date(1996, 1, 1)
WIDE_LAST = date(2099, 12, 31)
FOCUS_FIRST = date(2018, 12, 1)
FOCUS_LAST = date(2027, 1, 31)
VERIFIED_FIRST = date(2019, 1, 1)
VERIFIED_LAST = date(2026, 12, 31)

MAX_TIME_MINUTES = 10 * 8 * 60
"""Ten default working days of office time, in minutes."""


@contextmanager
def provisional_ok() -> Iterator[None]:
    """Silence :class:`ProvisionalCalendarWarning` (tests over unverified years)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ProvisionalCalendarWarning)
        yield


def wide_dates() -> st.SearchStrategy[date]:
    """Dates over 1996-2099 (mostly provisional years)."""
    return st.dates(WIDE_FIRST, WIDE_LAST)


def focus_dates() -> st.SearchStrategy[date]:
    """Dates over the verified years and a month either side (swaps, make-up Saturdays)."""
    return st.dates(FOCUS_FIRST, FOCUS_LAST)


def verified_dates(margin_days: int = 0) -> st.SearchStrategy[date]:
    """Dates of the verified years 2019-2026, *margin_days* away from both ends."""
    margin = timedelta(days=margin_days)
    return st.dates(VERIFIED_FIRST + margin, VERIFIED_LAST - margin)


def any_dates() -> st.SearchStrategy[date]:
    """Half wide, half focus: the whole range, with the official schedule well covered."""
    return st.one_of(wide_dates(), focus_dates())


working_day_counts = st.integers(min_value=1, max_value=60)
"""A processing time in working days, as TTHC procedures state them."""

working_time_amounts = st.integers(min_value=0, max_value=MAX_TIME_MINUTES).map(
    lambda m: timedelta(minutes=m)
)
"""An amount of office time: 0 to ten working days, by the minute."""


def naive_instants(
    first: date = WIDE_FIRST, last: date = WIDE_LAST
) -> st.SearchStrategy[datetime]:
    """Naive datetimes, which tthc reads as Vietnam local time."""
    return st.datetimes(datetime.combine(first, time()), datetime.combine(last, time.max))


def utc_instants(first: date = WIDE_FIRST, last: date = WIDE_LAST) -> st.SearchStrategy[datetime]:
    """Timezone-aware datetimes in UTC."""
    return st.datetimes(
        datetime.combine(first, time()), datetime.combine(last, time.max), timezones=st.just(UTC)
    )


def instants(first: date = WIDE_FIRST, last: date = WIDE_LAST) -> st.SearchStrategy[datetime]:
    """Any instant: naive (Vietnam local) or aware in UTC."""
    return st.one_of(naive_instants(first, last), utc_instants(first, last))


@st.composite
def office_instants(
    draw: st.DrawFn, cal: WorkCalendar, days: st.SearchStrategy[date] | None = None
) -> datetime:
    """A naive instant strictly inside an office period of a working day of *cal*."""
    d = draw(days if days is not None else any_dates())
    with provisional_ok():
        day = cal.add_working_days(d, 0)
    start, end = draw(st.sampled_from(cal.hours_on(day).periods))
    size = datetime.combine(day, end) - datetime.combine(day, start)
    offset = draw(st.integers(min_value=1, max_value=size // timedelta(microseconds=1) - 1))
    return datetime.combine(day, start) + timedelta(microseconds=offset)


def time_limits(
    *, max_halves: int, max_days: int, max_months: int, with_none: bool = False
) -> st.SearchStrategy[TimeLimit]:
    """Every kind of time limit: working days and hours in halves, calendar days, months,
    same-day limits with any whole-minute cut-off stated, none stated (the policy's) or the
    chứng thực cut-off, and optionally "no time limit"."""
    halves = st.integers(0, max_halves).map(lambda k: Fraction(k, 2))
    kinds = [
        halves.map(TimeLimit.working_days),
        halves.map(TimeLimit.working_hours),
        st.integers(0, max_days).map(TimeLimit.calendar_days),
        st.integers(0, max_months).map(TimeLimit.months),
        st.builds(TimeLimit.same_day, st.builds(time, st.integers(0, 23), st.integers(0, 59))),
        st.sampled_from((TimeLimit.same_day(), TimeLimit.certification())),
    ]
    if with_none:
        kinds.append(st.just(TimeLimit.no_limit()))
    return st.one_of(*kinds)
