"""Output hygiene shared by every writer: spreadsheet cells and terminal text.

Text that comes from input (agency names, dossier codes, cells of a rejected row, holiday
names of a schedule file) is written by tthc to CSV and XLSX files and to the terminal. Two
rules keep that output inert:

- **Spreadsheet cells** (:func:`spreadsheet_text`): a text cell that starts with ``=``,
  ``+``, ``-``, ``@``, a tab or a carriage return would be read by Excel or LibreOffice as a
  formula (CSV injection). Such a cell is written with a leading single quote, the OWASP
  rule, so ``=cmd|' /C calc'!A0`` is written ``'=cmd|' /C calc'!A0``. The quote is kept when
  the file is read back: tthc undoes nothing silently, and a name that really starts with a
  quote stays distinguishable. Control characters are escaped first (below), since XLSX
  cannot hold them at all.
- **Terminal text** (:func:`terminal_text`): C0 and C1 control characters (ESC starts ANSI
  sequences), DEL, bidirectional overrides and isolates, line and paragraph separators and
  lone surrogates are written as ``\\uXXXX`` escapes. Line feeds, tabs and a CR that is part
  of a CRLF line end pass through. The escapes are also valid JSON escapes, so JSON output
  run through this function still reads back to the same text.

This module imports nothing from tthc: every layer may use it.

>>> spreadsheet_text("=cmd|' /C calc'!A0")
"'=cmd|' /C calc'!A0"
>>> spreadsheet_text("UBND xã A"), spreadsheet_text("-5")
('UBND xã A', "'-5")
>>> print(terminal_text("A\\x1b[31mB\\u202eC"))
A\\u001b[31mB\\u202eC
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["FORMULA_PREFIXES", "spreadsheet_row", "spreadsheet_text", "terminal_text"]

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
"""First characters that make a spreadsheet read a cell as a formula (OWASP, CSV injection)."""

_UNSAFE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"  # C0 (but tab, LF, CR), DEL, C1
    "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"  # bidi marks, embeddings, overrides, isolates
    "\u2028\u2029"  # line and paragraph separators
    "\ud800-\udfff]"  # lone surrogates (cannot be encoded)
    "|\r(?!\n)"  # a CR that is not part of a CRLF line end
)


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match[0]):04x}"


def terminal_text(text: str) -> str:
    """*text* with control sequences, bidi controls and lone surrogates as ``\\uXXXX``."""
    return _UNSAFE.sub(_escape, text)


def spreadsheet_text(value: str) -> str:
    """A text cell made inert: controls escaped, a formula start prefixed with ``'``."""
    value = terminal_text(value)
    return "'" + value if value.startswith(FORMULA_PREFIXES) else value


def spreadsheet_row(values: Iterable[object]) -> list[object]:
    """A row of cells with every text cell made inert (numbers and ``None`` unchanged)."""
    return [spreadsheet_text(v) if isinstance(v, str) else v for v in values]
