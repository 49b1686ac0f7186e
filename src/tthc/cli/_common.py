"""What every ``tthc`` subcommand shares: languages, labels, tables, one-line errors."""

from __future__ import annotations

import argparse
import os
import re
import sys
import textwrap
import warnings
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from typing import IO, TYPE_CHECKING, NoReturn

from tthc._safe import terminal_text
from tthc.calendar import (
    CalendarPolicy,
    DayKind,
    DayStatus,
    Schedule,
    WorkCalendar,
    vietnam_calendar,
)
from tthc.errors import ProvisionalCalendarWarning, TthcError
from tthc.legal import Confidence, LegalSource

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

__all__ = [
    "KINDS",
    "LANGS",
    "STATUSES",
    "WEEKDAYS",
    "BadInputError",
    "Parser",
    "add_calendar_options",
    "calendar_from",
    "collect_provisional",
    "day_text",
    "echo",
    "instant_text",
    "load_schedules",
    "one_line",
    "say",
    "source_dict",
    "source_text",
    "table",
    "write_bytes",
]

LANGS = ("vi", "en")
"""Output languages; Vietnamese is the default."""

WEEKDAYS = {
    "vi": ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
KINDS = {
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
STATUSES = {
    "vi": {
        DayStatus.VERIFIED: "đã xác minh",
        DayStatus.SOURCE_UNCONFIRMED: "đã công bố, văn bản chưa đối chiếu",
        DayStatus.PROVISIONAL: "tạm tính",
        DayStatus.PENDING_LEGAL_BASIS: "mới là đề xuất, không áp dụng",
        DayStatus.LOCAL: "địa phương",
    },
    "en": {
        DayStatus.VERIFIED: "verified",
        DayStatus.SOURCE_UNCONFIRMED: "published, document unchecked",
        DayStatus.PROVISIONAL: "provisional",
        DayStatus.PENDING_LEGAL_BASIS: "only proposed, not applied",
        DayStatus.LOCAL: "local",
    },
}

_WORDS = {
    "vi": {
        "error": "lỗi",
        "see": "xem",
        "usage": "Cách dùng: ",
        "positionals": "đối số",
        "optionals": "tùy chọn",
        "common": "tùy chọn chung",
        "help": "in hướng dẫn này rồi thoát",
    },
    "en": {
        "error": "error",
        "see": "see",
        "usage": "usage: ",
        "positionals": "positional arguments",
        "optionals": "options",
        "common": "common options",
        "help": "show this help message and exit",
    },
}

# argparse writes its messages in English; these are the ones a user meets, in Vietnamese.
_ARGPARSE_VI = (
    (re.compile(r"the following arguments are required: (.*)"), r"thiếu đối số bắt buộc: \1"),
    (
        re.compile(r"argument (\S+): invalid choice: (.*) \(choose from (.*)\)"),
        r"đối số \1: giá trị không hợp lệ: \2 (chọn một trong \3)",
    ),
    (re.compile(r"unrecognized arguments: (.*)"), r"không nhận ra đối số: \1"),
    (re.compile(r"argument (\S+): expected one argument"), r"đối số \1: cần một giá trị"),
    (
        re.compile(r"argument (\S+): invalid \w+ value: (.*)"),
        r"đối số \1: giá trị không hợp lệ: \2",
    ),
    (
        re.compile(r"argument (\S+): not allowed with argument (.*)"),
        r"đối số \1 không dùng cùng \2",
    ),
)


def echo(text: str, *, file: IO[str] | None = None) -> None:
    """Print *text* (and a line end) to stdout or *file*: the one way the CLI writes text.

    Control sequences, bidi controls and lone surrogates in *text*, which may come from
    input (agency names, cells, schedule files), are written as ``\\uXXXX`` escapes
    (:func:`tthc._safe.terminal_text`), so nothing from a file can drive the terminal.
    """
    print(terminal_text(text), file=sys.stdout if file is None else file)


def one_line(text: str) -> str:
    """*text* on one line: the line breaks of a library's message become spaces."""
    return " ".join(part.strip() for part in text.splitlines() if part.strip())


def say(lang: str, vi: str, en: str) -> str:
    """*vi* or *en*, by *lang*."""
    return vi if lang == "vi" else en


class BadInputError(TthcError, ValueError):
    """A bad argument or file: one line on stderr, exit status 2 (never escapes ``main``).

    *what* is the problem, *where* the argument, file, row or column, *expected* what would
    have been accepted.
    """

    def __init__(self, what: str, *, where: str = "", expected: str = "") -> None:
        self.what, self.where, self.expected = what, where, expected
        parts = [p for p in (where, what) if p]
        super().__init__(": ".join(parts) + (f" ({expected})" if expected else ""))


class _Formatter(argparse.HelpFormatter):
    lang = "vi"

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        """Wrap prose paragraphs; keep lines that start with spaces (examples) as written."""
        blocks = []
        for block in text.split("\n\n"):
            lines = block.splitlines()
            if any(line.startswith("  ") for line in lines):
                blocks.append("\n".join(indent + line for line in lines))
            else:
                blocks.append(
                    textwrap.fill(
                        " ".join(block.split()),
                        width,
                        initial_indent=indent,
                        subsequent_indent=indent,
                    )
                )
        return "\n\n".join(blocks)

    def add_usage(
        self,
        usage: str | None,
        actions: object,
        groups: object,
        prefix: str | None = None,
    ) -> None:
        if prefix is None:  # argparse passes "" when it builds a subcommand's prog
            prefix = _WORDS[self.lang]["usage"]
        super().add_usage(usage, actions, groups, prefix)  # type: ignore[arg-type]


def _formatter(lang: str) -> type[argparse.HelpFormatter]:
    return type(f"_Formatter_{lang}", (_Formatter,), {"lang": lang})


class Parser(argparse.ArgumentParser):
    """An argument parser whose help and usage errors speak the chosen language.

    Bad usage: one line on stderr naming the problem, exit status 2.
    """

    def __init__(
        self, *args: object, lang: str = "vi", with_help: bool = True, **kwargs: object
    ) -> None:
        kwargs.setdefault("formatter_class", _formatter(lang))
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.lang = lang
        words = _WORDS[lang]
        self._positionals.title = words["positionals"]
        self._optionals.title = words["optionals" if with_help else "common"]
        if with_help:
            self.add_argument("-h", "--help", action="help", help=words["help"])

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        # Help, usage errors and --version go through the same filter as every other line.
        super()._print_message(terminal_text(message), file)

    def error(self, message: str) -> NoReturn:
        # The message quotes the arguments as given: a line break in one stays visible.
        message = message.replace("\r", "\\r").replace("\n", "\\n")
        if self.lang == "vi":
            for pattern, replacement in _ARGPARSE_VI:
                if pattern.fullmatch(message):
                    message = pattern.sub(replacement, message)
                    break
        words = _WORDS[self.lang]
        self.exit(
            2, f"{self.prog}: {words['error']}: {message} ({words['see']} '{self.prog} --help')\n"
        )


def add_calendar_options(parser: argparse.ArgumentParser, lang: str) -> None:
    """``--no-make-up-days``, ``--calendar-policy`` (and the deprecated ``--culture-day``)."""
    parser.add_argument(
        "--no-make-up-days",
        action="store_true",
        help=say(
            lang,
            "không coi thứ Bảy làm bù là ngày làm việc (như một số phần mềm)",
            "do not count make-up Saturdays as working days (as some vendors do)",
        ),
    )
    parser.add_argument(
        "--calendar-policy",
        action="append",
        choices=[p.value for p in CalendarPolicy],
        default=[],
        help=say(
            lang,
            "áp dụng một cách hiểu chưa được xác nhận (có thể lặp lại): culture_day_swap_2026 "
            "(nghỉ 23/11, làm bù 28/11/2026, mới là đề xuất), culture_day_compensation (nghỉ bù "
            "khi 24/11 trùng ngày nghỉ hằng tuần)",
            "apply an unconfirmed reading (repeatable): culture_day_swap_2026 (23/11 off, "
            "28/11/2026 worked, only proposed), culture_day_compensation (a day in lieu when "
            "24/11 falls on a weekend)",
        ),
    )
    parser.add_argument(
        "--culture-day",
        action="store_true",
        help=say(
            lang,
            "không còn tác dụng: 24/11 là ngày nghỉ theo Nghị quyết 28/2026/QH16",
            "no effect any more: 24/11 is a day off under Nghị quyết 28/2026/QH16",
        ),
    )


SCHEDULES_ENV = "TTHC_SCHEDULES"
"""Environment variable: schedule files for every command, separated by ``os.pathsep``."""


def load_schedules(paths: Sequence[str] | None) -> tuple[Schedule, ...]:
    """The schedule files of ``TTHC_SCHEDULES`` then of ``--schedule``, read and checked."""
    env = os.environ.get(SCHEDULES_ENV, "")
    listed = [p for p in env.split(os.pathsep) if p.strip()]
    return tuple(Schedule.read(p) for p in [*listed, *(paths or ())])


def calendar_from(args: argparse.Namespace) -> WorkCalendar:
    """The national calendar with the policies and schedule files of the command line."""
    schedules = getattr(args, "schedules", None)
    if schedules is None:
        schedules = load_schedules(getattr(args, "schedule", None))
    return vietnam_calendar(
        count_make_up_days=not args.no_make_up_days,
        policies=getattr(args, "calendar_policy", ()) or (),
        schedules=schedules,
    )


@contextmanager
def collect_provisional() -> Iterator[list[ProvisionalCalendarWarning]]:
    """Collect :class:`ProvisionalCalendarWarning` (shown as a note, not a Python warning)."""
    found: list[ProvisionalCalendarWarning] = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ProvisionalCalendarWarning)
        yield found
    for w in caught:
        if isinstance(w.message, ProvisionalCalendarWarning):
            found.append(w.message)
        else:  # pragma: no cover - passed on unchanged
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)


def day_text(d: date, lang: str) -> str:
    """``Thứ Hai 05/05/2025`` / ``Monday 05/05/2025``."""
    return f"{WEEKDAYS[lang][d.weekday()]} {d:%d/%m/%Y}"


def instant_text(at: datetime, lang: str) -> str:
    """``Thứ Năm 24/04/2025 09:00`` (seconds shown only when not zero)."""
    clock = f"{at:%H:%M:%S}" if at.second or at.microsecond else f"{at:%H:%M}"
    return f"{day_text(at.date(), lang)} {clock}"


def source_text(source: LegalSource) -> str:
    """The citation, with ``*`` when it is known only from secondary sources."""
    star = "" if source.confidence is Confidence.VERIFIED else " *"
    return f"{source}{star}"


def source_dict(source: LegalSource) -> dict[str, str | None]:
    """A citation as JSON-ready fields."""
    return {
        "number": source.number,
        "title": source.title,
        "provision": source.provision,
        "issued": source.issued.isoformat() if source.issued else None,
        "in_force": source.in_force.isoformat() if source.in_force else None,
        "url": source.url,
        "confidence": str(source.confidence),
    }


def table(rows: Sequence[Sequence[str]]) -> list[str]:
    """Left-aligned columns two spaces apart (the last column is not padded)."""
    if not rows:
        return []
    widths = [max(len(row[k]) for row in rows) for k in range(len(rows[0]) - 1)]
    return [
        "  ".join([*(c.ljust(w) for c, w in zip(row, widths, strict=False)), row[-1]]).rstrip()
        for row in rows
    ]


def write_bytes(data: bytes, *, out: Callable[[str], object] | None = None) -> None:
    """Write *data* to stdout as bytes when it has a binary buffer (CRLF kept exactly).

    *data* is UTF-8 text; control characters other than line ends are escaped first, as
    :func:`echo` does.
    """
    data = terminal_text(data.decode("utf-8")).encode("utf-8")
    stream = sys.stdout
    buffer = getattr(stream, "buffer", None)
    if buffer is not None and out is None:
        stream.flush()
        buffer.write(data)
        buffer.flush()
    else:
        (out or stream.write)(data.decode("utf-8"))
