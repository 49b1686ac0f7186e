"""A Hypothesis state machine over the dossier lifecycle.

Hypothesis drives a dossier with any event at any time (allowed or not, in order or not) and
checks after every step: the trail explains the status (each event is a row of the table, and
the last row leads to the current status), instants never go backwards, replaying the trail
gives the live dossier, JSON round trips, and the due date only moves by the rules (set at
receipt, restarted or paused on a supplement, moved later by excluded time, never by an
apology). Dates stay in 2019-2025 so every answer uses the verified calendar.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import cast

import pytest
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
)

from tthc.calendar import VIETNAM_TZ
from tthc.catalog import Channel
from tthc.deadlines import DuePolicy, Granularity, TimeLimit, pause, restart
from tthc.dossier import (
    Action,
    Dossier,
    Event,
    InvalidTransitionError,
    Policy,
    ReturnMethod,
    Status,
    SupplementMode,
    apply,
    from_json,
    replay,
    submit,
    to_json,
    transitions,
)
from tthc.errors import ApologyRefusedError, EventOrderError

LIMITS = st.sampled_from(
    [
        TimeLimit.working_days(5),
        TimeLimit.working_days(15),
        TimeLimit.calendar_days(30),
        TimeLimit.same_day(),
        TimeLimit.working_hours(8),
        TimeLimit.no_limit(),
    ]
)


def _step_limits() -> st.SearchStrategy[TimeLimit]:
    return st.sampled_from([TimeLimit.working_days(2), TimeLimit.working_hours(4)])


POLICIES = st.builds(
    Policy,
    due_policy=st.sampled_from(list(DuePolicy)),
    supplement=st.sampled_from(list(SupplementMode)),
    granularity=st.sampled_from(list(Granularity)),
)


class Lifecycle(RuleBasedStateMachine):
    d: Dossier
    now: datetime

    @initialize(
        start=st.datetimes(datetime(2019, 2, 1), datetime(2025, 10, 31)),  # noqa: DTZ001 - naive bounds, Vietnam time attached below
        channel=st.sampled_from(list(Channel)),
        policy=POLICIES,
    )
    def open(self, start: datetime, channel: Channel, policy: Policy) -> None:
        self.now = start.replace(tzinfo=VIETNAM_TZ)
        self.d = submit(
            "H12-0001", agency="UBND xã A", channel=channel, at=self.now, policy=policy
        )

    @rule(minutes=st.integers(0, 4 * 24 * 60))
    def wait(self, minutes: int) -> None:
        self.now += timedelta(minutes=minutes)

    def _event(self, action: Action, data: st.DataObject) -> Event:
        now = self.now
        if action is Action.RECEIVE:
            return Event(action, now, limit=data.draw(LIMITS))
        if action is Action.TRANSFER:
            agency = data.draw(st.sampled_from(["UBND xã A", "UBND huyện B", "Sở C"]))
            return Event(action, now, agency=agency, limit=data.draw(_step_limits()))
        if action is Action.APOLOGISE:
            later = data.draw(st.integers(1, 20))
            return Event(action, now, until=now + timedelta(days=later))
        if action is Action.SUSPEND:
            return Event(action, now, basis="giám định")
        if action is Action.RETURN:
            return Event(action, now, method=data.draw(st.sampled_from(list(ReturnMethod))))
        return Event(action, now)

    @rule(action=st.sampled_from([a for a in Action if a is not Action.SUBMIT]), data=st.data())
    def act(self, action: Action, data: st.DataObject) -> None:
        self._try(action, data)

    @precondition(lambda self: not self.d.status.final)
    @rule(data=st.data())
    def advance(self, data: st.DataObject) -> None:
        # Most actions drawn at random are refused in the current status, and many allowed
        # ones end the dossier; this rule takes an allowed one that keeps it open (transfer
        # last: Hypothesis favours the first choice), so runs get past receipt to supplements,
        # pauses, apologies and results.
        onward = [
            t.action
            for t in transitions(self.d.regime)
            if t.from_status is self.d.status and not t.to_status.final
        ]
        onward.sort(key=lambda a: a is Action.TRANSFER)
        self._try(data.draw(st.sampled_from(onward or self.d.allowed)), data)

    def _try(self, action: Action, data: st.DataObject) -> None:
        before = self.d
        event = self._event(action, data)
        allowed = {t.action for t in transitions(before.regime) if t.from_status is before.status}
        if before.status is Status.NEW:
            allowed = {t.action for t in transitions() if t.from_status is Status.NEW}
        try:
            after = apply(before, event)
        except ApologyRefusedError:
            assert action is Action.APOLOGISE
            assert (
                before.apologised
                or before.statistical_due_at is None
                or (event.until is not None and event.until <= before.statistical_due_at)
            )
            return
        except InvalidTransitionError as err:
            refused = set(cast("tuple[Action, ...]", err.allowed))
            assert action not in allowed
            assert refused == allowed
            return
        assert action in allowed
        self._check_due(before, after, event)
        self.d = after

    def _check_due(self, before: Dossier, after: Dossier, e: Event) -> None:
        a = e.action
        if a is Action.RECEIVE:
            assert after.received_at == e.at
            return
        if before.due is None:
            assert after.due is None
            return
        assert after.due is not None
        if a is Action.RECEIVE_SUPPLEMENT:
            if before.policy.supplement is SupplementMode.RESTART:
                assert after.due == restart(before.due, e.at)
            else:
                asked = before.supplements[-1].requested_at
                assert after.due.at == pause(before.due, asked, e.at).at
        elif a in (Action.FULFIL_OBLIGATION, Action.RESUME):
            assert before.paused_at is not None
            assert after.due.at == pause(before.due, before.paused_at, e.at).at
            assert after.due.at >= before.due.at
        else:
            assert after.due == before.due  # apology included: statistics keep the original

    @rule(minutes=st.integers(1, 10_000))
    def go_back(self, minutes: int) -> None:
        last = self.d.events[-1].at
        with pytest.raises(EventOrderError) as info:
            apply(self.d, Event(Action.WITHDRAW, last - timedelta(minutes=minutes)))
        assert info.value.last_at == last

    @invariant()
    def trail_explains_status(self) -> None:
        d = self.d
        status = None
        for e in d.events:
            rows = [t for t in transitions() if t.action is e.action and t.from_status is status]
            assert rows, (status, e.action)
            status = rows[0].to_status
        assert status is d.status

    @invariant()
    def instants_never_go_backwards(self) -> None:
        ats = [e.at for e in self.d.events]
        assert ats == sorted(ats)

    @invariant()
    def replay_equals_live(self) -> None:
        assert replay(self.d.events, policy=self.d.policy) == self.d

    @invariant()
    def json_round_trips(self) -> None:
        assert from_json(to_json(self.d)) == self.d

    @invariant()
    def statistical_due_is_never_the_apology(self) -> None:
        d = self.d
        if d.due is not None:
            assert d.statistical_due_at == d.due.at
        if d.completed_at is not None:
            assert d.status in (Status.RESULT_READY, Status.RETURNED, Status.REFUSED)


TestLifecycle = Lifecycle.TestCase
