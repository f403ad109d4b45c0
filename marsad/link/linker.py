"""Cross-article linking: many reports of one incident become one event with every report's doc id.

Article events are processed in a deterministic order (event date, publication, doc id), so the
result and the ids do not depend on input order. Each event is compared only with incidents in its
block (same country, nearby days, same province; same place for late reports of running incidents),
so cost grows near-linearly with the corpus. It joins the best-scoring incident above the threshold,
else founds a new one. Stored incidents (`existing`) are seeded first, keep their ids and receive
new reports (incremental runs); an article event already recorded as a member re-attaches directly.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace

from marsad.extract.actors import actor_table
from marsad.extract.event_types import acled
from marsad.link.features import EventFeatures, claims_by_member, features_of, incident_features, parse_day
from marsad.link.scoring import (
    FAR_DAYS,
    FOLLOWUP_DAYS,
    NEAR_DAYS,
    RETOLD_DAYS,
    SAME_SPOT,
    PairScore,
    km,
    score_pair,
)
from marsad.model import Article, Claim, Event

RUNNING_DAYS = 3  # beyond the day or two by which reports of one incident disagree on its date
MAX_COMPARED = 24  # members of a large incident compared with a new report (the latest ones)
# An event is an incident at one place on one day. Reports of it disagree on the day by a day or two
# (crawl lag, "yesterday" read from a later publication day), so its dated reports may span this many
# days; more only where a report says the incident went on ("for the fourth day running"), or for a
# follow-up dated by its own publication day up to FOLLOWUP_DAYS after the incident.
POINT_SPAN_DAYS = 2
# A report's date range ("from Monday to Wednesday", "since Saturday") up to this long says its incident
# went on; a longer one ("last week", "since the offensive began in February") is a period's or a
# campaign's, and says nothing about one incident. "For the Nth day" (features.continued) counts up to
# features.MAX_CONTINUED_DAYS.
MAX_RANGE_SPAN = 3
# A new report must be close to the incident as a whole, not to one member (single link chains one
# day's incident to the next): the mean of its scores against the members must reach this.
MIN_MEAN_SCORE = 0.45
# Event types that can go on for days at one building (not a strike, not an announcement)
ONGOING_TYPES = frozenset({"Battles", "Violence against civilians", "Riots", "Protests"})
FACILITY_GAP_DAYS = 7  # ... reported again within a week of an earlier report from the building
# A report whose text gives no date is dated by its publication day, the incident's day or the next
# (an earlier day would have been named: "yesterday", "on Tuesday"): it may lie a day after the days
# the dated reports give, without stretching them; a day further is the next day's incident.
UNSAID_DAYS = 1
# An incident is anchored to its day by the reports that date it in their own words (one day, not a
# date of saying, not a follow-up, retelling or continuation). When this many such reports give one
# day and as many give the next, single-link chaining has joined two days' incidents at one place (a
# Friday's march and the Saturday's strike, bridged by a report of "the last hours"): they are split.
# ANCHOR_NEWS reports anchor a day too when the incident is their news (the report's first event): a
# report's later events are often an incident it recalls, dated with less care ("a day ago").
# Measured on ANT 2018 (bench/link_spans.py, every split read): 3 alone splits 3 incidents, each two
# days' incidents; with ANCHOR_NEWS = 2, 14 (11 two days' incidents, 1 strike told a day early by two
# reports, 2 reaction clusters cut by day); 2 for any report splits 18 but cuts the Douma attack into
# its day and two days of reactions dated "Sunday" and "Monday" by events that are no report's news.
ANCHOR_REPORTS = 3
ANCHOR_NEWS = 2


@dataclass
class Incident:
    """A growing cluster: its member features and the Event it becomes."""

    members: list[EventFeatures]
    events: list[Event]  # the article events (or the stored incident) behind each member
    links: list[dict] = field(default_factory=list)
    stored: Event | None = None  # set for incidents loaded from the store
    docs: set[str] = field(default_factory=set)
    first: dt.date | None = None
    last: dt.date | None = None
    core: tuple[dt.date, dt.date] | None = None  # span of the reports that tell the incident itself
    loose: tuple[dt.date, dt.date] | None = None  # span of follow-ups (a raised toll) dated by their own day
    unsaid: tuple[dt.date, dt.date] | None = None  # span of reports that give no date (publication days)
    told: tuple[dt.date, dt.date] | None = None  # span of later retellings (a republished report)
    continued: int = 0  # the longest span a member report gives the incident by its own words

    def add(self, feat: EventFeatures, ev: Event) -> None:
        spans = _spans(self, feat)  # against the members before it
        self.members.append(feat)
        self.events.append(ev)
        self.docs.update(feat.docs)
        for d in (feat.day, feat.day_end):
            if d is not None:
                self.first = d if self.first is None or d < self.first else self.first
                self.last = d if self.last is None or d > self.last else self.last
        self.core, self.loose, self.told, self.unsaid, self.continued = spans


def _own_span(feat: EventFeatures) -> int:
    """Days a report itself says its incident went on ("for the Nth day", a short range)."""
    if feat.day is None or feat.day_end is None:
        return 0
    days = (feat.day_end - feat.day).days
    return days if feat.continued or days <= MAX_RANGE_SPAN else 0


def _days_between(a: EventFeatures, b: EventFeatures) -> int:
    """Days between two reports' spans (0 when they overlap; large when a day is unknown)."""
    if a.day is None or b.day is None:
        return 10**6
    return max(0, (b.day - (a.day_end or a.day)).days, (a.day - (b.day_end or b.day)).days)


def _union(a: tuple[dt.date, dt.date] | None, b: tuple[dt.date, dt.date] | None):
    if a is None or b is None:
        return a or b
    return min(a[0], b[0]), max(a[1], b[1])


def _spans(inc: Incident, feat: EventFeatures):
    """The incident's spans and continuation once `feat` is a member. Reports that come back to the
    same building or compound where there is fighting (a prison attack, a siege of a base) are
    continuation evidence: the incident may run up to FAR_DAYS there."""
    core, loose, told, unsaid = inc.core, inc.loose, inc.told, inc.unsaid
    if feat.day is not None:
        span = (feat.day, feat.day_end or feat.day)
        if feat.retold:  # the incident told again days later: the report's date is not the incident's
            told = _union(told, span)
        elif feat.followup:  # a raised toll reported later, dated by its own publication
            loose = _union(loose, span)
        elif feat.undated and not feat.continued and core is not None:
            # a report whose text gives no date, once reports that date the incident are in: its
            # publication day is when it was told, not when the incident happened
            unsaid = _union(unsaid, span)
        else:
            core = _union(core, span)
    continued = max(inc.continued, _own_span(feat))
    # fighting, hostages or a riot at one building over days (an attack on a prison and its standoff,
    # workers held at a plant); strikes on one air base days apart are separate incidents. Two reports
    # of one day from the building say nothing of days (two outlets on the storming of an airport)
    ongoing = feat.event_type in ONGOING_TYPES or any(m.event_type in ONGOING_TYPES for m in inc.members)
    if ongoing and feat.facility and feat.place and any(
            m.facility and m.place == feat.place and (m.day, m.day_end) != (feat.day, feat.day_end)
            and _days_between(m, feat) <= FACILITY_GAP_DAYS
            for m in inc.members):
        continued = max(continued, FAR_DAYS - POINT_SPAN_DAYS)
    return core, loose, told, unsaid, continued


def _after(core, span, days: int) -> bool:
    """`span` lies from a day before `core` to `days` after it."""
    return span is None or ((core[0] - span[0]).days <= 1 and (span[1] - core[1]).days <= days)


def _span_ok(core, loose, told, unsaid, continued: int) -> bool:
    """Reports of the incident within the point span (or the span reports say the incident went on);
    follow-ups from a day before it to FOLLOWUP_DAYS after it, retellings to RETOLD_DAYS after it,
    reports that give no date to UNSAID_DAYS after it (or, as before, within the point span)."""
    allowed = POINT_SPAN_DAYS + continued
    if core is None:
        later = _union(loose, told)
        return later is None or (later[1] - later[0]).days <= allowed
    if (core[1] - core[0]).days > allowed:
        return False
    whole = _union(core, unsaid)  # as if the undated reports dated the incident by their own day
    return (_after(core, loose, FOLLOWUP_DAYS) and _after(core, told, RETOLD_DAYS)
            and (_after(core, unsaid, UNSAID_DAYS) or (whole[1] - whole[0]).days <= allowed))


def fits(inc: Incident, feat: EventFeatures) -> bool:
    """Would the incident still be one incident of a day (or of the days its reports say it went on)?"""
    return _span_ok(*_spans(inc, feat))


def fits_together(a: Incident, b: Incident) -> bool:
    """Could two incidents be one without stretching past a day's incident (or its stated continuation)?"""
    return _span_ok(_union(a.core, b.core), _union(a.loose, b.loose), _union(a.told, b.told),
                    _union(a.unsaid, b.unsaid),
                    max(a.continued, b.continued))


class _Blocks:
    """Candidate incidents by (country, day) -> province, and by (place, day) for running incidents."""

    def __init__(self) -> None:
        self.by_day: dict[tuple, dict[str | None, set[int]]] = defaultdict(lambda: defaultdict(set))
        self.by_place: dict[tuple, set[int]] = defaultdict(set)
        self.undated: dict[str | None, set[int]] = defaultdict(set)
        self.countries: dict[dt.date, set[str | None]] = defaultdict(set)  # countries seen on a day
        # (country, rare name) -> (day, incident): a retelling days later, or a report its geocoder
        # placed in another province, still finds the incident whose reports name the same village
        self.by_name: dict[tuple, set[tuple[dt.date, int]]] = defaultdict(set)

    def register(self, idx: int, feat: EventFeatures) -> None:
        if feat.day is None:
            self.undated[feat.country].add(idx)
            return
        end = feat.day_end or feat.day
        for name in feat.names:
            self.by_name[(feat.country, name)].add((feat.day, idx))
        for n in range(min((end - feat.day).days, 60) + 1):
            day = feat.day + dt.timedelta(days=n)
            self.by_day[(feat.country, day)][feat.admin1].add(idx)
            self.countries[day].add(feat.country)
            if feat.place and feat.precision <= 2:
                self.by_place[(feat.place, day)].add(idx)

    def candidates(self, feat: EventFeatures) -> set[int]:
        out: set[int] = set(self.undated.get(feat.country, ()))
        if feat.day is None:
            for (country, _), provinces in self.by_day.items():
                if country == feat.country:
                    for ids in provinces.values():
                        out |= ids
            return out
        end = feat.day_end or feat.day
        span = min((end - feat.day).days, 60)
        back = FOLLOWUP_DAYS if feat.followup else NEAR_DAYS  # a follow-up looks further back
        for n in range(-back, span + NEAR_DAYS + 1):
            day = feat.day + dt.timedelta(days=n)
            # a report whose country is unknown may be any country's; one whose country is known may
            # be the same incident as a report that did not say where
            countries = self.countries.get(day, set()) if feat.country is None else (feat.country, None)
            for country in sorted(countries, key=lambda c: c or ""):
                provinces = self.by_day.get((country, day))
                if not provinces:
                    continue
                if feat.admin1 is None or country != feat.country:
                    for ids in provinces.values():
                        out |= ids
                else:
                    out |= provinces.get(feat.admin1, set())
                    out |= provinces.get(None, set())
        if feat.place and feat.precision <= 2:
            for n in range(-FAR_DAYS, span + FAR_DAYS + 1):
                out |= self.by_place.get((feat.place, feat.day + dt.timedelta(days=n)), set())
        for name in feat.names:
            for day, idx in self.by_name.get((feat.country, name), ()):
                if -RETOLD_DAYS - 1 <= (day - feat.day).days <= span + RETOLD_DAYS + 1:
                    out.add(idx)
        return out


@dataclass(frozen=True, slots=True)
class StoreBlock:
    """Stored incidents a batch of reports may join: of `country` (any country when None) and
    overlapping the days `first`..`last` (ISO dates)."""

    country: str | None
    first: str
    last: str


def store_blocks(article_events: list[Event], gap_days: int = 2 * FAR_DAYS) -> list[StoreBlock]:
    """The blocks (country, date window) whose stored incidents a batch's reports can link to: each
    report's days widened by FAR_DAYS (the longest a running incident's report may lie from it),
    windows of one country closer than `gap_days` joined. Undated reports add nothing: they are
    compared only with undated incidents and re-attach to incidents that already hold them."""
    days: dict[str | None, list[tuple[dt.date, dt.date]]] = defaultdict(list)
    for ev in article_events:
        first = parse_day(ev.date)
        if first is None:
            continue
        last = max(first, parse_day(ev.date_end) or first)
        pad = dt.timedelta(days=FAR_DAYS)
        days[(ev.country or "").upper() or None].append((first - pad, last + pad))
    out: list[StoreBlock] = []
    for country in sorted(days, key=lambda c: c or ""):
        spans = sorted(days[country])
        lo, hi = spans[0]
        for a, b in spans[1:]:
            if (a - hi).days > gap_days:
                out.append(StoreBlock(country, lo.isoformat(), hi.isoformat()))
                lo, hi = a, b
            else:
                hi = max(hi, b)
        out.append(StoreBlock(country, lo.isoformat(), hi.isoformat()))
    return out


def _running(inc: Incident) -> bool:
    """Reports of the incident at one spot (a prison, a camp, a district) span several days.

    A town sees many incidents in a week, so a long span at town level says nothing; at a spot it
    marks a running incident (a prison attack, a siege of a base) that a report inside it belongs to.
    """
    if inc.first is None or inc.last is None or (inc.last - inc.first).days < RUNNING_DAYS:
        return False
    return any(f.scope == "spot" for f in inc.members)


def _best_match(feat: EventFeatures, inc: Incident) -> PairScore | None:
    """The best score against the incident's latest members, when the report is close to the
    incident as a whole (mean score over the members, no member vetoing): None otherwise.

    A report that would stretch the incident past its days may still join as a retelling (its best
    pair says so: the same rare names days later); the members of other days do not count against
    it then. `member_of` gives the features it joins with."""
    best: PairScore | None = None
    spanning = _running(inc)
    as_told = not fits(inc, feat)
    if as_told and not fits(inc, replace(feat, retold=True)):
        return None
    total, n = 0.0, 0
    for other in inc.members[-MAX_COMPARED:]:
        ps = score_pair(feat, other)
        if ps.veto in ("country", "admin1", "distance", "same_article"):
            return None
        if as_told and ps.veto == "date":
            continue  # a retelling is judged on its story; the incident's days are not its own
        if spanning and (other.day, other.day_end) != (inc.first, inc.last):
            # the incident as a whole: a report inside its known span at this place is inside it
            whole = score_pair(feat, replace(other, day=inc.first, day_end=inc.last))
            f = whole.features
            # a report inside the span must be at the spot (or its town) and name the same actors
            alike = f.get("place", 0.0) >= SAME_SPOT and f.get("actors", 0.0) >= 0.5
            if whole.veto is None and alike and (ps.veto is not None or whole.score > ps.score):
                ps = whole
        total, n = total + (ps.score if ps.veto is None else 0.0), n + 1
        if ps.veto is None and (best is None or ps.score > best.score):
            best = ps
    if best is None or total / n < MIN_MEAN_SCORE or (as_told and not best.features.get("retold")):
        return None
    best.features["mean"] = round(total / n, 3)
    if as_told:
        best.features["as_retold"] = 1.0
    return best


def member_of(feat: EventFeatures, ps: PairScore) -> EventFeatures:
    """The features a report joins an incident with: marked as a retelling when it joined as one."""
    return replace(feat, retold=True) if ps.features.get("as_retold") else feat


def _incident_id(inc: Incident, feats: list[EventFeatures]) -> str:
    """Content-derived id: the country, first day and a hash of the earliest report's (doc, index)."""
    seed = min(feats, key=lambda f: (f.published, f.member))
    digest = hashlib.sha1(f"{seed.member[0]}#{seed.member[1]}".encode()).hexdigest()[:10]
    day = inc.first.strftime("%Y%m%d") if inc.first else "00000000"
    return f"{seed.country or 'XXX'}-{day}-{digest}"


def _most_common(values: list, default=None):
    values = [v for v in values if v not in (None, "")]
    if not values:
        return default
    counts = Counter(values)
    top = max(counts.values())
    return next(v for v in values if counts[v] == top)  # earliest report wins ties


def _where(feat: EventFeatures) -> dict:
    """Where, when, what and who the report said: stored with its link, so that a later run
    compares new reports with each stored report, not only with the incident's merged fields."""
    return {"day": feat.day.isoformat() if feat.day else None,
            "day_end": feat.day_end.isoformat() if feat.day_end else None,
            "place": feat.place, "precision": feat.precision, "scope": feat.scope, "admin1": feat.admin1,
            "lat": feat.lat, "lon": feat.lon, "type": feat.event_type, "actors": sorted(feat.actors),
            "figures": sorted([k, v] for k, v in feat.figures),
            "facility": feat.facility, "continued": feat.continued, "retold": feat.retold}


def _report_at(incident: EventFeatures, at: dict | None) -> EventFeatures | None:
    """A stored report's features: the incident's words, with the report's own place, days, type,
    actors and figures."""
    if not isinstance(at, dict):
        return None
    return replace(incident, day=parse_day(at.get("day")), day_end=parse_day(at.get("day_end")),
                   place=at.get("place"), precision=int(at.get("precision") or 3), scope=at.get("scope"),
                   admin1=at.get("admin1"), lat=at.get("lat"), lon=at.get("lon"),
                   event_type=at.get("type", incident.event_type),
                   actors=frozenset(at.get("actors") or incident.actors),
                   figures=frozenset((k, v) for k, v in at.get("figures") or []) or incident.figures,
                   facility=bool(at.get("facility", incident.facility)),
                   continued=int(at.get("continued") or 0), retold=bool(at.get("retold")))


def _fresh(inc: Incident) -> bool:
    """Has the incident received reports in this run (not only stored ones)?"""
    return any(f.member[0] for f in inc.members)


def _absorbed(inc: Incident) -> list[Event]:
    """Stored incidents merged into `inc` (a new report bridged them), other than its own."""
    found = {id(e): e for f, e in zip(inc.members, inc.events, strict=True)
             if not f.member[0] and e is not inc.stored}
    return list(found.values())


def _absorb(incidents: list[Incident], alive: list[bool], blocks: _Blocks, keep: int, gone: int,
            reason: dict) -> None:
    """Move every member of incident `gone` into incident `keep`, recording why."""
    target, source = incidents[keep], incidents[gone]
    for f, e in zip(source.members, source.events, strict=True):
        target.add(f, e)
        blocks.register(keep, f)
    target.links.extend(source.links)
    target.links.append(reason)
    alive[gone] = False


def _bridge(incidents: list[Incident], bridges: list[tuple[int, int, dict]], blocks: _Blocks) -> list[bool]:
    """Stored incidents a new report links to besides the one it joined are one incident with it.

    A full run chains such reports into one incident (single link); an incremental run had stored
    them apart, so they merge now. The lowest index (the smallest stored event id) keeps its id; the
    store marks the others merged into it, with a revision.
    """
    alive = [True] * len(incidents)
    root = list(range(len(incidents)))

    def find(i: int) -> int:
        while root[i] != i:
            root[i] = root[root[i]]
            i = root[i]
        return i

    for joined, other, reason in sorted(bridges, key=lambda b: (b[0], b[1])):
        a, b = find(joined), find(other)
        if a == b or incidents[a].docs & incidents[b].docs or not fits_together(incidents[a], incidents[b]):
            continue  # one article reported them as two incidents, or together they are no day's incident
        keep, gone = min(a, b), max(a, b)
        if incidents[keep].stored is None and incidents[gone].stored is not None:
            keep, gone = gone, keep  # a stored incident keeps its id
        root[gone] = keep
        _absorb(incidents, alive, blocks, keep, gone, reason)
    return alive


def _merge(inc: Incident) -> Event:
    """The incident's event: the commonest type, the most precise place, the first day, all reports."""
    pairs = [(f, e) for f, e in zip(inc.members, inc.events, strict=True) if f.member[0]]
    pairs.sort(key=lambda p: (p[0].published, p[0].member))
    evs = [e for _, e in pairs]
    base = inc.stored if inc.stored is not None else evs[0]
    merged = replace(base, doc_ids=list(base.doc_ids) if inc.stored else [], links=list(base.links),
                     estimates=list(base.estimates), evidence=list(base.evidence), actors=list(base.actors))
    if inc.stored is None:
        main = [e for e in evs if not e.background] or evs
        merged.event_type = _most_common([e.event_type for e in main], base.event_type)
        typed = [e for e in main if e.event_type == merged.event_type] or main
        merged.sub_event_type = _most_common([e.sub_event_type for e in typed], base.sub_event_type)
        merged.disorder_type = _most_common([e.disorder_type for e in typed], base.disorder_type)
        merged.civilian_targeting = any(e.civilian_targeting for e in typed)
        # the place most reports give (the main incident's), not the most precise one a single report
        # gives: one report of a neighbouring front placed the strike that killed a leader at its town
        placed = sorted((e for e in main if e.location or e.admin1), key=lambda e: _site_rank(e, main))
        if placed:
            p = _finer_of_tie(placed, main)
            for name in ("country", "admin1", "admin2", "location", "latitude", "longitude",
                         "geo_precision", "place_text", "place_id"):
                setattr(merged, name, getattr(p, name))
        for name in ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2", "inter1", "inter2", "interaction"):
            setattr(merged, name, _most_common([getattr(e, name) for e in typed], getattr(base, name)))
        merged.background = all(e.background for e in evs)
    for other in _absorbed(inc):
        # a stored incident merged into this one: its reports, reasons and figures come along
        merged.doc_ids += [d for d in other.doc_ids if d not in merged.doc_ids]
        merged.links = merged.links + list(other.links)
        merged.estimates = merged.estimates + list(other.estimates)
        evs.append(other)
    merged.actors = _incident_actors(evs, merged)
    # the incident's days are those its reports tell; a follow-up is dated by its own publication, and
    # a report of the incident's Nth day dates its start
    unsaid = [f.undated and not f.continued for f, _ in pairs]  # reports that give the incident no day
    dated = any(not (f.followup or f.retold or u) for (f, _), u in zip(pairs, unsaid, strict=True))
    core_evs = [e for (f, e), u in zip(pairs, unsaid, strict=True)
                if not (f.followup or f.retold or (u and dated))] or evs
    days = [d for e in core_evs for d in (parse_day(e.date), parse_day(e.date_end)) if d]
    days += [f.day for f, _ in pairs if f.continued and f.day]
    days += [d for d in (parse_day(merged.date), parse_day(merged.date_end)) if d and inc.stored]
    days += [d for e in _absorbed(inc) for d in (parse_day(e.date), parse_day(e.date_end)) if d]
    if days:
        main_days = [parse_day(e.date) for e in core_evs if not e.background and parse_day(e.date)]
        main_days += [f.day for f, e in pairs if f.continued and f.day and not e.background]
        for stored in [inc.stored, *_absorbed(inc)] if inc.stored is not None else []:
            if parse_day(stored.date):
                main_days.append(parse_day(stored.date))
        if any(f.continued for f, _ in pairs) or inc.stored is not None:
            start = min(main_days or days)  # the day the reports say the incident began
        else:
            start = _main_day(main_days or days)
        merged.date = start.isoformat()
        merged.date_end = max(d for d in days if d >= start).isoformat()
    for e in evs:
        for d in e.doc_ids:
            if d not in merged.doc_ids:
                merged.doc_ids.append(d)
    published = [f.published for f, _ in pairs if f.published]
    published += [merged.published] if merged.published else []
    merged.published = min(published) if published else None
    merged.links = merged.links + inc.links
    merged.relevance = list(base.relevance) + [r for e in evs if e is not base for r in e.relevance]
    return merged


FINER_FEATURES = frozenset({"facility", "village", "neighborhood"})
FINER_KM = 30.0  # a finer place this close to the city another report gives is the same site, told exactly


def _site_rank(e: Event, main: list[Event]) -> tuple[bool, int, int]:
    """Sort key of an incident's candidate sites: town or district level first, then the place most
    of its reports give, then the finer precision."""
    return (e.geo_precision or 3) > 2, -sum(_same_place(x, e) for x in main), e.geo_precision or 3


def _finer_of_tie(placed: list[Event], main: list[Event]) -> Event:
    """The first of the sorted places, unless another report gives the same number of reports and
    precision a finer place near it (`مطار قندهار` beside `قندهار`): one report named the city, the
    other where in or by it, and the exact site is the incident's."""
    first = placed[0]
    features = _features()
    if features.get(first.place_id or "") in FINER_FEATURES:
        return first
    for e in placed[1:]:
        if _site_rank(e, main) != _site_rank(first, main):
            break
        if features.get(e.place_id or "") in FINER_FEATURES and None not in (
                e.latitude, e.longitude, first.latitude, first.longitude) \
                and km(e.latitude, e.longitude, first.latitude, first.longitude) <= FINER_KM:
            return e
    return first


def _features() -> dict[str, str]:
    """Place id -> feature class (gazetteer and airports); empty without a gazetteer."""
    try:
        from marsad.extract.gazetteer import gazetteer

        return gazetteer().features
    except (ImportError, OSError):  # pragma: no cover
        return {}


def _main_day(days: list[dt.date]) -> dt.date:
    """The day most reports give the incident (the earliest of equals): a report of the day before
    (the eve's strike, an early misdating) does not date an incident the others place a day later."""
    counts = Counter(days)
    top = max(counts.values())
    return min(d for d in counts if counts[d] == top)


def _same_place(a: Event, b: Event) -> bool:
    """Do two reports give the incident the same place (the same gazetteer entry, else name)?"""
    if a.place_id or b.place_id:
        return a.place_id == b.place_id
    return a.location == b.location and a.admin1 == b.admin1


def _incident_actors(evs: list[Event], merged: Event) -> list[str]:
    """A lone report's actors as it names them; for several reports, the sides they agree on.

    A side at least half the reports code (actor1, actor2 or an associated actor), or one of the
    incident's own two sides, is kept; one report's stray coding (air support, a speaker's group)
    does not become an actor of the incident every other report tells without it.
    """
    counts = Counter(a for e in evs for a in e.actors)
    for a in merged.actors:
        counts[a] += len(evs) + 1
    ranked = [a for a, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    if len(evs) == 1:
        return list(dict.fromkeys([*merged.actors, *ranked]))
    sides = Counter(a for e in evs for a in {e.actor1, e.actor2, e.assoc_actor_1, e.assoc_actor_2} if a)
    main = {merged.actor1, merged.actor2}
    kept = [a for a in ranked if sides[a] >= len(evs) / 2 or a in main] or ranked[:2]
    generic = set(acled()["generic_actors"])
    if any(a in generic for a in kept) and not any(_named_group(a) for a in kept):
        # the reports that code the attackers as unknown are outnumbered, not outvoted, by the one
        # that names them (`سرايا وعد الله` in one report of the bombing, `مجهولون` in two)
        named = [a for a in ranked if _named_group(a) and sides[a]]
        kept += named[:1]
    return _without_placeholders(kept)


def _named_group(name: str) -> bool:
    """Whether a name is a named non-state armed group (not a generic one like Militants)."""
    a = actor_table().get(name)
    return (a is not None and a.role == "armed" and a.inter in (2, 3, 4)
            and name not in set(acled()["generic_actors"]))


def _without_placeholders(names: list[str]) -> list[str]:
    """The names less the generic attackers (Unidentified Armed Group, Militants, Fighters) once a
    named non-state armed group is among them: one report that names no group codes the attackers it
    does not know, another names them (`انتحاري` in one report, `حركة الشباب` in the next)."""
    generic = set(acled()["generic_actors"])
    table = actor_table()
    if not any(_named_group(n) for n in names):
        return names
    return [n for n in names if n not in generic or (a := table.get(n)) is None or a.role != "armed"]


def _merge_incidents(incidents: list[Incident], blocks: _Blocks, alive: list[bool]) -> list[Incident]:
    """Second pass: reports placed before a running incident's span was known join it now.

    Reports are placed in date order, so a report dated inside a long-running incident may have
    founded its own incident before the late report that stretched the incident's span arrived. Only
    running incidents (spanning RUNNING_DAYS or more) host this pass, so dense days of separate
    incidents are not chained together; two stored incidents merge only when a new report bridged them.
    """
    for i, host in enumerate(incidents):
        if not alive[i] or not _running(host):
            continue
        whole = [replace(f, day=host.first, day_end=host.last) for f in host.members]
        found: set[int] = set()
        for f in whole:
            found |= blocks.candidates(f)
        for j in sorted(found):
            guest = incidents[j]
            if j == i or not alive[j] or host.docs & guest.docs or not fits_together(host, guest):
                continue
            if host.stored is not None and guest.stored is not None and not _fresh(host):
                continue  # two stored incidents merge only when this run's reports bridge them
            best: tuple[EventFeatures, PairScore] | None = None
            for feat in guest.members:
                ps = _best_match(feat, host)
                if ps is not None and ps.linked and (best is None or ps.score > best[1].score):
                    best = (feat, ps)
            if best is None:
                continue
            feat, ps = best
            keep, gone = (j, i) if host.stored is None and guest.stored is not None else (i, j)
            _absorb(incidents, alive, blocks, keep, gone,
                    {"doc_id": feat.member[0], "event_index": feat.member[1], "score": ps.score,
                     "features": ps.features, "rule": "merged incidents"})
            if gone == i:
                break
    _rehome_singletons(incidents, alive, blocks)
    return [inc for i, inc in enumerate(incidents) if alive[i]]


def _anchors(feat: EventFeatures) -> dt.date | None:
    """The day a report gives the incident in its own words, or None when it fixes no day (no date,
    a range, the day it was said, a later follow-up or retelling, an incident said to go on)."""
    if not feat.member[0] or feat.day is None or (feat.day_end or feat.day) != feat.day:
        return None
    if feat.undated or feat.said or feat.followup or feat.retold or feat.continued:
        return None
    return feat.day


def _split_by_day(inc: Incident) -> list[Incident]:
    """The incident as one incident per anchored day: ANCHOR_REPORTS or more reports dating it to a day
    (or ANCHOR_NEWS whose news it is) and as many to the next day are two days' incidents, whatever
    chained them (two anchored days further apart are left together: the later reports are as often
    a reaction dated by its own day).
    Every other report goes to an anchored day on or before its own (a report dated by when it was said
    or published tells an incident of that day or earlier): a report dated only so, to the latest such
    day; any other, to the one whose anchoring reports it scores best with on average. Incidents the
    store holds, incidents a report says went on ("for the third day") and running incidents at a spot
    are left whole: there several days are one incident."""
    if inc.stored is not None or _running(inc) or any(f.continued for f in inc.members):
        return [inc]
    days = Counter(d for d in map(_anchors, inc.members) if d is not None)
    news = Counter(d for f in inc.members if f.member[1] == 0 and (d := _anchors(f)) is not None)
    full = {d for d, n in days.items() if n >= ANCHOR_REPORTS or news[d] >= ANCHOR_NEWS}
    one_day = dt.timedelta(days=1)
    anchored = sorted(d for d in full if d - one_day in full or d + one_day in full)
    if len(anchored) < 2:
        return [inc]
    anchors = {d: [f for f in inc.members if _anchors(f) == d] for d in anchored}
    part_of: list[dt.date] = []
    for f in inc.members:
        day = _anchors(f)
        if day in anchors:
            part_of.append(day)
            continue
        told = f.day_end or f.day
        options = [d for d in anchored if told is None or d <= told] or anchored[:1]
        if f.said or f.undated:
            part_of.append(options[-1])  # dated when told: the latest incident before it
            continue

        def mean_score(d: dt.date, f: EventFeatures = f) -> float:
            scores = [score_pair(f, g) for g in anchors[d]]
            return sum(ps.score for ps in scores if ps.veto is None) / len(scores)

        # the best mean; of equals, the latest day on or before the report's (the nearest)
        part_of.append(max(options, key=lambda d: (mean_score(d), d)))
    parts = []
    for day in anchored:
        part = Incident(members=[], events=[])
        for f, e, d in zip(inc.members, inc.events, part_of, strict=True):
            if d == day:
                part.add(f, e)
        members = {f.member for f in part.members}
        part.links = [link for link in inc.links if (link.get("doc_id"), link.get("event_index")) in members]
        part.links.append({"rule": "split by day", "day": day.isoformat(),
                           "reports": {d.isoformat(): days[d] for d in anchored}})
        parts.append(part)
    return parts


def _rehome_singletons(incidents: list[Incident], alive: list[bool], blocks: _Blocks) -> None:
    """A report that founded an incident nobody joined (later reports preferred another incident
    formed after it) moves into the best incident it now links to. Only single reports move, so
    incidents are never chained together."""
    for j, lone in enumerate(incidents):
        if not alive[j] or lone.stored is not None or len(lone.members) != 1:
            continue
        feat = lone.members[0]
        best: tuple[float, int, PairScore] | None = None
        for i in sorted(blocks.candidates(feat)):
            if i == j or not alive[i] or lone.docs & incidents[i].docs:
                continue
            ps = _best_match(feat, incidents[i])
            if ps is not None and ps.linked and (best is None or ps.score > best[0]):
                best = (ps.score, i, ps)
        if best is None:
            continue
        _, i, ps = best
        target = incidents[i]
        feat = member_of(feat, ps)
        target.add(feat, lone.events[0])
        blocks.register(i, feat)
        target.links.append({"doc_id": feat.member[0], "event_index": feat.member[1], "score": ps.score,
                             "features": ps.features, "rule": "score, second pass", "at": _where(feat)})
        alive[j] = False


def link_events(article_events: list[Event], claims: list[Claim], articles: dict[str, Article],
                existing: list[Event] | None = None) -> list[Event]:
    """Merge per-article events into incidents; set `event_id` on incidents and on their claims."""
    by_member = claims_by_member(article_events, claims)
    position: dict[str, int] = defaultdict(int)
    told = Counter(ev.doc_ids[0] if ev.doc_ids else "" for ev in article_events)
    items: list[tuple[EventFeatures, Event]] = []
    for ev in article_events:
        doc = ev.doc_ids[0] if ev.doc_ids else ""
        member = (doc, position[doc])
        position[doc] += 1
        items.append((features_of(ev, member, by_member.get(member, []), articles.get(doc),
                                  alone=told[doc] == 1), ev))
    items.sort(key=lambda it: it[0].sort_key())

    incidents: list[Incident] = []
    blocks = _Blocks()
    recorded: dict[tuple[str, int], int] = {}
    bridges: list[tuple[int, int, dict]] = []
    for stored in sorted(existing or [], key=lambda e: e.event_id or ""):
        feat = incident_features(stored)
        inc = Incident(members=[], events=[], stored=stored)
        inc.add(feat, stored)
        incidents.append(inc)
        blocks.register(len(incidents) - 1, feat)
        for link in stored.links:
            if "doc_id" in link and "event_index" in link:
                recorded[(link["doc_id"], link["event_index"])] = len(incidents) - 1
            report = _report_at(feat, link.get("at"))
            if report is not None:
                # each report's own place and days, so single-link scoring sees what a full run would
                inc.add(report, stored)
                blocks.register(len(incidents) - 1, report)

    for feat, ev in items:
        target, reason = recorded.get(feat.member), None
        if target is not None:
            inc = incidents[target]
            inc.add(feat, ev)  # a re-run: the member is already on record, nothing new to say
            continue
        best: tuple[float, int, PairScore] | None = None
        stored_links: list[tuple[int, PairScore]] = []
        for idx in sorted(blocks.candidates(feat)):
            ps = _best_match(feat, incidents[idx])
            if ps is not None and ps.linked:
                if incidents[idx].stored is not None:
                    stored_links.append((idx, ps))
                if best is None or ps.score > best[0]:
                    best = (ps.score, idx, ps)
        if best is not None:
            target = best[1]
            feat = member_of(feat, best[2])
            reason = {"doc_id": feat.member[0], "event_index": feat.member[1], "score": best[2].score,
                      "features": best[2].features, "rule": "score", "at": _where(feat)}
            bridges += [(target, idx, {"doc_id": feat.member[0], "event_index": feat.member[1],
                                       "score": ps.score, "features": ps.features,
                                       "rule": "bridged stored incidents"})
                        for idx, ps in stored_links if idx != target]
        if target is None:
            incidents.append(Incident(members=[], events=[]))
            target = len(incidents) - 1
            reason = {"doc_id": feat.member[0], "event_index": feat.member[1], "rule": "first report",
                      "at": _where(feat)}
        inc = incidents[target]
        inc.add(feat, ev)
        inc.links.append(reason)
        blocks.register(target, feat)

    incidents = _merge_incidents(incidents, blocks, _bridge(incidents, bridges, blocks))
    incidents = [part for inc in incidents for part in _split_by_day(inc)]
    out: list[Event] = []
    member_id: dict[tuple[str, int], str] = {}
    for inc in incidents:
        merged = _merge(inc)
        if inc.stored is not None:
            merged.event_id = inc.stored.event_id
        else:
            merged.event_id = _incident_id(inc, [f for f in inc.members if f.member[0]])
        for f in inc.members:
            if f.member[0]:
                member_id[f.member] = merged.event_id
        for ev in inc.events:
            if ev is not inc.stored:
                ev.event_id = merged.event_id
        out.append(merged)
    for member, cl in by_member.items():
        for c in cl:
            c.event_id = member_id.get(member)
    out.sort(key=lambda e: (e.date or "9999", e.event_id or ""))
    return out
