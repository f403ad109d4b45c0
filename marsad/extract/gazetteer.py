"""The place gazetteer: rows of `marsad/data/gazetteer/places.csv.gz` plus curated entries, indexed by key.

Geocoding looks token n-grams up in a dict from Arabic match key (marsad.text.normalize.key) to
places, so a document costs a few dict probes per token, never a scan of the 60k names. The
index is built once per process (`gazetteer()` is cached).
"""

from __future__ import annotations

import contextlib
import csv
import gc
import gzip
import io
import math
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

from marsad import lang
from marsad.text.normalize import key

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "gazetteer"
WORLD_FILE = "world.csv.gz"  # the world layer under the detailed MENA gazetteer
AIRPORTS_FILE = "airports.csv.gz"  # airports with an IATA code (scripts/build_airports.py)

# Larger units first when two homonyms are otherwise equal.
FEATURE_RANK = {
    "country": 9, "admin1": 8, "city": 7, "admin2": 6, "town": 5, "admin3": 4,
    "facility": 4, "camp": 4, "prison": 4, "base": 4, "neighborhood": 3, "village": 2, "other": 1,
}
# ACLED geo_precision of a bare mention of a place of this feature class.
FEATURE_PRECISION = {"country": 3, "admin1": 3, "admin2": 2, "admin3": 2}


@dataclass(frozen=True)
class Place:
    """One gazetteer row."""

    id: str
    name: str
    name_en: str
    feature: str
    country: str  # ISO3
    admin1: str | None
    admin2: str | None
    lat: float
    lon: float
    population: int | None


class Gazetteer:
    """Places and a key -> places index over their Arabic names.

    Rows are kept compact (one string of the fields a `Place` needs, `_SEP`-joined, or a ready tuple
    for curated places) and become `Place` objects only when looked up: most of the 106k rows are
    never touched by a given corpus, converting them all would double the load time, and twelve
    string objects a row (alternative names included, which only the index needs) cost ~70 MB more.
    """

    def __init__(self, rows: list, names: dict[str, list[int]]):
        self._rows = rows
        self._made: dict[int, Place] = {}
        self.index: dict[str, list[int]] = names
        # Every token prefix of every multi-word name ("سجن" of "سجن غويران"): matching extends
        # a name token by token only while it is such a prefix.
        prefixes: set[str] = set()
        longest = 1
        for k in names:
            if " " in k:
                parts = k.split(" ")
                longest = max(longest, len(parts))
                for n in range(1, len(parts)):
                    prefixes.add(" ".join(parts[:n]))
        self.prefixes = frozenset(prefixes)
        self.max_tokens = longest

    def place(self, i: int) -> Place:
        """The place of row i (built on first use)."""
        p = self._made.get(i)
        if p is None:
            p = self._made[i] = _make_place(self._rows[i])
        return p

    def lookup(self, k: str) -> tuple[Place, ...]:
        """Places whose Arabic name has match key `k` (empty when none)."""
        ids = self.index.get(k)
        return tuple(self.place(i) for i in ids) if ids else ()

    @cached_property
    def loose_index(self) -> dict[str, tuple[int, ...]]:
        """Looser keys (article dropped, final alef/ha/ya folded): عامودا = عامودة, الميادين = ميادين.

        Built on first use: only homonym completion and spelling variants need it.
        """
        out: dict[str, list[int]] = {}
        for k, ids in self.index.items():
            lk = loose_key(k)
            if len(lk) >= 4:
                out.setdefault(lk, []).extend(ids)
        return {k: tuple(dict.fromkeys(v)) for k, v in out.items()}

    @cached_property
    def fuzzy_buckets(self) -> dict[tuple[str, int], list[str]]:
        """Loose keys of 5+ characters by (first letter, length): what a spelling variant is compared to."""
        out: dict[tuple[str, int], list[str]] = {}
        for lk in self.loose_index:
            if len(lk) >= 5:
                out.setdefault((lk[0], len(lk)), []).append(lk)
        return out

    @cached_property
    def skeleton_index(self) -> dict[str, tuple[str, ...]]:
        """Two-word loose keys by their consonant skeleton (`vowel_skeleton`): a transliterated name
        written with other long vowels (أب كاماري for آب کمری, Ab Kamari). Built on first use."""
        out: dict[str, list[str]] = {}
        for lk in self.loose_index:
            if lk.count(" ") == 1:
                sk = vowel_skeleton(lk)
                if sk is not None:
                    out.setdefault(sk, []).append(lk)
        return {k: tuple(v) for k, v in out.items()}

    def loose_lookup(self, lk: str) -> tuple[Place, ...]:
        ids = self.loose_index.get(lk)
        return tuple(self.place(i) for i in ids) if ids else ()

    @property
    def places(self) -> list[Place]:
        """All places (builds every row: for tools and tests, not per-document work)."""
        return [self.place(i) for i in range(len(self._rows))]

    @cached_property
    def features(self) -> dict[str, str]:
        """Place id -> feature class, read off the rows (building every `Place` for it would cost
        seconds and tens of MB)."""
        out = {row[0]: row[3] for row in map(_fields, self._rows)}
        out.update((a.id, a.feature) for ps in airports().values() for a in ps)  # `مطار قندهار` sites
        return out

    @cached_property
    def countries(self) -> dict[str, Place]:
        """ISO3 -> the country's own row."""
        out = {}
        for i, row in enumerate(map(_fields, self._rows)):
            feature, country = row[3], row[4]
            if feature == "country":
                out[country] = self.place(i)
        return out

    @cached_property
    def provinces(self) -> dict[tuple[str, str], Place]:
        """(ISO3, province name) -> the province's own row (the first row filed as admin1)."""
        out: dict[tuple[str, str], Place] = {}
        for i, row in enumerate(map(_fields, self._rows)):
            if row[3] == "admin1":
                p = self.place(i)
                if p.admin1:
                    out.setdefault((p.country, p.admin1), p)
        return out

    def __len__(self) -> int:
        return len(self._rows)


def loose_key(k: str) -> str:
    """A match key with the first word's article dropped and word-final alef/ha/ya folded to ha."""
    words = k.split(" ")
    if words[0].startswith("ال") and len(words[0]) > 4:
        words[0] = words[0][2:]
    return " ".join(w[:-1] + "ه" if len(w) > 3 and w[-1] in "اهي" else w for w in words)


_VOWEL_LETTERS = frozenset("اويىءئؤأإآه")


def vowel_skeleton(k: str) -> str | None:
    """A key with its long-vowel letters (and a final ha) dropped after each word's first letter:
    `اب كاماره` and `اب كمره` -> `اب كمر`. None when a word keeps fewer than two letters or the
    whole fewer than five (too short a skeleton names many places)."""
    words = []
    for w in k.split(" "):
        sk = w[0] + "".join(c for c in w[1:] if c not in _VOWEL_LETTERS)
        if len(sk) < 2:
            return None
        words.append(sk)
    out = " ".join(words)
    return out if len(out) >= 5 else None


def _int(value: str) -> int | None:
    try:
        return int(float(value)) if value else None
    except ValueError:
        return None


def _read_rows(name: str = "places.csv.gz") -> list[list[str]]:
    """The CSV rows (header dropped), columns as in the shared gazetteer's README."""
    with gzip.open(DATA_DIR / name, "rb") as f:
        data = f.read().decode("utf-8")
    reader = csv.reader(io.StringIO(data))
    header = next(reader)
    if header[:4] != ["id", "name_ar", "name_en", "alt_names"]:
        raise ValueError(f"unexpected gazetteer header: {header}")
    return list(reader)


def _curated() -> list[tuple[tuple, list[str]]]:
    """Hand-curated places (`places_curated.yaml`): facilities, neighbourhoods, countries not in the CSV."""
    out = []
    for e in (lang.load("places_curated") or {}).get("places") or []:
        row = (f"curated:{e['id']}", e["names"][0], e["name_en"], e["feature"], e["country"], e.get("admin1"),
               e.get("admin2"), float(e["lat"]), float(e["lon"]), e.get("population"))
        out.append((row, list(e["names"])))
    return out


# Joins the fields of a compact row: a control character no CSV field of the gazetteer holds.
_SEP = "\x1f"


def _compact(row) -> str | tuple:
    """A row as kept after indexing: a CSV row's fields but the alternative names and the source, in
    one string; a curated tuple as it is."""
    if isinstance(row, tuple):
        return row
    if any(_SEP in f for f in row):
        raise ValueError(f"gazetteer row {row[0]} holds the field separator")
    return _SEP.join((*row[:3], *row[4:11]))


def _fields(row) -> tuple | list[str]:
    """The 10 fields of a compact row: id, name_ar, name_en, feature, country, admin1, admin2, lat,
    lon, population (a curated tuple has them already)."""
    return row if isinstance(row, tuple) else row.split(_SEP)


def _make_place(row) -> Place:
    """A `Place` from a compact CSV row (`_compact`) or a curated tuple (10 fields)."""
    if isinstance(row, tuple):
        return Place(*row)
    rid, name_ar, name_en, feature, country, admin1, admin2, lat, lon, pop = row.split(_SEP)
    if feature == "country":
        admin1 = admin2 = ""
    elif feature == "admin1" and not admin1:
        admin1 = name_en
    return Place(rid, name_ar or name_en, name_en, feature, country, admin1 or None, admin2 or None,
                 float(lat), float(lon), _int(pop))


def _bulk_keys(names: list[str]) -> list[str]:
    """Match keys of many names at once: one `key()` call over the names joined by "|" (which no
    name contains and normalisation keeps) is several times faster than a call per name."""
    return [k.strip() for k in key("|".join(names)).split("|")]


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic garbage collector off while a big table is built: each of its hundreds of thousands
    of new containers would count towards a collection, and the gazetteer's load alone ran four full
    collections (0.9 s of CPU) that found nothing to free."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


@cache
def gazetteer() -> Gazetteer:
    """The gazetteer, loaded and indexed once per process."""
    with collector_paused():
        gaz = _load()
    # Tens of thousands of long-lived rows: keep the cyclic collector from walking them on every
    # full collection while documents are processed (gc.freeze moves them to a permanent generation).
    gc.collect()
    gc.freeze()
    return gaz


def _load() -> Gazetteer:
    rows: list = []
    owners: list[int] = []  # row of each Arabic name below
    arabic: list[str] = []
    rows = _read_rows()
    for i, row in enumerate(rows):
        name_ar, alt = row[1], row[3]
        if _district_as_locality(row):
            row[4] = "admin2"
        if name_ar:
            arabic.append(name_ar)
            owners.append(i)
        if alt:
            for n in alt.split("|"):
                if n and "\u0620" < n[0] < "\u06ff":  # Arabic-script variants only: the text is Arabic
                    arabic.append(n)
                    owners.append(i)
    for row, names_ in _curated():
        arabic.extend(names_)
        owners.extend([len(rows)] * len(names_))
        rows.append(row)
    aliases = (lang.load("places_curated") or {}).get("aliases") or []
    wanted = {a["place"] for a in aliases}
    row_of = {row[0]: i for i, row in enumerate(rows) if row[0] in wanted} if wanted else {}
    for a in aliases:
        i = row_of.get(a["place"])
        if i is None:
            raise ValueError(f"places_curated.yaml alias for unknown place id {a['place']}")
        arabic.extend(a.get("names") or [])
        owners.extend([i] * len(a.get("names") or []))
        if a.get("name_en"):  # a source's odd English name (العريش as "City of Cut Noses")
            row = rows[i]
            rows[i] = type(row)((row[0], row[1], a["name_en"], *row[3:]))
    names: dict[str, list[int]] = {}
    for k, i in zip(_bulk_keys(arabic), owners, strict=True):
        if k:
            ids = names.setdefault(k, [])
            if i not in ids:
                ids.append(i)
    _add_bare_names(rows, names)
    _add_world(rows, names)
    return Gazetteer([_compact(r) for r in rows], names)


_BIG = frozenset({"country", "admin1", "city"})
_DISTRICT_WORD = "مديرية"


def _district_as_locality(row: list[str]) -> bool:
    """A Yemeni district that Who's On First files as a locality (`Ash Sharyah District`, village; its
    Arabic variant `مديرية الشرية`): 28 rows, read as the district (admin2) they are named."""
    return (row[4] in ("village", "town", "neighborhood") and row[2].endswith(" District")
            and any(n.startswith(_DISTRICT_WORD) for n in (row[1], *row[3].split("|"))))


def _row_feature(row) -> str:
    """The feature class of a CSV row (a list) or a curated tuple."""
    return row[3] if isinstance(row, tuple) else row[4]


def _add_bare_names(rows: list, names: dict[str, list[int]]) -> None:
    """Index the bare name of rows named with their designator (`مديرية نهم` as `نهم` too, and
    `كتاف` of `مديرية كتاف والبقع`): reports name Yemen's districts without the word. A bare name
    that is a frequent word (places_curated.yaml bare_name_words), a given name, or already the name
    of a city, province or country (`صعدة`) is left out."""
    cur = lang.load("places_curated") or {}
    prefixes = tuple(f"{w} " for w in cur.get("name_prefixes") or [])
    if not prefixes:
        return
    stop = lang.load("place_stopwords") or {}
    skip = set(_bulk_keys([*(cur.get("bare_name_words") or []), *_flat_list(stop.get("given_names"))]))
    bare: list[str] = []
    owners: list[int] = []
    for i, row in enumerate(rows):
        name = row[1]
        if not name.startswith(prefixes):
            continue
        rest = name.split(" ", 1)[1]
        forms = [rest]
        head, sep, _tail = rest.partition(" و")
        if sep and head:
            forms.append(head)
        for f in forms:
            bare.append(f)
            owners.append(i)
    for k, i in zip(_bulk_keys(bare), owners, strict=True):
        if not k or k in skip:
            continue
        ids = names.setdefault(k, [])
        if i in ids or any(_row_feature(rows[j]) in _BIG for j in ids):
            continue
        ids.append(i)


def _flat_list(items) -> list[str]:
    """A YAML list whose items may be lists (compact flow-style lines), flattened."""
    out: list[str] = []
    for item in items or []:
        out.extend(item if isinstance(item, list) else [item])
    return out


# Letters of Persian, Urdu and Kurdish spelling that Arabic never writes (ی ک ہ ە ۆ ...).
_PERSIAN_ONLY = frozenset("\u06cc\u06a9\u06c1\u06d5\u06c6\u06ce\u06b5\u0695\u0679\u0688\u06ba\u06d2")


# Where Persian, Urdu or Kurdish spelling is the place's own (Torbat-e Heydariyeh, تربت حیدریه, is
# تربت حيدرية in Arabic news too): there the -یه names stay.
_PERSIAN_SCRIPT_COUNTRIES = frozenset({"IRN", "AFG", "PAK", "IRQ", "IND", "TJK"})


def _persian_heh(name: str) -> bool:
    """A Persian, Urdu or Kurdish spelling ending in yeh and heh (صوفیه 'Sofia'): folded to Arabic
    letters it is the feminine ending -ية of an Arabic adjective (صوفية 'Sufi': 22 of 22 such words in the
    ANT corpora). Other Persian spellings stay (کابول gives كابول, Arabic news' Kabul; کرمانشاه)."""
    return name[-1:] in "\u0647\u06d5\u06c1" and name[-2:-1] in "\u06cc\u064a" \
        and not _PERSIAN_ONLY.isdisjoint(name)


def _add_world(rows: list, names: dict[str, list[int]]) -> None:
    """The world layer (`world.csv.gz`: ISO 3166 countries, GeoNames cities with Arabic names) under
    the detailed gazetteer, which stays the first choice: a world name whose key already names a
    place of the same country adds nothing, and a world country row only adds its extra names to the
    country's row when the detailed gazetteer or the curated list has one."""
    if not (DATA_DIR / WORLD_FILE).exists():
        return
    world = _read_rows(WORLD_FILE)
    detailed = len(rows)  # rows before this index are the detailed gazetteer's and the curated list's
    country_row: dict[str, int] = {}
    for i, row in enumerate(rows):
        feature, country = (row[4], row[5]) if len(row) == 12 else (row[3], row[4])
        if feature == "country":
            country_row.setdefault(country, i)

    def country_of(i: int) -> str:
        row = rows[i]
        return row[5] if len(row) == 12 else row[4]

    arabic: list[str] = []
    owners: list[tuple[int, str]] = []  # (row or -1 - world index, country)
    for w, row in enumerate(world):
        for n in [row[1], *(row[3].split("|") if row[3] else [])]:
            if n and not (row[5] not in _PERSIAN_SCRIPT_COUNTRIES and _persian_heh(n)):
                arabic.append(n)
                owners.append((w, row[5]))
    placed: dict[int, int] = {}  # world index -> row
    for k, (w, iso) in zip(_bulk_keys(arabic), owners, strict=True):
        if not k:
            continue
        ids = names.get(k)
        if ids and any(country_of(i) == iso and (i < detailed or _province(rows[i]) == _province(world[w]))
                       for i in ids):
            # the detailed gazetteer (or curated list) already knows this name in this country; a world
            # city still stands beside the world province named after it (قندهار: the province and its
            # seat), so that a province named alone can be placed at its seat (events._seat)
            continue
        i = placed.get(w)
        if i is None:
            row = world[w]
            i = country_row.get(iso) if row[4] == "country" else None
            if i is None:
                i = len(rows)
                rows.append(row)
            placed[w] = i
        if ids and rows[i][4] in ("city", "town") and not rows[i][6]:
            # the seat lies in the province it is named after: GeoNames rows carry no province
            seat_of = [rows[j] for j in ids if j >= detailed and country_of(j) == iso and _province(rows[j])
                       and _near(rows[j], rows[i], SEAT_KM)]
            if seat_of:
                rows[i] = type(rows[i])((*rows[i][:6], seat_of[0][6], *rows[i][7:]))
        names.setdefault(k, []).append(i)


SEAT_KM = 150.0  # a province's seat lies within this distance of the province's point


@cache
def airports() -> dict[str, tuple[Place, ...]]:
    """The world's airports with an IATA code as `facility` places, by ISO3 country: `مطار قندهار` is
    the airport of the city the gazetteer knows, which no Arabic name of ours says."""
    with gzip.open(DATA_DIR / AIRPORTS_FILE, "rt", encoding="utf-8") as f:
        reader = csv.reader(f)
        if next(reader) != ["iata", "icao", "name", "country", "lat", "lon"]:
            raise ValueError("unexpected airports header")
        out: dict[str, list[Place]] = {}
        for iata, _icao, name, iso3, lat, lon in reader:
            place = Place(f"airport:{iata}", name, name, "facility", iso3, None, None,
                          float(lat), float(lon), None)
            out.setdefault(iso3, []).append(place)
    return {k: tuple(v) for k, v in out.items()}


def _near(a, b, reach: float) -> bool:
    """Whether two world rows' points lie within `reach` km."""
    try:
        la1, lo1, la2, lo2 = (math.radians(float(v)) for v in (a[8], a[9], b[8], b[9]))
    except ValueError:
        return False
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(h)) <= reach


def _province(row) -> bool:
    """Whether a row is a province (admin-1)."""
    return (row[4] if len(row) == 12 else row[3]) == "admin1"


def frequent_name_candidates(min_zipf: float = 3.6) -> list[tuple[float, str, bool]]:
    """One-word gazetteer names that are frequent Arabic words: candidates for place_stopwords.yaml.

    A maintenance tool, not used at run time; needs the `wordfreq` package (not a dependency:
    `pip install wordfreq`). Returns (Zipf frequency, name, is a big place) sorted by frequency;
    big places (country, governorate, district, city, town, or 20,000+ people) need a human
    decision, the rest go to `frequent_minor`.
    """
    from wordfreq import zipf_frequency

    g = gazetteer()
    big = {"country", "admin1", "admin2", "city", "town"}
    out = []
    for k, ids in g.index.items():
        if " " in k:
            continue
        places = [g.place(i) for i in ids]
        forms = {k, *(p.name for p in places)} | ({k[:-1] + "ة"} if k.endswith("ه") else set())
        freq = max(zipf_frequency(f, "ar") for f in forms)
        if freq >= min_zipf:
            major = any(p.feature in big or (p.population or 0) >= 20_000 for p in places)
            out.append((freq, sorted(forms)[0], major))
    return sorted(out, reverse=True)


if __name__ == "__main__":  # python -m marsad.extract.gazetteer: list stopword candidates
    for freq, name, major in frequent_name_candidates():
        print(f"{freq:.2f}\t{name}\t{'big' if major else 'small'}")
