"""Actor figures on a corpus run: who is left unidentified, and how much of the actor table is used.

Usage: python bench/actor_corpus.py OUT_DIR [CORPUS.jsonl]
OUT_DIR is a `marsad run` output (claims.jsonl, events.jsonl). Prints the share of claims whose group
is "Unidentified persons", the share of events with no actor, with an unidentified attacker
(Unidentified Armed Group) and with only generic actors; with CORPUS (the run's input) also the size of
the actor table and how many of its actors the texts name (any alias found by the matcher).
"""

from __future__ import annotations

import collections
import json
import pathlib
import sys


def load(path: pathlib.Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def main() -> None:
    out = pathlib.Path(sys.argv[1])
    claims = load(out / "claims.jsonl")
    events = load(out / "events.jsonl")
    from marsad.extract.event_types import acled

    generic = set(acled()["generic_actors"])
    unid = sum(c.get("who") == "Unidentified persons" for c in claims)
    print(f"claims {len(claims)}: who Unidentified persons {unid} ({unid / max(1, len(claims)):.1%})")
    none = sum(not e.get("actors") for e in events)
    uag = sum(acled()["unidentified_actor"] in (e.get("actors") or []) for e in events)
    only_generic = sum(bool(e.get("actors")) and all(a in generic for a in e["actors"]) for e in events)
    n = max(1, len(events))
    print(f"events {len(events)}: no actor {none} ({none / n:.1%}), Unidentified Armed Group {uag} "
          f"({uag / n:.1%}), only generic actors {only_generic} ({only_generic / n:.1%})")
    names = collections.Counter(a for e in events for a in e.get("actors") or [])
    print("commonest event actors:", ", ".join(f"{a} {k}" for a, k in names.most_common(12)))
    if len(sys.argv) > 2:
        from marsad.extract.actors import actor_table

        table = actor_table()
        seen: collections.Counter[str] = collections.Counter()
        for line in pathlib.Path(sys.argv[2]).read_text(encoding="utf-8").splitlines():
            if line.strip():
                r = json.loads(line)
                seen.update({m.actor.name for m in table.find(f"{r.get('title') or ''}\n{r['text']}")})
        print(f"actor table: {len(table.actors)} actors, {len(seen)} named in the corpus "
              f"({len(seen) / len(table.actors):.1%}); armed: "
              f"{sum(a.role == 'armed' for a in table.actors)}, named "
              f"{sum(table.get(a).role == 'armed' for a in seen)}")


if __name__ == "__main__":
    main()
