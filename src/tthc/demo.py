"""The bundled demo dataset and the main job that ``make demo`` runs on it.

The dataset is synthetic (no personal data): about 50,000 dossiers of one province's ward
one-stop centre and two departments, 02/01/2024 to 26/11/2026, as the raw events a one-stop
system exports (``tthc/_data/demo_events.csv.gz``, written by ``scripts/make_demo_data.py``
with a fixed seed). The main job replays every dossier through the lifecycle
(:func:`tthc.dossier.replay`), so every due date and judgement below is tthc's own:

1. due date and timeliness of every dossier (written to ``dossiers.csv``);
2. Biểu 06 of a quarter per agency (Thông tư 01/2020/TT-VPCP);
3. the QĐ 766 progress indicator (2.1) and online-service indicator (3.3) per agency;
4. a chart of the on-time rate by month per agency (``on-time-by-month.png``, needs
   matplotlib: the ``cli`` extra).

>>> events = read_events(limit=3)
>>> [len(trail) for trail in events.values()]
[4, 4, 4]
>>> first = replay(next(iter(events.values())))
>>> first.code, first.status.value, first.timeliness.value
('000.01.21.H55-240102-00001', 'returned', 'early')
"""

from __future__ import annotations

import csv
import datetime as _dt
import gzip
import io
from collections import Counter
from collections.abc import Iterable, Mapping
from importlib.resources import files
from pathlib import Path
from typing import IO, Any

import attrs

from tthc._progress import track
from tthc._safe import spreadsheet_row
from tthc.calendar import VIETNAM_TZ
from tthc.catalog import Channel
from tthc.deadlines import TimeLimit, Timeliness
from tthc.dossier import Action, Dossier, Event, ReturnMethod, Submission, replay
from tthc.errors import RecordError
from tthc.kpi import (
    Period,
    Record,
    Report06,
    on_time_rate_766_progress,
    on_time_rate_resolved_basis,
    online_rate_all_dossiers,
    record_of,
    report06_by,
)
from tthc.reports import format_count, format_percent, format_points, label, render_reports
from tthc.scoring import qd766

__all__ = [
    "AGENCY_NAMES",
    "AS_OF",
    "COLUMNS",
    "DOSSIER_COLUMNS",
    "MainJob",
    "dossiers",
    "main_job",
    "read_events",
    "records",
]

AS_OF = _dt.datetime(2026, 11, 26, 17, 0, tzinfo=VIETNAM_TZ)
"""The export's cut-off: dossiers with no later event are still pending then."""

COLUMNS = (
    "dossier",
    "seq",
    "action",
    "at",
    "agency",
    "channel",
    "procedure",
    "field",
    "limit",
    "until",
    "reason",
    "basis",
    "method",
)
"""The columns of the raw event file, one row per event, in trail order per dossier."""

AGENCY_NAMES: Mapping[str, str] = {
    "000.01.21.H55": "Trung tâm PVHCC phường Phan Đình Phùng",
    "000.00.06.H55": "Sở Tư pháp",
    "000.00.13.H55": "Sở Nông nghiệp và Môi trường",
}
"""The three reporting agencies of the demo (codes illustrative, not from the registry)."""

_MAX_EVENTS = 5_000_000


def _read_text(source: str | Path | IO[bytes] | None) -> str:
    if source is None:
        data = files("tthc._data").joinpath("demo_events.csv.gz").read_bytes()
    elif isinstance(source, str | Path):
        data = Path(source).read_bytes()
    else:
        data = source.read()
    try:
        return gzip.decompress(data).decode("utf-8")
    except (OSError, EOFError, UnicodeDecodeError) as e:
        msg = f"not a gzip-compressed UTF-8 CSV file ({e})"
        raise RecordError(msg) from None


def _instant(text: str, row: int, column: str) -> _dt.datetime:
    try:
        local = _dt.datetime.strptime(f"{text} +0700", "%Y-%m-%d %H:%M %z")
    except ValueError:
        msg = f"{text!r} is not a 'yyyy-mm-dd HH:MM' instant"
        raise RecordError(msg, index=row, field=column) from None
    return local.replace(tzinfo=VIETNAM_TZ)


def _event(row: Mapping[str, str], index: int) -> Event:
    try:
        action = Action(row["action"])
    except ValueError:
        msg = f"unknown action {row['action']!r}"
        raise RecordError(msg, index=index, field="action") from None
    at = _instant(row["at"], index, "at")
    payload: dict[str, Any] = {
        "actor": "",
        "agency": row["agency"] if action is not Action.SUBMIT else "",
        "reason": row["reason"],
        "basis": row["basis"],
    }
    if row["limit"]:
        payload["limit"] = TimeLimit.parse(row["limit"]).limit
    if row["until"]:
        payload["until"] = _instant(row["until"], index, "until")
    if row["method"]:
        payload["method"] = ReturnMethod(row["method"])
    if action is Action.SUBMIT:
        payload["submission"] = Submission(
            row["dossier"],
            row["agency"],
            Channel.from_national_code(row["channel"]),
            row["procedure"] or None,
            row["field"] or None,
        )
    return Event(action, at, **payload)


def read_events(
    source: str | Path | IO[bytes] | None = None, *, limit: int | None = None
) -> dict[str, list[Event]]:
    """The raw events of the demo dataset (or of a file in its format), per dossier code.

    *source* is a gzip-compressed CSV with :data:`COLUMNS` (default: the bundled file);
    *limit* stops after that many dossiers. A malformed row raises
    :class:`~tthc.errors.RecordError` naming its row number and column. More than 5,000,000
    events are refused (the demo format is not meant for national data: use
    :mod:`tthc.frame`).
    """
    return _read_events(source, limit=limit, label=None)


def _read_events(
    source: str | Path | IO[bytes] | None, *, limit: int | None, label: str | None
) -> dict[str, list[Event]]:
    """:func:`read_events`, with a progress bar labelled *label* on a terminal."""
    out: dict[str, list[Event]] = {}
    text = _read_text(source)
    reader = csv.DictReader(io.StringIO(text, newline=""))
    missing = set(COLUMNS) - set(reader.fieldnames or ())
    if missing:
        msg = f"missing columns {sorted(missing)}; expected {list(COLUMNS)}"
        raise RecordError(msg)
    rows: Iterable[dict[str, str]] = reader
    if label is not None:
        rows = track(reader, total=max(text.count("\n") - 1, 0), label=label, unit="rows")
    for index, row in enumerate(rows, start=2):  # row 1 is the header
        if index > _MAX_EVENTS:
            msg = f"more than {_MAX_EVENTS:,} events"
            raise RecordError(msg, index=index)
        code = row["dossier"]
        if code not in out and limit is not None and len(out) >= limit:
            break
        out.setdefault(code, []).append(_event(row, index))
    return out


def dossiers(events: Mapping[str, Iterable[Event]] | None = None) -> list[Dossier]:
    """Every dossier of *events* (default: the whole bundled dataset), replayed."""
    source = read_events() if events is None else events
    return [replay(trail) for trail in source.values()]


def _replayed(events: Mapping[str, Iterable[Event]], label: str | None) -> list[Dossier]:
    trails = events.values()
    if label is not None:
        trails = track(trails, total=len(events), label=label, unit="dossiers")  # type: ignore[assignment]
    return [replay(trail) for trail in trails]


def records(items: Iterable[Dossier]) -> list[Record]:
    """The statistical records of the dossiers that were received (others never count)."""
    out = []
    for d in items:
        r = record_of(d)
        if r is not None:
            out.append(r)
    return out


@attrs.frozen
class MainJob:
    """What :func:`main_job` computed, and its text."""

    dossiers: int
    events: int
    received: int
    timeliness: Mapping[str, int]
    quarter: Period
    reports: Mapping[tuple[Any, ...], Report06]
    scores: Mapping[str, tuple[Any, ...]]
    text: str
    files: tuple[Path, ...]


_BARS: dict[str, dict[str, str | None]] = {
    "vi": {"read": "Đọc sự kiện", "replay": "Tính lại hồ sơ", "write": "Ghi dossiers.csv"},
    "en": {
        "read": "Reading events",
        "replay": "Replaying dossiers",
        "write": "Writing dossiers.csv",
    },
}
"""Progress-bar labels of the main job's long steps (shown on a terminal only)."""

_LABELS = {
    "vi": {
        "title": "tthc - công việc chính trên bộ dữ liệu mẫu (tổng hợp, không có dữ liệu cá nhân)",
        "data": "{d} hồ sơ, {e} sự kiện; {r} hồ sơ đã tiếp nhận (dữ liệu đến {asof})",
        "judged": "Hạn giải quyết và kết quả từng hồ sơ (tính lại bằng tthc):",
        "early": "trước hạn",
        "on_time": "đúng hạn",
        "late": "quá hạn",
        "pending": "đang giải quyết",
        "none": "không xét (rút, không có thời hạn...)",
        "q": "Biểu số 06 (Thông tư 01/2020/TT-VPCP), {p}, theo cơ quan:",
        "s": "Bộ chỉ số 766 (QĐ 766/QĐ-TTg, v2022), {p}:",
        "s21": "2.1 tiến độ giải quyết",
        "s33": "3.3 hồ sơ trực tuyến",
        "chart": "Biểu đồ tỷ lệ đúng hạn theo tháng:",
        "csv": "Hạn và kết quả từng hồ sơ:",
        "pts": "điểm",
    },
    "en": {
        "title": "tthc - the main job on the demo dataset (synthetic, no personal data)",
        "data": "{d} dossiers, {e} events; {r} dossiers received (data up to {asof})",
        "judged": "Due date and outcome of every dossier (recomputed by tthc):",
        "early": "early",
        "on_time": "on time",
        "late": "late",
        "pending": "in progress",
        "none": "not judged (withdrawn, no time limit...)",
        "q": "Biểu 06 (Thông tư 01/2020/TT-VPCP), {p}, by agency:",
        "s": "QĐ 766 index (v2022), {p}:",
        "s21": "2.1 processing progress",
        "s33": "3.3 online dossiers",
        "chart": "Chart of the on-time rate by month:",
        "csv": "Due date and outcome of every dossier:",
        "pts": "points",
    },
}


DOSSIER_COLUMNS = (
    "code",
    "agency",
    "procedure",
    "field",
    "channel",
    "received_at",
    "due_at",
    "completed_at",
    "returned_at",
    "outcome",
    "status",
    "timeliness",
    "current_due_at",
    "apologised",
    "apology_in_time",
    "late_agencies",
    "received_by",
)
"""The columns of ``dossiers.csv``: the first ten and the last (``received_by``, the
receiving place) are :class:`~tthc.kpi.Record` fields under their own names, so ``tthc
report dossiers.csv`` reads the file as it is (``--by received_by`` too)."""


def _iso(at: _dt.datetime | None) -> str:
    return at.isoformat() if at is not None else ""


def _write_dossiers(
    path: Path, received: list[tuple[Dossier, Record]], label: str | None = None
) -> None:
    """Write every received dossier with its record (text cells made inert for spreadsheets:
    :func:`tthc._safe.spreadsheet_row`)."""
    rows: Iterable[tuple[Dossier, Record]] = received
    if label is not None:
        rows = track(received, total=len(received), label=label, unit="rows")
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(DOSSIER_COLUMNS)
        for d, r in rows:
            w.writerow(
                spreadsheet_row(
                    [
                        d.code,
                        r.agency,
                        r.procedure or "",
                        r.field or "",
                        r.channel.value,
                        _iso(r.received_at),
                        _iso(r.due_at),
                        _iso(r.completed_at),
                        _iso(d.returned_at),
                        r.outcome.value,
                        d.status.value,
                        d.timeliness.value if d.timeliness else "",
                        _iso(d.due.at if d.due else None),
                        "" if not d.apologised else "1",
                        "" if d.apology_in_time is None else str(int(d.apology_in_time)),
                        ";".join(d.late_agencies),
                        r.received_by,
                    ]
                )
            )


def _chart(path: Path, recs: list[Record], lang: str) -> Path | None:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:  # pragma: no cover - the cli extra is not installed
        return None
    span = Period(_dt.date(2024, 1, 1), _dt.date(2026, 10, 31))
    by = report06_by(recs, span, by=("agency", "month"))
    fig, ax = plt.subplots(figsize=(10, 4.5), dpi=100)
    for agency, name in AGENCY_NAMES.items():
        xs: list[Any] = []
        ys: list[float] = []
        for (a, month), rep in by.items():
            value = on_time_rate_resolved_basis(rep)
            if a == agency and value is not None:
                xs.append(_dt.date(month.start.year, month.start.month, 15))
                ys.append(float(value * 100))  # plotting only; every figure printed is exact
        ax.plot(xs, ys, marker="o", markersize=2.5, linewidth=1.2, label=name)
    title = {
        "vi": "Tỷ lệ hồ sơ giải quyết trước hạn và đúng hạn theo tháng (%)",
        "en": "Share of dossiers resolved early or on time, by month (%)",
    }[lang]
    ax.set_title(title)
    ax.set_ylim(75, 100.5)
    ax.grid(alpha=0.3)
    ax.legend(loc="lower right", fontsize=8)
    fig.tight_layout()
    fig.savefig(path, metadata={"Software": None})
    plt.close(fig)
    return path


def _points_text(points: Any, lang: str) -> str:
    """Points and their unit; an indicator that is not scored (0/0) says so, never 0,00."""
    if points is None:
        return label("not_scored", lang)
    return f"{format_points(points, lang=lang)} {_LABELS[lang]['pts']}"


def main_job(
    *,
    lang: str = "vi",
    out_dir: str | Path | None = None,
    quarter: Period | None = None,
    events: Mapping[str, list[Event]] | None = None,
    progress: bool = False,
) -> MainJob:
    """Run the main job on the bundled data (or on *events*); write files into *out_dir*.

    Returns the figures and the printed text; with *out_dir* it also writes
    ``dossiers.csv`` (due date and outcome of every dossier) and ``on-time-by-month.png``.
    With *progress*, reading, replaying and writing show a bar on standard error when it is
    a terminal and ``tqdm`` is installed (the ``cli`` extra); nothing else changes.
    """
    if lang not in _LABELS:
        msg = f"unknown language {lang!r}: expected 'vi' or 'en'"
        raise ValueError(msg)
    t = _LABELS[lang]
    bars = _BARS[lang] if progress else dict.fromkeys(_BARS[lang])
    quarter = Period.quarter(2026, 3) if quarter is None else quarter
    source = _read_events(None, limit=None, label=bars["read"]) if events is None else events
    n_events = sum(len(trail) for trail in source.values())
    items = _replayed(source, bars["replay"])
    received = [(d, r) for d in items if (r := record_of(d)) is not None]
    recs = [r for _, r in received]
    judged: Counter[str] = Counter()
    for d in items:
        if d.received_at is None:
            continue
        if d.timeliness is not None:
            judged[d.timeliness.value] += 1
        elif d.completed_at is None and d.withdrawn_at is None:
            judged["pending"] += 1
        else:
            judged["none"] += 1
    lines = [t["title"], ""]
    lines.append(
        t["data"].format(
            d=format_count(len(items), lang=lang),
            e=format_count(n_events, lang=lang),
            r=format_count(len(recs), lang=lang),
            asof=AS_OF.strftime("%d/%m/%Y %H:%M"),
        )
    )
    lines += ["", t["judged"]]
    for key in (Timeliness.EARLY.value, Timeliness.ON_TIME.value, Timeliness.LATE.value):
        lines.append(f"  {t[key]:<40} {format_count(judged[key], lang=lang):>8}")
    lines.append(f"  {t['pending']:<40} {format_count(judged['pending'], lang=lang):>8}")
    lines.append(f"  {t['none']:<40} {format_count(judged['none'], lang=lang):>8}")

    reports = report06_by(recs, quarter, by=("agency",))
    named = {(AGENCY_NAMES.get(k[0], k[0]),): rep for k, rep in reports.items()}
    lines += ["", t["q"].format(p=quarter.label_vi if lang == "vi" else str(quarter)), ""]
    lines.append(render_reports(named, lang=lang))

    rules = qd766("v2022")
    scores: dict[str, tuple[Any, ...]] = {}
    lines += ["", t["s"].format(p=quarter.label_vi if lang == "vi" else str(quarter))]
    for (agency,), rep in reports.items():
        on_time = on_time_rate_766_progress(rep)
        online = online_rate_all_dossiers(rep.received_online, rep.received_new)
        p21 = rules.points("2.1", on_time)
        p33 = rules.points("3.3", online)
        scores[agency] = (on_time, p21, online, p33)
        lines.append(
            f"  {AGENCY_NAMES.get(agency, agency):<40} {t['s21']}: {format_percent(on_time, lang=lang)}"
            f" -> {_points_text(p21, lang)}; {t['s33']}: "
            f"{format_percent(online, lang=lang)} -> {_points_text(p33, lang)}"
        )

    written: list[Path] = []
    if out_dir is not None:
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        table = out / "dossiers.csv"
        _write_dossiers(table, received, bars["write"])
        written.append(table)
        chart = _chart(out / "on-time-by-month.png", recs, lang)
        lines += ["", f"{t['csv']} {table}"]
        if chart is not None:
            written.append(chart)
            lines.append(f"{t['chart']} {chart}")
    return MainJob(
        dossiers=len(items),
        events=n_events,
        received=len(recs),
        timeliness=dict(judged),
        quarter=quarter,
        reports=reports,
        scores=scores,
        text="\n".join(lines),
        files=tuple(written),
    )
