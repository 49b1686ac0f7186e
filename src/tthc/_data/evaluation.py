"""Per-dossier evaluation (Thông tư 01/2018/TT-VPCP) and an example provincial rubric, as data.

- ``DOSSIER_INDICES``: ``(number, subject, name_en, two_points, one_point, zero_points, source,
  note)``: the nine indices (chỉ số) each dossier is scored on, 2, 1 or 0 points each, as
  implemented by Thanh Hóa's one-stop software (``TieuChiDanhGiaHaiLong.json``), whose wording
  matches the circular [S] (kpi-and-index.md §5.2; legal-rules.md §5.1). The article number of
  the circular was not read, so rows cite the circular as a whole.
- ``EXAMPLE_RUBRIC``: ``(rubric, id, name, name_en, kind, max_points, target, bands,
  zero_denominator, source, note)``: one **illustrative** provincial rubric for TTHC criteria
  of the kind provincial PAR indices use (kpi-and-index.md §3.2): a banded threshold, a
  proportional-to-target rule and a binary compliance rule. The point values and thresholds
  are invented for illustration: the appendix of 876/QĐ-BNV could not be obtained. Each row
  cites the legal duty its criterion measures, not a rubric that scores it.

:mod:`tthc.scoring` turns the rows into records at import time.
"""

from __future__ import annotations

from fractions import Fraction
from typing import NamedTuple

import attrs

from tthc._data.sources import (
    ND_61_2018_ND_CP,
    QD_766_2022_QD_TTG,
    TT_01_2018_TT_VPCP,
)
from tthc.legal import Confidence, LegalSource

__all__ = ["DOSSIER_INDICES", "EXAMPLE_RUBRIC"]


class DossierIndexRow(NamedTuple):
    number: int
    subject: str
    name_en: str
    two_points: str
    one_point: str
    zero_points: str
    source: LegalSource
    note: str


class RubricRow(NamedTuple):
    rubric: str
    id: str
    name: str
    name_en: str
    kind: str
    max_points: Fraction
    target: Fraction | None
    bands: tuple[tuple[Fraction, Fraction], ...]
    zero_denominator: str
    source: LegalSource
    note: str


_TT01 = attrs.evolve(
    TT_01_2018_TT_VPCP.at("đánh giá việc giải quyết từng hồ sơ, chỉ số 1-9"),
    confidence=Confidence.SECONDARY,
)
_S = "[S] Thanh Hóa one-stop software, wording matching the circular"

DOSSIER_INDICES: tuple[DossierIndexRow, ...] = (
    DossierIndexRow(
        1,
        "Tổng thời gian giải quyết hồ sơ so với thời gian quy định",
        "Total handling time against the legal time limit",
        "ngắn hơn",
        "bằng",
        "dài hơn",
        _TT01,
        _S,
    ),
    DossierIndexRow(
        2,
        "Thời gian thực hiện của từng cơ quan, đơn vị tham gia giải quyết so với quy định",
        "Time of each participating body against its allotted time",
        "ngắn hơn",
        "bằng",
        "dài hơn",
        _TT01,
        _S,
    ),
    DossierIndexRow(
        3,
        "Số lần phải liên hệ với nơi tiếp nhận hồ sơ để hoàn thiện hồ sơ",
        "Times the applicant had to contact the receiving unit to complete the dossier",
        "không phải liên hệ",
        "1 lần",
        "quá 1 lần (trừ trường hợp do lỗi của người nộp)",
        _TT01,
        _S,
    ),
    DossierIndexRow(
        4,
        "Số cơ quan, đơn vị, tổ chức phải liên hệ để hoàn thiện hồ sơ",
        "Bodies the applicant had to contact",
        "không phải liên hệ",
        "chỉ liên hệ Bộ phận Một cửa (và cơ quan giám định, kiểm định theo quy định)",
        "quá 1 cơ quan",
        _TT01,
        _S,
    ),
    DossierIndexRow(
        5,
        "Thực hiện tiếp nhận, giải quyết, trả kết quả tại Bộ phận Một cửa",
        "Receipt, handling and return at the One-stop unit",
        "đạt tỷ lệ ủy quyền, phân cấp giải quyết tại Bộ phận Một cửa theo quy định",
        "100 % TTHC đủ điều kiện được tiếp nhận và trả kết quả tại Bộ phận Một cửa",
        "dưới 100 %",
        _TT01,
        f"{_S}; a fact about the unit, not the dossier",
    ),
    DossierIndexRow(
        6,
        "Công khai thủ tục hành chính",
        "Publication of the procedure",
        "công khai cả niêm yết và điện tử",
        "chỉ một hình thức",
        "không công khai đúng, đầy đủ, kịp thời",
        _TT01,
        f"{_S}; a fact about the procedure",
    ),
    DossierIndexRow(
        7,
        "Thái độ của cán bộ, công chức, viên chức",
        "Attitude of the officials",
        "trả kết quả trước hạn và không có phản ánh, kiến nghị",
        "trả kết quả đúng hạn và không có phản ánh, kiến nghị",
        "có phản ánh, kiến nghị (trừ trường hợp được xác minh là không đúng)",
        _TT01,
        _S,
    ),
    DossierIndexRow(
        8,
        "Mức độ thuận tiện khi sử dụng dịch vụ công",
        "Convenience of the public service",
        "rất hài lòng",
        "hài lòng",
        "không hài lòng",
        _TT01,
        f"{_S}; the applicant's answer",
    ),
    DossierIndexRow(
        9,
        "Đánh giá tổng thể về dịch vụ",
        "Overall assessment of the service",
        "rất hài lòng",
        "hài lòng",
        "không hài lòng",
        _TT01,
        f"{_S}; the applicant's answer",
    ),
)

_ILLUSTRATIVE = "illustrative"
_NOTE = "ILLUSTRATIVE: points and thresholds invented to show the rule family [U]"
_P = Fraction

EXAMPLE_RUBRIC: tuple[RubricRow, ...] = (
    RubricRow(
        _ILLUSTRATIVE,
        "on_time",
        "Tỷ lệ hồ sơ giải quyết đúng hạn",
        "Dossiers resolved on time",
        "banded",
        _P(2),
        None,
        ((_P(1), _P(2)), (_P(95, 100), _P(1)), (_P(0), _P(0))),
        "zero",
        attrs.evolve(ND_61_2018_ND_CP, confidence=Confidence.SECONDARY),
        f"{_NOTE}: 100 % -> 2; from 95 % -> 1; below -> 0",
    ),
    RubricRow(
        _ILLUSTRATIVE,
        "online",
        "Tỷ lệ hồ sơ giải quyết trực tuyến",
        "Dossiers handled online",
        "proportional_to_target",
        _P(2),
        _P(1, 2),
        (),
        "zero",
        QD_766_2022_QD_TTG.at("chỉ số 3.3 (mục tiêu 50 %)"),
        f"{_NOTE}: 2 x R / 50 %, at most 2 (the target of 766 indicator 3.3)",
    ),
    RubricRow(
        _ILLUSTRATIVE,
        "apology",
        "Thực hiện xin lỗi người dân, tổ chức khi để xảy ra trễ hạn",
        "Apology for every late dossier",
        "binary",
        _P(1),
        None,
        (),
        "full_marks",
        attrs.evolve(
            ND_61_2018_ND_CP.at("Điều 19 (Phiếu xin lỗi và hẹn lại ngày trả kết quả)"),
            confidence=Confidence.SECONDARY,
        ),
        f"{_NOTE}: every late dossier had an apology -> 1, else 0; no late dossier -> 1",
    ),
)
