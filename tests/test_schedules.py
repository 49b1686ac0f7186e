"""Schedule files (tthc.schedules): the format, its strict checks, and how a calendar uses them.

Expected dates are counted by hand on the calendar of 2027 (Tết Đinh Mùi: mùng 1 is Saturday
06/02/2027) and of 2026 (the verified schedule).
"""

from __future__ import annotations

import warnings
from datetime import date
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tthc import (
    CalendarNotCoveredError,
    DayKind,
    DayStatus,
    ProvisionalCalendarWarning,
    Schedule,
    ScheduleError,
    TthcError,
    vietnam_calendar,
)
from tthc.cli import main
from tthc.schedules import MAX_SCHEDULE_BYTES, MAX_SCHEDULE_DAYS, ScheduleDayKind

EXAMPLE = Path(__file__).parent.parent / "examples" / "schedule-2027-example.toml"

HEAD = """
[document]
number = "1/TB-THỬ"
title = "Thông báo thử"
issued = 2026-12-01
"""


def toml(*days: tuple[str, str], years: str = "", extra: str = "") -> str:
    rows = "".join(f'[[days]]\ndate = {d}\nkind = "{k}"\nname = "Ngày {d}"\n' for d, k in days)
    coverage = f"[coverage]\nverified_years = [{years}]\n{extra}" if years or extra else ""
    return HEAD + rows + coverage


# -- the format ---------------------------------------------------------------------------------


def test_parse_a_minimal_file() -> None:
    s = Schedule.parse(toml(("2027-02-04", "off"), ("2027-02-20", "make_up")), origin="a.toml")
    assert s.document.number == "1/TB-THỬ"
    assert s.document.issued == date(2026, 12, 1)
    assert [(d.day, d.kind) for d in s.days] == [
        (date(2027, 2, 4), ScheduleDayKind.OFF),
        (date(2027, 2, 20), ScheduleDayKind.MAKE_UP),
    ]
    assert s.verified_years == ()
    assert s.overrides_verified is False
    assert s.origin == "a.toml"


def test_days_are_sorted_and_the_value_is_frozen() -> None:
    s = Schedule.parse(toml(("2027-03-02", "off"), ("2027-03-01", "off")))
    assert [d.day for d in s.days] == [date(2027, 3, 1), date(2027, 3, 2)]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        s.days = ()  # type: ignore[misc]
    assert s == Schedule.parse(toml(("2027-03-01", "off"), ("2027-03-02", "off")))


def test_read_the_example_file() -> None:
    s = Schedule.read(EXAMPLE)
    assert s.verified_years == (2027,)
    assert s.origin == str(EXAMPLE)
    assert len(s.days) == 16
    assert {d.kind for d in s.days} == {
        ScheduleDayKind.HOLIDAY,
        ScheduleDayKind.COMPENSATORY,
        ScheduleDayKind.SWAPPED,
        ScheduleDayKind.MAKE_UP,
    }


BAD = [
    pytest.param("[document\n", "TOML", "[document", id="syntax-names-the-line"),
    pytest.param(
        toml(("2027-02-04", "off")).replace("[document]", "[doc]"), "doc", "", id="unknown-table"
    ),
    pytest.param(
        "[[days]]\ndate = 2027-02-04\nkind='off'\nname='x'\n", "document", "", id="no-document"
    ),
    pytest.param(HEAD, "days", "", id="no-days"),
    pytest.param(
        toml(("2027-02-04", "off")).replace('number = "1/TB-THỬ"', 'number = ""'),
        "document.number",
        "''",
        id="empty-number",
    ),
    pytest.param(
        toml(("2027-02-04", "off")).replace("issued = 2026-12-01", 'issued = "2026-12-01"'),
        "document.issued",
        "'2026-12-01'",
        id="quoted-date",
    ),
    pytest.param(
        toml(("2027-02-04", "off")).replace("issued = 2026-12-01", "issued = 2026-12-01T09:00:00"),
        "document.issued",
        "datetime",
        id="datetime",
    ),
    pytest.param(
        toml(("2027-02-04", "off")) + "url = 'ftp://x'\n", "", "", id="url-outside-its-table"
    ),
    pytest.param(
        toml(("2027-02-06", "off")), "days[0].date", "2027, 2, 6", id="off-on-a-saturday"
    ),
    pytest.param(
        toml(("2027-02-05", "make_up")), "days[0].date", "2027, 2, 5", id="make-up-on-a-friday"
    ),
    pytest.param(toml(("2027-02-04", "holliday")), "days[0].kind", "'holliday'", id="bad-kind"),
    pytest.param(
        toml(("2027-02-04", "off"), ("2027-02-04", "off")),
        "days[1].date",
        "2027, 2, 4",
        id="twice",
    ),
    pytest.param(toml(("2101-02-04", "off")), "days[0].date", "2101", id="after-2100"),
    pytest.param(toml(("1994-02-04", "off")), "days[0].date", "1994", id="before-1995"),
    pytest.param(
        toml(("2027-02-04", "off"), years="2028"),
        "coverage.verified_years[0]",
        "2028",
        id="verified-year-without-a-day",
    ),
    pytest.param(
        toml(("2027-02-04", "off"), years="'2027'"),
        "coverage.verified_years[0]",
        "'2027'",
        id="year-as-text",
    ),
    pytest.param(
        toml(("2027-02-04", "off"), extra="overrides_verified = 1\n"),
        "coverage.overrides_verified",
        "1",
        id="flag-not-bool",
    ),
    pytest.param(
        toml(("2027-02-04", "off"), extra="verified = true\n"),
        "coverage.verified",
        "",
        id="unknown-field",
    ),
    pytest.param(
        toml(("2027-02-04", "off")).replace('name = "Ngày 2027-02-04"', 'name = "a\\u001b[31m"'),
        "days[0].name",
        "\\x1b",
        id="control-character",
    ),
]


@pytest.mark.parametrize(("text", "where", "shown"), BAD)
def test_a_bad_file_gets_one_clear_error(text: str, where: str, shown: str) -> None:
    with pytest.raises(ScheduleError) as info:
        Schedule.parse(text, origin="lịch.toml")
    e = info.value
    assert isinstance(e, TthcError)
    assert isinstance(e, ValueError)
    message = str(e)
    assert message.startswith("lịch.toml: ")
    assert e.origin == "lịch.toml"
    if where:
        assert e.where == where
    assert shown in message


def test_a_bad_url() -> None:
    text = toml(("2027-02-04", "off")).replace(
        "issued = 2026-12-01", 'issued = 2026-12-01\nurl = "javascript:alert(1)"'
    )
    with pytest.raises(ScheduleError, match=r"document\.url: expected an http\(s\) address"):
        Schedule.parse(text)


def test_bounds_on_size_and_days(tmp_path: Path) -> None:
    big = tmp_path / "big.toml"
    big.write_bytes(b"#" * (MAX_SCHEDULE_BYTES + 1))
    with pytest.raises(ScheduleError, match=r"big.toml: file: larger than"):
        Schedule.read(big)
    many = HEAD + "".join(
        f'[[days]]\ndate = {date.fromordinal(date(2030, 1, 1).toordinal() + k)}\nkind = "off"\nname = "x"\n'
        for k in range(MAX_SCHEDULE_DAYS + 1)
    )
    with pytest.raises(ScheduleError, match="days: more than 2000 days"):
        Schedule.parse(many)


def test_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(ScheduleError, match=r"missing.toml: file: "):
        Schedule.read(tmp_path / "missing.toml")
    latin = tmp_path / "latin.toml"
    latin.write_bytes(HEAD.replace("THỬ", "TH").encode("utf-8") + b"# \xe9\n")
    with pytest.raises(ScheduleError, match=r"latin.toml: byte .*: not UTF-8 text"):
        Schedule.read(latin)


@given(st.text(max_size=300))
def test_any_text_is_parsed_or_refused_with_a_schedule_error(text: str) -> None:
    try:
        Schedule.parse(text, origin="fuzz")
    except ScheduleError as e:
        message = str(e)
    else:
        message = "fuzz: parsed"
    assert message.startswith("fuzz: ")


# -- a calendar with schedule files --------------------------------------------------------------


def test_the_example_file_makes_2027_verified() -> None:
    cal = vietnam_calendar(schedules=[EXAMPLE])
    assert cal.verified_years == range(2019, 2028)
    with warnings.catch_warnings():
        warnings.simplefilter("error", ProvisionalCalendarWarning)
        # Wed 10/02 off; Thu 11 and Fri 12 swapped; Mon 15 .. Fri 19 -> the 5th is Fri 19/02
        assert cal.add_working_days(date(2027, 2, 10), 5) == date(2027, 2, 19)
        assert cal.is_working_day(date(2027, 2, 20))  # make-up Saturday
        assert vietnam_calendar(strict=True, schedules=[EXAMPLE]).is_working_day(date(2027, 3, 1))
    day = cal.day_info(date(2027, 2, 12))
    assert day is not None
    assert (day.kind, day.status) == (DayKind.SWAPPED, DayStatus.VERIFIED)
    assert day.source.number == "0000/TB-VÍ-DỤ"
    assert day.origin == str(EXAMPLE)
    # the provisional guesses of 2027 are gone: only the file's days remain
    assert all(d.origin == str(EXAMPLE) for d in cal.days_off(2027))
    assert len(cal.days_off(2027)) == 14
    with pytest.raises(CalendarNotCoveredError, match="2028"):
        vietnam_calendar(strict=True, schedules=[EXAMPLE]).is_working_day(date(2028, 1, 3))


def test_a_path_and_a_parsed_schedule_give_the_same_calendar() -> None:
    assert vietnam_calendar(schedules=[EXAMPLE]) == vietnam_calendar(
        schedules=[Schedule.read(EXAMPLE)]
    )
    assert vietnam_calendar(schedules=[EXAMPLE]) != vietnam_calendar()
    assert "schedules=1" in repr(vietnam_calendar(schedules=[EXAMPLE]))


def test_days_outside_the_verified_years_are_laid_over_but_stay_provisional() -> None:
    s = Schedule.parse(toml(("2028-03-03", "off")), origin="one-day.toml")
    cal = vietnam_calendar(schedules=[s])
    assert cal.verified_years == range(2019, 2027)
    with pytest.warns(ProvisionalCalendarWarning, match="2028"):
        working = cal.is_working_day(date(2028, 3, 3))
    assert not working
    day = cal.day_info(date(2028, 3, 3))
    assert day is not None
    assert day.origin == "one-day.toml"


def test_a_file_may_not_change_a_verified_day_unless_it_says_so() -> None:
    # Mon 23/11/2026 is a working day in the verified 2026 schedule
    swap = toml(("2026-11-23", "swapped"), ("2026-11-28", "make_up"))
    with pytest.raises(
        ScheduleError, match=r"swap.toml: days \(date = 2026-11-23\): .*a working day"
    ):
        vietnam_calendar(schedules=[Schedule.parse(swap, origin="swap.toml")])
    allowed = Schedule.parse(swap + "[coverage]\noverrides_verified = true\n", origin="swap.toml")
    cal = vietnam_calendar(schedules=[allowed])
    assert not cal.is_working_day(date(2026, 11, 23))
    assert cal.is_working_day(date(2026, 11, 28))
    assert cal.add_working_days(date(2026, 11, 20), 4) == date(2026, 11, 28)


def test_a_file_that_agrees_with_a_verified_day_is_accepted() -> None:
    same = Schedule.parse(toml(("2026-11-24", "holiday")), origin="same.toml")
    day = vietnam_calendar(schedules=[same]).day_info(date(2026, 11, 24))
    assert day is not None
    assert (day.source.number, day.origin) == ("1/TB-THỬ", "same.toml")


def test_verified_years_must_not_leave_a_gap() -> None:
    far = Schedule.parse(toml(("2029-03-01", "off"), years="2029"), origin="far.toml")
    with pytest.raises(ScheduleError, match=r"far.toml: coverage.verified_years: .*gap at 2027"):
        vietnam_calendar(schedules=[far])
    near = Schedule.parse(toml(("2028-03-01", "off"), years="2028"), origin="near.toml")
    both = vietnam_calendar(schedules=[EXAMPLE, near])
    assert both.verified_years == range(2019, 2029)


def test_schedules_of_the_wrong_type_are_refused() -> None:
    with pytest.raises(TypeError, match="a schedule is a path or a Schedule"):
        vietnam_calendar(schedules=[42])  # type: ignore[list-item]


# -- the command line ----------------------------------------------------------------------------


def test_cli_check_names_the_schedule_file(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["--schedule", str(EXAMPLE), "calendar", "check", "12/02/2027", "--lang", "en"])
    out = capsys.readouterr().out
    assert code == 0
    assert "Friday 12/02/2027: not a working day" in out
    assert "0000/TB-VÍ-DỤ" in out
    assert f"Schedule file: {EXAMPLE}" in out
    assert "no official schedule" not in out  # 2027 is verified by the file


def test_cli_schedules_from_the_environment(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TTHC_SCHEDULES", str(EXAMPLE))
    assert main(["due", "--received", "10/02/2027 09:00", "--limit", "5 ngày làm việc"]) == 0
    assert "19/02/2027" in capsys.readouterr().out


def test_cli_bad_schedule_file_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(toml(("2027-02-06", "off")), encoding="utf-8")
    code = main(["--schedule", str(bad), "calendar", "2027"])
    out, err = capsys.readouterr()
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert f"{bad}: days[0].date: 2027-02-06 is a Saturday" in err
