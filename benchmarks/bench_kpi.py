"""Time ``tthc.kpi.report06_by`` (agency x month) against a straightforward per-record loop.

Usage: ``python benchmarks/bench_kpi.py [--quick]``. Builds 1,000,000 plain records (100,000
with ``--quick``) of 2025 with a fixed seed: 120 agencies, receipts spread over the year, due
dates computed by ``tthc.due`` from the working-day limits of a provincial catalogue, and a
mix of outcomes (resolved early, on time or late, refused, withdrawn, returned, pending).
Then Biểu 06 for 2025 grouped by agency x month is computed by ``report06_by``, timed three
times (the best run counts, as ``timeit`` does). The target: >= 1,000,000 records/s
classified and counted, in pure Python.

The peer, in the same run, is what an analyst would write without tthc.kpi: for every record
and every month, decide membership from the dates, call ``tthc.deadlines.classify`` /
``standing`` on the record's ``Due`` and increment a ``dict`` of ``Counter``. It runs on the
first 100,000 records (it is slow), and its counts must equal ``report06_by``'s on them.
"""

from __future__ import annotations

import argparse
import random
import time
from collections import Counter
from datetime import date, datetime, timedelta

from tthc import Due, Granularity, TimeLimit, Timeliness, classify, due, standing
from tthc.calendar import VIETNAM_TZ
from tthc.catalog import Channel
from tthc.kpi import Outcome, Period, Record, Report06, report06_by

REPEATS = 3
PEER_N = 100_000
LIMITS = (1, 2, 3, 5, 7, 10, 15, 20, 30)
CHANNELS = (Channel.ONLINE, Channel.ONLINE, Channel.IN_PERSON, Channel.IN_PERSON, Channel.POSTAL)


def build(n: int, seed: int = 20250101) -> tuple[list[Record], list[Due]]:
    """*n* records and their ``Due`` values (receipts 2024-12-01..2025-12-31)."""
    rng = random.Random(seed)
    agencies = [f"UBND xã {i:03d}" for i in range(120)]
    dues: dict[tuple[date, int], Due] = {}
    start = datetime(2024, 12, 1, 7, 30, tzinfo=VIETNAM_TZ)
    records: list[Record] = []
    due_list: list[Due] = []
    for _ in range(n):
        received = start + timedelta(days=rng.randrange(396), minutes=rng.randrange(9 * 60))
        k = rng.choice(LIMITS)
        d = dues.get((received.date(), k))
        if d is None:
            d = dues[received.date(), k] = due(received, TimeLimit.working_days(k))
        roll = rng.random()
        if roll < 0.06:
            outcome, done = Outcome.PENDING, None
        else:
            outcome = (
                Outcome.RESOLVED
                if roll < 0.90
                else Outcome.REFUSED
                if roll < 0.94
                else Outcome.WITHDRAWN
                if roll < 0.98
                else Outcome.RETURNED
            )
            span = (d.at - received).total_seconds()
            done = received + timedelta(seconds=rng.uniform(0, span * 1.15))
        records.append(
            Record(
                rng.choice(agencies),
                received,
                rng.choice(CHANNELS),
                due_at=d.at,
                completed_at=done,
                outcome=outcome,
            )
        )
        due_list.append(d)
    return records, due_list


_PEER_COLUMNS = {
    Timeliness.EARLY: "resolved_early",
    Timeliness.ON_TIME: "resolved_on_time",
    Timeliness.LATE: "resolved_late",
}


def peer(
    records: list[Record], dues: list[Due], period: Period
) -> dict[tuple[str, Period], Counter[str]]:
    """The straightforward loop: per record, per month, classify() / standing() and count."""
    out: dict[tuple[str, Period], Counter[str]] = {}
    months = period.months()
    for r, d in zip(records, dues, strict=True):
        received = r.received_at.date()
        done = r.completed_at.date() if r.completed_at is not None else None
        for m in months:
            if received > m.end or (done is not None and done < m.start):
                continue
            c = out.get((r.agency, m))
            if c is None:
                c = out[r.agency, m] = Counter()
            if received >= m.start:
                c["received_online" if r.channel is Channel.ONLINE else "received_in_person"] += 1
            else:
                c["carried_over"] += 1
            if done is not None and done <= m.end:
                assert r.completed_at is not None
                if r.outcome is Outcome.WITHDRAWN:
                    c["withdrawn"] += 1
                elif r.outcome is Outcome.RETURNED:
                    c["returned"] += 1
                else:
                    c[_PEER_COLUMNS[classify(r.completed_at, d, granularity=Granularity.DAY)]] += 1
            elif standing(d, m.end) is Timeliness.WITHIN:
                c["pending_within"] += 1
            else:
                c["pending_overdue"] += 1
    return out


def main() -> None:
    """Run the benchmark and print records per second and the ratio to the peer."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick", action="store_true", help="100,000 records instead of 1,000,000"
    )
    n = 100_000 if parser.parse_args().quick else 1_000_000
    t0 = time.perf_counter()
    records, dues = build(n)
    t_build = time.perf_counter() - t0
    period = Period.year(2025)

    t_ours = float("inf")
    result: dict[tuple[object, ...], Report06] = {}
    for _ in range(REPEATS):
        t0 = time.perf_counter()
        result = report06_by(records, period, by=("agency", "month"))
        t_ours = min(t_ours, time.perf_counter() - t0)

    m = min(PEER_N, n)
    t_peer = float("inf")
    theirs: dict[tuple[str, Period], Counter[str]] = {}
    for _ in range(REPEATS):
        t0 = time.perf_counter()
        theirs = peer(records[:m], dues[:m], period)
        t_peer = min(t_peer, time.perf_counter() - t0)

    # The peer's counts are the reference for the same records.
    mine = report06_by(records[:m], period, by=("agency", "month"))
    assert set(mine) == set(theirs), "the groups differ from the peer's"
    for key, rep in mine.items():
        expected = {k: v for k, v in theirs[key].items() if v}
        got = {k: v for k, v in rep.counts().items() if v and not k.endswith("_total")}
        assert got == expected, (key, got, expected)

    print(f"records built (Record(...) incl. precomputed keys): {n:,} in {t_build:.2f} s")
    print(
        f"report06_by agency x month: {n:>9,} records in {t_ours:6.3f} s = "
        f"{n / t_ours:>11,.0f} records/s ({len(result):,} reports)  target >= 1,000,000"
    )
    print(
        f"peer loop (classify/standing + Counter): {m:>9,} records in {t_peer:6.3f} s = "
        f"{m / t_peer:>11,.0f} records/s"
    )
    print(f"speed-up over the peer: {(n / t_ours) / (m / t_peer):.1f}x (same counts on {m:,})")


if __name__ == "__main__":
    main()
