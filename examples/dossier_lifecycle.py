"""A land dossier's life, from the counter to the hand-over, with tthc.dossier.

Run it: ``python examples/dossier_lifecycle.py``. A land-registration dossier ("Không quá
10 ngày làm việc, không tính thời gian thực hiện nghĩa vụ tài chính") is received on Monday
03/03/2025, handed from the commune to the district land office, paused while the applicant
pays the registration fee, resolved and handed over. The dates are real 2025 dates (no day
off in March 2025); the dossier is made up.
"""

from __future__ import annotations

from datetime import date, datetime

from tthc.calendar import VIETNAM_TZ
from tthc.catalog import Channel
from tthc.deadlines import TimeLimit, Timeliness
from tthc.dossier import (
    Action,
    Event,
    NationalStatus,
    ReturnMethod,
    Status,
    apply,
    from_json,
    receipt_slip,
    replay,
    submit,
    to_json,
    to_sync_payload,
)


def vn(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    """A Vietnam-time instant."""
    return datetime(year, month, day, hour, minute, tzinfo=VIETNAM_TZ)


print("1. Submitted at the counter and received: the receipt slip (Mẫu 01).")
d = submit(
    "000.00.31.H12-250303-0007",
    agency="UBND xã Đông Hòa",
    channel=Channel.IN_PERSON,
    at=vn(2025, 3, 3, 9),
    procedure_code="1.004227",
    field="Đất đai",
)
d = apply(d, Event(Action.RECEIVE, vn(2025, 3, 3, 9), limit=TimeLimit.working_days(10)))
print(receipt_slip(d).render())
assert d.due is not None
assert d.due.date == date(2025, 3, 17)

print("\n2. Two steps: the commune (2 working days), then the land office (6).")
d = apply(
    d,
    Event(Action.TRANSFER, vn(2025, 3, 3, 10), agency="UBND xã Đông Hòa",
          limit=TimeLimit.working_days(2)),
)  # fmt: skip
d = apply(
    d,
    Event(Action.TRANSFER, vn(2025, 3, 6, 9), agency="VPĐK đất đai chi nhánh Dĩ An",
          limit=TimeLimit.working_days(6)),
)  # fmt: skip
for step in d.steps:
    print(f"   {step.agency}: from {step.started_at:%d/%m %H:%M}, due {step.due.date:%d/%m}")

print("\n3. The applicant pays the fee from Mon 10/03 to Wed 12/03: excluded time.")
d = apply(d, Event(Action.REQUEST_OBLIGATION, vn(2025, 3, 10, 9), reason="lệ phí trước bạ"))
assert d.national_status is NationalStatus.FINANCIAL_OBLIGATION
d = apply(d, Event(Action.FULFIL_OBLIGATION, vn(2025, 3, 12, 15)))
assert d.due is not None
print(f"   due date moved from 17/03 to {d.due.date:%d/%m/%Y}")
assert d.due.date == date(2025, 3, 19)

print("\n4. Signed Tue 18/03, handed over by post on Thu 20/03.")
d = apply(d, Event(Action.RESULT, vn(2025, 3, 18, 16)))
d = apply(d, Event(Action.RETURN, vn(2025, 3, 20, 9), method=ReturnMethod.POSTAL))
print(f"   status {d.status}, completed {d.completed_at:%d/%m %H:%M}: {d.timeliness}")
for step in d.steps:
    print(f"   {step.agency}: {step.timeliness}")
print(f"   late agencies: {d.late_agencies or 'none'}")
assert d.status is Status.RETURNED
assert d.timeliness is Timeliness.EARLY  # 18/03, due 19/03
# The commune handed over on 06/03, a day after its step's due date (05/03); the land
# office's step (due 14/03, moved to 18/03 by the excluded time) ended on time.
assert [s.due.date for s in d.steps] == [date(2025, 3, 5), date(2025, 3, 18)]
assert d.late_agencies == ("UBND xã Đông Hòa",)

print("\n5. The trail explains everything: replay it, export it, sync it.")
for e in d.events:
    print(f"   {e.at:%d/%m %H:%M} {e.action}")
assert replay(d.events) == d
assert from_json(to_json(d)) == d
payload = to_sync_payload(d)
print(
    f"   DongBoHoSoMC: TrangThaiHoSo={payload['TrangThaiHoSo']}, NgayHenTra={payload['NgayHenTra']}"
)
assert payload["NgayHenTra"] == "20250319170000"
