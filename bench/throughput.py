"""Throughput of `marsad run` against a bare spaCy tokenising pass over the same texts.

    .venv/bin/python bench/throughput.py [CORPUS.jsonl] [--n 5000] [--stages]

Replicates the corpus (default ../shared/eval/public/docs.jsonl) to at least N articles (fresh ids,
the same texts), writes it to a temporary JSONL and times, in this one process:
  1. bare: `spacy.blank("ar").pipe(texts)`, tokenising only;
  2. end-to-end: `marsad.run.run_corpus` on the JSONL (read, dedup, pipeline, link, reconcile,
     SQLite store, JSONL outputs);
and prints articles per second of each, their ratio (aim: end-to-end >= 40% of bare), the time the
claims stage takes on its own (--stages), and peak memory (ru_maxrss of the process, and the
Python heap peak of the end-to-end run from tracemalloc when --trace is given; tracing slows it).
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import spacy

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "eval" / "public" / "docs.jsonl"


def replicate(corpus: Path, n: int) -> list[dict]:
    """At least n article rows: copies of the corpus with ids made unique."""
    rows = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    if not rows:
        sys.exit(f"{corpus}: no articles")
    out = []
    copy = 0
    while len(out) < n:
        for row in rows:
            out.append({**row, "id": f"{row['id']}~{copy}"})
        copy += 1
    return out


def bare_pass(texts: list[str]) -> float:
    """Seconds for a blank Arabic spaCy pipeline to tokenise all texts."""
    nlp = spacy.blank("ar")
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    return time.perf_counter() - t0


def claims_stage(texts: list[str]) -> float:
    """Seconds the claims component takes on already tokenised, sentence-split docs."""
    from marsad import pipeline
    from marsad.extract.claims import extract_claims
    from marsad.model import Article

    nlp = pipeline.build(["marsad_boilerplate"])
    docs = list(pipeline.process(nlp, [Article(id=str(i), text=t) for i, t in enumerate(texts)]))
    t0 = time.perf_counter()
    for doc in docs:
        extract_claims(doc)
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--n", type=int, default=5000, help="articles to process (corpus replicated)")
    ap.add_argument("--stages", action="store_true", help="also time the claims stage alone")
    ap.add_argument("--trace", action="store_true", help="tracemalloc peak of the end-to-end run")
    a = ap.parse_args()
    if not a.corpus.exists():
        sys.exit(f"no corpus at {a.corpus}")
    from marsad.run import run_corpus

    rows = replicate(a.corpus, a.n)
    texts = [r["text"] for r in rows]
    n = len(rows)
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "docs.jsonl"
        src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        bare = bare_pass(texts)
        if a.trace:
            tracemalloc.start()
        t0 = time.perf_counter()
        summary = run_corpus([str(src)], Path(tmp) / "out")
        full = time.perf_counter() - t0
        heap_peak = tracemalloc.get_traced_memory()[1] if a.trace else None
        if a.trace:
            tracemalloc.stop()
    print(f"articles            {n} ({summary.claims} claims, {summary.events} events)")
    print(f"bare spaCy pass     {bare:8.2f} s  {n / bare:9.1f} articles/s")
    print(f"marsad run          {full:8.2f} s  {n / full:9.1f} articles/s")
    print(f"ratio               {bare / full:8.1%}  (end-to-end / bare, aim >= 40%)")
    if a.stages:
        sample = texts[: min(n, 1000)]
        secs = claims_stage(sample)
        print(f"claims stage alone  {secs:8.2f} s  {len(sample) / secs:9.1f} articles/s (of {len(sample)})")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory         {rss:8.1f} MB (max RSS of this process)")
    if heap_peak is not None:
        print(f"python heap peak    {heap_peak / 2**20:8.1f} MB (tracemalloc, end-to-end run)")


if __name__ == "__main__":
    main()
