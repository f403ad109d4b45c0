"""List event errors per article against a gold set: missed gold mentions, extra events, wrong types.

Usage: python bench/event_errors.py GOLD_DIR OUT_DIR [--doc ID]
Same one-to-one matching as the scorer (date within the gold span +-1 day, same country), printed
per article with the text snippets that the event came from, so errors can be grouped into classes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import pathlib


def load(path: pathlib.Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def day(s: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(s)[:10])
    except ValueError:
        return None


def kind(g: dict) -> str:
    return f"{(g['types'] or ['-'])[0][:12]:12}"


def matches(c: dict, g: dict) -> bool:
    d = day(c.get("date"))
    lo = day(g["date"]) - dt.timedelta(days=1)
    hi = day(g.get("date_end") or g["date"]) + dt.timedelta(days=1)
    return d is not None and lo <= d <= hi and str(c.get("country", "")).upper() == g["country"]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("out")
    ap.add_argument("--doc")
    a = ap.parse_args()
    gdir, odir = pathlib.Path(a.gold), pathlib.Path(a.out)
    docs = {d["id"]: d for d in load(gdir / "docs.jsonl")}
    gold = load(gdir / "gold_events.jsonl")
    pred = load(odir / "events.jsonl")
    totals = {"missed": 0, "extra": 0, "type": 0, "ok": 0}
    for doc_id, doc in docs.items():
        if a.doc and doc_id != a.doc:
            continue
        gs = [g for g in gold if doc_id in g["docs"]]
        ps = [c for c in pred if doc_id in map(str, c.get("doc_ids") or [])]
        pairs = []
        for i, c in enumerate(ps):
            for g in gs:
                if matches(c, g):
                    score = 1 + 0.5 * (not g.get("optional")) + 0.2 * (c.get("event_type") in g["types"])
                    pairs.append((-score, g["event"], i))
        used_p: dict[int, str] = {}
        used_g: set[str] = set()
        for _, ge, i in sorted(pairs):
            if i not in used_p and ge not in used_g:
                used_p[i] = ge
                used_g.add(ge)
        lines = []
        for g in gs:
            hit = [ps[i] for i, ge in used_p.items() if ge == g["event"]]
            opt = " (optional)" if g.get("optional") else ""
            if hit:
                c = hit[0]
                tag = "OK  " if c.get("event_type") in g["types"] else "TYPE"
                if not g.get("optional"):
                    totals["ok" if tag == "OK  " else "type"] += 1
                lines.append(f"  {tag} gold {g['date']} {kind(g)} {g['place'][:40]}{opt}"
                             f"  <- {c.get('event_type')} {c.get('date')} {c.get('location')}"
                             f" [{c.get('date_text')}]")
            elif not g.get("optional"):
                totals["missed"] += 1
                lines.append(f"  MISS gold {g['date']} {kind(g)} {g['place'][:60]}")
            else:
                lines.append(f"  ---- gold {g['date']} {kind(g)} {g['place'][:60]}{opt}")
        for i, c in enumerate(ps):
            if i not in used_p:
                totals["extra"] += 1
                ev = "|".join(e.get("text", "") for e in c.get("evidence") or [])[:80]
                lines.append(f"  XTRA pred {c.get('date')} {c.get('event_type')} {c.get('country')}"
                             f" {c.get('location')} [{c.get('date_text')}] ev={ev}")
        if any(not ln.startswith("  OK") for ln in lines):
            print(f"{doc_id} pub={doc.get('published', '')[:10]} {doc.get('title', '')[:70]}")
            print("\n".join(lines))
    print(totals)


if __name__ == "__main__":
    main()
