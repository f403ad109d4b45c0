"""SQLite: an FTS5 trigram index over the events' own search text (place, actors, type), kept in
step by triggers, so text search no longer scans every incident (PostgreSQL already has a pg_trgm
index on events.search_text since 0001).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("CREATE VIRTUAL TABLE events_fts USING fts5(event_id UNINDEXED, body, tokenize='trigram')")
    op.execute("INSERT INTO events_fts(event_id, body) SELECT event_id, search_text FROM events")
    op.execute("CREATE TRIGGER events_fts_ins AFTER INSERT ON events BEGIN "
               "INSERT INTO events_fts(event_id, body) VALUES (new.event_id, new.search_text); END")
    op.execute("CREATE TRIGGER events_fts_del AFTER DELETE ON events BEGIN "
               "DELETE FROM events_fts WHERE event_id = old.event_id; END")
    op.execute("CREATE TRIGGER events_fts_upd AFTER UPDATE OF search_text, event_id ON events BEGIN "
               "DELETE FROM events_fts WHERE event_id = old.event_id; "
               "INSERT INTO events_fts(event_id, body) VALUES (new.event_id, new.search_text); END")


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for trig in ("events_fts_ins", "events_fts_del", "events_fts_upd"):
        op.execute(f"DROP TRIGGER IF EXISTS {trig}")
    op.execute("DROP TABLE IF EXISTS events_fts")
