"""Scale-out on Dask: the whole job on a synthetic corpus grown from the ANT reports, and linking alone
on synthetic events, with time per report and peak memory of the driver and of each worker.

    .venv/bin/python bench/scale.py --sizes 2000,4000,8000 [--workers 2] [--shard 250]
    .venv/bin/python bench/scale.py --compare 1000          # the same sharded corpus, plain vs --dask local
    .venv/bin/python bench/scale.py --link 100000,1000000 [--check 20000]

The synthetic corpus (`synthetic_rows`): the ANT 2018 reports (../shared/corpora/ant-2018-news.jsonl.gz),
copied as often as the size needs. Copy k of a report gets a new id (`s{k}-{id}`), its publication
date moved k years on (dates in its text without a year follow it), and, from the second copy on, the
names of towns it mentions swapped for other towns of the same country from the gazetteer (one fixed
permutation per copy). So copies are new reports of new incidents in other places, not duplicates.
The corpus is written as gzipped JSONL shards (`--shard` reports each) that the workers read
themselves.

Each size runs in a fresh child process (its peak memory is its own). The child starts a
LocalCluster of `--workers` single-threaded worker processes and runs `marsad.run.run_corpus` on the
shards (workers read, process and record; linking in blocks on the workers; reconciliation and the
store commit in the driver). It prints wall seconds, seconds per report, and the peak RSS of the
driver and of each worker.

`--link SIZES` links synthetic article events alone (`synthetic_events`: incidents of one to four
reports at gazetteer towns of twelve countries, about `--per-day` reports a day, so a larger size
is a longer stretch of time, as more news is). The events are partitioned
(marsad.link.partition) and linked on the Dask workers. `--check N` also links N of them in one
process with the plain linker and checks that the incidents are equal.

What this machine cannot show: 2 cores shared with other jobs, so wall-clock figures are noisy and
the workers compete with the driver and with each other. On a real cluster, each worker has its own
core and the store is PostgreSQL (here SQLite in the output folder).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "ant-2018-news.jsonl.gz"
COUNTRIES = ("SYR", "IRQ", "YEM", "LBY", "EGY", "SDN", "SOM", "AFG", "LBN", "PSE", "TUN", "DZA")
TYPES = (("Explosions/Remote violence", "Air/drone strike"), ("Battles", "Armed clash"),
         ("Violence against civilians", "Attack"),
         ("Explosions/Remote violence", "Remote explosive/landmine/IED"), ("Protests", "Peaceful protest"))
ACTORS = ("قوات النظام", "تنظيم الدولة", "قوات سوريا الديمقراطية", "الحوثيون", "الجيش", "مسلحون")


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cpu_s() -> float:
    use = resource.getrusage(resource.RUSAGE_SELF)
    return use.ru_utime + use.ru_stime


def _towns() -> dict[str, list]:
    """Populated places of the countries, by country: (Arabic name, admin1, lat, lon, id)."""
    from marsad.extract.gazetteer import gazetteer

    out: dict[str, list] = defaultdict(list)
    for p in gazetteer().places:
        if p.country in COUNTRIES and p.feature in ("city", "town", "village") \
                and p.name and len(p.name) >= 3:
            out[p.country].append(p)
    return out


def _swaps(rows: list[dict], towns: dict[str, list]) -> dict[str, list[str]]:
    """Town names (of 20k people or more) that the reports mention, by country."""
    big = {p.name: c for c, ps in towns.items() for p in ps if (p.population or 0) >= 20000}
    seen: dict[str, set[str]] = defaultdict(set)
    words = re.compile(r"[\u0621-\u064A]+")
    for row in rows[:3000]:
        for w in words.findall(row.get("text") or ""):
            if w in big:
                seen[big[w]].add(w)
    return {c: sorted(names) for c, names in seen.items() if len(names) > 1}


def synthetic_rows(n: int, corpus: Path = CORPUS) -> Iterator[dict]:
    """n report rows grown from the corpus (module docstring)."""
    with gzip.open(corpus, "rt", encoding="utf-8") as f:
        rows = [json.loads(x) for x in f if x.strip()]
    names = _swaps(rows, _towns()) if n > len(rows) else {}
    for i in range(n):
        k, row = divmod(i, len(rows))[0], dict(rows[i % len(rows)])
        if k:
            row["id"] = f"s{k}-{row['id']}"
            pub = row.get("published") or ""
            if re.match(r"\d{4}", pub):
                row["published"] = f"{int(pub[:4]) + k}{pub[4:]}"
            mapping = {}
            rng = random.Random(k)
            for group in names.values():
                mapping.update(zip(group, rng.sample(group, len(group)), strict=True))
            if mapping:
                alternation = "|".join(map(re.escape, mapping))
                pattern = re.compile(rf"(?<![\u0621-\u064A])({alternation})(?![\u0621-\u064A])")
                swap = mapping.__getitem__
                for field in ("title", "text"):
                    if row.get(field):
                        row[field] = pattern.sub(lambda m, swap=swap: swap(m.group(1)), row[field])
        yield row


def write_shards(n: int, folder: Path, shard: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    out = None
    for i, row in enumerate(synthetic_rows(n)):
        if i % shard == 0:
            if out is not None:
                out.close()
            paths.append(folder / f"part-{len(paths):05d}.jsonl.gz")
            out = gzip.open(paths[-1], "wt", encoding="utf-8", compresslevel=3)  # noqa: SIM115
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
    if out is not None:
        out.close()
    return paths


def _cluster(workers: int):
    from dask.distributed import Client, LocalCluster

    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
    return cluster, Client(cluster)


def _worker_use(client) -> tuple[list[float], list[float]]:
    """Peak RSS (MB) and CPU seconds of each worker process."""

    def use() -> tuple[float, float]:
        import resource

        r = resource.getrusage(resource.RUSAGE_SELF)
        return r.ru_maxrss / 1024, r.ru_utime + r.ru_stime

    got = sorted(client.run(use).values())
    return [round(m, 1) for m, _ in got], [round(c, 1) for _, c in got]


def one_run(shards: Path, out: Path, workers: int) -> dict:
    """One end-to-end run (in this process, a fresh child): figures as a dict."""
    import marsad.run
    from marsad.run import run_corpus

    linking: list[float] = []
    link_and_write = marsad.run._link_and_write

    def timed(*a, **kw):  # when processing ends and linking starts
        linking.append(time.perf_counter())
        return link_and_write(*a, **kw)

    marsad.run._link_and_write = timed
    t0 = time.perf_counter()
    worker_rss: list[float] = []
    worker_cpu: list[float] = []
    if workers == 0:
        summary = run_corpus([str(shards)], out)
    else:
        cluster, client = _cluster(workers)
        try:
            summary = run_corpus([str(shards)], out, dask=client)
            worker_rss, worker_cpu = _worker_use(client)
        finally:
            client.close()
            cluster.close()
    wall = time.perf_counter() - t0
    return {"reports": summary.read, "failed": summary.failed, "events": summary.events,
            "wall": round(wall, 1), "ms_per_report": round(1000 * wall / max(summary.read, 1), 1),
            "process_s": round(linking[0] - t0, 1), "link_store_s": round(t0 + wall - linking[0], 1),
            "driver_cpu": round(_cpu_s(), 1), "workers_cpu": worker_cpu,
            "driver_mb": round(_rss_mb(), 1), "workers_mb": worker_rss}


def _child(args: list[str]) -> dict:
    res = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True, check=False)
    lines = [x for x in res.stdout.splitlines() if x.startswith("{")]
    if res.returncode or not lines:
        raise SystemExit(f"child {args} failed: {res.stderr[-2000:]}")
    return json.loads(lines[-1])


def synthetic_events(n: int, per_day: int = 300, seed: int = 7):
    """n article events of incidents reported one to four times (module docstring); no claims."""
    from marsad.model import Event, Span

    rng = random.Random(seed)
    towns = {c: [p for p in ps if (p.population or 0) >= 5000][:400] or ps[:400]
             for c, ps in _towns().items()}
    countries = [c for c in COUNTRIES if towns.get(c)]
    start = dt.date(2000, 1, 1)
    events: list[Event] = []
    incident = 0
    while len(events) < n:
        incident += 1
        day = start + dt.timedelta(days=len(events) // per_day)
        country = rng.choice(countries)
        place = rng.choice(towns[country])
        kind, sub = rng.choice(TYPES)
        actors = rng.sample(ACTORS, 2)
        words = f"{sub} {place.name} {actors[0]} {incident}"
        for r in range(min(rng.choice((1, 1, 2, 2, 3, 4)), n - len(events))):
            told = day + dt.timedelta(days=rng.choice((0, 0, 1)))  # reports disagree by a day
            ev = Event(event_type=kind, sub_event_type=sub, date=told.isoformat(), country=country,
                       admin1=place.admin1, location=place.name, latitude=place.lat, longitude=place.lon,
                       geo_precision=1, place_id=place.id, actor1=actors[0], actor2=actors[1], actors=actors,
                       doc_ids=[f"d{incident}-{r}"], published=(day + dt.timedelta(days=r)).isoformat(),
                       evidence=[Span(0, len(words), words)])
            events.append(ev)
    return events


def link_run(n: int, workers: int, per_day: int, check: int) -> dict:
    """Linking alone over n synthetic events on Dask blocks (this process: a fresh child)."""
    import copy

    from marsad.link.linker import link_events
    from marsad.link.partition import link_partitioned, partition

    t0 = time.perf_counter()
    events = synthetic_events(n, per_day)
    made = time.perf_counter() - t0
    t1 = time.perf_counter()
    blocks = partition(events, [], {})
    cut = time.perf_counter() - t1
    sizes = sorted((b.size() for b in blocks), reverse=True)
    del blocks
    cluster, client = _cluster(workers)
    try:
        t2 = time.perf_counter()
        incidents = link_partitioned(events, [], {}, client=client)
        linked = time.perf_counter() - t2
        worker_rss, worker_cpu = _worker_use(client)
    finally:
        client.close()
        cluster.close()
    out = {"events": n, "incidents": len(incidents), "blocks": len(sizes), "largest_block": sizes[0],
           "make_s": round(made, 1), "partition_s": round(cut, 1), "link_s": round(linked, 1),
           "us_per_event": round(1e6 * (cut + linked) / n, 1), "driver_mb": round(_rss_mb(), 1),
           "workers_mb": worker_rss, "workers_cpu": worker_cpu}
    if check:
        sample = events[:check]
        t3 = time.perf_counter()
        plain = link_events(copy.deepcopy(sample), [], {})
        out["check_plain_s"] = round(time.perf_counter() - t3, 1)
        apart = link_partitioned(copy.deepcopy(sample), [], {})
        same = [e.to_dict() for e in apart] == [e.to_dict() for e in plain]
        out["check"] = f"{check} events: partitioned == single-process: {same}"
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="", help="end-to-end sizes, e.g. 2000,4000,8000")
    ap.add_argument("--compare", type=int, default=0, help="plain vs --dask local on N sharded reports")
    ap.add_argument("--link", default="", help="linking-alone sizes, e.g. 100000,1000000")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--shard", type=int, default=250, help="reports per shard")
    ap.add_argument("--per-day", type=int, default=300, help="synthetic events per day (--link)")
    ap.add_argument("--check", type=int, default=0, help="--link: also compare N events with one process")
    ap.add_argument("--one", nargs=3, metavar=("SHARDS", "OUT", "WORKERS"), help=argparse.SUPPRESS)
    ap.add_argument("--one-link", nargs=4, type=int, metavar=("N", "WORKERS", "PER_DAY", "CHECK"),
                    help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(one_run(Path(args.one[0]), Path(args.one[1]), int(args.one[2]))))
        return
    if args.one_link:
        print(json.dumps(link_run(*args.one_link)))
        return
    with tempfile.TemporaryDirectory(prefix="marsad-scale-") as tmp:
        for n in [int(x) for x in args.sizes.split(",") if x]:
            shards = Path(tmp) / f"shards-{n}"
            write_shards(n, shards, args.shard)
            res = _child(["--one", str(shards), str(Path(tmp) / f"out-{n}"), str(args.workers)])
            print(f"end to end {n:>7} reports, {args.workers} workers: {res}", flush=True)
        if args.compare:
            shards = Path(tmp) / "compare"
            write_shards(args.compare, shards, args.shard)
            plain = _child(["--one", str(shards), str(Path(tmp) / "plain"), "0"])
            spread = _child(["--one", str(shards), str(Path(tmp) / "dask"), str(args.workers)])
            same = all((Path(tmp) / "plain" / f).read_bytes() == (Path(tmp) / "dask" / f).read_bytes()
                       for f in ("documents.jsonl", "claims.jsonl", "events.jsonl", "errors.jsonl"))
            # with a core of its own each: the driver's CPU plus the busiest worker's
            dedicated = spread["driver_cpu"] + max(spread["workers_cpu"])
            print(f"plain          {plain}\n--dask local   {spread}\n"
                  f"speed-up {plain['wall'] / spread['wall']:.2f}x wall on this shared machine; "
                  f"{plain['driver_cpu'] / dedicated:.2f}x from CPU seconds (plain CPU / (driver CPU "
                  f"+ busiest worker CPU)); outputs equal: {same}", flush=True)
    for n in [int(x) for x in args.link.split(",") if x]:
        res = _child(["--one-link", str(n), str(args.workers), str(args.per_day), str(args.check)])
        print(f"linking alone {n:>8} events, {args.workers} workers: {res}", flush=True)


if __name__ == "__main__":
    main()
