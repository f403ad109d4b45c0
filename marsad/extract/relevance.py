"""Relevance: does a report narrate a current incident, or talk about one?

A general news feed is mostly statements, diplomacy, trials, sport and markets; their words of
violence (`ندد بالقصف`, `حكم بالسجن على منفذ الهجوم`, `معركة الصدارة`) are no incident. Each incident
unit an article yields (marsad.extract.incidents) is scored before it becomes an Event:

- narration (+): the headline or the lead names the incident with a specific trigger; people were
  hurt, held or killed (claims); it has its own day, its own place, and an armed party;
- talk (-): cues in the headline and lead (marsad/lang/ar/relevance.yaml) of a statement or meeting,
  a trial, an anniversary, a weapons test, a feature, a disaster or accident, a plan or threat, crime
  with no political side; a topic that is not conflict (sport, economy, technology words); a section
  of the outlet outside the news (`/sport/` in the URL); the trigger governed by a verb of saying.

The score is narration minus talk; the unit is an incident when it reaches KEEP_SCORE. Every
decision keeps its score and reasons (`Event.relevance`, the `relevance` line of documents.jsonl),
so a dropped report can be checked and a threshold argued with figures.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any
from urllib.parse import unquote, urlparse

from spacy.tokens import Doc

from marsad import lang
from marsad.extract.event_types import PhraseIndex, Words, doc_words, find_triggers
from marsad.extract.incidents import LEAD_SENTENCES, place_tier, statement_index
from marsad.extract.relevance_model import probability
from marsad.model import parse_day
from marsad.text.document import content_sentences, doc_text

KEEP_SCORE = 2.5  # narration minus talk an incident unit needs to be reported as an event
# narration
HEADLINE_TRIGGER = 2.0  # the headline names the incident with a specific trigger word
HEADLINE_GENERIC = 1.0  # only with a generic one (`هجوم`, `انفجار`) or a casualty word (`مقتل`)
LEAD_TRIGGER = 1.0  # the lead (first two body sentences) does
OWN_TRIGGER = 2.0  # a further incident of a report: its own clause names it specifically
SPECIFIC_WEIGHT = 3  # trigger weight that names a kind of violence (`غارة`), not a generic word
HARM = 2.0  # a figure of people killed, hurt, held or displaced in the incident
VAGUE_HARM = 1.0  # only vague ones (`عشرات القتلى`)
# a figure this large is a war's or a crisis's toll (`أودت بحياة أكثر من نصف مليون`, `5,6 مليون نازح`,
# `760 ألف لاجئ`), context of a feature or a statement, not the harm of one incident: it counts nothing
TOLL = 10_000
OWN_DATE = 1.0  # the incident's own day (`مساء الجمعة`), not only the publication date
SAID_DATE = 0.5  # only a day on which something was said
# a report whose main incident's own day is this many days before it is no current news: it follows the
# incident up (an inquiry, a trial, a feature, a visit to the site); its date then counts against it.
# A further incident so dated is history the report recalls (`وفي 18 فبراير الماضي قتل ...`, the first
# day of a wave of protests, a rights group's account of last month): no current incident at all.
# (Of 6 such events of the held-out news slice, read, none was current news; the gold sets lose none.)
STALE_DAYS = 7
STALE = 3.0
HISTORY = 6.0
# a unit whose own day comes after its report's publication is scheduled, not narrated: a court date
# (`سيمثل أمام القضاة الإثنين 20 أغسطس`), an advance announced for tomorrow (`غدا`); it counts like a
# stale one (2 events of the held-out news slice, read: both so)
AHEAD = 3.0
PLACE_BY_TIER = {3: 1.0, 2: 1.0, 1: 0.5, 0: 0.25}  # town or district, province, country
ARMED_PARTY = 0.5  # a named armed party (not `Unidentified Armed Group`, `Militants`)
# neither an armed party nor a word of terrorism, armed groups, protest or the state's forces in the lead
# (relevance.yaml `political`): an explosion at a plant, a suicide, a shooting in a restaurant, a storm
# closing an airport, a diplomatic row -- or a statement about an incident; of 28 such events of the
# held-out news slice, 17 were no current incident in ACLED's scope
NO_POLITICAL = 1.0
# ... and its only trigger an explosion (`انفجار`, not `تفجير` nor a device): an accident, no ACLED event
# however well narrated (a headline, a lead, the dead, a day and a town make 7): decisive, like crime
ACCIDENT = 4.0
NO_PLACE = 1.5  # neither a place nor a country: nothing ACLED could code, and seldom an incident
# talk about the report, per cue family: in the headline at full weight, only in the lead at LEAD_SHARE
# (crime with no political side is no ACLED event however well narrated: decisive in the headline)
TALK_WEIGHTS = {"trial": 3.0, "inquiry": 5.0, "anniversary": 2.5, "test": 3.0, "feature": 2.0,
                "analysis": 4.0, "disaster": 3.0, "crime": 8.0, "drugs": 8.0}
# families of crime with no political side (a political word in the lead lifts them)
CRIME_FAMILIES = frozenset({"crime", "drugs"})
# talk that governs the incident's trigger (`ندد الوزير بالقصف`, `يهدد بإعدام`, `الذكرى الرابعة لمجزرة`):
# only for that unit, and a headline or lead trigger so governed does not count as narrating it;
# statements and plans count only so (or, when the headline names no violence, as the headline's news)
GOVERNING_WEIGHTS = {"statement": 2.0, "future": 2.5, "trial": 2.0, "anniversary": 2.0, "test": 2.0,
                     "case": 2.0,  # `بقضية تفجير`: a court case governs the trigger it names
                     "since": 2.5}  # `منذ بدء مسيرات`: the start of a period, a running count since
# the lead tells what a UN agency or a rights group found (`هيومن رايتس ووتش`, `يونيسف`) or a toll over a
# period (`منذ بداية العام`, `منذ اندلاع الحرب`) and the unit has no day of its own (none, or only the day
# something was said): a count over weeks or years, not the incident of a day (relevance.yaml `periodic`)
PERIODIC = 3.5
HEADLINE_TALK = 2.0  # `فرنسا تحث روسيا على ...`, `فلسطين تستعد لجمعة ...`: a headline of talk, no trigger
# a headline that asks (`هل بات استهداف المدنيين سياسة متعمدة؟`, `ما غايات الأطراف المشاركة في معركة
# عفرين؟`): the format of analysis and features, weighed as the feature family (relevance.yaml
# question_marks)
HEADLINE_QUESTION = 2.0
REPORT_TALK = 1.0  # a further incident in a report whose main news was found to be talk
# `كيف`, `قصة`: a question or a story only as the headline says it; a drug too (a lead's `آثار للحشيش`
# is a detail of a report that may carry other news: a CNN page's further stories); an inquiry too
# (`فتحت الشرطة تحقيقا` follows many a current incident in its lead)
HEADLINE_ONLY = {"feature", "inquiry", "analysis", "drugs"}
# an analysis format is a label that opens the headline (`إنفوغرافيك..`, `تحليل:`, `ما أهمية ...؟`)
HEADLINE_OPENING = {"analysis"}
LEAD_SHARE = 0.5
TOPIC_WORD = 1.0  # each distinct topic word beyond the first (sport, economy, technology)
TOPIC_MAX = 4.0
OFF_SECTION = 3.0  # the URL files the report under sport, business, technology...
# the learned model's reading of the headline and lead (marsad.extract.relevance_model), probability p
# that the report narrates an incident: below MODEL_TALK_P it reads as talk (a court, an inquiry, a
# feature, a statement), above MODEL_NARRATION_P as narration; in between it says nothing (its errors
# there are as frequent as the rules')
MODEL_TALK_P, MODEL_TALK = 0.3, 3.0
MODEL_NARRATION_P, MODEL_NARRATION = 0.9, 1.0
# ... and below MODEL_LEAN_P it leans to talk: a weaker cue, weighed only where nothing else anchors the
# unit (no one hurt, held or killed; no violence named in the headline). On the held-out slice NR%10==3 it
# removes 9 events, read: 8 no current incident (statements on Iran and Syria, a list of truce resolutions,
# a figurative 'bomb', Russia on Iran's forces) and 1 real (Kandy's clashes in a state-of-emergency
# report). Unconditioned (any unit in the band) it removed 26 (21 false) but lost a gold event in public
# and two in wide, each with a harm figure or a headline trigger.
MODEL_LEAN_P, MODEL_LEAN = 0.5, 1.0
SAID = 1.0  # the lead's trigger is the object of a plain verb of saying (`قال`, `أعلن`)
HARM_SHARE = 0.5  # governing talk counts this much when people were hurt (`أعلن الجيش مقتل 20`)
SPEECH_REACH = 8  # words from a verb of saying to the trigger it governs
# words after a trigger's last word within which a plan adjective qualifies it (`الهجوم المحتمل`,
# `التظاهرات المقررة`, `ضربة عسكرية أمريكية محتملة`): relevance.yaml `planned`
PLANNED_REACH = 3
CLAUSE_GOVERNING = frozenset({"trial"})  # talk that governs its whole clause, however far the trigger
# talk that, governing a headline's trigger, says the headline does not narrate it (not `statement`)
HEADLINE_GOVERNING = frozenset({"future", "trial", "anniversary", "test", "case"})
HARM_KINDS = frozenset({"killed", "injured", "casualties", "abducted", "missing", "arrested", "displaced",
                        "freed", "escaped"})

HEADLINE_CHARS = 200  # a first line longer than this is no headline: its first sentence is
_SEGMENT = re.compile(r"^([a-z][a-z-]*?)(?:-\d+)?$")


@dataclass(slots=True)
class Relevance:
    """The decision on one incident unit: score, whether it is kept, and why."""

    score: float
    keep: bool
    reasons: list[str] = field(default_factory=list)
    crime: bool = False  # crime with no political or security side (not an ACLED event)

    def to_dict(self, doc_id: str | None = None) -> dict[str, Any]:
        out: dict[str, Any] = {"score": round(self.score, 2), "relevant": self.keep,
                               "reasons": list(self.reasons)}
        if self.crime:
            out["crime"] = True
        if doc_id is not None:
            out = {"doc_id": doc_id, **out}
        return out


@dataclass(slots=True)
class DocCues:
    """What the headline and lead of one report say about its topic (computed once per doc)."""

    talk: dict[str, tuple[float, str]]  # family -> (penalty, the words found)
    headline_talk: str | None  # a statement or plan word of the headline
    topic: tuple[str, int, list[str]] | None  # strongest off-conflict topic, distinct words, words
    section: str | None  # the URL's off-conflict section
    political: bool  # the lead names terrorism, armed groups, protest or the state's forces
    headline: list[Any]  # the trigger words of the headline (marsad.extract.event_types.Trigger)
    model: float | None = None  # the learned model's probability that the report narrates an incident
    periodic: str | None = None  # a word of an organisation's report or a toll over a period in the lead
    # the headline's triggers that a threat, a condition, a plan, a court or a memorial governs
    # (`ماكرون يهدد بضربات إذا ثبت استخدام أسلحة كيماوية`): their word starts, and (family, the words)
    head_governed: frozenset[int] = frozenset()
    head_talk: tuple[str, str] | None = None


@cache
def _data() -> dict[str, Any]:
    return lang.load("relevance")


@cache
def _talk_index() -> PhraseIndex:
    return PhraseIndex((w, fam) for fam, words in _data()["talk"].items() for w in words)


@cache
def _campaign_index() -> PhraseIndex:
    return PhraseIndex((w, True) for w in _data()["campaign"])


@cache
def _planned_index() -> PhraseIndex:
    return PhraseIndex((w, True) for w in _data()["planned"])


@cache
def _periodic_index() -> PhraseIndex:
    data = _data()["periodic"]
    return PhraseIndex([(w, True) for fam in ("report", "period") for w in data[fam]]
                       + [(w, False) for w in data["not_periodic"]])


def _specific(t: Any, words: Words) -> bool:
    """Does a trigger name a kind of violence? Not a generic word (`هجوم`), nor a campaign's name
    (`معركة الساحل الغربي`, `المعركة ضد الإرهاب`): the singular battle names a war, a plan or a figure."""
    if t.term.weight < SPECIFIC_WEIGHT:
        return False
    return not _campaign_index().find(words, t.word, t.word + 1)


@cache
def _bare_explosion() -> PhraseIndex:
    return PhraseIndex((w, True) for w in _data()["bare_explosion"])


@cache
def _topic_index() -> PhraseIndex:
    return PhraseIndex((w, topic) for topic, words in _data()["topics"].items() for w in words)


@cache
def _political_index() -> PhraseIndex:
    data = _data()
    return PhraseIndex([(w, True) for w in data["political"]] + [(w, False) for w in data["not_political"]])


@cache
def _off_sections() -> frozenset[str]:
    return frozenset(_data()["off_sections"])


def off_section(url: str | None) -> str | None:
    """The off-conflict section a URL files its report under (`/arabic/sports-43210` -> sports)."""
    if not url:
        return None
    try:
        path = unquote(urlparse(url).path).lower()
    except ValueError:
        return None
    for seg in path.split("/"):
        m = _SEGMENT.match(seg)
        if m and m.group(1) in _off_sections():
            return m.group(1)
    return None


def _lead_ranges(doc: Doc, words: Words) -> tuple[tuple[int, int], tuple[int, int]]:
    """Word ranges of the headline (first content sentence) and of the whole lead."""
    sents = []
    for n, s in enumerate(content_sentences(doc)):
        if n >= LEAD_SENTENCES:
            break
        sents.append((s.start_char, s.end_char))
    if not sents:
        return (0, 0), (0, 0)
    # the headline is the first line (`نيجيريا.. فقدان عشرات التلميذات بعد هجوم`), not its first sentence
    text = doc_text(doc)
    line_end = text.find("\n", sents[0][0])
    head_end = max(sents[0][1], min(line_end if line_end >= 0 else sents[0][1], sents[0][0] + HEADLINE_CHARS))
    sents[0] = (sents[0][0], head_end)
    starts = words.starts

    def rng(a: int, b: int) -> tuple[int, int]:
        return bisect.bisect_left(starts, a), bisect.bisect_left(starts, b)

    return rng(*sents[0]), rng(sents[0][0], max(head_end, sents[-1][1]))


def doc_cues(doc: Doc) -> DocCues:
    """The report's talk cues, topic and section, from its headline and lead."""
    cached = doc.user_data.get("marsad_relevance_cues")
    if cached is not None:
        return cached
    words = doc_words(doc)
    (h0, h1), (l0, l1) = _lead_ranges(doc, words)
    talk: dict[str, tuple[float, str]] = {}
    headline_talk = None
    titled = _titled(doc_text(doc))
    for hit in _talk_index().find(words, l0, l1):
        fam = hit.payload
        if fam == "neutral":
            continue
        in_head = h0 <= hit.first < h1
        if fam not in TALK_WEIGHTS:
            if in_head and headline_talk is None:
                headline_talk = " ".join(w.key for w in words[hit.first:hit.last])
            continue  # governing talk: weighed per incident unit (_governing)
        if fam in HEADLINE_ONLY and not (in_head and titled):
            continue  # (a text with no headline line begins with its lead: `وباشرت الشرطة التحقيق`)
        if fam in HEADLINE_OPENING and hit.first != h0:
            continue  # `المقاومة تقرع باب الحديدة.. وإنفوغرافيك لمحاور القتال`: news, a graphic added
        pen = TALK_WEIGHTS[fam] * (1.0 if in_head else LEAD_SHARE)
        if pen > talk.get(fam, (0.0, ""))[0]:
            talk[fam] = (pen, words[hit.first].key if hit.last - hit.first == 1 else
                         " ".join(w.key for w in words[hit.first:hit.last]))
    # the question mark and an interrogative word (`هل`, `كيف`: feature) are one cue, the headline asks
    mark = _asks(doc_text(doc)) if titled else ""
    if mark and talk.get("feature", (0.0, ""))[0] < HEADLINE_QUESTION:
        talk["feature"] = (HEADLINE_QUESTION, mark)
    topics: dict[str, set[str]] = {}
    for hit in _topic_index().find(words, l0, l1):
        topics.setdefault(hit.payload, set()).add(" ".join(w.key for w in words[hit.first:hit.last]))
    topic = None
    if topics:
        name = max(topics, key=lambda t: len(topics[t]))
        topic = (name, len(topics[name]), sorted(topics[name])[:5])
    article = doc._.article
    section = off_section(getattr(article, "url", None))
    political = any(hit.payload for hit in _political_index().find(words, l0, l1))
    triggers = find_triggers(doc)
    headline = [t for t in triggers if h0 <= t.word < h1]
    # in the headline, or in the lead before its first trigger: the lead's subject is the agency's report
    # (`قالت منظمة العفو الدولية إن مسلحين ارتكبوا مجزرة`), not an incident it comments on (`اعتقلت السلطات
    # سبعة ناشطين ... بيد أن هيومن رايتس ووتش تقول`)
    body = next((t.word for t in triggers if h1 <= t.word < l1 and t.term.weight > 0), l1)
    periodic = next((" ".join(w.key for w in words[h.first:h.last])
                     for h in _periodic_index().find(words, l0, l1)
                     if h.payload and (h.first < h1 or h.first < body)), None)
    head_governed, head_talk = _headline_governed(headline, words, h0, h1)
    cues = DocCues(talk, headline_talk, topic, section, political, headline, probability(doc_text(doc)),
                   periodic, head_governed, head_talk)
    doc.user_data["marsad_relevance_cues"] = cues
    return cues


def _headline_governed(headline: list[Any], words: Words, h0: int,
                       h1: int) -> tuple[frozenset[int], tuple[str, str] | None]:
    """The headline's triggers governed by talk that says the incident did not happen (yet) or is not
    the news: a threat or condition (`يهدد بـ`, `إذا`), a court, a memorial, a test a few words before,
    or a plan adjective after (`الهجوم المرتقب`). A statement verb (`يدين الهجوم`) is left out: a
    condemnation is most often of an incident of the day. Returns the governed triggers' starts and
    the family and words of the first such talk."""
    governed: set[int] = set()
    first: tuple[str, str] | None = None
    for t in headline:
        if t.term.weight <= 0:
            continue
        lo = max(h0, t.word - SPEECH_REACH)
        talk = [h for h in _talk_index().find(words, lo, t.word) if h.payload in HEADLINE_GOVERNING]
        if talk:
            fam, found = talk[-1].payload, " ".join(w.key for w in words[talk[-1].first:talk[-1].last])
        else:
            end = bisect.bisect_left(words.starts, t.end)
            planned = _planned_index().find(words, end, min(h1, end + PLANNED_REACH))
            if not planned:
                continue
            fam, found = "future", words[planned[0].first].key
        governed.add(t.start)
        first = first or (fam, found)
    return frozenset(governed), first


def _asks(text: str) -> str:
    """The question mark that ends the headline line (closing quotes after it aside), or ''."""
    line = text.lstrip().split("\n", 1)[0].rstrip()
    data = _data()
    line = line.rstrip("".join(data["closing_quotes"])).rstrip()
    return line[-1] if line and line[-1] in data["question_marks"] else ""


def _titled(text: str) -> bool:
    """Does the text open with a headline line (at most HEADLINE_CHARS, more text after it)?"""
    text = text.lstrip()
    end = text.find("\n")
    return 0 <= end <= HEADLINE_CHARS and bool(text[end:].strip())


def judge(doc: Doc, inc: Any, ev: Any, report: Relevance | None = None) -> Relevance:
    """Score one incident unit (an Incident of marsad.extract.incidents and its Event).

    `report`: the decision on the report's main incident when this is a further one; a report found
    to narrate incidents needs no second look at its headline's topic for each further incident.
    """
    words = doc_words(doc)
    reasons: list[str] = []
    score = 0.0

    def add(points: float, why: str) -> None:
        nonlocal score
        score += points
        reasons.append(f"{points:+.1f} {why}")

    clauses = list(inc.clauses)
    weighty = [(c, t) for c in clauses for t in c.triggers if t.term.weight > 0]
    headline = doc_cues(doc).headline
    lead = [t for c, t in weighty if c.lead and c.sentence > 0 and _specific(t, words)]
    # a further incident is looked at in its own clauses (`يهدد بضربات إذا ثبت استخدام الكيماوي`, `في حال
    # ثبوت اغتيال`), where a source (`قالت مصادر إن`) is how the body tells incidents: only talk counts
    governing = _governing(clauses, words, body=report is not None)
    governed = governing[2] if governing is not None else None
    cues0 = doc_cues(doc)
    # a governed headline trigger that the unit's own clauses leave out (they weigh it when they hold it)
    off_head = cues0.head_governed if not any(c.sentence == 0 for c in clauses) else frozenset()
    head = [t for t in headline if t.start != getattr(governed, "start", -1) and t.start not in off_head]
    head_specific = [t for t in head if _specific(t, words)]
    lead = [t for t in lead if t.start != getattr(governed, "start", -1)]
    if report is not None:
        own = [t for _c, t in weighty if _specific(t, words) and t.start != getattr(governed, "start", -1)]
        if own:
            add(OWN_TRIGGER, f"its clause names it ({own[0].text})")
        if not report.keep:
            add(-REPORT_TALK, "the report's main news is talk")
    elif head_specific:
        add(HEADLINE_TRIGGER, f"headline names it ({head_specific[0].text})")
    elif head:
        add(HEADLINE_GENERIC, f"headline names it ({head[0].text})")
    # (a headline with no trigger word is no sign by itself: `مسلحون يخطفون`, `محتجو البصرة` escape
    # the lexicon)
    talk_word = doc_cues(doc).headline_talk
    if not headline and talk_word is not None and (report is None or not report.keep):
        add(-HEADLINE_TALK, f"headline is talk ({talk_word})")
    if lead and report is None:
        add(LEAD_TRIGGER, f"lead names it ({lead[0].text})")
    # a claim the incidents stage marked background (a recalled toll, a total since a date) is no harm of
    # this unit: `مماثلة لهجوم شباط الذي أسفر عن أكثر من مئة قتيل` does not narrate today's incident
    claims = [cl for c in clauses for cl in c.claims if cl.kind in HARM_KINDS and (cl.value or 0) < TOLL
              and not getattr(cl, "background", False)]
    counted = [cl for cl in claims if (cl.value or 0) > 0]
    if counted:
        add(HARM, f"people {counted[0].kind} ({counted[0].number_text or counted[0].value})")
    elif claims:
        add(VAGUE_HARM, f"people {claims[0].kind} (vague)")
    age = _age(doc, inc)
    ahead = _ahead(doc, inc)
    # the date nearest its trigger is old (`خطفوا وقتلوا في العراق عام 2014`, `مهد الاحتجاجات في عام
    # 2011`): recalled, whatever day the report's news has (the remains flown home on Monday)
    old = _recalled(doc, clauses, words)
    if old is not None and not (inc.date is not None and not inc.weak_date and age is not None
                                and age > STALE_DAYS):
        add(-(STALE if report is None else HISTORY), f"its trigger is dated in the past ({old})")
    elif inc.date is not None and not inc.weak_date and ahead:
        add(-AHEAD, f"after the report ({inc.date.text}: {ahead} days later)")
    elif inc.date is not None and not inc.weak_date and age is not None and age > STALE_DAYS:
        pen = STALE if report is None else HISTORY
        add(-pen, f"not current ({inc.date.text}: {age} days before the report)")
    elif inc.date is not None and not inc.weak_date:
        add(OWN_DATE, f"own date ({inc.date.text})")
    elif inc.date is not None:
        add(SAID_DATE, f"date of saying ({inc.date.text})")
    if inc.place is not None:
        add(PLACE_BY_TIER[place_tier(inc.place.place)], f"place ({inc.place.text})")
    elif getattr(ev, "country", None) is None:
        add(-NO_PLACE, "no place")
    armed = [a for a in getattr(ev, "actors", None) or () if _is_armed(a)]
    if armed:
        add(ARMED_PARTY, f"armed party named ({armed[0]})")
    if report is None and not doc_cues(doc).political and not armed:
        add(-NO_POLITICAL, "no political side (no armed party, no political word in the lead)")
        if weighty and all(_bare_explosion().find(words, t.word, t.word + 1) for _c, t in weighty):
            add(-ACCIDENT, "an explosion with no political side: an accident")
    if governing is not None:
        fam, word, _t = governing
        pen = GOVERNING_WEIGHTS.get(fam, SAID) * (HARM_SHARE if counted else 1.0)
        add(-pen, f"{fam} governs the trigger ({word})")
    elif report is None and off_head and cues0.head_talk is not None and not head:
        # the unit's own clauses leave the headline out, yet the headline's news is the threat or the court
        fam, word = cues0.head_talk
        add(-GOVERNING_WEIGHTS[fam] * (HARM_SHARE if counted else 1.0),
            f"{fam} governs the headline's trigger ({word})")
    crime = False
    if report is None or not report.keep:
        cues = doc_cues(doc)
        for fam, (pen, word) in sorted(cues.talk.items()):
            if fam in CRIME_FAMILIES:
                if cues.political:
                    continue
                crime = True
            add(-pen, f"{fam} ({word})")
        if cues.periodic is not None and not (inc.date is not None and not inc.weak_date):
            add(-PERIODIC, f"a report or a toll over a period, no day of its own ({cues.periodic})")
        if cues.topic is not None:
            name, n, sample = cues.topic
            add(-min(TOPIC_MAX, TOPIC_WORD * (n - 1)), f"topic {name} ({', '.join(sample)})")
        if cues.section is not None:
            add(-OFF_SECTION, f"section {cues.section}")
        if cues.model is None or report is not None:
            pass  # the model reads the report's headline and lead: it speaks for its main incident only
        elif cues.model < MODEL_TALK_P:
            add(-MODEL_TALK, f"model reads talk (p={cues.model:.2f})")
        elif cues.model < MODEL_LEAN_P and not counted and not head_specific:
            # nothing else anchors the unit: no one hurt, held or killed, no violence named in the headline
            add(-MODEL_LEAN, f"model leans to talk (p={cues.model:.2f}), no harm, no headline trigger")
        elif cues.model > MODEL_NARRATION_P:
            add(MODEL_NARRATION, f"model reads narration (p={cues.model:.2f})")
    keep = score >= KEEP_SCORE
    return Relevance(score, keep, reasons, crime=crime and not keep)


def _age(doc: Doc, inc: Any) -> int | None:
    """Days from the incident's last day to the report's publication (None when either is unknown)."""
    published = parse_day(getattr(doc._.article, "published", None))
    last = getattr(inc, "day_end", None) or getattr(inc, "day", None)
    if published is None or last is None:
        return None
    return (published - last).days


def _recalled(doc: Doc, clauses: list[Any], words: Words) -> str | None:
    """The text of an old date (over STALE_DAYS before publication) that is the nearest date to the unit's
    first trigger in its clause, within SPEECH_REACH words; None when there is none."""
    published = parse_day(getattr(doc._.article, "published", None))
    if published is None:
        return None
    for c in clauses:
        trig = [t for t in c.triggers if t.term.weight > 0]
        if not trig:
            continue
        if not c.dates:
            return None
        at = trig[0].word
        gaps = []
        for d in c.dates:
            w = bisect.bisect_left(words.starts, d.start)
            # a date after the verb binds to it (`قتل ... الثلاثاء`): one before it counts a word farther
            gaps.append((at - w + 1 if w <= at else w - at, d))
        gap, near = min(gaps, key=lambda g: g[0])
        if gap <= SPEECH_REACH and (published - near.date_end).days > STALE_DAYS:
            return str(near.text)
        return None
    return None


def _ahead(doc: Doc, inc: Any) -> int:
    """Days from the report's publication to the incident's first day when that day is later, else 0."""
    published = parse_day(getattr(doc._.article, "published", None))
    first = getattr(inc, "day", None)
    if published is None or first is None:
        return 0
    return max(0, (first - published).days)


def _is_armed(name: str) -> bool:
    """A named armed party: a generic or unidentified one says nothing about the report."""
    from marsad.extract.actors import actor_table
    from marsad.extract.event_types import acled

    a = actor_table().get(name)
    return a is not None and a.role == "armed" and name not in set(acled()["generic_actors"])


def _governing(clauses: list[Any], words: Words, body: bool = False) -> tuple[str, str, Any] | None:
    """The talk that governs the unit's first trigger in its headline or lead: a verb of saying, of
    diplomacy, of intent, a court or a memorial a few words before it in its clause (`ندد الوزير
    بالقصف`, `بحث الوزيران الغارات`, `يهدد بإعدام`, `أحيوا ذكرى مجزرة`), or a plan adjective just after
    it (`المظاهرات المقررة الجمعة`). Returns (family, the words, the trigger), or None when the trigger
    stands as narrated."""
    for c in clauses:
        if not c.lead and not body:
            continue
        trig = [t for t in c.triggers if t.term.weight > 0]
        if not trig:
            continue
        t = trig[0]
        lo = max(c.wlo, t.word - SPEECH_REACH)
        # a court governs all that follows it in its clause (`المحكمة العليا تؤيد استخدام الجيش للقوة
        # الفتاكة ضد المتظاهرين`: nine words on, still its ruling)
        talk = [h for h in _talk_index().find(words, c.wlo, t.word)
                if h.payload in GOVERNING_WEIGHTS and (h.first >= lo or h.payload in CLAUSE_GOVERNING)]
        if talk:
            h = talk[-1]
            return h.payload, " ".join(w.key for w in words[h.first:h.last]), t
        # a plan adjective after the trigger noun: the incident is scheduled, feared or expected
        end = bisect.bisect_left(words.starts, t.end)
        planned = _planned_index().find(words, end, min(c.whi, end + PLANNED_REACH))
        if planned:
            return "future", words[planned[0].first].key, t
        if body:
            return None
        said = statement_index().find(words, lo, t.word)
        if said:
            return "said", words[said[-1].first].key, None  # `قال مسؤولون إن ...`: a source, still narrated
        return None
    return None


def doc_record(doc: Doc, judged: list[Relevance], kept: int,
               dropped: list[tuple[Any, Relevance]]) -> dict[str, Any]:
    """The report's relevance line for documents.jsonl: best score, events kept, what was dropped and why."""
    cues = doc_cues(doc) if judged else None
    out: dict[str, Any] = {
        "score": round(max((r.score for r in judged), default=0.0), 2),
        "events": kept,
        "dropped": [{"event_type": getattr(ev, "sub_event_type", None), **r.to_dict()} for ev, r in dropped],
    }
    if cues is not None:
        if cues.topic is not None:
            out["topic"] = {"name": cues.topic[0], "words": cues.topic[1]}
        if cues.section is not None:
            out["section"] = cues.section
        if cues.model is not None:
            out["model"] = round(cues.model, 3)
    return out
