"""Schedule files: a year's official notice of days off, loaded without a new tthc release.

When the Government or the Ministry of Home Affairs (Bộ Nội vụ) publishes the days off of a
year, write them in a small TOML file and pass it to
:func:`~tthc.calendar.vietnam_calendar` (``schedules=[...]``) or to the command line
(``tthc --schedule FILE``). The format (docs: *Schedule files*)::

    [document]                 # the notice: number, title, issued, url (optional)
    number = "1234/TB-BNV"
    title = "Thông báo về việc nghỉ Tết Âm lịch năm 2027"
    issued = 2026-11-30        # a TOML date, no quotes
    url = "https://..."        # optional, http(s)

    [[days]]                   # one table per day
    date = 2027-02-04
    kind = "off"               # "off" (or "holiday", "compensatory", "swapped"), "make_up"
    name = "Tết Âm lịch"
    note = "..."               # optional

    [coverage]
    verified_years = [2027]    # years the file gives in full (optional)
    overrides_verified = false # allow changing a day of tthc's verified years (optional)

Every value is checked; a bad file raises one :class:`~tthc.errors.ScheduleError` naming the
file, the field (or the line, for TOML syntax) and the value.

>>> text = '''
... [document]
... number = "9999/TB-BNV"
... title = "Thông báo mẫu"
... issued = 2026-11-30
... [[days]]
... date = 2027-02-05
... kind = "off"
... name = "Tết Âm lịch (mùng 1)"
... '''
>>> s = Schedule.parse(text, origin="mẫu.toml")
>>> s.document.number, s.days[0].day, s.days[0].kind, s.verified_years
('9999/TB-BNV', datetime.date(2027, 2, 5), <ScheduleDayKind.OFF: 'off'>, ())
>>> Schedule.parse(text.replace("2027-02-05", "2027-02-06"), origin="mẫu.toml")
Traceback (most recent call last):
    ...
tthc.errors.ScheduleError: mẫu.toml: days[0].date: 2027-02-06 is a Saturday, a weekly rest day; a day off must be a day that is otherwise worked (got datetime.date(2027, 2, 6))
"""

from __future__ import annotations

import enum
import os
import re
import tomllib
import unicodedata
from collections.abc import Mapping
from datetime import date, datetime
from pathlib import Path

import attrs

from tthc._data import statutory as _statutory
from tthc.errors import ScheduleError
from tthc.legal import Confidence, LegalSource

__all__ = [
    "FIRST_SCHEDULE_YEAR",
    "LAST_SCHEDULE_YEAR",
    "MAX_SCHEDULE_BYTES",
    "MAX_SCHEDULE_DAYS",
    "Schedule",
    "ScheduleDay",
    "ScheduleDayKind",
]

MAX_SCHEDULE_BYTES = 1_000_000
"""Largest schedule file read (a year's notice takes about 2 kB)."""
MAX_SCHEDULE_DAYS = 2_000
"""Most days one file may list (a year has at most a few dozen)."""
FIRST_SCHEDULE_YEAR = _statutory.FIRST_SUPPORTED.year
"""1995: the first year of the calendar."""
LAST_SCHEDULE_YEAR = _statutory.LAST_SUPPORTED.year
"""2100: the last year of the calendar."""
_MAX_TEXT = 500
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


class ScheduleDayKind(enum.StrEnum):
    """What a schedule file says about a day."""

    OFF = "off"
    """A day otherwise worked is given off (shown as a holiday; say which with the next three)."""
    HOLIDAY = "holiday"
    """A day off that is a holiday or Tết day (ngày lễ, tết)."""
    COMPENSATORY = "compensatory"
    """A day off in compensation for a holiday on a weekly rest day (nghỉ bù)."""
    SWAPPED = "swapped"
    """A weekday given off in exchange for a worked rest day (ngày nghỉ hoán đổi)."""
    MAKE_UP = "make_up"
    """A weekly rest day is worked (ngày làm bù)."""


@attrs.frozen(order=True)
class ScheduleDay:
    """One day of a schedule file."""

    day: date
    kind: ScheduleDayKind = attrs.field(converter=ScheduleDayKind)
    name: str
    note: str = attrs.field(default="", order=False)


@attrs.frozen
class Schedule:
    """A parsed schedule file: the notice, its days and the years it gives in full.

    Build it with :meth:`read` (a file) or :meth:`parse` (TOML text); both validate everything.
    """

    document: LegalSource
    """The notice every day of the file cites."""
    days: tuple[ScheduleDay, ...]
    """The days, in date order."""
    verified_years: tuple[int, ...] = ()
    """Years the file gives in full: they are answered without a provisional warning."""
    overrides_verified: bool = attrs.field(default=False, kw_only=True)
    """Whether the file may change a day of tthc's own verified years."""
    origin: str = attrs.field(default="<string>", kw_only=True)
    """Where the file came from (its path), shown wherever one of its days is cited."""

    @classmethod
    def read(cls, path: str | os.PathLike[str]) -> Schedule:
        """Read and validate the schedule file at *path* (UTF-8 TOML, at most 1 MB)."""
        origin = os.fspath(path)
        try:
            with Path(origin).open("rb") as f:
                data = f.read(MAX_SCHEDULE_BYTES + 1)
        except OSError as e:
            raise ScheduleError(origin, "file", e.strerror or str(e), origin) from e
        if len(data) > MAX_SCHEDULE_BYTES:
            raise ScheduleError(
                origin, "file", f"larger than {MAX_SCHEDULE_BYTES} bytes", f"{len(data)}+ bytes"
            )
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as e:
            raise ScheduleError(
                origin, f"byte {e.start}", "not UTF-8 text", data[e.start : e.start + 4]
            ) from e
        return cls.parse(text, origin=origin)

    @classmethod
    def parse(cls, text: str, *, origin: str = "<string>") -> Schedule:
        """Validate the TOML *text* of a schedule file; *origin* names it in errors."""
        if not isinstance(text, str):
            raise ScheduleError(origin, "file", "expected TOML text (str)", text)
        if len(text) > MAX_SCHEDULE_BYTES:
            raise ScheduleError(
                origin, "file", f"larger than {MAX_SCHEDULE_BYTES} characters", len(text)
            )
        try:
            raw = tomllib.loads(text)
        except tomllib.TOMLDecodeError as e:
            raise ScheduleError(origin, "TOML", str(e), _line_of(text, e) or None) from e
        return _build(raw, origin)


def _line_of(text: str, error: tomllib.TOMLDecodeError) -> str:
    """The text of the line the TOML error names ("... (at line 3, column 9)")."""
    found = re.search(r"at line (\d+)", str(error))
    lines = text.splitlines()
    if found and 1 <= int(found.group(1)) <= len(lines):
        return lines[int(found.group(1)) - 1][:200]
    return ""


def _keys(origin: str, where: str, table: Mapping[str, object], allowed: set[str]) -> None:
    extra = sorted(set(table) - allowed)
    if extra:
        field = f"{where}.{extra[0]}" if where else extra[0]
        raise ScheduleError(
            origin, field, f"unknown field; expected one of {sorted(allowed)}", None
        )


def _table(
    origin: str, raw: Mapping[str, object], key: str, *, required: bool
) -> dict[str, object]:
    value = raw.get(key)
    if value is None:
        if required:
            raise ScheduleError(origin, key, "missing table", None)
        return {}
    if not isinstance(value, dict):
        raise ScheduleError(origin, key, "expected a table", value)
    return value


def _text(origin: str, where: str, value: object, *, required: bool = True) -> str:
    if value is None and not required:
        return ""
    if not isinstance(value, str):
        raise ScheduleError(origin, where, "expected a text in quotes", value)
    clean = unicodedata.normalize("NFC", value.strip())
    if required and not clean:
        raise ScheduleError(origin, where, "must not be empty", value)
    if len(clean) > _MAX_TEXT:
        raise ScheduleError(origin, where, f"longer than {_MAX_TEXT} characters", value[:40])
    if any(unicodedata.category(ch) in {"Cc", "Cf"} for ch in clean):
        raise ScheduleError(origin, where, "contains a control character", value)
    return clean


def _date(origin: str, where: str, value: object) -> date:
    if isinstance(value, datetime) or not isinstance(value, date):
        raise ScheduleError(
            origin, where, "expected a TOML date such as 2027-02-05 (no quotes)", value
        )
    if not FIRST_SCHEDULE_YEAR <= value.year <= LAST_SCHEDULE_YEAR:
        raise ScheduleError(
            origin, where, f"outside {FIRST_SCHEDULE_YEAR}-{LAST_SCHEDULE_YEAR}", value
        )
    return value


def _year(origin: str, where: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ScheduleError(origin, where, "expected a year as a number such as 2027", value)
    if not FIRST_SCHEDULE_YEAR <= value <= LAST_SCHEDULE_YEAR:
        raise ScheduleError(
            origin, where, f"outside {FIRST_SCHEDULE_YEAR}-{LAST_SCHEDULE_YEAR}", value
        )
    return value


def _is_rest(d: date) -> bool:
    rest = [days for since, days, _ in _statutory.WEEKLY_REST if since <= d][-1]
    return d.isoweekday() in rest


def _document(origin: str, raw: Mapping[str, object]) -> LegalSource:
    table = _table(origin, raw, "document", required=True)
    _keys(origin, "document", table, {"number", "title", "issued", "in_force", "url"})
    number = _text(origin, "document.number", table.get("number"))
    title = _text(origin, "document.title", table.get("title"))
    issued = _date(origin, "document.issued", table.get("issued"))
    in_force = (
        _date(origin, "document.in_force", table["in_force"]) if "in_force" in table else None
    )
    url = _text(origin, "document.url", table.get("url"), required=False) or None
    if url is not None and not url.startswith(("https://", "http://")):
        raise ScheduleError(origin, "document.url", "expected an http(s) address", url)
    return LegalSource(
        number, title, issued=issued, in_force=in_force, url=url, confidence=Confidence.VERIFIED
    )


def _days(origin: str, raw: Mapping[str, object]) -> tuple[ScheduleDay, ...]:
    value = raw.get("days")
    if value is None:
        raise ScheduleError(origin, "days", "missing: list each day as a [[days]] table", None)
    if not isinstance(value, list) or not value:
        raise ScheduleError(origin, "days", "expected one or more [[days]] tables", value)
    if len(value) > MAX_SCHEDULE_DAYS:
        raise ScheduleError(origin, "days", f"more than {MAX_SCHEDULE_DAYS} days", len(value))
    out: list[ScheduleDay] = []
    seen: dict[date, int] = {}
    for i, row in enumerate(value):
        where = f"days[{i}]"
        if not isinstance(row, dict):
            raise ScheduleError(origin, where, "expected a table", row)
        _keys(origin, where, row, {"date", "kind", "name", "note"})
        d = _date(origin, f"{where}.date", row.get("date"))
        kind_text = row.get("kind")
        try:
            kind = ScheduleDayKind(str(kind_text) if isinstance(kind_text, str) else "")
        except ValueError:
            raise ScheduleError(
                origin,
                f"{where}.kind",
                'expected "off" or "make_up" (or, for a day off, "holiday", "compensatory", '
                '"swapped")',
                kind_text,
            ) from None
        name = _text(origin, f"{where}.name", row.get("name"))
        note = _text(origin, f"{where}.note", row.get("note"), required=False)
        weekday = _WEEKDAYS[d.weekday()]
        if kind is not ScheduleDayKind.MAKE_UP and _is_rest(d):
            raise ScheduleError(
                origin,
                f"{where}.date",
                f"{d.isoformat()} is a {weekday}, a weekly rest day; a day off must be a day "
                "that is otherwise worked",
                d,
            )
        if kind is ScheduleDayKind.MAKE_UP and not _is_rest(d):
            raise ScheduleError(
                origin,
                f"{where}.date",
                f'{d.isoformat()} is a {weekday}, a working day; a "make_up" day must be a '
                "weekly rest day",
                d,
            )
        if d in seen:
            raise ScheduleError(origin, f"{where}.date", f"listed twice (also days[{seen[d]}])", d)
        seen[d] = i
        out.append(ScheduleDay(d, kind, name, note))
    return tuple(sorted(out))


def _build(raw: Mapping[str, object], origin: str) -> Schedule:
    _keys(origin, "", raw, {"document", "days", "coverage"})
    document = _document(origin, raw)
    days = _days(origin, raw)
    coverage = _table(origin, raw, "coverage", required=False)
    _keys(origin, "coverage", coverage, {"verified_years", "overrides_verified"})
    years_raw = coverage.get("verified_years", [])
    if not isinstance(years_raw, list):
        raise ScheduleError(
            origin, "coverage.verified_years", "expected a list of years", years_raw
        )
    years: list[int] = []
    for i, y in enumerate(years_raw):
        year = _year(origin, f"coverage.verified_years[{i}]", y)
        if year in years:
            raise ScheduleError(origin, f"coverage.verified_years[{i}]", "listed twice", year)
        if not any(d.day.year == year for d in days):
            raise ScheduleError(
                origin,
                f"coverage.verified_years[{i}]",
                "no day of this year is listed; a verified year lists all its days off",
                year,
            )
        years.append(year)
    flag = coverage.get("overrides_verified", False)
    if not isinstance(flag, bool):
        raise ScheduleError(origin, "coverage.overrides_verified", "expected true or false", flag)
    return Schedule(document, days, tuple(sorted(years)), overrides_verified=flag, origin=origin)
