"""The run journal: `runs` and `run_documents`, so a `marsad run` stores each report's results as it
is done and a killed run started again skips the reports already done (marsad.store.journal).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "runs",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("summary", sa.JSON),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "run_documents",
        sa.Column("run_key", sa.String(64), sa.ForeignKey("runs.key", ondelete="CASCADE"), primary_key=True),
        sa.Column("doc_id", sa.String(200), primary_key=True),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("error", sa.Text),
        sa.Column("row", sa.JSON, nullable=False),
        sa.Column("text", sa.Text),
        sa.Column("result", sa.JSON),
        sa.Column("shingles", sa.LargeBinary),
    )


def downgrade() -> None:
    op.drop_table("run_documents")
    op.drop_table("runs")
