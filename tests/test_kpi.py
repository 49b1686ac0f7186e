"""Tests of tthc.kpi: Biểu 06 of TT 01/2020/TT-VPCP, the rate variants and the rounding step.

Expected values are the published figures of kpi-and-index.md §7 and §9 (T1-T6, T11-T14,
T17, T18 and the seed figures), worked out by hand there; the properties check the report's
algebra on generated record sets.
"""

from __future__ import annotations

import inspect
import itertools
import random
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from fractions import Fraction

import attrs
import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

import tthc.kpi as kpi
from tthc import Granularity, TimeLimit, Timeliness, classify, due, standing
from tthc._data.kpi import BIEU_06_COLUMNS, RATE_DEFINITIONS
from tthc.calendar import VIETNAM_TZ
from tthc.catalog import Channel
from tthc.dossier import Action, Dossier, Event, apply, receive, submit
from tthc.errors import (
    IncompatibleReportsError,
    InvalidCountError,
    InvalidPeriodError,
    InvalidRateError,
    RecordError,
    ReportIdentityError,
    TthcError,
    UnknownCodeError,
)
from tthc.kpi import (
    DisplayStyle,
    ExitTreatment,
    Outcome,
    Period,
    Record,
    Report06,
    ReportPolicy,
    Rounding,
    denominators_for,
    on_time_rate_766_progress,
    on_time_rate_due_basis,
    on_time_rate_handled_basis,
    on_time_rate_resolved_basis,
    overdue_rate_handled,
    overdue_share_of_pending,
    rate,
    rate_counts,
    report06,
    report06_by,
    resolution_rate,
    resolved_early_share,
    resolved_late_share,
    resolved_on_time_share,
    round_percent,
)

D = Decimal
YEAR = Period.year(2025)


def at(y: int, m: int, d: int, hh: int = 9, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=VIETNAM_TZ)


def pct(r: Fraction | None) -> Decimal | None:
    return round_percent(r)


def rec(
    received: datetime,
    *,
    due_at: datetime | None,
    done: datetime | None = None,
    outcome: Outcome | None = None,
    channel: Channel = Channel.IN_PERSON,
    agency: str = "UBND xã A",
) -> Record:
    if outcome is None:
        outcome = Outcome.PENDING if done is None else Outcome.RESOLVED
    return Record(agency, received, channel, due_at=due_at, completed_at=done, outcome=outcome)


# -- seed figures and test cases of kpi-and-index.md -------------------------------------------


class TestSeedFigures:
    def test_t1_t2_seed_a_1141_received_1140_early_1_on_time(self) -> None:
        # §7a: 1.141 received; 1.140 resolved early, 1 on time (built from records).
        records = [
            rec(at(2025, 3, 3), due_at=at(2025, 3, 10, 17), done=at(2025, 3, 7))
            for _ in range(1140)
        ]
        records.append(rec(at(2025, 3, 3), due_at=at(2025, 3, 10, 17), done=at(2025, 3, 10, 16)))
        r = report06(records, Period.parse("2025-03"))
        assert (r.received_total, r.resolved_early, r.resolved_on_time, r.pending_total) == (
            1141,
            1140,
            1,
            0,
        )
        for v in (on_time_rate_resolved_basis, on_time_rate_766_progress, on_time_rate_due_basis):
            assert pct(v(r)) == D("100.00")
        assert pct(on_time_rate_handled_basis(r)) == D("100.00")
        assert pct(resolved_late_share(r)) == D("0.00")
        assert pct(overdue_rate_handled(r)) == D("0.00")
        # T2: the early share, and the on-time-only share half up (truncation gives 0,08).
        assert pct(resolved_early_share(r)) == D("99.91")
        assert pct(resolved_on_time_share(r)) == D("0.09")
        assert round_percent(resolved_on_time_share(r), mode=Rounding.TRUNCATE) == D("0.08")

    def test_t3_seed_b_e_certified_copies_479_of_480(self) -> None:
        assert denominators_for(479, D("99.79")) == (480,)
        assert pct(kpi.e_certified_copy_rate(479, 480)) == D("99.79")
        for mode in Rounding:  # the figure cannot tell the rounding modes apart
            assert round_percent(Fraction(479, 480), mode=mode) == D("99.79")
        assert pct(rate(479, 481)) == D("99.58")
        assert pct(rate(479, 479)) == D("100.00")

    def test_t4_seed_c_one_stop_commune(self) -> None:
        r = Report06.from_parts(
            YEAR, received_in_person=325, carried_over=11, resolved_on_time=330, pending_within=6
        )
        assert (r.received_total, r.resolved_total, r.pending_total) == (336, 330, 6)
        assert r.received_total == r.resolved_total + r.pending_total
        assert pct(resolution_rate(r)) == D("98.21")
        assert pct(on_time_rate_resolved_basis(r)) == D("100.00")
        assert pct(on_time_rate_766_progress(r)) == D("100.00")

    def test_t5_seed_c_lien_thong(self) -> None:
        r = Report06.from_parts(
            YEAR,
            received_in_person=54,
            carried_over=159,
            resolved_on_time=83,
            pending_within=32,
            pending_overdue=6 + 92,
        )
        assert (r.received_total, r.resolved_total, r.pending_total) == (213, 83, 130)
        assert pct(resolution_rate(r)) == D("38.97")
        assert pct(overdue_share_of_pending(r)) == D("75.38")
        assert pct(overdue_rate_handled(r)) == D("46.01")
        assert pct(rate(6, 213)) == D("2.82")  # the commune's part
        assert pct(rate(92, 213)) == D("43.19")  # the city's part
        assert pct(on_time_rate_766_progress(r)) == D("53.99")
        assert on_time_rate_766_progress(r) == on_time_rate_handled_basis(r)  # (3) = (7) + (11)
        assert pct(rate(213 - 6, 213)) == D("97.18")  # charging only the commune's 6

    def test_seed_c_combined_unit_is_the_sum_of_both_reports(self) -> None:
        one_stop = Report06.from_parts(
            YEAR, received_in_person=325, carried_over=11, resolved_on_time=330, pending_within=6
        )
        lien_thong = Report06.from_parts(
            YEAR,
            received_in_person=54,
            carried_over=159,
            resolved_on_time=83,
            pending_within=32,
            pending_overdue=98,
        )
        both = one_stop + lien_thong
        assert (both.received_total, both.pending_overdue) == (549, 98)
        assert pct(on_time_rate_766_progress(both)) == D("82.15")
        assert pct(overdue_rate_handled(both)) == D("17.85")

    def test_t6_seed_d_online_services_and_rank(self) -> None:
        assert pct(rate(4797, 4797)) == D("100.00")
        assert pct(rate(82, 82 + 28)) == D("74.55")  # toàn trình share
        assert pct(rate(28, 82 + 28)) == D("25.45")  # một phần share
        assert pct(rate(25, 91)) == D("27.47")  # rank 25/91 as a "top share"
        assert pct(rate(91 - 25, 91 - 1)) == D("73.33")  # percentile rank

    def test_t11_half_up_not_float_or_bankers(self) -> None:
        assert round_percent(Fraction(793, 800)) == D("99.13")
        assert round_percent(Fraction(793, 800), mode=Rounding.HALF_EVEN) == D("99.12")
        assert round(793 / 800 * 100, 2) == 99.12  # the float error tthc avoids

    def test_t12_lam_dong_q1_2020_resolved_basis(self) -> None:
        assert pct(rate(635_593, 643_272)) == D("98.81")
        assert pct(rate(7_677, 643_272)) == D("1.19")
        assert pct(rate(51_072, 51_780)) == D("98.63")  # tỉnh
        assert pct(rate(323_911, 329_596)) == D("98.28")  # huyện
        assert pct(rate(260_612, 261_896)) == D("99.51")  # xã

    def test_t13_vinh_phuc_due_basis(self) -> None:
        r = Report06.from_parts(
            Period.parse("2021-09"),
            received_in_person=5000,
            resolved_early=4000,
            resolved_on_time=157,
            resolved_late=7,
            pending_within=826,
            pending_overdue=5,
            withdrawn=5,
        )
        assert pct(on_time_rate_due_basis(r)) == D("99.71")  # 4.157 / 4.169
        assert pct(rate(12, 4169)) == D("0.29")
        assert pct(rate(90, 4169)) == D("2.16")
        assert pct(rate(14_064, 14_101)) == D("99.74")  # Q3/2021

    def test_t14_hue_one_decimal_trimmed(self) -> None:
        r = Fraction(102_770, 257_141)
        assert DisplayStyle.VN_1DP_TRIM.round(r) == D("40")
        assert str(DisplayStyle.VN_1DP_TRIM.round(r)) == "40"
        assert DisplayStyle.VN_2DP.round(r) == D("39.97")
        assert str(DisplayStyle.VN_1DP_TRIM.round(Fraction(27_847, 100_000))) == "27.8"
        assert str(DisplayStyle.VN_1DP_TRIM.round(Fraction(7_005, 100_000))) == "7"
        assert str(round_percent(rate(4_561, 5_650), 1)) == "80.7"  # Bến Tre 5/2021
        assert pct(rate(4_561, 5_650)) == D("80.73")

    def test_t17_sync_rate_fallback_figure(self) -> None:
        assert pct(rate(950, 12_000 // 12)) == D("95.00")

    def test_t18_opencps_integer_truncation(self) -> None:
        r = Report06.from_parts(
            YEAR, received_online=4561, resolved_early=4000, resolved_on_time=549, resolved_late=12
        )
        v1 = on_time_rate_resolved_basis(r)
        assert DisplayStyle.INT_TRUNC.round(v1) == D("99")
        assert pct(v1) == D("99.74")

    def test_ben_tre_identity(self) -> None:
        r = Report06.from_parts(
            Period.parse("2021-05"),
            received_in_person=5_650,
            resolved_on_time=4_561,
            pending_within=1_089,
        )
        assert r.received_total == 5_650 == r.resolved_total + r.pending_total


# -- rounding ------------------------------------------------------------------------------------


class TestRoundPercent:
    @pytest.mark.parametrize(
        ("value", "places", "mode", "trim", "expected"),
        [
            (Fraction(1, 8), 1, Rounding.HALF_UP, False, "12.5"),
            (Fraction(1, 800), 2, Rounding.HALF_UP, False, "0.13"),  # 0,125 -> 0,13
            (Fraction(1, 800), 2, Rounding.HALF_EVEN, False, "0.12"),
            (Fraction(3, 800), 2, Rounding.HALF_EVEN, False, "0.38"),  # 0,375 -> 0,38
            (Fraction(1, 800), 2, Rounding.TRUNCATE, False, "0.12"),
            (Fraction(1), 2, Rounding.HALF_UP, False, "100.00"),
            (Fraction(1), 2, Rounding.HALF_UP, True, "100"),
            (0, 2, Rounding.HALF_UP, False, "0.00"),
            (D("0.5"), 0, Rounding.HALF_UP, False, "50"),
            (Fraction(-1, 800), 2, Rounding.HALF_UP, False, "-0.13"),  # ties away from zero
            (Fraction(2, 3), 4, Rounding.HALF_UP, False, "66.6667"),
        ],
    )
    def test_table(
        self, value: Fraction, places: int, mode: Rounding, trim: bool, expected: str
    ) -> None:
        assert str(round_percent(value, places, mode=mode, trim=trim)) == expected

    def test_none_stays_none(self) -> None:
        assert round_percent(None) is None
        assert DisplayStyle.VN_2DP.round(None) is None

    @pytest.mark.parametrize("bad", [0.5, True, "0.5"])
    def test_refuses_floats_and_others(self, bad: object) -> None:
        with pytest.raises(InvalidRateError, match="never a float"):
            round_percent(bad)  # type: ignore[arg-type]

    def test_refuses_bad_places(self) -> None:
        with pytest.raises(ValueError, match="places"):
            round_percent(Fraction(1, 3), -1)

    @given(n=st.integers(0, 10**6), d=st.integers(1, 10**6), places=st.integers(0, 4))
    def test_agrees_with_decimal_half_up(self, n: int, d: int, places: int) -> None:
        assume(n <= d)
        from decimal import ROUND_HALF_UP, localcontext

        with localcontext() as ctx:
            ctx.prec = 60
            exact = D(n) * 100 / D(d)  # exact enough at 60 digits for these sizes
            q = exact.quantize(D(1).scaleb(-places), rounding=ROUND_HALF_UP)
        # 60 digits cannot represent every n/d exactly, but never sit on a tie by accident:
        assert round_percent(Fraction(n, d), places) == q

    def test_denominators_refuse_unbounded(self) -> None:
        with pytest.raises(InvalidRateError):
            denominators_for(3, D("0.00"))


# -- rates ---------------------------------------------------------------------------------------


class TestRates:
    def test_zero_denominator_is_none(self) -> None:
        empty = Report06.empty(YEAR)
        for name, *_ in RATE_DEFINITIONS:
            fn = getattr(kpi, name)
            params = inspect.signature(fn).parameters
            if "report" in params:
                assert fn(empty) is None, name

    def test_count_based_rates_are_none_without_data(self) -> None:
        assert kpi.online_rate_all_dossiers(0, 0) is None
        assert kpi.channel_mix(0, 0, 0) is None
        assert kpi.online_payment_rate(0, 0) is None

    def test_invalid_counts(self) -> None:
        for n, d in ((5, 4), (-1, 4), (1, -1)):
            with pytest.raises(InvalidCountError):
                rate(n, d)
        with pytest.raises(InvalidCountError):
            rate(True, 2)  # a bool is not a count

    def test_online_rate_with_sync_rate(self) -> None:
        assert kpi.online_rate_all_dossiers(60, 100, sync_rate=Fraction(4, 5)) == Fraction(12, 25)
        with pytest.raises(InvalidRateError):
            kpi.online_rate_all_dossiers(60, 100, sync_rate=0.8)  # type: ignore[arg-type]

    def test_rate_counts(self) -> None:
        march = Period.parse("2025-03")
        records = [
            Record(
                "X", at(2025, 3, 3), Channel.ONLINE, due_at=None, completed_at=at(2025, 3, 4),
                outcome=Outcome.RESOLVED, paid_online=True, e_result=True, digitised=True,
                fulltrack_eligible=True,
            ),
            Record(
                "X", at(2025, 3, 5), Channel.IN_PERSON, due_at=None, completed_at=None,
                outcome=Outcome.PENDING, paid_online=False, e_result=False, digitised=True,
                e_copy=True,
            ),
            Record(
                "X", at(2025, 3, 6), Channel.POSTAL, due_at=None, completed_at=None,
                outcome=Outcome.PENDING, fulltrack_eligible=True, e_copy=False,
            ),
            Record(
                "X", at(2025, 2, 6), Channel.POSTAL, due_at=None, completed_at=at(2025, 3, 1),
                outcome=Outcome.REFUSED, e_result=True,
            ),
        ]  # fmt: skip
        c = rate_counts(records, march)
        assert (c.received, c.online, c.in_person, c.postal) == (3, 1, 1, 1)
        assert kpi.channel_mix(c.online, c.in_person, c.postal) == (Fraction(1, 3),) * 3
        assert kpi.online_rate_eligible_fulltrack(c.online_fulltrack_eligible, c.fulltrack_eligible) == Fraction(1, 2)  # fmt: skip
        assert kpi.online_payment_rate(c.paid_online, c.with_fee) == Fraction(1, 2)
        assert kpi.e_result_rate(c.e_result, c.result_required) == Fraction(1, 2)
        assert kpi.digitisation_rate_766(c.digitised_766, c.received) == Fraction(1, 3)
        assert kpi.digitisation_rate_at_reception(c.offline_digitised, c.offline) == Fraction(1, 2)  # fmt: skip
        assert kpi.e_certified_copy_rate(c.e_copies, c.certified) == Fraction(1, 2)
        assert (c.resolved, c.resolved_e_result) == (2, 2)
        assert kpi.result_digitisation_rate(c.resolved_e_result, c.resolved) == 1


class TestRateDefinitions:
    def test_every_row_names_a_public_function_with_its_formula_source(self) -> None:
        for name, name_vi, formula, source, practice in RATE_DEFINITIONS:
            assert name in kpi.__all__, name
            fn = getattr(kpi, name)
            assert callable(fn)
            assert fn.__doc__, name
            assert name_vi
            assert formula
            assert practice
            assert source.number

    def test_columns_are_report_fields_3_to_13(self) -> None:
        assert [row[0] for row in BIEU_06_COLUMNS] == list(range(3, 14))
        fields = {f.name for f in attrs.fields(Report06)}
        for _, attribute, header, _, source in BIEU_06_COLUMNS:
            assert attribute in fields
            assert header
            assert source.number == "01/2020/TT-VPCP"


# -- periods -------------------------------------------------------------------------------------


class TestPeriod:
    @pytest.mark.parametrize(
        ("text", "start", "end", "label"),
        [
            ("2025", date(2025, 1, 1), date(2025, 12, 31), "năm 2025"),
            ("2025-03", date(2025, 3, 1), date(2025, 3, 31), "tháng 3/2025"),
            ("2024-02", date(2024, 2, 1), date(2024, 2, 29), "tháng 2/2024"),
            ("2025-Q1", date(2025, 1, 1), date(2025, 3, 31), "quý I/2025"),
            ("2025-q4", date(2025, 10, 1), date(2025, 12, 31), "quý IV/2025"),
            ("2025-H1", date(2025, 1, 1), date(2025, 6, 30), "6 tháng đầu năm 2025"),
            ("2025-6M", date(2025, 1, 1), date(2025, 6, 30), "6 tháng đầu năm 2025"),
            ("2025-H2", date(2025, 7, 1), date(2025, 12, 31), "6 tháng cuối năm 2025"),
            ("2025-9M", date(2025, 1, 1), date(2025, 9, 30), "9 tháng đầu năm 2025"),
            (
                "2025-01-01..2025-02-15",
                date(2025, 1, 1),
                date(2025, 2, 15),
                "từ ngày 01/01/2025 đến ngày 15/02/2025",
            ),
        ],
    )
    def test_parse(self, text: str, start: date, end: date, label: str) -> None:
        p = Period.parse(text)
        assert (p.start, p.end, p.label_vi) == (start, end, label)
        assert Period.parse(str(p)) == p

    @pytest.mark.parametrize(
        "text", ["2025-13", "2025-Q5", "2025-02-30..2025-03-01", "2025-03-01..2025-02-01", "x"]
    )
    def test_parse_errors(self, text: str) -> None:
        with pytest.raises(InvalidPeriodError, match="invalid reporting period"):
            Period.parse(text)

    def test_constructor_errors(self) -> None:
        with pytest.raises(InvalidPeriodError, match="end on or after"):
            Period(date(2025, 2, 1), date(2025, 1, 31))
        with pytest.raises(TypeError, match="must be a date"):
            Period(datetime(2025, 1, 1), date(2025, 1, 31))  # noqa: DTZ001
        assert isinstance(InvalidPeriodError("x", "y"), TthcError | ValueError)

    def test_months_and_membership(self) -> None:
        p = Period.parse("2024-12-15..2025-02-03")
        assert [str(m) for m in p.months()] == [
            "2024-12-15..2024-12-31",
            "2025-01",
            "2025-02-01..2025-02-03",
        ]
        assert date(2025, 2, 3) in p
        assert date(2025, 2, 4) not in p
        assert at(2025, 2, 3, 23) in p
        assert p.days == 17 + 31 + 3


# -- records -------------------------------------------------------------------------------------


class TestRecord:
    def test_naive_is_vietnam_time_and_aware_is_converted(self) -> None:
        from datetime import UTC

        r = Record(
            "A",
            datetime(2025, 3, 31, 20),  # noqa: DTZ001 - naive: read as Vietnam time
            Channel.ONLINE,
            due_at=datetime(2025, 3, 31, 16, 30, tzinfo=UTC),  # 23:30 in Vietnam
            completed_at=None,
            outcome="pending",
        )
        assert r.received_at == at(2025, 3, 31, 20)
        assert r.due_at is not None
        assert r.due_at.tzinfo is VIETNAM_TZ
        assert r.due_at.hour == 23

    def test_validation(self) -> None:
        with pytest.raises(RecordError, match="pending record has no completed_at"):
            rec(at(2025, 3, 3), due_at=None, done=at(2025, 3, 4), outcome=Outcome.PENDING)
        with pytest.raises(RecordError, match="before received_at"):
            rec(at(2025, 3, 3), due_at=None, done=at(2025, 3, 2))
        with pytest.raises(TypeError, match="received_at must be a datetime"):
            Record("A", date(2025, 3, 3), Channel.ONLINE, due_at=None, completed_at=None,
                   outcome="pending")  # fmt: skip
        with pytest.raises(RecordError, match="'done' is not an outcome"):
            Record("A", at(2025, 3, 3), Channel.ONLINE, due_at=None, completed_at=None,
                   outcome="done")  # fmt: skip

    def test_equality_ignores_nothing_visible(self) -> None:
        a = rec(at(2025, 3, 3), due_at=at(2025, 3, 10, 17))
        b = rec(at(2025, 3, 3), due_at=at(2025, 3, 10, 17))
        assert a == b
        assert hash(a) == hash(b)
        assert attrs.evolve(a, outcome=Outcome.RESOLVED, completed_at=at(2025, 3, 4)) != a


# -- Report06 ------------------------------------------------------------------------------------


class TestReport06:
    def test_identities_are_checked(self) -> None:
        good = Report06.from_parts(YEAR, received_online=3, resolved_early=2, pending_within=1)
        values = good.counts()
        for name, delta in (("received_total", 1), ("resolved_total", 1), ("pending_total", 1)):
            with pytest.raises(ReportIdentityError, match="identity"):
                Report06(YEAR, ReportPolicy(), **{**values, name: values[name] + delta})
        with pytest.raises(ReportIdentityError, match="negative"):
            Report06.from_parts(YEAR, received_online=-1, carried_over=1)
        with pytest.raises(ReportIdentityError, match=r"\(3\) = \(7\) \+ \(11\)"):
            Report06.from_parts(YEAR, received_online=3, resolved_early=3, withdrawn=1)
        assert issubclass(ReportIdentityError, ArithmeticError)

    def test_folded_exits_must_be_inside_resolved(self) -> None:
        portal = ReportPolicy.portal()
        ok = Report06.from_parts(YEAR, portal, received_online=2, resolved_late=2, withdrawn=1)
        assert ok.received_total == ok.resolved_total + ok.pending_total
        with pytest.raises(ReportIdentityError, match=r"withdrawn \+ returned <= \(7\)"):
            Report06.from_parts(YEAR, portal, received_online=1, resolved_late=1, withdrawn=1,
                                returned=1)  # fmt: skip
        thanh_hoa = ReportPolicy(withdrawn="on_time")
        with pytest.raises(ReportIdentityError, match=r"withdrawn <= \(9\)"):
            Report06.from_parts(YEAR, thanh_hoa, received_online=1, resolved_late=1, withdrawn=1)

    def test_add_needs_the_same_period_policy_and_as_of(self) -> None:
        a = Report06.from_parts(YEAR, received_online=1, pending_within=1)
        with pytest.raises(IncompatibleReportsError, match="same period"):
            a + Report06.empty(Period.parse("2024"))
        with pytest.raises(IncompatibleReportsError):
            a + Report06.empty(YEAR, ReportPolicy.portal())
        with pytest.raises(IncompatibleReportsError):
            a + Report06.empty(YEAR, as_of=date(2025, 6, 30))
        assert sum([a, a, a]) == Report06.from_parts(YEAR, received_online=3, pending_within=3)
        with pytest.raises(TypeError):
            a + 1

    def test_column_numbers(self) -> None:
        r = Report06.from_parts(YEAR, received_online=4, received_in_person=5, carried_over=6,
                                resolved_early=1, resolved_on_time=2, resolved_late=3,
                                pending_within=4, pending_overdue=5)  # fmt: skip
        assert [r.column(n) for n in range(3, 14)] == [15, 4, 5, 6, 6, 1, 2, 3, 9, 4, 5]
        with pytest.raises(UnknownCodeError):
            r.column(14)
        assert r.received_new == 9


# -- counting rules on small cases ----------------------------------------------------------------


class TestCounting:
    def test_carried_over_and_pending_across_months(self) -> None:
        r = rec(at(2025, 1, 30), due_at=at(2025, 2, 28, 17), done=at(2025, 3, 3))
        jan, feb, mar = (Period.month(2025, m) for m in (1, 2, 3))
        assert report06([r], jan).pending_within == 1
        assert report06([r], feb).carried_over == 1
        assert report06([r], feb).pending_within == 1
        m = report06([r], mar)
        assert (m.carried_over, m.resolved_late, m.pending_total) == (1, 1, 0)
        assert report06([r], Period.month(2025, 4)) == Report06.empty(Period.month(2025, 4))
        assert report06([r], Period.month(2024, 12)) == Report06.empty(Period.month(2024, 12))

    def test_due_on_the_last_day_is_within_by_day_and_overdue_by_timestamp(self) -> None:
        r = rec(at(2025, 3, 20), due_at=at(2025, 3, 31, 17))
        march = Period.parse("2025-03")
        assert report06([r], march).pending_within == 1
        ts = ReportPolicy(granularity=Granularity.TIMESTAMP)
        assert report06([r], march, policy=ts).pending_overdue == 1
        # as_of: judged earlier than the period's end.
        assert report06([r], march, policy=ts, as_of=at(2025, 3, 31, 16)).pending_within == 1
        assert report06([r], march, policy=ts, as_of=date(2025, 3, 30)).pending_within == 1
        late = report06([r], march, as_of=datetime(2025, 4, 1, 8))  # noqa: DTZ001
        assert late.pending_within == 1  # a later as_of changes nothing: judged at the end
        assert late.as_of == at(2025, 4, 1, 8)

    def test_completion_on_the_due_day(self) -> None:
        r = rec(at(2025, 3, 3), due_at=at(2025, 3, 10, 17), done=at(2025, 3, 10, 17, 30))
        march = Period.parse("2025-03")
        assert report06([r], march).resolved_on_time == 1
        ts = ReportPolicy(granularity="timestamp")
        assert report06([r], march, policy=ts).resolved_late == 1

    def test_no_time_limit_is_on_time_and_within(self) -> None:
        done = rec(at(2025, 1, 3), due_at=None, done=at(2025, 3, 10))
        pending = rec(at(2025, 1, 3), due_at=None)
        r = report06([done, pending], Period.parse("2025-03"))
        assert (r.resolved_on_time, r.pending_within, r.carried_over) == (1, 1, 2)

    @pytest.mark.parametrize(
        ("treatment", "column"),
        [
            (ExitTreatment.SEPARATE, None),
            (ExitTreatment.BY_TIMING, "resolved_late"),
            (ExitTreatment.ON_TIME, "resolved_on_time"),
        ],
    )
    def test_exit_treatments(self, treatment: ExitTreatment, column: str | None) -> None:
        march = Period.parse("2025-03")
        due_at, done = at(2025, 3, 10, 17), at(2025, 3, 12)  # a late exit
        records = [
            rec(at(2025, 3, 3), outcome=Outcome.WITHDRAWN, due_at=due_at, done=done),
            rec(at(2025, 3, 3), outcome=Outcome.RETURNED, due_at=due_at, done=done),
            rec(at(2025, 3, 3), outcome=Outcome.REFUSED, due_at=at(2025, 3, 10, 17),
                done=at(2025, 3, 5)),
        ]  # fmt: skip
        policy = ReportPolicy(withdrawn=treatment, returned=treatment)
        r = report06(records, march, policy=policy)
        assert (r.withdrawn, r.returned, r.resolved_early) == (1, 1, 1)
        if column is None:
            assert r.resolved_total == 1
            assert r.received_total == r.resolved_total + r.pending_total + 2
        else:
            assert r.resolved_total == 3
            assert getattr(r, column) == 2
            assert r.received_total == r.resolved_total + r.pending_total

    def test_grouping_keys(self) -> None:
        records = [
            Record("B", at(2025, 3, 3), Channel.ONLINE, due_at=None, completed_at=None,
                   outcome="pending", field="Hộ tịch", level="xã"),
            Record("A", at(2025, 3, 3), Channel.POSTAL, due_at=None, completed_at=None,
                   outcome="pending", field=None, level="xã"),
        ]  # fmt: skip
        q1 = Period.parse("2025-Q1")
        assert list(report06_by(records, q1, by=("agency",))) == [("A",), ("B",)]
        assert list(report06_by(records, q1, by=("field", "level"))) == [
            (None, "xã"),
            ("Hộ tịch", "xã"),
        ]
        by_channel = report06_by(records, q1, by="channel")
        assert list(by_channel) == [(Channel.ONLINE,), (Channel.POSTAL,)]
        assert by_channel[(Channel.POSTAL,)].received_in_person == 1
        months = report06_by(records, q1, by=("month", "agency"))
        assert list(months) == [(Period.month(2025, 3), "A"), (Period.month(2025, 3), "B")]
        assert list(report06_by(records, q1, by=())) == [()]
        with pytest.raises(UnknownCodeError, match="grouping keys"):
            report06_by(records, q1, by=("agencyy",))
        with pytest.raises(ValueError, match="repeat"):
            report06_by(records, q1, by=("agency", "agency"))
        with pytest.raises(TypeError, match="period must be a Period"):
            report06_by(records, "2025-Q1", by=())  # type: ignore[arg-type]

    def test_report_of_nothing_is_empty(self) -> None:
        assert report06([], YEAR) == Report06.empty(YEAR)
        assert report06_by([], YEAR) == {}


# -- agreement with tthc.deadlines.classify / standing --------------------------------------------

_limits = st.sampled_from(
    [TimeLimit.working_days(k) for k in (1, 3, 5, 10, 15)]
    + [TimeLimit.same_day(), TimeLimit.working_hours(4), TimeLimit.calendar_days(7)]
)
_instants_2025 = st.datetimes(datetime(2025, 1, 2), datetime(2025, 11, 28)).map(  # noqa: DTZ001
    lambda d: d.replace(tzinfo=VIETNAM_TZ)
)


@given(
    received=_instants_2025,
    limit=_limits,
    minutes=st.integers(0, 40 * 24 * 60),
    granularity=st.sampled_from(Granularity),
)
@example(
    received=at(2025, 3, 3), limit=TimeLimit.working_days(5), minutes=0,
    granularity=Granularity.DAY,
)  # fmt: skip
def test_classification_is_deadlines_classify(
    received: datetime, limit: TimeLimit, minutes: int, granularity: Granularity
) -> None:
    d = due(received, limit)
    done = received + timedelta(minutes=minutes)
    assume(done.year == 2025)
    r = rec(received, due_at=d.at, done=done)
    policy = ReportPolicy(granularity=granularity)
    month = Period.month(done.year, done.month)
    report = report06([r], month, policy=policy)
    expected = classify(done, d, granularity=granularity)
    got = {
        Timeliness.EARLY: report.resolved_early,
        Timeliness.ON_TIME: report.resolved_on_time,
        Timeliness.LATE: report.resolved_late,
    }
    assert got[expected] == 1
    assert report.resolved_total == 1
    # Pending at the end of the receipt month: standing() at the end of that period.
    still = rec(received, due_at=d.at)
    rmonth = Period.month(received.year, received.month)
    pending = report06([still], rmonth, policy=policy)
    judge: date | datetime = rmonth.end
    if granularity == Granularity.TIMESTAMP:
        judge = datetime.combine(rmonth.end + timedelta(days=1), time(), VIETNAM_TZ)
    if standing(d, judge, granularity=granularity) is Timeliness.WITHIN:
        assert pending.pending_within == 1
    else:
        assert pending.pending_overdue == 1


# -- properties on generated record sets ---------------------------------------------------------

_AGENCIES = ("Sở Tư pháp", "UBND xã A", "UBND xã B")


@st.composite
def records(draw: st.DrawFn) -> Record:
    received = draw(
        st.datetimes(datetime(2024, 11, 1), datetime(2025, 12, 31, 23, 59)).map(  # noqa: DTZ001
            lambda d: d.replace(tzinfo=VIETNAM_TZ)
        )
    )
    due_at = draw(st.none() | st.integers(0, 50 * 24).map(lambda h: received + timedelta(hours=h)))
    outcome = draw(st.sampled_from(Outcome))
    done = None
    if outcome is not Outcome.PENDING:
        done = received + timedelta(minutes=draw(st.integers(0, 80 * 24 * 60)))
    return Record(
        draw(st.sampled_from(_AGENCIES)),
        received,
        draw(st.sampled_from(Channel)),
        due_at=due_at,
        completed_at=done,
        outcome=outcome,
        field=draw(st.sampled_from((None, "Hộ tịch", "Đất đai"))),
    )


record_lists = st.lists(records(), max_size=40)
policies = st.builds(
    ReportPolicy,
    granularity=st.sampled_from(Granularity),
    withdrawn=st.sampled_from(ExitTreatment),
    returned=st.sampled_from(ExitTreatment),
)
periods = st.sampled_from(
    [
        Period.parse(t)
        for t in ("2025", "2025-Q1", "2025-03", "2025-9M", "2025-H2", "2025-01-10..2025-02-20")
    ]
)

_REPORT_RATES = [
    on_time_rate_resolved_basis,
    on_time_rate_due_basis,
    on_time_rate_766_progress,
    on_time_rate_handled_basis,
    overdue_rate_handled,
    resolved_early_share,
    resolved_on_time_share,
    resolved_late_share,
    resolution_rate,
    overdue_share_of_pending,
]


def _check_identities(r: Report06) -> None:
    assert r.received_total == r.received_online + r.received_in_person + r.carried_over
    assert r.resolved_total == r.resolved_early + r.resolved_on_time + r.resolved_late
    assert r.pending_total == r.pending_within + r.pending_overdue
    apart = sum(getattr(r, n) for n in r.policy.separate_exits)
    assert r.received_total == r.resolved_total + r.pending_total + apart


class TestProperties:
    @given(rs=record_lists, period=periods, policy=policies)
    def test_identities_and_rates_in_unit_interval(
        self, rs: list[Record], period: Period, policy: ReportPolicy
    ) -> None:
        r = report06(rs, period, policy=policy)
        _check_identities(r)
        for fn in _REPORT_RATES:
            v = fn(r)
            assert v is None or 0 <= v <= 1, fn.__name__

    @given(rs=record_lists, period=periods, policy=policies, seed=st.integers(0, 2**32))
    def test_invariant_under_permutation(
        self, rs: list[Record], period: Period, policy: ReportPolicy, seed: int
    ) -> None:
        shuffled = list(rs)
        random.Random(seed).shuffle(shuffled)
        assert report06(shuffled, period, policy=policy) == report06(rs, period, policy=policy)
        by = ("agency", "month")
        assert report06_by(shuffled, period, by, policy=policy) == report06_by(
            rs, period, by, policy=policy
        )

    @given(a=record_lists, b=record_lists, c=record_lists, period=periods, policy=policies)
    def test_addition_is_the_report_of_the_union(
        self,
        a: list[Record],
        b: list[Record],
        c: list[Record],
        period: Period,
        policy: ReportPolicy,
    ) -> None:
        ra, rb, rc = (report06(x, period, policy=policy) for x in (a, b, c))
        assert ra + rb == report06(a + b, period, policy=policy)
        assert ra + rb == rb + ra
        assert (ra + rb) + rc == ra + (rb + rc)
        empty = Report06.empty(period, policy)
        assert ra + empty == ra == empty + ra

    @given(rs=record_lists, policy=policies, as_of=st.none() | st.dates(date(2025, 1, 1), date(2026, 1, 31)))  # fmt: skip
    def test_groups_equal_reports_of_their_records(
        self, rs: list[Record], policy: ReportPolicy, as_of: date | None
    ) -> None:
        period = Period.parse("2024-12-15..2025-12-20")
        groups = report06_by(rs, period, ("agency", "month"), policy=policy, as_of=as_of)
        for (agency, month), rep in groups.items():
            mine = [r for r in rs if r.agency == agency]
            assert rep == report06(mine, month, policy=policy, as_of=as_of)
        by_agency = report06_by(rs, period, ("agency",), policy=policy, as_of=as_of)
        total = report06(rs, period, policy=policy, as_of=as_of)
        assert sum(by_agency.values(), Report06.empty(period, policy, as_of=as_of)) == total

    @given(rs=record_lists, policy=policies, split=st.dates(date(2025, 1, 1), date(2025, 12, 30)))
    def test_carry_over_continuity(
        self, rs: list[Record], policy: ReportPolicy, split: date
    ) -> None:
        before = Period(date(2024, 12, 1), split)
        after = Period(split + timedelta(days=1), date(2025, 12, 31))
        assert (
            report06(rs, after, policy=policy).carried_over
            == report06(rs, before, policy=policy).pending_total
        )
        months = report06_by(rs, YEAR, ("month",), policy=policy)
        reports = [months.get((m,), Report06.empty(m, policy)) for m in YEAR.months()]
        for prev, nxt in itertools.pairwise(reports):
            assert nxt.carried_over == prev.pending_total

    @given(rs=record_lists, policy=policies)
    def test_new_receipts_add_up_over_months(self, rs: list[Record], policy: ReportPolicy) -> None:
        months = report06_by(rs, YEAR, ("month",), policy=policy)
        whole = report06(rs, YEAR, policy=policy)
        assert sum(r.received_new for r in months.values()) == whole.received_new
        assert sum(r.resolved_total for r in months.values()) == whole.resolved_total
        assert sum(r.withdrawn for r in months.values()) == whole.withdrawn


# -- from dossiers -------------------------------------------------------------------------------


class TestRecordOf:
    def _received(self, code: str, limit: TimeLimit | None = None) -> Dossier:
        d = submit(code, agency="UBND xã A", channel=Channel.ONLINE, at=at(2025, 3, 3, 8),
                   procedure_code="1.004227", field="Hộ tịch")  # fmt: skip
        return receive(d, at(2025, 3, 3, 9), procedure=limit or TimeLimit.working_days(10))

    def test_resolved_dossier(self) -> None:
        d = apply(self._received("H-1"), Event(Action.RESULT, at(2025, 3, 14, 10)))
        d = apply(d, Event(Action.RETURN, at(2025, 3, 20, 10)))
        r = kpi.record_of(d)
        assert r is not None
        assert (r.outcome, r.completed_at, r.due_at) == (
            Outcome.RESOLVED,
            at(2025, 3, 14, 10),  # result ready, not handed over
            at(2025, 3, 17, 17),
        )
        assert (r.agency, r.channel, r.procedure, r.field, r.code) == (
            "UBND xã A", Channel.ONLINE, "1.004227", "Hộ tịch", "H-1",
        )  # fmt: skip
        rep = report06([r], Period.parse("2025-03"))
        assert (rep.received_online, rep.resolved_early) == (1, 1)
        assert d.timeliness is Timeliness.EARLY  # the lifecycle agrees

    def test_withdrawn_refused_pending_and_never_received(self) -> None:
        w = apply(self._received("H-2"), Event(Action.WITHDRAW, at(2025, 3, 5, 10)))
        rw = kpi.record_of(w)
        assert rw is not None
        assert (rw.outcome, rw.completed_at) == (Outcome.WITHDRAWN, at(2025, 3, 5, 10))
        f = apply(self._received("H-3"), Event(Action.REFUSE, at(2025, 3, 18, 10)))
        rf = kpi.record_of(f)
        assert rf is not None
        assert rf.outcome is Outcome.REFUSED
        rp = kpi.record_of(self._received("H-4"))
        assert rp is not None
        assert (rp.outcome, rp.completed_at) == (Outcome.PENDING, None)
        fresh = submit("H-5", agency="UBND xã A", channel=Channel.POSTAL, at=at(2025, 3, 3))
        assert kpi.record_of(fresh) is None
        rep = report06([rw, rf, rp], Period.parse("2025-03"))
        assert (rep.withdrawn, rep.resolved_late, rep.pending_overdue) == (1, 1, 1)


# -- the month split is bounded ------------------------------------------------------------------


def _pending_since_1995() -> list[Record]:
    return [
        Record(
            f"A{k}",
            datetime(1995, 1, 2, 9, tzinfo=VIETNAM_TZ),
            Channel.ONLINE,
            due_at=datetime(1995, 1, 9, 17, tzinfo=VIETNAM_TZ),
            completed_at=None,
            outcome=Outcome.PENDING,
        )
        for k in range(3)
    ]


def test_month_split_of_a_long_period_is_refused_not_unbounded() -> None:
    # Issue 14: 0001-01-01..9999-12-31 by agency x month built one report per pending
    # dossier per month (120,000 each). The split is bounded by MAX_REPORT_MONTHS, so even
    # 1995-2100, the years tthc supports, is too long to split by month.
    records = _pending_since_1995()
    huge = Period(date(1995, 1, 1), date(2100, 12, 31))
    assert huge.month_count == 1272 == len(huge.months())
    with pytest.raises(InvalidPeriodError, match="at most 1200 months when grouped by month"):
        report06_by(records, huge)
    (only,) = report06_by(records, huge, by=()).values()  # without the split: one report
    assert (only.received_online, only.pending_overdue) == (3, 3)
    longest = Period(date(1995, 1, 1), date(2094, 12, 31))
    assert longest.month_count == kpi.MAX_REPORT_MONTHS == 1200
    groups = report06_by(records, longest)
    assert len(groups) == 3 * 1200  # every agency, every month it stays pending
    with pytest.raises(InvalidPeriodError):
        report06_by(records, Period(date(1995, 1, 1), date(2095, 1, 1)))


def test_frame_month_split_has_the_same_bound() -> None:
    pd = pytest.importorskip("pandas")
    from tthc import frame

    df = pd.DataFrame(
        {
            "agency": ["A"],
            "received_at": [datetime(1995, 1, 2, 9, tzinfo=VIETNAM_TZ)],
            "channel": ["2"],
            "due_at": [datetime(1995, 1, 9, 17, tzinfo=VIETNAM_TZ)],
            "completed_at": [None],
        }
    )
    with pytest.raises(InvalidPeriodError, match="at most 1200 months"):
        frame.report06_by(df, Period(date(1995, 1, 1), date(2100, 12, 31)))
    assert len(frame.report06_by(df, Period(date(1995, 1, 1), date(1995, 12, 31))).report) == 12


# -- duties measured by a rate, by receipt date (issue 12) --------------------------------------------


def test_scanning_at_receipt_cites_the_regime_of_receipt() -> None:
    from datetime import date as _date

    old = kpi.duty_sources("digitisation_rate_at_reception", as_of=_date(2025, 6, 30))
    new = kpi.duty_sources("digitisation_rate_at_reception", as_of=_date(2025, 7, 1))
    assert [s.number for s in old] == ["107/2021/NĐ-CP", "01/2023/TT-VPCP"]
    assert [(s.number, s.provision) for s in new] == [
        ("118/2025/NĐ-CP", "Điều 17 khoản 1 điểm c"),
        ("03/2025/TT-VPCP", "Điều 5"),
    ]
    with pytest.raises(UnknownCodeError):
        kpi.duty_sources("on_time_rate_766_progress", as_of=_date(2025, 7, 1))


def test_result_digitisation_no_longer_cites_the_scanning_article() -> None:
    (source,) = [row[3] for row in RATE_DEFINITIONS if row[0] == "result_digitisation_rate"]
    assert source.number == "01/2023/TT-VPCP"
    assert source.provision != "Điều 8"  # Điều 8 is the scanning of paper dossier parts
