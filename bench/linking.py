"""Time and memory to link 10k..100k article events: does the linker's cost grow near-linearly?

Synthetic article events are drawn from the distributions of real reports: places from the bundled
gazetteer (cities weighted over towns over villages, Syria/Iraq/Yemen first), ACLED event types in
the proportions of the public gold set, 1-8 reports per incident (mostly 1-3), report dates on the
incident's day or one or two days later, some reports geocoded only to the province, figures shared
across reports of one incident, and a stream of ~150 article events a day (so a bigger corpus covers
more days, as a growing archive does). Each size runs in its own process so peak memory is its own.

With --real CORPUS (e.g. ../shared/corpora/ant-2018-news.jsonl.gz) it also links the article events
the pipeline finds in a real corpus (processed once; --cache keeps them) and prints the same figures
beside the synthetic table.

usage: python bench/linking.py [--sizes 10000 20000 50000 100000] [--seed 7] [--real CORPUS [--cache PKL]]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import gzip
import json
import random
import resource
import subprocess
import sys
import time
from itertools import accumulate
from pathlib import Path

from marsad.link.features import place_scope
from marsad.link.linker import link_events
from marsad.model import Article, Claim, Event, Span

GAZETTEER = Path(__file__).resolve().parents[1] / "marsad" / "data" / "gazetteer" / "places.csv.gz"
EVENTS_PER_DAY = 150
COUNTRY_WEIGHT = {"SYR": 5, "IRQ": 4, "YEM": 3, "LBY": 1, "EGY": 1, "PSE": 1, "LBN": 1, "TUR": 1, "JOR": 0.5}
FEATURE_WEIGHT = {"city": 40, "town": 8, "neighborhood": 4, "village": 1}
TYPES = {"Explosions/Remote violence": 0.4, "Battles": 0.3, "Violence against civilians": 0.2,
         "Strategic developments": 0.1}
ACTORS = ["Islamic State (ISIS)", "Syrian Democratic Forces (SDF)", "Military Forces of Syria",
          "Military Forces of Iraq", "Houthis (Ansar Allah)", "Saudi-led coalition", "Civilians",
          "Military Forces of Turkey", "Hayat Tahrir al-Sham (HTS)", "Unidentified Armed Group",
          "Popular Mobilization Forces", "Libyan National Army (LNA)", "Hamas", "Military Forces of Israel"]
WORDS = ["انفجار", "عبوة", "ناسفة", "قصف", "غارة", "هجوم", "اشتباكات", "مسلحين", "سيارة", "مفخخة", "قتلى",
         "جرحى", "مدنيين", "عناصر", "الأمن", "الجيش", "حاجز", "دورية", "قرية", "مدينة", "ريف", "حي", "سوق",
         "مسجد", "مدرسة", "منزل", "طائرة", "مسيرة", "صاروخ", "قذيفة", "اختطاف", "اعتقال", "مداهمة"]


def load_places(rng: random.Random, limit: int = 60000) -> list[dict]:
    with gzip.open(GAZETTEER, "rt", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f)
                if r["feature"] in FEATURE_WEIGHT and r["country"] in COUNTRY_WEIGHT and r["lat"]]
    rng.shuffle(rows)
    return rows[:limit]


def synthesize(n_events: int, seed: int) -> tuple[list[Event], list[Claim], dict[str, Article], list[int]]:
    """Article events (with their true incident numbers), claims and articles."""
    rng = random.Random(seed)
    places = load_places(rng)
    cum = list(accumulate(FEATURE_WEIGHT[p["feature"]] * COUNTRY_WEIGHT[p["country"]] for p in places))
    types, type_w = list(TYPES), list(TYPES.values())
    days = max(1, n_events // EVENTS_PER_DAY)
    start = dt.date(2020, 1, 1)
    events: list[Event] = []
    claims: list[Claim] = []
    articles: dict[str, Article] = {}
    truth: list[int] = []
    incident = 0
    while len(events) < n_events:
        place = rng.choices(places, cum_weights=cum)[0]
        day = start + dt.timedelta(days=rng.randrange(days))
        etype = rng.choices(types, type_w)[0]
        actors = rng.sample(ACTORS, 2)
        figures = [("killed", max(1, int(rng.lognormvariate(1.5, 1.0)))),
                   ("injured", max(1, int(rng.lognormvariate(2.0, 1.0))))]
        words = rng.sample(WORDS, 6) + [place["name_ar"] or place["name_en"]]
        n_reports = min(8, 1 + int(rng.expovariate(0.8)))
        for _ in range(n_reports):
            if len(events) >= n_events:
                break
            doc = f"d{len(articles):07d}"
            lag = rng.choices([0, 1, 2], [0.7, 0.25, 0.05])[0]
            published = (day + dt.timedelta(days=lag + rng.choice([0, 0, 1]))).isoformat()
            vague = rng.random() < 0.2
            ev = Event(
                event_type=etype if rng.random() < 0.85 else rng.choices(types, type_w)[0],
                date=(day + dt.timedelta(days=lag if rng.random() < 0.3 else 0)).isoformat(),
                country=place["country"], admin1=place["admin1_en"] or None,
                location=(place["admin1_en"] if vague else place["name_en"]) or None,
                latitude=float(place["lat"]), longitude=float(place["lon"]),
                geo_precision=3 if vague else 1, place_id=None if vague else place["id"],
                actors=actors if rng.random() < 0.8 else actors[:1], doc_ids=[doc],
                evidence=[Span(0, 10, " ".join(rng.sample(words, 4) + rng.sample(WORDS, 2)))])
            articles[doc] = Article(id=doc, text="", published=published)
            events.append(ev)
            truth.append(incident)
            for kind, value in figures:
                if rng.random() < 0.7:
                    noisy = value + (rng.random() < 0.2)
                    claims.append(Claim(doc_id=doc, kind=kind, value=noisy, who="Civilians", event_index=0))
        incident += 1
    return events, claims, articles, truth


def pair_f1(truth: list[int], predicted: list[str]) -> float:
    """Pairwise F1 of the linked incidents against the incidents the reports were drawn from."""
    def pairs(counts):
        return sum(c * (c - 1) // 2 for c in counts.values())

    joint: dict[tuple, int] = {}
    t_count: dict[int, int] = {}
    p_count: dict[str, int] = {}
    for t, p in zip(truth, predicted, strict=True):
        joint[(t, p)] = joint.get((t, p), 0) + 1
        t_count[t] = t_count.get(t, 0) + 1
        p_count[p] = p_count.get(p, 0) + 1
    tp, tp_fp, tp_fn = pairs(joint), pairs(p_count), pairs(t_count)
    prec = tp / tp_fp if tp_fp else 1.0
    rec = tp / tp_fn if tp_fn else 1.0
    return 2 * prec * rec / (prec + rec) if prec + rec else 0.0


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * resource.getpagesize() / 2**20


def run_one(n: int, seed: int) -> dict:
    events, claims, articles, truth = synthesize(n, seed)
    place_scope(Event(place_id="warm-up"))  # load the gazetteer index outside the timing
    before = rss_mb()
    t0, c0 = time.perf_counter(), time.process_time()
    incidents = link_events(events, claims, articles)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"events": n, "true_incidents": len(set(truth)), "incidents": len(incidents),
            "cpu_s": round(cpu, 2), "wall_s": round(wall, 2), "us_per_event": round(cpu / n * 1e6),
            "rss_before_mb": round(before), "peak_rss_mb": round(peak),
            "pair_f1": round(pair_f1(truth, [e.event_id or "" for e in events]), 3)}


def run_real(corpus: str, cache: str | None) -> dict:
    """Link the article events of a real corpus (pipeline results from `bench/link_spans.py`'s cache)."""
    sys.path.insert(0, str(Path(__file__).parent))
    from link_spans import results_of

    results = results_of(corpus, Path(cache) if cache else None)
    events = [e for r in results for e in r.events]
    claims = [c for r in results for c in r.claims]
    articles = {r.article.id: r.article for r in results}
    del results
    place_scope(Event(place_id="warm-up"))
    before = rss_mb()
    t0, c0 = time.perf_counter(), time.process_time()
    incidents = link_events(events, claims, articles)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"events": len(events), "true_incidents": "-", "incidents": len(incidents), "cpu_s": round(cpu, 2),
            "wall_s": round(wall, 2), "us_per_event": round(cpu / max(len(events), 1) * 1e6),
            "rss_before_mb": round(before), "peak_rss_mb": round(peak), "pair_f1": "-",
            "label": Path(corpus).name}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 20_000, 50_000, 100_000])
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--real", help="also link the article events of this real corpus")
    ap.add_argument("--cache", help="pickle of the real corpus's pipeline results (written when absent)")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--one-real", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.one:
        print(json.dumps(run_one(a.one, a.seed)))
        return
    if a.one_real:
        print(json.dumps(run_real(a.one_real, a.cache)))
        return
    rows = []
    for n in a.sizes:
        out = subprocess.run([sys.executable, __file__, "--one", str(n), "--seed", str(a.seed)],
                             capture_output=True, text=True, check=True)
        rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
    if a.real:
        cmd = [sys.executable, __file__, "--one-real", a.real] + (["--cache", a.cache] if a.cache else [])
        out = subprocess.run(cmd, capture_output=True, text=True, check=True)
        rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
    base = rows[0]
    print(f"{'events':>8} {'true inc.':>9} {'linked':>8} {'CPU s':>7} {'wall s':>7} {'us/event':>8} "
          f"{'x CPU':>6} {'x size':>6} {'RSS before':>10} {'peak RSS':>9} {'pair F1':>7}")
    for r in rows:
        x_cpu, x_size = r["cpu_s"] / base["cpu_s"], r["events"] / base["events"]
        print(f"{r['events']:>8} {r['true_incidents']:>9} {r['incidents']:>8} {r['cpu_s']:>7} "
              f"{r['wall_s']:>7} {r['us_per_event']:>8} {x_cpu:>6.2f} {x_size:>6.1f} "
              f"{r['rss_before_mb']:>9}M {r['peak_rss_mb']:>8}M {r['pair_f1']:>7} {r.get('label', '')}")
    print("CPU s: process time of link_events (robust to other load); RSS before: the process with its input "
          "built; peak RSS: the process's peak (input + linking).")


if __name__ == "__main__":
    main()
