"""Due dates and a Biểu 06 report for a batch of dossiers, with tthc.frame.

Five dossiers received around Reunification Day 2025 (30/4 and 1/5 off; Friday 2/5 swapped
for Saturday 26/4): their due dates computed as arrays, equal to tthc.due() one by one, then
the same dossiers as a pandas frame (timeliness added) and as a polars frame (Biểu 06 per
agency). Run: ``python examples/batch_due_dates.py``.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import polars as pl

from tthc import TimeLimit, due, frame
from tthc.kpi import Period

RECEIVED = np.array(
    [
        "2025-04-24T10:00",  # Thursday; 5 working days: Sat 26/4 (make-up) counts
        "2025-04-25T16:30",  # Friday after the 15:00 cut-off of a same-day procedure
        "2025-04-28T08:00",  # Monday; 2,5 working days = 20 working hours
        "2025-04-29T09:15",
        "2025-05-05T14:00",
    ],
    dtype="datetime64[us]",
)
LIMITS = [
    TimeLimit.working_days(5),
    TimeLimit.same_day(),
    TimeLimit.parse("2,5 ngày làm việc").limit,
    TimeLimit.calendar_days(7),
    TimeLimit.working_days(3),
]


def main() -> None:
    """Compute, check against the scalar API, and print."""
    dues = frame.due(RECEIVED, LIMITS)
    for received, limit, date, at in zip(RECEIVED, LIMITS, dues.date, dues.at, strict=True):
        one = due(received.item(), limit)  # naive = Vietnam time, as in the arrays
        assert (one.date, one.at.replace(tzinfo=None)) == (date.item(), at.item())
        print(f"{received.item():%d/%m %H:%M}  {limit!s:<70} -> {at.item():%a %d/%m/%Y %H:%M}")
    assert dues.date[0] == np.datetime64("2025-05-05")  # 25/4, Sat 26/4, 28/4, 29/4, 5/5
    assert dues.date[1] == np.datetime64("2025-04-26")  # the make-up Saturday

    records = pd.DataFrame(
        {
            "agency": ["UBND xã A", "UBND xã A", "UBND xã B", "UBND xã B", "UBND xã B"],
            "received_at": RECEIVED,
            "channel": ["2", "1", "2", "3", "9"],  # "9" is no KenhThucHien code
            "due_at": dues.at,
            "completed_at": np.array(
                ["2025-05-02T10:00", "2025-04-28T09:00", "NaT", "2025-05-06T16:00", "NaT"],
                dtype="datetime64[us]",
            ),
        }
    )
    added = frame.with_due(records, as_of=dt.date(2025, 5, 6))
    print(added.frame[["agency", "due_date", "timeliness"]].to_string(index=False))
    # The fifth row is rejected (channel "9"): no due date, no timeliness.
    assert list(added.frame["timeliness"]) == ["early", "late", "overdue", "on_time", None]
    assert [(e.index, e.field) for e in added.errors] == [(4, "channel")]

    result = frame.report06_by(pl.from_pandas(records), Period.parse("2025-05"), ("agency",))
    for (agency,), report in result.report.items():
        print(agency, report.counts())
    print("rejected:", [(e.index, e.field) for e in result.errors])
    assert [(e.index, e.field) for e in result.errors] == [(4, "channel")]
    assert result.report[("UBND xã B",)].pending_overdue == 1


if __name__ == "__main__":
    main()
