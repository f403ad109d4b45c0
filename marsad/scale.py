"""Scale-out: the per-article pipeline on Dask workers, linking kept central.

Per-article work (boilerplate, sentences, claims, events) is independent across articles and is
most of the run time; linking and reconciliation need every article at once and stay in the
calling process. `marsad run --dask local` starts a `dask.distributed.LocalCluster` (one
single-threaded worker process per core); `--dask tcp://host:8786` uses a running scheduler, such
as one started by dask-jobqueue on a cluster or dask-kubernetes, whose workers have Marsad installed.
Results come back in input order, so the outputs are the same as a plain run's.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterator
from typing import Any

from marsad.model import Article
from marsad.run import DocResult, process_articles
from marsad.store.journal import DoneReport

_WORKER_NLP: Any = None


def process_batch(articles: list[Article]) -> list[DocResult]:
    """Runs on a worker: the pipeline is built once per worker process and reused for every batch."""
    global _WORKER_NLP
    if _WORKER_NLP is None:
        from marsad import pipeline

        _WORKER_NLP = pipeline.build()
    return process_articles(articles, _WORKER_NLP)


def process_chunk(chunk: list[tuple[int, Article, str]]) -> list[DoneReport]:
    """Runs on a worker: one chunk of (input position, article, hash as read) to journal records."""
    from marsad.run import done_reports

    return done_reports(chunk, process_batch([a for _, a, _ in chunk]))


def process_chunks(chunks: Iterator[list[tuple[int, Article, str]]], scheduler: Any,
                   in_flight: int | None = None) -> Iterator[list[DoneReport]]:
    """The journal records of each chunk, in input order, computed by Dask workers.

    Chunks are submitted as they are read, a few per worker at a time, so neither the driver nor the
    scheduler holds the corpus. `scheduler`: "local" (a LocalCluster started and closed here), a
    scheduler address, or a `dask.distributed.Client` the caller owns.
    """
    from dask.distributed import Client, LocalCluster

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
        pending: deque[Any] = deque()
        for chunk in chunks:
            pending.append(client.submit(process_chunk, chunk, pure=False))
            if len(pending) >= window:
                yield pending.popleft().result()  # in submission order: outputs match a plain run
        while pending:
            yield pending.popleft().result()
    finally:
        for thing in owned:
            thing.close()
