"""Which rules a dossier follows: the regime of its receipt date, the same-day cut-off, codes.

Run it: ``python examples/rules_by_receipt_date.py``. Two dossiers of the same procedure are
received one day apart, on each side of 01/07/2025, when Nghị định 118/2025/NĐ-CP replaced
Nghị định 61/2018/NĐ-CP; each keeps the rules in force when it was received. Then the
same-day cut-off: the law's 15:00 for chứng thực (Nghị định 23/2015/NĐ-CP Điều 7), and a
deployment's policy for a plain "Trong ngày". Last, a dossier code in the national form of
Thông tư 04/2025/TT-VPCP Điều 23(2). The dossiers are made up.
"""

from __future__ import annotations

from datetime import date, datetime, time

from tthc.calendar import VIETNAM_TZ
from tthc.catalog import Channel
from tthc.codes import DossierCode, DossierCodeGenerator
from tthc.deadlines import TimeLimit, due, due_rules
from tthc.dossier import Action, Event, ExtensionLimit, Policy, apply, submit
from tthc.errors import ApologyRefusedError


def vn(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    """A Vietnam-time instant."""
    return datetime(year, month, day, hour, minute, tzinfo=VIETNAM_TZ)


print("1. The rules of the one-stop regime, for a dossier received on each side of 01/07/2025.")
for day in (date(2025, 6, 30), date(2025, 7, 1)):
    rules = {r.key: r for r in due_rules(as_of=day)}
    apology = rules["apology"]
    print(
        f"   received {day:%d/%m/%Y}: apology {apology.source.number}, {apology.source.provision}"
    )
    assert apology.in_force(day)
assert due_rules(as_of=date(2025, 6, 30))[0] is due_rules(as_of=date(2025, 7, 1))[0]  # Civil Code

print("2. A late body writes to the applicant; under Nghị định 118 it asks for an extension.")
policy = Policy(extension_limit=ExtensionLimit.ONCE)  # the default, stated: a policy for 118
d = submit(
    "H12-0001", agency="UBND xã A", channel=Channel.IN_PERSON, at=vn(2025, 7, 1, 9), policy=policy
)
d = apply(d, Event(Action.RECEIVE, vn(2025, 7, 1, 9), limit=TimeLimit.working_days(5)))
d = apply(d, Event(Action.APOLOGISE, vn(2025, 7, 4, 9), until=vn(2025, 7, 15, 17)))
assert d.apology is not None
assert d.apology.deadline is not None
print(f"   rule: {d.apology.deadline.rule.summary[:70]}...")
try:
    apply(d, Event(Action.APOLOGISE, vn(2025, 7, 7, 9), until=vn(2025, 7, 20, 17)))
except ApologyRefusedError as e:
    print(f"   second request refused: {str(e).split(': ', 2)[2][:70]}...")
else:  # pragma: no cover - the policy refuses it
    raise AssertionError

print("3. Same-day limits received on Thursday 04/09/2025 at 15:01.")
late = vn(2025, 9, 4, 15, 1)
cases = [
    ("chứng thực", TimeLimit.certification(), time(15)),
    ("'Trong ngày', default policy", TimeLimit.same_day(), time(15)),
    ("'Trong ngày', no cut-off", TimeLimit.same_day(), None),
]
for name, limit, cutoff in cases:
    d2 = due(late, limit, same_day_cutoff=cutoff)
    print(f"   {name:<30} -> due {d2.date:%d/%m/%Y} ({d2.basis.rule.key})")
assert due(late, TimeLimit.same_day(), same_day_cutoff=None).date == date(2025, 9, 4)
assert due(late, TimeLimit.certification(), same_day_cutoff=None).date == date(2025, 9, 5)

print("4. A national dossier code, AA read on its own.")
code = DossierCodeGenerator(system="09").next("000.00.31.H12", date(2026, 3, 2))
back = DossierCode.parse_national(str(code))
assert back == code
print(
    f"   {code}: agency {back.agency}, day {back.date:%d/%m/%Y}, AA {back.system}, no {back.sequence}"
)
