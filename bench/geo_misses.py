"""Group the geo misses of a run against a gold set into error classes.

Usage: python bench/geo_misses.py GOLD_DIR OUT_DIR [--verbose]
Same one-to-one matching as the scorer (date within the gold span +-1 day, same country). For every
matched (gold event, article) whose predicted point is outside the gold radius, the article's place
mentions (find_places) decide the class:
  picked-other   a mention within the radius exists: the incident chose another place
  country-only   nothing within the radius, the event sits at the country's point
  not-found      no mention within the radius (missing from the data or not matched)
Also counts gold mentions not matched because the event has another country (country-mismatch).
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import json
import math
import pathlib

from marsad.extract.places import find_places
from marsad.model import Article
from marsad.pipeline import build


def load(path: pathlib.Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def day(s: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(s)[:10])
    except ValueError:
        return None


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(h))


def in_span(c: dict, g: dict) -> bool:
    d, lo, hi = day(c.get("date")), day(g["date"]), day(g.get("date_end") or g["date"])
    if d is None or lo is None or hi is None:
        return False
    return lo - dt.timedelta(1) <= d <= hi + dt.timedelta(1)


def dist(c: dict, g: dict) -> float:
    lat, lon = c.get("latitude"), c.get("longitude")
    return km(lat, lon, g["lat"], g["lon"]) if isinstance(lat, (int, float)) else math.inf


def assign(gold: list[dict], pred: list[dict]) -> dict[tuple[str, str], dict]:
    """(gold event, doc) -> predicted event, as the scorer pairs them."""
    out: dict[tuple[str, str], dict] = {}
    docs = {d for g in gold for d in g["docs"]}
    for d in sorted(docs):
        pairs = []
        for i, c in enumerate(pred):
            if d not in map(str, c.get("doc_ids") or []):
                continue
            for g in gold:
                if d in g["docs"] and in_span(c, g) and str(c.get("country", "")).upper() == g["country"]:
                    close = max(0.0, 1 - dist(c, g) / (2 * g["radius_km"]))
                    score = (1 + 0.5 * (not g.get("optional")) + 0.3 * close
                             + 0.2 * (c.get("event_type") in g["types"]))
                    pairs.append((-score, g["event"], i))
        used_p: set[int] = set()
        used_g: set[str] = set()
        for _, ge, i in sorted(pairs):
            if i not in used_p and ge not in used_g:
                used_p.add(i)
                used_g.add(ge)
                out[(ge, d)] = pred[i]
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold", type=pathlib.Path)
    ap.add_argument("out", type=pathlib.Path)
    ap.add_argument("--verbose", action="store_true")
    a = ap.parse_args()
    gold = [g for g in load(a.gold / "gold_events.jsonl") if not g.get("optional")]
    pred = load(a.out / "events.jsonl")
    docs = {r["id"]: r for r in load(a.gold / "docs.jsonl")}
    matched = assign(gold, pred)
    nlp = build(["marsad_boilerplate"])
    classes: collections.Counter[str] = collections.Counter()
    ok = 0
    for g in gold:
        for d in g["docs"]:
            c = matched.get((g["event"], d))
            if c is None:
                same_date = [e for e in pred if d in map(str, e.get("doc_ids") or []) and in_span(e, g)]
                if same_date and all(e.get("country") != g["country"] for e in same_date):
                    classes["country-mismatch"] += 1
                    if a.verbose:
                        print(f"COUNTRY {d} {g['event'][:60]} gold={g['country']} pred="
                              f"{[(e.get('country'), e.get('location')) for e in same_date]}")
                continue
            x = dist(c, g)
            if x <= g["radius_km"]:
                ok += 1
                continue
            r = docs[d]
            art = Article(id=d, text=r["text"], title=r.get("title"), published=r.get("published"))
            doc = nlp.make_doc(art.text)
            doc._.article = art
            doc = nlp(doc)
            near = [p for p in find_places(doc)
                    if km(g["lat"], g["lon"], p.place.lat, p.place.lon) <= g["radius_km"]]
            if near:
                cls = "picked-other"
            elif c.get("geo_precision") == 3 and str(c.get("place_id") or "").endswith("country"):
                cls = "country-only"
            else:
                cls = "not-found"
            classes[cls] += 1
            if a.verbose:
                print(f"{cls.upper():13} {d} {g['event'][:55]} gold={g['place']!r} r={g['radius_km']}")
                print(f"    pred={c.get('location')!r} ({c.get('place_text')!r}, {c.get('place_id')})"
                      f" {round(x)} km; near mentions: {[(p.text, p.place.name_en) for p in near][:4]}")
    n = ok + sum(v for k, v in classes.items() if k != "country-mismatch")
    print(f"matched {n}  geo ok {ok} ({ok / max(n, 1):.3f})")
    for k, v in classes.most_common():
        print(f"  {k:17} {v}")


if __name__ == "__main__":
    main()
