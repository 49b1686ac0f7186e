"""``tthc report --engine polars`` (read by columns) gives what ``--engine python`` gives.

The same report, the same counts, the same rejected rows with the same line numbers, columns,
values and reasons, the same exit status and message, on normal and hostile files. The
columnar reader keeps a row only when each of its cells is read exactly as the row reader
would read it; everything else goes to the row reader, so most tests also check which rows
took which path.
"""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tthc.cli import main
from tthc.cli import report as report_module

HEADER = (
    "MaHoSo,DonViXuLy,MaTTHC,MaLinhVuc,KenhThucHien,NgayTiepNhan,NgayHenTra,"
    "NgayKetThucXuLy,NgayTra,TrangThaiHoSo"
)
GOOD = [
    "A1,UBND xã Tân Lập,1.001234,HT,2,20250106090000,20250110170000,20250109100000,20250110090000,10",
    "A2,UBND xã Tân Lập,1.001234,HT,1,20250203080000,20250207170000,20250207160000,,9",
    "A3,Sở Tư pháp,2.000815,CT,3,06/03/2025 09:00:00,14/03/2025 17:00,,,4",
    "A4,Sở Tư pháp,2.000815,CT,2,2025-03-20 09:00,2025-04-03 17:00:00,2025-04-10 08:00,,9",
    "A5,UBND xã Tân Lập,1.001234,HT,1,20250401090000,,20250402090000,,10",
    "A6,UBND xã Tân Lập,1.001234,HT,1,20250105090000,20250110170000,,,1",
]
HOSTILE = [
    "B1,UBND xã Tân Lập,1.001234,HT,2,31/02/2025 09:00,20250110170000,,,4",  # no 31/02
    "B2,UBND xã Tân Lập,1.001234,HT,fax,20250106090000,20250110170000,,,4",  # channel
    "B3,UBND xã Tân Lập,1.001234,HT,2,20250106090000,20250110170000,,,",  # empty status
    "B4,UBND xã Tân Lập,1.001234,HT,2,20250106090000,20250110170000,20250109100000,,4",
    "B5,UBND xã Tân Lập,1.001234,HT,2,20250106090000,20250110170000,20250101100000,,9",
    "B6,,1.001234,HT,2,20250106090000,20250110170000,,,4",  # no agency
    "B7,UBND xa\u0303 Tân Lập,1.001234,HT,2,20250106090000,20250110170000,,,4",  # NFD
    "B8,UBND xã Tân Lập,1.001234,HT,2, 20250106090000 ,10/01/2025,,,4",  # spaces, date only
    "B9,UBND xã Tân Lập,1.001234,HT,2,20250106090000,20250110170000,,,tạm dừng",
    "B10,UBND xã Tân Lập,1.001234,HT,2,20250106090000,20250110170000,,,8",
    "B11,UBND xã Tân Lập,1.001234,HT,2,20250106090000,20250110170000,,20250109100000,10",
    "B12,UBND xã Tân Lập,1.001234,HT,trực tuyến,2025-01-06T09:00:00,20250110170000,,,2",
    "B13,UBND xã Tân Lập,1.001234,HT,2,19940106090000,20250110170000,,,4",  # before 1995
    "\u00a0,\u00a0,\u00a0,\u00a0,\u00a0,\u00a0,\u00a0,\u00a0,\u00a0,\u00a0",  # blank to Python
    ",,,,,,,,,",  # a blank line
    " B14 ,UBND xã Tân Lập , 1.001234,HT,1,20250106090000,20250110170000,,,4",
]


def run(path: Path, engine: str, *extra: str) -> tuple[int, str, str, str]:
    """Exit status, stdout, stderr and the errors file of one ``tthc report``."""
    errors = path.with_suffix(f".{engine}.errors.csv")
    out, err = io.StringIO(), io.StringIO()
    argv = ["report", str(path), "--period", "2025", "--format", "json", "--lang", "en"]
    argv += ["--engine", engine, "--errors", str(errors), *extra]
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(argv)
    listed = errors.read_text(encoding="utf-8-sig") if errors.exists() else ""
    return status, out.getvalue(), err.getvalue().replace(f".{engine}.errors", ".X"), listed


def same_both_ways(path: Path, *extra: str) -> tuple[int, str, str, str]:
    python = run(path, "python", *extra)
    polars = run(path, "polars", *extra)
    assert polars == python
    return python


def write(tmp_path: Path, lines: list[str], *, name: str = "export.csv", end: str = "\n") -> Path:
    path = tmp_path / name
    path.write_text(HEADER + end + end.join(lines) + end, encoding="utf-8")
    return path


@pytest.fixture
def row_reader_rows(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many rows reached the row reader (:func:`read_records`), per call."""
    calls: list[int] = []
    real = report_module.read_records

    def counting(header, rows, *args, **kwargs):
        calls.append(len(rows))
        return real(header, rows, *args, **kwargs)

    monkeypatch.setattr(report_module, "read_records", counting)
    return calls


def test_a_clean_export_is_read_by_columns(tmp_path: Path, row_reader_rows: list[int]) -> None:
    path = write(tmp_path, GOOD)
    status, out, _, _ = run(path, "polars")
    assert status == 0
    assert row_reader_rows == [0]  # nothing left for the row reader
    assert '"rows": 6' in out
    assert '"records": 5' in out
    assert '"skipped_not_received": 1' in out
    row_reader_rows.clear()
    assert run(path, "python")[:2] == (status, out)
    assert row_reader_rows == [6]


def test_hostile_rows_go_to_the_row_reader_with_the_same_errors(
    tmp_path: Path, row_reader_rows: list[int]
) -> None:
    path = write(tmp_path, GOOD + HOSTILE)
    status, _, err, listed = same_both_ways(path)
    assert status == 0
    assert "row(s) rejected" in err
    assert listed.count("\n") > 5
    # the polars run handed over only the rows it could not read exactly
    assert row_reader_rows[0] == len(GOOD + HOSTILE) - 2  # two blank lines are not rows
    assert 0 < row_reader_rows[1] < len(GOOD + HOSTILE) - len(GOOD)


@pytest.mark.parametrize(
    ("lines", "end"),
    [
        pytest.param(GOOD, "\r\n", id="crlf"),
        pytest.param([*GOOD, '"A9",UBND,1,HT,1,20250106090000,,,,4'], "\n", id="quotes"),
        pytest.param([*GOOD, "A9,UBND,1,HT,1,20250106090000,,,,4,extra"], "\n", id="long-row"),
        pytest.param([*GOOD, "A9,UBND,1,HT,1"], "\n", id="short-row"),
        pytest.param(
            [*GOOD, GOOD[0] + ",x", GOOD[1].rsplit(",", 1)[0]], "\n", id="long-and-short"
        ),
        pytest.param([GOOD[0], "", GOOD[1]], "\n", id="blank-line"),
        pytest.param([GOOD[0], "A1" + GOOD[1][2:]], "\n", id="repeated-code"),
        pytest.param([GOOD[0], "A1" + GOOD[1][2:].replace("Tân", "Tan")], "\n", id="repeat-2"),
        pytest.param([*GOOD[:2], "A1\u0301" + GOOD[2][2:]], "\n", id="code-nfd"),
    ],
)
def test_files_the_columnar_reader_leaves_to_the_row_reader(
    tmp_path: Path, lines: list[str], end: str
) -> None:
    same_both_ways(write(tmp_path, lines, end=end))


def test_without_a_final_line_break(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text(HEADER + "\n" + "\n".join(GOOD), encoding="utf-8")
    same_both_ways(path)


@pytest.mark.parametrize(
    "extra",
    [
        pytest.param(("--status-8", "returned"), id="status-8"),
        pytest.param(("--by", "agency,channel,procedure"), id="by"),
        pytest.param(("--granularity", "timestamp"), id="timestamp"),
        pytest.param(("--as-of", "2025-03-31"), id="as-of"),
        pytest.param(("--duplicates", "first"), id="duplicates-first"),
        pytest.param(("--strict",), id="strict"),
    ],
)
def test_the_options_mean_the_same(tmp_path: Path, extra: tuple[str, ...]) -> None:
    same_both_ways(write(tmp_path, GOOD + HOSTILE), *extra)


def test_agency_and_channel_for_files_without_them(tmp_path: Path) -> None:
    path = tmp_path / "own.csv"
    path.write_text(
        "code,received_at,due_at,completed_at,outcome,channel\n"
        "X1,20250106090000,20250110170000,20250109100000,resolved,\n"
        "X2,20250106090000,20250110170000,,pending,online\n"
        "X3,20250106090000,,,pending,\n",
        encoding="utf-8",
    )
    same_both_ways(path, "--agency", "UBND xã A", "--channel", "1")
    same_both_ways(path, "--agency", "UBND xã A")  # the empty channels are rejected


def test_an_unreadable_file_fails_the_same_way(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(HEADER.encode() + b"\nA1,UBND x\xe3,1,HT,1,20250106090000,,,,4\n")
    status, _, err, _ = same_both_ways(path)
    assert status == 2
    assert "not UTF-8" in err


CELLS = {
    "code": st.sampled_from(["A1", "A2", "A3", "", " A4", "Mã-5", "A6", "A7", "A8", "A9"]),
    "agency": st.sampled_from(["UBND xã A", "UBND xa\u0303 A", "", " Sở B ", "Sở C"]),
    "channel": st.sampled_from(["1", "2", "3", "", "x", "online", "Trực tuyến"]),
    "instant": st.sampled_from(
        [
            "20250106090000",
            "20250230090000",
            "06/01/2025 09:00",
            "06/01/2025 09:00:30",
            "2025-01-07 10:00:00",
            "2025-01-07T10:00",
            "07/01/2025",
            "",
            " ",
            "20991231235959",
            "1/2/2025 9:00",
            "45678",
        ]
    ),
    "status": st.sampled_from(["1", "2", "4", "7", "8", "9", "10", "", "x", "resolved"]),
}


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    rows=st.lists(
        st.tuples(
            CELLS["code"],
            CELLS["agency"],
            CELLS["channel"],
            CELLS["instant"],
            CELLS["instant"],
            CELLS["instant"],
            CELLS["instant"],
            CELLS["status"],
        ),
        min_size=1,
        max_size=12,
    )
)
def test_random_exports_give_one_answer(tmp_path: Path, rows: list[tuple[str, ...]]) -> None:
    lines = [f"{c},{a},1.001,HT,{ch},{r},{d},{f},{t},{s}" for c, a, ch, r, d, f, t, s in rows]
    same_both_ways(write(tmp_path, lines))


def test_plain_csv_rules() -> None:
    plain = report_module._plain_csv
    assert plain("a,b\n1,2\n") == (["a", "b"], ",", 1)
    assert plain("a;b\r\n1;2\r\n3;4") == (["a", "b"], ";", 2)
    assert plain('a,b\n"1",2\n') is None
    assert plain("a,b\n1,2\n\n3,4\n") is None
    # as many delimiters in all as lines times the header's: left for polars, which refuses
    # the longer line (so that no line is shorter either), see the "long-and-short" case
    assert plain("a,b\n1,2,3\n4\n") == (["a", "b"], ",", 2)
    assert plain("a,b\n1\r2,3\n") is None
    assert plain("a,b\n") is None
