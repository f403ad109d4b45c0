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


def timed(fn, *args):
    """(result, wall seconds, CPU seconds of this process): CPU time is what a busy machine does not skew."""
    w0, c0 = time.perf_counter(), time.process_time()
    result = fn(*args)
    return result, time.perf_counter() - w0, time.process_time() - c0


def bare_pass(texts: list[str]) -> None:
    """A blank Arabic spaCy pipeline tokenising all texts."""
    nlp = spacy.blank("ar")
    for _ in nlp.pipe(texts, batch_size=64):
        pass


def claims_stage(texts: list[str]) -> None:
    """The claims component alone on already tokenised, sentence-split docs."""
    from marsad import pipeline
    from marsad.extract.claims import extract_claims
    from marsad.model import Article

    nlp = pipeline.build(["marsad_boilerplate"])
    docs = list(pipeline.process(nlp, [Article(id=str(i), text=t) for i, t in enumerate(texts)]))
    extract_claims(docs[0])  # load the lexicons first
    return timed(lambda: [extract_claims(doc) for doc in docs])


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
        _, bare, bare_cpu = timed(bare_pass, texts)
        if a.trace:
            tracemalloc.start()
        summary, full, full_cpu = timed(run_corpus, [str(src)], Path(tmp) / "out")
        heap_peak = tracemalloc.get_traced_memory()[1] if a.trace else None
        if a.trace:
            tracemalloc.stop()
    print(f"articles            {n} ({summary.claims} claims, {summary.events} events)")
    print("                      wall s   articles/s |    CPU s   articles/s")
    print(f"bare spaCy pass     {bare:8.2f}  {n / bare:11.1f} | {bare_cpu:8.2f}  {n / bare_cpu:11.1f}")
    print(f"marsad run          {full:8.2f}  {n / full:11.1f} | {full_cpu:8.2f}  {n / full_cpu:11.1f}")
    print(f"ratio (run / bare)  {bare / full:8.1%}              | {bare_cpu / full_cpu:8.1%}   (aim >= 40%)")
    if a.stages:
        sample = texts[: min(n, 1000)]
        _, secs, cpu = claims_stage(sample)
        k = len(sample)
        print(f"claims stage alone  {secs:8.2f}  {k / secs:11.1f} | {cpu:8.2f}  {k / cpu:11.1f}   (of {k})")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory         {rss:8.1f} MB (max RSS of this process)")
    if heap_peak is not None:
        print(f"python heap peak    {heap_peak / 2**20:8.1f} MB (tracemalloc, end-to-end run)")


if __name__ == "__main__":
    main()
