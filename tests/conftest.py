"""Fixtures shared by test modules."""
import pytest

from profile_extract import runner
from runner_helpers import CALLS, fake_process_bytes


@pytest.fixture
def fake_pipeline(monkeypatch):
    monkeypatch.setattr(runner, "_pipeline", lambda model: (fake_process_bytes, None))  # forked workers inherit it
    CALLS.clear()
    return CALLS
