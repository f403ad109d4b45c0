"""The hand check of issue #17: a random sample of the events Marsad finds in a news stream, printed
for a person to judge (is each a real, current incident?), and the share judged real.

    .venv/bin/python bench/relevance_check.py sample [--seed N] [--n 50] [--out events.jsonl]
    .venv/bin/python bench/relevance_check.py score VERDICTS.tsv [EVENTS.jsonl]

`sample` runs the per-report pipeline (no linking) over the held-out slice of
../shared/corpora/ant-2018-news.jsonl.gz (every 10th report from the 6th: `awk 'NR%10==5'`; the
relevance vocabulary and model were tuned and trained without it), draws `--n` events with
`random.Random(seed).sample`, writes all events found to `--out` and prints the sample: id, type,
place, headline, the report's first words, the relevance score and reasons.

`score` reads verdicts (tab-separated: event key, `real` or `false`, a one-line reason) and prints
the share real; with the events file it also says which judged events are no longer found.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
from pathlib import Path

from marsad.model import Article
from marsad.run import process_articles

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
NEWS = SHARED / "corpora" / "ant-2018-news.jsonl.gz"
EVERY, OFFSET = 10, 4  # `awk 'NR%10==5'`: 0-based line numbers 4, 14, 24, ...


def held_out(path: Path = NEWS, offset: int = OFFSET) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for n, line in enumerate(f) if n % EVERY == offset]


def event_key(doc_id: str, ev: object) -> str:
    """One event of one report, stable across versions: the report's id, the event's type and place."""
    return f"{doc_id}#{getattr(ev, 'sub_event_type', None)}@{getattr(ev, 'location', None)}"


def run_sample(args: argparse.Namespace) -> int:
    if not NEWS.exists():
        print(f"no corpus at {NEWS}", file=sys.stderr)
        return 2
    rows = held_out(offset=args.offset)
    texts = {d["id"]: d for d in rows}
    arts = [Article(id=d["id"], text=d["text"], title=d.get("title"), published=d.get("published"),
                    outlet=d.get("outlet"), url=d.get("url")) for d in rows]
    found: list[dict] = []
    for res in process_articles(arts):
        for ev in res.events:
            rel = ev.relevance[0] if ev.relevance else {}
            found.append({"key": event_key(res.article.id, ev), "type": ev.sub_event_type,
                          "place": ", ".join(x for x in (ev.location, ev.admin1, ev.country) if x),
                          "date": ev.date, "score": rel.get("score"), "reasons": rel.get("reasons", []),
                          "evidence": [(sp.start, sp.end) for sp in ev.evidence]})
    with_event = len({e["key"].split("#")[0] for e in found})
    print(f"{len(rows)} reports, {with_event} with an event, {len(found)} events")
    if args.out:
        Path(args.out).write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in found))
    sample = random.Random(args.seed).sample(found, min(args.n, len(found)))
    for i, e in enumerate(sample):
        d = texts[e["key"].split("#")[0]]
        body = " ".join(d["text"].split())
        print(f"[{i}] {e['key']} | {e['type']} | {e['place']} | {e['date']} | score {e['score']}")
        print(f"    title: {d.get('title') or ''}")
        print(f"    text: {body[:args.chars]}")
        print(f"    reasons: {'; '.join(e['reasons'])}")
        if e["evidence"]:  # the words of the incident (its trigger first), in context
            a, b = e["evidence"][0]
            print(f"    evidence: ...{' '.join(d['text'][max(0, a - 150):b + 150].split())}...")
    return 0


def run_score(args: argparse.Namespace) -> int:
    verdicts = []
    for line in Path(args.verdicts).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        key, verdict, *why = line.split("\t")
        verdicts.append((key, verdict.strip(), why[0] if why else ""))
    real = sum(v == "real" for _k, v, _w in verdicts)
    print(f"{real}/{len(verdicts)} real = {real / max(len(verdicts), 1):.0%}")
    if args.events:
        keys = {json.loads(line)["key"] for line in Path(args.events).read_text().splitlines()}
        gone = [(k, v) for k, v, _w in verdicts if k not in keys]
        print(f"no longer found: {len(gone)} ({sum(v == 'false' for _k, v in gone)} of them false)")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("sample")
    s.add_argument("--seed", type=int, default=2026)
    s.add_argument("--n", type=int, default=50)
    s.add_argument("--out")
    s.add_argument("--chars", type=int, default=500)
    # another slice to work on (2 is `awk 'NR%10==3'`), keeping the held-out one for the final check
    s.add_argument("--offset", type=int, default=OFFSET)
    c = sub.add_parser("score")
    c.add_argument("verdicts")
    c.add_argument("events", nargs="?")
    args = ap.parse_args()
    return run_sample(args) if args.cmd == "sample" else run_score(args)


if __name__ == "__main__":
    sys.exit(main())
