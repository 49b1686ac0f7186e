"""Time ``tthc.due()`` against a bare ``WorkCalendar.add_working_days`` call.

Usage: ``python benchmarks/bench_due.py [--quick]``. 200,000 calls (20,000 with ``--quick``)
of ``due()`` over a fixed-seed mix of time limits and policies, with receipts drawn from
2019-2026 (every result stays inside the verified years, so no warning is involved), then the
same number of bare ``add_working_days`` calls on the same receipt dates; each is timed three
times, interleaved, and the best run counts (as ``timeit`` does). The target: a
``due()`` call costs at most 5x a bare ``add_working_days`` call.
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from fractions import Fraction

from tthc import DuePolicy, TimeLimit, due, vietnam_calendar

LEGAL, WORKING_TIME = DuePolicy.LEGAL, DuePolicy.WORKING_TIME
REPEATS = 3

# (weight, limit factory, policy): roughly the mix of a provincial catalogue, where most
# procedures state whole working days.
MIX: tuple[tuple[int, Callable[[random.Random], TimeLimit], DuePolicy], ...] = (
    (50, lambda r: TimeLimit.working_days(r.choice((1, 2, 3, 5, 7, 10, 15, 20, 30))), LEGAL),
    (15, lambda r: TimeLimit.working_days(r.choice((1, 3, 5, 10, 15))), WORKING_TIME),
    (10, lambda r: TimeLimit.calendar_days(r.choice((7, 15, 30, 45, 60))), LEGAL),
    (10, lambda r: TimeLimit.same_day(), LEGAL),
    (5, lambda r: TimeLimit.working_days(Fraction(r.choice((1, 3, 5, 9)), 2)), LEGAL),
    (5, lambda r: TimeLimit.working_hours(r.choice((2, 4, 8, 16))), LEGAL),
    (5, lambda r: TimeLimit.months(r.choice((1, 2, 3))), LEGAL),
)


def cases(n: int, seed: int = 20250303) -> list[tuple[datetime, TimeLimit, DuePolicy]]:
    """*n* (receipt, limit, policy) triples; receipts 2019-01-01..2026-08-31, any minute."""
    rng = random.Random(seed)
    weights = [w for w, _, _ in MIX]
    # A few hundred distinct limits, reused as a catalogue would reuse them.
    limits = [rng.choices(MIX, weights)[0] for _ in range(500)]
    pool = [(make(rng), policy) for _, make, policy in limits]
    start, span = datetime(2019, 1, 1), (date(2026, 8, 31) - date(2019, 1, 1)).days
    out = []
    for _ in range(n):
        received = start + timedelta(days=rng.randrange(span), minutes=rng.randrange(24 * 60))
        limit, policy = rng.choice(pool)
        out.append((received, limit, policy))
    return out


def main() -> None:
    """Run the benchmark and print calls per second and the ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="20,000 calls instead of 200,000")
    n = 20_000 if parser.parse_args().quick else 200_000
    cal = vietnam_calendar()
    work = cases(n)
    bare = [(r.date(), int(lim.amount)) for r, lim, _ in work]
    for received, limit, policy in work[:1000]:  # warm caches
        due(received, limit, policy=policy)

    add = cal.add_working_days
    t_due = t_add = float("inf")
    for _ in range(REPEATS):  # interleaved; the best run of each is the least disturbed
        t0 = time.perf_counter()
        for received, limit, policy in work:
            due(received, limit, policy=policy)
        t_due = min(t_due, time.perf_counter() - t0)

        t0 = time.perf_counter()
        for d, k in bare:
            add(d, k)
        t_add = min(t_add, time.perf_counter() - t0)

    print(f"due():            {n:>7,} calls in {t_due:6.3f} s = {n / t_due:>10,.0f} calls/s")
    print(f"add_working_days: {n:>7,} calls in {t_add:6.3f} s = {n / t_add:>10,.0f} calls/s")
    print(f"ratio due()/add_working_days per call: {t_due / t_add:.2f}x (target <= 5x)")


if __name__ == "__main__":
    main()
