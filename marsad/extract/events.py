"""Per-article incidents: the `marsad_events` stage fills `doc._.events` and each claim's `event_index`.

One Event per incident the article reports (marsad.extract.incidents cuts the article into
incidents), typed in ACLED's taxonomy from trigger words and the claims around them
(marsad.extract.event_types), dated from the incident's own date words (else the publication
date), placed at the incident's site (not every place the article names), with actors normalised
through the shared actor table in ACLED's actor1/actor2/inter/interaction style.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from marsad import lang
from marsad.extract.actors import Actor, actor_table, country_forces, with_country
from marsad.extract.event_types import (
    INTERVENTION,
    Trigger,
    Typing,
    acled,
    aircraft_index,
    anaphora_index,
    armed_target_index,
    claim_cue_index,
    classify,
    doc_words,
    find_triggers,
    interaction,
    nationality_index,
    perpetrator_cue_index,
    protest_response,
    sub_event_index,
    word_index,
)
from marsad.extract.gazetteer import SEAT_KM
from marsad.extract.incidents import (
    Clause,
    Incident,
    background_claims,
    key_in,
    km,
    segment,
    site_words,
    source_index,
    statement_index,
    support_index,
)
from marsad.extract.relevance import doc_record, judge
from marsad.extract.who import resolve_groups
from marsad.model import Event, Span, parse_day
from marsad.text.clitics import letter_proclitics
from marsad.text.document import doc_text

try:  # date and place resolvers (their own stages of work); events degrade gracefully without them
    from marsad.extract.dates import find_dates
except ImportError:  # pragma: no cover
    find_dates = None  # type: ignore[assignment]
try:
    from marsad.extract.places import find_places
except ImportError:  # pragma: no cover
    find_places = None  # type: ignore[assignment]

# Position factors: the headline and the lead say what the article is about.
HEADLINE_FACTOR = 2.0
HEADLINE_FIRST_FACTOR = 3.5
LEAD_FACTOR = 1.5
MIN_EVENT_SCORE = 6.0  # weaker typing evidence than this is a passing mention, not a reported incident
MIN_OTHER_SCORE = 2.0  # a further incident was already required to have its own place or day
TARGET_DEATHS_BONUS = 1.0  # people killed in an attack on a named armed target make it an incident
SPECIFIC_WEIGHT = 3  # a generic word (`هجوم`) names an incident only if someone was hurt
# Strategic developments that are news of politics, not of an incident, unless someone was hurt.
HARMLESS_TYPES = {"Agreement", "Change to group/activity", "Other",
                  "Headquarters or base established", "Non-violent transfer of territory"}
MAX_ACTORS = 3
STRIKER_REACH = 4  # `غارة شنتها مسيّرة إسرائيلية`: the nationality within three words after the strike word
SPEAKER_FACTOR = 0.3
# `قالت مصادر في الشرطة`, `بحسب ما أفاد المرصد`: the speaker within three words after the verb or cue
SPEAKER_REACH = 3
BLAME_BONUS = 2.0
PERPETRATOR_SHARE = 0.5  # an unhurt party weaker than this share of the most named fighter is no attacker
THIRD_ACTOR_SHARE = 0.75  # a third actor must weigh this share of the lesser of the two main ones
VICTIM_KINDS = {"killed", "injured", "casualties", "abducted", "missing"}
# Generic actor names that stand for a country's state forces once the incident's country is known.
GENERIC_STATE = {"Security forces", "Military forces"}
STATE_INTERS = {1, 8}  # ACLED inter codes of state forces at home (1) and abroad (8)
STATE_FORCES = ("Military Forces of ", "Police Forces of ")  # one state's army and police: one side
STRIKE_TYPES = {"Air/drone strike", "Shelling/artillery/missile attack", "Chemical weapon"}
AIR_STRIKE = "Air/drone strike"  # only states and coalitions fly them: a further one is the same force's
# Sub-event types in which state forces named alone are the target, not the attacker.
STATE_TARGET_TYPES = {"Remote explosive/landmine/IED", "Suicide bomb", "Grenade", "Armed clash"}
# `التحالف` alone means the Saudi-led coalition in Yemen but the coalition against ISIS in Syria and Iraq.
REGIONAL_COALITION = "Saudi-led coalition"
ANTI_ISIS_COALITION = "International coalition against ISIS"
ANTI_ISIS_THEATRES = {"SYR", "IRQ"}
VIOLENT_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
STATE_SOURCES = {"Security source", "Military source"}  # a state's security or military sources
MILITANTS = "Militants"  # the generic name of fighters a report calls terrorists, extremists, jihadists
CROWD_OF = {"Protests": "Protesters", "Riots": "Rioters"}  # the civilians of a protest or riot event


@Language.component("marsad_events")
def extract_events(doc: Doc) -> Doc:
    """Find the article's incidents and set `doc._.events` and each claim's `event_index`."""
    article = doc._.article
    published = _published(article)
    claims = list(doc._.claims or [])
    for c in claims:
        c.event_index = None
    triggers = find_triggers(doc)
    if not any(t.term.weight > 0 for t in triggers) and not any(c.kind == "killed" for c in claims):
        doc._.events = []
        return doc
    dates = find_dates(doc) if find_dates is not None else []
    # `حكومة صنعاء`, `دمشق تتهم`: the government seated in a city, not the incident's site
    places = find_places(doc) if find_places is not None else []
    actor_mentions = actor_table().find(doc)
    # `سرايا القدس`, `قوات سوريا الديمقراطية`: a place inside an actor's name is no site
    names = [(m.start, m.end) for m in actor_mentions]
    places = [p for p in places if not getattr(p, "metonym", False)
              and (not any(a <= p.start and p.end <= b for a, b in names) or _named_as_place(doc, p))]
    actor_countries = [m.actor.country for m in actor_mentions if m.actor.country]
    doc.user_data["marsad_province"] = _report_province(places)
    incidents, clauses = segment(doc, triggers, dates, places, claims, published, actor_countries)
    for claim in background_claims(clauses, doc_words(doc)):
        claim.background = True  # never an incident's figure, estimate or fatalities
    events: list[Event] = []
    doc_id = getattr(article, "id", None)
    judged, dropped = [], []
    headline = {m.actor.name for m in actor_mentions
                if any(c.sentence == 0 and c.start <= m.start < c.end for c in clauses)
                and not _origin_of_people(doc, m, actor_mentions)}
    claimed = _claimed(doc, incidents, clauses, actor_mentions)
    for n, inc in enumerate(incidents):
        strike = events[0] if events and events[0].sub_event_type in STRIKE_TYPES else None
        like = strike if strike is not None and _untyped_other(inc) else None
        ev = _build(doc, inc, actor_mentions, published, main=n == 0, headline=headline,
                    claimed=claimed.get(n, []), like=like)
        if ev is None:
            if n == 0:
                break
            continue
        if events and _generic(inc) and events[0].sub_event_type in STRIKE_TYPES:
            # `بينما قتل 29 منهم في استهداف لمعسكر` in a report of air strikes: the same weapon
            ev.event_type, ev.sub_event_type = events[0].event_type, events[0].sub_event_type
            ev.disorder_type, ev.civilian_targeting = events[0].disorder_type, events[0].civilian_targeting
        if events:
            _same_striker(ev, events[0])
        # narrates a current incident, or talks about one (marsad.extract.relevance)
        rel = judge(doc, inc, ev, judged[0] if judged else None)
        judged.append(rel)
        ev.relevance = [rel.to_dict(doc_id)]
        if not rel.keep:
            dropped.append((ev, rel))
            continue
        if doc_id is not None:
            ev.doc_ids = [doc_id]
        idx = len(events)
        events.append(ev)
        for c in inc.clauses:
            for claim in c.claims:
                if claim.event_index is None and not claim.background:
                    claim.event_index = idx
    doc._.events = events
    # who and source made specific by the incident, else by the headline (marsad.extract.who)
    resolve_groups(claims, events, sorted(headline))
    doc._.relevance = doc_record(doc, judged, len(events), dropped) if judged else None
    return doc


def _generic(inc: Incident) -> bool:
    """The incident names its violence only by generic words (`استهداف`, `هجوم`), no weapon."""
    typed = [t.term.weight for t in inc.triggers if t.term.sub_event_type is not None and t.term.weight > 0]
    return bool(typed) and max(typed) < SPECIFIC_WEIGHT


def _untyped_other(inc: Incident) -> bool:
    """The incident was opened as another one of the same (`ضربة أخرى في الرمادي أسفرت عن مقتل عنصرين`,
    incident_markers.yaml distinct_incident) and names no kind of violence itself: in a report of strikes,
    another strike (typed like the report's first event)."""
    return any(c.distinct for c in inc.clauses) and not any(
        t.term.sub_event_type is not None and t.term.weight > 0 for t in inc.triggers)


def _named_as_place(doc: Doc, p: Any) -> bool:
    """`في مدينتي الرياض والدمام`: a capital that also stands for its government (`الرياض تتهم`) is a
    place after a site word, also one carrying a proclitic (`وفي الرياض`), or after a designator
    (`بمدينة الرياض`, `شرق بغداد`: the mention's qualifier)."""
    if getattr(p, "qualifier", None):
        return True
    words = doc_words(doc)
    i = word_index(words, p.start)
    if i <= 0:
        return False
    prev = words[i - 1].key
    clitic = len(prev) > 2 and prev[0] in letter_proclitics()
    return key_in(prev, site_words()) or (clitic and key_in(prev[1:], site_words()))


def _on_day(c: Clause, inc: Incident) -> bool:
    """The clause dates itself to the incident's day by a news-day word (`مساء اليوم`, `أمس`), as
    reports of ongoing fighting do (a weekday may be a plan: `خلال صلاة يوم الجمعة`)."""
    if inc.day is None:
        return False
    for d in c.own_dates():
        if getattr(d, "kind", "relative") != "relative":
            continue
        first = d.date if isinstance(d.date, dt.date) else None
        if first is not None and abs((first - inc.day).days) <= 1:
            return True
    return False


def _dated_away(c: Clause, inc: Incident) -> bool:
    """A running toll (`منذ بدء الاحتجاجات قتل 49`: incident_markers.yaml `totals`) or a clause whose dates
    all lie off the incident's day."""
    if c.history or c.total:
        return True
    days = [d.date for d in c.dates if isinstance(getattr(d, "date", None), dt.date)]
    return inc.day is not None and bool(days) and all(abs((d - inc.day).days) > 1 for d in days)


def _met_by_force(inc: Incident) -> tuple[bool, bool]:
    """(shot, intervened) for a protest, from its own clauses on its day: a clause with people other than
    the forces killed or hurt and a gunfire word (`أصيب 3 شبان بالرصاص الحي`); a crowd-control word."""
    shot = intervened = False
    for c in inc.clauses:
        if _dated_away(c, inc):
            continue
        intervened |= any(t.term.sub_event_type == INTERVENTION and t.term.weight > 0 for t in c.triggers)
        if any(t.term.gunfire for t in c.triggers):
            shot |= any(cl.kind in ("killed", "injured") and (cl.value or 0) > 0
                        and ((a := _actor_of(cl)) is None or a.role != "armed") for cl in c.claims)
    return shot, intervened


def _published(article: Any) -> dt.date | None:
    return parse_day(getattr(article, "published", None))


def _factor(c: Clause) -> float:
    return HEADLINE_FACTOR if c.sentence == 0 else LEAD_FACTOR if c.lead else 1.0


def _weighted_triggers(inc: Incident, clauses: list[Clause] | None = None) -> list[tuple[Trigger, float]]:
    """Each trigger with its position factor; the headline's first typed trigger names the event
    (`القبض على 431 إرهابيًا صنعوا أحزمة ناسفة`: arrests, not a suicide bombing)."""
    out = []
    first = True
    for c in clauses if clauses is not None else inc.clauses:
        for t in c.triggers:
            f = _factor(c)
            if first and c.sentence == 0 and t.term.weight > 0:
                f, first = HEADLINE_FIRST_FACTOR, False
            out.append((t, f))
    return out


def _actor_of(claim: Any) -> Actor | None:
    name = getattr(claim, "who", None)
    if not name:
        return None
    table = actor_table()
    return table.get(name) or table.lookup(name)


def _same_striker(ev: Event, main: Event) -> None:
    """A further air strike of a report of air strikes that names no force able to fly one (`كما
    استهدفت الغارات مواقع للحوثيين في حرف سفيان`) was carried out by the main strike's force (a state's
    or a coalition's), which becomes its actor1. Shelling is not: rockets on Sderot in a report of
    Israeli raids on Gaza are the other side's."""
    table = actor_table()
    striker = table.get(main.actor1 or "")
    if (ev.sub_event_type != AIR_STRIKE or main.sub_event_type != AIR_STRIKE or striker is None
            or striker.inter not in STATE_INTERS or striker.name in ev.actors):
        return
    if any((a := table.get(n)) is not None and a.inter in STATE_INTERS for n in ev.actors):
        return
    unknown = acled()["unidentified_actor"]
    rest = [n for n in ev.actors if n != unknown]  # the attacker is known now
    ev.actors = [striker.name, *rest][:MAX_ACTORS]
    ev.actor1, ev.actor2 = striker.name, rest[0] if rest else None
    ev.assoc_actor_1 = rest[1] if len(rest) > 1 else None
    ev.assoc_actor_2 = None
    ev.inter1 = striker.inter
    ev.inter2 = a.inter if ev.actor2 and (a := table.get(ev.actor2)) is not None else ev.inter2
    ev.interaction = interaction(ev.inter1, ev.inter2)


def _claimed(doc: Doc, incidents: list[Incident], clauses: list[Clause],
             mentions: list[Any]) -> dict[int, list[tuple[Any, Clause]]]:
    """Incident number -> the groups a sentence outside every incident holds responsible for it
    (`وتبنى تنظيم داعش الهجوم`, `زعم التنظيم مسؤوليته عن هجومي كابول`): the incident whose place that
    sentence names, else the article's main incident."""
    if not incidents:
        return {}
    words = doc_words(doc)
    cues = claim_cue_index()
    generic = set(acled()["generic_actors"])
    inside = {c.index for inc in incidents for c in inc.clauses}
    out: dict[int, list[tuple[Any, Clause]]] = {}
    for c in clauses:
        if c.index in inside or c.history or c.background_marker:
            continue
        if not any(h.payload or c.triggers for h in cues.find(words, c.wlo, c.whi)):
            continue
        groups = [m for m in mentions if c.start <= m.start < c.end and m.actor.role == "armed"
                  and m.actor.inter in (2, 3) and m.actor.name not in generic]
        if not groups:
            continue
        named = {m.place.id for m in c.places}
        n = next((k for k, inc in enumerate(incidents)
                  if inc.place is not None and inc.place.place.id in named), 0)
        out.setdefault(n, []).extend((m, c) for m in groups)
    return out


def _build(doc: Doc, inc: Incident, actor_mentions: list[Any], published: dt.date | None,
           main: bool, headline: set[str] | None = None,
           claimed: list[tuple[Any, Clause]] | None = None, like: Event | None = None) -> Event | None:
    """The Event of one incident, or None when its evidence is too weak to be a reported incident.
    `like`: the report's strike that this incident is another one of (`ضربة أخرى`), typed as it is."""
    words = doc_words(doc)
    weighted = _weighted_triggers(inc)
    claims = [cl for c in inc.clauses for cl in c.claims]
    victims = [a for a in (_actor_of(cl) for cl in claims if cl.kind in VICTIM_KINDS) if a is not None]
    civilian_victims = any(a.role == "civilians" for a in victims)
    armed_victims = any(a.role == "armed" for a in victims)
    targets = armed_target_index()
    # `هجوم لقوات الدعم السريع على قرية`: forces named with the genitive ل are the attackers, not the target
    # and with civilians among the victims, `المسلحين` or `عناصر` name the attackers too
    armed_target = any(not words[h.first].key.startswith("ل") and (h.payload or not civilian_victims)
                       for c in inc.clauses if c.triggers for h in targets.find(words, c.wlo, c.whi))
    deaths = any(cl.kind == "killed" and (cl.value or 0) > 0 for cl in claims)
    civilians_named = any(m.actor.role == "civilians" and any(c.start <= m.start < c.end for c in inc.clauses)
                          for m in actor_mentions)
    # people of the defending side or bystanders killed (not the bomber the forces shot)
    defender_deaths = any(cl.kind == "killed" and (cl.value or 0) > 0 and a is not None
                          and (a.role == "civilians" or a.inter == 1)
                          for cl, a in ((cl, _actor_of(cl)) for cl in claims))
    typing = classify(weighted, armed_target, civilian_victims, armed_victims, deaths, civilians_named,
                      defender_deaths)
    # the headline and lead say what happened; the body's words only when they name nothing
    lead = [c for c in inc.clauses if c.lead and any(t.term.weight > 0 for t in c.triggers)]
    if lead and len(lead) < len(inc.clauses):
        lead_deaths = any(cl.kind == "killed" and (cl.value or 0) > 0 for c in lead for cl in c.claims)
        by_lead = classify(_weighted_triggers(inc, lead), armed_target, civilian_victims, armed_victims,
                           lead_deaths, civilians_named, defender_deaths)
        if by_lead.event_type is not None:
            by_lead.score = max(by_lead.score, typing.score)
            if by_lead.event_type not in VIOLENT_TYPES:
                # fighting the body reports on the incident's own day outweighs the arrests of the lead
                same_day = [c for c in inc.clauses if not c.lead and _on_day(c, inc)]
                fight = classify(_weighted_triggers(inc, same_day), armed_target, civilian_victims,
                                 armed_victims, deaths) if same_day else None
                if fight is not None and fight.event_type in VIOLENT_TYPES and fight.score >= MIN_EVENT_SCORE:
                    by_lead = fight
                    by_lead.score = max(by_lead.score, typing.score)
            typing = by_lead
    if typing.event_type is None and deaths and armed_victims and not civilian_victims:
        # `قتلت قوات الأمن 11 مسلحا`: fighters killed with no weapon named are a battle all the same
        etype, disorder = sub_event_index()["Armed clash"]
        typing = Typing(etype, "Armed clash", disorder, False, float(SPECIFIC_WEIGHT))
    typing = protest_response(typing, *_met_by_force(inc))
    if like is not None:  # `ضربة أخرى في أريحا أدت إلى مقتل 3`: another strike, whoever it killed
        typing = Typing(like.event_type, like.sub_event_type, like.disorder_type, like.civilian_targeting,
                        max(typing.score, float(SPECIFIC_WEIGHT)))
    # harm reported (casualty words, figures) makes an incident of a weakly worded attack
    harm = min(4.0, sum(_factor(c) for c in inc.clauses for t in c.triggers if t.term.sub_event_type is None))
    harm += min(3.0, float(len(claims)))
    if armed_target and deaths and any(c.lead for c in inc.clauses):
        harm += TARGET_DEATHS_BONUS  # `قتل ثلاثة جنود في هجوم على نقطة تفتيش`: an attack, however worded
    if typing.event_type is None or typing.score + harm < (MIN_EVENT_SCORE if main else MIN_OTHER_SCORE):
        return None
    if harm == 0 and (max(t.term.weight for t, _ in weighted) < SPECIFIC_WEIGHT
                      or typing.sub_event_type in HARMLESS_TYPES):
        # `شن هجوما حادا على المعارضة`, a ceasefire agreement: words of conflict but nobody hurt
        return None
    ev = Event(event_type=typing.event_type, sub_event_type=typing.sub_event_type,
               disorder_type=typing.disorder_type, civilian_targeting=typing.civilian_targeting)
    _set_date(ev, inc, published)
    clause_actors = _incident_actors(inc, actor_mentions)
    strikers = _strikers(words, inc)
    claimers = [m.actor for m, _c in claimed or []]
    if not strikers and ev.sub_event_type == "Air/drone strike":
        air_forces = _air_forces(words, actor_mentions)
        if len(air_forces) == 1:
            strikers = air_forces
    _set_place(ev, inc, clause_actors, {a.country for a in strikers}, doc.user_data.get("marsad_country"),
               doc.user_data.get("marsad_province"))
    # `43 مدنيا من الطوارق`: the community the victims come from is no party
    origins = {m.start for m in actor_mentions if _origin_of_people(doc, m, actor_mentions)}
    # `الشباب` is al-Shabaab only in a Somali report; elsewhere 'the youth' (actors.yaml local_aliases)
    origins |= {m.start for m in actor_mentions if m.actor.local and m.actor.country != ev.country}
    main_group = _main_group(doc, words, inc, [m for m in actor_mentions if m.start not in origins])
    cited = _cited(words, clause_actors)
    # a party named in this incident only as a cited source is no side of it
    cited_only = {m.actor.name for m, _c in clause_actors} - {m.actor.name for m, _c in clause_actors
                                                              if m.start not in cited}
    # `قائد عسكري حوثي`, `مجندا بالشرطة`: the soldier belongs to the force or group named with him
    owned = _owned_ranks(doc, actor_mentions) | _adjectival_ranks(doc, actor_mentions)
    sides = [(m, c) for m, c in clause_actors if m.actor.name not in cited_only and m.start not in origins
             and m.start not in owned]
    if main_group is None:
        main_group = _headline_group(sides, headline, victims)
    _set_actors(ev, inc, sides, victims, strikers, main_group, _speakers(words, sides), words, headline,
                claimers, _among_more(claims, ev.country), [m.actor for m in actor_mentions])
    ev.evidence = _evidence(doc, inc)
    return ev


COMMUNAL_INTER = 4  # ACLED's identity (ethnic, tribal, communal) militias


def _origin_of_people(doc: Doc, m: Any, mentions: list[Any]) -> bool:
    """Whether a communal militia's name only says where people come from (`43 مدنيا من الطوارق`,
    `16 من قبيلة الطوارق`): after a civilian noun or a figure, a hedge, من and a kin word (who.yaml)."""
    if m.actor.inter != COMMUNAL_INTER:
        return False
    text = doc_text(doc)
    lo = max(0, m.start - 60)
    found = _origin_gap().search(text, lo, m.start)
    if found is None:
        return False
    if any(ch.isdigit() for ch in found.group(1)):
        return True  # `16 من الطوارق`
    end = found.start(1) + len(found.group(1))
    return any(p.end == end and p.actor.role == "civilians" for p in mentions)


@cache
def _origin_gap() -> re.Pattern[str]:
    """The words between people and the community they come from, ending where the name starts."""
    w = lang.load("who")
    alt = "|".join
    return re.compile(rf"(\S+)\s+(?:(?:{alt(w['origin_hedges'])})\s+)?(?:{alt(w['origin_links'])})\s+"
                      rf"(?:(?:{alt(w['origin_kin'])})\s+)?$")


def _headline_group(sides: list[tuple[Any, Clause]], headline: set[str] | None,
                    victims: list[Actor]) -> Actor | None:
    """The one non-state armed group the headline names (`قتلى بهجومين متزامنين لطالبان`), for an
    incident whose attackers the body calls only militants or insurgents (`مجموعة أخرى من المتمردين
    هاجمت مركزا للشرطة`) and that did not lose people of its own here."""
    generic = set(acled()["generic_actors"])
    if not any(m.actor.name in generic and m.actor.role == "armed" for m, _c in sides):
        return None
    table = actor_table()
    groups = [a for a in (table.get(n) for n in headline or ()) if a is not None and a.role == "armed"
              and a.inter in (2, 3, 4) and a.name not in generic]
    if len(groups) != 1 or groups[0] in victims:
        return None
    return groups[0]


@cache
def _rank_links() -> frozenset[str]:
    """who.yaml rank_links: the words between a soldier noun and the force it serves."""
    return frozenset(lang.load("who")["rank_links"])


@cache
def _military_adjective() -> tuple[frozenset[str], frozenset[str]]:
    """who.yaml: the forms of a singular `عسكري` and the nouns it qualifies as an adjective."""
    data = lang.load("who")
    return frozenset(data["military_adjective_forms"]), frozenset(data["military_adjective_heads"])


def _owned_ranks(doc: Doc, mentions: list[Any]) -> set[int]:
    """Starts of generic soldier or police nouns followed at once by the force or group they serve
    (`قائد عسكري حوثي`, `عسكري موال لجماعة أنصار الله`, `مجندا بالشرطة`; who.yaml rank_links): that
    force or group is the side, not a state's forces named by the noun."""
    links = _rank_links()
    generic = GENERIC_STATE | set(acled()["generic_actors"])  # `القوات الأمنية من المسلحين` is no rank
    text = doc_text(doc)
    out = set()
    for a, b in zip(mentions, mentions[1:], strict=False):
        if a.actor.name not in GENERIC_STATE or b.actor.role != "armed" or b.actor.name in generic:
            continue
        gap = text[a.end:b.start].split()
        if len(gap) <= 2 and all(g in links for g in gap):
            out.add(a.start)
    return out


def _adjectival_ranks(doc: Doc, mentions: list[Any]) -> set[int]:
    """Starts of a singular `عسكري` that is the adjective "military" of the noun before it (`مقذوف
    عسكري`, `مصدر عسكري`, `تصعيد عسكري`; who.yaml military_adjective_heads), not a soldier."""
    forms, heads = _military_adjective()
    text = doc_text(doc)
    out = set()
    for m in mentions:
        if m.actor.name not in GENERIC_STATE or m.text not in forms:
            continue
        before = text[max(0, m.start - 30):m.start].split()
        if before and before[-1].strip("\"«(") in heads:
            out.add(m.start)
    return out


def _among_more(claims: list[Any], country: str | None) -> bool:
    """Whether a named group of civilians hit (journalists, aid workers) is counted among more people
    hit of the same kind (`قتل 25 شخصا بينهم 8 صحفيين`), not alone (`خطف اثنين من موظفي الأمم المتحدة`)."""
    named: dict[str, int] = {}
    people: dict[str, int] = {}
    for cl in claims:
        a = _actor_of(cl)
        if cl.kind not in VICTIM_KINDS or a is None or a.role != "civilians" or not cl.value:
            continue
        into = people if _as_party(a, country).name == "Civilians" else named
        into[cl.kind] = max(into.get(cl.kind, 0), cl.value)
    return any(v < people.get(k, 0) for k, v in named.items())


def _set_date(ev: Event, inc: Incident, published: dt.date | None) -> None:
    d = inc.date
    if d is not None:
        first, last = _iso(d.date), _iso(d.date_end)
        ev.date, ev.date_end = first, last or first
        ev.time_precision = d.precision
        ev.date_text = d.text
        ev.date_said = inc.weak_date
    elif published is not None:
        ev.date = ev.date_end = published.isoformat()
        ev.time_precision = 2
    if ev.date and ev.date_end and ev.date_end < ev.date:
        ev.date_end = ev.date


def _iso(v: Any) -> str | None:
    if v is None:
        return None
    return v.isoformat()[:10] if hasattr(v, "isoformat") else str(v)[:10]


def _incident_actors(inc: Incident, mentions: list[Any]) -> list[tuple[Any, Clause]]:
    spans = [(c.start, c.end, c) for c in inc.clauses]
    out = []
    for m in mentions:
        for s, e, c in spans:
            if s <= m.start < e:
                out.append((m, c))
                break
    return out


def _set_place(ev: Event, inc: Incident, clause_actors: list[tuple[Any, Clause]],
               attacker_countries: set[str | None] | None = None, report_country: str | None = None,
               province: tuple[str, str, Any] | None = None) -> None:
    m = inc.place
    if m is not None:
        p = m.place
        seat = _seat(m)
        ev.country = p.country
        ev.admin1, ev.admin2 = p.admin1, p.admin2
        ev.location = p.name_en or p.name
        ev.latitude, ev.longitude = (seat.lat, seat.lon) if seat is not None else (p.lat, p.lon)
        broad = p.feature in ("country", "admin1")
        ev.geo_precision = getattr(m, "geo_precision", None) or (3 if broad else 1)
        ev.place_text = m.text
        ev.place_id = p.id
        return
    # no place named: the country its nationality words (`جنود مصريين`) or its parties point to,
    # at the country's coordinates
    countries = Counter(iso for c in inc.clauses if c.lead for iso in c.nationalities
                        if iso not in (attacker_countries or set()))  # `غارة تركية`: who struck, not where
    if not countries:
        countries = Counter(m.actor.country for m, _c in clause_actors if m.actor.country)
    if not countries and report_country:  # the country the whole report is about (places.report_country)
        countries = Counter([report_country])
    if not countries:
        return
    iso = countries.most_common(1)[0][0]
    ev.country = iso
    ev.geo_precision = 3
    if province and province[0] == iso and province[1] is None:
        town = province[2]  # the report's only place, a city with no province on file: as far as it says
        ev.location = town.name_en or town.name
        ev.latitude, ev.longitude = town.lat, town.lon
        ev.place_id = town.id
        return
    area = _province_place(*province[:2]) if province and province[0] == iso else None
    if area is not None:
        # every place the report names lies in one province: an incident it gives no place of its own
        # happened there as far as the report says (ACLED: the province's capital, geo_precision 3).
        # The capital is the town named after the province, else the town the report names most.
        seat = _seat(_Named(area)) or province[2]
        ev.admin1 = area.admin1
        ev.location = area.name_en or area.name
        ev.latitude, ev.longitude = (seat.lat, seat.lon) if seat is not None else (area.lat, area.lon)
        ev.place_id = area.id
        return
    country = _country_place(iso)
    if country is not None:
        ev.location = country.name_en or country.name
        ev.latitude, ev.longitude = country.lat, country.lon
        ev.place_id = country.id


def _report_province(places: list[Any]) -> tuple[str, str, Any] | None:
    """(country, province, the town most named in it) when every place below a country that the report
    names lies in that one province (`الأنبار`, `الرمادي` twice and `العراق`: Anbar, Ramadi); None when
    it names several provinces or none. The town is None when the report names no city or town. A
    world-layer city carries no province: (country, None, city) when it is the only place named."""
    # (rows of abandoned or historical places, `other`, say little about where a report is)
    inside = [m for m in places if m.place.feature not in ("country", "other")]
    areas = {(m.place.country, m.place.admin1) for m in inside}
    if len(areas) != 1:
        return None
    ((iso, admin1),) = areas
    only = {m.place for m in inside}
    if iso and not admin1 and len(only) == 1 and inside[0].place.feature in _SEAT_FEATURES:
        return iso, None, inside[0].place  # a world city, the only place named (`كابول` thrice)
    if not (iso and admin1):
        return None
    towns = Counter(m.place for m in inside if m.place.feature in _SEAT_FEATURES)
    return iso, admin1, max(towns, key=lambda p: (towns[p], p.feature == "city")) if towns else None


@dataclass(frozen=True)
class _Named:
    """A place standing as its own mention (what `_seat` reads)."""

    place: Any
    candidates: tuple = ()


def _province_place(iso: str, admin1: str) -> Any:
    try:
        from marsad.extract.gazetteer import gazetteer

        return gazetteer().provinces.get((iso, admin1))
    except (ImportError, OSError):  # pragma: no cover
        return None


_SEAT_FEATURES = ("city", "town")
_REGION_FEATURES = ("admin1", "admin2", "admin3", "region")


def _seat(m: Any) -> Any:
    """The capital of a province or district named alone: ACLED codes such an event (geo_precision
    2 or 3) at the coordinates of the province's or district's capital, which nearly always bears its
    name (`محافظة الحديدة` -> the city of Hodeidah). None when no such town is known."""
    p = m.place
    if p.feature not in _REGION_FEATURES:
        return None
    homonyms = list(getattr(m, "candidates", None) or ())
    try:
        from marsad.extract.gazetteer import gazetteer
        from marsad.text.normalize import key

        homonyms += list(gazetteer().lookup(key(p.name)))
    except (ImportError, OSError):  # pragma: no cover
        pass
    def near(h: Any, reach: float) -> bool:
        return None not in (h.lat, p.lat) and km(h, p) <= reach

    # a world-layer city carries no province name: it is the seat when it lies within the province's reach
    seats = [h for h in homonyms if h.feature in _SEAT_FEATURES and h.country == p.country
             and (h.admin1 == p.admin1 or p.admin1 is None or (h.admin1 is None and near(h, SEAT_KM)))]
    if not seats and p.feature != "admin1":
        # a district's seat that one source files as a village (رفح of North Sinai): a homonym in the
        # district's province, close to it
        seats = [h for h in homonyms if h.feature == "village" and h.country == p.country
                 and h.admin1 == p.admin1 and h.id != p.id and near(h, DISTRICT_SEAT_KM)]
    return max(seats, key=lambda h: (h.feature == "city", h.population or 0)) if seats else None


DISTRICT_SEAT_KM = 30.0  # a district's seat lies within this distance of the district's point


def _country_place(iso: str) -> Any:
    try:
        from marsad.extract.gazetteer import gazetteer

        return gazetteer().countries.get(iso)
    except (ImportError, OSError):  # pragma: no cover  (no gazetteer installed)
        return None


@cache
def _state_forces() -> dict[str, Actor]:
    """ISO3 -> the country's military forces actor, from the actor table (`Military Forces of X`)."""
    out: dict[str, Actor] = {}
    for a in actor_table().actors:
        if a.country and a.name.startswith("Military Forces of") and a.country not in out:
            out[a.country] = a
    return out


def _speakers(words: list[Any], clause_actors: list[tuple[Any, Clause]]) -> set[int]:
    """Starts of actor mentions right after a verb of saying (`قالت الشرطة الإسرائيلية`) or of
    support (`بدعم من التحالف الدولي`): who speaks about an incident, or backs a party, is rarely
    a party to it."""
    out = set()
    comps = _complements()
    for m, c in clause_actors:
        i = word_index(words, m.start)
        lo = max(c.wlo, i - SPEAKER_REACH)
        # `وأضافت المصادر أن قوات الجيش استعادت`: after the complementiser, a party is in what was said
        said = [h for h in statement_index().find(words, lo, i)
                if not any(words[k].key in comps for k in range(h.last, i))]
        if (said or support_index().find(words, lo, i) or source_index().find(words, lo, i)
                or _in_speaker_phrase(words, i, c)):
            out.add(m.start)
    return out


SPEAKER_PHRASE_REACH = 12  # words from a verb of saying to its complementiser (قالت X ... إن)


def _in_speaker_phrase(words: list[Any], i: int, c: Clause) -> bool:
    """Whether word i lies inside the subject of a verb of saying, between the verb and its
    complementiser (`وقالت مجموعة مسلحة منبثقة من متمردي الطوارق ومسؤولون قبليون إن ...`): a party
    named there is part of who speaks, however long the speaker's description."""
    verbs = statement_index().find(words, max(c.wlo, i - SPEAKER_PHRASE_REACH), i)
    if not verbs:
        return False
    comps = _complements()
    if any(words[k].key in comps for k in range(verbs[-1].last, i)):
        return False  # `قال إن الجيش ...`: the party is in what was said
    stop = min(c.whi, verbs[-1].last + SPEAKER_PHRASE_REACH)
    return any(words[k].key in comps for k in range(i + 1, stop))


@cache
def _complements() -> frozenset[str]:
    return frozenset(lang.load("function_words")["claims"]["complements"])


def _cited(words: list[Any], clause_actors: list[tuple[Any, Clause]]) -> set[int]:
    """Starts of actor mentions a report cites as its source (`بحسب الحشد الشعبي`, `نقلا عن الجيش`):
    unlike the subject of `أعلن`, which may announce its own attack, a cited source is never a side."""
    out = set()
    for m, c in clause_actors:
        i = word_index(words, m.start)
        if source_index().find(words, max(c.wlo, i - SPEAKER_REACH), i):
            out.add(m.start)
    return out


def _strikers(words: list[Any], inc: Incident) -> list[Actor]:
    """The forces behind a strike or shelling named by nationality (`غارة تركية`, `القصف التركي`)."""
    forces = _state_forces()
    nat = nationality_index()
    out: list[Actor] = []
    for c in inc.clauses:
        for t in c.triggers:
            if t.term.sub_event_type not in STRIKE_TYPES:
                continue
            for hit in nat.find(words, t.word + 1, min(c.whi, t.word + STRIKER_REACH)):
                actor = forces.get(hit.payload)
                if actor is not None and actor not in out:
                    out.append(actor)
    return out


def _air_forces(words: list[Any], mentions: list[Any] | None = None) -> list[Actor]:
    """The state air forces the article names (`طائرات حربية روسية`, `الطيران الروسي`): aircraft
    words with a nationality right after them, or with a state's or a coalition's forces named with
    them (`طيران التحالف الدولي`, `طائرات التحالف العربي`, `مقاتلات الجيش`)."""
    forces = _state_forces()
    nat = nationality_index()
    starts = {word_index(words, m.start): m.actor for m in mentions or []
              if m.actor.role == "armed" and m.actor.inter in STATE_INTERS}
    out: list[Actor] = []
    for hit in aircraft_index().find(words):
        found = [forces.get(n.payload) for n in nat.find(words, hit.last, min(len(words), hit.last + 1))]
        found += [starts.get(i) for i in range(hit.first, hit.last + 1)]
        for actor in found:
            if actor is not None and actor not in out:
                out.append(actor)
    return out


def _main_group(doc: Doc, words: list[Any], inc: Incident, mentions: list[Any]) -> Actor | None:
    """The article's most named non-state armed group, when this incident refers back to it
    (`هجوم آخر للتنظيم`) without naming a group of its own."""
    if not any(anaphora_index().find(words, c.wlo, c.whi) for c in inc.clauses):
        return None
    generic = set(acled()["generic_actors"])
    groups = Counter(m.actor.name for m in mentions if m.actor.role == "armed"
                     and m.actor.inter not in (1, None) and m.actor.name not in generic)
    if not groups:
        return None
    return actor_table().get(groups.most_common(1)[0][0])


def _as_party(a: Actor, country: str | None) -> Actor:
    """The actor as an ACLED party: children or Christians hit are Civilians; generic soldiers or
    police in a known country are that country's forces."""
    if a.name in set(acled()["civilian_subgroups"]):
        return actor_table().get("Civilians") or a
    if a.name in GENERIC_STATE and (country, a.name) in country_forces():
        return country_forces()[(country, a.name)]
    if country in ANTI_ISIS_THEATRES and a.name == REGIONAL_COALITION:
        return actor_table().get(ANTI_ISIS_COALITION) or a  # `التحالف` in Syria or Iraq
    return a


def _report_opponent(named: list[Actor], country: str | None, side: Actor) -> Actor | None:
    """The armed party the report names most often besides `side` (its branch or parent and generic
    fighters or soldiers aside): the other side of a fight the clause tells of with one side only.
    None when the report names no other armed party, or two as often."""
    generic = set(acled()["generic_actors"]) | GENERIC_STATE
    counts: Counter[str] = Counter()
    for a in named:
        p = _as_party(a, country)
        if (p.role == "armed" and p.name not in generic and p.name != side.name
                and side.name not in (p.branch_of, None) and p.name != side.branch_of):
            counts[p.name] += 1
    if not counts:
        return None
    (top, n), *rest = counts.most_common(2) + [("", 0)]
    return actor_table().get(top) if n > rest[0][1] else None


def _drop_responders(score: dict[str, float], by_name: dict[str, Actor], country: str | None,
                     blamed: set[int], clause_actors: list[tuple[Any, Clause]], speakers: set[int],
                     claims: list[Any]) -> None:
    """In an attack on civilians by an attacker the report does not name (`المهاجم`, `مسلح`, `الجناة`),
    a state's forces named beside him (the police that announced the toll or shot the attacker) answered
    the attack and are no party to it: the attacker and the civilians are its sides (ACLED). Forces that
    a clause blames (perpetrator cues) other than as its speaker, keep them; so do forces that shot a
    lone attacker who hurt nobody else (`أطلقت قواتنا النار على المهاجم`, one man killed): fewer than two
    people hurt is no attack by him on civilians."""
    unknown = acled()["unidentified_actor"]
    if unknown not in score:
        return
    hurt = sum(cl.value or 0 for cl in claims if cl.kind in ("killed", "injured")
               and (a := _actor_of(cl)) is not None and a.role == "civilians")
    if hurt < 2:
        return
    if not any(by_name[n].role == "civilians" for n in score):
        return
    armed = [n for n in score if by_name[n].role == "armed" and n != unknown]
    accused = {_as_party(m.actor, country).name for m, c in clause_actors
               if c.index in blamed and m.start not in speakers}
    if armed and all(by_name[n].inter in STATE_INTERS and n not in accused for n in armed):
        for n in armed:
            del score[n]


def _set_actors(ev: Event, inc: Incident, clause_actors: list[tuple[Any, Clause]],
                victims: list[Actor], strikers: list[Actor] | None = None,
                main_group: Actor | None = None, speakers: set[int] | None = None,
                words: list[Any] | None = None, headline: set[str] | None = None,
                claimers: list[Actor] | None = None, among: bool = False,
                named_in_report: list[Actor] | None = None) -> None:
    """actor1 (who acted), actor2 (who was hit), associated actors, and the canonical `actors` list.
    `headline`: the actors the report's headline names; `among`: a named group of victims is counted
    among more civilians hit; `named_in_report`: the actors of all the report's mentions."""
    score: dict[str, float] = {}
    by_name: dict[str, Actor] = {}
    speakers = speakers or set()
    cues = perpetrator_cue_index()
    blamed = {c.index for c in inc.clauses if words is not None and cues.find(words, c.wlo, c.whi)}

    def add(a: Actor, w: float) -> None:
        if a.role not in ("armed", "civilians"):
            return
        a = _as_party(a, ev.country)
        if a.name == "Civilians" and ev.event_type in CROWD_OF:
            # people hurt at a march or a riot are its protesters or rioters (ACLED: Protesters (Iran))
            a = actor_table().get(CROWD_OF[ev.event_type]) or a
        by_name[a.name] = a
        score[a.name] = score.get(a.name, 0.0) + w

    in_lead = {_as_party(m.actor, ev.country).name for m, c in clause_actors if c.lead}
    # a non-state group named only as who speaks (`وقالت مجموعة منبثقة من متمردي الطوارق إن مسلحين
    # هاجموا`) does not stand for the gunmen the statement tells of (a state's forces saying they killed
    # militants are still the side that did)
    # (a group that speaks to claim the attack, `أعلن عناصر طالبان مسؤوليتهم عنه`, is its perpetrator)
    spoken_only = ({_as_party(m.actor, ev.country).name for m, _c in clause_actors}
                   - {_as_party(m.actor, ev.country).name for m, c in clause_actors
                      if m.start not in speakers or c.index in blamed})
    for m, c in clause_actors:
        w = _factor(c) * (SPEAKER_FACTOR if m.start in speakers else 1.0)
        if c.index in blamed and m.actor.role == "armed" and m.actor.inter != 1:
            w += BLAME_BONUS  # `تنظيم داعش يقف وراء الاعتداء`
        add(m.actor, w)
    for a in victims:
        add(a, 1.0)
    for a in strikers or []:
        add(a, 3.0)
    for a in claimers or []:
        add(a, BLAME_BONUS + 1.0)  # a group that claimed the attack in a sentence of its own
    for n in [n for n in score if by_name[n].branch_of in score]:
        # `داعش` beside `ولاية سيناء` (or `الفرع المصري لتنظيم داعش`): one party, the branch
        parent = by_name[n].branch_of
        score[n] += score.pop(parent, 0.0)
    if (ev.sub_event_type == "Government regains territory" and ev.country in _state_forces()
            and not any(by_name[n].inter == 1 for n in score)):
        # `أعلن رئيس الوزراء تحرير مدينة الموصل`: the state's forces took it back, whoever announced it
        add(_state_forces()[ev.country], max(score.values(), default=1.0) + 0.1)
    generic = set(acled()["generic_actors"])
    if main_group is not None and not any(by_name[n].role == "armed" and by_name[n].inter != 1
                                          and n not in generic for n in score):
        add(main_group, 1.0)
    # in a clash, a community named and not hurt (`اشتباكات بين الدراويش والشرطة`) is the other side
    subgroups = {"Civilians", *acled()["civilian_subgroups"]}
    hurt = {_as_party(a, ev.country).name for a in victims}
    community = ev.event_type == "Battles" and any(by_name[n].role == "civilians" and n not in hurt
                                                   and n not in subgroups for n in score)
    if not ev.civilian_targeting and ev.event_type in ("Battles", "Explosions/Remote violence",
                                                        "Strategic developments"):
        # civilians hurt in a clash or at an arrest are not a party to it
        for n in [n for n in score if by_name[n].role == "civilians"
                  and any(by_name[o].role == "armed" for o in score)]:
            del score[n]
    # a named group of victims (aid workers, journalists, Italian nationals) stands for "Civilians",
    # unless they are counted among more people hit (`قتل 25 شخصا بينهم 8 صحفيين`): then beside them
    if any(a.role == "civilians" and _as_party(a, ev.country).name != "Civilians" for a in victims) \
            and not among:
        score.pop("Civilians", None)
    if ev.event_type == "Violence against civilians":
        claims = [cl for c in inc.clauses for cl in c.claims]
        _drop_responders(score, by_name, ev.country, blamed, clause_actors, speakers, claims)
    for side in ("armed", "civilians"):
        named = [n for n in score if by_name[n].role == side and n not in generic
                 and not (n in spoken_only and by_name[n].inter not in STATE_INTERS)]
        if named:
            # in a fight with a state's forces alone, the terrorists or extremists they fought are the
            # other side (ACLED's Militants), not the state's own men
            fought = (ev.event_type == "Battles" and side == "armed"
                      and all(by_name[n].inter in STATE_INTERS for n in named))
            for n in [n for n in score if by_name[n].role == side and n in generic
                      and not (fought and n == MILITANTS)]:
                del score[n]
    if any(by_name[n].inter in STATE_INTERS and by_name[n].country and n not in GENERIC_STATE for n in score):
        # `جندي` beside `الجيش الإسرائيلي` in the West Bank: the named forces, not a third side
        for n in [n for n in score if n in GENERIC_STATE]:
            del score[n]
    victim_names = {_as_party(a, ev.country).name for a in victims}
    armed = [n for n in score if by_name[n].role == "armed"]
    # only state forces are named, and they were hit (by a bomb, in an ambush): the attackers are unknown
    hit = all(n in victim_names for n in armed) or ev.sub_event_type in STATE_TARGET_TYPES
    # a clash between two named forces (`اشتبكت قوات الجيش الوطني الليبي مع قوات حكومة الوفاق`) has its sides
    # (a state's army and police are one side)
    sides = {by_name[n].country if n.startswith(STATE_FORCES) and by_name[n].country else n
             for n in armed if n not in generic}
    two_sides = ev.sub_event_type == "Armed clash" and len(sides) >= 2
    # (a state's forces abroad and international forces are inter 8: Saudi police at home, a NATO convoy)
    only_states = not any(by_name[n].inter not in STATE_INTERS for n in armed)
    unidentified = ev.event_type in VIOLENT_TYPES and only_states and hit and not community and not two_sides
    if unidentified:
        unknown = actor_table().get(acled()["unidentified_actor"])
        if unknown is not None:
            by_name[unknown.name] = unknown
            score[unknown.name] = max(score.values(), default=1.0) + 0.1
            if ev.event_type == "Battles":  # people killed in fighting between unknown groups are no party
                for n in [n for n in score if by_name[n].role == "civilians"]:
                    del score[n]
    if (ev.event_type == "Violence against civilians" and score
            and not any(by_name[n].role == "civilians" for n in score)):
        # violence against civilians has civilians for its target by definition (ACLED), even when the
        # report names only the attackers and what they burnt (`أحرق مستوطنون مسجدا`)
        add(actor_table().get("Civilians") or by_name[next(iter(score))], min(score.values()) * 0.5)
    armed_now = [n for n in score if by_name[n].role == "armed"]
    if (ev.event_type == "Battles" and len(armed_now) == 1 and by_name[armed_now[0]].inter not in STATE_INTERS
            and armed_now[0] not in generic and ev.country in _state_forces()):
        if any(m.actor.name in STATE_SOURCES for m, _c in clause_actors):
            # `أعلنت مصادر أمنية أن 20 عنصرا من داعش قتلوا`: a group's losses in a fight that the state's
            # security or military sources report were inflicted by the state's forces
            add(_state_forces()[ev.country], score[armed_now[0]] * 0.5)
        elif other := _report_opponent(named_in_report or [], ev.country, by_name[armed_now[0]]):
            # `مقتل 28 من عناصر داعش في عمليات أمنية` (the lead) beside `القوات الأمنية العراقية` further
            # on: a fight the clause tells with one side has for its other side the armed party the
            # report names most
            add(other, score[armed_now[0]] * 0.5)
    crowd = CROWD_OF.get(ev.event_type or "")
    if crowd and not any(n == crowd or by_name[n].inter in (5, 6) for n in score):
        # a protest has its protesters and a riot its rioters by definition (ACLED), named or not
        # (`مشاهد حصرية لاحتجاجات البصرة`: Protesters (Iraq))
        a = actor_table().get(crowd)
        if a is not None:
            by_name[a.name] = a
            score[a.name] = max(score.values(), default=1.0) + 0.1
    if not score:
        return
    ranked = sorted(score, key=lambda n: -score[n])
    # who acted: the strongest armed actor that is not among the victims; who was hit: the strongest other
    perpetrators = [n for n in ranked if by_name[n].role == "armed" and n not in victim_names]
    armed_ranked = [n for n in ranked if by_name[n].role == "armed"]
    both_hit = len([n for n in armed_ranked if n in victim_names and n not in generic]) >= 2
    if not perpetrators or (both_hit and score[perpetrators[0]] < PERPETRATOR_SHARE * score[armed_ranked[0]]):
        # both sides lost people (`قتل 16 من عناصر داعش و20 من قسد`): the sides are the two most named
        # fighters, not a party named in passing (a speaker, a backer) that happened to lose nobody
        perpetrators = armed_ranked
    actor1 = perpetrators[0] if perpetrators else None
    others = [n for n in ranked if n != actor1]
    actor2 = others[0] if others else None
    if actor1 is None and actor2 is not None:
        actor1, actor2 = actor2, None
    floor = min(score[n] for n in (actor1, actor2) if n) * THIRD_ACTOR_SHARE
    # a third party only when the headline or lead names it too
    rest = [n for n in ranked
            if n not in (actor1, actor2) and score[n] >= floor and n in in_lead][:MAX_ACTORS - 2]
    if "Civilians" in (actor1, actor2) and not rest:
        # students or women hit, whom the headline names (`تخطف عشر نساء`, `مقتل 11 تلميذا`): ACLED's
        # associated actor beside the civilians; a woman among the dead of a strike is not
        groups = [a.name for a in victims if a.name in set(acled()["associated_subgroups"])
                  and a.name in (headline or set())]
        rest = [Counter(groups).most_common(1)[0][0]] if groups else []
    ev.inter1 = by_name[actor1].inter if actor1 else None
    ev.inter2 = by_name[actor2].inter if actor2 else None
    ev.interaction = interaction(ev.inter1, ev.inter2)
    # ACLED names crowds and populations with the country: Protesters (Iraq), Civilians (Yemen)
    actor1, actor2, *rest = (with_country(n, ev.country) if n else n for n in (actor1, actor2, *rest))
    ev.actor1, ev.actor2 = actor1, actor2
    ev.assoc_actor_1 = rest[0] if rest else None
    ev.assoc_actor_2 = rest[1] if len(rest) > 1 else None
    ev.actors = [n for n in (actor1, actor2, *rest) if n]


def _evidence(doc: Doc, inc: Incident) -> list[Span]:
    """The words the event rests on: its strongest triggers, date and place."""
    text = doc_text(doc)
    spans: list[Span] = []
    seen: set[tuple[int, int]] = set()
    trig = sorted(inc.triggers, key=lambda t: -t.term.weight)[:3]
    items: list[Any] = [*trig, inc.date, inc.place]
    for it in items:
        if it is None or (it.start, it.end) in seen:
            continue
        seen.add((it.start, it.end))
        spans.append(Span(it.start, it.end, text[it.start:it.end]))
    spans.sort(key=lambda s: s.start)
    return spans
