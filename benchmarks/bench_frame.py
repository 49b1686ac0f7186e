"""Time tthc.frame's array functions against named peers, in the same run, on real shapes.

Usage: ``python benchmarks/bench_frame.py [--quick]`` (or ``TTHC_BENCH_QUICK=1``: a tenth of
the rows, for a smoke run; the figures to report are the full-size ones).

The input has the shape analysts hand tthc: pandas ``datetime64[ns]`` columns (and the same
data as polars ``Datetime`` and as other numpy units), receipts from 2019 to mid-2027 (the
last months lie in the provisional, unverified 2027 calendar), a few missing values (NaT).
Every time is the median of at least five runs; each ratio compares two timings of the same
run, taken in alternation, so that the load of a shared machine falls on both.

1. ``tthc.frame.add_working_days`` (default calendar, counts 1..60 per row) on 2,000,000
   receipts against ``numpy.busday_offset`` (weekmask Mon-Fri plus the list of weekday
   holidays) on the same dates as ``datetime64[D]`` (numpy's own unit: its conversion is
   not timed). Target: >= 25x. numpy cannot model make-up Saturdays: the results are checked
   against the scalar ``WorkCalendar.add_working_days`` on a sample instead, and against
   numpy in full with ``count_make_up_days=False``.
2. ``tthc.frame.add_working_time`` (+4 h) on 10,000,000 instants against the whole-array
   path of tthc 0.1.0 (masked gather/scatter on one thread, kept in tthc.frame as the path
   that finds the row to name in an error). Target: >= 3x its rows/s. Results must be equal.
3. ``tthc.frame.with_due`` on 1,000,000 records whose dates are text against the same
   records with datetime columns. Target: the text run within 3x of the datetime run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import time
import warnings
from collections.abc import Callable
from functools import partial
from typing import Any, TypeVar

import numpy as np
import pandas as pd
import polars as pl
import psutil

from tthc import ProvisionalCalendarWarning, frame, vietnam_calendar
from tthc.frame import _add_time, check_range, instant_parts, tables, to_instants

T = TypeVar("T")
SEED = 20261204
RUNS = 5
FIRST, LAST = np.datetime64("2019-01-01", "D"), np.datetime64("2027-06-30", "D")
"""Receipts from 2019 to mid-2027."""


def medians(*fns: Callable[[], object], runs: int = RUNS) -> list[float]:
    """The median wall time of each function over *runs* rounds, called in alternation."""
    times: list[list[float]] = [[] for _ in fns]
    for _ in range(runs):
        for k, fn in enumerate(fns):
            t0 = time.perf_counter()
            fn()
            times[k].append(time.perf_counter() - t0)
    return [sorted(ts)[len(ts) // 2] for ts in times]


def receipts(n: int, seed: int, missing: int = 0) -> np.ndarray[Any, Any]:
    """*n* receipt instants (datetime64[ns]) between FIRST and LAST, *missing* of them NaT."""
    rng = np.random.default_rng(seed)
    days = rng.integers(FIRST.view(np.int64), LAST.view(np.int64) + 1, n)
    seconds = rng.integers(0, 86_400, n)
    out = (days * 86_400 + seconds) * 1_000_000_000
    out[rng.choice(n, missing, replace=False)] = np.iinfo(np.int64).min
    return out.view("datetime64[ns]")


def weekday_holidays(calendar: Any) -> np.ndarray[Any, Any]:
    """Weekdays (Mon-Fri) off in *calendar*, 2018-12 to 2028-06: numpy's holiday list."""
    days = np.arange("2018-12-01", "2028-07-01", dtype="datetime64[D]")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ProvisionalCalendarWarning)
        working = frame.is_working_day(days, calendar=calendar)
    weekday = (days.view(np.int64) + 3) % 7  # 1970-01-01 was a Thursday; Monday = 0
    return days[(weekday < 5) & ~working]


def bench_working_days(n: int) -> list[tuple[str, str]]:
    stamps = receipts(n, SEED, missing=max(n // 100_000, 3))
    column = pd.Series(stamps, name="received_at")
    counts = np.random.default_rng(SEED + 1).integers(1, 61, n)
    days = stamps.astype("datetime64[D]")
    cal = vietnam_calendar()
    busdays = np.busdaycalendar(weekmask="1111100", holidays=weekday_holidays(cal))

    def ours(x: object, k: Any = counts, c: Any = None) -> Any:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ProvisionalCalendarWarning)  # 2027 is provisional
            return frame.add_working_days(x, k, calendar=c)

    def peer() -> Any:
        return np.busday_offset(days, counts, roll="backward", busdaycal=busdays)

    ours(column[:1000], counts[:1000])  # build the tables
    t_ours, t_np = medians(lambda: ours(column), peer)
    # Equal to the scalar path on a sample (make-up Saturdays included).
    got = ours(column).astype(object)
    for k in np.random.default_rng(SEED + 2).choice(n, 2000, replace=False).tolist():
        start: dt.date | None = days[k].item()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ProvisionalCalendarWarning)
            want = None if start is None else cal.add_working_days(start, int(counts[k]))
        assert got[k] == want, (k, start, counts[k], got[k], want)
    # Equal to numpy on every row when make-up Saturdays are not counted (numpy's model).
    plain = vietnam_calendar(count_make_up_days=False)
    plain_days = np.busdaycalendar(weekmask="1111100", holidays=weekday_holidays(plain))
    theirs = np.busday_offset(days, counts, roll="backward", busdaycal=plain_days)
    assert np.array_equal(ours(column, c=plain), theirs, equal_nan=True), "numpy disagrees"
    rows = [
        ("add_working_days, rows", f"{n:,} (2019 to mid-2027, {np.isnat(days).sum()} NaT)"),
        ("  numpy.busday_offset", f"{t_np:.3f} s = {n / t_np / 1e6:,.1f} M rows/s"),
        (
            "  tthc, pandas [ns]",
            f"{t_ours:.3f} s = {n / t_ours / 1e6:,.0f} M rows/s: {t_np / t_ours:,.1f}x numpy "
            "(target >= 25x); equal to the scalar path (2,000 rows) and to numpy (all rows, "
            "no make-up days)",
        ),
    ]
    shapes: list[tuple[str, object, Any]] = [
        ("tthc, polars Datetime[us]", pl.Series(stamps).cast(pl.Datetime("us")), counts),
        ("tthc, numpy [us]", stamps.astype("datetime64[us]"), counts),
        ("tthc, numpy [D]", days, counts),
        ("tthc, pandas [ns], one count (5)", column, 5),
    ]
    for label, x, k in shapes:
        same = np.busday_offset(days, k, roll="backward", busdaycal=plain_days)
        assert np.array_equal(ours(x, k, plain), same, equal_nan=True), label
        t_x, t_p = medians(
            partial(ours, x, k),
            partial(np.busday_offset, days, k, roll="backward", busdaycal=busdays),
        )
        rows.append((f"  {label}", f"{t_x:.3f} s: {t_p / t_x:,.1f}x numpy (same run)"))
    return rows


def previous_add_working_time(instants: object, amount_us: int) -> Any:
    """tthc 0.1.0's add_working_time: the whole array at once, on one thread."""
    t = tables(None)
    i, x, nat = instant_parts(instants)
    check_range(i)
    j, y = _add_time(t, i, x, amount_us)
    t.cover(i if nat is None else i[~nat], j if nat is None else j[~nat], stacklevel=2)
    return to_instants(j, y, nat)


def bench_working_time(n: int) -> list[tuple[str, str]]:
    stamps = receipts(n, SEED + 3, missing=max(n // 100_000, 3)).astype("datetime64[us]")

    def ours() -> Any:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ProvisionalCalendarWarning)
            return frame.add_working_time(stamps, 4)

    def before() -> Any:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ProvisionalCalendarWarning)
            return previous_add_working_time(stamps, 4 * 3_600_000_000)

    assert np.array_equal(ours(), before(), equal_nan=True), "the two paths disagree"
    t_ours, t_before = medians(ours, before)
    return [
        ("add_working_time (+4 h), rows", f"{n:,} (numpy [us], 2019 to mid-2027, with NaT)"),
        ("  tthc 0.1.0 path", f"{t_before:.3f} s = {n / t_before / 1e6:,.1f} M rows/s"),
        (
            "  tthc.frame",
            f"{t_ours:.3f} s = {n / t_ours / 1e6:,.1f} M rows/s: {t_before / t_ours:.1f}x "
            "(target >= 3x); results equal",
        ),
    ]


LIMITS = ("05 ngày làm việc", "10 ngày làm việc", "Trong ngày", "03 ngày làm việc", "1,5 ngày")


def records(n: int) -> tuple[pd.DataFrame, pd.DataFrame, int]:
    """*n* dossier records twice: dates as text (as exports write them) and as datetimes.

    The text frame writes most dates ``dd/mm/yyyy HH:MM:SS``, some ``yyyy-mm-dd HH:MM`` and
    a few in receipt wording (``07 giờ 30 phút, ngày 24/04/2025``); one row in 20,000 is
    unreadable. Returns the two frames and the number of unreadable rows.
    """
    rng = np.random.default_rng(SEED + 4)
    received = receipts(n, SEED + 5).astype("datetime64[m]").astype("datetime64[s]")
    completed = received + rng.integers(0, 40 * 1_440, n).astype("timedelta64[m]")
    completed[rng.random(n) < 0.15] = np.datetime64("NaT")  # still pending

    def text(a: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
        iso = [str(v) for v in np.datetime_as_string(a, unit="s")]  # yyyy-mm-ddTHH:MM:SS
        out = np.array([f"{v[8:10]}/{v[5:7]}/{v[:4]} {v[11:]}" for v in iso], dtype=object)
        some = rng.random(a.size)
        for k in np.flatnonzero(some < 0.2).tolist():
            out[k] = iso[k][:16].replace("T", " ")
        for k in np.flatnonzero(some > 0.99).tolist():
            v = iso[k]
            out[k] = f"{v[11:13]} giờ {v[14:16]} phút, ngày {v[8:10]}/{v[5:7]}/{v[:4]}"
        out[np.isnat(a)] = None
        return out

    dates = pd.DataFrame(
        {
            "agency": np.array([f"UBND xã {k:03d}" for k in range(300)])[rng.integers(0, 300, n)],
            "received_at": received.astype("datetime64[ns]"),
            "channel": np.array(["1", "2", "3"])[rng.integers(0, 3, n)],
            "time_limit": np.array(LIMITS)[rng.integers(0, len(LIMITS), n)],
            "completed_at": completed.astype("datetime64[ns]"),
        }
    )
    texts = dates.assign(received_at=text(received), completed_at=text(completed))
    bad = rng.choice(n, n // 20_000, replace=False)
    texts.loc[bad, "received_at"] = "32/13/2025 25:61"
    return texts, dates, int(bad.size)


def bench_with_due(n: int) -> list[tuple[str, str]]:
    texts, dates, bad = records(n)
    as_of = dt.date(2027, 7, 1)

    def run(df: pd.DataFrame) -> Any:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ProvisionalCalendarWarning)
            return frame.with_due(df, as_of=as_of)

    t_text, t_dates = medians(lambda: run(texts), lambda: run(dates))
    from_text, from_dates = run(texts), run(dates)
    assert from_text.rejected == bad, (from_text.rejected, bad)
    good = ~from_text.frame.index.isin([e.index for e in from_text.errors])
    assert from_text.frame["due_at"][good].equals(from_dates.frame["due_at"][good])
    return [
        ("with_due, rows", f"{n:,} (agency, received_at, channel, time_limit, completed_at)"),
        ("  datetime columns", f"{t_dates:.3f} s"),
        (
            "  text columns",
            f"{t_text:.3f} s = {t_text / t_dates:.2f}x the datetime run (target <= 3x); "
            f"{bad} unreadable rows reported, the others equal",
        ),
    ]


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:  # pragma: no cover - not Linux
        pass
    ram = psutil.virtual_memory().total / 2**30
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (
        f"{cpu}, {os.cpu_count()} cores, {ram:.0f} GiB RAM, load average {load}; "
        f"Python {platform.python_version()}, numpy {np.__version__}, pandas {pd.__version__}, "
        f"polars {pl.__version__}"
    )


def main() -> None:
    """Run the benchmarks and print a table of figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a tenth of the rows")
    quick = parser.parse_args().quick or bool(os.environ.get("TTHC_BENCH_QUICK"))
    scale = 10 if quick else 1
    table = [("machine", machine()), ("date", dt.date.today().isoformat())]
    table += bench_working_days(2_000_000 // scale)
    table += bench_working_time(10_000_000 // scale)
    table += bench_with_due(1_000_000 // scale)
    table.append(("load average after", ", ".join(f"{x:.1f}" for x in os.getloadavg())))
    width = max(len(k) for k, _ in table)
    for key, value in table:
        print(f"{key:<{width}}  {value}")


if __name__ == "__main__":
    main()
