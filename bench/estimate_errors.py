"""List every gold estimate of a gold set with what the run predicted, and sort the wrong ones into
classes, so reconciliation errors can be fixed as mechanisms rather than one by one.

    python bench/estimate_errors.py ../shared/eval/wide /tmp/out/wide [--all] [--event ID]

Uses the evaluation kit's scorer (its alias matching) and the same one-to-one assignment of predicted
events to gold mentions, so "ok" here is exactly what estimates_acc counts. For a wrong estimate it
prints the predicted estimates of the same kind on the matched events (who, best, the figures of
their timelines with their reports) and the gold claims of that kind, and guesses a class:

- no event: no predicted event matched a mention of the gold event;
- claim missed: no claim of that kind and value in the gold event's reports;
- claim elsewhere: the figure was extracted but its claim sits on another predicted event (or none);
- background: the figure was extracted but marked background;
- wrong who: an estimate has the gold best but counts another group;
- other incident: best comes from a figure the gold gives to another incident (tolls merged);
- not a gold figure: best comes from a figure that no gold claim of the event has (recalled
  background, a sum, a misread number);
- best choice: the gold figure is in the right estimate's timeline but another one won;
- outlier: the gold figure is in the right estimate but was set aside as an outlier;
- disputed: best right, dispute flag wrong.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from pathlib import Path

from actor_errors import assignment, load_scorer  # the scorer's own event matching, shared


def classify(sc, aliases, g: dict, ge: dict, cands: list[dict], gold_claims: list[dict],
             pred_claims: list[dict], other_values: set[int]) -> str:
    """A guess at why the gold estimate `ge` of gold event `g` is wrong."""
    if not cands:
        return "no event"
    kind, who, best = ge["kind"], ge["who"], ge.get("best")
    ests = [e for c in cands for e in c.get("estimates") or [] if e.get("kind") == kind]
    right_who = [e for e in ests if who in aliases.best(e.get("who"))]
    if any(sc.as_int(e.get("best")) == best for e in right_who):
        return "disputed"
    in_docs = [p for p in pred_claims if p["doc_id"] in g["docs"] and p.get("kind") == kind
               and sc.as_int(p.get("value")) == best]
    if best is not None and not in_docs:
        other_kind = [p for p in pred_claims
                      if p["doc_id"] in g["docs"] and sc.as_int(p.get("value")) == best]
        return "kind confusion" if other_kind else "claim missed"
    if any(sc.as_int(e.get("best")) == best for e in ests):
        return "wrong who"
    cand_ids = {c.get("event_id") for c in cands}
    if in_docs and all(p.get("background") for p in in_docs):
        return "background"
    if in_docs and not any(p.get("event_id") in cand_ids for p in in_docs):
        return "claim elsewhere"
    for e in right_who:
        vals = {sc.as_int(t.get("value")) for t in e.get("timeline") or [] if not t.get("outlier")}
        outs = {sc.as_int(t.get("value")) for t in e.get("outliers") or []}
        if best in outs:
            return "outlier"
        b = sc.as_int(e.get("best"))
        if b in other_values:
            return "other incident"
        if best in vals:
            gold_vals = {c["value"] for c in gold_claims}
            return "best choice" if b in gold_vals else "not a gold figure"
    if right_who:
        return "not a gold figure"
    # the gold figure is on a candidate event, under another group name
    return "wrong who"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("out")
    ap.add_argument("--all", action="store_true", help="print the right estimates too")
    ap.add_argument("--event", help="only this gold event")
    a = ap.parse_args()
    gdir, odir = Path(a.gold), Path(a.out)
    sc = load_scorer(gdir)
    aliases = sc.Aliases(json.loads((gdir / "actors.json").read_text(encoding="utf-8")))
    gold = sc.load_jsonl(gdir / "gold_events.jsonl")
    gclaims = sc.load_jsonl(gdir / "gold_claims.jsonl")
    pred = sc.load_jsonl(odir / "events.jsonl")
    pclaims = sc.load_jsonl(odir / "claims.jsonl")
    assign = assignment(sc, gold, pred)
    by_event: dict[str, list[dict]] = defaultdict(list)
    for c in gclaims:
        by_event[c["event"]].append(c)
    counts: Counter = Counter()
    total = ok_n = 0
    for g in gold:
        if g.get("optional") or (a.event and g["event"] != a.event):
            continue
        idx = sorted({i for (ge, _), i in assign.items() if ge == g["event"]})
        cands = [pred[i] for i in idx]
        for ge in g.get("estimates", []):
            total += 1
            ok = False
            for c in cands:
                for e in c.get("estimates") or []:
                    if e.get("kind") != ge["kind"] or ge["who"] not in aliases.best(e.get("who")):
                        continue
                    best_ok = "best" not in ge or sc.as_int(e.get("best")) == ge["best"]
                    disp_ok = "disputed" not in ge or bool(e.get("disputed")) == ge["disputed"]
                    ok = ok or (best_ok and disp_ok)
            ok_n += ok
            if ok and not a.all:
                continue
            kind_claims = [c for c in by_event[g["event"]] if c["kind"] == ge["kind"]]
            # figures the gold gives to other incidents told in the same reports
            others = {c["value"] for c in gclaims if c["event"] != g["event"] and c["kind"] == ge["kind"]
                      and c["doc"] in g["docs"]}
            cls = "ok" if ok else classify(sc, aliases, g, ge, cands, kind_claims, pclaims, others)
            counts[cls] += 1
            print(f"[{cls}] {g['event']} docs={','.join(g['docs'])}")
            print(f"    gold: {ge['kind']} who={ge['who']} best={ge.get('best')} "
                  f"disputed={ge.get('disputed')}")
            for c in kind_claims:
                print(f"      gold claim {c['doc']}: {c['value']} who={c['who']} src={c['source']}"
                      f"{' optional' if c.get('optional') else ''} | {c['evidence'][:70]}")
            for c in cands:
                print(f"    pred {c['event_id']} {c.get('event_type')} {c.get('date')} {c.get('location')} "
                      f"docs={','.join(c.get('doc_ids') or [])}")
                for e in c.get("estimates") or []:
                    if e.get("kind") != ge["kind"]:
                        continue
                    tl = " ".join(f"{t.get('value')}@{t.get('doc_id')}/t{t.get('tier')}"
                                  f"{'/' + t['outlier'] if t.get('outlier') else ''}"
                                  for t in e.get("timeline") or [])
                    print(f"      est who={e.get('who')!r} -> {sorted(aliases.best(e.get('who')))} "
                          f"best={e.get('best')} disputed={e.get('disputed')} | {tl}")
            for p in pclaims:
                if p["doc_id"] in g["docs"] and p.get("kind") == ge["kind"] and p.get("value") is not None:
                    print(f"      claim {p['doc_id']}: {p['value']} who={p.get('who')!r} "
                          f"bg={p.get('background')} ev={p.get('event_id')} | "
                          f"{(p.get('evidence') or '')[:70]}")
    print()
    print(f"estimates right {ok_n}/{total}")
    for cls, n in counts.most_common():
        print(f"  {cls:20} {n}")


if __name__ == "__main__":
    main()
