"""The bundled demo dataset and the main job of ``make demo``.

The figures the job prints are checked against counts taken straight from the raw event file
with the csv module (an independent path: no tthc code reads those rows), and the generator
is checked to be deterministic and to produce only valid trails.
"""

from __future__ import annotations

import csv
import gzip
import importlib.util
import io
import json
import subprocess
import sys
from collections import Counter
from datetime import date, datetime
from importlib.resources import files
from pathlib import Path
from types import ModuleType

import pytest

from tthc.demo import AGENCY_NAMES, COLUMNS, dossiers, main_job, read_events
from tthc.errors import RecordError
from tthc.kpi import Period
from tthc.reports import format_points

SCRIPT = Path(__file__).parent.parent / "scripts" / "make_demo_data.py"


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_demo_data", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _raw_rows() -> list[dict[str, str]]:
    data = files("tthc._data").joinpath("demo_events.csv.gz").read_bytes()
    return list(csv.DictReader(io.StringIO(gzip.decompress(data).decode("utf-8"))))


@pytest.fixture(scope="module")
def raw() -> list[dict[str, str]]:
    return _raw_rows()


@pytest.fixture(scope="module")
def out_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("demo")


@pytest.fixture(scope="module")
def job(out_dir: Path) -> object:
    return main_job(out_dir=out_dir)


def test_the_dataset_is_about_fifty_thousand_dossiers_of_three_agencies(
    raw: list[dict[str, str]],
) -> None:
    submits = [r for r in raw if r["action"] == "submit"]
    assert len(submits) == 50_000
    assert {r["agency"] for r in submits} == set(AGENCY_NAMES)
    assert {r["channel"] for r in submits} == {"1", "2", "3"}
    actions = Counter(r["action"] for r in raw)
    for needed in (
        "guide",
        "refuse_at_receipt",
        "request_supplement",
        "request_obligation",
        "apologise",
        "withdraw",
        "refuse",
        "transfer",
        "return",
    ):
        assert actions[needed] > 0, needed
    days = sorted(r["at"][:10] for r in submits)
    assert days[0].startswith("2024-01")
    assert days[-1].startswith("2026-11")


def test_the_main_job_agrees_with_counts_taken_from_the_raw_file(
    job: object, raw: list[dict[str, str]]
) -> None:
    from tthc.demo import MainJob

    assert isinstance(job, MainJob)
    received = [r for r in raw if r["action"] == "receive"]
    assert job.dossiers == 50_000
    assert job.events == len(raw)
    assert job.received == len(received)
    # every received dossier is judged, pending or excluded, exactly once
    assert sum(job.timeliness.values()) == len(received)
    results = Counter(r["action"] for r in raw)
    assert sum(job.timeliness[k] for k in ("early", "on_time", "late")) == (
        results["result"] + results["refuse"]
    )
    # column (4) + (5) of Q3/2026: receipts in the quarter, split by channel, from the raw rows
    q3 = Period.quarter(2026, 3)
    channel = {r["dossier"]: r["channel"] for r in raw if r["action"] == "submit"}
    in_q3 = [r for r in received if q3.start <= date.fromisoformat(r["at"][:10]) <= q3.end]
    online = sum(1 for r in in_q3 if channel[r["dossier"]] == "2")
    reports = list(job.reports.values())
    assert sum(rep.received_online for rep in reports) == online
    assert sum(rep.received_in_person for rep in reports) == len(in_q3) - online
    assert "Biểu số 06" in job.text
    # 766 indicators per agency: 2.1 from the report, 3.3 (online share) from its columns
    from tthc.kpi import on_time_rate_766_progress, rate
    from tthc.scoring import qd766

    assert set(job.scores) == set(AGENCY_NAMES)
    for (agency,), report in job.reports.items():
        progress, p21, online, p33 = job.scores[agency]
        assert progress == on_time_rate_766_progress(report)
        assert online == rate(
            report.received_online, report.received_online + report.received_in_person
        )
        assert p21 == qd766().points("2.1", progress)
        assert p33 == qd766().points("3.3", online)
        assert "2.1 tiến độ giải quyết" in job.text
        assert "3.3 hồ sơ trực tuyến" in job.text


def test_the_main_job_writes_the_table_and_the_chart(tmp_path: Path) -> None:
    events = read_events(limit=400)
    result = main_job(out_dir=tmp_path, events=events, lang="en")
    table, chart = result.files
    with table.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    received = sum(1 for trail in events.values() for e in trail if e.action.value == "receive")
    assert len(rows) == result.received == received  # never-received dossiers are not listed
    assert len({r["code"] for r in rows}) == len(rows)
    assert chart.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "Biểu 06" in result.text
    assert "by agency" in result.text


def test_a_malformed_row_names_its_row_and_column(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv.gz"
    text = io.StringIO()
    w = csv.DictWriter(text, fieldnames=COLUMNS)
    w.writeheader()
    w.writerow(
        dict.fromkeys(COLUMNS, "") | {"dossier": "X", "action": "submit", "at": "02/01/2024"}
    )
    path.write_bytes(gzip.compress(text.getvalue().encode()))
    with pytest.raises(RecordError, match=r"record 2, field 'at'.*'02/01/2024'"):
        read_events(path)


def test_a_file_without_the_columns_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv.gz"
    path.write_bytes(gzip.compress(b"dossier,action\nX,submit\n"))
    with pytest.raises(RecordError, match="missing columns"):
        read_events(path)


def test_the_generator_is_deterministic_and_its_trails_replay() -> None:
    gen = _generator()
    first, second = gen.generate(150), gen.generate(150)
    assert first == second
    trails: dict[str, list[dict[str, str]]] = {}
    for row in first:
        trails.setdefault(row["dossier"], []).append(row)
    assert len(trails) == 150
    buffer = io.BytesIO()
    w_text = io.StringIO()
    w = csv.DictWriter(w_text, fieldnames=COLUMNS, lineterminator="\n")
    w.writeheader()
    w.writerows(first)
    buffer.write(gzip.compress(w_text.getvalue().encode()))
    buffer.seek(0)
    replayed = dossiers(read_events(buffer))
    assert [d.code for d in replayed] == list(trails)
    assert [len(d.events) for d in replayed] == [len(t) for t in trails.values()]


def test_tthc_report_on_the_jobs_table_gives_the_jobs_report(job: object, out_dir: Path) -> None:
    """End to end: the command line reads the table the main job wrote, with no mapping."""
    from tthc.demo import MainJob

    assert isinstance(job, MainJob)
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "tthc",
            "report",
            str(out_dir / "dossiers.csv"),
            "--period",
            "2026-Q3",
            "--by",
            "agency",
            "--format",
            "json",
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert (done.returncode, done.stderr) == (0, "")
    shown = json.loads(done.stdout)
    assert shown["rejected_rows"] == 0
    assert shown["records"] == job.received
    by_agency = {g["agency"]: g for g in shown["groups"]}
    for (agency,), report in job.reports.items():
        assert {k: by_agency[agency][k] for k in report.counts()} == report.counts()


def test_the_main_job_prints_not_scored_for_an_undefined_rate() -> None:
    # one dossier received on 29/06/2026 (30 working days) is only carried over into Q3/2026:
    # no new dossier in the quarter, so 3.3 (online share of new dossiers) is 0/0
    from tthc.calendar import VIETNAM_TZ
    from tthc.catalog import Channel
    from tthc.deadlines import TimeLimit
    from tthc.dossier import Action, Event, Submission

    at = datetime(2026, 6, 29, 9, tzinfo=VIETNAM_TZ)
    code = "000.00.06.H55-260629-0001"
    trail = [
        Event(
            Action.SUBMIT,
            at,
            submission=Submission(code, "000.00.06.H55", Channel.IN_PERSON),
        ),
        Event(Action.RECEIVE, at, agency="000.00.06.H55", limit=TimeLimit.working_days(30)),
    ]
    for lang, words, unit in (("vi", "không chấm điểm", "điểm"), ("en", "not scored", "points")):
        job = main_job(events={code: trail}, quarter=Period.quarter(2026, 3), lang=lang)
        _progress, p21, online, p33 = job.scores["000.00.06.H55"]
        assert online is None
        assert p33 is None  # not 0,00
        assert p21 is not None
        line = next(x for x in job.text.splitlines() if "3.3" in x)
        assert line.endswith(f"— -> {words}")
        assert f"-> {format_points(p21, lang)} {unit};" in line
