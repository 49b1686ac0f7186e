"""Text instants in the commonest export shapes, read as arrays (private; needs numpy/pyarrow).

Shared by :mod:`tthc.frame` and the columnar reader of ``tthc report``: a text read here has
the value :func:`tthc.parsing.parse_instant` gives it, and every other text is left for
:func:`~tthc.parsing.parse_instant` to read or to refuse, so both paths give one answer.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

import numpy as np
import numpy.typing as npt

from tthc.calendar import FIRST_SUPPORTED_DATE, LAST_SUPPORTED_DATE

__all__ = ["read_common_texts", "read_texts"]

I64 = npt.NDArray[np.int64]
Bools = npt.NDArray[np.bool_]
US_PER_DAY = 86_400_000_000


_SHAPES: Final = (
    # (width, digits of year, month, day, hour, minute, second; separators: position, allowed)
    (14, (0, 4), (4, 6), (6, 8), (8, 10), (10, 12), (12, 14), ()),
    (
        16,
        (6, 10),
        (3, 5),
        (0, 2),
        (11, 13),
        (14, 16),
        None,
        ((2, "/.-"), (5, "/.-"), (10, " Tt"), (13, ":")),
    ),
    (
        19,
        (6, 10),
        (3, 5),
        (0, 2),
        (11, 13),
        (14, 16),
        (17, 19),
        ((2, "/.-"), (5, "/.-"), (10, " Tt"), (13, ":"), (16, ":")),
    ),
    (
        16,
        (0, 4),
        (5, 7),
        (8, 10),
        (11, 13),
        (14, 16),
        None,
        ((4, "/.-"), (7, "/.-"), (10, " Tt"), (13, ":")),
    ),
    (
        19,
        (0, 4),
        (5, 7),
        (8, 10),
        (11, 13),
        (14, 16),
        (17, 19),
        ((4, "/.-"), (7, "/.-"), (10, " Tt"), (13, ":"), (16, ":")),
    ),
)
"""``yyyyMMddHHmmss``; ``dd/mm/yyyy HH:MM[:SS]``; ``yyyy-mm-dd HH:MM[:SS]`` (see below)."""


def read_texts(arr: Any) -> tuple[I64, Bools]:
    """µs (Vietnam wall time) of the texts of an Arrow string array in the commonest shapes.

    The shapes, every field at its full width and nothing around them: the national sync's
    ``yyyyMMddHHmmss``; ``dd/mm/yyyy HH:MM[:SS]`` and ``yyyy-mm-dd HH:MM[:SS]``, with ``/``,
    ``.`` or ``-`` twice the same and a space or ``T`` before the time. A text read here has
    the value :func:`tthc.parsing.parse_instant` gives it (a Hypothesis test holds the two
    together); any other text (another shape, an impossible date or time, a year outside
    1995-2100, a null) is left out of the mask, for :func:`~tthc.parsing.parse_instant` to
    read or to refuse with its reason. Works on the bytes of the array, without a Python
    object per text.
    """
    import pyarrow as pa

    if arr.type != pa.large_string():
        arr = arr.cast(pa.large_string())
    size = len(arr)
    values = np.zeros(size, np.int64)
    read = np.zeros(size, np.bool_)
    validity, offsets_buf, data_buf = arr.buffers()
    if size == 0 or data_buf is None:
        return values, read
    offsets = np.frombuffer(offsets_buf, np.int64, count=size + 1, offset=arr.offset * 8)
    data = np.frombuffer(data_buf, np.uint8)
    lengths = np.diff(offsets)
    if validity is not None and arr.null_count:
        bits = np.unpackbits(
            np.frombuffer(validity, np.uint8), count=arr.offset + size, bitorder="little"
        )
        lengths = np.where(bits[arr.offset :] == 1, lengths, 0)
    for width in sorted({shape[0] for shape in _SHAPES}):
        rows = np.flatnonzero(lengths == width)
        for a in range(0, rows.size, _TEXT_CHUNK):
            part = rows[a : a + _TEXT_CHUNK]
            # Character p of every text is row p of *chars* (one gather for the chunk).
            index = offsets[part][None, :] + np.arange(width)[:, None]
            chars = data[index].astype(np.int32)
            digits = chars - 48
            is_digit = (digits >= 0) & (digits <= 9)
            for w, y, mo, d, h, mi, s, seps in _SHAPES:
                if w != width:
                    continue
                us, good = _shape_value(chars, digits, is_digit, (y, mo, d, h, mi, s), seps)
                values[part[good]] = us[good]
                read[part[good]] = True
    return values, read


def _shape_value(
    chars: npt.NDArray[np.int32],
    digits: npt.NDArray[np.int32],
    is_digit: Bools,
    fields: tuple[tuple[int, int] | None, ...],
    seps: tuple[tuple[int, str], ...],
) -> tuple[I64, Bools]:
    """µs of the texts (one per column of *chars*) in one shape, and which are in it."""
    good = np.ones(chars.shape[1], np.bool_)
    for p, allowed in seps:
        c = chars[p]
        ok = c == ord(allowed[0])
        for other in allowed[1:]:
            ok |= c == ord(other)
        good &= ok
    if seps:
        good &= chars[seps[0][0]] == chars[seps[1][0]]
    numbers = []
    for span in fields:
        v = np.zeros(chars.shape[1], np.int32)
        if span is not None:
            good &= is_digit[span[0] : span[1]].all(axis=0)
            for p in range(*span):
                v *= 10
                v += digits[p]
        numbers.append(v)
    year, month, day, hour, minute, second = numbers
    good &= (year >= FIRST_SUPPORTED_DATE.year) & (year <= LAST_SUPPORTED_DATE.year)
    good &= (month >= 1) & (month <= 12) & (day >= 1)
    good &= (hour <= 23) & (minute <= 59) & (second <= 59)
    month_index = year * 12 + month
    month_index -= FIRST_SUPPORTED_DATE.year * 12 + 1
    np.copyto(month_index, 0, where=~good)
    first = np.take(_MONTH_FIRST, month_index)
    good &= day <= np.take(_MONTH_LENGTH, month_index)
    us = (first + day - 1) * US_PER_DAY
    us += ((hour * 60 + minute) * 60 + second).astype(np.int64) * 1_000_000
    return us, good


_MONTHS = np.arange(
    np.datetime64(f"{FIRST_SUPPORTED_DATE.year}-01", "M"),
    np.datetime64(f"{LAST_SUPPORTED_DATE.year + 1}-02", "M"),
)
_MONTH_FIRST: Final = _MONTHS.astype("datetime64[D]").view(np.int64)[:-1]
"""``datetime64[D]`` integer of the first day of each month from January 1995."""
_MONTH_LENGTH: Final = np.diff(_MONTHS.astype("datetime64[D]").view(np.int64)).astype(np.int32)
"""Days in each month from January 1995."""
_TEXT_CHUNK = 1 << 14


def read_common_texts(texts: Sequence[object]) -> tuple[I64, Bools]:
    """:func:`read_texts` of a sequence (values other than texts are not read)."""
    import pyarrow as pa

    arr = pa.array([v if type(v) is str else None for v in texts], pa.large_string())
    return read_texts(arr)
