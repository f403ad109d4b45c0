"""The store: SQLAlchemy over SQLite (default, WAL + FTS5) or PostgreSQL, migrated with Alembic.

`Store` (marsad.store.store) is the API; `db` holds the three functions `marsad run` calls.
"""

from marsad.store.store import EventFilter, SaveStats, Store

__all__ = ["EventFilter", "SaveStats", "Store"]
