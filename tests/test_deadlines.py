"""Due dates, timeliness, apology deadlines, pauses and restarts (issue 3).

Expected values come from the legal research (legal-rules.md §1.6, §3.2, §4.3, §9), never from
the code under test. Where the issue's rule deliberately differs from a research example (the
period-end boundary of working time), the test says so and states the issue's rule.
"""

from __future__ import annotations

import warnings
from datetime import UTC, date, datetime, time, timedelta
from fractions import Fraction

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import assume, example, given
from hypothesis import strategies as st

import tthc
from tests.strategies import office_instants, time_limits
from tthc import (
    CalendarNotCoveredError,
    Due,
    DuePolicy,
    Granularity,
    NoTimeLimitError,
    ProvisionalCalendarWarning,
    TimeLimit,
    Timeliness,
    Unit,
    WorkCalendar,
    classify,
    due,
    standing,
    vietnam_calendar,
)
from tthc.calendar import VIETNAM_TZ
from tthc.deadlines import (
    EventKind,
    apology_deadline,
    due_rule,
    due_rules,
    pause,
    restart,
)
from tthc.errors import DateOutOfRangeError

LEGAL, WT = DuePolicy.LEGAL, DuePolicy.WORKING_TIME
CAL = vietnam_calendar()
CERT = TimeLimit.certification()  # chứng thực: 15:00 by Nghị định 23/2015 Điều 7
NO_MAKE_UP = vietnam_calendar(count_make_up_days=False)


def vn(y: int, m: int, d: int, hh: int = 0, mm: int = 0, ss: int = 0) -> datetime:
    """An instant in Vietnam time."""
    return datetime(y, m, d, hh, mm, ss, tzinfo=VIETNAM_TZ)


def wd(n: int | Fraction) -> TimeLimit:
    return TimeLimit.working_days(n)


# -- reading A (LEGAL): legal-rules.md §1.6 and §9 ---------------------------------------------

LEGAL_CASES = [
    # (id, received, limit, calendar, expected date)
    ("1.6#1/T1 1 wd Mon 09:00", vn(2025, 3, 3, 9), wd(1), CAL, date(2025, 3, 4)),
    ("1.6#2 1 wd at lunch", vn(2025, 3, 3, 12), wd(1), CAL, date(2025, 3, 4)),
    ("1.6#3/T2 3 wd over Tết Ất Tỵ", vn(2025, 1, 24, 15, 30), wd(3), CAL, date(2025, 2, 5)),
    ("1.6#4/T3 make-up Sat 26/04 counts", vn(2025, 4, 24, 10), wd(5), CAL, date(2025, 5, 5)),
    ("1.6#4b/T3 make-up not counted", vn(2025, 4, 24, 10), wd(5), NO_MAKE_UP, date(2025, 5, 6)),
    (
        "1.6#5/T4 30 calendar days, art 148(5)",
        vn(2025, 4, 1, 9),
        TimeLimit.calendar_days(30),
        CAL,
        date(2025, 5, 5),
    ),
    ("1.6#6/T5 1 wd from 31/12/2025", vn(2025, 12, 31, 17, 30), wd(1), CAL, date(2026, 1, 5)),
    ("1.6#7/T8 10 wd over Tết Bính Ngọ", vn(2026, 2, 13, 9), wd(10), CAL, date(2026, 3, 6)),
    ("1.6#8/T10 make-up Sat 22/08 counts", vn(2026, 8, 21, 9), wd(2), CAL, date(2026, 8, 24)),
    ("1.6#8b/T10 make-up not counted", vn(2026, 8, 21, 9), wd(2), NO_MAKE_UP, date(2026, 8, 25)),
    ("1.6#9 10 wd Mon 09:00", vn(2025, 3, 3, 9), wd(10), CAL, date(2025, 3, 17)),
    (
        "T6 chứng thực after 15:00 before Quốc khánh",
        vn(2025, 8, 29, 15, 30),
        TimeLimit.certification(),
        CAL,
        date(2025, 9, 3),
    ),
    ("T7 14:59 same day", vn(2025, 9, 4, 14, 59), CERT, CAL, date(2025, 9, 4)),
    ("T7 15:01 next day", vn(2025, 9, 4, 15, 1), CERT, CAL, date(2025, 9, 5)),
    (
        "§3.2 received on Quốc khánh: not a same-day receipt",
        vn(2025, 9, 2, 9),
        TimeLimit.same_day(),
        CAL,
        date(2025, 9, 3),
    ),
]


@pytest.mark.parametrize(
    ("received", "limit", "cal", "expected"),
    [c[1:] for c in LEGAL_CASES],
    ids=[c[0] for c in LEGAL_CASES],
)
def test_legal_reading(
    received: datetime, limit: TimeLimit, cal: WorkCalendar, expected: date
) -> None:
    d = due(received, limit, calendar=cal)
    assert d.date == expected
    assert d.at == vn(expected.year, expected.month, expected.day, 17)  # close of office hours
    assert d.policy is LEGAL
    assert not d.provisional


def test_same_day_boundary_is_a_parameter() -> None:
    # "sau 15 giờ" = strictly after 15:00:00 [U]: 15:00:00 itself counts as before.
    assert due(vn(2025, 9, 4, 15), TimeLimit.same_day()).date == date(2025, 9, 4)
    assert due(vn(2025, 9, 4, 15, 0, 1), TimeLimit.same_day()).date == date(2025, 9, 5)
    later = TimeLimit.same_day(time(16))
    assert due(vn(2025, 9, 4, 15, 30), later).date == date(2025, 9, 4)
    # TD's hộ tịch appointment (§1.5): 17:00 the same day.
    assert due(vn(2025, 9, 4, 14, 59), TimeLimit.same_day()).at == vn(2025, 9, 4, 17)


def test_legal_time_of_day_does_not_move_the_date() -> None:
    # Issue §2: a receipt at 18:00 Monday or on Saturday still counts from that calendar date.
    assert due(vn(2025, 3, 3, 18), wd(1)).date == date(2025, 3, 4)
    assert due(vn(2025, 3, 3, 6, 30), wd(1)).date == date(2025, 3, 4)
    assert due(vn(2025, 3, 8, 10), wd(1)).date == date(2025, 3, 10)  # Saturday -> Monday


def test_months_art_148_3_and_5() -> None:
    # 31/12/2025 + 2 months: February has no 31st -> 28/02/2026, a Saturday -> Mon 02/03/2026.
    assert due(vn(2025, 12, 31, 9), TimeLimit.months(2)).date == date(2026, 3, 2)
    # 31/01/2025 + 1 month -> Fri 28/02/2025, a working day.
    assert due(vn(2025, 1, 31, 9), TimeLimit.months(1)).date == date(2025, 2, 28)
    assert due(vn(2025, 1, 31, 9), TimeLimit.months(1)).basis.rule.key == "months"


# -- working time: half days and hours (both policies) -----------------------------------------


def test_half_days_are_four_working_hours() -> None:
    # §1.4: 0,5 day = 4 h; a 12:00 receipt is normalised to 13:30; 13:30 + 3.5 h = 17:00, so
    # 0.5 h remain for Tuesday.
    d = due(vn(2025, 3, 3, 12), wd(Fraction(1, 2)))
    assert d.at == vn(2025, 3, 4, 7, 30)
    assert d.date == date(2025, 3, 4)
    assert d.basis.rule.key == "half_working_days"
    # Morning receipt + 0.5 day -> the afternoon of the same day.
    assert due(vn(2025, 3, 3, 8), wd(Fraction(1, 2))).at == vn(2025, 3, 3, 14)


def test_working_hours() -> None:
    # 4 giờ làm việc from Mon 09:00: 2.5 h to 11:30, then 13:30 + 1.5 h.
    d = due(vn(2025, 3, 3, 9), TimeLimit.working_hours(4))
    assert d.at == vn(2025, 3, 3, 15)
    assert d.basis.rule.key == "working_hours"
    # Ending exactly at the end of a period stays there (issue §2): 07:00 + 4.5 h = 11:30.
    assert due(vn(2025, 3, 3, 7), TimeLimit.working_hours(Fraction(9, 2))).at == vn(
        2025, 3, 3, 11, 30
    )


# -- reading B (WORKING_TIME): legal-rules.md §1.6 and §9 --------------------------------------

WORKING_TIME_CASES = [
    ("1.6#1/T1", vn(2025, 3, 3, 9), 1, vn(2025, 3, 4, 9)),
    ("1.6#3/T2 over Tết Ất Tỵ", vn(2025, 1, 24, 15, 30), 3, vn(2025, 2, 5, 15, 30)),
    ("1.6#9", vn(2025, 3, 3, 9), 10, vn(2025, 3, 17, 9)),
    # Research 1.6#2 says Tue 13:30 (TD moves an end at 11:30 to the next period's start).
    # Issue §2's rule: 13:30-17:00 (3.5 h) + 07:00-11:30 (4.5 h) ends exactly at 11:30 and
    # stays there.
    ("1.6#2 boundary rule of the issue", vn(2025, 3, 3, 12), 1, vn(2025, 3, 4, 11, 30)),
    # Research 1.6#6/T5 says Tue 06/01/2026 07:00. Issue §2's rule: the receipt moves to Mon
    # 05/01 07:00; 8 h end exactly at 17:00 that day, which stays.
    ("1.6#6/T5 boundary rule of the issue", vn(2025, 12, 31, 17, 30), 1, vn(2026, 1, 5, 17)),
]


@pytest.mark.parametrize(
    ("received", "days", "expected"),
    [c[1:] for c in WORKING_TIME_CASES],
    ids=[c[0] for c in WORKING_TIME_CASES],
)
def test_working_time_reading(received: datetime, days: int, expected: datetime) -> None:
    d = due(received, wd(days), policy=WT)
    assert d.at == expected
    assert d.date == expected.date()
    assert d.basis.rule.key == "working_time"
    assert d.policy is WT


def test_policies_differ_before_or_at_opening() -> None:
    # Issue §2: a receipt at 06:30 or exactly 07:00 gets the whole first day under
    # WORKING_TIME; the Civil Code does not count the day of receipt.
    for received in (vn(2025, 3, 3, 6, 30), vn(2025, 3, 3, 7)):
        assert due(received, wd(1), policy=WT).at == vn(2025, 3, 3, 17)
        assert due(received, wd(1)).date == date(2025, 3, 4)
    # Inside office hours after the opening, they agree on the date.
    assert due(vn(2025, 3, 3, 7, 1), wd(1), policy=WT).date == date(2025, 3, 4)


def test_policy_as_string() -> None:
    assert due(vn(2025, 3, 3, 9), wd(1), policy="working_time").at == vn(2025, 3, 4, 9)  # type: ignore[arg-type]


def test_calendar_days_months_same_day_are_the_same_under_both_policies() -> None:
    for limit in (TimeLimit.calendar_days(30), TimeLimit.months(1), TimeLimit.same_day()):
        a, b = due(vn(2025, 4, 1, 16), limit), due(vn(2025, 4, 1, 16), limit, policy=WT)
        assert (a.date, a.at, a.basis.rule) == (b.date, b.at, b.basis.rule)


# -- inputs and errors --------------------------------------------------------------------------


def test_naive_datetimes_are_vietnam_time() -> None:
    naive = datetime(2025, 3, 3, 9)  # noqa: DTZ001 - the point of the test
    utc = datetime(2025, 3, 3, 2, tzinfo=UTC)
    for policy in (LEGAL, WT):
        a, b, c = (due(r, wd(1), policy=policy) for r in (naive, vn(2025, 3, 3, 9), utc))
        assert a == b == c
    assert due(naive, wd(1)).received_at == vn(2025, 3, 3, 9)
    assert due(utc, wd(1)).at.tzinfo is VIETNAM_TZ


def test_no_time_limit_raises() -> None:
    with pytest.raises(NoTimeLimitError, match="Không quy định"):
        due(vn(2025, 3, 3, 9), TimeLimit.no_limit())
    with pytest.raises(tthc.TthcError):
        due(vn(2030, 3, 3, 9), TimeLimit.no_limit())


def test_bad_arguments() -> None:
    with pytest.raises(TypeError, match="expected a datetime"):
        due(date(2025, 3, 3), wd(1))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="expected a TimeLimit"):
        due(vn(2025, 3, 3), 5)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="not a valid DuePolicy"):
        due(vn(2025, 3, 3), wd(1), policy="vendor")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("amount", "unit", "message"),
    [
        (-1, Unit.WORKING_DAYS, "cannot be negative"),
        (Fraction(1, 3), Unit.WORKING_DAYS, "whole or half"),
        (Fraction(5, 2), Unit.CALENDAR_DAYS, "whole amount"),
        (Fraction(1, 2), Unit.MONTHS, "whole amount"),
        (1, Unit.SAME_DAY, "no amount"),
        (2, Unit.NONE, "no amount"),
        ("abc", Unit.WORKING_DAYS, "finite number"),
    ],
)
def test_invalid_limits(amount: object, unit: Unit, message: str) -> None:
    with pytest.raises(tthc.InvalidTimeLimitError, match=message):
        TimeLimit(amount, unit)


def test_invalid_cutoffs_and_types() -> None:
    with pytest.raises(tthc.InvalidTimeLimitError, match="only same-day"):
        TimeLimit(1, Unit.WORKING_DAYS, cutoff=time(15))
    with pytest.raises(tthc.InvalidTimeLimitError, match="whole minute"):
        TimeLimit.same_day(time(15, 0, 30))
    with pytest.raises(tthc.InvalidTimeLimitError, match=r"naive datetime\.time"):
        TimeLimit(0, Unit.SAME_DAY, cutoff=None)
    with pytest.raises(TypeError, match="is a number"):
        TimeLimit(True, Unit.WORKING_DAYS)
    assert TimeLimit(0.5, Unit.WORKING_DAYS) == wd(Fraction(1, 2))


def test_limits_are_values() -> None:
    assert wd(5) == TimeLimit(Fraction(5), "working_days")
    assert hash(wd(5)) == hash(TimeLimit(5, Unit.WORKING_DAYS))
    assert TimeLimit.same_day().cutoff == time(15)
    assert TimeLimit.working_days(5).cutoff is None
    with pytest.raises(AttributeError):
        wd(5).amount = Fraction(6)  # type: ignore[misc]


def test_due_is_immutable() -> None:
    d = due(vn(2025, 3, 3, 9), wd(1))
    with pytest.raises(AttributeError):
        d.date = date(2025, 3, 5)
    assert hash(d) == hash(due(vn(2025, 3, 3, 9), wd(1)))


# -- provisional years ----------------------------------------------------------------------------


def test_provisional_warns_exactly_once() -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        d = due(vn(2026, 12, 21, 9), wd(10))
    assert [type(w.message) for w in caught] == [ProvisionalCalendarWarning]
    assert "2027" in str(caught[0].message)
    assert caught[0].filename == __file__  # attributed to the caller
    assert d.provisional
    assert d.date.year == 2027


@pytest.mark.parametrize("policy", [LEGAL, WT])
def test_provisional_under_pytest_warns(policy: DuePolicy) -> None:
    with pytest.warns(ProvisionalCalendarWarning):
        d = due(vn(2027, 3, 1, 9), wd(Fraction(5, 2)), policy=policy)
    assert d.provisional


def test_strict_calendar_raises() -> None:
    strict = vietnam_calendar(strict=True)
    with pytest.raises(CalendarNotCoveredError):
        due(vn(2026, 12, 21, 9), wd(10), calendar=strict)
    assert not due(vn(2026, 3, 2, 9), wd(10), calendar=strict).provisional


def test_near_the_end_of_the_verified_years_without_leaving_them() -> None:
    # The slow path is taken (close to 31/12/2026) but nothing is provisional: no warning.
    d = due(vn(2026, 12, 1, 9), wd(5))
    assert d.date == date(2026, 12, 8)
    assert not d.provisional


# -- timeliness: §5.3, T11, T12 -----------------------------------------------------------------


def test_t11_day_versus_timestamp() -> None:
    d = due(vn(2025, 3, 3, 9), wd(10), policy=WT)
    assert d.at == vn(2025, 3, 17, 9)  # B: due Mon 17/03/2025 09:00
    signed = vn(2025, 3, 17, 10)
    assert classify(signed, d) is Timeliness.ON_TIME
    assert classify(signed, d, granularity=Granularity.TIMESTAMP) is Timeliness.LATE
    assert classify(vn(2025, 3, 17, 9), d, granularity=Granularity.TIMESTAMP) is Timeliness.ON_TIME
    assert classify(date(2025, 3, 14), d) is Timeliness.EARLY
    assert classify(vn(2025, 3, 18, 8), d) is Timeliness.LATE
    assert classify(vn(2025, 3, 16, 8), d, granularity=Granularity.TIMESTAMP) is Timeliness.EARLY


def test_t12_standing() -> None:
    d = due(vn(2026, 4, 28, 9), wd(10))  # 29/04, 04-08/05, 11-14/05 (30/4, 1/5 off)
    assert d.date == date(2026, 5, 14)
    assert standing(d, date(2026, 5, 14)) is Timeliness.WITHIN
    assert standing(d, vn(2026, 5, 14, 23, 59)) is Timeliness.WITHIN
    assert standing(d, date(2026, 5, 15)) is Timeliness.OVERDUE
    ts = Granularity.TIMESTAMP
    assert standing(d, vn(2026, 5, 14, 17), granularity=ts) is Timeliness.WITHIN
    assert standing(d, vn(2026, 5, 14, 17, 1), granularity=ts) is Timeliness.OVERDUE
    with pytest.raises(TypeError, match="needs a datetime"):
        standing(d, date(2026, 5, 14), granularity=ts)
    with pytest.raises(TypeError, match="date or datetime"):
        standing(d, "2026-05-14")  # type: ignore[arg-type]


# -- apology: §4.3, T9 -----------------------------------------------------------------------------


def test_t9_apology_both_readings() -> None:
    d = due(vn(2025, 4, 24, 10), wd(5))
    assert d.date == date(2025, 5, 5)
    a = apology_deadline(d)
    assert a.calendar_day_reading == date(2025, 5, 4)  # Sunday
    assert a.working_day_reading == date(2025, 4, 29)  # 30/4, 1/5 off, 2/5 swapped
    assert a.earlier == date(2025, 4, 29)
    assert a.rule.source.number == "61/2018/NĐ-CP"
    assert a.rule.source.provision == "Điều 19"


def test_apology_near_the_start_of_the_verified_years() -> None:
    d = due(vn(2019, 1, 1, 9), wd(1))
    assert d.date == date(2019, 1, 2)
    with pytest.warns(ProvisionalCalendarWarning, match="2018"):
        a = apology_deadline(d)
    assert a.calendar_day_reading == date(2019, 1, 1)


# -- pauses and restarts: §4.3, T13 -----------------------------------------------------------------


def test_t13_restart_working_time() -> None:
    first = due(vn(2025, 3, 3, 9), wd(10), policy=WT)
    again = restart(first, vn(2025, 3, 10, 14))
    assert again.at == vn(2025, 3, 24, 14)
    assert again.received_at == first.received_at
    [event] = again.basis.events
    assert event.kind is EventKind.RESTART
    assert event.start == vn(2025, 3, 10, 14)
    assert event.rule.key == "restart"
    assert again.basis.rule == first.basis.rule


def test_t13_restart_legal() -> None:
    # Reading A of the same case: 10 working days from Mon 10/03/2025 -> Mon 24/03/2025.
    again = restart(due(vn(2025, 3, 3, 9), wd(10)), vn(2025, 3, 10, 14))
    assert again.date == date(2025, 3, 24)
    assert again.at == vn(2025, 3, 24, 17)


def test_restart_into_an_unverified_year_warns_once() -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        again = restart(due(vn(2026, 12, 1, 9), wd(10)), vn(2026, 12, 28, 9))
    assert len(caught) == 1
    assert again.provisional


def test_pause_legal_working_days() -> None:
    d = due(vn(2025, 3, 3, 9), wd(10))  # Mon 17/03/2025
    # Paused Wed 05/03, resumed Fri 07/03: count_working_days(05/03, 07/03) = 2 (Thu, Fri).
    later = pause(d, vn(2025, 3, 5, 10), vn(2025, 3, 7, 16), reason="nghĩa vụ tài chính")
    assert later.date == date(2025, 3, 19)
    assert later.at == vn(2025, 3, 19, 17)
    [event] = later.basis.events
    assert (event.kind, event.shift, event.reason) == (EventKind.PAUSE, 2, "nghĩa vụ tài chính")
    assert event.rule.source.number == "101/2024/NĐ-CP"


def test_pause_working_time() -> None:
    d = due(vn(2025, 3, 3, 9), wd(10), policy=WT)  # Mon 17/03/2025 09:00
    # Paused Wed 05/03 10:00 to 15:00: 1.5 h + 1.5 h = 3 working hours.
    later = pause(d, vn(2025, 3, 5, 10), vn(2025, 3, 5, 15))
    assert later.at == vn(2025, 3, 17, 14)  # 09:00 + 2.5 h = 11:30, then 13:30 + 0.5 h
    assert later.basis.events[0].shift == timedelta(hours=3)


def test_pauses_accumulate() -> None:
    d = due(vn(2025, 3, 3, 9), wd(10))
    twice = pause(pause(d, vn(2025, 3, 4), vn(2025, 3, 5)), vn(2025, 3, 6), vn(2025, 3, 7))
    assert twice.date == date(2025, 3, 19)
    assert [e.shift for e in twice.basis.events] == [1, 1]


def test_pause_after_restart_keeps_both_events() -> None:
    d = restart(due(vn(2025, 3, 3, 9), wd(10), policy=WT), vn(2025, 3, 10, 14))
    d = pause(d, vn(2025, 3, 11, 7), vn(2025, 3, 12, 7))  # one whole working day
    assert d.at == vn(2025, 3, 25, 14)
    assert [e.kind for e in d.basis.events] == [EventKind.RESTART, EventKind.PAUSE]
    assert "restart" in str(d.basis)
    assert "pause" in str(d.basis)


def test_pause_must_not_end_before_it_starts() -> None:
    d = due(vn(2025, 3, 3, 9), wd(10))
    with pytest.raises(ValueError, match="cannot end"):
        pause(d, vn(2025, 3, 5), vn(2025, 3, 4))


def test_pause_on_a_half_day_limit_uses_working_time() -> None:
    d = due(vn(2025, 3, 3, 8), wd(Fraction(1, 2)))  # Mon 14:00
    later = pause(d, vn(2025, 3, 3, 9), vn(2025, 3, 3, 10))
    assert later.at == vn(2025, 3, 3, 15)


def test_pause_into_an_unverified_year_warns_once() -> None:
    d = due(vn(2026, 12, 1, 9), wd(10))  # 15/12/2026
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        later = pause(d, vn(2026, 12, 2), vn(2026, 12, 31))
    assert len(caught) == 1
    assert later.provisional


# -- rules and citations ----------------------------------------------------------------------------


def test_every_rule_cites_a_provision() -> None:
    rules = due_rules()
    assert len({r.key for r in rules}) == 14
    assert len(rules) == 19  # five rules of the one-stop regime have two versions
    for r in rules:
        assert r.source.provision, r.key
        assert r.summary
        assert r.note
        assert r.key in str(r)
    assert due_rule("working_days").source.number == "91/2015/QH13"


def test_basis_names_rule_and_source() -> None:
    d = due(vn(2025, 4, 1, 9), TimeLimit.calendar_days(30))
    assert d.basis.rule.key == "calendar_days"
    assert "148(5)" in (d.basis.rule.source.provision or "")
    assert d.basis.events == ()


# -- properties (issue §6) ---------------------------------------------------------------------------

# Receipts in the verified years; amounts small enough to keep results inside 2026.
receipts = st.datetimes(
    datetime.combine(date(2019, 1, 1), time()), datetime.combine(date(2026, 6, 30), time(23, 59))
)
policies = st.sampled_from(DuePolicy)
halves = st.integers(0, 120).map(lambda k: Fraction(k, 2))
limits = time_limits(max_halves=120, max_days=90, max_months=3)


@given(received=receipts, limit=limits, policy=policies)
def test_date_is_a_working_day(received: datetime, limit: TimeLimit, policy: DuePolicy) -> None:
    d = due(received, limit, policy=policy)
    assert CAL.is_working_day(d.date)
    assert d.at.date() == d.date
    assert d.at.tzinfo is VIETNAM_TZ
    assert not d.provisional


@given(a=receipts, b=receipts, limit=limits, policy=policies)
def test_monotone_in_receipt(
    a: datetime, b: datetime, limit: TimeLimit, policy: DuePolicy
) -> None:
    a, b = min(a, b), max(a, b)
    x, y = due(a, limit, policy=policy), due(b, limit, policy=policy)
    assert x.date <= y.date
    assert x.at <= y.at


@given(received=receipts, a=halves, b=halves, policy=policies)
def test_monotone_in_amount(
    received: datetime, a: Fraction, b: Fraction, policy: DuePolicy
) -> None:
    a, b = min(a, b), max(a, b)
    x, y = due(received, wd(a), policy=policy), due(received, wd(b), policy=policy)
    assert x.date <= y.date
    if policy is WT or (a.denominator == b.denominator == 1):
        # Under LEGAL, whole days end at closing and half days inside the day, so only the
        # date is monotone across the two kinds.
        assert x.at <= y.at


@given(received=receipts, n=st.integers(0, 40), kind=st.sampled_from(["days", "months", "hours"]))
def test_monotone_in_amount_other_units(received: datetime, n: int, kind: str) -> None:
    make = {
        "days": TimeLimit.calendar_days,
        "months": TimeLimit.months,
        "hours": TimeLimit.working_hours,
    }[kind]
    a, b = (n, n + 1) if kind != "months" else (n % 5, n % 5 + 1)
    x, y = due(received, make(a)), due(received, make(b))
    assert x.at <= y.at


@given(
    received=office_instants(CAL, st.dates(date(2019, 1, 1), date(2026, 6, 30))),
    n=st.integers(0, 60),
)
@example(received=datetime.combine(date(2025, 3, 3), time(12, 0, 1)), n=1)
def test_policies_agree_inside_office_hours(received: datetime, n: int) -> None:
    assume(received.time() != CAL.hours_on(received.date()).opening)
    legal, vendor = due(received, wd(n)), due(received, wd(n), policy=WT)
    if n == 0:
        assert vendor.date == legal.date == received.date()
    else:
        assert vendor.date == legal.date


@given(received=receipts, us=st.integers(0, 40 * 3_600_000_000))
def test_working_time_matches_the_calendar(received: datetime, us: int) -> None:
    amount = Fraction(us, 3_600_000_000)
    hours = Fraction(round(amount * 2), 2)
    d = due(received, TimeLimit.working_hours(hours))
    assert d.at == CAL.add_working_time(received, timedelta(hours=float(hours)))


@given(received=receipts, n=st.integers(0, 5))
def test_months_match_relativedelta(received: datetime, n: int) -> None:
    expected = CAL.add_working_days(received.date() + relativedelta(months=n), 0)
    assert due(received, TimeLimit.months(n)).date == expected


@given(
    received=receipts,
    limit=limits,
    policy=policies,
    delay=st.integers(-3 * 24 * 60, 60 * 24 * 60).map(lambda m: timedelta(minutes=m)),
    granularity=st.sampled_from(Granularity),
)
def test_classify_consistent_with_standing(
    received: datetime,
    limit: TimeLimit,
    policy: DuePolicy,
    delay: timedelta,
    granularity: Granularity,
) -> None:
    d = due(received, limit, policy=policy)
    completed = d.at + delay
    c = classify(completed, d, granularity=granularity)
    s = standing(d, completed, granularity=granularity)
    assert (c in (Timeliness.EARLY, Timeliness.ON_TIME)) == (s is Timeliness.WITHIN)


@given(received=receipts, limit=limits, policy=policies, at=receipts)
def test_zero_pause_changes_nothing(
    received: datetime, limit: TimeLimit, policy: DuePolicy, at: datetime
) -> None:
    d = due(received, limit, policy=policy)
    p = pause(d, at, at)
    assert (p.date, p.at, p.provisional) == (d.date, d.at, d.provisional)
    assert p.basis.events[-1].shift in (0, timedelta(0))


@given(received=receipts, limit=limits, policy=policies)
def test_restart_at_receipt_changes_nothing(
    received: datetime, limit: TimeLimit, policy: DuePolicy
) -> None:
    d = due(received, limit, policy=policy)
    r = restart(d, received)
    assert (r.date, r.at) == (d.date, d.at)


def test_due_fields() -> None:
    d = due(vn(2025, 3, 3, 9), wd(1))
    assert isinstance(d, Due)
    assert d.limit == wd(1)
    assert d.calendar is CAL
    assert "Due(date=datetime.date(2025, 3, 4)" in repr(d)


def test_fast_constructor_builds_the_same_value() -> None:
    d = due(vn(2025, 3, 3, 9), wd(1))
    twin = Due(d.date, d.at, d.provisional, d.basis, d.limit, d.received_at, d.calendar)
    assert d == twin
    assert repr(d) == repr(twin)
    assert hash(d) == hash(twin)


@pytest.mark.parametrize(
    "limit",
    [TimeLimit.months(10**20), TimeLimit.calendar_days(10**20), TimeLimit.calendar_days(40_000)],
    ids=["months", "calendar-days", "calendar-days-past-2100"],
)
def test_a_limit_past_the_supported_years_is_refused_not_overflowed(limit: TimeLimit) -> None:
    with pytest.raises(DateOutOfRangeError, match="outside the supported range 1995-01-01"):
        due(datetime(2025, 3, 3, 9, tzinfo=VIETNAM_TZ), limit)


# -- versioned rules of the one-stop regime (issue 12) -----------------------------------------------

BEFORE, SWITCH = date(2025, 6, 30), date(2025, 7, 1)  # Nghị định 118/2025 in force 01/07/2025


@pytest.mark.parametrize(
    ("key", "before", "after"),
    [
        ("restart", "61/2018/NĐ-CP", "118/2025/NĐ-CP"),
        ("pause", "101/2024/NĐ-CP", "101/2024/NĐ-CP"),  # sector law under both regimes
        ("apology", "61/2018/NĐ-CP", "118/2025/NĐ-CP"),
        ("one_apology", "61/2018/NĐ-CP", "118/2025/NĐ-CP"),
        ("evaluation", "01/2018/TT-VPCP", "118/2025/NĐ-CP"),
    ],
)
def test_regime_rules_switch_on_1_july_2025(key: str, before: str, after: str) -> None:
    old, new = due_rule(key, as_of=BEFORE), due_rule(key, as_of=SWITCH)
    assert (old.source.number, new.source.number) == (before, after)
    assert (old.regime, new.regime) == ("nd61_2018", "nd118_2025")
    assert old.regime_source is not None
    assert new.regime_source is not None
    assert (old.regime_source.number, new.regime_source.number) == (
        "61/2018/NĐ-CP",
        "118/2025/NĐ-CP",
    )
    assert old.valid_to == new.valid_from == SWITCH
    assert new.valid_to is None
    assert old.in_force(BEFORE)
    assert not old.in_force(SWITCH)
    assert new.in_force(SWITCH)


def test_118_rows_say_what_could_not_be_found() -> None:
    # Where no 118 article was read, the citation is [U] and says so; where 118 changed
    # nothing that could be found, the row says so.
    for key in ("restart", "apology", "one_apology", "evaluation"):
        rule = due_rule(key, as_of=SWITCH)
        assert rule.source.confidence == "unconfirmed", key
        assert "article not verified" in (rule.source.provision or ""), key
    assert "no change" in due_rule("restart", as_of=SWITCH).summary
    assert "leaves as it was" in due_rule("pause", as_of=SWITCH).summary
    assert "policy" in due_rule("one_apology", as_of=SWITCH).summary


@pytest.mark.parametrize(
    "key", ["working_days", "calendar_days", "months", "working_hours", "same_day"]
)
def test_civil_code_rules_are_the_same_under_both_regimes(key: str) -> None:
    assert due_rule(key, as_of=BEFORE) is due_rule(key, as_of=SWITCH) is due_rule(key)
    assert due_rule(key).regime == ""


def test_due_rules_as_of_gives_one_version_of_each_rule() -> None:
    for day in (date(2017, 3, 1), BEFORE, SWITCH, date(2026, 12, 4)):
        rules = due_rules(as_of=day)
        assert len(rules) == len({r.key for r in rules}) == 14
        assert all(r.in_force(day) for r in rules)
    # Receipts before Nghị định 61/2018 (21/06/2018) get its rules: tthc encodes no older regime.
    assert due_rule("apology", as_of=date(2017, 3, 1)).source.number == "61/2018/NĐ-CP"


@given(st.dates(date(1995, 1, 1), date(2100, 12, 31)))
def test_every_receipt_date_has_exactly_one_version(day: date) -> None:
    for key in {r.key for r in due_rules()}:
        assert sum(r.in_force(day) for r in due_rules() if r.key == key) == 1


def test_unknown_rule_is_a_tthc_error_and_a_key_error() -> None:
    with pytest.raises(tthc.UnknownRuleError) as info:
        due_rule("nope")
    assert isinstance(info.value, KeyError)
    assert isinstance(info.value, tthc.TthcError)
    assert info.value.key == "nope"
    assert str(info.value).startswith("no due-date rule 'nope'; known: working_days,")
    with pytest.raises(TypeError, match="as_of is a date"):
        due_rule("restart", as_of="2025-07-01")  # type: ignore[arg-type]


def test_restart_pause_and_apology_cite_the_regime_of_receipt() -> None:
    # Received 30/06/2025 (Nghị định 61): a supplement received after 01/07 keeps 61's rule.
    old = due(vn(2025, 6, 30, 9), wd(10))
    new = due(vn(2025, 7, 1, 9), wd(10))
    assert restart(old, vn(2025, 7, 3, 9)).basis.events[0].rule.source.number == "61/2018/NĐ-CP"
    assert restart(new, vn(2025, 7, 3, 9)).basis.events[0].rule.source.number == "118/2025/NĐ-CP"
    assert pause(old, vn(2025, 7, 2), vn(2025, 7, 4)).basis.events[0].rule.regime == "nd61_2018"
    assert pause(new, vn(2025, 7, 2), vn(2025, 7, 4)).basis.events[0].rule.regime == "nd118_2025"
    assert "Phiếu xin lỗi và hẹn lại" in apology_deadline(old).rule.summary
    assert "đề nghị gia hạn" in apology_deadline(new).rule.summary
    # The counting rule itself (Civil Code) is the same for both.
    assert old.basis.rule is new.basis.rule


# -- the same-day cut-off (issue 12) -------------------------------------------------------------------


def test_certification_cutoff_is_the_law_at_15_01() -> None:
    # Nghị định 23/2015 Điều 7: a chứng thực request received after 15:00 -> next working day.
    d = due(vn(2025, 9, 4, 15, 1), CERT)
    assert d.date == date(2025, 9, 5)
    assert d.basis.rule.key == "same_day_certification"
    assert (d.basis.rule.source.number, d.basis.rule.source.provision) == (
        "23/2015/NĐ-CP",
        "Điều 7",
    )
    # The same-day policy does not apply to it: the law fixes the cut-off.
    assert due(vn(2025, 9, 4, 15, 1), CERT, same_day_cutoff=None).date == date(2025, 9, 5)
    assert due(vn(2025, 9, 4, 15, 0), CERT).date == date(2025, 9, 4)  # "sau 15 giờ": strictly


def test_same_day_without_a_stated_cutoff_is_the_policy() -> None:
    limit = TimeLimit.same_day()  # "Trong ngày", no cut-off in the text
    d = due(vn(2025, 9, 4, 15, 1), limit)  # default policy: 15:00, vendor practice
    assert d.date == date(2025, 9, 5)
    assert d.basis.rule.key == "same_day_policy"
    assert "Vendor practice, not law" in d.basis.rule.summary
    assert d.basis.same_day_cutoff == time(15)
    none = due(vn(2025, 9, 4, 15, 1), limit, same_day_cutoff=None)
    assert none.date == date(2025, 9, 4)
    assert none.basis.same_day_cutoff is None
    assert str(none.basis).endswith("; cut-off none")
    later = due(vn(2025, 9, 4, 16, 29), limit, same_day_cutoff=time(16, 30))
    assert later.date == date(2025, 9, 4)
    # A day off is never a same-day receipt, whatever the policy: 02/09/2025 is Quốc khánh.
    assert due(vn(2025, 9, 2, 9), limit, same_day_cutoff=None).date == date(2025, 9, 3)


def test_a_stated_cutoff_applies_as_stated() -> None:
    limit = TimeLimit.same_day(time(16))
    assert limit.cutoff_basis is tthc.deadlines.CutoffBasis.STATED
    d = due(vn(2025, 9, 4, 16, 1), limit, same_day_cutoff=None)
    assert d.date == date(2025, 9, 5)
    assert d.basis.rule.key == "same_day"
    assert d.basis.rule.source.number == "63/2010/NĐ-CP"


def test_restart_keeps_the_same_day_policy_of_the_due() -> None:
    d = due(vn(2025, 9, 4, 9), TimeLimit.same_day(), same_day_cutoff=None)
    assert restart(d, vn(2025, 9, 4, 16)).date == date(2025, 9, 4)
    assert restart(due(vn(2025, 9, 4, 9), TimeLimit.same_day()), vn(2025, 9, 4, 16)).date == date(
        2025, 9, 5
    )


@pytest.mark.parametrize(
    ("text", "basis", "cutoff"),
    [
        ("Trong ngày", "policy", time(15)),
        ("Trong ngày; nhận sau 16 giờ thì trả trong ngày làm việc tiếp theo", "stated", time(16)),
        (
            "Trong ngày cơ quan, tổ chức tiếp nhận yêu cầu hoặc trong ngày làm việc tiếp theo, nếu "
            "tiếp nhận yêu cầu sau 15 giờ. ... phiếu hẹn ghi rõ thời gian trả kết quả cho người "
            "yêu cầu chứng thực.",
            "certification",
            time(15),
        ),
    ],
    ids=["no-cutoff", "stated-16h", "chung-thuc-wording"],
)
def test_parse_records_where_the_cutoff_comes_from(text: str, basis: str, cutoff: time) -> None:
    parsed = TimeLimit.parse(text)
    assert parsed.limit.cutoff_basis == basis
    assert parsed.limit.cutoff == cutoff


def test_cutoff_basis_is_checked() -> None:
    basis = tthc.deadlines.CutoffBasis
    with pytest.raises(tthc.InvalidTimeLimitError, match="chứng thực is 15:00"):
        TimeLimit(0, Unit.SAME_DAY, cutoff=time(16), cutoff_basis=basis.CERTIFICATION)
    with pytest.raises(tthc.InvalidTimeLimitError, match="policy cut-off"):
        TimeLimit(0, Unit.SAME_DAY, cutoff=time(16), cutoff_basis=basis.POLICY)
    with pytest.raises(tthc.InvalidTimeLimitError, match="cut-off basis"):
        TimeLimit(1, Unit.WORKING_DAYS, cutoff_basis=basis.STATED)
    with pytest.raises(tthc.InvalidTimeLimitError, match="CutoffBasis"):
        TimeLimit(0, Unit.SAME_DAY, cutoff_basis="nope")  # type: ignore[arg-type]
    with pytest.raises(tthc.InvalidTimeLimitError, match="same_day_cutoff"):
        due(vn(2025, 9, 4, 9), TimeLimit.same_day(), same_day_cutoff=time(15, 0, 30))
    assert TimeLimit(0, Unit.SAME_DAY, cutoff_basis="stated").cutoff_basis is basis.STATED  # type: ignore[arg-type]
    assert TimeLimit(0, Unit.SAME_DAY) == TimeLimit.same_day()  # 15:00 by default: the policy's
    assert TimeLimit.same_day() != TimeLimit.same_day(time(15)) != TimeLimit.certification()
