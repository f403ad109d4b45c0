"""What linking makes of a real stream: reports per event, days per event, the largest events.

    .venv/bin/python bench/link_spans.py CORPUS.jsonl[.gz] [--cache FILE.pkl] [--top 20] [--json OUT]

Runs the per-article pipeline over the corpus once (cached with --cache; the ANT 2018 news corpus takes
~6 CPU minutes), then links its article events and prints: the distribution of reports per event and of
event spans (last day - first day), the events spanning more than 7 days and whether a report says the
incident continued (its own date range, "for the Nth day", the same building over days), and the
largest events with their days, places, types and outlets, for checking by hand.
"""

from __future__ import annotations

import argparse
import copy
import dataclasses
import json
import pickle
import time
from collections import Counter
from pathlib import Path

from marsad.ingest.dedup import mark_duplicates
from marsad.ingest.readers import read_inputs
from marsad.link.linker import link_events
from marsad.model import Article, IngestError, parse_day
from marsad.run import process_articles

REPORT_BINS = ((1, 1), (2, 2), (3, 5), (6, 10), (11, 20), (21, 50), (51, 10**9))
SPAN_BINS = ((0, 0), (1, 1), (2, 2), (3, 7), (8, 30), (31, 10**9))


def load_cached(cache: Path) -> list:
    """Pickled per-article results; objects pickled before a model field was added get its default."""
    results = pickle.loads(cache.read_bytes())
    for r in results:
        for obj in [*r.claims, *r.events]:
            for f in dataclasses.fields(obj):
                if not hasattr(obj, f.name):
                    factory = f.default_factory
                    setattr(obj, f.name, factory() if factory is not dataclasses.MISSING else f.default)
    return results


def results_of(corpus: str, cache: Path | None) -> list:
    """Per-article pipeline results of a corpus (from the cache when there is one)."""
    if cache and cache.exists():
        return load_cached(cache)
    articles = [a for a in read_inputs([corpus]) if not isinstance(a, IngestError)]
    mark_duplicates(articles)
    results = [r for r in process_articles(articles) if r.error is None]
    if cache:
        cache.write_bytes(pickle.dumps(results))
    return results


def _bin(value: int, bins) -> str:
    for lo, hi in bins:
        if lo <= value <= hi:
            return str(lo) if lo == hi else (f"{lo}-{hi}" if hi < 10**9 else f">{lo - 1}")
    return "?"


def span_days(ev) -> int:
    first, last = parse_day(ev.date), parse_day(ev.date_end) or parse_day(ev.date)
    return (last - first).days if first and last else 0


def continuation(ev) -> list[str]:
    """The reasons a long event's reports give for it having gone on (from its merge reasons): a
    report's own span ("for the Nth day", a date range) or reports from one building."""
    why = []
    buildings = Counter((link.get("at") or {}).get("place") for link in ev.links
                        if (link.get("at") or {}).get("facility"))
    for link in ev.links:
        at = link.get("at") or {}
        day, end = parse_day(at.get("day")), parse_day(at.get("day_end"))
        if at.get("continued"):
            why.append(f"{link.get('doc_id')}: day {at['continued'] + 1} of the incident ({day}..{end})")
        elif day and end and (end - day).days >= 1:
            why.append(f"{link.get('doc_id')}: own span {day}..{end}")
    why += [f"{n} reports from the building {place}" for place, n in buildings.items() if n > 1]
    return why


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus")
    ap.add_argument("--cache", type=Path)
    ap.add_argument("--top", type=int, default=20)
    ap.add_argument("--json", type=Path, help="write the figures as JSON")
    a = ap.parse_args()
    results = copy.deepcopy(results_of(a.corpus, a.cache))
    articles: dict[str, Article] = {r.article.id: r.article for r in results}
    events = [e for r in results for e in r.events]
    claims = [c for r in results for c in r.claims]
    t0 = time.process_time()
    incidents = link_events(events, claims, articles)
    cpu = time.process_time() - t0
    sizes = Counter(_bin(len(e.doc_ids), REPORT_BINS) for e in incidents)
    spans = Counter(_bin(span_days(e), SPAN_BINS) for e in incidents)
    long = [e for e in incidents if span_days(e) > 7]
    print(f"{len(articles)} reports, {len(events)} article events -> {len(incidents)} events "
          f"(linking {cpu:.1f} s CPU)")
    print("reports per event:", {k: sizes[_bin(lo, REPORT_BINS)] for lo, _ in REPORT_BINS
                                  for k in [_bin(lo, REPORT_BINS)]})
    print("days per event (last - first):", {k: spans[_bin(lo, SPAN_BINS)] for lo, _ in SPAN_BINS
                                              for k in [_bin(lo, SPAN_BINS)]})
    several = sum(len(e.doc_ids) > 1 for e in long)
    print(f"events spanning more than 7 days: {len(long)} ({several} of several reports); "
          f"with continuation evidence: {sum(bool(continuation(e)) for e in long)}")
    for e in sorted(long, key=lambda e: (len(e.doc_ids) < 2, -span_days(e)))[:10]:
        print(f"   {e.date}..{e.date_end} {e.country} {e.location} {e.event_type} n={len(e.doc_ids)} "
              f"{continuation(e)[:2]}")
    print(f"\nthe {a.top} largest events:")
    for e in sorted(incidents, key=lambda e: (-len(e.doc_ids), e.event_id or ""))[:a.top]:
        outlets = Counter(articles[d].outlet or "?" for d in e.doc_ids if d in articles)
        days = Counter(parse_day(articles[d].published) for d in e.doc_ids if d in articles)
        print(f"\n{len(e.doc_ids):4d} reports {e.date}..{e.date_end} {e.country} {e.admin1}/{e.location} "
              f"{e.event_type} outlets={dict(outlets)} published={sorted(str(d) for d in days)[:1]}.."
              f"{sorted(str(d) for d in days)[-1:]}")
        for d in e.doc_ids[:6]:
            art = articles.get(d)
            if art is not None:
                print(f"        {art.published} {art.outlet}: {(art.title or '')[:90]}")
    if a.json:
        a.json.write_text(json.dumps({"events": len(incidents), "reports_per_event": dict(sizes),
                                      "span_days": dict(spans), "over_7_days": len(long),
                                      "largest": [len(e.doc_ids) for e in sorted(incidents, key=lambda e:
                                                  -len(e.doc_ids))[:a.top]], "link_cpu_s": round(cpu, 1)}))


if __name__ == "__main__":
    main()
