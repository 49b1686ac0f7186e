# ---
# jupyter:
#   jupytext:
#     formats: py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # An analyst's notebook: a province's dossiers with pandas and tthc
#
# This file is a notebook in jupytext's percent format: `jupytext --to notebook
# examples/analyst_notebook.py` opens it in Jupyter, and `python examples/analyst_notebook.py`
# runs it as a script (the test suite does). It loads the bundled demo data (the raw events of
# 50,000 synthetic dossiers, 2024-2026) with pandas, recomputes every due date with the
# vectorised `tthc.frame`, checks them against the full lifecycle on a sample, builds
# Biểu 06 by agency and month, and draws the on-time rate.

# %%
from __future__ import annotations

import io
import os
import tempfile
from datetime import date
from importlib.resources import files
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pandas as pd

from tthc import frame
from tthc.demo import AGENCY_NAMES, AS_OF, read_events
from tthc.dossier import replay
from tthc.kpi import Period, on_time_rate_resolved_basis
from tthc.reports import format_percent

# %% [markdown]
# ## 1. The raw events
#
# One row per event: the dossier, the action, its instant (Vietnam time) and the payload
# columns. A receipt row carries the procedure's time limit as catalogue text.

# %%
events = pd.read_csv(
    io.BytesIO(files("tthc._data").joinpath("demo_events.csv.gz").read_bytes()),
    compression="gzip",
    dtype=str,
    keep_default_na=False,
)
events["at"] = pd.to_datetime(events["at"], format="%Y-%m-%d %H:%M")
print(f"{len(events):,} events of {events['dossier'].nunique():,} dossiers")
print(events["action"].value_counts().to_string())

# %% [markdown]
# ## 2. One row per received dossier
#
# The clock starts at receipt; a supplement received during processing restarts it (the
# library's default policy), so the count starts from the last supplement. Completion is the
# result or the refusal; a withdrawal ends the dossier without a judgement. Dossiers with a
# financial-obligation pause (excluded time) are the few the shortcut below cannot follow.

# %%
first = events.groupby("dossier").first()
submitted = first[["agency", "channel", "procedure", "field"]]


def last(action: str) -> pd.Series:
    rows = events[events["action"] == action]
    return rows.groupby("dossier")["at"].last()


receipts = events[events["action"] == "receive"].set_index("dossier")
df = submitted.loc[receipts.index].copy()
df["received_at"] = receipts["at"]
df["time_limit"] = receipts["limit"].replace("Không quy định", None)
df["clock_from"] = last("receive_supplement").reindex(df.index).fillna(df["received_at"])
df["completed_at"] = last("result").combine_first(last("refuse")).reindex(df.index)
df["withdrawn_at"] = last("withdraw").reindex(df.index)
df["outcome"] = "pending"
df.loc[last("result").index.intersection(df.index), "outcome"] = "resolved"
df.loc[last("refuse").index.intersection(df.index), "outcome"] = "refused"
withdrawn = df["withdrawn_at"].notna()
df.loc[withdrawn, "outcome"] = "withdrawn"
df.loc[withdrawn, "completed_at"] = df.loc[withdrawn, "withdrawn_at"]
paused = set(events.loc[events["action"] == "request_obligation", "dossier"])
print(f"{len(df):,} received dossiers; {len(paused):,} with an obligation pause")

# %% [markdown]
# ## 3. Due dates for every dossier, vectorised
#
# `frame.with_due` reads the time-limit text once per distinct text and computes the due
# date of every row with array lookups. It never drops a row: a row it cannot read is listed
# in `errors` with its index.

# %%
work = df.rename(columns={"received_at": "received_on", "clock_from": "received_at"})
added = frame.with_due(work, as_of=AS_OF.date())
assert added.rejected == 0, added.errors[:3]
df["due_at"] = added.frame["due_at"]
df["timeliness"] = added.frame["timeliness"]
unpaused = ~df.index.isin(sorted(paused))
print(df.loc[unpaused, "timeliness"].value_counts(dropna=False).to_string())

# %% [markdown]
# Check: on a sample of 1,000 dossiers without a pause, the vectorised due dates equal the
# ones of the full lifecycle (`tthc.dossier.replay` of each dossier's events).

# %%
trails = read_events(limit=1500)
checked = 0
for code, trail in trails.items():
    if code in paused or code not in df.index or checked == 1000:
        continue
    lifecycle = replay(trail)
    expected = lifecycle.statistical_due_at
    got: object = df.at[code, "due_at"]
    assert (expected is None and got is pd.NaT) or got == expected, (code, got, expected)
    checked += 1
print(f"{checked} due dates equal to the lifecycle's")

# %% [markdown]
# ## 4. Biểu 06 by agency and month
#
# The dossiers with a pause take their due date from the lifecycle (a few per cent of the
# rows); everything else is counted by `frame.report06_by`, which gives the same reports as
# the scalar `tthc.kpi.report06_by`.

# %%
pause_codes = sorted(paused & set(df.index))
all_trails = read_events()
for code in pause_codes:
    df.at[code, "due_at"] = replay(all_trails[code]).statistical_due_at
records = df[["agency", "received_at", "channel", "due_at", "completed_at", "outcome"]]
span = Period(date(2024, 1, 1), date(2026, 10, 31))
result = frame.report06_by(records, span, ("agency", "month"))
assert result.rejected == 0
q3 = {k: v for k, v in result.report.items() if k[1].start >= date(2026, 7, 1)}
rows = [
    {
        "agency": AGENCY_NAMES[agency],
        "month": str(month),
        "received": r.received_total,
        "resolved": r.resolved_total,
        "late": r.resolved_late,
        "on-time %": format_percent(rate),
    }
    for (agency, month), r in q3.items()
    if (rate := on_time_rate_resolved_basis(r)) is not None
]
print(pd.DataFrame(rows).to_string(index=False))

# %% [markdown]
# ## 5. The chart

# %%
fig, ax = plt.subplots(figsize=(10, 4))
for agency, name in AGENCY_NAMES.items():
    points = [
        (month.start, float(rate * 100))
        for (a, month), r in result.report.items()
        if a == agency and (rate := on_time_rate_resolved_basis(r)) is not None
    ]
    ax.plot([p[0] for p in points], [p[1] for p in points], label=name, linewidth=1.2)
ax.set_ylabel("trước hạn + đúng hạn (%)")
ax.legend(fontsize=8)
out = Path(os.environ.get("TTHC_NOTEBOOK_OUT", tempfile.mkdtemp())) / "notebook-chart.png"
fig.savefig(out)
plt.close(fig)
print(f"chart: {out.name}")
assert out.read_bytes()[:4] == b"\x89PNG"
