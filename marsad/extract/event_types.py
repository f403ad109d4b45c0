"""Event typing: trigger words found in the text, and the ACLED type of an incident they describe.

Trigger terms live in `marsad/lang/ar/event_triggers.yaml` (mapped to ACLED sub-event types with a
weight); the ACLED taxonomy in `marsad/data/acled.yaml`. Terms are matched in one left-to-right pass
over the document's words: each word (and the forms left after peeling Arabic proclitics) is looked
up in an index keyed by a term's first word, longest term first.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from itertools import compress
from pathlib import Path
from typing import Any, NamedTuple

import yaml
from spacy.tokens import Doc

from marsad import lang
from marsad.text.document import doc_text
from marsad.text.normalize import key, word_cache

ACLED_PATH = Path(__file__).resolve().parents[1] / "data" / "acled.yaml"

_WORD = re.compile(r"[0-9a-z\u0621-\u064a\u0671-\u06d3]+")
_FOLD = str.maketrans({"ة": "ه", **{chr(c): chr(c + 32) for c in range(ord("A"), ord("Z") + 1)}})


class Word(NamedTuple):
    """A word of the normalised text with its offsets in the ORIGINAL text (a tuple: cheap to make)."""

    start: int
    end: int
    key: str


class Words(list):
    """The doc's words, with their start offsets alongside for bisecting, and each phrase index's
    hits over all of them (filled on first use)."""

    starts: list[int]
    phrase_hits: dict[Any, tuple[list, list[int]]]  # PhraseIndex -> its hits, first words
    positions: tuple[int, dict[str, list[int]]]  # (_STARTERS_VERSION when built, form -> positions)
    inflected_positions: tuple[int, dict[str, list[int]]]


_UPPER = re.compile(r"[A-Z]+")


def _fold(text: str) -> str:
    """What `_FOLD` does (ta marbuta as ha, ASCII lower case), at C speed: str.translate with a dict
    table looks every character up in Python."""
    text = text.replace("ة", "ه")
    return _UPPER.sub(lambda m: m.group().lower(), text) if _UPPER.search(text) else text


def doc_words(doc: Doc) -> Words:
    """The doc's words as match keys with original offsets (computed once per doc)."""
    cached = doc.user_data.get("marsad_words")
    if cached is None:
        norm = doc._.norm
        folded = _fold(norm.text)
        offs = norm.offsets
        spans = [(m.start(), m.end()) for m in _WORD.finditer(folded)]
        starts = [offs[a] for a, _b in spans]
        ends = [offs[b - 1] + 1 for _a, b in spans]
        cached = Words(map(Word, starts, ends, [folded[a:b] for a, b in spans]))
        cached.starts = starts
        doc.user_data["marsad_words"] = cached
    return cached


def word_index(words: list[Word], offset: int) -> int:
    """Index of the first word that ends after `offset` (the word at or after it)."""
    starts = getattr(words, "starts", None) or [w.start for w in words]
    i = bisect.bisect_right(starts, offset) - 1
    if i >= 0 and words[i].end > offset:
        return i
    return i + 1


@word_cache
def _variants(word: str) -> tuple[str, ...]:
    """The word and what is left after peeling proclitics: و/ف, then ب/ل/ك, then ال (لل = ل + ال)."""
    return tuple(_peel(word))


def _peel(word: str) -> list[str]:
    out = [word]
    rest = word
    if len(rest) > 3 and rest[0] in "وف":
        rest = rest[1:]
        out.append(rest)
    if len(rest) > 3 and rest.startswith("لل"):
        out.extend(("ال" + rest[2:], rest[2:]))
        return out
    if len(rest) > 3 and rest[0] in "بلك":
        rest = rest[1:]
        out.append(rest)
    if len(rest) > 4 and rest.startswith("ال"):
        out.append(rest[2:])
    return out


@cache
def _enclitics() -> tuple[str, ...]:
    """Endings a trigger word may carry (attached pronouns, plural verb ending, tanween alif), longest
    first, as match keys (lang/ar/clitics.yaml)."""
    endings = {key(e).translate(_FOLD) for e in lang.load("clitics")["trigger_endings"]}
    return tuple(sorted(endings, key=len, reverse=True))


MIN_STEM = 3  # letters a word must keep after an ending is taken off


@word_cache
def _inflected(word: str) -> tuple[str, ...]:
    """The word's proclitic-peeled forms and each of them without an ending: `وخطفهم` -> `خطف`,
    `اغتالوا` -> `اغتال`, `اشتباكا` -> `اشتباك`."""
    out = list(_variants(word))
    for v in list(out):
        for e in _enclitics():
            if v.endswith(e) and len(v) - len(e) >= MIN_STEM:
                out.append(v[:-len(e)])
    return tuple(dict.fromkeys(out))


def _same_word(actual: str, term: str) -> bool:
    """A later word of a phrase as written (`الضربات الجوية` for `ضربات جوية`, `قصفا مدفعيا` for
    `قصف مدفعي`): the article and an ending may differ."""
    if actual == term:
        return True
    bare_a = actual[2:] if actual.startswith("ال") and len(actual) > 4 else actual
    bare_t = term[2:] if term.startswith("ال") and len(term) > 4 else term
    if bare_a == bare_t:
        return True
    # `bare_t` and an ending: what trying each ending of `_enclitics` in turn finds, in one probe
    n = len(bare_t)
    return n >= MIN_STEM and len(bare_a) > n and bare_a.startswith(bare_t) and bare_a[n:] in _enclitic_set()


@cache
def _enclitic_set() -> frozenset[str]:
    """`_enclitics` as a set (the empty ending left out: a word is not itself plus nothing)."""
    return frozenset(e for e in _enclitics() if e)


@dataclass(frozen=True, slots=True)
class PhraseHit:
    """One lexicon phrase found in a doc: word indices [first, last) and original offsets."""

    first: int
    last: int
    start: int
    end: int
    payload: Any


# The first words of every PhraseIndex built so far (plain and inflected), and how often each set grew:
# a doc's form -> positions table keeps only forms some index begins with (most words begin none).
_STARTERS: dict[bool, set[str]] = {False: set(), True: set()}
_STARTERS_VERSION: dict[bool, int] = {False: 0, True: 0}


class PhraseIndex:
    """Multi-word phrases indexed by their first word; `find` returns the longest at each word."""

    def __init__(self, phrases: Iterable[tuple[str, Any]], inflected: bool = False):
        """`inflected`: words may carry endings and the article as `_inflected` and `_same_word` allow."""
        self.inflected = inflected
        index: dict[str, list[tuple[tuple[str, ...], Any]]] = {}
        for phrase, payload in phrases:
            words = tuple(_WORD.findall(key(str(phrase)).translate(_FOLD)))
            if words:
                index.setdefault(words[0], []).append((words, payload))
                if words[0].startswith("ال") and len(words[0]) > 4:  # `الطيران` also as `طيران`
                    index.setdefault(words[0][2:], []).append((words, payload))
        for cands in index.values():
            cands.sort(key=lambda c: -len(c[0]))
        self._index = index
        starters = _STARTERS[inflected]
        if not index.keys() <= starters:
            starters.update(index)
            _STARTERS_VERSION[inflected] += 1

    def find(self, words: list[Word], lo: int = 0, hi: int | None = None) -> list[PhraseHit]:
        """Non-overlapping phrase hits among words[lo:hi], left to right.

        The doc's words are scanned once per index and kept on the word list; a range is then a slice
        of those hits (the same hits a scan of the range finds, unless a phrase straddles its edges).
        """
        n = len(words)
        hi = n if hi is None else min(hi, n)
        memo = getattr(words, "phrase_hits", None)
        if memo is None:
            if not isinstance(words, Words):
                return self._scan(words, lo, hi)
            memo = words.phrase_hits = {}
        whole = memo.get(self)
        if whole is None:
            hits = self._scan(words, 0, n)
            whole = memo[self] = (hits, [h.first for h in hits])
        hits, firsts = whole
        a = bisect.bisect_left(firsts, lo)
        b = bisect.bisect_left(firsts, hi)
        if (a > 0 and hits[a - 1].last > lo) or (b > 0 and hits[b - 1].last > hi):
            return self._scan(words, lo, hi)  # a phrase straddles an edge: scan the range itself
        return hits[a:b]

    def _scan(self, words: list[Word], lo: int, hi: int) -> list[PhraseHit]:
        """Longest phrase at each word, left to right; only words whose forms begin some phrase are
        tried (looked up in the doc's form -> positions table, built once per doc)."""
        index = self._index
        forms = _inflected if self.inflected else _variants
        same = _same_word if self.inflected else str.__eq__
        table = _positions(words, forms)
        if table is None:
            starts: Iterable[int] = range(lo, hi)
        else:
            keys = table.keys() & index.keys()
            if not keys:
                return []
            starts = sorted({i for k in keys for i in table[k] if lo <= i < hi})
        hits: list[PhraseHit] = []
        nxt = lo
        for i in starts:
            if i < nxt:
                continue  # inside the previous hit
            best = None
            for variant in forms(words[i].key):
                cands = index.get(variant)
                if not cands:
                    continue
                for phrase, payload in cands:
                    size = len(phrase)
                    if best is not None and size <= best[0]:
                        break
                    if i + size <= hi and (size == 1 or (same(words[i + 1].key, phrase[1]) and all(
                            same(words[i + k].key, phrase[k]) for k in range(2, size)))):
                        best = (size, payload)
                        break
            if best is None:
                continue
            size, payload = best
            hits.append(PhraseHit(i, i + size, words[i].start, words[i + size - 1].end, payload))
            nxt = i + size
        return hits


@word_cache
def _plain_starters(word: str) -> tuple[str, ...]:
    """The word's forms (`_variants`) that begin some plain phrase index: usually none."""
    starters = _STARTERS[False]
    return tuple(v for v in _variants(word) if v in starters)


@word_cache
def _inflected_starters(word: str) -> tuple[str, ...]:
    """The word's forms (`_inflected`) that begin some inflected phrase index: usually none."""
    starters = _STARTERS[True]
    return tuple(v for v in _inflected(word) if v in starters)


# _STARTERS_VERSION the two caches above were filled under (they are emptied when it changes)
_STARTERS_CACHED: dict[bool, int] = {False: -1, True: -1}


def _positions(words: list[Word], forms: Any = _variants) -> dict[str, list[int]] | None:
    """Each form (word or proclitic-peeled variant, and for inflected indexes the word without its
    ending) of the doc that begins some phrase index -> the word positions that have it. Built once
    per doc, again only if an index with new first words was made since. A word form's starting
    forms are remembered across docs, and the words that have none are skipped at C speed."""
    if not isinstance(words, Words):
        return None
    inflected = forms is not _variants
    name = "inflected_positions" if inflected else "positions"
    version = _STARTERS_VERSION[inflected]
    cached = getattr(words, name, None)
    if cached is not None and cached[0] == version:
        return cached[1]
    starters_of = _inflected_starters if inflected else _plain_starters
    if _STARTERS_CACHED[inflected] != version:
        starters_of.cache_clear()
        _STARTERS_CACHED[inflected] = version
    found = list(map(starters_of, [w.key for w in words]))
    table: dict[str, list[int]] = {}
    for i in compress(range(len(found)), found):
        for v in found[i]:
            table.setdefault(v, []).append(i)
    setattr(words, name, (version, table))
    return table


@dataclass(frozen=True, slots=True)
class TriggerTerm:
    """What a trigger term means: an ACLED sub-event type (None: violence, type unknown) and weight."""

    sub_event_type: str | None
    weight: int
    targeted: bool  # generic attack word: the type follows the target (armed -> Battle, civilians -> VAC)
    inert: bool = False  # a figurative phrase (`معركة انتخابية`): shadows the words in it, counts for nothing
    gunfire: bool = False  # shooting (`فتحوا النار`): gunmen, not only a bomb, hit the victims


@dataclass(frozen=True, slots=True)
class Trigger:
    """A trigger found in a doc: offsets in the original text, word index, and its term."""

    start: int
    end: int
    word: int
    text: str
    term: TriggerTerm


@cache
def acled() -> dict[str, Any]:
    """ACLED's taxonomy: event types, sub-event types, disorder types, inter and interaction codes."""
    with ACLED_PATH.open(encoding="utf-8") as f:
        return yaml.safe_load(f)


@cache
def sub_event_index() -> dict[str, tuple[str, str]]:
    """sub-event type -> (event type, disorder type)."""
    data = acled()
    out = {}
    for etype, spec in data["event_types"].items():
        for sub in spec["sub_event_types"]:
            out[sub] = (etype, data["disorder_overrides"].get(sub, spec["disorder_type"]))
    return out


@cache
def trigger_index() -> PhraseIndex:
    """The trigger lexicon compiled once per process."""
    data = lang.load("event_triggers")
    known = sub_event_index()
    phrases = []
    for group in data["triggers"]:
        sub = group.get("sub_event_type")
        if sub is not None and sub not in known:
            raise ValueError(f"event_triggers.yaml: unknown ACLED sub-event type {sub!r}")
        term = TriggerTerm(sub, int(group.get("weight", 1)), bool(group.get("target")),
                           bool(group.get("inert")), bool(group.get("gunfire")))
        phrases.extend((t, term) for t in group["terms"])
    return PhraseIndex(phrases, inflected=True)


@cache
def armed_target_index() -> PhraseIndex:
    """Words naming armed targets (soldiers, police, a checkpoint): a generic attack on them is a Battle.
    The payload is True for the unambiguous ones, False for words that as often name the attackers."""
    data = lang.load("event_triggers")
    ambiguous = {key(w) for w in data.get("ambiguous_targets") or []}
    return PhraseIndex((t, key(t) not in ambiguous) for t in data["armed_targets"])


@cache
def nationality_index() -> PhraseIndex:
    """Nationality adjectives (`تركية`, `الروسي`, `مصريين`) -> ISO3, for the forces behind a strike and
    the people an incident hit."""
    phrases = []
    data = lang.load("event_triggers")
    endings = data["strike_nationality_endings"]
    for stem, iso in data["strike_nationality"].items():
        phrases.extend((form, iso) for form in (stem, *(stem + e for e in endings)))
    return PhraseIndex(phrases)


@cache
def aircraft_index() -> PhraseIndex:
    """Words for warplanes and drones (`طائرات حربية`, `الطيران`), to find an air force by nationality."""
    return PhraseIndex((t, True) for t in lang.load("event_triggers")["aircraft"])


@cache
def perpetrator_cue_index() -> PhraseIndex:
    """Words that name who carried out an incident (`يقف وراء`, `تبنى`, `اتهامات`)."""
    return PhraseIndex((t, True) for t in lang.load("event_triggers")["perpetrator_cues"])


@cache
def claim_cue_index() -> PhraseIndex:
    """Words of a claim of responsibility: `أعلن مسؤوليته عن` (payload True), `تبنى` (False: only
    beside an incident word)."""
    data = lang.load("event_triggers")
    return PhraseIndex([*((t, True) for t in data["claim_cues"]),
                        *((t, False) for t in data["adoption_cues"])])


@cache
def anaphora_index() -> PhraseIndex:
    """Words that refer back to the article's armed group (`التنظيم`)."""
    return PhraseIndex((t, True) for t in lang.load("event_triggers")["group_anaphora"])


def find_triggers(doc: Doc) -> list[Trigger]:
    """Every trigger term in the doc, left to right."""
    words = doc_words(doc)
    text = doc_text(doc)
    return [Trigger(h.start, h.end, h.first, text[h.start:h.end], h.payload)
            for h in trigger_index().find(words) if not h.payload.inert]


INTERCEPTABLE = frozenset({"Shelling/artillery/missile attack", "Air/drone strike"})
INTERCEPT_SHARE = 0.4  # interception words weighing this share of the missile words: nothing hit
SUICIDE_SHARE = 0.5  # suicide words weighing this share of the explosive words make it a suicide bombing
GENERIC_WEIGHT = 3  # trigger words that say something exploded or was bombarded, not with what

# Explosives set off on the spot; an air strike or shelling stays remote violence whatever else is said.
PLANTED_EXPLOSIVES = frozenset({"Remote explosive/landmine/IED", "Grenade"})
CROWD_TYPES = frozenset({"Protests", "Riots"})  # event types whose words make a clash a riot
EXCESSIVE_FORCE = "Excessive force against protesters"
INTERVENTION = "Protest with intervention"


@dataclass(slots=True)
class Typing:
    """The ACLED typing of one incident."""

    event_type: str | None
    sub_event_type: str | None
    disorder_type: str | None
    civilian_targeting: bool
    score: float


def classify(weighted: list[tuple[Trigger, float]], armed_target: bool, civilian_victims: bool,
             armed_victims: bool, deaths: bool, civilians_named: bool = False,
             defender_deaths: bool | None = None) -> Typing:
    """Type an incident from its triggers (each with a position factor) and who it hit.

    Weapon-specific words outweigh generic ones; a generic attack on soldiers or police is an armed
    clash, on civilians an attack on civilians; an arrest raid in which people died is an armed clash.
    """
    scores: dict[str, float] = {}
    strongest: dict[str, int] = {}
    # shooting at people who are all unarmed (`أطلق مسلح النار على المارة`, a journalist and his wife) is an
    # attack on civilians, whatever police or gunmen are also named (as speakers or as the shooter)
    unarmed = (civilian_victims or (civilians_named and not armed_target)) and not armed_victims
    for trig, factor in weighted:
        term = trig.term
        if term.sub_event_type is None or term.weight <= 0:
            continue
        sub = term.sub_event_type
        if term.targeted and term.gunfire and unarmed:
            sub = "Attack"
        elif term.targeted:
            sub = "Armed clash" if (armed_target or armed_victims or not civilian_victims) else "Attack"
        scores[sub] = scores.get(sub, 0.0) + term.weight * factor
        strongest[sub] = max(strongest.get(sub, 0), term.weight)
    if not scores:
        return Typing(None, None, None, False, 0.0)
    sub = max(scores, key=lambda s: scores[s])
    score = scores[sub]
    if strongest[sub] <= GENERIC_WEIGHT:
        # `تفجير الكرادة ... التفجير الانتحاري`: a named weapon of the same kind beats the generic word
        etype = sub_event_index()[sub][0]
        named = [s for s in scores if s != sub and strongest[s] > GENERIC_WEIGHT
                 and sub_event_index()[s][0] == etype]
        if named:
            sub = max(named, key=lambda s: scores[s])
    if (sub in INTERCEPTABLE and not deaths
            and scores.get("Disrupted weapons use", 0.0) >= INTERCEPT_SHARE * scores[sub]):
        sub = "Disrupted weapons use"  # `أطلق الحوثيون صاروخا ... واعترضته الدفاعات الجوية`
    if sub in PLANTED_EXPLOSIVES and scores.get("Suicide bomb", 0.0) >= SUICIDE_SHARE * scores[sub]:
        sub = "Suicide bomb"  # `انتحاريا فجر شاحنة مفخخة`: ACLED codes the bomber, whatever he carried
    if sub == "Attack":
        # an assassination by bomb or strike is coded by its weapon (ACLED: Explosions/Remote violence)
        weapons = [s for s in scores if sub_event_index()[s][0] == "Explosions/Remote violence"]
        if weapons:
            sub = max(weapons, key=lambda s: scores[s])
    if (sub in PLANTED_EXPLOSIVES and (civilian_victims or civilians_named)
            and not (armed_target or armed_victims) and any(t.term.gunfire for t, _f in weighted)):
        # gunmen shooting worshippers after (or with) a bomb: ACLED codes the attack on civilians
        sub = "Attack"
    if sub == "Armed clash" and any(sub_event_index()[s][0] in CROWD_TYPES for s in scores):
        # `مواجهات بين فلسطينيين والشرطة ... المحتجون يلقون الحجارة`: a crowd fighting police is a riot
        sub = "Violent demonstration"
    if sub_event_index()[sub][0] == "Protests" and deaths:
        sub = EXCESSIVE_FORCE  # demonstrators killed
    if sub == "Arrests" and deaths:
        sub = "Armed clash"
    if sub == "Disrupted weapons use" and (deaths if defender_deaths is None else defender_deaths):
        sub = "Remote explosive/landmine/IED"  # `قتل ضابط أثناء تفكيك عبوة ناسفة`: the bomb went off
    if sub == "Shelling/artillery/missile attack" and scores.get("Air/drone strike", 0) > 0:
        sub = "Air/drone strike"
    etype, disorder = sub_event_index()[sub]
    civ = etype == "Violence against civilians" or (
        etype == "Explosions/Remote violence" and civilian_victims and not armed_victims)
    return Typing(etype, sub, disorder, civ, score)


def protest_response(typing: Typing, shot: bool, intervened: bool) -> Typing:
    """How a protest was met (ACLED): people shot on its day (a clause telling them killed or hurt with a
    `gunfire` word: `أصيب 3 شبان بالرصاص الحي`) is excessive force; crowd-control words (the Protest with
    intervention group: tear gas, `تفريق المتظاهرين`) make a protest with intervention, as live fire that hit
    nobody does. Words: event_triggers.yaml."""
    if typing.event_type != "Protests" or typing.sub_event_type == EXCESSIVE_FORCE:
        return typing
    sub = EXCESSIVE_FORCE if shot else INTERVENTION if intervened else typing.sub_event_type
    if sub == typing.sub_event_type:
        return typing
    etype, disorder = sub_event_index()[sub]
    return Typing(etype, sub, disorder, typing.civilian_targeting, typing.score)


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's interaction code: both inter codes, smaller first; a lone actor's code times ten."""
    if inter1 is None and inter2 is None:
        return None
    if inter1 is None or inter2 is None:
        return (inter1 or inter2) * int(acled()["interaction"]["sole_actor_multiplier"])
    lo, hi = sorted((inter1, inter2))
    return lo * 10 + hi
