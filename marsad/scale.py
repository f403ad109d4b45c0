"""Scale-out on Dask: workers read, process and record the reports; linking in blocks on the workers.

Per-article work (boilerplate, sentences, claims, events) is independent across articles and is
most of the run time. `marsad run --dask local` starts a `dask.distributed.LocalCluster` (one
single-threaded worker process per core); `--dask tcp://host:8786` uses a running scheduler, such
as one started by dask-jobqueue or dask-kubernetes, whose workers have Marsad installed
(docs/scale.md).

- Several input files are shards (`process_shards`). Each is one task: its worker reads it,
  processes it a chunk at a time and records each chunk in the store's run journal
  (marsad.store.journal). The driver reads nothing and gets back counts and read errors.
- A single file, one stream that cannot be split, is read by the driver, which sends chunks of
  articles (`process_chunks`); the workers still record them themselves.
- Linking is split into independent blocks that the workers link and reconcile
  (marsad.link.partition); the driver commits, writing the run's documents while they link.
- The journal keeps input positions, so the outputs equal a plain run's in any completion order.
  With workers on other machines the store must be one they reach (PostgreSQL).
"""

from __future__ import annotations

import contextlib
import os
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from marsad.ingest.metadata import Metadata, with_metadata
from marsad.ingest.readers import expand, jsonl_bytes, read_inputs, read_jsonl_range
from marsad.model import Article, IngestError
from marsad.run import DocResult, process_articles
from marsad.store.journal import article_hash

_WORKER_NLP: Any = None
# CPU seconds of this worker's task thread, by step of its tasks (bench/scale.py reads them with
# `client.run(worker_cpu)`): building the pipeline (once), reading (and decompressing, parsing), the
# pipeline itself, recording in the journal (and checking what is done), and the tasks in all. Thread
# CPU, not the process's: Dask's own threads (heartbeats, monitors) cost the process CPU in
# proportion to the wall time, which a machine shared with other jobs stretches.
WORKER_CPU: dict[str, float] = dict.fromkeys(("build", "read", "pipeline", "record", "tasks"), 0.0)


def worker_cpu() -> dict[str, float]:
    """This worker's task CPU seconds by step, and `process`: all its CPU (startup, linking, Dask's own)."""
    use = os.times()
    return {**WORKER_CPU, "process": use.user + use.system}


def _pipeline() -> Any:
    """The worker's pipeline, built by its first task and kept for every later one."""
    global _WORKER_NLP
    if _WORKER_NLP is None:
        from marsad import pipeline

        t = time.thread_time()
        _WORKER_NLP = pipeline.build()
        WORKER_CPU["build"] += time.thread_time() - t
    return _WORKER_NLP


def process_batch(articles: list[Article]) -> list[DocResult]:
    """Runs on a worker: the pipeline is built once per worker process and reused for every batch."""
    nlp = _pipeline()
    t = time.thread_time()
    try:
        return process_articles(articles, nlp)
    finally:
        WORKER_CPU["pipeline"] += time.thread_time() - t


def process_chunk(chunk: list[tuple[int, Article, str]], url: str, key: str) -> int:
    """Runs on a worker: process one chunk of (input position, article, hash as read) and record its
    reports in the run journal of the store at `url` (one transaction); returns how many.

    Recording is idempotent (a report's journal row is replaced), so a chunk retried after its worker
    died, or computed twice, leaves one row per report.
    """
    from marsad.run import done_reports

    journal = _worker_journal(url)
    journal.save_chunk(key, done_reports(chunk, process_batch([a for _, a, _ in chunk])))
    return len(chunk)


_WORKER_JOURNALS: dict[str, Any] = {}


def _worker_journal(url: str) -> Any:
    """The worker's journal of the store at `url`, opened once per worker process."""
    if url not in _WORKER_JOURNALS:
        from marsad.store.journal import Journal
        from marsad.store.store import Store

        _WORKER_JOURNALS[url] = Journal(Store(url))
    return _WORKER_JOURNALS[url]


class OutputsOnWorkers:
    """documents.jsonl and claims.jsonl written by two Dask workers from the run journal while the driver
    commits: after linking the workers are idle and the files need nothing from the commit (only a
    refused document changes them, and the driver then writes them itself). A worker writes into the
    driver's partial folder only if it sees that folder (a token file the driver puts there: the same
    machine or a shared file system); otherwise, or if its task fails, the driver writes the file."""

    def __init__(self, client: Any, url: str, key: str, folder: Path,
                 read_errors: list[tuple[int, IngestError]], ok_ids: list[str], duplicates: dict[str, str],
                 event_ids: dict[str, list[str | None]]) -> None:
        self.token = folder / f".marsad-token-{uuid.uuid4().hex}"
        self.token.touch()
        where = (url, key, str(folder.resolve()), self.token.name)
        self.futures = {
            "documents.jsonl": client.submit(write_output, "documents.jsonl", *where,
                                             (read_errors, ok_ids, duplicates), pure=False, retries=2),
            "claims.jsonl": client.submit(write_output, "claims.jsonl", *where, event_ids, pure=False,
                                          retries=2)}

    def wait(self) -> set[str]:
        """The names of the files the workers wrote (the others are the driver's to write)."""
        written = set()
        for name, fut in self.futures.items():
            with contextlib.suppress(Exception):  # a task that failed every retry: the driver writes it
                if fut.result():
                    written.add(name)
        self.token.unlink(missing_ok=True)
        return written


def find_duplicates_on_worker(url: str, key: str) -> dict[str, str]:
    """Runs on a worker: the run's near-duplicates (report id -> original), found from the journal as
    the driver would (`run.run_duplicates`) while the driver reads the run's results."""
    from marsad.run import run_duplicates

    return run_duplicates(_worker_journal(url), key)


def write_output(name: str, url: str, key: str, folder: str, token: str, data: Any) -> bool:
    """Runs on a worker: write output file `name` of run `key` into `folder` from the journal (see
    OutputsOnWorkers); False when this worker does not see the folder."""
    from marsad.run import _write_documents, claims_with_ids, write_jsonl

    out = Path(folder)
    if not (out / token).exists():
        return False
    journal = _worker_journal(url)
    if name == "documents.jsonl":
        read_errors, ok_ids, duplicates = data
        lines = journal.entries(key, results=False)
        _write_documents(out / name, lines, read_errors, set(ok_ids), duplicates)
    else:
        write_jsonl(out / name, (c.to_dict() for c in claims_with_ids(journal, key, data)))
    return True


# Input positions of a shard's reports: the shard's place among the inputs, shifted left by this many
# bits, plus the report's place in the shard (the journal's position column is 32-bit).
POSITION_BITS = 31


# A single corpus JSONL file is read by the workers in this many byte ranges at most (each task of
# a gzipped file decompresses the bytes before its range: `marsad shard` a very large one first)...
RANGES = 16
# ... of at least this many bytes (about 20 ANT reports), so a small file is not cut to crumbs.
MIN_RANGE_BYTES = 64 * 1024


@dataclass(frozen=True, slots=True)
class Shard:
    """One input a worker reads itself: a file, or the lines of a corpus JSONL file that begin in the
    (decompressed) byte range `part` = (start, end; None: to its end). Its reports take the input
    positions base, base + 1, ... < base + room."""

    path: str
    base: int
    room: int
    part: tuple[int, int | None] | None = None


def byte_ranges(size: int, ranges: int = RANGES, least: int = MIN_RANGE_BYTES
                ) -> list[tuple[int, int | None]]:
    """A file of `size` bytes cut into at most `ranges` consecutive byte ranges of at least `least`
    bytes (the last open-ended). A function of the size alone: a resumed run cuts the same ranges,
    so its reports keep their input positions whatever the number of workers."""
    n = max(1, min(ranges, size // max(least, 1)))
    cuts = [size * i // n for i in range(n)]
    return [(a, cuts[i + 1] if i + 1 < n else None) for i, a in enumerate(cuts)]


def shards_of(inputs: list[str], ranges: int | None = None, least: int | None = None
              ) -> tuple[list[Shard], list[tuple[int, IngestError]]] | None:
    """The inputs as units the workers read themselves, in input order, with the inputs that name no
    file as errors at their positions: each of several files is a shard; a single corpus JSONL file
    (plain or gzipped) is cut into byte ranges (`byte_ranges`). None when neither applies (one file
    of another kind, or too many files to number their reports): the driver then reads the inputs."""
    units: list[str | tuple[str, tuple[int, int | None]] | IngestError] = []
    seen: set[Path] = set()
    for name in inputs:
        files, error = expand(name)
        if error is not None:
            units.append(error)
        for path in files:
            if path.resolve() not in seen:
                seen.add(path.resolve())
                units.append(str(path))
    files = [u for u in units if isinstance(u, str)]
    if not files:
        return None
    if len(files) == 1:
        size = jsonl_bytes(Path(files[0]))
        if size is None:
            return None
        at = units.index(files[0])
        parts = byte_ranges(size, ranges or RANGES, least or MIN_RANGE_BYTES)
        units[at:at + 1] = [(files[0], part) for part in parts]
    bits = POSITION_BITS - max(len(units) - 1, 1).bit_length()
    if bits < 16:  # fewer than 65,536 reports a shard would be too few
        return None
    shards = [Shard(u, i << bits, 1 << bits) if isinstance(u, str)
              else Shard(u[0], i << bits, 1 << bits, u[1])
              for i, u in enumerate(units) if not isinstance(u, IngestError)]
    errors = [(i << bits, u) for i, u in enumerate(units) if isinstance(u, IngestError)]
    return shards, errors


def _read_shard(shard: Shard) -> Iterator[Article | IngestError]:
    if shard.part is None:
        return read_inputs([shard.path])
    return read_jsonl_range(Path(shard.path), *shard.part)


def process_shard(shard: Shard, url: str, key: str, metadata: Metadata | None, chunk_size: int
                  ) -> tuple[int, list[tuple[int, IngestError]]]:
    """Runs on a worker: read one shard, process its reports not done yet a chunk at a time, record
    each chunk in the run journal; returns how many were processed and the shard's read errors with
    their input positions (duplicate ids across shards among them).

    A report already done (same position, same hash as read) is skipped, so a retried task or a
    resumed run does each report once; a copy of an id an earlier position holds is a duplicate.
    """
    from marsad.run import done_reports

    started, before = time.thread_time(), _work() + WORKER_CPU["record"]
    journal = _worker_journal(url)
    errors: list[tuple[int, IngestError]] = []
    processed = 0

    def record(chunk: list[tuple[int, Article, str]]) -> None:
        nonlocal processed
        t = time.thread_time()
        held = journal.positions(key, [a.id for _, a, _ in chunk])
        todo = []
        for seq, art, read_hash in chunk:
            got = held.get(art.id)
            if got is not None and got[0] < seq:
                errors.append((seq, _duplicate(seq, art, got[2] or art.id)))
            elif got is None or got[0] != seq or got[1] != read_hash:
                todo.append((seq, art, read_hash))
        if todo:
            work = _work()
            results = process_batch([a for _, a, _ in todo])
            t += _work() - work  # what is not the pipeline is recording
            saved = journal.save_chunk(key, done_reports(todo, results), first_wins=True)
            errors.extend((d.seq, IngestError(d.origin, d.reason, d.doc_id)) for d in saved)
        processed += len(todo)
        _report_progress(key, len(chunk))
        WORKER_CPU["record"] += time.thread_time() - t

    chunk: list[tuple[int, Article, str]] = []
    for n, item in enumerate(with_metadata(_read_shard(shard), metadata)):
        seq = shard.base + n
        if n >= shard.room:
            errors.append((shard.base + shard.room - 1, IngestError(
                shard.path, f"shard holds more than {shard.room} reports: the rest is not read "
                "(split it with `marsad shard`)")))
            break
        if isinstance(item, IngestError):
            errors.append((seq, item))
            continue
        chunk.append((seq, item, article_hash(item)))
        if len(chunk) >= chunk_size:
            record(chunk)
            chunk = []
    if chunk:
        record(chunk)
    spent = time.thread_time() - started
    WORKER_CPU["tasks"] += spent
    WORKER_CPU["read"] += spent - (_work() + WORKER_CPU["record"] - before)
    return processed, errors


def _work() -> float:
    return WORKER_CPU["build"] + WORKER_CPU["pipeline"]


def _duplicate(seq: int, art: Article, first: str) -> IngestError:
    from marsad.store.journal import DuplicateId

    d = DuplicateId(seq, art.id, art.origin or art.id, first)
    return IngestError(d.origin, d.reason, d.doc_id)


PROGRESS_TOPIC = "marsad-progress"


def _report_progress(key: str, n: int) -> None:
    """Tell the driver (through the scheduler's event log) that `n` more reports of run `key` are done."""
    try:
        from dask.distributed import get_worker

        get_worker().log_event(PROGRESS_TOPIC, {"key": key, "n": n})
    except ValueError:  # not on a worker (called directly)
        pass


# Dask settings of the workers of `--dask local`. Each worker samples its task thread's stack 100 times
# a second for the dashboard's profile: with the pipeline's deep stacks that is 2-5% of a core
# (measured: a deep-stack task cost its process 12% more CPU than its thread with it, 7% without).
# On a cluster, set it in the workers' environment: DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED=False.
WORKER_CONFIG = {"distributed.worker.profile.enabled": False}


def local_cluster(workers: int) -> Any:
    """A LocalCluster of single-threaded worker processes (the pipeline holds the GIL: threads
    would not run it in parallel), with WORKER_CONFIG."""
    import dask
    from dask.distributed import LocalCluster

    with dask.config.set(WORKER_CONFIG):
        return LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)


def _client(scheduler: Any) -> tuple[Any, list[Any]]:
    """The Dask client for `scheduler` and what to close afterwards (nothing for a caller's client)."""
    from dask.distributed import Client

    if isinstance(scheduler, Client):
        return scheduler, []
    if scheduler in (None, "", "local"):
        cluster = local_cluster(os.cpu_count() or 1)
        client = Client(cluster)
        return client, [client, cluster]
    client = Client(scheduler)
    return client, [client]


# What the driver imports for the steps after processing: imported while the workers process, so the
# driver's serial tail is shorter.
_LATER = ("marsad.ingest.dedup", "marsad.link.partition", "marsad.reconcile.estimates")


def _warm_driver() -> None:
    import importlib

    for name in _LATER:
        with contextlib.suppress(Exception):
            importlib.import_module(name)


@contextlib.contextmanager
def dask_client(scheduler: Any) -> Iterator[Any]:
    """A Dask client for the whole run (processing, then linking): "local" starts a LocalCluster
    closed at the end, an address connects to a running scheduler, a Client is used as it is.
    The driver imports what its later steps need in the background meanwhile."""
    import threading

    threading.Thread(target=_warm_driver, name="marsad-warm", daemon=True).start()
    client, owned = _client(scheduler)
    try:
        yield client
    finally:
        for thing in owned:
            thing.close()


@dataclass(frozen=True, slots=True)
class JournalArticles:
    """Picklable: a worker linking a block reads the block's articles from the run journal."""

    url: str
    key: str
    duplicates: dict[str, str]

    def __call__(self, doc_ids: list[str]) -> dict[str, Article]:
        return _worker_journal(self.url).articles(self.key, doc_ids, self.duplicates)


def process_shards(shards: list[Shard], scheduler: Any, url: str, key: str, metadata: Metadata | None,
                   chunk_size: int, on_progress: Callable[[int], None] | None = None
                   ) -> tuple[int, list[tuple[int, IngestError]]]:
    """Every shard read, processed and recorded by a Dask worker: the driver reads nothing and gets
    back counts and read errors only. `on_progress(n)` is called with the reports done so far as the
    workers report their chunks. Returns the reports processed and the read errors by position."""
    from dask.distributed import wait

    client, owned = _client(scheduler)
    done = 0

    def heard(event: tuple[float, dict[str, Any]]) -> None:
        nonlocal done
        msg = event[1]
        if isinstance(msg, dict) and msg.get("key") == key:
            done += int(msg.get("n", 0))

    try:
        client.subscribe_topic(PROGRESS_TOPIC, heard)
        attempt = uuid.uuid4().hex[:8]  # a resumed run's tasks are new tasks, never an old result
        futures = [client.submit(process_shard, s, url, key, metadata, chunk_size, pure=False, retries=2,
                                 key=f"marsad-shard-{key[:12]}-{attempt}-{i}") for i, s in enumerate(shards)]
        pending, shown = set(futures), 0
        while pending:
            try:
                finished, pending = wait(pending, timeout=1, return_when="FIRST_COMPLETED")
            except TimeoutError:  # none finished within the second: show the workers' progress
                finished = set()
            if on_progress is not None and done != shown:
                shown = done
                on_progress(done)
            for f in finished:
                f.result()  # a shard that failed every retry stops the run here
        processed, errors = 0, []
        seen: set[tuple[int, str]] = set()
        for f in futures:
            n, errs = f.result()
            processed += n
            for seq, err in errs:  # a retried shard reports its duplicates again
                if (seq, err.reason) not in seen:
                    seen.add((seq, err.reason))
                    errors.append((seq, err))
        return processed, sorted(errors, key=lambda p: p[0])
    finally:
        with contextlib.suppress(Exception):
            client.unsubscribe_topic(PROGRESS_TOPIC)
        for thing in owned:
            thing.close()


def process_chunks(chunks: Iterator[list[tuple[int, Article, str]]], scheduler: Any, url: str,
                   key: str, in_flight: int | None = None) -> Iterator[int]:
    """Process and record each chunk on the Dask workers; yields the reports done as chunks finish.

    Chunks are submitted as they are read, a few per worker at a time, so neither the driver nor the
    scheduler holds the corpus, and results go from the workers to the store, not through the driver.
    `scheduler`: "local" (a LocalCluster started and closed here), a scheduler address, or a
    `dask.distributed.Client` the caller owns. A task whose worker dies is run again by Dask.
    """
    from dask.distributed import wait

    client, owned = _client(scheduler)
    try:
        window = in_flight or 2 * max(len(client.scheduler_info().get("workers", {})), 1)
        pending: set[Any] = set()
        for chunk in chunks:
            pending.add(client.submit(process_chunk, chunk, url, key, pure=False, retries=2))
            if len(pending) >= window:
                finished, pending = wait(pending, return_when="FIRST_COMPLETED")
                yield from (f.result() for f in finished)
        while pending:
            finished, pending = wait(pending, return_when="FIRST_COMPLETED")
            yield from (f.result() for f in finished)
    finally:
        for thing in owned:
            thing.close()
