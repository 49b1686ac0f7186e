"""The QĐ 766/QĐ-TTg index (Bộ chỉ số 766) as data: versions, groups, indicators, bands.

Rows are transcribed from the national portal's formula document "Mô tả công thức tính chỉ
số 766" and the METRICS sheet of "Công thức 766.xlsx", as published in the public repository
``ChippedTopaz/qd766`` (``docs/metrics.m0.json``, ``web/src/formula-document.ts``,
``docs/SCORING_ANALYSIS_M0.md``), and checked against the scores the portal's API returns
(``dichvucong.gov.vn/danh-gia-chat-luong-phuc-vu``). The signed decision's
appendix could not be read, so every row is the *portal's* version [P], not the decision's
wording; ``note`` carries the tag of each fact and what is policy rather than law.

- ``VERSIONS``: ``(version, valid_from, title, source, note)``.
- ``GROUPS``: ``(id, version, name, name_en, max_points, source, note)``; the portal shows six
  tabs (the decision's group 3 "Cung cấp dịch vụ trực tuyến" is split into ``3a`` and ``3b``).
- ``INDICATORS``: ``(id, version, group, name, name_en, numerator, denominator, max_points,
  family, target, zero_denominator, source, note)``. ``family`` is ``"proportional"``
  (``max x R``), ``"capped"`` (``min(max, max x R ÷ target)``) or ``"monitoring"`` (shown, no
  points); ``zero_denominator`` is ``"zero"``, ``"full_marks"`` or ``"not_applicable"``.
  ``max_points`` is ``None`` where the sheet declares no maximum.
- ``BANDS``: ``(id, name, name_en, minimum, source, note)``: the classification of the total,
  **unconfirmed**: a hypothesis fitted to two provincial reports.
- ``PORTAL_SCORING``: ``(version, from, until, source, note)``: which rule set the national
  portal scores a period with (``until`` ``None``: still observed).
- ``SUMMATION_SOURCE``: where the portal's way of adding points up (each indicator's points
  rounded to 2 places, half up, then added) was observed.

:mod:`tthc.scoring` turns the rows into records at import time; the formulas are code there.
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction
from typing import NamedTuple

import attrs

from tthc._data.sources import QD_766_2022_QD_TTG
from tthc.legal import Confidence, LegalSource

__all__ = ["BANDS", "GROUPS", "INDICATORS", "PORTAL_SCORING", "SUMMATION_SOURCE", "VERSIONS"]


class VersionRow(NamedTuple):
    version: str
    valid_from: date
    title: str
    source: LegalSource
    note: str


class GroupRow(NamedTuple):
    id: str
    version: str
    name: str
    name_en: str
    max_points: Fraction
    source: LegalSource
    note: str


class IndicatorRow(NamedTuple):
    id: str
    version: str
    group: str
    name: str
    name_en: str
    numerator: str
    denominator: str
    max_points: Fraction | None
    family: str
    target: Fraction | None
    zero_denominator: str
    source: LegalSource
    note: str


class PortalRow(NamedTuple):
    version: str
    start: date
    until: date | None
    source: LegalSource
    note: str


class BandRow(NamedTuple):
    id: str
    name: str
    name_en: str
    minimum: Fraction
    source: LegalSource
    note: str


_FORMULA_DOCUMENT = QD_766_2022_QD_TTG.at("Mô tả công thức tính chỉ số 766 (Cổng DVCQG)")
_METRICS_SHEET = attrs.evolve(
    QD_766_2022_QD_TTG.at("bảng METRICS, Công thức 766.xlsx (Cổng DVCQG)"),
    confidence=Confidence.SECONDARY,
)


_V22 = "v2022"
_V25 = "v2025"
P = Fraction  # points and targets are exact
_PCT80, _PCT50, _PCT90 = Fraction(4, 5), Fraction(1, 2), Fraction(9, 10)
_ZERO_DOC = (
    "zero denominator: the doc says '0 hoặc N/A'; the portal shows no score (null), so tthc "
    "leaves it not scored [P]"
)
_ZERO_PAYMENT = "zero denominator: the API gave rate 0, hence 0 points, in every observation [P]"

VERSIONS: tuple[VersionRow, ...] = (
    VersionRow(
        _V22,
        date(2022, 6, 23),
        "QĐ 766/QĐ-TTg as scored by the national portal (formula document + API)",
        QD_766_2022_QD_TTG,
        "[P] maxima from the METRICS sheet and the portal's tabs; formulas from the formula "
        "document, reverse-engineered against the live API (SCORING_ANALYSIS_M0); the "
        "portal still scores periods of 2025-26 with these rules (real scores of one "
        "province, 08/2026, from public fixtures of the portal's API)",
    ),
    VersionRow(
        _V25,
        date(2025, 7, 1),
        "QĐ 766/QĐ-TTg, 2025-26 wording of the portal's METRICS sheet (two-tier government); "
        "NOT what the national portal computes in 2026 (it still scores v2022)",
        _METRICS_SHEET,
        "[P] wording and declared maxima of the METRICS sheet; valid_from is the start of "
        "two-tier local government [U]; rows STT 7-10 and 18 declare no maximum; rule "
        "families carried over from v2022 where the metric is the same [U]; the live API "
        "was still observed scoring the v2022 online split and the 2+2+6 payment split in "
        "08/2026: v2025 reproduces 10 of 201 real payment-group scores [P]",
    ),
)

_GROUP_NAMES: tuple[tuple[str, str, str, Fraction], ...] = (
    ("1", "Công khai, minh bạch", "Transparency", P(18)),
    ("2", "Tiến độ, kết quả giải quyết", "Progress and results of handling", P(20)),
    ("3a", "Cung cấp dịch vụ công trực tuyến", "Online public services", P(12)),
    ("3b", "Thanh toán trực tuyến", "Online payment", P(10)),
    ("4", "Số hóa hồ sơ", "Digitisation of dossiers", P(22)),
    ("5", "Mức độ hài lòng", "Satisfaction", P(18)),
)

GROUPS: tuple[GroupRow, ...] = tuple(
    GroupRow(
        gid,
        version,
        name,
        name_en,
        maximum,
        QD_766_2022_QD_TTG.at(f"nhóm {gid[0]}"),
        "[S] five groups, 100 points (press summaries); [P] the portal splits group 3 into "
        "two tabs (3a: 12, 3b: 10)",
    )
    for version in (_V22, _V25)
    for gid, name, name_en, maximum in _GROUP_NAMES
)

INDICATORS: tuple[IndicatorRow, ...] = (
    # -- v2022: the portal's formula document ---------------------------------------------------
    IndicatorRow(
        "1.1",
        _V22,
        "1",
        "Tỷ lệ TTHC công bố đúng hạn",
        "Procedures published on time",
        "distinct TTHC whose publication decision (QĐCB) is dated no later than the legal "
        "basis's effective date minus 20 WD (ministry) or 5 WD (province)",
        "distinct TTHC in QĐCBs dated in the period; one late occurrence makes the TTHC late",
        P(6),
        "proportional",
        None,
        "not_applicable",
        _FORMULA_DOCUMENT,
        f"[P] 6 x R (2.290 observations); {_ZERO_DOC}",
    ),
    IndicatorRow(
        "1.2",
        _V22,
        "1",
        "Tỷ lệ TTHC được cập nhật, công khai đúng hạn",
        "Procedures updated and made public on time",
        "TTHC made public on the national TTHC database (CSDLQG) within 10 WD (ministry) or "
        "5 WD (province) of the QĐCB date",
        "TTHC published in the period plus TTHC due to be published",
        P(4),
        "proportional",
        None,
        "not_applicable",
        _FORMULA_DOCUMENT,
        f"[P] 4 x R; [S] press: 4 of the 18 transparency points; {_ZERO_DOC}",
    ),
    IndicatorRow(
        "1.3",
        _V22,
        "1",
        "TTHC công khai đủ nội dung",
        "Procedures published with full content",
        "TTHC with all 7 components of Nghị định 63/2010/NĐ-CP Điều 8(2)",
        "TTHC currently published on CSDLQG (a snapshot, not per period)",
        P(2),
        "proportional",
        None,
        "not_applicable",
        _FORMULA_DOCUMENT,
        f"[P] 2 x R; {_ZERO_DOC}",
    ),
    IndicatorRow(
        "1.4",
        _V22,
        "1",
        "Tỷ lệ hồ sơ đồng bộ lên Cổng DVCQG",
        "Dossiers synchronised to the national portal",
        "synchronised dossiers received in the period (one-way sync counts)",
        "max(dossiers received per the national reporting system BCQG, per DVCQG); both 0: "
        "previous year's BCQG total / 12 (month), / 4 (quarter), x 1 (year)",
        P(6),
        "proportional",
        None,
        "zero",
        _FORMULA_DOCUMENT,
        "[P] 6 x R; no previous-year data -> rate 0",
    ),
    IndicatorRow(
        "2.1",
        _V22,
        "2",
        "Tỷ lệ hồ sơ xử lý trước hạn, đúng hạn",
        "Dossiers handled early or on time",
        "dossiers processed or still in progress that are on time or within the deadline "
        "(NgayKetThucXuLy <= NgayHenTra)",
        "all dossiers received or processed in the period",
        P(20),
        "proportional",
        None,
        "not_applicable",
        _FORMULA_DOCUMENT,
        f"[P] 20 x R (984 observations); [S] press: up to 20 points; {_ZERO_DOC}",
    ),
    IndicatorRow(
        "2.2",
        _V22,
        "2",
        "Thời gian giải quyết trung bình",
        "Average handling time",
        "sum of the handling times of completed dossiers of one selected TTHC",
        "number of those dossiers",
        P(0),
        "monitoring",
        None,
        "not_applicable",
        _FORMULA_DOCUMENT,
        "[P] monitoring only, 0 points",
    ),
    IndicatorRow(
        "3.1",
        _V22,
        "3a",
        "Tỷ lệ TTHC cung cấp dịch vụ công trực tuyến",
        "Procedures offered as online public services",
        "TTHC offered as a partial or full online service, each counted once at its highest level",
        "TTHC under the unit's authority",
        P(2),
        "capped",
        _PCT80,
        "not_applicable",
        _FORMULA_DOCUMENT,
        f"[P] min(2, 2R / 80 %); {_ZERO_DOC}",
    ),
    IndicatorRow(
        "3.2",
        _V22,
        "3a",
        "Tỷ lệ dịch vụ công trực tuyến có phát sinh hồ sơ",
        "Online services that received dossiers",
        "online services of the TTHC that received at least one online dossier",
        "online services of the TTHC (status công khai / chờ dừng / kiểm thử)",
        P(4),
        "proportional",
        None,
        "not_applicable",
        _FORMULA_DOCUMENT,
        f"[P] 4 x R; {_ZERO_DOC}",
    ),
    IndicatorRow(
        "3.3",
        _V22,
        "3a",
        "Tỷ lệ hồ sơ TTHC theo hình thức nộp trực tuyến",
        "Dossiers filed online",
        "dossiers received online in the period (channel 2), with an electronic result when "
        "the TTHC returns a written result",
        "all dossiers received in the period (every channel), times the sync rate",
        P(6),
        "capped",
        _PCT50,
        "not_applicable",
        _FORMULA_DOCUMENT,
        f"[P] min(6, 6R / 50 %); {_ZERO_DOC}",
    ),
    IndicatorRow(
        "3.5",
        _V22,
        "3b",
        "TTHC có nghĩa vụ tài chính được tích hợp thanh toán trực tuyến",
        "Fee-bearing procedures integrated with online payment",
        "TTHC with at least one dossier carrying synced fee data in the period",
        "TTHC with fee information in the CSDL TTHC",
        P(2),
        "capped",
        _PCT80,
        "zero",
        _FORMULA_DOCUMENT,
        f"[P] min(2, 2R / 80 %); {_ZERO_PAYMENT}",
    ),
    IndicatorRow(
        "3.5b",
        _V22,
        "3b",
        "TTHC có giao dịch thanh toán trực tuyến",
        "Procedures with an online payment transaction",
        "TTHC with a successful online payment",
        "TTHC with fee-bearing dossiers",
        P(2),
        "capped",
        _PCT80,
        "zero",
        _FORMULA_DOCUMENT,
        f"[P] min(2, 2R / 80 %); the 2+2+6 split was reconciled with the API; {_ZERO_PAYMENT}",
    ),
    IndicatorRow(
        "3.6",
        _V22,
        "3b",
        "Tỷ lệ hồ sơ thanh toán trực tuyến",
        "Dossiers paid online",
        "dossiers paid online (DuocThanhToanTrucTuyen = 1 or 2) in the period",
        "dossiers of fee-bearing TTHC minus dossiers whose every fee line is 0",
        P(6),
        "proportional",
        None,
        "zero",
        _FORMULA_DOCUMENT,
        f"[P] 6 x R; {_ZERO_PAYMENT}",
    ),
    IndicatorRow(
        "4.1",
        _V22,
        "4",
        "Tỷ lệ hồ sơ có cấp kết quả giải quyết điện tử",
        "Dossiers with an electronic result",
        "dossiers whose synced result has a result file, for TTHC returning a written result",
        "dossiers of TTHC returning a written result",
        P(6),
        "proportional",
        None,
        "not_applicable",
        _FORMULA_DOCUMENT,
        f"[P] 6 x R; {_ZERO_DOC}",
    ),
    IndicatorRow(
        "4.2",
        _V22,
        "4",
        "Tỷ lệ hồ sơ thực hiện số hóa hồ sơ",
        "Dossiers digitised",
        "dossiers with files attached to their components and an electronic result when required",
        "all dossiers under the unit's authority",
        P(4),
        "proportional",
        None,
        "not_applicable",
        _FORMULA_DOCUMENT,
        "[P] the API behaves as 4 x R; the formula document says full marks from 80 % "
        f"(unresolved: set a target of 80 % to follow the document) [U]; {_ZERO_DOC}",
    ),
    IndicatorRow(
        "4.x",
        _V22,
        "4",
        "Tỷ lệ cung cấp dịch vụ chứng thực bản sao điện tử từ bản chính",
        "Communes offering electronic certified copies",
        "communes offering electronic certified copies from originals",
        "all communes managed (a ratio of units, not of dossiers)",
        P(2),
        "proportional",
        None,
        "not_applicable",
        _FORMULA_DOCUMENT,
        "[P] 2 x R; unnumbered in the sources (METRICS STT 13); probably added by portal "
        f"guidance after 2022 [M]; {_ZERO_DOC}",
    ),
    IndicatorRow(
        "4.3",
        _V22,
        "4",
        "Tỷ lệ khai thác, sử dụng lại dữ liệu số hóa",
        "Reuse of digitised data",
        "dossiers with at least one component flagged as reused",
        "dossiers with a receipt date in the period",
        P(2),
        "capped",
        _PCT80,
        "not_applicable",
        _FORMULA_DOCUMENT,
        f"[P] min(2, 2R / 80 %): the only digitisation metric with the cap on the API; {_ZERO_DOC}",
    ),
    IndicatorRow(
        "4.4",
        _V22,
        "4",
        "Tỷ lệ hồ sơ số hóa có kết nối, chia sẻ để tái sử dụng",
        "Digitised dossiers shared for reuse",
        "dossiers with a file taken from the personal store or an e-result synced to it",
        "dossiers with a receipt date in the period",
        P(4),
        "proportional",
        None,
        "not_applicable",
        _FORMULA_DOCUMENT,
        f"[P] 4 x R; {_ZERO_DOC}",
    ),
    IndicatorRow(
        "4.5a",
        _V22,
        "4",
        "Tỷ lệ TTHC triển khai kết nối dữ liệu dân cư",
        "Procedures connected to the population database",
        "TTHC with dossiers using VNeID authentication, the personal store or a population "
        "database record",
        "TTHC whose target group is citizens",
        P(2),
        "proportional",
        None,
        "not_applicable",
        _FORMULA_DOCUMENT,
        f"[P] 2 x R; {_ZERO_DOC}",
    ),
    IndicatorRow(
        "4.5b",
        _V22,
        "4",
        "Tỷ lệ hồ sơ sử dụng dữ liệu dân cư",
        "Dossiers using population data",
        "dossiers with any of the 4.5a flags",
        "all dossiers",
        P(2),
        "proportional",
        None,
        "not_applicable",
        _FORMULA_DOCUMENT,
        f"[P] 2 x R; {_ZERO_DOC}",
    ),
    IndicatorRow(
        "5.1",
        _V22,
        "5",
        "Tỷ lệ phản ánh, kiến nghị theo phân loại",
        "Feedback by category",
        "feedback (PAKN) about regulations and TTHC, or about officials' conduct",
        "all feedback in the period",
        P(0),
        "monitoring",
        None,
        "not_applicable",
        _FORMULA_DOCUMENT,
        "[P] monitoring only, 0 points",
    ),
    IndicatorRow(
        "5.2",
        _V22,
        "5",
        "Tỷ lệ phản ánh, kiến nghị xử lý đúng hạn",
        "Feedback handled on time",
        "feedback handled on time plus feedback in progress within its deadline",
        "feedback received or handled in the period",
        P(6),
        "proportional",
        None,
        "full_marks",
        _FORMULA_DOCUMENT,
        "[P] 6 x R (492 observations); no feedback -> 6 (the API); the METRICS sheet splits "
        "the points instead, with the same net effect",
    ),
    IndicatorRow(
        "5.3",
        _V22,
        "5",
        "Tỷ lệ hài lòng trong xử lý phản ánh, kiến nghị",
        "Satisfaction with feedback handling",
        "feedback minus that marked unsatisfied, followed by a complaint, or handled late",
        "feedback first received in the period",
        P(6),
        "proportional",
        None,
        "full_marks",
        _FORMULA_DOCUMENT,
        "[P] 6 x R (492 observations); no feedback -> 6",
    ),
    IndicatorRow(
        "5.4",
        _V22,
        "5",
        "Tỷ lệ hài lòng trong tiếp nhận, giải quyết TTHC",
        "Satisfaction with receipt and handling of procedures",
        "dossiers minus those rated unsatisfied, with feedback about their handling, or "
        "overdue (portal: 100 % - (overdue rate + rate with feedback or dislike))",
        "dossiers under the unit's authority",
        P(6),
        "capped",
        _PCT90,
        "zero",
        _FORMULA_DOCUMENT,
        "[P] min(6, 6R / 90 %); zero denominator -> 0; [S] press: up to 6 points if the "
        "NQ 76/NQ-CP targets are met",
    ),
    # -- v2025: the METRICS sheet's 2025-26 wording ----------------------------------------------
    IndicatorRow(
        "1.1",
        _V25,
        "1",
        "Tỷ lệ thủ tục hành chính công bố đúng hạn",
        "Procedures published on time",
        "TTHC published on time",
        "TTHC that had to be published in the period",
        P(6),
        "proportional",
        None,
        "not_applicable",
        _METRICS_SHEET,
        "[P] METRICS STT 1; max 6; family as v2022 [U]; zero denominator: not scored, as v2022 [U]",
    ),
    IndicatorRow(
        "1.2",
        _V25,
        "1",
        "Tỷ lệ thủ tục hành chính được cập nhật, công khai đúng hạn",
        "Procedures updated and made public on time",
        "TTHC updated and made public on CSDLQG on time",
        "TTHC that had to be updated and made public in the period",
        P(4),
        "proportional",
        None,
        "not_applicable",
        _METRICS_SHEET,
        "[P] METRICS STT 2; max 4; family as v2022 [U]; zero denominator: not scored, as v2022 [U]",
    ),
    IndicatorRow(
        "1.3",
        _V25,
        "1",
        "Tỷ lệ chất lượng dữ liệu TTHC được công bố, công khai",
        "Quality of published procedure data",
        "TTHC published or made public as the legal texts require",
        "TTHC published or made public in the period",
        P(2),
        "proportional",
        None,
        "not_applicable",
        _METRICS_SHEET,
        "[P] METRICS STT 3; max 2; family as v2022 [U]; zero denominator: not scored, as v2022 [U]",
    ),
    IndicatorRow(
        "1.4",
        _V25,
        "1",
        "Tỷ lệ hồ sơ được đồng bộ trạng thái theo thời gian thực với Cổng Dịch vụ công quốc gia",
        "Dossiers synchronised in real time",
        "dossiers whose every processing step was synchronised on time",
        "dossiers received, in progress or returned in the period",
        P(6),
        "proportional",
        None,
        "zero",
        _METRICS_SHEET,
        "[P] METRICS STT 4; max 6; family as v2022 [U]",
    ),
    IndicatorRow(
        "2.1",
        _V25,
        "2",
        "Tỷ lệ hồ sơ xử lý đúng hạn (trước hạn, đúng hạn)",
        "Dossiers handled early or on time",
        "dossiers processed or in progress that are early, on time or within the deadline "
        "(also shown split: completed on time / completed; within / in progress)",
        "dossiers received and processed in the period",
        P(20),
        "proportional",
        None,
        "not_applicable",
        _METRICS_SHEET,
        "[P] METRICS STT 5; max 20; family as v2022 [U]; zero denominator: not scored, as v2022 [U]",
    ),
    IndicatorRow(
        "m6",
        _V25,
        "3a",
        "Tỷ lệ hồ sơ dịch vụ công trực tuyến toàn trình trên tổng số hồ sơ thủ tục hành chính "
        "đủ điều kiện cung cấp toàn trình",
        "Full online dossiers among dossiers of eligible procedures",
        "dossiers handled as a full online service",
        "dossiers received of TTHC eligible for a full online service",
        P(12),
        "proportional",
        None,
        "not_applicable",
        _METRICS_SHEET,
        "[P] METRICS STT 6; max 12 (conflicts with the 2+4+6 split the API still scores); family unknown, "
        "proportional by default [U]; zero denominator: not scored, as v2022 [U]",
    ),
    IndicatorRow(
        "3.1",
        _V25,
        "3a",
        "Tỷ lệ thủ tục hành chính thuộc phạm vi quản lý cung cấp dịch vụ công trực tuyến",
        "Procedures offered as online public services",
        "TTHC offered as a full online service on the national portal",
        "TTHC eligible for a full online service declared on CSDLQG",
        None,
        "monitoring",
        None,
        "not_applicable",
        _METRICS_SHEET,
        "[P] METRICS STT 7; no maximum declared",
    ),
    IndicatorRow(
        "m8",
        _V25,
        "3a",
        "Tỷ lệ TTHC thuộc phạm vi quản lý được cung cấp dịch vụ công trực tuyến chủ động "
        "(phân loại theo từng mức độ)",
        "Procedures offered as proactive online services, by level",
        "TTHC offered as an online service",
        "eligible TTHC under the unit's authority",
        None,
        "monitoring",
        None,
        "not_applicable",
        _METRICS_SHEET,
        "[P] METRICS STT 8; no maximum declared",
    ),
    IndicatorRow(
        "m9",
        _V25,
        "3a",
        "Tỷ lệ hồ sơ dịch vụ công chủ động (phân loại theo từng mức độ)",
        "Proactive online service dossiers, by level",
        "TTHC offered as a proactive online service (by level)",
        "TTHC eligible for a proactive online service (by level)",
        None,
        "monitoring",
        None,
        "not_applicable",
        _METRICS_SHEET,
        "[P] METRICS STT 9; no maximum declared",
    ),
    IndicatorRow(
        "3.3",
        _V25,
        "3a",
        "Tỷ lệ hồ sơ theo hình thức nộp",
        "Dossiers by filing channel",
        "dossiers received online (companion rates: in person or no channel; by post)",
        "dossiers received in the period",
        None,
        "monitoring",
        None,
        "not_applicable",
        _METRICS_SHEET,
        "[P] METRICS STT 10; no maximum declared",
    ),
    IndicatorRow(
        "3.6",
        _V25,
        "3b",
        "Tỷ lệ hồ sơ thanh toán trực tuyến",
        "Dossiers paid online",
        "dossiers whose fees and other financial obligations were paid online",
        "dossiers of TTHC with fee information in CSDLQG",
        P(10),
        "proportional",
        None,
        "zero",
        _METRICS_SHEET,
        "[P] METRICS STT 24; max 10 (v2022 split it 2+2+6); proportional by default [U]",
    ),
    IndicatorRow(
        "4.1",
        _V25,
        "4",
        "Tỷ lệ hồ sơ thủ tục hành chính có cấp kết quả giải quyết thủ tục hành chính điện tử",
        "Dossiers with an electronic result",
        "dossiers with a legally valid electronic result",
        "dossiers completed and returned, of TTHC returning a written result",
        P(6),
        "proportional",
        None,
        "not_applicable",
        _METRICS_SHEET,
        "[P] METRICS STT 11; max 6; family as v2022 [U]; zero denominator: not scored, as v2022 [U]",
    ),
    IndicatorRow(
        "4.2",
        _V25,
        "4",
        "Tỷ lệ hồ sơ thủ tục hành chính thực hiện số hóa thành phần hồ sơ",
        "Dossiers digitised",
        "dossiers digitised and linked to the applicant's dossier store on the national portal",
        "dossiers under the unit's authority",
        P(4),
        "proportional",
        None,
        "not_applicable",
        _METRICS_SHEET,
        "[P] METRICS STT 12; max 4; family as v2022 [U]; zero denominator: not scored, as v2022 [U]",
    ),
    IndicatorRow(
        "4.x",
        _V25,
        "4",
        "Tỷ lệ cung cấp dịch vụ chứng thực bản sao điện tử từ bản chính",
        "Communes offering electronic certified copies",
        "communes offering electronic certified copies from originals",
        "communes under the unit's authority",
        P(2),
        "proportional",
        None,
        "not_applicable",
        _METRICS_SHEET,
        "[P] METRICS STT 13; max 2; family as v2022 [U]; zero denominator: not scored, as v2022 [U]",
    ),
    IndicatorRow(
        "4.3",
        _V25,
        "4",
        "Tỷ lệ hồ sơ thủ tục hành chính có thành phần hồ sơ được cắt giảm, thay thế dựa trên "
        "dữ liệu",
        "Dossiers with components cut or substituted by data",
        "dossiers with a component cut or substituted by data",
        "dossiers of TTHC whose published components may be cut or substituted",
        P(2),
        "capped",
        _PCT80,
        "not_applicable",
        _METRICS_SHEET,
        "[P] METRICS STT 14; max 2; family as v2022 [U]; zero denominator: not scored, as v2022 [U]",
    ),
    IndicatorRow(
        "4.4",
        _V25,
        "4",
        "Tỷ lệ hồ sơ TTHC được số hóa có kết nối, chia sẻ dữ liệu phục vụ tái sử dụng",
        "Digitised dossiers shared for reuse",
        "dossiers with a component fully substituted by data",
        "TTHC whose components may be fully substituted by data from national databases",
        P(4),
        "proportional",
        None,
        "not_applicable",
        _METRICS_SHEET,
        "[P] METRICS STT 15; max 4; family as v2022 [U]; zero denominator: not scored, as v2022 [U]",
    ),
    IndicatorRow(
        "4.5b",
        _V25,
        "4",
        "Tỷ lệ hồ sơ TTHC có sử dụng thông tin, dữ liệu dân cư",
        "Dossiers using population data",
        "TTHC re-engineered to reuse data",
        "TTHC with components that may reuse data",
        P(2),
        "proportional",
        None,
        "not_applicable",
        _METRICS_SHEET,
        "[P] METRICS STT 16; max 2; province only; family as v2022 [U]; zero denominator: not scored, as v2022 [U]",
    ),
    IndicatorRow(
        "4.5a",
        _V25,
        "4",
        "Tỷ lệ TTHC triển khai kết nối, chia sẻ dữ liệu dân cư phục vụ giải quyết TTHC",
        "Procedures connected to population data",
        "TTHC whose data fields are mapped to the shared data dictionary",
        "TTHC under the unit's authority",
        P(2),
        "proportional",
        None,
        "not_applicable",
        _METRICS_SHEET,
        "[P] METRICS STT 17; max 2; province only; family as v2022 [U]; zero denominator: not scored, as v2022 [U]",
    ),
    IndicatorRow(
        "m18",
        _V25,
        "5",
        "Mức độ hài lòng về kết quả cắt giảm, phân cấp, đơn giản hóa TTHC",
        "Satisfaction with cutting, decentralising and simplifying procedures",
        "not defined by the sheet",
        "not defined by the sheet",
        None,
        "monitoring",
        None,
        "not_applicable",
        _METRICS_SHEET,
        "[P] METRICS STT 18; no formula and no maximum declared",
    ),
    IndicatorRow(
        "5.1",
        _V25,
        "5",
        "Tỷ lệ TTHC được tham vấn ý kiến đối tượng chịu tác động trong xây dựng, ban hành và "
        "rà soát TTHC",
        "Procedures consulted with those affected",
        "TTHC consulted with those affected",
        "TTHC that had to be consulted",
        P(0),
        "monitoring",
        None,
        "not_applicable",
        _METRICS_SHEET,
        "[P] METRICS STT 19; 0 points",
    ),
    IndicatorRow(
        "m20",
        _V25,
        "5",
        "Mức độ hài lòng trong thực hiện TTHC",
        "Satisfaction in carrying out procedures",
        "not defined by the sheet",
        "not defined by the sheet",
        P(0),
        "monitoring",
        None,
        "not_applicable",
        _METRICS_SHEET,
        "[P] METRICS STT 20; 0 points",
    ),
    IndicatorRow(
        "5.2",
        _V25,
        "5",
        "Tỷ lệ phản ánh, kiến nghị xử lý đúng hạn",
        "Feedback handled on time",
        "feedback handled early or on time plus feedback in progress within its deadline",
        "feedback under the unit's authority",
        P(6),
        "proportional",
        None,
        "full_marks",
        _METRICS_SHEET,
        "[P] METRICS STT 21; max 6; no feedback -> full marks [P]",
    ),
    IndicatorRow(
        "5.3",
        _V25,
        "5",
        "Tỷ lệ hài lòng trong xử lý phản ánh, kiến nghị",
        "Satisfaction with feedback handling",
        "feedback minus that marked unsatisfied, followed by a complaint, or handled late",
        "feedback handled",
        P(6),
        "proportional",
        None,
        "full_marks",
        _METRICS_SHEET,
        "[P] METRICS STT 22; max 6; the sheet: with no feedback the points are split between 5.2 and 5.4; "
        "tthc gives full marks to 5.2 and 5.3 as the API does (same net effect)",
    ),
    IndicatorRow(
        "5.4",
        _V25,
        "5",
        "Tỷ lệ hài lòng trong tiếp nhận, giải quyết thủ tục hành chính",
        "Satisfaction with receipt and handling of procedures",
        "dossiers minus those rated unsatisfied, with feedback about their handling, or "
        "handled late",
        "dossiers received and handled under the unit's authority",
        P(6),
        "capped",
        _PCT90,
        "zero",
        _METRICS_SHEET,
        "[P] METRICS STT 23; max 6; family as v2022 [U]",
    ),
)

_BANDS_SOURCE = attrs.evolve(
    QD_766_2022_QD_TTG.at("xếp loại kết quả (chưa xác minh)"), confidence=Confidence.UNCONFIRMED
)
_BANDS_NOTE = (
    "[M] working hypothesis: Lâm Đồng Q2/2024 (98,63 xuất sắc; 83,61 tốt) and Quảng Nam 2023 "
    "(67,9 'trung bình khá'); verify against the decision"
)

BANDS: tuple[BandRow, ...] = (
    BandRow("xuat_sac", "Xuất sắc", "Excellent", P(90), _BANDS_SOURCE, _BANDS_NOTE),
    BandRow("tot", "Tốt", "Good", P(80), _BANDS_SOURCE, _BANDS_NOTE),
    BandRow("kha", "Khá", "Fair", P(70), _BANDS_SOURCE, _BANDS_NOTE),
    BandRow("trung_binh", "Trung bình", "Average", P(50), _BANDS_SOURCE, _BANDS_NOTE),
    BandRow("yeu", "Yếu", "Weak", P(0), _BANDS_SOURCE, _BANDS_NOTE),
)

_API = attrs.evolve(
    QD_766_2022_QD_TTG.at(
        "điểm công bố trên Cổng DVCQG (dichvucong.gov.vn/danh-gia-chat-luong-phuc-vu, API "
        "/api/v1/reporting/evaluation)"
    ),
    confidence=Confidence.SECONDARY,
)

SUMMATION_SOURCE: LegalSource = _API
"""The portal publishes each indicator's points to 2 places (half up) and its group totals
and grand total are the sums of those published values [P]: recomputed on 606 real scores of
one province, month 08/2026 (366 indicator scores agree; 65 of 214 group totals differ by
0,01 when the exact points are added and rounded once instead)."""

PORTAL_SCORING: tuple[PortalRow, ...] = (
    PortalRow(
        _V22,
        date(2022, 6, 23),
        None,
        _API,
        "[P] the API scores the 2+4+6 online split and the 2+2+6 payment split of v2022; still "
        "observed on real scores of 08/2026 (v2025's single 10-point payment row reproduces "
        "10 of 201 payment-group scores); no end date known",
    ),
)
