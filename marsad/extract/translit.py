"""Arabic place names matched against the Latin names of places that have no Arabic name.

GeoNames knows سترة only as Sitrah and دابتشي only as Dapchi. Both spellings reduce to a consonant
skeleton (classes in `marsad/lang/ar/translit.yaml`): `STR` and `DBS`. The index of skeletons ships
precomputed in `marsad/data/gazetteer/latin.csv.gz` (scripts/build_latin_gazetteer.py) and is loaded
on first use. A skeleton names many places on the globe, so places.py asks for one only after a site
word or designator, and keeps only places in a country the report names.
"""

from __future__ import annotations

import csv
import gzip
import unicodedata
from functools import cache

from marsad import lang
from marsad.extract.gazetteer import DATA_DIR, Place, collector_paused

LATIN_FILE = "latin.csv.gz"
MIN_CONSONANTS = 2  # `MB` (Mubi) still names a place; one consonant names everything
SURE_CONSONANTS = 3  # a shorter skeleton (`SR`: الصريا ~ Kalaa Srira) names only cities (100k+ people)


@cache
def _rules() -> dict:
    spec = lang.load("translit") or {}

    def longest_first(d: dict) -> list[tuple[str, str]]:
        return sorted(((k, v) for k, v in (d or {}).items()), key=lambda kv: -len(kv[0]))

    return {
        "ar_di": longest_first(spec.get("arabic_digraphs")),
        "ar": dict(spec.get("arabic_letters") or {}),
        "ar_vowels": set(spec.get("arabic_vowels") or ()),
        "ar_articles": tuple(spec.get("arabic_articles") or ()),
        "la_di": longest_first(spec.get("latin_digraphs")),
        "la": dict(spec.get("latin_letters") or {}),
        "la_amb": {k: tuple(v) for k, v in (spec.get("latin_ambiguous") or {}).items()},
        "la_vowels": set(spec.get("latin_vowels") or ()),
        "la_articles": set(spec.get("latin_articles") or ()),
        "la_special": dict(spec.get("latin_special") or {}),
        "suffixes": tuple(spec.get("arabic_pronoun_suffixes") or ()),
    }


VOWEL = "|"  # a vowel letter (Arabic) or vowel (Latin) between consonants


def _pattern(classes: list[str]) -> str | None:
    """Consonant classes with `|` where vowels stand (`دابتشي` -> `D|BS|`). Doubled consonants with no
    vowel between collapse (Shushtar `S|ST|R` stays apart from سترة `STR`); a final H (ة, -ah) drops.
    None when fewer than MIN_CONSONANTS consonants remain."""
    out: list[str] = []
    prev = ""
    for c in "".join(classes):
        if c == VOWEL:
            if not out or out[-1] != VOWEL:
                out.append(VOWEL)
        elif c != prev:
            out.append(c)
        prev = c
    if out and out[-1] == "H":
        out.pop()
    if sum(c != VOWEL for c in out) < MIN_CONSONANTS:
        return None
    return "".join(out)


def skeleton(pattern: str) -> str:
    """The index key of a pattern: its consonants, `_` first when it begins with a vowel."""
    return ("_" if pattern.startswith(VOWEL) else "") + pattern.replace(VOWEL, "")


def _gaps(pattern: str) -> list[bool]:
    flags = [False]
    for c in pattern:
        if c == VOWEL:
            flags[-1] = True
        else:
            flags.append(False)
    return flags


def compatible(arabic: str, latin: str) -> bool:
    """Whether an Arabic pattern can write a Latin one: Arabic writes long vowels, so where it has a
    vowel letter the Latin name has a vowel (تيفاريتي `T|F|R|T|` is not Tafraout `T|FR|T`)."""
    a, b = _gaps(arabic), _gaps(latin)
    return len(a) == len(b) and all(lv or not av for av, lv in zip(a, b, strict=True))


def arabic_pattern(norm: str) -> str | None:
    """The pattern of one Arabic word given as a match key (`ستره` -> `STR`), or None."""
    r = _rules()
    for art in r["ar_articles"]:
        if norm.startswith(art) and len(norm) > len(art) + 2:
            norm = norm[len(art):]
            break
    if not norm:
        return None
    classes: list[str] = []
    i = 0
    while i < len(norm):
        for di, cls in r["ar_di"]:
            if norm.startswith(di, i):
                classes.append(cls)
                i += len(di)
                break
        else:
            ch = norm[i]
            if ch in r["ar"]:
                classes.append(r["ar"][ch])
            elif ch in r["ar_vowels"]:
                classes.append(VOWEL)
            else:
                return None  # not an Arabic word
            i += 1
    return _pattern(classes)


def arabic_skeleton(norm: str) -> str | None:
    """The skeleton (index key) of one Arabic word given as a match key (`ستره` -> `STR`), or None."""
    p = arabic_pattern(norm)
    return skeleton(p) if p else None


def _latin_word(name: str) -> str | None:
    """A Latin name lower-cased without diacritics, apostrophes or a leading article; None when it
    is more than one word (the Arabic side matches one token)."""
    r = _rules()
    s = "".join(r["la_special"].get(ch, ch) for ch in name.lower())
    s = "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch))
    s = "".join(ch for ch in s if ch not in "'`ʿʾ’‘")
    parts = s.replace("-", " ").split()
    if len(parts) > 1 and parts[0] in r["la_articles"]:
        parts = parts[1:]
    if len(parts) != 1 or not parts[0].isascii() or not parts[0].isalpha():
        return None
    return parts[0]


def latin_patterns(name: str) -> set[str]:
    """Every pattern a Latin name may be written with in Arabic (`Dapchi` -> {`D|BS|`})."""
    word = _latin_word(name)
    if word is None:
        return set()
    r = _rules()
    readings: list[list[str]] = [[]]
    i = 0
    while i < len(word):
        for di, cls in r["la_di"]:
            if word.startswith(di, i):
                for rd in readings:
                    rd.append(cls)
                i += len(di)
                break
        else:
            ch = word[i]
            if ch in r["la_amb"]:
                readings = [[*rd, alt] for rd in readings for alt in r["la_amb"][ch]][:8]
            elif ch in r["la"] or ch in r["la_vowels"]:
                for rd in readings:
                    rd.append(r["la"].get(ch, VOWEL))
            i += 1
    return {p for rd in readings if (p := _pattern(rd))}


def latin_skeletons(name: str) -> set[str]:
    """Every skeleton (index key) of a Latin name (`Dapchi` -> {`DBS`})."""
    return {skeleton(p) for p in latin_patterns(name)}


@cache
def _index() -> tuple[dict[str, list[int]], list[str], list[str]]:
    """Skeleton -> row numbers, the rows of latin.csv.gz as their CSV lines, and each row's country
    (read once, on first use). A row is parsed again only when a word matches it: keeping 110k rows
    as lines costs a third of the memory of parsed fields."""
    path = DATA_DIR / LATIN_FILE
    lines: list[str] = []
    countries: list[str] = []
    index: dict[str, list[int]] = {}
    if not path.exists():
        return index, lines, countries
    interned: dict[str, str] = {}
    with collector_paused(), gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            row = next(csv.reader([line]), None)
            if not row or row[0] == "id":
                continue
            n = len(lines)
            lines.append(line)
            countries.append(interned.setdefault(row[3], row[3]))
            for s in {skeleton(p) for p in row[-1].split(" ")}:
                index.setdefault(s, []).append(n)
    return index, lines, countries


def _row(n: int) -> list[str]:
    return next(csv.reader([_index()[1][n]]))


@cache
def _place(n: int) -> Place:
    pid, name_en, feature, country, lat, lon, pop, _keys = _row(n)
    return Place(id=pid, name=name_en, name_en=name_en, feature=feature, country=country, admin1=None,
                 admin2=None, lat=float(lat), lon=float(lon), population=int(pop) if pop else None)


@cache
def _ordinary() -> tuple[frozenset[str], frozenset[str]]:
    """Words of the corpora that look like a place's Latin name but are ordinary words (mined):
    the frequent ones, and all of them."""
    spec = lang.load("translit_words") or {}
    frequent = frozenset(spec.get("frequent") or ())
    return frequent, frequent | frozenset(spec.get("words") or ())


def latin_places(norm: str, countries: set[str], settlement: bool = False) -> tuple[Place, ...]:
    """Places in `countries` whose Latin name has the skeleton of this Arabic word, largest first.

    None for a word with a pronoun suffix (`معقلها`) or a mined ordinary word; right after a
    settlement designator (`قرية سترة`, `منطقة سترة`: `settlement`) only the frequent ones are refused."""
    if norm.endswith(_rules()["suffixes"]):
        return ()
    frequent, every = _ordinary()
    if norm in (frequent if settlement else every):
        return ()
    pattern = arabic_pattern(norm)
    if pattern is None or not countries:
        return ()
    skel = skeleton(pattern)
    index, _lines, country_of = _index()
    hits = [n for n in index.get(skel, ()) if country_of[n] in countries
            and any(compatible(pattern, p) for p in _row(n)[-1].split(" ") if skeleton(p) == skel)]
    if len(skel.lstrip("_")) < SURE_CONSONANTS:
        hits = [n for n in hits if _row(n)[2] == "city"]  # `موبي` (MB): Mubi, not every two-consonant village
    return tuple(sorted((_place(n) for n in hits), key=lambda p: -(p.population or 0)))
