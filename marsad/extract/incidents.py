"""Segmenting an article into incidents: which clauses report which incident, and which recall history.

Arabic news opens with the incident (headline and lead), then adds statements, casualty figures,
other incidents (`وفي هجوم منفصل`, another town, `بالتزامن مع`) and background (`في مارس 2019`,
`هجوم مماثل`, `منذ 2014`). We cut content sentences into clauses at phrases where another incident
begins (`وذلك غداة تفجير ...`), give each clause its triggers, dates, places and claims, seed the
main incident from the headline and lead, and let later clauses join it, open another incident
(own place in another area or country, own date on another day), or drop out as background.
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from spacy.tokens import Doc

from marsad import lang
from marsad.extract.event_types import PhraseIndex, Trigger, Word, doc_words
from marsad.text.document import content_sentences

LEAD_SENTENCES = 3  # the headline and the first two sentences of the body
FAR_KM = 40.0  # two places further apart than this are two incidents
MIN_SEED_WEIGHT = 3  # a clause must name the violence this specifically to open an incident


@dataclass
class Clause:
    """A content sentence, or part of one, with everything found in it."""

    index: int
    start: int
    end: int
    wlo: int  # word range in doc_words(doc)
    whi: int
    sentence: int  # content sentence number (0 = headline)
    triggers: list[Trigger] = field(default_factory=list)
    dates: list[Any] = field(default_factory=list)  # DateMention
    places: list[Any] = field(default_factory=list)  # PlaceMention
    claims: list[Any] = field(default_factory=list)  # Claim
    separate: bool = False
    background_marker: bool = False
    broken: bool = False  # starts at a clause break (`غداة`, `بالتزامن مع`)

    @property
    def lead(self) -> bool:
        return self.sentence < LEAD_SENTENCES

    @property
    def weight(self) -> int:
        return max((t.term.weight for t in self.triggers), default=0)

    def own_dates(self) -> list[Any]:
        """Dates of this clause that are not history."""
        return [d for d in self.dates if not d.background]

    @property
    def history(self) -> bool:
        """History, not news: it has dates and all are old."""
        return bool(self.dates) and not self.own_dates()


@dataclass
class Incident:
    """Clauses reporting one incident, with its chosen date and place mentions."""

    clauses: list[Clause] = field(default_factory=list)
    date: Any = None  # DateMention or None (publication date)
    place: Any = None  # PlaceMention or None
    country: str | None = None
    seed: Clause | None = None
    day: dt.date | None = None  # the incident's first day (the publication date when none is given)

    @property
    def triggers(self) -> list[Trigger]:
        return [t for c in self.clauses for t in c.triggers]


@cache
def _markers() -> dict[str, PhraseIndex]:
    data = lang.load("incident_markers")
    return {name: PhraseIndex((t, name) for t in data[name])
            for name in ("separate", "clause_breaks", "background", "relative_place", "site_place")}


def _day(d: Any) -> dt.date | None:
    if d is None:
        return None
    v = d.date if hasattr(d, "date") and not isinstance(d, dt.date) else d
    if isinstance(v, dt.datetime):
        return v.date()
    if isinstance(v, dt.date):
        return v
    try:
        return dt.date.fromisoformat(str(v)[:10])
    except ValueError:
        return None


def km(a: Any, b: Any) -> float:
    """Great-circle distance between two places (anything with lat and lon)."""
    la1, lo1, la2, lo2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(min(1.0, h)))


def make_clauses(doc: Doc, words: list[Word]) -> list[Clause]:
    """Content sentences cut at clause breaks, each with its word range."""
    breaks = _markers()["clause_breaks"]
    starts = [w.start for w in words]
    clauses: list[Clause] = []
    for n, sent in enumerate(content_sentences(doc)):
        s, e = sent.start_char, sent.end_char
        wlo, whi = bisect.bisect_left(starts, s), bisect.bisect_left(starts, e)
        if wlo >= whi:
            continue
        cuts = [h.first for h in breaks.find(words, wlo, whi) if h.first - wlo >= 3]
        bounds = [wlo, *cuts, whi]
        for k in range(len(bounds) - 1):
            a, b = bounds[k], bounds[k + 1]
            if a >= b:
                continue
            cs = s if k == 0 else words[a].start
            ce = words[bounds[k + 1]].start if k + 1 < len(bounds) - 1 else e
            clauses.append(Clause(len(clauses), cs, ce, a, b, n, broken=k > 0))
    return clauses


def _attach(clauses: list[Clause], items: list[Any], attr: str) -> None:
    """Give each item (with .start) to the clause containing it."""
    if not clauses:
        return
    starts = [c.start for c in clauses]
    for it in items:
        i = bisect.bisect_right(starts, it.start) - 1
        if 0 <= i < len(clauses) and it.start < clauses[i].end:
            getattr(clauses[i], attr).append(it)


def _mark(clauses: list[Clause], words: list[Word]) -> None:
    marks = _markers()
    for c in clauses:
        # markers count near the start of a clause (its first dozen words), where Arabic puts them
        head_hi = min(c.whi, c.wlo + 12)
        c.separate = bool(marks["separate"].find(words, c.wlo, head_hi)) or c.broken
        c.background_marker = bool(marks["background"].find(words, c.wlo, c.whi))


def place_score(m: Any, clause: Clause, words: list[Word]) -> float:
    """How likely a place mention is the incident's site: precise, near a trigger, after `في مدينة`."""
    marks = _markers()
    p = m.place
    prec = getattr(m, "geo_precision", None) or 2
    score = {1: 3.0, 2: 2.0, 3: 1.0}.get(prec, 1.0)
    if p.feature == "country":
        score = 0.3
    elif p.feature == "admin1":
        score = min(score, 1.2)
    if clause.sentence == 0:
        score += 1.5
    elif clause.lead:
        score += 1.0
    if clause.triggers:
        near = min(abs(t.start - m.start) for t in clause.triggers)
        score += 1.0 if near < 80 else 0.5
    wi = _word_at(words, m.start, clause)
    before = max(clause.wlo, wi - 2)
    if wi > clause.wlo:
        if marks["relative_place"].find(words, before, wi):
            score -= 2.5
        elif marks["site_place"].find(words, wi - 1, wi):
            score += 0.7
    return score


def _word_at(words: list[Word], start: int, clause: Clause) -> int:
    for i in range(clause.wlo, clause.whi):
        if words[i].end > start:
            return i
    return clause.whi


def best_place(clauses: list[Clause], words: list[Word], country: str | None = None) -> tuple[Any, str | None]:
    """The place of an incident from its clauses' place mentions: the country with most weight, then
    the best-scored mention in it, a finer place beating the province or country that contains it."""
    scored = [(place_score(m, c, words), m) for c in clauses for m in c.places]
    if not scored:
        return None, country
    by_country: dict[str, float] = {}
    for s, m in scored:
        by_country[m.place.country] = by_country.get(m.place.country, 0.0) + max(s, 0.1)
    if country is None or country not in by_country:
        country = max(by_country, key=lambda k: by_country[k])
    cands = [(s, m) for s, m in scored if m.place.country == country]
    # repeats of one place add up, a little
    total: dict[str, float] = {}
    for s, m in cands:
        total[m.place.id] = total.get(m.place.id, 0.0) + (s if m.place.id not in total else 0.5)
    best = max(cands, key=lambda sm: (total[sm[1].place.id], sm[0]))[1]
    return best, country


def segment(doc: Doc, triggers: list[Trigger], dates: list[Any], places: list[Any],
            claims: list[Any], published: dt.date | None) -> tuple[list[Incident], list[Clause]]:
    """The article's incidents (main one first) and all its clauses."""
    words = doc_words(doc)
    clauses = make_clauses(doc, words)
    _attach(clauses, triggers, "triggers")
    _attach(clauses, dates, "dates")
    _attach(clauses, places, "places")
    _attach(clauses, claims, "claims")
    _mark(clauses, words)
    incidents: list[Incident] = []
    seed = next((c for c in clauses if c.lead and c.weight >= MIN_SEED_WEIGHT and not c.history), None)
    if seed is None:
        seed = next((c for c in clauses if c.weight >= MIN_SEED_WEIGHT and not c.history
                     and not c.background_marker and not c.separate), None)
    if seed is None:
        return [], clauses
    main = Incident(seed=seed)
    main.clauses = [c for c in clauses if c.lead and not c.history and not c.broken
                    and (c.triggers or c.claims or c is seed or c.sentence == 0)]
    if seed not in main.clauses:
        main.clauses.append(seed)
    main.clauses.sort(key=lambda c: c.index)
    _settle(main, words, published)
    incidents.append(main)
    last = main
    for c in clauses:
        if c in main.clauses:
            continue
        if c.history:
            continue
        target = _home(c, incidents, words)
        if target is None:
            if not c.background_marker:
                inc = Incident(clauses=[c], seed=c)
                _settle(inc, words, published)
                incidents.append(inc)
                last = inc
            continue
        if target == "drop":
            continue
        if target == "last":
            target = last if c.triggers or c.claims else None
        if target is not None:
            target.clauses.append(c)
            last = target
    return incidents, clauses


def _settle(inc: Incident, words: list[Word], published: dt.date | None) -> None:
    """Choose the incident's date (nearest to the seed trigger) and place."""
    seed = inc.seed
    date = None
    if seed is not None and seed.own_dates():
        t0 = seed.triggers[0].start if seed.triggers else seed.start
        date = min(seed.own_dates(), key=lambda d: abs(d.start - t0))
    if date is None:
        for c in inc.clauses:
            if c.own_dates():
                date = c.own_dates()[0]
                break
    inc.date = date
    inc.day = _day(date) or published
    inc.place, inc.country = best_place(inc.clauses, words)


def _home(c: Clause, incidents: list[Incident], words: list[Word]) -> Incident | str | None:
    """Where a later clause belongs: an incident, "last" (the one reported just before), "drop"
    (a side remark elsewhere), or None (it opens a new incident)."""
    own_place, own_country = best_place([c], words) if c.places else (None, None)
    own_day = _day(c.own_dates()[0]) if c.own_dates() else None
    if own_place is None and own_day is None:
        return "last"
    for inc in incidents:
        if _compatible(c, inc, own_place, own_country, own_day):
            return inc
    return None if c.weight >= MIN_SEED_WEIGHT else "drop"


def _compatible(c: Clause, inc: Incident, place: Any, country: str | None, day: dt.date | None) -> bool:
    """A clause fits an incident when its own place and date (where it has them) agree with it."""
    if country is not None and inc.country is not None and country != inc.country:
        return False
    if place is not None and inc.place is not None:
        a, b = place.place, inc.place.place
        same_area = a.id == b.id or (a.feature in ("country", "admin1") and a.admin1 in (None, b.admin1))
        same_area = same_area or (b.feature in ("country", "admin1") and b.admin1 in (None, a.admin1))
        if not same_area and km(a, b) > FAR_KM:
            return False
    if day is not None and inc.day is not None and day != inc.day and c.weight >= MIN_SEED_WEIGHT:
        return False
    return True
