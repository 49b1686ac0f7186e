"""The ``tthc`` command end to end: due, calendar, calendar check, report, and broken files.

Expected values are counted by hand: due dates from the official 2025-2026 schedules
(legal-rules.md §7.3), Biểu 06 columns from the rows of ``tests/data/cli/national.csv``
(each row's expected column is noted in ``EXPECTED_Q1``).
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from tthc.cli import main

DATA = Path(__file__).parent / "data" / "cli"


def run(capsys: pytest.CaptureFixture[str], *argv: str, status: int = 0) -> tuple[str, str]:
    assert main(list(argv)) == status
    return capsys.readouterr()


def python(*argv: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-W", "error", "-m", "tthc", *argv],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        check=False,
        timeout=120,
        cwd=cwd,
    )


def one_error_line(err: str, *parts: str) -> None:
    """Exactly one line on stderr, no traceback, containing every part."""
    assert err.count("\n") == 1, err
    assert "Traceback" not in err
    for part in parts:
        assert part in err, (part, err)


# -- tthc due ------------------------------------------------------------------------------------


def test_due_over_the_30_4_holidays_of_2025(capsys: pytest.CaptureFixture[str]) -> None:
    # legal-rules.md §9 T3: received Thu 24/04/2025, 5 working days; Sat 26/04 worked,
    # 30/04-02/05 off -> Monday 05/05/2025, appointment at the close of office hours.
    out, err = run(capsys, "due", "--received", "2025-04-24 09:00", "--limit", "05 ngày làm việc")
    assert err == ""
    assert "Hạn giải quyết:   Thứ Hai 05/05/2025" in out
    assert "Hẹn trả kết quả:  Thứ Hai 05/05/2025 17:00" in out
    assert "91/2015/QH13 (Bộ luật Dân sự), Điều 147(2), 148(1)" in out
    crossed = [line.split()[2] for line in out.splitlines() if line.startswith("    Thứ")]
    assert crossed == ["26/04/2025", "30/04/2025", "01/05/2025", "02/05/2025"]
    assert "8726/VPCP-KGVX" in out  # the 2025 swap letter


def test_due_reads_vietnamese_receipt_text_and_speaks_english(
    capsys: pytest.CaptureFixture[str],
) -> None:
    out, _ = run(
        capsys,
        "due",
        "--received",
        "09 giờ 00 phút, ngày 24/04/2025",
        "--limit",
        "05 ngày làm việc",
        "--lang",
        "en",
    )
    assert "Due date:     Monday 05/05/2025" in out
    assert "Appointment:  Monday 05/05/2025 17:00" in out
    assert "Rules applied:" in out


def test_due_working_time_policy_json(capsys: pytest.CaptureFixture[str]) -> None:
    # deadlines.py module example: 24/01/2025 15:30 + 3 working days over Tết Ất Tỵ.
    out, _ = run(
        capsys,
        "due",
        "--received",
        "24/01/2025 15:30",
        "--limit",
        "03 ngày làm việc",
        "--policy",
        "working-time",
        "--format",
        "json",
    )
    data = json.loads(out)
    assert data["due_date"] == "2025-02-05"
    assert data["appointment"] == "2025-02-05T15:30:00+07:00"
    assert data["policy"] == "working_time"
    assert data["rule"]["key"] == "working_time"
    assert data["rule"]["source"]["number"] == "91/2015/QH13"
    days = [d["date"] for d in data["days_crossed"]]
    assert days == ["2025-01-27", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31"]


def test_due_same_day_after_the_cut_off(capsys: pytest.CaptureFixture[str]) -> None:
    # Chứng thực, Nghị định 23/2015 Điều 7: received Fri 29/08/2025 15:30, 30/8-2/9 off -> Wed 03/09.
    limit = "Trong ngày; nhận yêu cầu chứng thực sau 15 giờ thì trả trong ngày làm việc tiếp theo"
    out, _ = run(capsys, "due", "--received", "29/08/2025 15:30", "--limit", limit, "--lang", "en")
    assert "Due date:     Wednesday 03/09/2025" in out
    assert "23/2015/NĐ-CP" in out
    # A plain "Trong ngày" has no cut-off in law: the policy's 15:00 (vendor practice).
    out, _ = run(
        capsys, "due", "--received", "29/08/2025 15:30", "--limit", "Trong ngày", "--lang", "en"
    )
    assert "Due date:     Wednesday 03/09/2025" in out
    assert "same_day_policy" in out
    assert "23/2015/NĐ-CP" not in out


def test_due_notes_an_unverified_year(capsys: pytest.CaptureFixture[str]) -> None:
    out, err = run(capsys, "due", "--received", "28/12/2026 09:00", "--limit", "10 ngày làm việc")
    assert err == ""
    assert "tạm tính" in out


@pytest.mark.parametrize(
    ("argv", "parts"),
    [
        (
            ["--received", "31/02/2025 09:00", "--limit", "5 ngày làm việc"],
            ["--received", "'31/02/2025 09:00'", "a day that exists in 02/2025"],
        ),
        (
            ["--received", "24/04/2025", "--limit", "5 ngày làm việc"],
            ["--received", "a time of day as well"],
        ),
        (
            ["--received", "04/24/2025 09:00", "--limit", "5 ngày làm việc"],
            ["--received", "day first"],
        ),
        (
            ["--received", "24/04/2025 09:00", "--limit", "theo quy định"],
            ["--limit", "'theo quy định'"],
        ),
        (
            ["--received", "24/04/2025 09:00", "--limit", "Không quy định"],
            ["--limit", "không quy định thời hạn"],
        ),
        (
            ["--received", "24/04/2025 09:00", "--limit", "99999999999999999999 tháng"],
            ["--limit", "vượt quá khoảng ngày hỗ trợ"],
        ),
    ],
    ids=["impossible-date", "no-time", "month-first", "unreadable-limit", "no-limit", "huge"],
)
def test_due_bad_input_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], argv: list[str], parts: list[str]
) -> None:
    out, err = run(capsys, "due", *argv, status=2)
    assert out == ""
    one_error_line(err, "tthc due: lỗi: ", *parts)


def test_debug_shows_the_traceback() -> None:
    done = python("due", "--received", "31/02/2025 09:00", "--limit", "5 ngày", "--debug")
    assert done.returncode == 1
    assert "Traceback" in done.stderr
    assert "InstantParseError" in done.stderr


def test_due_end_to_end() -> None:
    done = python("due", "--received", "2025-04-24 09:00", "--limit", "05 ngày làm việc")
    assert (done.returncode, done.stderr) == (0, "")
    assert "Thứ Hai 05/05/2025" in done.stdout


# -- tthc calendar -------------------------------------------------------------------------------


def test_calendar_table_2026(capsys: pytest.CaptureFixture[str]) -> None:
    out, _ = run(capsys, "calendar", "2026")
    assert "02/01/2026  Thứ Sáu  nghỉ hoán đổi" in out
    assert "14 ngày thường được nghỉ, 2 ngày làm bù." in out  # §7.3 + 24/11 (NQ 28/2026/QH16)


def test_calendar_json_2026(capsys: pytest.CaptureFixture[str]) -> None:
    out, _ = run(capsys, "calendar", "2026", "--format", "json", "--lang", "en")
    data = json.loads(out)
    assert (data["year"], data["verified"], data["days_off"], data["make_up_days"]) == (
        2026,
        True,
        14,
        2,
    )
    by_day = {d["date"]: d for d in data["days"]}
    assert by_day["2026-01-10"]["kind"] == "make_up"
    assert by_day["2026-01-10"]["working"] is True
    assert by_day["2026-01-02"]["source"]["number"] == "12729/VPCP-KGVX"
    assert by_day["2026-11-24"]["source"]["number"] == "28/2026/QH16"
    assert by_day["2026-11-24"]["working"] is False
    assert by_day["2026-11-23"]["status"] == "pending_legal_basis"  # proposed swap only
    assert by_day["2026-11-24"]["schedule_file"] is None


def test_calendar_without_make_up_days(capsys: pytest.CaptureFixture[str]) -> None:
    out, _ = run(capsys, "calendar", "2026", "--format", "json", "--no-make-up-days")
    assert json.loads(out)["make_up_days"] == 0


def test_calendar_provisional_year_is_noted(capsys: pytest.CaptureFixture[str]) -> None:
    out, err = run(capsys, "calendar", "2027", "--lang", "en")
    assert err == ""
    assert "01/01/2027" in out
    assert "Note: 2027 has no official schedule yet" in out


def _ics_lines(data: bytes) -> list[str]:
    assert data.endswith(b"\r\n")
    raw = data.split(b"\r\n")[:-1]
    assert all(b"\n" not in line and b"\r" not in line for line in raw)
    assert all(len(line) <= 75 for line in raw)  # octets, RFC 5545 §3.1
    unfolded: list[bytes] = []
    for line in raw:
        if line.startswith(b" "):
            unfolded[-1] += line[1:]
        else:
            unfolded.append(line)
    return [line.decode("utf-8") for line in unfolded]  # folding never splits a character


def test_calendar_ics_is_valid_rfc_5545() -> None:
    done = subprocess.run(
        [sys.executable, "-W", "error", "-m", "tthc", "calendar", "2026", "--format", "ics"],
        capture_output=True,
        check=False,
        timeout=120,
    )
    assert (done.returncode, done.stderr) == (0, b"")
    lines = _ics_lines(done.stdout)
    assert lines[0] == "BEGIN:VCALENDAR"
    assert lines[-1] == "END:VCALENDAR"
    assert "VERSION:2.0" in lines
    assert any(line.startswith("PRODID:") for line in lines)
    events: list[dict[str, str]] = []
    for line in lines:
        if line == "BEGIN:VEVENT":
            events.append({})
        elif events and line != "END:VEVENT" and ":" in line:
            name, _, value = line.partition(":")
            events[-1][name] = value
    assert lines.count("BEGIN:VEVENT") == lines.count("END:VEVENT") == len(events) == 16
    uids = [e["UID"] for e in events]
    assert len(set(uids)) == len(uids)
    for e in events:
        assert {"UID", "DTSTAMP", "DTSTART;VALUE=DATE", "DTEND;VALUE=DATE", "SUMMARY"} <= set(e)
        assert len(e["DTSTART;VALUE=DATE"]) == 8
    jan2 = next(e for e in events if e["DTSTART;VALUE=DATE"] == "20260102")
    assert jan2["DTEND;VALUE=DATE"] == "20260103"
    assert jan2["SUMMARY"] == "Nghỉ hoán đổi dịp Tết Dương lịch (nghỉ hoán đổi)"
    assert "12729/VPCP-KGVX" in jan2["DESCRIPTION"]
    assert "\\," in jan2["DESCRIPTION"]  # commas escaped


def test_calendar_ics_does_not_depend_on_the_clock(capsys: pytest.CaptureFixture[str]) -> None:
    first, _ = run(capsys, "calendar", "2025", "--format", "ics")
    second, _ = run(capsys, "calendar", "2025", "--format", "ics")
    assert first == second
    stamps = {line for line in first.splitlines() if line.startswith("DTSTAMP:")}
    assert len(stamps) == 1  # one stamp, from the data


CHECKS = [
    ("2026-05-02", "không phải ngày làm việc", "ngày nghỉ hằng tuần", "188/1999/QĐ-TTg"),
    ("02/01/2026", "không phải ngày làm việc", "nghỉ hoán đổi", "12729/VPCP-KGVX"),
    ("10/01/2026", "ngày làm việc", "làm bù", "12729/VPCP-KGVX"),
    ("27/04/2026", "không phải ngày làm việc", "nghỉ bù", "45/2019/QH14"),
    ("24/11/2026", "không phải ngày làm việc", "Ngày Văn hóa Việt Nam", "28/2026/QH16"),
    ("23/11/2026", "ngày làm việc", "mới là đề xuất", "Đề xuất hoán đổi"),
    ("ngày 05/05/2026", "ngày làm việc", "ngày làm việc bình thường", ""),
]


@pytest.mark.parametrize(("day", "verdict", "why", "source"), CHECKS)
def test_calendar_check(
    capsys: pytest.CaptureFixture[str], day: str, verdict: str, why: str, source: str
) -> None:
    out, _ = run(capsys, "calendar", "check", day)
    first, reason, *rest = out.splitlines()
    assert first.endswith(f": {verdict}")
    assert why in reason
    assert source in "\n".join(rest)


def test_calendar_check_end_to_end_json() -> None:
    done = python("calendar", "check", "2026-05-02", "--format", "json")
    assert (done.returncode, done.stderr) == (0, "")
    data = json.loads(done.stdout)
    assert (data["date"], data["working"]) == ("2026-05-02", False)
    assert data["source"]["number"] == "188/1999/QĐ-TTg"


@pytest.mark.parametrize(
    ("argv", "parts"),
    [
        (["calendar", "26"], ["calendar", "'26'"]),
        (["calendar", "2026", "2027"], ["2027"]),
        (["calendar", "1990"], ["1990", "1995-2100"]),
        (["calendar", "check", "31/02/2026"], ["check", "'31/02/2026'"]),
        (["calendar", "check"], ["check"]),
    ],
)
def test_calendar_bad_input(
    capsys: pytest.CaptureFixture[str], argv: list[str], parts: list[str]
) -> None:
    out, err = run(capsys, *argv, status=2)
    assert out == ""
    one_error_line(err, *parts)


# -- tthc report ---------------------------------------------------------------------------------

# national.csv, Q1 2025, by agency (DAY granularity, pending judged on 31/03/2025):
# A1 online early, A2 in person on time (same day), A3 in person late, A4 online pending
# within (due 03/04), A5 postal pending overdue (due 28/03), A6 carried over from 20/12/2024
# and on time, A7 status 3 (never received: skipped); B1 online early, B2 in person without a
# time limit (on time), B3 in person withdrawn, B4 received 01/04 (outside the period).
EXPECTED_Q1 = {
    "Sở Tư pháp": {
        "received_total": 3,
        "received_online": 1,
        "received_in_person": 2,
        "carried_over": 0,
        "resolved_total": 2,
        "resolved_early": 1,
        "resolved_on_time": 1,
        "resolved_late": 0,
        "pending_total": 0,
        "pending_within": 0,
        "pending_overdue": 0,
        "withdrawn": 1,
        "returned": 0,
        "on_time_rate": "100.00",
    },
    "UBND xã Tân Lập": {
        "received_total": 6,
        "received_online": 2,
        "received_in_person": 3,
        "carried_over": 1,
        "resolved_total": 4,
        "resolved_early": 1,
        "resolved_on_time": 2,
        "resolved_late": 1,
        "pending_total": 2,
        "pending_within": 1,
        "pending_overdue": 1,
        "withdrawn": 0,
        "returned": 0,
        "on_time_rate": "75.00",
    },
}


def test_report_national_profile_json(capsys: pytest.CaptureFixture[str]) -> None:
    out, err = run(
        capsys,
        "report",
        str(DATA / "national.csv"),
        "--period",
        "2025-Q1",
        "--by",
        "agency",
        "--format",
        "json",
    )
    assert err == ""
    data = json.loads(out)
    assert (data["rows"], data["records"], data["rejected_rows"]) == (11, 10, 0)
    assert data["skipped_not_received"] == 1
    got = {g.pop("agency"): g for g in data["groups"]}
    assert got == EXPECTED_Q1


def test_report_timestamp_granularity(capsys: pytest.CaptureFixture[str]) -> None:
    # A2 (16:00 vs 17:00) and A6 (15:00 vs 17:00) become early when instants are compared.
    out, _ = run(
        capsys,
        "report",
        str(DATA / "national.csv"),
        "--period",
        "2025-Q1",
        "--by",
        "agency",
        "--format",
        "json",
        "--granularity",
        "timestamp",
    )
    a = next(g for g in json.loads(out)["groups"] if g["agency"] == "UBND xã Tân Lập")
    assert (a["resolved_early"], a["resolved_on_time"], a["resolved_late"]) == (3, 0, 1)


def test_report_as_of_judges_pending_dossiers_earlier(capsys: pytest.CaptureFixture[str]) -> None:
    # On 27/03/2025, A5 (due 28/03) was still within its time limit.
    out, _ = run(
        capsys, "report", str(DATA / "national.csv"), "--period", "2025-Q1", "--by", "agency",
        "--format", "json", "--as-of", "27/03/2025",
    )  # fmt: skip
    a = next(g for g in json.loads(out)["groups"] if g["agency"] == "UBND xã Tân Lập")
    assert (a["pending_within"], a["pending_overdue"]) == (2, 0)


def test_report_end_to_end_table_csv_and_plot(tmp_path: Path) -> None:
    plot = tmp_path / "on-time.png"
    done = python("report", "national.csv", "--period", "2025-Q1", "--plot", str(plot), cwd=DATA)
    assert (done.returncode, done.stderr) == (0, "")
    assert "Kỳ báo cáo: quý I/2025" in done.stdout
    assert "UBND xã Tân Lập" in done.stdout
    assert "75,00%" not in done.stdout  # by month: Q1 as a whole is not a row
    assert "11 dòng: 10 hồ sơ, 0 dòng bị loại, 1 hồ sơ chưa tiếp nhận (bỏ qua)." in done.stdout
    assert plot.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    done = python(
        "report", "national.csv", "--period", "2025-Q1", "--by", "agency", "--format", "csv",
        cwd=DATA,
    )  # fmt: skip
    assert done.returncode == 0
    rows = list(csv.DictReader(done.stdout.splitlines()))
    assert [(r["agency"], r["received_total"], r["on_time_rate"]) for r in rows] == [
        ("Sở Tư pháp", "3", "100.00"),
        ("UBND xã Tân Lập", "6", "75.00"),
    ]


def test_report_table_rate_in_vietnamese_format(capsys: pytest.CaptureFixture[str]) -> None:
    out, _ = run(
        capsys, "report", str(DATA / "national.csv"), "--period", "2025-Q1", "--by", "agency"
    )
    (line,) = [x for x in out.splitlines() if x.startswith("UBND xã Tân Lập") and "%" in x]
    assert line.split()[4:] == ["75,00%", "3", "4"]


def test_report_xlsx(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from openpyxl import load_workbook

    target = tmp_path / "bieu06.xlsx"
    run(
        capsys,
        "report",
        str(DATA / "national.csv"),
        "--period",
        "2025-Q1",
        "--by",
        "agency",
        "--format",
        "xlsx",
        "--output",
        str(target),
    )
    ws = load_workbook(target).active
    assert ws is not None
    rows = list(ws.iter_rows(values_only=True))
    assert rows[2][:3] == ("Sở Tư pháp", 3, 1)
    assert rows[3][:2] == ("UBND xã Tân Lập", 6)


def test_report_xlsx_needs_an_output_file(capsys: pytest.CaptureFixture[str]) -> None:
    _, err = run(
        capsys, "report", str(DATA / "national.csv"), "--period", "2025", "--format", "xlsx",
        status=2,
    )  # fmt: skip
    one_error_line(err, "--output")


def test_report_sync_payload_json(capsys: pytest.CaptureFixture[str]) -> None:
    out, _ = run(
        capsys, "report", str(DATA / "national.json"), "--period", "2025-01", "--by", "agency",
        "--format", "json",
    )  # fmt: skip
    (group,) = json.loads(out)["groups"]
    assert (group["received_total"], group["resolved_early"], group["pending_within"]) == (
        2,
        1,
        1,
    )


def test_report_parquet_with_datetime_columns(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import pandas as pd

    frame = pd.DataFrame(
        {
            "agency": ["UBND xã A", "UBND xã A"],
            "channel": ["2", "1"],
            "received_at": pd.to_datetime(["2025-03-03 09:00", "2025-03-04 09:00"]),
            "due_at": pd.to_datetime(pd.Series(["2025-03-10 17:00", None])),
            "completed_at": pd.to_datetime(pd.Series(["2025-03-11 08:00", None])),
            "outcome": ["resolved", "pending"],
        }
    )
    path = tmp_path / "dossiers.parquet"
    frame.to_parquet(path)
    out, _ = run(capsys, "report", str(path), "--period", "2025-03", "--format", "json")
    (group,) = json.loads(out)["groups"]
    assert (group["resolved_late"], group["pending_within"]) == (1, 1)  # no due: within


def test_report_map_renames_columns(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "other.csv"
    path.write_text(
        "So;DonVi;Kenh;NgayNhan;HanTra;NgayXong;TinhTrang\n"
        "1;UBND xã A;trực tuyến;03/03/2025 09:00;10/03/2025;07/03/2025 10:00;đã giải quyết\n",
        encoding="utf-8-sig",  # Excel's "CSV UTF-8" starts with a byte-order mark
    )
    mapping = (
        "code=So,agency=DonVi,channel=Kenh,received=NgayNhan,due=HanTra,"
        "completed=NgayXong,status=TinhTrang"
    )
    out, _ = run(
        capsys, "report", str(path), "--period", "2025-03", "--map", mapping, "--format", "json"
    )
    (group,) = json.loads(out)["groups"]
    assert (group["received_online"], group["resolved_early"]) == (1, 1)


def test_report_map_on_a_national_export_keeps_the_other_national_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The command of docs/guide/command-line.md: three columns renamed, the rest national.
    path = tmp_path / "export.csv"
    path.write_text(
        "MaHoSo,DonVi,KenhThucHien,NgayNhan,HanTra,NgayKetThucXuLy,TrangThaiHoSo\n"
        "H1,UBND xã A,2,20250303090000,20250310170000,20250307100000,10\n",
        encoding="utf-8",
    )
    out, err = run(
        capsys, "report", str(path), "--period", "2025-Q1", "--format", "json",
        "--map", "received=NgayNhan,due=HanTra,agency=DonVi",
    )  # fmt: skip
    assert err == ""
    (group,) = json.loads(out)["groups"]
    assert (group["agency"], group["received_online"], group["resolved_early"]) == (
        "UBND xã A",
        1,
        1,
    )


def test_report_nfd_text_groups_with_nfc(capsys: pytest.CaptureFixture[str]) -> None:
    # nfd.csv: one agency written NFC in row 2 and NFD in rows 3-5; Vietnamese channel and
    # outcome words, NFD too. N1 early, N2 late, N3 pending overdue, N4 on time.
    out, _ = run(
        capsys, "report", str(DATA / "nfd.csv"), "--period", "2025-03", "--by", "agency",
        "--format", "json",
    )  # fmt: skip
    (group,) = json.loads(out)["groups"]
    assert group["agency"] == "Sở Tư pháp"  # NFC
    assert (group["received_online"], group["received_in_person"]) == (2, 2)
    assert (group["resolved_early"], group["resolved_on_time"], group["resolved_late"]) == (
        1,
        1,
        1,
    )
    assert group["pending_overdue"] == 1
    assert group["on_time_rate"] == "66.67"


def test_report_excel_dates_need_the_option(capsys: pytest.CaptureFixture[str]) -> None:
    path = str(DATA / "excel_dates.csv")
    out, err = run(capsys, "report", path, "--period", "2025-03", status=2)
    assert out == ""
    one_error_line(err, "2 dòng bị loại", "dòng 2, cột received_at", "--excel-dates")
    out, err = run(
        capsys, "report", path, "--period", "2025-03", "--excel-dates", "--format", "json"
    )
    # E1: 03/03 09:00 -> done 07/03 10:00, due 10/03 (early); E2: done 11/03 09:00 (late)
    (group,) = json.loads(out)["groups"]
    assert (group["resolved_early"], group["resolved_late"]) == (1, 1)


def test_report_wrong_encoding_is_named_and_can_be_given() -> None:
    done = python("report", "cp1258.csv", "--period", "2025-03", cwd=DATA)
    assert (done.returncode, done.stdout) == (2, "")
    one_error_line(done.stderr, "cp1258.csv", "UTF-8", "0xF5", "dòng 2", "--encoding cp1258")
    done = python(
        "report", "cp1258.csv", "--period", "2025-03", "--encoding", "cp1258", "--by", "agency",
        "--format", "json", cwd=DATA,
    )  # fmt: skip
    assert (done.returncode, done.stderr) == (0, "")
    agencies = [g["agency"] for g in json.loads(done.stdout)["groups"]]
    assert agencies == ["Sở Tư pháp", "UBND phường Điện Biên"]  # NFC after decoding


def test_report_double_encoded_text_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    _, err = run(capsys, "report", str(DATA / "mojibake.csv"), "--period", "2025-03", status=2)
    one_error_line(err, "mojibake.csv", "UTF-8")


def test_report_missing_columns_are_named_together(capsys: pytest.CaptureFixture[str]) -> None:
    out, err = run(
        capsys, "report", str(DATA / "missing_columns.csv"), "--period", "2025-Q1", "--lang", "en",
        status=2,
    )  # fmt: skip
    assert out == ""
    one_error_line(err, "missing column(s) KenhThucHien, NgayHenTra", "profile national", "--map")


def test_report_bad_rows_are_reported_and_nothing_is_lost(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    errors = tmp_path / "errors.csv"
    out, err = run(
        capsys, "report", str(DATA / "bad_dates.csv"), "--period", "2025-03", "--format", "json",
        "--errors", str(errors),
    )  # fmt: skip
    one_error_line(err, "5 dòng bị loại", "dòng 3, cột received_at", str(errors))
    data = json.loads(out)
    assert (data["rows"], data["records"], data["rejected_rows"]) == (7, 2, 5)
    assert data["records"] + data["rejected_rows"] + data["skipped_not_received"] == data["rows"]
    with errors.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [(r["row"], r["column"], r["value"]) for r in rows] == [
        ("3", "received_at", "31/02/2025 09:00"),
        ("4", "due_at", "03/14/2025"),
        ("5", "completed_at", "12/03/25 10:00"),
        ("7", "outcome", "done"),
        ("8", "completed_at", "07/03/2025 10:00"),
    ]
    assert "day that exists in 02/2025" in rows[0]["reason"]
    assert "four-digit year" in rows[2]["reason"]
    assert "before received_at" in rows[4]["reason"]


def test_report_counts_every_rejected_row_beyond_the_kept_errors(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import tthc.cli.report

    monkeypatch.setattr(tthc.cli.report, "_MAX_ERRORS_KEPT", 2)
    out, err = run(
        capsys, "report", str(DATA / "bad_dates.csv"), "--period", "2025-03", "--format", "json",
    )  # fmt: skip
    one_error_line(err, "5 dòng bị loại")
    assert json.loads(out)["rejected_rows"] == 5


def test_report_strict_exits_2_and_still_writes_the_errors(tmp_path: Path) -> None:
    errors = tmp_path / "errors.csv"
    done = python(
        "report", "bad_dates.csv", "--period", "2025-03", "--strict", "--errors", str(errors),
        cwd=DATA,
    )  # fmt: skip
    assert (done.returncode, done.stdout) == (2, "")
    one_error_line(done.stderr, "5 dòng bị loại")
    assert len(errors.read_text(encoding="utf-8-sig").splitlines()) == 6


_HEADER = "agency,channel,received_at,due_at,completed_at,outcome\n"


@pytest.mark.parametrize(
    ("name", "content", "parts"),
    [
        ("deep.json", "[" * 100_000 + "]" * 100_000, ["deep.json", "nested too deeply"]),
        (
            "huge_cell.csv",
            _HEADER + '"' + "x" * 200_000 + '",1,03/03/2025,,,pending\n',
            ["huge_cell.csv", "1 row(s) rejected", "row 2", "field limit"],
        ),
    ],
)
def test_report_unbounded_input_is_bad_input_not_a_crash(
    tmp_path: Path, name: str, content: str, parts: list[str]
) -> None:
    (tmp_path / name).write_text(content, encoding="utf-8")
    done = python("report", name, "--period", "2025-Q1", "--lang", "en", cwd=tmp_path)
    assert (done.returncode, done.stdout) == (2, "")
    one_error_line(done.stderr, "tthc report: error: ", *parts)


def test_report_row_with_the_wrong_number_of_cells_is_rejected(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # Row 2: an unquoted comma in the agency shifts every column; row 3: a trailing empty
    # cell; row 4: a cut line (5 cells); row 5 is whole. Each wrong width is a rejected row.
    path = tmp_path / "shifted.csv"
    path.write_text(
        _HEADER
        + "UBND xã A, huyện B,1,03/03/2025 09:00,10/03/2025,07/03/2025 10:00,resolved\n"
        + "UBND xã A,1,03/03/2025 09:00,10/03/2025,07/03/2025 10:00,resolved,\n"
        + "UBND xã A,1,03/03/2025 09:00,10/03/2025,07/03/2025 10:00\n"
        + "UBND xã A,1,03/03/2025 09:00,10/03/2025,07/03/2025 10:00,resolved\n",
        encoding="utf-8",
    )
    errors = tmp_path / "errors.csv"
    out, err = run(
        capsys, "report", str(path), "--period", "2025-03", "--format", "json", "--lang", "en",
        "--errors", str(errors),
    )  # fmt: skip
    one_error_line(err, "3 row(s) rejected", "row 2, column 7", "7 cells, the header 6")
    data = json.loads(out)
    assert (data["rows"], data["records"], data["rejected_rows"]) == (4, 1, 3)
    rows = list(csv.reader(errors.read_text(encoding="utf-8-sig").splitlines()))
    assert [(r[0], r[1]) for r in rows[1:]] == [("2", "7"), ("3", "7"), ("4", "6")]
    assert rows[3][3] == "the row has 5 cells, the header 6"


@pytest.mark.parametrize(
    ("argv", "parts"),
    [
        (["nope.csv", "--period", "2025-Q1"], ["nope.csv"]),
        (["national.csv", "--period", "2025-Q5"], ["--period", "'2025-Q5'"]),
        (["national.csv", "--period", "2025", "--by", "agency,colour"], ["--by"]),
        (["national.csv", "--period", "2025", "--map", "colour=X"], ["--map", "'colour=X'"]),
        (["national.csv", "--period", "2025", "--as-of", "31/02/2025"], ["--as-of"]),
        (["national.csv", "--period", "2025", "--channel", "fax"], ["--channel"]),
        (["national.csv", "--period", "2025", "--format", "pdf"], ["--format", "'pdf'"]),
    ],
)
def test_report_bad_arguments(
    capsys: pytest.CaptureFixture[str], argv: list[str], parts: list[str]
) -> None:
    out, err = run(capsys, "report", str(DATA / argv[0]), *argv[1:], status=2)
    assert out == ""
    one_error_line(err, "tthc report: lỗi: ", *parts)


def test_progress_bar_only_on_a_terminal(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import tthc.cli.report as report

    monkeypatch.setattr(report, "_PROGRESS_FROM", 1)
    run(capsys, "report", str(DATA / "national.csv"), "--period", "2025-Q1")
    assert capsys.readouterr().err == ""  # captured stderr is not a terminal
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    out, err = run(
        capsys, "report", str(DATA / "national.csv"), "--period", "2025-Q1", "--engine", "python"
    )
    assert "row" in err  # tqdm's bar
    assert "UBND xã Tân Lập" in out
    by_columns, err = run(capsys, "report", str(DATA / "national.csv"), "--period", "2025-Q1")
    assert "Đọc các cột" in err  # the columnar reader's bar
    assert by_columns == out


# -- help ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["due", "calendar", "report", "demo"])
def test_help_in_both_languages(capsys: pytest.CaptureFixture[str], command: str) -> None:
    vi, _ = run(capsys, command, "--help")
    en, _ = run(capsys, command, "--help", "--lang", "en")
    assert vi.startswith(f"Cách dùng: tthc {command}")
    assert en.startswith(f"usage: tthc {command}")
    assert "in hướng dẫn này rồi thoát" in vi
    assert "show this help message and exit" in en


def test_main_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    out, _ = run(capsys, "--help")
    for command in ("due", "calendar", "report", "demo"):
        assert command in out
    assert "các lệnh" in out


# -- every broken file, end to end in a subprocess (issue 8 §4) ---------------------------------


@pytest.mark.parametrize(
    ("name", "extra", "status", "parts"),
    [
        ("cp1258.csv", [], 2, ["cp1258.csv", "UTF-8", "--encoding cp1258"]),
        ("mojibake.csv", [], 2, ["mojibake.csv", "UTF-8"]),
        ("missing_columns.csv", [], 2, ["missing_columns.csv"]),
        ("bad_dates.csv", [], 0, ["5 dòng bị loại"]),
        ("bad_dates.csv", ["--strict"], 2, ["5 dòng bị loại"]),
        ("excel_dates.csv", [], 2, ["2 dòng bị loại", "--excel-dates"]),  # every row refused
        ("excel_dates.csv", ["--excel-dates"], 0, []),
    ],
)
def test_broken_files_end_to_end(
    name: str, extra: list[str], status: int, parts: list[str]
) -> None:
    done = python("report", name, "--period", "2025-03", *extra, cwd=DATA)
    assert done.returncode == status, done.stderr
    if parts:
        one_error_line(done.stderr, *parts)
    else:
        assert done.stderr == ""
    if status == 2:
        assert done.stdout == ""


def test_nfd_file_end_to_end_groups_with_nfc() -> None:
    done = python("report", "nfd.csv", "--period", "2025-03", "--by", "agency", "--format",
                  "json", cwd=DATA)  # fmt: skip
    assert (done.returncode, done.stderr) == (0, "")
    groups = json.loads(done.stdout)["groups"]
    assert len(groups) == 1
    assert unicodedata.is_normalized("NFC", groups[0]["agency"])


def test_national_status_8_is_a_setting(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Code 8 (Dừng xử lý) is unconfirmed: pending by default, returned on request."""
    header = "MaHoSo,DonViXuLy,KenhThucHien,NgayTiepNhan,NgayHenTra,NgayKetThucXuLy,NgayTra,TrangThaiHoSo\n"
    stopped = tmp_path / "stopped.csv"  # no end date: a temporary stop
    stopped.write_text(
        header + "H1,UBND xã A,1,03/03/2025 09:00,10/03/2025,,,8\n", encoding="utf-8"
    )
    handed_back = tmp_path / "handed_back.csv"  # handed back on 05/03
    handed_back.write_text(
        header + "H1,UBND xã A,1,03/03/2025 09:00,10/03/2025,,05/03/2025 10:00,8\n",
        encoding="utf-8",
    )
    out, _ = run(capsys, "report", str(stopped), "--period", "2025-03", "--format", "json")
    (group,) = json.loads(out)["groups"]
    assert (group["pending_total"], group["returned"]) == (1, 0)
    out, _ = run(
        capsys, "report", str(handed_back), "--period", "2025-03", "--format", "json",
        "--status-8", "returned",
    )  # fmt: skip
    (group,) = json.loads(out)["groups"]
    assert (group["pending_total"], group["returned"]) == (0, 1)


# -- hostile input: safe output ----------------------------------------------------------------

_INJECTION = "=cmd|' /C calc'!A0"


def _one_dossier(tmp_path: Path, agency: str, name: str = "one.csv") -> Path:
    path = tmp_path / name
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["agency", "channel", "received_at", "due_at", "completed_at", "outcome"])
        w.writerow([agency, "1", "03/03/2025 09:00", "10/03/2025", "07/03/2025 10:00", "resolved"])
    return path


@pytest.mark.parametrize(
    ("text", "written"),
    [
        (_INJECTION, "'" + _INJECTION),
        ("+1", "'+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\r\nx", "'\r\nx"),
        ("\rx", "\\u000dx"),  # a lone CR is a control: escaped, and then inert
        ("UBND xã A", "UBND xã A"),
        ("a=b", "a=b"),
        ("'=x", "'=x"),  # already quoted: left alone, so a read-back value is unchanged
    ],
)
def test_spreadsheet_text_follows_the_owasp_rule(text: str, written: str) -> None:
    from tthc._safe import spreadsheet_text

    assert spreadsheet_text(text) == written


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("A\x1b[31mB", "A\\u001b[31mB"),
        ("\x9b2J", "\\u009b2J"),  # C1 CSI
        ("x\u202eyz", "x\\u202eyz"),  # right-to-left override
        ("x\u2066y\u2069", "x\\u2066y\\u2069"),
        ("\x00\x7f", "\\u0000\\u007f"),
        ("a\ud800", "a\\ud800"),
        ("line\r\nnext\tcell", "line\r\nnext\tcell"),
        ("Sở Tư pháp", "Sở Tư pháp"),
    ],
)
def test_terminal_text_escapes_control_sequences(text: str, shown: str) -> None:
    from tthc._safe import terminal_text

    assert terminal_text(text) == shown


def test_xlsx_formula_agency_is_written_as_text(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = _one_dossier(tmp_path, _INJECTION)
    out = tmp_path / "b06.xlsx"
    assert (
        main(["report", str(path), "--period", "2025-03", "--format", "xlsx", "-o", str(out)]) == 0
    )
    ws = load_workbook(out).active
    assert ws is not None
    cell = ws["A3"]
    assert (cell.value, cell.data_type) == ("'" + _INJECTION, "s")
    assert all(c.data_type != "f" for row in ws.iter_rows() for c in row)


def test_xlsx_control_characters_are_escaped_not_a_crash(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = _one_dossier(tmp_path, "A\x01\x1b[31mB")
    out = tmp_path / "b06.xlsx"
    assert (
        main(["report", str(path), "--period", "2025-03", "--format", "xlsx", "-o", str(out)]) == 0
    )
    ws = load_workbook(out).active
    assert ws is not None
    assert ws["A3"].value == "A\\u0001\\u001b[31mB"


def test_csv_output_and_errors_file_neutralise_formulas(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = _one_dossier(tmp_path, _INJECTION)
    with path.open("a", encoding="utf-8", newline="") as f:
        csv.writer(f).writerow(["A", "1", '=HYPERLINK("http://x")', "", "", "pending"])
    errors = tmp_path / "errors.csv"
    out, err = run(
        capsys, "report", str(path), "--period", "2025-03", "--format", "csv",
        "--errors", str(errors), "--lang", "en",
    )  # fmt: skip
    one_error_line(err, "warning", "1 row(s) rejected", "row 3, column received_at")
    (row,) = list(csv.DictReader(out.splitlines()))
    assert row["agency"] == "'" + _INJECTION
    (bad,) = list(csv.DictReader(errors.read_text(encoding="utf-8-sig").splitlines()))
    assert (bad["row"], bad["column"]) == ("3", "received_at")
    assert bad["value"] == '\'=HYPERLINK("http://x")'


def test_neutralised_csv_reads_back_unchanged(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The quote is kept on reading: tthc undoes nothing silently (see _safe)."""
    path = _one_dossier(tmp_path, _INJECTION)
    out, _ = run(capsys, "report", str(path), "--period", "2025-03", "--by", "agency",
                 "--format", "csv")  # fmt: skip
    back = tmp_path / "back.csv"
    back.write_text(out, encoding="utf-8")
    (row,) = list(csv.DictReader(out.splitlines()))
    assert row["agency"] == "'" + _INJECTION
    again = _one_dossier(tmp_path, row["agency"], "again.csv")
    out2, _ = run(capsys, "report", str(again), "--period", "2025-03", "--by", "agency",
                  "--format", "csv")  # fmt: skip
    assert out2 == out  # a quoted value is not quoted twice


def test_ansi_in_agency_names_does_not_reach_the_terminal(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = _one_dossier(tmp_path, "UBND\x1b[2J\x1b]0;pwned\x07 xã\u202eA")
    for fmt in ("table", "json", "csv"):
        out, _ = run(capsys, "report", str(path), "--period", "2025-03", "--format", fmt)
        assert not {"\x1b", "\u202e", "\x07"} & set(out), fmt
        assert "UBND\\u001b[2J" in out, fmt
    data = json.loads(run(capsys, "report", str(path), "--period", "2025-03", "--format",
                          "json")[0])  # fmt: skip
    assert data["groups"][0]["agency"] == "UBND\x1b[2J\x1b]0;pwned\x07 xã\u202eA"  # JSON: lossless


def test_ansi_in_error_lines_and_arguments_is_escaped(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    _, err = run(capsys, "calendar", "check", "\x1b[31m2025", status=2)
    assert "\x1b" not in err
    assert "'\\x1b[31m2025'" in err
    path = tmp_path / "bad.csv"
    path.write_text(_HEADER + "A,1,\x1b[31mnot a date,,,pending\n", encoding="utf-8")
    _, err = run(capsys, "report", str(path), "--period", "2025-03", status=2)
    one_error_line(err, "\\x1b[31mnot a date")
    assert "\x1b" not in err


# -- hostile input: strict CSV reading ---------------------------------------------------------

_NATIONAL = (
    "MaHoSo,DonViXuLy,KenhThucHien,NgayTiepNhan,NgayHenTra,NgayKetThucXuLy,NgayTra,TrangThaiHoSo\n"
)


def _national_row(code: str, agency: str = "UBND xã A", outcome: str = "10") -> str:
    done = "07/03/2025 10:00" if outcome == "10" else ""
    return f"{code},{agency},1,03/03/2025 09:00,10/03/2025,{done},,{outcome}\n"


def test_stray_quotes_do_not_merge_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # 10 data lines: each odd one opens a quote in its code cell, the next closes it. A
    # lenient reader makes 5 well-formed records of them, each code holding a whole line.
    lines = []
    for k in range(1, 11, 2):
        lines.append(_national_row(f'"H{k}'))
        lines.append(_national_row(f'H{k + 1}"'))
    path = tmp_path / "stray.csv"
    path.write_text(_NATIONAL + "".join(lines) + _national_row("H11"), encoding="utf-8")
    errors = tmp_path / "errors.csv"
    out, err = run(capsys, "report", str(path), "--period", "2025-03", "--format", "json",
                   "--errors", str(errors), "--lang", "en")  # fmt: skip
    one_error_line(err, "10 row(s) rejected", "row 2", "stray quote")
    data = json.loads(out)
    assert (data["rows"], data["records"], data["rejected_rows"]) == (11, 1, 10)
    rows = list(csv.DictReader(errors.read_text(encoding="utf-8-sig").splitlines()))
    assert [r["row"] for r in rows] == [str(n) for n in range(2, 12)]


def test_unclosed_quote_rejects_its_line_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "open.csv"
    path.write_text(
        _NATIONAL + _national_row("H1") + _national_row('"H2') + _national_row("H3")
        + _national_row('"H""4"') + _national_row('"H"5'),
        encoding="utf-8",
    )  # fmt: skip
    out, err = run(capsys, "report", str(path), "--period", "2025-03", "--format", "json",
                   "--by", "code", "--lang", "en")  # fmt: skip
    one_error_line(err, "2 row(s) rejected", "row 3", "not closed on this line")
    data = json.loads(out)
    assert [g["code"] for g in data["groups"]] == ['H"4', "H1", "H3"]  # a doubled quote is fine
    assert (data["rows"], data["rejected_rows"]) == (5, 2)  # row 6: '"H"5' misplaced quote


@pytest.mark.parametrize(
    "header",
    [
        "agency,channel,received_at,due_at,completed_at,outcome,agency\n",
        "agency,channel,received_at,due_at,completed_at,outcome,AGENCY \n",
    ],
)
def test_duplicate_header_columns_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], header: str
) -> None:
    path = tmp_path / "dup.csv"
    path.write_text(header + "A,1,03/03/2025,,,pending,B\n", encoding="utf-8")
    _, err = run(capsys, "report", str(path), "--period", "2025-03", "--lang", "en", status=2)
    one_error_line(err, "dup.csv", "appears twice (columns 1 and 7)", "each column name once")


def test_duplicate_json_keys_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "dup.json"
    path.write_text(
        '[{"agency": "A", "agency": "B", "channel": "1", "received_at": "03/03/2025",'
        ' "due_at": "", "completed_at": "", "outcome": "pending"}]',
        encoding="utf-8",
    )
    _, err = run(capsys, "report", str(path), "--period", "2025-03", "--lang", "en", status=2)
    one_error_line(err, "dup.json", "the key 'agency' appears twice")


def _duplicated_codes(tmp_path: Path) -> Path:
    path = tmp_path / "dups.csv"
    path.write_text(
        _NATIONAL + _national_row("H1", "UBND xã A") + _national_row("H2")
        + _national_row("H1", "UBND xã B") + _national_row("H1", "UBND xã C", outcome="4"),
        encoding="utf-8",
    )  # fmt: skip
    return path


def test_duplicate_codes_are_refused_and_listed_by_default(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    errors = tmp_path / "errors.csv"
    out, err = run(capsys, "report", str(_duplicated_codes(tmp_path)), "--period", "2025-03",
                   "--errors", str(errors), "--lang", "en", status=2)  # fmt: skip
    assert out == ""
    one_error_line(err, "3 rows repeat another row's dossier code", "row 2, column MaHoSo",
                   "'H1'", "--duplicates first|last")  # fmt: skip
    rows = list(csv.DictReader(errors.read_text(encoding="utf-8-sig").splitlines()))
    assert [(r["row"], r["value"], r["reason"]) for r in rows] == [
        ("2", "H1", "the same dossier code as row 4, 5"),
        ("4", "H1", "the same dossier code as row 2, 5"),
        ("5", "H1", "the same dossier code as row 2, 4"),
    ]


@pytest.mark.parametrize(("policy", "agency"), [("first", "UBND xã A"), ("last", "UBND xã C")])
def test_duplicate_codes_keep_first_or_last_on_request(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], policy: str, agency: str
) -> None:
    out, err = run(capsys, "report", str(_duplicated_codes(tmp_path)), "--period", "2025-03",
                   "--by", "code,agency", "--format", "json", "--duplicates", policy,
                   "--lang", "en")  # fmt: skip
    one_error_line(err, "warning", "2 row(s) with a repeated dossier code dropped",
                   f"kept the {policy}")  # fmt: skip
    data = json.loads(out)
    assert [(g["code"], g["agency"]) for g in data["groups"]] == [
        ("H1", agency),
        ("H2", "UBND xã A"),
    ]
    assert (data["rows"], data["records"], data["duplicates_dropped"], data["rejected_rows"]) == (
        4, 2, 2, 0,
    )  # fmt: skip


# -- hostile input: no exit status 1 -------------------------------------------------------------


def _row_json(**cells: object) -> str:
    base: dict[str, object] = {"agency": "A", "channel": "1", "received_at": "03/03/2025",
                               "due_at": "", "completed_at": "", "outcome": "pending"}  # fmt: skip
    base.update(cells)
    return json.dumps([base])


@pytest.mark.parametrize(
    ("name", "content", "extra", "parts"),
    [
        ("odd.csv", b"\xff\xfea\x00b", [], ["UTF-16 file is broken at byte 4"]),
        (
            "big.json",
            _row_json(outcome=0).replace('"outcome": 0', '"outcome": ' + "9" * 5000).encode(),
            [],
            ["1 row(s) rejected", "outcome"],
        ),
        (
            "surrogate.json",
            _row_json(agency="A\ud800").encode(),
            [],
            ["lone surrogate", "A\\ud800"],
        ),
        (
            "p.csv",
            _HEADER.encode() + b"A,1,03/03/2025,,,pending\n",
            ["--encoding", "punycode"],
            ["not an encoding of text files"],
        ),
        (
            "p.csv",
            _HEADER.encode() + b"A,1,03/03/2025,,,pending\n",
            ["--encoding", "nope"],
            ["unknown encoding 'nope'"],
        ),
        ("hs.xlsx", b"PK\x03\x04...", [], ["Excel workbook", "CSV UTF-8"]),
        ("hs.csv", b"PK\x03\x04\x14\x00\x06\x00\x08\x00\xd9", [], ["Excel workbook"]),
        ("old.csv", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", [], ["Excel workbook"]),
        ("empty.csv", b"", [], ["empty file"]),
        ("blank.json", b"\xef\xbb\xbf \n", [], ["empty file"]),
        (
            "one.csv",
            _HEADER.encode() + b"A,1,03/03/2025,,,pending\n",
            ["--period", "1995-01-01..2100-12-31"],
            ["1272 months", "more than 1200"],
        ),
    ],
)
def test_report_hostile_files_exit_2_with_one_line(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    content: bytes,
    extra: list[str],
    parts: list[str],
) -> None:
    (tmp_path / name).write_bytes(content)
    period = [] if "--period" in extra else ["--period", "2025-03"]
    _, err = run(capsys, "report", str(tmp_path / name), *period, *extra, "--lang", "en",
                 status=2)  # fmt: skip
    one_error_line(err, "tthc report: error:", *parts)
    if "Excel workbook" in parts:
        assert "cp1258" not in err


def test_plot_draws_dollar_signs_and_long_periods(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _one_dossier(tmp_path, "$\\frac$ _x")
    for period in ("2025-03", "1995-01-01..2094-12-31"):  # a month, and 1200 months
        png = tmp_path / "chart.png"
        _, err = run(capsys, "report", str(path), "--period", period, "--by", "agency",
                     "--plot", str(png))  # fmt: skip
        assert err == ""
        assert png.read_bytes().startswith(b"\x89PNG")
        png.unlink()
    _, err = run(capsys, "report", str(path), "--period", "1995-01-01..2095-01-01", "--by",
                 "agency", "--plot", str(tmp_path / "c.png"), "--lang", "en", status=2)  # fmt: skip
    one_error_line(err, "--plot", "1201 months")


@pytest.mark.parametrize(("lang", "words"), [("vi", "Xin báo lỗi này"), ("en", "Please report")])
def test_exit_status_1_asks_for_a_bug_report(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], lang: str, words: str
) -> None:
    import tthc.cli.demo

    def broken(args: object) -> int:
        msg = "planted\nbug"
        raise RuntimeError(msg)

    monkeypatch.setattr(tthc.cli.demo, "run", broken)
    _, err = run(capsys, "demo", "--lang", lang, status=1)
    one_error_line(err, "tthc demo:", "RuntimeError: planted bug", words, "--debug")
    with pytest.raises(RuntimeError):
        main(["demo", "--debug"])


def test_a_line_break_in_an_argument_stays_on_one_error_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Found by the fuzz suite: argparse quotes the argument as given.
    _, err = run(capsys, "calendar", "check", "-\n", status=2)
    one_error_line(err, "-\\n")


def test_report_refuses_a_file_over_the_size_bound(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    import tthc.cli.report

    path = _one_dossier(tmp_path, "UBND xã A")
    monkeypatch.setattr(tthc.cli.report, "MAX_FILE_BYTES", 100)
    _, err = run(capsys, "report", str(path), "--period", "2025-03", "--lang", "en", status=2)
    one_error_line(err, "one.csv", "more than the 100 tthc report reads", "split it")
    assert tthc.cli.report.MAX_FILE_BYTES == 100
    monkeypatch.undo()
    assert tthc.cli.report.MAX_FILE_BYTES == 1 << 30
