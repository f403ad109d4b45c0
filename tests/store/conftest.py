"""Store fixtures: every `store_url` test runs on SQLite and on a real PostgreSQL server.

The PostgreSQL server (tests/conftest.py) is started once per session from Debian's binaries
in a temporary directory and stopped at the end; without the binaries those cases skip with the reason.
"""

from __future__ import annotations

import pytest


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'marsad.db'}"
    server = request.getfixturevalue("pg_server")
    return server.reset_database()
