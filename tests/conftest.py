"""Shared test configuration: Hypothesis profiles and the calendars most tests use.

``HYPOTHESIS_PROFILE=ci`` (300 examples, derandomized so that a red run is reproducible) is
what CI runs; ``dev`` (the default, 50 examples) keeps the local loop fast. The fuzz tests
(marker ``fuzz``: ``tests/test_fuzz_*.py``) take fewer examples under both, to stay inside
CI's budget. ``fuzz`` (5,000 examples a test, random, no derandomizing) is the long profile:
``make fuzz`` runs the fuzz tests under it again and again, with new random examples each
round, for ``FUZZ_SECONDS`` (600 by default); failures found are kept in Hypothesis's example
database (``.hypothesis/``) and replayed first.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import settings

from tthc import WorkCalendar, vietnam_calendar

settings.register_profile("dev", max_examples=50, deadline=None)
settings.register_profile("ci", max_examples=300, deadline=None, derandomize=True, print_blob=True)
settings.register_profile("fuzz", max_examples=5_000, deadline=None, print_blob=True)
settings.load_profile(os.getenv("HYPOTHESIS_PROFILE", "dev"))


@pytest.fixture(scope="session")
def cal() -> WorkCalendar:
    """The default national calendar (make-up Saturdays count, 24/11 not a day off)."""
    return vietnam_calendar()
