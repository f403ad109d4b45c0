"""Scale-out: the per-article pipeline on Dask workers, which store their results; linking central.

Per-article work (boilerplate, sentences, claims, events) is independent across articles and is
most of the run time. The driver reads the inputs and submits chunks of articles; each worker
processes a chunk and records its reports in the store's run journal itself (marsad.store.journal),
so results never come back through the driver. Linking and reconciliation then read the journal in
the calling process, as in a plain run. `marsad run --dask local` starts a
`dask.distributed.LocalCluster` (one single-threaded worker process per core); `--dask
tcp://host:8786` uses a running scheduler, such as one started by dask-jobqueue on a cluster or
dask-kubernetes, whose workers have Marsad installed.
The journal keeps input positions, so the outputs are the same as a plain run's in any completion
order; with workers on other machines the store must be one they reach (PostgreSQL).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

from marsad.model import Article
from marsad.run import DocResult, process_articles

_WORKER_NLP: Any = None


def process_batch(articles: list[Article]) -> list[DocResult]:
    """Runs on a worker: the pipeline is built once per worker process and reused for every batch."""
    global _WORKER_NLP
    if _WORKER_NLP is None:
        from marsad import pipeline

        _WORKER_NLP = pipeline.build()
    return process_articles(articles, _WORKER_NLP)


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


def process_chunks(chunks: Iterator[list[tuple[int, Article, str]]], scheduler: Any, url: str,
                   key: str, in_flight: int | None = None) -> Iterator[int]:
    """Process and record each chunk on the Dask workers; yields the reports done as chunks finish.

    Chunks are submitted as they are read, a few per worker at a time, so neither the driver nor the
    scheduler holds the corpus, and results go from the workers to the store, not through the driver.
    `scheduler`: "local" (a LocalCluster started and closed here), a scheduler address, or a
    `dask.distributed.Client` the caller owns. A task whose worker dies is run again by Dask.
    """
    from dask.distributed import Client, LocalCluster, wait

    owned: list[Any] = []
    if isinstance(scheduler, Client):
        client = scheduler
    else:
        if scheduler in (None, "", "local"):
            cluster = LocalCluster(n_workers=os.cpu_count() or 1, threads_per_worker=1,
                                   processes=True, dashboard_address=None)
            owned.append(cluster)
            client = Client(cluster)
        else:
            client = Client(scheduler)
        owned.insert(0, client)
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
