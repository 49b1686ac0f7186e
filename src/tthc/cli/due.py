"""``tthc due``: the due date and appointment of a dossier, with the rules and their sources.

``tthc due --received "2025-04-24 09:00" --limit "05 ngày làm việc"`` reads the receipt
instant with :func:`tthc.parsing.parse_instant` (day first, Vietnam time) and the time limit
with :meth:`tthc.deadlines.TimeLimit.parse`, computes :func:`tthc.deadlines.due`, and prints
the due date, the appointment, the counting rule with its source, and every day off or
make-up day crossed on the way with its own source.
"""

from __future__ import annotations

import argparse
import json
from datetime import date

from tthc.calendar import CalendarDay, WorkCalendar
from tthc.cli._common import (
    KINDS,
    BadInputError,
    Parser,
    add_calendar_options,
    calendar_from,
    collect_provisional,
    day_text,
    echo,
    instant_text,
    say,
    source_dict,
    source_text,
    table,
)
from tthc.deadlines import Due, DuePolicy, ParsedTimeLimit, TimeLimit, due
from tthc.errors import (
    DateOutOfRangeError,
    InstantParseError,
    NoTimeLimitError,
    TimeLimitParseError,
    TthcError,
)
from tthc.parsing import parse_instant

__all__ = ["POLICIES", "RULE_SUMMARIES_VI", "add_parser", "compute", "run"]

POLICIES = {"legal": DuePolicy.LEGAL, "working-time": DuePolicy.WORKING_TIME}
"""``--policy`` values."""

RULE_SUMMARIES_VI = {
    "working_days": "không tính ngày nhận hồ sơ; hết hạn vào cuối giờ làm việc của ngày làm "
    "việc thứ N sau ngày nhận",
    "calendar_days": "ngày thứ N sau ngày nhận hồ sơ; nếu là ngày nghỉ thì hết hạn vào ngày "
    "làm việc tiếp theo",
    "months": "cùng ngày của tháng thứ N sau (hoặc ngày cuối tháng nếu tháng đó không có ngày "
    "ấy); nếu là ngày nghỉ thì hết hạn vào ngày làm việc tiếp theo",
    "same_day": "nhận trong ngày làm việc, trước giờ giới hạn (mặc định 15 giờ) thì trả trong "
    "ngày; nhận sau giờ đó hoặc vào ngày nghỉ thì trả trong ngày làm việc tiếp theo",
    "working_hours": "tính từ lúc nhận hồ sơ, chỉ cộng giờ hành chính của ngày làm việc",
    "half_working_days": "0,5 ngày làm việc = 4 giờ làm việc, tính từ lúc nhận hồ sơ",
    "working_time": "cách tính của phần mềm một cửa: N ngày làm việc = 8N giờ làm việc, tính từ "
    "lúc nhận hồ sơ",
}
"""The counting rules of :mod:`tthc.deadlines`, summarised in Vietnamese for the output."""


def add_parser(commands: argparse._SubParsersAction[Parser], parent: Parser, lang: str) -> None:
    """Declare ``tthc due``."""
    p = commands.add_parser(
        "due",
        parents=[parent],
        lang=lang,
        help=say(
            lang, "tính hạn giải quyết và ngày hẹn trả", "compute a due date and appointment"
        ),
        description=say(
            lang,
            "Tính hạn giải quyết và ngày giờ hẹn trả kết quả của một hồ sơ, kèm quy tắc đã áp "
            "dụng, căn cứ pháp lý và các ngày nghỉ, ngày làm bù nằm trong khoảng tính.\n\n"
            'Ví dụ:\n  tthc due --received "24/04/2025 09:00" --limit "05 ngày làm việc"',
            "Compute the due date and appointment of a dossier, with the rule applied, its "
            "legal source and the days off and make-up days crossed.\n\n"
            'Example:\n  tthc due --received "24/04/2025 09:00" --limit "05 ngày làm việc"',
        ),
    )
    p.add_argument(
        "--received",
        required=True,
        metavar=say(lang, "NGÀY_GIỜ", "INSTANT"),
        help=say(
            lang,
            "thời điểm tiếp nhận hồ sơ, giờ Việt Nam, ngày trước tháng: "
            '"24/04/2025 09:00", "09 giờ 00, ngày 24/04/2025", "2025-04-24 09:00"',
            "when the complete dossier was received, Vietnam time, day first: "
            '"24/04/2025 09:00", "09 giờ 00, ngày 24/04/2025", "2025-04-24 09:00"',
        ),
    )
    p.add_argument(
        "--limit",
        required=True,
        metavar=say(lang, "THỜI_HẠN", "TIME_LIMIT"),
        help=say(
            lang,
            'thời hạn giải quyết như ghi trong thủ tục: "05 ngày làm việc", "30 ngày", '
            '"Trong ngày", "4 giờ làm việc"',
            'the time limit as the procedure states it: "05 ngày làm việc", "30 ngày", '
            '"Trong ngày", "4 giờ làm việc"',
        ),
    )
    p.add_argument(
        "--policy",
        choices=tuple(POLICIES),
        default="legal",
        help=say(
            lang,
            "cách tính: legal (theo Bộ luật Dân sự, mặc định) hoặc working-time (cộng giờ làm "
            "việc từ lúc nhận, như phần mềm một cửa)",
            "how to count: legal (Civil Code reading, the default) or working-time (working "
            "hours added from the moment of receipt, as one-stop software does)",
        ),
    )
    p.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help=say(lang, "định dạng kết quả (mặc định: text)", "output format (default: text)"),
    )
    add_calendar_options(p, lang)


def compute(args: argparse.Namespace) -> tuple[ParsedTimeLimit, Due, list[CalendarDay], bool]:
    """The parsed limit, the due date, the days crossed and whether it is provisional."""
    lang = args.lang
    try:
        received = parse_instant(args.received)
    except InstantParseError as e:
        raise BadInputError(
            say(
                lang,
                f"không đọc được ngày giờ {e.text!r}",
                f"cannot read a date or time from {e.text!r}",
            ),
            where="--received",
            expected=say(lang, f"cần {e.expected}", f"expected {e.expected}"),
        ) from e
    try:
        parsed = TimeLimit.parse(args.limit)
    except TimeLimitParseError as e:
        raise BadInputError(
            say(
                lang,
                f"không đọc được thời hạn {e.text!r}",
                f"cannot read a time limit from {e.text!r}",
            ),
            where="--limit",
            expected=e.reason,
        ) from e
    cal = calendar_from(args)
    with collect_provisional() as provisional:
        try:
            result = due(received, parsed.limit, calendar=cal, policy=POLICIES[args.policy])
        except NoTimeLimitError as e:
            raise BadInputError(
                say(
                    lang,
                    "thủ tục không quy định thời hạn nên không có hạn giải quyết",
                    "the procedure sets no time limit, so there is no due date",
                ),
                where=f"--limit {args.limit!r}",
            ) from e
        except DateOutOfRangeError as e:  # e.g. a limit in months past 2100
            raise BadInputError(
                say(
                    lang,
                    "hạn giải quyết vượt quá khoảng ngày hỗ trợ (1995-2100)",
                    "the due date is beyond the supported range (1995-2100)",
                ),
                where=f"--limit {args.limit!r}",
            ) from e
        except TthcError:
            raise
        except (ValueError, OverflowError) as e:  # anything else the limit cannot give
            raise BadInputError(
                say(
                    lang,
                    "hạn giải quyết vượt quá khoảng ngày hỗ trợ (1995-2100)",
                    "the due date is beyond the supported range (1995-2100)",
                ),
                where=f"--limit {args.limit!r}",
            ) from e
        crossed = _crossed(cal, received.date(), result.date)
    return parsed, result, crossed, bool(provisional) or result.provisional


def _crossed(cal: WorkCalendar, start: date, end: date) -> list[CalendarDay]:
    """Days off and make-up days after *start*, up to *end*."""
    entries = [
        e
        for y in range(start.year, end.year + 1)
        for e in (*cal.days_off(y), *cal.make_up_days(y))
        if start < e.day <= end
    ]
    return sorted(entries)


def _text(
    args: argparse.Namespace,
    parsed: ParsedTimeLimit,
    result: Due,
    crossed: list[CalendarDay],
    provisional: bool,  # noqa: FBT001 - private
) -> list[str]:
    lang = args.lang
    rule = result.basis.rule
    summary = RULE_SUMMARIES_VI.get(rule.key, rule.summary) if lang == "vi" else rule.summary
    policy = {
        DuePolicy.LEGAL: say(lang, "theo luật (legal)", "legal (Civil Code reading)"),
        DuePolicy.WORKING_TIME: say(
            lang, "cộng giờ làm việc (working-time)", "working time (vendor practice)"
        ),
    }[result.policy]
    rows = [
        (say(lang, "Nhận hồ sơ:", "Received:"), instant_text(result.received_at, lang)),
        (say(lang, "Thời hạn:", "Time limit:"), f"{args.limit} -> {parsed.limit}"),
        (say(lang, "Cách tính:", "Policy:"), policy),
        (say(lang, "Hạn giải quyết:", "Due date:"), day_text(result.date, lang)),
        (say(lang, "Hẹn trả kết quả:", "Appointment:"), instant_text(result.at, lang)),
    ]
    width = max(len(label) for label, _ in rows)
    lines = [f"{label.ljust(width)}  {value}" for label, value in rows]
    lines.append(say(lang, "Quy tắc áp dụng:", "Rules applied:"))
    lines.append(f"  - {rule.key}: {summary}")
    lines.append(f"    {say(lang, 'Căn cứ', 'Source')}: {source_text(rule.source)}")
    if crossed:
        lines.append(
            say(
                lang,
                "  - Ngày nghỉ, ngày làm bù trong khoảng tính:",
                "  - Days off and make-up days crossed:",
            )
        )
        lines += table(
            [
                (
                    f"    {day_text(e.day, lang)}",
                    KINDS[lang][e.kind],
                    e.name,
                    e.source.number
                    + ("" if e.source.provision is None else f", {e.source.provision}"),
                )
                for e in crossed
            ]
        )
    for note in parsed.notes:
        lines.append(f"{say(lang, 'Ghi chú', 'Note')}: {note}")
    for excluded in parsed.excluded:
        lines.append(
            say(
                lang,
                f"Không tính: {excluded} (dùng tthc.deadlines.pause khi có)",
                f"Excluded: {excluded} (use tthc.deadlines.pause when it happens)",
            )
        )
    if provisional:
        lines.append(
            say(
                lang,
                "Lưu ý: kết quả dựa vào năm chưa có lịch nghỉ chính thức; tính theo luật (tạm tính).",
                "Note: the result depends on a year without an official schedule yet; "
                "computed from the statutes (provisional).",
            )
        )
    return lines


def _json(
    args: argparse.Namespace,
    parsed: ParsedTimeLimit,
    result: Due,
    crossed: list[CalendarDay],
    provisional: bool,  # noqa: FBT001 - private
) -> str:
    rule = result.basis.rule
    data = {
        "received_at": result.received_at.isoformat(),
        "limit": {
            "text": args.limit,
            "read_as": str(parsed.limit),
            "unit": str(parsed.limit.unit),
            "amount": str(parsed.limit.amount),
            "notes": list(parsed.notes),
            "excluded": list(parsed.excluded),
        },
        "policy": str(result.policy),
        "due_date": result.date.isoformat(),
        "appointment": result.at.isoformat(),
        "provisional": provisional,
        "rule": {"key": rule.key, "summary": rule.summary, "source": source_dict(rule.source)},
        "days_crossed": [
            {
                "date": e.day.isoformat(),
                "kind": str(e.kind),
                "name": e.name,
                "working": e.is_working,
                "source": source_dict(e.source),
            }
            for e in crossed
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2)


def run(args: argparse.Namespace) -> int:
    """Print the due date."""
    parsed, result, crossed, provisional = compute(args)
    if args.format == "json":
        echo(_json(args, parsed, result, crossed, provisional))
    else:
        echo("\n".join(_text(args, parsed, result, crossed, provisional)))
    return 0
