"""``tthc demo``: the main job on the bundled data, or the 2026 calendar with ``--calendar``.

``tthc demo`` (and ``make demo``) runs :func:`tthc.demo.main_job` on the bundled synthetic
dataset: due date and timeliness of every dossier, Biểu 06 of a quarter per agency, the QĐ 766
progress and online scores, and a chart, written into ``--out`` (default ``tthc-demo``).

``tthc demo --calendar`` prints the 2026 calendar (every weekday off and every make-up Saturday, with its kind,
Vietnamese name, source document and status, and the 24/11 row whose legal basis is
pending), then the 5th and 10th working day after a few receipt dates around Tết, the 30/4
swaps and New Year 2026, with and without make-up days. Dates are written dd/mm/yyyy.

>>> from tthc.cli.demo import demo
>>> print(demo("en").splitlines()[0].split(": ")[1])
working calendar of state bodies, 2026
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from datetime import date

from tthc._version import __version__
from tthc.calendar import CalendarDay, WorkCalendar, vietnam_calendar
from tthc.cli._common import KINDS, STATUSES, WEEKDAYS, Parser, echo, say, table
from tthc.legal import Confidence

__all__ = ["DEMO_YEAR", "SAMPLE_RECEIPTS", "STEPS", "add_parser", "demo", "run"]

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
    return f"{WEEKDAYS[lang][d.weekday()]} {d:%d/%m/%Y}"


def calendar_rows(cal: WorkCalendar, year: int, lang: str) -> list[tuple[str, ...]]:
    """The table rows (header first) of *year*'s weekdays off, make-up days and pending days."""
    off, make_up = cal.days_off(year), cal.make_up_days(year)
    pending = tuple(p for p in cal.pending_days() if p.day.year == year)
    rows = [tuple(_TEXT[lang]["header"].split("|"))]
    rows += [
        (
            f"{e.day:%d/%m/%Y}",
            WEEKDAYS[lang][e.day.weekday()],
            KINDS[lang][e.kind],
            e.name,
            e.source.number + ("" if e.source.confidence is Confidence.VERIFIED else "*"),
            STATUSES[lang][e.status],
        )
        for e in sorted((*off, *make_up, *pending))
    ]
    return rows


def calendar_lines(cal: WorkCalendar, year: int, lang: str) -> list[str]:
    """The calendar table of *year*, its footnote and its totals."""
    text = _TEXT[lang]
    rows = calendar_rows(cal, year, lang)
    totals = text["totals"].format(
        off=len(cal.days_off(year)), make_up=len(cal.make_up_days(year))
    )
    starred = [text["secondary"]] if any(row[4].endswith("*") for row in rows) else []
    return [text["calendar"].format(year=year), *table(rows), *starred, totals]


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
        lines += table(rows)
    return lines


def demo(lang: str = "vi") -> str:
    """The text ``tthc demo`` prints, in Vietnamese (``"vi"``) or English (``"en"``)."""
    cal = vietnam_calendar()
    title = _TEXT[lang]["title"].format(version=__version__, year=DEMO_YEAR)
    return "\n".join(
        [title, "", *calendar_lines(cal, DEMO_YEAR, lang), "", *_deadline_lines(cal, lang)]
    )


def add_parser(commands: argparse._SubParsersAction[Parser], parent: Parser, lang: str) -> None:
    """Declare ``tthc demo``."""
    sub = commands.add_parser(
        "demo",
        parents=[parent],
        lang=lang,
        help=say(
            lang,
            "chạy công việc chính trên bộ dữ liệu mẫu (hoặc in lịch năm 2026)",
            "run the main job on the bundled data (or print the 2026 calendar)",
        ),
        description=say(
            lang,
            "Tính lại hạn giải quyết và kết quả của khoảng 50.000 hồ sơ mẫu (tổng hợp, không có "
            "dữ liệu cá nhân), lập Biểu số 06 quý III/2026 theo cơ quan, chấm chỉ số 766 và vẽ "
            "biểu đồ tỷ lệ đúng hạn theo tháng. Với --calendar: in lịch ngày nghỉ, ngày làm bù "
            "năm 2026 và ví dụ ngày làm việc thứ 5, thứ 10 sau ngày nhận hồ sơ.",
            "Recompute the due date and outcome of about 50,000 sample dossiers (synthetic, no "
            "personal data), build Biểu 06 for Q3/2026 per agency, score the 766 indicators "
            "and draw the on-time rate by month. With --calendar: print the 2026 days off and "
            "make-up days and the 5th and 10th working day after sample receipt dates.",
        ),
    )
    sub.add_argument(
        "--calendar",
        action="store_true",
        help=say(
            lang,
            "in lịch năm 2026 và ví dụ tính hạn thay cho công việc chính",
            "print the 2026 calendar and sample deadlines instead of the main job",
        ),
    )
    sub.add_argument(
        "--out",
        default="tthc-demo",
        metavar="THƯ_MỤC" if lang == "vi" else "DIR",
        help=say(
            lang,
            "thư mục ghi bảng hồ sơ (dossiers.csv) và biểu đồ (mặc định: tthc-demo)",
            "folder for the dossier table (dossiers.csv) and the chart (default: tthc-demo)",
        ),
    )


def run(args: argparse.Namespace) -> int:
    """Print the demo: the main job, or the calendar with ``--calendar``."""
    if args.calendar:
        echo(demo(args.lang))
        return 0
    from tthc.demo import main_job

    echo(main_job(lang=args.lang, out_dir=args.out, progress=True).text)
    return 0
