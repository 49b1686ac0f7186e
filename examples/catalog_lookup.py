"""Look procedures up in a catalogue, import national records, and check a process, with tthc.

Run it: ``python examples/catalog_lookup.py``. It uses the catalogue fixture shipped with
tthc (hand-written records in the national database's shape, no personal data): a search
typed without diacritics, the version of a land procedure in force on two dates around the
Land Law 2024, the time limit of chứng thực with its 15:00 cut-off, an inter-agency process
checked against its legal total, and an import with one broken record.
"""

from __future__ import annotations

import copy
from datetime import date, time
from fractions import Fraction

import attrs

from tthc.catalog import Catalog, Channel, Step, fixture, fixture_records
from tthc.deadlines import TimeLimit, Unit
from tthc.errors import ProcessTooLongError

catalog = fixture()
print(f"1. The fixture holds {len(catalog.codes)} procedures ({len(catalog)} versions).")

print("2. Search typed without diacritics, either tone placement:")
found = catalog.search("chung thuc ban sao")
for p in found:
    print(f"   {p.code}  {p.name[:60]}...")
assert [str(p.code) for p in found] == ["2.000815", "2.000815.000.00.00.H55"]
assert catalog.search("thủy lợi") == catalog.search("thuỷ lợi") != ()

print("3. Chứng thực: same day, next working day after 15:00.")
ct = catalog.get("2.000815.000.00.00.H55", as_of=date(2025, 9, 15))
limit = ct.time_limit(Channel.ONLINE)
assert limit.unit is Unit.SAME_DAY
assert limit.cutoff == time(15)
print(f"   {ct.field}; online class: {ct.online_level.value}; limit: {limit}")

print("4. A land procedure amended on 01/08/2024: the version depends on the date.")
land = "1.004227.000.00.00.H55"
for day in (date(2024, 7, 31), date(2024, 8, 1)):
    version = catalog.get(land, as_of=day)
    terms = version.terms(Channel.IN_PERSON)[0]
    print(f"   {day:%d/%m/%Y}: {terms.limit}, excluded: {terms.time.excluded[0]}")
assert catalog.get(land, as_of=date(2024, 7, 31)).time_limit(Channel.IN_PERSON) == (
    TimeLimit.working_days(10)
)
assert catalog.get(land, as_of=date(2024, 8, 1)).time_limit(Channel.IN_PERSON) == (
    TimeLimit.working_days(8)
)

print("5. An inter-agency process (commune -> city -> province) fits its 15 working days:")
ncc = catalog.get("1.010832.000.00.00.H55", as_of=date(2025, 3, 3))
for step in ncc.steps:
    print(f"   {step.duration!s:>18}  {step.agency}")
assert ncc.check_steps() == ()
slower = attrs.evolve(
    ncc,
    steps=(*ncc.steps, Step(unit="Văn thư Sở", duration=TimeLimit.working_days(Fraction(1, 2)))),
)
try:
    slower.validate()
except ProcessTooLongError as too_long:
    print(f"   one more half day: {str(too_long)[:90]}...")
else:
    message = "the longer process should not fit"
    raise AssertionError(message)

print("6. Importing national records: a broken record is reported, the others imported.")
records = fixture_records()[:5]
broken = copy.deepcopy(records[2])
broken["CACHTHUCTHUCHIEN"][0]["KENH"] = "9"
result = Catalog.from_national_records([*records, broken])
(error,) = result.errors
print(f"   imported {len(result.catalog)}, refused: {error}")
assert error.index == 5
assert len(result.catalog) == 5
print(f"   {len(result.notes)} lossy readings noted, e.g.: {result.notes[0].message[:70]}...")
