"""Time Biểu 06 over data frames (tthc.frame) against DuckDB and polars, in the same run.

Usage: ``python benchmarks/bench_frame_report.py [--quick]`` (or ``TTHC_BENCH_QUICK=1``: a tenth of
the rows, for a smoke run; the figures to report are the full-size ones). DuckDB comes from
the ``bench`` dependency group (``pip install --group bench``).

1. Biểu 06 by agency x month of 2025 over 10,000,000 dossier records held in memory, as a
   pandas frame (``datetime64[ns]`` columns, text columns) and as a polars frame of the same
   data: ``tthc.frame.report06_by`` against DuckDB SQL computing the same counts on the same
   frame (DuckDB reads pandas and polars frames in place). Targets: faster than DuckDB for
   both inputs; polars input within 1.2x of pandas input; at most 40 bytes per row of extra
   memory (the largest growth of the process's resident set during the call).
2. ``tthc.frame.dask_report`` over 20,000,000 records in 20 Parquet files on a local Dask
   cluster (2 worker processes) against polars ``scan_parquet`` streaming the same counts.
   Target: within 1.2x, and still distributed (the tasks run on the workers, only small
   partial results travel back).

Every time is the median of at least five runs, the two sides taken in alternation so that
the load of a shared machine falls on both. Both sides' counts must be equal.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import tempfile
import threading
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import numpy as np
import pandas as pd
import polars as pl
import psutil
from bench_frame import medians  # the same timing rule as the other frame benchmarks

from tthc import ProvisionalCalendarWarning, frame
from tthc.kpi import Period, Report06

T = TypeVar("T")
SEED = 20261205
AGENCIES = 300
YEAR = 2025


def peak_rss(fn: Callable[[], T]) -> tuple[int, T]:
    """Run *fn*; return the largest growth of the resident set (bytes) while it ran."""
    proc = psutil.Process()
    start = proc.memory_info().rss
    peak = [start]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], proc.memory_info().rss)
            time.sleep(0.002)

    watcher = threading.Thread(target=sample, daemon=True)
    watcher.start()
    try:
        result = fn()
    finally:
        done.set()
        watcher.join()
    return max(peak[0], proc.memory_info().rss) - start, result


def dossiers(n: int, seed: int = SEED) -> pd.DataFrame:
    """*n* dossier records received 2024-12-01..2025-12-31 by 300 agencies (pandas, [ns])."""
    rng = np.random.default_rng(seed)
    day_ns = 86_400 * 10**9
    start = np.datetime64("2024-12-01T00:00", "ns").view(np.int64)
    received = start + rng.integers(0, 396 * day_ns, n)
    due = received + rng.integers(0, 30 * day_ns, n)
    completed = received + rng.integers(0, 40 * day_ns, n)
    kinds = np.array(["pending", "resolved", "refused", "withdrawn", "returned"])
    outcome = kinds[rng.choice(5, n, p=[0.15, 0.75, 0.04, 0.03, 0.03])]
    nat = np.iinfo(np.int64).min
    completed[outcome == "pending"] = nat
    due[rng.random(n) < 0.05] = nat  # no time limit
    names = np.array([f"UBND xã {k:03d}" for k in range(AGENCIES)])
    return pd.DataFrame(
        {
            "agency": pd.array(names[rng.integers(0, AGENCIES, n)], dtype="str"),
            "received_at": received.view("datetime64[ns]"),
            "channel": pd.array(np.array(["1", "2", "3"])[rng.integers(0, 3, n)], dtype="str"),
            "due_at": due.view("datetime64[ns]"),
            "completed_at": completed.view("datetime64[ns]"),
            "outcome": pd.array(outcome, dtype="str"),
        }
    )


# DuckDB: per (agency, receipt month, completion month, first overdue month, online, exit,
# timing) in SQL, then each group spread over the months it is received, carried, completed
# or pending in, also in SQL. Columns as tthc.kpi.Report06 (default policy: withdrawn and
# returned kept apart, compared by day).
SQL = f"""
WITH base AS (
    SELECT agency,
        CAST(received_at AS DATE) AS rd, CAST(completed_at AS DATE) AS fd,
        CAST(due_at AS DATE) AS dd, channel = '2' AS online,
        CASE outcome WHEN 'pending' THEN 0 WHEN 'withdrawn' THEN 2 WHEN 'returned' THEN 3
            ELSE 1 END AS exit
    FROM data
), months AS (
    SELECT agency, online, exit,
        greatest(least((year(rd) - {YEAR}) * 12 + month(rd) - 1, 12), -1) AS rb,
        CASE WHEN fd IS NULL OR fd > DATE '{YEAR}-12-31' THEN 12
            ELSE (year(fd) - {YEAR}) * 12 + month(fd) - 1 END AS fb,
        CASE WHEN dd IS NULL THEN 12 ELSE greatest(least(
            (year(dd) - {YEAR}) * 12 + month(dd) - 1 + CAST(dd = last_day(dd) AS INTEGER),
            12), 0) END AS db,
        CASE WHEN dd IS NULL OR fd = dd THEN 1 WHEN fd < dd THEN 0 ELSE 2 END AS timing
    FROM base
    WHERE rd <= DATE '{YEAR}-12-31' AND (fd IS NULL OR fd >= DATE '{YEAR}-01-01')
), groups AS (
    SELECT agency, rb, fb, db, online, exit, timing, count(*) AS n FROM months GROUP BY ALL
)
SELECT agency, j,
    sum(CASE WHEN j = rb AND online THEN n ELSE 0 END) AS received_online,
    sum(CASE WHEN j = rb AND NOT online THEN n ELSE 0 END) AS received_in_person,
    sum(CASE WHEN j > rb THEN n ELSE 0 END) AS carried_over,
    sum(CASE WHEN j = fb AND exit = 1 AND timing = 0 THEN n ELSE 0 END) AS resolved_early,
    sum(CASE WHEN j = fb AND exit = 1 AND timing = 1 THEN n ELSE 0 END) AS resolved_on_time,
    sum(CASE WHEN j = fb AND exit = 1 AND timing = 2 THEN n ELSE 0 END) AS resolved_late,
    sum(CASE WHEN j < fb AND j < db THEN n ELSE 0 END) AS pending_within,
    sum(CASE WHEN j < fb AND j >= db THEN n ELSE 0 END) AS pending_overdue,
    sum(CASE WHEN j = fb AND exit = 2 THEN n ELSE 0 END) AS withdrawn,
    sum(CASE WHEN j = fb AND exit = 3 THEN n ELSE 0 END) AS returned
FROM groups JOIN range(12) AS m(j) ON j BETWEEN greatest(rb, 0) AND least(fb, 11)
GROUP BY agency, j
"""

PARTS = (
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


def duckdb_report(data: object) -> dict[tuple[str, int], tuple[int, ...]]:
    import duckdb

    con = duckdb.connect()
    con.register("data", data)
    rows = con.execute(SQL).fetchall()
    con.close()
    return {(r[0], int(r[1])): tuple(int(v) for v in r[2:]) for r in rows}


def ours(result: frame.ReportResult) -> dict[tuple[str, int], tuple[int, ...]]:
    out: dict[tuple[str, int], tuple[int, ...]] = {}
    for (agency, month), report in result.report.items():
        assert isinstance(report, Report06)
        out[agency, month.start.month - 1] = tuple(getattr(report, p) for p in PARTS)
    return out


def report(df: object) -> frame.ReportResult:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ProvisionalCalendarWarning)
        return frame.report06_by(df, Period.year(YEAR), ("agency", "month"))


def bench_frames(n: int) -> list[tuple[str, str]]:
    pdf = dossiers(n)
    plf = pl.from_pandas(pdf)
    size = pdf.memory_usage(deep=True).sum() / 1e6
    report(pdf.head(1000))  # build the tables
    want = duckdb_report(plf)
    assert ours(report(pdf)) == want, "tthc (pandas) and DuckDB disagree"
    assert ours(report(plf)) == want, "tthc (polars) and DuckDB disagree"
    t_pd, t_pl, t_db_pd, t_db_pl = medians(
        lambda: report(pdf),
        lambda: report(plf),
        lambda: duckdb_report(pdf),
        lambda: duckdb_report(plf),
    )
    mem_pd, _ = peak_rss(lambda: report(pdf))
    mem_pl, _ = peak_rss(lambda: report(plf))
    mem_db, _ = peak_rss(lambda: duckdb_report(plf))
    return [
        ("Biểu 06 by agency x month, rows", f"{n:,} ({len(want):,} reports; data {size:,.0f} MB)"),
        ("  DuckDB SQL, pandas frame", f"{t_db_pd:.3f} s"),
        ("  DuckDB SQL, polars frame", f"{t_db_pl:.3f} s; +{mem_db / n:.0f} B/row"),
        (
            "  tthc, pandas frame",
            f"{t_pd:.3f} s = {t_pd / t_db_pd:.2f}x DuckDB's time (target < 1); "
            f"+{mem_pd / n:.0f} B/row (target <= 40)",
        ),
        (
            "  tthc, polars frame",
            f"{t_pl:.3f} s = {t_pl / t_db_pl:.2f}x DuckDB's time (target < 1), "
            f"{t_pl / t_pd:.2f}x pandas input (target <= 1.2); +{mem_pl / n:.0f} B/row",
        ),
    ]


def polars_streaming(files: list[Path]) -> dict[tuple[str, int], tuple[int, ...]]:
    """The same counts as DuckDB's, by a polars lazy query streaming the Parquet files."""
    first, last = dt.date(YEAR, 1, 1), dt.date(YEAR, 12, 31)

    def month(day: pl.Expr) -> pl.Expr:
        return (day.dt.year().cast(pl.Int32) * 12 + day.dt.month().cast(pl.Int32)) - (
            YEAR * 12 + 1
        )

    rd, fd, dd = (pl.col(c).dt.date() for c in ("received_at", "completed_at", "due_at"))
    exits = {"pending": 0, "resolved": 1, "refused": 1, "withdrawn": 2, "returned": 3}
    groups = (
        pl.scan_parquet(files)
        .with_columns(rd.alias("rd"), fd.alias("fd"), dd.alias("dd"))
        .filter((pl.col("rd") <= last) & (pl.col("fd").is_null() | (pl.col("fd") >= first)))
        .with_columns(
            month(pl.col("rd")).clip(-1, 12).alias("rb"),
            pl.when(pl.col("fd").is_null() | (pl.col("fd") > last))
            .then(12)
            .otherwise(month(pl.col("fd")))
            .alias("fb"),
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
            pl.col("outcome").replace_strict(exits, return_dtype=pl.Int8).alias("exit"),
            pl.when(pl.col("dd").is_null() | (pl.col("fd") == pl.col("dd")))
            .then(1)
            .when(pl.col("fd") < pl.col("dd"))
            .then(0)
            .otherwise(2)
            .alias("timing"),
        )
        .group_by("agency", "rb", "fb", "db", "online", "exit", "timing")
        .len()
        .collect(engine="streaming")
    )
    out: dict[tuple[str, int], list[int]] = {}
    for agency, rb, fb, db, online, exit_, timing, n in groups.iter_rows():
        for j in range(max(rb, 0), min(fb, 11) + 1):
            row = out.setdefault((agency, j), [0] * 10)
            if j == rb:
                row[0 if online else 1] += n
            else:
                row[2] += n
            if j == fb:
                if exit_ == 1:
                    row[3 + timing] += n
                else:
                    row[8 if exit_ == 2 else 9] += n
            else:
                row[7 if j >= db else 6] += n
    return {k: tuple(v) for k, v in out.items()}


def bench_dask(n: int, files: int = 20) -> list[tuple[str, str]]:
    import dask.dataframe as dd
    from dask.distributed import Client, LocalCluster, get_task_stream

    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        per = n // files
        for k in range(files):
            path = Path(tmp) / f"part-{k:02d}.parquet"
            dossiers(per, seed=SEED + 100 + k).to_parquet(path, index=False)
            paths.append(path)
        with (
            LocalCluster(  # type: ignore[no-untyped-call]
                n_workers=2, threads_per_worker=1, processes=True
            ) as cluster,
            Client(cluster) as client,  # type: ignore[no-untyped-call]
        ):
            ddf = dd.read_parquet([str(p) for p in paths])

            def on_dask() -> frame.ReportResult:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore", ProvisionalCalendarWarning)
                    return frame.dask_report(ddf, Period.year(YEAR), ("agency", "month"))

            with get_task_stream(client) as stream:
                got = on_dask()
            assert ours(got) == polars_streaming(paths), "Dask and polars disagree"
            t_dask, t_pl = medians(on_dask, lambda: polars_streaming(paths))
    # Where the tasks ran, and what they sent back (the distributed scheduler's record).
    ran = [t for t in stream.data if "_partial" in str(t.get("key"))]
    workers = len({t["worker"] for t in ran})
    back = sum(int(t.get("nbytes", 0) or 0) for t in ran)
    ran_count = len(ran)
    return [
        ("dask_report, rows", f"{per * files:,} in {files} Parquet files, 2 worker processes"),
        ("  polars scan_parquet, streaming", f"{t_pl:.3f} s"),
        (
            "  tthc.frame.dask_report",
            f"{t_dask:.3f} s = {t_dask / t_pl:.2f}x polars (target <= 1.2); {ran_count} tasks ran on "
            f"{workers} workers, {back / 1e6:.2f} MB of partial results",
        ),
    ]


def main() -> None:
    """Run the benchmarks and print a table of figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a tenth of the rows")
    quick = parser.parse_args().quick or bool(os.environ.get("TTHC_BENCH_QUICK"))
    scale = 10 if quick else 1
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    table = [("date", dt.date.today().isoformat()), ("load average before", load)]
    table += bench_frames(10_000_000 // scale)
    table += bench_dask(20_000_000 // scale)
    table.append(("load average after", ", ".join(f"{x:.1f}" for x in os.getloadavg())))
    width = max(len(k) for k, _ in table)
    for key, value in table:
        print(f"{key:<{width}}  {value}")


if __name__ == "__main__":
    main()
