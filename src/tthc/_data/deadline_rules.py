"""The rules that turn a time limit into a due date, each with the provision it applies.

Each row (:class:`DueRuleRow`): ``(key, regime, summary, source, note)``. ``regime`` is ``""``
for a rule that does not depend on the one-stop regime (the Civil Code's counting), or the key
of the regime it belongs to in ``tthc._data.lifecycle.REGIMES``: ``"nd61_2018"`` (Nghị định
61/2018/NĐ-CP as amended by 107/2021/NĐ-CP, forms of Thông tư 01/2018/TT-VPCP; dossiers
received before 01/07/2025) or ``"nd118_2025"`` (Nghị định 118/2025/NĐ-CP, named as amended
by 367/2025/NĐ-CP, forms of Thông tư 03/2025/TT-VPCP; received from 01/07/2025). A dossier
keeps the rules of the regime in force on the day it was received. Every regime-dependent key
has one row per regime; where Nghị định 118 changed nothing that could be found, its row says
so.

``tthc.deadlines`` turns the rows into :class:`~tthc.deadlines.DueRule` records at import time
and attaches one to every due date it computes, so an answer always says which rule produced
it. ``note`` states how sure the research is ([V]/[S]/[M]/[U]) and what is policy rather than
law.
"""

from __future__ import annotations

from typing import NamedTuple

import attrs

from tthc._data.sources import (
    BLDS_2015,
    ND_23_2015_ND_CP,
    ND_61_2018_ND_CP,
    ND_63_2010_ND_CP,
    ND_101_2024_ND_CP,
    ND_118_2025_ND_CP,
    TT_01_2018_TT_VPCP,
)
from tthc.legal import Confidence, LegalSource

__all__ = ["DUE_RULES", "DueRuleRow"]

ND61, ND118 = "nd61_2018", "nd118_2025"


class DueRuleRow(NamedTuple):
    """One version of one counting rule."""

    key: str
    regime: str
    """``""`` (every regime) or the key of the regime the row belongs to."""
    summary: str
    source: LegalSource
    note: str


def _with(source: LegalSource, provision: str, confidence: Confidence) -> LegalSource:
    """*source* narrowed to *provision*, with the confidence of that narrower citation."""
    return attrs.evolve(source.at(provision), confidence=confidence)


_S, _M, _U = Confidence.SECONDARY, Confidence.RECALLED, Confidence.UNCONFIRMED
_118_NOT_READ = "the article of Nghị định 118/2025 was not found in any text read [U]"

DUE_RULES: tuple[DueRuleRow, ...] = (
    DueRuleRow(
        "working_days",
        "",
        "N ngày làm việc: the day of receipt is not counted; the period ends at the end of the "
        "N-th working day after it (the appointment is that day's closing time)",
        BLDS_2015.at("Điều 147(2), 148(1)"),
        "[V] Civil Code, under every regime; 'working day' as defined by the calendar",
    ),
    DueRuleRow(
        "calendar_days",
        "",
        "N ngày: the N-th calendar day after the day of receipt; a weekly rest day or holiday "
        "moves the end to the next working day",
        BLDS_2015.at("Điều 145(2), 147(2), 148(1), 148(5)"),
        "[V] Civil Code, under every regime",
    ),
    DueRuleRow(
        "months",
        "",
        "N tháng: the same day of the month N months later, or the last day of that month if it "
        "has no such day; a rest day or holiday moves the end to the next working day",
        BLDS_2015.at("Điều 147(2), 148(3), 148(5)"),
        "[V] Civil Code, under every regime",
    ),
    DueRuleRow(
        "same_day",
        "",
        "Trong ngày with the cut-off the procedure's own text states: received on a working day "
        "at or before the cut-off -> that day; after it or on a day off -> the next working day",
        ND_63_2010_ND_CP.at("Điều 8 khoản 2 điểm đ"),
        "[V] the published procedure states its time limit, cut-off included; 'sau N giờ' is "
        "read as strictly after N:00:00 [U]",
    ),
    DueRuleRow(
        "same_day_certification",
        "",
        "Chứng thực: the same day, or the next working day if the request is received after "
        "15:00 (ngay trong ngày ... hoặc trong ngày làm việc tiếp theo nếu tiếp nhận yêu cầu "
        "sau 15 giờ)",
        _with(ND_23_2015_ND_CP, "Điều 7", _S),
        "[S] wording from published procedure records, [M] article number; 'sau 15 giờ' read as "
        "strictly after 15:00:00 [U]",
    ),
    DueRuleRow(
        "same_day_policy",
        "",
        "Trong ngày with no cut-off in the procedure's text or in the law: tthc's same-day "
        "policy; by default 15:00 (received later -> the next working day), as one-stop "
        "vendors do (TD DichVuCong: received before 15:00 -> returned 17:00 the same day). "
        "Vendor practice, not law; without a cut-off the day runs to its end",
        _with(BLDS_2015, "Điều 148(1)", _U),
        "[V] code read (TD DichVuCong KhaiSinhKhaiTuService); the 15:00 default is a policy "
        "(tthc.deadlines.VENDOR_SAME_DAY_CUTOFF), changed with due(..., same_day_cutoff=)",
    ),
    DueRuleRow(
        "working_hours",
        "",
        "N giờ làm việc: counted from the moment of receipt (moved to the next office moment), "
        "only office hours of working days; an end exactly at the end of an office period "
        "stays there",
        BLDS_2015.at("Điều 147(1)"),
        "[V] Civil Code for hours; office hours are the calendar's (legal-rules.md §2.2)",
    ),
    DueRuleRow(
        "half_working_days",
        "",
        "x,5 ngày làm việc: working time at 8 hours a working day (0,5 day = 4 hours), counted "
        "from the moment of receipt like working hours",
        BLDS_2015.at("Điều 147(1)"),
        "[S] half-day units of internal processes (legal-rules.md §1.4); no national text "
        "fixes how half days are counted",
    ),
    DueRuleRow(
        "working_time",
        "",
        "Vendor practice (OpenCPS CalculateDueDateUtils, TD DichVuCong CaculateTime): N working "
        "days = 8N working hours added from the moment of receipt",
        BLDS_2015.at("Điều 147(1)"),
        "[V] code read (legal-rules.md §1.3, reading B); a policy, not the Civil Code reading",
    ),
    # -- rules of the one-stop regime -----------------------------------------------------------
    DueRuleRow(
        "restart",
        ND61,
        "Supplement requested during processing (Mẫu 02 of Thông tư 01/2018): the full time "
        "limit runs again from the receipt of the supplement",
        _with(ND_61_2018_ND_CP, "yêu cầu bổ sung hồ sơ (Mẫu 02); article not verified", _U),
        "[U] the national text was not read; vendors implement restart 'theo Nghị định' "
        "(legal-rules.md §4.3); pause is a policy (SupplementMode.PAUSE)",
    ),
    DueRuleRow(
        "restart",
        ND118,
        "Supplement requested during processing (Mẫu 02 of Thông tư 03/2025): the full time "
        "limit runs again from the receipt of the supplement; no change from Nghị định 61 found",
        _with(ND_118_2025_ND_CP, "yêu cầu bổ sung, hoàn thiện hồ sơ; article not verified", _U),
        f"[U] {_118_NOT_READ}; tthc keeps the restart reading, pause stays a policy",
    ),
    DueRuleRow(
        "pause",
        ND61,
        "Excluded time (không tính thời gian, e.g. the applicant's financial obligation): the "
        "due date moves later by the working days (or working time) of the pause",
        _with(ND_101_2024_ND_CP, "Điều 22", _M),
        "[M] land registration; applies only where a sector law excludes the time",
    ),
    DueRuleRow(
        "pause",
        ND118,
        "Excluded time (không tính thời gian): the due date moves later by the working days "
        "(or working time) of the pause; set by sector law, which Nghị định 118 leaves as it was",
        _with(ND_101_2024_ND_CP, "Điều 22", _M),
        f"[M] land registration; no change by Nghị định 118 found ({_118_NOT_READ})",
    ),
    DueRuleRow(
        "apology",
        ND61,
        "Apology and new appointment (Phiếu xin lỗi và hẹn lại ngày trả kết quả, Mẫu 04 of "
        "Thông tư 01/2018) no later than 1 day before the due date; the day may be a working "
        "or a calendar day",
        _with(ND_61_2018_ND_CP, "Điều 19", _S),
        "[S] substance from news summaries; the unit of '01 ngày' is unspecified [U], so both "
        "readings are given (legal-rules.md §4.3)",
    ),
    DueRuleRow(
        "apology",
        ND118,
        "Apology and request to extend the time (Văn bản xin lỗi và đề nghị gia hạn thời gian "
        "giải quyết, Mẫu 04 of Thông tư 03/2025) no later than 1 day before the due date; the "
        "day may be a working or a calendar day",
        _with(
            ND_118_2025_ND_CP,
            "xin lỗi và đề nghị gia hạn thời gian giải quyết; article not verified",
            _U,
        ),
        f"[U] {_118_NOT_READ}; the same deadline is repeated by provincial rules made under "
        "118 (Lai Châu QĐ 88/2025/QĐ-UBND Điều 3 khoản 6) [S]",
    ),
    DueRuleRow(
        "one_apology",
        ND61,
        "The new appointment may be given only once (việc hẹn lại ngày trả kết quả được thực "
        "hiện không quá một lần): a second apology is refused",
        _with(ND_61_2018_ND_CP, "Điều 19", _S),
        "[S] news summaries of Nghị định 61/2018",
    ),
    DueRuleRow(
        "one_apology",
        ND118,
        "How many extension requests a dossier may have: tthc's ExtensionLimit policy, by "
        "default one (a second is refused), as Nghị định 61 provided; no Nghị định 118 text on "
        "it was read",
        _with(ND_118_2025_ND_CP, "gia hạn thời gian giải quyết; article not verified", _U),
        f"[U] {_118_NOT_READ}; provincial rules under 118 keep 'không quá một lần' (Lai Châu "
        "QĐ 88/2025/QĐ-UBND Điều 3 khoản 6) [S]; Policy.extension_limit=ExtensionLimit.NONE "
        "lifts it",
    ),
    DueRuleRow(
        "evaluation",
        ND61,
        "Per-dossier evaluation: nine indices (chỉ số) of 2, 1 or 0 points each",
        _with(TT_01_2018_TT_VPCP, "đánh giá việc giải quyết từng hồ sơ, chỉ số 1-9", _S),
        "[S] Thanh Hóa one-stop software, wording matching the circular",
    ),
    DueRuleRow(
        "evaluation",
        ND118,
        "Per-dossier evaluation under Nghị định 118: no index set was found that replaces the "
        "nine indices of Thông tư 01/2018; tthc refuses to score a dossier of this regime "
        "unless the nine indices are chosen explicitly, as a policy",
        _with(
            ND_118_2025_ND_CP,
            "đánh giá việc giải quyết thủ tục hành chính; article not verified",
            _U,
        ),
        f"[U] {_118_NOT_READ}; Thông tư 03/2025 was read only in part",
    ),
)
