"""Exceptions and warnings raised by tthc.

Every exception tthc raises on purpose derives from :class:`TthcError`, so one ``except``
clause catches them all. Each subclass also derives from the builtin a caller would catch
anyway (``ValueError``, ``LookupError``), and keeps the facts of the failure as attributes so
callers never parse messages. Messages are English, for developers; they name the offending
value and what was expected.

This module is the bottom layer: it imports nothing from tthc.
"""

from __future__ import annotations

from datetime import date

__all__ = [
    "CalendarNotCoveredError",
    "CountTooLargeError",
    "DateOutOfRangeError",
    "InvalidOverrideError",
    "InvalidTimeLimitError",
    "NoTimeLimitError",
    "ProvisionalCalendarWarning",
    "TimeLimitParseError",
    "TthcError",
    "TthcWarning",
]


class TthcError(Exception):
    """Base class of every exception tthc raises on purpose. Catch this to catch them all."""


class TthcWarning(UserWarning):
    """Base class of every warning tthc emits, so one filter silences or escalates them all."""


class DateOutOfRangeError(TthcError, ValueError):
    """A date (or a result) falls outside the years tthc supports at all.

    The Vietnamese lunar tables tthc relies on end in 2100, and the Labor Code of 1994 (the
    oldest statutory holiday list tthc encodes) took effect in 1995.
    """

    def __init__(self, value: date | int, first: date, last: date, *, what: str = "date") -> None:
        self.value, self.first, self.last = value, first, last
        shown = value.isoformat() if isinstance(value, date) else str(value)
        super().__init__(
            f"{what} {shown} is outside the supported range "
            f"{first.isoformat()}..{last.isoformat()}"
        )


class CalendarNotCoveredError(TthcError, LookupError):
    """A strict calendar was asked about a year whose official schedule is not verified."""

    def __init__(self, year: int, covered: range) -> None:
        self.year, self.covered = year, covered
        super().__init__(
            f"no verified working-day calendar for {year}; "
            f"verified years are {covered.start}-{covered.stop - 1}"
        )


class CountTooLargeError(TthcError, ValueError):
    """A count (working days, hours) is so large that the request cannot be meaningful."""

    def __init__(self, value: object, limit: object, *, what: str = "count") -> None:
        self.value, self.limit = value, limit
        super().__init__(f"{what} {value!r} exceeds the limit of {limit!r}")


class InvalidOverrideError(TthcError, ValueError):
    """A calendar override is malformed (e.g. it names no day)."""


class ProvisionalCalendarWarning(TthcWarning):
    """A result depends on a year whose official schedule tthc has not verified.

    The answer comes from the statutory rules alone (Labor Code holidays, lunar dates,
    compensatory days) and may move when the Government publishes that year's schedule.
    """

    def __init__(self, years: tuple[int, ...], covered: range) -> None:
        self.years, self.covered = years, covered
        listed = ", ".join(map(str, years))
        super().__init__(
            f"result depends on unverified year(s) {listed}; verified years are "
            f"{covered.start}-{covered.stop - 1}; answered from the statutory rules"
        )


class InvalidTimeLimitError(TthcError, ValueError):
    """A time limit's amount does not fit its unit (e.g. 2,5 calendar days, or a negative amount)."""


class TimeLimitParseError(TthcError, ValueError):
    """A catalogue text could not be read as a time limit; nothing is guessed.

    The text is quoted in the message and kept as ``.text``; ``.reason`` says what was missing.
    """

    def __init__(self, text: str, reason: str) -> None:
        self.text, self.reason = text, reason
        super().__init__(f"cannot read a time limit from {text!r}: {reason}")


class NoTimeLimitError(TthcError, ValueError):
    """The procedure sets no time limit (Không quy định), so there is no due date to compute."""

    def __init__(self, text: str = "Không quy định") -> None:
        self.text = text
        super().__init__(
            f"the procedure sets no time limit ({text}); there is no due date to compute"
        )
