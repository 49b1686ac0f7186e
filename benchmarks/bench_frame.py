"""Time tthc.frame against numpy, pandas and polars doing the same work, in the same run.

Usage: ``python benchmarks/bench_frame.py [--rows N]`` (default 10,000,000).

1. ``tthc.frame.add_working_days`` on N random (date in 2019-2026, n in 1..60) pairs against
   ``numpy.busday_offset`` with the same holiday list. numpy cannot model make-up Saturdays,
   so both use ``vietnam_calendar(count_make_up_days=False)``; results must be equal.
   Targets: >= 20x busday_offset and >= 50 million rows/s.
2. ``tthc.frame.add_working_time`` (4 working hours, office hours 07:00-11:30 and
   13:30-17:00) over N/10 instants against ``pandas.offsets.CustomBusinessHour`` with the same
   hours and holidays (timed on a 20,000-instant sample: it applies row by row). pandas moves
   a result that ends exactly at closing time to the next opening; tthc keeps it at closing,
   so tthc's results are moved the same way before comparing. Targets: >= 10 million rows/s
   and >= 100x the peer.
3. Biểu 06 by agency x month of N generated dossier rows (a polars DataFrame in memory):
   ``tthc.frame.report06_by`` against a hand-written polars ``group_by`` computing the same
   counts; both results must be equal. Targets: within 2x of the polars baseline, under 2 s.
   Peak memory is the largest growth of the process's resident set during the call.

Each step runs a few times and the best time counts (as ``timeit`` does).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import threading
import time
import warnings
from collections.abc import Callable
from typing import Any, TypeVar

import numpy as np
import pandas as pd
import polars as pl
import psutil

from tthc import ProvisionalCalendarWarning, frame, vietnam_calendar
from tthc.kpi import Period, Report06

T = TypeVar("T")
SEED = 20250303


def best(fn: Callable[[], T], repeats: int) -> tuple[float, T]:
    """The best wall time of *repeats* calls, and the last result."""
    elapsed, result = float("inf"), None
    for _ in range(repeats):
        t0 = time.perf_counter()
        result = fn()
        elapsed = min(elapsed, time.perf_counter() - t0)
    assert result is not None
    return elapsed, result


def peak_rss(fn: Callable[[], T]) -> tuple[int, T]:
    """Run *fn*; return the largest growth of the resident set (bytes) while it ran."""
    proc = psutil.Process()
    start = proc.memory_info().rss
    peak = [start]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], proc.memory_info().rss)
            time.sleep(0.005)

    watcher = threading.Thread(target=sample, daemon=True)
    watcher.start()
    try:
        result = fn()
    finally:
        done.set()
        watcher.join()
    return max(peak[0], proc.memory_info().rss) - start, result


def holidays() -> np.ndarray[Any, Any]:
    """Weekdays off (Mon-Fri) of the no-make-up calendar, 2018-12 to 2027-12: numpy's list."""
    cal = vietnam_calendar(count_make_up_days=False)
    days = np.arange("2018-12-01", "2028-01-01", dtype="datetime64[D]")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ProvisionalCalendarWarning)
        working = frame.is_working_day(days, calendar=cal)
    weekday = (days.view(np.int64) + 3) % 7  # 1970-01-01 was a Thursday; Monday = 0
    return days[(weekday < 5) & ~working]


def bench_working_days(n: int) -> list[tuple[str, str]]:
    rng = np.random.default_rng(SEED)
    lo = np.datetime64("2019-01-01", "D").view(np.int64)
    hi = np.datetime64("2026-12-31", "D").view(np.int64)
    dates = rng.integers(lo, hi + 1, n).view("datetime64[D]")
    counts = rng.integers(1, 61, n)
    cal = vietnam_calendar(count_make_up_days=False)
    busdays = np.busdaycalendar(weekmask="1111100", holidays=holidays())
    with warnings.catch_warnings():
        # Results after 2026 rest on the provisional 2027 calendar (one warning per call).
        warnings.simplefilter("ignore", ProvisionalCalendarWarning)
        frame.add_working_days(dates[:1000], counts[:1000], calendar=cal)  # build the tables
        t_ours, ours = best(lambda: frame.add_working_days(dates, counts, calendar=cal), 9)
    t_np, theirs = best(
        lambda: np.busday_offset(dates, counts, roll="backward", busdaycal=busdays), 3
    )
    assert np.array_equal(ours, theirs), "tthc.frame and numpy.busday_offset disagree"
    return [
        ("add_working_days, rows", f"{n:,}"),
        ("  tthc.frame", f"{t_ours:.3f} s = {n / t_ours / 1e6:,.1f} M rows/s (target >= 50)"),
        ("  numpy.busday_offset", f"{t_np:.3f} s = {n / t_np / 1e6:,.1f} M rows/s"),
        ("  ratio", f"{t_np / t_ours:,.1f}x faster (target >= 20x); results equal"),
    ]


def bench_working_time(n: int, sample: int = 20_000) -> list[tuple[str, str]]:
    rng = np.random.default_rng(SEED + 1)
    lo = np.datetime64("2019-01-01T00:00", "us").view(np.int64)
    span = (np.datetime64("2026-11-30", "D") - np.datetime64("2019-01-01", "D")).astype(int)
    minutes = rng.integers(0, span * 24 * 60, n)
    instants = (lo + minutes * 60_000_000).view("datetime64[us]")
    cal = vietnam_calendar(count_make_up_days=False)
    frame.add_working_time(instants[:1000], 4, calendar=cal)  # build the tables
    t_ours, ours = best(lambda: frame.add_working_time(instants, 4, calendar=cal), 5)
    offset = pd.offsets.CustomBusinessHour(  # type: ignore[call-arg]
        n=4,
        start=["07:00", "13:30"],
        end=["11:30", "17:00"],
        weekmask="Mon Tue Wed Thu Fri",
        holidays=list(holidays()),
    )
    some = pd.DatetimeIndex(instants[:sample])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", pd.errors.PerformanceWarning)  # row by row: the point
        t_pd, theirs = best(lambda: some + offset, 1)
    at_closing = frame.add_working_time(ours[:sample], 0, calendar=cal)  # 17:00 -> next 07:00
    assert np.array_equal(at_closing, theirs.to_numpy(dtype="datetime64[us]")), "disagree"
    rate_pd = sample / t_pd
    return [
        ("add_working_time (4 h), rows", f"{n:,}"),
        ("  tthc.frame", f"{t_ours:.3f} s = {n / t_ours / 1e6:,.1f} M rows/s (target >= 10)"),
        (
            "  pandas CustomBusinessHour",
            f"{t_pd:.3f} s for {sample:,} = {rate_pd / 1e3:,.1f} k rows/s",
        ),
        ("  ratio", f"{n / t_ours / rate_pd:,.0f}x faster (target >= 100x); results equal"),
    ]


AGENCIES = 300


def dossiers(n: int) -> pl.DataFrame:
    """*n* dossier records received 2024-12-01..2025-12-31 by 300 agencies."""
    rng = np.random.default_rng(SEED + 2)
    day_us = 86_400_000_000
    received = np.datetime64("2024-12-01T00:00", "us") + rng.integers(0, 396 * day_us, n).astype(
        "timedelta64[us]"
    )
    due = received + rng.integers(0, 30 * day_us, n).astype("timedelta64[us]")
    completed = received + rng.integers(0, 40 * day_us, n).astype("timedelta64[us]")
    kinds = np.array(["pending", "resolved", "refused", "withdrawn", "returned"])
    outcome = kinds[rng.choice(5, n, p=[0.15, 0.75, 0.04, 0.03, 0.03])]
    completed[outcome == "pending"] = np.datetime64("NaT")
    names = np.array([f"UBND xã {k:03d}" for k in range(AGENCIES)])
    due_null = rng.random(n) < 0.05
    return pl.DataFrame(
        {
            "agency": names[rng.integers(0, AGENCIES, n)],
            "received_at": received,
            "channel": np.array(["1", "2", "3"])[rng.integers(0, 3, n)],
            "due_at": np.where(due_null, np.datetime64("NaT"), due),
            "completed_at": completed,
            "outcome": outcome,
        }
    )


_EXITS = {"pending": 0, "resolved": 1, "refused": 1, "withdrawn": 2, "returned": 3}


def polars_report(df: pl.DataFrame, year: int) -> dict[tuple[str, int], list[int]]:
    """Biểu 06 by agency x month of *year*, by hand: one polars group_by, then the months.

    Counts per (agency, receipt month, completion month, first overdue month, online,
    exit, timing) in polars; each group is then spread over the months it is received,
    carried, completed or pending in. Columns as :class:`tthc.kpi.Report06` (default policy:
    withdrawn and returned kept apart, compared by day).
    """
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)

    def month(day: pl.Expr) -> pl.Expr:
        """Month index in *year* (0-11; negative before it, 12+ after it)."""
        return (day.dt.year().cast(pl.Int32) * 12 + day.dt.month().cast(pl.Int32)) - (
            year * 12 + 1
        )

    rd, fd, dd = (pl.col(c).dt.date() for c in ("received_at", "completed_at", "due_at"))
    groups = (
        df.lazy()
        .with_columns(rd.alias("rd"), fd.alias("fd"), dd.alias("dd"))
        .filter((pl.col("rd") <= last) & (pl.col("fd").is_null() | (pl.col("fd") >= first)))
        .with_columns(
            month(pl.col("rd")).clip(-1, 12).alias("rb"),
            pl.when(pl.col("fd").is_null() | (pl.col("fd") > last))
            .then(12)
            .otherwise(month(pl.col("fd")))
            .alias("fb"),
            # Months whose last day is on or before the due date (12 without a due date).
            pl.when(pl.col("dd").is_null())
            .then(12)
            .otherwise(
                (
                    month(pl.col("dd"))
                    + (pl.col("dd") == pl.col("dd").dt.month_end()).cast(pl.Int32)
                ).clip(0, 12)
            )
            .alias("db"),
            (pl.col("channel") == "2").alias("online"),
            pl.col("outcome").replace_strict(_EXITS, return_dtype=pl.Int8).alias("exit"),
            pl.when(pl.col("dd").is_null() | (pl.col("fd") == pl.col("dd")))
            .then(1)
            .when(pl.col("fd") < pl.col("dd"))
            .then(0)
            .otherwise(2)
            .alias("timing"),
        )
        .group_by("agency", "rb", "fb", "db", "online", "exit", "timing")
        .len()
        .collect()
    )
    out: dict[tuple[str, int], list[int]] = {}
    for agency, rb, fb, db, online, exit_, timing, n in groups.iter_rows():
        for j in range(max(rb, 0), min(fb, 11) + 1):
            row = out.setdefault((agency, j), [0] * 13)
            if j == rb:
                row[1 if online else 2] += n
            else:
                row[3] += n
            if j == fb:
                if exit_ == 1:
                    row[5 + timing] += n
                else:
                    row[11 if exit_ == 2 else 12] += n
            else:
                row[10 if j >= db else 9] += n
    for row in out.values():
        row[0] = row[1] + row[2] + row[3]
        row[4] = row[5] + row[6] + row[7]
        row[8] = row[9] + row[10]
    return out


def bench_report(n: int) -> list[tuple[str, str]]:
    df = dossiers(n)
    year = Period.year(2025)
    by = ("agency", "month")
    frame.report06_by(df.head(1000), year, by)  # warm up
    t_pl, theirs = best(lambda: polars_report(df, 2025), 3)
    t_ours, ours = best(lambda: frame.report06_by(df, year, by), 3)
    mem, _ = peak_rss(lambda: frame.report06_by(df, year, by))
    mem_pl, _ = peak_rss(lambda: polars_report(df, 2025))
    mine: dict[tuple[str, int], list[int]] = {}
    for (agency, month), report in ours.report.items():
        assert isinstance(report, Report06)
        mine[agency, month.start.month - 1] = list(report.counts().values())
    assert ours.errors == ()
    assert mine == theirs, "tthc.frame and the polars baseline disagree"
    return [
        (
            "Biểu 06 by agency x month, rows",
            f"{n:,} ({len(mine):,} reports; data {df.estimated_size() / 1e6:,.0f} MB)",
        ),
        (
            "  tthc.frame.report06_by",
            f"{t_ours:.3f} s (target < 2 s); peak memory +{mem / 1e6:,.0f} MB",
        ),
        ("  polars group_by by hand", f"{t_pl:.3f} s; peak memory +{mem_pl / 1e6:,.0f} MB"),
        ("  ratio", f"{t_ours / t_pl:.2f}x the baseline's time (target <= 2x); results equal"),
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
    return (
        f"{cpu}, {os.cpu_count()} cores, {ram:.0f} GiB RAM; Python {platform.python_version()}, "
        f"numpy {np.__version__}, pandas {pd.__version__}, polars {pl.__version__}"
    )


def main() -> None:
    """Run the three benchmarks and print a table of figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000_000, help="rows (default 10,000,000)")
    rows = parser.parse_args().rows
    if rows < 1000:
        parser.error("--rows must be at least 1000")
    table = [("machine", machine()), ("date", dt.date.today().isoformat())]
    table += bench_working_days(rows)
    table += bench_working_time(max(rows // 10, 1000), sample=min(20_000, max(rows // 10, 1000)))
    table += bench_report(rows)
    width = max(len(k) for k, _ in table)
    for key, value in table:
        print(f"{key:<{width}}  {value}")


if __name__ == "__main__":
    main()
