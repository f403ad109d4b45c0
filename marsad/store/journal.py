"""The run journal: what makes `marsad run` streaming and resumable, written with SQLAlchemy Core.

A run is keyed by its command (`run_key`). As each chunk of reports is processed, one transaction
stores in `run_documents` each report's article and results (claims, article events, its
documents.jsonl line, its near-duplicate fingerprint): the report is then done. A run killed at any
point and started again with the same command finds its key, skips the done reports, and links all
of them from the journal. The documents, the claims with their event ids, the incidents and the
run's status `linked` are committed in one transaction (the store never shows a half-stored run),
after the output files were written beside the folder (so `linked` means they are whole); the run is
`complete` once they are moved into place, and its journal rows are then deleted.
Bulk writes use Core `executemany`, not the ORM's unit of work.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import bindparam, delete, insert, null, select, update
from sqlalchemy.exc import SQLAlchemyError

from marsad.model import Article, Claim, Event
from marsad.store.engine import write_transaction
from marsad.store.models import ClaimRow, DocumentRow, RunDocumentRow, RunRow
from marsad.store.store import (
    CHUNK,
    SaveStats,
    Store,
    _claim_row,
    _hash,
    claim_id,
    describe_error,
    search_norm,
)

DOCS = DocumentRow.__table__
CLAIMS = ClaimRow.__table__
RUNS = RunRow.__table__
RUN_DOCS = RunDocumentRow.__table__
_DOC_FIELDS = ("title", "text", "published", "published_origin", "outlet", "url", "origin", "language",
               "duplicate_of")


def run_key(inputs: Iterable[str], out_dir: str) -> str:
    """The identity of a run: the same command (inputs and output folder) gives the same key."""
    return hashlib.sha256(json.dumps([list(inputs), out_dir]).encode()).hexdigest()


def article_hash(article: Article) -> str:
    """The hash of an article as read: a done report whose input changed since is processed again."""
    return _hash(article.to_dict())


@dataclass(slots=True)
class DoneReport:
    """One processed report, as the journal records it."""

    seq: int  # position in the input
    article: Article  # after the pipeline (a guessed title is set)
    read_hash: str  # article_hash before the pipeline
    row: dict[str, Any]  # its documents.jsonl line
    claims: list[Claim]
    events: list[Event]
    shingles: bytes | None
    error: str | None = None


@dataclass(slots=True)
class JournalEntry:
    """A done report read back from the journal (results as plain dicts; None when not read)."""

    doc_id: str
    seq: int
    error: str | None
    row: dict[str, Any]
    result: dict[str, Any] | None


def _now() -> datetime:
    return datetime.now(UTC)


def _chunks(items: list[Any]) -> Iterator[list[Any]]:
    for i in range(0, len(items), CHUNK):
        yield items[i:i + CHUNK]


class Journal:
    """The journal of the runs in one store."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.engine = store.engine

    def start(self, key: str) -> str:
        """Begin or resume the run `key`: its status, `processing` (fresh or resumed) or `linked`."""
        with write_transaction(self.engine, lock=None) as conn:
            row = conn.execute(select(RUNS.c.status).where(RUNS.c.key == key)).first()
            if row is not None and row.status != "complete":
                return row.status
            now = _now()
            conn.execute(delete(RUN_DOCS).where(RUN_DOCS.c.run_key == key))
            conn.execute(delete(RUNS).where(RUNS.c.key == key))
            conn.execute(insert(RUNS), [{"key": key, "status": "processing", "summary": None,
                                         "started_at": now, "updated_at": now}])
            return "processing"

    def done(self, key: str) -> dict[str, str]:
        """doc id -> hash of the article as read, for every report this run has done."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(RUN_DOCS.c.doc_id, RUN_DOCS.c.content_hash)
                                .where(RUN_DOCS.c.run_key == key))
            return dict(rows.all())

    def save_chunk(self, key: str, reports: list[DoneReport], first_wins: bool = False
                   ) -> list[DuplicateId]:
        """One transaction: the chunk's reports and their results, marked done. A report the database
        refuses (a character or value it cannot hold) is recorded as that report's error instead.

        `first_wins`: shards read by separate workers may hold the same document id; the copy at the
        lower input position keeps the journal row whichever is saved first, and the other copy is
        returned as a duplicate (the error a plain run's reader gives the later copy).
        """
        try:
            return self._save_reports(key, reports, first_wins)
        except SQLAlchemyError:
            if len(reports) == 1:
                raise
            out: list[DuplicateId] = []
            for r in reports:
                try:
                    out += self._save_reports(key, [r], first_wins)
                except SQLAlchemyError as e:
                    out += self._save_reports(key, [_refused(r, describe_error(e))], first_wins)
            return out

    def positions(self, key: str, doc_ids: list[str]) -> dict[str, tuple[int, str, str | None]]:
        """doc id -> (input position, hash as read, origin) of those of these ids the run has done."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(RUN_DOCS.c.doc_id, RUN_DOCS.c.seq, RUN_DOCS.c.content_hash,
                                       RUN_DOCS.c.row)
                                .where(RUN_DOCS.c.run_key == key, RUN_DOCS.c.doc_id.in_(doc_ids)))
            return {d: (seq, h, (row or {}).get("origin")) for d, seq, h, row in rows}

    def _save_reports(self, key: str, reports: list[DoneReport], first_wins: bool = False
                      ) -> list[DuplicateId]:
        duplicates: list[DuplicateId] = []
        with write_transaction(self.engine, lock=None) as conn:
            if first_wins:
                reports, duplicates = _first_copies(conn, key, reports)
                if not reports:
                    return duplicates
            ids = [r.article.id for r in reports]
            conn.execute(delete(RUN_DOCS).where(RUN_DOCS.c.run_key == key, RUN_DOCS.c.doc_id.in_(ids)))
            conn.execute(insert(RUN_DOCS), [{
                "run_key": key, "doc_id": r.article.id, "seq": r.seq, "content_hash": r.read_hash,
                "error": r.error, "row": r.row, "text": r.article.text, "shingles": r.shingles,
                "result": None if r.error is not None else {
                    "claims": [{**c.to_dict(), "event_index": c.event_index} for c in r.claims],
                    "events": [e.to_dict() for e in r.events]},
                **_document_prep(r),
            } for r in reports])
        return duplicates

    @staticmethod
    def _upsert_documents(conn: Any, articles: list[Article], now: datetime,
                          stats: SaveStats | None = None,
                          prepared: Mapping[str, tuple[str | None, str | None]] | None = None) -> None:
        """`prepared`: doc id -> (search text, hash without a duplicate mark) worked out when recorded."""
        if not articles:
            return
        stored = dict(conn.execute(select(DOCS.c.id, DOCS.c.content_hash)
                                   .where(DOCS.c.id.in_([a.id for a in articles]))).all())
        new, changed = [], []
        for a in articles:
            search, h = (prepared or {}).get(a.id, (None, None))
            if h is None or a.duplicate_of is not None:
                h = _hash(a.to_dict())
            if stored.get(a.id) == h:
                continue
            row = {k: getattr(a, k) for k in _DOC_FIELDS}
            if search is None:
                search = search_norm(f"{a.title or ''}\n{a.text}")
            row.update(search_text=search, content_hash=h, updated_at=now)
            if a.id in stored:
                changed.append({"b_id": a.id, **row})
            else:
                new.append({"id": a.id, "created_at": now, **row})
        if new:
            # RETURNING has SQLAlchemy send the rows as multi-row INSERTs ("insertmanyvalues"), not one
            # statement a row: SQLite's FTS5 writes its pending terms out as a new segment at every
            # statement (documents_fts is filled by a trigger), so a statement a row makes many small
            # segments merged over and over; batched, the insert takes half the CPU time
            conn.execute(insert(DOCS).returning(DOCS.c.id), new)
        if changed:
            conn.execute(update(DOCS).where(DOCS.c.id == bindparam("b_id")), changed)
        if stats is not None:
            stats.documents_new += len(new)
            stats.documents_updated += len(changed)

    def entries(self, key: str, results: bool = True) -> Iterator[JournalEntry]:
        """The run's done reports in input order, read a page at a time. `results=False` leaves out
        the claims and events (their JSON is most of a row) when only the documents.jsonl lines count."""
        last = -1
        result = RUN_DOCS.c.result if results else null().label("result")
        cols = (RUN_DOCS.c.doc_id, RUN_DOCS.c.seq, RUN_DOCS.c.error, RUN_DOCS.c.row, result)
        while True:
            with self.engine.connect() as conn:
                page = conn.execute(select(*cols).where(RUN_DOCS.c.run_key == key, RUN_DOCS.c.seq > last)
                                    .order_by(RUN_DOCS.c.seq).limit(CHUNK)).all()
            if not page:
                return
            for r in page:
                yield JournalEntry(r.doc_id, r.seq, r.error, r.row, r.result)
            last = page[-1].seq

    def fingerprints(self, key: str) -> Iterator[tuple[str, str | None, bytes]]:
        """(doc id, published, shingle fingerprint) of the run's done reports in input order, a page
        at a time: what near-duplicate detection needs, without the claims and events."""
        last = -1
        # the publication date read by the database from the row's JSON: decoding every row in Python
        # for it was a third of this pass
        published = RUN_DOCS.c.row["published"].as_string().label("published")
        cols = (RUN_DOCS.c.doc_id, RUN_DOCS.c.seq, published, RUN_DOCS.c.shingles)
        while True:
            with self.engine.connect() as conn:
                page = conn.execute(select(*cols).where(RUN_DOCS.c.run_key == key, RUN_DOCS.c.seq > last)
                                    .order_by(RUN_DOCS.c.seq).limit(CHUNK)).all()
            if not page:
                return
            for r in page:
                yield r.doc_id, r.published, r.shingles or b""
            last = page[-1].seq

    def shingles(self, key: str, doc_ids: list[str]) -> dict[str, bytes]:
        """doc id -> shingle fingerprint of these of the run's done reports (the exact check of the
        pairs near-duplicate detection proposes, `find_duplicates_streamed`)."""
        out: dict[str, bytes] = {}
        with self.engine.connect() as conn:
            for chunk in _chunks(doc_ids):
                out.update((d, fp or b"") for d, fp in conn.execute(
                    select(RUN_DOCS.c.doc_id, RUN_DOCS.c.shingles)
                    .where(RUN_DOCS.c.run_key == key, RUN_DOCS.c.doc_id.in_(chunk))))
        return out

    def commit(self, key: str, duplicates: Mapping[str, str], doc_ids: list[str], claims: Iterable[Claim],
               events: list[Event], summary: dict[str, Any], source: str,
               early: EarlyDocuments | None = None,
               before_commit: Callable[[dict[str, str]], None] | None = None) -> SaveStats:
        """One transaction: duplicate marks, the run's claims with event ids, its incidents, status linked.
        `claims` may be a stream that can be iterated again (run.RunClaims): it is read once a try.

        When the database refuses the batch, it is written again with each document in a savepoint
        of its own: a document it refuses is left out with its claims and its place in incidents,
        named in `stats.failed` and in the run's summary, and the rest is stored. `early`: the run's
        documents already being written in the same transaction (`write_documents_early`).
        `before_commit`: called with the refused documents (id -> reason) once every row is in and
        before the COMMIT, so what it does (the run writes its output files) is done whenever the
        status `linked` is; if it raises, nothing is committed.
        """
        try:
            return self._commit(key, duplicates, doc_ids, claims, events, summary, source, each=False,
                                early=early, before_commit=before_commit)
        except SQLAlchemyError:
            if not doc_ids:
                raise
        return self._commit(key, duplicates, doc_ids, claims, events, summary, source, each=True,
                            before_commit=before_commit)

    def write_documents_early(self, key: str, duplicates: Mapping[str, str] | Callable[[], Mapping[str, str]],
                              doc_ids: list[str] | None = None) -> EarlyDocuments:
        """Start upserting the run's documents in a thread, in the transaction `commit` finishes.

        Inserting the documents is most of the commit (SQLite's FTS5 trigram index is built as they
        go in) and needs nothing from linking, so a Dask run's driver writes them while the workers
        link and the driver reconciles: SQLite works with Python's lock released, so the two overlap
        on two cores. Nothing else may use the store's write connection until `commit` (or `discard`).
        `duplicates`: or a function the thread calls for them (it waits there); `doc_ids`: None for
        the run's reports done without error (`ok_ids`)."""
        return EarlyDocuments(self, key, duplicates, doc_ids)

    def ok_ids(self, key: str) -> list[str]:
        """The ids of the run's reports done without error, in input order (no results decoded)."""
        with self.engine.connect() as conn:
            return list(conn.execute(select(RUN_DOCS.c.doc_id).where(RUN_DOCS.c.run_key == key,
                                                                     RUN_DOCS.c.error.is_(None))
                                     .order_by(RUN_DOCS.c.seq)).scalars())

    def _commit(self, key: str, duplicates: Mapping[str, str], doc_ids: list[str], claims: Iterable[Claim],
                events: list[Event], summary: dict[str, Any], source: str, each: bool,
                early: EarlyDocuments | None = None,
                before_commit: Callable[[dict[str, str]], None] | None = None) -> SaveStats:
        now = _now()
        if early is not None and not each:
            s, stats = early.take()  # the documents are in; the transaction goes on here
        else:
            s, stats = self.store.session(), SaveStats()
            s.begin()
        try:
            self._commit_in(s, key, duplicates, doc_ids, claims, events, summary, source, each, now,
                            stats, documents=early is None or each)
            if before_commit is not None:
                before_commit(dict(stats.failed))
            s.commit()
        except BaseException:
            s.rollback()
            raise
        finally:
            s.close()
        return stats

    def _documents(self, s: Any, key: str, duplicates: Mapping[str, str], doc_ids: list[str], each: bool,
                   now: datetime, stats: SaveStats, origins: dict[str, str]) -> None:
        conn = s.connection()
        for page in _chunks(doc_ids):
            prepared: dict[str, tuple[str | None, str | None]] = {}
            arts = list(self.articles(key, page, duplicates, prepared).values())
            if not each:
                self._upsert_documents(conn, arts, now, stats, prepared)
                continue
            for a in arts:
                try:
                    with s.begin_nested():  # the SAVEPOINT is emitted when the session's
                        self._upsert_documents(s.connection(), [a], now, stats)  # connection is used
                except SQLAlchemyError as e:
                    stats.failed[a.id] = describe_error(e)
                    origins[a.id] = a.origin or a.id

    def _commit_in(self, s: Any, key: str, duplicates: Mapping[str, str], doc_ids: list[str],
                   claims: Iterable[Claim], events: list[Event], summary: dict[str, Any], source: str,
                   each: bool, now: datetime, stats: SaveStats, documents: bool = True) -> None:
        conn = s.connection()
        origins: dict[str, str] = {}
        if documents:
            self._documents(s, key, duplicates, doc_ids, each, now, stats, origins)
        if stats.failed:
            doc_ids, claims, events = without_refused(stats.failed, doc_ids, claims, events)
            summary = with_refused(summary, stats.failed, origins, len(events))
        for chunk in _chunks(doc_ids):
            conn.execute(delete(CLAIMS).where(CLAIMS.c.doc_id.in_(chunk)))
        # the claim rows a chunk at a time: all of them at once were ~1.5 KB a claim of the driver's peak
        rows_out: list[dict[str, Any]] = []
        seen: dict[str, int] = {}
        per_doc: dict[str, int] = {}
        n = 0
        for n, c in enumerate(claims, 1):  # noqa: B007 - n is the count after the loop
            cid = claim_id(c)
            seen[cid] = seen.get(cid, 0) + 1
            if seen[cid] > 1:
                cid = f"{cid}#{seen[cid]}"
            rows_out.append(_claim_row(c, cid, per_doc.get(c.doc_id, 0)))
            per_doc[c.doc_id] = per_doc.get(c.doc_id, 0) + 1
            if len(rows_out) == CHUNK:
                conn.execute(insert(CLAIMS), rows_out)
                rows_out = []
        if rows_out:
            conn.execute(insert(CLAIMS), rows_out)
        stats.claims = n
        self.store._save_events(s, events, now, source, stats, True)
        s.execute(update(RUNS).where(RUNS.c.key == key).values(status="linked", summary=summary,
                                                               updated_at=now))

    def articles(self, key: str, doc_ids: list[str], duplicates: Mapping[str, str],
                 prepared: dict[str, tuple[str | None, str | None]] | None = None) -> dict[str, Article]:
        """The run's articles of these ids, as processed (with duplicate marks), from the journal.
        `prepared`: filled with each one's recorded (search text, document hash), when given."""
        out: dict[str, Article] = {}
        extra = (RUN_DOCS.c.search_text, RUN_DOCS.c.doc_hash) if prepared is not None else ()
        with self.engine.connect() as conn:
            for chunk in _chunks(doc_ids):
                for doc_id, row, text, *more in conn.execute(
                        select(RUN_DOCS.c.doc_id, RUN_DOCS.c.row, RUN_DOCS.c.text, *extra)
                        .where(RUN_DOCS.c.run_key == key, RUN_DOCS.c.doc_id.in_(chunk))):
                    art = _stored_article(doc_id, row, text)
                    art.duplicate_of = duplicates.get(doc_id)
                    out[doc_id] = art
                    if prepared is not None:
                        prepared[doc_id] = (more[0], more[1])
        return out

    def summary(self, key: str) -> dict[str, Any] | None:
        with self.engine.connect() as conn:
            return conn.execute(select(RUNS.c.summary).where(RUNS.c.key == key)).scalar()

    def complete(self, key: str) -> None:
        """The outputs are in place: the run is complete and its journal rows go."""
        with write_transaction(self.engine, lock=None) as conn:
            conn.execute(delete(RUN_DOCS).where(RUN_DOCS.c.run_key == key))
            conn.execute(update(RUNS).where(RUNS.c.key == key).values(status="complete", updated_at=_now()))


def _stored_article(doc_id: str, row: Mapping[str, Any], text: str | None) -> Article:
    """A recorded report as the store gets it: its documents.jsonl fields and its text."""
    return Article(id=doc_id, text=text or "", **{k: row.get(k) for k in _DOC_FIELDS if k != "text"})


def _document_prep(r: DoneReport) -> dict[str, str | None]:
    """The search text and content hash (without a duplicate mark) of a report's document row, worked
    out by the process that records it: on Dask, the workers in parallel instead of the driver in its
    commit. A report with an error gets no document row."""
    if r.error is not None:
        return {"search_text": None, "doc_hash": None}
    art = _stored_article(r.article.id, dict(r.row, duplicate_of=None), r.article.text)
    return {"search_text": search_norm(f"{art.title or ''}\n{art.text}"), "doc_hash": _hash(art.to_dict())}


# Articles StoredArticles reads from the journal in one query when one is asked for: it and the ones
# after it in input order.
READ_AHEAD = 16


class StoredArticles(Mapping[str, Article]):
    """The run's articles, read from the journal when asked (a page kept): linking and reconciliation
    look articles up by id, and holding every text of a large corpus is what streaming avoids."""

    def __init__(self, journal: Journal, key: str, ids: Iterable[str], duplicates: Mapping[str, str],
                 keep: int = 512, ahead: int = READ_AHEAD) -> None:
        self.journal = journal
        self.key = key
        self.order = list(dict.fromkeys(ids))
        self.ids = {d: i for i, d in enumerate(self.order)}  # id -> input order
        self.duplicates = duplicates
        self.keep = keep
        self.ahead = ahead
        self.cache: dict[str, Article] = {}

    def __getitem__(self, doc_id: str) -> Article:
        art = self.cache.get(doc_id)
        if art is not None:
            return art
        at = self.ids[doc_id]  # KeyError for an id the run does not hold
        # the reports of one incident mostly sit near each other in the input (a corpus in date order,
        # or the chunks of one stream): the next few come in the same query, and the next look-up
        # often finds them here instead of querying again
        page = [d for d in self.order[at:at + self.ahead] if d not in self.cache]
        for d, a in self.journal.articles(self.key, page, self.duplicates).items():
            if len(self.cache) >= self.keep:
                self.cache.pop(next(iter(self.cache)))
            self.cache[d] = a
        return self.cache[doc_id]

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self.ids

    def read_many(self, doc_ids: Iterable[str]) -> dict[str, Article]:
        """These of the run's articles, read a page at a time (one query per page), without the cache:
        for a caller that needs many of them once."""
        ids = [d for d in doc_ids if d in self.ids]
        out: dict[str, Article] = {}
        for i in range(0, len(ids), CHUNK):
            out.update(self.journal.articles(self.key, ids[i:i + CHUNK], self.duplicates))
        return out

    def items(self) -> Iterator[tuple[str, Article]]:  # type: ignore[override]
        """Every article, read from the journal a page at a time (one query per page, not per article)."""
        ids = list(self.ids)
        for i in range(0, len(ids), CHUNK):
            page = self.journal.articles(self.key, ids[i:i + CHUNK], self.duplicates)
            yield from ((d, page[d]) for d in ids[i:i + CHUNK] if d in page)

    def __iter__(self) -> Iterator[str]:
        return iter(self.ids)

    def __len__(self) -> int:
        return len(self.ids)


class EarlyDocuments:
    """The run's documents being upserted in a thread, in a session of the store's write transaction
    that `Journal.commit` takes over (all or nothing with the claims and incidents, as before)."""

    def __init__(self, journal: Journal, key: str,
                 duplicates: Mapping[str, str] | Callable[[], Mapping[str, str]], doc_ids: list[str] | None
                 ) -> None:
        self.session = journal.store.session()
        self.stats = SaveStats()
        self.error: BaseException | None = None
        self.cpu = 0.0  # CPU seconds of the thread (bench/scale.py)

        def run() -> None:
            started = time.thread_time()
            try:
                self.session.begin()
                ids = journal.ok_ids(key) if doc_ids is None else doc_ids
                dups = duplicates() if callable(duplicates) else duplicates
                journal._documents(self.session, key, dups, ids, False, _now(), self.stats, {})
            except BaseException as e:  # noqa: BLE001 - handed to the thread that commits
                self.error = e
            finally:
                self.cpu = time.thread_time() - started

        self.thread = threading.Thread(target=run, name="marsad-documents", daemon=True)
        self.thread.start()

    def take(self) -> tuple[Any, SaveStats]:
        """The session with the documents written, once the thread is done (its error raised here)."""
        self.thread.join()
        if self.error is not None:
            self.discard()
            raise self.error
        session, self.session = self.session, None
        return session, self.stats

    def discard(self) -> None:
        """Roll the documents back unless `take` handed them on (a run that fails before its commit)."""
        self.thread.join()
        if self.session is not None:
            self.session.rollback()
            self.session.close()
            self.session = None


def without_refused(refused: Mapping[str, str], doc_ids: list[str], claims: Iterable[Claim],
             events: list[Event]) -> tuple[list[str], list[Claim], list[Event]]:
    """The run without the documents the store refused: their claims go, and so do they from incidents
    (an incident left with no report goes too)."""
    kept: list[Event] = []
    for ev in events:
        ids = [d for d in ev.doc_ids or [] if d not in refused]
        if ids:
            kept.append(ev if len(ids) == len(ev.doc_ids) else dataclasses.replace(ev, doc_ids=ids))
    return ([d for d in doc_ids if d not in refused], [c for c in claims if c.doc_id not in refused], kept)


def with_refused(summary: dict[str, Any], refused: Mapping[str, str], origins: Mapping[str, str],
                  n_events: int) -> dict[str, Any]:
    """The run's summary with one error per refused document."""
    errors = [*summary.get("errors", []), *({"input": origins[d], "reason": f"not stored: {why}", "doc_id": d}
                                            for d, why in refused.items())]
    return dict(summary, read=summary.get("read", 0) - len(refused), events=n_events, errors=errors)


@dataclass(frozen=True, slots=True)
class DuplicateId:
    """A report whose id an earlier input position holds: `seq` is its position, `origin` where it
    was read, `first` where the kept copy was read."""

    seq: int
    doc_id: str
    origin: str
    first: str

    @property
    def reason(self) -> str:
        return f"duplicate document id {self.doc_id!r} (already read from {self.first})"


def _first_copies(conn: Any, key: str, reports: list[DoneReport]
                  ) -> tuple[list[DoneReport], list[DuplicateId]]:
    """The reports that hold their id at the lowest input position (the journal's rows included),
    and a DuplicateId for every other copy: a later report, or a journal row it displaces."""
    ids = [r.article.id for r in reports]
    held = {d: (seq, (row or {}).get("origin") or d) for d, seq, row in conn.execute(
        select(RUN_DOCS.c.doc_id, RUN_DOCS.c.seq, RUN_DOCS.c.row)
        .where(RUN_DOCS.c.run_key == key, RUN_DOCS.c.doc_id.in_(ids)))}
    kept: dict[str, DoneReport] = {}
    out: list[DuplicateId] = []
    for r in sorted(reports, key=lambda r: r.seq):
        doc, origin = r.article.id, r.article.origin or r.article.id
        first = kept.get(doc)
        if first is not None and first.seq != r.seq:
            out.append(DuplicateId(r.seq, doc, origin, first.article.origin or doc))
            continue
        seq, where = held.get(doc, (None, None))
        if seq is not None and seq < r.seq:
            out.append(DuplicateId(r.seq, doc, origin, where))
            continue
        if seq is not None and seq > r.seq:
            out.append(DuplicateId(seq, doc, where, origin))  # the later copy saved first gives way
        kept[doc] = r
    return [r for r in reports if kept.get(r.article.id) is r], out


def _refused(r: DoneReport, why: str) -> DoneReport:
    """A report the store cannot hold, kept as an error: id, position and where it came from only."""
    reason = f"not stored: {why}"
    art = Article(id=r.article.id, text="", origin=r.article.origin)
    row = {k: (v if isinstance(v, str | int | float | bool | type(None)) and "\x00" not in str(v) else None)
           for k, v in r.row.items()}
    row.update(id=r.article.id, origin=r.article.origin, error=reason, boilerplate=[])
    return dataclasses.replace(r, article=art, row=row, claims=[], events=[], shingles=None, error=reason)
