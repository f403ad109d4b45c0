"""List attribution mismatches of a run against a gold set: claims whose who/source/stance the scorer
rejects, and event mentions whose actors differ, so errors can be grouped into classes.

    python bench/attrib_mismatches.py ../shared/eval/wide /tmp/out/wide [--only who|source|stance|actors]

Uses the evaluation kit's scorer (its alias matching and claim pairing), so the lines printed are
exactly what the figures count. Prints one line per mismatch and a count per field.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path


def _scorer(gold_dir: Path):
    spec = importlib.util.spec_from_file_location("score", gold_dir.parent / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def claim_mismatches(sc, aliases, gold: list[dict], pred: list[dict], only: str | None) -> Counter:
    counts: Counter = Counter()
    for doc in sorted({g["doc"] for g in gold}):
        g_rows = [g for g in gold if g["doc"] == doc and not g.get("optional")]
        p_rows = [p for p in pred if str(p.get("doc_id")) == doc and p.get("value") is not None]
        used: set[int] = set()
        for g in g_rows:
            cands = [(i, p) for i, p in enumerate(p_rows) if i not in used and p["kind"] == g["kind"]
                     and sc.as_int(p["value"]) == g["value"]
                     and (sc.as_int(p.get("value_high")) if p.get("value_high") != p.get("value") else None)
                     == g.get("value_high")]
            if not cands:
                continue
            best = None
            for i, p in cands:
                w = bool(aliases.best(p.get("who"), p.get("who_text")) & set(g["who"]))
                src = aliases.best(p.get("source"), p.get("source_text")) or {"outlet"}
                s = bool(src & set(g["source"]))
                st = p.get("stance") == g["stance"]
                if best is None or (w + s + st) > best[0]:
                    best = (w + s + st, i, p, w, s, st)
            _, i, p, w, s, st = best
            used.add(i)
            for field, ok in (("who", w), ("source", s), ("stance", st)):
                if ok or (only and only != field):
                    continue
                counts[field] += 1
                if field == "who":
                    got = f"{p.get('who')!r} / {p.get('who_text')!r}"
                    want = g["who"]
                elif field == "source":
                    got = f"{p.get('source')!r} / {p.get('source_text')!r}"
                    want = g["source"]
                else:
                    got, want = p.get("stance"), g["stance"]
                print(f"{field:6} {doc} {g['kind']} {g['value']}: got {got} want {want} "
                      f"| {g['evidence'][:90]}")
    return counts


def actor_mismatches(sc, aliases, gold_events: list[dict], pred_events: list[dict]) -> Counter:
    counts: Counter = Counter()
    for g in gold_events:
        if g.get("optional"):
            continue
        for d in g["docs"]:
            cands = [c for c in pred_events
                     if d in (c.get("doc_ids") or []) and c.get("country") == g["country"]]
            if not cands:
                continue
            c = cands[0]
            pa = {}
            for a in c.get("actors") or []:
                ids = aliases.best(a)
                hit = ids & set(g["actors"])
                for i in sorted(hit or ids)[:1]:
                    pa[i] = a
                if not ids:
                    pa[f"?{a}"] = a
            ga = set(g["actors"])
            fp = {k: v for k, v in pa.items() if k not in ga}
            fn = ga - set(pa)
            counts["fp"] += len(fp)
            counts["fn"] += len(fn)
            if fp or fn:
                print(f"actors {d} {g['event'][:50]}: missing {sorted(fn)} extra {sorted(fp.values())} "
                      f"got {c.get('actors')}")
    return counts


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--only", choices=["who", "source", "stance", "actors"])
    a = ap.parse_args()
    sc = _scorer(a.gold)
    aliases = sc.Aliases(json.loads((a.gold / "actors.json").read_text(encoding="utf-8")))
    counts: Counter = Counter()
    if a.only != "actors":
        counts += claim_mismatches(sc, aliases, sc.load_jsonl(a.gold / "gold_claims.jsonl"),
                                   sc.load_jsonl(a.out / "claims.jsonl"), a.only)
    if a.only in (None, "actors"):
        counts += actor_mismatches(sc, aliases, sc.load_jsonl(a.gold / "gold_events.jsonl"),
                                   sc.load_jsonl(a.out / "events.jsonl"))
    print(dict(counts), file=sys.stderr)


if __name__ == "__main__":
    main()
