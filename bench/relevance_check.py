"""The hand check of issue #17: a random sample of the events Marsad finds in a news stream, printed
for a person to judge (is each a real, current incident?), and the share judged real.

    .venv/bin/python bench/relevance_check.py sample [--seed N] [--n 50] [--out events.jsonl]
    .venv/bin/python bench/relevance_check.py linked RUN_DIR [--seed N] [--n 50] [--out drawn.jsonl]
    .venv/bin/python bench/relevance_check.py score VERDICTS.tsv [EVENTS.jsonl]

`sample` runs the per-report pipeline (no linking) over the held-out slice of
../shared/corpora/ant-2018-news.jsonl.gz (every 10th report from the 6th: `awk 'NR%10==5'`; the
relevance vocabulary and model were tuned and trained without it), draws `--n` events with
`random.Random(seed).sample`, writes all events found to `--out` and prints the sample: id, type,
place, headline, the report's first words, the relevance score and reasons.

`linked` draws from the events of a whole-corpus run instead (RUN_DIR/events.jsonl of `marsad run` over
the corpus, e.g. the plain output kept by `bench/scale.py --compare --keep DIR`): the events a user
gets, linked across the stream, so an incident retold days later sits in its incident rather than
being judged alone. Only events whose first report is in the held-out slice are drawn (the others
may be built on reports a rule was tuned on; one report per event, so an event of many reports is
no likelier to be drawn than one of a single report); each is printed with its days, place, reports
(held-out ones first) and evidence words. The key of a linked event is its event_id.

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


def run_linked(args: argparse.Namespace) -> int:
    if not NEWS.exists():
        print(f"no corpus at {NEWS}", file=sys.stderr)
        return 2
    rows = {d["id"]: (n, d) for n, d in enumerate(_lines(NEWS))}
    events = [json.loads(line) for line in (Path(args.run) / "events.jsonl").read_text().splitlines()]
    held = [e for e in events if e["doc_ids"][0] in rows and rows[e["doc_ids"][0]][0] % EVERY == OFFSET]
    print(f"{len(events)} events in the run, {len(held)} whose first report is in the held-out slice")
    sample = random.Random(args.seed).sample(held, min(args.n, len(held)))
    if args.out:
        Path(args.out).write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in sample))
    for i, e in enumerate(sample):
        docs = sorted(e["doc_ids"], key=lambda d: (rows[d][0] % EVERY != OFFSET, rows[d][0]))
        place = ", ".join(x for x in (e["location"], e["admin1"], e["country"]) if x)
        days = e["date"] if e["date_end"] in (None, e["date"]) else f"{e['date']}..{e['date_end']}"
        print(f"[{i}] {e['event_id']} | {e['sub_event_type']} | {place} | {days} | {len(docs)} reports")
        for d in docs[:3]:
            n, row = rows[d]
            print(f"    {d} (line {n + 1}, published {row.get('published')}): {row.get('title') or ''}")
            print(f"      {' '.join(row['text'].split())[:args.chars]}")
        print(f"    evidence: {' | '.join(sp['text'] for sp in e['evidence'])}")
    return 0


def _lines(path: Path) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


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
        found = [json.loads(line) for line in Path(args.events).read_text().splitlines()]
        keys = {e.get("key") or e["event_id"] for e in found}  # a report's event, or a linked event
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
    k = sub.add_parser("linked")
    k.add_argument("run")
    k.add_argument("--seed", type=int, default=2026)
    k.add_argument("--n", type=int, default=50)
    k.add_argument("--out")
    k.add_argument("--chars", type=int, default=400)
    c = sub.add_parser("score")
    c.add_argument("verdicts")
    c.add_argument("events", nargs="?")
    args = ap.parse_args()
    return {"sample": run_sample, "linked": run_linked, "score": run_score}[args.cmd](args)


if __name__ == "__main__":
    sys.exit(main())
