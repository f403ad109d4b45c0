"""Engines, locks and migrations: one place that knows SQLite pragmas, PostgreSQL URLs and Alembic.

`open_engine(url)` returns an engine on a schema at the latest revision: the Alembic scripts in
`marsad/store/migrations` run programmatically, so users never need an alembic.ini.

Writers exclude each other at the store, not in one process: `write_transaction(engine)` is a
transaction that holds the store's write lock (SQLite `BEGIN IMMEDIATE`, a PostgreSQL advisory
lock), so two `marsad run` processes and the service never link against a store the other is
changing. The first schema setup runs in one such transaction: concurrent openers wait and find
the schema there, and a kill halfway leaves no half-made schema (SQLite DDL is transactional
because SQLAlchemy, not the sqlite3 module, emits BEGIN here).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.pool import StaticPool

MIGRATIONS = Path(__file__).parent / "migrations"
# PostgreSQL advisory lock keys (any two fixed 64-bit numbers; "marsad" in ASCII, then + 1 and + 2).
WRITE_LOCK = 0x6D61727361640001
SCHEMA_LOCK = 0x6D61727361640002
# How long a writer waits for another writer's lock on a SQLite store before giving up (seconds).
SQLITE_WRITE_WAIT = 3600.0


def normalize_url(url: str) -> str:
    """Accept plain `postgresql://` URLs: the driver installed is psycopg 3, not psycopg2."""
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    """WAL lets the service read while a run writes; foreign keys are off by default in SQLite.

    The sqlite3 module's own transaction handling is switched off (`isolation_level = None`):
    `_sqlite_begin` emits BEGIN, so savepoints work and DDL is part of its transaction.
    """
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=15000")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def make_engine(url: str) -> Engine:
    """An engine for `url` (SQLite file or memory, or PostgreSQL), without touching the schema."""
    url = normalize_url(url)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        memory = parsed.database in (None, "", ":memory:")
        if not memory:
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        kwargs: dict = {"connect_args": {"check_same_thread": False}}
        if memory:
            kwargs["poolclass"] = StaticPool  # one shared connection, or every session sees a new DB
        engine = create_engine(url, **kwargs)
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    return create_engine(url, pool_pre_ping=True)


def _sqlite_begin(conn: Connection) -> None:
    """BEGIN, or BEGIN IMMEDIATE (take the write lock now) for a writer's transaction."""
    immediate = conn.get_execution_options().get("marsad_writer", False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


@contextmanager
def write_transaction(engine: Engine, lock: int | None = WRITE_LOCK) -> Iterator[Connection]:
    """A connection in a transaction holding the store's write lock until it commits or rolls back.

    SQLite: BEGIN IMMEDIATE (one writer at a time per database file; readers go on under WAL),
    retried while another writer holds it. PostgreSQL: a transaction-level advisory lock on `lock`
    (None: a plain transaction; PostgreSQL's row locks are enough for writes that link nothing).
    """
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            conn.execution_options(marsad_writer=True)
            deadline = time.monotonic() + SQLITE_WRITE_WAIT
            while True:
                try:
                    conn.begin()
                    break
                except OperationalError as e:
                    if "locked" not in str(e.orig) or time.monotonic() > deadline:
                        raise
                    conn.rollback()
        else:
            conn.begin()
            if engine.dialect.name == "postgresql" and lock is not None:
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": lock})
        try:
            yield conn
        except BaseException:
            conn.rollback()
            raise
        conn.commit()


def _alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def upgrade(engine: Engine) -> None:
    """Bring the schema to the latest revision (a no-op when it is there already)."""
    cfg = _alembic_config()
    head = ScriptDirectory.from_config(cfg).get_current_head()
    with engine.connect() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
    if current == head:
        return
    with write_transaction(engine, SCHEMA_LOCK) as conn:
        # another opener may have set the schema up while this one waited for the lock
        if MigrationContext.configure(conn).get_current_revision() == head:
            return
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def open_engine(url: str) -> Engine:
    """`make_engine` plus migrations: what the store, the CLI and the service use."""
    engine = make_engine(url)
    upgrade(engine)
    return engine
