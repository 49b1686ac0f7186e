"""Shared test configuration: Hypothesis profiles and the calendars most tests use.

``HYPOTHESIS_PROFILE=ci`` (300 examples, derandomized so that a red run is reproducible) is
what CI runs; ``dev`` (the default, 50 examples) keeps the local loop fast.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import settings

from tthc import WorkCalendar, vietnam_calendar

settings.register_profile("dev", max_examples=50, deadline=None)
settings.register_profile("ci", max_examples=300, deadline=None, derandomize=True, print_blob=True)
settings.load_profile(os.getenv("HYPOTHESIS_PROFILE", "dev"))


@pytest.fixture(scope="session")
def cal() -> WorkCalendar:
    """The default national calendar (make-up Saturdays count, 24/11 not a day off)."""
    return vietnam_calendar()
