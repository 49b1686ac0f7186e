"""Tests of tthc.catalog: the procedure model, the national-record importer, versions,
search, process steps, the Decree-43 mapping and the JSON round trip.

Expected values are written by hand from the fixture's records, the legal texts the
reference notes quote (kpi-and-index.md §4, legal-rules.md §3.2, §4.3, §6) and the
catalogue wording; none is computed by the code under test.
"""

from __future__ import annotations

import copy
import re
import unicodedata
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.strategies import time_limits
from tthc.calendar import VIETNAM_TZ
from tthc.catalog import (
    Agency,
    ApplicantType,
    Catalog,
    Channel,
    ChannelTerms,
    Document,
    DossierCase,
    Fee,
    Field,
    LegalBasis,
    Level,
    OnlineServiceLevel,
    Procedure,
    Result,
    Step,
    StepProblemKind,
    fixture,
    fixture_records,
    from_json,
    structure,
    to_json,
    unstructure,
)
from tthc.codes import ProcedureCode
from tthc.deadlines import ParsedTimeLimit, TimeLimit, Unit
from tthc.errors import (
    InvalidCodeError,
    InvalidTimeLimitError,
    NoTimeLimitError,
    ProcessTooLongError,
    RecordError,
    UnknownCodeError,
)

LAND = "1.004227.000.00.00.H55"  # amended on 01/08/2024 (Luật Đất đai 2024, ND 101/2024)
NCC = "1.010832.000.00.00.H55"  # liên thông; district level gone from 01/07/2025
CT = "2.000815"  # chứng thực bản sao


def half(k: int) -> Fraction:
    return Fraction(k, 2)


# -- the shipped fixture ---------------------------------------------------------------------------


def test_fixture_imports_without_errors() -> None:
    result = Catalog.from_national_records(fixture_records())
    assert result.errors == ()
    assert len(result.catalog) == 29  # records in the file
    assert len(result.catalog.codes) == 27  # two procedures have two versions
    assert result.catalog == fixture()


def test_fixture_is_cached_and_records_are_fresh_copies() -> None:
    assert fixture() is fixture()
    records = fixture_records()
    records[0]["TENTTHC"] = "changed"
    assert fixture_records()[0]["TENTTHC"] != "changed"


def test_fixture_chung_thuc_is_same_day_with_the_15h_cut_off() -> None:
    p = fixture().get(CT, as_of=date(2025, 3, 3))
    assert p.field == "Chứng thực"
    assert p.levels == (Level.DISTRICT, Level.COMMUNE)
    limit = p.time_limit(Channel.IN_PERSON)
    assert limit.unit is Unit.SAME_DAY
    assert limit.cutoff == time(15)
    assert "sau 15 giờ" in p.time_limit_text(Channel.IN_PERSON)
    assert "23/2015/NĐ-CP" in [d.number for d in p.legal_basis]
    (fee,) = p.terms(Channel.IN_PERSON)[0].fees
    assert fee.amount == Decimal(2000)
    assert p.online_level is OnlineServiceLevel.PARTIAL  # MUCDO 3


def test_fixture_local_version_of_the_same_procedure() -> None:
    local = fixture().get(f"{CT}.000.00.00.H55", as_of=date(2025, 3, 3))
    assert local.code.is_local
    assert local.code.agency == "000.00.00.H55"
    assert local.online_level is OnlineServiceLevel.FULL
    assert local.implementing_agencies[1] == Agency(
        "Ủy ban nhân dân phường Phan Đình Phùng", "000.20.31.H55"
    )


def test_fixture_ho_tich() -> None:
    p = fixture().get("1.001193", as_of=date(2025, 3, 3))
    assert (p.name, p.field, p.field_code) == ("Đăng ký khai sinh", "Hộ tịch", "G15-HT")
    assert p.levels == (Level.COMMUNE,)
    assert p.time_limit(Channel.ONLINE).unit is Unit.SAME_DAY
    assert p.applicant_types == (ApplicantType("Công dân Việt Nam", "1"),)
    assert p.results[0].name == "Giấy khai sinh (bản chính)"
    assert p.components[0].documents[0].form == "Tờ khai đăng ký khai sinh"


def test_fixture_land_excludes_the_financial_obligation_time() -> None:
    p = fixture().get(LAND, as_of=date(2025, 3, 3))
    terms = p.terms(Channel.IN_PERSON)[0]
    assert terms.limit == TimeLimit.working_days(8)
    assert terms.time.excluded[0] == "thời gian thực hiện nghĩa vụ tài chính"
    assert "101/2024/NĐ-CP" in [d.number for d in p.legal_basis]


def test_fixture_lien_thong_commune_district_province() -> None:
    p = fixture().get(NCC, as_of=date(2024, 6, 3))
    assert p.levels == (Level.COMMUNE, Level.DISTRICT, Level.PROVINCE)
    assert [s.agency for s in p.steps] == [
        "Ủy ban nhân dân phường Phan Đình Phùng",
        "Phòng Lao động - Thương binh và Xã hội thành phố Thái Nguyên",
        "Sở Lao động - Thương binh và Xã hội tỉnh Thái Nguyên",
    ]
    assert [s.duration for s in p.steps] == [TimeLimit.working_days(5)] * 3
    assert p.check_steps() == ()


def test_fixture_half_day_steps_fit_their_totals() -> None:
    catalog = fixture()
    hkd = catalog.latest("2.000575.000.00.00.H55")
    assert [s.duration.amount for s in hkd.steps] == [half(1), 2, half(1)]
    assert hkd.time_limit(Channel.IN_PERSON) == TimeLimit.working_days(3)
    with_steps = [p for p in catalog if p.steps]
    assert len(with_steps) == 6
    assert all(p.check_steps() == () for p in with_steps)


def test_fixture_other_units_and_no_time_limit() -> None:
    catalog = fixture()
    on = date(2025, 3, 3)
    assert catalog.get("1.009994", as_of=on).time_limit(Channel.IN_PERSON) == (
        TimeLimit.calendar_days(15)
    )
    assert catalog.get("2.001554", as_of=on).time_limit(Channel.ONLINE) == (
        TimeLimit.working_hours(8)
    )
    enrolment = catalog.get("3.000181.000.00.00.H22", as_of=on)
    with pytest.raises(NoTimeLimitError, match="Không quy định"):
        enrolment.time_limit(Channel.ONLINE)
    assert enrolment.time_limit_text(Channel.ONLINE) == "Không quy định."


def test_fixture_fee_in_vietnamese_thousands_is_read_exactly_and_noted() -> None:
    result = Catalog.from_national_records(fixture_records())
    p = result.catalog.latest("2.000635")
    assert p.terms(Channel.IN_PERSON)[0].fees[0].amount == Decimal(8000)
    assert p.terms(Channel.IN_PERSON)[0].fees[0].amount_text == "8.000"
    assert any("thousands separator" in n.message and n.code == "2.000635" for n in result.notes)


def test_fixture_unknown_keys_are_kept() -> None:
    p = fixture().latest(CT)
    assert p.extra["TRANGTHAI"] == 1
    assert p.extra["MACOQUANCONGBO"] == "000.00.00.G15"
    assert p.extra["TRINHTUTHUCHIEN"][0]["TRINHTU"][0]["TENTRINHTU"].startswith("Bước 1")


# -- time limits per channel -----------------------------------------------------------------------


def _procedure(**changes: Any) -> Procedure:
    base = Procedure(
        code=ProcedureCode.parse("1.000001"),
        name="Thủ tục thử",
        channels=(
            ChannelTerms(channel=Channel.IN_PERSON, time=TimeLimit.parse("05 ngày làm việc")),
        ),
    )
    return attrs.evolve(base, **changes)


def test_a_channel_without_terms_takes_the_in_person_limit() -> None:
    p = _procedure()
    assert p.time_limit(Channel.POSTAL) == TimeLimit.working_days(5)
    assert p.time_limit_text(Channel.ONLINE) == "05 ngày làm việc"
    assert p.terms(Channel.ONLINE) == ()


def test_no_terms_at_all_raises() -> None:
    p = _procedure(channels=())
    with pytest.raises(
        NoTimeLimitError, match=re.escape("1.000001 states no time limit for the online")
    ):
        p.time_limit(Channel.ONLINE)
    with pytest.raises(NoTimeLimitError):
        p.time_limit_text(Channel.IN_PERSON)


def test_a_code_text_is_parsed_and_a_bad_one_refused() -> None:
    assert _procedure(code="2.000815.000.00.00.H55").code.agency == "000.00.00.H55"
    with pytest.raises(InvalidCodeError):
        _procedure(code="2.815")


def test_a_version_must_end_after_it_starts() -> None:
    with pytest.raises(RecordError, match="valid_to 2020-01-01 must be after valid_from"):
        _procedure(valid_from=date(2020, 1, 1), valid_to=date(2020, 1, 1))


# -- steps -----------------------------------------------------------------------------------------


def _steps(*amounts: Fraction | int) -> tuple[Step, ...]:
    return tuple(
        Step(unit=f"Đơn vị {i}", duration=TimeLimit.working_days(a))
        for i, a in enumerate(amounts, 1)
    )


def test_steps_that_fit_exactly_are_accepted() -> None:
    p = _procedure(steps=_steps(half(1), 2, 2, half(1)))
    assert p.check_steps() == ()
    p.validate()


def test_steps_exceeding_the_total_are_reported_with_the_excess() -> None:
    p = _procedure(steps=_steps(half(1), 3, 2))
    (problem,) = p.check_steps()
    assert problem.kind is StepProblemKind.TOO_LONG
    assert problem.channel is Channel.IN_PERSON
    assert problem.total == TimeLimit.working_days(5)
    assert problem.steps_total == TimeLimit.working_days(half(11))
    assert problem.excess == TimeLimit.working_days(half(1))
    with pytest.raises(ProcessTooLongError) as raised:
        p.validate()
    message = str(raised.value)
    assert "5,5 ngày làm việc, 0,5 ngày làm việc more than the in-person time limit" in message
    assert "Đơn vị 2 3 ngày làm việc" in message


def test_working_hour_steps_count_eight_to_a_day() -> None:
    hours = (Step(unit="Văn thư", duration=TimeLimit.working_hours(4)),)
    p = _procedure(steps=_steps(5) + hours)
    (problem,) = p.check_steps()
    assert problem.excess == TimeLimit.working_days(half(1))
    p = _procedure(steps=_steps(4) + hours + hours)
    assert p.check_steps() == ()
    odd = (Step(unit="Văn thư", duration=TimeLimit.working_hours(half(3))),)
    (problem,) = _procedure(steps=_steps(5) + odd).check_steps()
    assert problem.excess == TimeLimit.working_hours(half(3))


def test_steps_against_each_channel() -> None:
    online = ChannelTerms(channel=Channel.ONLINE, time=TimeLimit.parse("03 ngày làm việc"))
    p = _procedure(steps=_steps(4))
    p = attrs.evolve(p, channels=(*p.channels, online))
    (problem,) = p.check_steps()
    assert problem.channel is Channel.ONLINE
    assert p.check_steps(Channel.IN_PERSON) == ()


def test_steps_against_calendar_days_or_no_limit_are_not_comparable() -> None:
    calendar = ChannelTerms(channel=Channel.IN_PERSON, time=TimeLimit.parse("15 ngày"))
    (problem,) = _procedure(channels=(calendar,), steps=_steps(3)).check_steps()
    assert problem.kind is StepProblemKind.NOT_COMPARABLE
    assert "'15 ngày' is not in working days or hours" in problem.message
    none = ChannelTerms(channel=Channel.IN_PERSON, time=TimeLimit.parse("Không quy định"))
    (problem,) = _procedure(channels=(none,), steps=_steps(3)).check_steps()
    assert problem.kind is StepProblemKind.NO_TIME_LIMIT
    (problem,) = _procedure(channels=(), steps=_steps(3)).check_steps()
    assert problem.kind is StepProblemKind.NO_TIME_LIMIT
    _procedure(channels=(calendar,), steps=_steps(30)).validate()  # only TOO_LONG raises


def test_a_step_lasts_working_days_or_hours() -> None:
    with pytest.raises(InvalidTimeLimitError, match="got '2 tháng'"):
        Step(unit="Sở", duration=TimeLimit.months(2))
    with pytest.raises(InvalidTimeLimitError):
        Step(unit="Sở", duration=TimeLimit.same_day())


@given(st.lists(st.integers(0, 40), min_size=1, max_size=8), st.integers(0, 80))
def test_steps_fit_exactly_when_their_halves_add_up_to_at_most_the_total(
    halves: list[int], total_halves: int
) -> None:
    terms = ChannelTerms(
        channel=Channel.IN_PERSON,
        time=ParsedTimeLimit(TimeLimit.working_days(half(total_halves)), "x"),
    )
    p = _procedure(channels=(terms,), steps=_steps(*(half(k) for k in halves)))
    problems = p.check_steps()
    if sum(halves) <= total_halves:
        assert problems == ()
    else:
        (problem,) = problems
        assert problem.excess == TimeLimit.working_days(half(sum(halves) - total_halves))


# -- the Decree-43 mapping -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "in_person", "level", "lossy"),
    [
        (1, None, OnlineServiceLevel.NONE, False),
        (2, None, OnlineServiceLevel.NONE, True),  # [M] reading
        (3, None, OnlineServiceLevel.PARTIAL, False),
        (4, None, OnlineServiceLevel.FULL, True),  # result delivery unknown: assumed
        (4, False, OnlineServiceLevel.FULL, False),
        (4, True, OnlineServiceLevel.PARTIAL, False),  # Điều 11(1)(a): not toàn trình
        ("Mức độ 4", True, OnlineServiceLevel.PARTIAL, False),
    ],
)
def test_decree_43_levels_map_lossily(
    old: int | str, in_person: bool | None, level: OnlineServiceLevel, lossy: bool
) -> None:
    mapping = OnlineServiceLevel.from_decree_43(old, result_in_person=in_person)
    assert (mapping.level, mapping.lossy) == (level, lossy)
    assert mapping.source.number in {"42/2022/NĐ-CP", "43/2011/NĐ-CP"}


def test_decree_43_level_4_in_person_says_why() -> None:
    mapping = OnlineServiceLevel.from_decree_43(4, result_in_person=True)
    assert "collected in person" in mapping.note
    assert mapping.source.provision == "Điều 11 khoản 1"
    assert "một phần" in OnlineServiceLevel.from_decree_43(4).note


def test_decree_43_level_2_reading_is_configurable() -> None:
    mapping = OnlineServiceLevel.from_decree_43(2, level_2=OnlineServiceLevel.PARTIAL)
    assert (mapping.level, mapping.lossy) == (OnlineServiceLevel.PARTIAL, False)


@pytest.mark.parametrize("bad", [0, 5, "4a", True, ""])
def test_decree_43_refuses_other_levels(bad: object) -> None:
    with pytest.raises(InvalidCodeError, match="Nghị định 43/2011/NĐ-CP") as caught:
        OnlineServiceLevel.from_decree_43(bad)  # type: ignore[arg-type]
    assert caught.value.text == bad


@pytest.mark.parametrize("bad", ["mức 4", "mức độ 3", "yes"])
def test_online_class_refuses_other_texts(bad: str) -> None:
    with pytest.raises(InvalidCodeError, match="'toàn trình', 'một phần' or 'không'"):
        OnlineServiceLevel.parse(bad)


def test_online_class_stated_directly() -> None:
    assert OnlineServiceLevel.parse("Toàn trình") is OnlineServiceLevel.FULL
    assert OnlineServiceLevel.parse("MỘT PHẦN") is OnlineServiceLevel.PARTIAL
    assert OnlineServiceLevel.parse("partial") is OnlineServiceLevel.PARTIAL
    assert OnlineServiceLevel.parse("") is OnlineServiceLevel.NONE


# -- versions --------------------------------------------------------------------------------------


def test_versions_by_as_of() -> None:
    catalog = fixture()
    old, new = catalog.versions(LAND)
    assert (old.valid_from, old.valid_to) == (date(2017, 3, 3), date(2024, 8, 1))
    assert (new.valid_from, new.valid_to) == (date(2024, 8, 1), None)
    assert catalog.get(LAND, as_of=date(2024, 7, 31)) == old
    assert catalog.get(LAND, as_of=date(2024, 8, 1)) == new
    assert old.time_limit(Channel.IN_PERSON) == TimeLimit.working_days(10)
    assert new.time_limit(Channel.IN_PERSON) == TimeLimit.working_days(8)
    assert catalog.latest(LAND) == new


def test_a_datetime_as_of_is_read_in_vietnam_time() -> None:
    catalog = fixture()
    late = datetime(2025, 6, 30, 23, 30, tzinfo=VIETNAM_TZ)
    assert catalog.get(NCC, as_of=late).valid_to == date(2025, 7, 1)
    utc = datetime(2025, 6, 30, 17, 30, tzinfo=UTC)  # 00:30 on 01/07 in Vietnam
    assert catalog.get(NCC, as_of=utc).valid_from == date(2025, 7, 1)
    naive = datetime(2025, 6, 30, 23, 30)  # noqa: DTZ001 - read as Vietnam local time
    assert catalog.get(NCC, as_of=naive).valid_to == date(2025, 7, 1)


def test_the_new_version_has_no_district_level() -> None:
    new = fixture().get(NCC, as_of=date(2025, 7, 1))
    assert new.levels == (Level.COMMUNE, Level.PROVINCE)
    assert sum((s.duration.amount for s in new.steps), Fraction(0)) == 15


def test_lookup_errors() -> None:
    catalog = fixture()
    with pytest.raises(UnknownCodeError, match="in force on 2010-01-01"):
        catalog.get(LAND, as_of=date(2010, 1, 1))
    with pytest.raises(UnknownCodeError, match=re.escape("'9.999999' is not in the catalogue")):
        catalog.get("9.999999", as_of=date(2025, 1, 1))
    with pytest.raises(InvalidCodeError):
        catalog.get("not a code", as_of=date(2025, 1, 1))
    with pytest.raises(TypeError, match=re.escape("as_of must be a datetime.date")):
        catalog.get(CT, as_of="2025-01-01")  # type: ignore[arg-type]
    assert catalog.versions("9.999999") == ()


def test_local_and_service_codes_fall_back() -> None:
    catalog = fixture()
    on = date(2025, 3, 3)
    service = catalog.get(f"{CT}.000.00.00.H55.02", as_of=on)
    assert str(service.code) == f"{CT}.000.00.00.H55"
    national = catalog.get(f"{CT}.000.00.00.H41", as_of=on)
    assert str(national.code) == CT
    assert catalog.get(ProcedureCode.parse(CT), as_of=on) == national


def test_catalog_closes_open_versions_and_refuses_overlaps() -> None:
    a = _procedure(valid_from=date(2020, 1, 1))
    b = _procedure(valid_from=date(2022, 1, 1), name="Thủ tục thử (sửa đổi)")
    catalog = Catalog([b, a])
    assert [p.valid_to for p in catalog] == [date(2022, 1, 1), None]
    with pytest.raises(RecordError, match="two versions valid from 2020-01-01") as raised:
        Catalog([a, a])
    assert raised.value.index == 1
    closed_late = attrs.evolve(a, valid_to=date(2023, 1, 1))
    with pytest.raises(
        RecordError, match=re.escape("overlaps the one valid 2020-01-01..2023-01-01")
    ):
        Catalog([closed_late, b])
    with pytest.raises(TypeError, match="at index 0"):
        Catalog(["1.000001"])  # type: ignore[list-item]


def test_amend_yields_two_versions() -> None:
    a = _procedure(valid_from=date(2020, 1, 1))
    closed, new = a.amend(date(2024, 8, 1), name="Thủ tục thử (2024)")
    catalog = Catalog([closed, new])
    assert catalog.get("1.000001", as_of=date(2024, 7, 31)).name == "Thủ tục thử"
    assert catalog.get("1.000001", as_of=date(2024, 8, 1)).name == "Thủ tục thử (2024)"


def test_collection_protocol() -> None:
    catalog = fixture()
    assert len(catalog) == 29
    assert len(list(catalog)) == 29
    assert CT in catalog
    assert ProcedureCode.parse(LAND) in catalog
    assert f"{CT}.000.00.00.H41" not in catalog  # `in` is exact; get() falls back
    assert 2000815 not in catalog
    assert repr(catalog) == "<Catalog: 27 procedures, 29 versions>"
    assert Catalog() != catalog
    assert len(Catalog()) == 0


# -- search ----------------------------------------------------------------------------------------

KS = "Đăng ký khai sinh"
HOA = {"Thực hiện hỗ trợ khi hoà giải viên", "Công nhận hòa giải viên"}


def _names(results: tuple[Procedure, ...]) -> list[str]:
    return [p.name for p in results]


@pytest.mark.parametrize(
    "query",
    ["khai sinh", "KHAI SINH", "Khai Sinh", "dang ký khai sinh", "khai  sinh!", "khai sin"],
)
def test_search_without_diacritics_or_case(query: str) -> None:
    assert KS in _names(fixture().search(query))


@pytest.mark.parametrize("query", ["hòa giải", "hoà giải", "hoa giai", "HOÀ GIẢI VIÊN"])
def test_search_either_tone_placement(query: str) -> None:
    found = {name[:34] for name in _names(fixture().search(query))}
    assert found == {name[:34] for name in HOA}


@pytest.mark.parametrize("form", ["NFC", "NFD"])
@pytest.mark.parametrize("query", ["thủy lợi", "thuỷ lợi", "thuy loi", "công trình thủy"])
def test_search_thuy_nfc_nfd(query: str, form: str) -> None:
    normalised = unicodedata.normalize(form, query)  # type: ignore[arg-type]
    (found,) = fixture().search(normalised)
    assert found.code == ProcedureCode.parse("1.003446")


def test_search_with_marks_must_match_them() -> None:
    catalog = fixture()
    assert catalog.search("thúy lợi") == ()  # sắc is not hỏi
    assert catalog.search("dat dai") != ()
    assert all("đất đai" in p.name.lower() for p in catalog.search("đất đai"))
    assert catalog.search("đạt đai") == ()


def test_search_one_result_per_code_by_date() -> None:
    catalog = fixture()
    (latest,) = catalog.search("mai táng phí")
    assert latest.valid_from == date(2025, 7, 1)
    (older,) = catalog.search("mai táng phí", as_of=date(2023, 1, 1))
    assert older.valid_from == date(2022, 2, 15)
    assert catalog.search("mai táng phí", as_of=date(2020, 1, 1)) == ()
    assert len(catalog.search("")) == 27


@given(st.sampled_from([p.name for p in fixture()]), st.sampled_from(["NFC", "NFD"]))
def test_every_name_finds_itself_in_any_form(name: str, form: str) -> None:
    catalog = fixture()
    folded = "".join(
        c for c in unicodedata.normalize("NFD", name) if not unicodedata.combining(c)
    ).translate({ord("đ"): "d", ord("Đ"): "D"})
    for query in (unicodedata.normalize(form, name), name.upper(), folded):  # type: ignore[arg-type]
        assert name in _names(catalog.search(query))


@given(st.text(max_size=30))
def test_search_never_crashes(text: str) -> None:
    assert isinstance(fixture().search(text), tuple)


# -- importing national records --------------------------------------------------------------------


def _good() -> dict[str, Any]:
    return copy.deepcopy(fixture_records()[4])  # Đăng ký khai sinh


def _broken() -> list[tuple[int, object, str | None, str]]:
    """(index, record, field, part of the reason) of records that must be refused."""
    no_code = _good()
    del no_code["MATTHC"]
    bad_code = _good() | {"MATTHC": "1.4227"}
    bad_channel = _good()
    bad_channel["CACHTHUCTHUCHIEN"][1]["KENH"] = "9"
    bad_time = _good()
    bad_time["CACHTHUCTHUCHIEN"][0]["THOIGIAN"][0]["MOTA"] = "Theo quy định"
    long_steps = copy.deepcopy(fixture_records()[17])  # hộ kinh doanh, 3 ngày làm việc
    long_steps["MATTHC"] = "2.000575.000.00.00.H56"
    long_steps["QUYTRINHNOIBO"][1]["THOIGIAN"] = "2,5 ngày làm việc"
    no_name = _good() | {"MATTHC": "1.000002", "TENTTHC": "  "}
    return [
        (1, ["not", "an", "object"], "record", "expected a JSON object, got list"),
        (3, no_code, "MATTHC", "the procedure code is missing"),
        (4, bad_code, "MATTHC", "'1.4227' is not a valid procedure code"),
        (6, bad_channel, "CACHTHUCTHUCHIEN[1].KENH", "'9' is not a valid KenhThucHien"),
        (7, bad_time, "CACHTHUCTHUCHIEN[0].THOIGIAN[0]", "no readable time limit"),
        (9, long_steps, "QUYTRINHNOIBO", "0,5 ngày làm việc more than the in-person"),
        (10, no_name, "TENTTHC", "the procedure name is missing"),
    ]


def _mixed() -> list[object]:
    records: list[object] = [_good() | {"MATTHC": f"1.{i:06d}"} for i in range(12)]
    for index, record, _, _ in _broken():
        records[index] = record
    return records


def test_broken_records_are_reported_with_index_and_reason_and_the_rest_imported() -> None:
    result = Catalog.from_national_records(_mixed())
    expected = [(i, f, r) for i, _, f, r in _broken()]
    assert [(e.index, e.field) for e in result.errors] == [(i, f) for i, f, _ in expected]
    for error, (index, _, reason) in zip(result.errors, expected, strict=True):
        assert reason in error.reason
        assert str(error).startswith(f"record {index}")
    assert len(result.catalog) == 12 - len(expected)
    assert "1.000000" in result.catalog
    assert "1.000005" in result.catalog
    assert "1.000004" not in result.catalog  # its record was replaced by a broken one


def test_strict_raises_the_first_problem() -> None:
    with pytest.raises(RecordError, match="expected a JSON object") as raised:
        Catalog.from_national_records(_mixed(), strict=True)
    assert raised.value.index == 1
    long_steps = _broken()[5][1]
    with pytest.raises(ProcessTooLongError):
        Catalog.from_national_records([_good(), long_steps], strict=True)


def test_long_steps_can_be_imported_with_a_note() -> None:
    long_steps = _broken()[5][1]
    result = Catalog.from_national_records([long_steps], check_steps=False)
    assert result.errors == ()
    in_person, online = [n.message for n in result.notes if n.field == "QUYTRINHNOIBO"]
    assert "0,5 ngày làm việc more than the in-person time limit" in in_person
    assert "0,5 ngày làm việc more than the online time limit" in online


def test_overlapping_records_are_reported_and_strict_raises() -> None:
    first = _good()
    same_start = _good() | {"TENTTHC": "Đăng ký khai sinh (bản trùng)"}
    result = Catalog.from_national_records([first, same_start])
    (error,) = result.errors
    assert (error.index, error.field) == (1, "valid_from")
    assert result.catalog.latest("1.001193").name == "Đăng ký khai sinh"
    with pytest.raises(RecordError, match="two versions valid from 2016-01-01"):
        Catalog.from_national_records([first, same_start], strict=True)


def test_the_adapter_response_shape_and_bad_containers() -> None:
    result = Catalog.from_national_records({"result": [_good()]})
    assert len(result.catalog) == 1
    with pytest.raises(RecordError, match="under 'result'"):
        Catalog.from_national_records({"data": []})
    with pytest.raises(RecordError, match="expected a list of records, got str"):
        Catalog.from_national_records("MATTHC")


def test_mixed_case_keys_and_unknown_keys() -> None:
    record = {k.title() if k == "MATTHC" else k: v for k, v in _good().items()}
    record["ViDuKhongRo"] = {"a": [1, 2]}
    (p,) = Catalog.from_national_records([record]).catalog
    assert str(p.code) == "1.001193"
    assert p.extra["ViDuKhongRo"] == {"a": [1, 2]}
    assert "Matthc" not in p.extra
    twice = _good() | {"MaTTHC": "1.000894"}
    (error,) = Catalog.from_national_records([twice]).errors
    assert "given twice" in error.reason


def test_lossy_readings_are_noted() -> None:
    record = _good()
    del record["DVCTT"]
    del record["NGAYHIEULUC"]
    record["MUCDO"] = "4"
    record["CAPTHUCHIEN"].append({"CAPTHUCHIEN": "9", "TENCAP": "Cơ quan khác"})
    record["CACHTHUCTHUCHIEN"][0]["THOIGIAN"][0]["PHILEPHI"][0]["SOTIEN"] = "Theo quy định"
    record["THANHPHANHOSO"][0]["GIAYTO"][0]["SOTHUTU"] = 1
    result = Catalog.from_national_records([record])
    (p,) = result.catalog
    assert p.online_level is OnlineServiceLevel.FULL
    assert p.levels == (Level.COMMUNE, Level.OTHER)
    assert p.valid_from == date(2020, 7, 16)  # latest in-force date of the legal basis
    fee = p.terms(Channel.IN_PERSON)[0].fees[0]
    assert (fee.amount, fee.amount_text) == (None, "Theo quy định")
    fields = {n.field: n.message for n in result.notes}
    assert fields["MUCDO"].startswith("lossy: old level 4")
    assert "Cơ quan khác" in fields["CAPTHUCHIEN[1]"]
    assert "2020-07-16" in fields["NGAYHIEULUC"]
    assert "not a number" in fields["CACHTHUCTHUCHIEN[0].THOIGIAN[0].PHILEPHI[0]"]
    assert "SOTHUTU" in fields["THANHPHANHOSO[0].GIAYTO[0]"]


def test_number_and_unit_are_used_when_the_wording_is_not_a_time_limit() -> None:
    record = _good()
    entry = record["CACHTHUCTHUCHIEN"][0]["THOIGIAN"][0]
    entry.update(THOIGIANGIAIQUYET=3, DONVITINH="Ngày làm việc", MOTA="Theo quy định")
    result = Catalog.from_national_records([record])
    (p,) = result.catalog
    assert p.time_limit(Channel.IN_PERSON) == TimeLimit.working_days(3)
    assert p.time_limit_text(Channel.IN_PERSON) == "3 Ngày làm việc"
    assert any("MOTA 'Theo quy định' is not a time limit" in n.message for n in result.notes)


def test_national_dates_and_validity_keys() -> None:
    record = _good() | {"NGAYHIEULUC": "2016-01-01", "NGAYHETHIEULUC": "01/07/2025"}
    record["CANCUPHAPLY"][0]["NGAYBANHANH"] = "2014-11-20T00:00:00"
    record["CANCUPHAPLY"][1]["NGAYBANHANH"] = "ngày 15 tháng 11"
    result = Catalog.from_national_records([record])
    (p,) = result.catalog
    assert (p.valid_from, p.valid_to) == (date(2016, 1, 1), date(2025, 7, 1))
    assert p.legal_basis[0].issued == date(2014, 11, 20)
    assert p.legal_basis[1].issued is None
    assert p.legal_basis[0].source().number == "60/2014/QH13"
    backwards = _good() | {"NGAYHETHIEULUC": "01/01/2015"}
    (error,) = Catalog.from_national_records([backwards]).errors
    assert error.field == "NGAYHETHIEULUC"


# -- JSON round trip -------------------------------------------------------------------------------

texts = st.text(max_size=12)
optional_texts = st.none() | texts
codes = st.builds(
    lambda d, n, h, v: ProcedureCode.parse(
        f"{d}.{n:06d}" + ("" if h is None else f".000.00.00.H{h:02d}" + v)
    ),
    st.integers(1, 3),
    st.integers(0, 999_999),
    st.none() | st.integers(1, 63),
    st.sampled_from(["", ".02"]),
)
halves = st.integers(0, 60).map(half)
durations = st.one_of(halves.map(TimeLimit.working_days), halves.map(TimeLimit.working_hours))
parsed_limits = st.builds(
    ParsedTimeLimit,
    limit=time_limits(max_halves=60, max_days=90, max_months=24, with_none=True),
    text=texts,
    excluded=st.lists(texts, max_size=2).map(tuple),
    notes=st.lists(texts, max_size=2).map(tuple),
)
fees = st.builds(
    Fee,
    amount=st.none() | st.decimals(allow_nan=False, allow_infinity=False, places=2),
    amount_text=texts,
    unit=texts,
    description=texts,
    code=optional_texts,
    file_name=optional_texts,
    url=optional_texts,
)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | texts,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(texts, inner, max_size=3),
    max_leaves=8,
)


def _tuples(strategy: st.SearchStrategy[Any], size: int = 2) -> st.SearchStrategy[tuple[Any, ...]]:
    return st.lists(strategy, max_size=size).map(tuple)


@st.composite
def procedures(draw: st.DrawFn) -> Procedure:
    valid_from = draw(st.dates(date(1990, 1, 1), date(2030, 12, 31)))
    valid_to = draw(st.none() | st.integers(1, 5000).map(lambda d: valid_from + timedelta(d)))
    return Procedure(
        code=draw(codes),
        name=draw(texts),
        fields=draw(_tuples(st.builds(Field, texts, optional_texts))),
        levels=draw(_tuples(st.sampled_from(Level), 3)),
        implementing_agencies=draw(_tuples(st.builds(Agency, texts, optional_texts))),
        competent_agencies=draw(_tuples(st.builds(Agency, texts, optional_texts))),
        delegated_agencies=draw(_tuples(st.builds(Agency, texts, optional_texts), 1)),
        coordinating_agencies=draw(_tuples(st.builds(Agency, texts, optional_texts))),
        applicant_types=draw(_tuples(st.builds(ApplicantType, texts, optional_texts))),
        components=draw(
            _tuples(
                st.builds(
                    DossierCase,
                    texts,
                    _tuples(
                        st.builds(
                            Document,
                            name=texts,
                            code=optional_texts,
                            originals=st.integers(0, 5),
                            copies=st.integers(0, 5),
                            form=optional_texts,
                            form_url=optional_texts,
                            replaced_by=optional_texts,
                        )
                    ),
                )
            )
        ),
        results=draw(
            _tuples(st.builds(Result, name=texts, code=optional_texts, url=optional_texts))
        ),
        legal_basis=draw(
            _tuples(
                st.builds(
                    LegalBasis,
                    number=texts,
                    title=texts,
                    issued=st.none() | st.dates(),
                    in_force=st.none() | st.dates(),
                    issuer=optional_texts,
                )
            )
        ),
        channels=draw(
            _tuples(
                st.builds(
                    ChannelTerms,
                    channel=st.sampled_from(Channel),
                    time=parsed_limits,
                    fees=_tuples(fees),
                    description=texts,
                ),
                3,
            )
        ),
        online_level=draw(st.sampled_from(OnlineServiceLevel)),
        steps=draw(
            _tuples(
                st.builds(Step, unit=texts, duration=durations, name=texts, agency=optional_texts),
                4,
            )
        ),
        requirements=draw(texts),
        linked=draw(_tuples(texts)),
        valid_from=valid_from,
        valid_to=valid_to,
        extra=draw(st.dictionaries(texts, json_values, max_size=3)),
    )


@given(procedures())
def test_json_round_trip_is_lossless(p: Procedure) -> None:
    assert structure(unstructure(p), Procedure) == p
    assert from_json(to_json(p), Procedure) == p


@given(st.lists(procedures(), max_size=4))
def test_catalog_round_trip(ps: list[Procedure]) -> None:
    try:
        catalog = Catalog(ps)
    except RecordError:  # two versions of one code that overlap
        return
    assert from_json(to_json(catalog), Catalog) == catalog


@pytest.mark.parametrize(
    ("data", "cls", "message"),
    [
        ({"code": "1.00x", "name": "A"}, Procedure, r"expected ProcedureCode @ Procedure\.code"),
        ({"code": "1.004227"}, Procedure, r"required field missing @ Procedure\.name"),
        ({}, Catalog, "KeyError: 'procedures'"),
        ({"procedures": 5}, Catalog, "TypeError"),
        ({"procedures": [{"code": "1.004227"}]}, Catalog, r"@ procedures\[0\]\.name"),
    ],
)
def test_structure_refuses_bad_data_with_a_record_error(
    data: dict[str, Any], cls: type[Any], message: str
) -> None:
    with pytest.raises(RecordError, match=message):
        structure(data, cls)


@pytest.mark.parametrize("text", ["{", b"\xff\xfe", ""])
def test_from_json_refuses_text_that_is_not_json(text: str | bytes) -> None:
    with pytest.raises(RecordError, match="not valid JSON"):
        from_json(text, Procedure)


def test_fixture_round_trip_and_shape() -> None:
    catalog = fixture()
    assert from_json(to_json(catalog), Catalog) == catalog
    data = unstructure(catalog.latest(LAND))
    assert data["code"] == LAND
    assert data["valid_from"] == "2024-08-01"
    assert data["steps"][0]["duration"] == {
        "amount": "1/2",
        "unit": "working_days",
        "cutoff": None,
    }
    same_day = unstructure(catalog.latest(CT))["channels"][0]["time"]["limit"]
    assert same_day == {
        "amount": "0",
        "unit": "same_day",
        "cutoff": "15:00",
        "cutoff_basis": "certification",  # the text is Nghị định 23/2015 Điều 7's wording
    }
