"""An incident's deaths: one rule (`event_deaths`) behind every death figure Marsad shows or exports.

The web table and map ("Killed"), ACLED `fatalities`, UCDP GED `best` and the GeoJSON `fatalities`
all read `event_deaths(ev).best`:

1. take the reconciled `killed` estimates of the incident (each group's `best`, a disputed one
   included: a denial flags a figure, it never zeroes it);
2. leave out a group counted inside a broader group that is also present (children and women among
   civilians: `subgroups` in `tolls.yaml`);
3. add up the remaining named groups;
4. an overall toll of unnamed people (`general_groups`) replaces that sum when it is larger.

`low` and `high` add up the groups' lowest still-standing and highest figures the same way. Each
step is kept (`Deaths.parts`) so a page can show how the figure was reached. UCDP GED splits the same
total by side: `deaths_a` (side A, the state when there is one), `deaths_b`, `deaths_civilians`,
`deaths_unknown`. The rule is documented in docs/reconciliation.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from marsad import lang
from marsad.extract.actors import actor_table
from marsad.model import Estimate, Event


@cache
def _tolls() -> dict:
    return lang.load("tolls")


def current_low(e: Estimate) -> int:
    """The lowest figure still standing: early counts the estimate superseded, and earlier incidents'
    figures recalled in a report, are left out."""
    gone = {(s.get("doc_id"), s.get("value")) for s in e.superseded}
    standing = [t["value"] for t in e.timeline if t.get("stance") != "denied" and t.get("value") is not None
                and (t.get("doc_id"), t.get("value")) not in gone and int(t.get("tier", 2)) >= 0]
    return min(standing + [e.best or 0]) if e.best is not None else 0


@dataclass(slots=True)
class DeathPart:
    """One `killed` estimate and what the rule did with it."""

    who: str
    best: int
    disputed: bool
    counted: bool  # part of the event's figure
    why: str  # "group" | "inside:<broader group>" | "overall" | "overall_smaller" | "groups_smaller"

    def to_dict(self) -> dict[str, object]:
        return {"who": self.who, "best": self.best, "disputed": self.disputed, "counted": self.counted,
                "why": self.why}


@dataclass(slots=True)
class Deaths:
    """The event's deaths by the one rule: best/low/high and the steps that gave them."""

    best: int = 0
    low: int = 0
    high: int = 0
    disputed: bool = False  # a counted figure is disputed
    parts: list[DeathPart] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        return {"best": self.best, "low": self.low, "high": self.high, "disputed": self.disputed,
                "parts": [p.to_dict() for p in self.parts]}


def _as_estimates(estimates: list[Estimate] | list[dict]) -> list[Estimate]:
    out = []
    for e in estimates or []:
        if isinstance(e, Estimate):
            out.append(e)
        elif isinstance(e, dict) and e.get("kind"):
            out.append(Estimate(kind=e["kind"], who=e.get("who"), low=e.get("low"), best=e.get("best"),
                                high=e.get("high"), disputed=bool(e.get("disputed")),
                                timeline=e.get("timeline") or [], superseded=e.get("superseded") or []))
    return out


def event_deaths(ev: Event | dict) -> Deaths | None:
    """The incident's deaths by the one rule (module docstring); None when no death is reported.

    Takes an `Event` or a stored event dict (its `estimates` as plain dicts)."""
    estimates = _as_estimates(ev.estimates if isinstance(ev, Event) else ev.get("estimates") or [])
    killed = [e for e in estimates if e.kind == "killed" and e.best is not None]
    if not killed:
        return None
    general_names = set(_tolls().get("general_groups") or [])
    subgroups = _tolls().get("subgroups") or {}
    present = {e.who for e in killed}
    out = Deaths()
    named: list[Estimate] = []
    general: list[Estimate] = []
    for e in killed:
        who = e.who or "Unidentified persons"
        if e.who in general_names:
            general.append(e)
        elif subgroups.get(e.who) in present:
            out.parts.append(DeathPart(who, e.best or 0, e.disputed, False, f"inside:{subgroups[e.who]}"))
        else:
            named.append(e)
            out.parts.append(DeathPart(who, e.best or 0, e.disputed, True, "group"))
    out.best = sum(e.best or 0 for e in named)
    out.low = sum(current_low(e) for e in named)
    out.high = sum(e.high if e.high is not None else (e.best or 0) for e in named)
    overall = max(general, key=lambda e: e.best or 0, default=None)
    for e in general:
        replaces = e is overall and (e.best or 0) > out.best
        out.parts.append(DeathPart(e.who or "Unidentified persons", e.best or 0, e.disputed, replaces,
                                   "overall" if replaces else "overall_smaller"))
    if overall is not None and (overall.best or 0) > out.best:
        for p in out.parts:
            if p.why == "group":
                p.counted, p.why = False, "groups_smaller"
        out.best = overall.best or 0
        out.low = max(out.low if named else 0, current_low(overall))
        out.high = max(out.high, overall.high if overall.high is not None else out.best)
    out.low = min(out.low, out.best)
    out.high = max(out.high, out.best)
    out.disputed = any(p.counted and p.disputed for p in out.parts)
    return out


def event_killed(ev: Event | dict) -> int | None:
    """The event's deaths figure by the one rule (None when no death is reported)."""
    deaths = event_deaths(ev)
    return deaths.best if deaths is not None else None


def acled_fatalities(ev: Event) -> int:
    """ACLED `fatalities`: the event's deaths by the one rule (0 when no deaths are reported)."""
    return event_killed(ev) or 0


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
    """Side A and side B as UCDP orders them: a state actor (inter 1, or 8: forces of states abroad,
    coalitions of states) is side A when present."""
    a, b = ev.actor1, ev.actor2
    if not a and not b:
        named = [x for x in ev.actors if x]
        a, b = (named + [None, None])[:2]
    table = actor_table()
    inter_a = (table.get(a).inter if a and table.get(a) else ev.inter1)
    inter_b = (table.get(b).inter if b and table.get(b) else ev.inter2)
    if _state(b, inter_b) and not _state(a, inter_a):
        a, b = b, a
    return a, b


def _state(name: str | None, inter: int | None) -> bool:
    """A state's forces (ACLED inter 1) or forces of states abroad and coalitions of states (inter 8,
    armed): UCDP's government side."""
    actor = actor_table().get(name) if name else None
    return inter == 1 or (inter == 8 and (actor is None or actor.role == "armed"))


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
    """UCDP GED death counts by side; `best`, `low`, `high` are the event's deaths by the one rule."""
    out = UcdpDeaths()
    deaths = event_deaths(ev)
    if deaths is None:
        return out
    side_a, side_b = ucdp_sides(ev)
    for p in deaths.parts:
        if p.why in ("group", "groups_smaller"):  # named groups keep their side inside a larger overall toll
            side = _side_of(p.who, side_a, side_b)
            setattr(out, f"deaths_{side}", getattr(out, f"deaths_{side}") + p.best)
    out.best, out.low, out.high = deaths.best, deaths.low, deaths.high
    by_side = out.deaths_a + out.deaths_b + out.deaths_civilians + out.deaths_unknown
    out.deaths_unknown += deaths.best - by_side  # what an overall toll adds to the named groups
    return out
