"""``tthc report`` on a one-stop export: rows/s and peak memory, against ``pandas.read_csv``.

Usage: ``python benchmarks/bench_report.py [--quick] [--rows N] [--runs K]``.

The file is a national-profile CSV (``MaHoSo, DonViXuLy, MaTTHC, MaLinhVuc, KenhThucHien,
NgayTiepNhan, NgayHenTra, NgayKetThucXuLy, NgayTra, TrangThaiHoSo``) drawn with a fixed seed:
six agencies with Vietnamese names, four procedures, all three channels, national statuses
1-10 in realistic shares, instants as the national sync writes them (``yyyyMMddHHmmss``) with
one row in ten exported as ``dd/mm/yyyy HH:MM:SS``, and one row in a thousand broken
(an impossible date, an empty status, an unknown channel), which must be rejected with its
line number. Each command runs as a fresh process, interleaved with the peer, ``--runs``
times (default 5); the figures are medians, and the peak memory is the process's maximum
resident set (``ru_maxrss``).

- tthc: ``python -m tthc report FILE --period 2025 --format json --errors ERRORS.csv``, which
  reads every row (dates, channel, status), builds Biểu 06 per agency and writes the
  rejected rows;
- peer: ``pandas.read_csv(FILE, dtype=str, keep_default_na=False)``, reading the same file
  into text columns, in a fresh process; the ratio is against the time of the call itself
  (timed inside that process, without importing pandas), the process time is shown too.

Targets (issue 15, on 1,000,000 rows: ``--rows 1000000``): at least 100,000 rows/s and at
most 1 GB peak memory. The default is 200,000 rows (``--quick``: 50,000) to keep ``make
bench`` short; rows/s hardly depends on the size, memory grows with it. The report must
count every row and reject exactly the broken ones, or the benchmark exits 1. Targets are
reported, not enforced.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

HEADER = (
    "MaHoSo,DonViXuLy,MaTTHC,MaLinhVuc,KenhThucHien,NgayTiepNhan,NgayHenTra,"
    "NgayKetThucXuLy,NgayTra,TrangThaiHoSo"
)
AGENCIES = (
    "UBND xã Tân Lập",
    "UBND xã Quyết Thắng",
    "UBND phường Phúc Xuân",
    "UBND xã Tích Lương",
    "Sở Tư pháp",
    "Sở Nông nghiệp và Môi trường",
)
PROCEDURES = (("1.001234", "HT"), ("2.000815", "CT"), ("1.004873", "DD"), ("2.001035", "HT"))
STATUSES = (("10", 50), ("9", 20), ("4", 15), ("2", 5), ("7", 3), ("1", 2))
TARGET_RATE, TARGET_MB = 100_000, 1024
SEED = 20250101


def write_export(path: Path, rows: int) -> int:
    """Write the export; return the number of broken rows planted in it."""
    rng = random.Random(SEED)
    start = datetime(2025, 1, 1, 7)
    codes, weights = zip(*STATUSES, strict=True)
    broken = 0
    with path.open("w", encoding="utf-8", newline="") as f:
        f.write(HEADER + "\n")
        for i in range(rows):
            received = start + timedelta(days=rng.randrange(360), minutes=rng.randrange(600))
            due = received + timedelta(days=rng.choice((0, 3, 5, 10, 15)), hours=2)
            status = rng.choices(codes, weights)[0]
            done = received + timedelta(days=rng.randrange(20), minutes=rng.randrange(300))
            done_at = done if status in ("9", "10", "7") else None
            returned = done + timedelta(days=1) if status == "10" else None
            fmt = "%d/%m/%Y %H:%M:%S" if i % 10 == 3 else "%Y%m%d%H%M%S"

            def text(at: datetime | None, fmt: str = fmt) -> str:
                return "" if at is None else at.strftime(fmt)

            procedure, field = rng.choice(PROCEDURES)
            cells = [
                f"H55.{i:09d}",
                rng.choice(AGENCIES),
                procedure,
                field,
                rng.choice("1112223"),
                text(received),
                text(due),
                text(done_at),
                text(returned),
                status,
            ]
            if i % 1000 == 999 and status != "1":  # a broken row (status 1 rows are skipped)
                broken += 1
                kind = i // 1000 % 3
                if kind == 0:
                    cells[5] = "31/02/2025 09:00"
                elif kind == 1:
                    cells[9] = ""
                else:
                    cells[4] = "fax"
            f.write(",".join(cells) + "\n")
    return broken


PEER = (
    "import sys, time, pandas\n"
    "t = time.perf_counter()\n"
    "pandas.read_csv(sys.argv[1], dtype=str, keep_default_na=False)\n"
    "print(time.perf_counter() - t)\n"
)


def run(argv: list[str]) -> tuple[float, float, str]:
    """Seconds, peak resident memory (MB) and output of one fresh ``python *argv`` process."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, *argv], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    assert proc.stdout is not None
    output = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        msg = f"{argv} exited with {code}"
        raise SystemExit(msg)
    return elapsed, usage.ru_maxrss / 1024, output


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="50,000 rows")
    parser.add_argument("--rows", type=int, default=None, help="rows in the export")
    parser.add_argument("--runs", type=int, default=5, help="fresh processes per command")
    args = parser.parse_args()
    rows = args.rows or (50_000 if args.quick else 200_000)
    with tempfile.TemporaryDirectory(prefix="tthc-bench-report-") as tmp:
        export, errors, out = Path(tmp, "export.csv"), Path(tmp, "errors.csv"), Path(tmp, "o")
        broken = write_export(export, rows)
        tthc = ["-m", "tthc", "report", str(export), "--period", "2025", "--format", "json"]
        tthc += ["--errors", str(errors), "--output", str(out), "--lang", "en"]
        peer = ["-c", PEER, str(export)]
        times: dict[str, list[float]] = {"tthc": [], "peer": [], "read_csv": []}
        memory: dict[str, list[float]] = {"tthc": [], "peer": []}
        for _ in range(args.runs):
            for name, argv in (("tthc", tthc), ("peer", peer)):
                seconds, mb, output = run(argv)
                times[name].append(seconds)
                memory[name].append(mb)
                if name == "peer":
                    times["read_csv"].append(float(output))
        report = json.loads(out.read_text(encoding="utf-8"))
        lines = errors.read_text(encoding="utf-8-sig").splitlines()
    ok = report["rows"] == rows and report["rejected_rows"] == broken == len(lines) - 1
    t, p = statistics.median(times["tthc"]), statistics.median(times["peer"])
    call = statistics.median(times["read_csv"])
    mb, peer_mb = max(memory["tthc"]), max(memory["peer"])
    rate = rows / t
    print(
        f"tthc report on {rows:,} rows ({broken} broken), medians of {args.runs} fresh processes "
        f"(Python {platform.python_version()}, {platform.machine()}, {os.cpu_count()} CPUs)"
    )
    print(f"  tthc report:      {t:8.2f} s  {rate:>10,.0f} rows/s  peak {mb:7.0f} MB")
    print(
        f"  pandas.read_csv:  {call:8.2f} s  {rows / call:>10,.0f} rows/s  peak {peer_mb:7.0f} MB"
        f"  (process with the import of pandas: {p:.2f} s)"
    )
    print(f"  ratio tthc report / pandas.read_csv (time): {t / call:.1f}x")
    print(
        f"  target >= {TARGET_RATE:,} rows/s: {'met' if rate >= TARGET_RATE else 'NOT met'}; "
        f"<= {TARGET_MB} MB on 1,000,000 rows: "
        + (
            ("met" if mb <= TARGET_MB else "NOT met")
            if rows >= 1_000_000
            else "not measured here (run --rows 1000000)"
        )
    )
    if not ok:
        print(
            f"wrong answer: rows {report['rows']} (expected {rows}), rejected "
            f"{report['rejected_rows']} and {len(lines) - 1} listed (expected {broken})",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
