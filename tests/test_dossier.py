"""Tests of the dossier lifecycle: the table, apply/replay, the clocks, exchange and documents.

Expected values come from legal-rules.md (§1.6, §3.2, §4.3, §9: T6, T7, T9, T13) and from the
calendar of 2025 (no holiday in March 2025), never from the code under test.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from fractions import Fraction
from typing import cast

import attrs
import pytest

from tthc._data import lifecycle as table
from tthc.calendar import VIETNAM_TZ
from tthc.catalog import Channel
from tthc.deadlines import DuePolicy, Granularity, TimeLimit, Timeliness
from tthc.dossier import (
    Action,
    ApologyReading,
    Dossier,
    Event,
    ExtensionLimit,
    InvalidTransitionError,
    NationalStatus,
    Policy,
    Regime,
    ReturnMethod,
    Status,
    SupplementMode,
    apology_letter,
    apply,
    format_instant_vi,
    from_json,
    from_sync_payload,
    read_progress_rows,
    receipt_slip,
    receive,
    replay,
    state_diagram,
    submit,
    to_json,
    to_progress_rows,
    to_sync_payload,
    transitions,
)
from tthc.errors import (
    ApologyRefusedError,
    EventOrderError,
    RecordError,
    TthcError,
)
from tthc.legal import LegalSource


def at(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=VIETNAM_TZ)


def received(
    when: datetime,
    limit: TimeLimit,
    *,
    policy: Policy | None = None,
    channel: Channel = Channel.IN_PERSON,
    agency: str = "UBND xã Đông Hòa",
) -> Dossier:
    d = submit("000.00.31.H12-250303-0001", agency=agency, channel=channel, at=when, policy=policy)
    return apply(d, Event(Action.RECEIVE, when, limit=limit))


def go(d: Dossier, *events: Event) -> Dossier:
    for e in events:
        d = apply(d, e)
    return d


# -- the table -------------------------------------------------------------------------------------


def test_every_row_cites_a_legal_source() -> None:
    for name in table.__all__:
        value = getattr(table, name)
        if isinstance(value, tuple):
            for row in value:
                assert isinstance(row.source, LegalSource), (name, row)
                assert row.source.number


def test_the_regime_is_chosen_by_the_receipt_date() -> None:
    assert Regime.at(date(2025, 6, 30)) is Regime.ND61_2018
    assert Regime.at(date(2025, 7, 1)) is Regime.ND118_2025
    assert Regime.ND118_2025.source.number == "118/2025/NĐ-CP"
    assert Regime.ND61_2018.forms.number == "01/2018/TT-VPCP"
    with pytest.raises(ValueError, match="no one-stop regime before 2018-06-21"):
        Regime.at(date(2018, 1, 1))


def test_submitted_before_and_received_after_the_switch_takes_the_new_regime() -> None:
    d = submit("X", agency="A", channel=Channel.ONLINE, at=at(2025, 6, 30, 20))
    assert d.regime is Regime.ND61_2018
    d = apply(d, Event(Action.RECEIVE, at(2025, 7, 1, 8), limit=TimeLimit.working_days(3)))
    assert d.regime is Regime.ND118_2025
    assert d.form_of(d.events[1]) == "Mẫu 01"


@pytest.mark.parametrize("regime", list(Regime))
def test_the_machine_is_well_formed(regime: Regime) -> None:
    rows = transitions(regime)
    initial = [t for t in rows if t.from_status is None]
    assert [t.to_status for t in initial] == [Status.NEW]
    finals = {s for s in Status if s.final}
    assert finals == {
        Status.NOT_RECEIVED,
        Status.REFUSED_AT_RECEIPT,
        Status.RETURNED,
        Status.REFUSED,
        Status.WITHDRAWN,
    }
    assert not [t for t in rows if t.from_status in finals]
    assert {t.to_status for t in rows} | {Status.NEW} == set(Status)


def test_withdrawal_form_differs_between_regimes() -> None:
    old = {t.action: t.form for t in transitions(Regime.ND61_2018)}
    new = {t.action: t.form for t in transitions(Regime.ND118_2025)}
    assert old[Action.WITHDRAW] is None
    assert new[Action.WITHDRAW] == "Mẫu 05"
    assert old[Action.TRANSFER] == "Mẫu 05"  # phiếu kiểm soát under Thông tư 01/2018
    assert new[Action.TRANSFER] == "Mẫu 06"  # under Thông tư 03/2025


def test_state_diagram_lists_every_row_and_every_final() -> None:
    text = state_diagram(Regime.ND61_2018)
    assert text.startswith("stateDiagram-v2\n")
    assert "    [*] --> new: submit" in text
    assert "    result_ready --> returned: return (Mẫu 06)" in text
    assert "    processing --> processing: transfer (Mẫu 05), apologise (Mẫu 04)" in text
    for s in ("not_received", "refused_at_receipt", "returned", "refused", "withdrawn"):
        assert f"    {s} --> [*]" in text


# -- national status codes ---------------------------------------------------------------------------


def test_national_mapping_both_ways() -> None:
    assert [int(s.national) for s in Status] == [1, 3, 3, 4, 5, 6, 8, 9, 10, 9, 7]
    assert [NationalStatus(i).status.value for i in range(1, 11)] == [
        "new",
        "processing",
        "refused_at_receipt",
        "processing",
        "awaiting_supplement",
        "awaiting_obligation",
        "withdrawn",
        "suspended",
        "result_ready",
        "returned",
    ]
    assert NationalStatus.FINANCIAL_OBLIGATION.label == "Yêu cầu thực hiện nghĩa vụ tài chính"
    # Lossless where the mapping is one to one:
    for s in Status:
        if s not in (Status.NOT_RECEIVED, Status.REFUSED):
            assert s.national.status is s


def test_received_reports_2_then_4() -> None:
    d = received(at(2025, 3, 3, 9), TimeLimit.working_days(10))
    assert d.national_status is NationalStatus.RECEIVED
    d = apply(
        d,
        Event(
            Action.TRANSFER,
            at(2025, 3, 3, 10),
            agency="Phòng TN&MT",
            limit=TimeLimit.working_days(3),
        ),
    )
    assert d.national_status is NationalStatus.PROCESSING


# -- events and apply --------------------------------------------------------------------------------


def test_naive_and_missing_payload_are_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        Event(Action.RESULT, datetime(2025, 3, 3, 9))  # noqa: DTZ001
    with pytest.raises(TypeError, match="timezone-aware datetime"):
        Event(Action.RESULT, date(2025, 3, 3))  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="transfer event needs agency"):
        Event(Action.TRANSFER, at(2025, 3, 3, 9), limit=TimeLimit.working_days(1))
    with pytest.raises(ValueError, match="receive event needs limit"):
        Event(Action.RECEIVE, at(2025, 3, 3, 9))
    with pytest.raises(ValueError, match="apologise event needs until"):
        Event(Action.APOLOGISE, at(2025, 3, 3, 9))
    assert Event("result", at(2025, 3, 3, 9)).action is Action.RESULT


def test_invalid_transition_names_everything() -> None:
    d = received(at(2025, 3, 3, 9), TimeLimit.working_days(10))
    with pytest.raises(InvalidTransitionError) as info:
        apply(d, Event(Action.RETURN, at(2025, 3, 4, 9)))
    err = info.value
    assert isinstance(err, TthcError)
    assert isinstance(err, ValueError)
    assert err.dossier == d.code
    assert err.status is Status.PROCESSING
    assert err.event is Action.RETURN
    allowed = cast("tuple[Action, ...]", err.allowed)
    assert Action.RESULT in allowed
    assert Action.RETURN not in allowed
    assert "is processing: return is not allowed" in str(err)


def test_the_stable_public_names_of_issue_5() -> None:
    import tthc
    import tthc.dossier
    import tthc.errors

    assert tthc.InvalidTransitionError is tthc.dossier.InvalidTransitionError
    assert tthc.dossier.InvalidTransitionError is tthc.errors.InvalidTransitionError
    for name in ("Dossier", "Status", "NationalStatus", "apply", "replay"):
        assert name in tthc.dossier.__all__
    assert [int(c) for c in NationalStatus] == list(range(1, 11))


def test_final_statuses_allow_nothing() -> None:
    d = submit("X", agency="A", channel=Channel.IN_PERSON, at=at(2025, 3, 3, 9))
    d = apply(d, Event(Action.GUIDE, at(2025, 3, 3, 9, 5), reason="thiếu tờ khai"))
    assert d.status is Status.NOT_RECEIVED
    assert d.received_at is None
    assert d.allowed == ()
    with pytest.raises(InvalidTransitionError, match=r"allowed: none \(final status\)"):
        apply(d, Event(Action.RECEIVE, at(2025, 3, 3, 10), limit=TimeLimit.working_days(1)))


def test_refused_at_receipt_never_starts_the_clock() -> None:
    d = submit("X", agency="A", channel=Channel.ONLINE, at=at(2025, 3, 3, 9))
    d = apply(
        d, Event(Action.REFUSE_AT_RECEIPT, at(2025, 3, 4, 9), reason="không thuộc thẩm quyền")
    )
    assert (d.status, d.received_at, d.due, d.statistical_due_at) == (
        Status.REFUSED_AT_RECEIPT,
        None,
        None,
        None,
    )
    assert d.national_status is NationalStatus.NOT_RECEIVED


def test_instants_never_go_backwards() -> None:
    d = received(at(2025, 3, 3, 9), TimeLimit.working_days(10))
    with pytest.raises(EventOrderError) as info:
        apply(d, Event(Action.RESULT, at(2025, 3, 3, 8, 59)))
    assert info.value.at == at(2025, 3, 3, 8, 59)
    assert info.value.last == "receive"
    # The same instant is not backwards; nor is an equal instant in another zone.
    same = datetime(2025, 3, 3, 2, tzinfo=UTC)
    assert apply(d, Event(Action.RESULT, same)).completed_at == same


def test_apply_returns_a_new_value_and_leaves_the_old_one() -> None:
    d = received(at(2025, 3, 3, 9), TimeLimit.working_days(10))
    e = apply(d, Event(Action.RESULT, at(2025, 3, 5, 9)))
    assert d.status is Status.PROCESSING
    assert len(d.events) == 2
    assert len(e.events) == 3
    assert e == attrs.evolve(
        d,
        status=Status.RESULT_READY,
        completed_at=at(2025, 3, 5, 9),
        timeliness=Timeliness.EARLY,
        events=(*d.events, Event(Action.RESULT, at(2025, 3, 5, 9))),
    )
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        e.status = Status.NEW  # type: ignore[misc]


def test_replay_rebuilds_the_dossier() -> None:
    d = received(at(2025, 3, 3, 9), TimeLimit.working_days(10))
    d = go(
        d,
        Event(Action.REQUEST_SUPPLEMENT, at(2025, 3, 5, 9)),
        Event(Action.RECEIVE_SUPPLEMENT, at(2025, 3, 6, 9)),
        Event(Action.RESULT, at(2025, 3, 12, 9)),
        Event(Action.RETURN, at(2025, 3, 13, 9), method=ReturnMethod.POSTAL),
    )
    assert replay(d.events) == d
    with pytest.raises(ValueError, match="starts with a submit event"):
        replay(d.events[1:])


def test_receive_takes_a_procedure_with_time_limit() -> None:
    class Procedure:
        def time_limit(self, channel: Channel) -> TimeLimit:
            return TimeLimit.working_days(3 if channel is Channel.ONLINE else 5)

    d = submit("X", agency="A", channel=Channel.ONLINE, at=at(2025, 3, 3, 9))
    d = receive(d, at(2025, 3, 3, 9), procedure=Procedure())
    assert d.limit == TimeLimit.working_days(3)
    assert d.due is not None
    assert d.due.date == date(2025, 3, 6)


def test_no_time_limit_gives_no_due() -> None:
    d = received(at(2025, 3, 3, 9), TimeLimit.no_limit())
    assert (d.due, d.statistical_due_at) == (None, None)
    d = apply(d, Event(Action.RESULT, at(2025, 6, 3, 9)))
    assert d.timeliness is None
    with pytest.raises(ApologyRefusedError, match="no due date"):
        apply(
            received(at(2025, 3, 3, 9), TimeLimit.no_limit()),
            Event(Action.APOLOGISE, at(2025, 3, 4, 9), until=at(2025, 3, 9, 9)),
        )


# -- worked scenarios ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("minute", "due_day"),
    [(59, date(2025, 9, 4)), (61, date(2025, 9, 5))],
    ids=["14:59-same-day", "15:01-next-day"],
)
def test_chung_thuc_cutoff_t7(minute: int, due_day: date) -> None:
    """legal-rules.md T7: chứng thực received Thu 04/09/2025 14:59 -> same day; 15:01 -> Fri."""
    when = at(2025, 9, 4, 14, 0) + timedelta(minutes=minute)
    d = received(when, TimeLimit.certification())
    assert d.due is not None
    assert d.due.date == due_day
    assert d.statistical_due_at == datetime(
        due_day.year, due_day.month, due_day.day, 17, tzinfo=VIETNAM_TZ
    )
    done = apply(d, Event(Action.RESULT, at(2025, 9, 5, 10)))
    assert done.timeliness is (Timeliness.ON_TIME if minute == 61 else Timeliness.LATE)


def test_land_dossier_with_a_financial_obligation_pause() -> None:
    """10 wd received Mon 03/03/2025 -> Mon 17/03; obligation 05/03 10:00..07/03 16:00
    excludes 2 working days -> Wed 19/03 (legal-rules.md §4.3)."""
    d = received(at(2025, 3, 3, 9), TimeLimit.working_days(10), agency="VPĐK đất đai")
    assert d.due is not None
    assert d.due.date == date(2025, 3, 17)
    d = apply(d, Event(Action.REQUEST_OBLIGATION, at(2025, 3, 5, 10), reason="lệ phí trước bạ"))
    assert d.status is Status.AWAITING_OBLIGATION
    assert d.national_status is NationalStatus.FINANCIAL_OBLIGATION
    assert d.paused_at == at(2025, 3, 5, 10)
    d = apply(d, Event(Action.FULFIL_OBLIGATION, at(2025, 3, 7, 16)))
    assert d.due is not None
    assert d.due.date == date(2025, 3, 19)
    assert d.statistical_due_at == at(2025, 3, 19, 17)
    assert d.excluded == ((at(2025, 3, 5, 10), at(2025, 3, 7, 16), "nghĩa vụ tài chính"),)
    done = apply(d, Event(Action.RESULT, at(2025, 3, 19, 16)))
    assert done.timeliness is Timeliness.ON_TIME  # late without the excluded time


def test_pauses_accumulate() -> None:
    d = received(at(2025, 3, 3, 9), TimeLimit.working_days(10))
    d = go(
        d,
        Event(Action.REQUEST_OBLIGATION, at(2025, 3, 4, 9)),
        Event(Action.FULFIL_OBLIGATION, at(2025, 3, 5, 9)),  # 1 working day
        Event(Action.SUSPEND, at(2025, 3, 6, 9), basis="chờ giám định (Điều 22)"),
        Event(Action.RESUME, at(2025, 3, 10, 9)),  # Thu -> Mon: 2 working days
    )
    assert d.due is not None
    assert d.due.date == date(2025, 3, 20)  # 17/03 + 3 working days
    assert [r for _, _, r in d.excluded] == ["nghĩa vụ tài chính", "chờ giám định (Điều 22)"]


def test_supplement_restart_t13() -> None:
    """legal-rules.md T13: 10 wd from Mon 03/03/2025 09:00 (reading B); supplement back
    Mon 10/03/2025 14:00; restart -> Mon 24/03/2025 14:00."""
    policy = Policy(due_policy=DuePolicy.WORKING_TIME)
    d = received(at(2025, 3, 3, 9), TimeLimit.working_days(10), policy=policy)
    assert d.statistical_due_at == at(2025, 3, 17, 9)  # T9 reading B
    d = apply(d, Event(Action.REQUEST_SUPPLEMENT, at(2025, 3, 5, 9), reason="thiếu bản vẽ"))
    assert d.status is Status.AWAITING_SUPPLEMENT
    assert (d.supplement_requests, d.repeated_supplement) == (1, False)
    d = apply(d, Event(Action.RECEIVE_SUPPLEMENT, at(2025, 3, 10, 14)))
    assert d.statistical_due_at == at(2025, 3, 24, 14)
    (r,) = d.supplements
    assert (r.due_before, r.due_after) == (at(2025, 3, 17, 9), at(2025, 3, 24, 14))
    # A second request is recorded and flagged.
    d = go(
        d,
        Event(Action.REQUEST_SUPPLEMENT, at(2025, 3, 11, 9)),
        Event(Action.RECEIVE_SUPPLEMENT, at(2025, 3, 12, 9)),
    )
    assert (d.supplement_requests, d.repeated_supplement) == (2, True)


def test_supplement_as_a_pause_by_policy() -> None:
    policy = Policy(supplement=SupplementMode.PAUSE)
    d = received(at(2025, 3, 3, 9), TimeLimit.working_days(10), policy=policy)
    d = go(
        d,
        Event(Action.REQUEST_SUPPLEMENT, at(2025, 3, 5, 9)),
        Event(Action.RECEIVE_SUPPLEMENT, at(2025, 3, 10, 14)),  # Wed -> Mon: 3 working days
    )
    assert d.due is not None
    assert d.due.date == date(2025, 3, 20)


def _late(d: Dossier) -> Dossier:
    return apply(d, Event(Action.RESULT, at(2025, 5, 8, 10)))


def test_apology_sent_too_late_t9() -> None:
    """Due Mon 05/05/2025 (5 wd from Thu 24/04, T3); apology deadline Tue 29/04 (working-day
    reading) or Sun 04/05 (calendar reading) (T9)."""
    d = received(at(2025, 4, 24, 9), TimeLimit.working_days(5))
    assert d.statistical_due_at == at(2025, 5, 5, 17)
    late = apply(
        d,
        Event(Action.APOLOGISE, at(2025, 5, 5, 9), reason="chờ ý kiến", until=at(2025, 5, 9, 17)),
    )
    assert late.apologised
    assert late.apology_in_time is False
    assert late.apology is not None
    assert (late.apology.in_time_working_day, late.apology.in_time_calendar_day) == (False, False)
    assert late.new_appointment_at == at(2025, 5, 9, 17)
    assert late.statistical_due_at == at(2025, 5, 5, 17)  # statistics keep the original (§4.3)
    done = _late(late)
    assert done.timeliness is Timeliness.LATE
    assert not done.late_without_apology


def test_apology_readings_differ_on_saturday_3_may_2025() -> None:
    d = received(at(2025, 4, 24, 9), TimeLimit.working_days(5))
    e = Event(Action.APOLOGISE, at(2025, 5, 3, 9), until=at(2025, 5, 9, 17))
    strict = apply(d, e)
    assert strict.apology is not None
    assert (strict.apology.in_time_working_day, strict.apology.in_time_calendar_day) == (
        False,
        True,
    )
    assert strict.apology_in_time is False
    lenient = received(
        at(2025, 4, 24, 9),
        TimeLimit.working_days(5),
        policy=Policy(apology_reading=ApologyReading.CALENDAR_DAY),
    )
    assert apply(lenient, e).apology_in_time is True
    on_time = apply(d, Event(Action.APOLOGISE, at(2025, 4, 29, 16), until=at(2025, 5, 9, 17)))
    assert on_time.apology_in_time is True


def test_only_one_apology() -> None:
    d = received(at(2025, 4, 24, 9), TimeLimit.working_days(5))
    d = apply(d, Event(Action.APOLOGISE, at(2025, 4, 29, 9), until=at(2025, 5, 9, 17)))
    with pytest.raises(ApologyRefusedError) as info:
        apply(d, Event(Action.APOLOGISE, at(2025, 5, 6, 9), until=at(2025, 5, 15, 17)))
    assert isinstance(info.value, InvalidTransitionError)
    assert "already sent on 2025-04-29T09:00:00+07:00; only one is allowed" in str(info.value)
    with pytest.raises(ApologyRefusedError, match="is not after the current due"):
        apply(
            received(at(2025, 4, 24, 9), TimeLimit.working_days(5)),
            Event(Action.APOLOGISE, at(2025, 4, 29, 9), until=at(2025, 5, 5, 17)),
        )


def test_late_without_apology_is_flagged() -> None:
    d = _late(received(at(2025, 4, 24, 9), TimeLimit.working_days(5)))
    assert d.timeliness is Timeliness.LATE
    assert d.late_without_apology
    assert d.apology_in_time is None


def _lien_thong(commune_done: datetime, city_done: datetime, result: datetime) -> Dossier:
    """Commune step 3 wd, city step 5 wd, province step 5 wd; total 15 wd from Mon 03/03."""
    d = received(at(2025, 3, 3, 9), TimeLimit.working_days(15), agency="UBND xã Đông Hòa")
    return go(
        d,
        Event(
            Action.TRANSFER,
            at(2025, 3, 3, 9),
            agency="UBND xã Đông Hòa",
            limit=TimeLimit.working_days(3),
        ),
        Event(
            Action.TRANSFER,
            commune_done,
            agency="UBND thành phố Dĩ An",
            limit=TimeLimit.working_days(5),
        ),
        Event(Action.TRANSFER, city_done, agency="Sở TN&MT", limit=TimeLimit.working_days(5)),
        Event(Action.RESULT, result),
    )


def test_lien_thong_late_at_the_city_on_time_at_the_commune() -> None:
    d = _lien_thong(at(2025, 3, 5, 10), at(2025, 3, 14, 9), at(2025, 3, 21, 10))
    commune, city, province = d.steps
    assert commune.due.date == date(2025, 3, 6)  # 3 wd from Mon 03/03
    assert city.due.date == date(2025, 3, 12)  # 5 wd from Wed 05/03
    assert province.due.date == date(2025, 3, 21)  # 5 wd from Fri 14/03
    assert [s.timeliness for s in d.steps] == [
        Timeliness.EARLY,
        Timeliness.LATE,
        Timeliness.ON_TIME,
    ]
    assert d.late_agencies == ("UBND thành phố Dĩ An",)
    assert d.timeliness is Timeliness.EARLY  # the dossier itself (due 24/03) was not late


def test_lien_thong_late_at_the_commune_on_time_at_the_city() -> None:
    d = _lien_thong(at(2025, 3, 7, 10), at(2025, 3, 13, 9), at(2025, 3, 20, 10))
    commune, city, province = d.steps
    assert commune.due.date == date(2025, 3, 6)
    assert city.due.date == date(2025, 3, 14)  # 5 wd from Fri 07/03
    assert province.due.date == date(2025, 3, 20)  # 5 wd from Thu 13/03
    assert [s.timeliness for s in d.steps] == [
        Timeliness.LATE,
        Timeliness.EARLY,
        Timeliness.ON_TIME,
    ]
    assert d.late_agencies == ("UBND xã Đông Hòa",)


@pytest.mark.parametrize(
    ("commune_done", "city_done", "result", "late"),
    [
        # Commune early (due Thu 06/03); city due Wed 12/03, done Tue 18/03; province due
        # Tue 25/03 (5 wd from 18/03), done that day: on time.
        (at(2025, 3, 5, 10), at(2025, 3, 18, 9), at(2025, 3, 25, 10), "UBND thành phố Dĩ An"),
        # Commune done Wed 12/03 (due 06/03); city due Wed 19/03, done that day; province due
        # Wed 26/03, done that day.
        (at(2025, 3, 12, 10), at(2025, 3, 19, 9), at(2025, 3, 26, 10), "UBND xã Đông Hòa"),
    ],
    ids=["city-late", "commune-late"],
)
def test_lien_thong_two_late_dossiers_are_told_apart(
    commune_done: datetime, city_done: datetime, result: datetime, late: str
) -> None:
    """Both dossiers miss the whole procedure's due (15 wd from Mon 03/03/2025: Mon 24/03);
    the lateness is attributed to the one agency whose step overran (legal-rules.md §6)."""
    d = _lien_thong(commune_done, city_done, result)
    assert d.statistical_due_at == at(2025, 3, 24, 17)
    assert d.timeliness is Timeliness.LATE
    assert d.late_agencies == (late,)
    assert [s.timeliness is Timeliness.LATE for s in d.steps].count(True) == 1


def test_completion_is_result_ready_hand_over_kept() -> None:
    d = received(at(2025, 3, 3, 9), TimeLimit.working_days(10))
    d = go(
        d,
        Event(Action.RESULT, at(2025, 3, 17, 16)),
        Event(Action.RETURN, at(2025, 3, 20, 9), method=ReturnMethod.IN_PERSON),
    )
    assert (d.completed_at, d.returned_at) == (at(2025, 3, 17, 16), at(2025, 3, 20, 9))
    assert d.timeliness is Timeliness.ON_TIME
    assert d.status is Status.RETURNED


def test_classification_follows_the_granularity_policy_t11() -> None:
    """T11: due Mon 17/03/2025 09:00 (reading B), signed 10:00: DAY on time, TIMESTAMP late."""
    for granularity, expected in (
        (Granularity.DAY, Timeliness.ON_TIME),
        (Granularity.TIMESTAMP, Timeliness.LATE),
    ):
        policy = Policy(due_policy=DuePolicy.WORKING_TIME, granularity=granularity)
        d = received(at(2025, 3, 3, 9), TimeLimit.working_days(10), policy=policy)
        assert apply(d, Event(Action.RESULT, at(2025, 3, 17, 10))).timeliness is expected


def test_refusal_after_appraisal_is_resolved_and_classified() -> None:
    d = received(at(2025, 3, 3, 9), TimeLimit.working_days(10))
    d = apply(d, Event(Action.REFUSE, at(2025, 3, 18, 9), reason="không đủ điều kiện"))
    assert (d.status, d.completed_at, d.timeliness) == (
        Status.REFUSED,
        at(2025, 3, 18, 9),
        Timeliness.LATE,
    )


def test_withdrawal() -> None:
    d = received(at(2025, 3, 3, 9), TimeLimit.working_days(10))
    d = go(
        d,
        Event(Action.REQUEST_SUPPLEMENT, at(2025, 3, 4, 9)),
        Event(Action.WITHDRAW, at(2025, 3, 6, 9), reason="công dân rút"),
    )
    assert (d.status, d.withdrawn_at, d.completed_at, d.timeliness) == (
        Status.WITHDRAWN,
        at(2025, 3, 6, 9),
        None,
        None,
    )


# -- JSON --------------------------------------------------------------------------------------------


def _busy() -> Dossier:
    d = received(at(2025, 4, 24, 9), TimeLimit.working_days(5))
    return go(
        d,
        Event(
            Action.TRANSFER,
            at(2025, 4, 24, 10),
            agency="Phòng Tư pháp",
            limit=TimeLimit.working_days(Fraction(5, 2)),
            actor="Nguyễn Văn A",
        ),
        Event(Action.REQUEST_SUPPLEMENT, at(2025, 4, 25, 9), reason="thiếu giấy tờ"),
        Event(Action.RECEIVE_SUPPLEMENT, at(2025, 4, 28, 9)),
        Event(
            Action.APOLOGISE,
            at(2025, 5, 5, 9),
            until=at(2025, 5, 12, 17),
            extra={"SoVanBan": "12/XL", "nested": {"a": [1, 2]}},
        ),
        Event(Action.RESULT, at(2025, 5, 9, 10)),
        Event(Action.RETURN, at(2025, 5, 12, 9), method="postal"),
    )


def test_json_round_trip_is_lossless_and_keeps_unknown_fields() -> None:
    d = _busy()
    text = to_json(d)
    back = from_json(text)
    assert back == d
    assert back.events[5].extra == {"SoVanBan": "12/XL", "nested": {"a": [1, 2]}}
    doc = json.loads(text)
    doc["HeThongNguon"] = {"ten": "iGate", "phienBan": 3}
    doc["events"][0]["idNguon"] = "abc"
    again = from_json(json.dumps(doc))
    assert again.extra == {"HeThongNguon": {"ten": "iGate", "phienBan": 3}}
    assert again.events[0].extra == {"idNguon": "abc"}
    assert json.loads(to_json(again)) == doc


def test_json_refuses_a_summary_that_disagrees_with_the_trail() -> None:
    doc = json.loads(to_json(_busy()))
    doc["due_at"] = "2025-05-30T17:00:00+07:00"
    with pytest.raises(RecordError) as info:
        from_json(json.dumps(doc))
    assert info.value.field == "due_at"


@pytest.mark.parametrize(
    ("mutate", "field"),
    [
        (lambda doc: doc.update(format="other/1"), "format"),
        (lambda doc: doc.update(events=[]), "events"),
        (lambda doc: doc["events"][1].update(at="2025-04-24T09:00:00"), "events"),
        (lambda doc: doc["events"][1].update(action="teleport"), "events"),
        (lambda doc: doc.update(policy={"supplement": "maybe"}), "policy"),
        (lambda doc: doc["events"].pop(0), "events"),  # no submit event first
        (lambda doc: doc["events"][0].update(at="2010-01-04T09:00:00+07:00"), "events"),
        (lambda doc: doc["events"][1]["limit"].update(amount="1e30", unit="months"), "events"),
    ],
)
def test_json_errors_name_the_field(mutate: object, field: str) -> None:
    doc = json.loads(to_json(_busy()))
    mutate(doc)  # type: ignore[operator]
    with pytest.raises(RecordError) as info:
        from_json(json.dumps(doc))
    assert info.value.field == field


def test_json_refuses_deep_nesting_with_a_record_error() -> None:
    with pytest.raises(RecordError, match="not JSON"):
        from_json("[" * 100_000 + "]" * 100_000)


def test_json_keeps_the_policy() -> None:
    policy = Policy(due_policy=DuePolicy.WORKING_TIME, supplement=SupplementMode.PAUSE)
    d = received(at(2025, 3, 3, 9), TimeLimit.working_days(10), policy=policy)
    assert from_json(to_json(d)).policy == policy


# -- the national sync payload -------------------------------------------------------------------


def test_sync_payload_fields() -> None:
    d = _busy()
    p = to_sync_payload(d)
    assert p["MaHoSo"] == d.code
    assert p["KenhThucHien"] == "1"
    assert p["NgayTiepNhan"] == "20250424090000"
    # restarted Mon 28/04 + 5 wd: 29/04, (30/04-04/05 off), 05/05, 06/05, 07/05, 08/05
    assert p["NgayHenTra"] == "20250508170000"
    assert p["TrangThaiHoSo"] == "10"
    assert p["NgayKetThucXuLy"] == "20250509100000"
    assert p["NgayTra"] == "20250512090000"
    assert p["HinhThuc"] == "1"
    (r,) = p["DanhSachHoSoBoSung"]
    assert (r["NgayHenTraTruoc"], r["NgayHenTraMoi"]) == ("20250505170000", "20250508170000")


def test_sync_timestamps_are_vietnam_time() -> None:
    d = received(datetime(2025, 3, 3, 2, tzinfo=UTC), TimeLimit.working_days(1))
    assert to_sync_payload(d)["NgayTiepNhan"] == "20250303090000"


def test_sync_payload_round_trip() -> None:
    d = _busy()
    p = to_sync_payload(d)
    back = from_sync_payload(p)
    assert back.status is Status.RETURNED
    assert back.statistical_due_at == d.statistical_due_at
    assert back.completed_at == d.completed_at
    assert back.timeliness is d.timeliness
    assert to_sync_payload(back) == p
    with_limit = from_sync_payload(p, limit=TimeLimit.working_days(5))
    assert with_limit.due == d.due


def test_sync_payload_keeps_unknown_fields_and_reads_every_status() -> None:
    base = {
        "MaHoSo": "H22-1",
        "KenhThucHien": "2",
        "NgayNopHoSo": "20250303080000",
        "NgayTiepNhan": "20250303090000",
        "NgayHenTra": "20250317170000",
        "ChuHoSo": "Trần Thị B",
    }
    for code in range(1, 11):
        p = dict(base, TrangThaiHoSo=str(code))
        if code in (9, 10):
            p["NgayKetThucXuLy"] = "20250310100000"
        if code == 10:
            p["NgayTra"] = "20250311100000"
        d = from_sync_payload(p)
        assert d.status is NationalStatus(code).status
        assert d.extra == {"ChuHoSo": "Trần Thị B"}
    inferred = from_sync_payload(dict(base, TrangThaiHoSo="6"))
    assert inferred.events[-1].extra == {"inferred_at": True}


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("MaHoSo", "", "required"),
        ("KenhThucHien", "9", "not a valid KenhThucHien channel code"),
        ("TrangThaiHoSo", "11", "not a TrangThaiHoSo code"),
        ("TrangThaiHoSo", "abc", "not a TrangThaiHoSo code"),
        ("NgayTiepNhan", "2025-03-03", "not a yyyyMMddHHmmss timestamp"),
        ("NgayTiepNhan", "20250230090000", "not a real date and time"),
        ("NgayHenTra", 20250317, "not a yyyyMMddHHmmss timestamp"),
        ("NgayKetThucXuLy", "", "required"),
    ],
)
def test_sync_payload_errors_name_the_field(field: str, value: object, message: str) -> None:
    p: dict[str, object] = {
        "MaHoSo": "H22-1",
        "KenhThucHien": "1",
        "NgayTiepNhan": "20250303090000",
        "NgayHenTra": "20250317170000",
        "TrangThaiHoSo": "9",
        "NgayKetThucXuLy": "20250310100000",
    }
    p[field] = value
    with pytest.raises(RecordError, match=message) as info:
        from_sync_payload(p, index=7)
    assert info.value.field == field
    assert info.value.index == 7


def test_sync_supplement_round_errors_name_the_round() -> None:
    p = {
        "MaHoSo": "H22-1",
        "KenhThucHien": "1",
        "NgayTiepNhan": "20250303090000",
        "TrangThaiHoSo": "4",
        "DanhSachHoSoBoSung": [{"NgayBoSung": "20250305090000", "NgayTiepNhanBoSung": "x"}],
    }
    with pytest.raises(RecordError) as info:
        from_sync_payload(p)
    assert info.value.field == "DanhSachHoSoBoSung[0].NgayTiepNhanBoSung"


def test_progress_rows_round_trip() -> None:
    d = _busy()
    rows = to_progress_rows(d)
    assert len(rows) == len(d.events) - 1
    assert rows[0]["TrangThai"] == "2"
    assert rows[0]["NoiDungXuLy"] == "Tiếp nhận hồ sơ"
    assert rows[1]["PhongBanXuLy"] == "Phòng Tư pháp"
    # 2,5 wd = 20 office hours from Thu 24/04 10:00: Thu 5 h, Fri 8 h, then the make-up
    # Saturday 26/04 (07:00-11:30, 13:30-16:00): 16:00
    assert rows[1]["NgayKetThucTheoQuyDinh"] == "20250426160000"
    assert rows[-1]["TrangThai"] == "10"
    read = read_progress_rows(rows)
    assert [r.at for r in read] == [e.at for e in d.events[1:]]
    assert read[-1].status is NationalStatus.RETURNED


def test_progress_row_errors_name_the_row_and_field() -> None:
    rows = to_progress_rows(_busy())
    rows[2] = dict(rows[2], ThoiDiemXuLy="2025")
    with pytest.raises(RecordError) as info:
        read_progress_rows(rows)
    assert (info.value.index, info.value.field) == (2, "ThoiDiemXuLy")


# -- documents -------------------------------------------------------------------------------------


def test_format_instant_vi() -> None:
    assert format_instant_vi(at(2025, 5, 5, 17)) == "17 giờ 00 phút, ngày 05 tháng 5 năm 2025"
    assert (
        format_instant_vi(datetime(2025, 12, 31, 1, 5, tzinfo=UTC))
        == "08 giờ 05 phút, ngày 31 tháng 12 năm 2025"
    )


def test_receipt_slip_both_regimes() -> None:
    old = receipt_slip(received(at(2025, 4, 24, 9), TimeLimit.working_days(5)))
    assert (old.form, old.source.number) == ("Mẫu 01", "01/2018/TT-VPCP")
    assert old.appointment_at == at(2025, 5, 5, 17)
    new = receipt_slip(received(at(2025, 9, 4, 15, 1), TimeLimit.same_day()))
    assert new.source.number == "03/2025/TT-VPCP"
    assert "Hẹn trả kết quả lúc 17 giờ 00 phút, ngày 05 tháng 9 năm 2025" in new.render()
    none = receipt_slip(received(at(2025, 9, 4, 9), TimeLimit.no_limit()))
    assert "không quy định thời hạn" in none.render()
    with pytest.raises(InvalidTransitionError):
        receipt_slip(submit("X", agency="A", channel=Channel.ONLINE, at=at(2025, 9, 4, 9)))


def test_apology_letter_both_regimes() -> None:
    d = received(at(2025, 4, 24, 9), TimeLimit.working_days(5))
    d = apply(d, Event(Action.APOLOGISE, at(2025, 4, 29, 9), until=at(2025, 5, 9, 17)))
    letter = apology_letter(d)
    assert letter.title == "Phiếu xin lỗi và hẹn lại ngày trả kết quả"
    assert letter.in_time
    assert "hẹn lại thời gian trả kết quả 17 giờ 00 phút, ngày 09 tháng 5 năm 2025" in (
        letter.render()
    )
    with pytest.raises(InvalidTransitionError):
        apology_letter(received(at(2025, 4, 24, 9), TimeLimit.working_days(5)))


def test_sync_status_must_agree_with_the_rest_of_the_record() -> None:
    p = {
        "MaHoSo": "H22-1",
        "KenhThucHien": "1",
        "NgayTiepNhan": "20250303090000",
        "NgayHenTra": "20250317170000",
        "TrangThaiHoSo": "4",
        "DanhSachHoSoBoSung": [{"NgayBoSung": "20250305090000"}],  # still open
    }
    with pytest.raises(RecordError, match="disagrees with the rest of the record") as info:
        from_sync_payload(p)
    assert info.value.field == "TrangThaiHoSo"


# -- rules of the regime in force at receipt (issue 12) -------------------------------------------------


def _apologised(when: datetime) -> Dossier:
    d = received(when, TimeLimit.working_days(5))
    assert d.due is not None
    first = d.due.date - timedelta(days=3)
    return apply(
        d,
        Event(
            Action.APOLOGISE,
            datetime(first.year, first.month, first.day, 9, tzinfo=VIETNAM_TZ),
            until=d.due.at + timedelta(days=7),
        ),
    )


def test_30_june_and_1_july_2025_get_different_rule_citations() -> None:
    old, new = _apologised(at(2025, 6, 30, 9)), _apologised(at(2025, 7, 1, 9))
    assert (old.regime, new.regime) == (Regime.ND61_2018, Regime.ND118_2025)
    assert old.apology is not None
    assert new.apology is not None
    assert old.apology.deadline is not None
    assert new.apology.deadline is not None
    assert old.apology.deadline.rule.source.number == "61/2018/NĐ-CP"
    assert new.apology.deadline.rule.source.number == "118/2025/NĐ-CP"
    assert old.form_of(old.events[-1]) == new.form_of(new.events[-1]) == "Mẫu 04"


def test_61_allows_one_new_appointment_whatever_the_policy() -> None:
    d = _apologised(at(2025, 6, 30, 9))
    for policy in (Policy(), Policy(extension_limit=ExtensionLimit.NONE)):
        d2 = replay(d.events, policy=policy)
        with pytest.raises(
            ApologyRefusedError, match=r"only one is allowed \(61/2018/NĐ-CP, Điều 19\)"
        ):
            apply(d2, Event(Action.APOLOGISE, at(2025, 7, 8, 9), until=at(2025, 7, 20, 17)))


def test_118_extension_request_limit_is_a_named_policy() -> None:
    d = _apologised(at(2025, 7, 1, 9))
    second = Event(Action.APOLOGISE, at(2025, 7, 9, 9), until=at(2025, 7, 25, 17))
    with pytest.raises(ApologyRefusedError, match=r"Policy.extension_limit is 'once' \(a policy"):
        apply(d, second)
    lenient = replay(d.events, policy=Policy(extension_limit=ExtensionLimit.NONE))
    more = apply(lenient, second)
    assert more.apology == lenient.apology  # the first request stays the apology of record
    assert len(more.extensions) == 1
    assert more.extensions[0].new_appointment == at(2025, 7, 25, 17)
    assert more.statistical_due_at == lenient.statistical_due_at  # never moved by a request
    assert from_json(to_json(more)) == more  # the policy travels with the dossier


def test_same_day_policy_of_a_dossier() -> None:
    # A same-day procedure whose text states no cut-off: 15:01 is next day under the default
    # (vendor practice), the same day when the deployment's policy has no cut-off.
    when = at(2025, 9, 4, 15, 1)
    default = received(when, TimeLimit.same_day())
    none = received(when, TimeLimit.same_day(), policy=Policy(same_day_cutoff=None))
    assert default.due is not None
    assert none.due is not None
    assert (default.due.date, none.due.date) == (date(2025, 9, 5), date(2025, 9, 4))
    assert from_json(to_json(none)) == none
    assert json.loads(to_json(none))["policy"]["same_day_cutoff"] is None
    # Chứng thực keeps the law's 15:00 under any policy.
    cert = received(when, TimeLimit.certification(), policy=Policy(same_day_cutoff=None))
    assert cert.due is not None
    assert cert.due.date == date(2025, 9, 5)
    assert from_json(to_json(cert)) == cert
    with pytest.raises(ValueError, match="same_day_cutoff is 'HH:MM'"):
        Policy(same_day_cutoff="3pm")
