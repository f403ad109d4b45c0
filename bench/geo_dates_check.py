"""How often the geocoder and date resolver can find each gold event's place and date in its articles.

For every (gold event, article) pair of ../shared/eval/{dev,public}: does `find_places` yield any place
within the event's `radius_km` of the gold point, and does `find_dates` yield a mention whose first day
is the gold date (exact) or whose span covers it (±1 day)? An upper bound for the events stage, which
must still pick the right mention. Usage: python bench/geo_dates_check.py [--verbose]
"""

from __future__ import annotations

import datetime as dt
import json
import math
import sys
import time
from pathlib import Path

from marsad.extract.dates import find_dates
from marsad.extract.gazetteer import gazetteer
from marsad.extract.places import find_places
from marsad.model import Article
from marsad.pipeline import build

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 6371.0 * 2 * math.asin(math.sqrt(a))


def main(verbose: bool = False) -> None:
    nlp = build(["marsad_boilerplate"])
    warm = nlp("قتل ثلاثة في مدينة الحسكة أمس الخميس")  # load the gazetteer and lexicons before timing
    warm._.article = Article(id="warm", text=warm.text, published="2022-01-21")
    find_places(warm)
    find_dates(warm)
    gazetteer().loose_index  # noqa: B018  (built lazily on first spelling variant)
    totals = {"pairs": 0, "geo_any": 0, "geo_first": 0, "date_exact": 0, "date_cover": 0}
    core = dict.fromkeys(totals, 0)  # the same over events that are not optional (background)
    t_places = t_dates = 0.0
    for split in ("dev", "public"):
        d = EVAL / split
        if not d.exists():
            continue
        docs = {}
        for line in (d / "docs.jsonl").open(encoding="utf-8"):
            r = json.loads(line)
            docs[r["id"]] = r
        for line in (d / "gold_events.jsonl").open(encoding="utf-8"):
            ev = json.loads(line)
            g0 = dt.date.fromisoformat(ev["date"])
            g1 = dt.date.fromisoformat(ev.get("date_end") or ev["date"])
            for doc_id in ev["docs"]:
                r = docs[doc_id]
                art = Article(id=doc_id, text=r["text"], title=r.get("title"), published=r.get("published"))
                doc = nlp.make_doc(art.text)
                doc._.article = art
                doc = nlp(doc)
                t0 = time.perf_counter()
                places = find_places(doc)
                t1 = time.perf_counter()
                dates = find_dates(doc)
                t2 = time.perf_counter()
                t_places += t1 - t0
                t_dates += t2 - t1
                dists = [km(ev["lat"], ev["lon"], p.place.lat, p.place.lon) for p in places]
                geo_any = any(x <= ev["radius_km"] for x in dists)
                geo_first = bool(dists) and dists[0] <= ev["radius_km"]
                exact = any(m.date == g0 for m in dates)
                cover = any(m.date - dt.timedelta(days=1) <= g0 and g0 <= m.date_end + dt.timedelta(days=1)
                            or (g0 <= m.date <= g1) for m in dates)
                for agg in (totals, core) if not ev.get("optional") else (totals,):
                    agg["pairs"] += 1
                    agg["geo_any"] += geo_any
                    agg["geo_first"] += geo_first
                    agg["date_exact"] += exact
                    agg["date_cover"] += cover
                if verbose and not (geo_any and exact):
                    print(f"{ev['event'][:50]:50} {doc_id[:14]} pub={r.get('published')} gold={ev['date']}"
                          f" {ev['place']!r} r={ev['radius_km']}{' (optional)' * bool(ev.get('optional'))}")
                    if not geo_any:
                        near = sorted(zip(dists, places, strict=True), key=lambda t: t[0])[:4]
                        print("   places:",
                              [(p.text, p.place.name_en, p.place.country, round(x)) for x, p in near])
                    if not exact:
                        print("   dates:", [(m.text, str(m.date), str(m.date_end)) for m in dates[:8]])
    for label, agg in (("all", totals), ("non-optional", core)):
        n = max(agg["pairs"], 1)
        print(f"{label:13} pairs={agg['pairs']}  place within radius: any={agg['geo_any'] / n:.3f} "
              f"first={agg['geo_first'] / n:.3f}  date: exact={agg['date_exact'] / n:.3f} "
              f"covered={agg['date_cover'] / n:.3f}")
    n = max(totals["pairs"], 1)
    print(f"time: find_places {t_places * 1000 / n:.2f} ms/doc, find_dates {t_dates * 1000 / n:.2f} ms/doc")


if __name__ == "__main__":
    main("--verbose" in sys.argv)
