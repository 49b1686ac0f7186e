"""tthc: the reference library for Vietnamese administrative procedures (thủ tục hành chính).

It answers, with the legal source of every rule, when a dossier (hồ sơ) is due, what may
happen to it next, whether it was early, on time or late, and how an agency scores.

>>> from datetime import date
>>> import tthc
>>> tthc.vietnam_calendar().add_working_days(date(2024, 4, 26), 1)  # 29/4-1/5/2024 off
datetime.date(2024, 5, 2)
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from tthc._version import __version__

if TYPE_CHECKING:  # the names, for type checkers; at run time they load on first use
    from tthc.calendar import (
        CalendarDay,
        CalendarPolicy,
        DayKind,
        DayStatus,
        OfficeHours,
        OfficeHoursChange,
        WorkCalendar,
        vietnam_calendar,
    )
    from tthc.catalog import Catalog, Channel, OnlineServiceLevel, Procedure
    from tthc.codes import AgencyCode, DossierCode, PersonalId, ProcedureCode, TaxCode
    from tthc.deadlines import (
        Due,
        DuePolicy,
        Granularity,
        TimeLimit,
        Timeliness,
        Unit,
        classify,
        due,
        standing,
    )
    from tthc.dossier import Dossier, NationalStatus, Status
    from tthc.errors import (
        ApologyRefusedError,
        CalendarNotCoveredError,
        CountTooLargeError,
        DateOutOfRangeError,
        EventOrderError,
        IncompatibleReportsError,
        InstantParseError,
        InvalidCodeError,
        InvalidCountError,
        InvalidOverrideError,
        InvalidPeriodError,
        InvalidRateError,
        InvalidTimeLimitError,
        InvalidTransitionError,
        MissingColumnError,
        NoTimeLimitError,
        ProcessTooLongError,
        ProvisionalCalendarWarning,
        RecordError,
        ReportIdentityError,
        RuleNotInForceError,
        ScheduleError,
        TimeLimitParseError,
        TthcError,
        TthcWarning,
        UnknownCodeError,
        UnknownRuleError,
    )
    from tthc.kpi import (
        Period,
        Record,
        Report06,
        ReportPolicy,
        report06,
        report06_by,
        round_percent,
    )
    from tthc.legal import Confidence, LegalSource
    from tthc.parsing import parse_date, parse_instant
    from tthc.reports import format_count, format_percent
    from tthc.schedules import Schedule
    from tthc.scoring import qd766

_HOMES: dict[str, tuple[str, ...]] = {
    "tthc.calendar": (
        "CalendarDay",
        "CalendarPolicy",
        "DayKind",
        "DayStatus",
        "OfficeHours",
        "OfficeHoursChange",
        "WorkCalendar",
        "vietnam_calendar",
    ),
    "tthc.catalog": (
        "Catalog",
        "Channel",
        "OnlineServiceLevel",
        "Procedure",
    ),
    "tthc.codes": (
        "AgencyCode",
        "DossierCode",
        "PersonalId",
        "ProcedureCode",
        "TaxCode",
    ),
    "tthc.deadlines": (
        "Due",
        "DuePolicy",
        "Granularity",
        "TimeLimit",
        "Timeliness",
        "Unit",
        "classify",
        "due",
        "standing",
    ),
    "tthc.dossier": (
        "Dossier",
        "NationalStatus",
        "Status",
    ),
    "tthc.errors": (
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
        "ProcessTooLongError",
        "ProvisionalCalendarWarning",
        "RecordError",
        "ReportIdentityError",
        "ScheduleError",
        "RuleNotInForceError",
        "TimeLimitParseError",
        "TthcError",
        "TthcWarning",
        "UnknownCodeError",
        "UnknownRuleError",
    ),
    "tthc.kpi": (
        "Period",
        "Record",
        "Report06",
        "ReportPolicy",
        "report06",
        "report06_by",
        "round_percent",
    ),
    "tthc.legal": (
        "Confidence",
        "LegalSource",
    ),
    "tthc.parsing": (
        "parse_date",
        "parse_instant",
    ),
    "tthc.reports": (
        "format_count",
        "format_percent",
    ),
    "tthc.schedules": ("Schedule",),
    "tthc.scoring": ("qd766",),
}
"""The module defining each re-exported name (the imports above, spelled for run time)."""

_HOME = {name: module for module, names in _HOMES.items() for name in names}


__all__ = [
    "AgencyCode",
    "ApologyRefusedError",
    "CalendarDay",
    "CalendarNotCoveredError",
    "CalendarPolicy",
    "Catalog",
    "Channel",
    "Confidence",
    "CountTooLargeError",
    "DateOutOfRangeError",
    "DayKind",
    "DayStatus",
    "Dossier",
    "DossierCode",
    "Due",
    "DuePolicy",
    "EventOrderError",
    "Granularity",
    "IncompatibleReportsError",
    "InstantParseError",
    "InvalidCodeError",
    "InvalidCountError",
    "InvalidOverrideError",
    "InvalidPeriodError",
    "InvalidRateError",
    "InvalidTimeLimitError",
    "InvalidTransitionError",
    "LegalSource",
    "MissingColumnError",
    "NationalStatus",
    "NoTimeLimitError",
    "OfficeHours",
    "OfficeHoursChange",
    "OnlineServiceLevel",
    "Period",
    "PersonalId",
    "Procedure",
    "ProcedureCode",
    "ProcessTooLongError",
    "ProvisionalCalendarWarning",
    "Record",
    "RecordError",
    "Report06",
    "ReportIdentityError",
    "ReportPolicy",
    "RuleNotInForceError",
    "Schedule",
    "ScheduleError",
    "Status",
    "TaxCode",
    "TimeLimit",
    "TimeLimitParseError",
    "Timeliness",
    "TthcError",
    "TthcWarning",
    "Unit",
    "UnknownCodeError",
    "UnknownRuleError",
    "WorkCalendar",
    "__version__",
    "classify",
    "due",
    "format_count",
    "format_percent",
    "parse_date",
    "parse_instant",
    "qd766",
    "report06",
    "report06_by",
    "round_percent",
    "standing",
    "vietnam_calendar",
]


def __getattr__(name: str) -> Any:
    """Import a re-exported name's module on first use (PEP 562), so ``import tthc`` is quick."""
    module = _HOME.get(name)
    if module is None:
        msg = f"module 'tthc' has no attribute {name!r}"
        raise AttributeError(msg)
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
