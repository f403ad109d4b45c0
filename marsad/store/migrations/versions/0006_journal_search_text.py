"""The run journal keeps what a report's document row needs that costs CPU to work out: its search
text (the normalised title and text the full-text index takes) and its content hash. The process
that records the report works them out (a Dask worker, in parallel), not the driver's serial commit.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("run_documents", sa.Column("search_text", sa.Text))
    op.add_column("run_documents", sa.Column("doc_hash", sa.String(64)))


def downgrade() -> None:
    with op.batch_alter_table("run_documents") as batch:
        batch.drop_column("doc_hash")
        batch.drop_column("search_text")
