"""Checks of the command line's options, made before any work starts.

Each check returns None when the value is usable, or one line saying what is wrong and what would be
right; the CLI prints that line and exits 2. Nothing here creates a store, a folder or a cluster.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import re
from pathlib import Path

CONNECT_TIMEOUT = 3  # seconds to wait for a database server or a Dask scheduler to answer
_DASK_ADDRESS = re.compile(r"^(?:(tcp|tls)://)?(\[[0-9a-fA-F:]+\]|[A-Za-z0-9_.-]+):(\d{1,5})$")


def check_date(option: str, value: str | None) -> str | None:
    """An ISO calendar date, YYYY-MM-DD."""
    if value is None:
        return None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            dt.date.fromisoformat(value)
            return None
        except ValueError as e:
            return f"{option} {value!r} is not a real date ({e}); use YYYY-MM-DD"
    return f"{option} {value!r} is not an ISO date; use YYYY-MM-DD, e.g. 2018-03-16"


def check_range(since: str | None, until: str | None) -> str | None:
    if since and until and since > until:
        return f"--since {since} is after --until {until}"
    return None


def check_country(value: str | None) -> str | None:
    """An ISO 3166-1 alpha-3 code the exports know (marsad/export/countries.yaml)."""
    if value is None:
        return None
    from marsad.export.common import countries

    known = countries()
    if value.upper() in known:
        return None
    hint = ""
    if len(value) == 2:
        guesses = [k for k in known if k.startswith(value.upper())]
        hint = f" (an ISO alpha-2 code? perhaps {' or '.join(guesses[:3])})" if guesses else " (alpha-2?)"
    return (f"--country {value!r} is not an ISO 3166-1 alpha-3 code Marsad knows{hint}; "
            f"known: {', '.join(sorted(known))}")


def _sqlite_path(url: str) -> Path | None:
    """The file of a sqlite URL (None for memory or another backend)."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def check_store(url: str, must_exist: bool) -> str | None:
    """A store URL that can be opened: a well-formed SQLAlchemy URL; for SQLite an existing file
    (`must_exist`, reading) or an existing folder (writing); for a server, one that answers."""
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError, SQLAlchemyError

    from marsad.store.engine import normalize_url

    try:
        parsed = make_url(normalize_url(url))
    except ArgumentError:
        return (f"--db {url!r} is not a database URL; use sqlite:///path/marsad.db or "
                "postgresql://user@host/db")
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        path = _sqlite_path(url)
        if path is None:
            return None
        if must_exist and not path.is_file():
            return f"--db: no store at {path} (check the path; `marsad run --out DIR` creates DIR/marsad.db)"
        if not path.parent.is_dir():
            return f"--db: the folder {path.parent} does not exist"
        return None
    if backend != "postgresql":
        return f"--db {url!r}: only sqlite:/// and postgresql:// stores are supported"
    try:
        engine = create_engine(parsed, connect_args={"connect_timeout": CONNECT_TIMEOUT})
        with engine.connect():
            pass
        engine.dispose()
    except (SQLAlchemyError, OSError) as e:
        first = str(getattr(e, "orig", None) or e).strip().splitlines()[0]
        return f"--db: cannot reach the store {parsed.render_as_string(hide_password=True)}: {first}"
    return None


def check_dask(value: str | None) -> str | None:
    """'local', or a scheduler address (tcp://host:port or host:port) that accepts a connection."""
    if value is None or value == "local":
        return None
    m = _DASK_ADDRESS.match(value)
    if m is None:
        return f"--dask {value!r}: use 'local' or a scheduler address such as tcp://10.0.0.5:8786"
    address = value if "://" in value else f"tcp://{value}"
    try:
        identity = asyncio.run(_scheduler_identity(address))
    except Exception as e:  # noqa: BLE001 - refused, timed out, or something else answering there
        return f"--dask: no Dask scheduler answers at {address} ({type(e).__name__}: {str(e)[:120]})"
    if not isinstance(identity, dict) or identity.get("type") != "Scheduler":
        return f"--dask: what answers at {address} is not a Dask scheduler"
    return None


async def _scheduler_identity(address: str) -> object:
    """The scheduler's answer to Dask's `identity` request, within CONNECT_TIMEOUT seconds."""
    from distributed.comm import connect

    comm = await connect(address, timeout=CONNECT_TIMEOUT)
    try:
        await comm.write({"op": "identity", "reply": True})
        return await asyncio.wait_for(comm.read(), CONNECT_TIMEOUT)
    finally:
        comm.abort()
