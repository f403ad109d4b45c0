"""Attribution figures of a run over an unlabelled corpus (issue 10's "on the ANT corpus" figures).

    marsad run SAMPLE.jsonl --out OUT && python bench/attrib_corpus.py OUT [--corpus SAMPLE.jsonl]

Prints: claims (with a figure) and the share whose group is "Unidentified persons" or missing; events
and the share with no actor, with an unknown actor (Unidentified Armed Group) and with no named actor
(only generic ones); the actor table's size and, with --corpus, how many of its actors occur.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from marsad.extract.actors import actor_table

_GENERIC = {"Unidentified Armed Group", "Unidentified persons", "Military forces", "Security forces",
            "Militants", "Fighters", "Officials", "Suspects", "Prisoners"}


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()] if path.exists() else []


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("out", type=Path)
    ap.add_argument("--corpus", type=Path)
    a = ap.parse_args()
    claims = [c for c in _rows(a.out / "claims.jsonl") if c.get("value") is not None]
    events = _rows(a.out / "events.jsonl")
    unid = sum(1 for c in claims if c.get("who") in (None, "Unidentified persons"))
    share = unid / max(1, len(claims))
    print(f"claims {len(claims)}; group 'Unidentified persons' or none: {unid} ({share:.1%})")
    who = Counter(c.get("who") for c in claims)
    print("  top groups:", ", ".join(f"{k} {v}" for k, v in who.most_common(12)))
    none = sum(1 for e in events if not e.get("actors"))
    unknown = sum(1 for e in events if "Unidentified Armed Group" in (e.get("actors") or []))
    unnamed = sum(1 for e in events if not set(e.get("actors") or []) - _GENERIC)
    n = max(1, len(events))
    print(f"events {len(events)}; no actor {none} ({none / n:.1%}); an unknown actor "
          f"(Unidentified Armed Group) {unknown} ({unknown / n:.1%}); "
          f"no named actor {unnamed} ({unnamed / n:.1%})")
    table = actor_table()
    print(f"actor table: {len(table.actors)} actors")
    if a.corpus:
        seen: Counter = Counter()
        for line in a.corpus.open(encoding="utf-8"):
            if line.strip():
                seen.update({m.actor.name for m in table.find(json.loads(line).get("text") or "")})
        often = sum(1 for v in seen.values() if v >= 5)
        print(f"  occurring in the corpus: {len(seen)} ({often} in >= 5 reports)")


if __name__ == "__main__":
    main()
