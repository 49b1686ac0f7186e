"""Tests of tthc.legal: the LegalSource citation every table carries."""

from __future__ import annotations

from datetime import date, datetime

import attrs
import pytest

from tthc import Confidence, LegalSource

LABOR_CODE = LegalSource(
    "45/2019/QH14",
    "Bộ luật Lao động",
    issued=date(2019, 11, 20),
    in_force=date(2021, 1, 1),
    url="https://web.archive.org/web/20250221171552/https://vbpl.vn/TW/Pages/vbpq-van-ban-goc.aspx?ItemID=139264",
)


def test_at_narrows_to_a_provision() -> None:
    art_112 = LABOR_CODE.at("Điều 112")
    assert art_112.provision == "Điều 112"
    assert art_112.number == LABOR_CODE.number
    assert art_112.title == LABOR_CODE.title
    assert art_112.in_force == LABOR_CODE.in_force
    assert art_112.url == LABOR_CODE.url
    assert LABOR_CODE.provision is None  # the document itself is unchanged
    assert art_112 != LABOR_CODE
    assert art_112.at("Điều 111 khoản 3").provision == "Điều 111 khoản 3"


@pytest.mark.parametrize(
    ("source", "text"),
    [
        pytest.param(
            LABOR_CODE.at("Điều 112"),
            "45/2019/QH14 (Bộ luật Lao động), Điều 112, in force 2021-01-01",
            id="provision-and-in-force",
        ),
        pytest.param(
            LABOR_CODE,
            "45/2019/QH14 (Bộ luật Lao động), in force 2021-01-01",
            id="in-force-wins-over-issued",
        ),
        pytest.param(
            LegalSource("2450/VPCP-KGVX", "Công văn", issued=date(2024, 4, 12)),
            "2450/VPCP-KGVX (Công văn), issued 2024-04-12",
            id="issued-only",
        ),
        pytest.param(LegalSource("80-NQ/TW", "Nghị quyết"), "80-NQ/TW (Nghị quyết)", id="bare"),
    ],
)
def test_str(source: LegalSource, text: str) -> None:
    assert str(source) == text


def test_defaults() -> None:
    bare = LegalSource("91/2015/QH13", "Bộ luật Dân sự")
    assert bare.provision is None
    assert bare.issued is None
    assert bare.in_force is None
    assert bare.url is None
    assert bare.confidence is Confidence.VERIFIED


def test_confidence_is_converted() -> None:
    assert LegalSource("x", "y", confidence="secondary").confidence is Confidence.SECONDARY
    with pytest.raises(ValueError, match="certain"):
        LegalSource("x", "y", confidence="certain")
    assert [c.value for c in Confidence] == ["verified", "secondary", "recalled", "unconfirmed"]


@pytest.mark.parametrize("field", ["issued", "in_force"])
@pytest.mark.parametrize(
    "value",
    [
        pytest.param(datetime(2021, 1, 1), id="datetime"),  # noqa: DTZ001 - rejected input
        pytest.param("2021-01-01", id="str"),
        pytest.param(20210101, id="int"),
    ],
)
def test_dates_are_validated(field: str, value: object) -> None:
    with pytest.raises(TypeError, match="2021"):
        LegalSource("45/2019/QH14", "Bộ luật Lao động", **{field: value})  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("number", "title"),
    [
        pytest.param(45, "Bộ luật Lao động", id="number"),
        pytest.param("45/2019/QH14", None, id="title"),
    ],
)
def test_number_and_title_are_text(number: object, title: object) -> None:
    with pytest.raises(TypeError):
        LegalSource(number, title)  # type: ignore[arg-type]


def test_legal_source_is_frozen_and_hashable() -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        LABOR_CODE.number = "10/2012/QH13"  # type: ignore[misc]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        LABOR_CODE.provision = "Điều 1"  # type: ignore[misc]
    assert len({LABOR_CODE, LABOR_CODE.at("Điều 112"), LABOR_CODE.at("Điều 112")}) == 2
