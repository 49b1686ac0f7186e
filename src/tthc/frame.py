"""Vectorised tthc over numpy arrays and data frames (the ``tthc[frame]`` extra).

The scalar API (:func:`tthc.due`, :meth:`tthc.WorkCalendar.add_working_days`...) answers for
one dossier at a time; this module answers for millions at once, with the same results
element by element. Each calendar's days are read once into tables (a cumulative count of
working days, the list of working days, office time per day) and every function is a few
array lookups over them, never a Python loop over rows.

Inputs and outputs:

- dates are ``datetime64[D]``; instants are ``datetime64`` in Vietnam wall time (a naive
  value *is* Vietnam local time, UTC+7), or tz-aware pandas/polars columns, which are
  converted to Vietnam time first. Instants are used to the microsecond.
- results are numpy arrays of the same length; a missing input (NaT) gives a missing output
  where the output can say so (NaT, ``None``), and is refused with its position where it
  cannot (a bool or a count).
- a call whose answer depends on an unverified calendar year emits one
  :class:`~tthc.errors.ProvisionalCalendarWarning` (the scalar API emits one per call too).

Three layers:

- arrays: :func:`is_working_day`, :func:`add_working_days`, :func:`count_working_days`,
  :func:`add_working_time`, :func:`due` (a :class:`DueArray`), :func:`classify`,
  :func:`standing`;
- data frames of dossier records (pandas or polars, the fields of :class:`tthc.kpi.Record`
  as columns): :func:`with_due` adds due dates and timeliness, :func:`report06_by` gives
  Biểu 06 per group, equal to :func:`tthc.kpi.report06_by`; rows that cannot be read are
  returned with their index and reason, never dropped silently;
- Dask: :func:`dask_report` reports each partition and adds the partial reports
  (:func:`merge_reports`).

numpy is needed only here: ``import tthc`` never imports it. The guide page "Scaling out"
shows each layer, and ``benchmarks/bench_frame.py`` measures them against numpy, pandas
and polars.

>>> import numpy as np
>>> from tthc import frame
>>> frame.add_working_days(np.array(["2026-02-13"], "datetime64[D]"), 1)  # Tết Bính Ngọ
array(['2026-02-23'], dtype='datetime64[D]')
"""

from __future__ import annotations

import datetime as _dt
import os
import sys
import threading
import warnings
from collections.abc import Callable, Hashable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime, time
from decimal import Decimal
from fractions import Fraction
from typing import Any, Final, TypeVar

import attrs
import numpy as np
import numpy.typing as npt

from tthc._counting import (  # kpi's checks, sub-periods and order
    check_grouping,
    expect_type,
    report_periods,
    sort_key,
)
from tthc._text_dates import read_texts as _read_texts
from tthc.calendar import (
    FIRST_SUPPORTED_DATE,
    LAST_SUPPORTED_DATE,
    MAX_WORKING_DAYS,
    MAX_WORKING_HOURS,
    VIETNAM_TZ,
    OfficeHours,
    WorkCalendar,
    _time_amount_us,
    vietnam_calendar,
)
from tthc.catalog import Channel
from tthc.deadlines import (
    HOURS_PER_WORKING_DAY,
    DuePolicy,
    Granularity,
    TimeLimit,
    Timeliness,
    Unit,
)
from tthc.errors import (
    CalendarNotCoveredError,
    CountTooLargeError,
    DateOutOfRangeError,
    InvalidCodeError,
    InvalidValueError,
    MissingColumnError,
    NoTimeLimitError,
    ProvisionalCalendarWarning,
    RecordError,
    TimeLimitParseError,
    TthcError,
)
from tthc.kpi import (
    GROUP_KEYS,
    MAX_REPORT_MONTHS,
    ExitTreatment,
    Outcome,
    Period,
    Report06,
    ReportPolicy,
)
from tthc.parsing import parse_instant

__all__ = [
    "DueArray",
    "FrameResult",
    "ReportResult",
    "add_working_days",
    "add_working_time",
    "classify",
    "count_working_days",
    "dask_report",
    "due",
    "is_working_day",
    "merge_reports",
    "report06_by",
    "standing",
    "with_due",
]


# == tables ====================================================================================
I64 = npt.NDArray[np.int64]
Bools = npt.NDArray[np.bool_]

BASE_ORDINAL = FIRST_SUPPORTED_DATE.toordinal()
SPAN = LAST_SUPPORTED_DATE.toordinal() - BASE_ORDINAL + 1
EPOCH_TO_BASE = BASE_ORDINAL - date(1970, 1, 1).toordinal()
"""``datetime64[D]`` integer of 1995-01-01: subtract it to get a day index."""
US_PER_DAY = 86_400_000_000
NAT = np.iinfo(np.int64).min
"""The integer behind ``NaT`` in every ``datetime64`` unit."""


def _us(t: time) -> int:
    return ((t.hour * 60 + t.minute) * 60 + t.second) * 1_000_000 + t.microsecond


@attrs.frozen(eq=False)
class Hours:
    """One set of office hours as arrays of µs after midnight (starts and ends of periods)."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]

    @property
    def length(self) -> int:
        return sum(e - s for s, e in zip(self.starts, self.ends, strict=True))

    def elapsed(self, x: I64) -> I64:
        """Office µs from opening until *x* µs after midnight (OfficeHours._elapsed_us)."""
        out = np.zeros(x.shape, np.int64)
        for s, e in zip(self.starts, self.ends, strict=True):
            out += np.clip(x, s, e) - s
        return out

    def time_at(self, r: I64) -> I64:
        """µs after midnight when *r* (0 < r <= length) office µs have passed.

        A point exactly at the end of a period stays there (OfficeHours._time_at).
        """
        out = np.empty(r.shape, np.int64)
        todo = np.ones(r.shape, np.bool_)
        rest = r
        for s, e in zip(self.starts, self.ends, strict=True):
            here = todo & (rest <= e - s)
            np.copyto(out, s + rest, where=here)
            todo &= ~here
            rest = rest - (e - s)
        return out

    def normalize(self, x: I64) -> tuple[I64, Bools]:
        """The next office moment at or after *x* on the same day, and where there is none."""
        y = np.full(x.shape, -1, np.int64)
        for s, e in zip(reversed(self.starts), reversed(self.ends), strict=True):
            y = np.where(x < e, np.maximum(x, s), y)
        return y, y < 0


@attrs.frozen(eq=False)
class Tables:
    """The arrays of one calendar; every array is indexed by day index (0 = 1995-01-01)."""

    calendar: WorkCalendar
    working: npt.NDArray[np.uint8]
    cum: I64
    """``cum[i]``: working days strictly before day *i* (length SPAN + 1)."""
    wd: I64
    """Day index of the k-th working day (k from 0)."""
    hid: npt.NDArray[np.intp]
    """Index into ``hours`` of the office hours that apply on each day."""
    hours: tuple[Hours, ...]
    cum_us: I64
    """Office µs of working days strictly before day *i* (length SPAN + 1)."""
    day_us: int
    """The length of every working day, when they are all equal; else 0."""
    closing: I64
    """µs after midnight of each day's closing time (the appointment of a day-granular due)."""
    opening: I64
    """µs after midnight of each day's opening time."""
    vlo: int
    vhi: int
    """First and last day index of the verified years."""
    verified: range
    cum1_raw_m1: I64
    """``cum[i + 1] - 1`` indexed by the raw ``datetime64[D]`` integer (days since
    1970-01-01): ``wd_raw[cum1_raw_m1[d] + n]`` is the n-th working day after *d* (n >= 1).
    Only the supported range is meaningful; the fast path checks the range first."""
    wd_raw: I64
    """``wd`` as raw ``datetime64[D]`` integers."""
    cum_raw: I64
    """``cum`` indexed by the raw ``datetime64[D]`` integer (meaningful in the range only)."""
    next_wd: I64
    """Day index of the first working day strictly after each day (SPAN: there is none)."""
    shifted: dict[int, I64] = attrs.field(factory=dict)
    """Tables of :meth:`nth_after`, by n."""

    def years(self, lo: I64, hi: I64) -> tuple[int, ...]:
        """Unverified years among those of the spans [lo, hi] (day indexes, element-wise)."""
        first = FIRST_SUPPORTED_DATE.year
        n_years = LAST_SUPPORTED_DATE.year - first + 2
        ylo = _YEAR[lo] - first
        yhi = _YEAR[hi] - first
        diff = np.bincount(ylo, minlength=n_years) - np.bincount(yhi + 1, minlength=n_years)
        touched = np.flatnonzero(np.cumsum(diff) > 0) + first
        return tuple(int(y) for y in touched if int(y) not in self.verified)

    def nth_after(self, n: int) -> I64:
        """The n-th working day after each raw day number (n >= 1), as a table (memoised).

        Only the supported range is meaningful, and only where the n-th day exists.
        """
        table = self.shifted.get(n)
        if table is None:
            k = np.minimum(self.cum1_raw_m1 + n, self.wd.size - 1)
            table = np.take(self.wd_raw, k)
            if len(self.shifted) >= 64:
                self.shifted.clear()
            self.shifted[n] = table
        return table

    def touched(self, low: int, top: int, spans: Callable[[], tuple[I64, I64]]) -> tuple[int, ...]:
        """The unverified years that spans between raw days *low* and *top* touch.

        Spans rarely leave the verified years by more than the year either side; then the
        extremes answer alone (the span that reaches *top* touches its year, and every other
        year it could touch is verified). Otherwise *spans* gives the rows' (first, last) raw
        day numbers and they are looked at.
        """
        vlo, vhi = self.vlo + EPOCH_TO_BASE, self.vhi + EPOCH_TO_BASE
        if low >= vlo and top <= vhi:
            return ()
        before, after = self.verified.start - 1, self.verified.stop
        if low != NAT:
            near_low = low >= vlo or int(_YEAR[low - EPOCH_TO_BASE]) == before
            near_top = top <= vhi or int(_YEAR[top - EPOCH_TO_BASE]) == after
            if near_low and near_top:
                return (*((before,) if low < vlo else ()), *((after,) if top > vhi else ()))
        lo, hi = spans()
        flagged = (lo < vlo) | (hi > vhi)
        if not flagged.any():
            return ()
        return self.years(lo[flagged] - EPOCH_TO_BASE, hi[flagged] - EPOCH_TO_BASE)

    def cover(self, lo: I64, hi: I64, *, stacklevel: int) -> Bools | None:
        """Warn once (or raise, strict) when a span leaves the verified years.

        Returns the per-element "provisional" flags, or ``None`` when no element is.
        *lo* and *hi* are the first and last day index of each element's span (valid rows only).
        """
        if lo.size == 0 or (int(lo.min()) >= self.vlo and int(hi.max()) <= self.vhi):
            return None
        flags = (lo < self.vlo) | (hi > self.vhi)
        self.warn(self.years(lo[flags], hi[flags]), stacklevel=stacklevel + 1)
        return flags

    def warn(self, years: tuple[int, ...], *, stacklevel: int) -> None:
        """One ProvisionalCalendarWarning for *years* (strict calendars raise instead)."""
        if self.calendar.strict:
            raise CalendarNotCoveredError(years[0], self.verified)
        warnings.warn(ProvisionalCalendarWarning(years, self.verified), stacklevel=stacklevel + 1)


_YEAR = (np.arange(SPAN, dtype=np.int64) + EPOCH_TO_BASE).astype("datetime64[D]").astype(
    "datetime64[Y]"
).astype(np.int64) + 1970

_CACHE: dict[int, Tables] = {}
_LOCK = threading.Lock()


def _build(cal: WorkCalendar) -> Tables:
    # The calendar's answers are read through its public API, once: a strict calendar would
    # refuse the unverified years, so its non-strict twin (same days) answers for it, and the
    # vectorised functions apply strictness themselves (Tables.cover).
    source = attrs.evolve(cal, strict=False) if cal.strict else cal
    days = [date.fromordinal(BASE_ORDINAL + i) for i in range(SPAN)]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ProvisionalCalendarWarning)
        working = np.fromiter(map(source.is_working_day, days), np.uint8, SPAN)
    seen: dict[int, int] = {}
    distinct: list[OfficeHours] = []
    hid = np.empty(SPAN, np.intp)
    for i, d in enumerate(days):
        h = source.hours_on(d)
        k = seen.get(id(h))
        if k is None:
            k = seen[id(h)] = len(distinct)
            distinct.append(h)
        hid[i] = k
    hours = tuple(
        Hours(tuple(_us(s) for s, _ in h.periods), tuple(_us(e) for _, e in h.periods))
        for h in distinct
    )
    length = np.array([h.length for h in hours], np.int64)[hid] * working
    cum = np.zeros(SPAN + 1, np.int64)
    np.cumsum(working, out=cum[1:])
    cum_us = np.zeros(SPAN + 1, np.int64)
    np.cumsum(length, out=cum_us[1:])
    worked = length[working == 1]
    uniform = int(worked[0]) if worked.size and bool((worked == worked[0]).all()) else 0
    verified = cal.verified_years
    cum1_raw_m1 = np.zeros(EPOCH_TO_BASE + SPAN, np.int64)
    cum1_raw_m1[EPOCH_TO_BASE:] = cum[1:] - 1
    wd = np.flatnonzero(working).astype(np.int64)
    cum_raw = np.zeros(EPOCH_TO_BASE + SPAN + 1, np.int64)
    cum_raw[EPOCH_TO_BASE:] = cum
    after = cum[1:]
    next_wd = np.where(after < wd.size, wd[np.minimum(after, wd.size - 1)], SPAN)
    return Tables(
        calendar=cal,
        working=working,
        cum=cum,
        wd=wd,
        hid=hid,
        hours=hours,
        cum_us=cum_us,
        day_us=uniform,
        closing=np.array([h.ends[-1] for h in hours], np.int64)[hid],
        opening=np.array([h.starts[0] for h in hours], np.int64)[hid],
        vlo=date(verified.start, 1, 1).toordinal() - BASE_ORDINAL,
        vhi=date(verified.stop - 1, 12, 31).toordinal() - BASE_ORDINAL,
        verified=verified,
        cum1_raw_m1=cum1_raw_m1,
        wd_raw=wd + EPOCH_TO_BASE,
        cum_raw=cum_raw,
        next_wd=next_wd.astype(np.int64),
    )


def tables(calendar: WorkCalendar | None) -> Tables:
    """The tables of *calendar* (default: the national calendar), built once and cached."""
    cal: object = vietnam_calendar() if calendar is None else calendar
    if not isinstance(cal, WorkCalendar):
        msg = f"expected a WorkCalendar, got {cal!r}"
        raise TypeError(msg)
    t = _CACHE.get(id(cal))
    if t is not None and t.calendar is cal:
        return t
    with _LOCK:
        t = _CACHE.get(id(cal))
        if t is None or t.calendar is not cal:
            if len(_CACHE) >= 16:
                _CACHE.clear()
            t = _CACHE[id(cal)] = _build(cal)
    return t


# -- conversions ----------------------------------------------------------------------------------


def _is(x: object, module: str, name: str) -> bool:
    """``isinstance(x, module.name)`` without importing *module* when the caller has not."""
    mod = sys.modules.get(module)
    return mod is not None and isinstance(x, getattr(mod, name))


def _pandas_to_numpy(x: Any, kind: str) -> npt.NDArray[Any]:
    import pandas as pd

    s = pd.Series(x, copy=False) if not isinstance(x, pd.Series) else x
    if isinstance(s.dtype, pd.DatetimeTZDtype):
        s = s.dt.tz_convert(VIETNAM_TZ).dt.tz_localize(None)
    if kind == "D" and pd.api.types.is_datetime64_dtype(s.dtype):
        return s.to_numpy(dtype="datetime64[D]")
    if pd.api.types.is_datetime64_dtype(s.dtype):
        return s.to_numpy(dtype="datetime64[us]")
    return _objects_to_numpy(s.to_numpy(dtype=object), kind)


def _polars_to_numpy(x: Any, kind: str) -> npt.NDArray[Any]:
    import polars as pl

    s: pl.Series = x
    if isinstance(s.dtype, pl.Datetime):
        if s.dtype.time_zone is not None:
            s = s.dt.convert_time_zone(str(VIETNAM_TZ)).dt.replace_time_zone(None)
        s = s.dt.cast_time_unit("us")
        out: npt.NDArray[Any] = s.to_numpy()
        return out.astype("datetime64[D]") if kind == "D" else out
    if s.dtype == pl.Date:
        out = s.to_numpy()
        return out.astype("datetime64[D]")
    return _objects_to_numpy(np.asarray(s.to_list(), dtype=object), kind)


def _objects_to_numpy(a: npt.NDArray[Any], kind: str) -> npt.NDArray[Any]:
    """An object array of dates/datetimes/None: aware datetimes converted to Vietnam time."""
    unit = "datetime64[D]" if kind == "D" else "datetime64[us]"
    out = np.empty(a.shape, unit)
    for k, v in enumerate(a.ravel()):
        if v is None or v is _PD_NAT():
            out[k] = np.datetime64("NaT")
        elif isinstance(v, datetime):
            local = v.astimezone(VIETNAM_TZ).replace(tzinfo=None) if v.tzinfo else v
            out[k] = np.datetime64(local.date() if kind == "D" else local, "us")
        elif isinstance(v, date):
            out[k] = np.datetime64(v, "D")
        else:
            msg = f"expected dates or datetimes, got {v!r} at index {k}"
            raise TypeError(msg)
    return out


def _PD_NAT() -> object:  # noqa: N802 - a constant looked up lazily
    mod = sys.modules.get("pandas")
    return None if mod is None else mod.NaT


def as_datetime64(x: object, kind: str) -> npt.NDArray[Any]:
    """*x* as a 1-D ``datetime64`` array ("D": any datetime64; "us": an instant array)."""
    if _is(x, "pandas", "Series") or _is(x, "pandas", "Index"):
        a = _pandas_to_numpy(x, kind)
    elif _is(x, "polars", "Series"):
        a = _polars_to_numpy(x, kind)
    else:
        a = np.asarray(x)
        if a.dtype == object:
            a = _objects_to_numpy(a, kind)
    if a.ndim != 1:
        msg = f"expected a one-dimensional array, got shape {a.shape}"
        raise InvalidValueError(msg)
    if a.dtype.kind != "M":
        msg = f"expected datetime64 values, got an array of {a.dtype}"
        raise TypeError(msg)
    return a


def _fill(i: I64, nat: Bools) -> tuple[I64, Bools | None]:
    """NaT rows set to day index 0 (a valid index, masked later); the mask, or None."""
    if not nat.any():
        return i, None
    return np.where(nat, 0, i), nat


def day_index(x: object) -> tuple[I64, Bools | None]:
    """Day indexes of dates (or of the dates of instants, Vietnam time) and the NaT mask.

    NaT rows get index 0 (their results are masked again); the mask is ``None`` without NaT.
    """
    a = as_datetime64(x, "D")
    days = a.astype("datetime64[D]", copy=False).view(np.int64)
    return _fill(days - EPOCH_TO_BASE, days == NAT)


def instant_parts(x: object, *, what: str = "instants") -> tuple[I64, I64, Bools | None]:
    """(day index, µs after midnight, NaT mask or None) of Vietnam-time instants.

    Sub-microsecond digits (``datetime64[ns]``) are dropped, as ``datetime`` does.
    """
    a = as_datetime64(x, "us")
    unit = np.datetime_data(a.dtype)[0]
    if unit in ("Y", "M", "W", "D"):
        msg = f"{what} must be datetime64 instants (with a time of day), got {a.dtype}"
        raise TypeError(msg)
    us = a.astype("datetime64[us]", copy=False).view(np.int64)
    day = us // US_PER_DAY
    i, nat = _fill(day - EPOCH_TO_BASE, us == NAT)
    x_us = us - day * US_PER_DAY
    if nat is not None:
        x_us = np.where(nat, 0, x_us)
    return i, x_us, nat


def check_range(i: I64, what: str = "date", *, limit: int = SPAN) -> None:
    """Raise DateOutOfRangeError for the first index outside ``0 <= i < limit``."""
    if i.size == 0 or (int(i.min()) >= 0 and int(i.max()) < limit):
        return
    k = int(np.flatnonzero((i < 0) | (i >= limit))[0])
    value = np.datetime64(int(i[k]) + EPOCH_TO_BASE, "D").item()
    shown: date | int = value if isinstance(value, date) else int(i[k])
    raise DateOutOfRangeError(
        shown, FIRST_SUPPORTED_DATE, LAST_SUPPORTED_DATE, what=f"{what} [{k}]"
    )


def to_dates(i: I64, nat: Bools | None = None) -> npt.NDArray[np.datetime64]:
    """``datetime64[D]`` of day indexes, NaT where *nat*."""
    v = i + EPOCH_TO_BASE
    if nat is not None and nat.any():
        v = np.where(nat, NAT, v)
    return v.astype(np.int64, copy=False).view("datetime64[D]")


def to_instants(i: I64, x: I64, nat: Bools | None = None) -> npt.NDArray[np.datetime64]:
    """``datetime64[us]`` (naive, Vietnam time) of day indexes and µs after midnight."""
    v = (i + EPOCH_TO_BASE) * US_PER_DAY + x
    if nat is not None and nat.any():
        v = np.where(nat, NAT, v)
    return v.view("datetime64[us]")


# == arrays ====================================================================================
_US_PER_HOUR = 3_600_000_000
Dates = npt.NDArray[np.datetime64]
Codes = npt.NDArray[np.int32]
"""Codes of a factorized column (-1: missing)."""
Small = npt.NDArray[np.int8]
Objects = npt.NDArray[np.object_]

# Timeliness codes used internally (int8); -1 = missing.
EARLY, ON_TIME, LATE, WITHIN, OVERDUE = range(5)
TIMELINESS: Objects = np.array(
    [
        Timeliness.EARLY,
        Timeliness.ON_TIME,
        Timeliness.LATE,
        Timeliness.WITHIN,
        Timeliness.OVERDUE,
        None,
    ],
    dtype=object,
)
"""Index by code (-1 wraps to the last entry, ``None``)."""


def _beyond(t: Tables, start: I64, bad: Bools, what: str) -> DateOutOfRangeError:
    k = int(np.flatnonzero(bad)[0])
    d = _dt.date.fromordinal(int(start[k]) + FIRST_SUPPORTED_DATE.toordinal())
    return DateOutOfRangeError(d, FIRST_SUPPORTED_DATE, LAST_SUPPORTED_DATE, what=f"{what} [{k}]")


def _valid(a: I64, nat: Bools | None) -> I64:
    return a if nat is None else a[~nat]


def _counts(n: object, size: int) -> I64 | int:
    """*n* as a Python int or an int64 array of length *size*, within MAX_WORKING_DAYS."""
    if isinstance(n, int | np.integer) and not isinstance(n, bool | np.bool_):
        v = int(n)
        if not -MAX_WORKING_DAYS <= v <= MAX_WORKING_DAYS:
            raise CountTooLargeError(v, MAX_WORKING_DAYS, what="working days")
        return v
    a = np.asarray(n)
    if a.dtype.kind not in "iu":
        msg = f"n must be an int or an array of ints, got {a.dtype}"
        raise TypeError(msg)
    if a.shape != (size,):
        msg = f"n must be an int or an array of the same length ({size}), got shape {a.shape}"
        raise InvalidValueError(msg)
    if a.dtype.kind == "u" and a.size and int(a.max()) > MAX_WORKING_DAYS:
        # checked before the cast: 2**64 - 1 as int64 would be -1
        raise CountTooLargeError(int(a.max()), MAX_WORKING_DAYS, what="working days")
    a = a.astype(np.int64, copy=False)
    if a.size:
        lo, hi = int(a.min()), int(a.max())
        worst = lo if -lo > hi else hi
        if abs(worst) > MAX_WORKING_DAYS:
            raise CountTooLargeError(worst, MAX_WORKING_DAYS, what="working days")
    return a


def _roll(t: Tables, i: I64) -> I64:
    """The day itself if a working day, else the next working day (add_working_days(d, 0))."""
    k = t.cum[i + 1] - t.working[i]
    bad = k >= t.wd.size
    if bad.any():
        raise _beyond(t, i, bad, "the next working day from")
    out: I64 = t.wd[k]
    return out


def _next(t: Tables, i: I64) -> I64:
    """The first working day strictly after each day (add_working_days(d, 1))."""
    k = t.cum[i + 1]
    bad = k >= t.wd.size
    if bad.any():
        raise _beyond(t, i, bad, "the next working day after")
    return t.wd[k]


def _add_days(t: Tables, i: I64, n: I64 | int) -> I64:
    """Day index of the n-th working day after day *i* (WorkCalendar.add_working_days)."""
    cum1 = t.cum[1:]
    if isinstance(n, int):
        if n > 0:
            k = np.take(cum1, i) + (n - 1)
        elif n == 0:
            k = np.take(cum1, i) - t.working[i]
        else:
            k = np.take(t.cum, i) + n
    else:
        k = np.where(
            n > 0,
            np.take(cum1, i) + (n - 1),
            np.where(n == 0, np.take(cum1, i) - t.working[i], np.take(t.cum, i) + n),
        )
    if k.size and (int(k.min()) < 0 or int(k.max()) >= t.wd.size):
        bad = (k < 0) | (k >= t.wd.size)
        shown = n if isinstance(n, int) else int(n[int(np.flatnonzero(bad)[0])])
        raise _beyond(t, i, bad, f"the result of adding {shown} working days to")
    return np.take(t.wd, k)


def _per_hours(t: Tables, days: I64, fn: Callable[[Hours, I64], I64], arg: I64) -> I64:
    """``fn(hours of day, arg)`` element-wise, one vectorised call per distinct office hours."""
    if len(t.hours) == 1:
        return fn(t.hours[0], arg)
    hid = t.hid[days]
    out = np.empty(arg.shape, np.int64)
    for h in np.unique(hid):
        m = hid == h
        out[m] = fn(t.hours[int(h)], arg[m])
    return out


def _normalize(t: Tables, i: I64, x: I64) -> tuple[I64, I64]:
    """The next office moment at or after (day *i*, *x* µs) (WorkCalendar._normalize)."""
    if len(t.hours) == 1:
        y, none = t.hours[0].normalize(x)
    else:
        hid = t.hid[i]
        y = np.empty(x.shape, np.int64)
        none = np.empty(x.shape, np.bool_)
        for h in np.unique(hid):
            m = hid == h
            y[m], none[m] = t.hours[int(h)].normalize(x[m])
    none |= t.working[i] == 0
    if none.any():
        j = _next(t, i[none])
        i = i.copy()
        i[none] = j
        y[none] = t.opening[j]
    return i, y


def _add_time(t: Tables, i: I64, x: I64, amount: I64 | int) -> tuple[I64, I64]:
    """(day index, µs) when *amount* office µs have passed after (i, x) (WorkCalendar._add_us)."""
    start = i
    i, y = _normalize(t, i, x)
    if isinstance(amount, int) and amount == 0:
        return i, y
    total = t.cum_us[i] + _per_hours(t, i, Hours.elapsed, y) + amount
    if t.day_us:
        m = (total - 1) // t.day_us
        bad = m >= t.wd.size
        if bad.any():
            raise _beyond(t, start, bad, "the result of adding working time to")
        j = t.wd[m]
        r = total - m * t.day_us
    else:
        k = np.searchsorted(t.cum_us, total, side="left")
        bad = k > SPAN
        if bad.any():
            raise _beyond(t, start, bad, "the result of adding working time to")
        j = k - 1
        r = total - t.cum_us[j]
    y2 = _per_hours(t, j, Hours.time_at, r)
    if isinstance(amount, int):
        return j, y2
    zero = amount == 0
    return np.where(zero, i, j), np.where(zero, y, y2)


def _add_months(i: I64, months: int) -> I64:
    """Day index plus *months* calendar months, clamped to the month's end (Điều 148(3))."""
    d = (i + EPOCH_TO_BASE).view("datetime64[D]")
    m = d.astype("datetime64[M]")
    dom = d - m.astype("datetime64[D]")
    target = m + np.timedelta64(months, "M")
    first = target.astype("datetime64[D]")
    last = (target + np.timedelta64(1, "M")).astype("datetime64[D]") - np.timedelta64(1, "D")
    out = np.minimum(first + dom, last)
    index: I64 = out.view(np.int64) - EPOCH_TO_BASE
    return index


# -- public functions ----------------------------------------------------------------------------


def is_working_day(dates: object, *, calendar: WorkCalendar | None = None) -> Bools:
    """Whether each date is a working day (:meth:`tthc.WorkCalendar.is_working_day`).

    Args:
        dates: ``datetime64`` values (instants count by their Vietnam date), a pandas or
            polars date column, or a sequence of dates. Missing values (NaT) are refused with
            their position: a bool cannot say "unknown".
        calendar: Working calendar; default :func:`~tthc.calendar.vietnam_calendar`.

    Warns:
        ProvisionalCalendarWarning: Once per call, when a date is in an unverified year.

    >>> import numpy as np
    >>> is_working_day(np.array(["2026-01-02", "2026-01-10", "2026-01-12"], "datetime64[D]"))
    array([False,  True,  True])
    """
    t = tables(calendar)
    i, nat = day_index(dates)
    _refuse_nat(nat, "dates")
    check_range(i)
    t.cover(i, i, stacklevel=2)
    return t.working[i].astype(np.bool_)


def _refuse_nat(nat: Bools | None, what: str) -> None:
    if nat is not None:
        k = int(np.flatnonzero(nat)[0])
        msg = f"{what} [{k}] is missing (NaT); drop or fill missing values first"
        raise InvalidValueError(msg)


def add_working_days(
    dates: object, n: int | npt.ArrayLike, *, calendar: WorkCalendar | None = None
) -> Dates:
    """The n-th working day after each date (:meth:`tthc.WorkCalendar.add_working_days`).

    For ``n >= 1`` the start day is not counted; ``n == 0`` rolls a day off forward to the
    next working day; ``n < 0`` counts backwards. Missing dates (NaT) give NaT.

    Args:
        dates: Dates as ``datetime64`` (instants count by their Vietnam date), a pandas or
            polars column, or a sequence of dates.
        n: One int for every row, or an int array of the same length.
        calendar: Working calendar; default :func:`~tthc.calendar.vietnam_calendar`.

    Returns:
        A ``datetime64[D]`` array of the same length.

    Warns:
        ProvisionalCalendarWarning: Once per call, when a result depends on an unverified year.

    >>> import numpy as np
    >>> add_working_days(np.array(["2025-04-24", "2025-12-31", "NaT"], "datetime64[D]"), 5)
    array(['2025-05-05', '2026-01-09', 'NaT'], dtype='datetime64[D]')
    """
    t = tables(calendar)
    col = _column(dates, "D")
    if isinstance(n, np.ndarray) and n.dtype.kind == "i" and n.shape == (col.size,):
        # checks n per chunk; unsigned counts go through _counts, which bounds them before
        # the cast (2**64 - 1 as int64 would be -1)
        fast = _add_days_chunked(t, col, n.astype(np.int64, copy=False))
    else:
        fast = _add_days_chunked(t, col, _counts(n, col.size))
    if fast is not None:
        return fast
    # A date or a result out of range, or a count too large: find the row and say so.
    k = _counts(n, col.size)
    i, nat = day_index(dates)
    check_range(i)
    r = _add_days(t, i, k)
    if isinstance(k, int) and k >= 0:
        lo, hi = i, r
    else:
        lo, hi = np.minimum(i, r), np.maximum(i, r)
    t.cover(_valid(lo, nat), _valid(hi, nat), stacklevel=2)
    return to_dates(r, nat)


_CHUNK = 1 << 15
_POOL: dict[int, ThreadPoolExecutor] = {}
"""The worker threads, by the process that started them (a forked child starts its own)."""
_POOL_LOCK = threading.Lock()
_T = TypeVar("_T")
_R = TypeVar("_R")


def _map(fn: Callable[[_T], _R], items: list[_T]) -> Iterator[_R]:
    """``map(fn, items)``, on a small thread pool when there is more than one item.

    numpy releases the GIL in the element-wise loops, ``take`` and reductions, so chunks of
    one array run in parallel on the machine's cores.
    """
    workers = min(os.cpu_count() or 1, 4)
    if len(items) < 2 or workers < 2:
        return map(fn, items)
    pid = os.getpid()
    pool = _POOL.get(pid)
    if pool is None:
        with _POOL_LOCK:
            pool = _POOL.get(pid)
            if pool is None:
                _POOL.clear()  # threads do not survive fork(): never reuse a parent's pool
                pool = _POOL[pid] = ThreadPoolExecutor(workers, thread_name_prefix="tthc-frame")
    return pool.map(fn, items)


# -- columns read chunk by chunk ---------------------------------------------------------------
_TICKS_PER_DAY: Final = {
    "D": 1,
    "h": 24,
    "m": 1_440,
    "s": 86_400,
    "ms": 86_400_000,
    "us": US_PER_DAY,
    "ns": US_PER_DAY * 1_000,
}
"""Ticks of each ``datetime64`` unit in one day (coarser units are converted chunk by chunk)."""


class _Scratch(threading.local):
    """Work arrays of one thread, reused from chunk to chunk.

    A fresh array per operation costs more than the operation itself (the memory is mapped
    anew each time), so the kernels write into these with ``out=``.
    """

    def __init__(self) -> None:
        self.arrays: dict[tuple[str, str], npt.NDArray[Any]] = {}

    def get(self, name: str, dtype: str, size: int) -> npt.NDArray[Any]:
        a = self.arrays.get((name, dtype))
        if a is None or a.size < size:
            a = self.arrays[name, dtype] = np.empty(max(size, _CHUNK), dtype)
        return a[:size]

    def i8(self, name: str, size: int) -> I64:
        out: I64 = self.get(name, "int64", size)
        return out

    def b1(self, name: str, size: int) -> Bools:
        out: Bools = self.get(name, "bool", size)
        return out


_SCRATCH = _Scratch()


@attrs.frozen(eq=False)
class _Column:
    """A date or instant column as its integer ticks, read chunk by chunk, never copied whole.

    ``values`` are the ticks of a ``datetime64`` unit (naive Vietnam wall time) or of a
    polars/Arrow column (``valid``: its validity bitmap, least significant bit first; the
    values of null slots are arbitrary). Without a bitmap, missing values are ``NaT``.
    """

    values: npt.NDArray[np.integer[Any]]
    unit: str
    valid: npt.NDArray[np.uint8] | None = None

    @property
    def size(self) -> int:
        return int(self.values.size)

    def days(self, a: int, b: int, safe: int) -> tuple[I64, Bools | None, int, int]:
        """Raw day numbers (``datetime64[D]`` integers) of rows a..b-1, and the missing rows.

        Missing rows get day *safe*. Returns (days, missing or None, min, max); the arrays
        are the thread's scratch arrays, valid until its next chunk.
        """
        m = b - a
        v = self.values[a:b]
        d = _SCRATCH.i8("day", m)
        per_day = _TICKS_PER_DAY.get(self.unit)
        if per_day is None:  # Y, M, W: numpy converts (NaT stays NaT)
            np.copyto(d, v.view(f"datetime64[{self.unit}]").astype("datetime64[D]").view(np.int64))
        elif per_day == 1:
            np.copyto(d, v)
        else:
            np.floor_divide(v, per_day, out=d)
        if m == 0:
            return d, None, safe, safe
        missing: Bools | None = None
        if self.valid is not None:
            bits = np.unpackbits(self.valid[a >> 3 : (b + 7) >> 3], count=m, bitorder="little")
            missing = np.equal(bits, 0, out=_SCRATCH.b1("missing", m))
        else:
            lo = int(d.min())
            if lo >= EPOCH_TO_BASE:
                return d, None, lo, int(d.max())
            missing = np.equal(d if per_day is None else v, NAT, out=_SCRATCH.b1("missing", m))
        if not missing.any():
            return d, None, int(d.min()), int(d.max())
        np.copyto(d, safe, where=missing)
        return d, missing, int(d.min()), int(d.max())

    def micros(self, a: int, b: int, safe: int) -> tuple[I64, I64, Bools | None, int, int]:
        """(raw day numbers, µs after midnight, missing rows, min day, max day) of a..b-1.

        Sub-microsecond digits are dropped (floor), as ``datetime64[us]`` does.
        """
        per_day = _TICKS_PER_DAY[self.unit]
        d, missing, lo, hi = self.days(a, b, safe)
        x = _SCRATCH.i8("time", b - a)
        np.multiply(d, per_day, out=x)
        np.subtract(self.values[a:b], x, out=x)
        if per_day < US_PER_DAY:
            x *= US_PER_DAY // per_day
        elif per_day > US_PER_DAY:
            np.floor_divide(x, per_day // US_PER_DAY, out=x)
        if missing is not None:
            np.copyto(x, 0, where=missing)
        return d, x, missing, lo, hi


def _column(x: object, kind: str) -> _Column:
    """*x* (an array, a pandas or polars column, a sequence of dates) as a :class:`_Column`.

    numpy ``datetime64`` arrays, naive pandas datetime columns and polars Date/Datetime
    columns are read in place; anything else is converted once by :func:`as_datetime64`.
    For dates (*kind* "D"), an integer array is read as ``datetime64[D]`` day numbers.
    """
    a: Any = None
    if isinstance(x, np.ndarray):
        if x.dtype.kind in "iu" and kind == "D" and x.ndim == 1:
            a = x.astype(np.int64, copy=False).view("datetime64[D]")
        elif x.dtype.kind == "M":
            a = x
    elif _is(x, "pandas", "Series") or _is(x, "pandas", "Index"):
        dtype = getattr(x, "dtype", None)
        if isinstance(dtype, np.dtype) and dtype.kind == "M":
            a = x.to_numpy(copy=False)  # type: ignore[attr-defined]
    elif _is(x, "polars", "Series"):
        import polars as pl

        s: Any = x
        if (isinstance(s.dtype, pl.Datetime) and s.dtype.time_zone is None) or s.dtype == pl.Date:
            arr = s.rechunk().to_arrow()
            buffers = arr.buffers()
            if arr.offset == 0 and buffers[1] is not None:
                width = np.int32 if s.dtype == pl.Date else np.int64
                values: npt.NDArray[np.integer[Any]] = np.frombuffer(
                    buffers[1], width, count=len(arr)
                )
                unit = "D" if s.dtype == pl.Date else str(s.dtype.time_unit)
                valid = None
                if buffers[0] is not None and arr.null_count:
                    valid = np.frombuffer(buffers[0], np.uint8, count=(len(arr) + 7) >> 3)
                return _Column(values, unit, valid)
    if a is None:
        a = as_datetime64(x, kind)
    if a.ndim != 1:
        msg = f"expected a one-dimensional array, got shape {a.shape}"
        raise InvalidValueError(msg)
    unit, count = np.datetime_data(a.dtype)
    if count != 1 or (unit not in _TICKS_PER_DAY and unit not in ("Y", "M", "W")):
        a = a.astype("datetime64[us]" if kind == "us" else "datetime64[D]")
        unit = "us" if kind == "us" else "D"
    return _Column(a.view(np.int64), unit)


def _add_days_chunked(t: Tables, col: _Column, n: I64 | int) -> Dates | None:
    """add_working_days chunk by chunk on the thread pool, on raw day numbers.

    Every row takes this path: missing rows give NaT, and counts of any sign are read as
    :func:`_add_days` reads them. Returns ``None`` when a chunk holds a date or a result out
    of range, or a count too large: the general path then raises the error for that row.
    """
    size = col.size
    out = np.empty(size, np.int64)
    limit = EPOCH_TO_BASE + SPAN
    vlo = t.vlo + EPOCH_TO_BASE
    last_k = t.wd.size - 1
    cum, cum1m1 = t.cum_raw, t.cum1_raw_m1

    def chunk(span: tuple[int, int]) -> tuple[int, ...] | None:
        """The unverified years the chunk's spans touch; None: an error to report."""
        a, b = span
        d, missing, first, last = col.days(a, b, vlo)
        if first < EPOCH_TO_BASE or last >= limit:
            return None
        k = _SCRATCH.i8("k", b - a)
        if isinstance(n, int):
            nn: I64 | int = n
            n_lo = n_hi = n
        else:
            nn = n[a:b]
            n_lo, n_hi = int(nn.min()), int(nn.max())
            if max(-n_lo, n_hi) > MAX_WORKING_DAYS:
                return None
        r = out[a:b]
        if isinstance(n, int) and n >= 1:  # one lookup in the table of results for n
            if int(cum1m1[last]) + n > last_k:
                return None
            np.take(t.nth_after(n), d, out=r, mode="clip")  # d checked above
            if missing is not None:
                np.copyto(r, NAT, where=missing)
            return t.touched(first, int(r.max()), lambda: _spans_of(d, r, missing, ordered=True))
        # k: position in the list of working days (see _add_days); the bounds are loose.
        if n_lo >= 1:
            np.take(cum1m1, d, out=k, mode="clip")  # d checked above
            k_lo, k_hi = int(cum1m1[first]) + n_lo, int(cum1m1[last]) + n_hi
        elif n_hi <= 0:
            np.take(cum, d, out=k, mode="clip")
            k_lo, k_hi = int(cum[first]) + n_lo, int(cum[last]) + n_hi
        else:
            assert not isinstance(nn, int)
            p = np.greater(nn, 0, out=_SCRATCH.b1("positive", b - a)).view(np.int8)
            np.add(d, p, out=k)
            np.take(cum, k, out=k, mode="clip")
            k -= p
            k_lo, k_hi = int(cum[first]) + n_lo, int(cum[last + 1]) + n_hi - 1
        k += nn
        if k_lo < 0 or k_hi > last_k:  # look at the rows themselves
            if missing is not None:
                np.copyto(k, 0, where=missing)  # a missing date is never out of range
            if int(k.min()) < 0 or int(k.max()) > last_k:
                return None
        np.take(t.wd_raw, k, out=r, mode="clip")  # k checked above
        if n_lo >= 1:
            low = first
        else:
            low = min(first, int(r.min()))
            if missing is not None and low < vlo:
                low = NAT  # a missing row's stand-in may be the low one: look at the rows
        if missing is not None:
            np.copyto(r, NAT, where=missing)
        top = int(r.max()) if n_lo >= 1 else max(last, int(r.max()))
        return t.touched(low, top, lambda: _spans_of(d, r, missing, ordered=n_lo >= 1))

    return _gather(t, out, _map(chunk, _spans(size, _CHUNK)), "datetime64[D]")


def _gather(
    t: Tables, out: I64, results: Iterator[tuple[int, ...] | None], unit: str
) -> Dates | None:
    """*out* as *unit*, after one warning for the unverified years the chunks touched."""
    found = list(results)
    if any(r is None for r in found):
        return None
    years = sorted({y for r in found if r is not None for y in r})
    if years:
        t.warn(tuple(years), stacklevel=4)
    return out.view(unit)


def _micros(col: _Column) -> I64:
    """The column as µs of Vietnam wall time (NAT where missing), converted chunk by chunk."""
    per_day = _TICKS_PER_DAY[col.unit]
    if per_day == US_PER_DAY and col.valid is None and col.values.dtype == np.int64:
        same: I64 = col.values.view(np.int64)
        return same
    out = np.empty(col.size, np.int64)

    def chunk(span: tuple[int, int]) -> None:
        a, b = span
        v, r = col.values[a:b], out[a:b]
        if per_day < US_PER_DAY:
            np.multiply(v, US_PER_DAY // per_day, out=r)
        elif per_day > US_PER_DAY:
            np.floor_divide(v, per_day // US_PER_DAY, out=r)
        else:
            np.copyto(r, v)
        if col.valid is not None:
            bits = np.unpackbits(col.valid[a >> 3 : (b + 7) >> 3], count=b - a, bitorder="little")
            np.copyto(r, NAT, where=bits == 0)
        elif per_day != US_PER_DAY:
            np.copyto(r, NAT, where=v == NAT)

    for _ in _map(chunk, _spans(col.size, _CHUNK * 8)):
        pass
    return out


def _spans(size: int, chunk: int) -> list[tuple[int, int]]:
    return [(a, min(a + chunk, size)) for a in range(0, size, chunk)]


def _spans_of(d: I64, r: I64, missing: Bools | None, *, ordered: bool) -> tuple[I64, I64]:
    """(first, last) raw day of each row's span from *d* to *r*, without the missing rows."""
    lo, hi = (d, r) if ordered else (np.minimum(d, r), np.maximum(d, r))
    if missing is None:
        return lo, hi
    keep = ~missing
    return lo[keep], hi[keep]


def _add_time_chunked(t: Tables, col: _Column, amount: int) -> Dates | None:
    """add_working_time chunk by chunk on the thread pool (see :func:`_add_time`).

    Calendars with one set of office hours and equal working days (the national calendar)
    are computed with masked copies into the thread's work arrays; others run
    :func:`_add_time` on each chunk. Returns ``None`` when a chunk holds an instant or a
    result out of range: the general path then raises the error for that row.
    """
    size = col.size
    out = np.empty(size, np.int64)
    vlo = t.vlo + EPOCH_TO_BASE
    simple = len(t.hours) == 1 and t.day_us > 0

    def chunk(span: tuple[int, int]) -> tuple[int, ...] | None:
        a, b = span
        d, x, missing, first, last = col.micros(a, b, vlo)
        if first < EPOCH_TO_BASE or last >= EPOCH_TO_BASE + SPAN:
            return None
        d -= EPOCH_TO_BASE  # day indexes from here on
        try:
            if simple:
                j, y = _add_time_simple(t, d, x, amount)
            else:
                j, y = _add_time(t, d, x, amount)
        except DateOutOfRangeError:
            return None
        if j is d:  # nothing to add and no day moved: j is d itself, shifted twice below
            j = j.copy()
        r = out[a:b]
        np.add(j, EPOCH_TO_BASE, out=r)
        r *= US_PER_DAY
        r += y
        top = int(j.max()) + EPOCH_TO_BASE
        d += EPOCH_TO_BASE
        np.add(j, EPOCH_TO_BASE, out=j)
        years = t.touched(first, top, lambda: _spans_of(d, j, missing, ordered=True))
        if missing is not None:
            np.copyto(r, NAT, where=missing)
        return years

    return _gather(t, out, _map(chunk, _spans(size, _CHUNK)), "datetime64[us]")


def _add_time_simple(t: Tables, i: I64, x: I64, amount: int) -> tuple[I64, I64]:
    """:func:`_add_time` for one set of office hours and working days of equal length.

    Returns the thread's work arrays (day index, µs after midnight).
    """
    h = t.hours[0]
    m = i.size
    cond, tmp = _SCRATCH.b1("cond", m), _SCRATCH.i8("tmp", m)
    # The next office moment at or after x on day i, else the next working day's opening.
    y = _SCRATCH.i8("y", m)
    np.maximum(x, h.starts[-1], out=y)
    for s, e in zip(h.starts[-2::-1], h.ends[-2::-1], strict=True):
        np.less(x, e, out=cond)
        np.maximum(x, s, out=tmp)
        np.copyto(y, tmp, where=cond)
    off = np.greater_equal(x, h.ends[-1], out=_SCRATCH.b1("off", m))
    working = np.take(t.working, i, out=_SCRATCH.get("working", "uint8", m), mode="clip")
    off |= np.equal(working, 0, out=cond)
    j = _SCRATCH.i8("j", m)
    np.copyto(j, i)
    np.copyto(j, np.take(t.next_wd, i, out=tmp, mode="clip"), where=off)
    np.copyto(y, h.starts[0], where=off)
    if amount == 0:
        if int(j.max()) >= SPAN:
            raise DateOutOfRangeError(
                LAST_SUPPORTED_DATE, FIRST_SUPPORTED_DATE, LAST_SUPPORTED_DATE
            )
        return j, y
    # Office µs before y on day j, plus the amount (less one): whole days and the rest.
    spent = _SCRATCH.i8("spent", m)
    spent.fill(amount - 1 - sum(h.starts))
    for s, e in zip(h.starts, h.ends, strict=True):
        spent += np.clip(y, s, e, out=tmp)
    q = np.floor_divide(spent, t.day_us, out=_SCRATCH.i8("q", m))
    rest = np.multiply(q, -t.day_us, out=_SCRATCH.i8("rest", m))
    rest += spent
    rest += 1
    q += np.take(t.cum, j, out=tmp, mode="clip")
    if int(q.max()) >= t.wd.size:
        raise DateOutOfRangeError(LAST_SUPPORTED_DATE, FIRST_SUPPORTED_DATE, LAST_SUPPORTED_DATE)
    k = np.take(t.wd, q, out=j, mode="clip")
    # The moment *rest* office µs into day k (a point at a period's end stays there).
    before = 0
    bounds = []
    for s, e in zip(h.starts, h.ends, strict=True):
        bounds.append((s, before, before + e - s))
        before += e - s
    z = np.add(rest, bounds[-1][0] - bounds[-1][1], out=y)
    for s, done, upto in reversed(bounds[:-1]):
        np.less_equal(rest, upto, out=cond)
        np.add(rest, s - done, out=tmp)
        np.copyto(z, tmp, where=cond)
    return k, z


def count_working_days(start: object, end: object, *, calendar: WorkCalendar | None = None) -> I64:
    """Working days in (start, end], element-wise (:meth:`tthc.WorkCalendar.count_working_days`).

    Negative when end < start. Missing values (NaT) are refused with their position.

    >>> import numpy as np
    >>> count_working_days(np.array(["2024-04-26"], "datetime64[D]"),
    ...                    np.array(["2024-05-06"], "datetime64[D]"))
    array([4])
    """
    t = tables(calendar)
    i, nat_i = day_index(start)
    j, nat_j = day_index(end)
    if i.shape != j.shape:
        msg = f"start and end must have the same length, got {i.size} and {j.size}"
        raise InvalidValueError(msg)
    _refuse_nat(nat_i, "start")
    _refuse_nat(nat_j, "end")
    check_range(i, "start")
    check_range(j, "end")
    t.cover(np.minimum(i, j), np.maximum(i, j), stacklevel=2)
    return t.cum[j + 1] - t.cum[i + 1]


def _amount_us(hours: object) -> int:
    if isinstance(hours, np.timedelta64):
        return int(hours.astype("timedelta64[us]").view(np.int64))
    return _time_amount_us(hours)  # the scalar API's reading of an amount of working time


def add_working_time(
    instants: object,
    hours: int | Fraction | Decimal | float | _dt.timedelta | np.timedelta64,
    *,
    calendar: WorkCalendar | None = None,
) -> Dates:
    """The instant when *hours* of office time have passed after each instant.

    The same as :meth:`tthc.WorkCalendar.add_working_time` element by element: the start moves
    to the next office moment, and an addition that ends at the end of a period stays there.

    Args:
        instants: ``datetime64`` instants in Vietnam wall time (naive), or a tz-aware pandas or
            polars column (converted to Vietnam time). NaT gives NaT.
        hours: The working time to add, ``>= 0``: a number of hours or a timedelta.
        calendar: Working calendar; default :func:`~tthc.calendar.vietnam_calendar`.

    Returns:
        ``datetime64[us]``, naive Vietnam wall time.

    >>> import numpy as np
    >>> start = np.array(["2025-03-03T09:00", "2025-01-24T15:30"], "datetime64[us]")
    >>> add_working_time(start, 4)  # lunch 11:30-13:30; Tết Ất Tỵ 27-31/01 off
    array(['2025-03-03T15:00:00.000000', '2025-02-03T09:30:00.000000'],
          dtype='datetime64[us]')
    """
    amount = _amount_us(hours)
    if amount < 0:
        msg = f"working time to add must be >= 0, got {hours!r}"
        raise InvalidValueError(msg)
    if amount > MAX_WORKING_HOURS * _US_PER_HOUR:
        raise CountTooLargeError(hours, MAX_WORKING_HOURS, what="working hours")
    t = tables(calendar)
    col = _column(instants, "us")
    if col.unit in ("Y", "M", "W", "D"):
        msg = f"instants must be datetime64 instants (with a time of day), got datetime64[{col.unit}]"
        raise TypeError(msg)
    fast = _add_time_chunked(t, col, amount)
    if fast is not None:
        return fast
    # An instant or a result out of range: find the row and say so.
    i, x, nat = instant_parts(instants)
    check_range(i)
    j, y = _add_time(t, i, x, amount)
    t.cover(_valid(i, nat), _valid(j, nat), stacklevel=2)
    return to_instants(j, y, nat)


@attrs.frozen(eq=False)
class DueArray:
    """Due dates of many dossiers: the arrays behind :class:`tthc.Due`, row by row.

    ``date`` (``datetime64[D]``), ``at`` (``datetime64[us]``, naive Vietnam wall time) and
    ``provisional`` (bool) have the same length as the receipts; a row without a due date
    (missing receipt, or no time limit) has NaT in ``date`` and ``at``.
    """

    date: Dates
    """The legal due dates (ngày hết hạn)."""
    at: Dates
    """The appointment instants (giờ hẹn trả), Vietnam wall time."""
    provisional: Bools
    """True where the answer depends on an unverified calendar year."""

    def __len__(self) -> int:
        return int(self.date.size)


def _limit_kind(limit: TimeLimit, policy: DuePolicy) -> str:
    unit = limit.unit
    if unit is Unit.WORKING_DAYS:
        if limit.amount.denominator == 1 and policy is DuePolicy.LEGAL:
            return "days"
        return "time"
    if unit is Unit.WORKING_HOURS:
        return "time"
    return str(unit)


def _due_one(t: Tables, i: I64, x: I64, limit: TimeLimit, policy: DuePolicy) -> tuple[I64, I64]:
    """(due day index, appointment µs after midnight) for one time limit."""
    kind = _limit_kind(limit, policy)
    whole = int(limit.amount)
    if kind == "days":
        d = _add_days(t, i, whole)
        return d, t.closing[d]
    if kind == "time":
        per = HOURS_PER_WORKING_DAY if limit.unit is Unit.WORKING_DAYS else 1
        hours = limit.amount * per
        if hours > MAX_WORKING_HOURS:  # refused before it overflows int64 microseconds
            shown = int(hours) if hours.denominator == 1 else hours
            raise CountTooLargeError(shown, MAX_WORKING_HOURS, what="working hours")
        return _add_time(t, i, x, int(hours * _US_PER_HOUR))
    if limit.unit is Unit.SAME_DAY:
        cutoff = limit.cutoff
        assert cutoff is not None
        cut = (cutoff.hour * 60 + cutoff.minute) * 60_000_000
        stay = (t.working[i] == 1) & (x <= cut)
        d = i.copy()
        move = ~stay
        if move.any():
            d[move] = _next(t, i[move])
        return d, t.closing[d]
    if limit.unit is Unit.CALENDAR_DAYS:
        j = i + min(whole, SPAN)  # more days than the supported span: out of range anyway
        check_range(j, "the last calendar day counted from the receipt")
        d = _roll(t, j)
        return d, t.closing[d]
    if limit.unit is Unit.MONTHS:
        j = _add_months(i, min(whole, SPAN // 28))  # capped: out of range anyway, no overflow
        check_range(j, "the last day of the months counted from the receipt")
        d = _roll(t, j)
        return d, t.closing[d]
    raise NoTimeLimitError  # pragma: no cover - Unit.NONE is filtered by the caller


def _limit_groups(
    limit: object, size: int
) -> list[tuple[TimeLimit | None, npt.NDArray[np.intp] | None]]:
    """(limit, row positions or None for all rows) for each distinct limit object."""
    if isinstance(limit, TimeLimit):
        return [(limit, None)]
    a = np.asarray(limit, dtype=object) if not isinstance(limit, np.ndarray) else limit
    if a.shape != (size,):
        msg = (
            f"limit must be a TimeLimit or a sequence of the same length ({size}), "
            f"got shape {a.shape}"
        )
        raise InvalidValueError(msg)
    # Group by object identity (a catalogue reuses its TimeLimit objects), in C.
    ids = np.fromiter(map(id, a), np.int64, size)
    uniq, first, inverse = np.unique(ids, return_index=True, return_inverse=True)
    order = np.argsort(inverse, kind="stable")
    bounds = np.searchsorted(inverse[order], np.arange(uniq.size + 1))
    groups: list[tuple[TimeLimit | None, npt.NDArray[np.intp] | None]] = []
    for g in range(uniq.size):
        obj = a[first[g]]
        if obj is not None and not isinstance(obj, TimeLimit):
            msg = f"limit [{int(first[g])}] is not a TimeLimit (or None), got {obj!r}"
            raise TypeError(msg)
        groups.append((obj, order[bounds[g] : bounds[g + 1]]))
    return groups


def due(
    received: object,
    limit: TimeLimit | Sequence[TimeLimit | None] | npt.NDArray[np.object_],
    *,
    calendar: WorkCalendar | None = None,
    policy: DuePolicy | str | None = None,
) -> DueArray:
    """Due dates of many dossiers: :func:`tthc.due` element by element.

    Every unit and both policies of the deadline engine are supported, with the same
    results: whole working days under ``LEGAL`` count from the day after receipt and end at
    closing time; half days and hours (and any working days under ``WORKING_TIME``) are
    working time from the receipt instant; same-day limits honour their cut-off; calendar
    days and months end on their last day, rolled to a working day.

    Args:
        received: Receipt instants: ``datetime64`` in Vietnam wall time (naive), or a
            tz-aware pandas or polars column. NaT (not received) gives NaT.
        limit: One :class:`~tthc.deadlines.TimeLimit` for every row, or one per row (a
            sequence or object array; ``None`` or :attr:`Unit.NONE` rows get NaT: no due
            date). A single :attr:`Unit.NONE` limit raises, as :func:`tthc.due` does.
        calendar: Working calendar; default :func:`~tthc.calendar.vietnam_calendar`.
        policy: :class:`~tthc.deadlines.DuePolicy`; default ``LEGAL``.

    Returns:
        A :class:`DueArray` of the same length.

    Warns:
        ProvisionalCalendarWarning: Once per call, when any row depends on an unverified year.

    >>> import numpy as np
    >>> from tthc import TimeLimit
    >>> received = np.array(["2025-04-24T10:00", "2025-08-29T15:30"], "datetime64[us]")
    >>> d = due(received, [TimeLimit.working_days(5), TimeLimit.same_day()])
    >>> d.date
    array(['2025-05-05', '2025-09-03'], dtype='datetime64[D]')
    >>> d.at
    array(['2025-05-05T17:00:00.000000', '2025-09-03T17:00:00.000000'],
          dtype='datetime64[us]')
    """
    pol = DuePolicy.LEGAL if policy is None else DuePolicy(policy)
    if isinstance(limit, TimeLimit) and limit.unit is Unit.NONE:
        raise NoTimeLimitError
    t = tables(calendar)
    i, x, nat = instant_parts(received, what="receipts")
    check_range(i, "receipt")
    groups = _limit_groups(limit, i.size)
    if len(groups) == 1 and groups[0][1] is None:
        lim = groups[0][0]
        assert lim is not None
        d, at = _due_one(t, i, x, lim, pol)
        missing = nat
    else:
        d = np.zeros(i.size, np.int64)
        at = np.zeros(i.size, np.int64)
        missing = np.zeros(i.size, np.bool_) if nat is None else nat.copy()
        for lim, rows in groups:
            assert rows is not None
            if lim is None or lim.unit is Unit.NONE:
                missing[rows] = True
                continue
            d[rows], at[rows] = _due_one(t, i[rows], x[rows], lim, pol)
        if not missing.any():
            missing = None
    flags = t.cover(_valid(i, missing), _valid(d, missing), stacklevel=2)
    provisional = np.zeros(i.size, np.bool_)
    if flags is not None:
        if missing is None:
            provisional = flags
        else:
            provisional[~missing] = flags
    return DueArray(to_dates(d, missing), to_instants(d, at, missing), provisional)


# -- timeliness ----------------------------------------------------------------------------------


def _as_due(due: object, granularity: Granularity) -> I64:
    """Day numbers (DAY) or µs (TIMESTAMP) of the due dates; NaT stays NAT."""
    if isinstance(due, DueArray):
        a = due.date if granularity is Granularity.DAY else due.at
    else:
        a = as_datetime64(due, "us")
    return _as_ints(a, granularity, "due")


def _as_ints(a: npt.NDArray[Any], granularity: Granularity, what: str) -> I64:
    unit = np.datetime_data(a.dtype)[0]
    if granularity is Granularity.DAY:
        return a.astype("datetime64[D]", copy=False).view(np.int64)
    if unit in ("Y", "M", "W", "D"):
        msg = f"timestamp granularity needs {what} instants, got {a.dtype}"
        raise TypeError(msg)
    return a.astype("datetime64[us]", copy=False).view(np.int64)


def classify_codes(c: I64, d: I64) -> npt.NDArray[np.int8]:
    """Timeliness codes (EARLY, ON_TIME, LATE; -1 where either side is missing)."""
    codes: npt.NDArray[np.int8] = (np.sign(c - d) + ON_TIME).astype(np.int8)
    missing = (c == NAT) | (d == NAT)
    if missing.any():
        codes[missing] = -1
    return codes


def classify(
    completed_at: object,
    due: DueArray | object,
    *,
    granularity: Granularity | str = Granularity.DAY,
) -> Objects:
    """Early, on time or late for each completion (:func:`tthc.classify` element-wise).

    Args:
        completed_at: Completion dates or instants (Vietnam time); NaT (not completed) gives
            ``None``.
        due: A :class:`DueArray`, or due dates / appointment instants as ``datetime64``.
        granularity: ``DAY`` compares dates, ``TIMESTAMP`` compares instants with ``due.at``.

    Returns:
        An object array of :class:`~tthc.deadlines.Timeliness` members, ``None`` where the
        completion or the due date is missing.

    >>> import numpy as np
    >>> completed = np.array(["2025-03-14T10:00", "2025-03-17T10:00", "NaT"], "datetime64[us]")
    >>> [str(v) for v in classify(completed, np.array(["2025-03-17"] * 3, "datetime64[D]"))]
    ['early', 'on_time', 'None']
    """
    g = Granularity(granularity)
    d = _as_due(due, g)
    c = _as_ints(as_datetime64(completed_at, "us"), g, "completion")
    if c.shape != d.shape:
        msg = f"completions and due dates must have the same length, got {c.size} and {d.size}"
        raise InvalidValueError(msg)
    return TIMELINESS[classify_codes(c, d)]


def _as_of(as_of: object, granularity: Granularity, size: int) -> I64:
    if isinstance(as_of, _dt.datetime):
        local = as_of.astimezone(VIETNAM_TZ).replace(tzinfo=None) if as_of.tzinfo else as_of
        if granularity is Granularity.DAY:
            v = np.datetime64(local.date(), "D").view(np.int64)
        else:
            v = np.datetime64(local, "us").view(np.int64)
        return np.full(size, v, np.int64)
    if isinstance(as_of, _dt.date):
        if granularity is not Granularity.DAY:
            msg = f"{granularity} granularity needs a datetime, got {as_of!r}"
            raise TypeError(msg)
        return np.full(size, np.datetime64(as_of, "D").view(np.int64), np.int64)
    a = _as_ints(as_datetime64(as_of, "us"), granularity, "as_of")
    if a.shape != (size,):
        msg = f"as_of must be one date/datetime or an array of length {size}, got {a.shape}"
        raise InvalidValueError(msg)
    return a


def standing_codes(d: I64, a: I64) -> npt.NDArray[np.int8]:
    """WITHIN / OVERDUE codes; -1 where either side is missing."""
    codes = np.where(a <= d, WITHIN, OVERDUE).astype(np.int8)
    missing = (a == NAT) | (d == NAT)
    if missing.any():
        codes[missing] = -1
    return codes


def standing(
    due: DueArray | object,
    as_of: object,
    *,
    granularity: Granularity | str = Granularity.DAY,
) -> Objects:
    """Within or overdue at *as_of* for each pending dossier (:func:`tthc.standing`).

    Args:
        due: A :class:`DueArray`, or due dates / appointment instants as ``datetime64``.
        as_of: One date or datetime for every row, or an array of them (Vietnam time).
        granularity: ``DAY`` (within while ``as_of`` is on or before the due date) or
            ``TIMESTAMP`` (within while ``as_of <= due.at``).

    Returns:
        An object array of ``Timeliness.WITHIN`` / ``Timeliness.OVERDUE``, ``None`` where
        the due date is missing.

    >>> import numpy as np, datetime
    >>> [str(v) for v in standing(np.array(["2026-05-14", "NaT"], "datetime64[D]"),
    ...                           datetime.date(2026, 5, 14))]
    ['within', 'None']
    """
    g = Granularity(granularity)
    d = _as_due(due, g)
    return TIMELINESS[standing_codes(d, _as_of(as_of, g, d.size))]


# == data frames ===============================================================================
COLUMNS: Final = (
    "agency",
    "received_by",
    "received_at",
    "channel",
    "due_at",
    "time_limit",
    "completed_at",
    "outcome",
    "procedure",
    "field",
    "level",
    "code",
)
"""The columns a dossier-record frame may have (the fields of :class:`tthc.kpi.Record`)."""

_BIG: Final = np.iinfo(np.int64).max // 2
"""Stands for "never" (not completed; no due date) in day and µs comparisons."""
_EPOCH: Final = _dt.date(1970, 1, 1).toordinal()
"""Subtract from a date ordinal to get its ``datetime64[D]`` integer."""
_EXIT: Final = {
    Outcome.PENDING: 0,
    Outcome.RESOLVED: 1,
    Outcome.REFUSED: 1,
    Outcome.WITHDRAWN: 2,
    Outcome.RETURNED: 3,
}
_CHANNELS: Final = (Channel.IN_PERSON, Channel.ONLINE, Channel.POSTAL)


@attrs.frozen
class FrameResult:
    """A frame with columns added, and the rows that could not be read.

    ``errors`` holds one :class:`~tthc.errors.RecordError` per rejected row (``.index`` is
    the row's index label for a pandas frame with an integer index, else its position;
    ``.field`` the column; ``.reason``); those rows keep their data, with nulls in the added
    columns.
    """

    frame: Any
    """The input frame (pandas or polars, as given) with the added columns."""
    errors: tuple[RecordError, ...]

    @property
    def rejected(self) -> int:
        """How many rows were rejected."""
        return len(self.errors)


@attrs.frozen
class ReportResult:
    """Biểu 06 per group, and the rows that could not be read (left out of every count)."""

    report: dict[tuple[Any, ...], Report06]
    """One report per group key, as :func:`tthc.kpi.report06_by` returns them."""
    errors: tuple[RecordError, ...]
    rows: int
    """Rows read (counted plus rejected)."""

    @property
    def rejected(self) -> int:
        """How many rows were rejected (and not counted)."""
        return len(self.errors)


# -- reading columns ------------------------------------------------------------------------------


class _Frame:
    """Column access over a pandas or a polars DataFrame, with row labels for errors."""

    def __init__(self, df: object) -> None:
        pd = sys.modules.get("pandas")
        pl = sys.modules.get("polars")
        if pd is not None and isinstance(df, pd.DataFrame):
            self.kind = "pandas"
            index = df.index
            if index.dtype.kind in "iu":
                self.labels = index.to_numpy(dtype=np.int64)
            else:
                self.labels = np.arange(len(df), dtype=np.int64)
        elif pl is not None and isinstance(df, pl.DataFrame):
            self.kind = "polars"
            self.labels = np.arange(df.height, dtype=np.int64)
        else:
            msg = f"expected a pandas or polars DataFrame, got {type(df).__name__}"
            raise TypeError(msg)
        self.df: Any = df
        self.size = int(self.labels.size)
        self._factorized: dict[str, tuple[Codes, list[Any]]] = {}
        self.names = set(map(str, df.columns))

    def has(self, name: str) -> bool:
        return name in self.names

    def series(self, name: str) -> Any:
        return self.df[name]

    def is_temporal(self, name: str) -> bool:
        s = self.series(name)
        if self.kind == "pandas":
            import pandas as pd

            return bool(
                pd.api.types.is_datetime64_any_dtype(s.dtype)
                or isinstance(s.dtype, pd.DatetimeTZDtype)
            )
        import polars as pl

        return isinstance(s.dtype, pl.Datetime) or s.dtype == pl.Date

    def factorize(self, name: str) -> tuple[Codes, list[Any]]:
        """Codes (-1 for a missing value) and the distinct values, read in C (memoised)."""
        done = self._factorized.get(name)
        if done is None:
            done = self._factorized[name] = self._factorize(name)
        return done

    def prefetch(self, names: Sequence[str]) -> None:
        """Factorize the text columns *names* concurrently (the engines release the GIL)."""
        todo = [n for n in names if self.has(n) and not self.is_temporal(n)]
        for name, done in zip(todo, _map(self._factorize, todo), strict=True):
            self._factorized[name] = done

    def _factorize(self, name: str) -> tuple[Codes, list[Any]]:
        s = self.series(name)
        arrow = _arrow_texts(s) if self.kind == "polars" or s.dtype != object else None
        if arrow is not None:  # texts: Arrow's dictionary encoding, 4 bytes a row
            import pyarrow.compute as pc

            encoded = pc.dictionary_encode(arrow)
            codes = pc.fill_null(encoded.indices, -1).to_numpy().astype(np.int32, copy=False)
            return codes, encoded.dictionary.to_pylist()
        if self.kind == "pandas":
            import pandas as pd

            if isinstance(s.dtype, pd.CategoricalDtype):
                return s.cat.codes.to_numpy(dtype=np.int32), list(s.cat.categories)
            found, uniques = pd.factorize(s, use_na_sentinel=True)
            return found.astype(np.int32), list(uniques)
        import polars as pl

        if isinstance(s.dtype, pl.Enum):
            codes = s.to_physical().cast(pl.Int32).fill_null(-1).to_numpy()
            return codes, list(s.dtype.categories.to_list())
        values = s.to_list()
        arr = np.empty(len(values), dtype=object)
        arr[:] = values
        import pandas as pd

        found, uniques = pd.factorize(arr, use_na_sentinel=True)
        return found.astype(np.int32), list(uniques)

    def forget(self, name: str) -> None:
        """Drop the memoised codes of *name* (they are no longer needed)."""
        self._factorized.pop(name, None)


class _Errors:
    """Rejected rows: the first reason per row is kept."""

    def __init__(self, frame: _Frame) -> None:
        self.frame = frame
        self.bad = np.zeros(frame.size, np.bool_)
        self.found: list[tuple[int, RecordError]] = []

    def add(self, mask: Bools, field: str, reason: Callable[[int], str] | str) -> None:
        new = mask & ~self.bad
        if not new.any():
            return
        self.bad |= new
        for k in np.flatnonzero(new).tolist():
            why = reason if isinstance(reason, str) else reason(k)
            label = int(self.frame.labels[k])
            self.found.append((k, RecordError(why, index=label, field=field)))

    def result(self, *, strict: bool) -> tuple[RecordError, ...]:
        self.found.sort(key=lambda item: item[0])
        errors = tuple(e for _, e in self.found)
        if strict and errors:
            raise errors[0]
        return errors


def _missing(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and value != value:  # NaN
        return True
    pd = sys.modules.get("pandas")
    return pd is not None and value is pd.NaT


def _local_us(at: _dt.datetime) -> int:
    local = at.astimezone(VIETNAM_TZ).replace(tzinfo=None) if at.tzinfo else at
    return int(np.datetime64(local, "us").view(np.int64))


def _instants(f: _Frame, errors: _Errors, name: str, *, required: bool) -> I64:
    """µs of Vietnam wall time; NAT where missing (an error when *required*) or unreadable."""
    if not f.has(name):
        if required:
            msg = f"the frame has no {name!r} column; expected columns among {COLUMNS}"
            raise MissingColumnError(msg, (name,))
        return np.full(f.size, NAT, np.int64)
    if f.is_temporal(name):
        col = _column(f.series(name), "us")
        if col.unit in ("Y", "M", "W", "D"):
            msg = (
                f"column {name!r} must hold instants (datetimes), "
                f"got dates (datetime64[{col.unit}])"
            )
            raise TypeError(msg)
        us: I64 = _micros(col)
    else:
        codes: npt.NDArray[np.integer[Any]]
        arrow = _arrow_texts(f.series(name))
        if arrow is None:  # not only texts: each distinct value is read once
            codes, uniques = f.factorize(name)
            rows: npt.NDArray[np.intp] | None = None
        else:  # the common shapes as arrays; the rest (and nulls) one by one
            us, read = _read_texts(arrow)
            rows = np.flatnonzero(~read)
            codes, uniques = _factorize_rows(f.series(name), rows)
        values = np.full(len(uniques) + 1, NAT, np.int64)  # the last slot: missing
        reasons: dict[int, str] = {}
        for k, v in enumerate(uniques):
            if _missing(v) or (isinstance(v, str) and not v.strip()):
                continue
            if isinstance(v, _dt.datetime):
                values[k] = _local_us(v)
            elif isinstance(v, str):
                try:
                    values[k] = _local_us(parse_instant(v))
                except TthcError as e:
                    reasons[k] = str(e)
            else:
                reasons[k] = f"{name} must be a datetime or a text naming one, got {v!r}"
        if rows is None:
            us = values[codes]
        else:
            us[rows] = values[codes]
        if reasons:
            bad_codes = np.zeros(len(uniques) + 1, np.bool_)
            bad_codes[list(reasons)] = True
            bad = bad_codes[codes]
            if rows is None:
                errors.add(bad, name, lambda row: reasons[int(codes[row])])
            else:
                where = np.zeros(f.size, np.bool_)
                where[rows[bad]] = True
                position = np.full(f.size, -1, np.int64)
                position[rows] = np.arange(rows.size)
                errors.add(where, name, lambda row: reasons[int(codes[position[row]])])
    if required:
        errors.add(us == NAT, name, f"{name} is missing")
    return us


# -- text dates, read as arrays: tthc._text_dates ----------------------------------------------


def _arrow_texts(series: Any) -> Any:
    """The column as an Arrow string array, or None when it holds other values too."""
    import pyarrow as pa

    try:
        if _is(series, "polars", "Series"):
            import polars as pl

            if series.dtype not in (pl.String, pl.Categorical):
                return None
            # The newest Arrow layout is polars' own (string views): no copy of the texts.
            return series.cast(pl.String).to_arrow(compat_level=pl.CompatLevel.newest())
        arr = pa.array(series, from_pandas=True)
    except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, ValueError):
        return None
    if isinstance(arr, pa.ChunkedArray):
        arr = arr.combine_chunks()
    if not (
        pa.types.is_string(arr.type)
        or pa.types.is_large_string(arr.type)
        or pa.types.is_string_view(arr.type)
    ):
        return None
    return arr


def _factorize_rows(series: Any, rows: npt.NDArray[np.intp]) -> tuple[I64, list[Any]]:
    """Codes (-1: missing) and distinct values of the column at *rows* (positions)."""
    import pandas as pd

    if _is(series, "polars", "Series"):
        values = np.empty(rows.size, dtype=object)
        values[:] = series.gather(rows).to_list()
    else:
        values = series.iloc[rows].to_numpy(dtype=object)
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    return codes.astype(np.int64, copy=False), list(uniques)


def _choices(
    f: _Frame,
    errors: _Errors,
    name: str,
    read: Callable[[Any], int],
    *,
    missing: int | None,
    keep: bool = False,
) -> Small:
    """Codes of a column read value by value (each distinct value once) by *read*.

    The column's own codes are forgotten afterwards unless *keep* (a grouping needs them).
    """
    codes, uniques = f.factorize(name)
    table = np.full(len(uniques) + 1, -1, np.int8)
    reasons: dict[int, str] = {}
    for k, v in enumerate(uniques):
        if _missing(v):
            continue
        try:
            table[k] = read(v)
        except (TthcError, ValueError, TypeError) as e:
            reasons[k] = str(e)
    out = table[codes]
    if reasons:
        bad = np.zeros(len(uniques) + 1, np.bool_)
        bad[list(reasons)] = True
        errors.add(bad[codes], name, lambda row: reasons[int(codes[row])])
    if missing is None:
        errors.add(codes < 0, name, f"{name} is missing")
    else:
        out[codes < 0] = missing
    if not keep:
        f.forget(name)
    return out


def _channel(value: object) -> int:
    if isinstance(value, Channel):
        return _CHANNELS.index(value)
    if isinstance(value, bool):
        raise InvalidCodeError(value, "KenhThucHien channel code", "'1', '2' or '3'")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    for channel in _CHANNELS:
        if text == channel.value:
            return _CHANNELS.index(channel)
    return _CHANNELS.index(Channel.from_national_code(text))


def _outcome(value: object) -> int:
    try:
        return list(Outcome).index(Outcome(str(value).strip().lower()))
    except ValueError:
        known = ", ".join(o.value for o in Outcome)
        msg = f"outcome {value!r} is not one of {known}"
        raise InvalidValueError(msg) from None


_LIMIT_CACHE: dict[str, TimeLimit] = {}


def _limits(f: _Frame, errors: _Errors) -> npt.NDArray[np.object_]:
    """The time limit of each row (TimeLimit objects or texts parsed once each); None: none."""
    codes, uniques = f.factorize("time_limit")
    table = np.empty(len(uniques) + 1, dtype=object)
    table[:] = None
    reasons: dict[int, str] = {}
    for k, v in enumerate(uniques):
        if _missing(v):
            continue
        if isinstance(v, TimeLimit):
            table[k] = v
        elif isinstance(v, str):
            try:
                table[k] = TimeLimit.parse(v).limit
            except TimeLimitParseError as e:
                reasons[k] = str(e)
        else:
            reasons[k] = f"time_limit must be a TimeLimit or catalogue text, got {v!r}"
    if reasons:
        bad = np.zeros(len(uniques) + 1, np.bool_)
        bad[list(reasons)] = True
        errors.add(bad[codes], "time_limit", lambda row: reasons[int(codes[row])])
    out: npt.NDArray[np.object_] = table[codes]
    return out


@attrs.frozen
class _Rows:
    """The columns of a record frame as arrays (µs of Vietnam wall time; NAT = missing)."""

    received: I64
    completed: I64
    due: I64
    channel: Small
    outcome: Small
    bad: Bools
    errors: tuple[RecordError, ...]


def _agency(value: object) -> int:
    if not isinstance(value, str):
        msg = f"agency must be a text, got {value!r}"
        raise TypeError(msg)
    return 0


def _read(
    f: _Frame,
    *,
    calendar: WorkCalendar | None,
    policy: DuePolicy | str | None,
    strict: bool,
    need_agency: bool = True,
) -> _Rows:
    needed = ("received_at", "channel", *(("agency",) if need_agency else ()))
    missing = tuple(name for name in needed if not f.has(name))
    if missing:
        names = ", ".join(repr(name) for name in missing)
        msg = f"the frame has no {names} column; expected columns among {COLUMNS}"
        raise MissingColumnError(msg, missing)
    if not (f.has("due_at") or f.has("time_limit")):
        msg = "the frame needs a 'due_at' column or a 'time_limit' column"
        raise MissingColumnError(msg, ("due_at",))
    f.prefetch(("agency", "channel", "outcome", "time_limit"))
    errors = _Errors(f)
    if need_agency:
        _choices(f, errors, "agency", _agency, missing=None, keep=True)
    received = _instants(f, errors, "received_at", required=True)
    channel = _choices(f, errors, "channel", _channel, missing=None)
    completed = _instants(f, errors, "completed_at", required=False)
    if f.has("outcome"):
        outcome = _choices(f, errors, "outcome", _outcome, missing=None)
    else:  # resolved when completed, else pending
        outcome = np.not_equal(completed, NAT).view(np.int8)
    if f.has("due_at"):
        due_us = _instants(f, errors, "due_at", required=False)
    else:
        limits = _limits(f, errors)
        f.forget("time_limit")
        lo = (FIRST_SUPPORTED_DATE.toordinal() - _EPOCH) * US_PER_DAY
        hi = (LAST_SUPPORTED_DATE.toordinal() - _EPOCH + 1) * US_PER_DAY
        errors.add(
            ~errors.bad & ((received < lo) | (received >= hi)),
            "received_at",
            "received_at is outside the supported range 1995-01-01..2100-12-31",
        )
        rows = np.flatnonzero(~errors.bad)
        due_us = np.full(f.size, NAT, np.int64)
        if rows.size:
            computed = due(
                received[rows].view("datetime64[us]"),
                limits[rows],
                calendar=calendar,
                policy=policy,
            )
            due_us[rows] = computed.at.view(np.int64)
    # The checks tthc.kpi.Record makes.
    exits = np.array([_EXIT[o] for o in Outcome], np.int8)[np.maximum(outcome, 0)]
    ok = ~errors.bad
    errors.add(
        ok & (exits == 0) & (completed != NAT),
        "completed_at",
        lambda k: "a pending record has no completed_at (got " + _show(completed[k]) + ")",
    )
    errors.add(
        ok & (exits > 0) & (completed == NAT),
        "completed_at",
        lambda k: f"a {list(Outcome)[int(outcome[k])]} record needs completed_at (got None)",
    )
    errors.add(
        ok & (completed != NAT) & (completed < received),
        "completed_at",
        lambda k: f"completed_at {_show(completed[k])} is before received_at {_show(received[k])}",
    )
    return _Rows(
        received, completed, due_us, channel, outcome, errors.bad, errors.result(strict=strict)
    )


def _show(us: np.int64 | int) -> str:
    at = np.datetime64(int(us), "us").item()
    assert isinstance(at, _dt.datetime)
    return at.replace(tzinfo=VIETNAM_TZ).isoformat()


# -- due dates and timeliness -------------------------------------------------------------------


def with_due(
    df: Any,
    *,
    calendar: WorkCalendar | None = None,
    policy: DuePolicy | str | None = None,
    granularity: Granularity | str = Granularity.DAY,
    as_of: _dt.date | _dt.datetime | None = None,
    strict: bool = False,
    progress: bool = False,
) -> FrameResult:
    """The frame with ``due_date``, ``due_at`` and ``timeliness`` columns added.

    The due instant is the frame's ``due_at`` column when it has one; otherwise it is
    computed from ``time_limit`` (catalogue text or :class:`~tthc.deadlines.TimeLimit`; a
    missing value means no time limit) and ``received_at`` as :func:`tthc.due` computes it.
    ``timeliness`` is :func:`tthc.classify` of ``completed_at`` for completed rows and, when
    *as_of* is given, :func:`tthc.standing` at *as_of* for pending rows; it is null for rows
    without a due date, and for pending rows when *as_of* is None. Instants are Vietnam time
    (naive columns are read as Vietnam wall time); ``due_at`` is returned tz-aware.

    Rows that cannot be read (missing or unreadable ``received_at``, an unknown channel or
    outcome, an unreadable time limit, a completion before the receipt...) keep nulls in
    the added columns and are listed in ``errors``; ``strict=True`` raises the first one.
    ``progress=True`` shows a progress bar on a terminal (tqdm, from the ``cli`` extra;
    silent otherwise).
    """
    f = _Frame(df)
    with _Progress(2 * f.size, "with_due", enabled=progress) as bar:
        rows = _read(f, calendar=calendar, policy=policy, strict=strict, need_agency=False)
        bar.update(f.size)
        out = _with_due_columns(df, f, rows, granularity, as_of)
        bar.update(f.size)
    return FrameResult(out, rows.errors)


def _with_due_columns(
    df: Any, f: _Frame, rows: _Rows, granularity: Granularity | str, as_of: object
) -> Any:
    due_us = np.where(rows.bad, NAT, rows.due)
    g = Granularity(granularity)
    if g is Granularity.DAY:
        d = np.where(due_us == NAT, NAT, np.floor_divide(due_us, US_PER_DAY))
        c = np.where(rows.completed == NAT, NAT, np.floor_divide(rows.completed, US_PER_DAY))
    else:
        d, c = due_us, rows.completed
    codes = classify_codes(c, d)
    if as_of is not None:
        pending = (rows.completed == NAT) & ~rows.bad
        a = _judge_point(as_of, g)
        codes = np.where(pending, standing_codes(d, np.full(f.size, a, np.int64)), codes)
    timeliness = np.array([None if v is None else v.value for v in TIMELINESS], dtype=object)[
        codes
    ]
    due_dates = np.where(due_us == NAT, NAT, np.floor_divide(due_us, US_PER_DAY)).view(
        "datetime64[D]"
    )
    due_at = due_us.view("datetime64[us]")
    if f.kind == "pandas":
        import pandas as pd

        at = pd.Series(due_at, index=df.index).dt.tz_localize(VIETNAM_TZ)
        out = df.assign(
            due_date=pd.Series(due_dates, index=df.index),
            due_at=at,
            timeliness=pd.Series(timeliness, index=df.index, dtype="object"),
        )
    else:
        import polars as pl

        out = df.with_columns(
            pl.Series("due_date", due_dates),
            pl.Series("due_at", due_at).dt.replace_time_zone(str(VIETNAM_TZ)),
            pl.Series("timeliness", timeliness.tolist(), dtype=pl.String),
        )
    return out


def _judge_point(as_of: object, g: Granularity) -> int:
    if isinstance(as_of, _dt.datetime):
        us = _local_us(as_of)
        return us // US_PER_DAY if g is Granularity.DAY else us
    if isinstance(as_of, _dt.date):
        if g is not Granularity.DAY:
            msg = f"{g} granularity needs a datetime, got {as_of!r}"
            raise TypeError(msg)
        return int(np.datetime64(as_of, "D").view(np.int64))
    msg = f"as_of must be a date or a datetime, got {as_of!r}"
    raise TypeError(msg)


# -- Biểu 06 ---------------------------------------------------------------------------------------


def _day_of(us: I64) -> I64:
    out: I64 = np.where(us == NAT, _BIG, np.floor_divide(us, US_PER_DAY))
    return out


def _judgements(
    periods: Sequence[Period], policy: ReportPolicy, as_of: _dt.date | _dt.datetime | None
) -> I64:
    """The judgement point of each sub-period (day numbers under DAY, µs under TIMESTAMP).

    As :class:`tthc.kpi.ReportPolicy` states it: the period's last day, or *as_of* when
    earlier; under TIMESTAMP a day is judged at the instant that ends it.
    """
    ends = np.array([p.end.toordinal() - _EPOCH for p in periods], np.int64)
    if policy.granularity is Granularity.DAY:
        if as_of is None:
            return ends
        if isinstance(as_of, _dt.datetime):
            cap = _local_us(as_of) // US_PER_DAY
        else:
            cap = as_of.toordinal() - _EPOCH
        return np.minimum(ends, cap)
    ends_us = (ends + 1) * US_PER_DAY
    if as_of is None:
        return ends_us
    if isinstance(as_of, _dt.datetime):
        cap_us = _local_us(as_of)
    else:
        cap_us = (as_of.toordinal() - _EPOCH + 1) * US_PER_DAY
    return np.minimum(ends_us, cap_us)


def _slots(policy: ReportPolicy) -> npt.NDArray[np.int64]:
    """(12 categories exit*3 + timing) x (10 detail columns): what one completion adds."""
    early, on_time, late, withdrawn, returned = 3, 4, 5, 8, 9
    timing_slot = (early, on_time, late)
    table = np.zeros((12, 10), np.int64)
    for timing in range(3):
        table[3 + timing, timing_slot[timing]] = 1
        for exit_, slot, treat in (
            (2, withdrawn, policy.withdrawn),
            (3, returned, policy.returned),
        ):
            table[exit_ * 3 + timing, slot] = 1
            if treat is ExitTreatment.ON_TIME:
                table[exit_ * 3 + timing, on_time] = 1
            elif treat is ExitTreatment.BY_TIMING:
                table[exit_ * 3 + timing, timing_slot[timing]] = 1
    return table


_PARTS: Final = (
    "received_online",
    "received_in_person",
    "carried_over",
    "resolved_early",
    "resolved_on_time",
    "resolved_late",
    "pending_within",
    "pending_overdue",
    "withdrawn",
    "returned",
)


def _received_by_codes(f: _Frame) -> tuple[npt.NDArray[np.int64], list[Any]]:
    """Codes of the receiving place: the ``received_by`` column, the ``agency`` where it is
    null or absent (as :class:`tthc.kpi.Record` defaults it)."""
    codes_a, raw_a = f.factorize("agency")
    agencies = [None if _missing(v) else v for v in raw_a] + [None]  # last: no agency
    if not f.has("received_by"):
        return np.where(codes_a < 0, len(agencies) - 1, codes_a).astype(np.int64), agencies
    codes_r, raw_r = f.factorize("received_by")
    uniq = [None if _missing(v) else v for v in raw_r]
    bad = [v for v in uniq if v is not None and not isinstance(v, str)]
    if bad:
        msg = f"column 'received_by' must hold texts, got {bad[0]!r}"
        raise TypeError(msg)
    position = {v: k for k, v in enumerate(uniq)}
    remap = np.empty(len(agencies), np.int64)
    for k, v in enumerate(agencies):
        if v not in position:
            position[v] = len(uniq)
            uniq.append(v)
        remap[k] = position[v]
    absent = np.array([_missing(v) for v in raw_r] + [True])[np.where(codes_r < 0, -1, codes_r)]
    codes = np.where(absent, remap[codes_a], codes_r)  # codes_a == -1: the "no agency" slot
    return codes.astype(np.int64, copy=False), uniq


def _group_codes(
    f: _Frame, errors_bad: Bools, keys: Sequence[str], rows: _Rows
) -> tuple[npt.NDArray[np.integer[Any]], list[tuple[Any, ...]]]:
    """One code per row for the attribute keys, and the key values of each code."""
    if not keys:
        return np.zeros(f.size, np.int32), [()]
    combined: npt.NDArray[np.integer[Any]] | None = None
    values: list[list[Any]] = []
    size = 1
    for name in keys:
        codes: npt.NDArray[np.integer[Any]]
        if name == "channel":
            codes = np.maximum(rows.channel, 0)
            uniq: list[Any] = list(_CHANNELS)
        elif name == "received_by":
            codes, uniq = _received_by_codes(f)
        elif f.has(name):
            codes, raw = f.factorize(name)
            uniq = [None if _missing(v) else v for v in raw]
            if (codes < 0).any():
                codes = np.where(codes < 0, len(uniq), codes)
                uniq.append(None)
            bad_type = [k for k, v in enumerate(uniq) if v is not None and not isinstance(v, str)]
            if bad_type:
                msg = f"column {name!r} must hold texts, got {uniq[bad_type[0]]!r}"
                raise TypeError(msg)
        else:
            codes, uniq = np.zeros(f.size, np.int8), [None]
        if combined is None:
            combined = codes.astype(np.int32) if codes.dtype != np.int32 else codes
        else:
            wide = size * len(uniq) >= 1 << 31
            scaled: npt.NDArray[np.integer[Any]] = np.multiply(
                combined.astype(np.int64 if wide else np.int32, copy=False), len(uniq)
            )
            scaled += codes
            combined = scaled
        size *= len(uniq)
        values.append(uniq)
    assert combined is not None
    if size > 1 << 22:  # too sparse for direct tables: renumber the combinations present
        present, combined = np.unique(combined, return_inverse=True)
    else:
        present = np.arange(size)
    out_keys: list[tuple[Any, ...]] = []
    for code in present.tolist():
        parts = []
        for uniq in reversed(values):
            code, k = divmod(code, len(uniq))
            parts.append(uniq[k])
        out_keys.append(tuple(reversed(parts)))
    return combined, out_keys


def _bucket_table(edges: I64, lo: int, hi: int) -> tuple[I64, int]:
    """``searchsorted(edges, d, "right")`` for every day d in lo..hi, as a lookup table."""
    days = np.arange(lo, hi + 1, dtype=np.int64)
    table: I64 = np.searchsorted(edges, days, side="right").astype(np.int64)
    return table, lo


def _lookup(table: I64, lo: int, d: I64) -> I64:
    """``table[d - lo]`` with *d* clipped to the table (the ends stand for "before"/"after")."""
    i = np.clip(d, lo, lo + table.size - 1)
    i -= lo
    out: I64 = np.take(table, i)
    return out


def _count(
    g: npt.NDArray[np.integer[Any]],
    n_groups: int,
    rows: _Rows,
    periods: Sequence[Period],
    policy: ReportPolicy,
    judge: I64,
    bar: _Progress,
) -> npt.NDArray[np.int64]:
    """Detail columns per (group, sub-period): an array (n_groups, len(periods), 10).

    Each row adds one to its receipt sub-period (new, online or not) or to the sub-periods
    it is carried into, to its completion sub-period by category, and to the sub-periods it
    is pending in (within, then overdue once its due date is before the judgement point).
    Ranges of sub-periods are counted as +1/-1 at their ends and summed along the periods;
    rows outside the period (or rejected) are counted in a spare group that is dropped.
    """
    m = len(periods)
    starts = np.array([p.start.toordinal() - _EPOCH for p in periods], np.int64)
    first, last = int(starts[0]), periods[-1].end.toordinal() - _EPOCH
    # Sub-period of a day: -1 before the period, m after it.
    table, lo = _bucket_table(starts, first - 1, last + 1)
    table -= 1
    table[-1] = m
    by_day = policy.granularity is Granularity.DAY
    if by_day:
        jt, jlo = _bucket_table(judge, int(judge.min()) - 1, int(judge.max()))
    width = m + 2  # sub-periods, plus spare slots for range ends and ignored rows
    groups = n_groups + 1  # plus a spare group for rows outside the period or rejected
    total = groups * width
    exit_of = np.array([_EXIT[o] for o in Outcome], np.int64)
    slots = _slots(policy)

    def chunk(bounds: tuple[int, int]) -> npt.NDArray[np.int64]:
        a, b = bounds
        received_us, completed_us, due_us = (
            rows.received[a:b],
            rows.completed[a:b],
            rows.due[a:b],
        )
        rd = _day_of(received_us)
        fd = _day_of(completed_us)
        rb = _lookup(table, lo, rd)
        fb = _lookup(table, lo, fd)
        keep = ~rows.bad[a:b] & (rd <= last) & (fd >= first)
        base = np.where(keep, g[a:b], n_groups) * width
        no_due = due_us == NAT
        if by_day:
            d_cmp = _day_of(due_us)
            timing = np.sign(fd - d_cmp)
            db = _lookup(jt, jlo, d_cmp)
        else:
            d_cmp = np.where(no_due, _BIG, due_us)
            timing = np.sign(np.where(completed_us == NAT, _BIG, completed_us) - d_cmp)
            db = np.searchsorted(judge, d_cmp, side="right").astype(np.int64)
        timing += 1
        timing[no_due] = 1

        def bins(index: I64, length: int = total) -> I64:
            out: I64 = np.bincount(index, minlength=length)
            return out

        def span(start: I64, stop: I64) -> I64:
            """Per slot, how many rows cover it with sub-periods start..stop-1."""
            diff = bins(base + start) - bins(base + stop)
            counts: I64 = np.cumsum(diff.reshape(groups, width), axis=1)
            return counts

        out = np.zeros((groups, width, 10), np.int64)
        # Received in a sub-period (online / in person), or carried into the following ones.
        column = np.where(rb >= 0, (rows.channel[a:b] == 1).astype(np.int64), 2)
        received = bins((base + np.maximum(rb, 0)) * 3 + column, total * 3)
        received = received.reshape(groups, width, 3)
        out[:, :, 0] = received[:, :, 1]
        out[:, :, 1] = received[:, :, 0]
        carry_from = np.maximum(rb + 1, 0)
        out[:, :, 2] = span(carry_from, np.maximum(np.minimum(fb, m - 1) + 1, carry_from))
        # Completed in a sub-period: by category (exit * 3 + timing).
        slot = np.where((fb >= 0) & (fb < m), fb, m + 1)
        category = exit_of[rows.outcome[a:b]] * 3 + timing
        per = bins((base + slot) * 12 + category, total * 12)
        out += (per.reshape(total, 12) @ slots).reshape(groups, width, 10)
        # Pending at the judgement point of each sub-period before completion.
        start = np.maximum(rb, 0)
        stop = np.maximum(np.minimum(fb, m), start)
        split = np.clip(db, start, stop)
        out[:, :, 6] = span(start, split)
        out[:, :, 7] = span(split, stop)
        return out

    size = g.size
    parts = [(a, min(a + _ROWS_CHUNK, size)) for a in range(0, size, _ROWS_CHUNK)] or [(0, 0)]
    counts = np.zeros((groups, width, 10), np.int64)
    for (a, b), part in zip(parts, _map(chunk, parts), strict=True):
        counts += part
        bar.update(b - a)
    return counts[:n_groups, :m, :]


_ROWS_CHUNK = 1 << 17


def report06_by(
    df: Any,
    period: Period,
    by: tuple[str, ...] | str = ("agency", "month"),
    *,
    policy: ReportPolicy | None = None,
    as_of: _dt.date | _dt.datetime | None = None,
    calendar: WorkCalendar | None = None,
    due_policy: DuePolicy | str | None = None,
    strict: bool = False,
    progress: bool = False,
) -> ReportResult:
    """Biểu 06 per group of a pandas or polars frame of dossier records.

    The same reports as :func:`tthc.kpi.report06_by` over the :class:`tthc.kpi.Record` of
    each row (same keys, same counts, same order), computed with array operations. Columns
    (the Record fields): ``agency``, ``received_at``, ``channel`` (a ``KenhThucHien`` code
    "1"/"2"/"3", a :class:`~tthc.catalog.Channel` or its value), ``due_at`` (null: no time
    limit) or ``time_limit`` (the due date is then computed with *calendar* and
    *due_policy*), ``completed_at`` (null while pending), ``outcome``
    (:class:`~tthc.kpi.Outcome` values; without the column, completed rows are resolved and
    the others pending), and the grouping columns ``procedure``, ``field``, ``level``,
    ``code`` (null or absent: ``None``) and ``received_by`` (the receiving place; null or
    absent: the row's ``agency``, the resolving agency that ``by=("agency",)`` counts for).

    Rows that cannot be read are left out of every count and listed in ``errors`` with their
    index and reason; ``strict=True`` raises the first one instead. ``progress=True`` shows
    a progress bar on a terminal (tqdm, from the ``cli`` extra; silent otherwise).
    """
    names, pol = _report_args(period, by, policy, as_of)
    with _Progress(2 * _rows_of(df), "Biểu 06", enabled=progress) as bar:
        counts = _frame_counts(
            df, period, names, pol, as_of, calendar, due_policy, strict=strict, bar=bar
        )
    errors = tuple(
        RecordError(reason, index=index, field=field) for index, field, reason in counts.errors
    )
    return ReportResult(_reports(counts, period, names, pol, as_of), errors, counts.rows)


def _report_args(
    period: object, by: tuple[str, ...] | str, policy: object, as_of: object
) -> tuple[tuple[str, ...], ReportPolicy]:
    """The grouping names and the policy, checked as :func:`tthc.kpi.report06_by` checks them."""
    pol = ReportPolicy() if policy is None else policy
    expect_type(period, Period, "period")
    expect_type(pol, ReportPolicy, "policy")
    if as_of is not None:
        expect_type(as_of, _dt.date, "as_of")
    assert isinstance(pol, ReportPolicy)
    names = check_grouping(by, GROUP_KEYS)
    report_periods(period, names, MAX_REPORT_MONTHS)  # refuse a month split too long, first
    return names, pol


@attrs.frozen(eq=False)
class _Counts:
    """Biểu 06 detail columns per group, before any report is built: they add up.

    ``values[g]`` are the attribute keys of group *g* (the grouping without ``month``) and
    ``counts[g, j]`` its ten detail columns in sub-period *j*; only groups with a row are
    kept. ``errors`` are (index, field, reason) of the rejected rows, plain values that
    travel by pickle.
    """

    values: list[tuple[Any, ...]]
    counts: npt.NDArray[np.int64]
    errors: list[tuple[int | None, str | None, str]]
    rows: int


def _frame_counts(
    df: Any,
    period: Period,
    names: tuple[str, ...],
    pol: ReportPolicy,
    as_of: _dt.date | _dt.datetime | None,
    calendar: WorkCalendar | None,
    due_policy: DuePolicy | str | None,
    *,
    strict: bool,
    bar: _Progress,
) -> _Counts:
    f = _Frame(df)
    rows = _read(f, calendar=calendar, policy=due_policy, strict=strict)
    bar.update(f.size)
    keys = [n for n in names if n != "month"]
    periods = report_periods(period, names, MAX_REPORT_MONTHS)
    g, values = _group_codes(f, rows.bad, keys, rows)
    judge = _judgements(periods, pol, as_of)
    counts = _count(g, len(values), rows, periods, pol, judge, bar)
    present = np.flatnonzero(counts[:, :, :3].sum(axis=(1, 2)) > 0)
    errors = [(e.index, e.field, e.reason) for e in rows.errors]
    return _Counts([values[k] for k in present.tolist()], counts[present], errors, f.size)


def _reports(
    counts: _Counts,
    period: Period,
    names: tuple[str, ...],
    pol: ReportPolicy,
    as_of: _dt.date | _dt.datetime | None,
) -> dict[tuple[Any, ...], Report06]:
    """One Report06 per (group, sub-period) with a dossier, in :func:`tthc.kpi.report06_by`'s
    order (keys compared component by component, as :func:`tthc._counting.sort_key` does)."""
    periods = report_periods(period, names, MAX_REPORT_MONTHS)
    c = counts.counts
    received = c[:, :, 0] + c[:, :, 1] + c[:, :, 2]
    gi, j = np.nonzero(received)
    # Rank each component of the group values once, then order the pairs by the ranks.
    width = len(names) - ("month" in names)
    ranks = []
    for k in range(width):
        distinct = sorted({v[k] for v in counts.values}, key=lambda x: sort_key((x,)))
        at = {v: r for r, v in enumerate(distinct)}
        ranks.append(np.array([at[v[k]] for v in counts.values], np.int64)[gi])
    month_at = names.index("month") if "month" in names else -1
    columns = list(ranks)
    if month_at >= 0:
        columns.insert(month_at, j)
    order = np.lexsort(columns[::-1]) if columns else np.arange(gi.size)
    out: dict[tuple[Any, ...], Report06] = {}
    details = c[gi[order], j[order]].tolist()
    for g, m, parts in zip(gi[order].tolist(), j[order].tolist(), details, strict=True):
        report = Report06.from_parts(
            periods[m], pol, as_of=as_of, **dict(zip(_PARTS, parts, strict=True))
        )
        key: list[Hashable] = list(counts.values[g])
        if month_at >= 0:
            key.insert(month_at, periods[m])
        out[tuple(key)] = report
    return out


# == Dask ======================================================================================


def _partial(
    part: Any,
    period: Period,
    names: tuple[str, ...],
    policy: ReportPolicy,
    as_of: _dt.date | _dt.datetime | None,
    calendar: WorkCalendar | None,
    due_policy: DuePolicy | str | None,
) -> _Counts:
    """The counts of one partition (arrays and plain values: no report is built here)."""
    return _frame_counts(
        part,
        period,
        names,
        policy,
        as_of,
        calendar,
        due_policy,
        strict=False,
        bar=_Progress(0, ""),
    )


def _merge_counts(parts: Sequence[_Counts]) -> _Counts:
    """The counts of disjoint parts of the same records, added group by group."""
    at: dict[tuple[Any, ...], int] = {}
    for part in parts:
        for v in part.values:
            at.setdefault(v, len(at))
    shape = parts[0].counts.shape[1:] if parts else (0, 10)
    total = np.zeros((len(at), *shape), np.int64)
    errors: list[tuple[int | None, str | None, str]] = []
    for part in parts:
        if part.values:
            total[[at[v] for v in part.values]] += part.counts
        errors.extend(part.errors)
    return _Counts(list(at), total, errors, sum(p.rows for p in parts))


def merge_reports(results: Sequence[ReportResult]) -> ReportResult:
    """One result from the results of disjoint parts of the same records (Report06 ``+``).

    >>> merge_reports([]).report
    {}
    """
    merged: dict[tuple[Any, ...], Report06] = {}
    errors: list[RecordError] = []
    rows = 0
    for result in results:
        for key, report in result.report.items():
            seen = merged.get(key)
            merged[key] = report if seen is None else seen + report
        errors.extend(result.errors)
        rows += result.rows
    ordered = dict(sorted(merged.items(), key=lambda item: sort_key(item[0])))
    return ReportResult(ordered, tuple(errors), rows)


def dask_report(
    ddf: Any,
    period: Period,
    by: tuple[str, ...] | str = ("agency", "month"),
    *,
    policy: ReportPolicy | None = None,
    as_of: _dt.date | _dt.datetime | None = None,
    calendar: WorkCalendar | None = None,
    due_policy: DuePolicy | str | None = None,
    strict: bool = False,
    progress: bool = False,
) -> ReportResult:
    """Biểu 06 per group of a Dask DataFrame of dossier records, on the active scheduler.

    Each partition is counted where it lives (arrays of detail columns per group, never
    report objects), the counts are added on the client, and the reports are built once
    from the sums: the result equals :func:`report06_by` of the whole frame (and
    :func:`tthc.kpi.report06_by` of its records). Rejected rows of every partition are
    listed with their index labels; ``strict=True`` raises the first one after the
    computation.

    Args:
        ddf: A ``dask.dataframe.DataFrame`` with the columns :func:`report06_by` reads.
        period, by, policy, as_of, calendar, due_policy: As for :func:`report06_by`.
        strict: Raise the first rejected row instead of returning it in ``errors``.
        progress: Show a progress bar of the partitions on a terminal (tqdm; silent
            otherwise).
    """
    from dask.base import compute
    from dask.delayed import delayed

    names, pol = _report_args(period, by, policy, as_of)
    task = delayed(_partial, pure=True)
    parts = [
        task(part, period, names, pol, as_of, calendar, due_policy) for part in ddf.to_delayed()
    ]
    with _Progress(len(parts), "Biểu 06 (partitions)", enabled=progress, unit="part") as bar:
        computed = _compute_parts(parts, bar, compute)
    merged = _merge_counts(computed)
    errors = tuple(
        RecordError(reason, index=index, field=field) for index, field, reason in merged.errors
    )
    if strict and errors:
        raise errors[0]
    return ReportResult(_reports(merged, period, names, pol, as_of), errors, merged.rows)


def _compute_parts(parts: list[Any], bar: _Progress, compute: Any) -> list[_Counts]:
    """The partitions' counts, on the active scheduler, advancing *bar* as each finishes."""
    if not bar.active:
        done: tuple[_Counts, ...] = compute(*parts)
        return list(done)
    try:
        from distributed import as_completed, get_client

        client = get_client()
    except (ImportError, ValueError):
        client = None
    if client is not None:
        futures = client.compute(parts)  # type: ignore[no-untyped-call]
        index = {f.key: k for k, f in enumerate(futures)}
        out: list[Any] = [None] * len(futures)
        for future in as_completed(futures):  # type: ignore[no-untyped-call]
            out[index[future.key]] = future.result()
            bar.update(1)
        return out
    from dask.callbacks import Callback

    class Advance(Callback):
        def _posttask(self, key: Any, result: Any, dsk: Any, state: Any, worker_id: Any) -> None:
            if isinstance(result, _Counts):
                bar.update(1)

    with Advance():  # type: ignore[no-untyped-call]
        done = compute(*parts)
    return list(done)


# == progress ==================================================================================


class _Progress:
    """A tqdm progress bar on a terminal when asked for; nothing otherwise.

    Silent when *enabled* is false, when standard error is not a terminal, or when tqdm (the
    ``cli`` extra) is not installed.
    """

    def __init__(
        self, total: int, desc: str, *, enabled: bool = False, unit: str = "rows"
    ) -> None:
        self.bar: Any = None
        if enabled and getattr(sys.stderr, "isatty", lambda: False)():
            try:
                from tqdm import tqdm
            except ImportError:
                return
            self.bar = tqdm(total=total, desc=desc, unit=unit, unit_scale=unit == "rows")

    @property
    def active(self) -> bool:
        return self.bar is not None

    def update(self, n: int) -> None:
        if self.bar is not None:
            self.bar.update(n)

    def __enter__(self) -> _Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.close()


def _rows_of(df: Any) -> int:
    try:
        return len(df)
    except TypeError:
        return 0
