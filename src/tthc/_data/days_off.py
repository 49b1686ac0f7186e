"""Official days off and make-up Saturdays of state bodies, 2019-2026 (verified years).

Each row: ``(day, kind, Vietnamese name, source, note)``. ``kind`` is one of

- ``"holiday"``: a statutory holiday or Tết day (ngày lễ, tết) falling on a weekday;
- ``"compensatory"``: nghỉ bù for a holiday that fell on a weekly rest day
  (Labor Code 2012 art. 115(3); Labor Code 2019 art. 111(3));
- ``"swapped"``: a weekday given off by the Government's yearly swap (ngày nghỉ hoán đổi);
- ``"make_up"``: a Saturday worked in exchange (ngày làm bù).

Only weekdays off and worked Saturdays are listed: a holiday on a Saturday or Sunday changes
nothing by itself (its nghỉ bù is listed). Where the yearly decision's number was not found,
the row cites a source named for the schedule ("Lịch nghỉ ...") whose title says so and
whose confidence is not ``verified``; the calendar then gives the day the status
``source_unconfirmed`` instead of ``verified``.

Add a row only after reading the cited decision, and widen ``VERIFIED_YEARS`` in the same
commit; ``tests/test_data.py`` checks every row and every verified year day by day.
"""

from __future__ import annotations

from datetime import date

from tthc._data.sources import (
    BLLD_2012,
    BLLD_2019,
    CULTURE_DAY_SWAP_2026_PROPOSAL,
    CV_245_VPCP_KGVX_2022,
    CV_2450_VPCP_KGVX_2024,
    CV_6519_VPCP_KGVX_2018,
    CV_8056_VPCP_KGVX_2022,
    CV_8726_VPCP_KGVX_2024,
    CV_12729_VPCP_KGVX_2025,
    NQ_28_2026_QH16,
    SCHEDULE_QK_2022,
    SCHEDULE_QK_2025,
    SCHEDULE_TET_2020,
    TB_4875_TB_LDTBXH_2020,
    TB_5015_TB_LDTBXH_2023,
    TB_6150_TB_LDTBXH_2024,
    TB_9441_TB_BNV_2025,
)
from tthc.legal import LegalSource

__all__ = ["OFFICIAL_DAYS", "PENDING_DAYS", "VERIFIED_YEARS"]

VERIFIED_YEARS = range(2019, 2027)

_LC12_115 = BLLD_2012.at("Điều 115")
_LC12_115_3 = BLLD_2012.at("Điều 115 khoản 3")
_LC19_112 = BLLD_2019.at("Điều 112 khoản 1")
_LC19_111_3 = BLLD_2019.at("Điều 111 khoản 3")

OFFICIAL_DAYS: tuple[tuple[date, str, str, LegalSource, str], ...] = (
    # 2019 (Labor Code 2012: 10 holidays, Tết 5 days, Quốc khánh 1 day)
    (
        date(2018, 12, 31),
        "swapped",
        "Nghỉ hoán đổi dịp Tết Dương lịch 2019",
        CV_6519_VPCP_KGVX_2018,
        "worked on Sat 05/01/2019",
    ),
    (date(2019, 1, 1), "holiday", "Tết Dương lịch", _LC12_115, ""),
    (date(2019, 1, 5), "make_up", "Làm bù cho thứ Hai 31/12/2018", CV_6519_VPCP_KGVX_2018, ""),
    (date(2019, 2, 4), "holiday", "Tết Nguyên đán (30 tháng Chạp)", CV_6519_VPCP_KGVX_2018, ""),
    (date(2019, 2, 5), "holiday", "Tết Nguyên đán (mùng 1)", CV_6519_VPCP_KGVX_2018, ""),
    (date(2019, 2, 6), "holiday", "Tết Nguyên đán (mùng 2)", CV_6519_VPCP_KGVX_2018, ""),
    (date(2019, 2, 7), "holiday", "Tết Nguyên đán (mùng 3)", CV_6519_VPCP_KGVX_2018, ""),
    (date(2019, 2, 8), "holiday", "Tết Nguyên đán (mùng 4)", CV_6519_VPCP_KGVX_2018, ""),
    (
        date(2019, 4, 15),
        "compensatory",
        "Nghỉ bù Giỗ Tổ Hùng Vương (Chủ nhật 14/4)",
        _LC12_115_3,
        "",
    ),
    (
        date(2019, 4, 29),
        "swapped",
        "Nghỉ hoán đổi dịp 30/4-1/5",
        CV_6519_VPCP_KGVX_2018,
        "worked on Sat 04/05/2019",
    ),
    (date(2019, 4, 30), "holiday", "Ngày Chiến thắng", _LC12_115, ""),
    (date(2019, 5, 1), "holiday", "Ngày Quốc tế Lao động", _LC12_115, ""),
    (date(2019, 5, 4), "make_up", "Làm bù cho thứ Hai 29/4", CV_6519_VPCP_KGVX_2018, ""),
    (date(2019, 9, 2), "holiday", "Quốc khánh", _LC12_115, ""),
    # 2020
    (date(2020, 1, 1), "holiday", "Tết Dương lịch", _LC12_115, ""),
    (date(2020, 1, 23), "holiday", "Tết Nguyên đán (29 tháng Chạp)", SCHEDULE_TET_2020, ""),
    (date(2020, 1, 24), "holiday", "Tết Nguyên đán (30 tháng Chạp)", SCHEDULE_TET_2020, ""),
    (date(2020, 1, 27), "holiday", "Tết Nguyên đán (mùng 3)", SCHEDULE_TET_2020, ""),
    (
        date(2020, 1, 28),
        "compensatory",
        "Nghỉ bù Tết Nguyên đán (mùng 1 thứ Bảy)",
        SCHEDULE_TET_2020,
        "Labor Code 2012 art. 115(3)",
    ),
    (
        date(2020, 1, 29),
        "compensatory",
        "Nghỉ bù Tết Nguyên đán (mùng 2 Chủ nhật)",
        SCHEDULE_TET_2020,
        "Labor Code 2012 art. 115(3)",
    ),
    (date(2020, 4, 2), "holiday", "Giỗ Tổ Hùng Vương", _LC12_115, ""),
    (date(2020, 4, 30), "holiday", "Ngày Chiến thắng", _LC12_115, ""),
    (date(2020, 5, 1), "holiday", "Ngày Quốc tế Lao động", _LC12_115, ""),
    (date(2020, 9, 2), "holiday", "Quốc khánh", _LC12_115, ""),
    # 2021 (Labor Code 2019 in force: 11 holidays, Quốc khánh 2 days)
    (date(2021, 1, 1), "holiday", "Tết Dương lịch", _LC19_112, ""),
    (date(2021, 2, 10), "holiday", "Tết Nguyên đán (29 tháng Chạp)", TB_4875_TB_LDTBXH_2020, ""),
    (date(2021, 2, 11), "holiday", "Tết Nguyên đán (30 tháng Chạp)", TB_4875_TB_LDTBXH_2020, ""),
    (date(2021, 2, 12), "holiday", "Tết Nguyên đán (mùng 1)", TB_4875_TB_LDTBXH_2020, ""),
    (
        date(2021, 2, 15),
        "compensatory",
        "Nghỉ bù Tết Nguyên đán (mùng 2 thứ Bảy)",
        TB_4875_TB_LDTBXH_2020,
        "Labor Code 2019 art. 111(3)",
    ),
    (
        date(2021, 2, 16),
        "compensatory",
        "Nghỉ bù Tết Nguyên đán (mùng 3 Chủ nhật)",
        TB_4875_TB_LDTBXH_2020,
        "Labor Code 2019 art. 111(3)",
    ),
    (date(2021, 4, 21), "holiday", "Giỗ Tổ Hùng Vương", _LC19_112, ""),
    (date(2021, 4, 30), "holiday", "Ngày Chiến thắng", _LC19_112, ""),
    (
        date(2021, 5, 3),
        "compensatory",
        "Nghỉ bù Ngày Quốc tế Lao động (thứ Bảy 1/5)",
        _LC19_111_3,
        "",
    ),
    (date(2021, 9, 2), "holiday", "Quốc khánh", _LC19_112, ""),
    (date(2021, 9, 3), "holiday", "Quốc khánh (ngày liền kề)", TB_4875_TB_LDTBXH_2020, ""),
    # 2022
    (date(2022, 1, 3), "compensatory", "Nghỉ bù Tết Dương lịch (thứ Bảy 1/1)", _LC19_111_3, ""),
    (
        date(2022, 1, 31),
        "holiday",
        "Tết Nguyên đán (29 tháng Chạp, giao thừa)",
        CV_245_VPCP_KGVX_2022,
        "tháng Chạp has 29 days",
    ),
    (date(2022, 2, 1), "holiday", "Tết Nguyên đán (mùng 1)", CV_245_VPCP_KGVX_2022, ""),
    (date(2022, 2, 2), "holiday", "Tết Nguyên đán (mùng 2)", CV_245_VPCP_KGVX_2022, ""),
    (date(2022, 2, 3), "holiday", "Tết Nguyên đán (mùng 3)", CV_245_VPCP_KGVX_2022, ""),
    (date(2022, 2, 4), "holiday", "Tết Nguyên đán (mùng 4)", CV_245_VPCP_KGVX_2022, ""),
    (
        date(2022, 4, 11),
        "compensatory",
        "Nghỉ bù Giỗ Tổ Hùng Vương (Chủ nhật 10/4)",
        _LC19_111_3,
        "",
    ),
    (date(2022, 5, 2), "compensatory", "Nghỉ bù Ngày Chiến thắng (thứ Bảy 30/4)", _LC19_111_3, ""),
    (
        date(2022, 5, 3),
        "compensatory",
        "Nghỉ bù Ngày Quốc tế Lao động (Chủ nhật 1/5)",
        _LC19_111_3,
        "",
    ),
    (date(2022, 9, 1), "holiday", "Quốc khánh (ngày liền kề)", SCHEDULE_QK_2022, ""),
    (date(2022, 9, 2), "holiday", "Quốc khánh", _LC19_112, ""),
    # 2023
    (date(2023, 1, 2), "compensatory", "Nghỉ bù Tết Dương lịch (Chủ nhật 1/1)", _LC19_111_3, ""),
    (date(2023, 1, 20), "holiday", "Tết Nguyên đán (29 tháng Chạp)", CV_8056_VPCP_KGVX_2022, ""),
    (date(2023, 1, 23), "holiday", "Tết Nguyên đán (mùng 2)", CV_8056_VPCP_KGVX_2022, ""),
    (date(2023, 1, 24), "holiday", "Tết Nguyên đán (mùng 3)", CV_8056_VPCP_KGVX_2022, ""),
    (
        date(2023, 1, 25),
        "compensatory",
        "Nghỉ bù Tết Nguyên đán (30 tháng Chạp thứ Bảy)",
        CV_8056_VPCP_KGVX_2022,
        "",
    ),
    (
        date(2023, 1, 26),
        "compensatory",
        "Nghỉ bù Tết Nguyên đán (mùng 1 Chủ nhật)",
        CV_8056_VPCP_KGVX_2022,
        "",
    ),
    (date(2023, 5, 1), "holiday", "Ngày Quốc tế Lao động", _LC19_112, ""),
    (
        date(2023, 5, 2),
        "compensatory",
        "Nghỉ bù Giỗ Tổ Hùng Vương (thứ Bảy 29/4)",
        _LC19_111_3,
        "",
    ),
    (
        date(2023, 5, 3),
        "compensatory",
        "Nghỉ bù Ngày Chiến thắng (Chủ nhật 30/4)",
        _LC19_111_3,
        "",
    ),
    (date(2023, 9, 1), "holiday", "Quốc khánh (ngày liền kề)", CV_8056_VPCP_KGVX_2022, ""),
    (
        date(2023, 9, 4),
        "compensatory",
        "Nghỉ bù Quốc khánh (thứ Bảy 2/9)",
        CV_8056_VPCP_KGVX_2022,
        "",
    ),
    # 2024
    (date(2024, 1, 1), "holiday", "Tết Dương lịch", _LC19_112, ""),
    (date(2024, 2, 8), "holiday", "Tết Nguyên đán (29 tháng Chạp)", TB_5015_TB_LDTBXH_2023, ""),
    (date(2024, 2, 9), "holiday", "Tết Nguyên đán (30 tháng Chạp)", TB_5015_TB_LDTBXH_2023, ""),
    (date(2024, 2, 12), "holiday", "Tết Nguyên đán (mùng 3)", TB_5015_TB_LDTBXH_2023, ""),
    (
        date(2024, 2, 13),
        "compensatory",
        "Nghỉ bù Tết Nguyên đán (mùng 1 thứ Bảy)",
        TB_5015_TB_LDTBXH_2023,
        "Labor Code 2019 art. 111(3)",
    ),
    (
        date(2024, 2, 14),
        "compensatory",
        "Nghỉ bù Tết Nguyên đán (mùng 2 Chủ nhật)",
        TB_5015_TB_LDTBXH_2023,
        "Labor Code 2019 art. 111(3)",
    ),
    (date(2024, 4, 18), "holiday", "Giỗ Tổ Hùng Vương", _LC19_112, ""),
    (
        date(2024, 4, 29),
        "swapped",
        "Nghỉ hoán đổi dịp 30/4-1/5",
        CV_2450_VPCP_KGVX_2024,
        "worked on Sat 04/05/2024",
    ),
    (date(2024, 4, 30), "holiday", "Ngày Chiến thắng", _LC19_112, ""),
    (date(2024, 5, 1), "holiday", "Ngày Quốc tế Lao động", _LC19_112, ""),
    (date(2024, 5, 4), "make_up", "Làm bù cho thứ Hai 29/4", CV_2450_VPCP_KGVX_2024, ""),
    (date(2024, 9, 2), "holiday", "Quốc khánh", _LC19_112, ""),
    (date(2024, 9, 3), "holiday", "Quốc khánh (ngày liền kề)", TB_5015_TB_LDTBXH_2023, ""),
    # 2025
    (date(2025, 1, 1), "holiday", "Tết Dương lịch", _LC19_112, ""),
    (
        date(2025, 1, 27),
        "holiday",
        "Tết Nguyên đán (28 tháng Chạp)",
        CV_8726_VPCP_KGVX_2024,
        "tháng Chạp has 29 days; also 6150/TB-LĐTBXH",
    ),
    (
        date(2025, 1, 28),
        "holiday",
        "Tết Nguyên đán (29 tháng Chạp, giao thừa)",
        TB_6150_TB_LDTBXH_2024,
        "",
    ),
    (date(2025, 1, 29), "holiday", "Tết Nguyên đán (mùng 1)", TB_6150_TB_LDTBXH_2024, ""),
    (date(2025, 1, 30), "holiday", "Tết Nguyên đán (mùng 2)", TB_6150_TB_LDTBXH_2024, ""),
    (date(2025, 1, 31), "holiday", "Tết Nguyên đán (mùng 3)", TB_6150_TB_LDTBXH_2024, ""),
    (date(2025, 4, 7), "holiday", "Giỗ Tổ Hùng Vương", _LC19_112, ""),
    (date(2025, 4, 26), "make_up", "Làm bù cho thứ Sáu 2/5", CV_8726_VPCP_KGVX_2024, ""),
    (date(2025, 4, 30), "holiday", "Ngày Chiến thắng", _LC19_112, ""),
    (date(2025, 5, 1), "holiday", "Ngày Quốc tế Lao động", _LC19_112, ""),
    (
        date(2025, 5, 2),
        "swapped",
        "Nghỉ hoán đổi dịp 30/4-1/5",
        CV_8726_VPCP_KGVX_2024,
        "worked on Sat 26/04/2025",
    ),
    (date(2025, 9, 1), "holiday", "Quốc khánh (ngày liền kề)", SCHEDULE_QK_2025, ""),
    (date(2025, 9, 2), "holiday", "Quốc khánh", _LC19_112, ""),
    # 2026
    (date(2026, 1, 1), "holiday", "Tết Dương lịch", _LC19_112, ""),
    (
        date(2026, 1, 2),
        "swapped",
        "Nghỉ hoán đổi dịp Tết Dương lịch",
        CV_12729_VPCP_KGVX_2025,
        "worked on Sat 10/01/2026; missing from holidays 0.109",
    ),
    (
        date(2026, 1, 10),
        "make_up",
        "Làm bù cho thứ Sáu 2/1",
        CV_12729_VPCP_KGVX_2025,
        "missing from holidays 0.109",
    ),
    (
        date(2026, 2, 16),
        "holiday",
        "Tết Nguyên đán (29 tháng Chạp, giao thừa)",
        TB_9441_TB_BNV_2025,
        "tháng Chạp has 29 days",
    ),
    (date(2026, 2, 17), "holiday", "Tết Nguyên đán (mùng 1)", TB_9441_TB_BNV_2025, ""),
    (date(2026, 2, 18), "holiday", "Tết Nguyên đán (mùng 2)", TB_9441_TB_BNV_2025, ""),
    (date(2026, 2, 19), "holiday", "Tết Nguyên đán (mùng 3)", TB_9441_TB_BNV_2025, ""),
    (date(2026, 2, 20), "holiday", "Tết Nguyên đán (mùng 4)", TB_9441_TB_BNV_2025, ""),
    (
        date(2026, 4, 27),
        "compensatory",
        "Nghỉ bù Giỗ Tổ Hùng Vương (Chủ nhật 26/4)",
        _LC19_111_3,
        "",
    ),
    (date(2026, 4, 30), "holiday", "Ngày Chiến thắng", _LC19_112, ""),
    (date(2026, 5, 1), "holiday", "Ngày Quốc tế Lao động", _LC19_112, ""),
    (
        date(2026, 8, 22),
        "make_up",
        "Làm bù cho thứ Hai 31/8",
        TB_9441_TB_BNV_2025,
        "",
    ),
    (
        date(2026, 8, 31),
        "swapped",
        "Nghỉ hoán đổi dịp Quốc khánh",
        TB_9441_TB_BNV_2025,
        "worked on Sat 22/08/2026",
    ),
    (date(2026, 9, 1), "holiday", "Quốc khánh (ngày liền kề)", TB_9441_TB_BNV_2025, ""),
    (date(2026, 9, 2), "holiday", "Quốc khánh", _LC19_112, ""),
    (
        date(2026, 11, 24),
        "holiday",
        "Ngày Văn hóa Việt Nam",
        NQ_28_2026_QH16.at("Điều 2"),
        "first year: Nghị quyết 28/2026/QH16 in force 01/07/2026",
    ),
)

PENDING_DAYS: tuple[tuple[date, str, str, LegalSource, str], ...] = (
    # The 23/11 <-> 28/11/2026 swap around Ngày Văn hóa Việt Nam was proposed in 09/2026; no
    # decision was found. Applied only by CalendarPolicy.CULTURE_DAY_SWAP_2026.
    (
        date(2026, 11, 23),
        "swapped",
        "Nghỉ hoán đổi dịp Ngày Văn hóa Việt Nam (đề xuất)",
        CULTURE_DAY_SWAP_2026_PROPOSAL,
        "proposal of 09/2026, no decision found; worked on Sat 28/11/2026",
    ),
    (
        date(2026, 11, 28),
        "make_up",
        "Làm bù cho thứ Hai 23/11 (đề xuất)",
        CULTURE_DAY_SWAP_2026_PROPOSAL,
        "proposal of 09/2026, no decision found",
    ),
)
"""Proposed days without a binding act: never applied unless a calendar policy opts in."""
