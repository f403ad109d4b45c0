"""Store fixtures: every `store_url` test runs on SQLite and on a real PostgreSQL server.

The PostgreSQL server is started once per session from Debian's binaries in a temporary directory
(marsad.store.pgtemp) and stopped at the end; without the binaries those cases skip with the reason.
"""

from __future__ import annotations

import pytest

from marsad.store.pgtemp import TempPostgres, unavailable_reason


@pytest.fixture(scope="session")
def pg_server():
    reason = unavailable_reason()
    if reason:
        pytest.skip(reason)
    server = TempPostgres().start()
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'marsad.db'}"
    server = request.getfixturevalue("pg_server")
    return server.reset_database()
