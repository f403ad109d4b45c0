"""What the linker compares about a per-article event: when, where, what, who, which figures, which words.

Features are computed once per article event (and once per stored incident) so that pair scoring is a
handful of set and arithmetic operations, cheap enough for 100k events.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache

from marsad import lang
from marsad.model import Article, Claim, Event, parse_day
from marsad.text.clitics import match_forms, strip_proclitics
from marsad.text.normalize import fold, key, word_cache

# Words too common in conflict reporting to say anything about which incident a text describes.
_MIN_TOKEN = 3
CONTEXT_CHARS = 0
_TOKEN = re.compile(r"[\w\u0600-\u06ff]+")


@cache
def _function_words() -> frozenset[str]:
    """link_words.yaml: words too common to tell one incident from another."""
    rows = lang.load("link_words").get("function_words") or []
    return frozenset(key(w) for row in rows for w in (row if isinstance(row, list) else [row]))


def tokens(text: str) -> frozenset[str]:
    """Match keys of the content words of a text (short and function words dropped)."""
    skip = _function_words()
    return frozenset(t for t in (key(w) for w in _TOKEN.findall(text or ""))
                     if len(t) >= _MIN_TOKEN and t not in skip)


_ARABIC_WORD = re.compile(r"[\u0621-\u064a\u0671-\u06d3]{3,}")
# A word fewer reports than this use (in the table's corpus of some 30,000 reports), in every reading
# of it, is rare: a village, a street, a person, a unit. Two reports sharing one tell one incident far
# more often than two sharing "Douma" (700 reports of 2018) or "the bombing".
RARE_COUNT = 20
NAME_CHARS = 1500  # the headline and the report's first paragraphs, where an incident's names are
NAME_WINDOW = 200  # around each of its evidence spans, for an event told beside others in its report
# Endings of ordinary words: tanween alif, ta marbuta, nisba, duals and plurals, attached pronouns, verb
# endings. A word rare only in its inflected form (حزاما "a belt", تفجيرين "two bombings", قواعدهم
# "their bases", اشتبكت "she clashed") is no name.
_ENDINGS = ("ا", "ه", "ي", "ت", "ن", "ين", "ان", "ات", "ون", "يه", "يين", "وا", "ها", "هم", "هن", "هما",
            "كم", "نا", "تا")
_VERB_PREFIXES = ("ي", "ت", "ن", "سي", "ست", "سن")  # the present tense (يطاردون "they chase")
_ARTICLE = "ال"


def name_forms(text: str) -> set[str]:
    """The text's Arabic words as the word-count table keys them: folded (hamza, alef maqsura, ta marbuta)."""
    return set(_ARABIC_WORD.findall(fold(text)))


@cache
def _word_counts() -> dict[str, int]:
    """word_counts.tsv: reports using each word form (scripts/mine_word_counts.py)."""
    out: dict[str, int] = {}
    with (lang.LANG_DIR / "ar" / "word_counts.tsv").open(encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            word, _, n = line.rstrip("\n").partition("\t")
            out[word] = int(n)
    return out


def _endings(word: str, depth: int = 2):
    """The word and the stems its endings may hide, two endings deep (يطاردونها -> يطاردون -> يطارد)."""
    yield word
    if depth == 0:
        return
    for end in _ENDINGS:
        if word.endswith(end) and len(word) - len(end) >= 3:
            stem = word[: -len(end)]
            yield from _endings(stem, depth - 1)
            if end == "ات":  # a feminine plural: the singular ends in ة (مواجهات -> مواجهه)
                yield stem + "ه"
            elif stem.endswith("ت"):  # a feminine stem before a dual or pronoun ending: ة written ت
                yield stem[:-1] + "ه"


def _readings(word: str):
    """Every reading of a word: with its proclitics removed or the article added (بحرين, البحرين),
    a present-tense prefix removed, and its endings removed."""
    for form in match_forms(word):
        for base in (form, _ARTICLE + form) if not form.startswith(_ARTICLE) else (form,):
            yield from _endings(base)
        for prefix in _VERB_PREFIXES:
            if form.startswith(prefix) and len(form) - len(prefix) >= 3:
                yield from _endings(form[len(prefix):])


@word_cache
def is_rare(word: str) -> bool:
    """Do fewer than RARE_COUNT reports of the table's corpus use the word, in each of its readings?"""
    counts = _word_counts()
    return all(counts.get(r, 0) < RARE_COUNT for r in _readings(word))


def rare_names(text: str) -> frozenset[str]:
    """The rare words of a text (names of villages, streets, people, units), keyed without proclitics
    (بسترة and سترة are one name)."""
    return frozenset(strip_proclitics(w) for w in name_forms(text) if is_rare(w))


@dataclass(slots=True)
class EventFeatures:
    """The comparable facts of one article event (`member`) or one stored incident."""

    member: tuple[str, int]  # (doc_id, event index in the article); ("", -1) for stored incidents
    day: dt.date | None
    day_end: dt.date | None
    published: str
    country: str | None
    admin1: str | None
    admin2: str | None
    place: str | None  # place_id, else the location name key
    lat: float | None
    lon: float | None
    precision: int  # ACLED geo_precision: 1 town or finer, 2 district/near, 3 province or vaguer
    scope: str | None  # settlement, spot (inside a settlement) or area; None when unknown
    event_type: str | None
    actors: frozenset[str]
    figures: frozenset[tuple[str, int]]
    words: frozenset[str]
    background: bool = False
    docs: frozenset[str] = field(default_factory=frozenset)
    followup: bool = False  # the report says the toll rose / the wounded died since: a later report
    undated: bool = False  # the text gives no date: the event is dated by the report's publication day
    facility: bool = False  # geocoded to a building or compound (a prison, a base): a standoff there runs on
    continued: int = 0  # days the report says the incident had gone on before its own day ("for the 4th day")
    names: frozenset[str] = frozenset()  # rare words of the report around the event (rare_names)
    retold: bool = False  # joined its incident as a later retelling: its own date does not stretch it
    said: bool = False  # dated only by when it was said (Event.date_said): not the incident's own day

    def sort_key(self) -> tuple:
        """Deterministic processing order, independent of input order."""
        return (self.day or dt.date.max, self.published, self.member)


def claims_by_member(article_events: list[Event], claims: list[Claim]) -> dict[tuple[str, int], list[Claim]]:
    """Claims grouped by (doc_id, event index); claims without an index go to an article's only event."""
    events_per_doc: dict[str, int] = {}
    for ev in article_events:
        doc = ev.doc_ids[0] if ev.doc_ids else ""
        events_per_doc[doc] = events_per_doc.get(doc, 0) + 1
    out: dict[tuple[str, int], list[Claim]] = {}
    for c in claims:
        idx = c.event_index
        if idx is None:
            if events_per_doc.get(c.doc_id) != 1:
                continue
            idx = 0
        out.setdefault((c.doc_id, idx), []).append(c)
    return out


def _figures(claims: list[Claim]) -> frozenset[tuple[str, int]]:
    """(kind, value) of the claims' precise figures; 1 and 2 are too common to identify an incident."""
    return frozenset((c.kind, c.value) for c in claims
                     if c.value is not None and c.value > 2 and c.stance != "denied")


def _place_key(ev: Event) -> str | None:
    if ev.place_id:
        return ev.place_id
    return key(ev.location) if ev.location else None


# Gazetteer feature classes: settlements contain spots (a prison, a district, a camp); areas are vague.
SETTLEMENTS = frozenset({"city", "town", "village"})
SPOTS = frozenset({"neighborhood", "facility", "prison", "camp", "base"})
# A building or compound: an attack on it, a siege or a riot inside may run for days and stays one
# incident (the reports come back to the same prison); a district or a camp sees many incidents.
FACILITIES = frozenset({"facility", "prison", "base"})
AREAS = {"admin2": 2, "admin3": 2, "admin1": 3, "region": 3, "country": 3}


@cache
def _features_by_id() -> dict[str, str]:
    """place_id -> gazetteer feature class (empty when the gazetteer is unavailable)."""
    try:
        from marsad.extract.gazetteer import gazetteer
    except ImportError:  # pragma: no cover - the geocoder ships with the package
        return {}
    return gazetteer().features


def place_scope(ev: Event) -> str | None:
    """"settlement", "spot" or "area" for a geocoded event, from its gazetteer entry."""
    feature = _features_by_id().get(ev.place_id) if ev.place_id else None
    if feature in SETTLEMENTS:
        return "settlement"
    if feature in SPOTS:
        return "spot"
    return "area" if feature in AREAS else None


@cache
def _names_province(place_text: str, country: str | None, admin1: str | None) -> bool:
    """Is the place's name in the text also the name of its province ("إدلب": Idlib city and Idleb)?"""
    try:
        from marsad.extract.gazetteer import gazetteer
    except ImportError:  # pragma: no cover - the geocoder ships with the package
        return False
    return any(p.feature == "admin1" and p.country == country and p.admin1 == admin1
               for p in gazetteer().lookup(key(place_text)))


def _precision(ev: Event) -> int:
    """ACLED-style precision; a place named like its province ("Homs" in Homs) is read as the province."""
    if not ev.location:
        return 3
    if ev.admin1 and key(ev.location) == key(ev.admin1):
        return 3
    if ev.place_text and ev.admin1 and _names_province(ev.place_text, ev.country, ev.admin1):
        return 3
    feature = _features_by_id().get(ev.place_id) if ev.place_id else None
    if feature in AREAS:
        return max(AREAS[feature], ev.geo_precision or 1)
    return ev.geo_precision or 2


LEAD_CHARS = 500  # the headline and lead paragraph, where a follow-up report says what it follows up


@cache
def _followup_pattern() -> re.Pattern[str]:
    """tolls.yaml `update` and `followup` words (a raised or new toll, the wounded who died since)."""
    data = lang.load("tolls")
    words = {key(w) for label in ("update", "followup") for w in data.get(label) or []}
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))


def is_followup(ev: Event, claims: list[Claim], article: Article | None) -> bool:
    """Does the report present itself as a follow-up (a raised toll) in its lead or the event's words?"""
    parts = [s.text for s in ev.evidence] + [c.evidence for c in claims]
    if article is not None:
        parts += [article.title or "", (article.text or "")[:LEAD_CHARS]]
    return _followup_pattern().search(fold(" ".join(parts))) is not None


MAX_CONTINUED_DAYS = 30  # a "for the Nth day" beyond this is a campaign's count, not one incident's


@cache
def _continued_pattern() -> tuple[re.Pattern[str], dict[str, int]]:
    """link_words.yaml `continued_lead` + an ordinal (or "الـ12"): the incident's Nth day."""
    data = lang.load("link_words")
    ordinals = {key(w): int(n) for w, n in (data.get("continued_ordinals") or {}).items()}
    leads = "|".join(re.escape(key(w)) for w in data.get("continued_lead") or [])
    words = "|".join(re.escape(w) for w in sorted(ordinals, key=len, reverse=True))
    number = r"ال[ـ]*\s*(?P<num>\d{1,2})(?!\d)"  # "لليوم الـ12"
    return re.compile(rf"(?<!\w)(?:{leads})\s+(?:(?P<word>{words})(?!\w)|{number})"), ordinals


def continued_days(text: str) -> int:
    """How many days before the report's day the incident it tells began, by its own words
    ("لليوم الرابع على التوالي" -> 3); 0 when it does not say the incident continued."""
    pattern, ordinals = _continued_pattern()
    best = 0
    for m in pattern.finditer(fold(text)):
        n = ordinals.get(m.group("word") or "", 0) or int(m.group("num") or 0)
        if 2 <= n <= MAX_CONTINUED_DAYS:
            best = max(best, n - 1)
    return best


def _name_text(ev: Event, article: Article | None, alone: bool) -> str:
    """Where the event's names are: the headline and lead of a report telling one event; around its
    own evidence for an event told beside others (so one report's Kandahar is not its Kabul event's)."""
    if article is None or not article.text:
        return " ".join(s.text for s in ev.evidence)
    if alone:
        return (article.title or "") + " " + article.text[:NAME_CHARS]
    return " ".join(article.text[max(0, s.start - NAME_WINDOW): s.end + NAME_WINDOW] for s in ev.evidence)


def features_of(ev: Event, member: tuple[str, int], claims: list[Claim],
                article: Article | None, alone: bool = True) -> EventFeatures:
    """Features of one article event, with its claims' figures and the words of its evidence.
    `alone`: the event is the only one its report tells."""
    text = " ".join(s.text for s in ev.evidence)
    if article is not None and article.text:
        # the words around the event's trigger, date and place: names of places, people and units
        text += " " + " ".join(article.text[max(0, s.start - CONTEXT_CHARS): s.end + CONTEXT_CHARS]
                               for s in ev.evidence[:6])
    text += " " + " ".join(c.evidence for c in claims[:8])
    if article is not None and article.title:
        text += " " + article.title
    day = parse_day(ev.date)
    day_end = parse_day(ev.date_end) or day
    lead = " ".join(s.text for s in ev.evidence)
    if article is not None:
        lead += " " + (article.title or "") + " " + (article.text or "")[:LEAD_CHARS]
    continued = continued_days(lead) if day is not None and day == day_end else 0
    return EventFeatures(
        member=member,
        day=day - dt.timedelta(days=continued) if continued else day,
        day_end=day_end,
        published=(article.published if article and article.published else ev.published) or "",
        **_where_and_what(ev),
        actors=frozenset(ev.actors or [a for a in (ev.actor1, ev.actor2) if a]),
        figures=_figures(claims),
        words=tokens(text),
        background=ev.background,
        docs=frozenset(ev.doc_ids),
        followup=is_followup(ev, claims, article),
        undated=not ev.date_text and day is not None and article is not None
        and parse_day(article.published) == day,
        continued=continued,
        names=rare_names(_name_text(ev, article, alone)),
        said=ev.date_said,
    )


def _where_and_what(ev: Event) -> dict:
    """The place and type features a report and a stored incident share."""
    return {"country": (ev.country or "").upper() or None,
            "admin1": key(ev.admin1) if ev.admin1 else None,
            "admin2": key(ev.admin2) if ev.admin2 else None,
            "place": _place_key(ev), "lat": ev.latitude, "lon": ev.longitude,
            "precision": _precision(ev), "scope": place_scope(ev), "event_type": ev.event_type,
            "facility": bool(ev.place_id) and _features_by_id().get(ev.place_id) in FACILITIES}


def incident_features(ev: Event) -> EventFeatures:
    """Features of a stored incident (its own merged fields and reconciled figures)."""
    figures = frozenset((e.kind, e.best) for e in ev.estimates if e.best is not None and e.best > 2)
    day = parse_day(ev.date)
    return EventFeatures(
        member=("", -1),
        day=day,
        day_end=parse_day(ev.date_end) or day,
        published=ev.published or "",
        **_where_and_what(ev),
        actors=frozenset(ev.actors),
        figures=figures,
        words=tokens(" ".join(s.text for s in ev.evidence)),
        background=ev.background,
        docs=frozenset(ev.doc_ids),
    )
