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
    "ApologyRefusedError",
    "CalendarNotCoveredError",
    "CountTooLargeError",
    "DateOutOfRangeError",
    "EventOrderError",
    "IncompatibleReportsError",
    "InstantParseError",
    "InvalidCodeError",
    "InvalidCountError",
    "InvalidOverrideError",
    "InvalidPeriodError",
    "InvalidRateError",
    "InvalidTimeLimitError",
    "InvalidTransitionError",
    "MissingColumnError",
    "NoTimeLimitError",
    "PortalVersionWarning",
    "ProcessTooLongError",
    "ProvisionalCalendarWarning",
    "RecordError",
    "ReportIdentityError",
    "RuleNotInForceError",
    "ScheduleError",
    "TimeLimitParseError",
    "TthcError",
    "TthcWarning",
    "UnknownCodeError",
    "UnknownRuleError",
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


class ScheduleError(TthcError, ValueError):
    """A schedule file is malformed, out of bounds, or contradicts tthc's verified days.

    *origin* is the file, *where* the field (``days[3].date``) or ``TOML`` for a syntax error
    (whose message gives the line), *value* the offending value.
    """

    def __init__(self, origin: str, where: str, problem: str, value: object) -> None:
        self.origin, self.where, self.problem, self.value = origin, where, problem, value
        shown = "" if value is None else f" (got {value!r})"
        super().__init__(f"{origin}: {where}: {problem}{shown}")


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


class InvalidCodeError(TthcError, ValueError):
    """A text is not a code of the expected kind (procedure, agency, dossier, ID, tax code).

    ``.text`` is the text as given, ``.kind`` the kind of code and ``.expected`` its shape.
    """

    def __init__(self, text: object, kind: str, expected: str) -> None:
        self.text, self.kind, self.expected = text, kind, expected
        super().__init__(f"{text!r} is not a valid {kind}: expected {expected}")


class UnknownCodeError(TthcError, LookupError):
    """A well-formed code is not in the registry or catalogue that was asked."""

    def __init__(self, code: object, where: str) -> None:
        self.code, self.where = code, where
        super().__init__(f"{str(code)!r} is not in {where}")


class RecordError(TthcError, ValueError):
    """A record from another system (catalogue JSON, sync payload, table row) cannot be read.

    ``.index`` is the record's position (row number) when known, ``.field`` the offending
    field when known, ``.reason`` what was wrong. Importers collect these instead of dropping
    rows; strict modes raise the first one.
    """

    def __init__(self, reason: str, *, index: int | None = None, field: str | None = None) -> None:
        self.reason, self.index, self.field = reason, index, field
        where = []
        if index is not None:
            where.append(f"record {index}")
        if field is not None:
            where.append(f"field {field!r}")
        prefix = ", ".join(where)
        super().__init__(f"{prefix}: {reason}" if prefix else reason)


class ProcessTooLongError(TthcError, ValueError):
    """The steps of an internal or inter-agency process take longer than the legal time limit."""


class InvalidTransitionError(TthcError, ValueError):
    """An event is not allowed for a dossier in its current status.

    ``.dossier`` (the dossier's code), ``.status``, ``.event`` and ``.allowed`` (the events
    that are allowed in that status) are kept as attributes.
    """

    def __init__(self, dossier: str, status: object, event: object, allowed: object) -> None:
        self.dossier, self.status, self.event, self.allowed = dossier, status, event, allowed
        names = ", ".join(str(a) for a in allowed) if allowed else "none (final status)"  # type: ignore[attr-defined]
        super().__init__(
            f"dossier {dossier!r} is {status}: {event} is not allowed (allowed: {names})"
        )


class IncompatibleReportsError(TthcError, ValueError):
    """Two reports cannot be merged (different periods, policies or grouping keys)."""


class ReportIdentityError(TthcError, ArithmeticError):
    """A report breaks one of the identities of Biểu 06 (e.g. (3) = (4) + (5) + (6))."""


class InstantParseError(TthcError, ValueError):
    """A text (CLI argument, CSV cell) could not be read as a date or an instant.

    ``.text`` is quoted in the message; ``.expected`` lists the accepted forms.
    """

    def __init__(self, text: str, expected: str) -> None:
        self.text, self.expected = text, expected
        super().__init__(f"cannot read a date or time from {text!r}: expected {expected}")


class InvalidRateError(TthcError, ValueError):
    """A rate or score is not an exact number (e.g. a float), or is out of the rule's range.

    ``.value`` is the rate as given and ``.expected`` what the rule accepts.
    """

    def __init__(self, value: object, expected: str) -> None:
        self.value, self.expected = value, expected
        super().__init__(f"invalid rate {value!r}: expected {expected}")


class InvalidCountError(TthcError, ValueError):
    """Counts given to a rate are impossible: negative, or a part larger than its whole.

    ``.numerator`` and ``.denominator`` are the counts as given.
    """

    def __init__(self, numerator: object, denominator: object) -> None:
        self.numerator, self.denominator = numerator, denominator
        super().__init__(
            f"invalid counts {numerator!r} / {denominator!r}: expected integers with "
            "0 <= numerator <= denominator"
        )


class InvalidPeriodError(TthcError, ValueError):
    """A reporting period (kỳ báo cáo) cannot be read or built (e.g. "2025-13", end < start).

    ``.value`` is the text or dates as given and ``.expected`` the accepted forms.
    """

    def __init__(self, value: object, expected: str) -> None:
        self.value, self.expected = value, expected
        super().__init__(f"invalid reporting period {value!r}: expected {expected}")


class ApologyRefusedError(InvalidTransitionError):
    """An apology and new appointment (Mẫu 04) cannot be sent: a second one (only one is
    allowed), one for a dossier with no due date, or one whose new appointment is not later.

    A kind of :class:`InvalidTransitionError` (same attributes), plus ``.reason``.
    """

    def __init__(
        self, dossier: str, status: object, event: object, allowed: object, reason: str
    ) -> None:
        super().__init__(dossier, status, event, allowed)
        self.reason = reason
        self.args = (f"dossier {dossier!r}: cannot {event}: {reason}",)


class EventOrderError(TthcError, ValueError):
    """An event is earlier than the last event of a dossier's trail (instants never go back).

    ``.dossier``, ``.event`` and ``.at`` describe the refused event, ``.last`` and
    ``.last_at`` the last one in the trail.
    """

    def __init__(self, dossier: str, event: str, at: object, last: str, last_at: object) -> None:
        self.dossier, self.event, self.at = dossier, event, at
        self.last, self.last_at = last, last_at
        shown = getattr(at, "isoformat", lambda: at)()
        last_shown = getattr(last_at, "isoformat", lambda: last_at)()
        super().__init__(
            f"dossier {dossier!r}: {event} at {shown} is earlier than the last event "
            f"({last} at {last_shown})"
        )


class MissingColumnError(TthcError, KeyError):
    """A table (data frame, CSV export) lacks a column tthc needs; ``.columns`` names them."""

    def __init__(self, message: str, columns: tuple[str, ...] = ()) -> None:
        self.columns = columns
        super().__init__(message)

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0])


class PortalVersionWarning(TthcWarning):
    """A QĐ 766 rule set was chosen that the national portal does not score that period with.

    ``.version`` is the rule set chosen, ``.portal_version`` the one the portal uses for the
    period (``.period``, a text such as ``"2025-07-01.."``); the scores will not match the
    portal's.
    """

    def __init__(self, version: str, portal_version: str, period: str) -> None:
        self.version, self.portal_version, self.period = version, portal_version, period
        super().__init__(
            f"QĐ 766 rule set {version!r} is not what the national portal computes: it scores "
            f"the period {period} under {portal_version!r}; use qd766({portal_version!r}) to "
            "reproduce the portal's scores"
        )


class UnknownRuleError(TthcError, KeyError):
    """No rule of that name exists (``due_rule("nope")``); ``.key`` is the name asked for."""

    def __init__(self, key: object, known: tuple[str, ...]) -> None:
        self.key, self.known = key, known
        super().__init__(f"no due-date rule {key!r}; known: {', '.join(known)}")

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0])


class RuleNotInForceError(TthcError, LookupError):
    """A rule tthc encodes for one regime was asked for a dossier of another, for which no
    successor is known (e.g. the nine-index evaluation of Thông tư 01/2018/TT-VPCP for a
    dossier received under Nghị định 118/2025/NĐ-CP)."""

    def __init__(self, message: str, *, rule: str, regime: str) -> None:
        self.rule, self.regime = rule, regime
        super().__init__(message)
