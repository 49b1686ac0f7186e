"""Fuzzing the ``tthc`` command: hostile arguments and files never make it fail.

Every command (``due``, ``calendar``, ``calendar check``, ``report``) is run in-process on
generated arguments and files (CSV and JSON with stray quotes, odd delimiters, control
characters, formula prefixes, lone surrogates, huge numbers, duplicate columns and codes,
broken encodings). The properties:

- the exit status is 0 or 2, never 1 (a bug) and never an exception;
- on status 2, exactly one line on stderr; on status 0, at most one (a warning); never a
  traceback;
- nothing from input drives the terminal: no ESC, C1 control or bidi override in the output;
- no text cell of a CSV or XLSX file written starts a formula.

Time is bounded by Hypothesis's ``deadline`` (per example), not by timed asserts. The
number of examples follows ``HYPOTHESIS_PROFILE``: a few dozen under ``dev`` and ``ci``, and
the profile's own (thousands) under ``fuzz``, which ``make fuzz`` runs for ten minutes.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Literal

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from tthc._safe import FORMULA_PREFIXES
from tthc.cli import main

pytestmark = pytest.mark.fuzz

_EXAMPLES = {"dev": 20, "ci": 40}.get(os.getenv("HYPOTHESIS_PROFILE", "dev"))
fuzz = settings(
    max_examples=_EXAMPLES or settings().max_examples,
    deadline=timedelta(seconds=10),  # a CLI call takes milliseconds; 10 s is a hang
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
"""Settings of every fuzz test: the profile's, with a per-example deadline."""

_TERMINAL_UNSAFE = {chr(c) for c in (*range(0x00, 0x09), *range(0x0B, 0x0D), *range(0x0E, 0x20))}
_TERMINAL_UNSAFE |= {chr(c) for c in range(0x7F, 0xA0)} | set("\u202a\u202b\u202c\u202d\u202e")
_TERMINAL_UNSAFE |= set("\u2066\u2067\u2068\u2069\u200e\u200f\u061c")


@contextlib.contextmanager
def _folder() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="tthc-fuzz-") as name:
        yield Path(name)


def _run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(argv)
    return status, out.getvalue(), err.getvalue()


def _check(status: int, out: str, err: str) -> None:
    """The properties every run must have."""
    assert status in (0, 2), (status, err)
    assert "Traceback" not in err
    lines = err.count("\n")
    if status == 2:
        assert lines == 1, err
        assert err.endswith("\n")
    else:
        assert lines <= 1, err
    for text in (out, err):
        bad = _TERMINAL_UNSAFE & set(text)
        assert not bad, (bad, text[:500])


# -- generated text ----------------------------------------------------------------------------

_HOSTILE_PIECES = st.sampled_from(
    [
        '"', '""', ",", ";", "\t", "\r", "\n", "\r\n", "=", "+", "-", "@", "'", "\\", "$",
        "\x00", "\x1b[31m", "\x1b]0;x\x07", "\x9b", "\u202e", "\u2066", "\u200b", "\u00ad",
        "\ufeff", "\u2028", "\u0664", "\U0001d7d3", "1e100000000", "9" * 5000, "-5", "1/0", "NaN", "inf",
        "=cmd|' /C calc'!A0", "$\\frac$", "_x", "ngày", "làm việc", "UBND xã A", "Sở Tư pháp",
        "03/03/2025 09:00", "10/03/2025", "20250303090000", "2025-03-07T10:00:00+07:00",
        "45771.375", "31/02/2025", "0001-01-01", "9999-12-31", "pending", "resolved", "10",
        "4", "8", "3", "1", "2", "trực tuyến", "H1", "H2",
    ]
)  # fmt: skip

hostile_text = st.one_of(
    st.lists(_HOSTILE_PIECES, max_size=6).map("".join),
    st.text(max_size=30),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=12),
)
"""Cell or argument text: pieces of real values and of known troublemakers, or any text."""

_REAL_CELLS = {
    "agency": st.sampled_from(["UBND xã A", "Sở Tư pháp", "=cmd|' /C calc'!A0", "\x1b[2JX"]),
    "channel": st.sampled_from(["1", "2", "3", "trực tuyến", "online"]),
    "received_at": st.sampled_from(["03/03/2025 09:00", "20250301080000", "15/01/2025"]),
    "due_at": st.sampled_from(["10/03/2025", "", "20250310170000", "01/06/2025 17:00"]),
    "completed_at": st.sampled_from(["", "07/03/2025 10:00", "20250320090000"]),
    "outcome": st.sampled_from(["pending", "resolved", "10", "4", "3", "withdrawn"]),
    "code": st.sampled_from(["H1", "H2", "H3", "", "H1 "]),
}
_FIELDS = list(_REAL_CELLS)
_NATIONAL = {
    "agency": "DonViXuLy",
    "channel": "KenhThucHien",
    "received_at": "NgayTiepNhan",
    "due_at": "NgayHenTra",
    "completed_at": "NgayKetThucXuLy",
    "outcome": "TrangThaiHoSo",
    "code": "MaHoSo",
}


@st.composite
def tables(draw: st.DrawFn) -> tuple[list[str], list[list[str]]]:
    """A header (tthc or national names, sometimes broken) and rows of mostly real cells."""
    names = draw(st.permutations(_FIELDS))
    names = names[: draw(st.integers(min_value=4, max_value=len(names)))]
    national = draw(st.booleans())
    header = [_NATIONAL[n] if national else n for n in names]
    if draw(st.integers(0, 9)) == 0:  # a duplicate column, maybe in another case
        header.append(draw(st.sampled_from(header)).upper())
    if draw(st.integers(0, 9)) == 0:
        header[draw(st.integers(0, len(header) - 1))] = draw(hostile_text)
    rows = []
    for _ in range(draw(st.integers(min_value=0, max_value=8))):
        row = [draw(_REAL_CELLS[n]) for n in names]
        row += [""] * (len(header) - len(row))
        for _ in range(draw(st.integers(0, 2))):  # a few hostile cells
            row[draw(st.integers(0, len(row) - 1))] = draw(hostile_text)
        if draw(st.integers(0, 9)) == 0:  # a cut or a lengthened row
            row = row[: draw(st.integers(0, len(row)))] + draw(st.lists(hostile_text, max_size=2))
        rows.append(row)
    return header, rows


def _csv_text(
    header: list[str], rows: list[list[str]], delimiter: str, quoting: Literal[0, 1]
) -> str:
    buffer = io.StringIO()
    w = csv.writer(buffer, delimiter=delimiter, quoting=quoting, lineterminator="\n")
    for row in [header, *rows]:
        w.writerow(row)
    return buffer.getvalue()


@st.composite
def files(draw: st.DrawFn) -> tuple[str, bytes]:
    """A file name and its bytes: CSV (well or badly quoted) or JSON, in some encoding."""
    header, rows = draw(tables())
    kind = draw(st.sampled_from(["csv", "raw-csv", "json", "bytes"]))
    if kind == "json":
        objects: list[dict[str, object]] = [dict(zip(header, row, strict=False)) for row in rows]
        if draw(st.booleans()) and objects:  # numbers, nulls, nesting in place of text
            key = draw(st.sampled_from(header))
            objects[0][key] = draw(
                st.one_of(st.integers(), st.floats(), st.none(), st.booleans(), st.just([{}]))
            )
        text = json.dumps(objects, ensure_ascii=draw(st.booleans()))
        if draw(st.integers(0, 9)) == 0:
            text = text.replace('"', "", 1)  # broken JSON
        name = "ho-so.json"
    elif kind == "csv":
        delimiter = draw(st.sampled_from([",", ";", "\t"]))
        quoting: Literal[0, 1] = draw(st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL]))
        text = _csv_text(header, rows, delimiter, quoting)
        name = "ho-so.csv"
    elif kind == "raw-csv":  # cells joined without quoting: stray quotes, shifted columns
        text = "".join(
            ",".join(r) + draw(st.sampled_from(["\n", "\r\n", "\r"])) for r in [header, *rows]
        )
        name = draw(st.sampled_from(["ho-so.csv", "ho-so.txt", "ho-so.tsv"]))
    else:
        return draw(st.sampled_from(["ho-so.csv", "ho-so.json", "hs.xlsx"])), draw(
            st.binary(max_size=200)
        )
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1258", "surrogate"]))
    if encoding == "surrogate":
        return name, text.encode("utf-8", "surrogatepass")
    data = text.encode(encoding, "replace")
    if encoding == "utf-16" and data and draw(st.booleans()):
        data = data[:-1]  # an odd number of bytes
    return name, data


_PERIODS = st.one_of(
    st.sampled_from(
        ["2025-03", "2025-Q1", "2025", "2025-H1", "2025-9M", "2025-01-01..2025-02-15",
         "1995-01-01..2094-12-31", "0001-01-01..9999-12-31", "2025-13", ""]
    ),
    hostile_text,
)  # fmt: skip


@st.composite
def report_options(draw: st.DrawFn, folder: Path) -> list[str]:
    argv = ["--period", draw(_PERIODS)]
    by = draw(st.sampled_from([None, "agency", "agency,month", "", "code", "channel,month", "x"]))
    if by is not None:
        argv += ["--by", by]
    fmt = draw(st.sampled_from(["table", "csv", "json", "xlsx"]))
    argv += ["--format", fmt]
    if fmt == "xlsx" or draw(st.integers(0, 4)) == 0:
        argv += ["--output", str(folder / f"out.{fmt}")]
    if draw(st.integers(0, 3)) == 0:
        argv += ["--errors", str(folder / "errors.csv")]
    if draw(st.integers(0, 5)) == 0:
        argv += ["--plot", str(folder / "chart.png")]
    for flag in ("--strict", "--excel-dates"):
        if draw(st.integers(0, 4)) == 0:
            argv.append(flag)
    if draw(st.integers(0, 3)) == 0:
        argv += ["--duplicates", draw(st.sampled_from(["refuse", "first", "last"]))]
    if draw(st.integers(0, 5)) == 0:
        argv += ["--encoding", draw(st.sampled_from(["cp1258", "utf-16", "punycode", "idna",
                                                     "base64", "rot13", "nope", "utf-7"]))]  # fmt: skip
    for option in ("--agency", "--channel", "--as-of", "--map"):
        if draw(st.integers(0, 7)) == 0:
            argv += [option, draw(hostile_text)]
    argv += ["--lang", draw(st.sampled_from(["vi", "en"]))]
    return argv


def _spreadsheet_cells(folder: Path) -> list[str]:
    """Every text cell of the CSV and XLSX files the command wrote in *folder*."""
    cells: list[str] = []
    for path in folder.glob("*.csv"):
        if path.name.startswith("ho-so"):
            continue
        with path.open(encoding="utf-8-sig", newline="") as f:
            cells += [c for row in csv.reader(f) for c in row]
    xlsx = folder / "out.xlsx"
    if xlsx.exists():
        from openpyxl import load_workbook

        ws = load_workbook(xlsx).active
        assert ws is not None
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", cell.value
                if isinstance(cell.value, str):
                    cells.append(cell.value)
    return cells


# -- the properties ----------------------------------------------------------------------------


@fuzz
@given(data=st.data())
def test_report_on_hostile_files(data: st.DataObject) -> None:
    with _folder() as folder:
        name, content = data.draw(files(), label="file")
        (folder / name).write_bytes(content)
        argv = ["report", str(folder / name), *data.draw(report_options(folder), label="options")]
        status, out, err = _run(argv)
        _check(status, out, err)
        for cell in _spreadsheet_cells(folder):
            assert not cell.startswith(FORMULA_PREFIXES), cell
        to_stdout = "--output" not in argv and status == 0
        if to_stdout and argv[argv.index("--format") + 1] == "csv":
            for row in csv.reader(io.StringIO(out)):
                assert not any(c.startswith(FORMULA_PREFIXES) for c in row), row


@fuzz
@given(
    received=st.one_of(st.sampled_from(["24/04/2025 09:00", "2025-04-24", "31/12/2100 16:00"]),
                       hostile_text),
    limit=st.one_of(st.sampled_from(["05 ngày làm việc", "10 ngày", "1 tháng", "3 giờ"]),
                    hostile_text),
    extra=st.lists(st.sampled_from(["--format=json", "--no-make-up-days", "--culture-day",
                                    "--lang=en", "--policy", "working-time", "--format=text"]),
                   max_size=3),
)  # fmt: skip
def test_due_on_hostile_arguments(received: str, limit: str, extra: list[str]) -> None:
    _check(*_run(["due", "--received", received, "--limit", limit, *extra]))


@fuzz
@given(
    year=st.one_of(st.integers(min_value=-5, max_value=10_000).map(str), hostile_text),
    fmt=st.sampled_from(["table", "json", "ics"]),
    lang=st.sampled_from(["vi", "en"]),
)
def test_calendar_on_hostile_arguments(year: str, fmt: str, lang: str) -> None:
    _check(*_run(["calendar", year, "--format", fmt, "--lang", lang]))


@fuzz
@given(
    day=st.one_of(
        st.dates().map(lambda d: d.strftime("%d/%m/%Y")), st.dates().map(str), hostile_text
    ),
    lang=st.sampled_from(["vi", "en"]),
)
def test_calendar_check_on_hostile_arguments(day: str, lang: str) -> None:
    _check(*_run(["calendar", "check", day, "--lang", lang]))


@fuzz
@given(argv=st.lists(st.one_of(_HOSTILE_PIECES, hostile_text,
                               st.sampled_from(["report", "due", "calendar", "check", "demo",
                                                "--period", "--lang", "--by", "-h"])),
                     max_size=5))  # fmt: skip
def test_any_argument_list(argv: list[str]) -> None:
    if argv[:1] == ["demo"] and "-h" not in argv and "--help" not in argv:
        argv = ["demo", "--help"]  # the demo itself is a long job, fuzzed elsewhere by its test
    _check(*_run(argv))


@settings(
    max_examples=3 if _EXAMPLES else 30,
    deadline=None,  # a new interpreter each time; the in-process runs above bound the work
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=st.data())
def test_report_in_a_subprocess(data: st.DataObject) -> None:
    """The real entry point, with warnings as errors and a UTF-8 terminal."""
    with _folder() as folder:
        name, content = data.draw(files(), label="file")
        (folder / name).write_bytes(content)
        argv = [str(folder / name), *data.draw(report_options(folder), label="options")]
        assume(not any("\x00" in a for a in argv))  # a NUL cannot be passed to a process
        done = subprocess.run(
            [sys.executable, "-W", "error", "-m", "tthc", "report", *argv],
            capture_output=True,
            env={**os.environ, "PYTHONIOENCODING": "utf-8"},
            check=False,
            timeout=120,
        )
        _check(
            done.returncode,
            done.stdout.decode("utf-8"),
            done.stderr.decode("utf-8").replace("\r\n", "\n"),
        )
