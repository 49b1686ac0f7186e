"""The dossier lifecycle as law: regimes, forms and the transition table, with their sources.

Three tables, literals only (``tthc.dossier`` turns them into validated records at import):

- ``REGIMES``: which one-stop regime applies, chosen by the date a dossier is received:
  ``(key, valid_from, name, decree, amended_by, forms_circular, note)``.
- ``FORMS``: the forms (biểu mẫu) of each regime: ``(regime, number, title, source, note)``.
- ``TRANSITIONS``: what may happen to a dossier next, per regime:
  ``(action, from_status, to_status, regime, form, source, note)``. ``from_status`` None marks
  the event that creates a dossier (its initial status); ``form`` is the form number issued
  with the event (``FORMS``), or None.

Status and action names are the values of ``tthc.dossier.Status`` and ``tthc.dossier.Action``.
Article numbers of Nghị định 61/2018, 107/2021 and 118/2025 could mostly not be read
(legal-rules.md §0.1, §10): each row's source carries the confidence of its citation, and the
note says what is practice rather than text. Research: legal-rules.md §1.2, §4, §6;
data-formats.md §4.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

import attrs

from tthc._data.sources import (
    ND_45_2020_ND_CP,
    ND_61_2018_ND_CP,
    ND_101_2024_ND_CP,
    ND_107_2021_ND_CP,
    ND_118_2025_ND_CP,
    ND_367_2025_ND_CP,
    TT_01_2018_TT_VPCP,
    TT_03_2025_TT_VPCP,
)
from tthc.legal import Confidence, LegalSource

__all__ = ["FORMS", "REGIMES", "TRANSITIONS", "FormRow", "RegimeRow", "TransitionRow"]


class RegimeRow(NamedTuple):
    """One one-stop regime, in force for dossiers received on or after ``valid_from``."""

    key: str
    valid_from: date
    name: str
    source: LegalSource
    """The decree that governs receipt, processing, apology and return."""
    amended_by: LegalSource | None
    forms: LegalSource
    """The circular whose appendix holds the forms (biểu mẫu)."""
    note: str


class FormRow(NamedTuple):
    """One form (biểu mẫu) of a regime."""

    regime: str
    number: str
    title: str
    source: LegalSource
    note: str


class TransitionRow(NamedTuple):
    """One allowed transition: *action* takes a dossier from *from_status* to *to_status*."""

    action: str
    from_status: str | None
    to_status: str
    regime: str
    form: str | None
    source: LegalSource
    note: str


def _m(source: LegalSource, provision: str) -> LegalSource:
    """*source* narrowed to a provision recalled, not re-read [M]."""
    return attrs.evolve(source.at(provision), confidence=Confidence.RECALLED)


def _s(source: LegalSource, provision: str) -> LegalSource:
    """*source* narrowed to a provision known from secondary sources [S]."""
    return attrs.evolve(source.at(provision), confidence=Confidence.SECONDARY)


def _u(source: LegalSource, provision: str) -> LegalSource:
    """*source* narrowed to a subject whose article was not found [U]."""
    return attrs.evolve(source.at(provision), confidence=Confidence.UNCONFIRMED)


ND61, ND118 = "nd61_2018", "nd118_2025"

REGIMES: tuple[RegimeRow, ...] = (
    RegimeRow(
        ND61,
        date(2018, 6, 21),
        "Nghị định 61/2018/NĐ-CP (sửa đổi bởi Nghị định 107/2021/NĐ-CP); biểu mẫu Thông tư "
        "01/2018/TT-VPCP",
        ND_61_2018_ND_CP,
        ND_107_2021_ND_CP,
        TT_01_2018_TT_VPCP,
        "[V] dates; the circular's forms apply from 06/01/2019",
    ),
    RegimeRow(
        ND118,
        date(2025, 7, 1),
        "Nghị định 118/2025/NĐ-CP (sửa đổi bởi Nghị định 367/2025/NĐ-CP); biểu mẫu Thông tư "
        "03/2025/TT-VPCP",
        ND_118_2025_ND_CP,
        ND_367_2025_ND_CP,
        TT_03_2025_TT_VPCP,
        "[V] in force 01/07/2025; the circular (15/09/2025) came later, its form numbers are "
        "used for every dossier of the regime [U]; Nghị định 367/2025 is named as amending "
        "118, but its date and the articles it amends were not found [U], so no rule is "
        "versioned by it",
    ),
)

_TT01, _TT03 = TT_01_2018_TT_VPCP, TT_03_2025_TT_VPCP

FORMS: tuple[FormRow, ...] = (
    FormRow(ND61, "Mẫu 01", "Giấy tiếp nhận hồ sơ và hẹn trả kết quả", _TT01.at("Mẫu 01"), "[V]"),
    FormRow(ND61, "Mẫu 02", "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ", _TT01.at("Mẫu 02"), "[V]"),
    FormRow(ND61, "Mẫu 03", "Phiếu từ chối tiếp nhận giải quyết hồ sơ", _TT01.at("Mẫu 03"), "[V]"),
    FormRow(
        ND61, "Mẫu 04", "Phiếu xin lỗi và hẹn lại ngày trả kết quả", _TT01.at("Mẫu 04"), "[V]"
    ),
    FormRow(
        ND61,
        "Mẫu 05",
        "Phiếu kiểm soát quá trình giải quyết hồ sơ",
        _TT01.at("Mẫu 05"),
        "[V]",
    ),
    FormRow(ND61, "Mẫu 06", "Sổ theo dõi hồ sơ", _TT01.at("Mẫu 06"), "[V]"),
    FormRow(ND118, "Mẫu 01", "Giấy tiếp nhận hồ sơ và hẹn trả kết quả", _s(_TT03, "Mẫu 01"), ""),
    FormRow(ND118, "Mẫu 02", "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ", _s(_TT03, "Mẫu 02"), ""),
    FormRow(ND118, "Mẫu 03", "Phiếu từ chối tiếp nhận giải quyết hồ sơ", _s(_TT03, "Mẫu 03"), ""),
    FormRow(
        ND118,
        "Mẫu 04",
        "Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết",
        _s(_TT03, "Mẫu 04"),
        "[S] replaces the apology and new appointment of Mẫu 04 (01/2018)",
    ),
    FormRow(ND118, "Mẫu 05", "Thông báo dừng giải quyết hồ sơ", _s(_TT03, "Mẫu 05"), ""),
    FormRow(
        ND118, "Mẫu 06", "Phiếu kiểm soát quá trình giải quyết hồ sơ", _s(_TT03, "Mẫu 06"), ""
    ),
    FormRow(ND118, "Mẫu 07", "Sổ theo dõi hồ sơ", _s(_TT03, "Mẫu 07"), ""),
)

# The provisions each row cites; article numbers are [M] at best (legal-rules.md §10).
_61_RECEIPT = _m(ND_61_2018_ND_CP, "Điều 16-18 (tiếp nhận hồ sơ)")
_61_ONLINE = _m(ND_45_2020_ND_CP, "nộp hồ sơ trực tuyến")
_61_TRANSFER = _m(ND_61_2018_ND_CP, "Điều 18 (chuyển hồ sơ; một cửa liên thông)")
_61_SUPPLEMENT = _u(ND_61_2018_ND_CP, "yêu cầu bổ sung hồ sơ (Mẫu 02); article not verified")
_LAND = _m(ND_101_2024_ND_CP, "Điều 22")
_61_SUSPEND = _u(ND_61_2018_ND_CP, "tạm dừng theo căn cứ của pháp luật chuyên ngành")
_61_APOLOGY = _s(ND_61_2018_ND_CP, "Điều 19")
_61_REFUSE = _m(ND_61_2018_ND_CP, "Điều 19 khoản 3")
_61_RESULT = _s(TT_01_2018_TT_VPCP, "đánh giá việc giải quyết hồ sơ (Chỉ số 1, 2)")
_61_RETURN = _u(ND_61_2018_ND_CP, "trả kết quả giải quyết; article not verified")
_61_WITHDRAW = _u(ND_61_2018_ND_CP, "rút hồ sơ theo yêu cầu; article not verified")
_118 = ND_118_2025_ND_CP
_118_RECEIPT = _s(_118, "Điều 17 khoản 1 (tiếp nhận hồ sơ)")
_118_ONLINE = _s(_118, "Điều 17 khoản 2 (hồ sơ điện tử qua Cổng Dịch vụ công quốc gia)")
_118_TRANSFER = _s(_118, "Điều 18 (chuyển hồ sơ đến cơ quan có thẩm quyền)")
_118_SUPPLEMENT = _u(_118, "yêu cầu bổ sung, hoàn thiện hồ sơ; article not verified")
_118_SUSPEND = _u(_118, "tạm dừng theo căn cứ của pháp luật chuyên ngành")
_118_APOLOGY = _u(_118, "xin lỗi và đề nghị gia hạn thời gian giải quyết; article not verified")
_118_REFUSE = _u(_118, "trả lại hồ sơ kèm lý do; article not verified")
_118_RESULT = _s(_118, "Điều 22 (kết quả giải quyết thủ tục hành chính)")
_118_WITHDRAW = _s(
    _118, "Điều 21 (dừng thực hiện thủ tục hành chính); Mẫu 05, Thông tư 03/2025 Điều 7"
)

_PAUSED = "[M] excluded time (không tính thời gian) where a law names it; the due date moves"
_SUPPLEMENT = "[U] restart by default (vendors 'theo Nghị định'), pause as policy (§4.3)"
_WITHDRAW = "[S] TD status 7; statistically excluded from timeliness"

TRANSITIONS: tuple[TransitionRow, ...] = (
    # -- Nghị định 61/2018 (+107/2021), forms of Thông tư 01/2018 ------------------------------
    TransitionRow("submit", None, "new", ND61, None, _61_ONLINE, "[M] submitted, not checked"),
    TransitionRow("receive", "new", "processing", ND61, "Mẫu 01", _61_RECEIPT, "[V] clock starts"),
    TransitionRow("guide", "new", "not_received", ND61, "Mẫu 02", _61_RECEIPT, "[V] once"),
    TransitionRow(
        "refuse_at_receipt", "new", "refused_at_receipt", ND61, "Mẫu 03", _61_RECEIPT, "[V]"
    ),
    TransitionRow("withdraw", "new", "withdrawn", ND61, None, _61_WITHDRAW, _WITHDRAW),
    TransitionRow(
        "transfer", "processing", "processing", ND61, "Mẫu 05", _61_TRANSFER, "[M] per step"
    ),
    TransitionRow(
        "request_supplement",
        "processing",
        "awaiting_supplement",
        ND61,
        "Mẫu 02",
        _61_SUPPLEMENT,
        _SUPPLEMENT,
    ),
    TransitionRow(
        "receive_supplement",
        "awaiting_supplement",
        "processing",
        ND61,
        None,
        _61_SUPPLEMENT,
        _SUPPLEMENT,
    ),
    TransitionRow(
        "request_obligation", "processing", "awaiting_obligation", ND61, None, _LAND, _PAUSED
    ),
    TransitionRow(
        "fulfil_obligation", "awaiting_obligation", "processing", ND61, None, _LAND, _PAUSED
    ),
    TransitionRow("suspend", "processing", "suspended", ND61, None, _61_SUSPEND, _PAUSED),
    TransitionRow("resume", "suspended", "processing", ND61, None, _61_SUSPEND, _PAUSED),
    TransitionRow(
        "apologise", "processing", "processing", ND61, "Mẫu 04", _61_APOLOGY, "[S] once only"
    ),
    TransitionRow("refuse", "processing", "refused", ND61, "Mẫu 03", _61_REFUSE, "[M] resolved"),
    TransitionRow(
        "result", "processing", "result_ready", ND61, None, _61_RESULT, "[S] completion"
    ),
    TransitionRow("return", "result_ready", "returned", ND61, "Mẫu 06", _61_RETURN, "[S]"),
    TransitionRow("withdraw", "processing", "withdrawn", ND61, None, _61_WITHDRAW, _WITHDRAW),
    TransitionRow(
        "withdraw", "awaiting_supplement", "withdrawn", ND61, None, _61_WITHDRAW, _WITHDRAW
    ),
    TransitionRow(
        "withdraw", "awaiting_obligation", "withdrawn", ND61, None, _61_WITHDRAW, _WITHDRAW
    ),
    TransitionRow("withdraw", "suspended", "withdrawn", ND61, None, _61_WITHDRAW, _WITHDRAW),
    # -- Nghị định 118/2025, forms of Thông tư 03/2025 ------------------------------------------
    TransitionRow("submit", None, "new", ND118, None, _118_ONLINE, "[U] submitted, not checked"),
    TransitionRow(
        "receive", "new", "processing", ND118, "Mẫu 01", _118_RECEIPT, "[S] clock starts"
    ),
    TransitionRow("guide", "new", "not_received", ND118, "Mẫu 02", _118_RECEIPT, "[S] once"),
    TransitionRow(
        "refuse_at_receipt", "new", "refused_at_receipt", ND118, "Mẫu 03", _118_RECEIPT, "[S]"
    ),
    TransitionRow("withdraw", "new", "withdrawn", ND118, "Mẫu 05", _118_WITHDRAW, _WITHDRAW),
    TransitionRow(
        "transfer", "processing", "processing", ND118, "Mẫu 06", _118_TRANSFER, "[S] per step"
    ),
    TransitionRow(
        "request_supplement",
        "processing",
        "awaiting_supplement",
        ND118,
        "Mẫu 02",
        _118_SUPPLEMENT,
        _SUPPLEMENT,
    ),
    TransitionRow(
        "receive_supplement",
        "awaiting_supplement",
        "processing",
        ND118,
        None,
        _118_SUPPLEMENT,
        _SUPPLEMENT,
    ),
    TransitionRow(
        "request_obligation", "processing", "awaiting_obligation", ND118, None, _LAND, _PAUSED
    ),
    TransitionRow(
        "fulfil_obligation", "awaiting_obligation", "processing", ND118, None, _LAND, _PAUSED
    ),
    TransitionRow("suspend", "processing", "suspended", ND118, None, _118_SUSPEND, _PAUSED),
    TransitionRow("resume", "suspended", "processing", ND118, None, _118_SUSPEND, _PAUSED),
    TransitionRow(
        "apologise",
        "processing",
        "processing",
        ND118,
        "Mẫu 04",
        _118_APOLOGY,
        "[U] extension request; how many: policy ExtensionLimit (default once); whether it "
        "moves the statistical due date is [U] (tthc: never)",
    ),
    TransitionRow("refuse", "processing", "refused", ND118, None, _118_REFUSE, "[U] resolved"),
    TransitionRow(
        "result", "processing", "result_ready", ND118, None, _118_RESULT, "[S] completion"
    ),
    TransitionRow("return", "result_ready", "returned", ND118, "Mẫu 07", _118_RESULT, "[S]"),
    TransitionRow(
        "withdraw", "processing", "withdrawn", ND118, "Mẫu 05", _118_WITHDRAW, _WITHDRAW
    ),
    TransitionRow(
        "withdraw", "awaiting_supplement", "withdrawn", ND118, "Mẫu 05", _118_WITHDRAW, _WITHDRAW
    ),
    TransitionRow(
        "withdraw", "awaiting_obligation", "withdrawn", ND118, "Mẫu 05", _118_WITHDRAW, _WITHDRAW
    ),
    TransitionRow("withdraw", "suspended", "withdrawn", ND118, "Mẫu 05", _118_WITHDRAW, _WITHDRAW),
)
