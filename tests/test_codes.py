"""Tests of tthc.codes: the test vectors of data-formats.md §8, round trips, fuzzing, registry."""

from __future__ import annotations

import io
import json
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from stdnum.vn import mst

from tthc._data.agencies import AGENCIES, PERSONAL_ID_PROVINCES
from tthc.codes import (
    AgencyCode,
    AgencyEntry,
    AgencyKind,
    AgencyRegistry,
    AgencyStatus,
    DossierCode,
    DossierCodeGenerator,
    PersonalId,
    ProcedureCode,
    Sex,
    TaxCode,
)
from tthc.errors import (
    CountTooLargeError,
    DateOutOfRangeError,
    InvalidCodeError,
    RecordError,
    TthcError,
    UnknownCodeError,
)
from tthc.legal import Confidence, LegalSource

CODE_TYPES = (ProcedureCode, AgencyCode, DossierCode, PersonalId, TaxCode)

# -- strategies ------------------------------------------------------------------------------------


def digits(n: int) -> st.SearchStrategy[str]:
    return st.text("0123456789", min_size=n, max_size=n)


@st.composite
def full_agencies(draw: st.DrawFn) -> str:
    """13-character agency codes whose levels nest (a zero level has only zeros under it)."""
    level1 = draw(st.sampled_from("GHK")) + draw(digits(2))
    depth = draw(st.integers(1, 4))
    level2 = draw(digits(2).filter(lambda d: d != "00")) if depth >= 2 else "00"
    level3 = draw(digits(2).filter(lambda d: d != "00")) if depth >= 3 else "00"
    level4 = draw(digits(3).filter(lambda d: d != "000")) if depth >= 4 else "000"
    return f"{level4}.{level3}.{level2}.{level1}"


@st.composite
def short_agencies(draw: st.DrawFn) -> str:
    units = draw(st.lists(st.text("0123456789", min_size=1, max_size=3), max_size=3))
    return ".".join([draw(st.sampled_from("GHK")) + draw(digits(2)), *units])


def agencies() -> st.SearchStrategy[AgencyCode]:
    return st.one_of(full_agencies(), short_agencies()).map(AgencyCode)


@st.composite
def procedure_codes(draw: st.DrawFn) -> ProcedureCode:
    national = f"{draw(digits(1))}.{draw(digits(6))}"
    agency = draw(st.none() | full_agencies())
    service = draw(digits(2)) if agency is not None and draw(st.booleans()) else None
    return ProcedureCode(national, agency, service)


@st.composite
def dossier_codes(draw: st.DrawFn) -> DossierCode:
    date_digits = draw(st.sampled_from((6, 8)))
    first, last = (date(2000, 1, 1), date(2099, 12, 31))
    if date_digits == 8:
        first, last = date(1, 1, 1), date(9999, 12, 31)
    sequence = draw(st.integers(0, 999_999_999))
    width = draw(st.integers(max(4, len(str(sequence))), 9))
    return DossierCode(
        str(draw(agencies())),
        draw(st.dates(first, last)),
        sequence,
        date_digits=date_digits,
        width=width,
    )


@st.composite
def personal_ids(draw: st.DrawFn) -> PersonalId:
    province = draw(st.sampled_from([row.code for row in PERSONAL_ID_PROVINCES]))
    return PersonalId(province + draw(digits(9)))


@st.composite
def tax_codes(draw: st.DrawFn) -> TaxCode:
    """Valid MSTs: the check digit computed by stdnum, never by the code under test."""
    head = draw(digits(9).filter(lambda d: d[2:] != "0000000"))
    check = mst.calc_check_digit(head)
    assume(len(check) == 1)  # a weighted sum of 0 mod 11 gives "10": never issued
    branch = draw(st.none() | digits(3).filter(lambda d: d != "000"))
    return TaxCode(head + check + (f"-{branch}" if branch else ""))


STRATEGIES = {
    ProcedureCode: procedure_codes(),
    AgencyCode: agencies(),
    DossierCode: dossier_codes(),
    PersonalId: personal_ids(),
    TaxCode: tax_codes(),
}

# -- data-formats.md §8 test vectors --------------------------------------------------------------


def test_vector_local_procedure_code() -> None:
    code = ProcedureCode.parse("2.000815.000.00.00.H55.02")
    assert code.national == "2.000815"
    assert code.agency == "000.00.00.H55"
    assert code.service == "02"
    assert code.is_local
    assert code.is_service
    assert code.agency_code == AgencyCode("000.00.00.H55")
    assert code.agency_code.kind is AgencyKind.PROVINCIAL_COMMITTEE
    assert str(code) == "2.000815.000.00.00.H55.02"


@pytest.mark.parametrize(
    "text", ["1.004227", "1.000894", "2.000815", "1.005129", "3.000181", "1.012783"]
)
def test_national_procedure_codes(text: str) -> None:
    code = ProcedureCode.parse(text)
    assert (code.national, code.agency, code.service) == (text, None, None)
    assert not code.is_local
    assert code.prefix == text[0]
    assert code.serial == text[2:]


@pytest.mark.parametrize(
    ("text", "national", "agency"),
    [
        ("2.000815.000.00.00.H55", "2.000815", "000.00.00.H55"),
        ("1.011442.000.00.00.H38", "1.011442", "000.00.00.H38"),
        ("1.000494.000.00.00.H29", "1.000494", "000.00.00.H29"),
        ("3.000181.000.00.00.H22", "3.000181", "000.00.00.H22"),
        ("1.010708.000.00.00.H56", "1.010708", "000.00.00.H56"),
        ("1.012790.000.00.00.H41", "1.012790", "000.00.00.H41"),
    ],
)
def test_local_procedure_codes(text: str, national: str, agency: str) -> None:
    code = ProcedureCode.parse(text)
    assert (code.national, code.agency, code.service) == (national, agency, None)
    assert code.as_national() == ProcedureCode(national)
    assert code.without_service() is code


@pytest.mark.parametrize(
    "text",
    [
        "1.4227",
        "1.0042270",
        "12.004227",
        "A.004227",
        "1.012753.H19",  # one office's ad-hoc shortening, not a standard form
        "TS_lop1.000.00.00.H22",  # a private id of a local system
        "2.000815.000.00.00.H55.2",
        "2.000815.000.00.00.H55.02.01",
        "2.000815.000.05.00.H55",  # level 3 under a missing level 2
        "2.000815.000.00.00.X55",
        "1.004227.",
        "1 .004227",
        "",
    ],
)
def test_malformed_procedure_codes(text: str) -> None:
    assert ProcedureCode.parse_or_none(text) is None
    with pytest.raises(InvalidCodeError) as caught:
        ProcedureCode.parse(text)
    assert caught.value.text == text
    assert caught.value.kind == "procedure code"
    assert "D.NNNNNN" in str(caught.value) or "nest" in str(caught.value)


def test_vector_dossier_code_full_agency() -> None:
    code = DossierCode.parse("000.00.31.H12-230407-0001")
    assert (code.agency, code.date, code.sequence) == ("000.00.31.H12", date(2023, 4, 7), 1)
    assert code.agency_code.level == 2
    assert str(code) == "000.00.31.H12-230407-0001"


def test_vector_dossier_code_short_agency() -> None:
    code = DossierCode.parse("G09.20-20260609-0092637")
    assert (code.agency, code.date, code.sequence) == ("G09.20", date(2026, 6, 9), 92637)
    assert code.agency_code.is_short
    assert (code.date_digits, code.width) == (8, 7)
    assert str(code) == "G09.20-20260609-0092637"


@pytest.mark.parametrize(
    ("text", "agency", "day", "sequence"),
    [
        ("H12.22-230407-0001", "H12.22", date(2023, 4, 7), 1),
        ("000.00.01.H22-250225-0001", "000.00.01.H22", date(2025, 2, 25), 1),
        ("H56-240229-10000", "H56", date(2024, 2, 29), 10000),  # a busy day: 5 digits
        ("000.00.04.G14-20240101-1234567", "000.00.04.G14", date(2024, 1, 1), 1234567),
    ],
)
def test_dossier_codes(text: str, agency: str, day: date, sequence: int) -> None:
    code = DossierCode.parse(text)
    assert (code.agency, code.date, code.sequence) == (agency, day, sequence)
    assert str(code) == text


@pytest.mark.parametrize(
    "text",
    [
        "000.00.xx.H56-250225-0001",  # the reference's placeholder, not a code
        "000.00.31.H12-230230-0001",  # 30 February
        "H56-250229-0001",  # 2025 is no leap year
        "H56-20251301-0000001",  # month 13
        "H56-250225-001",  # fewer than 4 digits
        "H56-250225-0000000001",  # more than 9 digits
        "03706/2026/07906",  # a social-security number, another system
        "H56-2502250-0001",
        "H56 -250225-0001",
    ],
)
def test_malformed_dossier_codes(text: str) -> None:
    assert DossierCode.parse_or_none(text) is None
    with pytest.raises(InvalidCodeError, match="dossier code"):
        DossierCode.parse(text)


def test_dossier_code_names_the_missing_date() -> None:
    with pytest.raises(InvalidCodeError, match="29/02/2025 does not exist"):
        DossierCode.parse("H56-250229-0001")


def test_vector_personal_id() -> None:
    pid = PersonalId.parse("001095012345")  # made up
    assert pid.province_code == "001"
    assert pid.province == "Hà Nội"
    assert pid.sex is Sex.MALE
    assert pid.birth_year == 1995
    assert pid.serial == "012345"


@pytest.mark.parametrize(
    ("digit", "sex", "century"),
    [
        ("0", Sex.MALE, 1900),
        ("1", Sex.FEMALE, 1900),
        ("2", Sex.MALE, 2000),
        ("3", Sex.FEMALE, 2000),
        ("4", Sex.MALE, 2100),
        ("5", Sex.FEMALE, 2100),
        ("6", Sex.MALE, 2200),
        ("7", Sex.FEMALE, 2200),
        ("8", Sex.MALE, 2300),
        ("9", Sex.FEMALE, 2300),
    ],
)
def test_personal_id_century_and_sex(digit: str, sex: Sex, century: int) -> None:
    pid = PersonalId.parse(f"038{digit}07654321")
    assert (pid.sex, pid.birth_year, pid.province) == (sex, century + 7, "Thanh Hóa")


@pytest.mark.parametrize(
    "text",
    [
        "003095012345",  # 003 is unassigned
        "000095012345",
        "097095012345",
        "00109501234",  # 11 digits
        "0010950123456",
        "123456789",  # a 9-digit CMND
        "001 095 012 345",
        "00109501234a",
        "٠٠١٠٩٥٠١٢٣٤٥",  # Arabic-Indic digits are not ASCII digits
    ],
)
def test_malformed_personal_ids(text: str) -> None:
    assert PersonalId.parse_or_none(text) is None
    with pytest.raises(InvalidCodeError, match="personal identification number"):
        PersonalId.parse(text)


def test_personal_id_provinces_are_the_63_legacy_codes() -> None:
    codes = [row.code for row in PERSONAL_ID_PROVINCES]
    assert len(codes) == len(set(codes)) == 63
    assert codes == sorted(codes)
    assert (codes[0], codes[-1]) == ("001", "096")
    assert "003" not in codes
    # data-formats.md §2.4: the 34 provinces' new codes (QĐ 19/2025) are all among them.
    new_codes = "01 04 08 11 12 14 15 19 20 22 24 25 31 33 37 38 40 42 44 46 48 51 52 56 66 68"
    new_codes += " 75 79 80 82 86 91 92 96"
    assert {f"0{c}" for c in new_codes.split()} <= set(codes)
    assert all(row.source.number == "124/2004/QĐ-TTg" for row in PERSONAL_ID_PROVINCES)


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("0100233488", "0100233488"),
        ("0314409058-002", "0314409058-002"),
        ("0314409058002", "0314409058-002"),
        (" 0312 68 78 78 - 001 ", "0312687878-001"),
        ("01.00.112.437", "0100112437"),
        ("0100047516", "0100047516"),  # Thông tư 105/2020 worked example: 010004751 -> 6
    ],
)
def test_vector_valid_tax_codes(text: str, canonical: str) -> None:
    code = TaxCode.parse(text)
    assert str(code) == canonical
    assert code.digits == canonical.replace("-", "")


@pytest.mark.parametrize(
    "text",
    [
        "0100233489",  # bad check digit
        "0100233480",  # bad check digit
        "0100047517",
        "0100233488-000",  # branch 000 does not exist
        "010004751",  # 9 digits
        "001095012345",  # a 12-digit personal ID is not an MST: use PersonalId
        "01000000007",
        "12345",
        "abcdefghij",
        "0100233488/001",
    ],
)
def test_vector_invalid_tax_codes(text: str) -> None:
    assert TaxCode.parse_or_none(text) is None
    with pytest.raises(InvalidCodeError, match=r"tax code \(MST\)"):
        TaxCode.parse(text)


@given(start=digits(8))
def test_tax_code_remainder_zero_is_never_valid(start: str) -> None:
    """A 9-digit prefix whose weighted sum is 0 mod 11 has no check digit: never issued."""
    weights = (31, 29, 23, 19, 17, 13, 7, 5, 3)
    total = sum(w * int(d) for w, d in zip(weights, start, strict=False))
    last = (-total * 4) % 11  # 3 * 4 = 12 = 1 (mod 11)
    assume(last < 10)
    head = start + str(last)
    assert sum(w * int(d) for w, d in zip(weights, head, strict=True)) % 11 == 0
    assert all(TaxCode.parse_or_none(head + str(check)) is None for check in range(10))


def test_tax_code_parts() -> None:
    branch = TaxCode.parse("0314409058-002")
    assert (branch.branch, branch.head) == ("002", TaxCode("0314409058"))
    assert branch.head.branch is None
    assert branch.head.head == branch.head


# -- agency codes ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "level", "parent", "kind"),
    [
        ("000.00.00.G22", 1, None, AgencyKind.MINISTRY),
        ("000.00.00.H41", 1, None, AgencyKind.PROVINCIAL_COMMITTEE),
        ("000.00.00.K57", 1, None, AgencyKind.PROVINCIAL_COUNCIL),
        ("000.00.31.H12", 2, "000.00.00.H12", AgencyKind.PROVINCIAL_COMMITTEE),
        ("000.00.04.G14", 2, "000.00.00.G14", AgencyKind.MINISTRY),
        ("000.05.20.H56", 3, "000.00.20.H56", AgencyKind.PROVINCIAL_COMMITTEE),
        ("001.05.20.H56", 4, "000.05.20.H56", AgencyKind.PROVINCIAL_COMMITTEE),
        ("H55.242", 2, "H55", AgencyKind.PROVINCIAL_COMMITTEE),
        ("G09.20", 2, "G09", AgencyKind.MINISTRY),
        ("H56", 1, None, AgencyKind.PROVINCIAL_COMMITTEE),
        ("H55.1.2.3", 4, "H55.1.2", AgencyKind.PROVINCIAL_COMMITTEE),
    ],
)
def test_agency_levels(text: str, level: int, parent: str | None, kind: AgencyKind) -> None:
    code = AgencyCode.parse(text)
    assert (code.level, code.kind, str(code)) == (level, kind, text)
    assert code.parent == (None if parent is None else AgencyCode(parent))
    assert code.is_short == (not text[0].isdigit())


def test_short_forms_are_kept_as_written() -> None:
    short, full = AgencyCode.parse("H55.242"), AgencyCode.parse("000.00.00.H55")
    assert short != full
    assert short.root != full
    assert short.level1 == full.level1 == "H55"
    assert short.units == ("242",)
    assert not short.is_within(full)


def test_ancestors_walk_up_to_level_one() -> None:
    code = AgencyCode.parse("001.05.20.H56")
    assert [str(a) for a in code.ancestors] == ["000.05.20.H56", "000.00.20.H56", "000.00.00.H56"]
    assert code.root == AgencyCode("000.00.00.H56")
    assert code.units == ("20", "05", "001")
    assert code.is_within(AgencyCode("000.00.20.H56"))
    assert not code.is_within(AgencyCode("000.00.21.H56"))


@pytest.mark.parametrize(
    "text",
    [
        "000.00.31.X12",  # level-1 letter other than G/H/K
        "00.00.H29",  # a truncated form seen in statistics files
        "000.05.00.H56",  # level 3 under a missing level 2
        "001.00.20.H56",  # level 4 under a missing level 3
        "000.00.31.H1",
        "0000.00.31.H12",
        "H5",
        "H55.1234",
        "H55.1.2.3.4",
        "H55.",
        "55.242",
    ],
)
def test_malformed_agency_codes(text: str) -> None:
    assert AgencyCode.parse_or_none(text) is None
    with pytest.raises(InvalidCodeError, match="agency code"):
        AgencyCode.parse(text)


# -- what the parsers accept around the canonical text ----------------------------------------------


@pytest.mark.parametrize(
    ("cls", "text", "canonical"),
    [
        (ProcedureCode, "  1.004227\n", "1.004227"),
        (ProcedureCode, "2.000815.000.00.00.h55.02", "2.000815.000.00.00.H55.02"),
        (ProcedureCode, "\u00a0\uff12.\uff10\uff10\uff10\uff18\uff11\uff15\u3000", "2.000815"),
        (AgencyCode, "\th55.242 ", "H55.242"),
        (AgencyCode, "\uff28\uff15\uff15", "H55"),
        (DossierCode, " g09.20-20260609-0092637 ", "G09.20-20260609-0092637"),
        (PersonalId, "\uff10\uff10\uff11095012345", "001095012345"),
        (TaxCode, "\uff10\uff11\uff10\uff10233488", "0100233488"),
    ],
)
def test_whitespace_case_and_fullwidth(cls: Any, text: str, canonical: str) -> None:
    assert str(cls.parse(text)) == canonical


@pytest.mark.parametrize("cls", CODE_TYPES)
@pytest.mark.parametrize("value", [None, 1004227, b"1.004227", ["1.004227"], 1.5])
def test_non_text_is_an_invalid_code(cls: Any, value: object) -> None:
    with pytest.raises(InvalidCodeError) as caught:
        cls.parse(value)
    assert caught.value.text is value
    assert cls.parse_or_none(value) is None


@pytest.mark.parametrize("cls", CODE_TYPES)
def test_constructor_refuses_non_canonical_text(cls: Any) -> None:
    with pytest.raises((InvalidCodeError, TypeError)):
        cls("not a code")


def test_constructors_check_their_fields() -> None:
    with pytest.raises(InvalidCodeError):
        ProcedureCode("1.004227", None, "02")  # a variant needs an agency
    with pytest.raises(InvalidCodeError):
        ProcedureCode("1.004227", "H55")  # the agency part is the 13-character form
    with pytest.raises(InvalidCodeError):
        AgencyCode("h55")  # not canonical: parse() upper-cases
    with pytest.raises(InvalidCodeError):
        TaxCode("0314409058002")  # canonical is with the dash
    with pytest.raises(InvalidCodeError):
        DossierCode("H56", date(2100, 1, 1), 1)  # yyMMdd holds 2000-2099 only
    with pytest.raises(InvalidCodeError):
        DossierCode("H56", date(2025, 1, 1), 12345)  # wider than width 4
    with pytest.raises(TypeError):
        DossierCode("H56", datetime(2025, 1, 1), 1)  # noqa: DTZ001


# -- properties --------------------------------------------------------------------------------------


@pytest.mark.parametrize("cls", CODE_TYPES)
@given(data=st.data())
def test_parse_str_round_trip(cls: Any, data: st.DataObject) -> None:
    value = data.draw(STRATEGIES[cls])
    assert cls.parse(str(value)) == value
    assert cls.parse_or_none(f" {value}\n") == value


@pytest.mark.parametrize("cls", CODE_TYPES)
@given(text=st.text())
def test_random_text_never_crashes(cls: Any, text: str) -> None:
    try:
        value = cls.parse(text)
    except TthcError:
        assert cls.parse_or_none(text) is None
    else:
        assert isinstance(value, cls)
        assert cls.parse(str(value)) == value


@pytest.mark.parametrize("cls", CODE_TYPES)
@given(text=st.text("0123456789.-HGKhgkX ", max_size=30))
def test_code_like_text_never_crashes(cls: Any, text: str) -> None:
    value = cls.parse_or_none(text)
    assert value is None or cls.parse(str(value)) == value


@given(code=agencies())
def test_parent_is_one_level_up(code: AgencyCode) -> None:
    parent = code.parent
    if parent is None:
        assert code.level == 1
        assert code.root == code
    else:
        assert parent.level == code.level - 1
        assert parent.is_short == code.is_short
        assert parent.level1 == code.level1
        assert code.is_within(parent)
        assert not parent.is_within(code)
    assert len(code.ancestors) == code.level - 1


# -- the dossier-code generator ---------------------------------------------------------------------


def test_generator_sequence_resets_each_day() -> None:
    issue = DossierCodeGenerator()
    day1 = [str(issue.next("000.00.31.H12", date(2023, 4, 7))) for _ in range(3)]
    day2 = str(issue.next("000.00.31.H12", date(2023, 4, 8)))
    assert day1 == [
        "000.00.31.H12-230407-0001",
        "000.00.31.H12-230407-0002",
        "000.00.31.H12-230407-0003",
    ]
    assert day2 == "000.00.31.H12-230408-0001"


def test_generator_counts_each_agency_apart() -> None:
    issue = DossierCodeGenerator(date_digits=8, width=7)
    day = date(2026, 6, 9)
    assert str(issue.next("G09.20", day)) == "G09.20-20260609-0000001"
    assert str(issue.next(AgencyCode.parse("G09.21"), day)) == "G09.21-20260609-0000001"
    assert str(issue.next("g09.20", day)) == "G09.20-20260609-0000002"
    assert set(issue.last) == {"G09.20", "G09.21"}


def test_generator_widens_past_9999_and_never_wraps() -> None:
    issue = DossierCodeGenerator(last=[DossierCode.parse("H56-250225-9998")])
    day = date(2025, 2, 25)
    issued = [str(issue.next("H56", day)) for _ in range(3)]
    assert issued == ["H56-250225-9999", "H56-250225-10000", "H56-250225-10001"]
    assert str(issue.next("H56", day + timedelta(days=1))) == "H56-250226-0001"


def test_generator_resumes_from_the_latest_code() -> None:
    texts = ("H56-250225-0012", "H56-250225-0007", "H55-250224-0003", "H56-250224-0099")
    issue = DossierCodeGenerator(last=[DossierCode.parse(t) for t in texts])
    assert str(issue.next("H56", date(2025, 2, 25))) == "H56-250225-0013"
    assert str(issue.next("H55", date(2025, 2, 24))) == "H55-250224-0004"


def test_generator_refuses_an_earlier_day() -> None:
    issue = DossierCodeGenerator()
    issue.next("H56", date(2025, 2, 25))
    with pytest.raises(DateOutOfRangeError, match="dossier day for agency H56 2025-02-24"):
        issue.next("H56", date(2025, 2, 24))
    with pytest.raises(TypeError):
        issue.next("H56", datetime(2025, 2, 25, 9))  # noqa: DTZ001
    with pytest.raises(InvalidCodeError):
        issue.next("not an agency", date(2025, 2, 25))


def test_generator_refuses_the_ten_digit_number() -> None:
    issue = DossierCodeGenerator(last=[DossierCode.parse("H56-250225-999999999")])
    with pytest.raises(CountTooLargeError):
        issue.next("H56", date(2025, 2, 25))


def test_generator_first_number_is_configurable() -> None:
    issue = DossierCodeGenerator(first=0)
    assert str(issue.next("H56", date(2025, 2, 25))) == "H56-250225-0000"


@given(
    steps=st.lists(
        st.tuples(st.sampled_from(["H56", "H56.3", "000.00.31.H12"]), st.integers(0, 2)),
        max_size=60,
    ),
    width=st.sampled_from((4, 7)),
    start=st.integers(1, 9995),
)
def test_generator_codes_are_unique_and_increasing(
    steps: list[tuple[str, int]], width: int, start: int
) -> None:
    issue = DossierCodeGenerator(width=width, first=min(start, 9999))
    day = {agency: date(2025, 2, 25) for agency in ("H56", "H56.3", "000.00.31.H12")}
    issued: dict[str, list[DossierCode]] = {agency: [] for agency in day}
    for agency, advance in steps:
        day[agency] += timedelta(days=advance)
        code = issue.next(agency, day[agency])
        previous = issued[agency][-1] if issued[agency] else None
        if previous is not None and previous.date == code.date:
            assert code.sequence == previous.sequence + 1
        else:
            assert code.sequence == issue.first
        assert len(str(code)) >= len(str(previous or ""))  # widens, never wraps
        issued[agency].append(code)
        assert DossierCode.parse(str(code)) == code
    for codes in issued.values():
        assert codes == sorted(codes)
        assert len({str(c) for c in codes}) == len(codes)


# -- the agency registry ------------------------------------------------------------------------------


def test_shipped_rows_cite_the_decisions() -> None:
    assert AGENCIES
    for row in AGENCIES:
        assert isinstance(row.source, LegalSource)
        assert row.source.number in {"20/2020/QĐ-TTg", "09/2025/QĐ-TTg"}
        assert row.confidence in {Confidence.SECONDARY, Confidence.UNCONFIRMED}
        assert row.note
        assert AgencyCode.parse(row.code).level == 1


def test_shipped_registry_holds_only_confirmed_provinces() -> None:
    # data-formats.md §2.3: the confirmed anchor points, no alphabetical-order guesses.
    provinces = {e.code.level1 for e in AgencyRegistry.shipped() if e.code.level1[0] in "HK"}
    confirmed = {"H14", "H22", "H29", "H30", "H38", "H41", "H55", "H56", "H57", "K57"}
    assert provinces == confirmed


@pytest.mark.parametrize(
    ("code", "day", "name"),
    [
        ("000.00.00.G14", date(2025, 4, 13), "Bộ Thông tin và Truyền thông"),
        ("000.00.00.G10", date(2025, 4, 13), "Bộ Nông nghiệp và Phát triển nông thôn"),
        ("000.00.00.G10", date(2025, 4, 14), "Bộ Nông nghiệp và Môi trường"),
        ("000.00.00.G21", date(2024, 1, 1), "Ủy ban Dân tộc"),
        ("000.00.00.G21", date(2025, 4, 14), "Bộ Dân tộc và Tôn giáo"),
        ("000.00.00.H22", date(2025, 6, 30), "UBND tỉnh Hà Giang"),
        ("000.00.00.H38", date(2025, 7, 1), "UBND tỉnh Lào Cai"),
        ("000.00.00.G27", date(2025, 4, 14), "Đài Tiếng nói Việt Nam"),
    ],
)
def test_shipped_registry_by_date(code: str, day: date, name: str) -> None:
    assert AgencyRegistry.shipped().get(code, as_of=day).name == name


@pytest.mark.parametrize(
    ("closed", "successor", "name"),
    [
        ("000.00.00.G04", "000.00.00.G17", "Bộ Xây dựng"),
        ("000.00.00.G05", "000.00.00.G12", "Bộ Tài chính"),
        ("000.00.00.G07", "000.00.00.G09", "Bộ Nội vụ"),
        ("000.00.00.G13", "000.00.00.G10", "Bộ Nông nghiệp và Môi trường"),
        ("000.00.00.G14", "000.00.00.G06", "Bộ Khoa học và Công nghệ"),
    ],
)
def test_closed_ministries_lead_to_their_successor(closed: str, successor: str, name: str) -> None:
    registry = AgencyRegistry.shipped()
    assert registry.successor(closed) == AgencyCode(successor)
    assert registry.current(closed, as_of=date(2025, 4, 14)).name == name
    assert registry.current(closed, as_of=date(2025, 4, 13)).code == AgencyCode(closed)
    with pytest.raises(UnknownCodeError, match=f"'{closed}' is not in force on 2025-04-14"):
        registry.get(closed, as_of=date(2025, 4, 14))


def test_registry_unknowns() -> None:
    registry = AgencyRegistry.shipped()
    with pytest.raises(UnknownCodeError, match="is not in the agency registry"):
        registry.get("000.00.00.G99", as_of=date(2025, 1, 1))
    with pytest.raises(UnknownCodeError, match="closed with no successor recorded"):
        registry.current("000.00.00.H22", as_of=date(2025, 7, 1))
    with pytest.raises(UnknownCodeError, match="from 2025-04-14"):
        registry.get("000.00.00.G27", as_of=date(2025, 4, 13))
    with pytest.raises(InvalidCodeError):
        registry.get("G 10", as_of=date(2025, 1, 1))
    with pytest.raises(TypeError):
        registry.get("000.00.00.G01", as_of=datetime(2025, 1, 1))  # noqa: DTZ001
    assert "000.00.00.G01" in registry
    assert "H55" not in registry
    assert "nonsense" not in registry
    assert registry.successor("000.00.00.G01") is None
    assert registry.history("000.00.00.G99") == ()


def _tuyen_quang() -> list[AgencyEntry]:
    """A made-up registry file's content: the 2025 Hà Giang -> Tuyên Quang merger."""
    return [
        AgencyEntry(
            "000.00.00.H22",
            "UBND tỉnh Hà Giang",
            valid_to=date(2025, 6, 30),
            status="closed",
            successor="000.00.00.H60",
        ),
        AgencyEntry("000.00.00.H60", "UBND tỉnh Tuyên Quang"),
        AgencyEntry(
            "000.00.01.H22",
            "Sở X tỉnh Hà Giang",
            valid_to=date(2025, 6, 30),
            status="closed",
            successor="000.00.00.H22",
        ),
    ]


def test_current_follows_a_chain_of_successors() -> None:
    registry = AgencyRegistry(_tuyen_quang())
    assert (
        registry.current("000.00.01.H22", as_of=date(2025, 7, 1)).name == "UBND tỉnh Tuyên Quang"
    )
    assert registry.current("000.00.01.H22", as_of=date(2025, 6, 30)).name == "Sở X tỉnh Hà Giang"


def test_registry_refuses_cycles_and_overlaps() -> None:
    a_to_b = AgencyEntry("H01", "A", valid_to=date(2025, 1, 1), status="closed", successor="H02")
    b_to_a = AgencyEntry("H02", "B", valid_to=date(2025, 2, 1), status="closed", successor="H01")
    with pytest.raises(RecordError, match=r"record 1: H02: successor links form a cycle"):
        AgencyRegistry([a_to_b, b_to_a])
    with pytest.raises(RecordError, match="overlaps"):
        AgencyRegistry([AgencyEntry("H01", "A"), AgencyEntry("H01", "A again")])
    with pytest.raises(RecordError, match="no entry of it starts 2025-01-02"):
        AgencyRegistry([AgencyEntry("H01", "A", valid_to=date(2025, 1, 1), status="renamed")])


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"valid_to": date(2025, 1, 1)}, "an active entry has no valid_to"),
        ({"status": "closed"}, "needs valid_to"),
        ({"successor": "H02"}, "only a closed entry has a successor"),
        (
            {"valid_from": date(2025, 2, 1), "valid_to": date(2025, 1, 1), "status": "closed"},
            "before valid_from",
        ),
        (
            {"valid_to": date(2025, 1, 1), "status": "closed", "successor": "H01"},
            "its own successor",
        ),
    ],
)
def test_entry_checks_itself(fields: dict[str, object], message: str) -> None:
    with pytest.raises(RecordError, match=message):
        AgencyEntry("H01", "A", **fields)  # type: ignore[arg-type]


def test_a_cycle_cannot_loop_forever() -> None:
    """Even a registry that bypassed construction checks stops at a repeated code."""
    registry = AgencyRegistry([])
    looped = (
        AgencyEntry("H01", "A", valid_to=date(2025, 1, 1), status="closed", successor="H02"),
    )
    back = (AgencyEntry("H02", "B", valid_to=date(2025, 1, 1), status="closed", successor="H01"),)
    object.__setattr__(registry, "_by_code", {AgencyCode("H01"): looped, AgencyCode("H02"): back})
    with pytest.raises(UnknownCodeError):
        registry.current("H01", as_of=date(2025, 6, 1))


CSV_TABLE = """code,name,valid_from,valid_to,status,successor,confidence,source,note,extra
000.00.00.H22,UBND tỉnh Hà Giang,,2025-06-30,closed,000.00.00.H60,secondary,09/2025/QĐ-TTg,,x
000.00.00.H60,UBND tỉnh Tuyên Quang,,,,,,20/2020/QĐ-TTg,,
000.00.00.H61,,,,,,,,,
000.00.00.H62,Bad date,2025-13-01,,,,,,,
000.00.00.H63,Bad code,,,,H63.,,,,
000.00.00.H22,Overlap,,,,,,,,
000.00.00.H64,Bad status,,,gone,,,,,
"""


def test_read_reports_every_bad_row_with_its_index() -> None:
    result = AgencyRegistry.read(io.StringIO(CSV_TABLE))
    assert [(e.index, e.field) for e in result.errors] == [
        (2, "name"),
        (3, "valid_from"),
        (4, "successor"),
        (5, None),
        (6, "status"),
    ]
    registry = result.registry
    assert len(registry) == 2
    h22 = registry.get("000.00.00.H22", as_of=date(2025, 1, 1))
    assert h22.confidence is Confidence.SECONDARY
    assert h22.source is not None
    assert h22.source.title.startswith("Quyết định sửa đổi")
    h60 = registry.get("000.00.00.H60", as_of=date(2025, 7, 1))
    assert (h60.status, h60.confidence) == (AgencyStatus.ACTIVE, Confidence.UNCONFIRMED)
    with pytest.raises(RecordError, match=r"record 2, field 'name': missing"):
        AgencyRegistry.load(io.StringIO(CSV_TABLE))


def test_load_json_file(tmp_path: Path) -> None:
    rows = [
        {"code": "000.00.00.H22", "name": "UBND tỉnh Hà Giang", "valid_to": "2025-06-30"},
        {"code": "H22.5", "name": "A unit", "source": "12/2025/QĐ-UBND", "note": "made up"},
    ]
    path = tmp_path / "agencies.json"
    path.write_text(json.dumps({"agencies": rows}, ensure_ascii=False), encoding="utf-8")
    registry = AgencyRegistry.load(path)
    h22 = registry.get("000.00.00.H22", as_of=date(2025, 6, 30))
    assert h22.status is AgencyStatus.CLOSED
    assert h22.successor is None
    unit = registry.get("H22.5", as_of=date(2025, 1, 1))
    assert unit.source is not None
    assert unit.source.number == "12/2025/QĐ-UBND"
    assert unit.source.confidence is Confidence.UNCONFIRMED
    csv_path = tmp_path / "agencies.csv"
    csv_path.write_text(CSV_TABLE.splitlines()[0] + "\n" + CSV_TABLE.splitlines()[2] + "\n")
    assert len(AgencyRegistry.load(str(csv_path))) == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[1, 2]", "expected an object"),
        ('{"x": 1}', "expected a JSON list"),
        ("[{", "not valid JSON"),
        ('[{"code": 7, "name": "A"}]', "expected text"),
    ],
)
def test_load_refuses_malformed_json(content: str, message: str) -> None:
    with pytest.raises(RecordError, match=message):
        AgencyRegistry.load(io.StringIO(content))


def test_load_refuses_binary_content() -> None:
    with pytest.raises(RecordError, match="expected a text file"):
        AgencyRegistry.load(io.BytesIO(b"[]"))  # type: ignore[arg-type]


def test_load_refuses_a_file_that_is_not_utf8(tmp_path: Path) -> None:
    legacy = tmp_path / "agencies.csv"
    legacy.write_bytes("code,name\n000.00.00.H22,UBND Hà Giang\n".encode("cp1258"))
    with pytest.raises(RecordError, match="not UTF-8"):
        AgencyRegistry.load(legacy)
    with pytest.raises(RecordError, match="not UTF-8"):
        AgencyRegistry.read(io.TextIOWrapper(io.BytesIO(legacy.read_bytes()), encoding="utf-8"))


def test_read_reports_a_renamed_row_without_its_next_entry() -> None:
    table = io.StringIO(
        "code,name,valid_from,valid_to,status\n"
        "H01,A,,,\n"
        "H02,B,,2025-04-13,renamed\n"
        "H03,C,,2025-04-13,renamed\n"
        "H03,C2,2025-04-14,,\n"
    )
    result = AgencyRegistry.read(table)
    assert [(e.index, e.reason) for e in result.errors] == [
        (1, "H02: renamed after 2025-04-13, but no entry of it starts 2025-04-14")
    ]
    assert [str(e.code) for e in result.registry] == ["H01", "H03", "H03"]


def test_read_refuses_too_many_rows(monkeypatch: pytest.MonkeyPatch) -> None:
    import tthc.codes

    monkeypatch.setattr(tthc.codes, "MAX_REGISTRY_ROWS", 2)
    with pytest.raises(CountTooLargeError, match="registry rows 3 exceeds the limit of 2"):
        AgencyRegistry.read(io.StringIO("code,name\nH01,A\nH02,B\nH03,C\n"))


def test_membership_of_anything() -> None:
    registry = AgencyRegistry.shipped()
    assert AgencyCode("000.00.00.G22") in registry
    assert ["000.00.00.G22"] not in registry
    assert None not in registry


def test_a_csv_row_with_more_cells_than_the_header_is_refused_not_truncated() -> None:
    text = "code,name\n000.00.00.H22,UBND tỉnh Hà Giang\n000.00.00.H55,UBND tỉnh,Thái Nguyên\n"
    result = AgencyRegistry.read(io.StringIO(text))
    assert [(e.index, e.field) for e in result.errors] == [(1, None)]
    assert "more cells than the header" in str(result.errors[0])
    assert len(result.registry) == 1


# -- the national dossier code of Thông tư 04/2025/TT-VPCP Điều 23(2) (issue 12) ----------------------


@pytest.mark.parametrize(
    ("text", "agency", "day", "system", "sequence", "width"),
    [
        ("000.00.31.H12-260302-090001", "000.00.31.H12", date(2026, 3, 2), "09", 1, 4),
        ("G09.20-260125-0112345", "G09.20", date(2026, 1, 25), "01", 12345, 5),  # first day
        (" h55.242-261231-220000 ", "H55.242", date(2026, 12, 31), "22", 0, 4),
    ],
)
def test_national_code_reads_aa_on_its_own(
    text: str, agency: str, day: date, system: str, sequence: int, width: int
) -> None:
    code = DossierCode.parse_national(text)
    assert (code.agency, code.date, code.system, code.sequence, code.width) == (
        agency,
        day,
        system,
        sequence,
        width,
    )
    assert code.is_national
    assert str(code) == text.strip().upper()
    assert DossierCode.parse_national(str(code)) == code
    assert code.source is not None
    assert code.source.number == "03/2025/TT-VPCP"
    assert "Điều 13 khoản 3" in (code.source.provision or "")
    assert code.source.in_force == date(2026, 1, 25)  # Thông tư 04/2025 Điều 23(1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("000.00.31.H12-20260302-090001", "'<agency>-<YYMMDD>-<AA><XXXX>'"),  # 8-digit date
        ("000.00.31.H12-260302-09001", "'<agency>-<YYMMDD>-<AA><XXXX>'"),  # XXXX of 3 digits
        ("000.00.31.H12-260230-090001", "30/02/2026 does not exist"),
        ("000.00.31.H12-260124-090001", "from 2026-01-25"),  # before the format took effect
        ("000.00.31.H12-260302-ab0001", "'<agency>-<YYMMDD>-<AA><XXXX>'"),
    ],
)
def test_national_code_refusals(text: str, expected: str) -> None:
    with pytest.raises(InvalidCodeError, match="not a valid national dossier code") as info:
        DossierCode.parse_national(text)
    assert expected in str(info.value)


def test_aa_is_validated_on_its_own() -> None:
    for bad in ("9", "123", "a9", "\uff10\uff19"):  # fullwidth digits are not ASCII
        with pytest.raises(InvalidCodeError, match="two ASCII digits"):
            DossierCode("H12", date(2026, 3, 2), 1, system=bad)
    with pytest.raises(InvalidCodeError, match="YYMMDD"):
        DossierCode("H12", date(2026, 3, 2), 1, system="09", date_digits=8)
    with pytest.raises(InvalidCodeError, match="two ASCII digits"):
        DossierCodeGenerator(system="x")


def test_old_codes_keep_their_reading() -> None:
    # Codes of local systems and of before 25/01/2026 have no AA: the de-facto reading stays.
    old = DossierCode.parse("000.00.31.H12-230407-0001")
    assert (old.system, old.sequence, old.is_national, old.source) == (None, 1, False, None)
    # parse() cannot tell AA from a wide sequence number: it keeps the old reading.
    wide = DossierCode.parse("000.00.31.H12-260302-090001")
    assert (wide.system, wide.sequence, wide.width) == (None, 90001, 6)
    assert str(wide) == "000.00.31.H12-260302-090001"
    assert wide != DossierCode.parse_national(str(wide))


def test_generator_issues_national_codes_per_day() -> None:
    issue = DossierCodeGenerator(system="09")
    codes = [str(issue.next("000.00.31.H12", date(2026, 3, 2))) for _ in range(2)]
    assert codes == ["000.00.31.H12-260302-090001", "000.00.31.H12-260302-090002"]
    assert str(issue.next("000.00.31.H12", date(2026, 3, 3))) == "000.00.31.H12-260303-090001"
    busy = DossierCodeGenerator(
        system="09", last=[DossierCode.parse_national("H56-260302-099999")]
    )
    assert str(busy.next("H56", date(2026, 3, 2))) == "H56-260302-0910000"


@given(
    st.dates(date(2026, 1, 25), date(2099, 12, 31)),
    st.integers(0, 99).map(lambda n: f"{n:02d}"),
    st.integers(0, 10**9 - 1),
)
def test_national_round_trip(day: date, system: str, sequence: int) -> None:
    code = DossierCode(
        "000.00.31.H12", day, sequence, system=system, width=max(4, len(str(sequence)))
    )
    assert DossierCode.parse_national(str(code)) == code
