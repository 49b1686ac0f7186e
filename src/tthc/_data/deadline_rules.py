"""The rules that turn a time limit into a due date, each with the provision it applies.

Each row: ``(key, summary, source, note)``. ``tthc.deadlines`` turns the rows into
:class:`~tthc.deadlines.DueRule` records at import time and attaches one to every due date it
computes, so an answer always says which rule produced it. ``note`` states how sure the
research is (legal-rules.md tags [V]/[S]/[M]/[U]) and what is policy rather than law.
Research: legal-rules.md §1.1, §1.3-§1.4, §3, §4.3.
"""

from __future__ import annotations

import attrs

from tthc._data.sources import (
    BLDS_2015,
    ND_23_2015_ND_CP,
    ND_61_2018_ND_CP,
    ND_101_2024_ND_CP,
)
from tthc.legal import Confidence, LegalSource

__all__ = ["DUE_RULES"]


def _secondary(source: LegalSource, provision: str) -> LegalSource:
    """*source* narrowed to an article whose number or wording is only [S]/[M]."""
    return attrs.evolve(source.at(provision), confidence=Confidence.SECONDARY)


DUE_RULES: tuple[tuple[str, str, LegalSource, str], ...] = (
    (
        "working_days",
        "N ngày làm việc: the day of receipt is not counted; the period ends at the end of the "
        "N-th working day after it (the appointment is that day's closing time)",
        BLDS_2015.at("Điều 147(2), 148(1)"),
        "[V] Civil Code; 'working day' as defined by the calendar (legal-rules.md §1.2(5))",
    ),
    (
        "calendar_days",
        "N ngày: the N-th calendar day after the day of receipt; a weekly rest day or holiday "
        "moves the end to the next working day",
        BLDS_2015.at("Điều 145(2), 147(2), 148(1), 148(5)"),
        "[V] Civil Code",
    ),
    (
        "months",
        "N tháng: the same day of the month N months later, or the last day of that month if it "
        "has no such day; a rest day or holiday moves the end to the next working day",
        BLDS_2015.at("Điều 147(2), 148(3), 148(5)"),
        "[V] Civil Code",
    ),
    (
        "same_day",
        "Trong ngày: received on a working day at or before the cut-off (15:00 by default) -> "
        "that day; after the cut-off or on a day off -> the next working day",
        _secondary(ND_23_2015_ND_CP, "Điều 7"),
        "[S] wording, [M] article; 'sau 15 giờ' read as strictly after 15:00:00 [U], so the "
        "cut-off is a parameter of the time limit",
    ),
    (
        "working_hours",
        "N giờ làm việc: counted from the moment of receipt (moved to the next office moment), "
        "only office hours of working days; an end exactly at the end of an office period "
        "stays there",
        BLDS_2015.at("Điều 147(1)"),
        "[V] Civil Code for hours; office hours are the calendar's (legal-rules.md §2.2)",
    ),
    (
        "half_working_days",
        "x,5 ngày làm việc: working time at 8 hours a working day (0,5 day = 4 hours), counted "
        "from the moment of receipt like working hours",
        BLDS_2015.at("Điều 147(1)"),
        "[S] half-day units of internal processes (legal-rules.md §1.4); no national text "
        "fixes how half days are counted",
    ),
    (
        "working_time",
        "Vendor practice (OpenCPS CalculateDueDateUtils, TD DichVuCong CaculateTime): N working "
        "days = 8N working hours added from the moment of receipt",
        BLDS_2015.at("Điều 147(1)"),
        "[V] code read (legal-rules.md §1.3, reading B); a policy, not the Civil Code reading",
    ),
    (
        "restart",
        "Supplement requested during processing: the full time limit runs again from the "
        "receipt of the supplement",
        attrs.evolve(
            ND_61_2018_ND_CP.at("yêu cầu bổ sung hồ sơ (Mẫu 02); article not verified"),
            confidence=Confidence.UNCONFIRMED,
        ),
        "[U] the national text was not read; vendors implement restart 'theo Nghị định' "
        "(legal-rules.md §4.3)",
    ),
    (
        "pause",
        "Excluded time (không tính thời gian, e.g. the applicant's financial obligation): the "
        "due date moves later by the working days (or working time) of the pause",
        attrs.evolve(ND_101_2024_ND_CP.at("Điều 22"), confidence=Confidence.RECALLED),
        "[M] land registration; applies only where a law excludes the time (legal-rules.md §4.3)",
    ),
    (
        "apology",
        "Apology and new appointment (Phiếu xin lỗi và hẹn lại ngày trả kết quả) no later than "
        "1 day before the due date; the day may be a working or a calendar day",
        _secondary(ND_61_2018_ND_CP, "Điều 19"),
        "[S] substance from news summaries; the unit of '01 ngày' is unspecified [U], so both "
        "readings are given (legal-rules.md §4.3)",
    ),
)
