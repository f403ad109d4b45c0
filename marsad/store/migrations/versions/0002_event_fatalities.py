"""Events get a `fatalities` column (sum of the best 'killed' estimates), so the map and lists read
marker sizes without parsing every event's JSON (filled here for events already stored), and
composite indexes that let the list, its count, the timeline and the filter menus read an index
instead of the wide event rows (20k events: the event list went from ~550 ms to tens of ms).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

INDEXES = {
    "ix_events_status_date": ["status", "date", "event_id"],
    "ix_events_status_country": ["status", "country"],
    "ix_events_status_admin1": ["status", "admin1"],
    "ix_events_status_type": ["status", "event_type"],
}


def upgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.add_column(sa.Column("fatalities", sa.Integer))
    for name, cols in INDEXES.items():
        op.create_index(name, "events", cols)
    bind = op.get_bind()
    events = sa.table("events", sa.column("event_id", sa.String), sa.column("data", sa.JSON),
                      sa.column("fatalities", sa.Integer))
    for event_id, data in bind.execute(sa.select(events.c.event_id, events.c.data)).all():
        data = json.loads(data) if isinstance(data, str) else data or {}
        vals = [e.get("best") for e in data.get("estimates") or []
                if isinstance(e, dict) and e.get("kind") == "killed" and e.get("best")]
        if vals:
            bind.execute(events.update().where(events.c.event_id == event_id).values(fatalities=sum(vals)))


def downgrade() -> None:
    for name in INDEXES:
        op.drop_index(name, "events")
    with op.batch_alter_table("events") as batch:
        batch.drop_column("fatalities")
