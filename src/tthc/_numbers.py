"""The one reader of numbers that come from outside tthc (private).

Python's ``Fraction`` and ``Decimal`` accept far more than an amount written in a catalogue
or a file: exponents (``"1e100000000"`` expands to a hundred million digits), ``"NaN"``,
``"Infinity"``, ``"1/0"``, underscores, non-ASCII digits (``"٤"``) and integers longer
than Python will print. Every text that becomes a number is therefore matched first against
one small grammar, and every number object given by a caller is checked for finiteness and
size, before any arithmetic:

- ASCII digits ``0-9`` only, at most :data:`MAX_INTEGER_DIGITS` before the decimal mark;
- an optional decimal comma or point followed by 1 to :data:`MAX_FRACTION_DIGITS` digits;
- for tthc's own files only, a fraction ``N/D`` with a non-zero denominator (how a
  ``Fraction`` is written, e.g. ``"5/2"``);
- no sign, exponent, spaces, underscores, thousands separators or special values.

A text outside the grammar raises :class:`~tthc.errors.InvalidNumberError`, naming the field
and the value. The bounds are listed on the documentation page "Bounds".
"""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction
from typing import Final

from tthc.errors import InvalidNumberError

__all__ = [
    "MAX_DECIMAL_EXPONENT",
    "MAX_FRACTION_DIGITS",
    "MAX_INTEGER_DIGITS",
    "MAX_NUMBER_BITS",
    "check_decimal",
    "check_number",
    "read_decimal",
    "read_fraction",
]

MAX_INTEGER_DIGITS: Final = 24
"""Digits before the decimal mark in a number read from text (10**24 is beyond any count,
amount of days or fee in đồng tthc can meet)."""
MAX_FRACTION_DIGITS: Final = 9
"""Digits after the decimal mark in a number read from text."""
MAX_NUMBER_BITS: Final = 256
"""Bits of the numerator and denominator of an exact number given as an object (about 77
decimal digits)."""
MAX_DECIMAL_EXPONENT: Final = 64
"""Largest ``abs(exponent)`` of a :class:`~decimal.Decimal` given as an object."""

_I, _F = MAX_INTEGER_DIGITS, MAX_FRACTION_DIGITS
_DECIMAL = re.compile(rf"([0-9]{{1,{_I}}})(?:[.,]([0-9]{{1,{_F}}}))?")
_RATIO = re.compile(rf"([0-9]{{1,{_I}}})/([0-9]{{1,{_I}}})")

_EXPECTED = (
    f"ASCII digits (at most {MAX_INTEGER_DIGITS}) with an optional decimal comma or point "
    f"and at most {MAX_FRACTION_DIGITS} decimals; no sign, exponent or spaces"
)


def _text(value: object, field: str, expected: str) -> str:
    if not isinstance(value, str):
        raise InvalidNumberError(value, field, expected)
    return value


def read_decimal(text: object, *, field: str) -> Decimal:
    """The exact decimal written as *text* (``"12"``, ``"2,5"``, ``"2.5"``).

    >>> read_decimal("2,5", field="amount")
    Decimal('2.5')
    >>> read_decimal("1e100000000", field="amount")
    Traceback (most recent call last):
        ...
    tthc.errors.InvalidNumberError: field 'amount': '1e100000000' is not a number tthc reads: expected ASCII digits (at most 24) with an optional decimal comma or point and at most 9 decimals; no sign, exponent or spaces
    """
    s = _text(text, field, _EXPECTED)
    m = _DECIMAL.fullmatch(s)
    if m is None:
        raise InvalidNumberError(text, field, _EXPECTED)
    whole, part = m.groups()
    return Decimal(f"{whole}.{part}" if part else whole)


def read_fraction(text: object, *, field: str) -> Fraction:
    """The exact number written as *text*: :func:`read_decimal`'s grammar, or ``N/D``.

    >>> read_fraction("5/2", field="amount"), read_fraction("0,5", field="amount")
    (Fraction(5, 2), Fraction(1, 2))
    >>> read_fraction("1/0", field="amount")
    Traceback (most recent call last):
        ...
    tthc.errors.InvalidNumberError: field 'amount': '1/0' is not a number tthc reads: expected a decimal (ASCII digits (at most 24) with an optional decimal comma or point and at most 9 decimals; no sign, exponent or spaces) or a fraction N/D with D > 0
    """
    expected = f"a decimal ({_EXPECTED}) or a fraction N/D with D > 0"
    s = _text(text, field, expected)
    m = _RATIO.fullmatch(s)
    if m is not None:
        num, den = int(m[1]), int(m[2])
        if den == 0:
            raise InvalidNumberError(text, field, expected)
        return Fraction(num, den)
    m = _DECIMAL.fullmatch(s)
    if m is None:
        raise InvalidNumberError(text, field, expected)
    whole, part = m.groups()
    if not part:
        return Fraction(int(whole))
    return Fraction(int(whole + part), 10 ** len(part))


def check_decimal(value: Decimal, *, field: str) -> Decimal:
    """*value* itself if it is finite and of bounded size (exponent, digits).

    >>> check_decimal(Decimal("99.125"), field="rate")
    Decimal('99.125')
    >>> check_decimal(Decimal("NaN"), field="rate")
    Traceback (most recent call last):
        ...
    tthc.errors.InvalidNumberError: field 'rate': Decimal('NaN') is not a number tthc reads: expected a finite Decimal with an exponent within ±64 and at most 76 digits
    """
    expected = (
        f"a finite Decimal with an exponent within ±{MAX_DECIMAL_EXPONENT} and at most "
        f"{MAX_NUMBER_BITS * 3 // 10} digits"
    )
    if not value.is_finite():
        raise InvalidNumberError(value, field, expected)
    _, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)
    if abs(exponent) > MAX_DECIMAL_EXPONENT or len(digits) > MAX_NUMBER_BITS * 3 // 10:
        raise InvalidNumberError(value, field, expected)
    return value


def check_number(value: object, *, field: str) -> Fraction:
    """*value* (an int, Fraction or Decimal; not a bool or float) as a bounded Fraction.

    >>> check_number(Decimal("2.5"), field="amount")
    Fraction(5, 2)
    >>> check_number(10**100, field="amount")
    Traceback (most recent call last):
        ...
    tthc.errors.InvalidNumberError: field 'amount': <a number of 101 digits> is not a number tthc reads: expected an int, Fraction or Decimal of at most 256 bits
    """
    expected = f"an int, Fraction or Decimal of at most {MAX_NUMBER_BITS} bits"
    if isinstance(value, Decimal):
        value = Fraction(check_decimal(value, field=field))
    elif isinstance(value, bool) or not isinstance(value, int | Fraction):
        raise InvalidNumberError(value, field, expected)
    f = value if isinstance(value, Fraction) else Fraction(value)
    if f.numerator.bit_length() > MAX_NUMBER_BITS or f.denominator.bit_length() > MAX_NUMBER_BITS:
        raise InvalidNumberError(value, field, expected)
    return f
