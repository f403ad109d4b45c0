"""Reconciling one incident's claims into an estimate per (kind, who): low, best, high, disputed, timeline.

Rules (documented in docs/reconciliation.md):
- A denied figure never counts towards a toll; it makes the estimate `disputed` when another source
  gives that figure (or when nobody else gives any).
- Figures are ranked: a figure the article itself marks as an update or final toll; an asserted figure
  in the body from a named source or the outlet; then headline-only, hearsay and unconfirmed figures;
  last, figures the article marks as preliminary.
- Among the best-ranked figures the latest report wins (publication day); on one day, an update cue
  wins, then the largest figure (parts of a toll are smaller than the toll).
- Every figure below `best` reported on or before the best figure's day is kept as `superseded`.
- Claims of an article marked as a duplicate of another article in the corpus are not counted twice.
- Background figures (claim.background: a toll recalled from before the incident) are not the
  incident's: they are left out.
- An outlier never becomes best, low or high: a figure above the incident ceiling of its kind for the
  event's type (tolls.yaml `incident_ceilings`), or more than `outlier_factor` times the largest figure
  of the same kind and group that another report gives on the same day or later, or a report's sum
  over several of its incidents (`summed_claims`). Outliers are listed in the estimate's `outliers`
  and marked in its timeline.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection, Container, Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from itertools import combinations

from marsad import lang
from marsad.model import Article, Claim, Estimate, Event
from marsad.reconcile.cues import claim_positions, headline_end, increments, mark_cues
from marsad.reconcile.groups import DEFAULT_WHO, group_names
from marsad.text.normalize import fold, key

DISPUTE_TOLERANCE = 0.2  # a denial of "about 200" disputes a claim of 180 as well
MAX_PARTS = 4  # a report's overall figure is summed from at most this many of its incidents' figures
# Tolls of violence are per incident; arrests or seizures announced together are one announcement
# (a ministry's 431 arrests over its 97, 190 and 144 is that announcement's figure).
SUMMED_KINDS = frozenset({"killed", "injured", "casualties"})
MIN_SUM = 10  # small figures add up by chance (3 = 2 + 1 in any long report)


@cache
def _weak_sources() -> frozenset[str]:
    return frozenset(lang.load("tolls").get("weak_sources") or [])


@dataclass(slots=True)
class RankedClaim:
    claim: Claim
    day: str
    tier: int  # 2 body figure, 1 headline-only / hearsay / unconfirmed, 0 preliminary, -1 earlier incident
    update: bool
    derived: bool = False  # the report's toll worked out as a figure plus "N others" (not a claim itself)

    def key(self) -> tuple:
        return (self.tier, self.day, self.update, self.claim.value or 0)


def _rank(claim: Claim, article: Article | None, cue: str | None, head_end: int) -> RankedClaim:
    day = ((article.published if article else None) or "")[:10]
    if cue == "earlier":
        tier = -1  # an earlier incident's figure, recalled in the report
    elif cue == "preliminary":
        tier = 0
    elif (claim.stance == "unconfirmed" or claim.source in _weak_sources()
          or (head_end and cue != "update" and all(p < head_end for p in claim_positions(claim)))):
        tier = 1  # hearsay, unconfirmed, or only in the headline (which sums and rounds, unless it
        # announces a raised toll: "the toll rises to 39")
    else:
        tier = 2
    return RankedClaim(claim, day, tier, cue == "update")


def _counted(claims: list[Claim], articles: dict[str, Article], run_docs: Container[str] | None = None
             ) -> list[Claim]:
    """Claims with a figure, minus background figures and those of duplicate articles whose original
    is in the corpus (`run_docs`, when `articles` holds only some of the run's articles)."""
    corpus = articles if run_docs is None else run_docs
    out = []
    for c in claims:
        if c.background:
            continue
        art = articles.get(c.doc_id)
        if art is not None and art.duplicate_of and art.duplicate_of in corpus:
            continue
        if c.value is None and c.stance != "denied":
            continue  # a vague figure; a denial without a figure ("denied the reports") still counts
        out.append(c)
    return out


def _disputed(denied: list[Claim], given: list[Claim]) -> bool:
    if not denied:
        return False
    if not given:
        return True
    for d in denied:
        if d.value is None:
            return True
        for g in given:
            if abs((g.value or 0) - d.value) <= DISPUTE_TOLERANCE * max(d.value, 1):
                return True
    return False


def _entry(r: RankedClaim) -> dict:
    c = r.claim
    out = {"date": r.day or None, "value": c.value, "value_high": c.value_high, "qualifier": c.qualifier,
           "source": c.source, "stance": c.stance, "doc_id": c.doc_id, "tier": r.tier, "update": r.update}
    if r.derived:
        out["derived"] = "sum with the figure before"
    return out


def _carried(ev: Event, fresh_docs: set[str]) -> list[tuple[tuple[str, str], RankedClaim]]:
    """A stored incident's earlier figures, rebuilt from its stored timelines (their articles are not
    in this run), so an incremental run adds to the toll history instead of replacing it."""
    out = []
    for e in ev.estimates:
        for t in e.timeline:
            if t.get("doc_id") in fresh_docs or t.get("value") is None and t.get("stance") != "denied":
                continue
            claim = Claim(doc_id=t.get("doc_id") or "", kind=e.kind, value=t.get("value"),
                          value_high=t.get("value_high"), qualifier=t.get("qualifier") or "exact",
                          who=None if e.who == DEFAULT_WHO else e.who, source=t.get("source"),
                          stance=t.get("stance") or "asserted")
            ranked = RankedClaim(claim, t.get("date") or "", int(t.get("tier", 2)), bool(t.get("update")))
            out.append(((e.kind, e.who or DEFAULT_WHO), ranked))
    return out


@cache
def _ceilings(event_type: str | None) -> dict[str, int]:
    table = lang.load("tolls").get("incident_ceilings") or {}
    return {**(table.get("default") or {}), **(table.get(event_type or "") or {})}


def _incident_of(c: Claim) -> object:
    """Which of its report's incidents a claim counts (the article event, else the linked incident)."""
    return c.event_index if c.event_index is not None else c.event_id


@cache
def _round_up_pattern() -> re.Pattern[str]:
    """incident_markers.yaml `round_up_lead` ("في حوادث أمنية متفرقة", "بهجمات متفرقة"): a figure in
    such a sentence counts several incidents of a round-up report."""
    words = sorted({key(w) for w in lang.load("incident_markers").get("round_up_lead") or []}, key=len,
                   reverse=True)
    return re.compile(r"(?<![\w])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w])")


def summed_claims(claims: Iterable[Claim]) -> set[int]:
    """id() of the figures a report gives as the sum of the figures it gives for several of its own
    incidents: "19 militants were killed" over a raid that killed 15 and a strike that killed 4 told
    in the same report, "14 soldiers and police killed in two attacks" over 9 and 5. Such a figure is
    the report's total, not one incident's toll (it stays a claim; it is never an incident's best).
    Only tolls of violence (SUMMED_KINDS) of at least MIN_SUM. The parts are figures of the same kind
    in other sentences, each below the sum, one of them of the total's own incident and one of another
    incident of the report (a figure of other incidents only is no sum over this one); a subgroup
    ("among them seven children": tolls.yaml `subgroups`) is inside a toll, not a part of a sum. A figure
    in a sentence that announces scattered incidents (`round_up_lead`) is such a total whatever its parts."""
    subgroups = lang.load("tolls").get("subgroups") or {}
    by_doc_kind: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for c in claims:
        if (c.kind in SUMMED_KINDS and c.value is not None and c.stance != "denied" and not c.background
                and _incident_of(c) is not None and c.who not in subgroups):
            by_doc_kind[(c.doc_id, c.kind)].append(c)
    out: set[int] = set()
    for group in by_doc_kind.values():
        # "28 militants killed in scattered security incidents": the round-up's total, whatever its parts
        out.update(id(c) for c in group if _round_up_pattern().search(fold(c.evidence or "")))
        if len({_incident_of(c) for c in group}) < 2:
            continue
        for c in group:
            if (c.value or 0) < MIN_SUM:
                continue
            # a figure in the total's own sentence is its breakdown ("9 civilians, among them 5 women")
            parts = [o for o in group if o is not c and (o.value or 0) < (c.value or 0)
                     and o.evidence != c.evidence]
            # one figure per value: a figure repeated in another sentence is one part, not two
            parts = list({(o.value, _incident_of(o)): o for o in parts}.values())
            for n in range(2, min(MAX_PARTS, len(parts)) + 1):
                if any(sum(o.value or 0 for o in combo) == c.value
                       and {_incident_of(o) == _incident_of(c) for o in combo} == {True, False}
                       for combo in combinations(parts, n)):
                    out.add(id(c))
                    break
    return out


def _outlier_reason(r: RankedClaim, ranked: list[RankedClaim], event_type: str | None,
                    summed: frozenset[int] | set[int] = frozenset()) -> str | None:
    """Why a figure cannot be this incident's toll: above the incident ceiling of its kind, far above
    what another report gives for the same group on the same day or later, or the report's sum over
    several of its incidents; else None."""
    value = r.claim.value
    if value is None or r.claim.stance == "denied":
        return None
    if id(r.claim) in summed:
        return "sum of incidents"
    ceiling = _ceilings(event_type).get(r.claim.kind)
    if ceiling is not None and value > ceiling:
        return "ceiling"
    later = [o.claim.value for o in ranked
             if o.claim.doc_id != r.claim.doc_id and o.claim.value is not None and o.claim.stance != "denied"
             and o.tier > 0 and o.day >= r.day]
    if later and value > _outlier_factor() * max(max(later), 1):
        return "other reports"
    return None


@cache
def _outlier_factor() -> float:
    return float(lang.load("tolls").get("outlier_factor") or 5)


def estimate(kind: str, who: str, ranked: list[RankedClaim], event_type: str | None = None,
             summed: frozenset[int] | set[int] = frozenset()) -> Estimate:
    """One (kind, who) estimate from its ranked claims (denied ones included); `summed`: id() of the
    claims that sum several incidents of their report (summed_claims)."""
    reasons = {id(r): _outlier_reason(r, ranked, event_type, summed) for r in ranked}
    outliers = [{**_entry(r), "outlier": reasons[id(r)]} for r in ranked if reasons[id(r)]]
    given = [r for r in ranked if r.claim.stance != "denied" and not reasons[id(r)]]
    denied = [r.claim for r in ranked if r.claim.stance == "denied"]
    timeline = [{**_entry(r), "outlier": reasons[id(r)]} if reasons[id(r)] else _entry(r)
                for r in sorted(ranked, key=lambda r: (r.day, r.claim.doc_id, r.claim.start))]
    sources = sorted({r.claim.source or "outlet" for r in ranked})
    disputed = _disputed(denied, [r.claim for r in given])
    if not given:
        return Estimate(kind=kind, who=who, low=None, best=None, high=None, disputed=disputed,
                        n_claims=len(ranked), sources=sources, timeline=timeline, outliers=outliers)
    top = max(given, key=RankedClaim.key)
    best = top.claim.value
    credible = [r for r in given if r.tier > 0] or given
    low = min(r.claim.value for r in credible if r.claim.value is not None)
    high = max(max(r.claim.value or 0, r.claim.value_high or 0) for r in credible)
    superseded = [_entry(r) for r in given
                  if r.claim.value is not None and best is not None and r.tier >= 0
                  and r.claim.value < best and r.day <= top.day]
    return Estimate(kind=kind, who=who, low=min(low, best), best=best, high=max(high, best),
                    disputed=disputed, n_claims=len(ranked), sources=sources, timeline=timeline,
                    superseded=superseded, outliers=outliers)


def publication_days(articles: Mapping[str, Article]) -> dict[str, str]:
    return {doc: (a.published or "")[:10] for doc, a in articles.items()}


def incident_estimates(claims: list[Claim], articles: dict[str, Article],
                       carried: list[tuple[tuple[str, str], RankedClaim]] = (),
                       incident: Event | None = None, days: dict[str, str] | None = None,
                       summed: frozenset[int] | set[int] = frozenset(),
                       run_docs: Container[str] | None = None) -> list[Estimate]:
    """Estimates of one incident from its claims (and figures carried over from the store), one per
    (kind, who) with `who` read in the incident's context (marsad.reconcile.groups), in a stable order.
    `summed`: the claims that sum several incidents of their report (summed_claims over all claims).
    `run_docs`: the run's documents, when `articles` holds only some of them (reconcile)."""
    counted = _counted(claims, articles, run_docs)
    if days is None:  # publication day of every article (reconcile works it out once for all incidents)
        days = publication_days(articles)
    who_of = group_names(incident, counted, days)
    by_doc: dict[str, list[Claim]] = defaultdict(list)
    for c in counted:
        by_doc[c.doc_id].append(c)
    groups: dict[tuple[str, str], list[RankedClaim]] = defaultdict(list)
    for doc, doc_claims in by_doc.items():
        art = articles.get(doc)
        cues = mark_cues(art, doc_claims) if art is not None else {}
        head = headline_end(art) if art is not None else 0
        ranked_of: dict[int, RankedClaim] = {}
        for c in doc_claims:
            ranked = ranked_of[id(c)] = _rank(c, art, cues.get(id(c)), head)
            for who in who_of[id(c)]:
                groups[(c.kind, who)].append(ranked)
        for kind_who, r in _report_totals(doc_claims, art, who_of, ranked_of):
            groups[kind_who].append(r)
    for group, ranked in carried:
        groups[group].append(ranked)
    event_type = incident.event_type if incident is not None else None
    out = [estimate(kind, who, groups[(kind, who)], event_type, summed) for kind, who in sorted(groups)]
    # a denial that names nobody ("denied that prisoners escaped") disputes every group given that figure
    unnamed = {kind: [r.claim for r in ranked if r.claim.stance == "denied"]
               for (kind, who), ranked in groups.items() if who == DEFAULT_WHO}
    for e in out:
        denied = unnamed.get(e.kind)
        if denied and e.who != DEFAULT_WHO and not e.disputed:
            given = [r.claim for r in groups[(e.kind, e.who)] if r.claim.stance != "denied"]
            e.disputed = _disputed(denied, given)
    return out


def _report_totals(claims: list[Claim], art: Article | None, who_of: dict[int, list[str]],
                   ranked_of: dict[int, RankedClaim]) -> list[tuple[tuple[str, str], RankedClaim]]:
    """A report's toll told in two steps, "five soldiers were killed ... two more soldiers were killed"
    (cues.increments): the sum, as one more figure of the group of "the others", when the figure added
    to counts the same group (or no group: قتل 5 أشخاص ... فقتلوا خمسة جنود. وقتل جنديان آخران), is
    of the same incident and the report does not give that sum itself."""
    if art is None:
        return []
    general = {DEFAULT_WHO}
    out = []
    for inc_id, base in increments(art, claims).items():
        inc = next(c for c in claims if id(c) == inc_id)
        if _incident_of(inc) != _incident_of(base) or id(base) not in ranked_of:
            continue
        total = (base.value or 0) + (inc.value or 0)
        if any(c.kind == inc.kind and c.value == total for c in claims):
            continue  # the report states the total itself
        mine, theirs = who_of[id(inc)], who_of[id(base)]
        for who in mine:
            if who in theirs or set(theirs) <= general:
                claim = Claim(doc_id=inc.doc_id, kind=inc.kind, value=total, qualifier=inc.qualifier,
                              who=inc.who, who_text=inc.who_text, source=inc.source or base.source,
                              source_text=inc.source_text, stance=inc.stance, evidence=inc.evidence,
                              start=inc.start, end=inc.end, event_id=inc.event_id,
                              event_index=inc.event_index)
                r = ranked_of[id(inc)]
                out.append(((inc.kind, who), RankedClaim(claim, r.day, min(r.tier, ranked_of[id(base)].tier),
                                                         r.update, derived=True)))
    return out


def reconcile(incidents: list[Event], claims: list[Claim], articles: Mapping[str, Article],
              run_docs: Collection[str] | None = None) -> None:
    """Fill each incident's `estimates` from the claims whose `event_id` is the incident's.

    Incidents are reconciled one by one, and a report's claims count only towards incidents of its
    own linking block, so a block's incidents can be reconciled alone (marsad.link.partition, on a Dask
    worker) with the same results: `articles` then holds the block's articles and `run_docs` the run's
    documents those articles may name (originals of their duplicates, reports in stored timelines)."""
    by_event: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        if c.event_id:
            by_event[c.event_id].append(c)
    fresh_docs = set(articles if run_docs is None else run_docs)
    days = publication_days(articles)  # once, not once per incident (a run has thousands of both)
    summed = summed_claims(claims)
    for ev in incidents:
        if ev.event_id in by_event:
            ev.estimates = incident_estimates(by_event[ev.event_id], articles, _carried(ev, fresh_docs), ev,
                                              days, summed, run_docs)
        elif ev.event_id is None:
            ev.estimates = []
        elif len({(e.kind, e.who) for e in ev.estimates}) < len(ev.estimates):
            # stored incidents merged by linking: their figures become one estimate per (kind, who)
            ev.estimates = incident_estimates([], articles, _carried(ev, fresh_docs), ev, days,
                                              run_docs=run_docs)
        # a stored incident no new claim points at keeps the estimates it was stored with
