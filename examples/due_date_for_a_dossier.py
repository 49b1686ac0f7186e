"""One dossier's due date, from the catalogue text to the on-time verdict, with tthc.

Run it: ``python examples/due_date_for_a_dossier.py``. A land-registration dossier is
received at a one-stop centre; its procedure gives "Không quá 15 ngày làm việc (không tính
thời gian thực hiện nghĩa vụ tài chính)". The dates are real 2025 dates of the official
schedule (legal-rules.md §1.6, §4.3, §7.3); the dossier itself is made up.
"""

from __future__ import annotations

from datetime import datetime

from tthc import DuePolicy, Granularity, TimeLimit, classify, due, standing
from tthc.calendar import VIETNAM_TZ
from tthc.deadlines import apology_deadline, pause

DAYS = ["thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật"]


def show(at: datetime) -> str:
    """Weekday, dd/mm/yyyy hh:mm, as a receipt slip writes it."""
    return f"{DAYS[at.weekday()]} {at:%d/%m/%Y %H:%M}"


def vn(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    """A Vietnam-time instant."""
    return datetime(year, month, day, hour, minute, tzinfo=VIETNAM_TZ)


print("1. The catalogue states the time limit in words; tthc reads it.")
text = "Không quá 15 ngày làm việc (không tính thời gian thực hiện nghĩa vụ tài chính)"
parsed = TimeLimit.parse(text)
assert parsed.limit == TimeLimit.working_days(15)
print(f"   {text!r}")
print(f"   -> {parsed.limit}; excluded: {', '.join(parsed.excluded)}")

print("2. The dossier is received on Thursday 17/04/2025 at 15:40, before the 30/4 holidays.")
received = vn(2025, 4, 17, 15, 40)
legal = due(received, parsed.limit)
vendor = due(received, parsed.limit, policy=DuePolicy.WORKING_TIME)
# 30/4 and 1/5 are holidays, Friday 2/5 is swapped off and Saturday 26/4 is worked instead.
assert legal.date == vendor.date
print(f"   Civil Code reading (LEGAL):   due {show(legal.at)}")
print(f"   Vendor practice (WORKING_TIME): due {show(vendor.at)}")
print(f"   Rule: {legal.basis}")

print("3. The applicant pays the land-use fee: the count stops while the notice is pending.")
paid = pause(legal, vn(2025, 4, 23, 9), vn(2025, 4, 28, 10), reason=parsed.excluded[0])
shift = paid.basis.events[-1].shift
assert shift == 4  # Thu 24, Fri 25, make-up Sat 26, Mon 28/04
print(f"   Paused 23/04-28/04 = {shift} working days excluded; new due {show(paid.at)}")

print("4. When must an apology be sent if the result will be late?")
apology = apology_deadline(paid)
print(
    f"   One working day before: {apology.working_day_reading:%d/%m/%Y}; one calendar day "
    f"before: {apology.calendar_day_reading:%d/%m/%Y}; act by {apology.earlier:%d/%m/%Y}."
)

print("5. The result is signed; is it early, on time or late?")
signed = vn(2025, 5, 15, 16, 30)
print(f"   Standing the day before: {standing(paid, vn(2025, 5, 14, 9))}")
print(f"   Signed {show(signed)}: {classify(signed, paid)} (by date)")
print(f"   By timestamp: {classify(signed, paid, granularity=Granularity.TIMESTAMP)}")
