"""``tthc calendar YEAR`` and ``tthc calendar check DATE``: the working calendar of state bodies.

``tthc calendar 2026`` lists the weekdays off and the make-up days of a year with kind, name,
source and status, as a table, JSON or an iCalendar file (RFC 5545) to import into a
calendar application. ``tthc calendar check 2026-05-02`` says whether a day is a working day,
why, and on which source.
"""

from __future__ import annotations

import argparse
import json
from datetime import date

from tthc._data.statutory import WEEKLY_REST
from tthc._version import __version__
from tthc.calendar import CalendarDay, WorkCalendar
from tthc.cli._common import (
    KINDS,
    STATUSES,
    WEEKDAYS,
    BadInputError,
    Parser,
    add_calendar_options,
    calendar_from,
    collect_provisional,
    day_text,
    echo,
    say,
    source_dict,
    source_text,
    write_bytes,
)
from tthc.cli.demo import calendar_lines
from tthc.errors import DateOutOfRangeError, InstantParseError
from tthc.legal import LegalSource
from tthc.parsing import parse_date

__all__ = ["add_parser", "check", "check_day", "ics", "run", "year_entries"]


def add_parser(commands: argparse._SubParsersAction[Parser], parent: Parser, lang: str) -> None:
    """Declare ``tthc calendar``."""
    p = commands.add_parser(
        "calendar",
        parents=[parent],
        lang=lang,
        usage=say(
            lang,
            "tthc calendar [tùy chọn] NĂM | tthc calendar check NGÀY",
            "tthc calendar [options] YEAR | tthc calendar check DATE",
        ),
        help=say(
            lang,
            "ngày nghỉ, ngày làm bù của một năm; kiểm tra một ngày",
            "days off and make-up days of a year; check one day",
        ),
        description=say(
            lang,
            "Liệt kê ngày thường được nghỉ và ngày làm bù của cơ quan nhà nước trong một năm, "
            "kèm loại, tên, văn bản và trạng thái; hoặc kiểm tra một ngày có phải ngày làm "
            "việc không.\n\nVí dụ:\n  tthc calendar 2026\n  tthc calendar 2026 --format ics "
            "> lich-2026.ics\n  tthc calendar check 02/05/2026",
            "List the weekdays off and make-up days of state bodies in a year, with kind, "
            "name, source and status; or check whether one day is a working day.\n\n"
            "Examples:\n  tthc calendar 2026\n  tthc calendar 2026 --format ics > "
            "calendar-2026.ics\n  tthc calendar check 2026-05-02",
        ),
    )
    p.add_argument(
        "what",
        nargs="+",
        metavar=say(lang, "NĂM | check NGÀY", "YEAR | check DATE"),
        help=say(
            lang,
            "một năm (2026), hoặc chữ check và một ngày (02/05/2026, 2026-05-02)",
            "a year (2026), or the word check and a date (02/05/2026, 2026-05-02)",
        ),
    )
    p.add_argument(
        "--format",
        choices=("table", "json", "ics"),
        default="table",
        help=say(
            lang,
            "table (bảng, mặc định), json, hoặc ics (nhập vào ứng dụng lịch)",
            "table (the default), json, or ics (to import into a calendar application)",
        ),
    )
    add_calendar_options(p, lang)


def year_entries(cal: WorkCalendar, year: int) -> list[CalendarDay]:
    """Weekdays off, make-up days and proposed (pending) days of *year*, in date order."""
    pending = [p for p in cal.pending_days() if p.day.year == year]
    return sorted((*cal.days_off(year), *cal.make_up_days(year), *pending))


def _entry_dict(e: CalendarDay, lang: str) -> dict[str, object]:
    return {
        "date": e.day.isoformat(),
        "weekday": WEEKDAYS[lang][e.day.weekday()],
        "kind": str(e.kind),
        "kind_label": KINDS[lang][e.kind],
        "name": e.name,
        "working": e.is_working,
        "status": str(e.status),
        "source": source_dict(e.source),
        "note": e.note,
        "schedule_file": e.origin or None,
    }


# -- iCalendar (RFC 5545) ------------------------------------------------------------------------


def _escape(text: str) -> str:
    """TEXT value escaping (RFC 5545 §3.3.11)."""
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def _fold(line: str) -> bytes:
    """One content line, folded at 75 octets without splitting a UTF-8 character (§3.1)."""
    out = bytearray()
    width = 0
    for ch in line:
        b = ch.encode("utf-8")
        if width + len(b) > 75:
            out += b"\r\n "
            width = 1
        out += b
        width += len(b)
    return bytes(out) + b"\r\n"


def _stamp(entries: list[CalendarDay], year: int) -> str:
    """DTSTAMP from the data: the latest issue date of the sources, else 1 January of *year*.

    Never the clock, so the same data gives the same file byte for byte.
    """
    issued = [e.source.issued for e in entries if e.source.issued is not None]
    day = max(issued, default=date(year, 1, 1))
    return f"{day:%Y%m%d}T000000Z"


def ics(cal: WorkCalendar, year: int, lang: str, version: str) -> bytes:
    """*year*'s days off and make-up days as an iCalendar file (all-day events, CRLF lines).

    UIDs are stable (``<yyyymmdd>-<kind>@tthc``): importing the file again updates the events
    instead of duplicating them.
    """
    # Only what the calendar applies: a proposed day (pending legal basis) is not an event.
    entries = sorted((*cal.days_off(year), *cal.make_up_days(year)))
    stamp = _stamp(entries, year)
    name = say(
        lang,
        f"Lịch nghỉ, làm bù của cơ quan nhà nước năm {year} (tthc)",
        f"Days off and make-up days of state bodies, {year} (tthc)",
    )
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//tthc//tthc {version}//{lang.upper()}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{_escape(name)}",
        "X-WR-TIMEZONE:Asia/Ho_Chi_Minh",
    ]
    for e in entries:
        end = date.fromordinal(e.day.toordinal() + 1)
        kind = KINDS[lang][e.kind]
        description = "\n".join(
            [
                f"{say(lang, 'Loại', 'Kind')}: {kind}",
                f"{say(lang, 'Căn cứ', 'Source')}: {source_text(e.source)}",
                f"{say(lang, 'Trạng thái', 'Status')}: {STATUSES[lang][e.status]}",
                *([f"{say(lang, 'Tệp lịch', 'Schedule file')}: {e.origin}"] if e.origin else []),
                *([e.note] if e.note else []),
            ]
        )
        lines += [
            "BEGIN:VEVENT",
            f"UID:{e.day:%Y%m%d}-{e.kind}@tthc",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{e.day:%Y%m%d}",
            f"DTEND;VALUE=DATE:{end:%Y%m%d}",
            f"SUMMARY:{_escape(f'{e.name} ({kind})')}",
            f"DESCRIPTION:{_escape(description)}",
            f"CATEGORIES:{_escape(kind)}",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return b"".join(_fold(line) for line in lines)


# -- check ---------------------------------------------------------------------------------------


def _weekly_rest_source(d: date) -> LegalSource:
    return [source for since, _, source in WEEKLY_REST if since <= d][-1]


def check(cal: WorkCalendar, d: date, lang: str) -> tuple[bool, str, LegalSource | None, str]:
    """Whether *d* is a working day, why (in *lang*), the source, and the entry's status."""
    working, why, source, status, _ = check_day(cal, d, lang)
    return working, why, source, status


def check_day(
    cal: WorkCalendar, d: date, lang: str
) -> tuple[bool, str, LegalSource | None, str, str]:
    """:func:`check`, and the schedule file the day came from (``""`` for bundled data)."""
    working = cal.is_working_day(d)
    entry = cal.day_info(d)
    if entry is not None:
        return (
            working,
            f"{KINDS[lang][entry.kind]}: {entry.name}",
            entry.source,
            STATUSES[lang][entry.status],
            entry.origin,
        )
    pending = [p for p in cal.pending_days() if p.day == d]
    if pending:
        p = pending[0]
        why = (
            say(lang, "ngày làm việc bình thường", "an ordinary working day")
            if working
            else say(lang, "ngày nghỉ hằng tuần", "weekly rest day")
        )
        why += say(
            lang,
            f" ({p.name}: mới là đề xuất, không áp dụng)",
            f" ({p.name}: only proposed, not applied)",
        )
        return working, why, p.source, STATUSES[lang][p.status], ""
    if working:
        return (
            working,
            say(lang, "ngày làm việc bình thường", "an ordinary working day"),
            None,
            "",
            "",
        )
    return (
        working,
        say(lang, "ngày nghỉ hằng tuần", "weekly rest day"),
        _weekly_rest_source(d),
        "",
        "",
    )


def _run_check(args: argparse.Namespace, cal: WorkCalendar, text: str) -> int:
    lang = args.lang
    try:
        d = parse_date(text)
    except InstantParseError as e:
        raise BadInputError(
            say(lang, f"không đọc được ngày {e.text!r}", f"cannot read a date from {e.text!r}"),
            where="check",
            expected=say(lang, f"cần {e.expected}", f"expected {e.expected}"),
        ) from e
    with collect_provisional() as provisional:
        working, why, source, status, origin = check_day(cal, d, lang)
    if args.format == "json":
        data = {
            "date": d.isoformat(),
            "weekday": WEEKDAYS[lang][d.weekday()],
            "working": working,
            "reason": why,
            "source": None if source is None else source_dict(source),
            "schedule_file": origin or None,
            "provisional": bool(provisional),
        }
        echo(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    if args.format == "ics":
        raise BadInputError(
            say(lang, "--format ics chỉ dùng cho cả năm", "--format ics is for a whole year"),
            where="check",
            expected="--format table|json",
        )
    verdict = (
        say(lang, "ngày làm việc", "working day")
        if working
        else say(lang, "không phải ngày làm việc", "not a working day")
    )
    lines = [f"{day_text(d, lang)}: {verdict}", f"  {say(lang, 'Lý do', 'Why')}: {why}"]
    if source is not None:
        lines.append(f"  {say(lang, 'Căn cứ', 'Source')}: {source_text(source)}")
    if status:
        lines.append(f"  {say(lang, 'Trạng thái', 'Status')}: {status}")
    if origin:
        lines.append(f"  {say(lang, 'Tệp lịch', 'Schedule file')}: {origin}")
    if provisional:
        lines.append(
            say(
                lang,
                f"Lưu ý: năm {d.year} chưa có lịch nghỉ chính thức; trả lời theo luật (tạm tính).",
                f"Note: {d.year} has no official schedule yet; answered from the statutes "
                "(provisional).",
            )
        )
    echo("\n".join(lines))
    return 0


def _year(args: argparse.Namespace, text: str) -> int:
    lang = args.lang
    expected = say(
        lang,
        "cần một năm như 2026, hoặc: check NGÀY",
        "expected a year such as 2026, or: check DATE",
    )
    if not (text.isascii() and text.isdigit() and len(text) == 4):
        raise BadInputError(
            say(lang, f"không phải một năm: {text!r}", f"not a year: {text!r}"),
            where="calendar",
            expected=expected,
        )
    return int(text)


def run(args: argparse.Namespace) -> int:
    """Print a year's calendar or check one day."""
    lang = args.lang
    cal = calendar_from(args)
    what = args.what
    if what[0] == "check":
        if len(what) != 2:
            raise BadInputError(
                say(lang, "check cần đúng một ngày", "check takes exactly one date"),
                where="calendar check",
                expected=say(
                    lang,
                    "ví dụ: tthc calendar check 02/05/2026",
                    "e.g. tthc calendar check 2026-05-02",
                ),
            )
        return _run_check(args, cal, what[1])
    if len(what) != 1:
        raise BadInputError(
            say(
                lang,
                f"thừa đối số: {' '.join(what[1:])}",
                f"extra arguments: {' '.join(what[1:])}",
            ),
            where="calendar",
            expected=say(lang, "một năm, hoặc: check NGÀY", "one year, or: check DATE"),
        )
    year = _year(args, what[0])
    try:
        with collect_provisional() as provisional:
            entries = year_entries(cal, year)
    except DateOutOfRangeError as e:
        raise BadInputError(
            say(
                lang,
                f"năm {year} nằm ngoài khoảng hỗ trợ",
                f"year {year} is outside the supported range",
            ),
            where="calendar",
            expected=f"{e.first.year}-{e.last.year}",
        ) from e
    provisional_year = year not in cal.verified_years or bool(provisional)
    if args.format == "ics":
        write_bytes(ics(cal, year, lang, __version__))
        return 0
    if args.format == "json":
        data = {
            "year": year,
            "verified": not provisional_year,
            "days_off": len(cal.days_off(year)),
            "make_up_days": len(cal.make_up_days(year)),
            "days": [_entry_dict(e, lang) for e in entries],
        }
        echo(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    lines = calendar_lines(cal, year, lang)
    if provisional_year:
        lines.append(
            say(
                lang,
                f"Lưu ý: năm {year} chưa có lịch nghỉ chính thức; các ngày trên tính theo luật (tạm tính).",
                f"Note: {year} has no official schedule yet; the days above follow the statutes "
                "(provisional).",
            )
        )
    echo("\n".join(lines))
    return 0
