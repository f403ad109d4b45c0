"""Place mentions in Arabic news, matched against the gazetteer and disambiguated in the doc's context.

Matching: token n-grams (longest first, up to the longest gazetteer name) looked up by match key,
with proclitics (و ف ب ل ك, لل) stripped from the first token and an optional article ال. Common
words that happen to be village names (`place_stopwords.yaml`) never match alone. Designators
before a name (محافظة، مدينة، ريف، قرب ...) steer the feature class and ACLED's geo_precision.
Spelling variants after a designator are caught by a strict fuzzy match (rapidfuzz), built lazily.

Disambiguation: a homonym is resolved by the countries and governorates the rest of the doc
names (unambiguous mentions vote), then by feature class and population.
"""

from __future__ import annotations

import math
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cache
from typing import Any

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein
from spacy.attrs import ORTH, SENT_START

from marsad import lang
from marsad.extract.gazetteer import Gazetteer, Place, airports, gazetteer, loose_key, vowel_skeleton
from marsad.extract.translit import latin_places
from marsad.text.clitics import letter_proclitics
from marsad.text.document import doc_text, in_boilerplate
from marsad.text.normalize import key, trim_word_dict, word_cache, word_dict

__all__ = ["Place", "PlaceMention", "find_places", "gazetteer", "Gazetteer"]

# Preference among homonyms of one name when context does not decide: the populated place a
# reader means by a bare name ("حلب" the city, not the governorate), then larger units.
_BARE_RANK = {"city": 9, "country": 8, "admin1": 7, "town": 6, "admin2": 5, "camp": 5, "prison": 5,
              "base": 5, "facility": 5, "admin3": 4, "neighborhood": 3, "village": 2, "other": 0}
_PRECISION = {"country": 3, "admin1": 3, "region": 3, "admin2": 2, "admin3": 2}


@dataclass(frozen=True)
class PlaceMention:
    """A place name in the original text and the gazetteer row it most likely denotes."""

    start: int
    end: int
    text: str
    place: Place
    candidates: tuple[Place, ...]
    geo_precision: int  # ACLED: 1 town/village/neighbourhood/facility, 2 district or "near", 3 region
    qualifier: str | None = None  # the designator before the name (محافظة، ريف، قرب ...), as a key
    fuzzy: bool = False  # matched as a spelling variant
    metonym: bool = False  # the government seated there (`حكومة صنعاء`, `دمشق تتهم`), not a site


def _flat(items) -> list[str]:
    """A YAML list whose items may be lists (compact flow-style lines), flattened."""
    out: list[str] = []
    for item in items or []:
        out.extend(item if isinstance(item, list) else [item])
    return out


@cache
def _config() -> dict[str, Any]:
    """Stopwords and designators as match keys."""
    stop = lang.load("place_stopwords") or {}
    cur = lang.load("places_curated") or {}
    mined = lang.load("place_words_mined") or {}
    designators = {}
    for word, spec in (cur.get("designators") or {}).items():
        designators[key(word)] = (tuple(spec.get("features") or ()), spec.get("precision"))
    hard = _flat(stop.get("stopwords"))  # generic nouns: not a place even after a designator
    soft = [*_flat(stop.get("frequent_major")), *_flat(stop.get("frequent_minor"))]
    return {
        "stop": {key(w) for w in hard} | {key(w) for w in soft},
        "hard_stop": {key(w) for w in hard},
        "stop_any": {key(w) for w in _flat(stop.get("never"))},
        "not_clitic": {key(w) for w in _flat(stop.get("not_clitic"))},
        "given_names": {key(w) for w in _flat(stop.get("given_names"))},
        "designators": designators,
        "site_words": {key(w) for w in cur.get("site_words") or []},
        # `بمدينة النبطية` (or no designator), not `في منطقة يبرود`: a town a place lies inside
        "town_designators": {None} | {key(w) for w in cur.get("town_designators") or []},
        "countryside": {key(w) for w in cur.get("countryside_designators") or []},  # `بريف حلب`
        "province_words": {key(w) for w in cur.get("province_designators") or []},  # `لمحافظة بنزرت`
        "nisba_endings": tuple(key(w) for w in cur.get("nisba_endings") or []),  # as keys: يه for ية
        "definite_prefixes": tuple(key(w) for w in cur.get("definite_prefixes") or []),
        "patronymics": {key(w) for w in cur.get("patronymics") or []},
        "authority_before": {key(w) for w in cur.get("authority_words") or []},
        "authority_verbs": {key(w) for w in cur.get("authority_verbs") or []},
        "max_designator": max((k.count(" ") + 1 for k in designators), default=1),
        "designator_last": {k.rsplit(" ", 1)[-1] for k in designators},
        "country_words": _country_words(cur),
        "street_words": {key(w) for w in cur.get("street_words") or []},
        "airport_words": {key(w) for w in cur.get("airport_words") or []},
        "beside_words": {key(w) for w in cur.get("beside_words") or []},
        "anaphoric_units": {tuple(key(w).split()) for w in cur.get("anaphoric_units") or []},
        "keeping_words": {key(w) for w in cur.get("anaphoric_unit_not_before") or []},
        "noun_adjectives": {key(w) for w in cur.get("noun_phrase_adjectives") or []},
        # names that are also ordinary words (mined, reviewed): they need place context to count
        "needs_context": {key(w) for w in [*_flat(mined.get("needs_context")),
                                           *_flat(mined.get("clitic_needs_context"))]},
        # world-layer names that are ordinary words (mined, reviewed): that reading needs a designator
        "world_words": {key(w) for w in _flat(mined.get("world_needs_context"))},
    }


def _country_words(cur: dict) -> dict[str, str]:
    """Nisba adjectives naming a country, as keys -> ISO3: places_curated.yaml's forms, and every
    form (feminine, plurals, article) of the stems in countries.yaml."""
    out = {key(w): iso for iso, ws in (cur.get("country_adjectives") or {}).items() for w in ws}
    endings = ("", "ه", "ين", "ون")
    for iso, spec in ((lang.load("countries") or {}).get("countries") or {}).items():
        for stem in (spec or {}).get("nisba") or []:
            k = key(stem)
            if " " in k:
                continue
            for e in endings:
                out.setdefault(k + e, iso)
                out.setdefault("ال" + k + e, iso)
    return out


@word_cache
def _first_token_variants(norm: str) -> tuple[tuple[str, int], ...]:
    """Forms of a token with its proclitics stripped: (form, characters stripped)."""
    out = [(norm, 0)]
    if norm in _config()["not_clitic"]:
        return tuple(out)
    rest, cut = norm, 0
    if len(rest) > 3 and rest[0] in "وف":
        rest, cut = rest[1:], 1
        out.append((rest, cut))
    if len(rest) > 3 and rest.startswith("لل"):
        out.append(("ال" + rest[2:], cut + 1))
    elif len(rest) > 3 and rest[0] in "بلك":
        out.append((rest[1:], cut + 1))
    return tuple(out)


def _is_word(lex) -> bool:
    """A word that can be part of a place name (a token or lexeme): letters, not punctuation or number."""
    if lex.is_punct or lex.is_space or lex.like_num or lex.is_digit:
        return False
    return any(c.isalpha() for c in lex.text)


_LEXEMES: dict[int, tuple[str, bool]] = word_dict()


def _token_arrays(doc) -> tuple[list[str], list[bool], list[bool]]:
    """Per token: match key, whether it is a word, whether it starts a sentence.

    Read through one `to_array` call and a per-lexeme cache: attribute access on each spaCy
    token costs more than all the dict lookups of the matcher. Worked out once per doc (gazetteer
    and Latin-name matching both read them); the lists are not modified.
    """
    done = doc.user_data.get("marsad_place_tokens")
    if done is not None:
        return done
    arr = doc.to_array([ORTH, SENT_START])
    vocab = doc.vocab
    norms, words = [], []
    cache = _LEXEMES
    trim_word_dict(cache)
    for orth in arr[:, 0].tolist():  # one flat list: a row list per token cost as much as the loop
        v = cache.get(orth)
        if v is None:
            lex = vocab[orth]
            v = cache[orth] = (lex.norm_, _is_word(lex))
        norms.append(v[0])
        words.append(v[1])
    starts = (arr[:, 1] == 1).tolist()
    doc.user_data["marsad_place_tokens"] = (norms, words, starts)
    return norms, words, starts


@word_cache
def _name_starts(norm: str) -> tuple[tuple[str, int], ...]:
    """The clitic-stripped forms of a token that begin some gazetteer name (usually none)."""
    gaz = gazetteer()
    return tuple((f, c) for f, c in _first_token_variants(norm) if f in gaz.index or f in gaz.prefixes)


@word_cache
def _toggled(norm: str) -> tuple[str, int] | None:
    """A one-token name with the article ال added or removed ("ميادين" for "الميادين")."""
    gaz = gazetteer()
    for form, cut in _first_token_variants(norm):
        alt = form[2:] if form.startswith("ال") else "ال" + form
        if len(alt.removeprefix("ال")) >= 4 and alt in gaz.index:
            return alt, cut
    return None


def _longest(gaz: Gazetteer, norms: list[str], words: list[bool], starts: list[bool],
             i: int) -> tuple[int, str, int] | None:
    """The longest gazetteer name starting at token i: (tokens, key, characters of clitic cut)."""
    forms = _name_starts(norms[i])
    if not forms:
        return None
    best = None
    n_tok = len(norms)
    for form, cut in forms:
        k = form
        j = i
        while True:
            if k in gaz.index and (best is None or j - i + 1 > best[0]):
                best = (j - i + 1, k, cut)
            j += 1
            if j >= n_tok or not words[j] or starts[j] or k not in gaz.prefixes:
                break
            k = f"{k} {norms[j]}"
    return best


@word_cache
def _ends_designator(norm: str) -> bool:
    """Whether a token can be the last word of a designator (a quick filter before the n-grams)."""
    last_words = _config()["designator_last"]
    return any(form in last_words for form, _cut in _first_token_variants(norm))


def _designator_at(norms: list[str], words: list[bool], starts: list[bool],
                   i: int) -> tuple[str, tuple[str, ...], int | None, int] | None:
    """The designator phrase ending right before token i: key, features, precision, first token."""
    cfg = _config()
    if i < 1 or not words[i - 1] or starts[i] or not _ends_designator(norms[i - 1]):
        return None
    for n in range(cfg["max_designator"], 0, -1):
        if i - n < 0 or not all(words[i - n:i]) or any(starts[i - n + 1:i + 1]):
            continue
        tail = " ".join(norms[i - n + 1:i])
        for form, _cut in _first_token_variants(norms[i - n]):
            k = f"{form} {tail}" if tail else form
            spec = cfg["designators"].get(k)
            if spec is not None:
                return k, spec[0], spec[1], i - n
    return None


def _designator(norms: list[str], words: list[bool], starts: list[bool],
                i: int) -> tuple[str | None, tuple[str, ...], int | None]:
    """The designator before token i ("محافظة", "ريف", "بالقرب من"), as key, features, precision.

    Two in a row combine: "جنوب مدينة الحديدة" is the city (features of the nearer one) near
    which something happened (precision of the outer one).
    """
    inner = _designator_at(norms, words, starts, i)
    if inner is None:
        return None, (), None
    k, feats, prec, first = inner
    outer = _designator_at(norms, words, starts, first)
    if outer is not None and outer[2]:
        prec = max(prec or 0, outer[2])
        k = f"{outer[0]} {k}"
    return k, feats, prec


def _complete(gaz: Gazetteer, cands: tuple[Place, ...], k: str,
              designated: bool = False) -> tuple[Place, ...]:
    """Add same-country rows named with or without the article: "الميادين" is the district in one
    source and the town "ميادين" in another; both are candidates for the name. After a designator
    (`بلدة الحضر`: Hadar of Quneitra, not al-Hadr of Nineveh) rows of any country: the designator says
    the word is a name, and the report's countries choose among them."""
    first, _, rest = k.partition(" ")
    alt = first[2:] if first.startswith("ال") else "ال" + first
    if len(alt) < (3 if designated else 4):
        return cands
    extra = gaz.lookup(f"{alt} {rest}" if rest else alt)
    if not extra:
        return cands
    countries = {c.country for c in cands}
    seen = {c.id for c in cands}
    more = tuple(p for p in extra if p.id not in seen and (designated or p.country in countries))
    return cands + more if more else cands


def _variant(gaz: Gazetteer, norm: str) -> str | None:
    """The loose key of a gazetteer name this unknown word is a spelling variant of (strict: 1 edit)."""
    lk = loose_key(norm)
    if lk in gaz.loose_index:
        return lk
    if len(lk) < 6:
        return None
    pool = []
    for length in (len(lk) - 1, len(lk), len(lk) + 1):
        pool.extend(gaz.fuzzy_buckets.get((lk[0], length), ()))
    if not pool:
        return None
    best = process.extractOne(lk, pool, scorer=Levenshtein.distance, score_cutoff=1)
    return best[0] if best else None


def _skeleton_match(gaz: Gazetteer, lk2: str) -> str | None:
    """The one two-word gazetteer name (loose key) that `lk2` spells with more or other long vowels:
    the first word as written, the second as long or longer with the same first letter after its
    article (`كاماره` ~ `كمره`; not `خان الاحمر` for خان الحمر, not `الشرقي` for الشرقيه)."""
    first, _, second = lk2.partition(" ")

    def head(w: str) -> str:
        return w[2:3] if w.startswith("ال") else w[:1]

    out = [k for k in gaz.skeleton_index.get(vowel_skeleton(lk2) or "", ())
           if k.partition(" ")[0] == first and len(second) >= len(k.partition(" ")[2])
           and head(second) == head(k.partition(" ")[2])]
    return out[0] if len(out) == 1 else None


def _adjective(norm: str, adjectives: dict[str, str]) -> str | None:
    """The country (ISO3) a nisba adjective names ("التركية", "والسورية"), if the token is one."""
    iso = adjectives.get(norm)
    if iso is None and len(norm) > 4 and norm[0] in "وف":
        iso = adjectives.get(norm[1:])
    return iso


_NO_HIT = (None, False, None, (), None, False)


def _soft_country(gaz: Gazetteer, k: str, cfg: dict[str, Any]) -> bool:
    """A name of a country that only the frequent-word lists screen: those lists were drawn from
    small places' names (a Syrian hamlet الصين) before the world layer brought the countries, so they
    do not screen a country (الصين China, السويد Sweden, المجر Hungary); the hand-picked stopwords do."""
    return k not in cfg["hard_stop"] and any(p.feature == "country" for p in gaz.lookup(k))


def _hit_at(gaz: Gazetteer, norms: list[str], words: list[bool], starts: list[bool], i: int):
    """The place name starting at token i, if any: ((tokens, key, clitic chars), fuzzy, designator...)."""
    hit = _longest(gaz, norms, words, starts, i)
    if hit is None and (i < 1 or not words[i - 1] or starts[i] or not _ends_designator(norms[i - 1])):
        return _NO_HIT  # most words: no name starts here and no designator stands before
    cfg = _config()
    stop, never = cfg["stop"], cfg["stop_any"]
    qual, feats, prec = _designator(norms, words, starts, i)
    fuzzy = False
    if hit is None and qual is not None:
        # "الميادين" written for "ميادين": only right after a designator (مدينة ...), since
        # toggling the article on any word turns adjectives (التركية) into villages (تركية).
        alt = _toggled(norms[i])
        if alt:
            hit = (1, alt[0], alt[1])
    if (hit is None and qual is not None and len(norms[i]) >= 5 and set(feats) & _NAMED_UNITS
            and (norms[i][0] not in letter_proclitics() or norms[i].startswith("ال"))
            and not norms[i].endswith(cfg["nisba_endings"])  # nisba adjectives: "قاعدة عسكرية"
            and _adjective(norms[i], cfg["country_words"]) is None):
        # A spelling variant, only right after a designator ("مدينة سراقيب" for سراقب).
        lk = _variant(gaz, norms[i])
        if lk is not None:
            hit, fuzzy = (1, lk, 0), True
    if ((hit is None or len(hit[1]) < 3) and qual is not None and set(feats) & _NAMED_UNITS
            and i + 1 < len(norms) and words[i + 1] and not starts[i + 1]
            and norms[i][0] not in letter_proclitics()):
        # A two-word transliterated name written with more long vowels, only right after a designator
        # (`منطقة أب كاماري` for آب کمری, Ab Kamari; `مدينة اسكي شهير`): one name of that skeleton
        lks = _skeleton_match(gaz, loose_key(f"{norms[i]} {norms[i + 1]}"))
        if lks is not None:
            hit, fuzzy = (2, lks, 0), True
    if hit is None or hit[1] in never or len(hit[1]) < 3:
        return None, False, None, (), None, False
    weak = False
    if hit[0] == 1:
        word = norms[i][hit[2]:]
        if (hit[1] in stop or word in stop) and (
                set(feats) & _SETTLEMENTS or not _soft_country(gaz, hit[1], cfg)):
            # A common word, unless a designator says it is a place ("قرية الجديدة"); an indefinite
            # word after one is an adjective ("بلدة تركية", "مدينة استراتيجية"). Even then it may
            # begin a longer unknown name ("حي الشيخ مقصود"): weak, kept only with the doc's support.
            if not (hit[1].startswith("ال") and qual is not None) or hit[1] in cfg["hard_stop"]:
                return None, False, None, (), None, False
            weak = True
        if hit[1] in cfg["designators"] or word in cfg["designators"]:
            return None, False, None, (), None, False  # "مدينة" in "جنوب مدينة الحديدة" introduces a name
    return hit, fuzzy, qual, feats, prec, weak or fuzzy


@cache
def _adjective_forms() -> dict[str, str]:
    """Every form `_adjective` accepts (with a leading و or ف) -> ISO3, for one dict probe per token."""
    out = {}
    for form, iso in _config()["country_words"].items():
        out[form] = iso
        if len(form) > 3:
            for clitic in "وف":
                out.setdefault(clitic + form, iso)
    return out


_TOKEN_KIND: dict[str, int] = word_dict()


def _interesting_tokens(norms: list[str]) -> list[int]:
    """Per token: 1 when a gazetteer name may start at it, 2 when it may end a designator (a name
    may follow), else 0; remembered per word form across docs."""
    kinds = _TOKEN_KIND
    trim_word_dict(kinds)
    out = []
    for norm in norms:
        k = kinds.get(norm)
        if k is None:
            k = kinds[norm] = 2 if _ends_designator(norm) else 1 if _name_starts(norm) else 0
        out.append(k)
    return out


def _raw_matches(doc) -> list[dict[str, Any]]:
    """Every longest gazetteer match outside boilerplate, before disambiguation.

    One pass over the tokens into plain lists, then dict probes: a name is extended token by
    token only while the words so far are the beginning of some gazetteer name.
    """
    gaz = gazetteer()
    cfg = _config()
    norms, words, starts = _token_arrays(doc)
    adjectives = cfg["country_words"]
    # Countries each sentence names by adjective (التركية) or country name: local context.
    sent_of: list[int] = []
    sent_countries: list[set[str]] = []
    adjective_forms = _adjective_forms()
    nisba: Counter = Counter()
    for j, norm in enumerate(norms):
        if starts[j] or not sent_countries:
            sent_countries.append(set())
        sent_of.append(len(sent_countries) - 1)
        iso = adjective_forms.get(norm)
        if iso:
            sent_countries[-1].add(iso)
            nisba[iso] += 1
    doc.user_data["marsad_nisba"] = nisba
    doc_countries: set[str] = set().union(*sent_countries) if sent_countries else set()
    # words worth a look: a name may start there, or a designator stands right before
    interesting = _interesting_tokens(norms)
    out = []
    i = 0
    while i < len(norms):
        if not words[i] or not (interesting[i] or (i and interesting[i - 1] == 2)):
            i += 1
            continue
        hit, fuzzy, qual, feats, prec, weak = _hit_at(gaz, norms, words, starts, i)
        if hit is None:
            i += 1
            continue
        n, k, cut = hit
        last = doc[i + n - 1]
        start, end = doc[i].idx + cut, last.idx + len(last.text)
        if not in_boilerplate(doc, start, end):
            if fuzzy:  # a variant names a place, not a country ("تركية" is not تركيا)
                cands = tuple(p for p in gaz.loose_lookup(k) if p.feature != "country")
                abroad = frozenset()
            else:
                base = gaz.lookup(k)
                cands = _complete(gaz, base, k, designated=qual is not None and n == 1
                                  and bool(set(feats) & _SETTLEMENTS))
                # rows of a country the name itself never pointed to stand only if the report names it
                abroad = frozenset(c.id for c in cands if c.country not in {b.country for b in base})
            if n == 1 and k in cfg["stop"] and not set(feats) & _SETTLEMENTS and any(
                    c.feature == "country" for c in cands):
                # a country's name that a frequent-word list holds (_soft_country), bare or after a
                # direction (`غرب الصين`): the country, not the hamlets of that name the list was drawn
                # for (الصين in Yemen, السويد in Iraq); `قرية الصين` is still the hamlet
                cands = tuple(c for c in cands if c.feature == "country")
            if n == 1 and qual is None and {k, norms[i][cut:]} & cfg["world_words"]:
                # `هزة أرضية` (a tremor, not Heze), `بنوك` (banks, not ب + Nuuk): with no designator
                # before it, a world-layer name that the corpus uses as a word is that word
                cands = tuple(c for c in cands if not c.id.startswith(_WORLD_TOWNS))
            if not cands:
                i += n
                continue
            prev = norms[i - 1] if i > 0 and not starts[i] else ""
            # `الحدودية مع تركيا`, `بالتنسيق مع السعودية`: a country named after `مع` is a neighbour or
            # a partner, not where the sentence's places lie
            beside = prev in cfg["beside_words"]
            for c in cands:
                if c.feature == "country" and not beside:
                    sent_countries[sent_of[i]].add(c.country)
            nxt = i + n
            follow = _adjective(norms[nxt], adjectives) if nxt < len(norms) and not starts[nxt] else None
            site = "ب" in norms[i][:cut] or prev in cfg["site_words"]
            if n == 1 and not any(c.feature in ("country", "admin1", "city") for c in cands):
                # "حديثه" (his talk) is not حديثة, "لائحة" (a list) is not ل + ائحة: unless something
                # else marks the word as a place, it needs the doc's support
                homograph = doc[i].text.endswith("ه") and all(c.name.endswith("ة") for c in cands)
                glued = bool(cut) and "ب" not in norms[i][:cut] and all(c.feature in _MINOR for c in cands)
                weak = weak or homograph or glued
            # "الحسين بن علي", "عمر عبدالعزيز الدخيل": a name after a person's name is his lineage
            patronym = n > 1 and norms[i] in cfg["patronymics"] and bool(prev) and words[i - 1] and not (
                site or prev in cfg["designators"])
            if n == 1 and qual is None and not site and _agreeing_adjective(norms[i], prev, cut) and all(
                    c.feature in _MINOR or _world(c) or (norms[i].startswith("ال") and c.feature != "country")
                    for c in cands):
                # `القوات الكردية`, `طائرة تركية`, `الطريقة الصوفية`: an adjective agreeing with its noun,
                # not a village (nor, when both are definite, a town or city of that name)
                i += n
                continue
            if qual is None and not site and prev and words[i - 1] and (
                    prev in cfg["patronymics"] or _street(prev)):
                # `حمد بن جاسم`: a name right after بن/أبو is a person's lineage; `شارع فلسطين`,
                # `ساحة بغداد`: a place after a street or square word names the street, not the place
                i += n
                continue
            if n == 1 and qual is None and nxt < len(norms) and not starts[nxt] \
                    and norms[nxt] in cfg["noun_adjectives"] and {k, norms[i][cut:]} & cfg["needs_context"]:
                i += n  # `المعقل الرئيس`: the ordinary word's noun phrase, not the village
                continue
            prev2 = f"{norms[i - 2]} {prev}" if i > 1 and prev and not starts[i - 1] else ""
            big = any(c.feature in ("country", "admin1", "city") for c in cands)
            metonym = not cut and (prev in cfg["authority_before"] or prev2 in cfg["authority_before"] or (
                big and nxt < len(norms) and not starts[nxt] and norms[nxt] in cfg["authority_verbs"]) or (
                big and prev in cfg["authority_verbs"]))  # `دمشق تتهم أنقرة`: the accused government
            airport = _after_airport(norms, words, starts, i)
            # `بالمحافظة على` is "keeping (to)", not "in the province"
            anaphor = any(tuple(norms[nxt:nxt + len(a)]) == a and not any(starts[nxt:nxt + len(a)])
                          and not (nxt + len(a) < len(norms) and norms[nxt + len(a)] in cfg["keeping_words"])
                          for a in cfg["anaphoric_units"])
            out.append({"start": start, "end": end, "tok": i, "tok_end": i + n, "sent": sent_of[i],
                        "cands": cands, "qualifier": qual, "site": site, "weak": weak, "patronym": patronym,
                        "features": feats, "precision": prec, "fuzzy": fuzzy, "key": k,
                        "follow": (follow,) if follow else (), "sentence": sent_countries[sent_of[i]],
                        "metonym": metonym, "doc_countries": doc_countries, "abroad": abroad,
                        "common": n == 1 and bool({k, norms[i][cut:]} & cfg["needs_context"]),
                        "beside": beside, "airport": airport, "anaphor": anaphor})
        i += n
    return out


_MINOR = frozenset({"village", "other", "neighborhood"})


def _after_airport(norms: list[str], words: list[bool], starts: list[bool], i: int) -> bool:
    """Whether the name at token i follows an airport word, right before it or before one more
    designator word (`مطار قندهار`, `لمطار صنعاء`, `مطار ولاية قندهار`)."""
    cfg = _config()
    for j in (i - 1, i - 2):
        if j < 0 or not words[j] or starts[j + 1]:
            return False
        if any(form in cfg["airport_words"] for form, _cut in _first_token_variants(norms[j])):
            return True
        if norms[j] not in cfg["designator_last"]:
            return False
    return False


AIRPORT_KM = 30.0  # a city's airport lies this near its point (Damascus International: 24 km)


def _airport_of(best: Place, cands: tuple[Place, ...]) -> Place | None:
    """`مطار قندهار`: the city's airport within AIRPORT_KM (or a city of that name's, for `مطار ولاية
    قندهار`): one named after the city first (Abu Dhabi International, not the nearer Al Bateen),
    else the nearest; None for a name that is no city or has no airport near."""
    towns = [best] + [c for c in cands if c is not best and c.country == best.country
                      and c.feature in ("city", "town")]
    for town in towns:
        if town.feature not in ("city", "town", "admin1") or town.lat is None:
            continue
        near = [(_km(a, town), a) for a in airports().get(town.country, ())]
        near = [(d, a) for d, a in near if d <= AIRPORT_KM]
        if near:
            name = _fold(town.name_en)
            a = min(near, key=lambda da: (not (name and name in _fold(da[1].name_en)), da[0]))[1]
            return Place(a.id, a.name, a.name_en, a.feature, a.country, town.admin1, town.admin2,
                         a.lat, a.lon, None)
    return None


def _street(norm: str) -> bool:
    """Whether a token is a street or square word (`شارع`, `بساحة`), proclitics allowed."""
    streets = _config()["street_words"]
    return any(form in streets for form, _cut in _first_token_variants(norm))


def _agreeing_adjective(norm: str, prev: str, cut: int) -> bool:
    """A nisba word (`الكرديه`, `تركيه`) right after a noun of the same definiteness is its adjective."""
    cfg = _config()
    if cut or not prev or not norm.endswith(cfg["nisba_endings"][0]) or len(norm) < 5:
        return False
    definite = norm.startswith("ال")
    prev_definite = prev.startswith(cfg["definite_prefixes"])
    return definite == prev_definite and len(prev) >= 3
_SUPPORTING = frozenset({"admin1", "admin2", "admin3", "city", "town", "region"})
# Designators after which an unknown word is worth a spelling-variant search: named settlements and
# units, not facilities ("قاعدة عسكرية", "مخيم للنازحين") or directions.
_NAMED_UNITS = frozenset({"city", "town", "village", "neighborhood", "admin1", "admin2", "admin3"})


_WORLD_TOWNS = ("gn:", "capital:")  # id prefixes of the world layer's GeoNames towns and cities
BIG_CITY = 1_000_000  # a world-layer city this large needs no other cue to its country


def _world(c: Place) -> bool:
    """A row of the world layer (GeoNames towns and cities, ISO 3166-2 provinces) that no other
    cue supports by itself: its country, capitals and cities of a million are cues of their own."""
    return (c.id.startswith("gn:") or c.id.startswith("iso:") and c.feature == "admin1") and not (
        c.feature == "city" and (c.population or 0) >= BIG_CITY)


def _anchored(matches: list[dict[str, Any]], named: set[str]) -> list[dict[str, Any]]:
    """Keep world-layer candidates only in a country the report is about.

    Outside the detailed MENA gazetteer a name is a homonym somewhere on the globe (`يوبي` is a
    Nigerian state and a Japanese town, `دواس` an Indian city): a town, city or province of the world
    layer counts only when its country is named in the report (country name, nisba adjective,
    capital, big city, or another place the detailed gazetteer knows there) or a designator says
    what it is (`ولاية يوبي`, `مدينة موبي`).
    """
    countries = set(named)
    for m in matches:
        sure = [c for c in m["cands"] if not _world(c)]
        if sure and len({c.country for c in sure}) == 1:
            countries.add(sure[0].country)
    out = []
    for m in matches:
        if m.get("abroad"):  # `بلدة الحضر` read as حضر: only in a country the report is about
            m["cands"] = tuple(c for c in m["cands"] if c.id not in m["abroad"] or c.country in countries)
            if not m["cands"]:
                continue
        cands = m["cands"]
        # `ولاية يوبي`, `مدينة موبي`: a designator of a named unit says it is a place
        if any(_world(c) for c in cands) and not m["features"]:
            # a world town or village also needs a site word (`في`, `ب`): `برايس` is a spokesman,
            # not Price, Utah, even in a report about the United States
            # a city of 100k+ after a site word stands on its own too (`في جنيف`: Geneva, Switzerland unnamed)
            cands = tuple(c for c in cands if not _world(c) or (
                c.country in countries and (m["site"] or c.feature not in ("town", "village")))
                or (m["site"] and c.feature == "city" and m["qualifier"] is None and not m["common"]))
            if not cands:
                continue
            m["cands"] = cands
        out.append(m)
    return out


_SETTLEMENTS = frozenset({"city", "town", "village"})


def _with_latin_names(doc, raw: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Add the settlements the gazetteer knows only by a Latin name (`قرية سترة` = Sitrah, `بلدة دابتشي`
    = Dapchi): an unknown word whose consonant skeleton (translit.py) is that of a place in a country
    the report names, right after a settlement designator (مدينة، بلدة، قرية، منطقة), or after
    a site word (في) with a larger place of that country a few words on (`في دابشي في ولاية يوبي`).
    A one-word name the gazetteer places only abroad (`موبي`, a Sudanese village) counts as unknown."""
    norms, words, starts = _token_arrays(doc)
    cfg = _config()
    # countries the report names (by name, or by a town or province of the detailed gazetteer); not
    # nisba words alone: `اللواء منصور التركي` is a Saudi spokesman's family name, not Turkey
    countries: set[str] = set()
    for m in raw:
        sure = {c.country for c in m["cands"] if not _world(c)}
        if len(sure) == 1 and not all(c.feature in _MINOR for c in m["cands"]):
            countries |= sure  # a village of the detailed gazetteer is no cue: `موبي` is also Sudanese
        countries.update(c.country for c in m["cands"] if c.feature == "country")
    if not countries:
        return raw
    named_in_doc = raw[0]["doc_countries"]  # what the other mentions carry (nisba words too)
    foreign = {m["tok"]: m for m in raw
               if m["tok_end"] - m["tok"] == 1 and not any(c.country in countries for c in m["cands"])}
    covered = {t for m in raw for t in range(m["tok"], m["tok_end"]) if m["tok"] not in foreign}
    sent, n = [], -1
    for j, st in enumerate(starts):  # sentence numbers as _raw_matches counts them
        n += bool(st or j == 0)
        sent.append(n)
    by_tok = {m["tok"]: m for m in raw}
    added, dropped = [], set()
    for i in range(1, len(norms)):
        norm = norms[i]
        if (i in covered or not words[i] or starts[i] or len(norm) < 4 or norm in cfg["stop"]
                or norm in cfg["stop_any"] or norm in cfg["designators"]
                or (norm[0] in letter_proclitics() and not norm.startswith("ال"))
                or norm.endswith(cfg["nisba_endings"]) or _adjective(norm, cfg["country_words"])):
            continue
        qual, feats, prec = (None, (), None)
        if _ends_designator(norms[i - 1]):
            qual, feats, prec = _designator(norms, words, starts, i)
        if qual is not None and not set(feats) & _SETTLEMENTS:
            continue
        if qual is None:
            # `في دابشي في ولاية يوبي`: a site word, then `في` and a larger place of that country
            if norms[i - 1] not in cfg["site_words"] or i + 2 >= len(norms) or starts[i + 1]:
                continue
            holder = next((by_tok[t] for t in range(i + 2, i + 6) if t in by_tok), None) if (
                norms[i + 1] == "في") else None
            if holder is None or holder["sent"] != sent[i]:
                continue
            holders = {c.country for c in holder["cands"] if c.feature in ("admin1", "region", "country")}
            cands = tuple(c for c in latin_places(norm, countries) if c.country in holders)
        else:
            cands = latin_places(norm, countries, settlement=True)
        # a place the gazetteer knows by an Arabic name is written so: `القديح` is no reading of Jiddah
        # (جدة); `سترة` still reads Sitrah, whose Arabic name in GeoNames is spelled the Urdu way (سترہ)
        cands = tuple(c for c in cands if _written_so(c, norm))
        if not cands:
            continue
        tok = doc[i]
        start, end = tok.idx, tok.idx + len(tok.text)
        if in_boilerplate(doc, start, end):
            continue
        dropped.add(i)
        added.append({"start": start, "end": end, "tok": i, "tok_end": i + 1, "sent": sent[i],
                      "cands": cands, "qualifier": qual, "site": True, "weak": False, "patronym": False,
                      "features": feats, "precision": prec, "fuzzy": False, "key": norm, "follow": (),
                      "sentence": set(), "metonym": False, "doc_countries": named_in_doc, "common": False})
    if not added:
        return raw
    # one sense per report: the name's other mentions (`تفجير «سترة»`, `شرطة موبي`) are that place too
    named = {m["key"]: m for m in added}
    for i in range(len(norms)):
        if i in covered or i in dropped or not words[i]:
            continue
        for form, cut in _first_token_variants(norms[i]):
            if form in named:
                tok = doc[i]
                start, end = tok.idx + cut, tok.idx + len(tok.text)
                if in_boilerplate(doc, start, end):
                    break
                dropped.add(i)
                prev = norms[i - 1] if i > 0 and not starts[i] else ""
                added.append({"start": start, "end": end, "tok": i, "tok_end": i + 1, "sent": sent[i],
                              "cands": named[form]["cands"], "qualifier": None,
                              "features": named[form]["features"], "precision": None,
                              "site": "ب" in norms[i][:cut] or prev in cfg["site_words"], "weak": False,
                              "patronym": False, "fuzzy": False, "key": form, "follow": (), "sentence": set(),
                              "metonym": False, "doc_countries": named_in_doc, "common": False})
                break
    return sorted([m for m in raw if m["tok"] not in dropped] + added, key=lambda m: m["start"])

def _fold(name: str | None) -> str:
    """A Latin name lower-cased without diacritics or punctuation (`Al Jahrā’` -> `aljahra`)."""
    s = unicodedata.normalize("NFKD", name or "")
    return "".join(ch for ch in s.lower() if ch.isascii() and ch.isalnum())


_HEH = str.maketrans({"ہ": "ه", "ۃ": "ه", "ۀ": "ه", "ھ": "ه"})  # Urdu and Persian forms of ه and ة


def _arabic_key(name: str) -> str:
    return key(name).translate(_HEH).removeprefix("ال")


@cache
def _arabic_named() -> dict[tuple[str, str], frozenset[str]]:
    """(country, folded Latin name) of the gazetteer's towns and cities -> the keys of their Arabic names."""
    gaz = gazetteer()
    rows = gaz._rows  # read off the rows: building a Place for each would cost the memory of all of them
    latin: dict[int, tuple[str, str] | None] = {}

    def of(i: int) -> tuple[str, str] | None:
        if i not in latin:
            row = rows[i]
            feature, country = (row[4], row[5]) if len(row) == 12 else (row[3], row[4])
            latin[i] = (country, _fold(row[2])) if feature in ("city", "town") and row[2] else None
        return latin[i]

    out: dict[tuple[str, str], set[str]] = {}
    for k, ids in gaz.index.items():
        for i in ids:
            place = of(i)
            if place is not None:
                out.setdefault(place, set()).add(_arabic_key(k))
    return {k: frozenset(v) for k, v in out.items()}


def _written_so(c: Place, norm: str) -> bool:
    """Whether a Latin-name match may stand: the place has no Arabic name, or this word is it or a
    spelling of it one letter apart (`منستر` for مونستر, Münster)."""
    names = _arabic_named().get((c.country, _fold(c.name_en)))
    if names is None:
        return True
    word = _arabic_key(norm)
    return any(Levenshtein.distance(word, n, score_cutoff=1) <= 1 for n in names)


def _plausible(matches: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Drop names that can only be small places and that nothing marks as a place.

    Most of the 66k village names are also words or people's names (علي سعد، المعرف). A village
    counts when a designator (قرية، بلدة ...) or a site word (في، قرب، ب...) introduces it, or
    when another mention of the doc lies in one of its governorates.
    """
    support: set[tuple[str, str | None]] = set()
    near: list[Place] = []  # the supporting places themselves, for rows with no governorate name
    countries: set[str] = set(matches[0]["doc_countries"]) if matches else set()
    minor_only = []
    for m in matches:
        minor = all(c.feature in _MINOR for c in m["cands"])
        minor_only.append(minor)
        if m["weak"] or m["patronym"] or m["common"]:
            continue
        if len({c.country for c in m["cands"]}) == 1:
            countries.add(m["cands"][0].country)
        countries.update(c.country for c in m["cands"] if c.feature == "country")  # `بالسعودية`
        # governorates the doc surely names: big units, or a small place introduced as one
        areas = {(c.country, c.admin1) for c in m["cands"] if c.feature in _SUPPORTING}
        if not areas and m["qualifier"]:
            areas = {(c.country, c.admin1) for c in m["cands"]}
        if len(areas) <= 2:
            support.update(areas)
            near += [c for c in m["cands"] if c.feature in _SUPPORTING and c.lat is not None]

    def supported(c: Place) -> bool:
        # a world-layer row carries no governorate name (GeoNames codes only): there "another place
        # of its province" means a supporting place of its country within a province's reach
        return (c.country, c.admin1) in support or (c.admin1 is None and c.lat is not None and any(
            s.country == c.country and _km(c, s) <= PROVINCE_KM for s in near))

    given = _config()["given_names"]
    out = []
    for m, minor in zip(matches, minor_only, strict=True):
        if minor and not (m["qualifier"] or m["site"]) and m["key"].split(" ", 1)[0] in given:
            continue  # `رامي عبد الرحمن`, `قال صالح علي`: a person, not the village of that name
        if m["patronym"] or ((m["weak"] or (minor and not (m["qualifier"] or m["site"]))) and not any(
                supported(c) for c in m["cands"])):
            continue
        if m["common"] and not m["features"]:
            # `بالضلوع في` (involvement), `بيتين` (two houses), `في الزاوية` (the corner): a name that is
            # also an ordinary word needs place context beyond a preposition: another place of its
            # province (a village) or of its country (a town, city or province) in the report
            cands = tuple(c for c in m["cands"] if supported(c) or (
                c.feature not in _MINOR and c.country in countries))
            if not cands:
                continue
            m["cands"] = cands
        out.append(m)
    return out


def _link_containers(matches: list[dict[str, Any]]) -> None:
    """"قرية رأس العين بريف اللاذقية": a larger unit named right after a name (same sentence, a few
    words on) is where to look for it; its governorates go to the first mention's "within"."""
    for m, nxt in zip(matches, matches[1:], strict=False):
        if nxt["sent"] != m["sent"] or nxt["tok"] - m["tok_end"] > 3 or nxt.get("beside"):
            continue  # (`X المحاذية للحدود مع تركيا`: across the border from it, not inside)
        within = {(c.country, c.admin1) for c in nxt["cands"]
                  if c.admin1 and c.feature in ("admin1", "admin2", "city")}
        within |= {(c.country, "*") for c in nxt["cands"] if c.feature == "country"}
        if within:
            m["within"] = within
            # named as a province (`لولاية بنزرت`) or a district (`بمديرية الشرية`), not a countryside
            # (`بريف إدلب` also covers villages across the governorate line)
            m["boxed"] = nxt["qualifier"] in _config()["province_words"] or (
                nxt["qualifier"] is None and all(c.feature == "admin2" for c in nxt["cands"]))


def _link_anaphors(matches: list[dict[str, Any]]) -> None:
    """`بمديرية X بالمحافظة`: "the province" after a name points back to the province the report named
    last before it: one written as such (`محافظة صلاح الدين شمالي العاصمة بغداد ... بالمحافظة` is Salah
    al-Din, not Baghdad), else a province or a city that stands for one. That province is where to
    look for the name."""
    province_words = _config()["province_words"]

    def provinces(m: dict[str, Any]) -> set[tuple[str, str]]:
        return {(c.country, c.admin1) for c in m["cands"] if c.admin1 and c.feature in ("admin1", "city")}

    for j, m in enumerate(matches):
        if not m.get("anaphor") or m.get("within"):
            continue
        earlier = matches[:j][::-1]
        named = [o for o in earlier if o["qualifier"] in province_words and provinces(o)]
        for o in named[:1] or earlier:
            if provinces(o):
                m["within"] = provinces(o)
                break


def _context(matches: list[dict[str, Any]]) -> tuple[Counter, Counter]:
    """Country and (country, admin1) votes from the doc's mentions; unambiguous ones count fully."""
    countries: Counter = Counter()
    admins: Counter = Counter()
    for m in matches:
        cands = m["cands"]
        if m.get("beside"):
            continue  # `الحدودية مع تركيا`: says where the places are not
        cset = {c.country for c in cands}
        w = 1.0 / len(cset)
        for c in cset:
            countries[c] += w
        for c in cands:
            if c.feature == "country":
                countries[c.country] += 2.0
        aset = {(c.country, c.admin1) for c in cands if c.admin1}
        if aset:
            wa = 1.0 / len(aset)
            for a in aset:
                admins[a] += wa
    for m in matches:
        for iso in m.get("adjectives", ()):
            countries[iso] += 1.0
    return countries, admins


# Prior of a homonym by what it is: countries and big units beat villages of the same name.
_PRIOR = {"country": 5.0, "admin1": 2.5, "city": 3.0, "town": 1.5, "admin2": 1.2, "admin3": 0.8, "camp": 2.0,
          "prison": 2.0, "base": 2.0, "facility": 2.0, "region": 2.0, "neighborhood": 0.5, "village": 0.0,
          "other": -0.5}


_POPULATED = frozenset({"city", "town", "village", "neighborhood"})


def _score(c: Place, m: dict[str, Any], countries: Counter, admins: Counter, total: float) -> float:
    """Context (doc countries and governorates, sentence countries, a country adjective right after
    the name) plus a prior by feature class and population."""
    s = _PRIOR.get(c.feature, 0.0) + 0.3 * math.log10((c.population or 0) + 1)
    if total:
        s += 4.0 * countries[c.country] / total
        if c.admin1:
            s += 2.0 * admins[(c.country, c.admin1)] / total
    within = m.get("within", ())
    if (c.country, c.admin1) in within or (c.country, "*") in within:
        s += 3.0  # "سروج الواقعة بجنوب شرق تركيا", "رأس العين بريف اللاذقية"
    if c.country in m.get("follow", ()):
        s += 6.0  # "مدينة سوروتش التركية"
    if c.country in m.get("sentence", ()):
        s += 1.5
    feats = m["features"]
    if feats:
        if c.feature in feats:
            s += 3.0
        elif c.feature in _POPULATED and ("city" in feats or "town" in feats):
            s += 2.0  # "مدينة رفح": sources often class a town as a village
        elif (c.feature in ("admin2", "admin3") and ("city" in feats or "town" in feats)
              and (c.country, c.admin1) not in m.get("populated", ())):
            s += 2.0  # "بلدة سروج": the district row stands for its seat when the town has no row
        else:
            s -= 1.0
    if c.feature in ("admin2", "admin3") and (c.country, c.admin1) in m.get("populated", ()) and not (
            feats and c.feature in feats and not _POPULATED.intersection(feats)):
        # a district named after its town: the bare name means the town, and so does a designator
        # that may name either (`منطقة مقبنة`); `قضاء`, `ناحية` name the district
        s -= 1.5
    if c.country == "TUR" and countries["TUR"] < 1.5 and "TUR" not in m.get("sentence", ()):
        s -= 1.5  # Arabic-named Turkish rows are mostly twins of Syrian border towns
    return s


NEAR_KM = (25.0, 75.0)  # a homonym this close to a town the report names gets NEAR_BONUS, or half of it
NEAR_BONUS = 1.0
MAX_ANCHOR_CANDS = 3  # a name with more homonyms than this is no anchor


def _near_named(m: dict[str, Any], matches: list[dict[str, Any]]) -> None:
    """Among a name's villages and towns in one country, the one near the other places (towns,
    districts, villages of few homonyms) the report names (`منطقة الجفينة جنوب غرب مأرب`: the
    Jufaynah of Ma'rib's outskirts, not the one 60 km north-west in the same governorate)."""
    scores = m["scores"]
    best = max(m["cands"], key=lambda c: scores[c.id])
    small = [c for c in m["cands"]
             if c.feature in _POPULATED and c.lat is not None and c.country == best.country]
    if best.feature not in _POPULATED or len(small) < 2:
        return  # a province or city that stands for it, or no two homonyms in its country
    anchors = [(a.lat, a.lon, a.country) for o in matches if o["key"] != m["key"]
               and len(o["cands"]) <= MAX_ANCHOR_CANDS
               for a in o["cands"] if a.feature not in ("country", "admin1", "region") and a.lat is not None]
    if not anchors:
        return
    for c in small:
        d = min((_km_ll(c.lat, c.lon, la, lo) for la, lo, iso in anchors if iso == c.country),
                default=math.inf)
        if d <= NEAR_KM[0]:
            scores[c.id] += NEAR_BONUS
        elif d <= NEAR_KM[1]:
            scores[c.id] += NEAR_BONUS / 2


def _km_ll(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(h))


def _precision(place: Place, m: dict[str, Any]) -> int:
    base = _PRECISION.get(place.feature, 1)
    feats = m["features"]
    if base == 2 and ("city" in feats or "town" in feats) and place.feature not in feats:
        base = 1  # "بلدة سروج" resolved to the district row: the town itself is meant (not `منطقة نهم`)
    if m["precision"]:
        return max(base, int(m["precision"]))
    return base


def find_places(doc) -> list[PlaceMention]:
    """Place mentions in the doc's content sentences, each disambiguated in the doc's context.

    One sense per name and designator in a doc: the scores of a name's mentions are summed, so
    "سروج الواقعة بجنوب شرق تركيا" settles the later bare "سروج" too.
    """
    raw = _raw_matches(doc)
    raw = _with_latin_names(doc, raw)
    matches = _plausible(_anchored(raw, raw[0]["doc_countries"] if raw else set()))
    _link_containers(matches)
    _link_anaphors(matches)
    countries, admins = _context(matches)
    total = sum(countries.values())
    text = doc_text(doc)
    sums: dict[tuple, dict[str, float]] = {}
    for m in matches:
        cands = m["cands"]
        m["populated"] = {(c.country, c.admin1) for c in cands if c.feature in _POPULATED}
        if len(cands) > 1:
            m["scores"] = {c.id: _score(c, m, countries, admins, total) for c in cands}
            _near_named(m, matches)
            acc = sums.setdefault((m["key"], m["features"]), {})
            for cid, sc in m["scores"].items():
                acc[cid] = acc.get(cid, 0.0) + sc
    out = []
    for m in matches:
        cands = m["cands"]
        if len(cands) == 1:
            ranked = cands
        else:
            acc = sums[(m["key"], m["features"])]
            ranked = tuple(sorted(cands, key=lambda c: (acc[c.id], m["scores"][c.id]), reverse=True))
        best = ranked[0]
        if m.get("airport"):
            best = _airport_of(best, ranked) or best
        m["best"] = best
        # `منطقة العروق بمديرية الشرية`: a village none of whose homonyms lies in the province or district
        # named as its container is a place we do not know; its namesakes elsewhere are not it
        m["unknown"] = bool(m.get("boxed") and best.feature in _MINOR
                            and all(c.admin1 and (c.country, c.admin1) not in m["within"] for c in cands))
        out.append(PlaceMention(m["start"], m["end"], text[m["start"]:m["end"]], best, tuple(ranked),
                                _precision(best, m), m["qualifier"], m["fuzzy"], m["metonym"]))
    kept = [(m, pm) for m, pm in zip(matches, out, strict=True) if not m["unknown"]]
    out = _inside_named_town([m for m, _ in kept], [pm for _, pm in kept])
    doc._.places = out
    doc.user_data["marsad_country"] = report_country(out, doc.user_data.get("marsad_nisba") or Counter())
    return out


LEAD_CHARS = 400  # the headline and lead, where a report says where it is from (its dateline)


def report_country(mentions: list[PlaceMention], nisba: Counter) -> str | None:
    """The country a report is about (ISO3), from every cue: the places it names (a country counts
    double, the dateline and lead double again, a government named by its seat too: `طهران تنفي`)
    and its nisba adjectives (`السلطات الإندونيسية`). What an event with no place of its own falls
    back to; None when the report names no country at all."""
    votes: Counter = Counter()
    for m in mentions:
        w = (2.0 if m.place.feature == "country" else 1.0) * (2.0 if m.start < LEAD_CHARS else 1.0)
        votes[m.place.country] += w
    for iso, n in nisba.items():
        votes[iso] += 0.5 * n
    return max(votes, key=lambda c: (votes[c], c)) if votes else None


_SUBORDINATE = _MINOR | {"admin2", "admin3"}  # names that a town named right after can place
CONTAINER_KM = 15.0  # a neighbourhood or village named with its town lies within this distance of it


def _km(a: Place, b: Place) -> float:
    """Great-circle distance in km."""
    la1, lo1, la2, lo2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 12742.0 * math.asin(math.sqrt(min(1.0, h)))


COUNTRYSIDE_KM = 45.0  # `بريف حلب`: a village of a city's countryside lies within this distance of it
# a province's row is a point (its seat): a village with no governorate name must lie this near it;
# a mid-sized governorate reaches this far from its seat (Sejenane lies 61 km from Bizerte)
PROVINCE_KM = 75.0


def _area_of(nxt: dict[str, Any] | None, town: Place | None) -> str | None:
    """Whether the next mention names an area a village lies in: "province" (a governorate row, or a
    name after محافظة), "countryside" (`ريف حلب`), else None."""
    if nxt is None or town is None or town.lat is None:
        return None
    if town.feature == "admin1" or nxt["qualifier"] in _config()["province_words"]:
        return "province"  # `سجنان التابعة لمحافظة بنزرت`: the city stands for its governorate
    if town.feature in ("city", "town") and nxt["qualifier"] in _config()["countryside"]:
        return "countryside"
    return None


def _within_area(c: Place, town: Place, area: str) -> bool:
    if c.lat is None:
        return False
    if area == "countryside" and _km(c, town) <= COUNTRYSIDE_KM:
        return True  # `أورم الكبرى بريف إدلب`: a city's countryside reaches over its governorate's border
    if c.admin1 is not None and town.admin1 is not None:
        return c.admin1 == town.admin1  # the gazetteer's governorate names agree across its rows
    return _km(c, town) <= (PROVINCE_KM if area == "province" else COUNTRYSIDE_KM)


def _inside_named_town(matches: list[dict[str, Any]], out: list[PlaceMention]) -> list[PlaceMention]:
    """`حي المسلخ بمدينة النبطية`: a neighbourhood or village named right before its town must lie
    near that town, and any place named by a town must be in its country; a same-named place
    elsewhere gives way to a nearer homonym, or to the town itself."""
    keep = []
    for k, (m, pm) in enumerate(zip(matches, out, strict=True)):
        nxt = matches[k + 1] if k + 1 < len(matches) else None
        town = nxt.get("best") if nxt is not None else None
        if (town is not None and town.feature in ("city", "town") and town.country != pm.place.country
                and pm.place.feature in _SUBORDINATE and not (m["metonym"] or nxt["metonym"])
                and nxt["sent"] == m["sent"]
                and 1 <= nxt["tok"] - m["tok_end"] <= 2):
            # `منطقة صلاح الدين جنوب طرابلس`: the name lies by a town of another country, so it is a
            # homonym there (or a place the gazetteer lacks), never the row abroad
            there = [c for c in pm.candidates if c.country == town.country]
            if there:
                keep.append(PlaceMention(pm.start, pm.end, pm.text, there[0], pm.candidates, pm.geo_precision,
                                         pm.qualifier, pm.fuzzy, pm.metonym))
            continue
        area = _area_of(nxt, town)
        if (area and pm.place.feature in _MINOR and nxt["sent"] == m["sent"]
                and nxt["tok"] - m["tok_end"] <= 2 and not (m["metonym"] or nxt["metonym"])):
            # `قرية الزهراء بريف حلب`, `قرية X بمحافظة ديالى`: the village of that province, or the province
            inside = [c for c in pm.candidates if c.country == town.country and _within_area(c, town, area)]
            if inside:
                best = pm.place if pm.place in inside else inside[0]
                keep.append(PlaceMention(pm.start, pm.end, pm.text, best, pm.candidates, pm.geo_precision,
                                         pm.qualifier, pm.fuzzy, pm.metonym))
            continue
        if (pm.place.feature not in _MINOR or town is None or town.feature not in ("city", "town")
                or nxt["sent"] != m["sent"] or nxt["tok"] - m["tok_end"] > 2
                or nxt["qualifier"] not in _config()["town_designators"]
                or pm.place.lat is None or town.lat is None or _km(pm.place, town) <= CONTAINER_KM):
            keep.append(pm)
            continue
        near = [c for c in pm.candidates if c.lat is not None and _km(c, town) <= CONTAINER_KM]
        if near:
            keep.append(PlaceMention(pm.start, pm.end, pm.text, near[0], pm.candidates, pm.geo_precision,
                                     pm.qualifier, pm.fuzzy, pm.metonym))
    return keep
