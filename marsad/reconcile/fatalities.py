"""Death counts in the shape ACLED and UCDP publish them, from an incident's reconciled estimates.

ACLED records one conservative `fatalities` figure per event: for each group, the best figure unless
it is disputed (then the lowest credible one); groups counted inside a broader group (children among
civilians) are not added twice; an overall toll for unnamed people replaces the sum when larger.
UCDP GED splits deaths by side: `deaths_a` (side A, the state when there is one), `deaths_b`,
`deaths_civilians`, `deaths_unknown`, with `best`, `low` and `high` totals.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from marsad import lang
from marsad.extract.actors import actor_table
from marsad.model import Estimate, Event


@cache
def _tolls() -> dict:
    return lang.load("tolls")


def _killed_groups(ev: Event) -> tuple[list[Estimate], list[Estimate]]:
    """(named groups, general "people" tolls) of the killed estimates, subgroups of present groups dropped."""
    killed = [e for e in ev.estimates if e.kind == "killed" and e.best is not None]
    general_names = set(_tolls().get("general_groups") or [])
    subgroups = _tolls().get("subgroups") or {}
    present = {e.who for e in killed}
    named = [e for e in killed if e.who not in general_names and subgroups.get(e.who) not in present]
    general = [e for e in killed if e.who in general_names]
    return named, general


def current_low(e: Estimate) -> int:
    """The lowest figure still standing: early counts the estimate superseded, and earlier incidents'
    figures recalled in a report, are left out."""
    gone = {(s.get("doc_id"), s.get("value")) for s in e.superseded}
    standing = [t["value"] for t in e.timeline if t.get("stance") != "denied" and t.get("value") is not None
                and (t.get("doc_id"), t.get("value")) not in gone and int(t.get("tier", 2)) >= 0]
    return min(standing + [e.best or 0]) if e.best is not None else 0


def _conservative(e: Estimate) -> int:
    if e.disputed and e.low is not None:
        return min(e.low, e.best or e.low)
    return e.best or 0


def acled_fatalities(ev: Event) -> int:
    """ACLED's conservative fatality count for the event (0 when no deaths are reported)."""
    named, general = _killed_groups(ev)
    total = sum(_conservative(e) for e in named)
    overall = max((_conservative(e) for e in general), default=0)
    return max(total, overall)


@dataclass(slots=True)
class UcdpDeaths:
    deaths_a: int = 0
    deaths_b: int = 0
    deaths_civilians: int = 0
    deaths_unknown: int = 0
    best: int = 0
    low: int = 0
    high: int = 0


def ucdp_sides(ev: Event) -> tuple[str | None, str | None]:
    """Side A and side B as UCDP orders them: a state actor (inter 1) is side A when present."""
    a, b = ev.actor1, ev.actor2
    if not a and not b:
        named = [x for x in ev.actors if x]
        a, b = (named + [None, None])[:2]
    table = actor_table()
    inter_a = (table.get(a).inter if a and table.get(a) else ev.inter1)
    inter_b = (table.get(b).inter if b and table.get(b) else ev.inter2)
    if inter_b == 1 and inter_a != 1:
        a, b = b, a
    return a, b


def _side_of(who: str | None, side_a: str | None, side_b: str | None) -> str:
    table = actor_table()
    actor = table.get(who) if who else None
    if actor is not None and actor.role == "civilians":
        return "civilians"  # UCDP counts civilians apart even when they are side B of one-sided violence
    if who and who == side_a:
        return "a"
    if who and who == side_b:
        return "b"
    if actor is not None and actor.inter == 1:
        for side, name in (("a", side_a), ("b", side_b)):
            other = table.get(name) if name else None
            if other is not None and other.inter == 1:
                return side
    return "unknown"


def ucdp_deaths(ev: Event) -> UcdpDeaths:
    """UCDP GED death counts by side, with best/low/high totals."""
    side_a, side_b = ucdp_sides(ev)
    named, general = _killed_groups(ev)
    out = UcdpDeaths()
    low = high = 0
    for e in named:
        side = _side_of(e.who, side_a, side_b)
        setattr(out, f"deaths_{side}", getattr(out, f"deaths_{side}") + (e.best or 0))
        low += current_low(e)
        high += e.high if e.high is not None else (e.best or 0)
    out.best = out.deaths_a + out.deaths_b + out.deaths_civilians + out.deaths_unknown
    overall = max(general, key=lambda e: e.best or 0, default=None)
    if overall is not None and (overall.best or 0) > out.best:
        out.deaths_unknown += (overall.best or 0) - out.best
        out.best = overall.best or 0
        low = max(low, overall.low or 0)
        high = max(high, overall.high or 0)
    out.low = min(low, out.best)
    out.high = max(high, out.best)
    return out
