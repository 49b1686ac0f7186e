"""Text hygiene and folding for every reader of Vietnamese text (private).

One rule for characters that do not show, so that a text never means something other than
what a reader sees:

- **Bidirectional controls** (U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069) are
  refused: they can reorder what is displayed (an override before "05" can make "105" show as "150"), so no reading
  of the text is safe.
- **Other invisible characters** (zero-width spaces and joiners U+200B-U+200D, the word
  joiner and invisible operators U+2060-U+2065, the deprecated format characters
  U+206A-U+206F, the byte-order mark U+FEFF, the Mongolian vowel separator U+180E and the
  soft hyphen U+00AD) are removed, and the removal is reported: the text is read as it
  displays (a word joiner between "1" and "0" gives "10").
- **Digits other than ASCII 0-9** ("٤", the fullwidth "\uff15") are refused: tthc reads numbers in one
  grammar (:mod:`tthc._numbers`), as the code parsers do.

:func:`fold` then lowers case and strips diacritics one character for one character, so a
match in the folded text maps back to the same span of the original.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Final

__all__ = [
    "BIDI_CONTROLS",
    "INVISIBLE",
    "HygieneProblem",
    "clean",
    "describe",
    "fold",
    "fold_char",
]

BIDI_CONTROLS: Final = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
"""Characters that can reorder how a text displays: refused."""
INVISIBLE: Final = frozenset(
    "\u00ad\u180e\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\u2065"
    "\u206a\u206b\u206c\u206d\u206e\u206f\ufeff"
)
"""Characters that display as nothing: removed, and the removal reported."""

_SUSPECT = re.compile(
    "[" + "".join(sorted(BIDI_CONTROLS | INVISIBLE)) + "]|[^\\x00-\\x7f]"
)  # a fast pre-check: ASCII text without these needs no further look


class HygieneProblem(ValueError):  # noqa: N818 (a reason, turned into each reader's error)
    """Why a text is refused (the caller raises its own :class:`~tthc.errors.TthcError`)."""


def describe(c: str) -> str:
    """``U+200B ZERO WIDTH SPACE``.

    >>> describe("\\u00ad")
    'U+00AD SOFT HYPHEN'
    """
    return f"U+{ord(c):04X} {unicodedata.name(c, 'unnamed character')}"


def clean(text: str) -> tuple[str, tuple[str, ...]]:
    """*text* with invisible characters removed, and a note of what was removed.

    Raises :class:`HygieneProblem` for a bidirectional control or a non-ASCII digit.

    >>> clean("1\\u206b0 ngày làm việc")
    ('10 ngày làm việc', ('removed 1 invisible character(s): U+206B ACTIVATE SYMMETRIC SWAPPING',))
    >>> clean("\\u0664 ngày")
    Traceback (most recent call last):
        ...
    tthc._text.HygieneProblem: a digit other than 0-9 (U+0664 ARABIC-INDIC DIGIT FOUR); write numbers with ASCII digits
    """
    if _SUSPECT.search(text) is None:
        return text, ()
    removed: list[str] = []
    for c in text:
        if c in BIDI_CONTROLS:
            msg = f"a bidirectional control ({describe(c)}) can change what the text shows"
            raise HygieneProblem(msg)
        if c in INVISIBLE:
            removed.append(c)
        elif c > "\x7f" and unicodedata.category(c) == "Nd":
            msg = f"a digit other than 0-9 ({describe(c)}); write numbers with ASCII digits"
            raise HygieneProblem(msg)
    if not removed:
        return text, ()
    out = "".join(c for c in text if c not in INVISIBLE)
    kinds = ", ".join(describe(c) for c in dict.fromkeys(removed))
    return out, (f"removed {len(removed)} invisible character(s): {kinds}",)


@functools.lru_cache(maxsize=4096)  # a handful of distinct characters, folded millions of times
def fold_char(c: str) -> str:
    """*c* lower-cased without its diacritics (đ -> d), or *c* itself if that is not one char.

    >>> fold_char("Ệ"), fold_char("đ"), fold_char("ß")
    ('e', 'd', 'ß')
    """
    if c in "đĐ":
        return "d"
    base = [x for x in unicodedata.normalize("NFD", c) if not unicodedata.combining(x)]
    return base[0].lower() if len(base) == 1 and len(base[0].lower()) == 1 else c


def fold(text: str) -> str:
    """Lower case without diacritics, one character per character of *text* (NFC).

    >>> fold("Ngày làm việc")
    'ngay lam viec'
    """
    return "".join(fold_char(c) for c in text)
