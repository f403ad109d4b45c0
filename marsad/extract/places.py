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
from collections import Counter
from dataclasses import dataclass
from functools import cache
from typing import Any

from marsad import lang
from marsad.extract.gazetteer import Gazetteer, Place, gazetteer
from marsad.text.document import content_sentences, in_boilerplate
from marsad.text.normalize import key

__all__ = ["Place", "PlaceMention", "find_places", "gazetteer", "Gazetteer"]

# Preference among homonyms of one name when context does not decide: the populated place a
# reader means by a bare name ("حلب" the city, not the governorate), then larger units.
_BARE_RANK = {"city": 9, "country": 8, "admin1": 7, "town": 6, "admin2": 5, "camp": 5, "prison": 5,
              "base": 5, "facility": 5, "admin3": 4, "neighborhood": 3, "village": 2, "other": 0}
_PRECISION = {"country": 3, "admin1": 3, "admin2": 2, "admin3": 2}


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


@cache
def _config() -> dict[str, Any]:
    """Stopwords and designators as match keys."""
    stop = lang.load("place_stopwords") or {}
    cur = lang.load("places_curated") or {}
    designators = {}
    for word, spec in (cur.get("designators") or {}).items():
        designators[key(word)] = (tuple(spec.get("features") or ()), spec.get("precision"))
    return {
        "stop": {key(w) for w in stop.get("stopwords", [])},
        "stop_any": {key(w) for w in stop.get("never", [])},
        "designators": designators,
        "max_designator": max((k.count(" ") + 1 for k in designators), default=1),
        "country_words": {key(k): v for k, v in (cur.get("country_words") or {}).items()},
    }


def _first_token_variants(norm: str) -> list[tuple[str, int]]:
    """Forms of a token with its proclitics stripped: (form, characters stripped)."""
    out = [(norm, 0)]
    rest, cut = norm, 0
    if len(rest) > 3 and rest[0] in "وف":
        rest, cut = rest[1:], 1
        out.append((rest, cut))
    if len(rest) > 3 and rest.startswith("لل"):
        out.append(("ال" + rest[2:], cut + 1))
    elif len(rest) > 3 and rest[0] in "بلك":
        out.append((rest[1:], cut + 1))
    return out


def _lookup(gaz: Gazetteer, first_forms: list[tuple[str, int]], tail: str, single: bool,
            toggle_article: bool) -> tuple[tuple[Place, ...], int, str] | None:
    """Candidates for an n-gram given its first-token forms; also tries toggling the article ال."""
    cfg = _config()
    for form, cut in first_forms:
        k = f"{form} {tail}" if tail else form
        if len(k) < 3 or (single and k in cfg["stop"]) or k in cfg["stop_any"]:
            continue
        hits = gaz.lookup(k)
        if hits:
            return hits, cut, k
    if not toggle_article:
        return None
    for form, cut in first_forms:
        alt = form[2:] if form.startswith("ال") else "ال" + form
        k = f"{alt} {tail}" if tail else alt
        if len(k.replace("ال", "", 1)) < 5 or (single and (k in cfg["stop"] or form in cfg["stop"])):
            continue
        if k in cfg["stop_any"]:
            continue
        hits = gaz.lookup(k)
        if hits:
            return hits, cut, k
    return None


def _is_word(tok) -> bool:
    if tok.is_punct or tok.is_space or tok.like_num or tok.is_digit:
        return False
    return any(c.isalpha() for c in tok.text)


def _designator(tokens, i: int) -> tuple[str | None, tuple[str, ...], int | None]:
    """The designator right before token i ("محافظة", "ريف", "بالقرب من"), as key, features, precision."""
    cfg = _config()
    for n in range(cfg["max_designator"], 0, -1):
        if i - n < 0:
            continue
        words = tokens[i - n:i]
        if not all(_is_word(t) for t in words):
            continue
        tail = " ".join(t.norm_ for t in words[1:])
        for form, _cut in _first_token_variants(words[0].norm_):
            k = f"{form} {tail}" if tail else form
            spec = cfg["designators"].get(k)
            if spec is not None:
                return k, spec[0], spec[1]
    return None, (), None


def _raw_matches(doc) -> list[dict[str, Any]]:
    """Every longest gazetteer match in the doc's content sentences, before disambiguation."""
    gaz = gazetteer()
    out = []
    for sent in content_sentences(doc):
        toks = list(sent)
        i = 0
        while i < len(toks):
            if not _is_word(toks[i]):
                i += 1
                continue
            found = None
            has_designator = _designator(toks, i)[0] is not None
            for n in range(min(gaz.max_tokens, len(toks) - i), 0, -1):
                span = toks[i:i + n]
                if not all(_is_word(t) for t in span):
                    continue
                tail = " ".join(t.norm_ for t in span[1:])
                hit = _lookup(gaz, _first_token_variants(span[0].norm_), tail, n == 1,
                              n > 1 or has_designator)
                if hit:
                    found = (n, hit)
                    break
            if not found:
                i += 1
                continue
            n, (cands, cut, _k) = found
            start = toks[i].idx + cut
            end = toks[i + n - 1].idx + len(toks[i + n - 1].text)
            if in_boilerplate(doc, start, end):
                i += n
                continue
            qual, feats, prec = _designator(toks, i)
            out.append({"start": start, "end": end, "cands": cands, "qualifier": qual,
                        "features": feats, "precision": prec, "fuzzy": False})
            i += n
    return out


def _context(matches: list[dict[str, Any]]) -> tuple[Counter, Counter]:
    """Country and (country, admin1) votes from the doc's mentions; unambiguous ones count fully."""
    countries: Counter = Counter()
    admins: Counter = Counter()
    for m in matches:
        cands = m["cands"]
        cset = {c.country for c in cands}
        w = 1.0 / len(cset)
        for c in cset:
            countries[c] += w
        if any(c.feature == "country" for c in cands):
            for c in cands:
                if c.feature == "country":
                    countries[c.country] += 2.0
        aset = {(c.country, c.admin1) for c in cands if c.admin1}
        if aset:
            wa = 1.0 / len(aset)
            for a in aset:
                admins[a] += wa
    return countries, admins


def _score(c: Place, m: dict[str, Any], countries: Counter, admins: Counter, total: float) -> float:
    s = 0.0
    if total:
        s += 4.0 * countries[c.country] / total
        if c.admin1:
            s += 2.0 * admins[(c.country, c.admin1)] / total
    if m["features"]:
        s += 3.0 if c.feature in m["features"] else -1.0
    s += 0.25 * _BARE_RANK.get(c.feature, 0)
    s += 0.05 * math.log10((c.population or 0) + 1)
    if c.country == "TUR" and countries["TUR"] < 1.5:
        s -= 1.0  # Arabic-named Turkish rows are mostly twins of Syrian places
    return s


def _precision(place: Place, m: dict[str, Any]) -> int:
    base = _PRECISION.get(place.feature, 1)
    if m["precision"]:
        return max(base, int(m["precision"]))
    return base


def find_places(doc) -> list[PlaceMention]:
    """Place mentions in the doc's content sentences, each disambiguated in the doc's context."""
    matches = _raw_matches(doc)
    countries, admins = _context(matches)
    total = sum(countries.values())
    out = []
    for m in matches:
        ranked = sorted(m["cands"], key=lambda c: _score(c, m, countries, admins, total), reverse=True)
        best = ranked[0]
        out.append(PlaceMention(m["start"], m["end"], doc.text[m["start"]:m["end"]], best, tuple(ranked),
                                _precision(best, m), m["qualifier"], m["fuzzy"]))
    doc._.places = out
    return out
