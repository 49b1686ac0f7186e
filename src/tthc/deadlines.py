"""Time limits and due dates (thời hạn giải quyết, ngày hẹn trả kết quả): the deadline engine.

A procedure states its time limit (:class:`TimeLimit`) in the catalogue, e.g. "05 ngày làm
việc kể từ ngày nhận đủ hồ sơ hợp lệ". :func:`due` turns a receipt instant and a time limit
into a :class:`Due`: the legal due date, the appointment instant, whether it rests on an
unverified calendar year, and the rule (with its article) that produced it.

Two policies (legal-rules.md §1.3):

- :attr:`DuePolicy.LEGAL` (default), the Civil Code reading (Bộ luật Dân sự 2015 Điều
  144-148): the day of receipt is not counted and a period in days ends with its last day;
  the appointment is that day's closing time.
- :attr:`DuePolicy.WORKING_TIME`, vendor practice (OpenCPS, TD DichVuCong): working days are
  converted to working hours (8 a day) and added from the moment of receipt.

>>> from datetime import datetime
>>> from tthc import DuePolicy, TimeLimit, due
>>> limit = TimeLimit.parse("03 ngày làm việc").limit
>>> received = datetime(2025, 1, 24, 15, 30)  # Friday before Tết Ất Tỵ (27-31/01 off)
>>> due(received, limit).at.isoformat()
'2025-02-05T17:00:00+07:00'
>>> due(received, limit, policy=DuePolicy.WORKING_TIME).at.isoformat()
'2025-02-05T15:30:00+07:00'

Completion is classified against the due date (:func:`classify`, :func:`standing`); a
supplement restarts the count (:func:`restart`) and excluded time moves it (:func:`pause`).
"""

from __future__ import annotations

import datetime as _dt
import enum
import functools
import itertools
import re
import unicodedata
import warnings
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from typing import TypeVar

import attrs

from tthc._data.deadline_rules import DUE_RULES
from tthc._data.lifecycle import REGIMES
from tthc.calendar import (
    FIRST_SUPPORTED_DATE,
    LAST_SUPPORTED_DATE,
    VIETNAM_TZ,
    WorkCalendar,
    vietnam_calendar,
)
from tthc.errors import (
    DateOutOfRangeError,
    InvalidTimeLimitError,
    NoTimeLimitError,
    ProvisionalCalendarWarning,
    TimeLimitParseError,
    UnknownRuleError,
)
from tthc.legal import LegalSource

__all__ = [
    "CERTIFICATION_CUTOFF",
    "DEFAULT_CUTOFF",
    "HOURS_PER_WORKING_DAY",
    "VENDOR_SAME_DAY_CUTOFF",
    "ApologyDeadline",
    "CutoffBasis",
    "Due",
    "DueBasis",
    "DueEvent",
    "DuePolicy",
    "DueRule",
    "EventKind",
    "Granularity",
    "ParsedTimeLimit",
    "TimeLimit",
    "Timeliness",
    "Unit",
    "apology_deadline",
    "classify",
    "due",
    "due_rule",
    "due_rules",
    "pause",
    "restart",
    "standing",
]

HOURS_PER_WORKING_DAY = 8
"""Working hours in one working day when days are converted to hours (0,5 day = 4 hours)."""
CERTIFICATION_CUTOFF = _dt.time(15)
"""The cut-off of chứng thực: a request received after 15:00 is done the next working day
(Nghị định 23/2015/NĐ-CP Điều 7)."""
VENDOR_SAME_DAY_CUTOFF = _dt.time(15)
"""tthc's default cut-off for a same-day limit when neither the procedure's text nor the law
states one: 15:00, as one-stop vendors apply (TD DichVuCong: received before 15:00, returned
17:00 the same day). Vendor practice, not law: change it with ``due(..., same_day_cutoff=)``
(``None``: no cut-off, the day runs to its end)."""
DEFAULT_CUTOFF = VENDOR_SAME_DAY_CUTOFF
"""Deprecated alias of :data:`VENDOR_SAME_DAY_CUTOFF` (it used to be cited as law for every
same-day limit)."""

_T = TypeVar("_T")
_US_PER_HOUR = 3_600_000_000
_US_PER_DAY = HOURS_PER_WORKING_DAY * _US_PER_HOUR


class Unit(enum.StrEnum):
    """The unit a procedure states its time limit in."""

    WORKING_DAYS = "working_days"
    """Ngày làm việc; the amount may be a half (0,5; 2,5)."""
    CALENDAR_DAYS = "calendar_days"
    """Ngày (without "làm việc"): calendar days (Bộ luật Dân sự 2015 Điều 145(2))."""
    WORKING_HOURS = "working_hours"
    """Giờ làm việc: office hours of working days; the amount may be a half."""
    SAME_DAY = "same_day"
    """Trong ngày: the day of receipt, or the next working day after the cut-off."""
    MONTHS = "months"
    """Tháng: calendar months (Bộ luật Dân sự 2015 Điều 148(3))."""
    NONE = "none"
    """Không quy định: the procedure sets no time limit; :func:`due` raises."""


class CutoffBasis(enum.StrEnum):
    """Where a same-day limit's cut-off comes from; :func:`due` is the one place that applies it.

    >>> TimeLimit.same_day().cutoff_basis, TimeLimit.certification().cutoff_basis
    (<CutoffBasis.POLICY: 'policy'>, <CutoffBasis.CERTIFICATION: 'certification'>)
    """

    STATED = "stated"
    """The procedure's own text states it ("nhận sau 16 giờ thì trả ..."); it applies as stated."""
    CERTIFICATION = "certification"
    """Chứng thực: 15:00 by Nghị định 23/2015/NĐ-CP Điều 7, whatever the text says."""
    POLICY = "policy"
    """Neither the text nor the law states one: the same-day policy of :func:`due` applies
    (``same_day_cutoff``, default :data:`VENDOR_SAME_DAY_CUTOFF`, vendor practice)."""


class DuePolicy(enum.StrEnum):
    """How working days and hours are counted (legal-rules.md §1.3)."""

    LEGAL = "legal"
    """Civil Code reading: whole working days count from the day after receipt, whatever the
    time of day, and end at the close of office hours of the last day."""
    WORKING_TIME = "working_time"
    """Vendor practice: working days become 8-hour blocks added from the receipt instant."""


class Granularity(enum.StrEnum):
    """What a completion is compared with (legal-rules.md §5.3)."""

    DAY = "day"
    """The completion date against the due date: any time on the due date is on time."""
    TIMESTAMP = "timestamp"
    """The completion instant against the appointment instant."""


class Timeliness(enum.StrEnum):
    """Early / on time / late for resolved dossiers; within / overdue for pending ones."""

    EARLY = "early"
    """Trước hạn."""
    ON_TIME = "on_time"
    """Đúng hạn."""
    LATE = "late"
    """Quá hạn (resolved after the due date)."""
    WITHIN = "within"
    """Trong hạn (still in progress, not yet past the due date)."""
    OVERDUE = "overdue"
    """Quá hạn (still in progress, past the due date)."""


class EventKind(enum.StrEnum):
    """Something that happened to a due date after it was first computed."""

    RESTART = "restart"
    """The full time limit ran again from the receipt of a supplement."""
    PAUSE = "pause"
    """Excluded time moved the due date later."""


# -- rules ---------------------------------------------------------------------------------------


@attrs.frozen
class DueRule:
    """One counting rule, with the provision it applies and how sure the research is.

    A rule of the one-stop regime (restart, pause, apology, one apology, evaluation) has one
    version per regime: :attr:`regime` names it and :attr:`valid_from` / :attr:`valid_to` give
    the receipt dates it applies to (a dossier keeps the rules in force when it was received).
    The Civil Code's counting rules have ``regime == ""`` and apply to every receipt date.

    >>> print(due_rule("calendar_days").source)
    91/2015/QH13 (Bộ luật Dân sự), Điều 145(2), 147(2), 148(1), 148(5), in force 2017-01-01
    >>> old = due_rule("apology", as_of=_dt.date(2025, 6, 30))
    >>> new = due_rule("apology", as_of=_dt.date(2025, 7, 1))
    >>> old.source.number, old.valid_to, new.source.number, new.valid_from
    ('61/2018/NĐ-CP', datetime.date(2025, 7, 1), '118/2025/NĐ-CP', datetime.date(2025, 7, 1))
    """

    key: str
    summary: str
    source: LegalSource
    note: str = ""
    regime: str = attrs.field(default="", kw_only=True)
    """The one-stop regime the version belongs to (``"nd61_2018"``, ``"nd118_2025"``), or
    ``""`` for a rule of every regime."""
    valid_from: _dt.date = attrs.field(default=FIRST_SUPPORTED_DATE, kw_only=True)
    """The first receipt date the version applies to."""
    valid_to: _dt.date | None = attrs.field(default=None, kw_only=True)
    """The first receipt date it no longer applies to (``None``: still in force)."""
    regime_source: LegalSource | None = attrs.field(default=None, kw_only=True, eq=False)
    """The decree of the regime (as amended), for a regime's rule."""

    def in_force(self, day: _dt.date) -> bool:
        """Whether the version applies to a dossier received on *day*."""
        return self.valid_from <= day and (self.valid_to is None or day < self.valid_to)

    def __str__(self) -> str:
        return f"{self.key}: {self.summary} [{self.source.number}, {self.source.provision}]"


def _load_rules() -> dict[str, tuple[DueRule, ...]]:
    """The rows of ``DUE_RULES`` as versions per key, dated by the regimes' start dates.

    The first regime's rules also answer for receipts before it began (tthc encodes no older
    one-stop regime).
    """
    starts = {row.key: row.valid_from for row in REGIMES}
    sources = {row.key: row.source for row in REGIMES}
    ordered = sorted(starts, key=starts.__getitem__)
    out: dict[str, list[DueRule]] = {}
    for row in DUE_RULES:
        if row.regime == "":
            out.setdefault(row.key, []).append(DueRule(row.key, row.summary, row.source, row.note))
            continue
        i = ordered.index(row.regime)
        begins = FIRST_SUPPORTED_DATE if i == 0 else starts[row.regime]
        ends = starts[ordered[i + 1]] if i + 1 < len(ordered) else None
        rule = DueRule(
            row.key,
            row.summary,
            row.source,
            row.note,
            regime=row.regime,
            valid_from=begins,
            valid_to=ends,
            regime_source=sources[row.regime],
        )
        out.setdefault(row.key, []).append(rule)
    for key, versions in out.items():
        spans = sorted((v.valid_from, v.valid_to or _dt.date.max) for v in versions)
        if any(a[1] != b[0] for a, b in itertools.pairwise(spans)) or (
            spans[0][0] != FIRST_SUPPORTED_DATE or spans[-1][1] != _dt.date.max
        ):
            msg = f"due-date rule {key!r}: its versions must cover every receipt date once"
            raise ValueError(msg)
    return {k: tuple(sorted(v, key=lambda r: r.valid_from)) for k, v in out.items()}


_VERSIONS: dict[str, tuple[DueRule, ...]] = _load_rules()
_RULES: dict[str, DueRule] = {k: v[-1] for k, v in _VERSIONS.items()}


def _rule(key: str, day: _dt.date) -> DueRule:
    """The version of rule *key* for a dossier received on *day*."""
    for r in _VERSIONS[key]:
        if r.in_force(day):
            return r
    return _RULES[key]  # pragma: no cover - _load_rules checks that versions cover every day


def due_rules(*, as_of: _dt.date | None = None) -> tuple[DueRule, ...]:
    """The rules the deadline engine applies, in the order of the docs' table.

    With *as_of*, the rules in force for a dossier received on that date (one version per
    rule); without it, every version of every rule.

    >>> [r.key for r in due_rules(as_of=_dt.date(2025, 7, 1))][:3]
    ['working_days', 'calendar_days', 'months']
    >>> before = {r.key: r.source.number for r in due_rules(as_of=_dt.date(2025, 6, 30))}
    >>> after = {r.key: r.source.number for r in due_rules(as_of=_dt.date(2025, 7, 1))}
    >>> before["restart"], after["restart"], before["evaluation"], after["evaluation"]
    ('61/2018/NĐ-CP', '118/2025/NĐ-CP', '01/2018/TT-VPCP', '118/2025/NĐ-CP')
    """
    if as_of is None:
        return tuple(r for versions in _VERSIONS.values() for r in versions)
    day = _as_day(as_of)
    return tuple(_rule(key, day) for key in _VERSIONS)


def due_rule(key: str, *, as_of: _dt.date | None = None) -> DueRule:
    """The rule named *key* (see :func:`due_rules`): the version for a dossier received on
    *as_of*, or the latest version without it.

    Raises:
        UnknownRuleError: No rule is named *key* (a :class:`~tthc.errors.TthcError` and a
            ``KeyError``).

    >>> due_rule("same_day_certification").source.provision
    'Điều 7'
    >>> due_rule("nope")
    Traceback (most recent call last):
        ...
    tthc.errors.UnknownRuleError: no due-date rule 'nope'; known: working_days, calendar_days, months, same_day, same_day_certification, same_day_policy, working_hours, half_working_days, working_time, restart, pause, apology, one_apology, evaluation
    """
    if key not in _VERSIONS:
        raise UnknownRuleError(key, tuple(_VERSIONS))
    return _RULES[key] if as_of is None else _rule(key, _as_day(as_of))


def _as_day(value: object) -> _dt.date:
    if isinstance(value, _dt.datetime):
        return _local(value).date()
    if isinstance(value, _dt.date):
        return value
    msg = f"as_of is a date (the receipt date), got {value!r}"
    raise TypeError(msg)


# -- time limits ---------------------------------------------------------------------------------

# What the engine does with a limit, precomputed once per TimeLimit.
_K_DAYS, _K_HALF, _K_HOURS, _K_CAL, _K_MONTHS, _K_SAME, _K_NONE = range(7)


def _to_fraction(value: object) -> Fraction:
    if isinstance(value, Fraction):
        return value
    if isinstance(value, bool) or not isinstance(value, int | Decimal | float | str):
        msg = f"a time-limit amount is a number (int, Fraction, Decimal), got {value!r}"
        raise TypeError(msg)
    try:
        return Fraction(value)
    except (ValueError, ArithmeticError):
        msg = f"a time-limit amount must be a finite number, got {value!r}"
        raise InvalidTimeLimitError(msg) from None


def _format_amount(amount: Fraction) -> str:
    whole = amount.numerator // amount.denominator
    return str(whole) if amount.denominator == 1 else f"{whole},5"


@attrs.frozen
class TimeLimit:
    """A time limit as a procedure states it: an amount and a unit.

    Working days and working hours may be halves (0,5 ngày làm việc = 4 working hours);
    calendar days and months are whole; same-day limits have an amount of 0, as does
    :attr:`Unit.NONE`, and a cut-off with its basis (:class:`CutoffBasis`): stated by the
    procedure's text, fixed by law for chứng thực (Nghị định 23/2015/NĐ-CP Điều 7), or left to
    the same-day policy of :func:`due` (default 15:00, vendor practice). ``str(limit)``
    renders the Vietnamese catalogue wording, which :meth:`parse` reads back.

    >>> TimeLimit(Fraction(5, 2), Unit.WORKING_DAYS)
    TimeLimit(amount=Fraction(5, 2), unit=<Unit.WORKING_DAYS: 'working_days'>, cutoff=None)
    >>> print(TimeLimit.working_days(Fraction(1, 2)), "|", TimeLimit.same_day(_dt.time(15)))
    0,5 ngày làm việc | Trong ngày; nhận sau 15 giờ thì trả trong ngày làm việc tiếp theo
    >>> TimeLimit(Fraction(5, 2), Unit.CALENDAR_DAYS)
    Traceback (most recent call last):
        ...
    tthc.errors.InvalidTimeLimitError: calendar_days need a whole amount, got 5/2
    """

    amount: Fraction = attrs.field(converter=_to_fraction)
    """How many units (a Fraction; halves for working days and hours)."""
    unit: Unit = attrs.field(converter=Unit)
    cutoff: _dt.time | None = attrs.field(kw_only=True)
    """For :attr:`Unit.SAME_DAY`: receipts after this time go to the next working day. With
    :attr:`CutoffBasis.POLICY` it is the policy's default (15:00), which :func:`due` replaces
    by its ``same_day_cutoff``."""
    cutoff_basis: CutoffBasis | None = attrs.field(kw_only=True, repr=False)
    """For :attr:`Unit.SAME_DAY`: where the cut-off comes from (default: ``POLICY`` for 15:00,
    ``STATED`` for any other time); ``None`` for other units."""

    _kind: int = attrs.field(init=False, eq=False, repr=False, hash=False)
    _days: int = attrs.field(init=False, eq=False, repr=False, hash=False)
    _us: int = attrs.field(init=False, eq=False, repr=False, hash=False)
    _bound: int = attrs.field(init=False, eq=False, repr=False, hash=False)
    _legal: DueBasis = attrs.field(init=False, eq=False, repr=False, hash=False)
    _working_time: DueBasis = attrs.field(init=False, eq=False, repr=False, hash=False)

    @cutoff.default
    def _default_cutoff(self) -> _dt.time | None:
        return VENDOR_SAME_DAY_CUTOFF if self.unit is Unit.SAME_DAY else None

    @cutoff_basis.default
    def _default_basis(self) -> CutoffBasis | None:
        if self.unit is not Unit.SAME_DAY:
            return None
        return CutoffBasis.POLICY if self.cutoff == VENDOR_SAME_DAY_CUTOFF else CutoffBasis.STATED

    def __attrs_post_init__(self) -> None:
        a, unit, cutoff = self.amount, self.unit, self.cutoff
        if a < 0:
            msg = f"a time limit cannot be negative, got {a}"
            raise InvalidTimeLimitError(msg)
        if unit in (Unit.WORKING_DAYS, Unit.WORKING_HOURS):
            if (a * 2).denominator != 1:
                msg = f"{unit} take whole or half amounts, got {a}"
                raise InvalidTimeLimitError(msg)
        elif unit in (Unit.CALENDAR_DAYS, Unit.MONTHS):
            if a.denominator != 1:
                msg = f"{unit} need a whole amount, got {a}"
                raise InvalidTimeLimitError(msg)
        elif a != 0:
            msg = f"a {unit} time limit has no amount (0), got {a}"
            raise InvalidTimeLimitError(msg)
        if unit is Unit.SAME_DAY:
            if not isinstance(cutoff, _dt.time) or cutoff.tzinfo is not None:
                msg = f"a same-day cut-off is a naive datetime.time, got {cutoff!r}"
                raise InvalidTimeLimitError(msg)
            if cutoff.second or cutoff.microsecond:
                msg = f"a same-day cut-off is a whole minute, got {cutoff}"
                raise InvalidTimeLimitError(msg)
            basis = self.cutoff_basis
            if basis.__class__ is not CutoffBasis:
                try:
                    basis = CutoffBasis(basis)  # type: ignore[arg-type]
                except ValueError:
                    msg = f"a same-day cut-off basis is a CutoffBasis, got {basis!r}"
                    raise InvalidTimeLimitError(msg) from None
                object.__setattr__(self, "cutoff_basis", basis)
            if basis is CutoffBasis.CERTIFICATION and cutoff != CERTIFICATION_CUTOFF:
                msg = (
                    f"the cut-off of chứng thực is 15:00 (Nghị định 23/2015 Điều 7), got {cutoff}"
                )
                raise InvalidTimeLimitError(msg)
            if basis is CutoffBasis.POLICY and cutoff != VENDOR_SAME_DAY_CUTOFF:
                msg = (
                    f"a policy cut-off is written as the default {VENDOR_SAME_DAY_CUTOFF} "
                    f"(due(..., same_day_cutoff=) changes it), got {cutoff}"
                )
                raise InvalidTimeLimitError(msg)
        elif cutoff is not None:
            msg = f"only same-day limits have a cut-off, got {cutoff} for {unit}"
            raise InvalidTimeLimitError(msg)
        elif self.cutoff_basis is not None:
            msg = (
                f"only same-day limits have a cut-off basis, got {self.cutoff_basis!r} for {unit}"
            )
            raise InvalidTimeLimitError(msg)
        whole = a.numerator // a.denominator
        if unit is Unit.WORKING_DAYS:
            kind = _K_DAYS if a.denominator == 1 else _K_HALF
            us = int(a * _US_PER_DAY)
            bound = 2 * (whole + 1) + 31
        elif unit is Unit.WORKING_HOURS:
            kind, us = _K_HOURS, int(a * _US_PER_HOUR)
            bound = 2 * (whole // HOURS_PER_WORKING_DAY + 2) + 31
        elif unit is Unit.CALENDAR_DAYS:
            kind, us, bound = _K_CAL, 0, whole + 31
        elif unit is Unit.MONTHS:
            kind, us, bound = _K_MONTHS, 0, 31 * whole + 62
        elif unit is Unit.SAME_DAY:
            kind, us, bound = _K_SAME, 0, 31
        else:
            kind, us, bound = _K_NONE, 0, 0
        # Conservative span (calendar days) a result can reach: inside it, no unverified year.
        object.__setattr__(self, "_kind", kind)
        object.__setattr__(self, "_days", whole)
        object.__setattr__(self, "_us", us)
        object.__setattr__(self, "_bound", bound)
        if kind == _K_SAME:
            b = _SAME_DAY_BASES[self.cutoff_basis]  # type: ignore[index]
            object.__setattr__(self, "_legal", b[DuePolicy.LEGAL])
            object.__setattr__(self, "_working_time", b[DuePolicy.WORKING_TIME])
        elif kind != _K_NONE:
            object.__setattr__(self, "_legal", _BASES[kind, DuePolicy.LEGAL])
            object.__setattr__(self, "_working_time", _BASES[kind, DuePolicy.WORKING_TIME])

    @classmethod
    def working_days(cls, amount: int | Fraction | Decimal) -> TimeLimit:
        """*amount* ngày làm việc (halves allowed).

        >>> TimeLimit.working_days(5).amount
        Fraction(5, 1)
        """
        return cls(amount, Unit.WORKING_DAYS)

    @classmethod
    def calendar_days(cls, amount: int) -> TimeLimit:
        """*amount* ngày (calendar days).

        >>> str(TimeLimit.calendar_days(30))
        '30 ngày'
        """
        return cls(amount, Unit.CALENDAR_DAYS)

    @classmethod
    def working_hours(cls, amount: int | Fraction | Decimal) -> TimeLimit:
        """*amount* giờ làm việc.

        >>> str(TimeLimit.working_hours(4))
        '4 giờ làm việc'
        """
        return cls(amount, Unit.WORKING_HOURS)

    @classmethod
    def months(cls, amount: int) -> TimeLimit:
        """*amount* tháng.

        >>> str(TimeLimit.months(2))
        '2 tháng'
        """
        return cls(amount, Unit.MONTHS)

    @classmethod
    def same_day(cls, cutoff: _dt.time | None = None) -> TimeLimit:
        """Trong ngày: with *cutoff*, the cut-off the procedure's text states
        (:attr:`CutoffBasis.STATED`); without, none is stated and the same-day policy of
        :func:`due` decides (:attr:`CutoffBasis.POLICY`, default 15:00, vendor practice).

        >>> str(TimeLimit.same_day(_dt.time(16, 30)))
        'Trong ngày; nhận sau 16 giờ 30 phút thì trả trong ngày làm việc tiếp theo'
        >>> str(TimeLimit.same_day())
        'Trong ngày'
        """
        if cutoff is None:
            return cls(
                0, Unit.SAME_DAY, cutoff=VENDOR_SAME_DAY_CUTOFF, cutoff_basis=CutoffBasis.POLICY
            )
        return cls(0, Unit.SAME_DAY, cutoff=cutoff, cutoff_basis=CutoffBasis.STATED)

    @classmethod
    def certification(cls) -> TimeLimit:
        """The time limit of chứng thực: the same day, or the next working day after 15:00
        (Nghị định 23/2015/NĐ-CP Điều 7; :attr:`CutoffBasis.CERTIFICATION`).

        >>> print(TimeLimit.certification())
        Chứng thực: trong ngày; nhận sau 15 giờ thì trả trong ngày làm việc tiếp theo
        """
        return cls(
            0, Unit.SAME_DAY, cutoff=CERTIFICATION_CUTOFF, cutoff_basis=CutoffBasis.CERTIFICATION
        )

    @classmethod
    def no_limit(cls) -> TimeLimit:
        """Không quy định: the procedure sets no time limit.

        >>> str(TimeLimit.no_limit())
        'Không quy định'
        """
        return cls(0, Unit.NONE)

    def render(self) -> str:
        """The limit in catalogue wording; :meth:`parse` reads it back to an equal limit.

        >>> TimeLimit.working_hours(Fraction(9, 2)).render()
        '4,5 giờ làm việc'
        """
        unit = self.unit
        if unit is Unit.SAME_DAY:
            c = self.cutoff
            assert c is not None
            if self.cutoff_basis is CutoffBasis.POLICY:
                return "Trong ngày"
            at = f"{c.hour} giờ" + (f" {c.minute} phút" if c.minute else "")
            text = f"trong ngày; nhận sau {at} thì trả trong ngày làm việc tiếp theo"
            if self.cutoff_basis is CutoffBasis.CERTIFICATION:
                return f"Chứng thực: {text}"
            return text[0].upper() + text[1:]
        if unit is Unit.NONE:
            return "Không quy định"
        word = {
            Unit.WORKING_DAYS: "ngày làm việc",
            Unit.CALENDAR_DAYS: "ngày",
            Unit.WORKING_HOURS: "giờ làm việc",
            Unit.MONTHS: "tháng",
        }[unit]
        return f"{_format_amount(self.amount)} {word}"

    def __str__(self) -> str:
        return self.render()

    @staticmethod
    def parse(text: str) -> ParsedTimeLimit:
        """Read a time limit from catalogue text, with what else the text says.

        Case, diacritics (or their absence), NFC/NFD and spacing do not matter. "N ngày"
        without "làm việc" is read as calendar days (Bộ luật Dân sự 2015 Điều 145(2)), except
        a fractional "2.5 ngày", which only internal processes use, in half working days
        (legal-rules.md §1.4); every such reading is recorded in ``notes``. Excluded periods
        ("không tính thời gian ...") are listed in ``excluded``.

        Raises:
            TimeLimitParseError: The text states no time limit tthc can read (quoted).

        >>> p = TimeLimit.parse(
        ...     "Không quá 15 ngày làm việc (không tính thời gian thực hiện nghĩa vụ tài chính)"
        ... )
        >>> p.limit, p.excluded
        (TimeLimit(amount=Fraction(15, 1), unit=<Unit.WORKING_DAYS: 'working_days'>, cutoff=None), ('thời gian thực hiện nghĩa vụ tài chính',))
        >>> TimeLimit.parse("NGAY TRONG NGAY; nhan sau 15 gio thi tra trong ngay lam viec tiep theo").limit.unit
        <Unit.SAME_DAY: 'same_day'>
        >>> TimeLimit.parse("theo quy định")
        Traceback (most recent call last):
            ...
        tthc.errors.TimeLimitParseError: cannot read a time limit from 'theo quy định': no amount with a unit (ngày làm việc, ngày, giờ làm việc, tháng), 'trong ngày' or 'không quy định' found
        """
        return _parse(text)


@attrs.frozen
class ParsedTimeLimit:
    """What :meth:`TimeLimit.parse` read: the limit, and what else the text said."""

    limit: TimeLimit
    text: str
    """The text as given."""
    excluded: tuple[str, ...] = ()
    """Periods the text excludes from the count ("không tính thời gian ...")."""
    notes: tuple[str, ...] = ()
    """Readings the parser made explicit (unit defaults, maxima, the start event...)."""


# -- parsing -------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=4096)  # a handful of distinct characters, folded millions of times
def _fold_char(c: str) -> str:
    if c in "đĐ":
        return "d"
    base = [x for x in unicodedata.normalize("NFD", c) if not unicodedata.combining(x)]
    return base[0].lower() if len(base) == 1 and len(base[0].lower()) == 1 else c


def _fold(text: str) -> str:
    """Lower case without diacritics, one character per character of *text* (NFC)."""
    return "".join(_fold_char(c) for c in text)


_AMOUNT = re.compile(
    r"(?<![\w.,])(\d+(?:[.,]\d+)?)\s*(ngay lam viec|gio lam viec|ngay|gio|thang|tuan|nam)\b"
)
_SAME_DAY = re.compile(r"\b(?:ngay\s+)?trong\s+ngay\b")
_CUTOFF = re.compile(r"\bsau\s+(\d{1,2})\s*(?:gio|h|:)\s*(?:(\d{1,2})\s*(?:phut|p)?)?")
_NONE = re.compile(r"^\W*khong\s+quy\s+dinh\b")
_CERTIFICATION = re.compile(r"\bchung\s+thuc\b")
_EXCLUDED = re.compile(r"\bkhong\s+(?:tinh|ke)\s+(?:ca\s+)?([^();]+)")
_FROM = re.compile(r"\b(?:ke\s+)?tu\s+(ngay\s+[^();]+)")
_MAXIMUM = re.compile(r"\bkhong\s+qua\b|\btoi\s+da\b")


def _parse(text: object) -> ParsedTimeLimit:
    if not isinstance(text, str):
        msg = f"a time-limit text is a str, got {text!r}"
        raise TypeError(msg)
    clean = re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()
    folded = _fold(clean)
    notes: list[str] = []
    excluded = tuple(clean[m.start(1) : m.end(1)].strip(" ,.") for m in _EXCLUDED.finditer(folded))
    if _NONE.search(folded):
        return ParsedTimeLimit(TimeLimit.no_limit(), text, excluded, ("no time limit",))
    amount = _AMOUNT.search(folded)
    same = _SAME_DAY.search(folded)
    if same is not None and (amount is None or same.start() < amount.start()):
        cut = _CUTOFF.search(folded, same.end())
        stated: _dt.time | None = None
        if cut is not None:
            hour, minute = int(cut.group(1)), int(cut.group(2) or 0)
            if hour > 23 or minute > 59:
                raise TimeLimitParseError(text, f"the cut-off {cut.group(0)!r} is not a time")
            stated = _dt.time(hour, minute)
        if _CERTIFICATION.search(folded):
            limit = TimeLimit.certification()
            notes.append("chứng thực: the 15:00 cut-off of Nghị định 23/2015 Điều 7 applies")
            if stated is not None and stated != CERTIFICATION_CUTOFF:
                notes.append(f"the text states a cut-off of {stated:%H:%M}, not the law's 15:00")
        elif stated is None:
            limit = TimeLimit.same_day()
            notes.append(
                "no cut-off stated; the same-day policy applies (default 15:00, vendor practice)"
            )
        else:
            limit = TimeLimit.same_day(stated)
        return ParsedTimeLimit(limit, text, excluded, tuple(notes))
    if amount is None:
        reason = (
            "no amount with a unit (ngày làm việc, ngày, giờ làm việc, tháng), "
            "'trong ngày' or 'không quy định' found"
        )
        raise TimeLimitParseError(text, reason)
    value = Fraction(amount.group(1).replace(",", "."))
    word = amount.group(2)
    if word == "ngay lam viec":
        unit = Unit.WORKING_DAYS
    elif word == "gio lam viec":
        unit = Unit.WORKING_HOURS
    elif word == "ngay" and value.denominator != 1:
        unit = Unit.WORKING_DAYS
        notes.append("a fractional 'ngày' is read as working days (half-day units, §1.4)")
    elif word == "ngay":
        unit = Unit.CALENDAR_DAYS
        notes.append("'ngày' without 'làm việc' is read as calendar days (BLDS 2015 Điều 145(2))")
    elif word == "gio":
        unit = Unit.WORKING_HOURS
        notes.append("'giờ' without 'làm việc' is read as working hours")
    elif word == "tuan":
        unit, value = Unit.CALENDAR_DAYS, value * 7
        notes.append("weeks are read as 7 calendar days each (BLDS 2015 Điều 146(1))")
    elif word == "nam":
        unit, value = Unit.MONTHS, value * 12
        notes.append("years are read as 12 months each (BLDS 2015 Điều 148(4))")
    else:
        unit = Unit.MONTHS
    if _MAXIMUM.search(folded, 0, amount.start()):
        notes.append("a maximum ('không quá'): the due date is the last day allowed")
    start = _FROM.search(folded, amount.end())
    if start is not None:
        notes.append(f"counted from: {clean[start.start(1) : start.end(1)].strip(' ,.')}")
    others = [m.group(0) for m in _AMOUNT.finditer(folded, amount.end())]
    if others:
        rest = ", ".join(
            clean[m.start() : m.end()] for m in _AMOUNT.finditer(folded, amount.end())
        )
        notes.append(f"only the first period is used; the text also states: {rest}")
    try:
        limit = TimeLimit(value, unit)
    except InvalidTimeLimitError as e:
        raise TimeLimitParseError(text, str(e)) from None
    return ParsedTimeLimit(limit, text, excluded, tuple(notes))


# -- due dates -----------------------------------------------------------------------------------


def _aware(at: _dt.datetime) -> _dt.datetime:
    return at.replace(tzinfo=VIETNAM_TZ) if at.tzinfo is None else at


@attrs.frozen
class DueEvent:
    """A restart or a pause recorded in a due date's basis."""

    kind: EventKind
    start: _dt.datetime
    """Restart: when the supplement was received. Pause: when the clock stopped."""
    end: _dt.datetime
    """Restart: the same instant. Pause: when the clock ran again."""
    shift: int | _dt.timedelta
    """Pause: the working days (LEGAL day limits) or working time it added; restart: 0."""
    rule: DueRule
    reason: str = ""


@attrs.frozen
class DueBasis:
    """Why a due date is what it is: the rule, the policy, and what happened since.

    >>> print(due(_dt.datetime(2025, 3, 3, 9), TimeLimit.working_days(10)).basis)
    working_days under legal policy (91/2015/QH13, Điều 147(2), 148(1))
    """

    rule: DueRule
    policy: DuePolicy
    events: tuple[DueEvent, ...] = ()
    same_day_cutoff: _dt.time | None = attrs.field(default=VENDOR_SAME_DAY_CUTOFF, kw_only=True)
    """The same-day policy's cut-off the due date used (only read for a same-day limit with
    :attr:`CutoffBasis.POLICY`; ``None``: no cut-off)."""

    def __str__(self) -> str:
        s = self.rule.source
        text = f"{self.rule.key} under {self.policy} policy ({s.number}, {s.provision})"
        if self.rule.key == "same_day_policy":
            c = self.same_day_cutoff
            text += f"; cut-off {'none' if c is None else c.strftime('%H:%M')}"
        for e in self.events:
            text += f"; {e.kind} {e.start.isoformat()}"
            if e.kind is EventKind.PAUSE:
                text += f"..{e.end.isoformat()} (+{e.shift})"
        return text


@attrs.define(on_setattr=attrs.setters.frozen, unsafe_hash=True)
class Due:
    """A computed due date: the legal date, the appointment instant and their basis.

    ``date`` is always a working day of the calendar used; ``at`` is timezone-aware Vietnam
    time; ``provisional`` is True when the answer depends on an unverified calendar year.
    Immutable: :func:`restart` and :func:`pause` return new values.
    """

    date: _dt.date
    """The legal due date (ngày hết hạn)."""
    at: _dt.datetime
    """The appointment instant (giờ hẹn trả), Asia/Ho_Chi_Minh."""
    provisional: bool
    """True when the result depends on a year whose official schedule is not verified."""
    basis: DueBasis
    """The rule and policy that produced the date, and the restarts and pauses since."""
    limit: TimeLimit
    """The procedure's time limit."""
    _received: _dt.datetime = attrs.field(alias="received", eq=_aware, repr=False)
    calendar: WorkCalendar = attrs.field(eq=False, repr=False)
    """The calendar the date was computed on (used again by :func:`restart` and :func:`pause`)."""

    @property
    def received_at(self) -> _dt.datetime:
        """When the dossier was received (Vietnam time, tz-aware), before any restart."""
        return _aware(self._received)

    @property
    def policy(self) -> DuePolicy:
        """The policy that produced this due date."""
        return self.basis.policy


def _due_maker() -> Callable[..., Due]:
    """A constructor that fills Due's slots directly: same value as ``Due(...)``, without the
    per-field frozen-setattr calls of the generated ``__init__`` (the hot path of :func:`due`).
    """
    new = object.__new__
    s1, s2, s3, s4, s5, s6, s7 = (Due.__dict__[a.name].__set__ for a in attrs.fields(Due))

    def make(
        d: _dt.date,
        at: _dt.datetime,
        provisional: bool,  # noqa: FBT001 - private, positional like Due's own __init__
        basis: DueBasis,
        limit: TimeLimit,
        received: _dt.datetime,
        calendar: WorkCalendar,
    ) -> Due:
        due_ = new(Due)
        s1(due_, d)
        s2(due_, at)
        s3(due_, provisional)
        s4(due_, basis)
        s5(due_, limit)
        s6(due_, received)
        s7(due_, calendar)
        return due_

    return make


_make_due = _due_maker()


class _Profile:
    """What the engine needs to know about a calendar, computed once per calendar."""

    __slots__ = (
        "calendar",
        "closing",
        "closings",
        "vhi",
        "vlo",
        "working",
    )

    def __init__(self, cal: WorkCalendar) -> None:
        verified = cal.verified_years
        self.calendar = cal
        self.vlo = _dt.date(verified.start, 1, 1).toordinal()
        self.vhi = _dt.date(verified.stop - 1, 12, 31).toordinal()
        # With one set of office hours, every day closes at the same time.
        uniform = len(cal.office_hours) == 1 and not cal.day_hours
        hours = cal.office_hours[0].hours
        self.closing: _dt.time | None = hours.closing if uniform else None
        self.closings: dict[int, _dt.datetime] = {}
        # The calendar's answers to is_working_day, by ordinal, as they are asked.
        self.working: dict[int, bool] = {}


_profiles: dict[int, _Profile] = {}
_default: list[_Profile] = []


def _profile(cal: WorkCalendar) -> _Profile:
    p = _profiles.get(id(cal))
    if p is None or p.calendar is not cal:
        if len(_profiles) >= 64:
            _profiles.clear()
        p = _profiles[id(cal)] = _Profile(cal)
    return p


def _default_profile() -> _Profile:
    if not _default:
        _default.append(_profile(vietnam_calendar()))
    return _default[0]


_LEGAL = DuePolicy.LEGAL
_WORKING_TIME = DuePolicy.WORKING_TIME
_BASES: dict[tuple[int, DuePolicy], DueBasis] = {
    (kind, policy): DueBasis(_RULES[key], policy)
    for policy in DuePolicy
    for kind, key in (
        (_K_DAYS, "working_days" if policy is DuePolicy.LEGAL else "working_time"),
        (_K_HALF, "half_working_days" if policy is DuePolicy.LEGAL else "working_time"),
        (_K_HOURS, "working_hours"),
        (_K_CAL, "calendar_days"),
        (_K_MONTHS, "months"),
    )
}
_SAME_DAY_BASES: dict[CutoffBasis, dict[DuePolicy, DueBasis]] = {
    basis: {policy: DueBasis(_RULES[key], policy) for policy in DuePolicy}
    for basis, key in (
        (CutoffBasis.STATED, "same_day"),
        (CutoffBasis.CERTIFICATION, "same_day_certification"),
        (CutoffBasis.POLICY, "same_day_policy"),
    )
}


def _local(at: object) -> _dt.datetime:
    """*at* in Vietnam time: naive as given, aware converted (tzinfo kept when Vietnam's)."""
    if type(at) is not _dt.datetime and not isinstance(at, _dt.datetime):
        msg = f"expected a datetime, got {at!r}"
        raise TypeError(msg)
    tz = at.tzinfo
    if tz is None or tz is VIETNAM_TZ:
        return at
    return at.astimezone(VIETNAM_TZ)


def _check_limit(limit: object) -> None:
    if not isinstance(limit, TimeLimit):
        msg = f"expected a TimeLimit, got {limit!r}"
        raise TypeError(msg)


def _closing(p: _Profile, d: _dt.date) -> _dt.datetime:
    """The close of office hours of *d* (the appointment of a day-granular due date)."""
    o = d.toordinal()
    at = p.closings.get(o)
    if at is None:
        c = p.closing
        if c is None:
            c = p.calendar.hours_on(d).closing
        at = p.closings[o] = _dt.datetime.combine(d, c, tzinfo=VIETNAM_TZ)
    return at


def _add_months(d: _dt.date, n: int) -> _dt.date:
    """*d* plus *n* months, clamped to the month's last day (BLDS 2015 Điều 148(3)).

    The same as ``d + dateutil.relativedelta.relativedelta(months=n)`` (tests check it),
    without its cost.
    """
    y, m = divmod(d.month - 1 + n, 12)
    y, m = d.year + y, m + 1
    if d.day <= 28:
        return d.replace(year=y, month=m)
    last = (_dt.date(y + m // 12, m % 12 + 1, 1) - _dt.timedelta(days=1)).day
    return _dt.date(y, m, min(d.day, last))


_FIRST_ORDINAL = FIRST_SUPPORTED_DATE.toordinal()
_LAST_ORDINAL = LAST_SUPPORTED_DATE.toordinal()


def _compute(
    p: _Profile,
    local: _dt.datetime,
    limit: TimeLimit,
    policy: DuePolicy,
    same_day_cutoff: _dt.time | None = VENDOR_SAME_DAY_CUTOFF,
) -> tuple[_dt.date, _dt.datetime]:
    cal = p.calendar
    kind = limit._kind
    if kind == _K_DAYS and policy is DuePolicy.LEGAL:
        d = cal.add_working_days(local.date(), limit._days)
        return d, _closing(p, d)
    if kind <= _K_HOURS:  # half days, hours, or any working days under WORKING_TIME
        # local is a datetime in Vietnam time (naive or aware), checked by the caller.
        x = ((local.hour * 60 + local.minute) * 60 + local.second) * 1_000_000 + local.microsecond
        at = cal._add_us(local.toordinal(), x, limit._us)
        return at.date(), at
    if kind == _K_SAME:
        d = local.date()
        # The one place a same-day cut-off is decided: the text's or the law's, else the policy's.
        cutoff = same_day_cutoff if limit.cutoff_basis is CutoffBasis.POLICY else limit.cutoff
        working = p.working.get(d.toordinal())
        if working is None:
            working = p.working[d.toordinal()] = cal.is_working_day(d)
        if not (working and (cutoff is None or local.time() <= cutoff)):
            d = cal.add_working_days(d, 1)
        return d, _closing(p, d)
    if kind in (_K_CAL, _K_MONTHS):
        # A span longer than the supported years cannot end inside them (and would overflow).
        if limit._days > (_LAST_ORDINAL - _FIRST_ORDINAL) // (1 if kind == _K_CAL else 28):
            what = f"the end of {limit.render()} from"
            raise DateOutOfRangeError(
                local.date(), FIRST_SUPPORTED_DATE, LAST_SUPPORTED_DATE, what=what
            )
        if kind == _K_CAL:
            end = _dt.date.fromordinal(local.toordinal() + limit._days)
        else:
            end = _add_months(local.date(), limit._days)
        d = cal.add_working_days(end, 0)
        return d, _closing(p, d)
    raise NoTimeLimitError


def _quietly(
    p: _Profile,
    fn: Callable[[], _T],
    span: Callable[[_T], tuple[_dt.date, _dt.date]],
) -> tuple[_T, bool]:
    """Run *fn* with the calendar's warnings collected; then warn once if it was provisional.

    The calendar warns on every call that leaves its verified years, so one due date could
    warn several times; this emits exactly one :class:`ProvisionalCalendarWarning` per
    public call (at the caller), and passes any other warning on. A strict calendar raises.
    """
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = fn()
    cal = p.calendar
    years = cal.provisional_years(*span(result))
    for w in caught:
        if not issubclass(w.category, ProvisionalCalendarWarning):  # pragma: no cover
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
    if years:
        warnings.warn(ProvisionalCalendarWarning(years, cal.verified_years), stacklevel=3)
    return result, bool(years)


def due(
    received_at: _dt.datetime,
    limit: TimeLimit,
    *,
    calendar: WorkCalendar | None = None,
    policy: DuePolicy | None = None,
    same_day_cutoff: _dt.time | None = VENDOR_SAME_DAY_CUTOFF,
) -> Due:
    """The due date of a dossier received at *received_at* with time limit *limit*.

    Under :attr:`DuePolicy.LEGAL` (the default) a whole number of working days is counted
    from the day after the receipt date, whatever the time of day (Bộ luật Dân sự 2015 Điều
    147(2)); the appointment is the closing time of the last day. Calendar days and months
    end on their last day, moved to the next working day if it is a day off (Điều 148(5)).
    A same-day limit gives the receipt day, or the next working day after the cut-off or on
    a day off; the cut-off is the one the procedure's text states, 15:00 for chứng thực
    (Nghị định 23/2015/NĐ-CP Điều 7), and otherwise *same_day_cutoff*, a policy whose default
    of 15:00 is vendor practice (``None``: no cut-off). Working hours and half days are working time from the receipt instant (8 hours
    a day). :attr:`DuePolicy.WORKING_TIME` counts every working-day limit as working time.

    Args:
        received_at: When the complete, valid dossier was received; naive datetimes are
            Vietnam local time.
        limit: The procedure's time limit.
        calendar: Working calendar; default :func:`~tthc.calendar.vietnam_calendar`.
        policy: :class:`DuePolicy`; default ``LEGAL``.
        same_day_cutoff: For a same-day limit whose text states no cut-off
            (:attr:`CutoffBasis.POLICY`): receipts after it go to the next working day;
            default :data:`VENDOR_SAME_DAY_CUTOFF`; ``None`` for none.

    Returns:
        The due date, its appointment instant, and the rule that produced them.

    Raises:
        NoTimeLimitError: The limit is :attr:`Unit.NONE` (the procedure sets none).
        CalendarNotCoveredError: A strict calendar was needed beyond its verified years.

    Warns:
        ProvisionalCalendarWarning: Once per call, when the answer depends on an unverified
            year (``Due.provisional`` is then True).

    Examples:
        Reunification Day 2025: 30/4 and 1/5 off, Friday 2/5 swapped for Saturday 26/4.

        >>> d = due(_dt.datetime(2025, 4, 24, 10), TimeLimit.working_days(5))
        >>> d.date, d.at.isoformat()
        (datetime.date(2025, 5, 5), '2025-05-05T17:00:00+07:00')
        >>> due(_dt.datetime(2025, 8, 29, 15, 30), TimeLimit.certification()).date  # 30/8-2/9 off
        datetime.date(2025, 9, 3)
        >>> late = _dt.datetime(2025, 9, 4, 15, 1)
        >>> d = due(late, TimeLimit.same_day(), same_day_cutoff=None)  # no cut-off stated
        >>> d.date, d.basis.rule.key
        (datetime.date(2025, 9, 4), 'same_day_policy')
        >>> due(_dt.datetime(2025, 4, 1, 9), TimeLimit.calendar_days(30)).date  # 1/5 holiday
        datetime.date(2025, 5, 5)
        >>> due(_dt.datetime(2025, 3, 3, 9), TimeLimit.no_limit())
        Traceback (most recent call last):
            ...
        tthc.errors.NoTimeLimitError: the procedure sets no time limit (Không quy định); there is no due date to compute
    """
    if calendar is None:
        p = _default[0] if _default else _default_profile()
    else:
        p = _profile(calendar)
    pol = _LEGAL if policy is None else policy
    if pol is not _LEGAL and pol is not _WORKING_TIME:
        pol = DuePolicy(pol)  # a plain string such as "working_time"
    if limit.__class__ is not TimeLimit:
        _check_limit(limit)
    local = received_at
    if local.__class__ is not _dt.datetime or (
        local.tzinfo is not None and local.tzinfo is not VIETNAM_TZ
    ):
        local = _local(received_at)  # type-checks; converts to Vietnam time
    o = local.toordinal()
    provisional = False
    if p.vlo <= o and o + limit._bound <= p.vhi:
        if limit._kind == _K_DAYS and pol is _LEGAL:  # the common case, inlined
            d = p.calendar.add_working_days(local.date(), limit._days)
            at = p.closings.get(d.toordinal()) or _closing(p, d)
            return _make_due(d, at, provisional, limit._legal, limit, local, p.calendar)
        d, at = _compute(p, local, limit, pol, same_day_cutoff)
    else:
        if limit._kind == _K_NONE:
            raise NoTimeLimitError
        (d, at), provisional = _quietly(
            p,
            lambda: _compute(p, local, limit, pol, same_day_cutoff),
            lambda r: (local.date(), r[0]),
        )
    basis = limit._legal if pol is _LEGAL else limit._working_time
    if same_day_cutoff is not VENDOR_SAME_DAY_CUTOFF and limit._kind == _K_SAME:
        basis = _policy_basis(basis, same_day_cutoff)
    return _make_due(d, at, provisional, basis, limit, local, p.calendar)


def _policy_basis(basis: DueBasis, cutoff: object) -> DueBasis:
    """*basis* recording the same-day policy's *cutoff* (checked: a naive whole minute)."""
    if cutoff is not None and (
        not isinstance(cutoff, _dt.time)
        or cutoff.tzinfo is not None
        or cutoff.second
        or cutoff.microsecond
    ):
        msg = f"same_day_cutoff is a naive datetime.time of whole minutes or None, got {cutoff!r}"
        raise InvalidTimeLimitError(msg)
    if cutoff == basis.same_day_cutoff:
        return basis
    return attrs.evolve(basis, same_day_cutoff=cutoff)


def restart(due_: Due, supplement_received_at: _dt.datetime) -> Due:
    """The due date after a supplement: the full limit runs again from its receipt.

    This is the default for a supplement requested during processing ([U]; vendors implement
    it "theo Nghị định"). The new basis records the restart with the version of the rule in
    force when the dossier was received (Nghị định 61/2018 before 01/07/2025, Nghị định
    118/2025 from then on).

    >>> first = due(_dt.datetime(2025, 3, 3, 9), TimeLimit.working_days(10),
    ...             policy=DuePolicy.WORKING_TIME)
    >>> first.at.isoformat()
    '2025-03-17T09:00:00+07:00'
    >>> again = restart(first, _dt.datetime(2025, 3, 10, 14))
    >>> again.at.isoformat(), [e.kind.value for e in again.basis.events]
    ('2025-03-24T14:00:00+07:00', ['restart'])
    >>> again.basis.events[0].rule.source.number
    '61/2018/NĐ-CP'
    """
    p = _profile(due_.calendar)
    local = _local(supplement_received_at)
    limit, policy = due_.limit, due_.policy
    if limit._kind == _K_NONE:  # pragma: no cover - a Due never has Unit.NONE
        raise NoTimeLimitError
    o = local.toordinal()
    cut = due_.basis.same_day_cutoff
    if p.vlo <= o and o + limit._bound <= p.vhi:
        d, at = _compute(p, local, limit, policy, cut)
        provisional = False
    else:
        (d, at), provisional = _quietly(
            p, lambda: _compute(p, local, limit, policy, cut), lambda r: (local.date(), r[0])
        )
    when = _aware(local)
    rule = _rule("restart", due_.received_at.date())
    event = DueEvent(EventKind.RESTART, when, when, 0, rule)
    basis = attrs.evolve(due_.basis, events=(*due_.basis.events, event))
    return Due(d, at, provisional, basis, limit, due_.received_at, due_.calendar)


def _by_days(due_: Due) -> bool:
    return due_.policy is DuePolicy.LEGAL and due_.limit._kind not in (_K_HALF, _K_HOURS)


def _shifted(
    due_: Due, a: _dt.datetime, b: _dt.datetime
) -> tuple[_dt.date, _dt.datetime, int | _dt.timedelta]:
    cal = due_.calendar
    if _by_days(due_):
        k = cal.count_working_days(a.date(), b.date())
        if k == 0:
            return due_.date, due_.at, 0
        d = cal.add_working_days(due_.date, k)
        return d, _closing(_profile(cal), d), k
    amount = cal.working_time_between(a, b)
    if not amount:
        return due_.date, due_.at, amount
    at = cal.add_working_time(due_.at, amount)
    return at.date(), at, amount


def pause(
    due_: Due, paused_at: _dt.datetime, resumed_at: _dt.datetime, *, reason: str = ""
) -> Due:
    """The due date moved later by excluded time (không tính thời gian).

    Excluded time exists only where a law names it, e.g. the applicant's financial
    obligation in land registration (legal-rules.md §4.3). A due date counted in days under
    :attr:`DuePolicy.LEGAL` moves by the working days between the two dates
    (``count_working_days(paused_at.date(), resumed_at.date())``); one counted in working
    time (:attr:`DuePolicy.WORKING_TIME`, or hours and half days under either policy) moves
    by the office time between the two instants. Pauses accumulate; a pause of zero length
    changes neither the date nor the instant. The basis records the pause.

    Raises:
        ValueError: *resumed_at* is before *paused_at*.

    >>> d = due(_dt.datetime(2025, 3, 3, 9), TimeLimit.working_days(10))
    >>> later = pause(d, _dt.datetime(2025, 3, 5, 10), _dt.datetime(2025, 3, 7, 16),
    ...               reason="nghĩa vụ tài chính")
    >>> d.date, later.date, later.basis.events[0].shift
    (datetime.date(2025, 3, 17), datetime.date(2025, 3, 19), 2)
    """
    a, b = _aware(_local(paused_at)), _aware(_local(resumed_at))
    if b < a:
        msg = f"a pause cannot end ({b.isoformat()}) before it starts ({a.isoformat()})"
        raise ValueError(msg)
    cal = due_.calendar
    p = _profile(cal)
    lo = min(a.date(), due_.date)
    reach = max(b.date(), due_.date).toordinal() + 2 * (b.toordinal() - a.toordinal()) + 31
    if p.vlo <= lo.toordinal() and reach <= p.vhi:
        d, at, shift = _shifted(due_, a, b)
        provisional = due_.provisional
    else:
        (d, at, shift), provisional = _quietly(
            p, lambda: _shifted(due_, a, b), lambda r: (lo, max(r[0], b.date()))
        )
        provisional = provisional or due_.provisional
    rule = _rule("pause", due_.received_at.date())
    event = DueEvent(EventKind.PAUSE, a, b, shift, rule, reason)
    basis = attrs.evolve(due_.basis, events=(*due_.basis.events, event))
    return Due(d, at, provisional, basis, due_.limit, due_.received_at, cal)


# -- timeliness ----------------------------------------------------------------------------------


def _local_date(x: object) -> _dt.date:
    if isinstance(x, _dt.datetime):
        return _local(x).date()
    if isinstance(x, _dt.date):
        return x
    msg = f"expected a date or datetime, got {x!r}"
    raise TypeError(msg)


def _instant(x: object, granularity: Granularity) -> _dt.datetime:
    if not isinstance(x, _dt.datetime):
        msg = f"{granularity} granularity needs a datetime, got {x!r}"
        raise TypeError(msg)
    return _aware(_local(x))


def classify(
    completed_at: _dt.datetime | _dt.date,
    due: Due,
    *,
    granularity: Granularity = Granularity.DAY,
) -> Timeliness:
    """Early, on time or late (trước hạn / đúng hạn / quá hạn) for a resolved dossier.

    ``DAY`` (the default, legal-rules.md §5.3) compares the completion date with ``due.date``:
    any time on the due date is on time (Bộ luật Dân sự 2015 Điều 148(1)). ``TIMESTAMP``
    compares the instant with ``due.at``. Use the moment the result was ready (signed), not
    handed over.

    >>> d = due(_dt.datetime(2025, 3, 3, 9), TimeLimit.working_days(10),
    ...         policy=DuePolicy.WORKING_TIME)  # due Mon 17/03/2025 09:00
    >>> classify(_dt.datetime(2025, 3, 17, 10), d)
    <Timeliness.ON_TIME: 'on_time'>
    >>> classify(_dt.datetime(2025, 3, 17, 10), d, granularity=Granularity.TIMESTAMP)
    <Timeliness.LATE: 'late'>
    """
    if granularity == Granularity.DAY:
        c, limit = _local_date(completed_at), due.date
        if c < limit:
            return Timeliness.EARLY
        return Timeliness.ON_TIME if c == limit else Timeliness.LATE
    g = Granularity(granularity)
    t = _instant(completed_at, g)
    if t < due.at:
        return Timeliness.EARLY
    return Timeliness.ON_TIME if t == due.at else Timeliness.LATE


def standing(
    due: Due,
    as_of: _dt.datetime | _dt.date,
    *,
    granularity: Granularity = Granularity.DAY,
) -> Timeliness:
    """Within or overdue (trong hạn / quá hạn) for a dossier still in progress at *as_of*.

    ``DAY``: within while ``as_of`` is on or before ``due.date``. ``TIMESTAMP``: within while
    ``as_of <= due.at``. Consistent with :func:`classify`: a dossier completed at *t* is early
    or on time exactly when it was within at *t*.

    >>> d = due(_dt.datetime(2026, 4, 28, 9), TimeLimit.working_days(10))  # 30/4-1/5 off
    >>> d.date
    datetime.date(2026, 5, 14)
    >>> standing(d, _dt.date(2026, 5, 14)), standing(d, _dt.date(2026, 5, 15))
    (<Timeliness.WITHIN: 'within'>, <Timeliness.OVERDUE: 'overdue'>)
    """
    if granularity == Granularity.DAY:
        ok = _local_date(as_of) <= due.date
    else:
        ok = _instant(as_of, Granularity(granularity)) <= due.at
    return Timeliness.WITHIN if ok else Timeliness.OVERDUE


@attrs.frozen
class ApologyDeadline:
    """The last day to send the apology and new appointment, under both readings.

    "Chậm nhất 01 ngày trước ngày hết hạn" (Nghị định 61/2018/NĐ-CP Điều 19 [S]; the
    extension request of Nghị định 118/2025 [U]) does not say whether the day is a working or
    a calendar day ([U]); ``rule`` is the version for the dossier's receipt date.
    """

    due_date: _dt.date
    working_day_reading: _dt.date
    """One working day before the due date."""
    calendar_day_reading: _dt.date
    """One calendar day before the due date (may be a day off)."""
    rule: DueRule

    @property
    def earlier(self) -> _dt.date:
        """The earlier of the two readings: the safe day to act by."""
        return min(self.working_day_reading, self.calendar_day_reading)


def apology_deadline(due: Due) -> ApologyDeadline:
    """When the apology (Phiếu xin lỗi và hẹn lại ngày trả kết quả) is due at the latest.

    >>> d = due(_dt.datetime(2025, 4, 24, 9), TimeLimit.working_days(5))  # due Mon 05/05/2025
    >>> a = apology_deadline(d)
    >>> a.calendar_day_reading, a.working_day_reading, a.earlier
    (datetime.date(2025, 5, 4), datetime.date(2025, 4, 29), datetime.date(2025, 4, 29))
    >>> a.rule.source.number, apology_deadline(due(_dt.datetime(2025, 7, 1, 9),
    ...     TimeLimit.working_days(5))).rule.source.number
    ('61/2018/NĐ-CP', '118/2025/NĐ-CP')
    """
    d = due.date
    p = _profile(due.calendar)
    if p.vlo + 31 <= d.toordinal() <= p.vhi:
        wd = due.calendar.add_working_days(d, -1)
    else:
        wd, _ = _quietly(p, lambda: due.calendar.add_working_days(d, -1), lambda r: (r, d))
    rule = _rule("apology", due.received_at.date())
    return ApologyDeadline(d, wd, d - _dt.timedelta(days=1), rule)
