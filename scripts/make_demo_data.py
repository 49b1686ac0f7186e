"""Generate the bundled demo dataset: synthetic dossiers of one province, with their raw events.

Run ``python scripts/make_demo_data.py`` to rewrite ``src/tthc/_data/demo_events.csv.gz``; the
seed is fixed, so the file is the same on every machine (gzip's header time is fixed too).

What it models (no personal data; agency names are real kinds of bodies, their codes are
illustrative, not taken from the registry):

- one province (Thái Nguyên, H55): a ward's one-stop centre, the Department of Justice and the
  Department of Agriculture and Environment (land), 02/01/2024 to 26/11/2026;
- procedures of the shipped catalogue fixture (:func:`tthc.catalog.fixture`): chứng thực
  (same day, 15:00 cut-off), hộ tịch, đất đai with financial-obligation pauses, liên thông
  chains whose steps are handed over between bodies;
- all three channels, the online share growing over time; guided and refused receipts,
  supplements (restarts), apologies (some too late), withdrawals, refusals after appraisal,
  late results attributed to the body whose step overran, and dossiers still pending on the
  cut-off day.

Every dossier is built through :func:`tthc.dossier.apply`, so every trail is a valid one and
its due dates are the engine's. The file holds only the raw events (what a one-stop system
would export); ``tthc.demo`` replays them.
"""

from __future__ import annotations

import csv
import gzip
import io
import random
import sys
from datetime import date, datetime, time, timedelta
from pathlib import Path

from tthc.calendar import VIETNAM_TZ, vietnam_calendar
from tthc.catalog import Channel, Procedure, fixture
from tthc.deadlines import TimeLimit, Unit
from tthc.demo import AGENCY_NAMES, AS_OF, COLUMNS  # AS_OF: later events have not happened
from tthc.dossier import Action, Dossier, Event, ReturnMethod, apply, submit
from tthc.errors import NoTimeLimitError

SEED = 20261126
FIRST_DAY = date(2024, 1, 2)
DOSSIERS = 50_000
OUT = Path(__file__).parent.parent / "src" / "tthc" / "_data" / "demo_events.csv.gz"

WARD, JUSTICE, LAND = AGENCY_NAMES  # the three agencies of tthc.demo, in that order
# agency -> [(procedure code, weight)]
PROCEDURES = {
    WARD: [
        ("2.000815.000.00.00.H55", 30),
        ("2.000884", 12),
        ("2.001035", 4),
        ("1.001193", 8),
        ("1.000894", 4),
        ("1.000656", 3),
        ("1.004873", 6),
        ("1.004859", 3),
        ("1.004884", 2),
        ("1.001695", 6),
        ("1.010832.000.00.00.H55", 2),
        ("1.004194", 6),
        ("2.000931", 1),
    ],
    JUSTICE: [("2.000488", 10), ("1.001022", 2)],
    LAND: [
        ("1.004227.000.00.00.H55", 12),
        ("1.012766", 5),
        ("1.004269", 4),
    ],
}
AGENCY_WEIGHTS = {WARD: 62, JUSTICE: 14, LAND: 24}
LATE_RATE = {WARD: (0.05, 0.02), JUSTICE: (0.08, 0.03), LAND: (0.16, 0.05)}
"""Chance that a dossier overruns, at the start and at the end of the period (a trend)."""
ONLINE_SHARE = (0.25, 0.65)


def _progress(day: date) -> float:
    return (day - FIRST_DAY).days / (AS_OF.date() - FIRST_DAY).days


def _at(day: date, hour: float) -> datetime:
    minutes = int(hour * 60)
    return datetime.combine(day, time(minutes // 60, minutes % 60), VIETNAM_TZ)


class Builder:
    """One dossier's events, applied as they are made (so every trail is valid)."""

    def __init__(self, dossier: Dossier, procedure: Procedure | None) -> None:
        self.d = dossier
        self.procedure = procedure
        self.rows: list[dict[str, str]] = []
        self.stopped = False
        self._row(dossier.events[0])

    def _row(self, e: Event) -> None:
        d = self.d
        self.rows.append(
            {
                "dossier": d.code,
                "seq": str(len(self.rows)),
                "action": e.action.value,
                "at": e.at.strftime("%Y-%m-%d %H:%M"),
                "agency": e.agency or (d.agency if e.action is Action.SUBMIT else ""),
                "channel": d.channel.national_code if e.action is Action.SUBMIT else "",
                "procedure": (d.procedure_code or "") if e.action is Action.SUBMIT else "",
                "field": (d.field or "") if e.action is Action.SUBMIT else "",
                "limit": e.limit.render() if e.limit is not None else "",
                "until": e.until.strftime("%Y-%m-%d %H:%M") if e.until else "",
                "reason": e.reason,
                "basis": e.basis,
                "method": e.method.value if e.method else "",
            }
        )

    def event(self, action: Action, at: datetime, **payload: object) -> bool:
        """Apply one event; False (and nothing recorded) once the cut-off is passed."""
        if self.stopped or at > AS_OF:
            self.stopped = True
            return False
        last = self.d.events[-1].at
        at = max(at, last)
        e = Event(action, at, **payload)  # type: ignore[arg-type]
        self.d = apply(self.d, e)
        self._row(e)
        return True


CAL = vietnam_calendar()


def _working_instant(rng: random.Random, after: datetime, working_days: float) -> datetime:
    """An office moment about *working_days* working days after *after*."""
    hours = max(working_days, 0.02) * 8
    return CAL.add_working_time(after, timedelta(hours=hours)) + timedelta(
        minutes=rng.randrange(0, 20)
    )


def _limit_days(limit: TimeLimit) -> float:
    """A rough size of a limit in working days, to draw processing times."""
    if limit.unit is Unit.SAME_DAY:
        return 0.5
    if limit.unit is Unit.WORKING_HOURS:
        return float(limit.amount) / 8
    if limit.unit is Unit.CALENDAR_DAYS:
        return float(limit.amount) * 5 / 7
    if limit.unit is Unit.MONTHS:
        return float(limit.amount) * 21
    return float(limit.amount)


def _in_force(code: str, day: date) -> bool:
    return any(v.valid_from <= day for v in fixture().versions(code))


def one_dossier(rng: random.Random, n: int, day: date) -> list[dict[str, str]]:
    agency = rng.choices(list(AGENCY_WEIGHTS), weights=list(AGENCY_WEIGHTS.values()))[0]
    in_force = [(c, w) for c, w in PROCEDURES[agency] if _in_force(c, day)]
    codes, weights = zip(*in_force, strict=True)
    code = rng.choices(codes, weights=weights)[0]
    p = fixture().get(code, as_of=day)
    share = ONLINE_SHARE[0] + (ONLINE_SHARE[1] - ONLINE_SHARE[0]) * _progress(day)
    if p.field == "Chứng thực":
        share /= 3
    roll = rng.random()
    channel = (
        Channel.ONLINE
        if roll < share
        else Channel.POSTAL
        if roll < share + 0.06
        else Channel.IN_PERSON
    )
    # submission: online at any hour, otherwise during office hours (some after 15:00)
    if channel is Channel.ONLINE and rng.random() < 0.3:
        submitted = _at(day, rng.uniform(0, 24))
    else:
        hour = rng.choice((rng.uniform(7, 11.5), rng.uniform(13.5, 17)))
        submitted = _at(day, hour)
    dossier_code = f"{agency}-{day:%y%m%d}-{n:05d}"
    d = submit(
        dossier_code,
        agency=agency,
        channel=channel,
        at=submitted,
        procedure_code=str(p.code),
        field=p.field,
        actor="công dân" if channel is Channel.ONLINE else "cán bộ một cửa",
    )
    b = Builder(d, p)
    received = submitted if channel is Channel.IN_PERSON else CAL.next_office_moment(submitted)
    if channel is not Channel.IN_PERSON:
        received = _working_instant(rng, received, rng.uniform(0, 0.5))
    roll = rng.random()
    if roll < 0.02:
        b.event(
            Action.GUIDE, received, reason="Thiếu giấy tờ theo quy định", actor="cán bộ một cửa"
        )
        return b.rows
    if roll < 0.03:
        b.event(
            Action.REFUSE_AT_RECEIPT,
            received,
            reason="Không thuộc thẩm quyền giải quyết",
            actor="cán bộ một cửa",
        )
        return b.rows
    try:
        limit = p.time_limit(channel)
    except NoTimeLimitError:
        limit = TimeLimit.no_limit()
    if not b.event(Action.RECEIVE, received, limit=limit, actor="cán bộ một cửa"):
        return b.rows
    size = _limit_days(limit) if limit.unit is not Unit.NONE else 10
    start, end = LATE_RATE[agency]
    late_rate = start + (end - start) * _progress(day)
    late = rng.random() < late_rate
    now = received
    # withdrawal or refusal after appraisal
    roll = rng.random()
    if roll < 0.02:
        b.event(
            Action.WITHDRAW,
            _working_instant(rng, now, size * rng.uniform(0.1, 0.6)),
            reason="Công dân đề nghị rút hồ sơ",
            actor="công dân",
        )
        return b.rows
    refuse = roll < 0.035
    # supplement (restart)
    if size >= 1 and rng.random() < 0.07:
        asked = _working_instant(rng, now, size * rng.uniform(0.1, 0.4))
        if not b.event(
            Action.REQUEST_SUPPLEMENT, asked, reason="Bổ sung bản sao giấy tờ", actor="chuyên viên"
        ):
            return b.rows
        now = _working_instant(rng, asked, rng.uniform(0.5, 6))
        if rng.random() < 0.1:
            b.event(Action.WITHDRAW, now, reason="Không bổ sung được hồ sơ", actor="công dân")
            return b.rows
        if not b.event(Action.RECEIVE_SUPPLEMENT, now, actor="cán bộ một cửa"):
            return b.rows
    # land: financial obligation pause (the work done before it is not done again)
    budget = 1.0
    if p.field == "Đất đai" and size >= 5 and rng.random() < 0.55:
        spent = rng.uniform(0.2, 0.4)
        budget -= spent
        asked = _working_instant(rng, now, size * spent)
        if not b.event(
            Action.REQUEST_OBLIGATION,
            asked,
            reason="Thông báo nộp tiền sử dụng đất, lệ phí trước bạ",
            actor="chuyên viên",
        ):
            return b.rows
        now = _working_instant(rng, asked, rng.uniform(1, 12))
        if not b.event(Action.FULFIL_OBLIGATION, now, actor="công dân"):
            return b.rows
    due_ = b.d.due
    # the work itself: through the steps of a liên thông chain, or in one go
    steps = p.steps if p.steps and limit.unit is Unit.WORKING_DAYS else ()
    culprit = rng.randrange(len(steps)) if (late and steps) else -1
    if steps:
        for i, step in enumerate(steps):
            if not b.event(
                Action.TRANSFER,
                now,
                agency=step.agency,
                limit=step.duration,
                actor=step.unit,
            ):
                return b.rows
            slot = _limit_days(step.duration)
            share = rng.uniform(1.3, 2.5) if i == culprit else rng.uniform(0.2, 0.9)
            used = slot * share * (budget if i != culprit else 1.0)
            now = _working_instant(rng, now, used)
        done = now
    elif due_ is not None:
        if late:
            done = CAL.add_working_time(due_.at, timedelta(hours=8 * rng.uniform(0.2, 4)))
            if done.date() == due_.date:
                done = CAL.add_working_time(datetime.combine(due_.date, time(17), VIETNAM_TZ), 4)
        elif rng.random() < 0.22:
            done = datetime.combine(due_.date, time(rng.choice((9, 10, 14, 16))), VIETNAM_TZ)
            done = max(done, now + timedelta(minutes=10))
        else:
            done = _working_instant(rng, now, size * budget * rng.uniform(0.05, 0.85))
    else:
        done = _working_instant(rng, now, rng.uniform(1, 15))
    # apology for a dossier about to be late: most in time, some too late, some never
    due_now = b.d.due
    if due_now is not None and due_now.date < done.date() and rng.random() < 0.7:
        in_time = rng.random() < 0.8
        sent_day = CAL.add_working_days(due_now.date, -1 if in_time else 0)
        sent = max(datetime.combine(sent_day, time(9), VIETNAM_TZ), b.d.events[-1].at)
        new = CAL.add_working_time(done, 4)
        if sent < done and not b.event(
            Action.APOLOGISE, sent, until=new, reason="Hồ sơ cần xác minh thêm", actor="lãnh đạo"
        ):
            return b.rows
    if refuse:
        b.event(Action.REFUSE, done, reason="Không đủ điều kiện theo quy định", actor="lãnh đạo")
        return b.rows
    if not b.event(Action.RESULT, done, actor="lãnh đạo"):
        return b.rows
    method = {
        Channel.IN_PERSON: ReturnMethod.IN_PERSON,
        Channel.POSTAL: ReturnMethod.POSTAL,
        Channel.ONLINE: rng.choice((ReturnMethod.ONLINE, ReturnMethod.IN_PERSON)),
    }[channel]
    back = _working_instant(rng, done, rng.uniform(0, 3))
    b.event(Action.RETURN, back, method=method, actor="cán bộ một cửa")
    return b.rows


def working_days() -> list[date]:
    days, d = [], FIRST_DAY
    while d <= AS_OF.date():
        if CAL.is_working_day(d):
            days.append(d)
        d += timedelta(days=1)
    return days


def generate(n: int = DOSSIERS, seed: int = SEED) -> list[dict[str, str]]:
    rng = random.Random(seed)
    days = working_days()
    # volume grows a little over time and dips in the weeks around Tết (fewer working days)
    weights = [1 + 0.3 * _progress(d) for d in days]
    picked = sorted(rng.choices(days, weights=weights, k=n))
    rows: list[dict[str, str]] = []
    for i, day in enumerate(picked, 1):
        rows.extend(one_dossier(rng, i, day))
    return rows


def write(rows: list[dict[str, str]], path: Path = OUT) -> None:
    text = io.StringIO()
    w = csv.DictWriter(text, fieldnames=COLUMNS, lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    with path.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as gz:
        gz.write(text.getvalue().encode("utf-8"))


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    n = int(args[0]) if args else DOSSIERS
    rows = generate(n)
    write(rows)
    dossiers = len({r["dossier"] for r in rows})
    print(f"{dossiers} dossiers, {len(rows)} events -> {OUT} ({OUT.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
