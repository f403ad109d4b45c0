"""Throughput of `marsad run` against a bare spaCy tokenising pass over the same reports, and peak memory.

    .venv/bin/python bench/throughput.py [CORPUS] [--n 5000] [--memory 5000,10000,17743] [--stages]

CORPUS is a corpus JSONL (gzipped or not; default the real ANT 2018 news corpus,
../shared/corpora/ant-2018-news.jsonl.gz, 17,743 reports). Its first N reports are written to a
temporary JSONL and timed in this one process, in CPU seconds (a busy machine does not skew them):
  1. bare: `spacy.blank("ar").pipe(texts)`, tokenising only;
  2. end-to-end: `marsad.run.run_corpus` on the JSONL (read, pipeline, store a chunk at a time,
     near-duplicates, link, reconcile, outputs);
and prints reports per second of each and their ratio (aim: end-to-end >= 25% of bare, 40% ideally).
`--memory SIZES` runs `marsad run` on the first SIZE reports in a fresh child process per size and
prints each child's peak resident memory (it should stay flat as the corpus grows: a run streams).
`--stages` also times the claims stage alone on up to 1,000 of the reports.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from itertools import islice
from pathlib import Path

import spacy

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "ant-2018-news.jsonl.gz"


def first_rows(corpus: Path, n: int) -> list[dict]:
    """The corpus's first n report rows."""
    opener = gzip.open if corpus.read_bytes()[:2] == b"\x1f\x8b" else open
    with opener(corpus, "rt", encoding="utf-8") as f:
        rows = [json.loads(line) for line in islice((x for x in f if x.strip()), n)]
    if not rows:
        sys.exit(f"{corpus}: no reports")
    return rows


def write_corpus(rows: list[dict], path: Path) -> Path:
    with path.open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path


def timed(fn, *args):
    """(result, wall seconds, CPU seconds of this process)."""
    w0, c0 = time.perf_counter(), time.process_time()
    result = fn(*args)
    return result, time.perf_counter() - w0, time.process_time() - c0


def bare_pass(texts: list[str]) -> None:
    """A blank Arabic spaCy pipeline tokenising all texts."""
    nlp = spacy.blank("ar")
    for _ in nlp.pipe(texts, batch_size=64):
        pass


def claims_stage(texts: list[str]):
    """The claims component alone on already tokenised, sentence-split docs."""
    from marsad import pipeline
    from marsad.extract.claims import extract_claims
    from marsad.model import Article

    nlp = pipeline.build(["marsad_boilerplate"])
    docs = list(pipeline.process(nlp, [Article(id=str(i), text=t) for i, t in enumerate(texts)]))
    extract_claims(docs[0])  # load the lexicons first
    return timed(lambda: [extract_claims(doc) for doc in docs])


def peak_memory(corpus: Path, size: int, tmp: Path) -> tuple[float, float, int]:
    """(peak RSS in MB, CPU seconds, reports) of `marsad run` on the first `size` reports, in a child."""
    src = write_corpus(first_rows(corpus, size), tmp / f"first{size}.jsonl")
    # The child prints its own VmHWM: a child's ru_maxrss starts at the parent's resident size when
    # it forks (Linux keeps the pre-exec high-water mark), so after the timing run in this process
    # every size read the same ~580 MB.
    code = ("import sys; from pathlib import Path; from marsad.run import run_corpus; "
            "run_corpus([sys.argv[1]], Path(sys.argv[2])); "
            "print(next((l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM:')), ''))")
    proc = subprocess.Popen([sys.executable, "-c", code, str(src), str(tmp / f"out{size}")],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    out = proc.stdout.read() if proc.stdout else ""
    _pid, status, usage = os.wait4(proc.pid, 0)
    if status != 0:
        sys.exit(f"marsad run on {size} reports failed (status {status})")
    n = sum(1 for _ in src.open(encoding="utf-8"))
    hwm = out.strip().splitlines()[-1] if out.strip() else ""
    rss_kb = int(hwm) if hwm.isdigit() else usage.ru_maxrss
    return rss_kb / 1024, usage.ru_utime + usage.ru_stime, n


def time_run(corpus: Path, n: int, stages: bool, tmp: Path) -> None:
    """Bare pass and `marsad run` on the first n reports, in this process."""
    from marsad.run import run_corpus

    rows = first_rows(corpus, n)
    texts = [r["text"] for r in rows]
    n = len(rows)
    src = write_corpus(rows, tmp / "docs.jsonl")
    _, bare, bare_cpu = timed(bare_pass, texts)
    summary, full, full_cpu = timed(run_corpus, [str(src)], tmp / "out")
    print(f"reports             {n} from {corpus.name} ({summary.claims} claims, {summary.events} events)")
    print("                      wall s    reports/s |    CPU s    reports/s")
    print(f"bare spaCy pass     {bare:8.2f}  {n / bare:11.1f} | {bare_cpu:8.2f}  {n / bare_cpu:11.1f}")
    print(f"marsad run          {full:8.2f}  {n / full:11.1f} | {full_cpu:8.2f}  {n / full_cpu:11.1f}")
    print(f"ratio (run / bare)  {bare / full:8.1%}              | {bare_cpu / full_cpu:8.1%}"
          "   (aim >= 25%, ideally 40%)")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory         {rss:8.1f} MB (max RSS of this process: bare pass, then the run)", flush=True)
    if stages:
        sample = texts[: min(n, 1000)]
        _, secs, cpu = claims_stage(sample)
        k = len(sample)
        print(f"claims stage alone  {secs:8.2f}  {k / secs:11.1f} | {cpu:8.2f}  {k / cpu:11.1f}   (of {k})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--n", type=int, default=5000, help="first N reports to time (0: skip the timing)")
    ap.add_argument("--memory", default="", help="comma-separated sizes: peak memory of a run at each")
    ap.add_argument("--stages", action="store_true", help="also time the claims stage alone")
    a = ap.parse_args()
    if not a.corpus.exists():
        sys.exit(f"no corpus at {a.corpus}")
    with tempfile.TemporaryDirectory(prefix="marsad-bench-") as tmp_name:
        tmp = Path(tmp_name)
        if a.n:
            time_run(a.corpus, a.n, a.stages, tmp)
        for size in [int(s) for s in a.memory.split(",") if s.strip()]:
            rss, cpu, n = peak_memory(a.corpus, size, tmp)
            print(f"peak memory at {n:6d} reports: {rss:7.1f} MB (max RSS of a fresh `marsad run`; "
                  f"CPU {cpu:.0f} s, {n / cpu:.1f} reports/s)", flush=True)


if __name__ == "__main__":
    main()
