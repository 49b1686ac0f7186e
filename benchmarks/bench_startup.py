"""Start-up time of ``tthc`` as a fresh process, against ``python -c "import holidays"``.

Usage: ``python benchmarks/bench_startup.py [--quick] [--runs N]``.

A command-line call or a short script pays for importing tthc and building the first
calendar every time, so this is timed the way a user meets it: each command is started as a
new process (``subprocess.run``, output discarded), like ``hyperfine`` does, and the rounds are
interleaved (every command once per round, in a rotating order) so that load on a shared
machine falls on all of them alike. Figures are medians over the rounds (15, or 5 with
``--quick``).

- peer: ``python -c "import holidays"`` (a tthc dependency, and the usual reference for a
  domain library's import cost); ``python -c pass`` is printed as the floor of any process;
- ``import tthc``: the public namespace (its names load on first use);
- ``tthc due``: ``python -m tthc due --received "2025-04-24 09:00" --limit "05 ngày làm
  việc"``, which imports the deadline engine, builds the national calendar (1995-2100) and
  prints the due date with its sources. Target: at most 1.5x the peer;
- ``first calendar``: ``import tthc; tthc.vietnam_calendar()``;
- ``tthc --help``: every subcommand's parser (imports every command module).

Bytecode is cached, as it is for an installed package (pip compiles it when installing):
the processes run with ``PYTHONPYCACHEPREFIX`` set to a temporary directory, filled by a
warm-up round, and without ``PYTHONDONTWRITEBYTECODE``; otherwise a source checkout would
recompile tthc in every process while the peer reads its compiled files.

Every process must exit 0 and ``tthc due`` must print the due date 05/05/2025, or the
benchmark exits 1. The speed target is reported, not enforced.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time

TARGET = 1.5
PY = sys.executable
DUE = ["-m", "tthc", "due", "--received", "2025-04-24 09:00", "--limit", "05 ngày làm việc"]
COMMANDS: dict[str, list[str]] = {
    "python -c pass (floor)": ["-c", "pass"],
    'python -c "import holidays" (peer)': ["-c", "import holidays"],
    "import tthc": ["-c", "import tthc"],
    "first calendar": ["-c", "import tthc; tthc.vietnam_calendar()"],
    "tthc due": DUE,
    "tthc --help": ["-m", "tthc", "--help"],
}
PEER = 'python -c "import holidays" (peer)'


ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def timed(args: list[str]) -> float:
    """Seconds for one fresh process running ``python *args``; it must exit 0."""
    start = time.perf_counter()
    subprocess.run(
        [PY, *args], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV
    )
    return time.perf_counter() - start


def check_output() -> None:
    out = subprocess.run([PY, *DUE], check=True, capture_output=True, text=True, env=ENV).stdout
    if "05/05/2025" not in out:
        print(f"tthc due printed an unexpected answer:\n{out}", file=sys.stderr)
        raise SystemExit(1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="5 rounds instead of 15")
    parser.add_argument("--runs", type=int, default=None, help="number of rounds")
    args = parser.parse_args()
    runs = args.runs or (5 if args.quick else 15)
    with tempfile.TemporaryDirectory(prefix="tthc-bench-pycache-") as cache:
        ENV["PYTHONPYCACHEPREFIX"] = cache
        return measure(runs)


def measure(runs: int) -> int:
    check_output()
    names = list(COMMANDS)
    for name in names:  # warm the file cache and the bytecode of every command once
        timed(COMMANDS[name])
    times: dict[str, list[float]] = {name: [] for name in names}
    for r in range(runs):
        order = names[r % len(names) :] + names[: r % len(names)]
        for name in order:
            times[name].append(timed(COMMANDS[name]))
    print(
        f"Start-up as a fresh process: medians of {runs} interleaved rounds "
        f"(Python {platform.python_version()}, {platform.machine()}, {os.cpu_count()} CPUs)"
    )
    peer = statistics.median(times[PEER])
    for name in names:
        median = statistics.median(times[name])
        low, high = min(times[name]), max(times[name])
        print(
            f"  {name:36} {median * 1e3:7.1f} ms  ({low * 1e3:.0f}-{high * 1e3:.0f})"
            f"  {median / peer:5.2f}x peer"
        )
    ratio = statistics.median(times["tthc due"]) / peer
    verdict = "met" if ratio <= TARGET else "NOT met"
    print(f"tthc due / import holidays: {ratio:.2f}x (target <= {TARGET}x: {verdict})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
