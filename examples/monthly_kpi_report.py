"""Biểu số 06 (Thông tư 01/2020/TT-VPCP) for one month, from plain records, in Vietnamese.

A district's three one-stop units export one line per dossier (received, channel, due,
completed, outcome). This script builds the monthly report per unit and for the district,
checks the form's identities and the carry-over from February, and prints the table with the
on-time rates that reports quote (V1, the resolved basis; V3, QĐ 766 indicator 2.1).

Run: ``python examples/monthly_kpi_report.py``
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from decimal import Decimal
from fractions import Fraction

from tthc import TimeLimit, due
from tthc.calendar import VIETNAM_TZ
from tthc.catalog import Channel
from tthc.kpi import (
    Outcome,
    Period,
    Record,
    Report06,
    on_time_rate_766_progress,
    on_time_rate_resolved_basis,
    report06,
    report06_by,
    round_percent,
)

UNITS = ("Bộ phận Một cửa huyện", "UBND xã Đông Hòa", "UBND xã Tây Sơn")
LIMITS = (TimeLimit.working_days(3), TimeLimit.working_days(10), TimeLimit.same_day())


def records(seed: int = 2025) -> list[Record]:
    """About 600 dossiers received from mid-January to the end of March 2025."""
    rng = random.Random(seed)
    out = []
    start = datetime(2025, 1, 15, 7, 30, tzinfo=VIETNAM_TZ)
    for _ in range(600):
        received = start + timedelta(days=rng.randrange(75), minutes=rng.randrange(8 * 60))
        d = due(received, rng.choice(LIMITS))
        roll = rng.random()
        done: datetime | None = received + (d.at - received) * rng.uniform(0.2, 1.1)
        outcome = Outcome.RESOLVED
        if roll < 0.03:
            outcome = Outcome.WITHDRAWN
        elif roll < 0.05:
            outcome = Outcome.REFUSED
        elif roll < 0.12:
            outcome, done = Outcome.PENDING, None
        out.append(
            Record(
                rng.choice(UNITS),
                received,
                rng.choice((Channel.ONLINE, Channel.IN_PERSON, Channel.POSTAL)),
                due_at=d.at,
                completed_at=done,
                outcome=outcome,
            )
        )
    return out


def so(n: int) -> str:
    """A count in Vietnamese notation: "." groups thousands (4.797)."""
    return f"{n:,}".replace(",", ".")


def phan_tram(rate: Fraction | None) -> str:
    """A rate as Vietnamese reports print it: 2 decimals, half up, "," as decimal mark."""
    value: Decimal | None = round_percent(rate)
    return "không có dữ liệu" if value is None else f"{value}".replace(".", ",") + " %"


HEADERS = ("(3)", "(4)", "(5)", "(6)", "(7)", "(8)", "(9)", "(10)", "(11)", "(12)", "(13)", "Rút")


def row(name: str, r: Report06) -> str:
    counts = [r.column(n) for n in range(3, 14)] + [r.withdrawn]
    return f"{name:24}" + "".join(f"{so(c):>6}" for c in counts)


def main() -> None:
    data = records()
    march = Period.parse("2025-03")
    per_unit = report06_by(data, march, by=("agency",))
    district = report06(data, march)

    # The form's identities hold (checked by Report06 itself) and the parts add up.
    assert sum(per_unit.values()) == district
    assert district.received_total == (
        district.resolved_total + district.pending_total + district.withdrawn
    )
    # What February left pending is what March carries over.
    february = report06(data, Period.parse("2025-02"))
    assert district.carried_over == february.pending_total

    print("Biểu số 06/VPCP/KSTT - TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT TTHC")
    print(
        f"Kỳ báo cáo: {march.label_vi} (từ ngày {march.start:%d/%m/%Y} đến ngày {march.end:%d/%m/%Y})"
    )
    print("Đơn vị tính: Số hồ sơ TTHC")
    print()
    print("(3) tổng số nhận; (4) trực tuyến; (5) trực tiếp, bưu chính; (6) từ kỳ trước;")
    print("(7) đã giải quyết; (8) trước hạn; (9) đúng hạn; (10) quá hạn;")
    print("(11) đang giải quyết; (12) trong hạn; (13) quá hạn; Rút: hồ sơ rút (ngoài cột 7)")
    print(f"{'Đơn vị':24}" + "".join(f"{h:>6}" for h in HEADERS))
    for (unit,), r in per_unit.items():
        print(row(unit, r))
    print(row("Tổng cộng", district))
    print()
    v1 = on_time_rate_resolved_basis(district)
    v3 = on_time_rate_766_progress(district)
    print(f"Tỷ lệ giải quyết trước hạn, đúng hạn (trên số đã giải quyết): {phan_tram(v1)}")
    print(f"Tỷ lệ xử lý trước hạn, đúng hạn (chỉ số 2.1, QĐ 766/QĐ-TTg): {phan_tram(v3)}")
    assert v1 is not None
    assert v3 is not None
    assert 0 < v3 <= 1


if __name__ == "__main__":
    main()
