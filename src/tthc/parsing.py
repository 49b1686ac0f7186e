"""Dates and instants read from text: command-line arguments, CSV cells, sync payloads.

Vietnamese administrative texts write dates **day first** ("ngày 02/11/2022" is 2 November)
and mean **Vietnam time** (UTC+7). :func:`parse_instant` and :func:`parse_date` read the
forms one-stop systems, receipts and exports use, and nothing else:

- time, then date (receipts, *giấy hẹn*): ``07 giờ 30 phút, ngày 12/12/2024``,
  ``7 giờ 30, ngày 12 tháng 12 năm 2024``, ``7h30 12/12/2024``, ``07:30 12-12-2024``;
- date, then time: ``12/12/2024 07:30``, ``12.12.2024 7:30:15``, ``12/12/2024, lúc 07:30``;
- date only: ``ngày 02/11/2022``, ``12/12/2024``, ``ngày 12 tháng 12 năm 2024``;
- year first (ISO 8601 and similar): ``2025-04-24 09:00``, ``2025/4/24``,
  ``2025-04-24T09:00:00.5+07:00``, ``2025-04-24T02:00:00Z``;
- national sync payloads (``NgayTiepNhan``, ``NgayHenTra`` ...): ``20250424090000``
  (``yyyyMMddHHmmss``) and ``20250424``;
- an explicit offset after any form with a time: ``... GMT+7``, ``... (UTC+07:00)``,
  ``... UTC``, ``... ICT``;
- Excel serial dates, only when asked (``excel_serial=True``): ``45771``, ``45771.375``.

Case, diacritics or their absence ("gio", "phut", "ngay", "thang", "nam"), NFC or NFD and
spacing (including non-breaking spaces) do not matter. ``sáng`` / ``am`` and ``chiều`` /
``tối`` / ``pm`` may follow a 12-hour time.

Rules, each a deliberate difference from ``dateutil.parser.parse`` (never used here):

- Numeric dates are day first, always: ``02/11/2022`` is 2 November 2022, and ``11/30/2024``
  is an error (there is no month 30), not 30 November.
- Text without an offset is Vietnam time; the result is always timezone-aware in
  ``Asia/Ho_Chi_Minh``. An explicit offset is honoured and converted: ``GMT+7`` and
  ``UTC+7`` mean seven hours **ahead** of UTC (the ISO 8601 and everyday reading), whereas
  dateutil follows the POSIX ``TZ`` convention and reads ``GMT+7`` as UTC-7.
- Nothing is filled in from the clock: a text without a year, or without a time where a time
  is needed, is an error.
- Years have four digits (``12/12/24`` is refused: 1924 or 2024?) and lie in the supported
  range 1995-2100 (:data:`~tthc.calendar.FIRST_SUPPORTED_DATE` ..
  :data:`~tthc.calendar.LAST_SUPPORTED_DATE`), which also catches typos such as ``2205``.
- Impossible dates and times (31/02, 24:00, 07:60) are errors, never rolled over.
- Texts longer than :data:`MAX_TEXT_LENGTH` characters are refused before any matching.

Every failure raises :class:`~tthc.errors.InstantParseError` (also a ``ValueError``), which
quotes the text and says what was expected.

>>> from tthc.parsing import parse_date, parse_instant
>>> parse_instant("07 giờ 30 phút, ngày 12/12/2024").isoformat()
'2024-12-12T07:30:00+07:00'
>>> parse_date("ngày 02/11/2022")
datetime.date(2022, 11, 2)
>>> parse_instant("2025-04-24 09:00 GMT+7").isoformat()
'2025-04-24T09:00:00+07:00'
"""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, date, datetime, time, timedelta, timezone
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from tthc.calendar import FIRST_SUPPORTED_DATE, LAST_SUPPORTED_DATE, VIETNAM_TZ
from tthc.deadlines import _fold_char  # one folding of Vietnamese text for every reader
from tthc.errors import InstantParseError

__all__ = [
    "DATE_FORMS",
    "EXCEL_EPOCH",
    "INSTANT_FORMS",
    "MAX_TEXT_LENGTH",
    "parse_date",
    "parse_instant",
]

MAX_TEXT_LENGTH = 80
"""Longest text accepted (characters); longer texts are refused before any matching."""

EXCEL_EPOCH = date(1899, 12, 30)
"""Day 0 of Excel's 1900 date system as it counts after 28/02/1900.

Excel numbers 01/01/1900 as 1 and counts a 29/02/1900 that never existed (serial 60), so
every serial from 61 on (01/03/1900) is ``EXCEL_EPOCH + serial`` days. tthc only accepts
serials of 1995-2100, far past the phantom day. The 1904 date system of old Mac workbooks
is not supported.
"""

INSTANT_FORMS = (
    "'07 giờ 30 phút, ngày 12/12/2024', '12/12/2024 07:30', '2025-04-24 09:00', "
    "'2025-04-24T09:00:00+07:00' or '20250424090000' (yyyyMMddHHmmss); day first, "
    "four-digit year 1995-2100"
)
"""What :func:`parse_instant` expects (quoted in its errors)."""

DATE_FORMS = (
    "'ngày 02/11/2022', '02/11/2022', 'ngày 2 tháng 11 năm 2022', '2022-11-02' or "
    "'20221102'; day first, four-digit year 1995-2100"
)
"""What :func:`parse_date` expects (quoted in its errors)."""

_EXCEL_HINT = "; an Excel serial date is read only when asked (excel_serial=True)"

# -- normalisation -------------------------------------------------------------------------------


def _fold(text: str) -> str:
    """Lower case without diacritics, every run of whitespace one space, trimmed."""
    clean = " ".join(unicodedata.normalize("NFC", text).split())
    return "".join(_fold_char(c) for c in clean)


# -- grammar (on folded text, ASCII digits only) -------------------------------------------------

_F = re.ASCII

_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2}))?", _F)
_EXCEL = re.compile(r"\d{1,6}(?:\.\d{1,15})?", _F)
_ISO = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})"
    r"(?:[t ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,6}))?)?"
    r" ?(z|[+-]\d{2}(?::?\d{2})?)?)?",
    _F,
)
# An offset after a free-form instant: GMT+7, UTC+07:00, (GMT+0700), ICT, UTC, GMT.
_OFFSET = re.compile(
    r"(?:^|(?<=[\s\d]))\(?(?:(?:gmt|utc) ?([+-]) ?(\d{1,2})(?::?(\d{2}))?|(gmt|utc|ict))\)?$",
    _F,
)

_TIME = (
    r"(?:luc |vao )?"
    r"(?:(?P<h1>\d{1,2}) ?: ?(?P<m1>\d{2})(?: ?: ?(?P<s1>\d{2}))?"
    r"|(?P<h2>\d{1,2}) ?(?:gio|h)(?: ?(?P<m2>\d{1,2})(?: ?(?:phut|p))?(?: ?(?P<s2>\d{1,2}) ?giay)?)?)"
    r"(?: ?(?P<ap>sang|chieu|toi|am|pm|a\.m\.|p\.m\.))?"
)
_DATE = (
    r"(?:(?:ngay|hom) ?)?"
    r"(?:(?P<d1>\d{1,2}) ?(?P<sep>[/.-]) ?(?P<mo1>\d{1,2}) ?(?P=sep) ?(?P<y1>\d+)"
    r"|(?P<d2>\d{1,2}) thang (?P<mo2>\d{1,2}),? nam (?P<y2>\d+)"
    r"|(?P<y3>\d{4}) ?(?P<sep3>[/.-]) ?(?P<mo3>\d{1,2}) ?(?P=sep3) ?(?P<d3>\d{1,2}))"
)
# Between a time and a date: a comma, a semicolon or a space (never nothing: "07:3012/12/2024").
_TIME_FIRST = re.compile(rf"{_TIME}(?: ?[,;] ?| ){_DATE}", _F)
_DATE_FIRST = re.compile(rf"{_DATE}(?:(?: ?[,;] ?| | ?t ?){_TIME})?", _F)


def _fail(text: str, expected: str) -> InstantParseError:
    return InstantParseError(text, expected)


def _check_text(text: object) -> str:
    if not isinstance(text, str):
        msg = f"expected the text of a date or time (str), got {text!r}"
        raise TypeError(msg)
    if len(text) > MAX_TEXT_LENGTH:
        shown = text[:20] + "..."
        raise _fail(shown, f"at most {MAX_TEXT_LENGTH} characters")
    return text


def _make_date(text: str, y: str, mo: str, d: str, expected: str) -> date:
    if len(y) != 4:
        if len(y) <= 2:
            raise _fail(text, f"a four-digit year (is {y!r} 19{y:0>2} or 20{y:0>2}?)")
        raise _fail(text, f"a four-digit year, not {y!r}")
    year, month, day = int(y), int(mo), int(d)
    if not FIRST_SUPPORTED_DATE.year <= year <= LAST_SUPPORTED_DATE.year:
        first, last = FIRST_SUPPORTED_DATE.year, LAST_SUPPORTED_DATE.year
        raise _fail(text, f"a year from {first} to {last}, not {year}")
    if not 1 <= month <= 12:
        raise _fail(text, f"a month from 1 to 12, not {month} (dates are day first: dd/mm/yyyy)")
    try:
        return date(year, month, day)
    except ValueError:
        raise _fail(text, f"a day that exists in {month:02d}/{year}, not {day}") from None


def _make_time(
    text: str, h: str, m: str | None, s: str | None, frac: str | None, ap: str | None
) -> time:
    hour, minute, second = int(h), int(m or 0), int(s or 0)
    if ap is not None:
        if not 1 <= hour <= 12:
            raise _fail(text, f"an hour from 1 to 12 before {ap!r}, not {hour}")
        if ap in ("sang", "am", "a.m."):
            hour %= 12
        elif hour < 12:
            hour += 12
    if hour > 23 or minute > 59 or second > 59:
        raise _fail(text, f"a time from 00:00:00 to 23:59:59, not {h}:{m or '00'}:{s or '00'}")
    micro = int((frac or "").ljust(6, "0")) if frac else 0
    return time(hour, minute, second, micro)


def _offset(text: str, sign: str, hh: str, mm: str | None) -> timezone:
    hours, minutes = int(hh), int(mm or 0)
    if hours > 14 or minutes > 59 or (hours == 14 and minutes):
        raise _fail(text, "an offset from UTC-14:00 to UTC+14:00")
    delta = timedelta(hours=hours, minutes=minutes)
    return timezone(-delta if sign == "-" else delta)


def _excel(text: str, folded: str) -> tuple[date, time | None]:
    try:
        serial = Decimal(folded)
    except InvalidOperation:  # pragma: no cover - the regex admits only digits and a point
        raise _fail(text, "an Excel serial date") from None
    days = int(serial)
    seconds = int(((serial - days) * 86400).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    first = (FIRST_SUPPORTED_DATE - EXCEL_EPOCH).days
    last = (LAST_SUPPORTED_DATE - EXCEL_EPOCH).days
    if not first <= days <= last:
        raise _fail(text, f"an Excel serial date from {first} (1995) to {last} (2100)")
    if seconds == 86400:
        days, seconds = days + 1, 0
    d = EXCEL_EPOCH + timedelta(days=days)
    if "." not in folded:
        return d, None
    return d, time(seconds // 3600, seconds // 60 % 60, seconds % 60)


def _read(
    text: str, *, excel_serial: bool, expected: str
) -> tuple[date, time | None, timezone | None]:
    """The date, the time (None if the text has none) and the offset (None if none) of *text*."""
    folded = _fold(text)
    if not folded:
        raise _fail(text, expected)
    m = _COMPACT.fullmatch(folded)
    if m:
        y, mo, d, hh, mi, ss = m.groups()
        day = _make_date(text, y, mo, d, expected)
        return day, None if hh is None else _make_time(text, hh, mi, ss, None, None), None
    if _EXCEL.fullmatch(folded):
        if excel_serial:
            day, at = _excel(text, folded)
            return day, at, None
        raise _fail(text, expected + _EXCEL_HINT)
    m = _ISO.fullmatch(folded)
    if m:
        y, mo, d, hh, mi, ss, frac, off = m.groups()
        day = _make_date(text, y, mo, d, expected)
        if hh is None:
            return day, None, None
        at = _make_time(text, hh, mi, ss, frac, None)
        tz = None
        if off == "z":
            tz = UTC
        elif off is not None:
            tz = _offset(text, off[0], off[1:3], off[-2:] if len(off) > 3 else None)
        return day, at, tz
    tz = None
    o = _OFFSET.search(folded)
    if o:
        sign, hh, mm, name = o.groups()
        if name is not None:
            tz = timezone(timedelta(hours=7)) if name == "ict" else UTC
        else:
            tz = _offset(text, sign, hh, mm)
        folded = folded[: o.start()].rstrip(" ,;")
    m = _TIME_FIRST.fullmatch(folded) or _DATE_FIRST.fullmatch(folded)
    if m is None:
        raise _fail(text, expected)
    g = m.groupdict()
    if g["d1"] is not None:
        day = _make_date(text, g["y1"], g["mo1"], g["d1"], expected)
    elif g["d2"] is not None:
        day = _make_date(text, g["y2"], g["mo2"], g["d2"], expected)
    else:
        day = _make_date(text, g["y3"], g["mo3"], g["d3"], expected)
    at = None
    if g["h1"] is not None:
        at = _make_time(text, g["h1"], g["m1"], g["s1"], None, g["ap"])
    elif g["h2"] is not None:
        at = _make_time(text, g["h2"], g["m2"], g["s2"], None, g["ap"])
    if at is None and tz is not None:
        raise _fail(text, "a time of day before the offset (an offset needs a time)")
    return day, at, tz


def _in_range(text: str, result: datetime) -> datetime:
    if not FIRST_SUPPORTED_DATE <= result.date() <= LAST_SUPPORTED_DATE:
        first, last = FIRST_SUPPORTED_DATE.year, LAST_SUPPORTED_DATE.year
        raise _fail(text, f"an instant from {first} to {last} in Vietnam time")
    return result


def parse_instant(
    text: str, *, default_time: time | None = None, excel_serial: bool = False
) -> datetime:
    """The instant *text* names, timezone-aware in Vietnam time (``Asia/Ho_Chi_Minh``).

    The forms and rules are those of the module documentation: day first, Vietnam time
    unless an offset is written (``GMT+7`` = UTC+7), four-digit years from 1995 to 2100.

    Args:
        text: The text, e.g. ``"07 giờ 30 phút, ngày 12/12/2024"``.
        default_time: The time of day of a text that gives only a date (a naive
            ``datetime.time``, Vietnam time). ``None`` (the default): a time is required.
        excel_serial: Read a bare number as an Excel serial date (1900 date system; the
            fraction is the time of day, rounded to the second). Off by default: "45771"
            is more often a code than a date.

    Raises:
        InstantParseError: The text is not one of the accepted forms, names an impossible
            date or time, a year outside 1995-2100, or lacks a time and *default_time* is None.

    Examples:
        >>> parse_instant("7 giờ 30, ngày 12 tháng 12 năm 2024").isoformat()
        '2024-12-12T07:30:00+07:00'
        >>> parse_instant("12/12/2024 07:30").isoformat()
        '2024-12-12T07:30:00+07:00'
        >>> parse_instant("20250424090000").isoformat()  # NgayTiepNhan of the national sync
        '2025-04-24T09:00:00+07:00'
        >>> parse_instant("2025-04-24T02:00:00Z").isoformat()  # converted to Vietnam time
        '2025-04-24T09:00:00+07:00'
        >>> parse_instant("ngay 02/11/2022", default_time=time(8)).isoformat()
        '2022-11-02T08:00:00+07:00'
        >>> parse_instant("45771.375", excel_serial=True).isoformat()
        '2025-04-24T09:00:00+07:00'
        >>> parse_instant("ngày 02/11/2022")
        Traceback (most recent call last):
            ...
        tthc.errors.InstantParseError: cannot read a date or time from 'ngày 02/11/2022': expected a time of day as well (e.g. '07:30 02/11/2022'); the text gives only a date
        >>> parse_instant("31/02/2024 08:00")
        Traceback (most recent call last):
            ...
        tthc.errors.InstantParseError: cannot read a date or time from '31/02/2024 08:00': expected a day that exists in 02/2024, not 31
    """
    _check_text(text)
    if default_time is not None and (
        not isinstance(default_time, time) or default_time.tzinfo is not None
    ):
        msg = f"default_time is a naive datetime.time (Vietnam time), got {default_time!r}"
        raise TypeError(msg)
    day, at, tz = _read(text, excel_serial=excel_serial, expected=INSTANT_FORMS)
    if at is None:
        if default_time is None:
            raise _fail(
                text,
                f"a time of day as well (e.g. '07:30 {day:%d/%m/%Y}'); the text gives only a date",
            )
        at = default_time
    if tz is None:
        return _in_range(text, datetime.combine(day, at, tzinfo=VIETNAM_TZ))
    return _in_range(text, datetime.combine(day, at, tzinfo=tz).astimezone(VIETNAM_TZ))


def parse_date(text: str, *, excel_serial: bool = False) -> date:
    """The calendar date *text* names (day first; no time of day).

    Accepts the date forms of :func:`parse_instant` without a time. A text with a time is
    refused rather than cut: with an offset, the date would depend on the time zone.

    Args:
        text: The text, e.g. ``"ngày 02/11/2022"``.
        excel_serial: Read a bare whole number as an Excel serial date.

    Raises:
        InstantParseError: The text is not one of the accepted forms, names an impossible
            date or a year outside 1995-2100, or carries a time.

    Examples:
        >>> parse_date("ngày 2 tháng 11 năm 2022"), parse_date("2026-05-02")
        (datetime.date(2022, 11, 2), datetime.date(2026, 5, 2))
        >>> parse_date("NGAY 02/11/2022")
        datetime.date(2022, 11, 2)
        >>> parse_date("12/12/24")
        Traceback (most recent call last):
            ...
        tthc.errors.InstantParseError: cannot read a date or time from '12/12/24': expected a four-digit year (is '24' 1924 or 2024?)
    """
    _check_text(text)
    day, at, _ = _read(text, excel_serial=excel_serial, expected=DATE_FORMS)
    if at is not None:
        raise _fail(text, "a date without a time of day (e.g. '02/11/2022')")
    return day
