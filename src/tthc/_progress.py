"""Progress bars for long jobs: shown on a terminal, silent everywhere else.

A bar is drawn with ``tqdm`` (the ``cli`` extra) on standard error, and only when standard
error is a terminal: a pipe, a file, a notebook's captured stream or a CI log gets nothing,
and without ``tqdm`` installed the job runs exactly the same, silently. A bar never changes
what a job computes or prints on standard output.

>>> list(track(range(3), total=3, label="rows"))  # stderr is not a terminal under doctest
[0, 1, 2]
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterable, Iterator
from typing import IO, Any, TypeVar

__all__ = ["Bar", "bar", "showing", "track"]

T = TypeVar("T")


def showing(stream: IO[str] | None = None) -> bool:
    """Whether a bar would be drawn on *stream* (default: the current ``sys.stderr``)."""
    out = sys.stderr if stream is None else stream
    try:
        terminal = bool(out.isatty())
    except (AttributeError, ValueError):  # a closed or stream-like object without a tty
        return False
    return terminal and importlib.util.find_spec("tqdm") is not None


class Bar:
    """A bar advanced by hand (``update(n)``), or nothing when bars are not shown.

    Use it as a context manager; it closes itself.
    """

    def __init__(
        self, *, total: int | None, label: str, unit: str = "", stream: IO[str] | None = None
    ) -> None:
        self._bar: Any = None
        out = sys.stderr if stream is None else stream
        if showing(out):
            from tqdm import tqdm

            self._bar = tqdm(
                total=total,
                desc=label,
                unit=f" {unit}" if unit else "it",
                unit_scale=bool(unit),
                file=out,
                leave=False,
                dynamic_ncols=True,
                mininterval=0.2,
            )

    def update(self, n: int = 1) -> None:
        """Advance the bar by *n* (nothing when no bar is shown)."""
        if self._bar is not None:
            self._bar.update(n)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None

    def __enter__(self) -> Bar:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def bar(*, total: int | None, label: str, unit: str = "", stream: IO[str] | None = None) -> Bar:
    """A :class:`Bar` of *total* steps labelled *label*, on *stream* (default stderr)."""
    return Bar(total=total, label=label, unit=unit, stream=stream)


def track(
    items: Iterable[T],
    *,
    total: int | None = None,
    label: str,
    unit: str = "",
    stream: IO[str] | None = None,
) -> Iterator[T]:
    """Yield *items*, advancing a bar on a terminal; nothing else changes."""
    with bar(total=total, label=label, unit=unit, stream=stream) as b:
        if b._bar is None:
            yield from items
            return
        for item in items:
            yield item
            b.update()
