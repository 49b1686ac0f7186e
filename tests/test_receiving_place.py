"""The receiving place (nơi tiếp nhận) kept apart from the resolving agency.

Nghị định 118/2025/NĐ-CP (in force 01/07/2025) lets any one-stop centre of a province receive
a dossier whatever the administrative boundary, so the centre that received a dossier and the
agency that resolves it may differ. Biểu số 06/VPCP/KSTT (Thông tư 01/2020/TT-VPCP) reports the
dossiers "tại cơ quan, đơn vị trực tiếp giải quyết TTHC": by default a dossier counts for the
resolving agency. Every expected count below is worked by hand from the rows written here.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

import attrs
import pytest

from tthc.calendar import VIETNAM_TZ
from tthc.catalog import Channel
from tthc.cli import main
from tthc.deadlines import TimeLimit
from tthc.dossier import (
    Action,
    Dossier,
    Event,
    Regime,
    Submission,
    apply,
    from_json,
    from_sync_payload,
    submit,
    to_json,
    to_sync_payload,
)
from tthc.kpi import GROUP_KEYS, Period, Record, record_of, report06_by
from tthc.reports import render_reports

AT = datetime(2025, 7, 1, 9, tzinfo=VIETNAM_TZ)  # the first day of Nghị định 118/2025/NĐ-CP


def _received(code: str, *, agency: str, received_by: str | None = None) -> Dossier:
    d = submit(code, agency=agency, received_by=received_by, channel=Channel.IN_PERSON, at=AT)
    return apply(d, Event(Action.RECEIVE, AT, limit=TimeLimit.working_days(5)))


def test_the_receiving_place_defaults_to_the_resolving_agency() -> None:
    d = _received("H55-250701-0001", agency="UBND phường Phan Đình Phùng")
    assert d.regime is Regime.ND118_2025
    assert d.received_by == d.agency == "UBND phường Phan Đình Phùng"
    assert Submission("X", "UBND xã A", Channel.ONLINE).received_by is None


def test_the_receiving_place_is_kept_apart() -> None:
    d = _received("H55-250701-0002", agency="UBND xã B", received_by="Trung tâm PVHCC xã A")
    assert (d.agency, d.received_by) == ("UBND xã B", "Trung tâm PVHCC xã A")
    r = record_of(d)
    assert r is not None
    assert (r.agency, r.received_by) == ("UBND xã B", "Trung tâm PVHCC xã A")


def test_dossier_json_round_trips_the_receiving_place() -> None:
    d = _received("H55-250701-0003", agency="UBND xã B", received_by="Trung tâm PVHCC xã A")
    text = to_json(d)
    submission = json.loads(text)["events"][0]["submission"]
    assert submission["received_by"] == "Trung tâm PVHCC xã A"
    back = from_json(text)
    assert back == d
    assert back.received_by == "Trung tâm PVHCC xã A"


def test_dossier_json_without_the_field_still_reads() -> None:
    d = _received("H55-250701-0004", agency="UBND xã B")
    text = to_json(d)
    doc = json.loads(text)
    assert "received_by" not in doc["events"][0]["submission"]  # the old shape, unchanged
    old = json.dumps(doc)
    back = from_json(old)
    assert back == d
    assert back.received_by == "UBND xã B"


def test_sync_payload_maps_both_to_national_fields() -> None:
    elsewhere = _received("H55-250701-0005", agency="UBND xã B", received_by="000.00.21.H55")
    payload = to_sync_payload(elsewhere)
    assert payload["DonViXuLy"] == "UBND xã B"  # the processing (resolving) agency
    assert payload["MaDonViTiepNhan"] == "000.00.21.H55"
    back = from_sync_payload(payload, limit=TimeLimit.working_days(5))
    assert (back.agency, back.received_by) == ("UBND xã B", "000.00.21.H55")
    home = _received("H55-250701-0006", agency="UBND xã B")
    assert "MaDonViTiepNhan" not in to_sync_payload(home)  # payloads as before
    assert from_sync_payload(to_sync_payload(home)).received_by == "UBND xã B"


def test_record_defaults_and_checks() -> None:
    r = Record(
        "UBND xã A",
        datetime(2025, 7, 2, 9, tzinfo=VIETNAM_TZ),
        Channel.ONLINE,
        due_at=None,
        completed_at=None,
        outcome="pending",
    )
    assert r.received_by == "UBND xã A"
    with pytest.raises(TypeError):
        Record(
            "UBND xã A",
            datetime(2025, 7, 2, 9, tzinfo=VIETNAM_TZ),
            Channel.ONLINE,
            due_at=None,
            completed_at=None,
            outcome="pending",
            received_by=5,  # type: ignore[arg-type]
        )
    assert "received_by" in GROUP_KEYS


# Four dossiers of July 2025: two of xã B's were received at xã A's centre (one of them) and
# at xã B itself; xã A's own; one of xã C's received at xã A's centre.
ROWS = (
    ("UBND xã B", "Trung tâm PVHCC xã A", datetime(2025, 7, 2, 9, tzinfo=VIETNAM_TZ)),
    ("UBND xã B", None, datetime(2025, 7, 3, 9, tzinfo=VIETNAM_TZ)),
    ("UBND xã A", None, datetime(2025, 7, 3, 10, tzinfo=VIETNAM_TZ)),
    ("UBND xã C", "Trung tâm PVHCC xã A", datetime(2025, 7, 4, 9, tzinfo=VIETNAM_TZ)),
)
JULY = Period.parse("2025-07")


def _record(agency: str, by: str | None, at: datetime) -> Record:
    r = Record(
        agency,
        at,
        Channel.IN_PERSON,
        due_at=at + timedelta(days=7),
        completed_at=None,
        outcome="pending",
    )
    if by is None:
        return r  # received_by left out: the agency
    return attrs.evolve(r, received_by=by)


def _records() -> list[Record]:
    return [_record(agency, by, at) for agency, by, at in ROWS]


BY_AGENCY = {("UBND xã A",): 1, ("UBND xã B",): 2, ("UBND xã C",): 1}
BY_RECEIVING_PLACE = {("Trung tâm PVHCC xã A",): 2, ("UBND xã A",): 1, ("UBND xã B",): 1}


def test_biểu_06_counts_for_the_resolving_agency_by_default() -> None:
    reports = report06_by(_records(), JULY, by=("agency",))
    assert {k: r.received_total for k, r in reports.items()} == BY_AGENCY


def test_biểu_06_by_receiving_place() -> None:
    reports = report06_by(_records(), JULY, by=("received_by",))
    assert {k: r.received_total for k, r in reports.items()} == BY_RECEIVING_PLACE
    text = render_reports(reports, by=("received_by",))
    assert text.splitlines()[1].startswith("Nơi tiếp nhận")
    assert "Received at" in render_reports(reports, "en", by=("received_by",))


@pytest.mark.parametrize("engine", ["pandas", "polars"])
@pytest.mark.parametrize("with_column", [True, False])
def test_frames_group_by_either(engine: str, *, with_column: bool) -> None:
    pd = pytest.importorskip("pandas")
    from tthc import frame

    columns = {
        "agency": [a for a, _, _ in ROWS],
        "received_at": [at for _, _, at in ROWS],
        "channel": ["1"] * len(ROWS),
        "due_at": [at + timedelta(days=7) for _, _, at in ROWS],
    }
    if with_column:
        columns["received_by"] = [by for _, by, _ in ROWS]
    df = pd.DataFrame(columns)
    if engine == "polars":
        pl = pytest.importorskip("polars")
        df = pl.from_pandas(df)
    assert "received_by" in frame.COLUMNS
    by_agency = frame.report06_by(df, JULY, by=("agency",)).report
    assert {k: r.received_total for k, r in by_agency.items()} == BY_AGENCY
    by_place = frame.report06_by(df, JULY, by=("received_by",)).report
    expected = BY_RECEIVING_PLACE if with_column else BY_AGENCY  # absent: the agency
    assert {k: r.received_total for k, r in by_place.items()} == expected


def test_tthc_report_groups_by_either(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "ho-so.csv"
    lines = ["agency,received_by,channel,received_at,due_at,completed_at,outcome"]
    for agency, by, at in ROWS:
        due = at + timedelta(days=7)
        lines.append(f"{agency},{by or ''},1,{at:%Y-%m-%d %H:%M},{due:%Y-%m-%d %H:%M},,pending")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    for by, expected in (("agency", BY_AGENCY), ("received_by", BY_RECEIVING_PLACE)):
        assert main(["report", str(path), "--period", "2025-07", "--by", by]) == 0
        out = capsys.readouterr().out
        for (name,), count in expected.items():
            row = next(line for line in out.splitlines() if line.startswith(name))
            assert row[len(name) :].split()[0] == str(count)
    assert (
        main(["--lang", "en", "report", str(path), "--period", "2025-07", "--by", "received_by"])
        == 0
    )
    assert "Received at" in capsys.readouterr().out
