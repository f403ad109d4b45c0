"""List actor errors of matched events against a gold set, to group them into classes.

Usage: python bench/actor_errors.py GOLD_DIR OUT_DIR [--doc ID] [--summary]
Uses the scorer's own event assignment (score.py beside the gold sets) and its alias lookup, then
prints per matched event the predicted actor names with the gold ids they resolve to, the gold actor
ids, and which ids are false positives (FP) and false negatives (FN). --summary counts FP and FN ids.
"""

from __future__ import annotations

import argparse
import collections
import importlib.util
import json
import pathlib


def load_scorer(gold: pathlib.Path):  # noqa: ANN201 - a module object
    """The scorer module, so the matching is exactly the one that judges us."""
    path = gold.parent / "score.py"
    spec = importlib.util.spec_from_file_location("score", path)
    mod = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(mod)
    return mod


def assignment(sc, gold: list[dict], pred: list[dict]) -> dict[tuple[str, str], int]:
    """(gold event, doc) -> index of the predicted event, as score_events assigns them."""

    def matches(c: dict, g: dict) -> bool:
        d = sc.parse_date(c.get("date"))
        lo = sc.parse_date(g["date"]) - sc.dt.timedelta(days=1)
        hi = sc.parse_date(g.get("date_end") or g["date"]) + sc.dt.timedelta(days=1)
        return d is not None and lo <= d <= hi and str(c.get("country", "")).upper() == g["country"]

    def closeness(c: dict, g: dict) -> float:
        lat, lon = c.get("latitude"), c.get("longitude")
        if isinstance(lat, (int, float)) and isinstance(lon, (int, float)):
            return max(0.0, 1 - sc.km(lat, lon, g["lat"], g["lon"]) / (2 * g["radius_km"]))
        return 0.0

    out: dict[tuple[str, str], int] = {}
    docs = sorted({d for g in gold for d in g["docs"]}
                  | {str(d) for c in pred for d in c.get("doc_ids") or []})
    for d in docs:
        gs = [g for g in gold if d in g["docs"]]
        pairs = []
        for i, c in enumerate(pred):
            if d not in map(str, c.get("doc_ids") or []):
                continue
            for g in gs:
                if matches(c, g):
                    s = (1 + 0.5 * (not g.get("optional")) + 0.3 * closeness(c, g)
                         + 0.2 * (c.get("event_type") in g["types"]))
                    pairs.append((-s, g["event"], i))
        used_p, used_g = set(), set()
        for _, ge, i in sorted(pairs):
            if i not in used_p and ge not in used_g:
                used_p.add(i)
                used_g.add(ge)
                out[(ge, d)] = i
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("out")
    ap.add_argument("--doc")
    ap.add_argument("--summary", action="store_true")
    a = ap.parse_args()
    gdir, odir = pathlib.Path(a.gold), pathlib.Path(a.out)
    sc = load_scorer(gdir)
    aliases = sc.Aliases(json.loads((gdir / "actors.json").read_text(encoding="utf-8")))
    gold = sc.load_jsonl(gdir / "gold_events.jsonl")
    pred = sc.load_jsonl(odir / "events.jsonl")
    by_id = {g["event"]: g for g in gold}
    fp_c: collections.Counter[str] = collections.Counter()
    fn_c: collections.Counter[str] = collections.Counter()
    tp = fp = fn = 0
    for (ge, d), i in sorted(assignment(sc, gold, pred).items(), key=lambda x: (x[0][1], x[0][0])):
        g = by_id[ge]
        if g.get("optional") or (a.doc and d != a.doc):
            continue
        c = pred[i]
        ga = set(g["actors"])
        pa: dict[str, str] = {}
        for name in c.get("actors") or [c.get("actor1"), c.get("actor2")]:
            ids = aliases.best(name)
            hit = ids & ga
            for x in sorted(hit or ids)[:1]:
                pa[x] = str(name)
            if not ids:
                pa[f"?{name}"] = str(name)
        got = {x for x in pa if not x.startswith("?")}
        tp += len(got & ga)
        fp += len(got - ga)
        fn += len(ga - got)
        bad_p = sorted(set(pa) - ga)
        bad_n = sorted(ga - got)
        for x in bad_p:
            fp_c[f"{x} <- {pa[x]}" if not x.startswith("?") else x] += 1
        for x in bad_n:
            fn_c[x] += 1
        if not a.summary and (bad_p or bad_n):
            print(f"{d} {ge} [{c.get('event_type')}]")
            print(f"   pred: {c.get('actors')}")
            print(f"   gold: {sorted(ga)}  FP={bad_p}  FN={bad_n}")
    print(f"tp={tp} fp={fp} fn={fn}")
    if a.summary:
        print("FP:", *fp_c.most_common(), sep="\n  ")
        print("FN:", *fn_c.most_common(), sep="\n  ")


if __name__ == "__main__":
    main()
