"""QĐ 766 index scores of one unit, printed in Vietnamese, with tthc.

Run it: ``python examples/index_scores.py``. The unit is a "combined unit" of a
provincial report: a commune one-stop desk (336 dossiers: 11 carried over, 330 resolved
on time, 6 pending within the deadline) plus its inter-agency dossiers (213: 159 carried
over, 83 resolved on time, 130 pending of which 98 overdue). Its Biểu 06 gives indicator 2.1;
the other rates are made-up counts, to show every indicator scored.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from tthc.kpi import Period, Report06, on_time_rate_766_progress, rate
from tthc.reports import format_percent, format_points, render_report06, render_scores
from tthc.scoring import Summation, qd766, rate_1_4, rate_5_4

print("1. Biểu 06 of the unit for 2023 (one-stop + liên thông).")
one_stop = Report06.from_parts(
    Period.parse("2023"), received_in_person=325, carried_over=11, resolved_on_time=330,
    pending_within=6,
)  # fmt: skip
inter_agency = Report06.from_parts(
    Period.parse("2023"), received_in_person=54, carried_over=159, resolved_on_time=83,
    pending_within=32, pending_overdue=98,
)  # fmt: skip
unit = one_stop + inter_agency
assert (unit.received_total, unit.pending_overdue) == (549, 98)
print(render_report06(unit))

print()
print("2. Indicator 2.1: dossiers processed or in progress on time / all dossiers handled.")
on_time = on_time_rate_766_progress(unit)
assert on_time == Fraction(451, 549)
rules = qd766()
print(f"   {format_percent(on_time)} -> {format_points(rules.points('2.1', on_time))} / 20 điểm")
assert format_percent(on_time) == "82,15%"
assert rules.points("2.1", on_time) == Decimal("16.43")

print()
print("3. All indicators (2.1 from the report; the other counts are illustrative).")
rates = {
    "1.1": rate(38, 40),  # TTHC published on time
    "1.2": rate(38, 40),
    "1.3": rate(40, 40),
    "1.4": rate_1_4(522, bcqg=549, dvcqg=540),  # synced / max(BCQG, DVCQG)
    "2.1": on_time,
    "3.1": rate(70, 100),  # TTHC offered online: full marks from 80 %
    "3.2": rate(45, 50),
    "3.3": rate(165, 549),  # online dossiers: full marks from 50 %
    "3.5": rate(20, 20),
    "3.5b": rate(15, 20),
    "3.6": rate(120, 240),
    "4.1": rate(300, 500),
    "4.2": rate(274, 549),
    "4.x": rate(1, 1),
    "4.3": rate(300, 500),  # reuse of digitised data: full marks from 80 %
    "4.4": rate(250, 500),
    "4.5a": rate(10, 10),
    "4.5b": rate(274, 549),
    "5.2": rate(0, 0),  # no feedback at all: full marks
    "5.3": rate(0, 0),
    "5.4": rate_5_4(dossiers=549, overdue=98, with_feedback=0),
}
score = rules.total(rates)
print(render_scores(score))
assert score.complete
assert score.indicator("5.2").points == Decimal("6.00")
# the portal's way (default): each indicator's points rounded, then added; by hand, per group:
# 17,20 + 16,43 + 8,96 + 6,88 + 14,10 + 17,48 = 81,05
assert score.total == Decimal("81.05")
# the exact reading: 17,2049 + 16,4299 + 8,9566 + 6,875 + 14,0945 + 17,4766 = 81,0375 -> 81,04
exact = rules.total(rates, summation=Summation.EXACT)
assert exact.total == Decimal("81.04")
print()
print(f"   Portal total {score.total}; exact points added and rounded once: {exact.total}.")
print(f"   The band '{score.band.name}' is a hypothesis fitted to two provincial reports.")
assert not score.band.confirmed
