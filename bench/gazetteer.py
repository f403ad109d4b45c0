"""Gazetteer memory and lookup speed: what the world layer adds to the process, and geocoding rate.

    .venv/bin/python bench/gazetteer.py [CORPUS.jsonl[.gz]] [--n 500] [--no-world]

Prints, in this one process:
  1. load: seconds and MB of resident memory added by building the gazetteer (MENA rows, curated
     places and, unless --no-world, the world layer `world.csv.gz`), its rows and name keys, then
     with the spelling-variant indexes that are built on first use;
  2. lookups: name-key probes per second (every key of the index looked up once, several rounds);
  3. geocoding: `find_places` over N reports of the corpus (default: the first 500 of
     ../shared/corpora/ant-2018-news.jsonl.gz, else the public gold set), tokenised beforehand, as
     reports/s and place mentions/s.
Run it twice (with and without --no-world) to see what the world layer costs.
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
DEFAULTS = (SHARED / "corpora" / "ant-2018-news.jsonl.gz", SHARED / "eval" / "public" / "docs.jsonl")


def rss_mb() -> float:
    """Current resident set size in MB (Linux /proc), else the peak."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def read(path: Path, n: int) -> list[dict]:
    opener = gzip.open if path.suffix == ".gz" else open
    out = []
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                out.append(json.loads(line))
            if len(out) >= n:
                break
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", type=Path)
    ap.add_argument("--n", type=int, default=500)
    ap.add_argument("--no-world", action="store_true", help="the MENA gazetteer only (no world layer)")
    args = ap.parse_args()

    from marsad.extract import gazetteer as gz

    if args.no_world:
        gz.WORLD_FILE = "(none)"
    # the text pipeline first, so the memory figure is the gazetteer's alone
    from marsad.extract.places import find_places
    from marsad.model import Article
    from marsad.text.nlp import make_nlp

    nlp = make_nlp()
    before = rss_mb()
    t = time.perf_counter()
    g = gz.gazetteer()
    load_s = time.perf_counter() - t
    added = rss_mb() - before
    t = time.perf_counter()
    _ = g.loose_index, g.fuzzy_buckets  # built on first use (spelling variants): counted here, not per report
    lazy_s = time.perf_counter() - t
    added_all = rss_mb() - before
    print(f"gazetteer: {len(g):,} rows, {len(g.index):,} name keys; load {load_s:.2f} s, +{added:.0f} MB RSS;"
          f" with the lazy variant indexes {load_s + lazy_s:.2f} s, +{added_all:.0f} MB"
          f" ({'MENA only' if args.no_world else 'with the world layer'})")

    keys = list(g.index)
    rounds = 5
    t = time.perf_counter()
    hits = 0
    for _ in range(rounds):
        for k in keys:
            hits += len(g.lookup(k))
    dt = time.perf_counter() - t
    print(f"lookups: {rounds * len(keys) / dt:,.0f} keys/s ({hits / rounds / len(keys):.2f} places per key)")

    corpus = args.corpus or next((p for p in DEFAULTS if p.exists()), None)
    if corpus is None:
        print("geocoding: no corpus (give one as the first argument)")
        return
    rows = read(corpus, args.n)
    docs = []
    for r in rows:
        doc = nlp(r.get("text") or "")
        doc._.article = Article(id=str(r.get("id")), text=r.get("text") or "", published=r.get("published"))
        doc._.boilerplate = []
        docs.append(doc)
    find_places(docs[0])  # warm the lazy tables
    t = time.perf_counter()
    mentions = sum(len(find_places(d)) for d in docs)
    dt = time.perf_counter() - t
    print(f"geocoding: {len(docs)} reports of {corpus.name}: {len(docs) / dt:,.0f} reports/s, "
          f"{mentions / dt:,.0f} places/s ({mentions} mentions); peak RSS {rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
