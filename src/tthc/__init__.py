"""tthc: the reference library for Vietnamese administrative procedures (thủ tục hành chính).

It answers, with the legal source of every rule, when a dossier (hồ sơ) is due, what may
happen to it next, whether it was early, on time or late, and how an agency scores.

>>> from datetime import date
>>> import tthc
>>> tthc.vietnam_calendar().add_working_days(date(2024, 4, 26), 1)  # 29/4-1/5/2024 off
datetime.date(2024, 5, 2)
"""

from __future__ import annotations

from importlib.metadata import version

from tthc.calendar import (
    CalendarDay,
    DayKind,
    DayStatus,
    OfficeHours,
    OfficeHoursChange,
    WorkCalendar,
    vietnam_calendar,
)
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
from tthc.errors import (
    CalendarNotCoveredError,
    CountTooLargeError,
    DateOutOfRangeError,
    InvalidOverrideError,
    InvalidTimeLimitError,
    NoTimeLimitError,
    ProvisionalCalendarWarning,
    TimeLimitParseError,
    TthcError,
    TthcWarning,
)
from tthc.legal import Confidence, LegalSource

__version__ = version("tthc")

__all__ = [
    "CalendarDay",
    "CalendarNotCoveredError",
    "Confidence",
    "CountTooLargeError",
    "DateOutOfRangeError",
    "DayKind",
    "DayStatus",
    "Due",
    "DuePolicy",
    "Granularity",
    "InvalidOverrideError",
    "InvalidTimeLimitError",
    "LegalSource",
    "NoTimeLimitError",
    "OfficeHours",
    "OfficeHoursChange",
    "ProvisionalCalendarWarning",
    "TimeLimit",
    "TimeLimitParseError",
    "Timeliness",
    "TthcError",
    "TthcWarning",
    "Unit",
    "WorkCalendar",
    "__version__",
    "classify",
    "due",
    "standing",
    "vietnam_calendar",
]
