"""A civil servant's questions to the working calendar, answered with tthc.

Run it: ``python examples/working_calendar.py``. Every date below is a real one from the
official schedules (legal-rules.md §1.6, §7.3, §9); the provincial day off in question 4 is
a made-up decision, to show how an override works.
"""

from __future__ import annotations

from datetime import date, datetime

from tthc import vietnam_calendar
from tthc.calendar import VIETNAM_TZ


def show(d: date) -> str:
    """dd/mm/yyyy, as Vietnamese documents write dates."""
    return f"{d:%d/%m/%Y}"


cal = vietnam_calendar()

print("1. Is Friday 02/01/2026 a working day, and why?")
jan2 = date(2026, 1, 2)
info = cal.day_info(jan2)
assert not cal.is_working_day(jan2)
assert info is not None
print(f"   No: {info.name} ({info.kind}), source {info.source.number}, {info.status}.")
(make_up,) = [d for d in cal.make_up_days(2026) if d.source == info.source]
print(f"   It is worked back on Saturday {show(make_up.day)}: {make_up.name}.")

print("2. A dossier received on Friday 13/02/2026 must be settled in 10 working days.")
received = date(2026, 2, 13)
due = cal.add_working_days(received, 10)  # the day of receipt is not counted
assert due == date(2026, 3, 6)  # legal-rules.md §9 T8
skipped = [show(d.day) for d in cal.days_off(2026) if received < d.day <= due]
print(f"   Due {show(due)}: Tết Bính Ngọ takes {', '.join(skipped)} off the count.")

print("3. How many working days from Thursday 24/04/2025 to Monday 12/05/2025?")
start, end = date(2025, 4, 24), date(2025, 5, 12)
counted = cal.count_working_days(start, end)  # days after start, up to and including end
ignoring = vietnam_calendar(count_make_up_days=False).count_working_days(start, end)
assert (counted, ignoring) == (10, 9)
print(f"   {counted}, counting make-up Saturday 26/04/2025; {ignoring} for software ignoring it.")

print("4. The province gives Friday 07/03/2025 off: when is a 10-day dossier of 03/03 due?")
province = cal.with_days_off(
    [date(2025, 3, 7)],
    name="Nghỉ theo quyết định của UBND tỉnh",
    source="Quyết định của UBND tỉnh (example, not a real decision)",
)
national_due = cal.add_working_days(date(2025, 3, 3), 10)
provincial_due = province.add_working_days(date(2025, 3, 3), 10)
assert (national_due, provincial_due) == (date(2025, 3, 17), date(2025, 3, 18))
print(f"   {show(provincial_due)} there, {show(national_due)} elsewhere (the national")
print("   calendar itself is unchanged: overrides return a new calendar).")

print("5. A 3-working-day dossier received Friday 24/01/2025 at 15:30: due when, to the minute?")
at = datetime(2025, 1, 24, 15, 30, tzinfo=VIETNAM_TZ)
due_at = cal.add_working_time(at, 3 * 8)  # 8 office hours a working day
assert due_at == datetime(2025, 2, 5, 15, 30, tzinfo=VIETNAM_TZ)  # legal-rules.md §9 T2
print(f"   {due_at:%H:%M} on {show(due_at.date())}, Tết Ất Tỵ (27-31/01/2025) skipped.")
