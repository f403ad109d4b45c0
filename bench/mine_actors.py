"""Mine candidate armed actors from a corpus of reports, for review before they enter actors.yaml.

    python bench/mine_actors.py ../shared/corpora/ant-2018-news.jsonl.gz [more.jsonl ...] \
        [--min 5] [--top 300] [--known]

General patterns, not names: a group head (تنظيم، جماعة، حركة، قوات، ميليشيا، مسلحو، كتائب، لواء،
جبهة، سرايا، جيش، مجلس شورى، ...) followed by one to three words, cut at the first function word or
punctuation. Candidates are counted per report (a name repeated in one report counts once), and each
is looked up in the current actor table: `--known` also lists those the table already names (the
coverage check), otherwise only the unknown ones are printed, most frequent first, with one example.

The output is a review list, not a table: a person reads it, decides which candidates are real actors,
and writes them into marsad/lang/ar/actors.yaml with an ACLED-style name, inter code and aliases.
With `--coverage` it instead prints how many of the table's actors occur in the corpus.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from marsad import lang
from marsad.extract.actors import actor_table
from marsad.text.normalize import key

_FW = lang.load("actor_mining")
_HEADS = sorted(_FW["heads"], key=len, reverse=True)
_STOPS = frozenset(key(w) for w in _FW["stops"])
_WORD = re.compile(r"[\u0621-\u064a]+")
_HEAD_RE = re.compile(r"(?<![\u0621-\u064a])[وفبل]?((?:ال)?(?:" + "|".join(map(re.escape, _HEADS)) + r"))\s+")


def reports(paths: list[Path]) -> Iterator[str]:
    for p in paths:
        opener = gzip.open if p.suffix == ".gz" else open
        with opener(p, "rt", encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    yield json.loads(line).get("text") or ""


def candidates(text: str, max_words: int = 3) -> Iterator[str]:
    """Head + up to `max_words` words, cut at a stop word or punctuation (all prefixes yielded)."""
    for m in _HEAD_RE.finditer(text):
        words: list[str] = []
        for w in re.split(r"\s+", text[m.end():m.end() + 80]):
            bare = _WORD.fullmatch(w)
            if not bare or key(w) in _STOPS or len(words) >= max_words:
                break
            words.append(w)
            yield f"{m.group(1)} {' '.join(words)}"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="+", type=Path)
    ap.add_argument("--min", type=int, default=5, help="least number of reports naming a candidate")
    ap.add_argument("--top", type=int, default=300)
    ap.add_argument("--known", action="store_true", help="also list candidates the table knows")
    ap.add_argument("--coverage", action="store_true", help="count the table's actors in the corpus")
    a = ap.parse_args()
    table = actor_table()
    if a.coverage:
        seen: Counter = Counter()
        n = 0
        for text in reports(a.corpus):
            n += 1
            seen.update({m.actor.name for m in table.find(text)})
        print(f"reports {n}; actors in table {len(table.actors)}; occurring {len(seen)} "
              f"(in >= 5 reports: {sum(1 for v in seen.values() if v >= 5)})")
        for name, c in seen.most_common(a.top):
            print(f"{c:6d}  {name}")
        return
    counts: Counter = Counter()
    example: dict[str, str] = {}
    for text in reports(a.corpus):
        found = set(candidates(text))
        counts.update(found)
        for c in found:
            at = text.find(c)
            example.setdefault(c, text[max(0, at - 40):at + len(c) + 40].replace("\n", " "))
    shown = 0
    for cand, c in counts.most_common():
        if c < a.min or shown >= a.top:
            break
        hit = table.lookup(cand)
        if hit is not None and not a.known:
            continue
        shown += 1
        print(f"{c:5d}\t{cand}\t{hit.name if hit else '-'}\t{example[cand]}")
    print(f"{shown} candidates", file=sys.stderr)


if __name__ == "__main__":
    main()
