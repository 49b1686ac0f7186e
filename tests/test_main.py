"""``tthc demo`` prints the official 2026 calendar and sample deadlines; ``python -m tthc`` works.

Expected values come from the legal schedule (legal-rules.md §7.3 for the rows, §1.6 and §9
for the deadlines), counted by hand, not from running the code.
"""

from __future__ import annotations

import os
import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path

import pytest

import tthc
import tthc.__main__
from tthc.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(list(argv)) == 0
    out, err = capsys.readouterr()
    assert err == ""
    return out


def row(out: str, day: str) -> str:
    """The calendar table row of *day* (dd/mm/yyyy)."""
    (line,) = [line for line in out.splitlines() if line.startswith(day)]
    return line


def block(out: str, received: str, heading: str = "Nhận hồ sơ") -> list[str]:
    """The lines about one receipt date, up to the next receipt date."""
    lines = out.splitlines()
    (start,) = [i for i, line in enumerate(lines) if line.startswith(heading) and received in line]
    end = next(
        (i for i in range(start + 1, len(lines)) if lines[i].startswith(heading)), len(lines)
    )
    return lines[start:end]


# legal-rules.md §7.3, 2026: (day, weekday, kind, source number, status)
CALENDAR_2026 = [
    ("01/01/2026", "Thứ Năm", "ngày lễ, tết", "45/2019/QH14", "đã xác minh"),
    ("02/01/2026", "Thứ Sáu", "nghỉ hoán đổi", "12729/VPCP-KGVX", "đã xác minh"),
    ("10/01/2026", "Thứ Bảy", "làm bù", "12729/VPCP-KGVX", "đã xác minh"),
    ("16/02/2026", "Thứ Hai", "ngày lễ, tết", "9441/TB-BNV", "văn bản chưa đối chiếu"),
    ("17/02/2026", "Thứ Ba", "ngày lễ, tết", "9441/TB-BNV", "văn bản chưa đối chiếu"),
    ("18/02/2026", "Thứ Tư", "ngày lễ, tết", "9441/TB-BNV", "văn bản chưa đối chiếu"),
    ("19/02/2026", "Thứ Năm", "ngày lễ, tết", "9441/TB-BNV", "văn bản chưa đối chiếu"),
    ("20/02/2026", "Thứ Sáu", "ngày lễ, tết", "9441/TB-BNV", "văn bản chưa đối chiếu"),
    ("27/04/2026", "Thứ Hai", "nghỉ bù", "45/2019/QH14", "đã xác minh"),
    ("30/04/2026", "Thứ Năm", "ngày lễ, tết", "45/2019/QH14", "đã xác minh"),
    ("01/05/2026", "Thứ Sáu", "ngày lễ, tết", "45/2019/QH14", "đã xác minh"),
    ("22/08/2026", "Thứ Bảy", "làm bù", "9441/TB-BNV", "văn bản chưa đối chiếu"),
    ("31/08/2026", "Thứ Hai", "nghỉ hoán đổi", "9441/TB-BNV", "văn bản chưa đối chiếu"),
    ("01/09/2026", "Thứ Ba", "ngày lễ, tết", "9441/TB-BNV", "văn bản chưa đối chiếu"),
    ("02/09/2026", "Thứ Tư", "ngày lễ, tết", "45/2019/QH14", "đã xác minh"),
    # the proposed 23/11 <-> 28/11 swap is listed as a proposal, not applied
    ("23/11/2026", "Thứ Hai", "(đề xuất)", "Đề xuất hoán đổi", "mới là đề xuất, không áp dụng"),
    ("24/11/2026", "Thứ Ba", "Ngày Văn hóa Việt Nam", "28/2026/QH16", "văn bản chưa đối chiếu"),
    ("28/11/2026", "Thứ Bảy", "(đề xuất)", "Đề xuất hoán đổi", "mới là đề xuất, không áp dụng"),
]


@pytest.mark.parametrize(("day", "weekday", "kind", "source", "status"), CALENDAR_2026)
def test_demo_lists_each_2026_day_with_weekday_kind_source_status(
    capsys: pytest.CaptureFixture[str], day: str, weekday: str, kind: str, source: str, status: str
) -> None:
    line = row(run(capsys, "demo", "--calendar"), day)
    for part in (weekday, kind, source, status):
        assert part in line


def test_demo_lists_exactly_the_2026_weekdays_off_and_make_up_days(
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = run(capsys, "demo", "--calendar")
    listed = [line[:10] for line in out.splitlines() if line[:10].endswith("/2026")]
    assert listed == [day for day, *_ in CALENDAR_2026]  # in date order, each once
    # §7.3 weekday total for 2026, plus 24/11 (NQ 28/2026/QH16): 13 -> 14
    assert "14 ngày thường được nghỉ, 2 ngày làm bù." in out


def test_demo_marks_documents_known_only_from_secondary_sources(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # legal-rules.md §7.3: 12729/VPCP-KGVX read [V]; 9441/TB-BNV reported, number unverified [S]
    out = run(capsys, "demo", "--calendar")
    assert "12729/VPCP-KGVX " in row(out, "02/01/2026")
    assert "9441/TB-BNV* " in row(out, "17/02/2026")
    assert "* văn bản biết qua nguồn thứ cấp (báo chí), chưa đối chiếu bản gốc" in out


def test_demo_shows_24_11_as_a_day_off(capsys: pytest.CaptureFixture[str]) -> None:
    line = row(run(capsys, "demo", "--calendar"), "24/11/2026")
    assert "ngày lễ, tết" in line
    assert "28/2026/QH16*" in line


# (receipt, n, n-th working day, n-th working day with make-up Saturdays ignored or None
# when the same). §1.6 #4/4b and §9 T3 (24/04/2025), §9 T8 (13/02/2026), §9 T10 swap of
# 2026; the others counted on the §7.3 schedule.
DEADLINES = [
    ("24/01/2025", 5, "Thứ Sáu 07/02/2025", None),  # Tết Ất Tỵ 27-31/01 off
    ("24/01/2025", 10, "Thứ Sáu 14/02/2025", None),
    ("24/04/2025", 5, "Thứ Hai 05/05/2025", "Thứ Ba 06/05/2025"),  # Sat 26/04 worked
    ("24/04/2025", 10, "Thứ Hai 12/05/2025", "Thứ Ba 13/05/2025"),
    ("26/04/2024", 5, "Thứ Ba 07/05/2024", "Thứ Tư 08/05/2024"),  # 29/04 off, Sat 04/05 worked
    ("26/04/2024", 10, "Thứ Ba 14/05/2024", "Thứ Tư 15/05/2024"),
    ("31/12/2025", 5, "Thứ Sáu 09/01/2026", None),  # 01-02/01 off, Sat 10/01 worked
    ("31/12/2025", 10, "Thứ Năm 15/01/2026", "Thứ Sáu 16/01/2026"),
    ("13/02/2026", 5, "Thứ Sáu 27/02/2026", None),  # Tết Bính Ngọ 16-20/02 off
    ("13/02/2026", 10, "Thứ Sáu 06/03/2026", None),
    ("21/08/2026", 5, "Thứ Năm 27/08/2026", "Thứ Sáu 28/08/2026"),  # Sat 22/08 worked
    ("21/08/2026", 10, "Thứ Ba 08/09/2026", "Thứ Tư 09/09/2026"),  # 31/08-02/09 off
]


@pytest.mark.parametrize(("received", "n", "due", "due_ignoring_make_up"), DEADLINES)
def test_demo_gives_the_nth_working_day_after_receipt(
    capsys: pytest.CaptureFixture[str],
    received: str,
    n: int,
    due: str,
    due_ignoring_make_up: str | None,
) -> None:
    (line,) = [x for x in block(run(capsys, "demo", "--calendar"), received) if f"thứ {n}:" in x]
    assert due in line
    if due_ignoring_make_up is None:
        assert "không tính ngày làm bù" not in line
    else:
        assert line.endswith(f"không tính ngày làm bù: {due_ignoring_make_up}")


def test_demo_names_the_days_crossed(capsys: pytest.CaptureFixture[str]) -> None:
    lines = block(run(capsys, "demo", "--calendar"), "24/04/2025")
    assert lines[0] == "Nhận hồ sơ Thứ Năm 24/04/2025 (30/4-1/5/2025)"
    assert lines[1].strip() == "nghỉ: 30/04, 01/05, 02/05; làm bù: 26/04"


def test_demo_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    out = run(capsys, "demo", "--calendar", "--lang", "en")
    assert out.startswith(f"tthc {tthc.__version__}: working calendar of state bodies, 2026\n")
    jan2 = row(out, "02/01/2026")
    assert all(x in jan2 for x in ("Friday", "swapped day off", "12729/VPCP-KGVX", "verified"))
    assert "Saturday" in row(out, "10/01/2026")
    assert row(out, "24/11/2026").endswith("published, document unchecked")
    assert row(out, "23/11/2026").endswith("only proposed, not applied")
    assert "14 weekdays off, 2 make-up working days." in out
    (line,) = [x for x in block(out, "24/04/2025", "Received") if "working day 5:" in x]
    assert "Monday 05/05/2025" in line
    assert line.endswith("make-up days ignored: Tuesday 06/05/2025")


def test_vietnamese_is_the_default_and_output_is_stable(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert (
        run(capsys, "demo", "--calendar")
        == run(capsys, "demo", "--calendar", "--lang", "vi")
        == run(capsys, "demo", "--calendar")
    )


@pytest.mark.parametrize(
    "argv",
    [[], ["bogus"], ["demo", "--lang", "fr"], ["demo", "extra"], ["--nope", "demo"]],
    ids=["no-command", "unknown-command", "unknown-language", "extra-argument", "unknown-option"],
)
def test_bad_usage_exits_2_with_one_line(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    assert main(argv) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith("tthc")
    assert ": lỗi: " in err  # Vietnamese by default


def test_bad_usage_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "en", "demo", "extra"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == "tthc: error: unrecognized arguments: extra (see 'tthc --help')\n"


def test_help_and_version_exit_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    assert "demo" in capsys.readouterr().out
    assert main(["--version"]) == 0
    assert capsys.readouterr().out == f"tthc {tthc.__version__}\n"


def _python(*argv: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-W", "error", "-m", "tthc", *argv],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        check=False,
        timeout=120,
    )


def test_python_m_tthc_demo_runs_the_main_job(tmp_path: Path) -> None:
    done = _python("demo", "--out", str(tmp_path))
    assert (done.returncode, done.stderr) == (0, "")
    assert "50.000 hồ sơ" in done.stdout
    assert "Biểu số 06 (Thông tư 01/2020/TT-VPCP), quý III/2026" in done.stdout
    assert "2.1 tiến độ giải quyết" in done.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dossiers.csv", "on-time-by-month.png"]


def test_python_m_tthc_demo_calendar_runs() -> None:
    done = _python("demo", "--calendar")
    assert (done.returncode, done.stderr) == (0, "")
    assert "02/01/2026  Thứ Sáu" in done.stdout
    assert "12729/VPCP-KGVX" in done.stdout


def test_python_m_tthc_bad_usage_exits_2() -> None:
    done = _python("demo", "--lang", "fr")
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr.splitlines() == [
        "tthc demo: lỗi: đối số --lang: giá trị không hợp lệ: 'fr' (chọn một trong 'vi', 'en')"
        " (xem 'tthc demo --help')"
    ]


def test_console_script_points_at_main() -> None:
    (script,) = entry_points(group="console_scripts", name="tthc")
    assert script.value == "tthc.__main__:main"
    assert script.load() is main
    assert tthc.__main__.main is main
