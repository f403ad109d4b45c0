"""Relevance on a news stream: the share of reports that produce an event, and what the relevance
stage costs per report.

    .venv/bin/python bench/relevance.py [CORPUS.jsonl[.gz]] [--every N] [--limit N] [--no-url]

Defaults to ../shared/corpora/ant-2018-other-sections.jsonl.gz (sport, economy, technology: almost no
incidents), every 8th report. Prints, per section (the second field of the report id, as the ANT
corpus names them, else the outlet), reports read, reports with at least one event, the share, the
incident units dropped as talk, and the milliseconds per report spent deciding relevance. `--no-url`
drops the URL, so only the text speaks (the section cue of the URL is one of the signals).
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections import Counter
from pathlib import Path

import marsad.extract.events as events_mod
from marsad import pipeline
from marsad.model import Article

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DEFAULT = SHARED / "corpora" / "ant-2018-other-sections.jsonl.gz"


def read(path: Path, every: int, limit: int | None, no_url: bool) -> list[Article]:
    opener = gzip.open if path.suffix == ".gz" else open
    out: list[Article] = []
    with opener(path, "rt", encoding="utf-8") as f:
        for n, line in enumerate(f):
            if n % every:
                continue
            d = json.loads(line)
            out.append(Article(id=d["id"], text=d["text"], title=d.get("title"), published=d.get("published"),
                               outlet=d.get("outlet"), url=None if no_url else d.get("url")))
            if limit is not None and len(out) >= limit:
                break
    return out


def section(a: Article) -> str:
    parts = a.id.split("-")
    return parts[1] if len(parts) > 2 else (a.outlet or "?")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT))
    ap.add_argument("--every", type=int, default=8)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--no-url", action="store_true")
    args = ap.parse_args()
    path = Path(args.corpus)
    if not path.exists():
        print(f"no corpus at {path}", file=sys.stderr)
        return 2
    articles = read(path, args.every, args.limit, args.no_url)
    spent = [0.0]
    judge = events_mod.judge

    def timed(*a):  # noqa: ANN002, ANN202 - a transparent wrapper
        t = time.perf_counter()
        try:
            return judge(*a)
        finally:
            spent[0] += time.perf_counter() - t

    events_mod.judge = timed
    nlp = pipeline.build()
    read_n: Counter = Counter()
    with_event: Counter = Counter()
    dropped: Counter = Counter()
    t0 = time.perf_counter()
    for doc in pipeline.process(nlp, articles):
        s = section(doc._.article)
        read_n[s] += 1
        if doc._.events:
            with_event[s] += 1
        dropped[s] += len((doc._.relevance or {}).get("dropped", []))
    total = time.perf_counter() - t0
    print(f"{'section':<20}{'reports':>9}{'with event':>12}{'share':>8}{'units dropped':>15}")
    for s in sorted(read_n):
        print(f"{s:<20}{read_n[s]:>9}{with_event[s]:>12}{with_event[s] / read_n[s]:>8.1%}{dropped[s]:>15}")
    n = sum(read_n.values())
    print(f"{'all':<20}{n:>9}{sum(with_event.values()):>12}{sum(with_event.values()) / max(n, 1):>8.1%}"
          f"{sum(dropped.values()):>15}")
    print(f"pipeline {1000 * total / max(n, 1):.2f} ms/report, of which relevance "
          f"{1000 * spent[0] / max(n, 1):.3f} ms/report")
    return 0


if __name__ == "__main__":
    sys.exit(main())
