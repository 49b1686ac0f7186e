"""tthc.frame: the vectorised API equals the scalar API element by element.

Hypothesis draws arrays of dates and instants over the verified years (make-up Saturdays,
swaps) and over provisional years, every kind of time limit (halves included) and both
policies, and compares each row with the scalar call; a call that would warn in scalar form
must warn exactly once in vector form.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from fractions import Fraction
from functools import partial
from typing import Any, TypeVar, cast

import numpy as np
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from tests.strategies import time_limits
from tthc import (
    CalendarNotCoveredError,
    CountTooLargeError,
    DateOutOfRangeError,
    Due,
    DuePolicy,
    Granularity,
    NoTimeLimitError,
    OfficeHours,
    ProvisionalCalendarWarning,
    TimeLimit,
    Timeliness,
    WorkCalendar,
    classify,
    due,
    frame,
    kpi,
    standing,
    vietnam_calendar,
)
from tthc._text_dates import read_common_texts
from tthc.calendar import VIETNAM_TZ
from tthc.catalog import Channel
from tthc.errors import InstantParseError, MissingColumnError, RecordError
from tthc.kpi import ExitTreatment, Outcome, Period, Record, ReportPolicy
from tthc.parsing import parse_instant

T = TypeVar("T")


def vn(
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0, us: int = 0
) -> datetime:
    """A naive datetime: Vietnam wall time, the vectorised API's input."""
    return datetime(year, month, day, hour, minute, second, us)  # noqa: DTZ001 - the point


NATIONAL = vietnam_calendar()
NO_MAKE_UP = vietnam_calendar(count_make_up_days=False)
LOCAL = (
    vietnam_calendar()
    .with_working_days(
        [date(2025, 11, 15), date(2026, 3, 7)],
        name="Tiếp nhận sáng thứ Bảy",
        source="local decision",
        hours=OfficeHours(((time(7, 30), time(11, 30)),)),
    )
    .with_days_off([date(2025, 3, 3)], name="Nghỉ địa phương", source="QĐ xx/QĐ-UBND")
    .with_office_hours(
        OfficeHours(((time(8), time(12)), (time(13), time(17)))),
        valid_from=date(2025, 7, 1),
        source="Quy chế làm việc",
    )
)
"""Saturday mornings worked with their own hours, a local day off, an office-hours change."""
CALENDARS = st.sampled_from([NATIONAL, NO_MAKE_UP, LOCAL])

FOCUS = (date(2018, 12, 1), date(2027, 1, 31))
"""The verified years and a month either side: swaps, make-up Saturdays, year edges."""
WIDE = (date(1996, 1, 1), date(2098, 12, 31))


def day_lists(size: int = 30) -> st.SearchStrategy[list[date]]:
    days = st.one_of(st.dates(*FOCUS), st.dates(*FOCUS), st.dates(*WIDE))
    return st.lists(days, min_size=0, max_size=size)


def instant_lists(size: int = 30) -> st.SearchStrategy[list[datetime]]:
    def between(a: date, b: date) -> st.SearchStrategy[datetime]:
        return st.datetimes(datetime.combine(a, time()), datetime.combine(b, time.max))

    office = st.builds(
        lambda d, m: datetime.combine(d, time(7)) + timedelta(minutes=m),
        st.dates(*FOCUS),
        st.sampled_from([0, 1, 269, 270, 271, 390, 391, 599, 600, 601, 480, 481]),
    )  # openings, closings, lunch edges, 15:00 cut-off
    one = st.one_of(between(*FOCUS), between(*FOCUS), office, between(*WIDE))
    return st.lists(one, min_size=0, max_size=size)


def scalar(fn: Callable[[], T]) -> tuple[T, bool]:
    """Call the scalar API; report whether it warned (ProvisionalCalendarWarning)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        value = fn()
    assert all(issubclass(w.category, ProvisionalCalendarWarning) for w in caught)
    return value, bool(caught)


def vector(fn: Callable[[], T], *, expect_warning: bool) -> T:
    """Call the vectorised API; it must warn exactly once when a scalar call would have."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        value = fn()
    assert [w.category for w in caught] == [ProvisionalCalendarWarning] * expect_warning
    return value


def d64(days: list[date]) -> np.ndarray[Any, Any]:
    return np.array(days, dtype="datetime64[D]")


def us64(instants: list[datetime]) -> np.ndarray[Any, Any]:
    return np.array(instants, dtype="datetime64[us]")


def naive(at: datetime) -> datetime:
    return at.replace(tzinfo=None)


# -- working days -------------------------------------------------------------------------------


@given(cal=CALENDARS, days=day_lists())
@example(  # make-up Saturday 26/04/2025, swapped Friday 02/05/2025, provisional 2027
    cal=NATIONAL, days=[date(2025, 4, 26), date(2025, 5, 2), date(2027, 4, 30)]
)
@example(cal=NO_MAKE_UP, days=[date(2025, 4, 26), date(2025, 5, 2)])
def test_is_working_day_equals_scalar(cal: WorkCalendar, days: list[date]) -> None:
    expected = [scalar(partial(cal.is_working_day, d)) for d in days]
    got = vector(
        lambda: frame.is_working_day(d64(days), calendar=cal),
        expect_warning=any(w for _, w in expected),
    )
    assert got.dtype == np.bool_
    assert got.tolist() == [v for v, _ in expected]


@given(cal=CALENDARS, days=day_lists(), data=st.data())
@example(cal=NATIONAL, days=[date(2025, 4, 24), date(2026, 2, 13)], data=None)
def test_add_working_days_equals_scalar(
    cal: WorkCalendar, days: list[date], data: st.DataObject | None
) -> None:
    if data is None:
        ns = [5, 1]
    else:
        ns = data.draw(st.lists(st.integers(-60, 60), min_size=len(days), max_size=len(days)))
    expected = [scalar(partial(cal.add_working_days, d, n)) for d, n in zip(days, ns, strict=True)]
    got = vector(
        lambda: frame.add_working_days(d64(days), np.array(ns, dtype=np.int64), calendar=cal),
        expect_warning=any(w for _, w in expected),
    )
    assert got.dtype == np.dtype("datetime64[D]")
    assert got.astype(object).tolist() == [v for v, _ in expected]


@given(cal=CALENDARS, days=day_lists(), n=st.integers(0, 60))
def test_add_working_days_with_one_count(cal: WorkCalendar, days: list[date], n: int) -> None:
    expected = [scalar(partial(cal.add_working_days, d, n)) for d in days]
    got = vector(
        lambda: frame.add_working_days(d64(days), n, calendar=cal),
        expect_warning=any(w for _, w in expected),
    )
    assert got.astype(object).tolist() == [v for v, _ in expected]


@given(cal=CALENDARS, pairs=st.lists(st.tuples(st.dates(*FOCUS), st.dates(*WIDE)), max_size=30))
def test_count_working_days_equals_scalar(
    cal: WorkCalendar, pairs: list[tuple[date, date]]
) -> None:
    starts, ends = [a for a, _ in pairs], [b for _, b in pairs]
    expected = [scalar(partial(cal.count_working_days, a, b)) for a, b in pairs]
    got = vector(
        lambda: frame.count_working_days(d64(starts), d64(ends), calendar=cal),
        expect_warning=any(w for _, w in expected),
    )
    assert got.tolist() == [v for v, _ in expected]


@given(
    cal=CALENDARS,
    instants=instant_lists(),
    hours=st.one_of(
        st.integers(0, 100),
        st.integers(0, 200).map(lambda k: Fraction(k, 2)),
        st.integers(0, 6000).map(lambda m: timedelta(minutes=m)),
    ),
)
def test_add_working_time_equals_scalar(
    cal: WorkCalendar, instants: list[datetime], hours: int | Fraction | timedelta
) -> None:
    expected = [scalar(partial(cal.add_working_time, a, hours)) for a in instants]
    got = vector(
        lambda: frame.add_working_time(us64(instants), hours, calendar=cal),
        expect_warning=any(w for _, w in expected),
    )
    assert got.dtype == np.dtype("datetime64[us]")
    assert got.astype(object).tolist() == [naive(v) for v, _ in expected]


# -- due dates ----------------------------------------------------------------------------------

LIMITS = time_limits(max_halves=40, max_days=90, max_months=24)


@given(
    cal=CALENDARS,
    instants=instant_lists(),
    policy=st.sampled_from(DuePolicy),
    data=st.data(),
)
def test_due_equals_scalar_with_a_limit_per_row(
    cal: WorkCalendar, instants: list[datetime], policy: DuePolicy, data: st.DataObject
) -> None:
    limits = data.draw(st.lists(LIMITS, min_size=len(instants), max_size=len(instants)))
    expected = [
        scalar(partial(due, a, lim, calendar=cal, policy=policy))
        for a, lim in zip(instants, limits, strict=True)
    ]
    got = vector(
        lambda: frame.due(us64(instants), limits, calendar=cal, policy=policy),
        expect_warning=any(w for _, w in expected),
    )
    assert len(got) == len(instants)
    assert got.date.astype(object).tolist() == [d.date for d, _ in expected]
    assert got.at.astype(object).tolist() == [naive(d.at) for d, _ in expected]
    assert got.provisional.tolist() == [d.provisional for d, _ in expected]


@given(cal=CALENDARS, instants=instant_lists(), limit=LIMITS, policy=st.sampled_from(DuePolicy))
@example(
    cal=NATIONAL,
    instants=[vn(2025, 1, 24, 15, 30), vn(2025, 8, 29, 15, 0, 0, 1)],
    limit=TimeLimit.working_days(Fraction(1, 2)),
    policy=DuePolicy.LEGAL,
)
@example(  # a half day over the make-up Saturday 26/04/2025; a provisional year (2027)
    cal=NATIONAL,
    instants=[vn(2025, 4, 25, 15, 30), vn(2027, 4, 29, 14)],
    limit=TimeLimit.working_days(Fraction(3, 2)),
    policy=DuePolicy.WORKING_TIME,
)
def test_due_equals_scalar_with_one_limit(
    cal: WorkCalendar, instants: list[datetime], limit: TimeLimit, policy: DuePolicy
) -> None:
    expected = [scalar(partial(due, a, limit, calendar=cal, policy=policy)) for a in instants]
    got = vector(
        lambda: frame.due(us64(instants), limit, calendar=cal, policy=policy),
        expect_warning=any(w for _, w in expected),
    )
    assert got.date.astype(object).tolist() == [d.date for d, _ in expected]
    assert got.at.astype(object).tolist() == [naive(d.at) for d, _ in expected]


@given(instants=instant_lists(), data=st.data(), granularity=st.sampled_from(Granularity))
def test_classify_and_standing_equal_scalar(
    instants: list[datetime], data: st.DataObject, granularity: Granularity
) -> None:
    limits = data.draw(st.lists(LIMITS, min_size=len(instants), max_size=len(instants)))
    later = st.integers(0, 40 * 24 * 60).map(lambda m: timedelta(minutes=m))
    moves = data.draw(st.lists(later, min_size=len(instants), max_size=len(instants)))
    done = [a + m for a, m in zip(instants, moves, strict=True)]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ProvisionalCalendarWarning)
        dues = [due(a, lim) for a, lim in zip(instants, limits, strict=True)]
        arrays = frame.due(us64(instants), limits)
    assert frame.classify(us64(done), arrays, granularity=granularity).tolist() == [
        classify(c, d, granularity=granularity) for c, d in zip(done, dues, strict=True)
    ]
    assert frame.standing(arrays, us64(done), granularity=granularity).tolist() == [
        standing(d, c, granularity=granularity) for c, d in zip(done, dues, strict=True)
    ]


# -- pinned cases (real legal dates) ------------------------------------------------------------


def test_tet_and_reunification_day() -> None:
    got = frame.add_working_days(d64([date(2026, 2, 13), date(2025, 4, 24)]), 1)
    # Tết Bính Ngọ: 16-20/02/2026 off; Saturday 26/04/2025 was worked for Friday 02/05.
    assert got.tolist() == [date(2026, 2, 23), date(2025, 4, 25)]
    five = frame.add_working_days(d64([date(2025, 4, 24)] * 2), 5)
    assert five.tolist() == [date(2025, 5, 5)] * 2
    assert frame.add_working_days(d64([date(2025, 4, 24)]), 5, calendar=NO_MAKE_UP).tolist() == [
        date(2025, 5, 6)
    ]


def test_same_day_cut_off() -> None:
    # Friday 29/08/2025: 15:00 is in time, one microsecond later is not (30/8-2/9 off).
    received = us64([vn(2025, 8, 29, 15), vn(2025, 8, 29, 15, 0, 0, 1)])
    d = frame.due(received, TimeLimit.same_day())
    assert d.date.tolist() == [date(2025, 8, 29), date(2025, 9, 3)]
    assert d.at.tolist() == [vn(2025, 8, 29, 17), vn(2025, 9, 3, 17)]


def test_half_day_over_lunch() -> None:
    d = frame.due(us64([vn(2025, 3, 3, 10)]), TimeLimit.working_days(Fraction(1, 2)))
    assert d.at.tolist() == [vn(2025, 3, 3, 16)]  # 1,5 h to 11:30, 2,5 h from 13:30


# -- missing values, warnings, errors -----------------------------------------------------------


def test_missing_values_stay_missing() -> None:
    received = np.array(["2025-03-03T09:00", "NaT"], dtype="datetime64[us]")
    d = frame.due(received, [TimeLimit.working_days(3), TimeLimit.working_days(3)])
    assert d.date.tolist() == [date(2025, 3, 6), None]
    assert np.isnat(d.at[1])
    assert d.provisional.tolist() == [False, False]
    nolimit = frame.due(received[:1], [None])
    assert np.isnat(nolimit.date).all()
    assert frame.due(received[:1], [TimeLimit.no_limit()]).date.tolist() == [None]
    completed = np.array(["NaT", "2025-03-05T10:00"], dtype="datetime64[us]")
    assert frame.classify(completed, d).tolist() == [None, None]
    assert frame.standing(d, date(2025, 3, 7)).tolist() == [Timeliness.OVERDUE, None]
    assert frame.add_working_days(d64([]), 3).tolist() == []
    with pytest.raises(ValueError, match=r"dates \[1\] is missing \(NaT\)"):
        frame.is_working_day(np.array(["2025-03-03", "NaT"], dtype="datetime64[D]"))
    with pytest.raises(ValueError, match=r"end \[0\] is missing"):
        frame.count_working_days(d64([date(2025, 3, 3)]), np.array(["NaT"], "datetime64[D]"))


def test_one_warning_per_call_and_provisional_rows() -> None:
    received = us64([vn(2025, 3, 3, 9), vn(2027, 3, 3, 9), vn(2030, 1, 2, 9)])
    with pytest.warns(ProvisionalCalendarWarning, match="2027, 2030") as caught:
        d = frame.due(received, TimeLimit.working_days(5))
    assert len(caught) == 1
    assert d.provisional.tolist() == [False, True, True]


def test_strict_calendar_refuses_unverified_years() -> None:
    strict = vietnam_calendar(strict=True)
    assert frame.is_working_day(d64([date(2026, 1, 2)]), calendar=strict).tolist() == [False]
    with pytest.raises(CalendarNotCoveredError, match="2027"):
        frame.add_working_days(d64([date(2026, 12, 30)]), 5, calendar=strict)


def test_errors_name_the_row() -> None:
    with pytest.raises(DateOutOfRangeError, match=r"date \[1\] 1990-01-01 is outside"):
        frame.is_working_day(d64([date(2025, 1, 1), date(1990, 1, 1)]))
    with pytest.raises(DateOutOfRangeError, match=r"adding 60 working days to \[0\]"):
        frame.add_working_days(d64([date(2100, 12, 1)]), 60)
    with pytest.raises(CountTooLargeError):
        frame.add_working_days(d64([date(2025, 1, 1)]), 10**6)
    with pytest.raises(TypeError, match="n must be an int"):
        frame.add_working_days(d64([date(2025, 1, 1)]), np.array([1.5]))
    with pytest.raises(ValueError, match="same length"):
        frame.add_working_days(d64([date(2025, 1, 1)]), np.array([1, 2]))
    with pytest.raises(NoTimeLimitError):
        frame.due(us64([vn(2025, 1, 1, 9)]), TimeLimit.no_limit())
    # Amounts past int64 are refused as too large or out of range, never an OverflowError.
    huge = 10**20
    with pytest.raises(CountTooLargeError, match="working hours 100000000000000000000"):
        frame.due(us64([vn(2025, 1, 1, 9)]), TimeLimit.working_hours(huge))
    with pytest.raises(CountTooLargeError, match="working hours 800000000000000000000"):
        frame.due(us64([vn(2025, 1, 1, 9)]), TimeLimit.working_days(huge), policy="working_time")
    with pytest.raises(DateOutOfRangeError, match=r"calendar day counted from the receipt \[0\]"):
        frame.due(us64([vn(2025, 1, 1, 9)]), TimeLimit.calendar_days(huge))
    with pytest.raises(DateOutOfRangeError, match=r"months counted from the receipt \[0\]"):
        frame.due(us64([vn(2025, 1, 1, 9)]), TimeLimit.months(huge))
    with pytest.raises(TypeError, match="receipts must be datetime64 instants"):
        frame.due(d64([date(2025, 1, 1)]), TimeLimit.working_days(1))
    with pytest.raises(TypeError, match="timestamp granularity needs completion instants"):
        frame.classify(d64([date(2025, 1, 1)]), us64([vn(2025, 1, 1)]), granularity="timestamp")
    with pytest.raises(ValueError, match="must be >= 0"):
        frame.add_working_time(us64([vn(2025, 1, 1, 9)]), -1)


def test_pandas_and_polars_columns() -> None:
    import pandas as pd
    import polars as pl

    utc = [vn(2025, 1, 24, 8, 30), vn(2025, 3, 3, 2)]  # 15:30 and 09:00 in Hà Nội
    limit = TimeLimit.working_days(3)
    expected = [date(2025, 2, 5), date(2025, 3, 6)]
    s = pd.Series(pd.to_datetime(utc).tz_localize("UTC"))
    assert frame.due(s, limit, policy="working_time").at.tolist() == [
        vn(2025, 2, 5, 15, 30),
        vn(2025, 3, 6, 9),
    ]
    assert frame.due(s, limit).date.tolist() == expected
    p = pl.Series(utc).dt.replace_time_zone("UTC")
    assert frame.due(p, limit).date.tolist() == expected
    naive_vn = pl.Series([vn(2025, 1, 24, 15, 30), None])
    assert frame.due(naive_vn, limit).date.tolist() == [date(2025, 2, 5), None]
    dates = pl.Series([date(2026, 1, 2), date(2026, 1, 10)])
    assert frame.is_working_day(dates).tolist() == [False, True]


# -- the chunked fast paths: every unit, NaT, n <= 0, provisional years, polars ---------------

UNITS = ("D", "h", "m", "s", "ms", "us", "ns")


def stamps(days: list[date], seconds: list[int], unit: str) -> np.ndarray[Any, Any]:
    """The days plus seconds, as datetime64[unit] (whole days for "D")."""
    base: np.ndarray[Any, Any] = np.array(days, dtype="datetime64[D]").astype(
        f"datetime64[{unit}]"
    )
    if unit in ("D", "h", "m"):
        return base
    extra = np.array(seconds, dtype="timedelta64[s]").astype(f"timedelta64[{unit}]")
    out: np.ndarray[Any, Any] = base + extra
    return out


@given(
    days=st.lists(st.one_of(st.dates(*FOCUS), st.none()), min_size=1, max_size=40),
    data=st.data(),
    unit=st.sampled_from(UNITS),
)
def test_add_working_days_is_the_same_in_every_unit_with_nat_and_any_count(
    days: list[date | None], data: st.DataObject, unit: str
) -> None:
    size = len(days)
    ns = data.draw(st.lists(st.integers(-70, 70), min_size=size, max_size=size))
    seconds = data.draw(st.lists(st.integers(0, 86_399), min_size=size, max_size=size))
    filled = [d or date(2025, 1, 1) for d in days]
    x = stamps(filled, seconds, unit)
    x[[d is None for d in days]] = np.datetime64("NaT")
    expected = [
        (None, False) if d is None else scalar(partial(NATIONAL.add_working_days, d, n))
        for d, n in zip(days, ns, strict=True)
    ]
    warns = any(w for _, w in expected)
    counts = np.array(ns, dtype=np.int64)
    got = vector(lambda: frame.add_working_days(x, counts), expect_warning=warns)
    assert got.astype(object).tolist() == [v for v, _ in expected]
    # The same column as pandas, and as polars (with nulls), takes the same path.
    import pandas as pd
    import polars as pl

    columns: list[object] = [pd.Series(x), pl.Series(x.astype("datetime64[us]"))]
    for column in columns:
        again = vector(partial(frame.add_working_days, column, counts), expect_warning=warns)
        assert again.astype(object).tolist() == [v for v, _ in expected]
    # One count for every row (n >= 1 uses the table of results for n).
    n = ns[0]
    one = [
        (None, False) if d is None else scalar(partial(NATIONAL.add_working_days, d, n))
        for d in days
    ]
    got_one = vector(lambda: frame.add_working_days(x, n), expect_warning=any(w for _, w in one))
    assert got_one.astype(object).tolist() == [v for v, _ in one]


def test_add_working_days_over_many_chunks_and_years() -> None:
    """Receipts 2019 to mid-2027 with NaT: every chunk of the thread pool, against the scalar."""
    rng = np.random.default_rng(7)
    size = 3 * frame._CHUNK + 17
    raw = rng.integers(
        np.datetime64("2017-06-01", "D").view(np.int64),
        np.datetime64("2029-06-30", "D").view(np.int64),
        size,
    )
    x = raw.view("datetime64[D]").astype("datetime64[ns]")
    x[rng.choice(size, 40, replace=False)] = np.datetime64("NaT")
    n = rng.integers(-30, 61, size)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        got = frame.add_working_days(x, n)
    assert [w.category for w in caught] == [ProvisionalCalendarWarning]
    message = str(caught[0].message)
    for year in (2017, 2018, 2027, 2028, 2029):
        assert str(year) in message
    sample = rng.choice(size, 300, replace=False).tolist()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ProvisionalCalendarWarning)
        for k in sample:
            start = x[k].astype("datetime64[D]").item()
            want = None if start is None else NATIONAL.add_working_days(start, int(n[k]))
            assert got[k].item() == want


def test_add_working_days_reads_integer_day_numbers() -> None:
    days = np.array([date(2026, 2, 13), date(2025, 4, 24)], dtype="datetime64[D]")
    got = frame.add_working_days(days.view(np.int64), 1)
    assert got.tolist() == [date(2026, 2, 23), date(2025, 4, 25)]


def test_add_working_days_names_the_row_out_of_range_in_a_later_chunk() -> None:
    x = np.full(frame._CHUNK + 5, np.datetime64("2025-03-03", "D"))
    x[frame._CHUNK + 3] = np.datetime64("2100-12-30", "D")
    with pytest.raises(DateOutOfRangeError, match=rf"\[{frame._CHUNK + 3}\]"):
        frame.add_working_days(x, 5)
    with pytest.raises(CountTooLargeError):
        frame.add_working_days(x[:3], np.array([1, 2, 10**6]))


@given(
    instants=st.lists(
        st.one_of(st.datetimes(vn(2018, 12, 1), vn(2027, 1, 31)), st.none()),
        min_size=1,
        max_size=30,
    ),
    hours=st.sampled_from([0, 1, 4, Fraction(9, 2), 8, 40]),
    unit=st.sampled_from(("s", "ms", "us", "ns")),
)
def test_add_working_time_is_the_same_in_every_unit_with_nat(
    instants: list[datetime | None], hours: int | Fraction, unit: str
) -> None:
    filled = [a or vn(2025, 1, 1) for a in instants]
    x = np.array(filled, dtype="datetime64[us]").astype(f"datetime64[{unit}]")
    x[[a is None for a in instants]] = np.datetime64("NaT")
    expected = [
        (None, False)
        if a is None
        else scalar(
            partial(
                NATIONAL.add_working_time,
                a.replace(microsecond=0)
                if unit == "s"
                else a.replace(microsecond=a.microsecond // 1000 * 1000)
                if unit == "ms"
                else a,
                hours,
            )
        )
        for a in instants
    ]
    got = vector(
        lambda: frame.add_working_time(x, hours), expect_warning=any(w for _, w in expected)
    )
    assert got.astype(object).tolist() == [None if v is None else naive(v) for v, _ in expected]


def test_add_working_time_over_many_chunks_with_other_office_hours() -> None:
    rng = np.random.default_rng(8)
    size = 2 * frame._CHUNK + 9
    base = np.datetime64("2025-01-01T00:00", "us").view(np.int64)
    x = (base + rng.integers(0, 700 * 24 * 60, size) * 60_000_000).view("datetime64[us]")
    x[rng.choice(size, 10, replace=False)] = np.datetime64("NaT")
    for cal in (NATIONAL, LOCAL):
        got = frame.add_working_time(x, Fraction(13, 2), calendar=cal)
        for k in rng.choice(size, 200, replace=False).tolist():
            start = x[k].item()
            want = None if start is None else naive(cal.add_working_time(start, Fraction(13, 2)))
            assert got[k].item() == want


# -- text dates: the frame's array reader reads as tthc.parsing does ------------------------------


@st.composite
def shaped_texts(draw: st.DrawFn) -> tuple[str, bool]:
    """A text in one of the shapes the array reader knows, maybe with one character changed."""
    two = st.integers(0, 99).map("{:02d}".format)
    year = draw(st.one_of(st.integers(1990, 2105), st.integers(1995, 2100)).map("{:04d}".format))
    day, month = (
        draw(st.one_of(two, st.integers(1, 28).map("{:02d}".format))),
        draw(st.one_of(two, st.integers(1, 12).map("{:02d}".format))),
    )
    hour, minute, second = (
        draw(st.one_of(two, st.integers(0, 23).map("{:02d}".format))),
        draw(two),
        draw(two),
    )
    sep, mid = draw(st.sampled_from("/.-")), draw(st.sampled_from([" ", "T", "t"]))
    shape = draw(st.sampled_from(["dmy", "dmys", "ymd", "ymds", "compact"]))
    text = {
        "dmy": f"{day}{sep}{month}{sep}{year}{mid}{hour}:{minute}",
        "dmys": f"{day}{sep}{month}{sep}{year}{mid}{hour}:{minute}:{second}",
        "ymd": f"{year}{sep}{month}{sep}{day}{mid}{hour}:{minute}",
        "ymds": f"{year}{sep}{month}{sep}{day}{mid}{hour}:{minute}:{second}",
        "compact": f"{year}{month}{day}{hour}{minute}{second}",
    }[shape]
    if draw(st.booleans()):
        return text, True
    k = draw(st.integers(0, len(text) - 1))
    other = draw(st.sampled_from([*"0123456789/.-: TtZ,a", "\u00a0", "\uff12", "\u0663", "đ"]))
    return text[:k] + other + text[k + 1 :], False


@given(
    st.lists(
        st.one_of(shaped_texts(), st.text(max_size=20).map(lambda t: (t, False))), max_size=40
    )
)
@example([("24/04/2025 10:00", True), ("2025-04-24T09:00:00", True), ("20250424090000", True)])
@example([("31/02/2024 08:00", True), ("12/12/2024 24:00", True), ("12/12/1994 07:30", True)])
@example([("12/12-2024 07:30", False), ("12/12/2024\u00a007:30", False)])
def test_array_reader_of_text_dates_equals_parse_instant(texts: list[tuple[str, bool]]) -> None:
    values, read = read_common_texts([t for t, _ in texts])
    for (text, exact), value, ok in zip(texts, values.tolist(), read.tolist(), strict=True):
        try:
            want: int | None = int(
                np.datetime64(parse_instant(text).replace(tzinfo=None), "us").view(np.int64)
            )
        except InstantParseError:
            want = None
        if ok:
            assert value == want, text
        elif exact:  # a text of a known shape is left to parse_instant only when it fails
            assert want is None, text


def test_with_due_reads_text_dates_as_datetime_columns() -> None:
    import pandas as pd
    import polars as pl

    received = [
        "24/04/2025 10:00",
        "2025-08-29 15:30:00",
        "20250124153000",
        "ngày 02/11/2022",
        "7h30 12/12/2024",
        None,
        "31/02/2025 08:00",
    ]
    df = pd.DataFrame(
        {"received_at": received, "channel": ["1"] * 7, "time_limit": ["05 ngày làm việc"] * 7}
    )
    got = frame.with_due(df)
    parsed = []
    for text in received:
        try:
            parsed.append(None if text is None else parse_instant(text).replace(tzinfo=None))
        except InstantParseError:
            parsed.append(None)
    as_dates = df.assign(received_at=pd.Series(parsed, dtype="datetime64[us]"))
    want = frame.with_due(as_dates)
    assert got.frame["due_at"].tolist() == want.frame["due_at"].tolist()
    assert [(e.index, e.field) for e in got.errors] == [
        (3, "received_at"),
        (5, "received_at"),
        (6, "received_at"),
    ]
    assert "a time of day" in got.errors[0].reason
    assert "31" in got.errors[2].reason
    polars = frame.with_due(pl.from_pandas(df))
    assert polars.frame["due_at"].to_list() == [
        None if pd.isna(v) else v.to_pydatetime() for v in got.frame["due_at"]
    ]
    assert [(e.index, e.reason) for e in polars.errors] == [
        (e.index, e.reason) for e in got.errors
    ]


# -- data frames: the same answers as the scalar KPI path -----------------------------------------

AGENCIES = ("Sở Tư pháp", "UBND xã A", "UBND xã B")


@st.composite
def record_rows(draw: st.DrawFn) -> dict[str, Any]:
    """One dossier record as a frame row (naive instants: Vietnam wall time)."""
    received = draw(st.datetimes(vn(2024, 11, 1), vn(2025, 7, 31)))
    outcome = draw(st.sampled_from(Outcome))
    minutes = st.integers(0, 80 * 24 * 60).map(lambda m: timedelta(minutes=m))
    completed = None if outcome is Outcome.PENDING else received + draw(minutes)
    due_at = draw(st.one_of(st.none(), minutes.map(lambda m: received + m)))
    return {
        "agency": draw(st.sampled_from(AGENCIES)),
        "received_at": received,
        "channel": draw(st.sampled_from(["1", "2", "3"])),
        "due_at": due_at,
        "completed_at": completed,
        "outcome": outcome.value,
        "field": draw(st.sampled_from(["Hộ tịch", "Đất đai", None])),
    }


def records_of(rows: list[dict[str, Any]]) -> list[Record]:
    return [
        Record(
            r["agency"],
            r["received_at"],
            Channel.from_national_code(r["channel"]),
            due_at=r["due_at"],
            completed_at=r["completed_at"],
            outcome=Outcome(r["outcome"]),
            field=r["field"],
        )
        for r in rows
    ]


def pandas_frame(rows: list[dict[str, Any]]) -> Any:
    import pandas as pd

    columns = ("agency", "received_at", "channel", "due_at", "completed_at", "outcome", "field")
    frame_ = pd.DataFrame({c: [r[c] for r in rows] for c in columns})
    for c in ("received_at", "due_at", "completed_at"):
        frame_[c] = pd.to_datetime(frame_[c]).astype("datetime64[us]")
    return frame_


def polars_frame(rows: list[dict[str, Any]]) -> Any:
    import polars as pl

    schema: Any = {
        "agency": pl.String,
        "received_at": pl.Datetime("us"),
        "channel": pl.String,
        "due_at": pl.Datetime("us"),
        "completed_at": pl.Datetime("us"),
        "outcome": pl.String,
        "field": pl.String,
    }
    return pl.DataFrame(rows, schema=schema)


PERIODS = st.sampled_from(
    [Period.parse("2025-Q1"), Period.parse("2025-01-10..2025-03-05"), Period.parse("2025-H1")]
)
GROUPINGS = st.sampled_from(
    [("agency", "month"), (), ("field",), ("month", "channel", "field"), ("agency",)]
)
POLICIES = st.sampled_from(
    [
        ReportPolicy(),
        ReportPolicy.portal(),
        ReportPolicy(granularity=Granularity.TIMESTAMP, withdrawn=ExitTreatment.ON_TIME),
    ]
)
AS_OF = st.sampled_from([None, date(2025, 2, 10), vn(2025, 2, 10, 12)])


@given(
    rows=st.lists(record_rows(), max_size=40),
    period=PERIODS,
    by=GROUPINGS,
    policy=POLICIES,
    as_of=AS_OF,
)
def test_report06_by_equals_the_scalar_kpi_path(
    rows: list[dict[str, Any]],
    period: Period,
    by: tuple[str, ...],
    policy: ReportPolicy,
    as_of: date | None,
) -> None:
    expected = kpi.report06_by(records_of(rows), period, by, policy=policy, as_of=as_of)
    for df in (pandas_frame(rows), polars_frame(rows)):
        got = frame.report06_by(df, period, by, policy=policy, as_of=as_of)
        assert got.errors == ()
        assert got.rows == len(rows)
        assert list(got.report.items()) == list(expected.items())


@given(
    rows=st.lists(record_rows(), max_size=30), as_of=st.dates(date(2025, 1, 1), date(2025, 9, 1))
)
def test_with_due_equals_scalar_classify_and_standing(
    rows: list[dict[str, Any]], as_of: date
) -> None:
    for df in (pandas_frame(rows), polars_frame(rows)):
        out = frame.with_due(df, as_of=as_of).frame
        got = list(out["timeliness"])
        for row, value in zip(rows, got, strict=True):
            if row["due_at"] is None:
                assert value is None
                continue
            d = due(row["received_at"], TimeLimit.same_day(), calendar=NATIONAL)
            d = Due(  # the frame's due_at, as a scalar Due for classify/standing
                row["due_at"].date(),
                row["due_at"].replace(tzinfo=VIETNAM_TZ),
                False,
                d.basis,
                d.limit,
                d.received_at,
                NATIONAL,
            )
            if row["completed_at"] is None:
                assert value == standing(d, as_of)
            else:
                assert value == classify(row["completed_at"], d)


def test_with_due_computes_due_dates_from_catalogue_text() -> None:
    import pandas as pd

    df = pd.DataFrame(
        {
            "received_at": pd.to_datetime(["2025-04-24 10:00", "2025-08-29 15:30"]),
            "channel": ["1", "2"],
            "time_limit": ["05 ngày làm việc", "Trong ngày; nhận sau 15 giờ thì trả ngày sau"],
            "completed_at": pd.to_datetime(cast(Any, ["2025-05-06 08:00", None])),
        }
    )
    out = frame.with_due(df, as_of=date(2025, 9, 3)).frame
    # 30/4-1/5/2025 off, make-up Saturday 26/4 counts; 30/8-2/9/2025 off.
    assert [d.date() for d in out["due_date"]] == [date(2025, 5, 5), date(2025, 9, 3)]
    assert [t.isoformat() for t in out["due_at"]] == [
        "2025-05-05T17:00:00+07:00",
        "2025-09-03T17:00:00+07:00",
    ]
    assert list(out["timeliness"]) == ["late", "within"]


BAD_ROWS = [
    # 0: fine
    ("UBND xã A", "03/03/2025 09:00", "2", "05 ngày làm việc", "2025-03-07T10:00:00", "resolved"),
    ("UBND xã A", "not a date", "2", "05 ngày làm việc", None, "pending"),
    ("UBND xã A", "03/03/2025 09:00", "9", "05 ngày làm việc", None, "pending"),
    ("UBND xã A", "03/03/2025 09:00", "1", "theo quy định", None, "pending"),
    ("UBND xã A", "03/03/2025 09:00", "1", "Không quy định", "2025-03-01T10:00:00", "resolved"),
    (None, "03/03/2025 09:00", "1", "Trong ngày", None, "pending"),
    ("UBND xã B", "03/03/2025 16:00", "3", "Trong ngày", None, "sleeping"),
    ("UBND xã B", None, "3", "Trong ngày", None, "pending"),
    ("UBND xã B", "03/03/2025 16:00", "3", "Trong ngày", None, "resolved"),
    # 9: fine (by post, due the next working day, still pending)
    ("UBND xã B", "03/03/2025 16:00", "3", "Trong ngày", None, "pending"),
]
BAD_EXPECTED = [
    (1, "received_at", "cannot read a date or time from 'not a date'"),
    (2, "channel", "'9' is not a valid KenhThucHien channel code"),
    (3, "time_limit", "cannot read a time limit from 'theo quy định'"),
    (4, "completed_at", "completed_at 2025-03-01T10:00:00+07:00 is before received_at"),
    (5, "agency", "agency is missing"),
    (6, "outcome", "outcome 'sleeping' is not one of pending, resolved"),
    (7, "received_at", "received_at is missing"),
    (8, "completed_at", "a resolved record needs completed_at (got None)"),
]


@pytest.mark.parametrize("engine", ["pandas", "polars"])
def test_bad_rows_are_reported_with_their_row_numbers(engine: str) -> None:
    columns = ("agency", "received_at", "channel", "time_limit", "completed_at", "outcome")
    data = {c: [row[k] for row in BAD_ROWS] for k, c in enumerate(columns)}
    if engine == "pandas":
        import pandas as pd

        df: Any = pd.DataFrame(data)
    else:
        import polars as pl

        df = pl.DataFrame(data)
    result = frame.report06_by(df, Period.parse("2025-03"), ("agency",))
    assert result.rows == len(BAD_ROWS)
    assert result.rejected == len(BAD_EXPECTED)
    assert [(e.index, e.field) for e in result.errors] == [(i, f) for i, f, _ in BAD_EXPECTED]
    for error, (_, _, reason) in zip(result.errors, BAD_EXPECTED, strict=True):
        assert reason in str(error)
    a, b = result.report[("UBND xã A",)], result.report[("UBND xã B",)]
    assert (a.received_online, a.resolved_early, a.received_total) == (1, 1, 1)
    assert (b.received_in_person, b.pending_overdue, b.received_total) == (1, 1, 1)
    with pytest.raises(RecordError, match=r"record 1, field 'received_at'"):
        frame.report06_by(df, Period.parse("2025-03"), ("agency",), strict=True)
    added = frame.with_due(df)
    assert [e.index for e in added.errors] == [1, 2, 3, 4, 6, 7, 8]  # agency is not needed
    due_dates = list(added.frame["due_date"])
    assert not _is_null(due_dates[0])
    assert all(_is_null(due_dates[k]) for k in (1, 2, 3, 4, 6, 7, 8))


def _is_null(value: object) -> bool:
    import pandas as pd

    return value is None or value is pd.NaT or bool(pd.isna(cast(Any, value)))


def test_frame_without_needed_columns_is_refused() -> None:
    import pandas as pd

    with pytest.raises(MissingColumnError, match="'due_at' column or a 'time_limit' column"):
        frame.report06_by(
            pd.DataFrame({"agency": ["A"], "received_at": ["03/03/2025 09:00"], "channel": ["1"]}),
            Period.parse("2025-03"),
        )
    with pytest.raises(MissingColumnError, match="no 'received_at', 'channel' column") as info:
        frame.report06_by(pd.DataFrame({"agency": ["A"]}), Period.parse("2025-03"))
    assert info.value.columns == ("received_at", "channel")
    assert isinstance(info.value, KeyError)  # what callers of a pandas API catch
    with pytest.raises(TypeError, match="expected a pandas or polars DataFrame"):
        frame.report06_by([], Period.parse("2025-03"))


# -- Dask ---------------------------------------------------------------------------------------


def generated_frame(n: int, seed: int) -> Any:
    import pandas as pd

    rng = np.random.default_rng(seed)
    received = np.datetime64("2024-10-01T00:00", "us") + rng.integers(
        0, 200 * 86_400_000_000, n
    ).astype("timedelta64[us]")
    completed = received + rng.integers(0, 40 * 86_400_000_000, n).astype("timedelta64[us]")
    outcome = rng.choice(["pending", "resolved", "refused", "withdrawn", "returned"], n)
    completed[outcome == "pending"] = np.datetime64("NaT")
    return pd.DataFrame(
        {
            "agency": rng.choice(list(AGENCIES), n),
            "received_at": received,
            "channel": rng.choice(["1", "2", "3", "x"], n, p=[0.4, 0.4, 0.19, 0.01]),
            "time_limit": rng.choice(["05 ngày làm việc", "Trong ngày", "30 ngày", "2,5 ngày"], n),
            "completed_at": completed,
            "outcome": outcome,
        }
    )


def test_dask_report_on_a_local_cluster_equals_the_single_machine_result() -> None:
    import dask.dataframe as dd
    from dask.distributed import Client, LocalCluster, get_task_stream

    pdf = generated_frame(20_000, seed=7)
    period = Period.parse("2025-Q1")
    single = frame.report06_by(pdf, period, ("agency", "month"))
    assert single.rejected > 0  # the unknown channel code "x"
    with (
        LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,  # type: ignore[no-untyped-call]
    ):
        ddf = dd.from_pandas(pdf, npartitions=4)  # type: ignore[no-untyped-call]
        with get_task_stream() as stream:
            got = frame.dask_report(ddf, period, by=("agency", "month"))
        workers = set(client.scheduler_info()["workers"])
    # Each partition was counted on a worker; only the small count arrays came back.
    ran = [t for t in stream.data if "_partial" in str(t["key"])]
    assert len(ran) == 4
    assert {t["worker"] for t in ran} <= workers
    assert list(got.report.items()) == list(single.report.items())
    assert [(e.index, e.field, e.reason) for e in got.errors] == [
        (e.index, e.field, e.reason) for e in single.errors
    ]
    assert got.rows == single.rows == 20_000
    # And the single-machine frame result is the scalar KPI path's.
    valid = pdf.drop(index=[e.index for e in single.errors])
    limits = {t: TimeLimit.parse(t).limit for t in set(valid["time_limit"])}
    records = [
        Record(
            r.agency,
            r.received_at.to_pydatetime(),
            Channel.from_national_code(r.channel),
            due_at=due(r.received_at.to_pydatetime(), limits[r.time_limit]).at,
            completed_at=None if pd_isnat(r.completed_at) else r.completed_at.to_pydatetime(),
            outcome=r.outcome,
        )
        for r in valid.itertuples()
    ]
    assert list(kpi.report06_by(records, period).items()) == list(single.report.items())


def pd_isnat(value: object) -> bool:
    import pandas as pd

    return value is pd.NaT


def test_progress_bars_show_on_a_terminal_only(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import sys

    import dask
    import dask.dataframe as dd

    pdf = generated_frame(3_000, seed=5)
    period = Period.parse("2025-Q1")
    quiet = frame.report06_by(pdf, period, progress=True)
    frame.with_due(pdf, progress=True)
    assert capsys.readouterr().err == ""  # not a terminal: silent
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    shown = frame.report06_by(pdf, period, progress=True)
    frame.with_due(pdf, progress=True)
    with dask.config.set(scheduler="synchronous"):
        ddf = dd.from_pandas(pdf, npartitions=3)  # type: ignore[no-untyped-call]
        by_dask = frame.dask_report(ddf, period, progress=True)
    err = capsys.readouterr().err
    assert "Biểu 06" in err
    assert "with_due" in err
    assert "3/3" in err  # the partitions
    assert shown.report == quiet.report == by_dask.report
