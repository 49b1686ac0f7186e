"""Tests of working time (giờ làm việc): office hours, add_working_time, working_time_between
and next_office_moment. Reading B of legal-rules.md §1.3: durations in office hours, 8 a day,
default office hours 07:00-11:30 and 13:30-17:00, Vietnam local time.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from fractions import Fraction
from zoneinfo import ZoneInfo

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from tests.strategies import (
    instants,
    naive_instants,
    office_instants,
    provisional_ok,
    utc_instants,
    working_time_amounts,
)
from tthc import CountTooLargeError, DateOutOfRangeError, OfficeHours, WorkCalendar

VN = ZoneInfo("Asia/Ho_Chi_Minh")
H = timedelta(hours=1)


def vn(y: int, mo: int, d: int, h: int = 0, mi: int = 0) -> datetime:
    """An aware Vietnam-time instant (the form every result takes)."""
    return datetime(y, mo, d, h, mi, tzinfo=VN)


def local(y: int, mo: int, d: int, h: int = 0, mi: int = 0) -> datetime:
    """A naive instant, which tthc reads as Vietnam local time."""
    return datetime(y, mo, d, h, mi)  # noqa: DTZ001 - naive input is the point


# -- office hours --------------------------------------------------------------------------------


def test_default_office_hours() -> None:
    hours = OfficeHours()
    assert hours.periods == ((time(7), time(11, 30)), (time(13, 30), time(17)))
    assert hours.length == 8 * H
    assert hours.opening == time(7)
    assert hours.closing == time(17)


@pytest.mark.parametrize(
    ("periods", "error"),
    [
        pytest.param((), ValueError, id="empty"),
        pytest.param(((time(13), time(12)),), ValueError, id="ends-before-start"),
        pytest.param(((time(9), time(9)),), ValueError, id="empty-period"),
        pytest.param(((time(8), time(12)), (time(11), time(17))), ValueError, id="overlap"),
        pytest.param(((time(13), time(17)), (time(8), time(12))), ValueError, id="out-of-order"),
        pytest.param(((time(8, tzinfo=UTC), time(12)),), ValueError, id="aware-time"),
        pytest.param((("08:00", "12:00"),), TypeError, id="strings"),
        pytest.param(((time(8),),), TypeError, id="not-a-pair"),
    ],
)
def test_office_hours_validation(periods: object, error: type[Exception]) -> None:
    with pytest.raises(error):
        OfficeHours(periods)  # type: ignore[arg-type]


# -- add_working_time: examples ------------------------------------------------------------------

ADD_EXAMPLES = [
    pytest.param(local(2025, 3, 3, 9), 8, vn(2025, 3, 4, 9), id="1.6-ex1-Mon-09:00+1day"),
    pytest.param(
        local(2025, 3, 3, 12), 8, vn(2025, 3, 4, 11, 30), id="1.6-ex2-lunch-starts-13:30"
    ),
    pytest.param(
        local(2025, 12, 31, 17, 30), 8, vn(2026, 1, 5, 17), id="1.6-ex6-after-hours-over-new-year"
    ),
    pytest.param(local(2025, 1, 24, 15, 30), 24, vn(2025, 2, 5, 15, 30), id="1.6-ex3-over-Tet"),
    pytest.param(local(2025, 3, 3, 9), 80, vn(2025, 3, 17, 9), id="1.6-ex9-10-days"),
    pytest.param(local(2025, 3, 3, 7), 4, vn(2025, 3, 3, 11), id="half-day-4h-from-07:00"),
    pytest.param(
        local(2025, 3, 3, 7), Decimal("4.5"), vn(2025, 3, 3, 11, 30), id="4.5h-ends-11:30"
    ),
    pytest.param(local(2025, 3, 3, 7), 4.5, vn(2025, 3, 3, 11, 30), id="4.5h-float-ends-11:30"),
    pytest.param(local(2025, 3, 3, 13, 30), Fraction(7, 2), vn(2025, 3, 3, 17), id="ends-17:00"),
    pytest.param(local(2025, 3, 3, 11), 1, vn(2025, 3, 3, 14), id="over-lunch"),
    pytest.param(local(2025, 3, 3, 16), 2, vn(2025, 3, 4, 8), id="over-the-night"),
    pytest.param(local(2025, 4, 25, 16), 2, vn(2025, 4, 26, 8), id="onto-make-up-saturday"),
    pytest.param(local(2025, 3, 8, 10), 1, vn(2025, 3, 10, 8), id="from-a-saturday"),
    pytest.param(local(2025, 3, 3, 9), 0, vn(2025, 3, 3, 9), id="zero-inside-hours"),
    pytest.param(local(2025, 3, 3, 12), 0, vn(2025, 3, 3, 13, 30), id="zero-at-lunch"),
    pytest.param(local(2025, 3, 3, 9), Decimal("0.5"), vn(2025, 3, 3, 9, 30), id="Decimal-0.5"),
    pytest.param(local(2025, 3, 3, 9), Fraction(1, 2), vn(2025, 3, 3, 9, 30), id="Fraction-1/2"),
    pytest.param(
        local(2025, 3, 3, 9), timedelta(minutes=90), vn(2025, 3, 3, 10, 30), id="timedelta"
    ),
    pytest.param(
        datetime(2025, 3, 3, 2, tzinfo=UTC), 8, vn(2025, 3, 4, 9), id="aware-UTC-02:00-is-09:00"
    ),
]


@pytest.mark.parametrize(("at", "hours", "expected"), ADD_EXAMPLES)
def test_add_working_time(
    cal: WorkCalendar,
    at: datetime,
    hours: int | Decimal | Fraction | timedelta,
    expected: datetime,
) -> None:
    result = cal.add_working_time(at, hours)
    assert result == expected
    assert result.utcoffset() == timedelta(hours=7)
    assert isinstance(result.tzinfo, ZoneInfo)
    assert result.tzinfo.key == "Asia/Ho_Chi_Minh"


def test_make_up_saturday_not_counted_for_time() -> None:
    from tthc import vietnam_calendar

    plain = vietnam_calendar(count_make_up_days=False)
    assert plain.add_working_time(local(2025, 4, 25, 16), 2) == vn(2025, 4, 28, 8)


@pytest.mark.parametrize(
    ("hours", "error"),
    [
        pytest.param(-1, ValueError, id="negative-int"),
        pytest.param(Decimal("-0.5"), ValueError, id="negative-Decimal"),
        pytest.param(timedelta(minutes=-1), ValueError, id="negative-timedelta"),
        pytest.param(0.1, ValueError, id="float-not-whole-microseconds"),
        pytest.param(1 / 3, ValueError, id="float-one-third"),
        pytest.param(float("nan"), ValueError, id="nan"),
        pytest.param("8", TypeError, id="str"),
        pytest.param(True, TypeError, id="bool"),
        pytest.param(None, TypeError, id="None"),
        pytest.param(10**9, CountTooLargeError, id="absurd-int"),
        pytest.param(timedelta.max, CountTooLargeError, id="absurd-timedelta"),
        pytest.param(float("inf"), CountTooLargeError, id="infinity"),
        pytest.param(Decimal("Infinity"), CountTooLargeError, id="Decimal-infinity"),
        pytest.param(float("-inf"), ValueError, id="minus-infinity"),
    ],
)
def test_add_working_time_bad_amounts(
    cal: WorkCalendar, hours: object, error: type[Exception]
) -> None:
    with pytest.raises(error):
        cal.add_working_time(local(2025, 3, 3, 9), hours)  # type: ignore[arg-type]


def test_bad_amount_messages_name_the_value(cal: WorkCalendar) -> None:
    with pytest.raises(ValueError, match=r"0\.1"):
        cal.add_working_time(local(2025, 3, 3, 9), 0.1)
    with pytest.raises(ValueError, match="-1"):
        cal.add_working_time(local(2025, 3, 3, 9), -1)
    with pytest.raises(CountTooLargeError, match="1000000000"):
        cal.add_working_time(local(2025, 3, 3, 9), 10**9)


@pytest.mark.parametrize(
    "at",
    [
        pytest.param(date(2025, 3, 3), id="date"),
        pytest.param("2025-03-03 09:00", id="str"),
        pytest.param(None, id="None"),
    ],
)
def test_working_time_needs_datetimes(cal: WorkCalendar, at: object) -> None:
    with pytest.raises(TypeError):
        cal.add_working_time(at, 1)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        cal.next_office_moment(at)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        cal.working_time_between(at, local(2025, 3, 3, 9))  # type: ignore[arg-type]


def test_working_time_range(cal: WorkCalendar) -> None:
    with pytest.raises(DateOutOfRangeError):
        cal.add_working_time(local(1994, 12, 31, 9), 1)
    with provisional_ok(), pytest.raises(DateOutOfRangeError):
        cal.add_working_time(local(2100, 12, 30, 9), 80)
    with pytest.raises(DateOutOfRangeError):
        cal.working_time_between(local(2025, 3, 3, 9), local(2101, 1, 1, 9))


def test_working_time_warns_outside_the_verified_years(cal: WorkCalendar) -> None:
    from tthc import ProvisionalCalendarWarning

    with pytest.warns(ProvisionalCalendarWarning, match="2027"):
        cal.add_working_time(local(2026, 12, 31, 16), 8)
    with pytest.warns(ProvisionalCalendarWarning, match="2027"):
        cal.working_time_between(local(2026, 12, 31, 16), local(2027, 1, 5, 9))


# -- next_office_moment --------------------------------------------------------------------------

NEXT_EXAMPLES = [
    pytest.param(local(2025, 3, 3, 6), vn(2025, 3, 3, 7), id="before-opening"),
    pytest.param(local(2025, 3, 3, 7), vn(2025, 3, 3, 7), id="at-opening"),
    pytest.param(local(2025, 3, 3, 9, 15), vn(2025, 3, 3, 9, 15), id="inside-hours"),
    pytest.param(local(2025, 3, 3, 11, 30), vn(2025, 3, 3, 13, 30), id="11:30-is-lunch"),
    pytest.param(local(2025, 3, 3, 12), vn(2025, 3, 3, 13, 30), id="lunch"),
    pytest.param(local(2025, 3, 3, 17), vn(2025, 3, 4, 7), id="17:00-next-day"),
    pytest.param(local(2025, 3, 7, 18), vn(2025, 3, 10, 7), id="friday-evening-to-monday"),
    pytest.param(local(2025, 4, 30, 9), vn(2025, 5, 5, 7), id="holiday-30-4-2025"),
    pytest.param(local(2025, 12, 31, 17, 30), vn(2026, 1, 5, 7), id="1.6-ex6-new-year-2026"),
    pytest.param(local(2026, 1, 9, 17, 30), vn(2026, 1, 10, 7), id="make-up-saturday-opens"),
    pytest.param(datetime(2025, 3, 3, 4, 30, tzinfo=UTC), vn(2025, 3, 3, 13, 30), id="aware-UTC"),
]


@pytest.mark.parametrize(("at", "expected"), NEXT_EXAMPLES)
def test_next_office_moment(cal: WorkCalendar, at: datetime, expected: datetime) -> None:
    result = cal.next_office_moment(at)
    assert result == expected
    assert isinstance(result.tzinfo, ZoneInfo)
    assert result.tzinfo.key == "Asia/Ho_Chi_Minh"


# -- working_time_between ------------------------------------------------------------------------

BETWEEN_EXAMPLES = [
    pytest.param(local(2025, 3, 3, 9), local(2025, 3, 4, 9), 8 * H, id="one-day"),
    pytest.param(local(2025, 3, 3, 11), local(2025, 3, 3, 14), 1 * H, id="over-lunch"),
    pytest.param(local(2025, 3, 3, 12), local(2025, 3, 3, 13), timedelta(0), id="inside-lunch"),
    pytest.param(local(2025, 3, 7, 17), local(2025, 3, 10, 7), timedelta(0), id="weekend"),
    pytest.param(local(2025, 1, 24, 15, 30), local(2025, 2, 5, 15, 30), 24 * H, id="over-Tet"),
    pytest.param(local(2025, 3, 4, 9), local(2025, 3, 3, 9), -8 * H, id="reversed"),
    pytest.param(datetime(2025, 3, 3, 2, tzinfo=UTC), vn(2025, 3, 3, 10), 1 * H, id="mixed-aware"),
]


@pytest.mark.parametrize(("a", "b", "expected"), BETWEEN_EXAMPLES)
def test_working_time_between(
    cal: WorkCalendar, a: datetime, b: datetime, expected: timedelta
) -> None:
    assert cal.working_time_between(a, b) == expected


# -- agency office hours and Saturday-morning reception ------------------------------------------


def test_custom_office_hours_from_a_date(cal: WorkCalendar) -> None:
    hanoi = cal.with_office_hours(
        OfficeHours(((time(8), time(12)), (time(13), time(17)))),
        valid_from=date(2025, 7, 1),
        source="Quy chế làm việc của cơ quan",
    )
    # Mon 30/06/2025 still has the old hours: 09:00-11:30 + 13:30-17:00 = 6 h, then 2 h of the
    # new hours on Tue 01/07 from 08:00.
    assert hanoi.add_working_time(local(2025, 6, 30, 9), 8) == vn(2025, 7, 1, 10)
    assert hanoi.next_office_moment(local(2025, 7, 1, 7, 30)) == vn(2025, 7, 1, 8)
    assert hanoi.next_office_moment(local(2025, 6, 30, 7, 30)) == vn(2025, 6, 30, 7, 30)
    assert hanoi.next_office_moment(local(2025, 7, 1, 12, 30)) == vn(2025, 7, 1, 13)
    assert hanoi.working_time_between(local(2025, 7, 1, 11), local(2025, 7, 1, 14)) == 2 * H
    # the original calendar is untouched
    assert cal.add_working_time(local(2025, 6, 30, 9), 8) == vn(2025, 7, 1, 9)


def test_saturday_morning_reception(cal: WorkCalendar) -> None:
    saturday = date(2025, 11, 15)
    local_cal = cal.with_working_days(
        [saturday],
        name="Tiếp nhận sáng thứ Bảy",
        source="local decision",
        hours=OfficeHours(((time(7, 30), time(11, 30)),)),
    )
    assert local_cal.hours_on(saturday).length == 4 * H
    # Fri 15:00-17:00 is 2 h, the other 2 h on Saturday from 07:30.
    assert local_cal.add_working_time(local(2025, 11, 14, 15), 4) == vn(2025, 11, 15, 9, 30)
    assert local_cal.add_working_time(local(2025, 11, 14, 15), 6) == vn(2025, 11, 15, 11, 30)
    assert local_cal.add_working_time(local(2025, 11, 14, 15), 7) == vn(2025, 11, 17, 8)
    assert local_cal.working_time_between(local(2025, 11, 14, 17), local(2025, 11, 17, 7)) == 4 * H
    assert local_cal.next_office_moment(local(2025, 11, 15, 12)) == vn(2025, 11, 17, 7)
    assert local_cal.next_office_moment(local(2025, 11, 15, 7)) == vn(2025, 11, 15, 7, 30)
    # without the override the Saturday has no office time
    assert cal.add_working_time(local(2025, 11, 14, 15), 4) == vn(2025, 11, 17, 9)


# -- properties ----------------------------------------------------------------------------------


@given(a=instants(), amount=working_time_amounts)
@example(a=local(2025, 3, 3, 12), amount=8 * H)
@example(a=local(2025, 12, 31, 17, 30), amount=8 * H)
@example(a=local(2025, 3, 3, 7), amount=timedelta(hours=4, minutes=30))
def test_between_inverts_add(cal: WorkCalendar, a: datetime, amount: timedelta) -> None:
    with provisional_ok():
        b = cal.add_working_time(a, amount)
        assert cal.working_time_between(a, b) == amount
        assert cal.working_time_between(b, a) == -amount
        assert b.tzinfo is not None
        assert b >= (a if a.tzinfo is not None else a.replace(tzinfo=VN))


@given(data=st.data(), minutes_before=st.integers(min_value=1, max_value=10 * 24 * 60))
def test_add_inverts_between(cal: WorkCalendar, data: st.DataObject, minutes_before: int) -> None:
    b = data.draw(office_instants(cal), label="b")
    a = b - timedelta(minutes=minutes_before)
    aware = data.draw(st.booleans(), label="aware in UTC")
    if aware:
        a = a.replace(tzinfo=VN).astimezone(UTC)
        b = b.replace(tzinfo=VN).astimezone(UTC)
    with provisional_ok():
        spent = cal.working_time_between(a, b)
        assert spent > timedelta(0)
        result = cal.add_working_time(a, spent)
    assert result == (b if aware else b.replace(tzinfo=VN))


@given(a=naive_instants(), amount=working_time_amounts)
def test_naive_and_utc_agree(cal: WorkCalendar, a: datetime, amount: timedelta) -> None:
    aware = a.replace(tzinfo=VN).astimezone(UTC)
    with provisional_ok():
        assert cal.add_working_time(a, amount) == cal.add_working_time(aware, amount)
        assert cal.next_office_moment(a) == cal.next_office_moment(aware)


@given(a=utc_instants(), amount=working_time_amounts, extra=working_time_amounts)
def test_add_working_time_is_additive(
    cal: WorkCalendar, a: datetime, amount: timedelta, extra: timedelta
) -> None:
    with provisional_ok():
        in_two_steps = cal.add_working_time(cal.add_working_time(a, amount), extra)
        in_one_step = cal.add_working_time(a, amount + extra)
        if extra:
            assert in_two_steps == in_one_step
        else:  # adding nothing moves a period end (11:30) to the next start (13:30)
            assert cal.working_time_between(in_one_step, in_two_steps) == timedelta(0)


@given(a=instants())
def test_next_office_moment_is_inside_office_hours(cal: WorkCalendar, a: datetime) -> None:
    with provisional_ok():
        moment = cal.next_office_moment(a)
        day = moment.date()
        assert cal.is_working_day(day)
        assert any(s <= moment.time() < e for s, e in cal.hours_on(day).periods)
        assert moment >= (a if a.tzinfo is not None else a.replace(tzinfo=VN))
        assert cal.working_time_between(a, moment) == timedelta(0)
