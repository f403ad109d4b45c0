"""Fixtures shared across test areas: the evaluation kit's scorer, and one throwaway PostgreSQL server
per test session."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from marsad.store.pgtemp import TempPostgres, unavailable_reason

# The evaluation kit beside the checkout (../shared/eval); absent on users' machines.
EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"


@pytest.fixture(scope="session")
def eval_kit() -> Path:
    """The folder of the evaluation kit (gold sets under it); tests skip what it lacks."""
    return EVAL


@pytest.fixture(scope="session")
def scorer():
    """The kit's score.py as a module, or a skip when the kit is absent."""
    path = EVAL / "score.py"
    if not path.exists():
        pytest.skip(f"no scorer at {path}")
    spec = importlib.util.spec_from_file_location("marsad_eval_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def pg_server():
    """A real PostgreSQL server (Debian's binaries, run as the postgres user on 127.0.0.1), started once
    for the store and the service tests and stopped at the end; skipped with the reason when absent."""
    reason = unavailable_reason()
    if reason:
        pytest.skip(reason)
    server = TempPostgres().start()
    yield server
    server.stop()
