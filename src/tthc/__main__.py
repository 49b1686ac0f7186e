"""The ``tthc`` command (also ``python -m tthc``).

``tthc demo [--lang vi|en]`` prints the 2026 calendar of state bodies (every weekday off and
every make-up Saturday, with its kind, Vietnamese name, source document and status, and the
24/11 row whose legal basis is pending), then the 5th and 10th working day after a few
receipt dates around Tết, the 30/4 swaps and New Year 2026, with and without make-up days.
Output is Vietnamese by default; dates are written dd/mm/yyyy.

Example (tests/test_main.py checks the output; pytest collects no doctests from
``__main__.py``)::

    $ tthc demo --lang en
    ...
    02/01/2026  Friday     swapped day off       Nghỉ hoán đổi dịp Tết Dương lịch           12729/VPCP-KGVX             verified
    ...
      working day 5:   Monday 05/05/2025  make-up days ignored: Tuesday 06/05/2025
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date
from typing import NoReturn

from tthc import (
    CalendarDay,
    Confidence,
    DayKind,
    DayStatus,
    WorkCalendar,
    __version__,
    vietnam_calendar,
)

__all__ = ["main"]

DEMO_YEAR = 2026
"""The year whose calendar ``tthc demo`` prints."""

SAMPLE_RECEIPTS: tuple[tuple[date, str], ...] = (
    (date(2025, 1, 24), "Tết Ất Tỵ"),
    (date(2025, 4, 24), "30/4-1/5/2025"),
    (date(2024, 4, 26), "30/4-1/5/2024"),
    (date(2025, 12, 31), "Tết Dương lịch 2026"),
    (date(2026, 2, 13), "Tết Bính Ngọ"),
    (date(2026, 8, 21), "Quốc khánh 2026"),
)
"""Receipt dates of the demo, each with the occasion it runs into."""

STEPS = (5, 10)
"""Working-day counts the demo adds to each receipt date."""

_WEEKDAYS = {
    "vi": ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
_KINDS = {
    "vi": {
        DayKind.HOLIDAY: "ngày lễ, tết",
        DayKind.COMPENSATORY: "nghỉ bù",
        DayKind.SWAPPED: "nghỉ hoán đổi",
        DayKind.MAKE_UP: "làm bù",
        DayKind.LOCAL_DAY_OFF: "nghỉ (địa phương)",
        DayKind.LOCAL_WORKING_DAY: "làm việc (địa phương)",
    },
    "en": {
        DayKind.HOLIDAY: "holiday",
        DayKind.COMPENSATORY: "compensatory day off",
        DayKind.SWAPPED: "swapped day off",
        DayKind.MAKE_UP: "make-up working day",
        DayKind.LOCAL_DAY_OFF: "local day off",
        DayKind.LOCAL_WORKING_DAY: "local working day",
    },
}
_STATUSES = {
    "vi": {
        DayStatus.VERIFIED: "đã xác minh",
        DayStatus.PROVISIONAL: "tạm tính",
        DayStatus.PENDING_LEGAL_BASIS: "chờ cơ sở pháp lý, không phải ngày nghỉ",
        DayStatus.LOCAL: "địa phương",
    },
    "en": {
        DayStatus.VERIFIED: "verified",
        DayStatus.PROVISIONAL: "provisional",
        DayStatus.PENDING_LEGAL_BASIS: "pending legal basis, not a day off",
        DayStatus.LOCAL: "local",
    },
}
_TEXT = {
    "vi": {
        "title": "tthc {version}: lịch làm việc của cơ quan nhà nước năm {year}",
        "calendar": "Ngày thường được nghỉ và thứ Bảy làm bù năm {year}:",
        "header": "Ngày|Thứ|Loại|Tên|Văn bản|Trạng thái",
        "secondary": "* văn bản biết qua nguồn thứ cấp (báo chí), chưa đối chiếu bản gốc",
        "totals": "{off} ngày thường được nghỉ, {make_up} ngày làm bù.",
        "deadlines": "Ngày làm việc thứ n sau ngày nhận hồ sơ (không tính ngày nhận, BLDS 2015 Điều 147):",
        "receipt": "Nhận hồ sơ {day} ({occasion})",
        "between": "nghỉ: {off}; làm bù: {make_up}",
        "nth": "ngày làm việc thứ {n}:",
        "ignored": "không tính ngày làm bù: {day}",
    },
    "en": {
        "title": "tthc {version}: working calendar of state bodies, {year}",
        "calendar": "Weekdays off and make-up Saturdays, {year}:",
        "header": "Date|Weekday|Kind|Name|Source|Status",
        "secondary": "* document known from secondary sources (news), not read in the original",
        "totals": "{off} weekdays off, {make_up} make-up working days.",
        "deadlines": "n-th working day after receipt (the day of receipt is not counted, Civil Code 2015 art. 147):",
        "receipt": "Received {day} ({occasion})",
        "between": "off: {off}; make-up: {make_up}",
        "nth": "working day {n}:",
        "ignored": "make-up days ignored: {day}",
    },
}


def _day(d: date, lang: str) -> str:
    return f"{_WEEKDAYS[lang][d.weekday()]} {d:%d/%m/%Y}"


def _table(rows: Sequence[Sequence[str]]) -> list[str]:
    """Left-aligned columns two spaces apart (the last column is not padded)."""
    widths = [max(len(row[k]) for row in rows) for k in range(len(rows[0]) - 1)]
    return [
        "  ".join([*(c.ljust(w) for c, w in zip(row, widths, strict=False)), row[-1]])
        for row in rows
    ]


def _calendar_lines(cal: WorkCalendar, year: int, lang: str) -> list[str]:
    text = _TEXT[lang]
    off, make_up = cal.days_off(year), cal.make_up_days(year)
    pending = tuple(p for p in cal.pending_days() if p.day.year == year)
    rows = [tuple(text["header"].split("|"))]
    rows += [
        (
            f"{e.day:%d/%m/%Y}",
            _WEEKDAYS[lang][e.day.weekday()],
            _KINDS[lang][e.kind],
            e.name,
            e.source.number + ("" if e.source.confidence is Confidence.VERIFIED else "*"),
            _STATUSES[lang][e.status],
        )
        for e in sorted((*off, *make_up, *pending))
    ]
    totals = text["totals"].format(off=len(off), make_up=len(make_up))
    starred = [text["secondary"]] if any(row[4].endswith("*") for row in rows) else []
    return [text["calendar"].format(year=year), *_table(rows), *starred, totals]


def _between(entries: Sequence[CalendarDay], start: date, end: date) -> str:
    days = [f"{e.day:%d/%m}" for e in entries if start < e.day <= end]
    return ", ".join(days) or "-"


def _deadline_lines(cal: WorkCalendar, lang: str) -> list[str]:
    text = _TEXT[lang]
    without = vietnam_calendar(count_make_up_days=False)
    lines = [text["deadlines"]]
    for received, occasion in SAMPLE_RECEIPTS:
        due = {
            n: (cal.add_working_days(received, n), without.add_working_days(received, n))
            for n in STEPS
        }
        last = max(max(pair) for pair in due.values())
        years = range(received.year, last.year + 1)
        off = [e for y in years for e in cal.days_off(y)]
        make_up = [e for y in years for e in cal.make_up_days(y)]
        lines.append(text["receipt"].format(day=_day(received, lang), occasion=occasion))
        between = {
            "off": _between(off, received, last),
            "make_up": _between(make_up, received, last),
        }
        lines.append("  " + text["between"].format(**between))
        rows = []
        for n, (counted, ignored) in due.items():
            other = "" if counted == ignored else text["ignored"].format(day=_day(ignored, lang))
            rows.append(("  " + text["nth"].format(n=n), _day(counted, lang), other))
        lines += [line.rstrip() for line in _table(rows)]
    return lines


def demo(lang: str = "vi") -> str:
    """The text ``tthc demo`` prints, in Vietnamese (``"vi"``) or English (``"en"``)."""
    cal = vietnam_calendar()
    title = _TEXT[lang]["title"].format(version=__version__, year=DEMO_YEAR)
    return "\n".join(
        [title, "", *_calendar_lines(cal, DEMO_YEAR, lang), "", *_deadline_lines(cal, lang)]
    )


class _Parser(argparse.ArgumentParser):
    """Bad usage: one line on stderr naming the problem, exit status 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see '{self.prog} --help')\n")


def _parser() -> _Parser:
    common = _Parser(add_help=False)
    common.add_argument(
        "--lang", choices=("vi", "en"), default="vi", help="output language (default: vi)"
    )
    parser = _Parser(
        prog="tthc",
        description="Vietnamese administrative procedures: working calendar and deadlines.",
    )
    parser.add_argument("--version", action="version", version=f"tthc {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    commands.add_parser(
        "demo",
        parents=[common],
        help="the 2026 calendar and sample deadlines",
        description="Print the 2026 calendar of days off and make-up days, then sample deadlines.",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``tthc`` command with *argv* (default: ``sys.argv[1:]``); return the exit status.

    Status 0 on success, 2 on bad usage (after one line on stderr).
    """
    try:
        args = _parser().parse_args(argv)
    except SystemExit as stop:  # --help and --version exit 0, bad usage 2
        return stop.code if isinstance(stop.code, int) else 2
    if args.command == "demo":
        print(demo(args.lang))
    return 0


if __name__ == "__main__":  # pragma: no cover - exercised by a subprocess test
    sys.exit(main())
