"""The `Store`: save a run idempotently and query events, claims, documents and revisions.

Everything that reads or writes the database goes through this class (the CLI run, the service,
the exports), so SQLite and PostgreSQL behave the same everywhere.

Writing: `save_run(articles, claims, events)` upserts by id. Documents are keyed by article id;
a document's claims are replaced by the claims of the run that processed it (claim ids are
derived from doc, kind and offsets, so they are stable); events are keyed by `event_id`. When a
stored event's content changes, a row in `revisions` records the old and new value of every
changed field, and the version goes up: never a silent edit. A stored event whose reports all
moved to other events of a complete run (`complete=True`, what `marsad run` saves) is marked
`merged` (with `merged_into`) and a revision says so.

Reading (dicts ready for JSON; all lists return `(total, rows)` for pagination):
    list_events(EventFilter(...), limit, offset)   incidents, newest first
    get_event(event_id)                            + claims, documents with merge reasons, revisions
    list_claims(event_id=, doc_id=, kind=, ...)    claims with outlet and publication date
    list_documents(q=, outlet=, ...)               documents without their text
    get_document(doc_id)                           with text and claims
    revisions(event_id), facets(), counts()
Objects for exports and the linker (`marsad.model` dataclasses):
    events(EventFilter(...)) -> list[Event]         load_events() -> active incidents
    claims(event_id=, doc_id=) -> list[Claim]       articles(ids) -> list[Article]
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Select, and_, delete, func, insert, or_, select, text
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from marsad.model import Article, Claim, Estimate, Event, Span
from marsad.store.engine import normalize_url, open_engine, write_transaction
from marsad.store.models import ClaimRow, DocumentRow, EventDocumentRow, EventRow, ReviewRow, RevisionRow
from marsad.text.normalize import match_text

CHUNK = 500  # ids per IN (...) list: well under SQLite's and PostgreSQL's parameter limits
_EVENT_FIELDS = {f.name for f in dataclasses.fields(Event)}
_CLAIM_FIELDS = {f.name for f in dataclasses.fields(Claim)}
_ARTICLE_FIELDS = {f.name for f in dataclasses.fields(Article)}


def article_of(row: DocumentRow) -> Article:
    """A stored document as an Article; fields the table does not keep (how its bytes were decoded)
    take their defaults."""
    return Article(**{k: getattr(row, k) for k in _ARTICLE_FIELDS if hasattr(row, k)})
_ESTIMATE_FIELDS = {f.name for f in dataclasses.fields(Estimate)}


def search_norm(s: str | None) -> str:
    """The form both indexed text and queries take: Arabic match normalisation (أ/إ/آ -> ا, ى -> ي,
    diacritics and tatweel dropped, digits), ta marbuta folded, lower case, whitespace collapsed."""
    if not s:
        return ""
    return " ".join(match_text(s).replace("ة", "ه").lower().split())


def _hash(obj: Any) -> str:
    blob = json.dumps(obj, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(blob.encode()).hexdigest()


def _now() -> datetime:
    return datetime.now(UTC)


def _chunks(items: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for i in range(0, len(items), CHUNK):
        yield items[i:i + CHUNK]


def _iso(dt: datetime | None) -> str | None:
    return dt.isoformat() if dt else None


@dataclass
class EventFilter:
    """Filters of the event list; every field is optional and they combine with AND.

    date_from/date_to: ISO dates; an event matches when its [date, date_end] overlaps the range.
    country, admin1, event_type: exact, case-insensitive. actor: substring of any actor name.
    q: text search in the event's place/actor fields and in the normalised text of its reports.
    """

    date_from: str | None = None
    date_to: str | None = None
    country: str | None = None
    admin1: str | None = None
    event_type: str | None = None
    actor: str | None = None
    q: str | None = None
    background: bool | None = None
    status: str | None = "active"


@dataclass
class SaveStats:
    """What one `save_run` changed; saving the same run twice changes no document or event the second
    time (`claims` counts the claims written: a document's claims are rewritten with the same ids)."""

    documents_new: int = 0
    documents_updated: int = 0
    claims: int = 0
    events_new: int = 0
    events_updated: int = 0
    events_merged: int = 0
    failed: dict[str, str] = field(default_factory=dict)  # doc id -> why it could not be stored


def describe_error(exc: BaseException) -> str:
    """A database error as one line for users: the driver's message, never the SQL or parameters."""
    inner = exc.orig if isinstance(exc, DBAPIError) and exc.orig is not None else exc
    lines = str(inner).strip().splitlines()
    return f"{type(inner).__name__}: {lines[0] if lines else ''}"[:300]


def event_from_dict(d: dict[str, Any]) -> Event:
    """Rebuild an `Event` from its stored JSON, ignoring fields the model no longer has."""
    fields = {k: v for k, v in d.items() if k in _EVENT_FIELDS}
    fields["estimates"] = [Estimate(**{k: v for k, v in e.items() if k in _ESTIMATE_FIELDS})
                           for e in fields.get("estimates") or [] if isinstance(e, dict)]
    fields["evidence"] = [Span(**s) if isinstance(s, dict) else s for s in fields.get("evidence") or []]
    return Event(**fields)


def claim_id(c: Claim) -> str:
    """Stable id of a claim: its document, kind and offsets (plus who, to tell apart a split span)."""
    return f"{c.doc_id}:{c.kind}:{c.start}-{c.end}" + (f":{c.who}" if c.who else "")


def _claim_row(c: Claim, cid: str, ord_: int) -> dict[str, Any]:
    return {
        "id": cid, "doc_id": c.doc_id, "event_id": c.event_id, "ord": ord_, "kind": c.kind,
        "value": c.value, "value_high": c.value_high, "qualifier": c.qualifier, "vague": c.vague,
        "number_text": c.number_text, "who": c.who, "who_text": c.who_text, "source": c.source,
        "source_text": c.source_text, "relay": c.relay, "stance": c.stance, "evidence": c.evidence,
        "start_char": c.start, "end_char": c.end,
        "spans": [s.to_dict() if isinstance(s, Span) else s for s in c.spans or []],
    }


def claim_to_dict(r: ClaimRow) -> dict[str, Any]:
    """A stored claim in the contract's field names, plus its id."""
    return {
        "id": r.id, "doc_id": r.doc_id, "event_id": r.event_id, "kind": r.kind, "value": r.value,
        "value_high": r.value_high, "qualifier": r.qualifier, "vague": r.vague,
        "number_text": r.number_text, "who": r.who, "who_text": r.who_text, "source": r.source,
        "source_text": r.source_text, "relay": r.relay, "stance": r.stance, "evidence": r.evidence,
        "start": r.start_char, "end": r.end_char, "spans": r.spans or [],
    }


def _claim_obj(r: ClaimRow) -> Claim:
    d = claim_to_dict(r)
    d.pop("id")
    d["spans"] = [Span(**s) for s in d["spans"] if isinstance(s, dict)]
    return Claim(**{k: v for k, v in d.items() if k in _CLAIM_FIELDS})


def _reasons_for(links: list[Any], doc_id: str) -> list[Any]:
    """The merge reasons (link records) that mention this document."""
    out = []
    for link in links or []:
        if not isinstance(link, dict):
            continue
        for v in link.values():
            if v == doc_id or (isinstance(v, list | tuple) and doc_id in v):
                out.append(link)
                break
    return out


def _canonical(d: dict[str, Any]) -> dict[str, Any]:
    """The event content that counts as a change: `actors` is a set (its order carries nothing;
    actor1/actor2 carry the roles), so a re-run that lists them in another order is no revision."""
    if isinstance(d.get("actors"), list):
        d = dict(d, actors=sorted(d["actors"], key=str))
    return d


def _diff(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """Field -> {old, new} for every top-level field that differs."""
    keys = sorted(set(old) | set(new))
    return {k: {"old": old.get(k), "new": new.get(k)} for k in keys
            if json.dumps(old.get(k), sort_keys=True, default=str) != json.dumps(new.get(k), sort_keys=True,
                                                                                   default=str)}


class Store:
    """A database of documents, claims and incidents at `url` (SQLite path URL or PostgreSQL).

    Opening applies pending migrations. Use as a context manager or call `close()`.
    """

    def __init__(self, url: str) -> None:
        self.url = normalize_url(url)
        self.engine = open_engine(self.url)
        self.dialect = self.engine.dialect.name
        self.session = sessionmaker(self.engine, expire_on_commit=False)
        self.reader = self.session  # never rebound to the write lock's connection (`writing`)

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def writing(self) -> Iterator[Store]:
        """Hold the store's write lock (see `engine.write_transaction`) for everything done inside:
        load the stored incidents, link against them, save, commit. Another writer waits here, then
        sees what this one committed, so concurrent runs never store one incident twice."""
        with write_transaction(self.engine) as conn:
            outer = self.session
            self.session = sessionmaker(bind=conn, expire_on_commit=False,
                                        join_transaction_mode="create_savepoint")
            try:
                yield self
            finally:
                self.session = outer

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ writing

    def save_run(self, articles: list[Article], claims: list[Claim], events: list[Event],
                 source: str = "run", complete: bool = False) -> SaveStats:
        """Upsert one run's documents, claims and incidents in one transaction (idempotent).

        `complete=True` says `events` is every incident after linking against all stored ones (what
        `marsad run` saves): a stored incident missing from it whose reports all sit in the run's
        incidents was absorbed, and is marked merged. A partial batch (the default) marks nothing.
        """
        now = _now()
        try:
            stats = SaveStats()
            with self.session.begin() as s:
                self._save_documents(s, articles, now, stats)
                s.flush()
                self._save_claims(s, articles, claims, stats)
                self._save_events(s, events, now, source, stats, complete)
            return stats
        except SQLAlchemyError:
            if not articles:
                raise
        return self._save_each(articles, claims, events, now, source, complete)

    def _save_each(self, articles: list[Article], claims: list[Claim], events: list[Event], now: datetime,
                   source: str, complete: bool) -> SaveStats:
        """The slow path after a failed save: each document with its claims in a savepoint of its own.
        A document the database refuses is left out (with the reason in `failed`), and so are its
        claims and its place in incidents; the rest of the run is stored."""
        stats = SaveStats()
        by_doc: dict[str, list[Claim]] = defaultdict(list)
        for c in claims:
            by_doc[c.doc_id].append(c)
        with self.session.begin() as s:
            for a in articles:
                try:
                    with s.begin_nested():
                        self._save_documents(s, [a], now, stats)
                        s.flush()
                        self._save_claims(s, [a], by_doc.get(a.id, []), stats)
                except SQLAlchemyError as e:
                    stats.failed[a.id] = describe_error(e)
            kept = []
            for ev in events:
                doc_ids = [d for d in ev.doc_ids or [] if d not in stats.failed]
                if doc_ids:
                    kept.append(ev if len(doc_ids) == len(ev.doc_ids)
                                else dataclasses.replace(ev, doc_ids=doc_ids))
            self._save_events(s, kept, now, source, stats, complete)
        return stats

    def _save_documents(self, s: Session, articles: list[Article], now: datetime, stats: SaveStats) -> None:
        by_id = {a.id: a for a in articles}
        ids = list(by_id)
        existing: dict[str, DocumentRow] = {}
        for chunk in _chunks(ids):
            for row in s.scalars(select(DocumentRow).where(DocumentRow.id.in_(chunk))):
                existing[row.id] = row
        for doc_id, a in by_id.items():
            h = _hash(a.to_dict())
            fields = {k: getattr(a, k) for k in ("title", "text", "published", "published_origin", "outlet",
                                                  "url", "origin", "language", "duplicate_of")}
            row = existing.get(doc_id)
            if row is None:
                s.add(DocumentRow(id=doc_id, search_text=search_norm(f"{a.title or ''}\n{a.text}"),
                                  content_hash=h, created_at=now, updated_at=now, **fields))
                stats.documents_new += 1
            elif row.content_hash != h:
                for k, v in fields.items():
                    setattr(row, k, v)
                row.search_text = search_norm(f"{a.title or ''}\n{a.text}")
                row.content_hash = h
                row.updated_at = now
                stats.documents_updated += 1

    def _save_claims(self, s: Session, articles: list[Article], claims: list[Claim],
                     stats: SaveStats) -> None:
        """Replace the claims of every document this run processed (so stale claims disappear)."""
        doc_ids = list({a.id for a in articles} | {c.doc_id for c in claims})
        stored: set[str] = set()
        for chunk in _chunks(doc_ids):
            stored.update(s.scalars(select(DocumentRow.id).where(DocumentRow.id.in_(chunk))))
            s.execute(delete(ClaimRow).where(ClaimRow.doc_id.in_(chunk)))
        rows: list[dict[str, Any]] = []
        seen: dict[str, int] = defaultdict(int)
        per_doc: dict[str, int] = defaultdict(int)
        for c in claims:
            if c.doc_id not in stored:
                continue  # a claim without its document cannot be shown with its evidence
            cid = claim_id(c)
            seen[cid] += 1
            if seen[cid] > 1:
                cid = f"{cid}#{seen[cid]}"
            rows.append(_claim_row(c, cid, per_doc[c.doc_id]))
            per_doc[c.doc_id] += 1
        for chunk in _chunks(rows):
            s.execute(insert(ClaimRow), list(chunk))
        stats.claims += len(rows)

    def _save_events(self, s: Session, events: list[Event], now: datetime, source: str,
                     stats: SaveStats, complete: bool) -> None:
        by_id: dict[str, Event] = {}
        for ev in events:
            if not ev.event_id:
                raise ValueError("an event needs an event_id before it is stored (the linker sets it)")
            by_id[ev.event_id] = ev
        ids = list(by_id)
        existing: dict[str, EventRow] = {}
        old_docs: dict[str, list[str]] = defaultdict(list)
        for chunk in _chunks(ids):
            for row in s.scalars(select(EventRow).where(EventRow.event_id.in_(chunk))):
                existing[row.event_id] = row
            for ed in s.scalars(select(EventDocumentRow).where(EventDocumentRow.event_id.in_(chunk))
                                .order_by(EventDocumentRow.event_id, EventDocumentRow.ord)):
                old_docs[ed.event_id].append(ed.doc_id)
        replaced: list[str] = []
        links_rows: list[dict[str, Any]] = []
        revisions: list[dict[str, Any]] = []
        # new incidents go in with Core inserts a chunk at a time: an ORM object per incident of a run
        # (with its data dict) was held until the flush (~23 MB at 17.7k reports) and cost the unit of
        # work's bookkeeping; stored ones that changed are updated through the ORM as before
        new_rows: list[dict[str, Any]] = []
        for eid, ev in by_id.items():
            data = ev.to_dict()
            doc_ids = list(dict.fromkeys(data.pop("doc_ids") or []))
            full = _canonical(dict(data, doc_ids=doc_ids))
            h = _hash(full)
            row = existing.get(eid)
            if row is None:
                new_rows.append({"event_id": eid, "version": 1, "created_at": now,
                                 **self._event_columns(ev, data, doc_ids, h, now)})
                if len(new_rows) == CHUNK:
                    s.execute(insert(EventRow), new_rows)
                    new_rows = []
                changes = {"doc_ids": {"old": None, "new": doc_ids}}
                action, version = "created", 1
                stats.events_new += 1
            elif row.content_hash != h or row.status != "active":
                changes = _diff(_canonical(dict(row.data, doc_ids=old_docs.get(eid, []))), full)
                if row.status != "active":
                    changes["status"] = {"old": row.status, "new": "active"}
                row.version += 1
                action, version = "updated", row.version
                stats.events_updated += 1
                replaced.append(eid)
                self._fill_event_row(row, ev, data, doc_ids, h, now)
            else:
                continue
            revisions.append({"event_id": eid, "version": version, "action": action, "changes": changes,
                              "source": source, "at": now})
            links = data.get("links") or []
            links_rows.extend({"event_id": eid, "doc_id": d, "ord": i, "reasons": _reasons_for(links, d)}
                              for i, d in enumerate(doc_ids))
        if new_rows:
            s.execute(insert(EventRow), new_rows)
        s.flush()  # event rows first: event_documents refer to them
        for chunk in _chunks(replaced):
            s.execute(delete(EventDocumentRow).where(EventDocumentRow.event_id.in_(chunk)))
        for rows in _chunks(links_rows):
            s.execute(insert(EventDocumentRow), list(rows))
        for rows in _chunks(revisions):
            s.execute(insert(RevisionRow), list(rows))
        if complete:
            self._mark_merged(s, by_id, now, source, stats)
        if s.scalar(select(ReviewRow.id).limit(1)) is not None:
            from marsad.store.review import enforce

            s.flush()
            enforce(s, now)  # a coder's decisions outlive every run (store/review.py)

    @staticmethod
    def _event_columns(ev: Event, data: dict[str, Any], doc_ids: list[str], h: str, now: datetime
                       ) -> dict[str, Any]:
        """The columns of an incident's row a run writes (all but its id, version and creation time)."""
        actors = [a for a in [ev.actor1, ev.actor2, ev.assoc_actor_1, ev.assoc_actor_2, *ev.actors] if a]
        return {
            "event_type": ev.event_type, "sub_event_type": ev.sub_event_type, "date": ev.date,
            "date_end": ev.date_end, "country": ev.country, "admin1": ev.admin1, "location": ev.location,
            "latitude": ev.latitude, "longitude": ev.longitude,
            "actors_key": "|" + "|".join(dict.fromkeys(a.lower() for a in actors)) + "|",
            "search_text": search_norm(" | ".join(str(x) for x in [
                ev.event_id, ev.event_type, ev.sub_event_type, ev.country, ev.admin1, ev.admin2, ev.location,
                ev.place_text, *actors] if x)),
            "n_documents": len(doc_ids), "fatalities": killed_best(ev), "data": data, "content_hash": h,
            "status": "active", "merged_into": None, "updated_at": now}

    @staticmethod
    def _fill_event_row(row: EventRow, ev: Event, data: dict[str, Any], doc_ids: list[str], h: str,
                        now: datetime) -> None:
        for k, v in Store._event_columns(ev, data, doc_ids, h, now).items():
            setattr(row, k, v)

    def _mark_merged(self, s: Session, run_events: dict[str, Event], now: datetime, source: str,
                     stats: SaveStats) -> None:
        """Stored incidents left out of a complete run whose every report now sits in a run incident."""
        owner: dict[str, str] = {}
        for eid, ev in run_events.items():
            for d in ev.doc_ids:
                owner.setdefault(d, eid)
        if not owner:
            return
        candidates: set[str] = set()
        for chunk in _chunks(list(owner)):
            candidates.update(s.scalars(select(EventDocumentRow.event_id)
                                        .where(EventDocumentRow.doc_id.in_(chunk))))
        candidates -= set(run_events)
        docs_of: dict[str, list[str]] = defaultdict(list)
        rows: list[EventRow] = []
        for chunk in _chunks(sorted(candidates)):
            rows.extend(s.scalars(select(EventRow).where(EventRow.event_id.in_(chunk),
                                                         EventRow.status == "active")))
            for ed in s.scalars(select(EventDocumentRow).where(EventDocumentRow.event_id.in_(chunk))
                                .order_by(EventDocumentRow.event_id, EventDocumentRow.ord)):
                docs_of[ed.event_id].append(ed.doc_id)
        for row in sorted(rows, key=lambda r: r.event_id):
            docs = docs_of.get(row.event_id, [])
            if not docs or not all(d in owner for d in docs):
                continue
            row.status = "merged"
            row.merged_into = owner[docs[0]]
            row.version += 1
            row.updated_at = now
            s.add(RevisionRow(event_id=row.event_id, version=row.version, action="merged", source=source,
                              at=now, changes={"status": {"old": "active", "new": "merged"},
                                               "merged_into": {"old": None, "new": row.merged_into}}))
            stats.events_merged += 1

    # ------------------------------------------------------------------ reading: objects

    def load_events(self) -> list[Event]:
        """Active incidents with their doc_ids in report order: what the linker attaches new reports to."""
        return self.events(EventFilter())

    def candidate_events(self, blocks: Sequence[tuple[str | None, str, str]],
                         doc_ids: Sequence[str] = (), own_connection: bool = False) -> list[Event]:
        """Active incidents a batch can link to, read block by block instead of the whole store: those
        of a (country, first day, last day) block (country None: any country) whose days overlap it,
        incidents without a country in those days, and the incidents already holding one of
        `doc_ids` (a re-run re-attaches its reports). `own_connection`: read through a connection of
        their own, not the write lock's (`writing`), which another thread is using."""
        conds = []
        for country, first, last in blocks:
            overlap = and_(func.coalesce(EventRow.date_end, EventRow.date) >= first,
                           EventRow.date <= last + "\uffff")
            where = [overlap]
            if country is not None:
                same = func.upper(EventRow.country) == country.upper()
                where.append(or_(same, EventRow.country.is_(None)))
            conds.append(and_(*where))
        ids: set[str] = set()
        with (self.reader() if own_connection else self.session()) as s:
            for i in range(0, len(conds), 50):  # a few OR-ed blocks per query
                chunk = conds[i:i + 50]
                active = EventRow.status == "active"
                ids.update(s.scalars(select(EventRow.event_id).where(active, or_(*chunk))))
            for chunk in _chunks(list(doc_ids)):
                ids.update(s.scalars(select(EventDocumentRow.event_id).join(
                    EventRow, EventRow.event_id == EventDocumentRow.event_id).where(
                    EventRow.status == "active", EventDocumentRow.doc_id.in_(chunk))))
            rows: list[EventRow] = []
            for chunk in _chunks(sorted(ids)):
                rows.extend(s.scalars(select(EventRow).where(EventRow.event_id.in_(chunk))))
            docs = self._doc_ids_of(s, [r.event_id for r in rows])
        out = []
        for r in sorted(rows, key=lambda r: r.event_id):
            ev = event_from_dict(dict(r.data, event_id=r.event_id))
            ev.doc_ids = docs.get(r.event_id, [])
            out.append(ev)
        return out

    def events(self, flt: EventFilter | None = None, limit: int | None = None,
               offset: int = 0) -> list[Event]:
        """Incidents matching `flt` as `marsad.model.Event` objects (for exports)."""
        with self.session() as s:
            stmt = self._event_query(flt or EventFilter()).offset(offset)
            if limit is not None:
                stmt = stmt.limit(limit)
            rows = list(s.scalars(stmt))
            docs = self._doc_ids_of(s, [r.event_id for r in rows])
        out = []
        for r in rows:
            ev = event_from_dict(dict(r.data, event_id=r.event_id))
            ev.doc_ids = docs.get(r.event_id, [])
            out.append(ev)
        return out

    def claims(self, event_id: str | None = None, doc_id: str | None = None) -> list[Claim]:
        """Stored claims as `marsad.model.Claim` objects (spans included), in document order."""
        with self.session() as s:
            stmt = select(ClaimRow).order_by(ClaimRow.doc_id, ClaimRow.ord)
            if event_id is not None:
                stmt = stmt.where(ClaimRow.event_id == event_id)
            if doc_id is not None:
                stmt = stmt.where(ClaimRow.doc_id == doc_id)
            return [_claim_obj(r) for r in s.scalars(stmt)]

    def articles(self, ids: Sequence[str] | None = None) -> list[Article]:
        """Stored documents as `marsad.model.Article` objects (all of them when ids is None)."""
        with self.session() as s:
            rows: list[DocumentRow] = []
            if ids is None:
                rows = list(s.scalars(select(DocumentRow).order_by(DocumentRow.id)))
            else:
                for chunk in _chunks(list(ids)):
                    rows.extend(s.scalars(select(DocumentRow).where(DocumentRow.id.in_(chunk))))
        return [article_of(r) for r in rows]

    # ------------------------------------------------------------------ reading: dicts for the API

    def _doc_search(self, q: str) -> Select:
        """Ids of documents whose normalised title+text contains `q` (FTS5 trigram on SQLite)."""
        qn = search_norm(q)
        if self.dialect == "sqlite" and len(qn) >= 3:
            phrase = '"' + qn.replace('"', '""') + '"'
            return select(text("doc_id")).select_from(text("documents_fts")).where(
                text("documents_fts MATCH :fts").bindparams(fts=phrase))
        return select(DocumentRow.id).where(DocumentRow.search_text.like(_like(qn), escape="\\"))

    def _event_search(self, q: str) -> Select:
        """Ids of events whose own place/actor/type text contains `q` (FTS5 trigram on SQLite)."""
        qn = search_norm(q)
        if self.dialect == "sqlite" and len(qn) >= 3:
            phrase = '"' + qn.replace('"', '""') + '"'
            return select(text("event_id")).select_from(text("events_fts")).where(
                text("events_fts MATCH :efts").bindparams(efts=phrase))
        return select(EventRow.event_id).where(EventRow.search_text.like(_like(qn), escape="\\"))

    def _event_conditions(self, f: EventFilter) -> list[Any]:
        """SQL conditions of a filter (shared by the page, the count, the map points and the dates)."""
        cond: list[Any] = []
        if f.status:
            cond.append(EventRow.status == f.status)
        if f.date_from:
            cond.append(func.coalesce(EventRow.date_end, EventRow.date) >= f.date_from)
        if f.date_to:
            cond.append(EventRow.date <= f.date_to + "\uffff")
        if f.country:
            cond.append(func.lower(EventRow.country) == f.country.lower())
        if f.admin1:
            cond.append(func.lower(EventRow.admin1) == f.admin1.lower())
        if f.event_type:
            cond.append(func.lower(EventRow.event_type) == f.event_type.lower())
        if f.actor:
            cond.append(EventRow.actors_key.like(_like(f.actor.lower()), escape="\\"))
        if f.q and search_norm(f.q):
            in_docs = select(EventDocumentRow.event_id).where(
                EventDocumentRow.doc_id.in_(self._doc_search(f.q)))
            cond.append(or_(EventRow.event_id.in_(self._event_search(f.q)), EventRow.event_id.in_(in_docs)))
        if f.background is not None:
            cond.append(_json_flag(EventRow, f.background))
        return cond

    # newest first, undated last; served by ix_events_status_date on SQLite
    _ORDER = (EventRow.date.desc().nulls_last(), EventRow.event_id.desc())

    def _event_query(self, f: EventFilter) -> Select:
        return select(EventRow).where(*self._event_conditions(f)).order_by(*self._ORDER)

    def list_events(self, flt: EventFilter | None = None, limit: int = 50, offset: int = 0
                    ) -> tuple[int, list[dict[str, Any]]]:
        """A page of incidents (summary dicts: place, date, type, actors, estimates, n_documents)."""
        cond = self._event_conditions(flt or EventFilter())
        with self.session() as s:
            total = s.scalar(select(func.count()).select_from(EventRow).where(*cond)) or 0
            # ids first (a narrow sort), then the page's full rows
            ids = list(s.scalars(select(EventRow.event_id).where(*cond).order_by(*self._ORDER)
                                 .limit(limit).offset(offset)))
            by_id = {r.event_id: r for r in s.scalars(select(EventRow).where(EventRow.event_id.in_(ids)))}
            rows = [by_id[i] for i in ids if i in by_id]
            docs = self._doc_ids_of(s, ids)
        return total, [self._event_summary(r, docs.get(r.event_id, [])) for r in rows]

    def map_points(self, flt: EventFilter | None = None, limit: int = 3000) -> list[dict[str, Any]]:
        """Geocoded incidents of a filter, newest first, with only what a map marker shows."""
        cols = (EventRow.event_id, EventRow.latitude, EventRow.longitude, EventRow.event_type, EventRow.date,
                EventRow.location, EventRow.fatalities)
        with self.session() as s:
            cond = [*self._event_conditions(flt or EventFilter()), EventRow.latitude.is_not(None),
                    EventRow.longitude.is_not(None)]
            rows = s.execute(select(*cols).where(*cond).order_by(*self._ORDER).limit(limit)).all()
        keys = ("id", "lat", "lon", "type", "date", "place", "killed")
        return [dict(zip(keys, r, strict=True)) for r in rows]

    def event_dates(self, flt: EventFilter | None = None) -> list[str | None]:
        """The date of every incident of a filter (for the timeline)."""
        with self.session() as s:
            return list(s.scalars(select(EventRow.date).where(*self._event_conditions(flt or EventFilter()))))

    @staticmethod
    def _event_summary(r: EventRow, doc_ids: list[str]) -> dict[str, Any]:
        d = dict(r.data)
        d["event_id"] = r.event_id
        d["doc_ids"] = doc_ids
        d["n_documents"] = r.n_documents
        d["version"] = r.version
        d["status"] = r.status
        d["merged_into"] = r.merged_into
        d["updated_at"] = _iso(r.updated_at)
        return d

    @staticmethod
    def _doc_ids_of(s: Session, event_ids: list[str]) -> dict[str, list[str]]:
        out: dict[str, list[str]] = defaultdict(list)
        for chunk in _chunks(event_ids):
            for ed in s.scalars(select(EventDocumentRow).where(EventDocumentRow.event_id.in_(chunk))
                                .order_by(EventDocumentRow.event_id, EventDocumentRow.ord)):
                out[ed.event_id].append(ed.doc_id)
        return out

    def get_event(self, event_id: str) -> dict[str, Any] | None:
        """One incident with its claims (each with outlet and date), reports and revisions."""
        with self.session() as s:
            r = s.get(EventRow, event_id)
            if r is None:
                return None
            links = list(s.scalars(select(EventDocumentRow).where(EventDocumentRow.event_id == event_id)
                                   .order_by(EventDocumentRow.ord)))
            doc_ids = [ed.doc_id for ed in links]
            docs = {d.id: d for d in s.scalars(select(DocumentRow).where(DocumentRow.id.in_(doc_ids)))}
            claim_rows = list(s.scalars(select(ClaimRow).where(
                or_(ClaimRow.event_id == event_id,
                    (ClaimRow.doc_id.in_(doc_ids)) & (ClaimRow.event_id.is_(None))))
                .order_by(ClaimRow.doc_id, ClaimRow.ord)))
            revs = self._revisions(s, event_id)
            from marsad.store.review import reviews_of

            reviews = reviews_of(s, [event_id, event_id.split("~")[0], *(
                s.scalars(select(EventRow.event_id).where(EventRow.merged_into == event_id)))])
        out = self._event_summary(r, doc_ids)
        out["documents"] = [{
            "id": ed.doc_id, "ord": ed.ord, "reasons": ed.reasons or [],
            **({"title": docs[ed.doc_id].title, "outlet": docs[ed.doc_id].outlet,
                "published": docs[ed.doc_id].published, "url": docs[ed.doc_id].url}
               if ed.doc_id in docs else {"title": None, "outlet": None, "published": None, "url": None}),
        } for ed in links]
        out["claims"] = [dict(claim_to_dict(c), outlet=docs[c.doc_id].outlet if c.doc_id in docs else None,
                              published=docs[c.doc_id].published if c.doc_id in docs else None)
                         for c in claim_rows]
        out["revisions"] = revs
        out["reviews"] = reviews
        rejected = {r["params"].get("claim_id") for r in reviews if r["op"] == "reject"}
        for c in out["claims"]:
            c["rejected"] = c["id"] in rejected
        return out

    @staticmethod
    def _revisions(s: Session, event_id: str) -> list[dict[str, Any]]:
        return [{"version": v.version, "action": v.action, "changes": v.changes, "source": v.source,
                 "at": _iso(v.at)}
                for v in s.scalars(select(RevisionRow).where(RevisionRow.event_id == event_id)
                                   .order_by(RevisionRow.version, RevisionRow.id))]

    def revisions(self, event_id: str) -> list[dict[str, Any]]:
        """The change history of an event, oldest first (version 1 = created)."""
        with self.session() as s:
            return self._revisions(s, event_id)

    def list_claims(self, event_id: str | None = None, doc_id: str | None = None, kind: str | None = None,
                    who: str | None = None, source: str | None = None, stance: str | None = None,
                    limit: int = 100, offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
        """A page of claims, each with its document's outlet and publication date."""
        stmt = select(ClaimRow, DocumentRow.outlet, DocumentRow.published).join(
            DocumentRow, DocumentRow.id == ClaimRow.doc_id)
        for col, val in ((ClaimRow.event_id, event_id), (ClaimRow.doc_id, doc_id), (ClaimRow.kind, kind),
                         (ClaimRow.who, who), (ClaimRow.source, source), (ClaimRow.stance, stance)):
            if val is not None:
                stmt = stmt.where(col == val)
        with self.session() as s:
            total = s.scalar(select(func.count()).select_from(stmt.subquery())) or 0
            rows = s.execute(stmt.order_by(ClaimRow.doc_id, ClaimRow.ord).limit(limit).offset(offset)).all()
        return total, [dict(claim_to_dict(c), outlet=o, published=p) for c, o, p in rows]

    def list_documents(self, q: str | None = None, outlet: str | None = None, date_from: str | None = None,
                       date_to: str | None = None, limit: int = 50, offset: int = 0
                       ) -> tuple[int, list[dict[str, Any]]]:
        """A page of documents (metadata, no text), newest first; q searches the normalised text."""
        cols = [DocumentRow.id, DocumentRow.title, DocumentRow.published, DocumentRow.published_origin,
                DocumentRow.outlet, DocumentRow.url, DocumentRow.language, DocumentRow.duplicate_of]
        stmt = select(*cols)
        if q and search_norm(q):
            stmt = stmt.where(DocumentRow.id.in_(self._doc_search(q)))
        if outlet:
            stmt = stmt.where(DocumentRow.outlet == outlet)
        if date_from:
            stmt = stmt.where(DocumentRow.published >= date_from)
        if date_to:
            stmt = stmt.where(DocumentRow.published <= date_to + "\uffff")
        with self.session() as s:
            total = s.scalar(select(func.count()).select_from(stmt.subquery())) or 0
            rows = s.execute(stmt.order_by(DocumentRow.published.is_(None), DocumentRow.published.desc(),
                                           DocumentRow.id).limit(limit).offset(offset)).all()
        return total, [dict(r._mapping) for r in rows]

    def get_document(self, doc_id: str) -> dict[str, Any] | None:
        """One document with its original text, its claims and the events it reports."""
        with self.session() as s:
            r = s.get(DocumentRow, doc_id)
            if r is None:
                return None
            claims = [claim_to_dict(c) for c in s.scalars(select(ClaimRow).where(ClaimRow.doc_id == doc_id)
                                                           .order_by(ClaimRow.ord))]
            event_ids = list(s.scalars(select(EventDocumentRow.event_id).join(
                EventRow, EventRow.event_id == EventDocumentRow.event_id).where(
                EventDocumentRow.doc_id == doc_id, EventRow.status == "active")))
        return {"id": r.id, "title": r.title, "text": r.text, "published": r.published,
                "published_origin": r.published_origin, "outlet": r.outlet, "url": r.url,
                "origin": r.origin, "language": r.language, "duplicate_of": r.duplicate_of,
                "claims": claims, "event_ids": event_ids}

    def documents_text(self, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        """id -> {title, text, outlet, published, url} for several documents at once."""
        out: dict[str, dict[str, Any]] = {}
        with self.session() as s:
            for chunk in _chunks(list(ids)):
                for r in s.scalars(select(DocumentRow).where(DocumentRow.id.in_(chunk))):
                    out[r.id] = {"id": r.id, "title": r.title, "text": r.text, "outlet": r.outlet,
                                 "published": r.published, "url": r.url}
        return out

    def facets(self) -> dict[str, list[tuple[str, int]]]:
        """Values (with counts) of country, admin1 and event_type among active events: filter menus."""
        out: dict[str, list[tuple[str, int]]] = {}
        with self.session() as s:
            for name, col in (("country", EventRow.country), ("admin1", EventRow.admin1),
                              ("event_type", EventRow.event_type)):
                rows = s.execute(select(col, func.count())
                                 .where(EventRow.status == "active", col.is_not(None))
                                 .group_by(col).order_by(func.count().desc(), col)).all()
                out[name] = [(v, n) for v, n in rows]
        return out

    def counts(self) -> dict[str, int]:
        """How many documents, claims, active events and revisions the store holds."""
        with self.session() as s:
            return {
                "documents": s.scalar(select(func.count()).select_from(DocumentRow)) or 0,
                "claims": s.scalar(select(func.count()).select_from(ClaimRow)) or 0,
                "events": s.scalar(select(func.count()).select_from(EventRow)
                                   .where(EventRow.status == "active")) or 0,
                "revisions": s.scalar(select(func.count()).select_from(RevisionRow)) or 0,
            }


def killed_best(ev: Event) -> int | None:
    """The incident's deaths by the one rule (marsad.reconcile.fatalities; None without any): the map's
    marker size and the lists' figure."""
    from marsad.reconcile.fatalities import event_killed

    return event_killed(ev)


def _like(s: str) -> str:
    """A LIKE pattern matching `s` anywhere, with LIKE's own wildcards escaped."""
    return "%" + s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _json_flag(model: type[EventRow], value: bool):
    """`data.background == value` without dialect-specific JSON operators."""
    flag = model.data["background"].as_boolean()
    return flag.is_(True) if value else or_(flag.is_(None), flag.is_(False))
