"""SQLAlchemy 2 tables of the store: documents, claims, events, event-document links, revisions.

Events keep their filterable fields as columns (date, place, type, actors) and the whole record as
JSON (`data`), so a new field in `marsad.model.Event` round-trips without a schema change. The
migrations in `marsad/store/migrations` create exactly these tables; keep both in step.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}


class DocumentRow(Base):
    """One article with its original text; `search_text` is the normalised text the search reads."""

    __tablename__ = "documents"

    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    title: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    published: Mapped[str | None] = mapped_column(String(40), index=True)
    published_origin: Mapped[str | None] = mapped_column(String(40))
    outlet: Mapped[str | None] = mapped_column(String(200), index=True)
    url: Mapped[str | None] = mapped_column(Text)
    origin: Mapped[str | None] = mapped_column(Text)
    language: Mapped[str | None] = mapped_column(String(16))
    duplicate_of: Mapped[str | None] = mapped_column(String(200))
    search_text: Mapped[str] = mapped_column(Text, default="")
    content_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class ClaimRow(Base):
    """A numeric claim with its evidence: the sentence, the claim offsets and every mention span."""

    __tablename__ = "claims"

    id: Mapped[str] = mapped_column(String(300), primary_key=True)
    doc_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    event_id: Mapped[str | None] = mapped_column(String(200), index=True)
    ord: Mapped[int] = mapped_column(Integer, default=0)
    kind: Mapped[str] = mapped_column(String(40), index=True)
    value: Mapped[int | None] = mapped_column(BigInteger)
    value_high: Mapped[int | None] = mapped_column(BigInteger)
    qualifier: Mapped[str | None] = mapped_column(String(40))
    vague: Mapped[str | None] = mapped_column(String(40))
    number_text: Mapped[str | None] = mapped_column(Text)
    who: Mapped[str | None] = mapped_column(String(200))
    who_text: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(String(200))
    source_text: Mapped[str | None] = mapped_column(Text)
    relay: Mapped[str | None] = mapped_column(String(200))
    stance: Mapped[str | None] = mapped_column(String(40))
    evidence: Mapped[str | None] = mapped_column(Text)
    start_char: Mapped[int] = mapped_column(Integer, default=0)
    end_char: Mapped[int] = mapped_column(Integer, default=0)
    spans: Mapped[list[Any]] = mapped_column(JSON, default=list)


class EventRow(Base):
    """An incident. `data` is the full `Event.to_dict()` minus doc_ids (kept in event_documents)."""

    __tablename__ = "events"

    event_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    event_type: Mapped[str | None] = mapped_column(String(80), index=True)
    sub_event_type: Mapped[str | None] = mapped_column(String(120))
    date: Mapped[str | None] = mapped_column(String(40), index=True)
    date_end: Mapped[str | None] = mapped_column(String(40))
    country: Mapped[str | None] = mapped_column(String(80), index=True)
    admin1: Mapped[str | None] = mapped_column(String(200), index=True)
    location: Mapped[str | None] = mapped_column(String(300))
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    actors_key: Mapped[str] = mapped_column(Text, default="")  # "|actor a|actor b|", lower case
    search_text: Mapped[str] = mapped_column(Text, default="")
    n_documents: Mapped[int] = mapped_column(Integer, default=0)
    fatalities: Mapped[int | None] = mapped_column(Integer)  # sum of best 'killed' estimates (migration 0002)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    content_hash: Mapped[str] = mapped_column(String(64))
    version: Mapped[int] = mapped_column(Integer, default=1)
    status: Mapped[str] = mapped_column(String(20), default="active", index=True)  # active | merged
    merged_into: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    __table_args__ = (  # migration 0002: the list, its count, timeline and filter menus read these
        Index("ix_events_status_date", "status", "date", "event_id"),
        Index("ix_events_status_country", "status", "country"),
        Index("ix_events_status_admin1", "status", "admin1"),
        Index("ix_events_status_type", "status", "event_type"),
    )


class EventDocumentRow(Base):
    """Which report belongs to which incident, in order, with the merge reasons that put it there."""

    __tablename__ = "event_documents"

    event_id: Mapped[str] = mapped_column(ForeignKey("events.event_id", ondelete="CASCADE"),
                                          primary_key=True)
    doc_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    ord: Mapped[int] = mapped_column(Integer, default=0)
    reasons: Mapped[list[Any]] = mapped_column(JSON, default=list)

    __table_args__ = (Index("ix_event_documents_doc_id", "doc_id"),)


class RevisionRow(Base):
    """One change to a stored event: what changed (old and new per field) and why."""

    __tablename__ = "revisions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    event_id: Mapped[str] = mapped_column(String(200), index=True)
    version: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(20))  # created | updated | merged
    changes: Mapped[dict[str, Any]] = mapped_column(JSON)
    source: Mapped[str | None] = mapped_column(String(200))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class ReviewRow(Base):
    """One coder's decision on an event (migration 0005); re-applied after every run (store.review)."""

    __tablename__ = "reviews"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    event_id: Mapped[str] = mapped_column(String(200), index=True)
    # retype | redate | replace | note | merge | split | reject | reattribute
    op: Mapped[str] = mapped_column(String(20))
    params: Mapped[dict[str, Any]] = mapped_column(JSON)
    why: Mapped[str] = mapped_column(Text)
    who: Mapped[str] = mapped_column(String(200))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class RunRow(Base):
    """One `marsad run` in progress or finished (migration 0004): what makes a killed run resumable.

    `key` is derived from the command (inputs, output folder), so starting the same command again
    finds it. `status`: processing (reports being processed, each recorded in run_documents as it is
    done) -> linked (incidents stored, outputs written; `summary` holds the run's counts) -> complete.
    """

    __tablename__ = "runs"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    status: Mapped[str] = mapped_column(String(20))
    summary: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class RunDocumentRow(Base):
    """A report a run has processed (migration 0004): its per-report results, kept until the run is
    complete so that a resumed run links every report without processing the done ones again.

    `seq` is the report's position in the input; `content_hash` the hash of the article as read (a
    report that changed since is processed again); `error` a stage failure; `row` its documents.jsonl
    line (every article field but the text); `text` the article's text (the documents table gets the
    run's reports with its incidents, all or nothing); `result` its claims and article events;
    `shingles` its near-duplicate fingerprint.
    """

    __tablename__ = "run_documents"
    # migration 0007: the journal is read in input order a page at a time
    __table_args__ = (Index("ix_run_documents_seq", "run_key", "seq"),)

    run_key: Mapped[str] = mapped_column(ForeignKey("runs.key", ondelete="CASCADE"), primary_key=True)
    doc_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer)
    content_hash: Mapped[str] = mapped_column(String(64))
    error: Mapped[str | None] = mapped_column(Text)
    row: Mapped[dict[str, Any]] = mapped_column(JSON)
    text: Mapped[str | None] = mapped_column(Text)
    result: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    shingles: Mapped[bytes | None] = mapped_column(LargeBinary)
    # the document row's search text and content hash (without a duplicate mark), worked out as the
    # report is recorded (migration 0006); None in rows of older versions
    search_text: Mapped[str | None] = mapped_column(Text)
    doc_hash: Mapped[str | None] = mapped_column(String(64))
