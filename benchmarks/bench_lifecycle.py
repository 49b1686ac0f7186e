"""Time ``tthc.dossier.apply`` and the dossier JSON round trip against named peers.

Usage: ``python benchmarks/bench_lifecycle.py [--quick]``.

1. **Plain transitions**: events that need no deadline computation (supplement and obligation
   requests, suspension, result with classification, withdrawal, return) applied to received
   dossiers: guard, trail, new frozen value. Target >= 200,000 transitions/s.
2. **Realistic mix**: whole lifecycles (submit, receive with its due date, hand-overs with
   step due dates, supplements with restarts, obligation pauses, apologies, result, return)
   from a fixed seed, 2019-2025; every due date is recomputed by the deadline engine.
3. **JSON round trip** (``to_json`` + ``from_json``, which replays and checks the trail) of
   a dossier just received (submit + receive) and of one received, handed over, resolved and
   returned (5 events). Target <= 40 us. Import replays the trail, so the cost grows with
   the number of events (about 8 us each here): the received dossier meets the target, the
   returned one does not (about 60 us).

Peers, in the same run: (1) a hand-written transition table (dict of dicts) over a small
``attrs.frozen`` value, built with its generated ``__init__``, which is what the issue's
~250,000/s figure describes; (3) a cattrs round trip of a flat 16-field ``attrs.frozen``
record (unstructure + ``json.dumps`` + ``json.loads`` + structure). python-statemachine is
not installed, so it is not measured. Each timing is the median of five interleaved runs;
the JSON round trip of the returned dossier must take at most 2x the cattrs peer (issue 15).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

import attrs
import cattrs

from tthc.calendar import VIETNAM_TZ
from tthc.catalog import Channel
from tthc.deadlines import TimeLimit
from tthc.dossier import Action, Dossier, Event, apply, from_json, replay, submit, to_json

REPEATS = 5
TARGET_JSON_RATIO = 2.0


def at(start: datetime, minutes: int) -> datetime:
    return start + timedelta(minutes=minutes)


def lifecycle(rng: random.Random, n: int) -> list[Event]:
    """One dossier's events: a realistic path through the lifecycle."""
    t = datetime(2019, 1, 1, 8, tzinfo=VIETNAM_TZ) + timedelta(
        days=rng.randrange(2500), minutes=rng.randrange(9 * 60)
    )
    d = submit(f"H12-{n:07d}", agency="UBND xã A", channel=Channel.IN_PERSON, at=t)
    out = list(d.events)

    def step() -> int:
        return rng.randrange(60, 3 * 24 * 60)

    limit = rng.choice([TimeLimit.working_days(k) for k in (1, 3, 5, 10, 15)])
    out.append(Event(Action.RECEIVE, t, limit=limit))
    for agency in rng.sample(["Phòng TP", "UBND huyện", "Sở TN&MT"], rng.randrange(0, 3)):
        t = at(t, step())
        out.append(Event(Action.TRANSFER, t, agency=agency, limit=TimeLimit.working_days(2)))
    if rng.random() < 0.2:
        t = at(t, step())
        out.append(Event(Action.REQUEST_SUPPLEMENT, t, reason="thiếu giấy tờ"))
        t = at(t, step())
        out.append(Event(Action.RECEIVE_SUPPLEMENT, t))
    if rng.random() < 0.1:
        t = at(t, step())
        out.append(Event(Action.REQUEST_OBLIGATION, t))
        t = at(t, step())
        out.append(Event(Action.FULFIL_OBLIGATION, t))
    if rng.random() < 0.05:
        t = at(t, step())
        out.append(Event(Action.APOLOGISE, t, until=t + timedelta(days=40)))
    t = at(t, step())
    if rng.random() < 0.05:
        out.append(Event(Action.WITHDRAW, t))
        return out
    out.append(Event(Action.RESULT, t))
    out.append(Event(Action.RETURN, at(t, step())))
    return out


def plain_cases(n: int) -> list[tuple[Dossier, Event]]:
    """(dossier, event) pairs whose transition needs no due-date computation."""
    rng = random.Random(20250303)
    base = []
    for i in range(200):
        events = lifecycle(rng, i)
        d = replay(events[:2])  # submitted and received
        base.append((d, events[1].at))
    cases = []
    for i in range(n):
        d, t = base[i % len(base)]
        later = t + timedelta(hours=1 + i % 50)
        kind = i % 6
        if kind == 0:
            cases.append((d, Event(Action.REQUEST_SUPPLEMENT, later)))
        elif kind == 1:
            cases.append((d, Event(Action.REQUEST_OBLIGATION, later)))
        elif kind == 2:
            cases.append((d, Event(Action.SUSPEND, later, basis="giám định")))
        elif kind == 3:
            cases.append((d, Event(Action.RESULT, later)))
        elif kind == 4:
            cases.append((d, Event(Action.WITHDRAW, later)))
        else:
            ready = apply(d, Event(Action.RESULT, later))
            cases.append((ready, Event(Action.RETURN, later)))
    return cases


# -- peer 1: a hand-written transition table over a frozen attrs value ----------------------------


@attrs.frozen
class PeerDossier:
    code: str
    agency: str
    status: str
    received_at: datetime | None
    completed_at: datetime | None
    events: tuple[tuple[str, datetime], ...]


PEER_TABLE: dict[str, dict[str, str]] = {
    "processing": {
        "request_supplement": "awaiting_supplement",
        "request_obligation": "awaiting_obligation",
        "suspend": "suspended",
        "result": "result_ready",
        "withdraw": "withdrawn",
    },
    "result_ready": {"return": "returned"},
}


def peer_apply(d: PeerDossier, action: str, when: datetime) -> PeerDossier:
    to = PEER_TABLE[d.status].get(action)
    if to is None:
        raise ValueError(action)
    done = when if to == "result_ready" else d.completed_at
    return PeerDossier(d.code, d.agency, to, d.received_at, done, (*d.events, (action, when)))


# -- peer 3: a flat 16-field record through cattrs ------------------------------------------------


@attrs.frozen
class Flat:
    code: str
    agency: str
    channel: str
    procedure_code: str
    field: str
    status: str
    submitted_at: datetime
    received_at: datetime
    due_at: datetime
    completed_at: datetime
    returned_at: datetime
    timeliness: str
    supplement_requests: int
    apologised: bool
    late_agencies: tuple[str, ...]
    note: str


def _flat_converter() -> cattrs.Converter:
    c = cattrs.Converter()
    c.register_unstructure_hook(datetime, datetime.isoformat)
    c.register_structure_hook(datetime, lambda v, _: datetime.fromisoformat(v))
    return c


def best(fn: Callable[[], Any]) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def main() -> None:
    """Run the benchmark and print rates, ratios and targets."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a tenth of the work")
    quick = parser.parse_args().quick
    n_plain = 30_000 if quick else 300_000
    n_life = 2_000 if quick else 20_000
    n_json = 2_000 if quick else 20_000

    plain = plain_cases(n_plain)
    peer = [
        (
            PeerDossier(d.code, d.agency, d.status.value, d.received_at, None, ()),
            e.action.value,
            e.at,
        )
        for d, e in plain
    ]
    rng = random.Random(20190101)
    lives = [lifecycle(rng, i) for i in range(n_life)]
    n_events = sum(len(x) - 1 for x in lives)

    def run_plain() -> None:
        for d, e in plain:
            apply(d, e)

    def run_peer() -> None:
        for d, a, w in peer:
            peer_apply(d, a, w)

    def run_life() -> None:
        for events in lives:
            replay(events)

    sample = replay(lives[0][:2])
    sample = apply(
        sample,
        Event(
            Action.TRANSFER,
            sample.events[-1].at,
            agency="Phòng TP",
            limit=TimeLimit.working_days(2),
        ),
    )
    sample = apply(sample, Event(Action.RESULT, sample.events[-1].at + timedelta(days=1)))
    sample = apply(sample, Event(Action.RETURN, sample.events[-1].at + timedelta(days=1)))
    assert from_json(to_json(sample)) == sample
    received = replay(lives[0][:2])  # submit + receive: a dossier in progress
    assert from_json(to_json(received)) == received

    def run_json() -> None:
        for _ in range(n_json):
            from_json(to_json(sample))

    def run_json_received() -> None:
        for _ in range(n_json):
            from_json(to_json(received))

    conv = _flat_converter()
    t0 = datetime(2025, 3, 3, 9, tzinfo=VIETNAM_TZ)
    flat = Flat(
        "H12-1", "UBND xã A", "in_person", "1.004227", "Chứng thực", "returned", t0, t0,
        t0 + timedelta(days=14), t0 + timedelta(days=10), t0 + timedelta(days=11), "early",
        supplement_requests=0, apologised=False, late_agencies=(), note="",
    )  # fmt: skip
    assert conv.structure(json.loads(json.dumps(conv.unstructure(flat))), Flat) == flat

    def run_flat() -> None:
        for _ in range(n_json):
            conv.structure(json.loads(json.dumps(conv.unstructure(flat))), Flat)

    samples: dict[str, list[float]] = {
        k: [] for k in ("plain", "peer", "life", "json", "json2", "flat")
    }
    runs = {"plain": run_plain, "peer": run_peer, "life": run_life, "json": run_json}
    runs["json2"] = run_json_received
    runs["flat"] = run_flat
    for _ in range(REPEATS):
        for key, fn in runs.items():
            samples[key].append(best(fn))
    times = {key: statistics.median(values) for key, values in samples.items()}

    rate_plain, rate_peer = n_plain / times["plain"], n_plain / times["peer"]
    rate_life = n_events / times["life"]
    us_json, us_flat = times["json"] / n_json * 1e6, times["flat"] / n_json * 1e6
    print(f"plain transitions (tthc.apply):   {rate_plain:>10,.0f} /s (target >= 200,000)")
    print(f"peer: hand-written table + attrs: {rate_peer:>10,.0f} /s")
    print(f"ratio tthc/peer (rate):           {rate_plain / rate_peer:10.2f}x")
    print(
        f"realistic mix ({n_life:,} lifecycles, {n_events:,} events, with due dates): "
        f"{rate_life:,.0f} transitions/s"
    )
    us_json2 = times["json2"] / n_json * 1e6
    print(
        f"dossier JSON round trip, received ({len(received.events)} events, replayed): "
        f"{us_json2:6.1f} us (target <= 40 us: {'met' if us_json2 <= 40 else 'MISSED'})"
    )
    print(
        f"dossier JSON round trip, returned ({len(sample.events)} events, replayed): "
        f"{us_json:6.1f} us (target <= 40 us: {'met' if us_json <= 40 else 'MISSED'})"
    )
    print(f"peer: 16-field attrs record through cattrs: {us_flat:6.1f} us")
    ratio = us_json / us_flat
    verdict = "met" if ratio <= TARGET_JSON_RATIO else "NOT met"
    print(
        f"ratio tthc/peer (time), returned dossier: {ratio:.2f}x "
        f"(target <= {TARGET_JSON_RATIO}x: {verdict})"
    )


if __name__ == "__main__":
    main()
