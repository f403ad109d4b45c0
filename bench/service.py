"""Response times of the service on a real corpus: median and p95 of pages and API calls.

    .venv/bin/python bench/service.py [CORPUS.jsonl] [--n 50] [--pg]

Loads the corpus (default ../shared/eval/public/docs.jsonl) through `marsad.run.run_corpus` into a
fresh SQLite store (or, with --pg, a temporary PostgreSQL server), serves it with uvicorn on a free
local port and times sequential HTTP requests with one keep-alive client, after one warm-up request each.
"""

from __future__ import annotations

import argparse
import socket
import statistics
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote

import httpx
import uvicorn

from marsad.run import run_corpus
from marsad.serve.app import create_app
from marsad.store import Store
from marsad.store.pgtemp import TempPostgres

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "eval" / "public" / "docs.jsonl"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _time(client: httpx.Client, path: str, n: int) -> tuple[float, float, int]:
    client.get(path)  # warm-up
    ms = []
    size = 0
    for _ in range(n):
        t0 = time.perf_counter()
        r = client.get(path)
        ms.append((time.perf_counter() - t0) * 1000)
        r.raise_for_status()
        size = len(r.content)
    ms.sort()
    return statistics.median(ms), ms[min(len(ms) - 1, int(round(0.95 * (len(ms) - 1))))], size


def bench(url: str, corpus: Path, n: int) -> None:
    with tempfile.TemporaryDirectory(prefix="marsad-bench-") as tmp:
        t0 = time.perf_counter()
        summary = run_corpus([str(corpus)], Path(tmp) / "out", url)
        load_s = time.perf_counter() - t0
    with Store(url) as st:
        counts = st.counts()
        busiest = max(st.events(), key=lambda e: len(e.doc_ids))
    print(f"store {url.split('://')[0]}: loaded {summary.read} documents in {load_s:.1f} s -> {counts}")
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(url), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    eid = quote(busiest.event_id, safe="")
    paths = [
        ("GET / (list, map, timeline)", "/"),
        ("GET /?q=غارة (text search)", "/?q=" + quote("غارة")),
        ("GET /api/events", "/api/events"),
        ("GET /api/events?q=قتلى&limit=100", "/api/events?limit=100&q=" + quote("قتلى")),
        (f"GET /events/{{id}} ({len(busiest.doc_ids)} reports)", f"/events/{eid}"),
        ("GET /api/events/{id}", f"/api/events/{eid}"),
        ("GET /api/documents?q=انفجار", "/api/documents?q=" + quote("انفجار")),
        ("GET /api/export?format=geojson", "/api/export?format=geojson"),
    ]
    print(f"{'request':45s} {'median ms':>10s} {'p95 ms':>8s} {'bytes':>9s}")
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as client:
            for label, path in paths:
                med, p95, size = _time(client, path, n)
                print(f"{label:45s} {med:10.1f} {p95:8.1f} {size:9d}")
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--n", type=int, default=50, help="timed requests per path")
    ap.add_argument("--pg", action="store_true", help="use a temporary PostgreSQL server instead of SQLite")
    args = ap.parse_args()
    if not args.corpus.exists():
        raise SystemExit(f"corpus not found: {args.corpus}")
    if args.pg:
        with TempPostgres() as pg:
            bench(pg.create_database("bench"), args.corpus, args.n)
    else:
        with tempfile.TemporaryDirectory(prefix="marsad-bench-db-") as tmp:
            bench(f"sqlite:///{tmp}/marsad.db", args.corpus, args.n)


if __name__ == "__main__":
    main()
