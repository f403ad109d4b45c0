"""Which group each figure of an incident counts, so that one toll is not split over two names.

Estimates are per (kind, who); reports name one group in different ways. Rules (tolls.yaml):
- A generic side name ("the army", "militants": `generic_groups`) counts the incident's one named
  actor of that side, when there is exactly one, the figures are of one order of magnitude, and the
  report does not itself name that actor for the same kind (then the generic figure counts others).
- A figure that names nobody ("the toll rose to 7"), from a report that names no group for that kind,
  counts the incident's one named group of that kind when it is not below that group's figures
  reported by then (a follow-up's raised toll) and that group is not the attacker of a one-sided attack
  nor one of the two armed sides of a clash (those hurt may be of either side).
- Else, in an attack on civilians where no group is named for that kind, it also counts civilians:
  the overall toll stays, and the civilian toll is the same figure (ACLED and UCDP counts take the
  larger of overall and named tolls, so nothing is counted twice).
"""

from __future__ import annotations

from collections import defaultdict
from functools import cache

from marsad import lang
from marsad.extract.actors import Actor, actor_table
from marsad.extract.who import attacker_among
from marsad.model import Claim, Event

DEFAULT_WHO = "Unidentified persons"
SAME_ORDER = 3.0  # a generic and a named figure this far apart count different things (a background sum)
VICTIM_KINDS = frozenset({"killed", "injured", "casualties", "abducted", "missing"})


@cache
def _tolls() -> dict:
    return lang.load("tolls")


@cache
def actor_side(name: str) -> str | None:
    """"state" or "nonstate" for a canonical armed actor's name (None for others and unknown names)."""
    return _side(actor_table().get(name))


@cache
def generic_side(name: str) -> str | None:
    """The side a generic name ("militants", "the army": `generic_groups`) stands for, else None."""
    return (_tolls().get("generic_groups") or {}).get(name)


def _side(actor: Actor | None) -> str | None:
    """"state" or "nonstate" for an armed actor (ACLED inter codes), else None."""
    if actor is None or actor.role != "armed":
        return None
    if actor.inter == 1 or (actor.inter == 8 and actor.country):
        return "state"
    return "nonstate" if actor.inter in (2, 3, 4) else None


def _same_order(a: list[int], b: list[int]) -> bool:
    return not a or not b or (max(a) <= SAME_ORDER * max(b) and max(b) <= SAME_ORDER * max(a))


def group_names(ev: Event | None, claims: list[Claim],
                published: dict[str, str] | None = None) -> dict[int, list[str]]:
    """id(claim) -> the groups (canonical actor names) its figure counts in this incident;
    `published`: doc id -> publication day, to compare a toll with the figures reported by then."""
    day = (published or {}).get
    data = _tolls()
    general = set(data.get("general_groups") or []) | {DEFAULT_WHO}
    generic: dict[str, str] = data.get("generic_groups") or {}
    subgroups: dict[str, str] = data.get("subgroups") or {}
    out = {id(c): c.who or DEFAULT_WHO for c in claims}
    if ev is None:
        return {k: [v] for k, v in out.items()}

    def values(kind: str, who: str) -> list[int]:
        return [c.value for c in claims if c.kind == kind and out[id(c)] == who
                and c.value is not None and c.stance != "denied"]

    table = actor_table()
    sides: dict[str, list[str]] = defaultdict(list)
    for name in dict.fromkeys([*ev.actors, ev.actor1, ev.actor2]):
        if name and name not in generic and name not in general:
            side = _side(table.get(name))
            if side:
                sides[side].append(name)
    renamed: dict[tuple[str, str], bool] = {}
    for c in claims:
        who = out[id(c)]
        named = sides.get(generic.get(who, ""), [])
        if len(named) != 1:
            continue
        same = renamed.setdefault((c.kind, who), _same_order(values(c.kind, who), values(c.kind, named[0])))
        # a report that names the actor and also uses the generic name counts something else with it
        if same and not any(o.doc_id == c.doc_id and o.kind == c.kind and o.who == named[0] for o in claims):
            out[id(c)] = named[0]

    civilians = data.get("civilian_group") or "Civilians"
    also: dict[int, str] = {}
    for kind in {c.kind for c in claims}:
        unnamed = [c for c in claims if c.kind == kind and out[id(c)] in general]
        if not unnamed:
            continue
        named = {out[id(c)] for c in claims if c.kind == kind and out[id(c)] not in general}
        # children or women counted apart are part of another group's toll, not a group of their own
        named = {g for g in named if g not in subgroups} or named
        if len(named) == 1:
            group = next(iter(named))
            if group == ev.actor1 and ev.event_type != "Battles":
                continue  # the attacker's own dead are not the victims' toll
            if ev.event_type == "Battles" and len(sides) > 1:
                continue  # people hurt in a clash of two armed sides may be of either side
            figures = [c for c in claims if c.kind == kind and out[id(c)] == group
                       and c.value is not None and c.stance != "denied"]
            naming_docs = {c.doc_id for c in figures}
            for c in unnamed:
                when = day(c.doc_id) or ""
                floor = max((f.value or 0 for f in figures if (day(f.doc_id) or "") <= when), default=0)
                if c.doc_id not in naming_docs and c.value is not None and c.value >= floor \
                        and not attacker_among(c):  # قتل شخصان أحدهما المنفذ: not all the victims'
                    out[id(c)] = group
        elif not named and ev.civilian_targeting and kind in VICTIM_KINDS:
            for c in unnamed:
                also[id(c)] = civilians
    return {k: [v, also[k]] if k in also else [v] for k, v in out.items()}
