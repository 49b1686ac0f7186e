"""Fuzzing every public reader of the library: the answer is a value or a TthcError.

Each property feeds a reader generated hostile input (exponents, NaN, huge integers, deep
nesting, invisible and bidirectional characters, non-ASCII digits, wrong JSON types) and
accepts exactly two outcomes: a value, or an exception derived from
:class:`~tthc.errors.TthcError`. Any other exception (``ValueError``, ``RecursionError``,
``OverflowError``, ``ZeroDivisionError``, ``AttributeError``...) fails the test. How long
each example may take is bounded (a deadline of 5 s: reads take milliseconds); ``make fuzz``
runs this file under the long ``fuzz`` profile.
"""

from __future__ import annotations

import csv
import io
import json
import os
import warnings
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tthc import catalog as cat
from tthc.calendar import VIETNAM_TZ, vietnam_calendar
from tthc.codes import AgencyCode, AgencyRegistry, DossierCode, PersonalId, ProcedureCode, TaxCode
from tthc.deadlines import TimeLimit, Unit, due
from tthc.dossier import Action, Event, apply, from_json, submit, to_json
from tthc.errors import TthcError, TthcWarning
from tthc.kpi import Period, round_percent
from tthc.parsing import parse_date, parse_instant

pytestmark = pytest.mark.fuzz

_EXAMPLES = {"dev": 30, "ci": 100}.get(os.getenv("HYPOTHESIS_PROFILE", "dev"))
fuzz = settings(
    max_examples=_EXAMPLES or settings().max_examples,
    deadline=timedelta(seconds=5),  # a read takes milliseconds; 5 s is a hang
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
"""Settings of every fuzz test: the profile's examples, with a per-example deadline."""

# -- hostile material ----------------------------------------------------------------------------

HOSTILE_CHARS = [
    "\u200b",
    "\u200c",
    "\u200d",
    "\u200e",
    "\u200f",
    "\u202a",
    "\u202e",
    "\u2060",
    "\u2066",
    "\u2069",
    "\u206b",
    "\ufeff",
    "\u00ad",
    "\u0664",  # Arabic-Indic four
    "\uff15",  # fullwidth five
    "\x00",
    "\x1b",
    "\r",
    "\n",
    "\t",
    "\ud800",  # a lone surrogate
]
FRAGMENTS = [
    "1e100000000",
    "1E9",
    "NaN",
    "Infinity",
    "-inf",
    "1/0",
    "5/2",
    "-5",
    "0,5",
    "2.5",
    "1.000",
    "9" * 30,
    "ngày",
    "ngày làm việc",
    "giờ làm việc",
    "tháng",
    "năm",
    "tuần",
    "trong ngày",
    "không quy định",
    "không quá",
    "kể từ ngày",
    "trước ngày 15 tháng 3",
    "sau 15 giờ",
    "đến",
    "/",
    "-",
    " ",
    "(",
    ")",
    ";",
    "2025-04-24",
    "24/04/2025",
    "09:00",
    "+07:00",
    "Q1",
    "H2",
    "9M",
    "..",
    "000.00.31.H12",
    "H55.242",
    "1.000894",
]
hostile_text = st.lists(
    st.sampled_from(FRAGMENTS) | st.sampled_from(HOSTILE_CHARS) | st.text(max_size=4),
    max_size=12,
).map("".join)
any_text = st.text(max_size=60) | hostile_text

json_scalars = (
    st.none()
    | st.booleans()
    | st.integers(-(10**30), 10**30)
    | st.floats(allow_nan=False, allow_infinity=False)
    | hostile_text
)
json_values = st.recursive(
    json_scalars,
    lambda kids: (
        st.lists(kids, max_size=3) | st.dictionaries(st.text(max_size=5), kids, max_size=3)
    ),
    max_leaves=12,
)
decimals = st.decimals(allow_nan=True, allow_infinity=True) | st.sampled_from(
    [Decimal("1e100000000"), Decimal("-1e100000000"), Decimal("1e-100000000"), Decimal("sNaN")]
)
numbers: st.SearchStrategy[object] = (
    st.integers(-(10**40), 10**40)
    | st.fractions()
    | decimals
    | st.floats()
    | hostile_text
    | st.sampled_from([10**5000, Fraction(1, 10**400)])
)


def outcome(fn: Any, *args: Any, **kwargs: Any) -> object:
    """*fn*'s value, or the TthcError it raised; any other exception propagates (and fails)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", TthcWarning)
            return fn(*args, **kwargs)
    except TthcError as e:
        return e


# -- time limits ---------------------------------------------------------------------------------


@fuzz
@given(any_text)
def test_time_limit_parse_reads_or_refuses(text: str) -> None:
    outcome(TimeLimit.parse, text)


@fuzz
@given(numbers, st.sampled_from([*Unit, "weeks", ""]))
def test_time_limit_construction_reads_or_refuses(amount: object, unit: object) -> None:
    outcome(TimeLimit, amount, unit)


@fuzz
@given(
    st.datetimes(
        min_value=datetime(1, 1, 2),  # noqa: DTZ001 (the bounds of a strategy)
        max_value=datetime(9999, 12, 30),  # noqa: DTZ001
        timezones=st.just(UTC),
    )
    | st.sampled_from(
        [
            datetime.min.replace(tzinfo=timezone(timedelta(hours=14))),
            datetime.max.replace(tzinfo=timezone(timedelta(hours=-14))),
        ]
    ),
    st.sampled_from([TimeLimit.working_days(5), TimeLimit.calendar_days(30), TimeLimit.months(2)]),
)
def test_due_answers_or_refuses_at_the_ends_of_datetime(at: datetime, limit: TimeLimit) -> None:
    outcome(due, at, limit)


@fuzz
@given(decimals | st.fractions() | st.integers(-(10**30), 10**30))
def test_working_time_amounts_are_read_or_refused(hours: Decimal | Fraction | int) -> None:
    outcome(vietnam_calendar().add_working_time, datetime(2025, 3, 3, 9, tzinfo=VIETNAM_TZ), hours)


# -- dates, periods, codes ------------------------------------------------------------------------


@fuzz
@given(any_text)
def test_instant_and_date_parsers_read_or_refuse(text: str) -> None:
    outcome(parse_instant, text)
    outcome(parse_date, text)
    outcome(parse_date, text, excel_serial=True)


@fuzz
@given(any_text)
def test_period_parse_reads_or_refuses(text: str) -> None:
    outcome(Period.parse, text)


@fuzz
@given(st.integers(-(10**6), 10**6) | st.booleans(), st.integers(-20, 20))
def test_period_builders_read_or_refuse(year: int, n: int) -> None:
    for build in (Period.month, Period.quarter, Period.half):
        outcome(build, year, n)
    outcome(Period.year, year)
    outcome(Period.nine_months, year)


@fuzz
@given(any_text)
def test_code_parsers_read_or_refuse(text: str) -> None:
    for parser in (AgencyCode, ProcedureCode, DossierCode, PersonalId, TaxCode):
        outcome(parser.parse, text)


@fuzz
@given(decimals | st.fractions() | st.integers(-(10**30), 10**30), st.integers(-3, 30))
def test_round_percent_reads_or_refuses(rate: Decimal | Fraction | int, places: int) -> None:
    outcome(round_percent, rate, places)


# -- the agency registry ---------------------------------------------------------------------------

REGISTRY_COLUMNS = ["code", "name", "valid_from", "valid_to", "status", "successor", "source"]
registry_cells = st.sampled_from(
    [
        *("000.00.31.H12", "000.00.00.G14", "H55.242", "2025-07-01", "2024-01-01"),
        *("closed", "active", "renamed", "", '"', '""', "a,b", "x\ny", "\x00"),
    ]
) | st.text(max_size=8)


@fuzz
@given(st.lists(st.lists(registry_cells, min_size=0, max_size=9), max_size=8))
def test_registry_csv_reads_or_refuses(rows: list[list[str]]) -> None:
    out = io.StringIO()
    out.write(",".join(REGISTRY_COLUMNS) + "\n")
    for row in rows:
        out.write(",".join(row) + "\n")  # not csv.writer: stray quotes stay stray
    outcome(AgencyRegistry.read, io.StringIO(out.getvalue()))


@fuzz
@given(json_values)
def test_registry_json_reads_or_refuses(value: object) -> None:
    outcome(AgencyRegistry.read, io.StringIO(json.dumps(value)))
    outcome(AgencyRegistry.read, io.StringIO(json.dumps({"agencies": value})))


def test_registry_refuses_deep_nesting_and_missing_files(tmp_path: Any) -> None:
    for text in ("[" * 100_000, '{"agencies": ' * 50_000):
        assert isinstance(outcome(AgencyRegistry.read, io.StringIO(text)), TthcError)
    assert isinstance(outcome(AgencyRegistry.read, tmp_path / "missing.csv"), TthcError)
    assert isinstance(outcome(AgencyRegistry.read, tmp_path), TthcError)  # a directory


# -- the catalogue ---------------------------------------------------------------------------------


def _paths(value: object, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value inside a decoded JSON document."""
    found = [path]
    if isinstance(value, dict):
        for k, v in value.items():
            found += _paths(v, (*path, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            found += _paths(v, (*path, i))
    return found


def _replace(doc: Any, path: tuple[Any, ...], new: object) -> Any:
    if not path:
        return new
    target = doc
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = new
    return doc


@st.composite
def mutated(draw: st.DrawFn, doc: object) -> object:
    """*doc* (decoded JSON) with a few values replaced by hostile ones."""
    out = json.loads(json.dumps(doc))
    for _ in range(draw(st.integers(1, 3))):
        paths = _paths(out)
        path = draw(st.sampled_from(paths))
        out = _replace(out, path, draw(json_values))
    return out


RECORDS = cat.fixture_records()[:4]


@fuzz
@given(st.data())
def test_national_records_import_reports_every_bad_record(data: st.DataObject) -> None:
    records = [data.draw(mutated(r)) for r in RECORDS]
    result = outcome(cat.Catalog.from_national_records, records)
    if isinstance(result, cat.ImportResult):
        assert len(result.catalog.codes) + len(result.errors) <= len(records)


PROCEDURE_DOC = json.loads(cat.to_json(cat.fixture().latest("2.000815.000.00.00.H55")))


@fuzz
@given(st.data())
def test_catalogue_json_reads_or_refuses(data: st.DataObject) -> None:
    doc = data.draw(mutated(PROCEDURE_DOC))
    outcome(cat.from_json, json.dumps(doc), cat.Procedure)
    outcome(cat.from_json, json.dumps({"procedures": [doc]}), cat.Catalog)


@fuzz
@given(any_text)
def test_catalogue_json_text_reads_or_refuses(text: str) -> None:
    outcome(cat.from_json, text, cat.Procedure)


# -- dossier JSON ----------------------------------------------------------------------------------


def _dossier_doc() -> object:
    t = datetime(2025, 4, 24, 9, tzinfo=VIETNAM_TZ)
    d = submit("H12-0001", agency="UBND xã A", channel=cat.Channel.ONLINE, at=t)
    d = apply(d, Event(Action.RECEIVE, t + timedelta(hours=1), limit=TimeLimit.working_days(5)))
    d = apply(
        d,
        Event(
            Action.TRANSFER,
            t + timedelta(hours=2),
            agency="Phòng Tư pháp",
            limit=TimeLimit.working_days(Fraction(5, 2)),
        ),
    )
    d = apply(d, Event(Action.RESULT, t + timedelta(days=2)))
    return json.loads(to_json(d))


DOSSIER_DOC = _dossier_doc()


@fuzz
@given(st.data())
def test_dossier_json_reads_or_refuses(data: st.DataObject) -> None:
    doc = data.draw(mutated(DOSSIER_DOC))
    text = json.dumps(doc, ensure_ascii=False)
    result = outcome(from_json, text)
    if not isinstance(result, TthcError):
        outcome(to_json, result)  # what was read can be written back


@fuzz
@given(any_text | st.binary(max_size=40))
def test_dossier_json_text_reads_or_refuses(text: str | bytes) -> None:
    outcome(from_json, text)


def test_csv_module_is_not_used_for_quoting_here() -> None:
    """The registry property writes rows by hand so that stray quotes stay; csv is imported
    for the reader under test only (a guard against a well-meant 'fix' of the generator)."""
    assert csv.QUOTE_MINIMAL == 0
    assert date(2025, 1, 1).year == 2025
