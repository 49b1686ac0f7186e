"""Time ``tthc.parsing.parse_instant`` against ``dateutil.parser.parse`` on the same texts.

Usage: ``python benchmarks/bench_parsing.py [--quick]``. 50,000 texts (5,000 with
``--quick``) in the forms exports and receipts use (``dd/mm/yyyy HH:MM``, ISO 8601,
``yyyyMMddHHmmss``, "07 giờ 30 phút, ngày 12/12/2024"), fixed seed; each parser reads them
all, three times, interleaved, and the best run counts. dateutil is given ``dayfirst=True``
and reads only the forms it can (not the Vietnamese words), so the comparison is on its
ground. The target: tthc's parser is no slower than dateutil's.
"""

from __future__ import annotations

import argparse
import random
import time
from datetime import datetime, timedelta

import dateutil.parser

from tthc.parsing import parse_instant

REPEATS = 3


def texts(n: int, seed: int = 20250424) -> tuple[list[str], list[str]]:
    """*n* texts for tthc and the same instants in the forms dateutil reads."""
    rng = random.Random(seed)
    start = datetime(2019, 1, 1)
    ours, theirs = [], []
    for _ in range(n):
        t = start + timedelta(minutes=rng.randrange(8 * 365 * 24 * 60))
        kind = rng.randrange(4)
        if kind == 0:
            text = f"{t:%d/%m/%Y %H:%M}"
            ours.append(text)
            theirs.append(text)
        elif kind == 1:
            text = f"{t:%Y-%m-%dT%H:%M:%S}+07:00"
            ours.append(text)
            theirs.append(text)
        elif kind == 2:
            text = f"{t:%Y%m%d%H%M%S}"
            ours.append(text)
            theirs.append(text)
        else:
            ours.append(f"{t:%H} giờ {t:%M} phút, ngày {t:%d/%m/%Y}")
            theirs.append(f"{t:%H:%M} {t:%d/%m/%Y}")
    return ours, theirs


def main() -> None:
    """Run the benchmark and print texts per second and the ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="5,000 texts instead of 50,000")
    n = 5_000 if parser.parse_args().quick else 50_000
    ours, theirs = texts(n)
    parse = dateutil.parser.parse
    t_ours = t_theirs = float("inf")
    for _ in range(REPEATS):
        t0 = time.perf_counter()
        for text in ours:
            parse_instant(text)
        t_ours = min(t_ours, time.perf_counter() - t0)
        t0 = time.perf_counter()
        for text in theirs:
            parse(text, dayfirst=True)
        t_theirs = min(t_theirs, time.perf_counter() - t0)
    print(f"tthc parse_instant:      {n:>7,} texts in {t_ours:6.3f} s = {n / t_ours:>9,.0f}/s")
    print(
        f"dateutil parse(dayfirst): {n:>7,} texts in {t_theirs:6.3f} s = {n / t_theirs:>9,.0f}/s"
    )
    print(f"ratio tthc/dateutil per text: {t_ours / t_theirs:.2f}x (target <= 1x)")


if __name__ == "__main__":
    main()
