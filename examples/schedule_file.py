"""Load a year's notice as a schedule file, before tthc ships it.

Run it: ``python examples/schedule_file.py``. It reads ``schedule-2027-example.toml`` beside
it (a made-up notice: no official 2027 schedule exists yet) and compares the calendar with
and without it. The same file works on the command line::

    tthc --schedule examples/schedule-2027-example.toml calendar check 12/02/2027
"""

from __future__ import annotations

import warnings
from datetime import date
from pathlib import Path

from tthc import ProvisionalCalendarWarning, Schedule, ScheduleError, vietnam_calendar

here = Path(__file__).parent
path = here / "schedule-2027-example.toml"
schedule = Schedule.read(path)
print(f"1. {path.name}: {schedule.document.number}, {len(schedule.days)} days,")
print(f"   verified years {list(schedule.verified_years)}")

received = date(2027, 2, 10)
print(f"2. Five working days from {received:%d/%m/%Y}:")
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always", ProvisionalCalendarWarning)
    bundled = vietnam_calendar().add_working_days(received, 5)
assert caught, "2027 is provisional in the bundled data"
print(f"   bundled data only: {bundled:%d/%m/%Y} (provisional: {caught[0].message})")

cal = vietnam_calendar(schedules=[path])  # no warning: 2027 is now verified
with warnings.catch_warnings():
    warnings.simplefilter("error", ProvisionalCalendarWarning)
    with_file = cal.add_working_days(received, 5)
# 11-12/02 are swapped days off and Saturday 20/02 is worked: 15, 16, 17, 18, 19/02
assert with_file == date(2027, 2, 19), with_file
assert bundled == date(2027, 2, 17), bundled
print(f"   with the schedule file: {with_file:%d/%m/%Y}")

day = cal.day_info(date(2027, 2, 12))
assert day is not None
print(f"3. 12/02/2027: {day.name} ({day.kind}), {day.source.number}, from {Path(day.origin).name}")

print("4. A bad file is refused with one error naming the file, the field and the value:")
bad = path.read_text(encoding="utf-8").replace("date = 2027-02-20", "date = 2027-02-19")
try:
    Schedule.parse(bad, origin="bad.toml")
except ScheduleError as e:
    print(f"   {e}")
else:  # pragma: no cover - the file above is wrong on purpose
    msg = "the bad file was accepted"
    raise AssertionError(msg)
