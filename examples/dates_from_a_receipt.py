"""Reading the dates of a receipt slip and of an export, then computing the due date.

Run it: ``python examples/dates_from_a_receipt.py``. A one-stop receipt (giấy tiếp nhận hồ
sơ và hẹn trả kết quả) writes the receipt time as "09 giờ 00 phút, ngày 24/04/2025"; the
national sync payload writes the same instant as "20250424090000". tthc reads both, day
first and in Vietnam time, and refuses what it cannot read instead of guessing.
"""

from __future__ import annotations

from datetime import date, datetime

from tthc.calendar import VIETNAM_TZ
from tthc.deadlines import TimeLimit, due
from tthc.errors import InstantParseError
from tthc.parsing import parse_date, parse_instant

slip = "09 giờ 00 phút, ngày 24/04/2025"
synced = "20250424090000"
received = parse_instant(slip)
assert received == parse_instant(synced) == datetime(2025, 4, 24, 9, tzinfo=VIETNAM_TZ)
print(f"Receipt slip {slip!r} and sync field {synced!r}: {received.isoformat()}")

# Day first: 02/11/2022 is 2 November (dateutil, without dayfirst, says 11 February).
assert parse_date("ngày 02/11/2022") == date(2022, 11, 2)
print("'ngày 02/11/2022' is", parse_date("ngày 02/11/2022").isoformat())

# GMT+7 is Vietnam time (dateutil's POSIX reading would make it UTC-7).
assert parse_instant("24/04/2025 09:00 GMT+7") == received
print("'24/04/2025 09:00 GMT+7' is the same instant")

# The due date of a 5-working-day procedure received then (30/4-2/5/2025 off).
d = due(received, TimeLimit.parse("05 ngày làm việc").limit)
assert d.date == date(2025, 5, 5)
print(f"Due {d.date:%d/%m/%Y}, appointment {d.at:%H:%M}, rule {d.basis.rule.key}")

for text in ("31/02/2025 09:00", "12/12/24 08:00", "04/24/2025 09:00"):
    try:
        parse_instant(text)
    except InstantParseError as e:
        print(f"Refused {text!r}: expected {e.expected}")
    else:  # pragma: no cover - the asserts of this example
        raise AssertionError(text)
