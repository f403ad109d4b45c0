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
from collections.abc import Callable
from typing import Any

from marsad.model import Article
from marsad.run import DocResult, process_articles

# Articles per task: large enough to amortise shipping, small enough to balance the workers.
BATCH_SIZE = 64

_WORKER_NLP: Any = None


def process_batch(articles: list[Article]) -> list[DocResult]:
    """Runs on a worker: the pipeline is built once per worker process and reused for every batch."""
    global _WORKER_NLP
    if _WORKER_NLP is None:
        from marsad import pipeline

        _WORKER_NLP = pipeline.build()
    return process_articles(articles, _WORKER_NLP)


def batches(articles: list[Article], size: int) -> list[list[Article]]:
    return [articles[i:i + size] for i in range(0, len(articles), size)]


def process_distributed(articles: list[Article], scheduler: Any, batch_size: int | None = None,
                        on_done: Callable[[int], None] | None = None) -> list[DocResult]:
    """The per-article results for all articles, in input order, computed by Dask workers.

    `scheduler`: "local" (a LocalCluster started and closed here), a scheduler address, or a
    `dask.distributed.Client` the caller owns.
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
        futures = client.map(process_batch, batches(articles, batch_size or BATCH_SIZE), pure=False)
        results: list[DocResult] = []
        for future in futures:  # in submission order: outputs match a plain run
            results.extend(future.result())
            if on_done is not None:
                on_done(len(results))
        return results
    finally:
        for thing in owned:
            thing.close()
