"""Fixtures shared across test areas: one throwaway PostgreSQL server per test session."""

from __future__ import annotations

import pytest

from marsad.store.pgtemp import TempPostgres, unavailable_reason


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
