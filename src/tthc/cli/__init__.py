"""The ``tthc`` command (also ``python -m tthc``).

Subcommands:

- ``tthc due --received "24/04/2025 09:00" --limit "05 ngày làm việc"``: a due date and its
  appointment, with the rule applied and the sources (:mod:`tthc.cli.due`);
- ``tthc calendar 2026 [--format table|json|ics]`` and ``tthc calendar check 2026-05-02``:
  the working calendar of state bodies (:mod:`tthc.cli.calendar`);
- ``tthc report FILE --period 2025-Q1``: the Biểu 06 report of dossiers exported by a
  one-stop system (:mod:`tthc.cli.report`);
- ``tthc demo``: the 2026 calendar and sample deadlines (:mod:`tthc.cli.demo`).

``tthc --schedule FILE COMMAND ...`` (repeatable, before the command) lays schedule files
(:mod:`tthc.schedules`) over the bundled calendar for every command; the environment variable
``TTHC_SCHEDULES`` (paths separated by ``os.pathsep``) does the same for a deployment.

Every command takes ``--lang vi|en`` (Vietnamese by default, help texts included: the
language is read before the help is built) and ``--debug``. Exit status: 0 on success;
2 for bad input (bad usage, an unreadable argument or file, missing columns, or rows
rejected under ``--strict``), after one line on stderr saying what is wrong, where, and what
was expected. Exit status 1 means a bug in tthc, never bad input: the one line then asks
the user to report it, with the traceback that ``--debug`` shows. Text from input reaches
the terminal only through :func:`tthc.cli._common.echo`, which escapes control sequences.

>>> main(["calendar", "check", "02/01/2026", "--lang", "en"])
Friday 02/01/2026: not a working day
  Why: swapped day off: Nghỉ hoán đổi dịp Tết Dương lịch
  Source: 12729/VPCP-KGVX (...), ...
  Status: verified
0
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence
from types import ModuleType

from tthc._version import __version__
from tthc.cli._common import LANGS, Parser, echo, load_schedules, one_line, say
from tthc.errors import TthcError

__all__ = ["main"]

_COMMANDS = ("due", "calendar", "report", "demo")
"""The subcommands, in the order of the help; each is the module ``tthc.cli.<name>``."""


def _module(name: str) -> ModuleType:
    return importlib.import_module(f"tthc.cli.{name}")


def _run(name: str) -> Callable[[argparse.Namespace], int]:
    run: Callable[[argparse.Namespace], int] = _module(name).run
    return run


def _wanted(argv: Sequence[str]) -> tuple[str, ...]:
    """The subcommands whose parsers *argv* needs: its own command, or all of them.

    A command's module is imported only when that command runs (``tthc due`` does not load
    the report's readers). Only the plain form ``[--lang L] [--debug] COMMAND ...`` is
    trusted to name its command; anything else (``--help``, ``--version``, abbreviations,
    no command) gets every parser, so argparse sees exactly what it always saw.
    """
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--lang":
            i += 2
        elif arg == "--debug" or arg.startswith("--lang="):
            i += 1
        elif arg in _COMMANDS:
            return (arg,)
        else:
            break
    return _COMMANDS


def _language(argv: Sequence[str]) -> str:
    """The ``--lang`` of *argv* (read before parsing, so that ``--help`` speaks it)."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv) and argv[i + 1] in LANGS:
            return argv[i + 1]
        if arg.startswith("--lang=") and arg[7:] in LANGS:
            return arg[7:]
    return "vi"


def _parser(lang: str, wanted: Sequence[str] = _COMMANDS) -> Parser:
    # The options every subcommand accepts; defaults are set once, on the main parser, so
    # that "tthc --lang en demo" and "tthc demo --lang en" mean the same.
    common = Parser(lang=lang, with_help=False)
    _add_common(common, lang, default=argparse.SUPPRESS)
    parser = Parser(
        prog="tthc",
        lang=lang,
        description=say(
            lang,
            "tthc: thủ tục hành chính, lịch làm việc, hạn giải quyết và báo cáo.\n\n"
            "Ví dụ:\n"
            '  tthc due --received "24/04/2025 09:00" --limit "05 ngày làm việc"\n'
            "  tthc calendar 2026\n"
            "  tthc calendar check 02/05/2026\n"
            "  tthc report ho-so.csv --period 2025-Q1\n\n"
            "Xem hướng dẫn của từng lệnh: tthc LỆNH --help. English: --lang en.",
            "tthc: Vietnamese administrative procedures: working calendar, due dates, reports.\n\n"
            "Examples:\n"
            '  tthc due --received "24/04/2025 09:00" --limit "05 ngày làm việc" --lang en\n'
            "  tthc calendar 2026 --lang en\n"
            "  tthc calendar check 2026-05-02 --lang en\n"
            "  tthc report dossiers.csv --period 2025-Q1 --lang en\n\n"
            "Help on a command: tthc COMMAND --help --lang en.",
        ),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"tthc {__version__}",
        help=say(lang, "in phiên bản rồi thoát", "show the version and exit"),
    )
    _add_common(parser, lang, default=None)
    parser.add_argument(
        "--schedule",
        action="append",
        metavar=say(lang, "TỆP", "FILE"),
        help=say(
            lang,
            "tệp lịch nghỉ (TOML) đặt lên dữ liệu có sẵn, cho mọi lệnh; có thể lặp lại "
            "(hoặc biến môi trường TTHC_SCHEDULES)",
            "a schedule file (TOML) laid over the bundled calendar for every command; "
            "repeatable (or the environment variable TTHC_SCHEDULES)",
        ),
    )
    commands = parser.add_subparsers(
        dest="command",
        required=True,
        metavar=say(lang, "LỆNH", "COMMAND"),
        title=say(lang, "các lệnh", "commands"),
        parser_class=Parser,
    )
    for name in wanted:
        _module(name).add_parser(commands, common, lang)
    return parser


def _add_common(parser: Parser, lang: str, *, default: object) -> None:
    parser.add_argument(
        "--lang",
        choices=LANGS,
        default="vi" if default is None else default,
        help=say(
            lang,
            "ngôn ngữ: vi (tiếng Việt, mặc định) hoặc en (tiếng Anh)",
            "output language: vi (Vietnamese, the default) or en (English)",
        ),
    )
    parser.add_argument(
        "--debug",
        action="store_true",
        default=False if default is None else default,
        help=say(
            lang,
            "khi có lỗi, in toàn bộ thông tin kỹ thuật (traceback)",
            "on errors, show the full Python traceback",
        ),
    )


def _silence_stdout() -> None:
    """After a closed pipe, send what is left of stdout nowhere (Python would complain at exit)."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # pragma: no cover - stdout is not a real file
        pass


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``tthc`` command with *argv* (default: ``sys.argv[1:]``); return the exit status.

    0 on success; 2 on bad input, after one line on stderr; 1 on a bug in tthc (the line
    asks for a report).
    """
    args_list = list(sys.argv[1:] if argv is None else argv)
    lang = _language(args_list)
    parser = _parser(lang, _wanted(args_list))
    try:
        args = parser.parse_args(args_list)
    except SystemExit as stop:  # --help and --version exit 0, bad usage 2
        return stop.code if isinstance(stop.code, int) else 2
    prog = f"tthc {args.command}"
    error = say(lang, "lỗi", "error")
    try:
        args.schedules = load_schedules(args.schedule)  # checked for every command
        return _run(args.command)(args)
    except BrokenPipeError:  # e.g. "tthc calendar 2026 --format ics | head": not an error
        _silence_stdout()
        return 0
    except (TthcError, OSError) as e:  # BadInputError included: bad input, exit status 2
        if args.debug:
            raise
        _error_line(f"{prog}: {error}: {e}")
        return 2
    except Exception as e:  # a bug in tthc: input alone must never get here
        if args.debug:
            raise
        _error_line(
            say(
                lang,
                f"{prog}: lỗi nội bộ của tthc (không phải lỗi dữ liệu): {type(e).__name__}: "
                f"{e}. Xin báo lỗi này cho nhóm phát triển tthc, kèm kết quả khi chạy lại "
                "lệnh với --debug",
                f"{prog}: internal error in tthc (not a problem with your data): "
                f"{type(e).__name__}: {e}. Please report this bug to the tthc developers, "
                "with the output of the same command run again with --debug",
            )
        )
        return 1


def _error_line(text: str) -> None:
    """*text* as one line on stderr (line breaks of a library's message become spaces)."""
    echo(one_line(text), file=sys.stderr)
