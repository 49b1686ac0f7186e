"""Start-up: what a fresh ``import tthc`` or ``tthc due`` loads, and that the shortcuts stay true.

Speed itself is measured in ``benchmarks/bench_startup.py``, never here. These tests check
what makes start-up quick without changing an answer:

- the public namespace imports its names on first use, and still names every one of them
  (for ``from tthc import X``, ``dir()``, type checkers and the reference page);
- the version is written once, in ``tthc/_version.py``, and no module reads the package
  metadata at import;
- a command imports only its own module; ``tthc due`` does not load the catalogue, the
  report readers, babel or ``holidays``;
- the lunar dates are a table generated from ``holidays``: every row is compared with it;
- the calendar's day table is built from the law data each time (no stored copy): a
  change to the data shows in a newly built calendar, and the table agrees with a plain
  day-by-day reading of the same data.
"""

from __future__ import annotations

import ast
import importlib
import json
import runpy
import subprocess
import sys
import tomllib
import warnings
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest

import tthc
from tthc import calendar as calendar_module
from tthc._data import days_off as official
from tthc._data import lunar, statutory
from tthc.calendar import (
    FIRST_SUPPORTED_DATE,
    LAST_SUPPORTED_DATE,
    VIETNAM_TZ,
    CalendarDay,
    DayKind,
    DayStatus,
    OfficeHours,
    WorkCalendar,
)
from tthc.cli import _wanted, main
from tthc.errors import ProvisionalCalendarWarning
from tthc.legal import LegalSource

ROOT = Path(__file__).parent.parent
SRC = ROOT / "src" / "tthc"


def loaded_after(code: str) -> set[str]:
    """The modules a fresh interpreter has imported after running *code*."""
    probe = f"{code}\nimport sys, json\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    return set(json.loads(out.splitlines()[-1]))


# -- the lazy namespace -------------------------------------------------------------------------


def test_import_tthc_loads_no_submodule_but_the_version() -> None:
    mods = loaded_after("import tthc")
    assert {m for m in mods if m.startswith("tthc")} == {"tthc", "tthc._version"}
    assert "importlib.metadata" not in mods
    assert "attrs" not in mods


def test_a_name_loads_its_module_only() -> None:
    mods = loaded_after("import tthc; tthc.vietnam_calendar()")
    assert "tthc.calendar" in mods
    assert not mods & {"tthc.catalog", "tthc.dossier", "tthc.kpi", "babel", "holidays"}


def type_checking_imports() -> dict[str, tuple[str, ...]]:
    """The ``if TYPE_CHECKING:`` imports of ``tthc/__init__.py``, module -> names."""
    tree = ast.parse((SRC / "__init__.py").read_text(encoding="utf-8"))
    (block,) = [n for n in tree.body if isinstance(n, ast.If)]
    return {
        node.module or "": tuple(alias.name for alias in node.names)
        for node in block.body
        if isinstance(node, ast.ImportFrom)
    }


def test_the_run_time_table_is_the_type_checking_imports() -> None:
    assert type_checking_imports() == tthc._HOMES
    names = [name for names in tthc._HOMES.values() for name in names]
    assert sorted([*names, "__version__"]) == sorted(tthc.__all__)


@pytest.mark.parametrize("name", [n for n in tthc.__all__ if n != "__version__"])
def test_every_name_is_its_home_modules_object(name: str) -> None:
    home = next(module for module, names in tthc._HOMES.items() if name in names)
    assert getattr(tthc, name) is getattr(importlib.import_module(home), name)


def test_dir_and_star_import_name_everything() -> None:
    assert set(tthc.__all__) <= set(dir(tthc))
    namespace: dict[str, object] = {}
    exec("from tthc import *", namespace)
    assert set(tthc.__all__) <= set(namespace)


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="module 'tthc' has no attribute 'nope'"):
        tthc.nope  # noqa: B018 - the attribute access is the test


# -- the version --------------------------------------------------------------------------------


def test_the_version_is_written_once_and_built_from_there() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"]
    assert project["project"]["dynamic"] == ["version"]
    assert project["tool"]["hatch"]["version"]["path"] == "src/tthc/_version.py"
    assert runpy.run_path(str(SRC / "_version.py"))["__version__"] == tthc.__version__


def test_no_module_reads_the_package_metadata() -> None:
    readers = [
        p.relative_to(SRC).as_posix()
        for p in sorted(SRC.rglob("*.py"))
        if "importlib.metadata" in p.read_text(encoding="utf-8")
    ]
    assert readers == []


def test_version_option(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out == f"tthc {tthc.__version__}\n"


# -- a command loads its own module -----------------------------------------------------------


def test_tthc_due_loads_only_what_it_uses() -> None:
    mods = loaded_after(
        "from tthc.cli import main\n"
        "import contextlib, io\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['due', '--received', '2025-04-24 09:00', '--limit', '05 ngày làm việc'])"
    )
    assert {"tthc.cli.due", "tthc.deadlines", "tthc.calendar"} <= mods
    unwanted = {
        "tthc.cli.report",
        "tthc.cli.demo",
        "tthc.catalog",
        "tthc.kpi",
        "tthc.dossier",
        "babel",
        "holidays",
        "importlib.metadata",
    }
    assert mods & unwanted == set()


@pytest.mark.parametrize(
    ("argv", "wanted"),
    [
        pytest.param(["due", "--lang", "en"], ("due",), id="command-first"),
        pytest.param(["--lang", "en", "--debug", "report", "x.csv"], ("report",), id="options"),
        pytest.param(["--lang=en", "calendar", "2026"], ("calendar",), id="lang-equals"),
        pytest.param(["--help", "due"], ("due", "calendar", "report", "demo"), id="help-first"),
        pytest.param(["--version"], ("due", "calendar", "report", "demo"), id="version"),
        pytest.param(["--la", "en", "due"], ("due", "calendar", "report", "demo"), id="abbrev"),
        pytest.param(["--lang"], ("due", "calendar", "report", "demo"), id="lang-no-value"),
        pytest.param([], ("due", "calendar", "report", "demo"), id="nothing"),
        pytest.param(["nope"], ("due", "calendar", "report", "demo"), id="unknown"),
    ],
)
def test_which_parsers_a_command_line_needs(argv: list[str], wanted: tuple[str, ...]) -> None:
    assert _wanted(argv) == wanted


def test_the_main_help_still_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "en", "--help"]) == 0
    out = capsys.readouterr().out
    for name in ("due", "calendar", "report", "demo"):
        assert f"    {name} " in out, name


def test_an_abbreviated_option_still_reaches_the_command(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["--la", "en", "calendar", "check", "2026-01-02"]) == 0
    assert capsys.readouterr().out.startswith("Friday 02/01/2026: not a working day")


# -- the lunar table is holidays' answer ------------------------------------------------------


def test_the_lunar_table_is_what_holidays_computes_for_every_year() -> None:
    make = runpy.run_path(str(ROOT / "scripts" / "make_lunar_table.py"))
    years = range(FIRST_SUPPORTED_DATE.year, LAST_SUPPORTED_DATE.year + 1)
    assert sorted(lunar.LUNAR_DATES) == list(years)
    for year in years:
        assert calendar_module._lunar_dates(year) == make["lunar_dates"](year), year
    # and the file is exactly what the generator writes (no hand edits)
    assert (SRC / "_data" / "lunar.py").read_text(encoding="utf-8") == make["render"]()


def test_lunar_pins_known_to_differ_from_the_chinese_calendar() -> None:
    # Tết 2007 fell on 17/02 in Vietnam (UTC+7), 18/02 in China; Tết 2030 on 02/02 (03/02).
    assert calendar_module._lunar_dates(2007)[0] == date(2007, 2, 17)
    assert calendar_module._lunar_dates(2030)[0] == date(2030, 2, 2)


# -- the day table is derived from the law data, every time -------------------------------------


def naive_working(days: dict[int, CalendarDay], *, count_make_up: bool) -> list[bool]:
    """Day by day from 1995-01-01: the listed days, else the weekly rest rule in force."""
    out = []
    d = FIRST_SUPPORTED_DATE
    while d <= LAST_SUPPORTED_DATE:
        entry = days.get(d.toordinal())
        if entry is None:
            rest = [r for since, r, _ in statutory.WEEKLY_REST if since <= d][-1]
            out.append(d.isoweekday() not in rest)
        elif entry.kind is DayKind.MAKE_UP:
            out.append(count_make_up)
        else:
            out.append(entry.kind is DayKind.LOCAL_WORKING_DAY)
        d += timedelta(days=1)
    return out


@pytest.mark.parametrize("count_make_up", [True, False])
def test_the_table_matches_a_day_by_day_reading_of_the_data(*, count_make_up: bool) -> None:
    cal = WorkCalendar(count_make_up_days=count_make_up).with_days_off(
        [date(2025, 3, 3)], name="local", source="QĐ của UBND tỉnh"
    )
    days = dict(calendar_module._national_days(frozenset()))
    days[date(2025, 3, 3).toordinal()] = cal.overrides[0]
    expected = naive_working(days, count_make_up=count_make_up)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ProvisionalCalendarWarning)
        d, got = FIRST_SUPPORTED_DATE, []
        while d <= LAST_SUPPORTED_DATE:
            got.append(cal.is_working_day(d))
            d += timedelta(days=1)
        assert got == expected
        # counting agrees with the same reading: working days of 1995-2100 after 01/01/1995
        assert cal.count_working_days(FIRST_SUPPORTED_DATE, LAST_SUPPORTED_DATE) == sum(
            expected[1:]
        )


def test_office_hours_by_date_in_the_table() -> None:
    short = OfficeHours(((time(8), time(12)),))
    later = OfficeHours(((time(9), time(11)),))
    cal = (
        WorkCalendar()
        .with_office_hours(short, valid_from=date(2025, 7, 1), source="quy chế 1")
        .with_office_hours(later, valid_from=date(2025, 7, 1), source="quy chế 2")
        .with_office_hours(short, valid_from=date(2026, 1, 1), source="quy chế 3")
    )
    assert cal.hours_on(date(1995, 1, 1)) == OfficeHours()
    assert cal.hours_on(date(2025, 6, 30)) == OfficeHours()
    assert cal.hours_on(date(2025, 7, 1)) == later  # the later change of the same day wins
    assert cal.hours_on(date(2025, 12, 31)) == later
    assert cal.hours_on(date(2026, 1, 1)) == short
    assert cal.hours_on(LAST_SUPPORTED_DATE) == short
    # Mon 30/06/2025 9:00 + 8 h: 6 h left that day (9:00-11:30, 13:30-17:00), then 2 h of
    # Tue 01/07 under the new hours (9:00-11:00).
    assert cal.add_working_time(datetime(2025, 6, 30, 9, tzinfo=VIETNAM_TZ), 8).isoformat() == (
        "2025-07-01T11:00:00+07:00"
    )


@pytest.fixture
def fresh_tables() -> Iterator[None]:
    """Forget the cached day lists before and after a test that changes the law data."""
    calendar_module._national_days.cache_clear()
    calendar_module._cached_calendar.cache_clear()
    yield
    calendar_module._national_days.cache_clear()
    calendar_module._cached_calendar.cache_clear()


@pytest.mark.usefixtures("fresh_tables")
def test_a_change_to_the_official_schedule_shows_in_a_new_calendar(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monday = date(2025, 3, 3)
    assert WorkCalendar().is_working_day(monday)
    source = LegalSource("1/TEST", "a planted schedule row")
    row = (monday, DayKind.SWAPPED, "planted day off", source, "")
    monkeypatch.setattr(official, "OFFICIAL_DAYS", (*official.OFFICIAL_DAYS, row))
    calendar_module._national_days.cache_clear()
    cal = WorkCalendar()
    assert not cal.is_working_day(monday)
    info = cal.day_info(monday)
    assert info is not None
    assert (info.name, info.status) == ("planted day off", DayStatus.VERIFIED)
    assert cal.add_working_days(date(2025, 2, 28), 1) == date(2025, 3, 4)


@pytest.mark.usefixtures("fresh_tables")
def test_a_change_to_the_statutes_shows_in_a_new_calendar(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A planted statute from 2030 adds 19/05 as a holiday: provisional years follow it.
    day = date(2031, 5, 19)  # a Monday
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ProvisionalCalendarWarning)
        assert WorkCalendar().is_working_day(day)
        _since, fixed, tet, hung, national, _ = statutory.HOLIDAY_ERAS[-1]
        planted = (date(2030, 1, 1), (*fixed, (5, 19, "planted")), tet, hung, national, source())
        monkeypatch.setattr(statutory, "HOLIDAY_ERAS", (*statutory.HOLIDAY_ERAS, planted))
        calendar_module._national_days.cache_clear()
        assert not WorkCalendar().is_working_day(day)
        assert WorkCalendar().is_working_day(date(2029, 5, 21))  # before the planted statute


def source() -> LegalSource:
    return LegalSource("2/TEST", "a planted statute")
