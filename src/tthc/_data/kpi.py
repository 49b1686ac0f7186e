"""The statistical report form and the rate definitions that ``tthc.kpi`` computes.

``BIEU_06_COLUMNS``: one row per count column (3)-(13) of Biểu số 06/VPCP/KSTT ("Tình hình,
kết quả giải quyết TTHC tại cơ quan, đơn vị trực tiếp giải quyết TTHC") of Thông tư
01/2020/TT-VPCP: ``(number, attribute, header, meaning, source)``. The layout is known from
faithful rebuilds in provincial one-stop software, not from the circular's PDF (kpi-and-index.md
§2.1 [S]), hence the secondary confidence of the source.

``RATE_DEFINITIONS``: one row per rate function of ``tthc.kpi``: ``(name, Vietnamese name,
formula, source, practice)``. ``source`` is the legal document the rate rests on;
``practice`` names where the variant was seen (kpi-and-index.md §2.4, §4.3, §6, tags
[L]/[P]/[S]/[M]). The formulas are code in ``tthc.kpi``; these rows are their citations.
"""

from __future__ import annotations

import attrs

from tthc._data.sources import (
    ND_23_2015_ND_CP,
    ND_42_2022_ND_CP,
    ND_107_2021_ND_CP,
    ND_118_2025_ND_CP,
    QD_766_2022_QD_TTG,
    TT_01_2020_TT_VPCP,
    TT_01_2023_TT_VPCP,
    TT_03_2025_TT_VPCP,
)
from tthc.legal import Confidence, LegalSource

__all__ = ["BIEU_06_COLUMNS", "DUTY_VERSIONS", "RATE_DEFINITIONS"]


def _secondary(source: LegalSource, provision: str) -> LegalSource:
    """*source* narrowed to a provision whose wording is only known second-hand ([S]/[P])."""
    return attrs.evolve(source.at(provision), confidence=Confidence.SECONDARY)


_FORM = _secondary(TT_01_2020_TT_VPCP, "Biểu số 06/VPCP/KSTT")

BIEU_06_COLUMNS: tuple[tuple[int, str, str, str, LegalSource], ...] = (
    (3, "received_total", "Số hồ sơ nhận giải quyết: Tổng số",
     "dossiers to handle in the period: (4) + (5) + (6)", _FORM),
    (4, "received_online", "Trong đó: Trực tuyến",
     "newly received online in the period", _FORM),
    (5, "received_in_person", "Trong đó: Trực tiếp, dịch vụ bưu chính",
     "newly received in person or by public post in the period", _FORM),
    (6, "carried_over", "Từ kỳ trước",
     "received before the period and still pending at its start", _FORM),
    (7, "resolved_total", "Số lượng hồ sơ đã giải quyết: Tổng số",
     "resolved in the period: (8) + (9) + (10)", _FORM),
    (8, "resolved_early", "Trước hạn", "resolved before the due date", _FORM),
    (9, "resolved_on_time", "Đúng hạn", "resolved on the due date", _FORM),
    (10, "resolved_late", "Quá hạn", "resolved after the due date", _FORM),
    (11, "pending_total", "Số lượng hồ sơ đang giải quyết: Tổng số",
     "still pending at the end of the period: (12) + (13)", _FORM),
    (12, "pending_within", "Trong hạn (Chưa đến hạn)",
     "pending and not yet past the due date", _FORM),
    (13, "pending_overdue", "Quá hạn", "pending and already past the due date", _FORM),
)  # fmt: skip

RATE_DEFINITIONS: tuple[tuple[str, str, str, LegalSource, str], ...] = (
    (
        "on_time_rate_resolved_basis",
        "Tỷ lệ giải quyết trước hạn, đúng hạn (trên số đã giải quyết)",
        "((8) + (9)) / (7)",
        _secondary(TT_01_2020_TT_VPCP, "Biểu số 06, cột (7)-(10)"),
        "V1, most press releases (Lâm Đồng Q1/2020: 635.593 / 643.272) [S]",
    ),
    (
        "on_time_rate_due_basis",
        "Tỷ lệ đúng hạn trên số hồ sơ đến hạn",
        "((8) + (9)) / ((8) + (9) + (10) + (13))",
        _secondary(TT_01_2020_TT_VPCP, "Biểu số 06, cột (7)-(13)"),
        "V2, Vĩnh Phúc 9/2021: 4.157 / 4.169 [S]",
    ),
    (
        "on_time_rate_766_progress",
        "Tỷ lệ hồ sơ xử lý trước hạn, đúng hạn (chỉ số 2.1)",
        "((8) + (9) + (12)) / ((7) + (11))",
        _secondary(QD_766_2022_QD_TTG, "chỉ số 2.1"),
        "V3, national portal formula document, indicator 2.1 [P]",
    ),
    (
        "on_time_rate_handled_basis",
        "Tỷ lệ đúng hạn = 100 % - tỷ lệ trễ hạn (trên số cần xử lý)",
        "1 - ((10) + (13)) / (3)",
        _secondary(TT_01_2020_TT_VPCP, "Biểu số 06, cột (3), (10), (13)"),
        "V4, Gia Lai one-stop portal [S]; equals V3 when (3) = (7) + (11)",
    ),
    (
        "resolved_early_share",
        "Tỷ lệ giải quyết trước hạn",
        "(8) / (7)",
        _FORM,
        "V5, Thừa Thiên Huế portal [S]",
    ),
    (
        "resolved_on_time_share",
        "Tỷ lệ giải quyết đúng hạn",
        "(9) / (7)",
        _FORM,
        "V5, Thừa Thiên Huế portal [S]",
    ),
    (
        "resolved_late_share",
        "Tỷ lệ giải quyết quá hạn",
        "(10) / (7)",
        _FORM,
        "V5 and the complement of V1 when every exit is in (7) (Lâm Đồng 1,19 %) [S]",
    ),
    (
        "resolution_rate",
        "Tỷ lệ hồ sơ đã giải quyết",
        "(7) / (3)",
        _FORM,
        "Bến Tre 5/2021: 4.561 / 5.650 [S]",
    ),
    (
        "overdue_share_of_pending",
        "Tỷ lệ hồ sơ quá hạn trong số đang giải quyết",
        "(13) / (11)",
        _FORM,
        "commune vs liên thông worked example (kpi-and-index.md §7c) [S]",
    ),
    (
        "overdue_rate_handled",
        "Tỷ lệ trễ hạn (trên số cần xử lý)",
        "((10) + (13)) / (3)",
        _FORM,
        "Gia Lai one-stop portal [S]",
    ),
    (
        "online_rate_all_dossiers",
        "Tỷ lệ hồ sơ trực tuyến (chỉ số 3.3)",
        "online dossiers received / all dossiers received (x sync rate)",
        _secondary(QD_766_2022_QD_TTG, "chỉ số 3.3"),
        "variant A, national portal formula document [P]",
    ),
    (
        "online_rate_eligible_fulltrack",
        "Tỷ lệ hồ sơ DVCTT toàn trình trên hồ sơ của TTHC đủ điều kiện toàn trình",
        "online dossiers of eligible procedures / dossiers of eligible procedures",
        _secondary(QD_766_2022_QD_TTG, "bảng METRICS 2025-2026, dòng 6"),
        "variant B, portal METRICS sheet [P]; 'toàn trình' per Nghị định 42/2022 Điều 11",
    ),
    (
        "channel_mix",
        "Tỷ lệ hồ sơ theo hình thức nộp (trực tuyến, trực tiếp, bưu chính)",
        "online / all; in person / all; postal / all",
        _secondary(QD_766_2022_QD_TTG, "chỉ số 3.3"),
        "variant C, companion rates of 3.3 [P]",
    ),
    (
        "online_rate_handled",
        "Tỷ lệ hồ sơ trực tuyến trên tổng số hồ sơ giải quyết",
        "online dossiers / dossiers handled",
        ND_42_2022_ND_CP.at("Điều 11"),
        "variant D, local reports (Vĩnh Phúc 9/2021) [S]",
    ),
    (
        "online_payment_rate",
        "Tỷ lệ hồ sơ thanh toán trực tuyến (chỉ số 3.6)",
        "dossiers paid online / dossiers with a non-zero fee",
        _secondary(QD_766_2022_QD_TTG, "chỉ số 3.6"),
        "national portal formula document [P]",
    ),
    (
        "e_result_rate",
        "Tỷ lệ hồ sơ có cấp kết quả giải quyết điện tử (chỉ số 4.1)",
        "dossiers with an electronic result / dossiers whose procedure requires a written result",
        _secondary(QD_766_2022_QD_TTG, "chỉ số 4.1"),
        "national portal formula document [P]",
    ),
    (
        "digitisation_rate_766",
        "Tỷ lệ hồ sơ thực hiện số hóa hồ sơ (chỉ số 4.2)",
        "dossiers digitised (and with an e-result where one is required) / all dossiers",
        _secondary(QD_766_2022_QD_TTG, "chỉ số 4.2"),
        "national portal formula document [P]",
    ),
    (
        "digitisation_rate_at_reception",
        "Tỷ lệ số hóa hồ sơ tại Bộ phận Một cửa",
        "dossiers received in person or by post and digitised / those dossiers",
        attrs.evolve(ND_107_2021_ND_CP, confidence=Confidence.RECALLED),
        "local reports [S/M]; the duty it measures is versioned by receipt date (DUTY_VERSIONS)",
    ),
    (
        "result_digitisation_rate",
        "Tỷ lệ số hóa kết quả giải quyết TTHC",
        "resolved dossiers with an electronic result / resolved dossiers",
        attrs.evolve(
            TT_01_2023_TT_VPCP.at("số hóa kết quả giải quyết; article not verified"),
            confidence=Confidence.UNCONFIRMED,
        ),
        "local reports [S/M]; not Điều 8, which is about scanning paper dossier parts",
    ),
    (
        "e_certified_copy_rate",
        "Tỷ lệ chứng thực bản sao điện tử từ bản chính",
        "copies certified electronically / copies certified",
        ND_23_2015_ND_CP,
        "local reports: 479 / 480 = 99,79 % (kpi-and-index.md §7b) [S]",
    ),
    (
        "e_certified_copy_coverage",
        "Tỷ lệ cung cấp dịch vụ chứng thực bản sao điện tử từ bản chính",
        "communes providing the service / communes managed",
        _secondary(QD_766_2022_QD_TTG, "bảng METRICS 2025-2026, chứng thực điện tử"),
        "portal METRICS sheet: a unit ratio, not a dossier ratio [P]",
    ),
)


DUTY_VERSIONS: tuple[tuple[str, str, LegalSource, LegalSource, str], ...] = (
    # (rate, regime, the duty it measures, how the duty is carried out, note); regime keys
    # are those of tthc._data.lifecycle.REGIMES: a dossier is judged by the rules in force
    # when it was received.
    (
        "digitisation_rate_at_reception",
        "nd61_2018",
        attrs.evolve(
            ND_107_2021_ND_CP.at("số hóa hồ sơ khi tiếp nhận (sửa đổi Nghị định 61/2018)"),
            confidence=Confidence.RECALLED,
        ),
        TT_01_2023_TT_VPCP.at("Điều 8 khoản 1, 2 (sao chụp giấy tờ chuyển sang bản điện tử)"),
        "[M] the amending decree's article was not read; [V] Điều 8 is the scanning of paper "
        "dossier parts (quoted by Thông tư 03/2025 Điều 5(1))",
    ),
    (
        "digitisation_rate_at_reception",
        "nd118_2025",
        ND_118_2025_ND_CP.at("Điều 17 khoản 1 điểm c"),
        TT_03_2025_TT_VPCP.at("Điều 5"),
        "[V] Điều 5(1): the scanning of Điều 17(1)(c) follows Thông tư 01/2023 Điều 8(1)-(2); "
        "Điều 5(2): no scan for dossiers filed online, papers only shown, inter-agency replies "
        "and classified papers",
    ),
)
