"""Linking diagnosis on a gold set: gold incident clusters against ours, and why each pair split or merged.

    .venv/bin/python bench/link_diagnose.py ../shared/eval/wide [--cache /tmp/wide.pkl] [--refresh]

The per-article pipeline runs once (its results cached with --cache); linking and reconciliation run
each time, so a change to marsad/link or marsad/reconcile is judged in seconds. Prints the scorer's
figures, then each gold event of two or more reports: which of our events hold its reports, and for
every split pair the features and veto of the pair score; then our events that mix gold events.
"""

from __future__ import annotations

import argparse
import copy
import json
import pickle
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

from marsad.ingest.readers import read_inputs
from marsad.link.features import claims_by_member, features_of
from marsad.link.linker import link_events
from marsad.link.scoring import score_pair
from marsad.reconcile.estimates import reconcile
from marsad.run import process_articles, write_jsonl

sys.path.insert(0, str(Path(__file__).parent))
from link_spans import load_cached  # noqa: E402 - a sibling bench script


def _results(gold: Path, cache: Path | None, refresh: bool) -> list:
    if cache and cache.exists() and not refresh:
        return load_cached(cache)
    articles = [a for a in read_inputs([str(gold / "docs.jsonl")]) if not hasattr(a, "reason")]
    results = [r for r in process_articles(articles) if r.error is None]
    if cache:
        cache.write_bytes(pickle.dumps(results))
    return results


def _brief(ev) -> str:
    return (f"{ev.date}..{ev.date_end} {ev.country} {ev.admin1}/{ev.location} p{ev.geo_precision} "
            f"{ev.event_type} bg={ev.background}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold", type=Path)
    ap.add_argument("--cache", type=Path)
    ap.add_argument("--refresh", action="store_true")
    ap.add_argument("--quiet", action="store_true", help="scores only")
    args = ap.parse_args()
    results = _results(args.gold, args.cache, args.refresh)
    results = copy.deepcopy(results)
    claims = [c for r in results for c in r.claims]
    events = [e for r in results for e in r.events]
    by_id = {r.article.id: r.article for r in results}
    per_article = copy.deepcopy(events)
    incidents = link_events(events, claims, by_id)
    reconcile(incidents, claims, by_id)
    out = Path(tempfile.mkdtemp(prefix="linkdiag-"))
    write_jsonl(out / "claims.jsonl", [c.to_dict() for c in claims])
    write_jsonl(out / "events.jsonl", [e.to_dict() for e in incidents])
    score = subprocess.run([sys.executable, str(Path(__file__).parents[2] / "shared/eval/score.py"),
                            str(args.gold), str(out), "--json"], capture_output=True, text=True)
    res = json.loads(score.stdout)
    print({k: res[k] for k in ("events_p", "events_r", "link_p", "link_r", "link_f1", "estimates_acc")})
    if args.quiet:
        return
    gold = [json.loads(line) for line in (args.gold / "gold_events.jsonl").open()]
    ours: dict[str, list] = {}
    for inc in incidents:
        for d in inc.doc_ids:
            ours.setdefault(d, []).append(inc)
    pos: dict[str, int] = {}
    feats = {}
    by_member = claims_by_member(per_article, claims)
    told = Counter(ev.doc_ids[0] for ev in per_article)
    for ev in per_article:
        d = ev.doc_ids[0]
        m = (d, pos.get(d, 0))
        pos[d] = m[1] + 1
        feats[m] = (features_of(ev, m, by_member.get(m, []), by_id.get(d), alone=told[d] == 1), ev)
    for g in gold:
        if len(g["docs"]) < 2 or g.get("optional"):
            continue
        print(f"\n== {g['event']} {g['date']}..{g['date_end']} {g['country']} {g['place']} docs={g['docs']}")
        for d in g["docs"]:
            held = " | ".join(f"{i.event_id} n={len(i.doc_ids)} {_brief(i)}" for i in ours.get(d, []))
            print(f"   {d}: {held}")
        for i, a in enumerate(g["docs"]):
            for b in g["docs"][i + 1:]:
                fa = [f for m, f in feats.items() if m[0] == a]
                fb = [f for m, f in feats.items() if m[0] == b]
                shared = {x.event_id for x in ours.get(a, [])} & {x.event_id for x in ours.get(b, [])}
                if shared:
                    continue
                pairs = ((score_pair(x[0], y[0]), x[1], y[1], x[0].names & y[0].names)
                         for x in fa for y in fb)
                best = max(pairs, key=lambda t: (t[0].veto is None, t[0].score), default=None)
                if best:
                    ps, ea, eb, names = best
                    print(f"   SPLIT {a}~{b}: score={ps.score} veto={ps.veto} {ps.features} "
                          f"names={sorted(names)}")
                    print(f"       {a}: {_brief(ea)}\n       {b}: {_brief(eb)}")
    print("\n== gold estimates against ours (same kind, any group)")
    for g in gold:
        if g.get("optional"):
            continue
        mine = {i.event_id: i for d in g["docs"] for i in ours.get(d, [])}
        for ge in g.get("estimates", []):
            cands = [(e.who, e.best, e.low, e.high, e.disputed) for i in mine.values() for e in i.estimates
                     if e.kind == ge["kind"]]
            hit = any(b == ge.get("best") for _, b, *_ in cands)
            print(f"   {'ok ' if hit else 'BAD'} {g['event'][:50]} {ge} <- {cands}")
    gold_of: dict[str, set[str]] = {}
    for g in gold:
        for d in g["docs"]:
            gold_of.setdefault(d, set()).add(g["event"])
    print("\n== our events mixing gold events")
    for inc in incidents:
        if len(inc.doc_ids) < 2:
            continue
        gs = [sorted(gold_of.get(d, {"-"})) for d in inc.doc_ids]
        common = set.intersection(*[set(x) for x in gs])
        if not common:
            print(f"   {inc.event_id} {_brief(inc)}")
            for d, x in zip(inc.doc_ids, gs, strict=True):
                print(f"       {d}: {x}")


if __name__ == "__main__":
    main()
