"""Checks and orderings shared by the two Biểu 06 counters (tthc.kpi and tthc.frame).

Private: one spec of how report arguments are checked and how group keys are ordered, so
that the record-by-record path and the array path cannot drift apart.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from typing import Any

from tthc.errors import InvalidPeriodError, UnknownCodeError

__all__ = ["check_grouping", "expect_type", "report_periods", "sort_key"]


def sort_key(key: tuple[Any, ...]) -> tuple[Any, ...]:
    """The order of report keys: component by component, ``None`` first, enums by value."""
    return tuple(
        (0, "") if v is None else (1, v.value if isinstance(v, enum.Enum) else v) for v in key
    )


def expect_type(value: object, kind: type, name: str) -> None:
    """Raise TypeError naming *name* when *value* is not a *kind*."""
    if not isinstance(value, kind):
        msg = f"{name} must be a {kind.__name__}, got {value!r}"
        raise TypeError(msg)


def check_grouping(by: tuple[str, ...] | str, known: Sequence[str]) -> tuple[str, ...]:
    """The grouping names of *by* (one name or several), each among *known*, none repeated."""
    names = (by,) if isinstance(by, str) else tuple(by)
    for name in names:
        if name not in known:
            raise UnknownCodeError(name, f"report grouping keys ({', '.join(known)})")
    if len(set(names)) != len(names):
        msg = f"report grouping keys must not repeat: {names!r}"
        raise ValueError(msg)
    return names


def report_periods(period: Any, by: tuple[str, ...], limit: int) -> tuple[Any, ...]:
    """The sub-periods of a report grouped *by*: the months of *period* (at most *limit*)
    when *by* has ``month``, else *period* itself."""
    if "month" not in by:
        return (period,)
    if period.month_count > limit:
        raise InvalidPeriodError(
            str(period),
            f"at most {limit} months when grouped by month "
            f"(this period has {period.month_count}); group without 'month' for longer periods",
        )
    months: tuple[Any, ...] = period.months()
    return months
