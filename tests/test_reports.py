"""Tests of tthc.reports: worked figures of published reports as printed strings.

Every expected string is the reference's figure written in Vietnamese notation ("," decimal,
"." thousands), typed by hand.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tthc.errors import InvalidCountError, InvalidRateError, UnknownCodeError
from tthc.kpi import DisplayStyle, Period, Report06, ReportPolicy
from tthc.reports import (
    LANGUAGES,
    NO_VALUE,
    format_count,
    format_percent,
    format_points,
    label,
    labels,
    render_report06,
    render_reports,
    render_scores,
)
from tthc.scoring import Summation, qd766


@pytest.mark.parametrize(
    ("case", "rate", "vi", "en"),
    [
        ("stable name, T3 479 / 480", Fraction(479, 480), "99,79%", "99.79%"),
        ("T11 793 / 800 half up", Fraction(793, 800), "99,13%", "99.13%"),
        ("T1 1.141 / 1.141", Fraction(1141, 1141), "100,00%", "100.00%"),
        ("T1 overdue", Fraction(0, 1141), "0,00%", "0.00%"),
        ("T2 early 1.140 / 1.141", Fraction(1140, 1141), "99,91%", "99.91%"),
        ("T2 on time 1 / 1.141 (truncation: 0,08)", Fraction(1, 1141), "0,09%", "0.09%"),
        ("T4 resolution 330 / 336", Fraction(330, 336), "98,21%", "98.21%"),
        ("T5 resolution 83 / 213", Fraction(83, 213), "38,97%", "38.97%"),
        ("T5 overdue of pending 98 / 130", Fraction(98, 130), "75,38%", "75.38%"),
        ("T5 overdue 98 / 213", Fraction(98, 213), "46,01%", "46.01%"),
        ("T5 commune part 6 / 213", Fraction(6, 213), "2,82%", "2.82%"),
        ("T5 city part 92 / 213", Fraction(92, 213), "43,19%", "43.19%"),
        ("T5 on time (83 + 32) / 213", Fraction(115, 213), "53,99%", "53.99%"),
        ("T5 commune-accountable 207 / 213", Fraction(207, 213), "97,18%", "97.18%"),
        ("combined 451 / 549", Fraction(451, 549), "82,15%", "82.15%"),
        ("combined late 98 / 549", Fraction(98, 549), "17,85%", "17.85%"),
        ("T6 toàn trình 82 / 110", Fraction(82, 110), "74,55%", "74.55%"),
        ("T6 một phần 28 / 110", Fraction(28, 110), "25,45%", "25.45%"),
        ("4.797 / 4.797", Fraction(4797, 4797), "100,00%", "100.00%"),
        ("top share 25 / 91", Fraction(25, 91), "27,47%", "27.47%"),
        ("T12 Lâm Đồng 635.593 / 643.272", Fraction(635593, 643272), "98,81%", "98.81%"),
        ("T12 late 7.677 / 643.272", Fraction(7677, 643272), "1,19%", "1.19%"),
        ("T13 Vĩnh Phúc 4.157 / 4.169", Fraction(4157, 4169), "99,71%", "99.71%"),
        ("T13 late 12 / 4.169", Fraction(12, 4169), "0,29%", "0.29%"),
        ("T13 withdrawn 90 / 4.169", Fraction(90, 4169), "2,16%", "2.16%"),
        ("T14 Huế at 2 dp", Fraction(102770, 257141), "39,97%", "39.97%"),
        ("T18 OpenCPS exact", Fraction(4549, 4561), "99,74%", "99.74%"),
        ("Bến Tre 4.561 / 5.650", Fraction(4561, 5650), "80,73%", "80.73%"),
        ("thousands in a percent", Fraction(25), "2.500,00%", "2,500.00%"),
    ],
)
def test_format_percent_seed_figures(case: str, rate: Fraction, vi: str, en: str) -> None:
    assert format_percent(rate) == vi
    assert format_percent(rate, lang="vi") == vi
    assert format_percent(rate, lang="en") == en


def test_format_percent_display_styles() -> None:
    huế = Fraction(102770, 257141)
    assert format_percent(huế, style=DisplayStyle.VN_1DP_TRIM) == "40%"  # T14: "40 %"
    assert format_percent(Fraction(27847, 100000), style=DisplayStyle.VN_1DP_TRIM) == "27,8%"
    assert format_percent(Fraction(7005, 100000), style=DisplayStyle.VN_1DP_TRIM) == "7%"
    assert format_percent(Fraction(4549, 4561), style=DisplayStyle.INT_TRUNC) == "99%"  # T18
    assert format_percent(Fraction(17249, 1000000), places=1) == "1,7%"  # Lâm Đồng huyện
    assert format_percent(Fraction(4561, 5650), places=1) == "80,7%"  # Bến Tre
    assert format_percent(Fraction(1, 3), places=0) == "33%"


def test_no_value_is_a_dash() -> None:
    assert NO_VALUE == "\u2014"
    assert format_percent(None) == NO_VALUE
    assert format_percent(None, "en", style=DisplayStyle.INT_TRUNC) == NO_VALUE
    assert format_points(None) == NO_VALUE


def test_format_percent_refuses_floats() -> None:
    with pytest.raises(InvalidRateError, match="never a float"):
        format_percent(0.9979)  # type: ignore[arg-type]


def test_t3_only_480_prints_as_99_79() -> None:
    assert [d for d in range(470, 500) if format_percent(Fraction(479, d)) == "99,79%"] == [480]


@pytest.mark.parametrize(
    ("n", "vi", "en"),
    [
        (1141, "1.141", "1,141"),
        (4797, "4.797", "4,797"),
        (635593, "635.593", "635,593"),
        (12000, "12.000", "12,000"),
        (336, "336", "336"),
        (0, "0", "0"),
        (1_000_000, "1.000.000", "1,000,000"),
    ],
)
def test_format_count(n: int, vi: str, en: str) -> None:
    assert format_count(n) == vi
    assert format_count(n, lang="en") == en


@pytest.mark.parametrize("bad", [1.5, "4797", True, None])
def test_format_count_refuses_non_integers(bad: object) -> None:
    with pytest.raises(InvalidCountError):
        format_count(bad)  # type: ignore[arg-type]


def test_format_points() -> None:
    assert format_points(Fraction(2300, 213)) == "10,80"  # T5
    assert format_points(Fraction(9020, 549)) == "16,43"  # combined 451 / 549
    assert format_points(Decimal("20.00"), "en") == "20.00"
    assert format_points(Fraction(17, 3)) == "5,67"  # T9
    assert format_points(100) == "100,00"
    assert format_points(Fraction(1, 8)) == "0,13"  # half up


@given(st.fractions(min_value=0, max_value=1, max_denominator=100_000))
def test_vi_and_en_differ_only_by_separators(rate: Fraction) -> None:
    vi, en = format_percent(rate, "vi"), format_percent(rate, "en")
    assert vi.endswith("%")
    assert en == vi.replace(",", "#").replace(".", ",").replace("#", ".")
    assert Decimal(en.removesuffix("%").replace(",", "")) <= 100


def test_labels() -> None:
    assert LANGUAGES == ("vi", "en")
    assert set(labels("vi")) == set(labels("en"))
    assert label("pending_within") == "Đang giải quyết: trong hạn"
    assert label("pending_within", "en") == "Pending, within deadline"
    with pytest.raises(UnknownCodeError):
        label("pending_within", "fr")
    with pytest.raises(UnknownCodeError):
        label("nothing")


# -- tables -----------------------------------------------------------------------------------------

ONE_STOP = Report06.from_parts(
    Period.parse("2023"), received_in_person=325, carried_over=11, resolved_on_time=330,
    pending_within=6,
)  # fmt: skip


def test_render_report06_vi() -> None:
    text = render_report06(ONE_STOP)
    lines = text.splitlines()
    assert lines[0] == "Tình hình, kết quả giải quyết TTHC (Biểu số 06)"
    assert lines[1] == "Kỳ báo cáo: năm 2023"
    assert lines[4].split() == [
        "(3)",
        "Số",
        "hồ",
        "sơ",
        "nhận",
        "giải",
        "quyết:",
        "tổng",
        "số",
        "336",
    ]
    assert lines[8].endswith("330")  # (7)
    assert lines[12].endswith("  6")  # (12)
    assert "Rút hồ sơ (không tính vào (7))" in text


def test_render_report06_folded_exits_are_not_marked() -> None:
    portal = Report06.from_parts(
        Period.parse("2025-03"), ReportPolicy.portal(), received_online=4797, resolved_early=4796,
        resolved_on_time=1, withdrawn=1,
    )  # fmt: skip
    text = render_report06(portal, "en")
    assert "Period: 2025-03" in text
    assert "(not counted in (7))" not in text
    assert "4,797" in text


def test_render_reports_total_row_only_when_addable() -> None:
    jan, feb = Period.month(2025, 1), Period.month(2025, 2)
    by_month = {
        ("A", jan): Report06.from_parts(jan, received_online=2, pending_within=2),
        ("A", feb): Report06.from_parts(feb, carried_over=2, pending_within=2),
    }
    text = render_reports(by_month, "vi", by=("agency", "month"))
    assert "Tổng cộng" not in text  # months do not add up
    assert "tháng 1/2025" in text
    assert text.splitlines()[1].split()[:2] == ["Cơ", "quan"]
    with pytest.raises(ValueError, match="key columns"):
        render_reports(by_month, by=("agency",))


def test_render_scores() -> None:
    score = qd766().total({"2.1": Fraction(115, 213), "5.2": None})
    text = render_scores(score)
    assert "Bộ chỉ số 766/QĐ-TTg (v2022)" in text
    row = next(line for line in text.splitlines() if line.startswith("2.1"))
    assert row.split()[-3:] == ["53,99%", "10,80", "20"]
    total = next(line for line in text.splitlines() if "Tổng điểm" in line)
    assert total.split()[-2:] == ["16,80", "100"]
    assert "Xếp loại: Yếu (chưa xác nhận)" in text
    english = render_scores(score, "en")
    assert "Band: Weak (unconfirmed)" in english
    assert "16.80" in english


def test_the_sign_follows_the_number_in_every_language() -> None:
    # CLDR writes "99,79 %" (a narrow no-break space) for French; tthc never puts a space
    assert format_percent(Fraction(479, 480), "fr") == "99,79%"
    assert format_percent(Fraction(479, 480), "de") == "99,79%"


def test_render_scores_shows_not_scored_never_zero() -> None:
    # no dossiers at all in the month: 2.1 is 0/0, which the portal leaves blank
    score = qd766().total({"2.1": None, "4.x": None, "4.1": Fraction(111, 120)})
    for lang, words in (("vi", "không chấm điểm"), ("en", "not scored")):
        lines = render_scores(score, lang).splitlines()
        row = {line.split()[0]: line for line in lines if line and line[0].isdigit()}
        assert words in row["2.1"]
        assert words in row["2"]  # a group with nothing scored
        assert words in row["4.x"]
        assert words not in row["4"]  # 4.1 is scored: 5,55, and 4.x is skipped
        assert row["4"].split()[-2] == ("5,55" if lang == "vi" else "5.55")
        assert "0,00" not in row["2.1"]
        assert "0.00" not in row["2.1"]


def test_render_scores_names_its_summation() -> None:
    rates = {"1.1": Fraction(1, 1200), "1.2": Fraction(1, 800), "1.3": Fraction(1, 400)}
    portal = render_scores(qd766().total(rates))
    assert "Cách cộng điểm: như Cổng DVCQG" in portal
    assert next(line for line in portal.splitlines() if "Tổng điểm" in line).split()[-2] == "0,03"
    exact = render_scores(qd766().total(rates, summation=Summation.EXACT), "en")
    assert "Summation: exact points added, rounded once" in exact
    assert next(line for line in exact.splitlines() if "Total" in line).split()[-2] == "0.02"
