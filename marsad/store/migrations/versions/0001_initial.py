"""Initial schema: documents (+ full-text index), claims, events, event_documents, revisions.

Full text: on SQLite an FTS5 table with the trigram tokenizer over the normalised text, so a query
matches inside words carrying Arabic clitics (الحسكة finds بالحسكة); kept in step by triggers. On
PostgreSQL a pg_trgm GIN index serves the same substring search (ILIKE) when the extension can be
created; without it the search still works, by scanning.

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.String(200), primary_key=True),
        sa.Column("title", sa.Text),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("published", sa.String(40), index=True),
        sa.Column("published_origin", sa.String(40)),
        sa.Column("outlet", sa.String(200), index=True),
        sa.Column("url", sa.Text),
        sa.Column("origin", sa.Text),
        sa.Column("language", sa.String(16)),
        sa.Column("duplicate_of", sa.String(200)),
        sa.Column("search_text", sa.Text, nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
    )
    op.create_table(
        "claims",
        sa.Column("id", sa.String(300), primary_key=True),
        sa.Column("doc_id", sa.String(200), sa.ForeignKey("documents.id", ondelete="CASCADE"),
                  nullable=False, index=True),
        sa.Column("event_id", sa.String(200), index=True),
        sa.Column("ord", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(40), nullable=False, index=True),
        sa.Column("value", sa.BigInteger),
        sa.Column("value_high", sa.BigInteger),
        sa.Column("qualifier", sa.String(40)),
        sa.Column("vague", sa.String(40)),
        sa.Column("number_text", sa.Text),
        sa.Column("who", sa.String(200)),
        sa.Column("who_text", sa.Text),
        sa.Column("source", sa.String(200)),
        sa.Column("source_text", sa.Text),
        sa.Column("relay", sa.String(200)),
        sa.Column("stance", sa.String(40)),
        sa.Column("evidence", sa.Text),
        sa.Column("start_char", sa.Integer, nullable=False),
        sa.Column("end_char", sa.Integer, nullable=False),
        sa.Column("spans", sa.JSON, nullable=False),
    )
    op.create_table(
        "events",
        sa.Column("event_id", sa.String(200), primary_key=True),
        sa.Column("event_type", sa.String(80), index=True),
        sa.Column("sub_event_type", sa.String(120)),
        sa.Column("date", sa.String(40), index=True),
        sa.Column("date_end", sa.String(40)),
        sa.Column("country", sa.String(80), index=True),
        sa.Column("admin1", sa.String(200), index=True),
        sa.Column("location", sa.String(300)),
        sa.Column("latitude", sa.Float),
        sa.Column("longitude", sa.Float),
        sa.Column("actors_key", sa.Text, nullable=False),
        sa.Column("search_text", sa.Text, nullable=False),
        sa.Column("n_documents", sa.Integer, nullable=False),
        sa.Column("data", sa.JSON, nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("status", sa.String(20), nullable=False, index=True),
        sa.Column("merged_into", sa.String(200)),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
    )
    op.create_table(
        "event_documents",
        sa.Column("event_id", sa.String(200), sa.ForeignKey("events.event_id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("doc_id", sa.String(200), primary_key=True),
        sa.Column("ord", sa.Integer, nullable=False),
        sa.Column("reasons", sa.JSON, nullable=False),
    )
    op.create_index("ix_event_documents_doc_id", "event_documents", ["doc_id"])
    op.create_table(
        "revisions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("event_id", sa.String(200), nullable=False, index=True),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("action", sa.String(20), nullable=False),
        sa.Column("changes", sa.JSON, nullable=False),
        sa.Column("source", sa.String(200)),
        sa.Column("at", TS, nullable=False),
    )
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute("CREATE VIRTUAL TABLE documents_fts USING fts5("
                   "doc_id UNINDEXED, body, tokenize='trigram')")
        op.execute("CREATE TRIGGER documents_fts_ins AFTER INSERT ON documents BEGIN "
                   "INSERT INTO documents_fts(doc_id, body) VALUES (new.id, new.search_text); END")
        op.execute("CREATE TRIGGER documents_fts_del AFTER DELETE ON documents BEGIN "
                   "DELETE FROM documents_fts WHERE doc_id = old.id; END")
        op.execute("CREATE TRIGGER documents_fts_upd AFTER UPDATE OF search_text, id ON documents BEGIN "
                   "DELETE FROM documents_fts WHERE doc_id = old.id; "
                   "INSERT INTO documents_fts(doc_id, body) VALUES (new.id, new.search_text); END")
    elif dialect == "postgresql":
        bind = op.get_bind()
        # CREATE EXTENSION needs rights a deployment may not grant: try it inside a savepoint.
        try:
            with bind.begin_nested():
                bind.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        except sa.exc.DBAPIError:
            pass
        has_trgm = bind.exec_driver_sql("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'").first()
        if has_trgm:
            for table in ("documents", "events"):
                op.execute(f"CREATE INDEX ix_{table}_search_trgm ON {table} "
                           "USING gin (search_text gin_trgm_ops)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trig in ("documents_fts_ins", "documents_fts_del", "documents_fts_upd"):
            op.execute(f"DROP TRIGGER IF EXISTS {trig}")
        op.execute("DROP TABLE IF EXISTS documents_fts")
    for table in ("revisions", "event_documents", "events", "claims", "documents"):
        op.drop_table(table)
