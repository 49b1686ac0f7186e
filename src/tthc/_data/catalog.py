"""The catalogue's legal tables: online-service levels and the rule on process steps.

``DECREE_43_LEVELS``: one row per old online-service level of Nghị định 43/2011/NĐ-CP,
``(level, decree_42_class, summary, source, note)``. ``decree_42_class`` is the value of
:class:`tthc.catalog.OnlineServiceLevel` the old level maps to under Nghị định 42/2022/NĐ-CP
Điều 11 ("full", "partial" or "none"). The mapping is lossy: the old levels describe what is
online, the new classes whether the *whole* procedure, result included, is online
(kpi-and-index.md §4.1-§4.2).

``STEP_RULES``: the rule that the steps of an approved internal or inter-agency process
(quy trình nội bộ, liên thông) fit inside the procedure's time limit,
``(key, applies_from, summary, source, note)``, versioned by the date the one-stop decree
applies from (legal-rules.md §6).
"""

from __future__ import annotations

from datetime import date

import attrs

from tthc._data.sources import (
    ND_42_2022_ND_CP,
    ND_43_2011_ND_CP,
    ND_61_2018_ND_CP,
    ND_118_2025_ND_CP,
    TT_01_2018_TT_VPCP,
)
from tthc.legal import Confidence, LegalSource

__all__ = ["DECREE_43_LEVELS", "STEP_RULES"]


def _recalled(source: LegalSource, provision: str | None = None) -> LegalSource:
    """*source* (narrowed to *provision*) where the article is recalled, not re-read [M]."""
    narrowed = source.at(provision) if provision else source
    return attrs.evolve(narrowed, confidence=Confidence.RECALLED)


_ART_11 = ND_42_2022_ND_CP.at("Điều 11 khoản 1")

DECREE_43_LEVELS: tuple[tuple[int, str, str, LegalSource, str], ...] = (
    (
        1,
        "none",
        "Mức 1: full information on the procedure (documents, steps, time, fees) only",
        _recalled(ND_43_2011_ND_CP, "Điều 3"),
        "[L] not an online public service under Điều 11: information provision only",
    ),
    (
        2,
        "none",
        "Mức 2: level 1 plus downloadable forms; the dossier is filed in person or by post",
        _recalled(ND_43_2011_ND_CP, "Điều 3"),
        "[M] read as no online service in practice; the text of Điều 11(1)(b) would "
        "literally make it 'một phần' (configurable)",
    ),
    (
        3,
        "partial",
        "Mức 3: level 2 plus online filling and submission; fees and the result in person",
        _ART_11,
        "[L] một phần: the result is not delivered online or by post (Điều 11(1)(b))",
    ),
    (
        4,
        "full",
        "Mức 4: level 3 plus online payment; the result delivered online, in person or by post",
        _ART_11,
        "[L] toàn trình only if the result is delivered online or by public postal service "
        "(Điều 11(1)(a)); a level-4 service whose result must be collected in person is "
        "'một phần'",
    ),
)

STEP_RULES: tuple[tuple[str, date, str, LegalSource, str], ...] = (
    (
        "steps_within_total",
        date(2018, 6, 21),
        "the steps of the approved internal or inter-agency process, each with a responsible "
        "unit and a duration (often in half days), must not add up to more than the "
        "procedure's time limit",
        _recalled(ND_61_2018_ND_CP),
        "[M] approved by the minister or the provincial chairman with the forms of "
        f"{TT_01_2018_TT_VPCP.number}; article not re-read (legal-rules.md §6)",
    ),
    (
        "steps_within_total",
        date(2025, 7, 1),
        "the steps of the approved internal or inter-agency process must not add up to more "
        "than the procedure's time limit",
        _recalled(ND_118_2025_ND_CP),
        "[M] the one-stop decree that replaced 61/2018 keeps the rule; article not re-read",
    ),
)
