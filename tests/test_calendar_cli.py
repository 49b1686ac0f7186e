"""``tthc calendar`` around 24/11/2026: the check cites NQ 28/2026/QH16, the ICS export agrees."""

from __future__ import annotations

import json

import pytest

from tthc.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(list(argv)) == 0
    out, err = capsys.readouterr()
    assert err == ""
    return out


def test_check_24_11_2026_cites_the_resolution(capsys: pytest.CaptureFixture[str]) -> None:
    out = run(capsys, "calendar", "check", "24/11/2026")
    assert out.splitlines()[0] == "Thứ Ba 24/11/2026: không phải ngày làm việc"
    assert "Ngày Văn hóa Việt Nam" in out
    assert "28/2026/QH16" in out
    assert "Điều 2, in force 2026-07-01" in out
    data = json.loads(run(capsys, "calendar", "check", "2026-11-24", "--format", "json"))
    assert data["working"] is False
    assert (data["source"]["number"], data["source"]["provision"]) == ("28/2026/QH16", "Điều 2")
    assert data["provisional"] is False


def test_the_proposed_swap_is_shown_as_a_proposal(capsys: pytest.CaptureFixture[str]) -> None:
    out = run(capsys, "calendar", "check", "23/11/2026", "--lang", "en")
    assert out.splitlines()[0] == "Monday 23/11/2026: working day"
    assert "only proposed, not applied" in out
    opted = run(
        capsys,
        "calendar",
        "check",
        "23/11/2026",
        "--calendar-policy",
        "culture_day_swap_2026",
        "--lang",
        "en",
    )
    assert opted.splitlines()[0] == "Monday 23/11/2026: not a working day"


def _events(ics: str) -> dict[str, str]:
    """DTSTART date -> SUMMARY of each event (folded lines joined)."""
    text = ics.replace("\r\n ", "")
    events = {}
    for block in text.split("BEGIN:VEVENT")[1:]:
        fields = dict(
            line.split(":", 1) for line in block.splitlines() if ":" in line and line[0] != " "
        )
        events[fields["DTSTART;VALUE=DATE"]] = fields["SUMMARY"]
    return events


def test_ics_2026_has_24_11_as_a_day_off_and_no_proposal(
    capsys: pytest.CaptureFixture[str],
) -> None:
    events = _events(run(capsys, "calendar", "2026", "--format", "ics"))
    assert events["20261124"] == "Ngày Văn hóa Việt Nam (ngày lễ\\, tết)"
    assert "20261123" not in events  # the proposed swap is not applied, so not exported
    assert "20261128" not in events
    assert len(events) == 14 + 2  # weekdays off + make-up Saturdays, as in the table
    swap = _events(
        run(
            capsys,
            "calendar",
            "2026",
            "--format",
            "ics",
            "--calendar-policy",
            "culture_day_swap_2026",
        )
    )
    assert "20261123" in swap
    assert "20261128" in swap


def test_the_old_culture_day_flag_changes_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    plain = run(capsys, "calendar", "2026", "--format", "json")
    flagged = run(capsys, "calendar", "2026", "--format", "json", "--culture-day")
    assert plain == flagged
    assert json.loads(plain)["days_off"] == 14
