"""Statutory rules for years without a verified official schedule (provisional years).

Each row of ``HOLIDAY_ERAS`` is a statute's holiday list, applied to holidays falling on or
after ``valid_from``: ``(valid_from, fixed (month, day, name), Tết days, Giỗ Tổ?, Quốc khánh
days, source)``. ``WEEKLY_REST`` gives the weekly rest days of state bodies (ISO weekday
numbers, Monday = 1). Compensation (nghỉ bù) for a holiday on a weekly rest day comes from
``COMPENSATION``. Research: legal-rules.md §2.1, §7.1, §8.2-§8.3.

What the statutes leave to the Prime Minister each year (which days around Tết, which day
next to 2 September) is not law; tthc's provisional answer for them is a heuristic. Its
placement of Tết reproduces the published schedules of 2010-2026 (``TET_SATURDAY_BEFORE_FROM``;
tests/test_data.py checks each year) and the day next to 2 September those of 2021-2026; it
claims nothing for other years, and it is flagged as provisional wherever it is used.
"""

from __future__ import annotations

from datetime import date

from tthc._data.sources import (
    BLLD_1994,
    BLLD_2012,
    BLLD_2019,
    CULTURE_DAY_WEEKEND_RULE,
    LAW_84_2007_QH11,
    NQ_28_2026_QH16,
    QD_188_1999_QD_TTG,
)
from tthc.legal import LegalSource

__all__ = [
    "COMPENSATION",
    "CULTURE_DAY",
    "CULTURE_DAY_COMPENSATION",
    "FIRST_SUPPORTED",
    "HOLIDAY_ERAS",
    "LAST_SUPPORTED",
    "TET_SATURDAY_BEFORE_FROM",
    "WEEKLY_REST",
]

FIRST_SUPPORTED = date(1995, 1, 1)
"""Labor Code 1994 takes effect: the oldest holiday list tthc encodes."""
LAST_SUPPORTED = date(2100, 12, 31)
"""The lunar tables of the ``holidays`` package end with 2100."""

_FIXED_1994 = (
    (1, 1, "Tết Dương lịch"),
    (4, 30, "Ngày Chiến thắng"),
    (5, 1, "Ngày Quốc tế Lao động"),
    (9, 2, "Quốc khánh"),
)

HOLIDAY_ERAS: tuple[
    tuple[date, tuple[tuple[int, int, str], ...], int, bool, int, LegalSource], ...
] = (
    (date(1995, 1, 1), _FIXED_1994, 4, False, 1, BLLD_1994.at("Điều 73")),
    # Giỗ Tổ Hùng Vương (10/3 âm lịch) added in 2007; the amendment's in-force date is recalled.
    (date(2007, 1, 1), _FIXED_1994, 4, True, 1, LAW_84_2007_QH11),
    # Tết becomes 5 days.
    (date(2013, 5, 1), _FIXED_1994, 5, True, 1, BLLD_2012.at("Điều 115 khoản 1")),
    # Quốc khánh becomes 2 days (2/9 and one adjacent day).
    (date(2021, 1, 1), _FIXED_1994, 5, True, 2, BLLD_2019.at("Điều 112 khoản 1")),
)

TET_SATURDAY_BEFORE_FROM = 2015
"""First year whose Tết schedule moved a Tết day on a Saturday to the working day *before*.

Not law: which days around Tết are given is the Prime Minister's yearly choice (Bộ luật Lao
động 2012 Điều 115 khoản 1, 2019 Điều 112 khoản 3). The published schedules of 2015-2026 all
read as "a Saturday day moves before, a Sunday day after"; those of 2010-2014 as "every Tết
day on a rest day is compensated after it" (e.g. 2013: Friday 08/02 worked, Thursday 14/02
off; 2014: Wednesday 05/02 off). The provisional calendar uses the newer reading from 2015
and the older one before; tests/test_data.py checks both against 2010-2026.
"""

COMPENSATION: tuple[tuple[date, LegalSource], ...] = (
    (date(1995, 1, 1), BLLD_1994.at("Điều 73")),
    (date(2013, 5, 1), BLLD_2012.at("Điều 115 khoản 3")),
    (date(2021, 1, 1), BLLD_2019.at("Điều 111 khoản 3")),
)

WEEKLY_REST: tuple[tuple[date, frozenset[int], LegalSource], ...] = (
    # 48-hour week: Sunday rest.
    (
        date(1995, 1, 1),
        frozenset({7}),
        BLLD_1994.at("Điều 72"),
    ),
    # 40-hour week for state bodies: Saturday and Sunday rest. In-force date recalled [M].
    (
        date(1999, 10, 2),
        frozenset({6, 7}),
        QD_188_1999_QD_TTG.at("Điều 1"),
    ),
)

CULTURE_DAY: tuple[int, int, str, date, LegalSource] = (
    11,
    24,
    "Ngày Văn hóa Việt Nam",
    date(2026, 7, 1),
    NQ_28_2026_QH16.at("Điều 2"),
)
"""24/11, a day off every year from 2026 (Nghị quyết 28/2026/QH16 Điều 2, in force 01/07/2026).

It is not in Bộ luật Lao động 2019 Điều 112 khoản 1, so whether a 24/11 that falls on a weekly
rest day gives a nghỉ bù (Điều 111 khoản 3) is open: see ``CULTURE_DAY_COMPENSATION``.
"""

CULTURE_DAY_COMPENSATION: LegalSource = CULTURE_DAY_WEEKEND_RULE
"""The unconfirmed basis of a nghỉ bù for 24/11 on a weekend (opt-in calendar policy)."""
