"""Show that dossier replay and agency-registry reading take linear time.

Usage: ``python benchmarks/bench_linear.py [--quick]``.

1. **Dossier replay** (:func:`tthc.dossier.replay`, and :func:`~tthc.dossier.from_json`,
   which replays): one received dossier whose trail grows by hand-overs between units,
   supplement rounds (each restarting the count) and suspensions, one event a minute, at
   1,000 to 32,000 events.
2. **Agency registry** (:meth:`tthc.codes.AgencyRegistry.read`): a CSV of closed agencies,
   each merged into the next (one long chain of successor links, the worst case for the
   cycle check), at 1,000 to 32,000 rows.

For each size the script prints the time per event (or row) and its ratio to the smallest
size. Linear work gives a flat time per item (ratio near 1); quadratic work doubles it at
every doubling of the size. The peer, in the same run, is the cost of building the input
itself (the ``Event`` values, or the CSV text read by ``csv.DictReader``), which is linear.
Each timing is the best of three runs.
"""

from __future__ import annotations

import argparse
import csv
import io
import time
from collections.abc import Callable
from datetime import datetime, timedelta

from tthc.calendar import VIETNAM_TZ
from tthc.catalog import Channel
from tthc.codes import AgencyRegistry
from tthc.deadlines import TimeLimit
from tthc.dossier import Action, Event, from_json, replay, submit, to_json

REPEATS = 3


def trail(n: int) -> list[Event]:
    """A submit, a receipt and *n* - 2 further events, one a minute, cycling through
    hand-overs, supplement rounds and suspensions."""
    t = datetime(2025, 3, 3, 8, tzinfo=VIETNAM_TZ)
    d = submit("H12-0000001", agency="UBND xã A", channel=Channel.IN_PERSON, at=t)
    events = [*d.events]
    events.append(
        Event(Action.RECEIVE, t + timedelta(minutes=1), limit=TimeLimit.working_days(10))
    )
    cycle = [
        lambda at, i: Event(
            Action.TRANSFER, at, agency=f"Phòng {i % 7}", limit=TimeLimit.working_days(1)
        ),
        lambda at, i: Event(Action.REQUEST_SUPPLEMENT, at, reason="thiếu giấy tờ"),
        lambda at, i: Event(Action.RECEIVE_SUPPLEMENT, at),
        lambda at, i: Event(Action.SUSPEND, at, basis="Điều 17 Nghị định 61/2018/NĐ-CP"),
        lambda at, i: Event(Action.RESUME, at),
    ]
    i = 0
    while len(events) < n:
        at = t + timedelta(minutes=len(events))
        events.append(cycle[i % len(cycle)](at, i))
        i += 1
    return events


def _code(i: int) -> str:
    return f"{i // 8100 + 1:03d}.{i // 90 % 90 + 10:02d}.{i % 90 + 10:02d}.H55"


def registry_csv(n: int) -> str:
    """*n* agencies: the first active, each later one closed and merged into the one before
    it, so that every row's successor chain runs back through all the rows before it."""
    out = io.StringIO()
    w = csv.writer(out)
    w.writerow(["code", "name", "valid_from", "valid_to", "status", "successor"])
    for i in range(n):
        code, before = _code(i), _code(i - 1)
        if i:
            w.writerow([code, f"Cơ quan {i}", "2020-01-01", "2025-06-30", "closed", before])
        else:
            w.writerow([code, f"Cơ quan {i}", "2020-01-01", "", "active", ""])
    return out.getvalue()


def best(fn: Callable[[], object]) -> float:
    times = []
    for _ in range(REPEATS):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def table(title: str, unit: str, rows: list[tuple[int, float, float]]) -> list[float]:
    print(f"\n{title}")
    print(f"{'size':>8} {'tthc us/' + unit:>14} {'ratio':>7} {'peer us/' + unit:>14}")
    base = rows[0][1] / rows[0][0]
    ratios = []
    for n, t, peer in rows:
        per = t / n
        ratios.append(per / base)
        print(f"{n:>8,} {per * 1e6:>14.1f} {per / base:>7.2f} {peer / n * 1e6:>14.2f}")
    return ratios


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="sizes up to 4,000 only")
    args = parser.parse_args()
    sizes = [1000, 2000, 4000] if args.quick else [1000, 4000, 16000, 32000]

    rows = []
    json_rows = []
    for n in sizes:
        events = trail(n)
        text = to_json(replay(events))
        peer = best(lambda n=n: trail(n))  # type: ignore[misc]
        rows.append((n, best(lambda events=events: replay(events)), peer))  # type: ignore[misc]
        json_rows.append((n, best(lambda text=text: from_json(text)), peer))  # type: ignore[misc]
    r1 = table("replay(events): time per event", "event", rows)
    r2 = table("from_json(text), which replays: time per event", "event", json_rows)

    reg_rows = []
    for n in sizes:
        text = registry_csv(n)
        read = AgencyRegistry.read(io.StringIO(text))
        assert len(read.registry) == n, read.errors[:1]
        reg_rows.append(
            (
                n,
                best(lambda text=text: AgencyRegistry.read(io.StringIO(text))),  # type: ignore[misc]
                best(lambda text=text: list(csv.DictReader(io.StringIO(text)))),  # type: ignore[misc]
            )
        )
    r3 = table("AgencyRegistry.read: a chain of successor links, time per row", "row", reg_rows)
    worst = max(r1[-1], r2[-1], r3[-1])
    print(f"\nlargest ratio of time per item at {sizes[-1]:,} against {sizes[0]:,}: {worst:.2f}")
    print("linear" if worst < 2 else "NOT linear: the time per item grows with the size")


if __name__ == "__main__":
    main()
