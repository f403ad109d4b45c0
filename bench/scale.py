"""Scale-out on Dask: a plain run against `--dask local` on a real corpus, the whole job on a synthetic
corpus grown from the ANT reports, and linking alone on synthetic events; time per report, CPU and
peak memory of the driver and of each worker.

    .venv/bin/python bench/scale.py --compare [--input CORPUS.jsonl.gz] [--limit N] [--workers 2] [--keep DIR]
    .venv/bin/python bench/scale.py --sizes 50000,100000,200000 [--workers 2] [--shard 2000]
    .venv/bin/python bench/scale.py --link 100000,1000000 [--check 20000]

`--compare` runs `marsad.run.run_corpus` twice on the same input (the ANT news corpus unless
`--input`; its first N reports with `--limit`, still one gzipped file), each in a fresh child
process: plain, then on a LocalCluster of `--workers` single-threaded worker processes (the workers
read the file in byte ranges, process and record; linking in blocks on the workers; reconciliation,
the store commit and the output files in the driver). It prints, for each, the wall time and CPU
seconds of each phase (start: the cluster; process; tail: everything after processing) for the
driver and for each worker, with the workers' CPU by step (building the pipeline, reading, the
pipeline, recording), peak RSS, whether the four output files are byte-identical, the measured
speed-up, and the speed-up expected on `--cores` free cores (default: as many as workers).

The expected wall time (`expected_wall`) is worked out from CPU seconds, which another job on the
machine does not change, while the wall clock of a machine shared with other jobs says little: a
phase lasts as long as its busiest process, or as the CPU seconds of all its processes shared over
the free cores, whichever is longer; a plain run lasts its CPU seconds. Measured in a quiet moment,
the measured and the expected speed-ups should agree.

The synthetic corpus (`synthetic_rows`): the ANT 2018 reports (../shared/corpora/ant-2018-news.jsonl.gz),
copied as often as the size needs. Copy k of a report gets a new id (`s{k}-{id}`), its publication
date moved k years on (dates in its text without a year follow it), and, from the second copy on, the
names of towns it mentions swapped for other towns of the same country from the gazetteer (one fixed
permutation per copy). So copies are new reports of new incidents in other places, not duplicates.
The corpus is written as gzipped JSONL shards (`--shard` reports each) that the workers read
themselves. Each size runs in a fresh child process (its peak memory is its own) and prints wall
and expected seconds per report, CPU seconds and the peak RSS of the driver and of each worker.

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
import contextlib
import datetime as dt
import gzip
import json
import random
import re
import resource
import shutil
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
    """The LocalCluster `marsad run --dask local` starts (marsad.scale.local_cluster), of `workers`."""
    from dask.distributed import Client

    from marsad.scale import local_cluster

    cluster = local_cluster(workers)
    return cluster, Client(cluster)


def _worker_use(client) -> tuple[list[float], list[float]]:
    """Peak RSS (MB) and CPU seconds of each worker process."""
    got = sorted(client.run(_use).values())
    return [round(m, 1) for m, _ in got], [round(c, 1) for _, c in got]


def _use() -> tuple[float, float]:
    """Peak RSS (MB) and CPU seconds of this process (run on each worker too)."""
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_maxrss / 1024, r.ru_utime + r.ru_stime


def _worker_steps(client) -> dict[str, dict[str, float]]:
    """Each worker's CPU seconds by step of its tasks and in all (marsad.scale.worker_cpu), by address."""
    from marsad.scale import worker_cpu

    return client.run(worker_cpu)


# Seconds the cluster is left idle after a run to measure what Dask's own threads cost each process
# (heartbeats, monitors, the scheduler): CPU seconds per wall second, `expected_wall` takes them out.
IDLE_SECONDS = 10.0


def one_run(inputs: list[str], out: Path, workers: int) -> dict:
    """One end-to-end run in this process (a fresh child): wall and CPU seconds of each phase, for the
    driver and for each worker, and peak RSS; as a dict.

    Phases: `start` (the LocalCluster: workers spawned and importing), `process` (reading, the
    per-report pipeline and recording: on the workers with Dask), `tail` (near-duplicates, linking
    -- in blocks on the workers with Dask --, reconciliation, the store commit and the output files:
    the driver). With Dask, the cluster is then left idle IDLE_SECONDS to measure the CPU each process
    spends per wall second on Dask's own threads (`idle_rate`)."""
    import marsad.run
    from marsad.run import run_corpus

    marks: dict[str, float] = {}
    client = cluster = None
    link_and_write = marsad.run._link_and_write
    seen: dict[str, dict] = {}

    def timed(*a, **kw):  # processing has ended, linking starts
        marks["tail_wall"], marks["tail_cpu"] = time.perf_counter(), _cpu_s()
        if client is not None:
            seen["mid"] = _worker_steps(client)
        return link_and_write(*a, **kw)

    marsad.run._link_and_write = timed
    t0, c0 = time.perf_counter(), _cpu_s()
    res: dict = {"workers": workers}
    if workers:
        cluster, client = _cluster(workers)
        client.wait_for_workers(workers)
        seen["start"] = _worker_steps(client)
    t1, c1 = time.perf_counter(), _cpu_s()
    try:
        summary = run_corpus(inputs, out, dask=client)
        t2, c2 = time.perf_counter(), _cpu_s()
        if client is not None:
            seen["end"] = _worker_steps(client)
            rss = dict(client.run(_use))
            time.sleep(IDLE_SECONDS)
            t3, c3 = time.perf_counter(), _cpu_s()
            seen["idle"] = _worker_steps(client)
    finally:
        if client is not None:
            client.close()
            cluster.close()
    res.update(reports=summary.read, failed=summary.failed, claims=summary.claims, events=summary.events,
               wall=round(t2 - t0, 2), ms_per_report=round(1000 * (t2 - t0) / max(summary.read, 1), 2),
               driver={"start_wall": round(t1 - t0, 2), "start_cpu": round(c1 - c0, 2),
                       "process_wall": round(marks["tail_wall"] - t1, 2),
                       "process_cpu": round(marks["tail_cpu"] - c1, 2),
                       "tail_wall": round(t2 - marks["tail_wall"], 2),
                       "tail_cpu": round(c2 - marks["tail_cpu"], 2),
                       "cpu": round(c2 - c0, 2), "peak_mb": round(_rss_mb(), 1)})
    if client is not None:
        res["driver"]["idle_rate"] = round((c3 - c2) / (t3 - t2), 4)
    res["workers_detail"] = []
    for addr in sorted(seen.get("end", {})):
        start, mid, end, idle = seen["start"][addr], seen["mid"][addr], seen["end"][addr], seen["idle"][addr]
        res["workers_detail"].append({
            "start_cpu": round(start["process"], 2),
            "process_cpu": round(mid["process"] - start["process"], 2),
            "tail_cpu": round(end["process"] - mid["process"], 2),
            "cpu": round(end["process"], 2), "peak_mb": round(rss[addr][0], 1),
            "idle_rate": round((idle["process"] - end["process"]) / (t3 - t2), 4),
            **{k: round(v, 2) for k, v in end.items() if k != "process"}})
    return res


def expected_wall(run: dict, cores: int) -> float:
    """The wall time a run would take on `cores` free cores, from its CPU seconds (this machine's wall
    clock is shared with other jobs).

    Each Dask process also spends CPU on Dask's own threads in proportion to the wall time (its
    `idle_rate`, measured with the cluster idle after the run: heartbeats, monitors, the scheduler);
    on a busy machine the wall time, and so that CPU, is stretched. So each phase's CPU seconds are
    first taken without it (work = CPU - idle_rate x measured wall), then:
    - start: the workers start side by side (import, connect): the slowest process's start CPU;
    - process: the driver and the workers run together: the busiest worker's work, or the work of
      all of them over the cores, whichever is longer (with the idle rates added back for that time);
    - tail: the driver's serial steps, plus linking on the workers while the driver waits for them
      (its slowest worker, or all of them over the cores).
    A plain run is one process without Dask: its CPU seconds."""
    d, ws = run["driver"], run["workers_detail"]
    if not ws:
        return d["cpu"]
    rd = d.get("idle_rate", 0.0)
    start = max(d["start_cpu"], max(w["start_cpu"] for w in ws))
    work = [max(w["process_cpu"] - w.get("idle_rate", 0.0) * d["process_wall"], 0.0) for w in ws]
    own = max(d["process_cpu"] - rd * d["process_wall"], 0.0)
    rates = [w.get("idle_rate", 0.0) for w in ws]
    process = max(max(x / (1 - r) for x, r in zip(work, rates, strict=True)),
                  (own + sum(work)) / max(cores - rd - sum(rates), 0.5))
    link = [max(w["tail_cpu"] - w.get("idle_rate", 0.0) * d["tail_wall"], 0.0) for w in ws]
    tail = max(d["tail_cpu"] - rd * d["tail_wall"], 0.0) + max(max(link), sum(link) / cores)
    return round(start + process + tail, 2)


def _slice(source: Path, limit: int, folder: Path) -> Path:
    """The first `limit` lines of a corpus JSONL(.gz) file as a gzipped file of its own (still one
    stream, as the corpus is)."""
    from marsad.ingest.readers import _open

    out = folder / f"first-{limit}.jsonl.gz"
    with _open(source) as f, gzip.open(out, "wb", compresslevel=6) as g:
        for n, line in enumerate(f):
            if n >= limit:
                break
            g.write(line)
    return out


def compare(source: Path, limit: int, workers: int, cores: int, tmp: Path) -> dict:
    """A plain run and a `--dask local` run of `workers` workers on the same input, each in a fresh
    child process; their figures, whether their outputs are equal, and the speed-ups."""
    inp = _slice(source, limit, tmp) if limit else source
    plain = _child(["--one", str(inp), str(tmp / "plain"), "0"])
    spread = _child(["--one", str(inp), str(tmp / "dask"), str(workers)])
    same = {f: (tmp / "plain" / f).read_bytes() == (tmp / "dask" / f).read_bytes()
            for f in ("documents.jsonl", "claims.jsonl", "events.jsonl", "errors.jsonl")}
    exp_plain, exp_dask = expected_wall(plain, cores), expected_wall(spread, cores)
    return {"input": str(inp), "plain": plain, "dask": spread, "outputs_equal": same,
            "speedup_measured": round(plain["wall"] / spread["wall"], 2),
            "expected_plain_wall": exp_plain, "expected_dask_wall": exp_dask,
            "speedup_expected": round(exp_plain / exp_dask, 2), "cores": cores}


def show_compare(res: dict) -> str:
    """The comparison as a few readable lines."""
    p, d = res["plain"], res["dask"]
    lines = [f"input {res['input']}: {p['reports']} reports, {p['events']} incidents",
             f"{'':14}{'wall s':>8}{'CPU s':>8}{'peak MB':>9}   phases (wall/CPU s): start | process | tail"]
    for name, r in (("plain", p), (f"dask x{d['workers']}", d)):
        dr = r["driver"]
        lines.append(f"{name:<14}{r['wall']:>8.1f}{dr['cpu']:>8.1f}{dr['peak_mb']:>9.0f}   driver "
                     f"{dr['start_wall']:.1f}/{dr['start_cpu']:.1f} | {dr['process_wall']:.1f}/"
                     f"{dr['process_cpu']:.1f} | {dr['tail_wall']:.1f}/{dr['tail_cpu']:.1f}"
                     + (f" | idle {dr['idle_rate']:.3f} CPU s/s" if "idle_rate" in dr else ""))
        for i, w in enumerate(r["workers_detail"]):
            lines.append(f"{'  worker ' + str(i):<14}{'':>8}{w['cpu']:>8.1f}{w['peak_mb']:>9.0f}   "
                         f"start {w['start_cpu']:.1f} | process {w['process_cpu']:.1f} "
                         f"(task thread: build {w['build']:.1f}, read {w['read']:.1f}, "
                         f"pipeline {w['pipeline']:.1f}, record {w['record']:.1f}) | "
                         f"tail (linking) {w['tail_cpu']:.1f} | idle {w['idle_rate']:.3f} CPU s/s")
    lines.append(f"outputs equal: {all(res['outputs_equal'].values())} {res['outputs_equal']}")
    lines.append(f"speed-up measured (wall, this machine as it is now): {res['speedup_measured']:.2f}x")
    lines.append(f"speed-up expected on {res['cores']} free cores (bench/scale.py expected_wall): "
                 f"{res['expected_plain_wall']:.1f} s / {res['expected_dask_wall']:.1f} s = "
                 f"{res['speedup_expected']:.2f}x")
    return "\n".join(lines)


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


def show_size(n: int, res: dict, cores: int) -> str:
    """One end-to-end size as a line: per report, wall and expected on free cores; memory of each."""
    d, ws = res["driver"], res["workers_detail"]
    exp = expected_wall(res, cores)
    per = max(res["reports"], 1)
    w_cpu = " ".join(f"{w['cpu']:.0f}" for w in ws)
    w_mb = " ".join(f"{w['peak_mb']:.0f}" for w in ws)
    return (f"{n:>8} reports  wall {res['wall']:>8.1f} s ({1000 * res['wall'] / per:6.1f} ms/report)  "
            f"expected on {cores} free cores {exp:>8.1f} s ({1000 * exp / per:5.1f} ms/report)  "
            f"CPU driver {d['cpu']:.0f} s, workers {w_cpu} s "
            f"({1000 * (d['cpu'] + sum(w['cpu'] for w in ws)) / per:.1f} ms/report)  "
            f"peak MB driver {d['peak_mb']:.0f}, workers {w_mb}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="", help="end-to-end sizes of the synthetic corpus, e.g. 50000,100000")
    ap.add_argument("--compare", action="store_true", help="a plain run vs --dask local on --input")
    ap.add_argument("--input", type=Path, default=CORPUS, help="--compare: a corpus JSONL(.gz) file")
    ap.add_argument("--limit", type=int, default=0, help="--compare: only the first N reports of --input")
    ap.add_argument("--cores", type=int, default=0,
                    help="free cores for the expected wall (default: --workers)")
    ap.add_argument("--keep", type=Path, default=None,
                    help="--compare: keep the runs' output folders (plain/, dask/) here")
    ap.add_argument("--json", action="store_true", help="--compare: also print every figure as JSON")
    ap.add_argument("--link", default="", help="linking-alone sizes, e.g. 100000,1000000")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--shard", type=int, default=2000, help="--sizes: reports per shard")
    ap.add_argument("--per-day", type=int, default=300, help="synthetic events per day (--link)")
    ap.add_argument("--check", type=int, default=0, help="--link: also compare N events with one process")
    ap.add_argument("--one", nargs=3, metavar=("INPUT", "OUT", "WORKERS"), help=argparse.SUPPRESS)
    ap.add_argument("--one-link", nargs=4, type=int, metavar=("N", "WORKERS", "PER_DAY", "CHECK"),
                    help=argparse.SUPPRESS)
    args = ap.parse_args()
    cores = args.cores or args.workers
    if args.one:
        print(json.dumps(one_run([args.one[0]], Path(args.one[1]), int(args.one[2]))))
        return
    if args.one_link:
        print(json.dumps(link_run(*args.one_link)))
        return
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
    scratch = (contextlib.nullcontext(str(args.keep)) if args.keep
               else tempfile.TemporaryDirectory(prefix="marsad-scale-"))
    with scratch as tmp:
        if args.compare:
            res = compare(args.input, args.limit, args.workers, cores, Path(tmp))
            print(show_compare(res), flush=True)
            if args.json:
                print(json.dumps(res), flush=True)
        for n in [int(x) for x in args.sizes.split(",") if x]:
            shards = Path(tmp) / f"shards-{n}"
            write_shards(n, shards, args.shard)
            res = _child(["--one", str(shards), str(Path(tmp) / f"out-{n}"), str(args.workers)])
            print(show_size(n, res, cores), flush=True)
            shutil.rmtree(shards)
            shutil.rmtree(Path(tmp) / f"out-{n}")
    for n in [int(x) for x in args.link.split(",") if x]:
        res = _child(["--one-link", str(n), str(args.workers), str(args.per_day), str(args.check)])
        print(f"linking alone {n:>8} events, {args.workers} workers: {res}", flush=True)


if __name__ == "__main__":
    main()
