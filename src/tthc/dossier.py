"""The dossier lifecycle (vòng đời hồ sơ): statuses, events, transitions, clocks and trail.

A dossier (hồ sơ) is submitted, received with an appointment (Mẫu 01) or sent back (Mẫu 02,
Mẫu 03), processed, possibly paused or restarted, and finally resolved, refused or withdrawn.
:func:`apply` takes a :class:`Dossier` and one :class:`Event` and returns the next dossier, or
raises :class:`~tthc.errors.InvalidTransitionError`; the transition table is law as data
(``tthc._data.lifecycle``, every row citing its provision) and is validated when this module
loads. The regime (Nghị định 61/2018 + 107/2021 with the forms of Thông tư 01/2018 before
01/07/2025; Nghị định 118/2025 with Thông tư 03/2025 from that date) is chosen by the date of
receipt.

Clocks (legal-rules.md §4.3, §5.3, §6): receipt computes the due date from the procedure's
time limit with the deadline engine; a supplement restarts it (pause as a policy); financial
obligations and legal suspensions pause it; an apology and new appointment is allowed once
and never moves the due date statistics use; inter-agency steps have their own due dates and
lateness is attributed to the agency whose step overran.

>>> from datetime import datetime
>>> from tthc.calendar import VIETNAM_TZ
>>> from tthc.catalog import Channel
>>> from tthc.deadlines import TimeLimit
>>> def at(*args):
...     return datetime(*args, tzinfo=VIETNAM_TZ)
>>> d = submit("000.00.31.H12-250303-0001", agency="UBND xã Đông Hòa",
...            channel=Channel.IN_PERSON, at=at(2025, 3, 3, 9))
>>> d = apply(d, Event(Action.RECEIVE, at(2025, 3, 3, 9), limit=TimeLimit.working_days(10)))
>>> d.status, d.due.at.isoformat()
(<Status.PROCESSING: 'processing'>, '2025-03-17T17:00:00+07:00')
>>> d = apply(d, Event(Action.RESULT, at(2025, 3, 14, 10)))
>>> d.timeliness, d.completed_at.isoformat()
(<Timeliness.EARLY: 'early'>, '2025-03-14T10:00:00+07:00')
>>> replay(d.events) == d
True
"""

from __future__ import annotations

import datetime as _dt
import enum
import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Final, Protocol

import attrs
from babel.dates import format_datetime

from tthc._data import lifecycle as _table
from tthc._json import check_depth, loads
from tthc._numbers import read_fraction
from tthc.calendar import VIETNAM_TZ, WorkCalendar
from tthc.catalog import Channel
from tthc.deadlines import (
    VENDOR_SAME_DAY_CUTOFF,
    ApologyDeadline,
    CutoffBasis,
    Due,
    DuePolicy,
    EventKind,
    Granularity,
    TimeLimit,
    Timeliness,
    Unit,
    apology_deadline,
    classify,
    due,
    due_rule,
    pause,
    restart,
)
from tthc.errors import (
    ApologyRefusedError,
    CountTooLargeError,
    DateOutOfRangeError,
    EventOrderError,
    InvalidCodeError,
    InvalidNumberError,
    InvalidTimeLimitError,
    InvalidTransitionError,
    InvalidValueError,
    NoTimeLimitError,
    RecordError,
    TthcError,
)
from tthc.legal import LegalSource

__all__ = [
    "Action",
    "Apology",
    "ApologyLetter",
    "ApologyReading",
    "Dossier",
    "Event",
    "ExtensionLimit",
    "InvalidTransitionError",
    "NationalStatus",
    "Policy",
    "ProgressRow",
    "ReceiptSlip",
    "Regime",
    "ReturnMethod",
    "Status",
    "Step",
    "Submission",
    "SupplementMode",
    "SupplementRound",
    "Transition",
    "apology_letter",
    "apply",
    "format_instant_vi",
    "format_timestamp",
    "from_json",
    "from_sync_payload",
    "parse_timestamp",
    "read_progress_rows",
    "receipt_slip",
    "receive",
    "replay",
    "start",
    "state_diagram",
    "submit",
    "to_json",
    "to_progress_rows",
    "to_sync_payload",
    "transitions",
]


# -- statuses and actions ------------------------------------------------------------------------


class Status(enum.StrEnum):
    """Where a dossier is in tthc's own lifecycle (separate from the portal's codes).

    >>> Status.PROCESSING.final, Status.RETURNED.final
    (False, True)
    >>> Status.AWAITING_OBLIGATION.national
    <NationalStatus.FINANCIAL_OBLIGATION: 6>
    """

    NEW = "new"
    """Submitted (online, or at the counter) and not yet checked; the initial status."""
    NOT_RECEIVED = "not_received"
    """Not received: incomplete, guided once in writing to complete it (Mẫu 02). Final."""
    REFUSED_AT_RECEIPT = "refused_at_receipt"
    """Refused at receipt (Mẫu 03); the clock never started. Final."""
    PROCESSING = "processing"
    """Received (Mẫu 01) and being processed; the clock runs."""
    AWAITING_SUPPLEMENT = "awaiting_supplement"
    """A supplement was requested during processing (Mẫu 02); the clock is stopped."""
    AWAITING_OBLIGATION = "awaiting_obligation"
    """Waiting for the applicant's financial obligation (nghĩa vụ tài chính); excluded time."""
    SUSPENDED = "suspended"
    """Suspended (tạm dừng) under a named legal basis; excluded time."""
    RESULT_READY = "result_ready"
    """The result is signed and ready (đã xử lý xong): the completion instant."""
    RETURNED = "returned"
    """The result was handed over (đã trả kết quả). Final."""
    REFUSED = "refused"
    """Refused after appraisal, resolved with written reasons (từ chối giải quyết). Final."""
    WITHDRAWN = "withdrawn"
    """Withdrawn at the applicant's request (rút hồ sơ; Mẫu 05 under Thông tư 03/2025). Final."""

    @property
    def final(self) -> bool:
        """True when no event can follow."""
        return self in _FINAL

    @property
    def national(self) -> NationalStatus:
        """The portal's ``TrangThaiHoSo`` code for this status (lossy, see :class:`NationalStatus`)."""
        return _TO_NATIONAL[self]


_FINAL = frozenset(
    {
        Status.NOT_RECEIVED,
        Status.REFUSED_AT_RECEIPT,
        Status.RETURNED,
        Status.REFUSED,
        Status.WITHDRAWN,
    }
)


class NationalStatus(enum.IntEnum):
    """The national portal's dossier status codes (``TrangThaiHoSo``, data-formats.md §4.1).

    The mapping to :class:`Status` is explicit both ways and lossy in three places:

    - 2 (received) and 4 (processing) are both :attr:`Status.PROCESSING`; a dossier reports
      2 until anything happens after receipt (:attr:`Dossier.national_status`);
    - 3 (not received) covers both :attr:`Status.NOT_RECEIVED` (Mẫu 02) and
      :attr:`Status.REFUSED_AT_RECEIPT` (Mẫu 03); 3 reads back as the latter;
    - 9 (processing finished) covers :attr:`Status.RESULT_READY` and :attr:`Status.REFUSED`
      (a refusal with reasons is a resolved dossier, legal-rules.md §4.3); 9 reads back as the
      former.

    >>> NationalStatus(9).label, NationalStatus(9).status
    ('Đã xử lý xong', <Status.RESULT_READY: 'result_ready'>)
    >>> [s.national.value for s in (Status.NOT_RECEIVED, Status.REFUSED_AT_RECEIPT)]
    [3, 3]
    """

    SUBMITTED = 1
    RECEIVED = 2
    NOT_RECEIVED = 3
    PROCESSING = 4
    SUPPLEMENT_REQUESTED = 5
    FINANCIAL_OBLIGATION = 6
    WITHDRAWN = 7
    SUSPENDED = 8
    RESULT_READY = 9
    RETURNED = 10

    @property
    def label(self) -> str:
        """The Vietnamese name the portal gives the code."""
        return _NATIONAL_LABELS[self]

    @property
    def status(self) -> Status:
        """The tthc status this code reads back as."""
        return _FROM_NATIONAL[self]


# The portal's own names of the codes, as listed by the Cổng DVCQG sync documentation and
# seen in province systems (data-formats.md §4.1, [C2]); not a legal text.
_NATIONAL_LABELS = {
    NationalStatus.SUBMITTED: "Mới đăng ký",
    NationalStatus.RECEIVED: "Được tiếp nhận",
    NationalStatus.NOT_RECEIVED: "Không được tiếp nhận",
    NationalStatus.PROCESSING: "Đang xử lý",
    NationalStatus.SUPPLEMENT_REQUESTED: "Yêu cầu bổ sung giấy tờ",
    NationalStatus.FINANCIAL_OBLIGATION: "Yêu cầu thực hiện nghĩa vụ tài chính",
    NationalStatus.WITHDRAWN: "Công dân yêu cầu rút hồ sơ",
    NationalStatus.SUSPENDED: "Dừng xử lý",
    NationalStatus.RESULT_READY: "Đã xử lý xong",
    NationalStatus.RETURNED: "Đã trả kết quả",
}
_TO_NATIONAL = {
    Status.NEW: NationalStatus.SUBMITTED,
    Status.NOT_RECEIVED: NationalStatus.NOT_RECEIVED,
    Status.REFUSED_AT_RECEIPT: NationalStatus.NOT_RECEIVED,
    Status.PROCESSING: NationalStatus.PROCESSING,
    Status.AWAITING_SUPPLEMENT: NationalStatus.SUPPLEMENT_REQUESTED,
    Status.AWAITING_OBLIGATION: NationalStatus.FINANCIAL_OBLIGATION,
    Status.SUSPENDED: NationalStatus.SUSPENDED,
    Status.RESULT_READY: NationalStatus.RESULT_READY,
    Status.RETURNED: NationalStatus.RETURNED,
    Status.REFUSED: NationalStatus.RESULT_READY,
    Status.WITHDRAWN: NationalStatus.WITHDRAWN,
}
_FROM_NATIONAL = {
    NationalStatus.SUBMITTED: Status.NEW,
    NationalStatus.RECEIVED: Status.PROCESSING,
    NationalStatus.NOT_RECEIVED: Status.REFUSED_AT_RECEIPT,
    NationalStatus.PROCESSING: Status.PROCESSING,
    NationalStatus.SUPPLEMENT_REQUESTED: Status.AWAITING_SUPPLEMENT,
    NationalStatus.FINANCIAL_OBLIGATION: Status.AWAITING_OBLIGATION,
    NationalStatus.WITHDRAWN: Status.WITHDRAWN,
    NationalStatus.SUSPENDED: Status.SUSPENDED,
    NationalStatus.RESULT_READY: Status.RESULT_READY,
    NationalStatus.RETURNED: Status.RETURNED,
}


class Action(enum.StrEnum):
    """What can happen to a dossier: the kind of an :class:`Event`."""

    SUBMIT = "submit"
    """Nộp hồ sơ: creates the dossier (online, by post, or at the counter)."""
    RECEIVE = "receive"
    """Tiếp nhận: complete and valid; receipt with appointment (Mẫu 01); the clock starts."""
    GUIDE = "guide"
    """Hướng dẫn hoàn thiện: incomplete at receipt, guided once in writing (Mẫu 02)."""
    REFUSE_AT_RECEIPT = "refuse_at_receipt"
    """Từ chối tiếp nhận (Mẫu 03): out of scope or inadmissible; the clock never starts."""
    TRANSFER = "transfer"
    """Chuyển hồ sơ: hand-over to a unit or body for one step (phiếu kiểm soát)."""
    REQUEST_SUPPLEMENT = "request_supplement"
    """Yêu cầu bổ sung during processing (Mẫu 02)."""
    RECEIVE_SUPPLEMENT = "receive_supplement"
    """The supplement is received; the clock restarts (or resumes, by policy)."""
    REQUEST_OBLIGATION = "request_obligation"
    """Thông báo nghĩa vụ tài chính: excluded time starts."""
    FULFIL_OBLIGATION = "fulfil_obligation"
    """The financial obligation is fulfilled: excluded time ends."""
    SUSPEND = "suspend"
    """Tạm dừng under a named legal basis: excluded time starts."""
    RESUME = "resume"
    """Processing resumes: excluded time ends."""
    APOLOGISE = "apologise"
    """Xin lỗi và hẹn lại (Mẫu 04; Nghị định 118/2025: đề nghị gia hạn). Once only."""
    REFUSE = "refuse"
    """Từ chối giải quyết after appraisal, with reasons: resolved."""
    RESULT = "result"
    """Đã có kết quả: the result is signed and ready; the completion instant."""
    RETURN = "return"
    """Trả kết quả: handed over in person, by post or online."""
    WITHDRAW = "withdraw"
    """Rút hồ sơ at the applicant's request."""


class Regime(enum.StrEnum):
    """The one-stop regime a dossier is handled under, chosen by its receipt date.

    >>> Regime.at(_dt.date(2025, 6, 30)), Regime.at(_dt.date(2025, 7, 1))
    (<Regime.ND61_2018: 'nd61_2018'>, <Regime.ND118_2025: 'nd118_2025'>)
    """

    ND61_2018 = _table.ND61
    """Nghị định 61/2018/NĐ-CP as amended by 107/2021/NĐ-CP; forms of Thông tư 01/2018."""
    ND118_2025 = _table.ND118
    """Nghị định 118/2025/NĐ-CP; forms of Thông tư 03/2025/TT-VPCP."""

    @property
    def valid_from(self) -> _dt.date:
        """The first receipt date the regime applies to."""
        return _REGIMES[self].valid_from

    @property
    def source(self) -> LegalSource:
        """The decree of the regime."""
        return _REGIMES[self].source

    @property
    def forms(self) -> LegalSource:
        """The circular whose forms the regime uses."""
        return _REGIMES[self].forms

    @classmethod
    def at(cls, day: _dt.date) -> Regime:
        """The regime for a dossier received on *day* (Vietnam date)."""
        found = None
        for row in _table.REGIMES:
            if row.valid_from <= day:
                found = row.key
        if found is None:
            first = _table.REGIMES[0].valid_from
            msg = f"no one-stop regime before {first.isoformat()}; got {day.isoformat()}"
            raise InvalidValueError(msg)
        return cls(found)


_REGIMES = {Regime(row.key): row for row in _table.REGIMES}
_REGIME_STARTS = tuple(
    (_dt.datetime.combine(row.valid_from, _dt.time(), VIETNAM_TZ), Regime(row.key))
    for row in reversed(_table.REGIMES)
)
_FORM_TITLES = {(Regime(row.regime), row.number): row for row in _table.FORMS}


def _regime_at(at: _dt.datetime) -> Regime:
    for start_, regime in _REGIME_STARTS:
        if at >= start_:
            return regime
    return Regime.at(at.astimezone(VIETNAM_TZ).date())  # raises with the message


class SupplementMode(enum.StrEnum):
    """What a supplement received during processing does to the due date (legal-rules §4.3 [U])."""

    RESTART = "restart"
    """The full time limit runs again from the receipt of the supplement (default)."""
    PAUSE = "pause"
    """The waiting time is excluded: the due date moves by it."""


class ApologyReading(enum.StrEnum):
    """Which reading of "chậm nhất 01 ngày trước ngày hết hạn" judges an apology in time [U]."""

    WORKING_DAY = "working_day"
    """By the working day before the due date (the earlier, stricter reading; default)."""
    CALENDAR_DAY = "calendar_day"
    """By the calendar day before the due date (may be a day off)."""


class ExtensionLimit(enum.StrEnum):
    """How many extension requests (văn bản xin lỗi và đề nghị gia hạn) a dossier received
    under Nghị định 118/2025 may have: a policy, because no text of Nghị định 118 on it was
    read [U]. Dossiers of Nghị định 61/2018 follow that decree's rule (the new appointment only
    once) whatever this says.
    """

    ONCE = "once"
    """One, as Nghị định 61/2018 provided and provincial rules made under 118 repeat (default)."""
    NONE = "none"
    """No limit: every request is recorded; the statistical due date never moves."""


def _to_cutoff(value: object) -> _dt.time | None:
    if isinstance(value, str):
        try:
            return _dt.time.fromisoformat(value)
        except ValueError:
            msg = f"same_day_cutoff is 'HH:MM' or null, got {value!r}"
            raise ValueError(msg) from None
    if value is None or isinstance(value, _dt.time):
        return value
    msg = f"same_day_cutoff is a datetime.time or None, got {value!r}"
    raise TypeError(msg)


class ReturnMethod(enum.StrEnum):
    """How the result is handed over (``HinhThuc`` of the sync payload: 0 counter, 1 post)."""

    IN_PERSON = "in_person"
    POSTAL = "postal"
    ONLINE = "online"


@attrs.frozen
class Policy:
    """The settings a dossier's clocks follow; the defaults are tthc's reading of the law.

    >>> Policy()
    Policy(due_policy=<DuePolicy.LEGAL: 'legal'>, supplement=<SupplementMode.RESTART: 'restart'>, granularity=<Granularity.DAY: 'day'>, apology_reading=<ApologyReading.WORKING_DAY: 'working_day'>, extension_limit=<ExtensionLimit.ONCE: 'once'>, same_day_cutoff=datetime.time(15, 0))
    """

    due_policy: DuePolicy = attrs.field(default=DuePolicy.LEGAL, converter=DuePolicy)
    """How due dates are counted (:class:`~tthc.deadlines.DuePolicy`)."""
    supplement: SupplementMode = attrs.field(
        default=SupplementMode.RESTART, converter=SupplementMode
    )
    """Restart (default) or pause on a supplement received during processing."""
    granularity: Granularity = attrs.field(default=Granularity.DAY, converter=Granularity)
    """How a completion is classified against the due date (legal-rules.md §5.3)."""
    apology_reading: ApologyReading = attrs.field(
        default=ApologyReading.WORKING_DAY, converter=ApologyReading
    )
    """Which reading of "01 ngày trước" sets :attr:`Dossier.apology_in_time`."""
    extension_limit: ExtensionLimit = attrs.field(
        default=ExtensionLimit.ONCE, converter=ExtensionLimit, kw_only=True
    )
    """Under Nghị định 118/2025: how many extension requests are allowed (a policy, [U])."""
    same_day_cutoff: _dt.time | None = attrs.field(
        default=VENDOR_SAME_DAY_CUTOFF, converter=_to_cutoff, kw_only=True
    )
    """The cut-off of a same-day limit whose text states none (vendor practice 15:00;
    ``None``: none); passed to :func:`~tthc.deadlines.due`."""
    calendar: WorkCalendar | None = attrs.field(default=None, eq=False, repr=False, kw_only=True)
    """The working calendar (default: :func:`~tthc.calendar.vietnam_calendar`); not exported."""


_DEFAULT_POLICY = Policy()


# -- events --------------------------------------------------------------------------------------


def _aware_instant(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None and attribute.name != "at":
        return
    if not isinstance(value, _dt.datetime):
        msg = f"{attribute.name} must be a timezone-aware datetime, got {value!r}"
        raise TypeError(msg)
    if value.tzinfo is None or value.utcoffset() is None:
        msg = (
            f"{attribute.name} must be timezone-aware (Vietnam time: "
            f"tzinfo=tthc.calendar.VIETNAM_TZ), got naive {value.isoformat()}"
        )
        raise InvalidValueError(msg)


def _to_action(value: Action | str) -> Action:
    return value if value.__class__ is Action else Action(value)


def _to_method(value: ReturnMethod | str | None) -> ReturnMethod | None:
    if value is None or value.__class__ is ReturnMethod:
        return value
    return ReturnMethod(value)


@attrs.frozen
class Submission:
    """Who and what a dossier is, as known when it is submitted (the :attr:`Action.SUBMIT` payload)."""

    code: str = attrs.field(validator=attrs.validators.instance_of(str))
    """The dossier code (mã hồ sơ), as text."""
    agency: str = attrs.field(validator=attrs.validators.instance_of(str))
    """The agency that resolves the dossier (cơ quan, đơn vị giải quyết; as text, e.g. its
    electronic identifier)."""
    channel: Channel = attrs.field(converter=Channel)
    procedure_code: str | None = None
    """The procedure code (mã TTHC), when known."""
    field: str | None = None
    """The field (lĩnh vực), when known."""
    received_by: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(str))
    )
    """The receiving place (nơi tiếp nhận: the one-stop centre or desk that received it),
    when it is not *agency* itself: under Nghị định 118/2025/NĐ-CP a dossier may be received
    at any one-stop centre of the province whatever the administrative boundary. ``None``:
    received by *agency*."""


_REQUIRED: dict[Action, str] = {}


@attrs.frozen
class Event:
    """Something that happened to a dossier, at an instant, by an actor of an agency.

    The instant is never read from the clock: it is given, timezone-aware (a naive datetime
    raises ``ValueError``; attach :data:`~tthc.calendar.VIETNAM_TZ`). The payload fields an
    action needs are checked here: ``submission`` (submit), ``limit`` (receive: the
    procedure's time limit for the channel, :meth:`TimeLimit.no_limit
    <tthc.deadlines.TimeLimit.no_limit>` when it sets none; transfer: the step's duration),
    ``agency`` (transfer: the unit taking the step), ``until`` (apologise: the new
    appointment), ``basis`` (suspend: the legal basis). ``extra`` keeps fields of other
    systems, untouched.

    >>> Event(Action.SUSPEND, _dt.datetime(2025, 3, 5, 9, tzinfo=VIETNAM_TZ))
    Traceback (most recent call last):
        ...
    tthc.errors.InvalidValueError: a suspend event needs basis (the legal basis of the suspension)
    >>> Event(Action.RESULT, _dt.datetime(2025, 3, 5, 9))
    Traceback (most recent call last):
        ...
    tthc.errors.InvalidValueError: at must be timezone-aware (Vietnam time: tzinfo=tthc.calendar.VIETNAM_TZ), got naive 2025-03-05T09:00:00
    """

    action: Action = attrs.field(converter=_to_action)
    at: _dt.datetime = attrs.field(validator=_aware_instant)
    """When it happened (tz-aware)."""
    actor: str = ""
    """Who did it (officer, system, applicant)."""
    agency: str = ""
    """The agency or unit acting; for a transfer, the one taking the step."""
    reason: str = ""
    """Why (supplement content, refusal reasons, delay reason...)."""
    limit: TimeLimit | None = None
    """Receive: the procedure's time limit; transfer: the step's allotted duration."""
    until: _dt.datetime | None = attrs.field(default=None, validator=_aware_instant)
    """Apologise: the new appointment. Receive/receive_supplement: an appointment stated by
    another system (used only when no time limit is given)."""
    basis: str = ""
    """Suspend: the named legal basis."""
    method: ReturnMethod | None = attrs.field(
        default=None,
        converter=_to_method,
    )
    """Return: how the result was handed over."""
    submission: Submission | None = None
    """Submit: the dossier's identity."""
    extra: Mapping[str, Any] = attrs.field(factory=dict, hash=False)
    """Fields from other systems, kept as given (JSON-compatible values)."""

    def __attrs_post_init__(self) -> None:
        action = self.action
        check = _PAYLOAD_CHECKS.get(action)
        if check is None or check(self):
            return
        need = _REQUIRED[action]
        msg = f"a {action} event needs {need}"
        raise InvalidValueError(msg)


_PAYLOAD_CHECKS: dict[Action, Callable[[Event], bool]] = {
    Action.SUBMIT: lambda e: e.submission is not None,
    Action.RECEIVE: lambda e: e.limit is not None or e.until is not None,
    Action.TRANSFER: lambda e: (
        bool(e.agency) and e.limit is not None and e.limit.unit is not Unit.NONE
    ),
    Action.APOLOGISE: lambda e: e.until is not None,
    Action.SUSPEND: lambda e: bool(e.basis.strip()),
}
_REQUIRED.update(
    {
        Action.SUBMIT: "submission (the dossier's code, agency and channel)",
        Action.RECEIVE: "limit (the procedure's time limit; TimeLimit.no_limit() for none)",
        Action.TRANSFER: "agency (the unit taking the step) and limit (its duration)",
        Action.APOLOGISE: "until (the new appointment)",
        Action.SUSPEND: "basis (the legal basis of the suspension)",
    }
)


# -- the transition table ------------------------------------------------------------------------


@attrs.frozen
class Transition:
    """One row of the transition table, validated: an action, from where to where, and why.

    >>> t = transitions(Regime.ND61_2018)[1]
    >>> t.action, t.from_status, t.to_status, t.form, t.form_title
    (<Action.RECEIVE: 'receive'>, <Status.NEW: 'new'>, <Status.PROCESSING: 'processing'>, 'Mẫu 01', 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả')
    >>> print(t.source)
    61/2018/NĐ-CP (Nghị định về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính), Điều 16-18 (tiếp nhận hồ sơ), in force 2018-06-21
    """

    action: Action
    from_status: Status | None
    """None for the event that creates a dossier."""
    to_status: Status
    regime: Regime
    form: str | None
    """The form issued with the event (e.g. ``"Mẫu 01"``), or None."""
    source: LegalSource
    note: str = ""

    @property
    def form_title(self) -> str | None:
        """The form's title in the regime, e.g. "Giấy tiếp nhận hồ sơ và hẹn trả kết quả"."""
        if self.form is None:
            return None
        return _FORM_TITLES[self.regime, self.form].title


def _load(rows: Iterable[_table.TransitionRow]) -> tuple[Transition, ...]:
    """Turn table rows into :class:`Transition` records and check the machine they define.

    Per regime: exactly one initial status; every status reachable from it; final statuses
    have no way out; every other status has a way to a final one; no (status, action) twice;
    every form named exists in the regime.

    >>> from tthc._data.lifecycle import TRANSITIONS
    >>> bad = [r for r in TRANSITIONS if not (r.action == "withdraw" and r.from_status == "suspended")]
    >>> bad = [r for r in bad if r.action != "resume"]
    >>> _load(bad)
    Traceback (most recent call last):
        ...
    tthc.errors.InvalidValueError: lifecycle nd61_2018: status 'suspended' cannot reach a final status
    >>> _load([*TRANSITIONS, TRANSITIONS[-1]._replace(from_status="returned")])
    Traceback (most recent call last):
        ...
    tthc.errors.InvalidValueError: lifecycle nd118_2025: final status 'returned' has a way out (withdraw)
    """
    out: list[Transition] = []
    for row in rows:
        regime = Regime(row.regime)
        if row.form is not None and (regime, row.form) not in _FORM_TITLES:
            msg = f"lifecycle {regime}: {row.action} issues {row.form!r}, not a form of the regime"
            raise InvalidValueError(msg)
        frm = None if row.from_status is None else Status(row.from_status)
        out.append(
            Transition(
                Action(row.action),
                frm,
                Status(row.to_status),
                regime,
                row.form,
                row.source,
                row.note,
            )
        )
    for regime in Regime:
        mine = [t for t in out if t.regime is regime]
        initial = {t.to_status for t in mine if t.from_status is None}
        if len(initial) != 1:
            msg = f"lifecycle {regime}: expected exactly one initial status, got {sorted(initial)}"
            raise InvalidValueError(msg)
        seen: set[tuple[Status, Action]] = set()
        edges: dict[Status, set[Status]] = {s: set() for s in Status}
        for t in mine:
            if t.from_status is None:
                continue
            key = (t.from_status, t.action)
            if key in seen:
                msg = f"lifecycle {regime}: {t.action} from {t.from_status!s} appears twice"
                raise InvalidValueError(msg)
            seen.add(key)
            if t.from_status.final:
                msg = f"lifecycle {regime}: final status {t.from_status.value!r} has a way out ({t.action})"
                raise InvalidValueError(msg)
            edges[t.from_status].add(t.to_status)
        reach, todo = set(initial), list(initial)
        while todo:
            for nxt in edges[todo.pop()] - reach:
                reach.add(nxt)
                todo.append(nxt)
        missing = [s.value for s in Status if s not in reach]
        if missing:
            msg = f"lifecycle {regime}: unreachable status(es) {missing}"
            raise InvalidValueError(msg)
        ends = set(_FINAL)
        changed = True
        while changed:
            changed = False
            for s in Status:
                if s not in ends and edges[s] & ends:
                    ends.add(s)
                    changed = True
        for s in Status:
            if s not in ends:
                msg = f"lifecycle {regime}: status {s.value!r} cannot reach a final status"
                raise InvalidValueError(msg)
    return tuple(out)


_TRANSITIONS = _load(_table.TRANSITIONS)
_OUT: dict[tuple[Regime, Status], dict[Action, Transition]] = {
    (r, s): {} for r in Regime for s in Status
}
_INITIAL: dict[Regime, Transition] = {}
for _t in _TRANSITIONS:
    if _t.from_status is None:
        _INITIAL[_t.regime] = _t
    else:
        _OUT[_t.regime, _t.from_status][_t.action] = _t
del _t


def transitions(regime: Regime | None = None) -> tuple[Transition, ...]:
    """The transition table (of one regime, or all), in the order of the data.

    >>> len(transitions(Regime.ND118_2025)), transitions()[0].action
    (20, <Action.SUBMIT: 'submit'>)
    """
    if regime is None:
        return _TRANSITIONS
    return tuple(t for t in _TRANSITIONS if t.regime is regime)


def state_diagram(regime: Regime = Regime.ND118_2025) -> str:
    """A Mermaid ``stateDiagram-v2`` of the regime's transition table (generated, never drawn).

    >>> print(state_diagram().splitlines()[:3])
    ['stateDiagram-v2', '    [*] --> new: submit', '    new --> processing: receive (Mẫu 01)']
    """
    lines = ["stateDiagram-v2"]
    merged: dict[tuple[str, str], list[str]] = {}
    for t in transitions(regime):
        frm = "[*]" if t.from_status is None else t.from_status.value
        label = t.action.value + (f" ({t.form})" if t.form else "")
        merged.setdefault((frm, t.to_status.value), []).append(label)
    for (frm, to), labels in merged.items():
        lines.append(f"    {frm} --> {to}: {', '.join(labels)}")
    for s in Status:
        if s.final:
            lines.append(f"    {s.value} --> [*]")
    return "\n".join(lines)


# -- the dossier ---------------------------------------------------------------------------------


@attrs.frozen
class Step:
    """One step of an internal or inter-agency process (bước xử lý; liên thông).

    The step's own due date is computed from its allotted duration when it is handed over;
    when the next hand-over (or the result) closes it, it is classified early / on time /
    late (legal-rules.md §6: the unit that exceeded its slot is the late one).
    """

    agency: str
    started_at: _dt.datetime
    limit: TimeLimit
    due: Due
    finished_at: _dt.datetime | None = None
    timeliness: Timeliness | None = None


@attrs.frozen
class SupplementRound:
    """One supplement request during processing (``DanhSachHoSoBoSung``)."""

    requested_at: _dt.datetime
    reason: str = ""
    received_at: _dt.datetime | None = None
    due_before: _dt.datetime | None = None
    """The appointment before the supplement (``NgayHenTraTruoc``)."""
    due_after: _dt.datetime | None = None
    """The appointment after it (``NgayHenTraMoi``)."""


@attrs.frozen
class Apology:
    """The apology and new appointment (Mẫu 04) and whether it was sent in time.

    ``deadline`` gives both readings of "chậm nhất 01 ngày trước ngày hết hạn" (working or
    calendar day; legal-rules.md §4.3 [U]).
    """

    sent_at: _dt.datetime
    new_appointment: _dt.datetime
    reason: str
    due_at: _dt.datetime
    """The due date the apology was judged against (unchanged by it)."""
    deadline: ApologyDeadline | None
    """None when the due was stated by another system (no calendar computation)."""

    @property
    def in_time_working_day(self) -> bool:
        """Sent on or before the working day before the due date."""
        last = self.deadline.working_day_reading if self.deadline else self._calendar_last()
        return self.sent_at.astimezone(VIETNAM_TZ).date() <= last

    @property
    def in_time_calendar_day(self) -> bool:
        """Sent on or before the calendar day before the due date."""
        last = self.deadline.calendar_day_reading if self.deadline else self._calendar_last()
        return self.sent_at.astimezone(VIETNAM_TZ).date() <= last

    def _calendar_last(self) -> _dt.date:
        return self.due_at.astimezone(VIETNAM_TZ).date() - _dt.timedelta(days=1)


@attrs.frozen(slots=False, kw_only=True)
class Dossier:
    """A dossier (hồ sơ) and its whole trail; frozen: :func:`apply` returns the next one.

    Build one with :func:`submit` (or :func:`start`/:func:`replay` from events). Every
    attribute is derived from :attr:`events` under :attr:`policy`, so ``replay(d.events,
    policy=d.policy) == d``. (Not slotted: the next dossier is a copy of this one's attribute
    dict with a few changes, which keeps :func:`apply` fast.)
    """

    code: str
    """The dossier code (mã hồ sơ)."""
    agency: str
    """The agency that resolves the dossier (cơ quan, đơn vị giải quyết)."""
    received_by: str = ""
    """The receiving place (nơi tiếp nhận); the resolving :attr:`agency` unless the
    submission named another (Nghị định 118/2025/NĐ-CP: any one-stop centre of the province
    may receive, whatever the administrative boundary)."""
    channel: Channel
    procedure_code: str | None = None
    field: str | None = None
    status: Status = Status.NEW
    policy: Policy = _DEFAULT_POLICY
    regime: Regime
    """The regime in force at receipt (before receipt: at submission)."""
    submitted_at: _dt.datetime
    received_at: _dt.datetime | None = None
    """When the clock started (Mẫu 01); None if never received."""
    limit: TimeLimit | None = None
    """The procedure's time limit for the channel, as given at receipt."""
    due: Due | None = None
    """The current due date, after restarts and pauses; None without a time limit."""
    stated_due_at: _dt.datetime | None = None
    """An appointment stated by another system, when no time limit was given."""
    completed_at: _dt.datetime | None = None
    """Result ready or refused: the instant statistics classify (hand-over is :attr:`returned_at`)."""
    returned_at: _dt.datetime | None = None
    return_method: ReturnMethod | None = None
    withdrawn_at: _dt.datetime | None = None
    timeliness: Timeliness | None = None
    """Early / on time / late at completion, under :attr:`Policy.granularity`."""
    apology: Apology | None = None
    """The first apology (Nghị định 61) or extension request (Nghị định 118)."""
    extensions: tuple[Apology, ...] = ()
    """Further extension requests, when :attr:`Policy.extension_limit` allows them (118 only)."""
    supplements: tuple[SupplementRound, ...] = ()
    paused_at: _dt.datetime | None = None
    """When the current excluded period (obligation or suspension) started."""
    steps: tuple[Step, ...] = ()
    events: tuple[Event, ...] = ()
    """The trail: every event applied, in order."""
    extra: Mapping[str, Any] = attrs.field(factory=dict, hash=False)
    """Fields from other systems, kept as given (see :func:`from_json`)."""

    # -- what the KPI layer and reports read --

    @property
    def statistical_due_at(self) -> _dt.datetime | None:
        """The appointment statistics judge against (legal-rules.md §4.3, §5.3).

        The original appointment with excluded time added, or the restarted one after a
        supplement; never the apology's new appointment.
        """
        d = self.due
        return d.at if d is not None else self.stated_due_at

    @property
    def apologised(self) -> bool:
        """True once the apology and new appointment was sent."""
        return self.apology is not None

    @property
    def apology_in_time(self) -> bool | None:
        """Whether the apology was sent in time, under :attr:`Policy.apology_reading`."""
        a = self.apology
        if a is None:
            return None
        if self.policy.apology_reading is ApologyReading.CALENDAR_DAY:
            return a.in_time_calendar_day
        return a.in_time_working_day

    @property
    def new_appointment_at(self) -> _dt.datetime | None:
        """The apology's new appointment (what the applicant is told), if any."""
        return None if self.apology is None else self.apology.new_appointment

    @property
    def supplement_requests(self) -> int:
        """How many supplements were requested during processing."""
        return len(self.supplements)

    @property
    def repeated_supplement(self) -> bool:
        """More than one supplement request: flagged (the national index counts it as late)."""
        return len(self.supplements) > 1

    @property
    def late_without_apology(self) -> bool:
        """Resolved late with no apology (Nghị định 61/2018 Điều 19) or extension request
        (Nghị định 118/2025) sent."""
        return self.timeliness is Timeliness.LATE and self.apology is None

    @property
    def late_agencies(self) -> tuple[str, ...]:
        """Agencies whose step overran its allotted time, in order, each once."""
        seen: list[str] = []
        for s in self.steps:
            if s.timeliness is Timeliness.LATE and s.agency not in seen:
                seen.append(s.agency)
        return tuple(seen)

    @property
    def national_status(self) -> NationalStatus:
        """The portal's ``TrangThaiHoSo``: 2 right after receipt (nothing else happened yet),
        else :attr:`Status.national`."""
        if self.status is Status.PROCESSING and self.events[-1].action is Action.RECEIVE:
            return NationalStatus.RECEIVED
        return _TO_NATIONAL[self.status]

    @property
    def allowed(self) -> tuple[Action, ...]:
        """The actions allowed next (before guards such as "one apology only")."""
        return tuple(_OUT[self.regime, self.status])

    @property
    def excluded(self) -> tuple[tuple[_dt.datetime, _dt.datetime, str], ...]:
        """The excluded periods (start, end, reason) that moved the due date."""
        if self.due is None:
            return ()
        return tuple(
            (e.start, e.end, e.reason) for e in self.due.basis.events if e.kind is EventKind.PAUSE
        )

    def form_of(self, event: Event) -> str | None:
        """The form number issued with *event* under this dossier's regime (e.g. "Mẫu 01")."""
        for t in _TRANSITIONS:
            if t.regime is self.regime and t.action is event.action and t.form:
                return t.form
        return None


# A private fast constructor: a copy of the attribute dict with a few changes. Same value as
# attrs.evolve(d, **changes), without re-running __init__ for two dozen fields.
_new = object.__new__
_set = object.__setattr__


def _derive(d: Dossier, changes: dict[str, Any]) -> Dossier:
    nd = _new(Dossier)
    state = d.__dict__.copy()
    state.update(changes)
    _set(nd, "__dict__", state)
    return nd


def _classify(completed: _dt.datetime, d: Dossier) -> Timeliness | None:
    g = d.policy.granularity
    if d.due is not None:
        return classify(completed, d.due, granularity=g)
    stated = d.stated_due_at
    if stated is None:
        return None
    if g == Granularity.DAY:
        c, s = completed.astimezone(VIETNAM_TZ).date(), stated.astimezone(VIETNAM_TZ).date()
        early, same = c < s, c == s
    else:
        early, same = completed < stated, completed == stated
    if early:
        return Timeliness.EARLY
    return Timeliness.ON_TIME if same else Timeliness.LATE


def _close_step(d: Dossier, at: _dt.datetime, *, judge: bool) -> tuple[Step, ...]:
    steps = d.steps
    if not steps or steps[-1].finished_at is not None:
        return steps
    last = steps[-1]
    t = classify(at, last.due, granularity=d.policy.granularity) if judge else None
    return (*steps[:-1], Step(last.agency, last.started_at, last.limit, last.due, at, t))


def _shift_step(d: Dossier, fn: Callable[[Due], Due]) -> tuple[Step, ...]:
    steps = d.steps
    if not steps or steps[-1].finished_at is not None:
        return steps
    s = steps[-1]
    return (*steps[:-1], Step(s.agency, s.started_at, s.limit, fn(s.due), None, None))


# Handlers: (dossier, event, transition) -> the changed attributes besides status and events.
_Handler = Callable[[Dossier, Event, Transition], dict[str, Any]]


def _on_receive(d: Dossier, e: Event, t: Transition) -> dict[str, Any]:
    limit = e.limit
    computed = None
    if limit is not None and limit.unit is not Unit.NONE:
        pol = d.policy
        computed = due(
            e.at,
            limit,
            calendar=pol.calendar,
            policy=pol.due_policy,
            same_day_cutoff=pol.same_day_cutoff,
        )
    stated = e.until if computed is None else None
    return {
        "regime": t.regime,
        "received_at": e.at,
        "limit": limit,
        "due": computed,
        "stated_due_at": stated,
    }


def _on_transfer(d: Dossier, e: Event, t: Transition) -> dict[str, Any]:
    assert e.limit is not None
    pol = d.policy
    step_due = due(
        e.at,
        e.limit,
        calendar=pol.calendar,
        policy=pol.due_policy,
        same_day_cutoff=pol.same_day_cutoff,
    )
    closed = _close_step(d, e.at, judge=True)
    return {"steps": (*closed, Step(e.agency, e.at, e.limit, step_due))}


def _on_request_supplement(d: Dossier, e: Event, t: Transition) -> dict[str, Any]:
    return {"supplements": (*d.supplements, SupplementRound(e.at, e.reason))}


def _on_receive_supplement(d: Dossier, e: Event, t: Transition) -> dict[str, Any]:
    rounds = d.supplements
    last = rounds[-1]
    before = d.statistical_due_at
    changes: dict[str, Any] = {}
    if d.due is not None:
        if d.policy.supplement is SupplementMode.RESTART:
            changes["due"] = restart(d.due, e.at)
            changes["steps"] = _shift_step(d, lambda s: restart(s, e.at))
        else:
            req = last.requested_at
            changes["due"] = pause(d.due, req, e.at, reason="bổ sung hồ sơ")
            changes["steps"] = _shift_step(d, lambda s: pause(s, req, e.at))
        after = changes["due"].at
    else:
        after = e.until if e.until is not None else before
        changes["stated_due_at"] = after
    done = SupplementRound(last.requested_at, last.reason, e.at, before, after)
    changes["supplements"] = (*rounds[:-1], done)
    return changes


def _on_pause_start(d: Dossier, e: Event, t: Transition) -> dict[str, Any]:
    return {"paused_at": e.at}


def _on_pause_end(d: Dossier, e: Event, t: Transition) -> dict[str, Any]:
    start_ = d.paused_at
    assert start_ is not None
    reason = (
        "nghĩa vụ tài chính"
        if e.action is Action.FULFIL_OBLIGATION
        else _pause_basis(d) or "tạm dừng"
    )
    changes: dict[str, Any] = {"paused_at": None}
    if d.due is not None:
        changes["due"] = pause(d.due, start_, e.at, reason=reason)
        changes["steps"] = _shift_step(d, lambda s: pause(s, start_, e.at, reason=reason))
    return changes


def _pause_basis(d: Dossier) -> str:
    for ev in reversed(d.events):
        if ev.action is Action.SUSPEND:
            return ev.basis
    return ""  # pragma: no cover - a resume always follows a suspend


def _on_apologise(d: Dossier, e: Event, t: Transition) -> dict[str, Any]:
    current = d.statistical_due_at
    allowed = tuple(_OUT[d.regime, d.status])
    if d.apology is not None and (
        d.regime is not Regime.ND118_2025 or d.policy.extension_limit is ExtensionLimit.ONCE
    ):
        rule = due_rule("one_apology", as_of=_receipt_day(d))
        if d.regime is Regime.ND118_2025:
            what = (
                f"an extension request was already sent on {d.apology.sent_at.isoformat()}; "
                "Policy.extension_limit is 'once' (a policy: no text of "
                f"{rule.source.number} on it was read)"
            )
        else:
            what = (
                f"an apology and new appointment was already sent on "
                f"{d.apology.sent_at.isoformat()}; only one is allowed ({rule.source.number}, "
                f"{rule.source.provision})"
            )
        raise _apology_error(d, e, allowed, what)
    if current is None:
        raise _apology_error(d, e, allowed, "the dossier has no due date to apologise for")
    assert e.until is not None
    if e.until <= e.at:
        reason = (
            f"the new appointment {e.until.isoformat()} is not after the apology itself "
            f"({e.at.isoformat()})"
        )
        raise _apology_error(d, e, allowed, reason)
    if e.until <= current:
        reason = (
            f"the new appointment {e.until.isoformat()} is not after the current due "
            f"{current.isoformat()}"
        )
        raise _apology_error(d, e, allowed, reason)
    deadline = apology_deadline(d.due) if d.due is not None else None
    apology = Apology(e.at, e.until, e.reason, current, deadline)
    if d.apology is None:
        return {"apology": apology}
    return {"apology": d.apology, "extensions": (*d.extensions, apology)}


def _receipt_day(d: Dossier) -> _dt.date:
    at = d.received_at if d.received_at is not None else d.submitted_at
    return at.astimezone(VIETNAM_TZ).date()


def _apology_error(d: Dossier, e: Event, allowed: tuple[Action, ...], reason: str) -> Exception:
    return ApologyRefusedError(d.code, d.status, e.action, allowed, reason)


def _on_complete(d: Dossier, e: Event, t: Transition) -> dict[str, Any]:
    return {
        "completed_at": e.at,
        "timeliness": _classify(e.at, d),
        "steps": _close_step(d, e.at, judge=True),
    }


def _on_return(d: Dossier, e: Event, t: Transition) -> dict[str, Any]:
    return {"returned_at": e.at, "return_method": e.method}


def _on_withdraw(d: Dossier, e: Event, t: Transition) -> dict[str, Any]:
    return {"withdrawn_at": e.at, "paused_at": None, "steps": _close_step(d, e.at, judge=False)}


def _on_receipt_end(d: Dossier, e: Event, t: Transition) -> dict[str, Any]:
    return {"regime": t.regime}


_HANDLERS: dict[Action, _Handler] = {
    Action.RECEIVE: _on_receive,
    Action.GUIDE: _on_receipt_end,
    Action.REFUSE_AT_RECEIPT: _on_receipt_end,
    Action.TRANSFER: _on_transfer,
    Action.REQUEST_SUPPLEMENT: _on_request_supplement,
    Action.RECEIVE_SUPPLEMENT: _on_receive_supplement,
    Action.REQUEST_OBLIGATION: _on_pause_start,
    Action.FULFIL_OBLIGATION: _on_pause_end,
    Action.SUSPEND: _on_pause_start,
    Action.RESUME: _on_pause_end,
    Action.APOLOGISE: _on_apologise,
    Action.REFUSE: _on_complete,
    Action.RESULT: _on_complete,
    Action.RETURN: _on_return,
    Action.WITHDRAW: _on_withdraw,
}

# The grid apply() reads: (regime, status) -> action -> (transition, handler).
_GRID: dict[tuple[Regime, Status], dict[Action, tuple[Transition, _Handler]]] = {
    key: {a: (t, _HANDLERS[a]) for a, t in out.items()} for key, out in _OUT.items()
}


def start(event: Event, *, policy: Policy | None = None) -> Dossier:
    """The new dossier created by a :attr:`Action.SUBMIT` event.

    >>> e = Event(Action.SUBMIT, _dt.datetime(2025, 7, 1, 8, tzinfo=VIETNAM_TZ),
    ...           submission=Submission("H12-0001", "UBND phường Ba Đình", Channel.ONLINE))
    >>> start(e).regime
    <Regime.ND118_2025: 'nd118_2025'>
    """
    if event.action is not Action.SUBMIT or event.submission is None:
        msg = f"a dossier starts with a submit event, got {event.action}"
        raise InvalidValueError(msg)
    s = event.submission
    return _derive(
        _TEMPLATE,
        {
            "code": s.code,
            "agency": s.agency,
            "received_by": s.agency if s.received_by is None else s.received_by,
            "channel": s.channel,
            "procedure_code": s.procedure_code,
            "field": s.field,
            "policy": _DEFAULT_POLICY if policy is None else policy,
            "regime": _regime_at(event.at),
            "submitted_at": event.at,
            "events": (event,),
            "extra": {},
        },
    )


_TEMPLATE = Dossier(
    code="",
    agency="",
    channel=Channel.IN_PERSON,
    regime=Regime.ND61_2018,
    submitted_at=_dt.datetime(2019, 1, 1, tzinfo=VIETNAM_TZ),
)
"""Every default of a new dossier; :func:`start` copies it (same value as ``Dossier(...)``)."""


def submit(
    code: str,
    *,
    agency: str,
    channel: Channel,
    at: _dt.datetime,
    procedure_code: str | None = None,
    field: str | None = None,
    actor: str = "",
    policy: Policy | None = None,
    received_by: str | None = None,
) -> Dossier:
    """A new dossier, submitted at *at* (status :attr:`Status.NEW`).

    *agency* resolves it; *received_by* is the receiving place when it is another one-stop
    centre (Nghị định 118/2025/NĐ-CP), by default *agency* itself.

    >>> d = submit("H12-0001", agency="UBND xã A", channel=Channel.POSTAL,
    ...            at=_dt.datetime(2025, 3, 3, 9, tzinfo=VIETNAM_TZ))
    >>> d.status, d.allowed
    (<Status.NEW: 'new'>, (<Action.RECEIVE: 'receive'>, <Action.GUIDE: 'guide'>, <Action.REFUSE_AT_RECEIPT: 'refuse_at_receipt'>, <Action.WITHDRAW: 'withdraw'>))
    >>> d.received_by
    'UBND xã A'
    >>> elsewhere = submit("H12-0002", agency="UBND xã B", received_by="Trung tâm PVHCC xã A",
    ...                    channel=Channel.IN_PERSON,
    ...                    at=_dt.datetime(2025, 7, 1, 9, tzinfo=VIETNAM_TZ))
    >>> elsewhere.agency, elsewhere.received_by
    ('UBND xã B', 'Trung tâm PVHCC xã A')
    """
    sub = Submission(code, agency, channel, procedure_code, field, received_by)
    return start(Event(Action.SUBMIT, at, actor=actor, submission=sub), policy=policy)


def apply(dossier: Dossier, event: Event) -> Dossier:
    """The dossier after *event*: one more event in its trail, its clocks moved by the rules.

    Raises:
        InvalidTransitionError: The event is not allowed in the dossier's status (the error
            names the dossier, the status, the event and the allowed events).
        ApologyRefusedError: A second apology, or one with nothing to apologise for.
        EventOrderError: The event is earlier than the last one in the trail.

    >>> d = submit("H12-0001", agency="UBND xã A", channel=Channel.IN_PERSON,
    ...            at=_dt.datetime(2025, 3, 3, 9, tzinfo=VIETNAM_TZ))
    >>> apply(d, Event(Action.RESULT, _dt.datetime(2025, 3, 3, 10, tzinfo=VIETNAM_TZ)))
    Traceback (most recent call last):
        ...
    tthc.errors.InvalidTransitionError: dossier 'H12-0001' is new: result is not allowed (allowed: receive, guide, refuse_at_receipt, withdraw)
    >>> apply(d, Event(Action.WITHDRAW, _dt.datetime(2025, 3, 3, 8, tzinfo=VIETNAM_TZ)))
    Traceback (most recent call last):
        ...
    tthc.errors.EventOrderError: dossier 'H12-0001': withdraw at 2025-03-03T08:00:00+07:00 is earlier than the last event (submit at 2025-03-03T09:00:00+07:00)
    """
    events = dossier.events
    if len(events) >= MAX_EVENTS:
        raise CountTooLargeError(len(events) + 1, MAX_EVENTS, what="events of one dossier")
    d = _step(dossier, event, events[-1])
    _set(d, "events", (*events, event))
    return d


def _step(dossier: Dossier, event: Event, last: Event) -> Dossier:
    """*dossier* after *event* (whose trail ends with *last*), its ``events`` not yet set."""
    if event.at < last.at:
        raise EventOrderError(dossier.code, str(event.action), event.at, str(last.action), last.at)
    status = dossier.status
    regime = _regime_at(event.at) if status is Status.NEW else dossier.regime
    row = _GRID[regime, status].get(event.action)
    if row is None:
        allowed = tuple(_OUT[regime, status])
        raise InvalidTransitionError(dossier.code, status, event.action, allowed)
    t, handler = row
    changes = handler(dossier, event, t)
    changes["status"] = t.to_status
    return _derive(dossier, changes)


def replay(events: Iterable[Event], *, policy: Policy | None = None) -> Dossier:
    """The dossier rebuilt from its events (the first must be :attr:`Action.SUBMIT`).

    >>> replay([])
    Traceback (most recent call last):
        ...
    tthc.errors.InvalidValueError: replay needs at least the submit event
    """
    it = iter(events)
    first = next(it, None)
    if first is None:
        msg = "replay needs at least the submit event"
        raise InvalidValueError(msg)
    d = start(first, policy=policy)
    # One list grows as the trail is replayed (the intermediate values share it, and only
    # the handlers read it), so that replay is linear in the events; the result gets a tuple.
    trail = [first]
    _set(d, "events", trail)
    for e in it:
        if len(trail) >= MAX_EVENTS:
            raise CountTooLargeError(len(trail) + 1, MAX_EVENTS, what="events of one dossier")
        d = _step(d, e, trail[-1])
        trail.append(e)
    _set(d, "events", tuple(trail))
    return d


class _HasTimeLimit(Protocol):
    def time_limit(self, channel: Channel) -> TimeLimit: ...


def receive(
    dossier: Dossier,
    at: _dt.datetime,
    *,
    procedure: _HasTimeLimit | TimeLimit,
    actor: str = "",
    agency: str = "",
) -> Dossier:
    """Receive *dossier* at *at* (Mẫu 01) with the time limit of *procedure* for its channel.

    *procedure* is a :class:`~tthc.deadlines.TimeLimit` or anything with
    ``time_limit(channel)`` (a catalogue procedure); a procedure that sets no time limit
    (``NoTimeLimitError``) gives a dossier with no due date.

    >>> d = submit("H12-0001", agency="UBND xã A", channel=Channel.IN_PERSON,
    ...            at=_dt.datetime(2025, 9, 4, 15, 1, tzinfo=VIETNAM_TZ))
    >>> d = receive(d, d.submitted_at, procedure=TimeLimit.same_day())
    >>> d.due.at.isoformat()  # after the 15:00 cut-off: the next working day
    '2025-09-05T17:00:00+07:00'
    """
    if isinstance(procedure, TimeLimit):
        limit = procedure
    else:
        try:
            limit = procedure.time_limit(dossier.channel)
        except NoTimeLimitError:
            limit = TimeLimit.no_limit()
    return apply(dossier, Event(Action.RECEIVE, at, actor=actor, agency=agency, limit=limit))


# -- JSON exchange ------------------------------------------------------------------------------

JSON_FORMAT = "tthc.dossier/1"

MAX_EVENTS: Final = 100_000
"""Most events a dossier's trail may hold (:func:`from_json`, :func:`replay`, :func:`apply`)."""

_SEVEN = _dt.timedelta(hours=7)
_fromiso = _dt.datetime.fromisoformat
_combine = _dt.datetime.combine


def _instant_from_text(value: object, _: object = None) -> _dt.datetime:
    """An instant read from ISO 8601 text: +07:00 becomes Asia/Ho_Chi_Minh, other offsets stay."""
    if not isinstance(value, str):
        msg = f"expected an ISO 8601 instant, got {value!r}"
        raise TypeError(msg)
    at = _fromiso(value)
    off = at.utcoffset()
    if not _dt.MINYEAR < at.year < _dt.MAXYEAR:  # converting it to another offset overflows
        msg = f"an instant in the years {_dt.MINYEAR + 1}-{_dt.MAXYEAR - 1}, got {value!r}"
        raise InvalidValueError(msg)
    if off is None:
        msg = f"an instant needs its UTC offset, got {value!r}"
        raise InvalidValueError(msg)
    if off == _SEVEN:  # the same wall clock in Vietnam's zone (combine is faster than replace)
        return _combine(at.date(), at.time(), VIETNAM_TZ)
    return at


_LIMITS_OUT: dict[TimeLimit, dict[str, str]] = {}
_LIMITS_IN: dict[tuple[object, ...], TimeLimit] = {}


def _limit_to_json(limit: TimeLimit) -> dict[str, str]:
    out = _LIMITS_OUT.get(limit)
    if out is None:
        if len(_LIMITS_OUT) > 4096:
            _LIMITS_OUT.clear()
        out = _LIMITS_OUT[limit] = _limit_json(limit)
    return dict(out)


def _limit_json(limit: TimeLimit) -> dict[str, str]:
    a = limit.amount
    out = {"amount": str(a), "unit": limit.unit.value}
    if limit.cutoff is not None:
        out["cutoff"] = limit.cutoff.strftime("%H:%M")
    if limit.cutoff_basis is not None and limit.cutoff_basis is not CutoffBasis.STATED:
        out["cutoff_basis"] = limit.cutoff_basis.value
    return out


_LIMIT_KEYS = frozenset({"amount", "unit", "cutoff", "cutoff_basis"})
_SUBMISSION_KEYS = frozenset(
    {"code", "agency", "channel", "procedure_code", "field", "received_by"}
)
_POLICY_KEYS = frozenset(
    {
        "due_policy",
        "supplement",
        "granularity",
        "apology_reading",
        "extension_limit",
        "same_day_cutoff",
    }
)
_NESTED = ("limit", "submission")
"""Event keys whose objects may carry unknown keys; those are kept in ``Event.extra`` under
the same key (a known key, so never an unknown field of the event itself)."""


def _limit_from_json(value: Any, _: object = None) -> TimeLimit:
    if not isinstance(value, dict):
        msg = f"limit: a time limit is a JSON object, got {value!r}"
        raise RecordError(msg, field="limit")
    key = (value.get("amount"), value.get("unit"), value.get("cutoff"), value.get("cutoff_basis"))
    try:
        limit = _LIMITS_IN.get(key)
    except TypeError:  # an unhashable amount, unit or cut-off (a list, an object)
        limit = None
    if limit is None:
        limit = _read_limit(value)
        if len(_LIMITS_IN) > 4096:
            _LIMITS_IN.clear()
        _LIMITS_IN[key] = limit
    return limit


_CUTOFF = re.compile(r"[0-9]{2}:[0-9]{2}")


def _read_limit(value: Mapping[str, Any]) -> TimeLimit:
    """The limit of a ``limit`` object; RecordError naming the field if it is not one."""
    raw_unit = value.get("unit")
    unit = _UNITS.get(raw_unit) if isinstance(raw_unit, str) else None
    if unit is None:
        msg = f"unknown unit {raw_unit!r}; expected one of {', '.join(_UNITS)}"
        raise RecordError(msg, field="limit.unit")
    raw = value.get("amount", "0")
    try:
        amount = read_fraction(raw, field="limit.amount")
    except InvalidNumberError as exc:
        raise RecordError(str(exc), field="limit.amount") from None
    cutoff = value.get("cutoff")
    if unit is Unit.SAME_DAY:
        basis = value.get("cutoff_basis")
        if basis is not None and basis != CutoffBasis.STATED.value:
            if amount != 0:
                msg = f"a same-day limit has amount 0, got {raw!r}"
                raise RecordError(msg, field="limit.amount")
            if cutoff is not None and not isinstance(cutoff, str):
                msg = f"{cutoff!r} is not a time of day HH:MM"
                raise RecordError(msg, field="limit.cutoff")
            if basis == CutoffBasis.POLICY.value:
                return TimeLimit.same_day()
            if basis == CutoffBasis.CERTIFICATION.value:
                return TimeLimit.certification()
            bases = ", ".join(b.value for b in CutoffBasis)
            msg = f"unknown cut-off basis {basis!r}; expected one of {bases}"
            raise RecordError(msg, field="limit.cutoff_basis")
        if cutoff is None:
            at = _dt.time(15)
        elif isinstance(cutoff, str) and _CUTOFF.fullmatch(cutoff):
            try:
                at = _dt.time.fromisoformat(cutoff)
            except ValueError:
                at = None
            if at is None:
                msg = f"{cutoff!r} is not a time of day HH:MM"
                raise RecordError(msg, field="limit.cutoff")
        else:
            msg = f"{cutoff!r} is not a time of day HH:MM"
            raise RecordError(msg, field="limit.cutoff")
        try:  # no basis written: a stated cut-off (see _limit_json)
            return TimeLimit(amount, unit, cutoff=at, cutoff_basis=CutoffBasis.STATED)
        except InvalidTimeLimitError as exc:
            raise RecordError(str(exc), field="limit.amount") from None
    if cutoff is not None:
        msg = f"only a same_day limit has a cut-off, got {cutoff!r} for {unit.value}"
        raise RecordError(msg, field="limit.cutoff")
    try:
        return TimeLimit(amount, unit)
    except InvalidTimeLimitError as exc:
        raise RecordError(str(exc), field="limit.amount") from None


_UNITS = {u.value: u for u in Unit}


def _optional_text(value: Mapping[str, Any], name: str, where: str) -> str | None:
    got = value.get(name)
    if got is None or got.__class__ is str:
        return got
    msg = f"expected text or null, got {got!r}"
    raise RecordError(msg, field=f"{where}.{name}")


def _submission_from_json(value: Any) -> Submission:
    if not isinstance(value, dict):
        msg = f"a submission is a JSON object, got {value!r}"
        raise RecordError(msg, field="submission")
    code, agency = value.get("code"), value.get("agency")
    for name, got in (("code", code), ("agency", agency)):
        if not isinstance(got, str):
            msg = f"expected text, got {got!r}"
            raise RecordError(msg, field=f"submission.{name}")
    assert isinstance(code, str)
    assert isinstance(agency, str)
    channel = value.get("channel")
    try:
        ch = Channel(channel)
    except (ValueError, TypeError):
        msg = f"unknown channel {channel!r}; expected one of {', '.join(c.value for c in Channel)}"
        raise RecordError(msg, field="submission.channel") from None
    return Submission(
        code,
        agency,
        ch,
        _optional_text(value, "procedure_code", "submission"),
        _optional_text(value, "field", "submission"),
        _optional_text(value, "received_by", "submission"),
    )


def _submission_to_json(s: Submission) -> dict[str, Any]:
    return {
        "code": s.code,
        "agency": s.agency,
        "channel": s.channel.value,
        "procedure_code": s.procedure_code,
        "field": s.field,
    } | ({} if s.received_by is None else {"received_by": s.received_by})


def _unknown(value: Mapping[str, Any], known: frozenset[str], field: str) -> dict[str, Any]:
    """The keys of *value* outside *known*, their nesting bounded (kept as given)."""
    if value.keys() <= known:
        return {}
    extra = {k: v for k, v in value.items() if k not in known}
    check_depth(extra, field=field)
    return extra


_EVENT_FIELDS = tuple(a.name for a in attrs.fields(Event))
_KNOWN_EVENT = frozenset(_EVENT_FIELDS) - {"extra"}
_ACTIONS = {a.value: a for a in Action}
_ACTION_VALUE = {a: a.value for a in Action}
_METHODS = {m.value: m for m in ReturnMethod}


def _event_maker() -> Callable[..., Event]:
    """A constructor that fills Event's slots directly, for values already checked by the
    reader (same value as ``Event(...)``; the payload check still runs)."""
    new = object.__new__
    setters = tuple(Event.__dict__[name].__set__ for name in _EVENT_FIELDS)
    s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10 = setters
    check = Event.__attrs_post_init__

    def make(*values: Any) -> Event:
        e = new(Event)
        (v0, v1, v2, v3, v4, v5, v6, v7, v8, v9, v10) = values
        s0(e, v0)
        s1(e, v1)
        s2(e, v2)
        s3(e, v3)
        s4(e, v4)
        s5(e, v5)
        s6(e, v6)
        s7(e, v7)
        s8(e, v8)
        s9(e, v9)
        s10(e, v10)
        check(e)
        return e

    return make


_make_event = _event_maker()


def _text_field(value: Mapping[str, Any], name: str) -> str:
    got = value.get(name, "")
    if got.__class__ is not str:
        msg = f"{name} must be text, got {got!r}"
        raise TypeError(msg)
    return got


def _event_to_json(e: Event) -> dict[str, Any]:
    out: dict[str, Any] = {"action": _ACTION_VALUE[e.action], "at": e.at.isoformat()}
    if e.actor:
        out["actor"] = e.actor
    if e.agency:
        out["agency"] = e.agency
    if e.reason:
        out["reason"] = e.reason
    if e.limit is not None:
        out["limit"] = _limit_to_json(e.limit)
    if e.until is not None:
        out["until"] = e.until.isoformat()
    if e.basis:
        out["basis"] = e.basis
    if e.method is not None:
        out["method"] = e.method.value
    if e.submission is not None:
        out["submission"] = _submission_to_json(e.submission)
    for k, v in e.extra.items():
        known = out.get(k)
        if k in _NESTED and isinstance(known, dict) and isinstance(v, Mapping):
            for kk, vv in v.items():
                known.setdefault(kk, vv)
        else:
            out.setdefault(k, v)
    return out


def _event_from_json(value: Any, _: object = None) -> Event:
    if not isinstance(value, dict):
        msg = f"an event is a JSON object, got {value!r}"
        raise TypeError(msg)
    get = value.get
    name = get("action")
    action = _ACTIONS.get(name) if isinstance(name, str) else None
    if action is None:
        msg = f"unknown action {name!r}; expected one of {', '.join(_ACTIONS)}"
        raise RecordError(msg, field="action")
    lim = get("limit")
    until = get("until")
    method = get("method")
    sub = get("submission")
    if method is not None:
        method = _METHODS.get(method) if isinstance(method, str) else None
        if method is None:
            msg = f"unknown method {get('method')!r}; expected one of {', '.join(_METHODS)}"
            raise RecordError(msg, field="method")
    actor, agency, reason, basis = (
        get("actor", ""),
        get("agency", ""),
        get("reason", ""),
        get("basis", ""),
    )
    if not (actor.__class__ is agency.__class__ is reason.__class__ is basis.__class__ is str):
        for name in ("actor", "agency", "reason", "basis"):
            _text_field(value, name)  # raises, naming the field
    if value.keys() <= _KNOWN_EVENT:
        extra: dict[str, Any] = {}
    else:
        extra = _unknown(value, _KNOWN_EVENT, "event")
    limit = None if lim is None else _limit_from_json(lim)
    if lim is not None and not lim.keys() <= _LIMIT_KEYS:
        extra["limit"] = _unknown(lim, _LIMIT_KEYS, "limit")
    if sub is not None:
        submission = _submission_from_json(sub)
        if not sub.keys() <= _SUBMISSION_KEYS:
            extra["submission"] = _unknown(sub, _SUBMISSION_KEYS, "submission")
    else:
        submission = None
    return _make_event(
        action,
        _instant_from_text(value.get("at")),
        actor,
        agency,
        reason,
        limit,
        None if until is None else _instant_from_text(until),
        basis,
        method,
        submission,
        extra,
    )


_SUMMARY = (
    "status",
    "received_at",
    "due_at",
    "statistical_due_at",
    "completed_at",
    "returned_at",
    "withdrawn_at",
    "timeliness",
)
_KNOWN_TOP = frozenset({"format", "code", "policy", "events", *_SUMMARY})
_COPIED = {
    Action.RECEIVE: "received_at",
    Action.RESULT: "completed_at",
    Action.REFUSE: "completed_at",
    Action.RETURN: "returned_at",
    Action.WITHDRAW: "withdrawn_at",
}
"""Summary instants that are copies of an event's instant (taken from the event's text)."""


def _summary(d: Dossier, raw_events: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """The summary fields of *d*, whose events are written as *raw_events* (same order)."""
    out: dict[str, Any] = dict.fromkeys(_SUMMARY)
    out["status"] = d.status.value
    copied = _COPIED
    for e, raw in zip(d.events, raw_events, strict=True):
        key = copied.get(e.action)
        if key is not None:
            out[key] = raw["at"]
    if d.due is not None:
        out["due_at"] = out["statistical_due_at"] = d.due.at.isoformat()
    elif d.stated_due_at is not None:
        out["statistical_due_at"] = d.stated_due_at.isoformat()
    if d.timeliness is not None:
        out["timeliness"] = d.timeliness.value
    return out


_POLICY_OUT: dict[Policy, dict[str, str | None]] = {}


def _policy_to_json(p: Policy) -> dict[str, str | None]:
    out = _POLICY_OUT.get(p)
    if out is None:
        out = {
            "due_policy": p.due_policy.value,
            "supplement": p.supplement.value,
            "granularity": p.granularity.value,
            "apology_reading": p.apology_reading.value,
        }
        if p.extension_limit is not ExtensionLimit.ONCE:
            out["extension_limit"] = p.extension_limit.value
        if p.same_day_cutoff != VENDOR_SAME_DAY_CUTOFF:
            c = p.same_day_cutoff
            out["same_day_cutoff"] = None if c is None else c.strftime("%H:%M")
        if len(_POLICY_OUT) < 64:
            _POLICY_OUT[p] = out
    return out


def to_json(dossier: Dossier, *, indent: int | None = None) -> str:
    """The dossier as JSON: its trail, its policy, a summary of its state and its extra fields.

    The summary (status, dates, timeliness) is for readers without tthc; :func:`from_json`
    rebuilds the dossier from the trail and checks the summary against it.
    """
    doc: dict[str, Any] = {
        "format": JSON_FORMAT,
        "code": dossier.code,
        "policy": _policy_to_json(dossier.policy),
    }
    raw = [_event_to_json(e) for e in dossier.events]
    doc.update(_summary(dossier, raw))
    doc["events"] = raw
    for k, v in dossier.extra.items():
        if k == "policy" and isinstance(v, Mapping):
            doc["policy"] = {
                **doc["policy"],
                **{kk: vv for kk, vv in v.items() if kk not in doc["policy"]},
            }
        else:
            doc.setdefault(k, v)
    if indent is None:
        return _ENCODE(doc)
    return json.dumps(doc, ensure_ascii=False, indent=indent)


_ENCODE = json.JSONEncoder(ensure_ascii=False).encode
_POLICIES: dict[tuple[tuple[str, Any], ...], Policy] = {}


def from_json(text: str | bytes, *, calendar: WorkCalendar | None = None) -> Dossier:
    """The dossier of :func:`to_json` text, rebuilt from its trail; unknown fields are kept.

    Raises:
        RecordError: The text is not a tthc dossier, an event cannot be read, or the summary
            disagrees with the trail (``.field`` names the field).

    >>> d = submit("H12-0001", agency="UBND xã A", channel=Channel.ONLINE,
    ...            at=_dt.datetime(2025, 3, 3, 9, tzinfo=VIETNAM_TZ))
    >>> text = to_json(d)
    >>> from_json(text) == d
    True
    >>> from_json(text.replace('"new"', '"returned"'))
    Traceback (most recent call last):
        ...
    tthc.errors.RecordError: field 'status': the file says 'returned' but its events give 'new'
    """
    doc = loads(text, what="a tthc dossier document")
    if not isinstance(doc, dict) or doc.get("format") != JSON_FORMAT:
        fmt = doc.get("format") if isinstance(doc, dict) else None
        msg = f"not a tthc dossier document: format {fmt!r}, expected {JSON_FORMAT!r}"
        raise RecordError(msg, field="format")
    raw_events = doc.get("events")
    if not isinstance(raw_events, list) or not raw_events:
        msg = "expected a non-empty list of events"
        raise RecordError(msg, field="events")
    if len(raw_events) > MAX_EVENTS:
        msg = f"{len(raw_events)} events exceed the limit of {MAX_EVENTS} per dossier"
        raise RecordError(msg, field="events")
    events = []
    for i, raw in enumerate(raw_events):
        try:
            events.append(_event_from_json(raw))
        except RecordError as exc:
            where = f"events[{i}]" if exc.field is None else f"events[{i}].{exc.field}"
            msg = f"event {i} cannot be read: {exc.reason}"
            raise RecordError(msg, index=i, field=where) from None
        except (KeyError, TypeError, ValueError, OverflowError) as exc:
            msg = f"event {i} cannot be read: {exc}"
            raise RecordError(msg, index=i, field="events") from None
    pol = doc.get("policy")
    if pol is None:
        pol = {}
    if not isinstance(pol, dict) or not all(
        v.__class__ is str or (v is None and k == "same_day_cutoff")
        for k, v in pol.items()
        if k in _POLICY_KEYS
    ):
        msg = f"bad policy {pol!r}: expected an object of texts"
        raise RecordError(msg, field="policy")
    pol_extra = _unknown(pol, _POLICY_KEYS, "policy")
    if pol_extra:
        pol = {k: v for k, v in pol.items() if k in _POLICY_KEYS}
    try:
        cache_key = tuple(pol.items())
        policy = _POLICIES.get(cache_key) if calendar is None else None
        if policy is None:
            policy = Policy(**pol, calendar=calendar)
            if calendar is None and len(_POLICIES) < 64:
                _POLICIES[cache_key] = policy
    except (TypeError, ValueError) as exc:
        msg = f"bad policy {pol!r}: {exc}"
        raise RecordError(msg, field="policy") from None
    try:
        d = replay(events, policy=policy)
    except (DateOutOfRangeError, CountTooLargeError, InvalidValueError) as exc:  # past 2100
        msg = f"the events cannot be replayed: {exc}"
        raise RecordError(msg, field="events") from None
    except TthcError:
        raise  # InvalidTransitionError, EventOrderError...: they name the dossier and event
    except (ValueError, OverflowError) as exc:  # no submit first, a date before any regime,
        msg = f"the events cannot be replayed: {exc}"  # a limit of months past year 9999
        raise RecordError(msg, field="events") from None
    summary = _summary(d, raw_events)
    for key in _SUMMARY:
        if key in doc and doc[key] != summary[key]:
            got = doc[key]
            want = summary[key]
            msg = f"the file says {got!r} but its events give {want!r}"
            raise RecordError(msg, field=key)
    if doc.get("code", d.code) != d.code:
        msg = f"the file says {doc['code']!r} but its submit event gives {d.code!r}"
        raise RecordError(msg, field="code")
    extra = _unknown(doc, _KNOWN_TOP, "dossier")
    if pol_extra:
        extra["policy"] = pol_extra
    if extra:
        d = _derive(d, {"extra": extra})
    return d


def _with_extra(dossier: Dossier, extra: Mapping[str, Any]) -> Dossier:
    """*dossier* carrying *extra* fields from another system (kept by :func:`to_json`)."""
    return _derive(dossier, {"extra": dict(extra)})


# -- the national sync payload (DongBoHoSoMC) and progress rows (CapNhatTienDoHoSoMC) ----------


def format_timestamp(at: _dt.datetime | None) -> str:
    """``yyyyMMddHHmmss`` in Vietnam time, the portal's timestamp ("" for None).

    >>> format_timestamp(_dt.datetime(2025, 5, 5, 10, 0, tzinfo=_dt.UTC))
    '20250505170000'
    """
    if at is None:
        return ""
    return at.astimezone(VIETNAM_TZ).strftime("%Y%m%d%H%M%S")


def parse_timestamp(text: object, *, field: str, index: int | None = None) -> _dt.datetime:
    """A ``yyyyMMddHHmmss`` timestamp (Vietnam time) as a tz-aware instant.

    Raises:
        RecordError: Not 14 digits or not a real date and time; ``.field`` is *field*.

    >>> parse_timestamp("20250505170000", field="NgayHenTra").isoformat()
    '2025-05-05T17:00:00+07:00'
    >>> parse_timestamp("2025-05-05", field="NgayHenTra")
    Traceback (most recent call last):
        ...
    tthc.errors.RecordError: field 'NgayHenTra': '2025-05-05' is not a yyyyMMddHHmmss timestamp
    """
    if not isinstance(text, str) or len(text) != 14 or not text.isdigit() or not text.isascii():
        msg = f"{text!r} is not a yyyyMMddHHmmss timestamp"
        raise RecordError(msg, index=index, field=field)
    try:
        at = _dt.datetime.strptime(text, "%Y%m%d%H%M%S")  # noqa: DTZ007 - Vietnam time, below
    except ValueError:
        msg = f"{text!r} is not a real date and time (yyyyMMddHHmmss)"
        raise RecordError(msg, index=index, field=field) from None
    return at.replace(tzinfo=VIETNAM_TZ)


def to_sync_payload(dossier: Dossier) -> dict[str, Any]:
    """The dossier as a ``DongBoHoSoMC`` record (the national portal's dossier sync).

    ``DonViXuLy`` is the resolving :attr:`~Dossier.agency`. When the dossier was received
    elsewhere (:attr:`~Dossier.received_by`, Nghị định 118/2025/NĐ-CP), the receiving place
    goes to ``MaDonViTiepNhan``, the receiving-unit field of the national portal's dossier
    API (``CreateDossier`` of the Bộ Nội vụ DvcSync documentation); whether
    ``DongBoHoSoMC`` itself reads it is not confirmed, so it is written only then.

    ``NgayHenTra`` is the statistical due (never the apology's new appointment); supplement
    rounds go to ``DanhSachHoSoBoSung`` with the appointment before and after; extra fields
    the dossier carries are added as they are.
    """
    d = dossier
    first = d.events[0]
    refused = next(
        (e.at for e in d.events if e.action in (Action.REFUSE_AT_RECEIPT, Action.GUIDE)), None
    )
    finished = d.completed_at
    out: dict[str, Any] = {
        "MaHoSo": d.code,
        "MaTTHC": d.procedure_code or "",
        "MaLinhVuc": d.field or "",
        "KenhThucHien": d.channel.national_code,
        "DonViXuLy": d.agency,
        **({} if d.received_by == d.agency else {"MaDonViTiepNhan": d.received_by}),
        "NgayNopHoSo": format_timestamp(first.at),
        "NgayTiepNhan": format_timestamp(d.received_at),
        "NgayHenTra": format_timestamp(d.statistical_due_at),
        "TrangThaiHoSo": str(d.national_status.value),
        "NgayKetThucXuLy": format_timestamp(finished),
        "NgayTra": format_timestamp(d.returned_at or d.withdrawn_at),
        "NgayTuChoi": format_timestamp(refused),
        "HinhThuc": "1" if d.return_method is ReturnMethod.POSTAL else "0",
        "DanhSachHoSoBoSung": [
            {
                "HoSoBoSungId": str(i + 1),
                "NoiDungBoSung": r.reason,
                "NgayBoSung": format_timestamp(r.requested_at),
                "NgayTiepNhanBoSung": format_timestamp(r.received_at),
                "NgayHenTraTruoc": format_timestamp(r.due_before),
                "NgayHenTraMoi": format_timestamp(r.due_after),
            }
            for i, r in enumerate(d.supplements)
        ],
    }
    for k, v in d.extra.items():
        out.setdefault(k, v)
    return out


_SYNC_KNOWN = frozenset(
    {
        "MaHoSo",
        "MaTTHC",
        "MaLinhVuc",
        "KenhThucHien",
        "DonViXuLy",
        "MaDonViTiepNhan",
        "NgayNopHoSo",
        "NgayTiepNhan",
        "NgayHenTra",
        "TrangThaiHoSo",
        "NgayKetThucXuLy",
        "NgayTra",
        "NgayTuChoi",
        "HinhThuc",
        "DanhSachHoSoBoSung",
    }
)


def from_sync_payload(
    payload: Mapping[str, Any],
    *,
    limit: TimeLimit | None = None,
    policy: Policy | None = None,
    index: int | None = None,
) -> Dossier:
    """A dossier from a ``DongBoHoSoMC`` record, with one :class:`~tthc.errors.RecordError`
    per bad field (``.field`` names it, ``.index`` is *index*).

    The payload has instants for submission, receipt, supplements, completion and return;
    events are built from them. With *limit* (the procedure's time limit) tthc computes the
    due date itself; without it the stated ``NgayHenTra`` is kept as
    :attr:`Dossier.stated_due_at`. A status the payload gives no instant for (6, 8, or 7
    without ``NgayTra``) is placed at the latest known instant and marked
    ``extra["inferred_at"] = True`` on its event. Unknown fields are kept in
    :attr:`Dossier.extra`.
    """

    def text(name: str, *, required: bool = False) -> str:
        v = payload.get(name, "")
        if v is None:
            v = ""
        if not isinstance(v, str):
            v = str(v) if isinstance(v, int) and not isinstance(v, bool) else v
        if not isinstance(v, str):
            msg = f"expected text, got {v!r}"
            raise RecordError(msg, index=index, field=name)
        if required and not v.strip():
            msg = "required, missing or empty"
            raise RecordError(msg, index=index, field=name)
        return v.strip()

    def when(name: str, *, required: bool = False) -> _dt.datetime | None:
        v = text(name, required=required)
        return parse_timestamp(v, field=name, index=index) if v else None

    code = text("MaHoSo", required=True)
    try:
        channel = Channel.from_national_code(text("KenhThucHien", required=True))
    except InvalidCodeError as exc:
        raise RecordError(str(exc), index=index, field="KenhThucHien") from None
    raw_status = text("TrangThaiHoSo", required=True)
    try:
        national = NationalStatus(int(raw_status))
    except ValueError:
        msg = f"{raw_status!r} is not a TrangThaiHoSo code (1-10)"
        raise RecordError(msg, index=index, field="TrangThaiHoSo") from None
    received = when("NgayTiepNhan", required=national not in (1, 3))
    submitted = when("NgayNopHoSo") or received
    stated = when("NgayHenTra")
    finished = when("NgayKetThucXuLy", required=national in (9, 10))
    returned = when("NgayTra", required=national == 10)
    refused_at = when("NgayTuChoi")
    if submitted is None:
        submitted = refused_at
    if submitted is None:
        msg = "no instant to place the dossier at (NgayNopHoSo, NgayTiepNhan or NgayTuChoi)"
        raise RecordError(msg, index=index, field="NgayNopHoSo")
    method = ReturnMethod.POSTAL if text("HinhThuc") == "1" else ReturnMethod.IN_PERSON
    agency = text("DonViXuLy")
    received_by = text("MaDonViTiepNhan") or None
    sub = Submission(code, agency, channel, text("MaTTHC") or None, text("MaLinhVuc") or None)
    if received_by is not None and received_by != agency:
        sub = attrs.evolve(sub, received_by=received_by)
    events = [Event(Action.SUBMIT, submitted, submission=sub)]
    latest = submitted
    if national == 3:
        events.append(Event(Action.REFUSE_AT_RECEIPT, refused_at or submitted))
    rounds = payload.get("DanhSachHoSoBoSung") or []
    if not isinstance(rounds, list):
        msg = f"expected a list of supplement rounds, got {rounds!r}"
        raise RecordError(msg, index=index, field="DanhSachHoSoBoSung")
    if rounds and isinstance(rounds[0], Mapping) and rounds[0].get("NgayHenTraTruoc"):
        # The appointment at receipt; NgayHenTra is the one after the last round.
        stated = parse_timestamp(
            rounds[0]["NgayHenTraTruoc"],
            field="DanhSachHoSoBoSung[0].NgayHenTraTruoc",
            index=index,
        )
    if received is not None and national not in (1, 3):
        if limit is None and stated is None:
            limit = TimeLimit.no_limit()  # NgayHenTra "": the procedure sets no time limit
        events.append(Event(Action.RECEIVE, received, limit=limit, until=stated))
        latest = received
    for i, r in enumerate(rounds):
        where = f"DanhSachHoSoBoSung[{i}]"
        if not isinstance(r, Mapping):
            msg = f"expected an object, got {r!r}"
            raise RecordError(msg, index=index, field=where)
        asked_text = r.get("NgayBoSung") or ""
        if not asked_text:
            msg = "required, missing or empty"
            raise RecordError(msg, index=index, field=f"{where}.NgayBoSung")
        asked = parse_timestamp(asked_text, field=f"{where}.NgayBoSung", index=index)
        events.append(
            Event(Action.REQUEST_SUPPLEMENT, asked, reason=str(r.get("NoiDungBoSung") or ""))
        )
        latest = asked
        back_text = r.get("NgayTiepNhanBoSung") or ""
        if back_text:
            back = parse_timestamp(back_text, field=f"{where}.NgayTiepNhanBoSung", index=index)
            new_text = r.get("NgayHenTraMoi") or ""
            new = (
                parse_timestamp(new_text, field=f"{where}.NgayHenTraMoi", index=index)
                if new_text
                else None
            )
            events.append(Event(Action.RECEIVE_SUPPLEMENT, back, until=new))
            latest = back
    inferred = {"inferred_at": True}
    open_round = events[-1].action is Action.REQUEST_SUPPLEMENT
    if national == 5 and not open_round:
        events.append(Event(Action.REQUEST_SUPPLEMENT, latest, extra=inferred))
    elif national == 6:
        events.append(Event(Action.REQUEST_OBLIGATION, latest, extra=inferred))
    elif national == 8:
        events.append(
            Event(Action.SUSPEND, latest, basis="Dừng xử lý (TrangThaiHoSo 8)", extra=inferred)
        )
    elif national in (9, 10):
        assert finished is not None
        events.append(Event(Action.RESULT, finished))
        if national == 10:
            assert returned is not None
            events.append(Event(Action.RETURN, returned, method=method))
    elif national == 7:
        at = returned or finished
        events.append(
            Event(Action.WITHDRAW, at or latest, extra={} if at is not None else inferred)
        )
    try:
        d = replay(events, policy=policy)
    except (InvalidTransitionError, ValueError) as exc:
        raise RecordError(str(exc), index=index, field="TrangThaiHoSo") from None
    got = d.status.national
    if got is not national and {got, national} != {
        NationalStatus.RECEIVED,
        NationalStatus.PROCESSING,
    }:
        msg = (
            f"TrangThaiHoSo {national.value} disagrees with the rest of the record, which "
            f"gives {got.value} (e.g. an open supplement round)"
        )
        raise RecordError(msg, index=index, field="TrangThaiHoSo")
    extra = {k: v for k, v in payload.items() if k not in _SYNC_KNOWN}
    return _with_extra(d, extra) if extra else d


# The wording of a progress row's NoiDungXuLy: tthc's own short labels in the style of the
# province systems' rows (data-formats.md §4.4); display text, not a legal text.
_ACTION_TEXT = {
    Action.SUBMIT: "Nộp hồ sơ",
    Action.RECEIVE: "Tiếp nhận hồ sơ",
    Action.GUIDE: "Hướng dẫn bổ sung, hoàn thiện hồ sơ",
    Action.REFUSE_AT_RECEIPT: "Từ chối tiếp nhận hồ sơ",
    Action.TRANSFER: "Chuyển xử lý",
    Action.REQUEST_SUPPLEMENT: "Yêu cầu bổ sung hồ sơ",
    Action.RECEIVE_SUPPLEMENT: "Tiếp nhận hồ sơ bổ sung",
    Action.REQUEST_OBLIGATION: "Yêu cầu thực hiện nghĩa vụ tài chính",
    Action.FULFIL_OBLIGATION: "Hoàn thành nghĩa vụ tài chính",
    Action.SUSPEND: "Dừng xử lý",
    Action.RESUME: "Tiếp tục xử lý",
    Action.APOLOGISE: "Xin lỗi và hẹn lại ngày trả kết quả",
    Action.REFUSE: "Từ chối giải quyết",
    Action.RESULT: "Kết thúc xử lý hồ sơ",
    Action.RETURN: "Trả kết quả",
    Action.WITHDRAW: "Rút hồ sơ",
}


@attrs.frozen
class ProgressRow:
    """One ``CapNhatTienDoHoSoMC`` progress row (data-formats.md §4.4), read and checked."""

    code: str
    """``MaHoSo``."""
    at: _dt.datetime
    """``ThoiDiemXuLy``."""
    status: NationalStatus
    """``TrangThai``."""
    actor: str = ""
    """``NguoiXuLy``."""
    title: str = ""
    """``ChucDanh``."""
    unit: str = ""
    """``PhongBanXuLy``."""
    content: str = ""
    """``NoiDungXuLy``."""
    started_at: _dt.datetime | None = None
    """``NgayBatDau``."""
    due_at: _dt.datetime | None = None
    """``NgayKetThucTheoQuyDinh``: the step's (or the dossier's) due."""


def to_progress_rows(dossier: Dossier) -> list[dict[str, str]]:
    """One ``CapNhatTienDoHoSoMC`` row per event after submission, with the portal status
    the dossier had after it and the due of the step (or of the dossier) then running.
    """
    rows: list[dict[str, str]] = []
    d = start(dossier.events[0], policy=dossier.policy)
    for e in dossier.events[1:]:
        d = apply(d, e)
        step = d.steps[-1] if d.steps and e.action is Action.TRANSFER else None
        content = _ACTION_TEXT[e.action] + (f": {e.reason}" if e.reason else "")
        rows.append(
            {
                "MaHoSo": d.code,
                "NguoiXuLy": e.actor,
                "ChucDanh": "",
                "ThoiDiemXuLy": format_timestamp(e.at),
                "PhongBanXuLy": e.agency or d.agency,
                "NoiDungXuLy": content,
                "TrangThai": str(d.national_status.value),
                "NgayBatDau": format_timestamp(step.started_at if step else e.at),
                "NgayKetThucTheoQuyDinh": format_timestamp(
                    step.due.at if step else d.statistical_due_at
                ),
            }
        )
    return rows


def read_progress_rows(rows: Iterable[Mapping[str, Any]]) -> list[ProgressRow]:
    """Read ``CapNhatTienDoHoSoMC`` rows; the first bad field raises a
    :class:`~tthc.errors.RecordError` naming the row index and the field.

    A row without ``TrangThai`` is read as 4 (Đang xử lý), as the Thanh Hóa system sends it
    by default (data-formats.md §4.4).

    >>> read_progress_rows([{"MaHoSo": "H12-1", "ThoiDiemXuLy": "20250303090000",
    ...                      "TrangThai": "11"}])
    Traceback (most recent call last):
        ...
    tthc.errors.RecordError: record 0, field 'TrangThai': '11' is not a TrangThaiHoSo code (1-10)
    """
    out = []
    for i, row in enumerate(rows):
        if not isinstance(row, Mapping):  # callers may pass anything decoded from JSON
            msg = f"expected an object, got {row!r}"  # type: ignore[unreachable]
            raise RecordError(msg, index=i)
        code = row.get("MaHoSo")
        if not isinstance(code, str) or not code.strip():
            msg = f"required dossier code, got {code!r}"
            raise RecordError(msg, index=i, field="MaHoSo")
        raw = str(row.get("TrangThai", "4") or "4")
        try:
            status = NationalStatus(int(raw))
        except ValueError:
            msg = f"{raw!r} is not a TrangThaiHoSo code (1-10)"
            raise RecordError(msg, index=i, field="TrangThai") from None
        at = parse_timestamp(row.get("ThoiDiemXuLy"), field="ThoiDiemXuLy", index=i)
        start_ = row.get("NgayBatDau") or ""
        end = row.get("NgayKetThucTheoQuyDinh") or ""
        out.append(
            ProgressRow(
                code.strip(),
                at,
                status,
                str(row.get("NguoiXuLy") or ""),
                str(row.get("ChucDanh") or ""),
                str(row.get("PhongBanXuLy") or ""),
                str(row.get("NoiDungXuLy") or ""),
                parse_timestamp(start_, field="NgayBatDau", index=i) if start_ else None,
                parse_timestamp(end, field="NgayKetThucTheoQuyDinh", index=i) if end else None,
            )
        )
    return out


# -- documents: Mẫu 01 and Mẫu 04 ----------------------------------------------------------------

_VI_PATTERN = "HH 'giờ' mm 'phút', 'ngày' dd 'tháng' M 'năm' y"


def format_instant_vi(at: _dt.datetime) -> str:
    """An instant as Vietnamese forms write it (through babel), in Vietnam time.

    >>> format_instant_vi(_dt.datetime(2025, 5, 5, 17, 0, tzinfo=VIETNAM_TZ))
    '17 giờ 00 phút, ngày 05 tháng 5 năm 2025'
    """
    return format_datetime(at, _VI_PATTERN, tzinfo=VIETNAM_TZ, locale="vi")


def _form(regime: Regime, number: str) -> _table.FormRow:
    return _FORM_TITLES[regime, number]


@attrs.frozen
class ReceiptSlip:
    """The data of the receipt and appointment slip (Mẫu 01) of the dossier's regime."""

    form: str
    title: str
    source: LegalSource
    agency: str
    code: str
    procedure_code: str | None
    channel: Channel
    received_at: _dt.datetime
    appointment_at: _dt.datetime | None
    """None when the procedure sets no time limit."""
    received_by: str

    def render(self) -> str:
        """The slip as Vietnamese text (one fact a line)."""
        lines = [
            f"{self.agency}",
            f"{self.title.upper()}",
            f"({self.form}, {self.source.number})",
            f"Mã hồ sơ: {self.code}",
        ]
        if self.procedure_code:
            lines.append(f"Thủ tục: {self.procedure_code}")
        lines.append(f"Tiếp nhận lúc {format_instant_vi(self.received_at)}")
        if self.appointment_at is not None:
            lines.append(f"Hẹn trả kết quả lúc {format_instant_vi(self.appointment_at)}")
        else:
            lines.append("Thủ tục không quy định thời hạn giải quyết")
        if self.received_by:
            lines.append(f"Người tiếp nhận: {self.received_by}")
        return "\n".join(lines)


def receipt_slip(dossier: Dossier) -> ReceiptSlip:
    """The Mẫu 01 of a received dossier (the appointment is the one at receipt).

    >>> d = submit("000.00.31.H12-250424-0001", agency="UBND xã Đông Hòa",
    ...            channel=Channel.IN_PERSON, at=_dt.datetime(2025, 4, 24, 9, tzinfo=VIETNAM_TZ))
    >>> d = receive(d, d.submitted_at, procedure=TimeLimit.working_days(5))
    >>> print(receipt_slip(d).render())
    UBND xã Đông Hòa
    GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ
    (Mẫu 01, 01/2018/TT-VPCP)
    Mã hồ sơ: 000.00.31.H12-250424-0001
    Tiếp nhận lúc 09 giờ 00 phút, ngày 24 tháng 4 năm 2025
    Hẹn trả kết quả lúc 17 giờ 00 phút, ngày 05 tháng 5 năm 2025
    """
    received = next((e for e in dossier.events if e.action is Action.RECEIVE), None)
    if received is None or dossier.received_at is None:
        raise InvalidTransitionError(dossier.code, dossier.status, "receipt slip", ())
    appointment = None
    if received.limit is not None and received.limit.unit is not Unit.NONE:
        appointment = due(
            received.at,
            received.limit,
            calendar=dossier.policy.calendar,
            policy=dossier.policy.due_policy,
        ).at
    elif received.until is not None:
        appointment = received.until
    row = _form(dossier.regime, "Mẫu 01")
    return ReceiptSlip(
        row.number,
        row.title,
        row.source,
        received.agency or dossier.agency,
        dossier.code,
        dossier.procedure_code,
        dossier.channel,
        dossier.received_at,
        appointment,
        received.actor,
    )


@attrs.frozen
class ApologyLetter:
    """The data of the apology (Mẫu 04): under Nghị định 61/2018 "Phiếu xin lỗi và hẹn lại
    ngày trả kết quả", under Nghị định 118/2025 "Văn bản xin lỗi và đề nghị gia hạn thời gian
    giải quyết"."""

    form: str
    title: str
    source: LegalSource
    agency: str
    code: str
    received_at: _dt.datetime
    due_at: _dt.datetime
    new_appointment: _dt.datetime
    reason: str
    sent_at: _dt.datetime
    in_time: bool
    regime: Regime

    def render(self) -> str:
        """The letter as Vietnamese text."""
        ask = (
            "hẹn lại thời gian trả kết quả"
            if self.regime is Regime.ND61_2018
            else "đề nghị gia hạn thời gian giải quyết đến"
        )
        lines = [
            f"{self.agency}",
            f"{self.title.upper()}",
            f"({self.form}, {self.source.number})",
            f"Hồ sơ {self.code} tiếp nhận lúc {format_instant_vi(self.received_at)}, "
            f"hẹn trả kết quả lúc {format_instant_vi(self.due_at)}.",
        ]
        if self.reason:
            lines.append(f"Lý do chậm: {self.reason}.")
        lines.append(f"Cơ quan xin lỗi ông/bà và {ask} {format_instant_vi(self.new_appointment)}.")
        lines.append(f"Ngày gửi: {format_instant_vi(self.sent_at)}")
        return "\n".join(lines)


def apology_letter(dossier: Dossier) -> ApologyLetter:
    """The Mẫu 04 of a dossier that apologised.

    >>> d = submit("H12-0001", agency="UBND xã A", channel=Channel.IN_PERSON,
    ...            at=_dt.datetime(2025, 8, 1, 9, tzinfo=VIETNAM_TZ))
    >>> d = receive(d, d.submitted_at, procedure=TimeLimit.working_days(5))
    >>> d = apply(d, Event(Action.APOLOGISE, _dt.datetime(2025, 8, 6, 16, tzinfo=VIETNAM_TZ),
    ...                    reason="chờ xác minh", until=_dt.datetime(2025, 8, 13, 17, tzinfo=VIETNAM_TZ)))
    >>> print(apology_letter(d).render())
    UBND xã A
    VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT
    (Mẫu 04, 03/2025/TT-VPCP)
    Hồ sơ H12-0001 tiếp nhận lúc 09 giờ 00 phút, ngày 01 tháng 8 năm 2025, hẹn trả kết quả lúc 17 giờ 00 phút, ngày 08 tháng 8 năm 2025.
    Lý do chậm: chờ xác minh.
    Cơ quan xin lỗi ông/bà và đề nghị gia hạn thời gian giải quyết đến 17 giờ 00 phút, ngày 13 tháng 8 năm 2025.
    Ngày gửi: 16 giờ 00 phút, ngày 06 tháng 8 năm 2025
    """
    a = dossier.apology
    if a is None or dossier.received_at is None:
        raise InvalidTransitionError(dossier.code, dossier.status, "apology letter", ())
    row = _form(dossier.regime, "Mẫu 04")
    ev = next(e for e in dossier.events if e.action is Action.APOLOGISE)
    return ApologyLetter(
        row.number,
        row.title,
        row.source,
        ev.agency or dossier.agency,
        dossier.code,
        dossier.received_at,
        a.due_at,
        a.new_appointment,
        a.reason,
        a.sent_at,
        bool(dossier.apology_in_time),
        dossier.regime,
    )
