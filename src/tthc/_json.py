"""Bounded JSON reading for tthc's readers (private).

:func:`loads` decodes JSON text (``str`` or UTF-8/16/32 ``bytes``) and refuses, with a
:class:`~tthc.errors.RecordError`, what Python's decoder would otherwise let through or crash
on: ``NaN``/``Infinity`` (not JSON), integers longer than :data:`MAX_JSON_INT_DIGITS`,
and nesting deeper than the interpreter's recursion limit. :func:`check_depth` bounds the
nesting of values a reader keeps as given (unknown keys), so writing them back never
recurses without end. The bounds are listed on the documentation page "Bounds".
"""

from __future__ import annotations

import json
import re
from typing import Any, Final

from tthc.errors import RecordError

__all__ = ["MAX_JSON_DEPTH", "MAX_JSON_INT_DIGITS", "check_depth", "loads"]

MAX_JSON_DEPTH: Final = 64
"""Deepest nesting of objects and lists kept from a JSON document (unknown keys)."""
MAX_JSON_INT_DIGITS: Final = 4000
"""Longest integer literal in a JSON document tthc reads (Python refuses to read more than
4,300 digits; amounts have their own, smaller bound)."""


def _constant(name: str) -> Any:
    msg = f"{name} is not JSON (only finite numbers are)"
    raise RecordError(msg)


def _integer(text: str) -> int:
    if len(text.lstrip("-")) > MAX_JSON_INT_DIGITS:
        msg = f"an integer of {len(text)} characters exceeds {MAX_JSON_INT_DIGITS} digits"
        raise RecordError(msg)
    return int(text)


_DECODE = json.JSONDecoder(parse_constant=_constant, parse_int=_integer).decode


_SURROGATE = re.compile(r"\\u[dD][89a-fA-F]|[\ud800-\udfff]")


def _refuse_lone_surrogates(value: object) -> None:
    """RecordError if a text in *value* holds half of a UTF-16 pair (no character of its own;
    it cannot be written as UTF-8, so it could never be written back)."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            texts: list[str] = [item]
        elif isinstance(item, dict):
            texts = list(item)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
            continue
        else:
            continue
        for t in texts:
            try:
                t.encode("utf-8")
            except UnicodeEncodeError:
                msg = f"the text {t[:40]!r} holds a lone UTF-16 surrogate (not a character)"
                raise RecordError(msg) from None


def loads(text: object, *, what: str = "JSON") -> Any:
    """The value of JSON *text*; :class:`~tthc.errors.RecordError` if it is not bounded JSON.

    >>> loads('{"a": [1, 2]}')
    {'a': [1, 2]}
    >>> loads("[NaN]")
    Traceback (most recent call last):
        ...
    tthc.errors.RecordError: not valid JSON: NaN is not JSON (only finite numbers are)
    """
    try:
        if not isinstance(text, str):
            if not isinstance(text, bytes | bytearray):
                msg = f"expected {what} text (str or bytes), got {type(text).__name__}"
                raise RecordError(msg)
            text = bytes(text).decode(json.detect_encoding(text), "surrogatepass")
        value = _DECODE(text)
        if _SURROGATE.search(text):  # an escaped or raw UTF-16 half: is any of them alone?
            _refuse_lone_surrogates(value)
        return value
    except RecordError as exc:
        if exc.reason.startswith("expected "):
            raise
        msg = f"not valid JSON: {exc.reason}"
        raise RecordError(msg) from None
    except RecursionError:
        msg = "not valid JSON: objects and lists are nested too deep"
        raise RecordError(msg) from None
    except ValueError as exc:  # JSONDecodeError, UnicodeDecodeError
        msg = f"not valid JSON: {exc}"
        raise RecordError(msg) from None


def check_depth(value: object, *, field: str, index: int | None = None) -> None:
    """Refuse *value* (decoded JSON) if it nests deeper than :data:`MAX_JSON_DEPTH`.

    >>> check_depth([[[]]], field="extra")
    >>> deep: list[object] = []
    >>> for _ in range(70):
    ...     deep = [deep]
    >>> check_depth(deep, field="extra")
    Traceback (most recent call last):
        ...
    tthc.errors.RecordError: field 'extra': nested deeper than 64 levels
    """
    todo: list[tuple[object, int]] = [(value, 1)]
    while todo:
        item, depth = todo.pop()
        if isinstance(item, dict):
            children: Any = item.values()
        elif isinstance(item, list | tuple):
            children = item
        else:
            continue
        if depth > MAX_JSON_DEPTH:
            msg = f"nested deeper than {MAX_JSON_DEPTH} levels"
            raise RecordError(msg, field=field, index=index)
        todo.extend((child, depth + 1) for child in children if isinstance(child, dict | list))
