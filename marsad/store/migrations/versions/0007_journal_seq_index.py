"""The run journal is read in input order a page at a time (`seq > last ORDER BY seq LIMIT n`: the
fingerprints for near-duplicates, the results for linking, the claims for the commit and claims.jsonl,
the documents.jsonl lines). Without an index on (run_key, seq) every page scanned and sorted all the
run's rows, so a pass cost pages x reports: 3.9 s of the 17,743-report ANT run's fingerprint pass,
0.5 s with it, and the cost grew with the square of the run.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-08
"""

from __future__ import annotations

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_run_documents_seq", "run_documents", ["run_key", "seq"])


def downgrade() -> None:
    op.drop_index("ix_run_documents_seq", table_name="run_documents")
