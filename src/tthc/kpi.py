"""Dossier statistics and rates: Biểu số 06 of Thông tư 01/2020/TT-VPCP, and every rate named.

Agencies report every period how many dossiers (hồ sơ) they received, resolved and still hold,
and how many of those were early, on time or late: the columns (3)-(13) of *Biểu số
06/VPCP/KSTT* of Thông tư 01/2020/TT-VPCP. :func:`report06` computes that table from plain
:class:`Record` values (one per dossier) for any :class:`Period`; :func:`report06_by` does it
per agency, field, level, procedure, channel and month in one pass. A :class:`Report06` checks
the identities of the form whenever it is built, and two reports of the same period add up.

Rates are exact :class:`~fractions.Fraction` values, ``None`` when the denominator is zero; the
"on-time rate" exists in five incompatible variants (V1-V5, kpi-and-index.md §2.4), each a
function with its own name. :func:`round_percent` is the one rounding step, at presentation.

>>> from datetime import datetime
>>> from tthc.catalog import Channel
>>> r = Record("UBND xã A", datetime(2025, 3, 3, 9), Channel.ONLINE,
...            due_at=datetime(2025, 3, 10, 17), completed_at=datetime(2025, 3, 7, 10),
...            outcome=Outcome.RESOLVED)
>>> rep = report06([r], Period.parse("2025-03"))
>>> rep.received_total, rep.received_online, rep.resolved_early
(1, 1, 1)
>>> round_percent(on_time_rate_resolved_basis(rep))
Decimal('100.00')
"""

from __future__ import annotations

import calendar as _calendar
import datetime as _dt
import enum
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from fractions import Fraction
from operator import attrgetter
from typing import TYPE_CHECKING, Any, Final

import attrs

from tthc._counting import check_grouping, expect_type, report_periods, sort_key
from tthc._data.kpi import BIEU_06_COLUMNS
from tthc.calendar import VIETNAM_TZ
from tthc.catalog import Channel
from tthc.deadlines import Granularity
from tthc.errors import (
    CountTooLargeError,
    IncompatibleReportsError,
    InvalidCountError,
    InvalidPeriodError,
    InvalidRateError,
    RecordError,
    ReportIdentityError,
    UnknownCodeError,
)

if TYPE_CHECKING:
    from tthc.dossier import Dossier

__all__ = [
    "GROUP_KEYS",
    "MAX_REPORT_MONTHS",
    "DisplayStyle",
    "ExitTreatment",
    "Outcome",
    "Period",
    "RateCounts",
    "Record",
    "Report06",
    "ReportPolicy",
    "Rounding",
    "channel_mix",
    "denominators_for",
    "digitisation_rate_766",
    "digitisation_rate_at_reception",
    "e_certified_copy_coverage",
    "e_certified_copy_rate",
    "e_result_rate",
    "on_time_rate_766_progress",
    "on_time_rate_due_basis",
    "on_time_rate_handled_basis",
    "on_time_rate_resolved_basis",
    "online_payment_rate",
    "online_rate_all_dossiers",
    "online_rate_eligible_fulltrack",
    "online_rate_handled",
    "overdue_rate_handled",
    "overdue_share_of_pending",
    "rate",
    "rate_counts",
    "record_of",
    "report06",
    "report06_by",
    "resolution_rate",
    "resolved_early_share",
    "resolved_late_share",
    "resolved_on_time_share",
    "result_digitisation_rate",
    "round_percent",
]


# -- records -------------------------------------------------------------------------------------


class Outcome(enum.StrEnum):
    """Where a dossier's processing ended (or that it has not ended).

    ``RESOLVED`` and ``REFUSED`` always count as resolved (column (7)): a refusal with written
    reasons is a way of resolving the dossier (Nghị định 61/2018/NĐ-CP). ``WITHDRAWN`` and
    ``RETURNED`` are exits the form has no column for; :class:`ReportPolicy` decides whether
    they fold into (7) (kpi-and-index.md §2.3). Dossiers never received (guided to complete,
    refused at the counter) are not records at all.
    """

    PENDING = "pending"
    """Still being processed (đang giải quyết), whatever the step."""
    RESOLVED = "resolved"
    """A result was issued (đã giải quyết; result ready or handed over)."""
    REFUSED = "refused"
    """Refused after appraisal, with written reasons (từ chối giải quyết)."""
    WITHDRAWN = "withdrawn"
    """The applicant withdrew the dossier (công dân rút hồ sơ)."""
    RETURNED = "returned"
    """Handed back unresolved (trả lại hồ sơ, dừng xử lý)."""


_EXIT_CODE: Final = {
    Outcome.PENDING: 0,
    Outcome.RESOLVED: 1,
    Outcome.REFUSED: 1,
    Outcome.WITHDRAWN: 2,
    Outcome.RETURNED: 3,
}
_BIG: Final = 1 << 40
"""Day ordinal standing for "never" (not finished; no due date)."""
_NEVER: Final = _dt.datetime(9999, 12, 30, tzinfo=VIETNAM_TZ)
"""Instant standing for "never" in TIMESTAMP comparisons (no due date)."""
_ONLINE_BIT: Final = 16


def _vn(value: object, name: str) -> _dt.datetime:
    if not isinstance(value, _dt.datetime):
        msg = f"{name} must be a datetime, got {value!r}"
        raise TypeError(msg)
    tz = value.tzinfo
    if tz is None:
        return value.replace(tzinfo=VIETNAM_TZ)
    return value if tz is VIETNAM_TZ else value.astimezone(VIETNAM_TZ)


def _received(value: object) -> _dt.datetime:
    return _vn(value, "received_at")


def _due_at(value: object) -> _dt.datetime | None:
    return None if value is None else _vn(value, "due_at")


def _completed_at(value: object) -> _dt.datetime | None:
    return None if value is None else _vn(value, "completed_at")


def _outcome(value: object) -> Outcome:
    if isinstance(value, Outcome):
        return value
    try:
        return Outcome(str(value))
    except ValueError:
        names = ", ".join(o.value for o in Outcome)
        msg = f"{value!r} is not an outcome; expected one of {names}"
        raise RecordError(msg, field="outcome") from None


def _timing(done: _dt.datetime, due: _dt.datetime | None, *, by_day: bool) -> int:
    """0 early, 1 on time, 2 late: :func:`tthc.deadlines.classify` on plain instants."""
    if due is None:
        return 1
    if by_day:
        c, d = done.toordinal(), due.toordinal()
        return 0 if c < d else (1 if c == d else 2)
    return 0 if done < due else (1 if done == due else 2)


_opt_bool = attrs.validators.optional(attrs.validators.instance_of(bool))
_opt_str = attrs.validators.optional(attrs.validators.instance_of(str))


@attrs.frozen
class Record:
    """One dossier as the statistics see it: when it came, how, when it was due and left.

    A plain record, so that analysts need not build full dossiers (:func:`record_of` makes
    one from a :class:`tthc.dossier.Dossier`). Instants are Vietnam time: a naive
    ``datetime`` is read as Vietnam local time, an aware one is converted to it.

    - ``due_at``: the instant the statistics judge against (the original appointment, or the
      restarted one after a supplement; legal-rules.md §4.3). ``None``: the procedure sets no
      time limit (Không quy định); such a record is never late or overdue and counts as on
      time (column (9)) when resolved.
    - ``completed_at``: when the record left processing: result ready or refusal signed
      (``RESOLVED``, ``REFUSED``), withdrawal or return (``WITHDRAWN``, ``RETURNED``).
      Required for every outcome but ``PENDING``, where it must be ``None``. A record whose
      outcome is final counts as pending in any period that ends before ``completed_at``.
    - Rate flags (``None`` = not applicable): ``paid_online`` (the dossier owes a non-zero
      fee; True if paid online), ``e_result`` (the procedure requires a written result; True
      if it was issued electronically), ``digitised`` (components digitised at reception),
      ``fulltrack_eligible`` (the procedure is eligible for DVCTT toàn trình), ``e_copy`` (a
      certification of copies; True if issued as an electronic copy).

    >>> from tthc.catalog import Channel
    >>> Record("UBND xã A", _dt.datetime(2025, 3, 3, 9), Channel.IN_PERSON,
    ...        due_at=None, completed_at=None, outcome=Outcome.RESOLVED)
    Traceback (most recent call last):
        ...
    tthc.errors.RecordError: field 'completed_at': a resolved record needs completed_at (got None)
    """

    agency: str = attrs.field(validator=attrs.validators.instance_of(str))
    """The agency that resolves the dossier (cơ quan, đơn vị trực tiếp giải quyết), as text:
    the unit Biểu 06 counts it for."""
    received_at: _dt.datetime = attrs.field(converter=_received)
    """When the complete dossier was received (ngày tiếp nhận)."""
    channel: Channel = attrs.field(validator=attrs.validators.instance_of(Channel))
    """How it was filed: online -> column (4); in person or by post -> column (5)."""
    due_at: _dt.datetime | None = attrs.field(converter=_due_at, kw_only=True)
    """The due instant statistics judge against; ``None`` when there is no time limit."""
    completed_at: _dt.datetime | None = attrs.field(converter=_completed_at, kw_only=True)
    """When it left processing; ``None`` while pending."""
    outcome: Outcome = attrs.field(converter=_outcome, kw_only=True)
    """Where processing ended, or ``PENDING``."""
    procedure: str | None = attrs.field(default=None, kw_only=True, validator=_opt_str)
    """The procedure's code (mã TTHC), when known."""
    field: str | None = attrs.field(default=None, kw_only=True, validator=_opt_str)
    """The field (lĩnh vực), when known."""
    level: str | None = attrs.field(default=None, kw_only=True, validator=_opt_str)
    """The tier (cấp: tỉnh, huyện, xã), when known."""
    code: str | None = attrs.field(default=None, kw_only=True, validator=_opt_str)
    """The dossier's code (mã hồ sơ), when known."""
    paid_online: bool | None = attrs.field(default=None, kw_only=True, validator=_opt_bool)
    e_result: bool | None = attrs.field(default=None, kw_only=True, validator=_opt_bool)
    digitised: bool | None = attrs.field(default=None, kw_only=True, validator=_opt_bool)
    fulltrack_eligible: bool | None = attrs.field(default=None, kw_only=True, validator=_opt_bool)
    e_copy: bool | None = attrs.field(default=None, kw_only=True, validator=_opt_bool)
    received_by: str = attrs.field(
        default=attrs.Factory(lambda self: self.agency, takes_self=True),
        kw_only=True,
        validator=attrs.validators.instance_of(str),
    )
    """The receiving place (nơi tiếp nhận), by default :attr:`agency`: under Nghị định
    118/2025/NĐ-CP any one-stop centre of the province may receive a dossier whatever the
    administrative boundary, so it may differ from the resolving agency."""

    # Precomputed comparable keys (the hot path of report06_by reads only these).
    _rd: int = attrs.field(init=False, eq=False, repr=False, hash=False)
    """Local date ordinal of receipt."""
    _fd: int = attrs.field(init=False, eq=False, repr=False, hash=False)
    """Local date ordinal of completion, or ``_BIG`` while pending."""
    _dd: int = attrs.field(init=False, eq=False, repr=False, hash=False)
    """Local date ordinal of the due date, or ``_BIG`` with no time limit."""
    _dts: _dt.datetime = attrs.field(init=False, eq=False, repr=False, hash=False)
    """The due instant, or a far-future instant with no time limit."""
    _cd: int = attrs.field(init=False, eq=False, repr=False, hash=False)
    """Category under DAY granularity: exit*3 + timing (+16 if online)."""
    _ct: int = attrs.field(init=False, eq=False, repr=False, hash=False)
    """Category under TIMESTAMP granularity."""

    def __attrs_post_init__(self) -> None:
        outcome, done, due = self.outcome, self.completed_at, self.due_at
        exit_ = _EXIT_CODE[outcome]
        if exit_ == 0 and done is not None:
            msg = f"a pending record has no completed_at (got {done.isoformat()})"
            raise RecordError(msg, field="completed_at")
        if exit_ and done is None:
            msg = f"a {outcome} record needs completed_at (got None)"
            raise RecordError(msg, field="completed_at")
        if done is not None and done < self.received_at:
            msg = (
                f"completed_at {done.isoformat()} is before received_at "
                f"{self.received_at.isoformat()}"
            )
            raise RecordError(msg, field="completed_at")
        base = exit_ * 3 + (_ONLINE_BIT if self.channel is Channel.ONLINE else 0)
        put = object.__setattr__
        put(self, "_rd", self.received_at.toordinal())
        put(self, "_dd", _BIG if due is None else due.toordinal())
        put(self, "_dts", _NEVER if due is None else due)
        if done is None:
            put(self, "_fd", _BIG)
            put(self, "_cd", base)
            put(self, "_ct", base)
        else:
            put(self, "_fd", done.toordinal())
            put(self, "_cd", base + _timing(done, due, by_day=True))
            put(self, "_ct", base + _timing(done, due, by_day=False))


# -- periods -------------------------------------------------------------------------------------

_PERIOD_FORMS = (
    "'2025' (year), '2025-03' (month), '2025-Q1' (quarter), '2025-H1' (6 months), "
    "'2025-9M' (9 months), or '2025-01-01..2025-02-15' (any range of days)"
)
_YEAR = re.compile(r"^(\d{4})$")
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$", re.IGNORECASE)
_HALF = re.compile(r"^(\d{4})-(?:H([12])|(6)M)$", re.IGNORECASE)
_NINE = re.compile(r"^(\d{4})-9M$", re.IGNORECASE)
_RANGE = re.compile(r"^(\d{4}-\d{2}-\d{2})\s*\.\.\s*(\d{4}-\d{2}-\d{2})$")
_ROMAN = ("I", "II", "III", "IV")


def _check_day(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, _dt.date) or isinstance(value, _dt.datetime):
        msg = f"Period.{attribute.name} must be a date, got {value!r}"
        raise TypeError(msg)


def _month_end(year: int, month: int) -> _dt.date:
    return _dt.date(year, month, _calendar.monthrange(year, month)[1])


@attrs.frozen(order=True)
class Period:
    """A reporting period (kỳ báo cáo): the days ``start`` to ``end``, both included.

    Months, quarters, the first 6 or 9 months, years, or any range of days; statistics count a
    dossier in a period by the Vietnam-time date of its receipt or completion.

    >>> print(Period.parse("2025-Q1"), Period.parse("2025-Q1").end)
    2025-Q1 2025-03-31
    >>> Period.parse("2025-9M").label_vi
    '9 tháng đầu năm 2025'
    >>> Period.parse("2025-01-01..2025-02-15").months()[-1]
    Period(start=datetime.date(2025, 2, 1), end=datetime.date(2025, 2, 15))
    >>> Period.parse("2025-13")
    Traceback (most recent call last):
        ...
    tthc.errors.InvalidPeriodError: invalid reporting period '2025-13': expected '2025' (year), '2025-03' (month), '2025-Q1' (quarter), '2025-H1' (6 months), '2025-9M' (9 months), or '2025-01-01..2025-02-15' (any range of days)
    """

    start: _dt.date = attrs.field(validator=_check_day)
    end: _dt.date = attrs.field(validator=_check_day)

    def __attrs_post_init__(self) -> None:
        if self.end < self.start:
            shown = f"{self.start.isoformat()}..{self.end.isoformat()}"
            raise InvalidPeriodError(shown, "an end on or after the start")

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        """The calendar month *month* of *year* (tháng)."""
        return cls(_dt.date(year, month, 1), _month_end(year, month))

    @classmethod
    def quarter(cls, year: int, quarter: int) -> Period:
        """Quarter 1-4 of *year* (quý)."""
        if quarter not in (1, 2, 3, 4):
            raise InvalidPeriodError(quarter, "a quarter 1-4")
        first = 3 * quarter - 2
        return cls(_dt.date(year, first, 1), _month_end(year, first + 2))

    @classmethod
    def half(cls, year: int, half: int) -> Period:
        """The first (1) or second (2) six months of *year* (6 tháng)."""
        if half not in (1, 2):
            raise InvalidPeriodError(half, "a half 1 or 2")
        first = 1 if half == 1 else 7
        return cls(_dt.date(year, first, 1), _month_end(year, first + 5))

    @classmethod
    def nine_months(cls, year: int) -> Period:
        """January to September of *year* (9 tháng đầu năm)."""
        return cls(_dt.date(year, 1, 1), _dt.date(year, 9, 30))

    @classmethod
    def year(cls, year: int) -> Period:
        """The calendar year (năm)."""
        return cls(_dt.date(year, 1, 1), _dt.date(year, 12, 31))

    @classmethod
    def parse(cls, text: str) -> Period:
        """Read ``"2025"``, ``"2025-03"``, ``"2025-Q1"``, ``"2025-H1"`` (or ``"2025-6M"``),
        ``"2025-9M"`` or ``"2025-01-01..2025-02-15"``."""
        s = str(text).strip()
        try:
            if m := _YEAR.match(s):
                return cls.year(int(m[1]))
            if m := _MONTH.match(s):
                return cls.month(int(m[1]), int(m[2]))
            if m := _QUARTER.match(s):
                return cls.quarter(int(m[1]), int(m[2]))
            if m := _HALF.match(s):
                return cls.half(int(m[1]), int(m[2] or 1))
            if m := _NINE.match(s):
                return cls.nine_months(int(m[1]))
            if m := _RANGE.match(s):
                return cls(_dt.date.fromisoformat(m[1]), _dt.date.fromisoformat(m[2]))
        except ValueError:  # a month 13, a day 31/02, an end before the start
            pass
        raise InvalidPeriodError(s, _PERIOD_FORMS)

    @property
    def days(self) -> int:
        """How many days the period has."""
        return (self.end - self.start).days + 1

    def __contains__(self, day: object) -> bool:
        if isinstance(day, _dt.datetime):
            day = _vn(day, "day").date()
        return isinstance(day, _dt.date) and self.start <= day <= self.end

    @property
    def month_count(self) -> int:
        """The number of calendar months the period touches (``len(self.months())``).

        >>> Period.parse("2025-01-15..2025-03-01").month_count
        3
        """
        return (self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1

    def months(self) -> tuple[Period, ...]:
        """The calendar months the period touches, each clipped to the period."""
        out = []
        y, m = self.start.year, self.start.month
        while (y, m) <= (self.end.year, self.end.month):
            first, last = _dt.date(y, m, 1), _month_end(y, m)
            out.append(Period(max(first, self.start), min(last, self.end)))
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return tuple(out)

    def _kind(self) -> str | None:
        s, e = self.start, self.end
        if s.day != 1 or e != _month_end(e.year, e.month) or s.year != e.year:
            return None
        span = (s.month, e.month)
        if span[0] == span[1]:
            return f"{s.year}-{s.month:02d}"
        if span == (1, 12):
            return f"{s.year}"
        if span in ((1, 6), (7, 12)):
            return f"{s.year}-H{1 if s.month == 1 else 2}"
        if span == (1, 9):
            return f"{s.year}-9M"
        if span[1] - span[0] == 2 and span[0] % 3 == 1:
            return f"{s.year}-Q{(s.month + 2) // 3}"
        return None

    def __str__(self) -> str:
        return self._kind() or f"{self.start.isoformat()}..{self.end.isoformat()}"

    @property
    def label_vi(self) -> str:
        """The period as Vietnamese reports write it ("tháng 3/2025", "quý I/2025", ...)."""
        kind, s, e = self._kind(), self.start, self.end
        if kind is None:
            return f"từ ngày {s:%d/%m/%Y} đến ngày {e:%d/%m/%Y}"
        if kind.endswith("M"):
            return f"9 tháng đầu năm {s.year}"
        if "-H" in kind:
            return f"6 tháng {'đầu' if s.month == 1 else 'cuối'} năm {s.year}"
        if "-Q" in kind:
            return f"quý {_ROMAN[(s.month - 1) // 3]}/{s.year}"
        if "-" in kind:
            return f"tháng {s.month}/{s.year}"
        return f"năm {s.year}"


# -- the report ----------------------------------------------------------------------------------


class ExitTreatment(enum.StrEnum):
    """Where withdrawn or returned dossiers go in Biểu 06 (kpi-and-index.md §2.3).

    The form has no column for them, and systems disagree; the :attr:`Report06.withdrawn` and
    :attr:`Report06.returned` columns always count them, and this decides whether they are
    also part of (7).
    """

    SEPARATE = "separate"
    """Outside (7): then (3) = (7) + (11) + withdrawn + returned (two vendor builds [S])."""
    BY_TIMING = "by_timing"
    """Inside (7), early / on time / late by the exit instant against the due date, like a
    completion (the national portal's indicator 2.1 treats them as terminal [P])."""
    ON_TIME = "on_time"
    """Inside (7) as (9) đúng hạn, whatever the date (Thanh Hóa's Biểu II.06a: "Đúng hạn
    (Bao gồm cả hồ sơ ... Trả lại / Xin rút)" [S])."""


@attrs.frozen
class ReportPolicy:
    """The choices a Biểu 06 report makes where the form and the systems do not agree.

    - ``granularity``: how a completion is classified and a pending dossier judged, exactly as
      :func:`tthc.deadlines.classify` and :func:`tthc.deadlines.standing` do with the
      record's ``due_at`` as the due. ``DAY`` (default): compare Vietnam-time *dates*;
      completed before the due date -> early (8), on it -> on time (9), after -> late (10);
      pending at judgement day J -> within (12) if ``due date >= J``, else overdue (13).
      ``TIMESTAMP``: compare *instants*; completed before ``due_at`` -> early, at exactly
      ``due_at`` -> on time, after -> late; pending at judgement instant J -> within if
      ``due_at >= J``. A judgement *day* D is the instant ending it (00:00 of D + 1).
      A record with no due date is on time (9) when resolved and within (12) when pending.
    - ``withdrawn``, ``returned``: :class:`ExitTreatment`, default ``SEPARATE``.
    """

    granularity: Granularity = attrs.field(default=Granularity.DAY, converter=Granularity)
    withdrawn: ExitTreatment = attrs.field(default=ExitTreatment.SEPARATE, converter=ExitTreatment)
    returned: ExitTreatment = attrs.field(default=ExitTreatment.SEPARATE, converter=ExitTreatment)

    @classmethod
    def portal(cls) -> ReportPolicy:
        """Withdrawn and returned dossiers fold into (7) by timing (national portal, [P])."""
        return cls(withdrawn=ExitTreatment.BY_TIMING, returned=ExitTreatment.BY_TIMING)

    @property
    def separate_exits(self) -> tuple[str, ...]:
        """The exit columns kept outside (7) (``"withdrawn"``, ``"returned"``)."""
        out = []
        if self.withdrawn is ExitTreatment.SEPARATE:
            out.append("withdrawn")
        if self.returned is ExitTreatment.SEPARATE:
            out.append("returned")
        return tuple(out)


_COUNT_FIELDS: Final = (
    "received_total",
    "received_online",
    "received_in_person",
    "carried_over",
    "resolved_total",
    "resolved_early",
    "resolved_on_time",
    "resolved_late",
    "pending_total",
    "pending_within",
    "pending_overdue",
    "withdrawn",
    "returned",
)
_PART_FIELDS: Final = (
    "received_online",
    "received_in_person",
    "carried_over",
    "resolved_early",
    "resolved_on_time",
    "resolved_late",
    "pending_within",
    "pending_overdue",
    "withdrawn",
    "returned",
)
_DEFAULT_POLICY: Final = ReportPolicy()


def _as_of(value: object) -> _dt.date | _dt.datetime | None:
    if value is None or isinstance(value, _dt.datetime):
        return None if value is None else _vn(value, "as_of")
    if isinstance(value, _dt.date):
        return value
    msg = f"as_of must be a date, a datetime or None, got {value!r}"
    raise TypeError(msg)


def _count() -> Any:
    return attrs.field(kw_only=True, validator=attrs.validators.instance_of(int))


@attrs.frozen
class Report06:
    """Columns (3)-(13) of Biểu số 06/VPCP/KSTT for one period, plus withdrawn and returned.

    ======= ====================== ===================================================
    Column  Attribute              Biểu 06 header
    ======= ====================== ===================================================
    (3)     ``received_total``     Số hồ sơ nhận giải quyết: Tổng số
    (4)     ``received_online``    Trong đó: Trực tuyến (newly received)
    (5)     ``received_in_person`` Trực tiếp, dịch vụ bưu chính (newly received)
    (6)     ``carried_over``       Từ kỳ trước
    (7)     ``resolved_total``     Số lượng hồ sơ đã giải quyết: Tổng số
    (8)     ``resolved_early``     Trước hạn
    (9)     ``resolved_on_time``   Đúng hạn
    (10)    ``resolved_late``      Quá hạn
    (11)    ``pending_total``      Số lượng hồ sơ đang giải quyết: Tổng số
    (12)    ``pending_within``     Trong hạn
    (13)    ``pending_overdue``    Quá hạn
    \\-      ``withdrawn``          rút hồ sơ (in (7) too unless the policy keeps it apart)
    \\-      ``returned``           trả lại hồ sơ (likewise)
    ======= ====================== ===================================================

    Counting rule, per record and period [start, end] (dates are Vietnam-time dates):

    - it *belongs* to the period if received on or before ``end`` and not completed before
      ``start``;
    - received in the period -> (4) if online, else (5); received before -> (6);
    - completed in the period -> by outcome: resolved or refused -> (7) and one of (8)-(10)
      (see :class:`ReportPolicy` for the comparison); withdrawn / returned -> their column,
      and into (7) as the policy says;
    - not completed by ``end`` -> (11), and (12) or (13) judged at ``end``, or at ``as_of``
      when that is earlier.

    Every report checks, when built, the identities of the form (kpi-and-index.md §2.2):
    (3) = (4) + (5) + (6); (7) = (8) + (9) + (10); (11) = (12) + (13); and
    (3) = (7) + (11) + the exits the policy keeps apart; and every count is >= 0. A broken
    identity raises :class:`~tthc.errors.ReportIdentityError`. Build one from its parts with
    :meth:`from_parts` (the totals are then computed), or pass every column.

    >>> p = Period.parse("2023")
    >>> r = Report06.from_parts(p, received_in_person=325, carried_over=11,
    ...                         resolved_on_time=330, pending_within=6)
    >>> r.received_total, r.resolved_total, r.pending_total
    (336, 330, 6)
    >>> Report06(p, received_total=336, received_online=0, received_in_person=325,
    ...          carried_over=11, resolved_total=330, resolved_early=0, resolved_on_time=330,
    ...          resolved_late=0, pending_total=5, pending_within=5, pending_overdue=0,
    ...          withdrawn=0, returned=0)
    Traceback (most recent call last):
        ...
    tthc.errors.ReportIdentityError: Biểu 06 identity (3) = (7) + (11) + withdrawn + returned broken for 2023: 336 != 330 + 5 + 0 + 0
    """

    period: Period = attrs.field(validator=attrs.validators.instance_of(Period))
    policy: ReportPolicy = attrs.field(
        default=_DEFAULT_POLICY, validator=attrs.validators.instance_of(ReportPolicy)
    )
    as_of: _dt.date | _dt.datetime | None = attrs.field(
        default=None, kw_only=True, converter=_as_of
    )
    """When pending dossiers were judged, if earlier than the period's end; ``None``: the end."""
    received_total: int = _count()
    received_online: int = _count()
    received_in_person: int = _count()
    carried_over: int = _count()
    resolved_total: int = _count()
    resolved_early: int = _count()
    resolved_on_time: int = _count()
    resolved_late: int = _count()
    pending_total: int = _count()
    pending_within: int = _count()
    pending_overdue: int = _count()
    withdrawn: int = _count()
    returned: int = _count()

    def __attrs_post_init__(self) -> None:
        self._check()

    def _broken(self, identity: str, left: int, parts: tuple[int, ...], op: str = "!=") -> None:
        shown = " + ".join(map(str, parts))
        msg = f"Biểu 06 identity {identity} broken for {self.period}: {left} {op} {shown}"
        raise ReportIdentityError(msg)

    def _check(self) -> None:
        for name in _COUNT_FIELDS:
            value = getattr(self, name)
            if value < 0:
                msg = f"Biểu 06 count {name} is negative for {self.period}: {value}"
                raise ReportIdentityError(msg)
        r = self
        parts: tuple[int, ...] = (r.received_online, r.received_in_person, r.carried_over)
        if r.received_total != sum(parts):
            self._broken("(3) = (4) + (5) + (6)", r.received_total, parts)
        parts = (r.resolved_early, r.resolved_on_time, r.resolved_late)
        if r.resolved_total != sum(parts):
            self._broken("(7) = (8) + (9) + (10)", r.resolved_total, parts)
        parts = (r.pending_within, r.pending_overdue)
        if r.pending_total != sum(parts):
            self._broken("(11) = (12) + (13)", r.pending_total, parts)
        apart = self.policy.separate_exits
        parts = (r.resolved_total, r.pending_total, *(getattr(r, n) for n in apart))
        if r.received_total != sum(parts):
            extra = "".join(f" + {n}" for n in apart)
            self._broken(f"(3) = (7) + (11){extra}", r.received_total, parts)
        folded = [n for n in ("withdrawn", "returned") if n not in apart]
        inside = sum(getattr(r, n) for n in folded)
        if inside > r.resolved_total:
            shown = " + ".join(folded)
            self._broken(f"{shown} <= (7)", inside, (r.resolved_total,), ">")
        on_time = [
            n
            for n in ("withdrawn", "returned")
            if getattr(self.policy, n) is ExitTreatment.ON_TIME
        ]
        inside = sum(getattr(r, n) for n in on_time)
        if inside > r.resolved_on_time:
            shown = " + ".join(on_time)
            self._broken(f"{shown} <= (9)", inside, (r.resolved_on_time,), ">")

    @classmethod
    def from_parts(
        cls,
        period: Period,
        policy: ReportPolicy = _DEFAULT_POLICY,
        *,
        as_of: _dt.date | _dt.datetime | None = None,
        received_online: int = 0,
        received_in_person: int = 0,
        carried_over: int = 0,
        resolved_early: int = 0,
        resolved_on_time: int = 0,
        resolved_late: int = 0,
        pending_within: int = 0,
        pending_overdue: int = 0,
        withdrawn: int = 0,
        returned: int = 0,
    ) -> Report06:
        """A report from its detail columns; (3), (7) and (11) are computed.

        Withdrawn and returned dossiers the policy folds into (7) must already be counted in
        the resolved columns given (as :func:`report06` counts them).
        """
        return cls(
            period,
            policy,
            as_of=as_of,
            received_total=received_online + received_in_person + carried_over,
            received_online=received_online,
            received_in_person=received_in_person,
            carried_over=carried_over,
            resolved_total=resolved_early + resolved_on_time + resolved_late,
            resolved_early=resolved_early,
            resolved_on_time=resolved_on_time,
            resolved_late=resolved_late,
            pending_total=pending_within + pending_overdue,
            pending_within=pending_within,
            pending_overdue=pending_overdue,
            withdrawn=withdrawn,
            returned=returned,
        )

    @classmethod
    def empty(
        cls,
        period: Period,
        policy: ReportPolicy = _DEFAULT_POLICY,
        *,
        as_of: _dt.date | _dt.datetime | None = None,
    ) -> Report06:
        """The report of no dossiers: the identity of ``+``."""
        return cls.from_parts(period, policy, as_of=as_of)

    @property
    def received_new(self) -> int:
        """Newly received in the period: (4) + (5) = (3) - (6)."""
        return self.received_online + self.received_in_person

    def counts(self) -> dict[str, int]:
        """Every count column by attribute name, (3) to (13) then withdrawn and returned."""
        return {name: getattr(self, name) for name in _COUNT_FIELDS}

    def column(self, number: int) -> int:
        """The count in Biểu 06 column *number* (3-13).

        >>> Report06.from_parts(Period.parse("2025-03"), received_in_person=2,
        ...                     resolved_late=2).column(10)
        2
        """
        for col, name, *_ in BIEU_06_COLUMNS:
            if col == number:
                return int(getattr(self, name))
        raise UnknownCodeError(number, "Biểu 06 count columns (3)-(13)")

    def _compatible(self, other: Report06) -> None:
        if (self.period, self.policy, self.as_of) != (other.period, other.policy, other.as_of):
            msg = (
                f"cannot add a report of {other.period} ({other.policy}, as_of={other.as_of}) "
                f"to one of {self.period} ({self.policy}, as_of={self.as_of}): expected the "
                "same period, policy and as_of"
            )
            raise IncompatibleReportsError(msg)

    def __add__(self, other: object) -> Report06:
        """The report of the union of two disjoint sets of dossiers of the same period."""
        if not isinstance(other, Report06):
            return NotImplemented
        self._compatible(other)
        sums = {n: getattr(self, n) + getattr(other, n) for n in _COUNT_FIELDS}
        return Report06(self.period, self.policy, as_of=self.as_of, **sums)

    def __radd__(self, other: object) -> Report06:
        """``0 + report`` is the report, so ``sum(reports)`` works."""
        if isinstance(other, int) and not isinstance(other, bool) and other == 0:
            return self
        return NotImplemented


# -- counting ------------------------------------------------------------------------------------

GROUP_KEYS: Final = (
    "agency",
    "channel",
    "code",
    "field",
    "level",
    "month",
    "procedure",
    "received_by",
)
"""The names :func:`report06_by` can group by (``month`` splits the period by month)."""

MAX_REPORT_MONTHS: Final = 1200
"""The longest period, in calendar months (100 years), that :func:`report06_by` splits by
``month`` (a tthc bound, not a legal one). A pending dossier has a report in every month it
stays pending, so a month split of ``0001-01-01..9999-12-31`` would build some 120,000
reports per pending group; longer periods raise :class:`~tthc.errors.InvalidPeriodError`.
Periods grouped without ``month`` are not bounded."""

_Key = tuple[Any, ...]


def _report_periods(period: Period, by: tuple[str, ...]) -> tuple[Period, ...]:
    """The sub-periods of a report grouped *by*: the months of *period* (at most
    :data:`MAX_REPORT_MONTHS`) when *by* has ``month``, else *period* itself."""
    return report_periods(period, by, MAX_REPORT_MONTHS)


def _judgements(
    periods: tuple[Period, ...], policy: ReportPolicy, as_of: _dt.date | _dt.datetime | None
) -> list[Any]:
    """The judgement point of each sub-period, in the granularity's comparable terms."""
    if policy.granularity == Granularity.DAY:
        cap = _BIG
        if as_of is not None:
            cap = (as_of.date() if isinstance(as_of, _dt.datetime) else as_of).toordinal()
        return [min(p.end.toordinal(), cap) for p in periods]
    cap_at = _NEVER
    if isinstance(as_of, _dt.datetime):
        cap_at = as_of
    elif as_of is not None:
        cap_at = _day_end(as_of)
    return [min(_day_end(p.end), cap_at) for p in periods]


def _day_end(day: _dt.date) -> _dt.datetime:
    """The instant that ends *day*: 00:00 of the next day, Vietnam time."""
    nxt = day + _dt.timedelta(days=1)
    return _dt.datetime(nxt.year, nxt.month, nxt.day, tzinfo=VIETNAM_TZ)


def _tally(
    records: Iterable[Record],
    periods: tuple[Period, ...],
    judge: list[Any],
    getter: Callable[[Record], Any] | None,
    *,
    by_day: bool,
) -> dict[tuple[Any, int, int, int, int], int]:
    """Count records by (group, receipt bucket, completion bucket, due bucket, category).

    Buckets are sub-period indexes: receipt -1 = before the period; completion len = not
    completed by its end; due bucket = the first sub-period at whose judgement point a
    still-pending record is overdue. Everything per record is an int or tuple operation.
    """
    starts = [p.start.toordinal() for p in periods]
    first, last = starts[0], periods[-1].end.toordinal()
    nb = len(starts)
    counts: dict[tuple[Any, int, int, int, int], int] = {}
    get = counts.get
    single = nb == 1
    for r in records:
        rd = r._rd
        if rd > last:
            continue
        fd = r._fd
        if fd < first:
            continue
        rb = -1 if rd < first else (0 if single else bisect_right(starts, rd) - 1)
        fb = nb if fd > last else (0 if single else bisect_right(starts, fd) - 1)
        if fb == rb:
            key = (getter(r) if getter else None, rb, fb, 0, r._cd if by_day else r._ct)
        elif by_day:
            key = (getter(r) if getter else None, rb, fb, bisect_right(judge, r._dd), r._cd)
        else:
            key = (getter(r) if getter else None, rb, fb, bisect_right(judge, r._dts), r._ct)
        counts[key] = get(key, 0) + 1
    return counts


# Column slots of the accumulator lists (the order of _PART_FIELDS).
_ON, _IN, _CARRY, _EARLY, _ONTIME, _LATE, _WITHIN, _OVERDUE, _WD, _RT = range(10)


def _exit_slots(policy: ReportPolicy) -> dict[int, tuple[int, ...]]:
    """Category (exit*3 + timing, online bit removed) -> the slots one completion adds to."""
    timing_slot = (_EARLY, _ONTIME, _LATE)
    out: dict[int, tuple[int, ...]] = {}
    for timing in range(3):
        out[3 + timing] = (timing_slot[timing],)
        for exit_, slot, treat in ((2, _WD, policy.withdrawn), (3, _RT, policy.returned)):
            if treat is ExitTreatment.SEPARATE:
                out[exit_ * 3 + timing] = (slot,)
            elif treat is ExitTreatment.ON_TIME:
                out[exit_ * 3 + timing] = (slot, _ONTIME)
            else:
                out[exit_ * 3 + timing] = (slot, timing_slot[timing])
    return out


def _expand(
    counts: Mapping[tuple[Any, int, int, int, int], int], nb: int, policy: ReportPolicy
) -> dict[tuple[Any, int], list[int]]:
    slots = _exit_slots(policy)
    acc: dict[tuple[Any, int], list[int]] = {}
    for (group, rb, fb, db, cat), n in counts.items():
        online = cat & _ONLINE_BIT
        exit_slots = slots.get(cat & ~_ONLINE_BIT, ())
        for j in range(max(rb, 0), min(fb, nb - 1) + 1):
            row = acc.get((group, j))
            if row is None:
                row = acc[group, j] = [0] * 10
            if j == rb:
                row[_ON if online else _IN] += n
            else:
                row[_CARRY] += n
            if j == fb:
                for s in exit_slots:
                    row[s] += n
            else:
                row[_OVERDUE if j >= db else _WITHIN] += n
    return acc


def report06_by(
    records: Iterable[Record],
    period: Period,
    by: tuple[str, ...] | str = ("agency", "month"),
    *,
    policy: ReportPolicy = _DEFAULT_POLICY,
    as_of: _dt.date | _dt.datetime | None = None,
) -> dict[_Key, Report06]:
    """Biểu 06 per group: one pass over *records*, one :class:`Report06` per group key.

    *by* names the grouping (:data:`GROUP_KEYS`): record attributes (``agency``,
    ``received_by``, ``field``, ``level``, ``procedure``, ``channel``, ``code``) and ``month``,
    which splits *period* into its calendar months (clipped to it; the key component is that
    month's :class:`Period`, and each report is for that month; at most
    :data:`MAX_REPORT_MONTHS` months, else :class:`~tthc.errors.InvalidPeriodError`). By
    default a dossier counts for the agency that resolves it (``agency``): Biểu số
    06/VPCP/KSTT of Thông tư 01/2020/TT-VPCP reports the dossiers "tại cơ quan, đơn vị trực
    tiếp giải quyết TTHC". ``received_by`` counts them where they were received instead (a
    one-stop centre that receives for other agencies, Nghị định 118/2025/NĐ-CP). Keys are
    tuples in the order of *by*, sorted (None
    first); a group appears only if some record belongs to it. Each report equals
    :func:`report06` of the group's records over its (sub-)period.

    >>> from tthc.catalog import Channel
    >>> rs = [Record("Sở Tư pháp", _dt.datetime(2025, 1, 30, 9), Channel.ONLINE,
    ...              due_at=_dt.datetime(2025, 2, 6, 17), completed_at=None,
    ...              outcome="pending")]
    >>> for (agency, month), rep in report06_by(rs, Period.parse("2025-Q1")).items():
    ...     print(agency, month, rep.received_online, rep.carried_over, rep.pending_overdue)
    Sở Tư pháp 2025-01 1 0 0
    Sở Tư pháp 2025-02 0 1 1
    Sở Tư pháp 2025-03 0 1 1
    """
    expect_type(period, Period, "period")
    expect_type(policy, ReportPolicy, "policy")
    by = check_grouping(by, GROUP_KEYS)
    as_of = _as_of(as_of)
    attrs_by = tuple(n for n in by if n != "month")
    periods = _report_periods(period, by)
    getter: Callable[[Record], Any] | None = None
    if len(attrs_by) == 1:
        one = attrgetter(attrs_by[0])
        getter = one
    elif attrs_by:
        getter = attrgetter(*attrs_by)
    judge = _judgements(periods, policy, as_of)
    counts = _tally(records, periods, judge, getter, by_day=policy.granularity == Granularity.DAY)
    acc = _expand(counts, len(periods), policy)
    month_at = by.index("month") if "month" in by else -1
    out: dict[_Key, Report06] = {}
    for (group, j), row in acc.items():
        parts = dict(zip(_PART_FIELDS, row, strict=True))
        report = Report06.from_parts(periods[j], policy, as_of=as_of, **parts)
        values: list[Any] = [group] if len(attrs_by) == 1 else list(group or ())
        if month_at >= 0:
            values.insert(month_at, periods[j])
        out[tuple(values)] = report
    return dict(sorted(out.items(), key=lambda item: sort_key(item[0])))


def report06(
    records: Iterable[Record],
    period: Period,
    *,
    policy: ReportPolicy = _DEFAULT_POLICY,
    as_of: _dt.date | _dt.datetime | None = None,
) -> Report06:
    """Biểu 06 (columns (3)-(13), withdrawn, returned) of *records* over *period*.

    See :class:`Report06` for the counting rule and :class:`ReportPolicy` for the choices.
    *as_of*: judge pending dossiers at this date or instant instead of the period's end
    (when earlier); a date under ``TIMESTAMP`` granularity means the end of that day.

    >>> from tthc.catalog import Channel
    >>> late = Record("UBND xã A", _dt.datetime(2025, 3, 3, 9), Channel.IN_PERSON,
    ...               due_at=_dt.datetime(2025, 3, 10, 17),
    ...               completed_at=_dt.datetime(2025, 3, 11, 8), outcome=Outcome.RESOLVED)
    >>> rep = report06([late], Period.parse("2025-03"))
    >>> rep.received_in_person, rep.resolved_late
    (1, 1)
    >>> report06([late], Period.parse("2025-03"), as_of=_dt.date(2025, 3, 5)).as_of
    datetime.date(2025, 3, 5)
    """
    groups = report06_by(records, period, by=(), policy=policy, as_of=as_of)
    return groups.get((), Report06.empty(period, policy, as_of=as_of))


# -- dossiers ------------------------------------------------------------------------------------


def record_of(dossier: Dossier) -> Record | None:
    """The statistics record of a dossier; ``None`` if it was never received.

    Reads the attributes the lifecycle layer guarantees (``agency``, ``received_by``, ``received_at``,
    ``channel``, ``statistical_due_at``, ``completed_at``, ``withdrawn_at``, ``returned_at``,
    ``status``, ``procedure_code``, ``field``, ``code``). The due date is the statistical one
    (the original appointment, not an apology's new one; the restarted one after a
    supplement). Status mapping: ``REFUSED`` -> :attr:`Outcome.REFUSED`; ``WITHDRAWN`` ->
    :attr:`Outcome.WITHDRAWN` at ``withdrawn_at``; a dossier with a result (``RESULT_READY``,
    ``RETURNED``: the result handed over) -> :attr:`Outcome.RESOLVED` at ``completed_at``
    (when the result was ready, not handed over); anything else received -> ``PENDING``.
    """
    received = dossier.received_at
    if received is None:
        return None
    status = getattr(dossier.status, "name", str(dossier.status))
    completed: _dt.datetime | None
    if status == "WITHDRAWN":
        outcome, completed = Outcome.WITHDRAWN, dossier.withdrawn_at
    elif status == "REFUSED":
        outcome, completed = Outcome.REFUSED, dossier.completed_at
    elif dossier.completed_at is not None:
        outcome, completed = Outcome.RESOLVED, dossier.completed_at
    else:
        outcome, completed = Outcome.PENDING, None
    return Record(
        dossier.agency,
        received,
        dossier.channel,
        due_at=dossier.statistical_due_at,
        completed_at=completed,
        outcome=outcome,
        procedure=dossier.procedure_code,
        field=dossier.field,
        code=dossier.code,
        received_by=getattr(dossier, "received_by", "") or dossier.agency,
    )


# -- rates ---------------------------------------------------------------------------------------


def rate(numerator: int, denominator: int) -> Fraction | None:
    """``numerator / denominator`` exactly, or ``None`` when the denominator is zero.

    ``None`` is "no data", never 0 % or 100 %: the caller (or a scoring rule) decides what
    an empty period is worth. Counts must be integers with 0 <= numerator <= denominator.

    >>> rate(479, 480), rate(0, 0)
    (Fraction(479, 480), None)
    >>> rate(5, 4)
    Traceback (most recent call last):
        ...
    tthc.errors.InvalidCountError: invalid counts 5 / 4: expected integers with 0 <= numerator <= denominator
    """
    if (
        type(numerator) is not int
        or type(denominator) is not int
        or not 0 <= numerator <= denominator
    ):
        raise InvalidCountError(numerator, denominator)
    return Fraction(numerator, denominator) if denominator else None


def on_time_rate_resolved_basis(report: Report06) -> Fraction | None:
    """V1, "resolved basis": (trước hạn + đúng hạn) / đã giải quyết = ((8) + (9)) / (7).

    The variant of most press releases. Source: Thông tư 01/2020/TT-VPCP, Biểu số 06 columns
    (7)-(10) [S]; e.g. Lâm Đồng Q1/2020, 635.593 / 643.272 = 98,81 % (kpi-and-index.md §2.4).
    """
    return rate(report.resolved_early + report.resolved_on_time, report.resolved_total)


def on_time_rate_due_basis(report: Report06) -> Fraction | None:
    """V2, "due basis": on time / dossiers that fell due = ((8) + (9)) / ((8) + (9) + (10) + (13)).

    Dossiers still within their deadline have not fallen due and are left out. Source:
    Thông tư 01/2020/TT-VPCP, Biểu số 06 columns (7)-(13) [S]; Vĩnh Phúc 9/2021, 4.157 /
    4.169 = 99,71 % (kpi-and-index.md §2.4).
    """
    good = report.resolved_early + report.resolved_on_time
    return rate(good, good + report.resolved_late + report.pending_overdue)


def on_time_rate_766_progress(report: Report06) -> Fraction | None:
    """V3, QĐ 766 indicator 2.1: ((8) + (9) + (12)) / ((7) + (11)).

    Dossiers handled on time or still within their deadline, over every dossier received or
    processed in the period (portal: ``totalReceived = totalOnTime + totalOverdue``). Withdrawn
    and returned dossiers count only if the policy folds them into (7). Source: Quyết định
    766/QĐ-TTg, chỉ số 2.1, as the national portal computes it [P] (kpi-and-index.md §1.3-1.4).
    """
    good = report.resolved_early + report.resolved_on_time + report.pending_within
    return rate(good, report.resolved_total + report.pending_total)


def on_time_rate_handled_basis(report: Report06) -> Fraction | None:
    """V4, "handled basis": 1 - (quá hạn đã + đang xử lý) / cần xử lý = 1 - ((10) + (13)) / (3).

    Gia Lai's one-stop portal [S] (kpi-and-index.md §2.4): the late rate over every dossier
    to handle (received + carried over), and on time as its complement. Equal to V3 when
    (3) = (7) + (11). Source: Thông tư 01/2020/TT-VPCP, Biểu số 06 columns (3), (10), (13).
    """
    late = overdue_rate_handled(report)
    return None if late is None else 1 - late


def overdue_rate_handled(report: Report06) -> Fraction | None:
    """Late or overdue over every dossier to handle: ((10) + (13)) / (3) (Gia Lai [S])."""
    return rate(report.resolved_late + report.pending_overdue, report.received_total)


def resolved_early_share(report: Report06) -> Fraction | None:
    """V5, share of resolved dossiers resolved early: (8) / (7) (Thừa Thiên Huế portal [S])."""
    return rate(report.resolved_early, report.resolved_total)


def resolved_on_time_share(report: Report06) -> Fraction | None:
    """V5, share of resolved dossiers resolved exactly on the due date: (9) / (7) [S]."""
    return rate(report.resolved_on_time, report.resolved_total)


def resolved_late_share(report: Report06) -> Fraction | None:
    """V5, share of resolved dossiers resolved late: (10) / (7) [S].

    Also the complement of V1 when every exit is counted in (7) (Lâm Đồng: 1,19 %).
    """
    return rate(report.resolved_late, report.resolved_total)


def resolution_rate(report: Report06) -> Fraction | None:
    """Resolution rate (tỷ lệ đã giải quyết): (7) / (3).

    Source: Thông tư 01/2020/TT-VPCP, Biểu số 06; Bến Tre 5/2021, 4.561 / 5.650 = 80,73 % [S].
    """
    return rate(report.resolved_total, report.received_total)


def overdue_share_of_pending(report: Report06) -> Fraction | None:
    """Overdue share of the dossiers still pending: (13) / (11) (kpi-and-index.md §7c)."""
    return rate(report.pending_overdue, report.pending_total)


def online_rate_all_dossiers(
    online: int, received: int, *, sync_rate: Fraction | None = None
) -> Fraction | None:
    """Variant A, QĐ 766 indicator 3.3: online dossiers / all dossiers received (x sync rate).

    *online*: dossiers received online in the period (with an electronic result where the
    procedure must return a written one); *received*: every dossier received in the period,
    all channels, all procedures. The portal multiplies by the sync rate (indicator 1.4),
    e.g. ``Fraction(4, 5)``; ``None`` leaves it out. Source: Quyết định 766/QĐ-TTg, chỉ số
    3.3, portal formula document [P] (kpi-and-index.md §4.3).
    """
    base = rate(online, received)
    if base is None or sync_rate is None:
        return base
    return base * _exact_rate(sync_rate)


def online_rate_eligible_fulltrack(online_eligible: int, eligible: int) -> Fraction | None:
    """Variant B: online dossiers of procedures eligible for toàn trình / their dossiers.

    Source: the portal's 2025-26 METRICS sheet for Quyết định 766/QĐ-TTg (row 6) [P];
    "toàn trình" as defined by Nghị định 42/2022/NĐ-CP Điều 11(1).
    """
    return rate(online_eligible, eligible)


def channel_mix(
    online: int, in_person: int, postal: int
) -> tuple[Fraction, Fraction, Fraction] | None:
    """Variant C: the shares of online, in-person and postal dossiers (they sum to 1).

    Source: companion rates of QĐ 766 indicator 3.3 [P]. ``None`` with no dossiers.

    >>> channel_mix(1, 2, 1)
    (Fraction(1, 4), Fraction(1, 2), Fraction(1, 4))
    """
    total = online + in_person + postal
    shares = (rate(online, total), rate(in_person, total), rate(postal, total))
    if shares[0] is None or shares[1] is None or shares[2] is None:
        return None
    return (shares[0], shares[1], shares[2])


def online_rate_handled(online: int, handled: int) -> Fraction | None:
    """Variant D: online dossiers / all dossiers handled (local reports, Vĩnh Phúc [S])."""
    return rate(online, handled)


def online_payment_rate(paid_online: int, with_fee: int) -> Fraction | None:
    """QĐ 766 indicator 3.6: dossiers paid online / dossiers owing a non-zero fee.

    The denominator excludes dossiers whose every fee line is 0. Source: Quyết định
    766/QĐ-TTg, chỉ số 3.6, portal formula document [P].
    """
    return rate(paid_online, with_fee)


def e_result_rate(e_results: int, result_required: int) -> Fraction | None:
    """QĐ 766 indicator 4.1: dossiers with an electronic result / those requiring a result.

    Source: Quyết định 766/QĐ-TTg, chỉ số 4.1, portal formula document [P].
    """
    return rate(e_results, result_required)


def digitisation_rate_766(digitised: int, dossiers: int) -> Fraction | None:
    """QĐ 766 indicator 4.2: dossiers digitised (components digitised, and an electronic
    result where one is required) / all dossiers of the unit.

    Source: Quyết định 766/QĐ-TTg, chỉ số 4.2, portal formula document [P].
    """
    return rate(digitised, dossiers)


def digitisation_rate_at_reception(digitised: int, offline: int) -> Fraction | None:
    """Local "tỷ lệ số hóa hồ sơ": dossiers digitised at reception / dossiers received in
    person or by post.

    Online dossiers need no scan (Thông tư 03/2025/TT-VPCP Điều 5(2)), so they are not in the
    denominator. Digitisation at reception: Nghị định 107/2021/NĐ-CP [M]; local reports [S].
    """
    return rate(digitised, offline)


def result_digitisation_rate(e_results: int, resolved: int) -> Fraction | None:
    """Local "số hóa kết quả": resolved dossiers with an electronic result / resolved dossiers.

    Source: Thông tư 01/2023/TT-VPCP (digitisation of dossiers and results) [S]; local reports.
    """
    return rate(e_results, resolved)


def e_certified_copy_rate(e_copies: int, certified: int) -> Fraction | None:
    """Local e-certified-copy rate: copies certified electronically / copies certified.

    Chứng thực bản sao điện tử từ bản chính (Nghị định 23/2015/NĐ-CP as amended [M]); seed
    (b) of kpi-and-index.md §7: 479 / 480 = 99,79 %.

    >>> round_percent(e_certified_copy_rate(479, 480))
    Decimal('99.79')
    """
    return rate(e_copies, certified)


def e_certified_copy_coverage(communes_providing: int, communes: int) -> Fraction | None:
    """QĐ 766 (portal METRICS): communes providing e-certified copies / communes managed.

    A ratio of units, not of dossiers. Source: Quyết định 766/QĐ-TTg, portal METRICS sheet [P].
    """
    return rate(communes_providing, communes)


@attrs.frozen
class RateCounts:
    """The counts behind the channel, payment and digitisation rates, from records.

    Counted over the records *received* in the period (by receipt date, kpi-and-index.md
    §1.3), except ``resolved`` and ``resolved_e_result`` (completed in the period as resolved
    or refused).
    """

    received: int
    online: int
    in_person: int
    postal: int
    fulltrack_eligible: int
    """Received dossiers of procedures eligible for toàn trình."""
    online_fulltrack_eligible: int
    with_fee: int
    """Received dossiers owing a non-zero fee (``paid_online`` is not None)."""
    paid_online: int
    result_required: int
    """Received dossiers whose procedure requires a written result (``e_result`` not None)."""
    e_result: int
    digitised_766: int
    """Received dossiers digitised, with an electronic result where one is required."""
    offline: int
    """Received in person or by post."""
    offline_digitised: int
    certified: int
    """Certifications of copies (``e_copy`` is not None)."""
    e_copies: int
    resolved: int
    resolved_e_result: int


def rate_counts(records: Iterable[Record], period: Period) -> RateCounts:
    """Count, over *period*, what the channel, payment and digitisation rates need.

    >>> from tthc.catalog import Channel
    >>> rs = [Record("UBND xã A", _dt.datetime(2025, 3, 3, 9), Channel.ONLINE, due_at=None,
    ...              completed_at=None, outcome="pending", paid_online=True)]
    >>> c = rate_counts(rs, Period.parse("2025-03"))
    >>> online_payment_rate(c.paid_online, c.with_fee)
    Fraction(1, 1)
    """
    first, last = period.start.toordinal(), period.end.toordinal()
    received = online = in_person = postal = eligible = online_eligible = 0
    with_fee = paid = required = e_result = digitised_766 = 0
    offline = offline_digitised = certified = e_copies = resolved = resolved_e = 0
    for r in records:
        if first <= r._fd <= last and r.outcome in (Outcome.RESOLVED, Outcome.REFUSED):
            resolved += 1
            resolved_e += r.e_result is True
        if not first <= r._rd <= last:
            continue
        received += 1
        ch = r.channel
        is_online = ch is Channel.ONLINE
        online += is_online
        in_person += ch is Channel.IN_PERSON
        postal += ch is Channel.POSTAL
        if r.fulltrack_eligible:
            eligible += 1
            online_eligible += is_online
        if r.paid_online is not None:
            with_fee += 1
            paid += r.paid_online
        if r.e_result is not None:
            required += 1
            e_result += r.e_result
        digitised_766 += r.digitised is True and r.e_result is not False
        if not is_online:
            offline += 1
            offline_digitised += r.digitised is True
        if r.e_copy is not None:
            certified += 1
            e_copies += r.e_copy
    return RateCounts(
        received=received,
        online=online,
        in_person=in_person,
        postal=postal,
        fulltrack_eligible=eligible,
        online_fulltrack_eligible=online_eligible,
        with_fee=with_fee,
        paid_online=paid,
        result_required=required,
        e_result=e_result,
        digitised_766=digitised_766,
        offline=offline,
        offline_digitised=offline_digitised,
        certified=certified,
        e_copies=e_copies,
        resolved=resolved,
        resolved_e_result=resolved_e,
    )


# -- rounding ------------------------------------------------------------------------------------


class Rounding(enum.StrEnum):
    """How :func:`round_percent` drops digits."""

    HALF_UP = "half_up"
    """Ties away from zero (``decimal.ROUND_HALF_UP``): tthc's default (kpi-and-index.md §8)."""
    HALF_EVEN = "half_even"
    """Banker's rounding, as C# ``Math.Round`` and Python ``round()``: to reproduce kiosks."""
    TRUNCATE = "truncate"
    """Drop the digits (OpenCPS's integer division)."""


def _exact_rate(value: object) -> Fraction:
    if isinstance(value, bool) or not isinstance(value, int | Fraction | Decimal):
        raise InvalidRateError(value, "a Fraction, an int or a Decimal (never a float)")
    return Fraction(value)


def round_percent(
    rate: Fraction | int | Decimal | None,
    places: int = 2,
    *,
    mode: Rounding = Rounding.HALF_UP,
    trim: bool = False,
) -> Decimal | None:
    """The rate as a percentage with *places* decimals: the one rounding step, at the end.

    ``ROUND_HALF_UP`` by default, computed exactly from the fraction (never through a
    float): 793/800 = 99,125 % gives 99,13, where ``round(793 / 800 * 100, 2)`` gives 99.12.
    *trim* drops trailing zeros (Thừa Thiên Huế's portal writes "40 %" for 39,9664 % at one
    decimal). ``None`` (no data) stays ``None``. No legal text sets the rounding mode
    (kpi-and-index.md §8).

    >>> round_percent(Fraction(793, 800))
    Decimal('99.13')
    >>> round_percent(Fraction(793, 800), mode=Rounding.HALF_EVEN)
    Decimal('99.12')
    >>> round_percent(Fraction(102770, 257141), 1, trim=True)
    Decimal('40')
    >>> round_percent(Fraction(4549, 4561), 0, mode=Rounding.TRUNCATE)
    Decimal('99')
    >>> round_percent(None) is None
    True
    >>> round_percent(0.99)
    Traceback (most recent call last):
        ...
    tthc.errors.InvalidRateError: invalid rate 0.99: expected a Fraction, an int or a Decimal (never a float)
    """
    if rate is None:
        return None
    if type(places) is not int or not 0 <= places <= 28:
        msg = f"places must be an integer 0-28, got {places!r}"
        raise ValueError(msg)
    x = _exact_rate(rate) * 100 * 10**places
    negative = x < 0
    num, den = abs(x.numerator), x.denominator
    q, r = divmod(num, den)
    mode = Rounding(mode)
    if mode is Rounding.HALF_UP:
        q += 2 * r >= den
    elif mode is Rounding.HALF_EVEN:
        q += 2 * r > den or (2 * r == den and q % 2 == 1)
    result = Decimal(-q if negative else q).scaleb(-places)
    if trim and result == result.to_integral_value():
        return result.quantize(Decimal(1))
    if trim:
        return result.normalize()
    return result


class DisplayStyle(enum.Enum):
    """Percent display styles seen in the field (kpi-and-index.md §8).

    >>> r = Fraction(102770, 257141)
    >>> [str(style.round(r)) for style in DisplayStyle]
    ['39.97', '40', '39']
    """

    VN_2DP = (2, Rounding.HALF_UP, False)
    """Two decimals, half up: most press and provincial reports, and the 766 portal."""
    VN_1DP_TRIM = (1, Rounding.HALF_UP, True)
    """One decimal, trailing ",0" dropped: Thừa Thiên Huế's portal ("40 %", "27,8 %")."""
    INT_TRUNC = (0, Rounding.TRUNCATE, False)
    """Integer, truncated: OpenCPS's ``(betimes + ontime) * 100 / release``."""

    def round(self, rate: Fraction | int | Decimal | None) -> Decimal | None:
        """The rate as a percentage in this style."""
        places, mode, trim = self.value
        return round_percent(rate, places, mode=mode, trim=trim)


_MAX_CANDIDATES: Final = 10_000_000


def denominators_for(
    numerator: int, shown: Decimal, places: int = 2, *, mode: Rounding = Rounding.HALF_UP
) -> tuple[int, ...]:
    """Every denominator d with ``round_percent(numerator / d) == shown``.

    Recovers the count behind a published percentage (kpi-and-index.md §7b: 479 e-certified
    copies "đạt tỷ lệ 99,79 %" -> 480). Refuses a *shown* value so small that the candidates
    are unbounded.

    >>> denominators_for(479, Decimal("99.79"))
    (480,)
    """
    shown_f = _exact_rate(shown)
    half = Fraction(1, 10**places)  # a whole unit in the last place: a generous window
    low = shown_f - half
    if type(numerator) is not int or numerator < 1 or low <= 0:
        expected = "a numerator >= 1 and a percentage whose rounding excludes 0"
        shown_text = f"{numerator} / d = {shown} %"
        raise InvalidRateError(shown_text, expected)
    lo = max(1, int(Fraction(100 * numerator) / (shown_f + half)))
    hi = int(Fraction(100 * numerator) / low) + 1
    if hi - lo > _MAX_CANDIDATES:
        raise CountTooLargeError(hi - lo, _MAX_CANDIDATES, what="candidate denominators")
    return tuple(
        d
        for d in range(max(lo, numerator), hi + 1)
        if round_percent(Fraction(numerator, d), places, mode=mode) == shown
    )
