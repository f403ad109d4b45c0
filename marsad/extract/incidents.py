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
import dataclasses
import datetime as dt
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from spacy.tokens import Doc

from marsad import lang
from marsad.extract.event_types import (
    PhraseIndex,
    Trigger,
    TriggerTerm,
    Word,
    doc_words,
    nationality_index,
    sub_event_index,
    word_index,
)
from marsad.model import parse_day
from marsad.text.document import content_sentences, doc_text
from marsad.text.normalize import key

# A trigger written with the article (after optional و ف ب ل ك): it refers to an incident already named.
_DEFINITE = re.compile(r"^[وف]?[بلك]?ال|^[وف]?لل")


def key_in(word: str, keys: frozenset[str]) -> bool:
    return key(word).replace("ة", "ه") in keys


@cache
def _inside() -> frozenset[str]:
    """Keys of "in" before a relative place word (`في جنوب مدينة كوباني`): inside the place."""
    return frozenset(key(w) for w in lang.load("incident_markers")["inside"])


def site_words() -> frozenset[str]:
    """Keys of the words before a place that make it a site (`في`, `مدينة`, `مدينتي`)."""
    return _naming()


@cache
def _naming() -> frozenset[str]:
    return frozenset(key(w).replace("ة", "ه") for w in lang.load("incident_markers")["site_place"])


LEAD_SENTENCES = 3  # the headline and the first two sentences of the body
FAR_KM = 40.0  # two places further apart than this are two incidents
SEPARATE_KM = 5.0  # after `وفي سياق متصل`, another town this far away is another incident
MIN_SEED_WEIGHT = 3  # a clause must name the violence this specifically to open an incident
NAMED_WEIGHT = 5  # a trigger this specific (`غارات`, `عبوة`) opens an incident elsewhere, figures or not
UNCONFIRMED_FACTOR = 0.4  # weight of a bare village name that the text neither designates nor repeats
OWN_PLACE_MIN = 1.5  # a weaker place mention does not move a clause to another incident
TIER_MIN = 2.5
SITE_CUE_WORDS = 8  # how far before a place a word like `وقعت` makes it the site
SITE_CUE_BONUS = 3.5  # a more specific place must score this much to beat a coarser one
BACKER_PENALTY = 3.0  # `المدعومة من إيران`, `بدعم من تركيا`: a backer's country is no site
RELATIVE_PENALTY = 1.5  # `غربي العاصمة عمان`: a reference point, used only when nothing nearer is named
RECENT_DAYS = 4  # a dated clause this close to publication (this week) is news even if worded as background
DEFAULT_DATE_DAYS = 2  # how far before publication a date named anywhere may date an undated incident
NATIONALITY_VOTE = 1.0  # weight of a nationality adjective for its country's places
SAID_PENALTY = 60  # characters: how much further a date of saying counts from the trigger
STATEMENT_WINDOW = 6  # words from a verb of saying to its date (`أفاد المرصد السوري ... اليوم`)


@dataclass(eq=False)
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
    marked: bool = False  # opens with a marker of a separate incident (`وفي هجوم منفصل`, `وفي سياق متصل`)
    nationalities: list[str] = field(default_factory=list)  # ISO3 of nationality adjectives in it
    update: bool = False  # a follow-up toll report (`ارتفعت حصيلة ضحايا التفجير`)
    distinct: bool = False  # opens with an explicit marker of another incident (`وفي حادثة منفصلة`)
    total: bool = False  # has words of a total (`منذ بدء العملية`): its figures may be no incident's toll

    @property
    def lead(self) -> bool:
        return self.sentence < LEAD_SENTENCES

    @property
    def weight(self) -> int:
        return max((t.term.weight for t in self.triggers), default=0)

    @property
    def fresh_weight(self) -> int:
        """Weight of indefinite triggers only: `انفجار` may be news, `الانفجار` refers back."""
        return max((t.term.weight for t in self.triggers if not _DEFINITE.match(t.text)), default=0)

    @property
    def casualties(self) -> bool:
        """The clause reports harm: a claim, or a casualty word."""
        return bool(self.claims) or any(t.term.sub_event_type is None for t in self.triggers)

    def own_dates(self) -> list[Any]:
        """Dates of this clause that are not history nor as vague as a month."""
        return [d for d in self.dates if not d.background and (d.precision or 3) < 3]

    @property
    def history(self) -> bool:
        """History, not news: it has dates and all are old."""
        return bool(self.dates) and all(d.background for d in self.dates)


@dataclass(eq=False)
class Incident:
    """Clauses reporting one incident, with its chosen date and place mentions."""

    clauses: list[Clause] = field(default_factory=list)
    date: Any = None  # DateMention or None (publication date)
    place: Any = None  # PlaceMention or None
    country: str | None = None
    seed: Clause | None = None
    day: dt.date | None = None  # the incident's first day (the publication date when none is given)
    day_end: dt.date | None = None
    weak_date: bool = True  # no date, or only when something was said about it: a later clause may date it

    @property
    def triggers(self) -> list[Trigger]:
        return [t for c in self.clauses for t in c.triggers]


@cache
def _markers() -> dict[str, PhraseIndex]:
    data = lang.load("incident_markers")
    return {name: PhraseIndex((t, name) for t in data[name])
            for name in ("separate", "clause_breaks", "background", "relative_place", "pointing_place",
                         "site_place", "statement", "source_cues", "site_cues", "support_cues", "denials",
                         "denial_objects", "toll_update", "distinct_incident", "foiled", "plot", "threat",
                         "totals", "readied", "round_up_lead", "carried", "loyalty_cues", "telling_breaks",
                         "movement_to", "movement_from")}


def support_index() -> PhraseIndex:
    """Words that introduce a supporting actor (`بدعم من`)."""
    return _markers()["support_cues"]


def source_index() -> PhraseIndex:
    """Words before a cited source (`بحسب`, `وفقا ل`, `نقلا عن`)."""
    return _markers()["source_cues"]


def statement_index() -> PhraseIndex:
    """Verbs and nouns of saying (`قال`, `أعلنت`, `بيان`)."""
    return _markers()["statement"]


def _day(d: Any) -> dt.date | None:
    """The day of a date mention, a date or an ISO string."""
    if d is None:
        return None
    v = d.date if hasattr(d, "date") and not isinstance(d, dt.date) else d
    if isinstance(v, dt.datetime):
        return v.date()
    return v if isinstance(v, dt.date) else parse_day(v)


def _future(d: Any, published: dt.date | None) -> bool:
    day = _day(d)
    return published is not None and day is not None and day > published + dt.timedelta(days=1)


def _day_end(d: Any) -> dt.date | None:
    v = getattr(d, "date_end", None)
    return _day(v) if v is not None else None


def km(a: Any, b: Any) -> float:
    """Great-circle distance between two places (anything with lat and lon)."""
    la1, lo1, la2, lo2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(min(1.0, h)))


def make_clauses(doc: Doc, words: list[Word]) -> list[Clause]:
    """Content sentences cut at clause breaks, each with its word range."""
    breaks = _markers()["clause_breaks"]
    starts = words.starts
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


_DATELINE = re.compile(r"\s[–—-]+\s|\)\s*[–—-]+|^[^،,:\n]{2,40}[:：]\s")
_OPENING_DATELINE = re.compile(r"\s*[^\s،,:.\-–—]+(?:\s[^\s،,:.\-–—(]+)?\s*(?:\([^)\n]{1,25}\)\s*)?[–—-]+\s")
DATELINE_CHARS = 70  # `دبي، الإمارات العربية المتحدة (CNN) –`, `عين اليوم – القاهرة`


def _not_datelines(doc: Doc, clauses: list[Clause], places: list[Any]) -> list[Any]:
    """Places outside datelines: the city an article was filed from opens its body (`دبي ... (CNN) –`)
    and says nothing about where the incident happened."""
    spans = []
    text = doc_text(doc)
    for c in clauses:
        if c.sentence >= LEAD_SENTENCES or c.broken:
            continue
        if c.sentence == 0:
            # an article without its headline opens with the dateline: `بغداد (رويترز) - قالت الشرطة`
            m = _OPENING_DATELINE.match(text, c.start, c.start + DATELINE_CHARS)
            if m:
                spans.append((c.start, m.end()))
            continue
        m = _DATELINE.search(text[c.start:c.start + DATELINE_CHARS])
        if m and c.whi - c.wlo <= 6:
            spans.append((c.start, c.end))  # a line of its own: `عين اليوم – القاهرة`
        elif m:
            spans.append((c.start, c.start + m.end()))
    if not spans:
        return places
    return [p for p in places if not any(a <= p.start < b for a, b in spans)]


def _adjective(m: Any, words: list[Word]) -> bool:
    """`بلدة تركية`, `الحدود السورية`: a nationality adjective, though a village may bear the name."""
    i = word_index(words, m.start)
    hits = nationality_index().find(words, i, i + 1)
    return bool(hits) and hits[0].end >= m.end and m.place.feature != "country"


def _recountry(m: Any, c: Clause, words: list[Word]) -> Any:
    """`بلدة سروج بجنوب شرقي تركيا`, `مدينة سوروتش التركية`: a country named right after a place
    settles which of its homonyms is meant."""
    cands = getattr(m, "candidates", None) or ()
    if len(cands) < 2:
        return m
    wi = _word_at(words, m.end, c)
    stated = [h.payload for h in nationality_index().find(words, wi, min(c.whi, wi + 4))]
    # a country named next, unless another place stands between (`مدينة حرض في حجة، الحدودية مع
    # السعودية`: Hajjah's neighbour) or it follows `مع` (`المحاذية للحدود مع تركيا`: across the border)
    stated += [p.place.country for p in c.places
               if p.place.feature == "country" and m.end <= p.start < m.end + 40
               and not any(o is not m and o is not p and m.end <= o.start < p.start for o in c.places)
               and not _after_with(words, p.start)]
    for iso in stated[:1]:
        if iso != m.place.country:
            other = [p for p in cands if p.country == iso]
            if other:
                best = max(other, key=lambda p: (p.feature != "village", p.population or 0))
                return dataclasses.replace(m, place=best)
    return m


@cache
def _beside_words() -> frozenset[str]:
    """Keys of the words that put a country beside a place, not around it (places_curated.yaml)."""
    return frozenset(key(w) for w in (lang.load("places_curated") or {}).get("beside_words") or [])


def _after_with(words: list[Word], start: int) -> bool:
    """Whether the word before a mention is one of the beside words (`مع`, with)."""
    i = word_index(words, start)
    return i > 0 and words[i - 1].key in _beside_words()


_DISRUPTED = {w: TriggerTerm("Disrupted weapons use", w, False) for w in range(1, 11)}
DENIAL_REACH = 5  # words after a denial verb that it covers (`نفت وزارة الداخلية اختطاف`)
PLOT_REACH = 2  # words from the first word of violence after a threat that name what is threatened
CARRIED_REACH = 2  # words from `يرتدون` to the belt it names (`يرتدي حزاما ناسفا`, `يحملون أحزمة ناسفة`)
READIED_REACH = 4  # words from a device (`عجلات مفخخة`) to `كانت معدة` that says it was readied, not set off
EXPLOSION_TYPES = frozenset({"Remote explosive/landmine/IED", "Suicide bomb", "Grenade"})


def _not_denied(clause: Clause, triggers: list[Trigger], words: list[Word]) -> list[Trigger]:
    """Triggers that no denial in the clause covers: `نفت الوزارة اختطاف صحفيين` reports no abduction,
    while `تنفي مسؤوليتها عن قصف مأرب` still reports the shelling."""
    marks = _markers()
    foils = marks["foiled"].find(words, clause.wlo, clause.whi)
    if foils:  # `أحبطت القوات هجوما انتحاريا`: the attack named after a foiling word did not strike
        triggers = [Trigger(t.start, t.end, t.word, t.text, _DISRUPTED[t.term.weight])
                    if t.term.sub_event_type is not None and t.term.weight > 0
                    and any(h.last <= t.word <= h.last + DENIAL_REACH for h in foils) else t
                    for t in triggers]
    plots = marks["plot"].find(words, clause.wlo, clause.whi) if foils else []
    if plots:
        # `أحبطت عمليات خطط لها التنظيم ... تستهدف المساجد ... إيقاع الضحايا`: all foiled
        first = plots[0].last
        triggers = [t if t.word < first else
                    Trigger(t.start, t.end, t.word, t.text, _DISRUPTED[t.term.weight])
                    if t.term.sub_event_type is not None and t.term.weight > 0 else None for t in triggers]
        triggers = [t for t in triggers if t is not None]
    readied = marks["readied"].find(words, clause.wlo, clause.whi)
    if readied:
        # `دمرت القوات ثلاث عجلات مفخخة كانت معدة لاستهداف الجيش`: a device readied for an attack was
        # seized or destroyed, not set off (`انفجار عبوة ناسفة كانت معدة ...` did go off)
        went_off = {t.word for t in triggers
                    if t.term.sub_event_type in EXPLOSION_TYPES and t.term.weight < NAMED_WEIGHT}
        triggers = [Trigger(t.start, t.end, t.word, t.text, _DISRUPTED[t.term.weight])
                    if t.term.sub_event_type in EXPLOSION_TYPES and t.term.weight >= NAMED_WEIGHT
                    and any(h.first - READIED_REACH <= t.word < h.first for h in readied)
                    and not any(t.word - 2 <= w < t.word for w in went_off) else t
                    for t in triggers]
    carried = marks["carried"].find(words, clause.wlo, clause.whi)
    if carried:
        # `8 أشخاص يحملون أحزمة ناسفة قتلوا أثناء محاولتهم الهجوم على القوات`: belts worn by attackers who
        # were shot are no explosion; the attack word types the incident. Unless something in the clause
        # went off (`انتحاري يرتدي حزاما ناسفا فجر نفسه`).
        worn = {t.word for t in triggers if t.term.sub_event_type in EXPLOSION_TYPES
                and any(h.last <= t.word < h.last + CARRIED_REACH for h in carried)}
        went_off = any(t.term.sub_event_type in EXPLOSION_TYPES and t.word not in worn for t in triggers)
        if worn and not went_off:
            triggers = [t for t in triggers if t.word not in worn]
    threats = marks["threat"].find(words, clause.wlo, clause.whi)
    if threats:
        # a threat names its object (`هدد التنظيم أمس بتفجير سيارات مفخخة`) in the first words of violence
        # after it, not the deeds told after that (`يهدد بإعدام كرواتي خطفه`)
        first = threats[0].last
        aim = next((t.word for t in triggers if t.word >= first), first)
        triggers = [t for t in triggers if not first <= t.word < aim + PLOT_REACH]
    denials = marks["denials"].find(words, clause.wlo, clause.whi)
    if not denials:
        return triggers
    objects = [h.first for h in marks["denial_objects"].find(words, clause.wlo, clause.whi)]
    out = []
    for t in triggers:
        covered = any(h.last <= t.word <= h.last + DENIAL_REACH
                      and not any(h.last <= o <= t.word for o in objects) for h in denials)
        if not covered:
            out.append(t)
    return out


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
    nat = nationality_index()
    for c in clauses:
        c.nationalities = [h.payload for h in nat.find(words, c.wlo, c.whi)]
        # markers count near the start of a clause (its first dozen words), where Arabic puts them
        head_hi = min(c.whi, c.wlo + 12)
        c.marked = bool(marks["separate"].find(words, c.wlo, head_hi)) or _place_opening(c, words)
        c.separate = c.marked or c.broken
        c.background_marker = bool(marks["background"].find(words, c.wlo, c.whi))
        c.update = bool(marks["toll_update"].find(words, c.wlo, c.whi))
        c.distinct = bool(marks["distinct_incident"].find(words, c.wlo, head_hi))
        c.total = bool(marks["totals"].find(words, c.wlo, c.whi))
    # `لقي 28 من عناصر داعش مصرعهم في حوادث أمنية متفرقة`: a lead that announces scattered incidents makes
    # each later sentence naming a town of its own the next item of a round-up, like `وفي ديالى` (after the
    # last lead sentence saying so: the body's first sentence retells a headline that says it)
    opened = max((c.sentence for c in clauses if c.lead and marks["round_up_lead"].find(words, c.wlo, c.whi)),
                 default=None)
    if opened is not None:
        for c in clauses:
            if c.sentence > opened and not c.broken and any(m.place.feature != "country" for m in c.places):
                c.marked = c.separate = True


PLACE_OPENING_WORDS = 3  # `وفي ديالى`, `وفي محافظة صلاح الدين`: the place within this many words of `وفي`


def _place_opening(c: Clause, words: list[Word]) -> bool:
    """A sentence opening with `وفي` + a place (`وفي ديالى، قتل ...`): the next item of a round-up."""
    if c.broken or c.sentence == 0 or c.wlo >= len(words) or words[c.wlo].key not in _round_up_openers():
        return False
    near = words[min(c.wlo + PLACE_OPENING_WORDS, c.whi - 1)].end
    return any(words[c.wlo].end < m.start <= near and m.place.feature != "country" for m in c.places)


@cache
def _round_up_openers() -> frozenset[str]:
    return frozenset(key(w) for w in lang.load("incident_markers")["round_up_openers"])


def place_score(m: Any, clause: Clause, words: list[Word]) -> float:
    """How likely a place mention is the incident's site: precise, near a trigger, after `في مدينة`."""
    marks = _markers()
    p = m.place
    score = {3: 3.0, 2: 2.2, 1: 1.8, 0: 0.3}[place_tier(p)]
    if place_tier(p) == 3 and getattr(m, "geo_precision", 1) == 2:
        score -= 1.0  # `ريف حمص`, `قرب X`: the countryside of a town, not the town
    qualifier = getattr(m, "qualifier", None) or m.text.split(" ", 1)[0]
    if qualifier and key_in(qualifier, _naming()):
        score += 1.5  # `محافظة ديالى`, `مدينة السلط`: surely a place name, not a word that looks like one
    if getattr(m, "fuzzy", False):
        score -= 1.0
    if clause.sentence == 0:
        score += 1.5
    elif clause.lead:
        score += 1.0
    wi = _word_at(words, m.start, clause)
    if clause.triggers:  # the site is named close to the words of violence
        near = min(abs(t.word - wi) for t in clause.triggers)
        score += 1.5 if near <= 6 else 1.0 if near <= 15 else 0.3
    before = max(clause.wlo, wi - 2)
    if wi > clause.wlo:
        rel = marks["relative_place"].find(words, before, wi)
        # `غربي العاصمة عمان` points elsewhere; `في جنوب مدينة كوباني` is inside it
        if rel and not (rel[0].first > clause.wlo and words[rel[0].first - 1].key in _inside()):
            if _points_from_site(m, rel[0].first, clause, words):
                score -= RELATIVE_PENALTY
        elif marks["site_place"].find(words, wi - 1, wi):
            score += 0.7
        if _moved(m, clause, words):
            score -= RELATIVE_PENALTY  # `فروا إلى X`, `قادمة من X`: where they went or came from
        if marks["support_cues"].find(words, before, wi) or marks["loyalty_cues"].find(words, before, wi):
            # `الميليشيات المدعومة من إيران`, `الموالية لإيران`: who backs a party, not the site
            score -= BACKER_PENALTY
        if place_tier(p) == 0 and any(t.word == wi - 1 and t.term.gunfire for t in clause.triggers):
            # `إصابات برصاص إسرائيل`: the country whose rounds hit, not the site (`قصف إيران` may be either)
            score -= BACKER_PENALTY
        if marks["site_cues"].find(words, max(clause.wlo, wi - SITE_CUE_WORDS), wi):
            score += SITE_CUE_BONUS  # `الحادثة وقعت في منزل سكني ببلدة دوما`
    return score


MOVE_GAP = 2  # words between a movement word and its preposition (`فر آخرون إلى`)
NAME_GAP = 2  # words between the preposition and the place (`إلى منطقة جزيرة X`)


@cache
def _movement_prepositions() -> tuple[frozenset[str], frozenset[str]]:
    """Keys of the prepositions of a destination (`إلى`, `نحو`) and of an origin (`من`)."""
    data = lang.load("incident_markers")
    return (frozenset(key(w) for w in data["movement_prepositions_to"]),
            frozenset(key(w) for w in data["movement_prepositions_from"]))


def _moved(m: Any, clause: Clause, words: list[Word]) -> bool:
    """The place is where people fled or withdrew to (`وفر آخرون إلى منطقة X`) or where a party came
    from (`سيارة قادمة من مدينة X`): the nearest preposition before it (past a designator) follows a
    movement word. Such a place is no site of the incident the clause reports."""
    wi = _word_at(words, m.start, clause)
    to_keys, from_keys = _movement_prepositions()
    for p in range(wi - 1, max(clause.wlo, wi - 1 - NAME_GAP) - 1, -1):
        k = words[p].key
        if k in to_keys:
            index = _markers()["movement_to"]
        elif k in from_keys:
            index = _markers()["movement_from"]
        else:
            continue
        return bool(index.find(words, max(clause.wlo, p - 1 - MOVE_GAP), p))
    return False


def _relative(m: Any, clause: Clause, words: list[Word]) -> bool:
    """The place is a reference point (`جنوب كركوك`, `قرب الحدود`) or an origin or destination of a
    movement (`فروا إلى X`), not the site itself."""
    wi = _word_at(words, m.start, clause)
    if wi <= clause.wlo:
        return False
    if _moved(m, clause, words):
        return True
    rel = _markers()["relative_place"].find(words, max(clause.wlo, wi - 2), wi)
    return bool(rel) and not (rel[0].first > clause.wlo and words[rel[0].first - 1].key in _inside()) \
        and _points_from_site(m, rel[0].first, clause, words)


POINT_GAP = 3  # `ناحية الرشاد جنوب كركوك`: a site named at most this many words before a direction word


def _points_from_site(m: Any, first: int, clause: Clause, words: list[Word]) -> bool:
    """Whether the relative words at `first` make `m` a reference point: always for movement and
    border words (`باتجاه`, `حدود`); for a direction or `near` only when another place is named just
    before them (`ناحية الرشاد جنوب كركوك`), else the place they point from is the site's best estimate
    (`برصاص الاحتلال شرق خان يونس`)."""
    pointing = _markers()["pointing_place"].find(words, first, first + 1)
    if not pointing or pointing[0].first != first:
        return True
    for o in clause.places:
        if o is m or o.end > words[first].start:
            continue
        if first - word_index(words, max(o.end - 1, o.start)) - 1 <= POINT_GAP:
            return True
    return False


def _place_score_memo(m: Any, clause: Clause, words: list[Word]) -> float:
    """place_score, remembered per doc: an incident's place is weighed again each time a clause joins."""
    memo = getattr(words, "place_scores", None)
    if memo is None:
        try:
            memo = words.place_scores = {}  # type: ignore[attr-defined]
        except AttributeError:  # a plain list of words (tests)
            return place_score(m, clause, words)
    k = (m.start, m.end, m.place.id, clause.index, clause.wlo)
    v = memo.get(k)
    if v is None:
        v = memo[k] = place_score(m, clause, words)
    return v


def _word_at(words: list[Word], start: int, clause: Clause) -> int:
    return min(max(word_index(words, start), clause.wlo), clause.whi)


def country_support(places: list[Any], extra: list[str]) -> Counter:
    """How much the whole article speaks of each country: its country, province and city mentions,
    and the countries of its actors (`extra`). A village in a country the article never otherwise
    names is more likely a common word that happens to be a village name."""
    support = Support(extra)
    for m in places:
        support.repeats[m.place.id] += 1
        if m.place.feature in _BROAD_FEATURES:
            support[m.place.country] += 1
    return support


class Support(Counter):
    """Country support, with how often each place is named (`repeats`)."""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.repeats: Counter = Counter()


_BROAD_FEATURES = frozenset({"country", "admin1", "admin2", "admin3", "city", "town"})


_SMALL_FEATURES = frozenset({"village", "neighborhood", "other"})


def confirmed(m: Any, repeats: Counter | None = None) -> bool:
    """A small place (village) is trusted as a site only when the text designates it (`قرية X`,
    `حي X`), names it twice, or it is curated; otherwise it may be a word that looks like a name."""
    p = m.place
    if p.feature not in _SMALL_FEATURES or str(p.id).startswith("curated:"):
        return True
    qualifier = getattr(m, "qualifier", None) or m.text.split(" ", 1)[0]
    if qualifier and key_in(qualifier, _naming()):
        return True
    return bool(repeats and repeats[p.id] >= 2)


def best_place(clauses: list[Clause], words: list[Word], support: Counter | None = None,
               country: str | None = None, min_score: float = 0.0,
               admin1: str | None = None, area: str | None = None) -> tuple[Any, str | None]:
    """The place of an incident from its clauses' place mentions: the country with most weight, then
    the best-scored mention in it, a finer place beating the province or country that contains it."""
    scored = [(_place_score_memo(m, c, words), m) for c in clauses for m in c.places]
    containers, contained = _containers(clauses, words)
    if support:
        scored = [(s if support[m.place.country] or m.place.feature in _BROAD_FEATURES else s * 0.25, m)
                  for s, m in scored]
    repeats = getattr(support, "repeats", None)
    # a village inside the province the incident is known to be in needs no other confirmation
    # (`في سجنان التابعة لمحافظة بنزرت`: a village named with the province it lies in is confirmed)
    scored = [(s if confirmed(m, repeats) or (area and m.place.admin1 == area) or id(m) in contained
               else s * UNCONFIRMED_FACTOR, m) for s, m in scored]
    scored = [(s, m) for s, m in scored if s >= min_score]
    if not scored:
        return None, country
    # a country's weight: its best mention, half of each other one, and its nationality adjectives
    # (`جنود مصريين`, `القوات المسلحة المصرية`)
    best_in: dict[str, float] = {}
    rest_in: dict[str, float] = {}
    for s, m in scored:
        c = m.place.country
        lo, hi = sorted((best_in.get(c, 0.0), max(s, 0.1)))
        best_in[c] = hi
        rest_in[c] = rest_in.get(c, 0.0) + lo
    adjectives = Counter(iso for cl in clauses for iso in cl.nationalities)
    by_country = {c: best_in[c] + 0.5 * rest_in[c] + NATIONALITY_VOTE * adjectives[c] for c in best_in}
    if country is None or country not in by_country:
        country = max(by_country, key=lambda k: by_country[k])
    cands = [(s, m) for s, m in scored if m.place.country == country]
    # the province most spoken of, then the most specific place in it that is well attested
    by_admin1: dict[str, float] = {}
    for s, m in cands:
        if m.place.admin1 and m.place.feature != "country":
            by_admin1[m.place.admin1] = by_admin1.get(m.place.admin1, 0.0) + max(s, 0.1)
    if admin1 is not None and admin1 in by_admin1:
        cands = [(s, m) for s, m in cands if m.place.admin1 in (admin1, None) or m.place.feature == "country"]
    elif by_admin1:
        admin1 = max(by_admin1, key=lambda k: by_admin1[k])
        cands = [(s, m) for s, m in cands if m.place.admin1 in (admin1, None) or m.place.feature == "country"]
    if admin1 is not None:
        # a world-layer city carries no province: `قتلى في فلوريدا، ومسيرة في واشنطن` does not put a
        # Florida shooting in Washington, 1,200 km from the province the incident names
        area = next((m.place for _s, m in cands if m.place.feature == "admin1" and m.place.admin1 == admin1
                     and m.place.lat is not None), None)
        if area is not None:
            cands = [(s, m) for s, m in cands if m.place.admin1 is not None or m.place.lat is None
                     or m.place.feature == "country" or km(m.place, area) <= FAR_FROM_PROVINCE_KM]
    total: dict[str, float] = {}
    for s, m in cands:  # repeats of one place add up, a little
        total[m.place.id] = total.get(m.place.id, 0.0) + (s if m.place.id not in total else 0.5)
    # `ناحية الرشاد جنوب كركوك`: a town or district named as such beats the reference point after it
    # `مدينة الميادين بريف دير الزور`: the province or countryside said to contain the site is no site
    relative = {id(m) for c in clauses for m in c.places if _relative(m, c, words)} | containers
    sites = [(s, m) for s, m in cands if id(m) not in relative]
    at_site: dict[str, float] = {}  # repeats as a site only: a container named again is no vote
    for s, m in sites:
        at_site[m.place.id] = at_site.get(m.place.id, 0.0) + (s if m.place.id not in at_site else 0.5)
    for tier in (3, 2):
        tier_cands = [(s, m) for s, m in sites if _mention_tier(m) == tier and s >= TIER_MIN]
        if tier_cands:
            return max(tier_cands, key=lambda sm: (at_site[sm[1].place.id], sm[0]))[1], country
    # `قرب قرية X بريف Y`: a place near which it happened still beats the countryside holding it
    unboxed = [(s, m) for s, m in cands if id(m) not in containers] or cands
    for tier in (3, 2, 1):
        tier_cands = [(s, m) for s, m in unboxed if _mention_tier(m) == tier and s >= TIER_MIN]
        if tier_cands:
            return max(tier_cands, key=lambda sm: (total[sm[1].place.id], sm[0]))[1], country
    return max(cands, key=lambda sm: (total[sm[1].place.id], sm[0]))[1], country


FAR_FROM_PROVINCE_KM = 600.0  # a city with no province on file this far from the named province is outside it
CONTAINER_WORDS = 3  # `سجنان التابعة لمحافظة بنزرت`: a container named within this many words after a place
CONTAINER_KM = 75.0  # a place lies within a governorate's reach of the seat that stands for it


def _containers(clauses: list[Clause], words: list[Word]) -> tuple[set[int], set[int]]:
    """Mentions named right after a place as the larger unit it lies in (`قرية X بمحافظة Y`,
    `مدينة X بريف Y`, `X التابعة لولاية Y`), and the places they contain (ids of the mentions)."""
    containers: set[int] = set()
    contained: set[int] = set()
    for c in clauses:
        ms = sorted(c.places, key=lambda m: m.start)
        for inner, outer in zip(ms, ms[1:], strict=False):
            lo, hi = word_index(words, max(inner.end - 1, inner.start)) + 1, word_index(words, outer.start)
            if 0 <= hi - lo <= CONTAINER_WORDS and not _joined(words[lo:hi + 1]) and _contains(outer, inner):
                containers.add(id(outer))
                contained.add(id(inner))
    return containers, contained


def _joined(between: list[Word]) -> bool:
    """`مدينة الفلوجة وقضاء هيت`, `بيجي والرمادي`: `و` before the next name or its designator lists
    two places side by side (`ولاية` itself begins with و)."""
    return any(w.key.startswith("و") and (w.key[1:].startswith("ال") or key_in(w.key[1:], _naming()))
               for w in between)


def _contains(outer: Any, inner: Any) -> bool:
    """Whether `outer` is a larger unit (a coarser row, or a town named for its province or
    countryside: `بريف حلب`, `لمحافظة بنزرت`) of the same country that holds `inner`."""
    o, i = outer.place, inner.place
    if o.country != i.country or getattr(outer, "metonym", False) or o.id == i.id:
        return False
    if _mention_tier(outer) >= place_tier(i):
        return False  # `قضاء بيجي ومدينة الرمادي`: two sites, not one inside the other
    if o.feature == "country":
        return True
    if o.admin1 and i.admin1:
        return o.admin1 == i.admin1
    return None not in (o.lat, i.lat) and km(o, i) <= CONTAINER_KM


def _mention_tier(m: Any) -> int:
    """A mention's specificity: its row's, or coarser when the words name the city's province or
    district (`ولاية بنزرت`, ACLED precision 3: a province; `ريف حلب`, precision 2: a district)."""
    return min(place_tier(m.place), {1: 3, 2: 2, 3: 1}.get(getattr(m, "geo_precision", 1) or 1, 3))


def place_tier(p: Any) -> int:
    """How specific a place is: 3 a point (town, village, camp), 2 a district, 1 a province, 0 a country."""
    if p.feature == "country":
        return 0
    if p.feature in ("admin1", "region"):
        return 1
    if p.feature in ("admin2", "admin3"):
        return 2
    return 3


def segment(doc: Doc, triggers: list[Trigger], dates: list[Any], places: list[Any],
            claims: list[Any], published: dt.date | None,
            actor_countries: list[str] | None = None) -> tuple[list[Incident], list[Clause]]:
    """The article's incidents (main one first) and all its clauses."""
    support = country_support(places, actor_countries or [])
    words = doc_words(doc)
    clauses = make_clauses(doc, words)
    _attach(clauses, triggers, "triggers")
    for c in clauses:
        if c.triggers:
            c.triggers = _not_denied(c, c.triggers, words)
    # a day after publication (`غدا`, `يوم 17 أبريل` in a schedule) is a plan, never an incident's day
    _attach(clauses, [d for d in dates if not _future(d, published)], "dates")
    places = [m for m in places if not _adjective(m, words)]
    _attach(clauses, _not_datelines(doc, clauses, places), "places")
    _attach(clauses, claims, "claims")
    for c in clauses:
        if c.places:
            c.places = [_recountry(m, c, words) for m in c.places]
    _mark(clauses, words)
    _rehome_by_parties(clauses, words)
    incidents: list[Incident] = []
    # harm told anywhere in the sentence (`أعلنت الشرطة مقتل المطلوب ... وذلك بعد تعرضه لإطلاق نار`)
    hurt = {c.sentence for c in clauses if c.casualties}
    seed = next((c for c in clauses if c.lead and not c.history
                 and (c.weight >= MIN_SEED_WEIGHT or (c.weight > 0 and c.sentence in hurt)
                      or _killing(c))), None)
    if seed is None:
        seed = next((c for c in clauses if c.weight >= MIN_SEED_WEIGHT and not c.history
                     and not c.background_marker and not c.separate), None)
    if seed is None:
        return [], clauses
    main = Incident(seed=seed)
    # the headline and the seed; other lead clauses join below unless they report something else
    main.clauses = [c for c in clauses if c is seed or (c.sentence == 0 and not c.history and not c.broken
                                                       and (c.triggers or c.claims))]
    _settle(main, words, published, support)
    if main.date is None:
        _default_date(main, clauses, published, words)
    incidents.append(main)
    last = main
    for c in clauses:
        if c in main.clauses:
            continue
        if c.history:
            continue
        plain_lead = c.lead and not (c.separate or c.broken or c.background_marker)
        if plain_lead and _compatible(c, main, None, None, _span(c, words), words):
            target: Incident | str | None = main  # the lead reports the main incident, whatever else it names
        else:
            target = _home(c, incidents, words, support, published)
        if target is None:
            inc = Incident(clauses=[c], seed=c)
            _settle(inc, words, published, support)
            if inc.date is None and last.date is not None and not c.background_marker:
                # a round-up's item without a day of its own happened on the day of the item before
                inc.date, inc.day, inc.day_end = last.date, last.day, last.day_end
            incidents.append(inc)
            last = inc
            continue
        if target == "drop" or not (c.triggers or c.claims):
            continue
        if target == "last":
            target = last
        if isinstance(target, Incident):
            target.clauses.append(c)
            if c.places and not c.distinct and (target.place is None or place_tier(target.place.place) < 3):
                # a report that so far named only a country or province: the place may be more exact now
                place, country = best_place(target.clauses, words, support)
                if place is not None:
                    target.place, target.country = place, country
            # only a clause naming the violence or giving figures says when it happened (`ودعا الزعيم
            # الجديد، الذي تولى بعد مقتل سلفه في يونيو، إلى شن هجمات` dates nothing)
            if target.weak_date and c.own_dates() \
                    and (c.weight >= MIN_SEED_WEIGHT or c.casualties or _narrates_day(c, target, words)) \
                    and (not c.background_marker or _recalls_update(c, target, _span(c, words))):
                _redate(target, c, words, published)
            last = target
    for inc in incidents:
        place, country = _incident_place(inc, words, support)
        if place is not None:
            inc.place, inc.country = place, country
    return incidents, clauses


# Triggers whose nationality word names the attacker (`غارة تركية`, `القصف الروسي`), not the people hit.
ATTACKER_NAMING_TYPES = frozenset({"Air/drone strike", "Shelling/artillery/missile attack",
                                   "Chemical weapon"})


def _rehome_by_parties(clauses: list[Clause], words: list[Word]) -> None:
    """`قتل أربعة جنود مصريين في رفح`: a homonym in a country the article otherwise never points to gives
    way to one in the country its people are of (nationality words, not the attacker's `غارة تركية`) or
    its other places lie in."""
    nat = nationality_index()
    people: Counter = Counter()
    for c in clauses:
        strikes = [t.word for t in c.triggers if t.term.sub_event_type in ATTACKER_NAMING_TYPES]
        for h in nat.find(words, c.wlo, c.whi):
            if not any(0 < h.first - w <= 3 for w in strikes):
                people[h.payload] += 1
    names = Counter((m.place.country, m.place.id) for c in clauses for m in c.places)
    for c in clauses:
        for k, m in enumerate(c.places):
            cands = getattr(m, "candidates", None) or ()
            if len(cands) < 2:
                continue
            own = m.place.country
            elsewhere = Counter(iso for (iso, pid), n in names.items() if pid != m.place.id for _ in range(n))
            if people[own] or elsewhere[own]:
                continue
            other = [p for p in cands if p.country != own and (people[p.country] or elsewhere[p.country])]
            standing = {p.country for p in other if _standing(p, m.place)}
            other = [p for p in other if p.country in standing]
            if other:
                best = max(other, key=lambda p: (people[p.country] + elsewhere[p.country], place_tier(p) == 3,
                                                 p.population or 0))
                c.places[k] = dataclasses.replace(m, place=best)


STANDING_RATIO = 0.1  # a homonym of a tenth of a city's population or more may stand for it


def _standing(p: Any, own: Any) -> bool:
    """Whether `p` may take the place of `own` on a nationality cue: a city of 500,000 (نجران) is not
    read as a hamlet of Ma'rib because the report speaks of Yemeni territory; a town or district of its
    size is (رفح of Gaza and of North Sinai)."""
    big = own.population or 0
    if own.feature not in ("city", "town") or big < REHOME_CITY:
        return True
    if p.feature in ("admin1", "admin2", "admin3", "region"):
        return True
    return (p.population or 0) >= STANDING_RATIO * big


REHOME_CITY = 100_000  # below this, a nationality word may move a town to its homonym abroad


def _in_country(m: Any, country: str | None) -> Any:
    """The mention's homonym in the incident's country, when the geocoder chose one elsewhere."""
    if country is None or m.place.country == country:
        return m
    other = [p for p in getattr(m, "candidates", None) or () if p.country == country]
    if not other:
        return m
    return dataclasses.replace(m, place=max(other, key=lambda p: (place_tier(p), p.population or 0)))


def _incident_place(inc: Incident, words: list[Word], support: Counter) -> tuple[Any, str | None]:
    """The incident's place: its country and province as the headline and lead give them, then the
    most specific place in that province that any of its clauses names."""
    lead = [c for c in inc.clauses if c.lead]
    place, country = best_place(lead, words, support) if lead else (None, None)
    if place is None:
        return best_place(inc.clauses, words, support)
    admin1 = place.place.admin1 if place.place.feature != "country" else None
    for c in inc.clauses:  # homonyms in another country (`رفح` of Gaza in a report on Sinai)
        c.places = [_in_country(m, country) for m in c.places]
    finer, _ = best_place(inc.clauses, words, support, country=country, admin1=admin1, area=admin1)
    if finer is not None and place_tier(finer.place) >= place_tier(place.place):
        place = finer  # as specific or more, and the best of the whole report in that province
    if _stands_for_province(place):
        # `غارات على البيضاء وصنعاء وصعدة`, then `في مديرية السوادية بمحافظة البيضاء`: the bare name was
        # the province; the district the report names in it is the site
        districts = [(_place_score_memo(m, c, words), m) for c in inc.clauses for m in c.places
                     if m.place.country == country and m.place.admin1 == place.place.admin1
                     and place_tier(m.place) == 2 and _mention_tier(m) == 2 and not _relative(m, c, words)]
        if districts:
            return max(districts, key=lambda sm: sm[0])[1], country
    return place, country


def _stands_for_province(m: Any) -> bool:
    """A city named bare (no `مدينة`) that shares its name with its province: the name may mean either."""
    p = m.place
    if p.feature not in ("city", "town") or getattr(m, "qualifier", None):
        return False
    return any(c.feature == "admin1" and c.country == p.country and c.admin1 == p.admin1
               for c in getattr(m, "candidates", None) or ())


def _settle(inc: Incident, words: list[Word], published: dt.date | None, support: Counter,
            keep_place: bool = False) -> None:
    """Choose the incident's date (nearest to the seed trigger) and place."""
    seed = inc.seed
    date = None
    ordered = ([seed] if seed is not None else []) + [c for c in inc.clauses if c is not seed]
    weak = True
    for c in ordered:
        own = c.own_dates()
        if own:
            date = min(own, key=lambda d: _date_rank(d, c, published, words))
            weak = _weak(date, c, published, words)
            break
    inc.weak_date = weak
    inc.date = date
    inc.day = _day(date) or published
    inc.day_end = _day_end(date) or inc.day
    if not keep_place:
        inc.place, inc.country = best_place(inc.clauses, words, support)


def _default_date(inc: Incident, clauses: list[Clause], published: dt.date | None, words: list[Word]) -> None:
    """An incident whose own clauses give no date: the first recent day the article names
    (`أمس الاثنين` in a statement), else the publication date. Both stay weak: a later clause
    saying when it happened wins."""
    if published is None:
        return
    for c in clauses:
        if c.separate or c.broken or c.history:
            continue  # another incident's day
        for d in c.own_dates():
            if c.background_marker and not _date_rank(d, c, published, words)[3]:
                continue  # in a clause recalling an earlier incident, only a date of saying will do
            day = _day(d)
            if day is not None and d.precision == 1 and 0 <= (published - day).days <= DEFAULT_DATE_DAYS:
                inc.date, inc.day, inc.day_end, inc.weak_date = d, day, _day_end(d) or day, True
                return


def _redate(inc: Incident, c: Clause, words: list[Word], published: dt.date | None) -> None:
    """Date a weakly dated incident from a clause that says when it happened."""
    date = min(c.own_dates(), key=lambda d: _date_rank(d, c, published, words))
    if _weak(date, c, published, words) and inc.date is not None:
        return  # another date of saying tells no more
    inc.date = date
    inc.weak_date = _weak(date, c, published, words)
    inc.day = _day(date) or published
    inc.day_end = _day_end(date) or inc.day


NARRATED_DAYS = 7  # a weekday named in a report is at most a week before the day it was told


def _narrates_day(c: Clause, inc: Incident, words: list[Word]) -> bool:
    """A clause that narrates the violence with a generic verb and a day of its own (`ومساء الاثنين، فرت
    التلميذات حين اقتحم مسلحون المدرسة`), a few days before the day the incident was told, says when it
    happened, though its trigger is too vague to open an incident."""
    if c.weight <= 0 or c.separate or not _acting(c, words):
        return False
    span = _span(c, words)
    if span is None or inc.day is None or span[0] != span[1]:
        return False
    return 0 < (inc.day - span[1]).days <= NARRATED_DAYS


def _weak(d: Any, c: Clause, published: dt.date | None, words: list[Word]) -> bool:
    """A date of saying or "today": the incident may have happened earlier."""
    rank = _date_rank(d, c, published, words)
    return bool(rank[0] or rank[3])


def _date_rank(d: Any, c: Clause, published: dt.date | None, words: list[Word]) -> tuple[int, int, int, int]:
    """Order a clause's dates: a named day before "today" (`اليوم (الاثنين)`), a single day before a
    vaguer span, then nearest the strongest trigger, a date of saying (`أعلن الحوثيون، الإثنين`)
    counting as further away."""
    today = d.relative and _day(d) == published and getattr(d, "kind", "") == "relative"
    strongest = max(c.triggers, key=lambda t: t.term.weight, default=None)
    t0 = strongest.start if strongest is not None else c.start
    wi = _word_at(words, d.start, c)
    said = bool(_markers()["statement"].find(words, max(c.wlo, wi - STATEMENT_WINDOW), wi))
    return (int(today), int(d.precision or 3), abs(d.start - t0) + (SAID_PENALTY if said else 0), int(said))


def _span(c: Clause, words: list[Word]) -> tuple[dt.date, dt.date] | None:
    """The days a clause says its incident happened on (None: no date, or only a date of saying)."""
    own = min(c.own_dates(), key=lambda d: _date_rank(d, c, None, words)) if c.own_dates() else None
    if own is None or _weak(own, c, None, words):
        return None
    return (_day(own), _day_end(own) or _day(own))


def _home(c: Clause, incidents: list[Incident], words: list[Word], support: Counter,
          published: dt.date | None) -> Incident | str | None:
    """Where a later clause belongs: an incident, "last" (the one reported just before), "drop"
    (a side remark about somewhere else), or None (it opens a new incident).

    A clause opens an incident only with news of its own: a marker of a separate incident, another
    day, or, for another place, an indefinite trigger (`انفجار`, not the anaphoric `الانفجار`) with
    casualties. A place alone (a press conference in the capital) is a side remark.
    """
    own_place, own_country = (best_place([c], words, support, min_score=OWN_PLACE_MIN) if c.places
                              else (None, None))
    own_span = _span(c, words)
    if own_place is None and own_span is None:
        if c.marked and _news(c) and not c.background_marker:
            return None  # `من جهة أخرى، قتل 20 عنصرا ...`: a round-up's next item, place not repeated
        return "last"
    for inc in incidents:
        if _compatible(c, inc, own_place, own_country, own_span, words):
            return inc
    # (`منذ بدء العملية قبل 3 أيام` dates the start of a period, not an incident)
    recent = (own_span is not None and published is not None and not c.total
              and (published - own_span[1]).days <= RECENT_DAYS)
    if c.background_marker and not recent:
        return "drop"
    if c.separate and _news(c):
        return None  # `بالتوازي مع هجوم آخر ... أسفر عن مقتل 11 جنديا`, `في حين قتل 7 مقاتلين في جبل صبر`
    # another day is news of its own (`وأسفر القصف التركي، الجمعة، عن مقتل 43`); another place only
    # with an indefinite trigger (`انفجار`, not `التفجير` that refers to a known incident)
    other_day = own_span is not None and not any(
        inc.day is not None and own_span[0] <= (inc.day_end or inc.day) and inc.day <= own_span[1]
        for inc in incidents)
    if other_day and c.weight > 0 and _toll(c):
        # `بعد هجوم شنه الخميس مسلحون ... ما أدى إلى مقتل 12`: another day's attack, with its toll
        return None
    if own_place is not None and _breaks_down(c, own_place, incidents[0]):
        # `مقتل 51 من داعش في دير الزور والحسكة والرقة` ... `وأشار إلى مقتل 11 من داعش جراء استهداف مبنى في
        # مدينة الميادين`: a part of the lead's toll at a town of its own, though the word is generic
        return None
    if c.weight < MIN_SEED_WEIGHT:
        return "drop"
    if c.separate or (other_day and c.casualties) or (recent and other_day) \
            or (c.fresh_weight >= MIN_SEED_WEIGHT and c.casualties):
        return None
    if own_place is not None and _acting(c, words) and (
            c.fresh_weight >= NAMED_WEIGHT or (_fighting_weight(c) >= NAMED_WEIGHT and own_span is None)):
        # `وعلى جبهة الساحل الغربي، شنت طائرات التحالف ثلاث غارات على ...`: violence named by its
        # weapon somewhere else is an incident of its own, figures or not; `كما استهدفت الغارات مواقع
        # في منطقة حرف سفيان` (the strikes just told) too, unless it gives a day of its own (a
        # recalled attack: `فجر الانتحاري نفسه في الدمام ليلة الجمعة`)
        return None
    return "drop"


MIN_ROUND_UP_AREAS = 2  # a lead toll over this many provinces is the sum of several incidents


def _breaks_down(c: Clause, place: Any, main: Incident) -> bool:
    """The clause gives a part of the main incident's toll at a town of its own: the lead counts the dead
    (or hurt) over several provinces, the clause fewer of the same kind in a town of one of them. Such a
    lead is a round-up, and its parts are incidents (ACLED: one event per place and day)."""
    if place_tier(place.place) < 3 or not _toll(c):
        return False
    lead = [x for x in main.clauses if x.lead]
    areas = {m.place.admin1 for x in lead for m in x.places
             if m.place.feature != "country" and m.place.admin1}
    if len(areas) < MIN_ROUND_UP_AREAS or place.place.admin1 not in areas:
        return False
    totals: dict[str, int] = {}
    for cl in (cl for x in lead for cl in x.claims if cl.kind in TOLL_KINDS and cl.value):
        totals[cl.kind] = max(totals.get(cl.kind, 0), cl.value)
    return any(0 < (cl.value or 0) < totals.get(cl.kind, 0) for cl in c.claims)


def _fighting_weight(c: Clause) -> int:
    """Weight of the clause's strongest word of fighting or bombing (`الغارات`, `المعارك`): not arrests
    (`الموقوفين` names people held for some incident, not an incident)."""
    return max((t.term.weight for t in c.triggers if t.term.sub_event_type is not None
                and sub_event_index()[t.term.sub_event_type][0] in FIGHTING_TYPES), default=0)


FIGHTING_TYPES = frozenset({"Battles", "Explosions/Remote violence"})


def _acting(c: Clause, words: list[Word]) -> bool:
    """The clause narrates violence rather than quoting or recalling it: no verb of saying before its
    strongest trigger, no marker of history."""
    if c.background_marker or c.history or not c.triggers:
        return False
    t = max(c.triggers, key=lambda t: t.term.weight)
    return not _markers()["statement"].find(words, c.wlo, t.word)


def _killing(c: Clause) -> bool:
    """A killing told with its figure and no weapon (`قتلت القوات 11 مسلحا`): the events stage decides
    from who was killed whether it is an incident."""
    return any(t.term.sub_event_type is None for t in c.triggers) and any(
        cl.kind == "killed" and (cl.value or 0) > 0 for cl in c.claims)


TOTAL_SPAN_DAYS = 31  # a date spanning more than a month next to a figure makes it a total over the period
TOTAL_REACH = 60  # characters from the words or period that make a figure a total to the figure after them
TOTAL_AFTER = 25  # characters from a figure to such words after it


def background_claims(clauses: list[Clause], words: list[Word]) -> list[Any]:
    """Claims that are not an incident's own figures: those of history clauses, and those next to
    words of a total or a period of more than a week (`منذ بداية العام`, `خلال الأشهر الماضية`)."""
    marks = _markers()["totals"]
    out = []
    for c in clauses:
        if not c.claims:
            continue
        if c.history:
            out.extend(c.claims)
            continue
        spans = [(h.start, h.end) for h in marks.find(words, c.wlo, c.whi)]
        spans += [(d.start, d.end) for d in c.dates if _day(d) is not None
                  and ((_day_end(d) or _day(d)) - _day(d)).days > TOTAL_SPAN_DAYS]
        for cl in c.claims:
            # the total's words lead the figure (`ترتفع حصيلة القتلى منذ 30 آذار إلى 204`) or follow it
            # closely (`قتل 110 فلسطينيين منذ 30 مارس`), not a sentence later
            if any(a - TOTAL_AFTER <= cl.end and cl.start <= b + TOTAL_REACH for a, b in spans):
                out.append(cl)
    return out


def _toll(c: Clause) -> bool:
    """The clause counts people killed or hurt (a figure, not just a casualty word, nor a total)."""
    return not c.total and any(cl.kind in TOLL_KINDS and (cl.value or 0) > 0 for cl in c.claims)


TOLL_KINDS = frozenset({"killed", "injured", "casualties"})


def _named_kinds(triggers: list[Trigger]) -> set[str]:
    return {t.term.sub_event_type for t in triggers
            if t.term.weight >= NAMED_WEIGHT and t.term.sub_event_type is not None}


def _other_kind(c: Clause, inc: Incident) -> bool:
    """The clause names its violence by a specific word of another kind than all the incident's (an
    ambush after air strikes), so it tells something else."""
    mine, theirs = _named_kinds(c.triggers), _named_kinds(inc.triggers)
    return bool(mine) and bool(theirs) and not mine & theirs


def _news(c: Clause) -> bool:
    """The clause reports harm of its own: a figure, or a casualty word with a trigger of violence."""
    return c.casualties and (c.weight > 0 or bool(c.claims))


UPDATE_DAYS = 3  # a toll update recalls an incident at most this many days before it


def _recalls_update(c: Clause, inc: Incident, span: tuple[dt.date, dt.date] | None) -> bool:
    """The clause recalls, with its day, the incident a follow-up toll report is about: same kind of
    violence, a few days before the report."""
    if span is None or inc.day is None or not any(x.update for x in inc.clauses):
        return False
    if not 0 <= (inc.day - span[1]).days <= UPDATE_DAYS:
        return False
    kinds = {t.term.sub_event_type for x in inc.clauses for t in x.triggers if t.term.weight > 0}
    return any(t.term.sub_event_type in kinds for t in c.triggers if t.term.weight > 0)


def _kinds(triggers: list[Trigger]) -> set[str]:
    """The kinds of violence the triggers name (any weight: `تفجير` in a headline is a bombing too)."""
    return {t.term.sub_event_type for t in triggers
            if t.term.weight > 0 and t.term.sub_event_type is not None}


def _dates_told_incident(c: Clause, inc: Incident, span: tuple[dt.date, dt.date], words: list[Word]) -> bool:
    """A clause cut at a suspicion or contrast phrase (`المشتبه بتورطهم في تفجير وقع الثلاثاء`,
    incident_markers.yaml telling_breaks) that dates the kind of violence an undated incident names, a
    few days before the day it was told, tells when that incident happened: the headline's `تفجير سترة`
    is the Tuesday bombing, not another one. (`بعد يوم من تفجيرات الكنائس` names another incident.)"""
    if not (inc.weak_date and c.broken and not c.marked and not c.background_marker and inc.day):
        return False
    opening = _markers()["telling_breaks"].find(words, c.wlo, min(c.whi, c.wlo + 3))
    if not any(h.first == c.wlo for h in opening):
        return False
    if not 0 < (inc.day - span[1]).days <= UPDATE_DAYS:
        return False
    return bool(_kinds(c.triggers) & _kinds(inc.triggers))


def _compatible(c: Clause, inc: Incident, place: Any, country: str | None,
                span: tuple[dt.date, dt.date] | None, words: list[Word]) -> bool:
    """A clause fits an incident when its own place and date (where it has them) agree with it."""
    if country is not None and inc.country is not None and country != inc.country:
        return False
    if c.marked and _news(c) and not c.background_marker and _other_kind(c, inc):
        return False  # `من جهة أخرى، قتل 5 ... في كمين للمقاومة` after air strikes: another incident
    if place is not None and inc.place is not None:
        a, b = place.place, inc.place.place
        if c.marked and place_tier(a) == 3 and place_tier(b) == 3 and a.id != b.id and km(a, b) > SEPARATE_KM:
            return False  # `وفي سياق متصل، ... في مدينة أريحا`: another town, however near
        if c.marked and a.id != b.id and place_tier(a) >= place_tier(b) \
                and (c.weight >= MIN_SEED_WEIGHT or _toll(c)) \
                and not c.background_marker and km(a, b) > SEPARATE_KM:
            return False  # `من جهة أخرى، أعدم التنظيم أربعة سائقين في مدينة الشرقاط`: the next item
        if c.distinct and a.id != b.id and c.triggers and (place_tier(a) == 3 or place_tier(b) == 3):
            return False  # `وفي حادثة منفصلة ... في مدينة العريش` after North Sinai: another incident
        same_area = a.id == b.id or (place_tier(a) < 3 and a.admin1 in (None, b.admin1))
        same_area = same_area or (place_tier(b) < 3 and b.admin1 in (None, a.admin1))
        if not same_area and km(a, b) > FAR_KM:
            return False
    if span is None or inc.day is None or (c.weight < MIN_SEED_WEIGHT and not (c.weight > 0 and _toll(c))):
        return True
    if inc.weak_date and not c.separate and _recalls_update(c, inc, span):
        return True  # `ارتفعت حصيلة ضحايا التفجير ... وكان انفجار سيارة مفخخة قد استهدف الحافلة مساء أمس`
    if inc.weak_date and not c.separate and not (c.background_marker and c.fresh_weight >= MIN_SEED_WEIGHT):
        # the incident's day was only the publication or a statement date: this clause dates it (unless
        # it recalls an earlier incident: `وكانت الوزارة قد أعلنت مقتل رجل أمن الجمعة في انفجار عبوة`)
        return True
    if _dates_told_incident(c, inc, span, words):
        return True
    # the clause's days overlap the incident's (a week that contains the day is the same incident)
    return span[0] <= (inc.day_end or inc.day) and inc.day <= span[1]
