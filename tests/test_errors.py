"""Tests of tthc.errors: one base class, the builtin a caller would catch, messages that name
the value and the limit."""

from __future__ import annotations

import warnings
from datetime import date

import pytest

import tthc
from tthc import errors
from tthc.errors import (
    CalendarNotCoveredError,
    CountTooLargeError,
    DateOutOfRangeError,
    InvalidOverrideError,
    ProvisionalCalendarWarning,
    TthcError,
    TthcWarning,
)

DOCUMENTED_BUILTIN: dict[type[Exception], type[Exception]] = {
    DateOutOfRangeError: ValueError,
    CalendarNotCoveredError: LookupError,
    CountTooLargeError: ValueError,
    InvalidOverrideError: ValueError,
}

EXCEPTIONS = [
    getattr(errors, name)
    for name in errors.__all__
    if isinstance(getattr(errors, name), type)
    and issubclass(getattr(errors, name), Exception)
    and not issubclass(getattr(errors, name), Warning)
]
WARNINGS = [
    getattr(errors, name)
    for name in errors.__all__
    if isinstance(getattr(errors, name), type) and issubclass(getattr(errors, name), Warning)
]


@pytest.mark.parametrize(
    ("error", "builtin"), DOCUMENTED_BUILTIN.items(), ids=lambda x: x.__name__
)
def test_documented_builtin(error: type[Exception], builtin: type[Exception]) -> None:
    assert issubclass(error, TthcError)
    assert issubclass(error, builtin)


@pytest.mark.parametrize("error", EXCEPTIONS, ids=lambda e: e.__name__)
def test_every_error_derives_from_tthc_error_and_a_builtin(error: type[Exception]) -> None:
    assert issubclass(error, TthcError)
    if error is not TthcError:
        builtins = {ValueError, LookupError, TypeError, RuntimeError, ArithmeticError, OSError}
        assert any(issubclass(error, b) for b in builtins), error.__mro__
    assert getattr(tthc, error.__name__, error) is error  # exported ones are the same class


@pytest.mark.parametrize("warning", WARNINGS, ids=lambda w: w.__name__)
def test_every_warning_derives_from_tthc_warning(warning: type[Warning]) -> None:
    assert issubclass(warning, TthcWarning)
    assert issubclass(warning, UserWarning)


def test_the_foundation_errors_are_public() -> None:
    for name in ("TthcError", "TthcWarning", "DateOutOfRangeError", "CalendarNotCoveredError"):
        assert name in tthc.__all__
        assert getattr(tthc, name) is getattr(errors, name)


def test_date_out_of_range_names_the_value_and_the_limits() -> None:
    err = DateOutOfRangeError(date(2101, 1, 1), date(1995, 1, 1), date(2100, 12, 31))
    assert str(err) == "date 2101-01-01 is outside the supported range 1995-01-01..2100-12-31"
    assert (err.value, err.first, err.last) == (
        date(2101, 1, 1),
        date(1995, 1, 1),
        date(2100, 12, 31),
    )
    named = DateOutOfRangeError(date(1990, 5, 1), date(1995, 1, 1), date(2100, 12, 31), what="x")
    assert str(named).startswith("x 1990-05-01 ")


def test_calendar_not_covered_names_the_year() -> None:
    err = CalendarNotCoveredError(2031, range(2019, 2027))
    assert str(err) == "no verified working-day calendar for 2031; verified years are 2019-2026"
    assert err.year == 2031
    assert err.covered == range(2019, 2027)


def test_count_too_large_names_the_value_and_the_limit() -> None:
    err = CountTooLargeError(1_000_000, 100_000, what="working days")
    assert str(err) == "working days 1000000 exceeds the limit of 100000"
    assert (err.value, err.limit) == (1_000_000, 100_000)


def test_provisional_warning_names_the_years() -> None:
    w = ProvisionalCalendarWarning((2027, 2028), range(2019, 2027))
    assert "2027, 2028" in str(w)
    assert "2019-2026" in str(w)
    assert w.years == (2027, 2028)


def test_one_filter_silences_every_tthc_warning() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        warnings.simplefilter("ignore", TthcWarning)
        warnings.warn(ProvisionalCalendarWarning((2027,), range(2019, 2027)), stacklevel=1)


def test_one_except_clause_catches_them_all() -> None:
    cal = tthc.vietnam_calendar(strict=True)
    for call in (
        lambda: cal.is_working_day(date(1990, 1, 1)),
        lambda: cal.is_working_day(date(2027, 1, 4)),
        lambda: cal.add_working_days(date(2025, 1, 1), 10**6),
    ):
        with pytest.raises(TthcError):
            call()
