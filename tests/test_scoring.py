"""Tests of tthc.scoring: QĐ 766 points (the portal's formula document), rubrics, properties.

Expected values are the reference's own figures (worked by hand there), never recomputed by
the code under test.
"""

from __future__ import annotations

import warnings
from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tthc._data import evaluation as evaluation_data
from tthc._data import qd766 as qd766_data
from tthc.calendar import VIETNAM_TZ
from tthc.catalog import Channel
from tthc.deadlines import TimeLimit
from tthc.dossier import Action, Dossier, Event, apply, submit
from tthc.errors import (
    InvalidRateError,
    PortalVersionWarning,
    TthcError,
    TthcWarning,
    UnknownCodeError,
)
from tthc.kpi import Period
from tthc.legal import Confidence, LegalSource
from tthc.scoring import (
    DOSSIER_INDICES,
    Band,
    Criterion,
    CriterionKind,
    DossierEvaluation,
    Indicator,
    RuleFamily,
    Summation,
    ZeroDenominator,
    evaluate_dossier,
    example_rubric,
    qd766,
    qd766_portal_version,
    qd766_versions,
    rate_1_4,
    rate_5_4,
    round_points,
)

V2022 = qd766("v2022")
with warnings.catch_warnings():
    warnings.simplefilter("ignore", PortalVersionWarning)  # tested in test_v2025_warns
    V2025 = qd766("v2025")
RULE_SETS = {"v2022": V2022, "v2025": V2025}
PCT = Fraction(1, 100)


# -- worked cases from the portal's formulas and published reports -----------------------------------


@pytest.mark.parametrize(
    ("case", "indicator", "rate", "expected"),
    [
        ("T1 1.141 of 1.141 on time", "2.1", Fraction(1141, 1141), "20.00"),
        ("T5 liên thông (83 + 32) / 213", "2.1", Fraction(83 + 32, 213), "10.80"),
        ("stable name", "2.1", Fraction(115, 213), "10.80"),
        ("one-stop, no late dossier", "2.1", Fraction(1), "20.00"),
        ("combined 451 / 549", "2.1", Fraction(451, 549), "16.43"),
        ("T7 3.1 at 70 %", "3.1", 70 * PCT, "1.75"),
        ("T7 3.1 at 85 %", "3.1", 85 * PCT, "2.00"),
        ("T8 3.3 at 30 %", "3.3", 30 * PCT, "3.60"),
        ("T8 3.3 at 60 %", "3.3", 60 * PCT, "6.00"),
        ("T9 5.4 at 85 %", "5.4", 85 * PCT, "5.67"),
        ("T9 5.4 at 95 %", "5.4", 95 * PCT, "6.00"),
        ("T9 5.4 zero denominator (0 on the API)", "5.4", None, "0.00"),
        ("3.6 zero denominator (0 on the API)", "3.6", None, "0.00"),
        ("T10 5.2 with no feedback", "5.2", None, "6.00"),
        ("T10 5.3 with no feedback", "5.3", None, "6.00"),
        ("T15 1.1 at 95 %", "1.1", 95 * PCT, "5.70"),
        ("T15 1.2 at 95 %", "1.2", 95 * PCT, "3.80"),
        ("T15 1.3 at 95 %", "1.3", 95 * PCT, "1.90"),
        ("T15 1.4 at 95 %", "1.4", 95 * PCT, "5.70"),
        ("T16 4.3 reuse at 60 %", "4.3", 60 * PCT, "1.50"),
        ("T16 4.1 e-result at 60 %", "4.1", 60 * PCT, "3.60"),
    ],
)
def test_reference_points(case: str, indicator: str, rate: Fraction | None, expected: str) -> None:
    points = V2022.points(indicator, rate)
    assert points == Decimal(expected)
    assert str(points) == expected  # two places, always


def test_t17_sync_rate_falls_back_to_previous_year() -> None:
    rate = rate_1_4(950, bcqg=0, dvcqg=0, previous_year_bcqg=12_000, period="month")
    assert rate == Fraction(95, 100)  # denominator 12.000 / 12 = 1.000
    assert V2022.points("1.4", rate) == Decimal("5.70")


def test_sync_rate_variants() -> None:
    assert rate_1_4(90, bcqg=100, dvcqg=120) == Fraction(90, 120)  # the larger denominator
    assert rate_1_4(300, bcqg=None, dvcqg=None, previous_year_bcqg=1200, period="quarter") == 1
    assert rate_1_4(900, bcqg=0, dvcqg=0, previous_year_bcqg=1000, period="year") == Fraction(
        9, 10
    )
    assert rate_1_4(5, bcqg=0, dvcqg=0) == 0  # no previous-year data -> rate 0
    with pytest.raises(ValueError, match="'week'"):
        rate_1_4(5, bcqg=1, dvcqg=1, period="week")


def test_satisfaction_rate_5_4() -> None:
    assert rate_5_4(dossiers=549, overdue=98, with_feedback=0) == Fraction(451, 549)
    assert rate_5_4(dossiers=10, overdue=8, with_feedback=5) == 0  # floored at 0
    assert rate_5_4(dossiers=0, overdue=0, with_feedback=0) is None


@pytest.mark.parametrize(
    ("total", "band"),
    [
        ("98.63", "Xuất sắc"),  # T19, Lâm Đồng Q2/2024
        ("90.96", "Xuất sắc"),
        ("83.61", "Tốt"),
        ("67.9", "Trung bình"),  # Quảng Nam 2023 ("trung bình khá")
        ("90", "Xuất sắc"),
        ("89.99", "Tốt"),
        ("70", "Khá"),
        ("49.99", "Yếu"),
        ("0", "Yếu"),
        ("100", "Xuất sắc"),
    ],
)
def test_t19_bands(total: str, band: str) -> None:
    assert V2022.band(Decimal(total)).name == band


def test_band_takes_the_score_that_total_returns() -> None:
    # 20 (2.1 full) + 18 (group 1 full) + 6 (5.4 at 90 %) = 44 points -> below 50: Yếu.
    rates: dict[str, Fraction | int] = {
        "2.1": Fraction(1),
        "1.1": 1,
        "1.2": 1,
        "1.3": 1,
        "1.4": 1,
        "5.4": 90 * PCT,
    }
    score = V2022.total(rates)
    assert score.total == Decimal("44.00")
    assert V2022.band(score) == V2022.band(Decimal("44")) == score.band
    assert V2022.band(score).name == "Yếu"


def test_bands_are_flagged_unconfirmed_and_replaceable() -> None:
    assert all(not b.confirmed for b in V2022.bands)
    assert all(b.source.confidence is Confidence.UNCONFIRMED for b in V2022.bands)
    source = LegalSource("892/QĐ-UBND", "Bộ chỉ số của tỉnh (ví dụ)")
    two = [
        Band(
            id="dat",
            name="Đạt",
            name_en="Pass",
            minimum=60,
            source=source,
            note="",
            confirmed=True,
        ),
        Band(id="khong_dat", name="Không đạt", name_en="Fail", minimum=0, source=source, note=""),
    ]
    local = V2022.with_bands(reversed(two))
    assert local.band(Decimal("67.9")).name == "Đạt"
    assert local.band(Decimal("59.99")).name == "Không đạt"
    assert V2022.band(Decimal("67.9")).name == "Trung bình"  # the original is unchanged


def test_band_refuses_impossible_totals() -> None:
    with pytest.raises(InvalidRateError, match="between 0 and 100"):
        V2022.band(Decimal("100.01"))
    with pytest.raises(InvalidRateError):
        V2022.band(-1)
    with pytest.raises(InvalidRateError, match="never a float"):
        V2022.band(98.63)  # type: ignore[arg-type]


# -- the rule set as data ---------------------------------------------------------------------------


def test_versions() -> None:
    assert qd766_versions() == ("v2022", "v2025")
    assert qd766() is V2022
    with pytest.raises(UnknownCodeError, match="'v2030' is not in QĐ 766 versions"):
        qd766("v2030")


@pytest.mark.parametrize(
    ("day", "version"),
    [
        (date(2022, 6, 22), None),  # before QĐ 766/QĐ-TTg (23/6/2022)
        (date(2022, 6, 23), "v2022"),
        (date(2025, 7, 1), "v2022"),  # two-tier local government: the portal kept v2022
        (date(2026, 8, 31), "v2022"),  # last month observed on real portal scores
    ],
)
def test_the_portal_scores_v2022_in_2026(day: date, version: str | None) -> None:
    assert qd766_portal_version(day) == version


def test_v2025_warns_that_the_portal_does_not_compute_it() -> None:
    with pytest.warns(PortalVersionWarning, match="scores the period 2025-07-01.. under 'v2022'"):
        qd766("v2025")
    august = Period.month(2026, 8)
    with pytest.warns(PortalVersionWarning) as caught:
        assert qd766("v2025", period=august) is V2025
    warning = caught[0].message
    assert isinstance(warning, TthcWarning)
    assert isinstance(warning, PortalVersionWarning)
    assert (warning.version, warning.portal_version) == ("v2025", "v2022")
    assert warning.period == "2026-08-01..2026-08-31"
    assert "NOT what the national portal computes in 2026" in V2025.title
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert qd766("v2022", period=august) is V2022  # the portal's own: no warning


@pytest.mark.parametrize("version", ["v2022", "v2025"])
def test_maxima_sum_to_100_per_group(version: str) -> None:
    rules = RULE_SETS[version]
    expected = {
        "1": 18,
        "2": 20,
        "3a": 12,
        "3b": 10,
        "4": 22,
        "5": 18,
    }  # the portal's tabs, METRICS sheet
    assert {g.id: g.max_points for g in rules.groups} == expected
    assert rules.max_points == 100
    assert sum(i.max_points or 0 for i in rules.indicators) == 100


def test_v2022_indicators_as_in_the_reference() -> None:
    table: dict[str, tuple[object, ...]] = {
        i.id: (i.max_points, i.family, i.target) for i in V2022.indicators
    }
    proportional, capped = RuleFamily.PROPORTIONAL, RuleFamily.CAPPED
    assert table == {
        "1.1": (6, proportional, None),
        "1.2": (4, proportional, None),
        "1.3": (2, proportional, None),
        "1.4": (6, proportional, None),
        "2.1": (20, proportional, None),
        "2.2": (0, RuleFamily.MONITORING, None),
        "3.1": (2, capped, Fraction(4, 5)),
        "3.2": (4, proportional, None),
        "3.3": (6, capped, Fraction(1, 2)),
        "3.5": (2, capped, Fraction(4, 5)),
        "3.5b": (2, capped, Fraction(4, 5)),
        "3.6": (6, proportional, None),
        "4.1": (6, proportional, None),
        "4.2": (4, proportional, None),
        "4.x": (2, proportional, None),
        "4.3": (2, capped, Fraction(4, 5)),
        "4.4": (4, proportional, None),
        "4.5a": (2, proportional, None),
        "4.5b": (2, proportional, None),
        "5.1": (0, RuleFamily.MONITORING, None),
        "5.2": (6, proportional, None),
        "5.3": (6, proportional, None),
        "5.4": (6, capped, Fraction(9, 10)),
    }
    zero_policy = {i.id: i.zero_denominator for i in V2022.indicators if i.scored}
    assert zero_policy.pop("5.2") is zero_policy.pop("5.3") is ZeroDenominator.FULL_MARKS
    # 0 where the API was seen giving 0 (payment, 5.4; 1.4's rate is never undefined)
    zero = {iid for iid, p in zero_policy.items() if p is ZeroDenominator.ZERO}
    assert zero == {"1.4", "3.5", "3.5b", "3.6", "5.4"}
    # everywhere else the portal shows no score: not scored, never 0,00
    assert {zero_policy[iid] for iid in set(zero_policy) - zero} == {
        ZeroDenominator.NOT_APPLICABLE
    }


def test_every_indicator_is_described_and_cited() -> None:
    for rules in RULE_SETS.values():
        for i in rules.indicators:
            assert all((i.name, i.name_en, i.numerator, i.denominator, i.note))
            assert isinstance(i.source, LegalSource)
            assert i.source.number == "766/QĐ-TTg"
            assert i.source.provision
            assert i.version == rules.version


def test_v2025_wording() -> None:
    assert V2025.valid_from.isoformat() == "2025-07-01"
    assert V2025.points("m6", 30 * PCT) == Decimal("3.60")  # 12 x R, proportional [U]
    assert V2025.points("3.6", Fraction(1, 2)) == Decimal("5.00")  # 10 x R
    assert V2025.points("2.1", Fraction(115, 213)) == Decimal("10.80")
    undeclared = [i.id for i in V2025.indicators if i.max_points is None]
    assert undeclared == ["3.1", "m8", "m9", "3.3", "m18"]  # METRICS STT 7-10, 18
    assert all(V2025.points(iid, Fraction(1, 2)) is None for iid in undeclared)
    assert "[U]" in V2025.indicator("m6").note


def test_monitoring_indicators_score_nothing() -> None:
    assert V2022.points("2.2", Fraction(3)) == Decimal("0.00")
    assert V2022.points("5.1", None) is None  # not applicable
    assert not V2022.indicator("2.2").scored


def test_unknown_indicator() -> None:
    with pytest.raises(UnknownCodeError, match=r"'3\.4' is not in QĐ 766 rule set v2022"):
        V2022.points("3.4", 1)
    with pytest.raises(LookupError):
        V2022.total({"6.1": 1})


@pytest.mark.parametrize("bad", [0.5, "0.5", True, Decimal("NaN"), Fraction(-1, 2), -1])
def test_rates_must_be_exact_and_non_negative(bad: object) -> None:
    with pytest.raises(InvalidRateError) as info:
        V2022.points("2.1", bad)  # type: ignore[arg-type]
    assert isinstance(info.value, TthcError)
    assert isinstance(info.value, ValueError)
    assert repr(bad) in str(info.value)


def test_rates_above_one_are_capped_at_the_maximum() -> None:
    assert V2022.points("1.4", Fraction(3, 2)) == Decimal("6.00")
    assert V2022.points("2.1", Decimal("1.2")) == Decimal("20.00")


def test_policies_are_configurable() -> None:
    doc = V2022.with_targets({"4.2": Fraction(4, 5), "3.1": None})
    assert doc.points("4.2", 60 * PCT) == Decimal("3.00")  # 4 x 0,6 / 0,8
    assert doc.points("3.1", 70 * PCT) == Decimal("1.40")  # proportional now
    assert V2022.points("4.2", 60 * PCT) == Decimal("2.40")  # unchanged
    assert V2022.points("2.1", None) is None  # 0/0: not scored by default
    zero = V2022.with_zero_denominator({"2.1": "zero"})
    assert zero.points("2.1", None) == Decimal("0.00")
    score = V2022.total({"2.1": None})
    assert score.not_applicable == ("2.1",)
    assert zero.total({"2.1": None}).not_applicable == ()
    with pytest.raises(ValueError, match="capped rule needs a target"):
        V2022.with_targets({"2.1": Fraction(0)})


# -- totals -----------------------------------------------------------------------------------------

ALL_AT = {i.id: Fraction(95, 100) for i in V2022.indicators if i.scored}


def test_total_shows_indicators_groups_and_band() -> None:
    score = V2022.total(ALL_AT)
    # proportional: 0,95 x max; capped at 80 % / 50 % / 90 %: full marks
    expected_groups = {
        "1": "17.10",
        "2": "19.00",
        "3a": "11.80",  # 2 + 3,8 + 6
        "3b": "9.70",  # 2 + 2 + 5,7
        "4": "21.00",  # 5,7 + 3,8 + 1,9 + 2 + 3,8 + 1,9 + 1,9
        "5": "17.40",  # 5,7 + 5,7 + 6
    }
    assert {g.group.id: str(g.points) for g in score.groups} == expected_groups
    assert score.total == Decimal("96.00")
    assert score.band.name == "Xuất sắc"
    assert score.complete
    assert score.missing == ()
    assert score.indicator("5.4").points == Decimal("6.00")
    assert score.max_points == 100


def test_partial_total_lists_what_is_missing() -> None:
    score = V2022.total({"2.1": Fraction(115, 213), "5.2": None})
    assert score.total == Decimal("16.80")  # 10,80 + 6 (no feedback)
    assert not score.complete
    assert "1.1" in score.missing
    assert "2.1" not in score.missing  # given
    assert "2.2" not in score.missing  # monitoring only
    assert score.indicator("1.1").points is None
    assert score.band.name == "Yếu"


def test_ties_at_half_a_hundredth_go_up_before_they_are_added() -> None:
    rates = {"1.1": Fraction(1, 1200), "1.2": Fraction(1, 800), "1.3": Fraction(1, 400)}
    score = V2022.total(rates)  # exact: 0,005 + 0,005 + 0,005 = 0,015
    assert [s.points for s in score.indicators if s.provided] == [Decimal("0.01")] * 3
    assert score.summation is Summation.PORTAL
    assert score.groups[0].points == Decimal("0.03")  # the portal: 0,01 + 0,01 + 0,01
    assert score.total == Decimal("0.03")
    exact = V2022.total(rates, summation=Summation.EXACT)
    assert exact.groups[0].points == Decimal("0.02")  # 0,015 rounded once
    assert exact.total == Decimal("0.02")
    assert score.exact == exact.exact == Fraction(15, 1000)
    assert V2022.total(rates, summation="exact").summation is Summation.EXACT


# -- the portal's rounding order on portal-like data: counts -> indicator points -> groups ---------
#
# A department's month, written for this test: numerators and denominators as the portal's API
# reports them. Every expected value below is worked by hand from the rule in the comment.

PORTAL_LIKE_RATES: dict[str, Fraction | None] = {
    "1.1": Fraction(47, 48),  # 6 x 47/48 = 5,875 -> 5,88 (tie, half up)
    "1.2": Fraction(33, 40),  # 4 x 33/40 = 3,3 -> 3,30
    "1.3": Fraction(199, 200),  # 2 x 199/200 = 1,99
    "1.4": rate_1_4(1117, bcqg=1200, dvcqg=1180),  # 6 x 1117/1200 = 5,585 -> 5,59 (tie)
    "2.1": Fraction(1187, 1200),  # 20 x 1187/1200 = 19,78333... -> 19,78
    "3.1": Fraction(144, 200),  # min(2, 2 x 0,72 / 0,8) = 1,8 -> 1,80
    "3.2": Fraction(61, 120),  # 4 x 61/120 = 2,03333... -> 2,03
    "3.3": Fraction(353, 1500),  # min(6, 6 x 353/1500 / 0,5) = 2,824 -> 2,82
    "3.5": Fraction(9, 12),  # min(2, 2 x 0,75 / 0,8) = 1,875 -> 1,88 (tie)
    "3.5b": Fraction(7, 12),  # min(2, 2 x 7/12 / 0,8) = 1,458333... -> 1,46
    "3.6": Fraction(97, 120),  # 6 x 97/120 = 4,85
    "4.1": Fraction(111, 120),  # 6 x 111/120 = 5,55
    "4.2": Fraction(1183, 1200),  # 4 x 1183/1200 = 3,943333... -> 3,94
    "4.x": None,  # 0 of 0 communes (a department): not scored
    "4.3": Fraction(600, 1200),  # min(2, 2 x 0,5 / 0,8) = 1,25
    "4.4": Fraction(300, 1200),  # 4 x 0,25 = 1,00
    "4.5a": Fraction(13, 16),  # 2 x 13/16 = 1,625 -> 1,63 (tie)
    "4.5b": Fraction(450, 1200),  # 2 x 0,375 = 0,75
    "5.2": Fraction(7, 8),  # 6 x 7/8 = 5,25
    "5.3": Fraction(5, 8),  # 6 x 5/8 = 3,75
    "5.4": rate_5_4(dossiers=1200, overdue=13, with_feedback=5),  # 1182/1200 >= 90 % -> 6
}


def test_portal_like_month_indicator_points() -> None:
    score = V2022.total(PORTAL_LIKE_RATES)
    points = {s.indicator.id: s.points for s in score.indicators if s.provided}
    assert points == {
        "1.1": Decimal("5.88"),
        "1.2": Decimal("3.30"),
        "1.3": Decimal("1.99"),
        "1.4": Decimal("5.59"),
        "2.1": Decimal("19.78"),
        "3.1": Decimal("1.80"),
        "3.2": Decimal("2.03"),
        "3.3": Decimal("2.82"),
        "3.5": Decimal("1.88"),
        "3.5b": Decimal("1.46"),
        "3.6": Decimal("4.85"),
        "4.1": Decimal("5.55"),
        "4.2": Decimal("3.94"),
        "4.x": None,
        "4.3": Decimal("1.25"),
        "4.4": Decimal("1.00"),
        "4.5a": Decimal("1.63"),
        "4.5b": Decimal("0.75"),
        "5.2": Decimal("5.25"),
        "5.3": Decimal("3.75"),
        "5.4": Decimal("6.00"),
    }
    assert score.not_applicable == ("4.x",)
    assert score.complete  # a rate (here: undefined) was given for every indicator


@pytest.mark.parametrize(
    ("summation", "groups", "total"),
    [
        (
            Summation.PORTAL,  # the rounded points added
            {
                "1": "16.76",  # 5,88 + 3,30 + 1,99 + 5,59
                "2": "19.78",
                "3a": "6.65",  # 1,80 + 2,03 + 2,82
                "3b": "8.19",  # 1,88 + 1,46 + 4,85
                "4": "14.12",  # 5,55 + 3,94 + 1,25 + 1,00 + 1,63 + 0,75 (4.x skipped)
                "5": "15.00",  # 5,25 + 3,75 + 6
            },
            "80.50",  # 16,76 + 19,78 + 6,65 + 8,19 + 14,12 + 15
        ),
        (
            Summation.EXACT,  # the exact points added, rounded once
            {
                "1": "16.75",  # 5,875 + 3,3 + 1,99 + 5,585
                "2": "19.78",
                "3a": "6.66",  # 1,8 + 2,03333... + 2,824 = 6,65733...
                "3b": "8.18",  # 1,875 + 1,45833... + 4,85 = 8,18333...
                "4": "14.12",  # 5,55 + 3,94333... + 1,25 + 1 + 1,625 + 0,75 = 14,11833...
                "5": "15.00",
            },
            "80.49",  # 80,49233...
        ),
    ],
)
def test_portal_like_month_group_totals(
    summation: Summation, groups: dict[str, str], total: str
) -> None:
    score = V2022.total(PORTAL_LIKE_RATES, summation=summation)
    assert {g.group.id: str(g.points) for g in score.groups} == groups
    assert str(score.total) == total
    assert score.band.name == "Tốt"


def test_a_group_keeps_its_maximum_when_an_indicator_is_not_scored() -> None:
    score = V2022.total(PORTAL_LIKE_RATES)
    group_4 = next(g for g in score.groups if g.group.id == "4")
    assert group_4.max_points == 22  # the tab's maximum (tthc's policy, unconfirmed)
    assert group_4.max_scored == 20  # 4.x (2 points) was not scored
    assert group_4.exact == Fraction(1694200, 120000)  # 14,11833...


def test_a_group_with_nothing_scored_is_not_scored() -> None:
    score = V2022.total({"2.1": None, "5.4": None})
    group_2 = next(g for g in score.groups if g.group.id == "2")
    assert group_2.points is None  # 0/0: not scored, never 0,00
    assert score.indicator("2.1").points is None
    assert not score.indicator("2.1").scored
    group_5 = next(g for g in score.groups if g.group.id == "5")
    assert group_5.points == Decimal("0.00")  # 5.4 at 0/0 scores 0 on the API
    assert score.total == Decimal("0.00")
    assert V2022.total({}).total == Decimal("0.00")


# -- properties -------------------------------------------------------------------------------------

rates = st.fractions(min_value=0, max_value=Fraction(3, 2), max_denominator=10_000)
scored_2022 = st.sampled_from([i for i in V2022.indicators if i.scored])
all_indicators = st.sampled_from([*V2022.indicators, *V2025.indicators])


@given(indicator=all_indicators, rate=rates | st.none())
def test_points_lie_between_zero_and_the_maximum(
    indicator: Indicator, rate: Fraction | None
) -> None:
    exact = indicator.points_exact(rate)
    if exact is not None:
        assert 0 <= exact <= (indicator.max_points or 0)
        assert 0 <= Fraction(round_points(exact)) <= (indicator.max_points or 0)


@given(indicator=scored_2022, a=rates, b=rates)
def test_points_are_monotone_in_the_rate(indicator: Indicator, a: Fraction, b: Fraction) -> None:
    low, high = sorted((a, b))
    p_low, p_high = indicator.points_exact(low), indicator.points_exact(high)
    assert p_low is not None
    assert p_high is not None
    assert p_low <= p_high
    assert round_points(p_low) <= round_points(p_high)


@given(
    version=st.sampled_from(qd766_versions()),
    data=st.data(),
)
def test_total_never_exceeds_100(version: str, data: st.DataObject) -> None:
    rules = RULE_SETS[version]
    chosen = data.draw(st.lists(st.sampled_from(rules.indicators), unique=True))
    given_rates = {i.id: data.draw(rates | st.none()) for i in chosen}
    summation = data.draw(st.sampled_from(Summation))
    score = rules.total(given_rates, summation=summation)
    assert 0 <= score.exact <= 100
    assert Decimal(0) <= score.total <= Decimal(100)
    for g in score.groups:
        assert 0 <= g.exact <= g.max_scored <= g.max_points
    assert score.band is rules.band(score.total)


@given(
    version=st.sampled_from(qd766_versions()),
    data=st.data(),
)
def test_portal_totals_are_sums_of_rounded_points(version: str, data: st.DataObject) -> None:
    rules = RULE_SETS[version]
    chosen = data.draw(st.lists(st.sampled_from(rules.indicators), unique=True))
    given_rates = {i.id: data.draw(rates | st.none()) for i in chosen}
    portal = rules.total(given_rates)
    exact = rules.total(given_rates, summation=Summation.EXACT)
    rounded = [s.points for s in portal.indicators if s.points is not None]
    assert portal.total == sum(rounded, Decimal(0))
    assert portal.total == sum((g.points for g in portal.groups if g.points is not None), 0)
    # the two readings differ by at most half a hundredth per scored indicator
    assert abs(Fraction(portal.total) - Fraction(exact.total)) <= Fraction(len(rounded) + 1, 200)
    assert abs(Fraction(exact.total) - exact.exact) <= Fraction(1, 200)
    for g in portal.groups:
        assert (g.points is None) == all(s.points is None for s in g.indicators)


@given(value=st.fractions(min_value=0, max_value=1000, max_denominator=10**6))
def test_round_points_is_half_up(value: Fraction) -> None:
    rounded = Fraction(round_points(value))
    assert abs(rounded - value) <= Fraction(1, 200)
    if abs(rounded - value) == Fraction(1, 200):
        assert rounded > value  # a tie goes up, never to even


def test_round_points_ties() -> None:
    assert round_points(Fraction(1, 8)) == Decimal("0.13")  # 0,125: half-even would give 0,12
    assert round_points(Fraction(99125, 1000)) == Decimal("99.13")
    assert round_points(Fraction(0)) == Decimal("0.00")
    assert round_points(Fraction(2, 3), places=1) == Decimal("0.7")


# -- rubric engine ----------------------------------------------------------------------------------

RUBRIC = example_rubric()


def test_example_rubric_is_illustrative_and_cited() -> None:
    assert RUBRIC.id == "illustrative"
    assert [c.id for c in RUBRIC.criteria] == ["on_time", "online", "apology"]
    for c in RUBRIC.criteria:
        assert isinstance(c.source, LegalSource)
        assert c.note.startswith("ILLUSTRATIVE")
    kinds = {c.kind for c in RUBRIC.criteria}
    assert kinds == set(CriterionKind)


@pytest.mark.parametrize(
    ("criterion", "rate", "expected"),
    [
        ("on_time", Fraction(1), "2.00"),
        ("on_time", Fraction(479, 480), "1.00"),
        ("on_time", Fraction(95, 100), "1.00"),
        ("on_time", Fraction(9499, 10000), "0.00"),
        ("on_time", None, "0.00"),
        ("online", Fraction(30, 100), "1.20"),
        ("online", Fraction(1, 2), "2.00"),
        ("online", Fraction(1), "2.00"),
        ("apology", True, "1.00"),
        ("apology", False, "0.00"),
        ("apology", Fraction(9, 10), "0.00"),  # one late dossier without an apology
        ("apology", Fraction(1), "1.00"),
        ("apology", None, "1.00"),  # no late dossier at all
    ],
)
def test_rubric_rules(criterion: str, rate: Fraction | bool | None, expected: str) -> None:
    score = RUBRIC.score({criterion: rate})
    (scored,) = [c for c in score.criteria if c.provided]
    assert scored.points == Decimal(expected)


def test_rubric_total_and_errors() -> None:
    score = RUBRIC.score({"on_time": Fraction(1), "apology": True})
    assert score.total == Decimal("3.00")
    assert score.max_points == 5
    assert score.missing == ("online",)
    with pytest.raises(UnknownCodeError):
        RUBRIC.score({"speed": 1})
    with pytest.raises(InvalidRateError, match="binary"):
        RUBRIC.score({"on_time": True})


def test_rubric_definitions_are_validated() -> None:
    source = LegalSource("X", "test")
    with pytest.raises(ValueError, match="highest threshold down"):
        Criterion(
            id="c",
            name="c",
            name_en="c",
            kind="banded",
            max_points=Fraction(2),
            bands=((Fraction(0), Fraction(0)), (Fraction(1), Fraction(2))),
            source=source,
        )
    with pytest.raises(ValueError, match="target"):
        Criterion(
            id="c",
            name="c",
            name_en="c",
            kind="binary",
            max_points=Fraction(1),
            target=Fraction(1, 2),
            source=source,
        )


@given(criterion=st.sampled_from(RUBRIC.criteria), a=rates, b=rates)
def test_rubric_points_are_bounded_and_monotone(
    criterion: Criterion, a: Fraction, b: Fraction
) -> None:
    low, high = sorted((a, b))
    p_low, p_high = criterion.points_exact(low), criterion.points_exact(high)
    assert p_low is not None
    assert p_high is not None
    assert 0 <= p_low <= p_high <= criterion.max_points


# -- the data tables --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "table",
    [
        qd766_data.VERSIONS,
        qd766_data.GROUPS,
        qd766_data.INDICATORS,
        qd766_data.BANDS,
        evaluation_data.DOSSIER_INDICES,
        evaluation_data.EXAMPLE_RUBRIC,
    ],
)
def test_every_row_cites_a_legal_source(table: tuple[object, ...]) -> None:
    assert table
    for row in table:
        assert isinstance(row, tuple)
        assert isinstance(row.source, LegalSource)  # type: ignore[attr-defined]
        assert any(isinstance(item, LegalSource) for item in row)


def test_dossier_indices_are_the_nine_of_the_circular() -> None:
    rows = evaluation_data.DOSSIER_INDICES
    assert [r.number for r in rows] == list(range(1, 10))
    assert all(r.source.number == "01/2018/TT-VPCP" for r in rows)


# -- per-dossier evaluation (Thông tư 01/2018/TT-VPCP) ---------------------------------------------


def _at(year: int, month: int, day: int, hour: int) -> datetime:
    return datetime(year, month, day, hour, tzinfo=VIETNAM_TZ)


def _received() -> Dossier:
    """Received Mon 03/03/2025 09:00, 10 working days: due Mon 17/03/2025 (no holiday)."""
    d = submit(
        "H12-250303-0001", agency="UBND xã A", channel=Channel.IN_PERSON, at=_at(2025, 3, 3, 9)
    )
    return apply(d, Event(Action.RECEIVE, _at(2025, 3, 3, 9), limit=TimeLimit.working_days(10)))


def _points(e: DossierEvaluation) -> list[int | None]:
    return [r.points for r in e.results]


def test_evaluation_of_an_early_dossier_with_late_step() -> None:
    d = apply(
        _received(),
        Event(
            Action.TRANSFER,
            _at(2025, 3, 3, 10),
            agency="Phòng Tư pháp",
            limit=TimeLimit.working_days(2),
        ),
    )  # its slot ends Wed 05/03; handed on Mon 10/03: late
    d = apply(
        d,
        Event(
            Action.TRANSFER,
            _at(2025, 3, 10, 10),
            agency="UBND huyện",
            limit=TimeLimit.working_days(3),
        ),
    )
    d = apply(d, Event(Action.RESULT, _at(2025, 3, 13, 10)))  # before 17/03: early overall
    e = evaluate_dossier(d, complaint=False, answers={8: 1, 9: 2})
    assert _points(e) == [2, 0, 2, None, None, None, 2, 1, 2]
    assert "Phòng Tư pháp" in e[2].reason
    assert e.total == 9
    assert e.assessed == (1, 2, 3, 7, 8, 9)
    assert e.average == Fraction(3, 2)
    assert e.officials_total is None  # index 4 not assessed
    full = evaluate_dossier(d, complaint=False, answers={4: 2, 5: 1, 6: 2, 8: 1, 9: 2})
    assert full.officials_total == 2 + 0 + 2 + 2 + 2
    assert full.total == 14


def test_evaluation_on_the_due_date_with_a_complaint() -> None:
    d = apply(_received(), Event(Action.RESULT, _at(2025, 3, 17, 16)))  # the due date itself
    e = evaluate_dossier(d, complaint=True)
    assert _points(e)[:3] == [1, None, 2]  # no step recorded: index 2 not assessable
    assert e[7].points == 0


def test_evaluation_late_after_one_supplement() -> None:
    d = apply(
        _received(), Event(Action.REQUEST_SUPPLEMENT, _at(2025, 3, 4, 9), reason="thiếu tờ khai")
    )
    d = apply(d, Event(Action.RECEIVE_SUPPLEMENT, _at(2025, 3, 6, 9)))
    d = apply(d, Event(Action.RESULT, _at(2025, 3, 25, 9)))
    e = evaluate_dossier(d, complaint=False)
    assert _points(e) == [0, None, 1, None, None, None, 0, None, None]


def test_evaluation_of_a_pending_dossier_assesses_nothing() -> None:
    e = evaluate_dossier(_received(), complaint=False)
    assert e.assessed == ()
    assert e.total == 0
    assert e.average is None  # not 0: nothing could be assessed
    assert all(r.reason for r in e.results)
    with pytest.raises(UnknownCodeError):
        e[10]


def test_evaluation_answers_are_checked() -> None:
    with pytest.raises(ValueError, match="index 1 cannot be answered"):
        evaluate_dossier(_received(), answers={1: 2})
    with pytest.raises(InvalidRateError, match="0, 1 or 2 points"):
        evaluate_dossier(_received(), answers={8: 3})
    assert [i.number for i in DOSSIER_INDICES] == list(range(1, 10))


# -- the nine indices belong to Nghị định 61/2018 (issue 12) ------------------------------------------


def test_nine_indices_are_not_applied_silently_to_118_dossiers() -> None:
    from datetime import timedelta

    from tthc.errors import RuleNotInForceError
    from tthc.scoring import evaluate_dossier

    def done(day: int, month: int) -> Dossier:
        when = datetime(2025, month, day, 9, tzinfo=VIETNAM_TZ)
        d = submit("H12-0001", agency="UBND xã A", channel=Channel.IN_PERSON, at=when)
        d = apply(d, Event(Action.RECEIVE, when, limit=TimeLimit.working_days(5)))
        return apply(d, Event(Action.RESULT, when + timedelta(days=2)))

    old, new = done(30, 6), done(1, 7)
    assert evaluate_dossier(old)[1].points == 2  # received 30/06/2025: Thông tư 01/2018 applies
    with pytest.raises(RuleNotInForceError) as info:
        evaluate_dossier(new)
    assert isinstance(info.value, TthcError)
    assert isinstance(info.value, LookupError)
    assert (info.value.rule, info.value.regime) == ("evaluation", "nd118_2025")
    assert "received on 2025-07-01 under Nghị định 118/2025" in str(info.value)
    assert evaluate_dossier(new, indices="tt01_2018")[1].points == 2  # chosen as a policy
    with pytest.raises(ValueError, match="indices is None"):
        evaluate_dossier(old, indices="qd766")
