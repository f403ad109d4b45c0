"""The main job: inputs -> articles -> per-document pipeline -> linking -> reconciliation -> outputs.

`run_corpus` is what `marsad run` and `marsad eval` call. It never stops on one bad input: each
becomes a line in errors.jsonl (and, when its id is known, a line with `error` in documents.jsonl)
and a count in the summary. Outputs (all in DIR):
- documents.jsonl: one line per input document, metadata and boilerplate spans, never the text;
- claims.jsonl, events.jsonl: the output contract (../shared/eval/README.md);
- errors.jsonl: one line per input that could not be read or processed;
- the store (SQLite DIR/marsad.db unless a URL is given).
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import gc
import heapq
import json
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import astuple, dataclass, field
from pathlib import Path
from typing import Any

from marsad import pipeline
from marsad.ingest.dedup import find_duplicates_streamed, fingerprint
from marsad.ingest.metadata import Metadata, with_metadata
from marsad.ingest.readers import read_inputs
from marsad.link.linker import link_events, store_blocks
from marsad.model import Article, Claim, Event, IngestError, Span
from marsad.reconcile.estimates import reconcile
from marsad.store import db as store
from marsad.store.journal import (
    DoneReport,
    Journal,
    JournalEntry,
    StoredArticles,
    article_hash,
    run_key,
    with_refused,
    without_refused,
)
from marsad.store.store import Store, event_from_dict
from marsad.text.document import guess_title
from marsad.text.normalize import clear_word_caches

# A run shorter than this finishes before a progress bar would be worth drawing.
PROGRESS_DELAY_SECONDS = 0.5
# Reports read, processed and stored together (one store transaction each).
CHUNK_SIZE = 256
# ... on Dask workers: smaller, so that the workers share a modest input evenly and report often
DASK_CHUNK_SIZE = 64
# The word forms of the first chunks stay in spaCy's vocabulary: a known word costs the tokenizer a
# lookup, a new one a lexeme (norm, shape, flags) built in Python, and the frequent forms of the
# language come early. Once it holds this many, each chunk's new forms are dropped after the chunk
# (spaCy's memory zone), so a long stream does not grow the process (about 1 KB a form).
VOCAB_KEEP = 40_000
# Outputs are written here first and moved into the output folder once the store has the run.
PARTIAL = ".marsad-partial"
# The store used when the given one cannot be opened (the outputs are still written), then removed.
SCRATCH_STORE = ".marsad-scratch.db"
# The cyclic collector's young-generation threshold while reports are processed (Python's default is
# 700 allocations): a report allocates tens of thousands of short-lived containers, and at 700 the
# collector ran ~2,700 young and ~20 full collections per 1,000 reports, 9% of the run's CPU time
# (3.4 s of 37 s); at 50,000 it takes 1.5 s. The garbage it finds is the same, found a little later.
GC_YOUNG_THRESHOLD = 50_000
OUTPUTS = ("documents.jsonl", "claims.jsonl", "events.jsonl", "errors.jsonl")

DOCUMENT_FIELDS = ("id", "title", "published", "published_origin", "outlet", "url", "language",
                   "origin", "boilerplate", "duplicate_of", "decoding", "error", "relevance")


@dataclass
class RunSummary:
    read: int = 0
    failed: int = 0
    duplicates: int = 0
    claims: int = 0
    events: int = 0
    seconds: float = 0.0
    errors: list[IngestError] = field(default_factory=list)

    def table_rows(self) -> list[tuple[str, str]]:
        return [("read", str(self.read)), ("failed", str(self.failed)),
                ("duplicates", str(self.duplicates)), ("claims", str(self.claims)),
                ("events", str(self.events)), ("seconds", f"{self.seconds:.2f}")]


def write_jsonl(path: Path, rows: Iterable[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")


def document_row(article: Article | None, error: IngestError | None = None,
                 boilerplate: list[tuple[int, int]] | None = None,
                 relevance: dict[str, Any] | None = None) -> dict[str, Any]:
    """The documents.jsonl line of an article (or of a failed input whose id is known)."""
    row: dict[str, Any] = dict.fromkeys(DOCUMENT_FIELDS)
    if article is not None:
        row.update({k: v for k, v in article.to_dict().items() if k in row})
    if error is not None:
        row["id"] = row["id"] or error.doc_id
        row["origin"] = row["origin"] or error.input
        row["error"] = error.reason
    row["boilerplate"] = [list(span) for span in boilerplate or []]
    row["relevance"] = relevance  # why its incidents were kept or dropped (marsad.extract.relevance)
    return row


def run_corpus(inputs: list[str], out_dir: Path, db_url: str | None = None, dask: Any = None,
               metadata: Metadata | None = None, chunk_size: int = CHUNK_SIZE) -> RunSummary:
    """Read, process, link, reconcile, store and write one batch of inputs, streaming.

    Reports are read, processed and stored a chunk at a time, each marked done in the store's run
    journal as its chunk commits (marsad.store.journal), so memory holds one chunk plus what linking
    needs. A run killed at any point and started again with the same command skips the done reports
    and ends with the outputs and store rows of one clean run. `dask`: None runs the per-article
    pipeline here; "local", a scheduler address or a `dask.distributed.Client` spreads the chunks over
    Dask workers (marsad.scale). Linking is central either way. `metadata`: dates, outlets and URLs
    the user supplies for inputs without them (ingest.metadata).
    """
    t0 = time.perf_counter()
    out_dir.mkdir(parents=True, exist_ok=True)
    progress = _Progress(t0)
    url = db_url or store.default_url(out_dir)
    store_errors: list[IngestError] = []
    scratch = out_dir / SCRATCH_STORE
    try:
        st = Store(url)
    except Exception as e:  # noqa: BLE001 - an unreachable store must not cost the run its outputs
        store_errors.append(IngestError(_safe_url(url), f"store not readable: {store.describe_error(e)}"))
        st = Store(f"sqlite:///{scratch.resolve()}")
    key = run_key([*inputs, repr(metadata)], str(out_dir.resolve()))
    journal = Journal(st)
    try:
        saved = None
        if journal.start(key) == "processing":
            with contextlib.ExitStack() as cluster:
                if dask is not None:  # one Dask client for processing and linking
                    from marsad.scale import dask_client

                    dask = cluster.enter_context(dask_client(dask))
                read_errors = _process_inputs(inputs, metadata, journal, key, dask, chunk_size, progress)
                progress.step("linking, reconciling, storing")
                saved = _link_and_write(journal, key, out_dir, read_errors, store_errors, dask, progress)
        summary = _finish(journal, key, out_dir, saved)
    finally:
        progress.stop()
        st.close()
    if store_errors:
        for leftover in (scratch, Path(f"{scratch}-wal"), Path(f"{scratch}-shm")):
            leftover.unlink(missing_ok=True)
    summary.seconds = round(time.perf_counter() - t0, 2)
    return summary


def _process_inputs(inputs: list[str], metadata: Metadata | None, journal: Journal, key: str, dask: Any,
                    chunk_size: int, progress: _Progress) -> list[tuple[int, IngestError]]:
    """Read every input, process the reports not done yet a chunk at a time and record each chunk.

    Returns the read errors with their input positions (they are read again on a resumed run).
    """
    read_errors: list[tuple[int, IngestError]] = []

    def todo() -> Iterator[list[tuple[int, Article, str]]]:
        done = journal.done(key)
        chunk: list[tuple[int, Article, str]] = []
        for seq, item in enumerate(with_metadata(read_inputs(inputs), metadata)):  # sidecars, --meta...
            if isinstance(item, IngestError):
                read_errors.append((seq, item))
            elif done.get(item.id) != (read_hash := article_hash(item)):
                chunk.append((seq, item, read_hash))
                if len(chunk) >= chunk_size:
                    yield chunk
                    chunk = []
            progress.reading(seq + 1)
        if chunk:
            yield chunk

    n = 0
    progress.processing(0)
    if dask is not None:
        chunk_size = min(chunk_size, DASK_CHUNK_SIZE)
    if dask is None:
        nlp = pipeline.build()
        thresholds = gc.get_threshold()
        gc.set_threshold(max(thresholds[0], GC_YOUNG_THRESHOLD), *thresholds[1:])
        try:
            for chunk in todo():
                journal.save_chunk(key, done_reports(chunk, process_articles([a for _, a, _ in chunk], nlp)))
                n += len(chunk)
                progress.processing(n)
                release_free_memory()
        finally:
            gc.set_threshold(*thresholds)
        del nlp
        clear_word_caches()  # what the stages cached per word is not needed by linking
        gc.collect()
        release_free_memory()
    else:
        from marsad.scale import process_chunks, process_shards, shards_of

        sharded = shards_of(inputs)
        if sharded is not None:  # each worker reads its own shards and records their reports
            shards, unnamed = sharded
            _, shard_errors = process_shards(shards, dask, journal.store.url, key, metadata, chunk_size,
                                             progress.processing)
            return sorted(unnamed + shard_errors, key=lambda p: p[0])
        # one stream (a single file): the driver reads it and sends chunks; the workers store each
        # chunk's results in the journal themselves and answer with a count
        for count in process_chunks(todo(), dask, journal.store.url, key):
            n += count
            progress.processing(n)
    return read_errors


def _malloc_trim() -> Callable[[int], int] | None:
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim
    except (OSError, AttributeError):  # not glibc (musl, macOS): nothing to hand back this way
        return None


_TRIM = _malloc_trim()


def release_free_memory() -> None:
    """Hand the C heap's free pages back to the system (glibc `malloc_trim`). Texts, token arrays and
    spaCy's buffers are C-heap blocks freed after each chunk, but glibc keeps the pages between the
    survivors, so the process grew ~1.5 MB per 1,000 reports after its caches were full, and linking
    piled its own memory on top of what processing had left."""
    if _TRIM is not None:
        _TRIM(0)


def done_reports(chunk: list[tuple[int, Article, str]], results: list[DocResult]) -> list[DoneReport]:
    """The journal records of a processed chunk of (input position, article, hash as read)."""
    by_id = {res.article.id: res for res in results}
    out = []
    for seq, read, read_hash in chunk:
        res = by_id[read.id]
        err = res.error
        row = document_row(res.article, err, res.boilerplate, res.relevance)
        out.append(DoneReport(seq, res.article, read_hash, row, res.claims, res.events,
                              fingerprint(res.article.text), err.reason if err else None))
    return out


def _link_and_write(journal: Journal, key: str, out_dir: Path, read_errors: list[tuple[int, IngestError]],
                    store_errors: list[IngestError], client: Any = None, progress: _Progress | None = None
                    ) -> None:
    """Link and reconcile every done report of the run, write the outputs beside the folder, then
    commit the incidents and claims with the run's status in one transaction. With a Dask `client`
    the independent blocks of the linking job are linked on the workers (marsad.link.partition)."""
    # Near-duplicates first, from the fingerprints streamed: a signature a report is held, and only the
    # reports sharing a band are read again (73 MB -> 17 MB at 17.7k reports), and the dedup's memory
    # and the run's claims and events are never in memory together.
    # On Dask, a worker finds them while the driver reads the run's results (the workers are idle now).
    found = None
    if client is not None:
        from marsad.scale import find_duplicates_on_worker

        found = client.submit(find_duplicates_on_worker, journal.store.url, key, pure=False, retries=2)
    else:
        duplicates = run_duplicates(journal, key)
    with contextlib.ExitStack() as lock:
        # the store's write lock, from loading its incidents to committing: a concurrent run or the
        # service waits here, then links against what this one committed (never one incident twice)
        early = None
        locked = False
        if client is not None:
            # on Dask the lock is taken now and the run's documents go in from here, in a thread, while
            # the driver reads the results and the workers find the duplicates and link: that thread's
            # FTS5 indexing is the longest part of the tail (write_documents_early)
            try:
                lock.enter_context(journal.store.writing())
                locked = True
                early = journal.write_documents_early(key, found.result)
                lock.callback(early.discard)
            except Exception as e:  # noqa: BLE001 - a store that fails now is listed; the outputs are still written
                store_errors.append(IngestError(_safe_url(journal.store.url),
                                                f"store not readable: {store.describe_error(e)}"))
        ok_ids: list[str] = []
        # Only the claims of reports with an article event are held: linking and reconciling read no other
        # claim (none of them can get an event id); the rest stream from the journal into the commit and
        # claims.jsonl (RunClaims), ~40% of a run's claims.
        linked: dict[str, list[Claim]] = {}
        events: list[Event] = []
        n_claims = 0
        stage_errors: list[IngestError] = []
        for e in journal.entries(key):
            if e.error is not None:
                stage_errors.append(IngestError(e.row.get("origin") or e.doc_id, e.error, e.doc_id))
                continue
            ok_ids.append(e.doc_id)
            n_claims += len(e.result["claims"])
            if e.result["events"]:
                linked[e.doc_id] = [_claim(d) for d in e.result["claims"]]
                events.extend(event_from_dict(d) for d in e.result["events"])
        if found is not None:
            duplicates = found.result()
        claims: Iterable[Claim] = RunClaims(journal, key, linked, n_claims)
        to_link = [c for own in linked.values() for c in own]
        articles = StoredArticles(journal, key, ok_ids, duplicates)
        existing: list[Event] = []
        try:
            if client is None:
                lock.enter_context(journal.store.writing())
                locked = True
            if locked:
                # only the stored incidents of the run's blocks (country, date window), not the whole
                # store; on Dask through a connection of their own (the document thread has the lock's)
                existing = journal.store.candidate_events([astuple(b) for b in store_blocks(events)], ok_ids,
                                                          own_connection=early is not None)
        except Exception as e:  # noqa: BLE001 - a store that fails now is listed; the outputs are still written
            store_errors.append(IngestError(_safe_url(journal.store.url),
                                            f"store not readable: {store.describe_error(e)}"))
        if client is None:
            incidents = link_events(events, to_link, articles, existing=existing)
            reconcile(incidents, to_link, articles)
        else:  # each block linked and reconciled on a worker
            from marsad.link.partition import link_partitioned
            from marsad.scale import JournalArticles

            incidents = link_partitioned(events, to_link, articles, existing, client=client,
                                         fetch=JournalArticles(journal.store.url, key, dict(duplicates)),
                                         on_block=progress.blocks if progress else None,
                                         run_docs=articles, duplicates=duplicates)
        del events, to_link  # the article events are in the incidents now (~1.3 KB a report of the peak)
        errors = [e for _, e in read_errors] + stage_errors + store_errors
        partial = out_dir / PARTIAL
        partial.mkdir(exist_ok=True)
        on_workers = None
        if client is not None:  # the workers sit idle from here: they write two files while we commit
            from marsad.scale import OutputsOnWorkers

            event_ids = {d: [c.event_id for c in own] for d, own in linked.items()}
            on_workers = OutputsOnWorkers(client, journal.store.url, key, partial, read_errors, ok_ids,
                                          duplicates, event_ids)
        summary = {"read": len(ok_ids), "duplicates": len(duplicates), "claims": n_claims,
                   "events": len(incidents), "errors": [e.to_dict() for e in errors]}
        written: dict[str, Any] = {}

        def write_outputs(refused: dict[str, str]) -> None:
            """The four files beside the folder, called before the store's COMMIT: a run killed while
            they are written is not yet `linked` and links again, so `linked` means they are whole."""
            out_claims, out_incidents, out_summary, out_errors = claims, incidents, summary, errors
            if refused:  # the documents the store refused are errors; the rest of the run is stored
                _, out_claims, out_incidents = without_refused(refused, ok_ids, claims, incidents)
                origins = {d: articles[d].origin or d for d in refused}
                out_summary = with_refused(summary, refused, origins, len(out_incidents))
                out_errors = [IngestError(**e) for e in out_summary["errors"]]
            try:
                by_workers = on_workers.wait() if on_workers is not None and not refused else set()
                if "documents.jsonl" not in by_workers:
                    lines = journal.entries(key, results=False)  # documents.jsonl lines, results not decoded
                    _write_documents(partial / "documents.jsonl", lines, read_errors, set(ok_ids), duplicates,
                                     refused)
                if "claims.jsonl" not in by_workers:
                    write_jsonl(partial / "claims.jsonl", (c.to_dict() for c in out_claims))
                write_jsonl(partial / "events.jsonl", (e.to_dict() for e in out_incidents))
                write_jsonl(partial / "errors.jsonl", (e.to_dict() for e in out_errors))
            except Exception as exc:
                raise OutputsNotWritten(str(exc)) from exc
            written["summary"] = out_summary

        try:
            journal.commit(key, duplicates, ok_ids, claims, incidents, summary, store.save_source.get(),
                           early, before_commit=write_outputs)
        except OutputsNotWritten as exc:  # the outputs' own failure (a full disk), not the store's
            raise exc.__cause__ from None  # noqa: B904 - the original error, as if raised here
        except Exception as exc:  # noqa: BLE001 - the outputs are still written, the error listed
            errors.append(IngestError(_safe_url(journal.store.url),
                                      f"store not written: {store.describe_error(exc)}"))
            summary["errors"] = [e.to_dict() for e in errors]
            write_outputs({})
    return written["summary"]


class OutputsNotWritten(Exception):
    """Writing the output files failed inside the store's transaction (kept apart from store errors)."""


def run_duplicates(journal: Journal, key: str) -> dict[str, str]:
    """The run's near-duplicates (report id -> original), from the fingerprints in its journal."""
    return find_duplicates_streamed(journal.fingerprints(key), lambda ids: journal.shingles(key, ids))


def _finish(journal: Journal, key: str, out_dir: Path, saved: dict[str, Any] | None) -> RunSummary:
    """Move the outputs written beside the folder into it (each rename is atomic); the run is complete.

    `saved`: the summary of the run just linked; None when a killed run had got that far already.
    """
    partial = out_dir / PARTIAL
    for name in OUTPUTS:
        if (partial / name).exists():
            os.replace(partial / name, out_dir / name)
    if partial.exists():
        for stale in partial.glob(".marsad-token-*"):  # of a run killed while its workers wrote files
            stale.unlink()
        partial.rmdir()
    if saved is None:
        saved = journal.summary(key) or {}
    with contextlib.suppress(Exception):  # a store that failed is listed in errors.jsonl already
        journal.complete(key)
    errors = [IngestError(**e) for e in saved.get("errors", [])]
    return RunSummary(read=saved.get("read", 0), failed=len(errors), duplicates=saved.get("duplicates", 0),
                      claims=saved.get("claims", 0), events=saved.get("events", 0), errors=errors)


def _claim(d: dict[str, Any]) -> Claim:
    return Claim(**dict(d, spans=[Span(**s) for s in d.get("spans") or []]))


class RunClaims:
    """The run's claims in input order, read from the journal each time they are iterated (the commit,
    then claims.jsonl): the claims of `linked` reports (doc id -> claims, with the event ids linking
    gave them) come from memory, every other report's from its journal row. `len` is the count."""

    def __init__(self, journal: Journal, key: str, linked: dict[str, list[Claim]], count: int) -> None:
        self.journal = journal
        self.key = key
        self.linked = linked
        self.count = count

    def __iter__(self) -> Iterator[Claim]:
        for e in self.journal.entries(self.key):
            if e.error is not None:
                continue
            own = self.linked.get(e.doc_id)
            yield from own if own is not None else (_claim(d) for d in e.result["claims"])

    def __len__(self) -> int:
        return self.count


def claims_with_ids(journal: Journal, key: str, event_ids: Mapping[str, list[str | None]]) -> Iterator[Claim]:
    """The run's claims in input order read from the journal, each claim of an `event_ids` report
    (doc id -> the event id of each of its claims, in order) given its event id: on a Dask run, the
    claims a worker writes to claims.jsonl are the driver's RunClaims, event ids and all (linking on
    the workers changes nothing else in the driver's claims)."""
    for e in journal.entries(key):
        if e.error is not None:
            continue
        ids = event_ids.get(e.doc_id)
        for i, d in enumerate(e.result["claims"]):
            c = _claim(d)
            if ids is not None:
                c.event_id = ids[i]
            yield c


def _write_documents(path: Path, entries: Iterator[JournalEntry], read_errors: list[tuple[int, IngestError]],
                     ok_ids: set[str], duplicates: dict[str, str],
                     refused: dict[str, str] | None = None) -> None:
    """documents.jsonl: one line per document id, read or failed, in input order (a failed copy of an
    id already listed, or of a report processed without error, adds none)."""
    listed: set[str] = set()
    with path.open("w", encoding="utf-8") as f:
        merged = heapq.merge(((e.seq, e) for e in entries), iter(read_errors), key=lambda p: p[0])
        for _seq, item in merged:
            if isinstance(item, JournalEntry):
                row = dict(item.row, duplicate_of=duplicates.get(item.doc_id, item.row.get("duplicate_of")))
                if refused and item.doc_id in refused:
                    row["error"] = f"not stored: {refused[item.doc_id]}"
            elif item.doc_id is not None and item.doc_id not in listed and item.doc_id not in ok_ids:
                row = document_row(None, item)
            else:
                continue
            if row["id"] not in listed:
                listed.add(row["id"])
                f.write(json.dumps(row, ensure_ascii=False) + "\n")


def _safe_url(url: str) -> str:
    """The store URL for messages, without its password."""
    try:
        from sqlalchemy.engine import make_url

        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - a URL SQLAlchemy cannot parse is shown as given
        return url


@dataclass(slots=True)
class DocResult:
    """What the per-article pipeline gives back for one article (picklable: Dask workers return it)."""

    article: Article
    boilerplate: list[tuple[int, int]]
    claims: list[Claim]
    events: list[Event]
    error: IngestError | None = None
    relevance: dict[str, Any] | None = None


def process_articles(articles: list[Article], nlp: Any = None,
                     on_done: Callable[[int], None] | None = None) -> list[DocResult]:
    """The per-article pipeline over a list of articles, in order; a stage failing on one article
    gives that article an error result instead of stopping the others."""
    nlp = nlp or pipeline.build()
    failed: dict[str, IngestError] = {}

    def on_stage_error(name: str, _proc: Any, docs: list, exc: Exception) -> None:
        for doc in docs:
            art: Article = doc._.article
            failed[art.id] = IngestError(art.origin or art.id, f"stage {name} failed: "
                                         f"{type(exc).__name__}: {exc}", art.id)

    def on_tokenizer_error(art: Article, exc: Exception) -> None:
        failed[art.id] = IngestError(art.origin or art.id, f"tokenizer failed: {type(exc).__name__}: {exc}",
                                     art.id)

    nlp.set_error_handler(on_stage_error)
    results: list[DocResult] = []
    # Once the vocabulary holds VOCAB_KEEP forms, the words a batch adds are dropped after it (spaCy's
    # memory zone): a stream of reports would otherwise grow it, and the process, with every new form.
    zone = nlp.memory_zone() if len(nlp.vocab) >= VOCAB_KEEP else contextlib.nullcontext()
    with zone:
        for doc in pipeline.process(nlp, articles, on_error=on_tokenizer_error):
            art: Article = doc._.article
            if art.title is None:
                art.title = guess_title(doc)
            doc_claims = doc._.claims or []
            doc_events = doc._.events or []
            for ev in doc_events:
                ev.doc_ids = [art.id]
            for c in doc_claims:
                c.doc_id = art.id
            results.append(DocResult(art, list(doc._.boilerplate or []), doc_claims, doc_events,
                                     relevance=doc._.relevance))
            if on_done is not None:
                on_done(len(results))
    results.extend(DocResult(a, [], [], [], failed[a.id]) for a in articles if a.id in failed)
    return results


class _Progress:
    """A rich progress bar on stderr, drawn only on a terminal and only once the run takes a while."""

    def __init__(self, t0: float) -> None:
        self.t0 = t0
        self.bar = None
        self.read_task = self.proc_task = self.link_task = None
        self.enabled = sys.stderr.isatty()

    def _ensure(self) -> bool:
        if self.bar is not None:
            return True
        if not self.enabled or time.perf_counter() - self.t0 < PROGRESS_DELAY_SECONDS:
            return False
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self.bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                            TimeElapsedColumn(), console=Console(stderr=True), transient=True)
        self.bar.start()
        return True

    def reading(self, n: int) -> None:
        if self._ensure():
            if self.read_task is None:
                self.read_task = self.bar.add_task("reading inputs", total=None)
            self.bar.update(self.read_task, completed=n)

    def _plain(self, message: str) -> None:
        """Off a terminal (a log, a pipe, a CI job) each stage is one plain line on stderr."""
        if not self.enabled:
            print(f"marsad: {message} ({time.perf_counter() - self.t0:.1f}s)", file=sys.stderr, flush=True)

    def processing(self, n: int, total: int | None = None) -> None:
        """`n` articles processed so far (of `total` when known; a stream's total is not)."""
        self._plain(f"processed {n} article(s)" if n else "reading and processing articles")
        if self._ensure():
            if self.proc_task is None:
                self.proc_task = self.bar.add_task("processing articles", total=total)
            self.bar.update(self.proc_task, completed=n)

    def blocks(self, done: int, total: int) -> None:
        """Linking blocks done on the workers (a plain line at every tenth)."""
        if total and (done == total or done * 10 // total != (done - 1) * 10 // total):
            self._plain(f"linked {done}/{total} block(s)")
        if self._ensure():
            if self.link_task is None:
                self.link_task = self.bar.add_task("linking blocks", total=total)
            self.bar.update(self.link_task, completed=done)

    def step(self, description: str) -> None:
        """A corpus-level step with no count of its own (a spinner line)."""
        self._plain(description)
        if self._ensure():
            self.bar.add_task(description, total=None)

    def stop(self) -> None:
        if self.bar is not None:
            self.bar.stop()
