"""Who makes a claim and how: speakers of a sentence, statements that run on, stance markers.

A sentence's speakers come from speech verbs and their subjects (قال المرصد إن ...), attribution
markers (بحسب المرصد), relays (نقلت نيويورك تايمز عن مسؤول أميركي: the speaker is the official,
the paper relays), and headline prefixes (العراق: مقتل ...). A speaker with no subject of its own
(وأضافت: ..., وتابع البيان) continues the previous speaker, and so does a quotation left open.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from marsad import lang
from marsad.extract.actors import Actor, actor_table
from marsad.extract.tokens import PhraseSet, Tok, lex_key, variants
from marsad.text.normalize import key


@dataclass(frozen=True, slots=True)
class Speaker:
    """A source found in a sentence; `pos` is the token index of its verb or marker."""

    pos: int
    source: str | None
    source_text: str | None
    relay: str | None = None
    denial: bool = False
    hedge: bool = False
    actor: Actor | None = None
    inherited: bool = False
    marker: str = "speech"  # speech | according | headline
    colon: bool = False  # the statement opens with a colon and runs to the end of the paragraph


@dataclass(frozen=True)
class AttributionLexicon:
    speech: PhraseSet
    continuation: frozenset[str]
    stops: PhraseSet
    skip: PhraseSet
    anaphoric: frozenset[str]
    according: PhraseSet
    relay: frozenset[str]
    hedges: PhraseSet
    denials: frozenset[str]
    denial_predicates: PhraseSet
    quotes: frozenset[str]
    impersonal: frozenset[str]
    unverifiable: PhraseSet
    speech_triggers: frozenset[str]
    org_heads: PhraseSet
    report_nouns: PhraseSet
    hedges_after: PhraseSet
    about_verbs: frozenset[str]
    object_verbs: frozenset[str]
    titles: frozenset[str]
    apposition: frozenset[str]
    anonymous: frozenset[str]

    @property
    def starts(self) -> frozenset[str]:
        """First words of speech verbs and attribution markers: only these can open a speaker."""
        return _starts(self)


@cache
def _starts(lex: AttributionLexicon) -> frozenset[str]:
    return lex.speech.first_words | lex.according.first_words


def _keys(words) -> frozenset[str]:
    return frozenset(lex_key(w) for w in words)


@cache
def lexicon() -> AttributionLexicon:
    """attribution.yaml compiled once."""
    d = lang.load("attribution")
    return AttributionLexicon(
        speech=PhraseSet({"speech": d["speech_verbs"]}), continuation=_keys(d["continuation_verbs"]),
        stops=PhraseSet({"stop": d["subject_stops"]}), skip=PhraseSet({"skip": d["subject_skip"]}),
        anaphoric=_keys(d["anaphoric"]), according=PhraseSet({"according": d["according_to"]}),
        relay=_keys(d["relay_verbs"]), hedges=PhraseSet({"hedge": d["hedges"]}), denials=_keys(d["denials"]),
        denial_predicates=PhraseSet({"denial": d["denial_predicates"]}),
        quotes=frozenset(d["quote_open"]) | frozenset(d["quote_close"]) | {"″"},
        impersonal=_keys(d["impersonal"]), unverifiable=PhraseSet({"u": d["unverifiable"]}),
        speech_triggers=_keys(d["speech_triggers"]), org_heads=PhraseSet({"org": d["organisation_heads"]}),
        report_nouns=PhraseSet({"r": d["report_nouns"]}), hedges_after=PhraseSet({"h": d["hedges_after"]}),
        about_verbs=_keys(d["about_verbs"]), object_verbs=_keys(d["object_verbs"]), titles=_keys(d["titles"]),
        apposition=_keys(d["apposition_pronouns"]), anonymous=_keys(d["anonymous_sources"]),
    )


_WORDS = re.compile(r"\w+")
_QUOTE_TOKS = frozenset("\"“”«»″")
# Closed word sets (marsad/lang/ar/function_words.yaml, stored in match-key form): media name heads
# (وكالة, قناة), auxiliaries between a fronted speaker and its verb (قد, كان), documents a speaker issues
# (بيانا), clause openers that keep the sentence's speaker (لكنه, فيما), sentence openers before a
# continuing verb (كما, ثم), and single function words tested by the code below.
_FW = lang.load("function_words")["attribution"]
_MEDIA_HEADS = frozenset(_FW["media_heads"])
_AUX = frozenset(_FW["auxiliaries"])
_ISSUED = frozenset(_FW["issued"])
_JOINERS = frozenset(_FW["joiners"])
_OPENERS = frozenset(_FW["openers"])
_ON_BEHALF = _FW["on_behalf"]  # باسم
_RELAY_FROM = _FW["relay_from"]  # عن
_RELATIVE = _FW["relative"]  # ما
_PRONOUN_OBJECTS = tuple(_FW["pronoun_objects"])  # به, بها, بهم
_NAME_JOINERS = tuple(_FW["name_joiners"])  # في, من
_NOT_FIGURES = frozenset(_FW["not_figures"])  # أحد, واحد: أحد الشهود speaks
# After an attribution marker the source is named at once (بحسب مصادر طبية, وفق بيان صادر عن الوزارة);
# a group named further on (وفق ما تلقوه من أوامر من التنظيم) is what the clause is about, not a source.
_ACCORDING_REACH = 3

class SentenceView:
    """What attribution needs from the claims stage: tokens, original text, actor mentions by token."""

    def __init__(self, toks: list[Tok], original: callable, actors: list[tuple[int, int, Actor]],
                 trigger_at: set[int], number_at: set[int]):
        self.toks = toks
        self.original = original  # (tok_start, tok_end) -> original text
        self.actors = actors  # (tok_start, tok_end, actor)
        self.trigger_at = trigger_at
        self.number_at = number_at


def _subject(view: SentenceView, j: int, lex: AttributionLexicon) -> tuple[int, int]:
    """Token span of the speaker noun phrase starting at j (empty when none)."""
    toks = view.toks
    n = len(toks)
    while j < n:
        if toks[j].text in _QUOTE_TOKS or toks[j].text == "،":
            j += 1
            continue
        sk = lex.skip.match_at(toks, j)
        if sk:
            j += sk[0]
            continue
        break
    start = j
    while j < n and j - start < 7:
        t = toks[j]
        if t.text in _QUOTE_TOKS:
            j += 1
            continue
        if t.is_punct or t.is_digit or j in view.number_at or t.text in _number_words():
            break  # ونعى حزب الله اثنين من عناصره: the object's figure ends the speaker
        if j in view.trigger_at and not (j > start and t.text.startswith(("ال", "لل")) and toks[j - 1].is_word
                                         and j - 1 not in view.trigger_at
                                         and not any(e == j for _, e, _ in view.actors)):
            break  # مكتب توثيق الشهداء: a definite noun in construct stays in the name
        if j > start and _told(view, j) is not None:
            break  # قال مصدر طبي لوكالة فرانس برس: the agency was told, it relays
        if j > start and t.text in _ISSUED:
            break  # أصدرت الحركة بيان نعي ...: what the speaker issued is no part of its name
        if j > start and t.text == "ل" and j + 1 < n and toks[j + 1].text in _QUOTE_TOKS and \
                any(e == j and act.inter is None for _, e, act in view.actors):
            break  # مصادر محلية لـ"عنب بلدي": a source told an outlet the table does not know
        inside = any(s < j < e or (s == j and e - s > 1) for s, e, _ in view.actors) or \
            (j > start and toks[j - 1].text in _MEDIA_HEADS)
        nxt = j + 1
        while nxt < len(toks) and toks[nxt].text in _QUOTE_TOKS:
            nxt += 1
        follows = any(s == nxt for s, _, _ in view.actors)
        if not inside and not (toks[j].text in _NAME_JOINERS and follows and j > start):
            if j > start and (lex.stops.match_at(toks, j, peel=False) or lex.speech.match_at(toks, j)):
                break
            if j == start and lex.stops.match_at(toks, j, peel=False):
                break
        j += 1
    while j > start and toks[j - 1].text in _QUOTE_TOKS:
        j -= 1
    return start, j


@cache
def _number_words() -> frozenset[str]:
    """Cardinal number words (not vague quantities): a figure after the speaker's name starts the object."""
    from marsad.extract.numbers import lexicon as number_lexicon  # numbers does not import attribution

    return number_lexicon().number_words - _NOT_FIGURES  # أحد الشهود speaks


def _told(view: SentenceView, j: int) -> Actor | None:
    """The media actor addressed at token j (لوكالة رويترز, لقناة العربية, لـ"رويترز"), if any."""
    toks = view.toks
    if not toks[j].text.startswith("ل"):
        return None
    at = j
    if toks[j].text == "ل":
        at = j + 1
        while at < len(toks) and toks[at].text in _QUOTE_TOKS:
            at += 1
    for s, _, act in view.actors:
        if s == at and act.role == "media":
            return act
    return None


def _speaker_of(view: SentenceView, a: int, b: int, pos: int, generic: frozenset[str],
                **kw) -> Speaker | None:
    """A speaker from the noun phrase [a, b): the most specific actor named in it, else its words."""
    if b <= a:
        return None
    found = [(s, e, act) for s, e, act in view.actors if a <= s < b]
    text = view.original(a, b)
    toks = view.toks
    on_behalf = next((k for k in range(a, b) if toks[k].text == _ON_BEHALF), None)
    if on_behalf is not None and any(s > on_behalf for s, _, _ in found):
        found = [f for f in found if f[0] > on_behalf]  # المتحدث العسكري باسم الحوثيين: the party speaks
    elif found and lexicon().org_heads.match_at(toks, a) and \
            all(act.role == "civilians" or act.name in generic for _, _, act in found):
        found = []  # لجنة أطباء السودان: the organisation, not the doctors
    if found:
        specific = [f for f in found if f[2].name not in generic]
        if specific and specific[0][0] == a and specific[0][2].role != "civilians":
            # وزارة الصحة في حكومة الوحدة الوطنية: the head names the speaker, the rest says whose it is
            s, e, act = specific[0]
            act = _as_speaker(act)
            return Speaker(pos, act.name, text, actor=act, **kw)
        if not specific and len(found) > 1 and found[0][2].name == "Officials":
            found = found[1:]  # مسؤولون في الشرطة: officials of the police speak for the police
        # a named source (an agency, a ministry, a monitor) over the words around it (مراسل الجزيرة)
        s, e, act = max(specific or found, key=lambda f: (f[2].inter is None, f[1] - f[0], -f[0]))
        act = _as_speaker(act)
        return Speaker(pos, act.name, text, actor=act, **kw)
    if b - a > 6 and not _name_and_title(view, a, b):
        return None  # a long phrase naming no known actor is not a speaker we can trust
    return Speaker(pos, text, text, **kw)


def _name_and_title(view: SentenceView, a: int, b: int) -> bool:
    """A person's name (one to three words) then a title (زهرة آدم المسؤولة المحلية بقرية ...): a
    speaker however long the title runs."""
    titles = lexicon().titles
    toks = view.toks
    head = range(a, min(b, a + 4))
    return titles.isdisjoint(variants(toks[a].text)) and all(toks[k].is_word for k in head) \
        and any(not titles.isdisjoint(variants(toks[k].text)) for k in range(a + 1, min(b, a + 4)))


def sentence_speakers(view: SentenceView, generic: frozenset[str], history: list[Speaker]) -> list[Speaker]:
    """Speakers of one sentence in token order (continuations resolved against earlier speakers)."""
    lex = lexicon()
    last = history[-1] if history else None
    toks = view.toks
    out: list[Speaker] = []
    i, n = 0, len(toks)
    first_word = next((k for k, t in enumerate(toks) if t.is_word), n)
    starts = lex.starts
    while i < n:
        tok = toks[i]
        if not tok.is_word or (starts.isdisjoint(variants(tok.text)) and i != first_word):
            i += 1
            continue
        acc = lex.according.match_at(toks, i)
        if acc:
            j = i + acc[0]
            # بحسب ما أفاد X / وفق ما تقوله X / حسبما أعلن X: skip "ما" and the verb
            rn = lex.report_nouns.match_at(toks, j) if j < n else None
            claimed = bool(rn) and bool(lex.hedges.match_at(toks, j))  # بحسب ادعاءات الجيش: a claim
            if rn:  # وفق حصيلة أولية لوزارة الصحة
                j += rn[0]
            if j < n and toks[j].text == _RELATIVE:
                j += 1
            sv = lex.speech.match_at(toks, j) if j < n else None
            if sv:
                j += sv[0]
            if j < n and toks[j].text in _PRONOUN_OBJECTS:
                j += 1
            a, b = _subject(view, j, lex)
            sp = _speaker_of(view, a, b, i, generic, marker="according", hedge=claimed)
            named_near = any(a <= s <= a + _ACCORDING_REACH for s, _, _ in view.actors)
            if sp and ((sp.actor is not None and named_near) or b - a <= 3
                       or lex.org_heads.match_at(toks, a)):
                out.append(_resolve_anaphora(sp, view, a, lex, history + out))
            i = max(j, b) if sp else j
            continue
        sv = lex.speech.match_at(toks, i)
        if not sv and i == first_word and set(variants(tok.text)) & lex.continuation:
            sv = (1, "speech")
        if sv and (i not in view.trigger_at or not lex.speech_triggers.isdisjoint(variants(tok.text))):
            word = variants(tok.text)
            denial = bool(set(word) & lex.denials)
            hedge = bool(lex.hedges.match_at(toks, i))
            a, b = _subject(view, i + sv[0], lex)
            if not lex.object_verbs.isdisjoint(word):
                # اتهمت حكومة هادي جماعة الحوثي: the speaker ends with its first name, the object follows
                first = min(((s, e) for s, e, _ in view.actors if a <= s < b), default=None)
                if first is not None and first[0] == a and first[1] < b:
                    b = first[1]
            sp = _speaker_of(view, a, b, i, generic, denial=denial, hedge=hedge)
            # relay: نقلت X عن Y, أكد مراسل X (في وقت سابق) عن مصادر Y -> Y speaks, X relays
            r = b if lex.about_verbs.isdisjoint(word) else n  # تحدثت مصادر عن: about, not a relay
            while sp and r < n and r - b < 8 and toks[r].text != _RELAY_FROM:
                sk = lex.skip.match_at(toks, r)
                if sk:
                    r += sk[0]
                elif toks[r].text in ("،", ",") or toks[r].text in _QUOTE_TOKS:
                    r += 1
                else:
                    break
            if sp and r < n and toks[r].text == _RELAY_FROM:
                a2, b2 = _subject(view, r + 1, lex)
                sp2 = _speaker_of(view, a2, b2, i, generic, denial=denial, hedge=hedge)
                if sp2 and sp2.actor is not None:
                    sp = replace(sp2, relay=sp.source)
                    b = b2
            if sp is not None and sp.actor is None:
                titled = _titled(view, a, b, lex)
                if titled is not None:  # عبد القادر عبد الرحمن مدير خدمة (أمين) للإسعاف: the body he heads
                    s2, e2, act = titled
                    sp = replace(sp, source=act.name, actor=act, source_text=view.original(a, max(b, e2)))
                    b = max(b, e2)
            appo = b + 1 if b + 1 < n and toks[b].text in ("،", ",") else None
            if appo is not None and appo + 1 < n and not lex.apposition.isdisjoint(variants(toks[appo].text)):
                appo += 1  # عبد القادر شيخ كبير، وهو مسعف: the pronoun opens the apposition
            if sp is not None and sp.actor is None and appo is not None and (
                    not lex.titles.isdisjoint(variants(toks[appo].text)) or appo > b + 1):
                # اللواء منصور التركي، المتحدث الأمني في وزارة الداخلية: the title says whom he speaks for
                a2, b2 = _subject(view, appo, lex)
                sp2 = _speaker_of(view, a2, b2, i, generic, denial=denial, hedge=hedge)
                if sp2 is not None and sp2.actor is not None:
                    sp = replace(sp2, source_text=view.original(a, b2))
                    b = b2
            if sp is not None and sp.relay is None and b < n and _told(view, b) is not None:
                told = _told(view, b)
                if sp.actor is None and _bare(sp.source_text) in lex.anonymous:
                    # قالت مصادر لوكالة الأنباء الألمانية: nameless sources; the agency they told vouches
                    sp = replace(sp, source=told.name, actor=told)
                else:
                    sp = replace(sp, relay=told.name)
            elif sp is not None and sp.relay is None and b + 2 < n and toks[b].text == "ل" and \
                    toks[b + 1].text in _QUOTE_TOKS:
                close = next((k for k in range(b + 2, min(n, b + 7)) if toks[k].text in _QUOTE_TOKS), None)
                if close is not None and close > b + 2:
                    sp = replace(sp, relay=view.original(b + 2, close))
            if sp is None and i > 0:
                # SVO: the speaker stands before the verb (الحوثيون يعلنون مقتل ...)
                joined = tok.text.startswith(("و", "ف")) and tok.text not in variants(tok.text)[1:]
                before = [(s, e, act) for s, e, act in view.actors if i - 3 <= e <= i and
                          all(not toks[k].is_word or toks[k].text in _AUX for k in range(e, i)) and
                          not (joined and any(toks[k].text in ("،", ",") for k in range(e, i)))]
                # X، وأشار إلى ...: a verb joined after a comma goes on with the sentence's speaker
                if before:
                    s, e, act = before[-1]
                    sp = Speaker(i, act.name, view.original(s, e), actor=act, denial=denial, hedge=hedge)
            last = out[-1] if out else (history[-1] if history else None)
            if sp is None and i <= first_word + 2 and not set(word) & lex.impersonal and last is not None \
                    and all(t.is_word and (t.text in _AUX or t.text in _OPENERS) for t in toks[first_word:i]):
                sp = replace(last, pos=i, denial=denial, hedge=hedge or last.hedge, inherited=True,
                             marker="speech")
            elif sp is None and out and (tok.text.startswith("و") or toks[i - 1].text in _JOINERS) \
                    and all(s.pos < i for s in out):
                # ونفت الوزارة ذلك، وقالت إن ...: the same speaker says the next thing in its own voice
                sp = replace(out[-1], pos=i, denial=denial, hedge=hedge, inherited=True, marker="speech")
            elif sp is not None:
                on_behalf = next((k for k in range(a, b) if toks[k].text == _ON_BEHALF), None)
                if on_behalf is None:
                    sp = _resolve_anaphora(sp, view, a, lex, history + out)
                elif on_behalf + 1 < b and not any(s == on_behalf + 1 for s, _, _ in view.actors):
                    # المتحدث باسم الجماعة: the party named before speaks through its spokesman
                    party = _resolve_anaphora(replace(sp, actor=None), view, on_behalf + 1, lex,
                                              history + out)
                    if party.inherited:
                        sp = replace(party, source_text=sp.source_text, inherited=False)
            if sp:
                out.append(sp)
            i = max(i + sv[0], b if sp else 0)
            continue
        i += 1
    return out


def _as_speaker(act: Actor) -> Actor:
    """A group of people that speaks is a kind of source (attribution.yaml `speaking_groups`):
    paramedics are a medical source, residents are eyewitnesses."""
    name = lang.load("attribution")["speaking_groups"].get(act.name)
    return (actor_table().get(name) or act) if name else act


def _titled(view: SentenceView, a: int, b: int, lex: AttributionLexicon) -> tuple[int, int, Actor] | None:
    """A body named right after a title inside a speaker phrase naming no actor (a person's name,
    then مدير/رئيس/المتحدث ... and the body, past quotes and brackets): (start, end, actor)."""
    toks = view.toks
    k = next((k for k in range(a + 1, b) if not lex.titles.isdisjoint(variants(toks[k].text))), None)
    if k is None:
        return None
    reach = k + 6
    return next(((s, e, act) for s, e, act in view.actors
                 if k < s <= reach and act.inter is None and act.role in ("official", "media", "other")
                 and all(toks[j].is_word or toks[j].text in "()\"«»" for j in range(k + 1, s))), None)


def _bare(word: str) -> str:
    """A name word without its article (التركي = تركي when names are compared)."""
    return word[2:] if word.startswith("ال") and len(word) > 4 else word


def _resolve_anaphora(sp: Speaker, view: SentenceView, a: int, lex: AttributionLexicon,
                      history: list[Speaker]) -> Speaker:
    """وتابع البيان / وأعلنت الوزارة: a back-reference noun continues the last speaker it fits
    (the last one whose words hold the noun, else the last one)."""
    if not history or a >= len(view.toks):
        return sp
    head = variants(view.toks[a].text)
    stem = head[-1]
    if sp.actor is None and sp.source_text:
        # a name met before as part of a speaker (وتابع عبد الرحمن ... after مدير المرصد رامي عبد الرحمن)
        named = lex_key(sp.source_text)
        words = {_bare(w) for w in _WORDS.findall(named)}
        for h in reversed(history):
            if h.actor is None or not h.source_text:
                continue
            known = lex_key(h.source_text)
            # the whole name, or title and surname of a fuller name (اللواء التركي <- اللواء منصور التركي)
            if (len(named) > 4 and named in known) or \
                    (len(words) >= 2 and words <= {_bare(w) for w in _WORDS.findall(known)}):
                return replace(h, pos=sp.pos, denial=sp.denial, hedge=sp.hedge or h.hedge, inherited=True,
                               marker=sp.marker)
    if not set(head) & lex.anaphoric:
        return sp
    # the last speaker whose words hold the noun (الوزارة -> وزارة الداخلية التركية); a bare noun with no
    # actor of its own (البيان) falls back to the last speaker; a named actor stays itself
    fits = next((h for h in reversed(history) if h.source_text and stem in lex_key(h.source_text)), None)
    last = fits or (history[-1] if sp.actor is None else None)
    if last is None:
        return sp
    return replace(last, pos=sp.pos, denial=sp.denial, hedge=sp.hedge or last.hedge, inherited=True,
                   marker=sp.marker)


def headline_speaker(view: SentenceView, generic: frozenset[str], headline: bool) -> Speaker | None:
    """`العراق: مقتل ...`, `وزارة الداخلية التركية: ...`: a short prefix before a colon speaks
    (any prefix in the headline; in the body only a prefix that names an actor)."""
    toks = view.toks
    for k in range(1, min(6, len(toks))):
        if toks[k].text == ":":
            if not all(t.is_word or t.text in _QUOTE_TOKS for t in toks[:k]):
                return None
            if not any(s < k for s, _, _ in view.actors) and (
                    _is_place(view.original(0, k)) or any(j in view.trigger_at for j in range(k))
                    or lexicon().report_nouns.match_at(toks, 0)):
                return None  # غزة: 17 شهيدا (a dateline); حصيلة الهجوم: ... (a label): the outlet speaks
            sp = _speaker_of(view, 0, k, 0, generic, marker="headline")
            return sp if sp is not None and (headline or sp.actor is not None) else None
    return None


@lru_cache(maxsize=4096)
def _is_place(text: str) -> bool:
    """A place name (a dateline before a headline colon), looked up in the gazetteer."""
    from marsad.extract.gazetteer import gazetteer  # the places stage owns the gazetteer; load lazily

    return bool(gazetteer().lookup(key(text.strip())))


def hedged_after(view: SentenceView, pos: int) -> bool:
    """A hedging participle after the figure (قتل وأصاب 25 عنصرا، زاعما ...)."""
    lex = lexicon()
    first = lex.hedges_after.first_words
    toks = view.toks
    return any(toks[k].is_word and not first.isdisjoint(variants(toks[k].text))
               and lex.hedges_after.match_at(toks, k) for k in range(pos, len(toks)))


def hedged_before(view: SentenceView, pos: int) -> tuple[int, int] | None:
    """Token span of the last hedge word (أنباء، تقارير، يرجح ...) before token `pos`."""
    lex = lexicon()
    found = None
    first = lex.hedges.first_words
    for k in range(pos):
        tok = view.toks[k]
        if tok.is_word and not first.isdisjoint(variants(tok.text)) and \
                not (k > 0 and not _MEDIA_HEADS.isdisjoint(variants(view.toks[k - 1].text))):
            m = lex.hedges.match_at(view.toks, k)
            if m:
                found = (k, k + m[0])
    return found


def denied_after(view: SentenceView, pos: int) -> bool:
    """A denial predicate after the figure (... مقتل 20 غير صحيحة)."""
    lex = lexicon()
    first = lex.denial_predicates.first_words
    toks = view.toks
    return any(not first.isdisjoint(variants(toks[k].text)) and lex.denial_predicates.match_at(toks, k)
               for k in range(pos, len(toks)))


def unverifiable(toks: list[Tok]) -> bool:
    """The sentence says something could not be checked (لم يتسن التحقق ...)."""
    lex = lexicon()
    first = lex.unverifiable.first_words
    return any(t.is_word and not first.isdisjoint(variants(t.text)) and lex.unverifiable.match_at(toks, k)
               for k, t in enumerate(toks))


def quote_parity(text: str) -> bool:
    """True when the text leaves a quotation open or closes one (an odd number of quote marks)."""
    return sum(text.count(q) for q in "\"“”«»″") % 2 == 1
