"""Shortened reprs for error messages (private; below every other module).

A message names the offending value, but a hostile value can be a megabyte of text or an
integer of a million digits, which Python refuses to print. :func:`short_repr` keeps
messages short and never fails.
"""

from __future__ import annotations

from fractions import Fraction

__all__ = ["short_repr"]


def short_repr(value: object, limit: int = 200) -> str:
    """*value*'s repr, shortened for a message: huge numbers by their size, long texts cut."""
    if isinstance(value, int | Fraction) and not isinstance(value, bool):
        n = abs(value.numerator) + value.denominator
        if n.bit_length() > 256:
            return (
                f"<a number of {len(str(n)) if n.bit_length() < 12_000 else 'over 3600'} digits>"
            )
    try:
        text = repr(value)
    except Exception:  # a repr that fails (or recurses) must not hide the real error
        return f"<{type(value).__name__}>"
    return text if len(text) <= limit else f"{text[: limit - 12]}... ({len(text)} characters)"
