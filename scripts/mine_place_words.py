"""Mine the gazetteer names that are also ordinary Arabic words (marsad/lang/ar/place_words_mined.yaml).

A maintenance tool, run by hand when the gazetteer or the corpora change; Marsad reads its output.

    python scripts/mine_place_words.py ../shared/corpora/ant-2018-news.jsonl.gz \
        ../shared/corpora/ant-2018-other-sections.jsonl.gz > marsad/lang/ar/place_words_mined.yaml

A one-word name is an ordinary word when the corpus inflects it like one (the article toggled or a
pronoun suffix: الضلوع/ضلوعها, الزاوية/زاوية) or writes it as a dual or plural of a frequent
word (بيتين = بيت + ين). Such names (الضلوع "involvement", بيتين "two houses", الزاوية "the corner", سفيرة
"ambassador") still name places, but only with place context: a designator (قرية، مدينة ...), or
another place of the same province or country in the report. Names already in place_stopwords.yaml
are left out (they never match alone).

With `--world`, the world layer's one-word names that the world build's screen
(build_world_gazetteer.is_word: seen often and almost never where a place stands, or inflected like a
word) calls ordinary words are listed instead, for `world_needs_context`. The build drops such names,
except those of capitals and cities of a million people, which it keeps (كيف for Kyiv, هزة for Heze,
بنوك read as ب + Nuuk); at run time their world-layer reading needs a designator.

With `--clitic`, names that are the conjunction و/ف glued to a frequent word and that almost never
stand where a place does are listed, for `clitic_needs_context` (ودان "and condemned" read as Waddan,
فايد the name Faïd as Fayed): like the inflected names, they need place context.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from build_world_gazetteer import corpus_counts  # noqa: E402

from marsad.extract.gazetteer import gazetteer  # noqa: E402
from marsad.extract.places import _WORLD_TOWNS as WORLD_PREFIXES  # noqa: E402
from marsad.extract.places import _config  # noqa: E402

MIN_COUNT = 10  # names seen less often are judged at run time by the usual rules
MIN_BASE = 50  # a dual or plural (بيتين) of a word seen this often is a word, however rare itself
MIN_INFLECTED = 0.5  # inflected forms per bare occurrence that make a word
SUFFIXES = ("ها", "هم", "هما")  # pronoun suffixes only: ه and ات also make unrelated words (السلط -> السلطة)


CLITICS = ("", "و", "ف", "ب", "ل", "وب")  # the bare name and the proclitics it is counted with


def one_word_names(g, stop) -> list[tuple[str, list]]:
    """The gazetteer's one-word match keys of 3+ letters not in place_stopwords.yaml, with their places."""
    return [(k, [g.place(i) for i in ids]) for k, ids in g.index.items()
            if " " not in k and k not in stop and len(k) >= 3]


def with_clitics(total, k: str) -> int:
    """How often the corpus writes `k`, bare or after a proclitic (و، ف، ب، ل، وب)."""
    return sum(total[c + k] for c in CLITICS)


def world_words(total, site) -> list[tuple[int, str, str, str, int]]:
    """World-layer one-word names that the corpus uses as ordinary words: (count, key, name, country,
    population), most frequent first. Names any other layer also has are left out (their rows are
    judged by the usual rules), and so are names already in place_stopwords.yaml."""
    from build_world_gazetteer import is_word

    out = []
    for k, places in one_word_names(gazetteer(), _config()["stop"]):
        if not all(p.id.startswith(WORLD_PREFIXES) for p in places) or not is_word(k, total, site):
            continue
        n = with_clitics(total, k)
        big = max(places, key=lambda p: (p.population or 0))
        out.append((n, k, big.name_en, big.country, big.population or 0))
    return sorted(out, key=lambda r: (-r[0], r[1]))


def clitic_words(total, site) -> list[tuple[int, str, int, str, str]]:
    """One-word names made of و/ف and a word the corpus uses often (and no place of that name), seldom
    standing where a place does: (count, key, count of the word, name, country), most frequent first."""
    from build_world_gazetteer import MIN_SHARE_ANY

    g = gazetteer()
    cfg = _config()
    out = []
    for k, ids in g.index.items():
        rest = k[1:]
        if " " in k or len(k) < 4 or k[0] not in "وف" or rest in g.index or k in cfg["stop"] \
                or k in cfg["needs_context"]:
            continue
        if total[k] >= MIN_COUNT and total[rest] >= MIN_BASE and site[k] / total[k] < MIN_SHARE_ANY:
            big = max((g.place(i) for i in ids), key=lambda p: (p.population or 0))
            out.append((total[k], k, total[rest], big.name_en, big.country))
    return sorted(out, key=lambda r: (-r[0], r[1]))


def main() -> None:
    if sys.argv[1:2] == ["--clitic"]:
        print("clitic_needs_context:")
        for n, k, base, name_en, country in clitic_words(*corpus_counts(sys.argv[2:])):
            print(f"  - {k}  # {n} ({k[1:]}: {base}) {name_en} ({country})")
        return
    if sys.argv[1:2] == ["--world"]:
        print("world_needs_context:")
        for n, k, name_en, country, pop in world_words(*corpus_counts(sys.argv[2:])):
            print(f"  - {k}  # {n} {name_en} ({country}, {pop:,})")
        return
    total, site = corpus_counts(sys.argv[1:])
    out = []
    for k, places in one_word_names(gazetteer(), _config()["stop"]):
        if any(p.feature == "country" for p in places):
            continue
        n = with_clitics(total, k)
        stem = k[2:] if k.startswith("ال") else k
        base = next((stem[:-len(s)] for s in ("ين", "ان", "ات")
                     if stem.endswith(s) and len(stem) - len(s) >= 3), None)
        base_count = total[base] + total["ال" + base] if base is not None else 0
        if n < MIN_COUNT and base_count < MIN_BASE:
            continue
        share = site[k] / max(n, 1)
        toggled = stem if k.startswith("ال") else "ال" + k
        inflected = total[toggled] + sum(total[stem + s] for s in SUFFIXES) + base_count
        if inflected / max(n, 1) >= MIN_INFLECTED:
            big = max(places, key=lambda p: (p.population or 0))
            out.append((n, k, share, inflected / max(n, 1), big.name_en, big.country, big.feature))
    print("# Gazetteer names that are also ordinary words: generated by scripts/mine_place_words.py from the")
    print("# project's corpora (see its docstring), then reviewed. Each needs place context to count: a")
    print("# designator (قرية، مدينة، ولاية ...) or another place of its province or country in the report;")
    print("# a preposition alone (`بالضلوع في`, `في الزاوية`) is not enough.")
    print("# Per line: the name's match key, then a comment: corpus count, share standing as a place,")
    print("# inflected forms per occurrence, and the largest place of that name.")
    print("needs_context:")
    for n, k, share, infl, name_en, country, feature in sorted(out, key=lambda r: (-r[0], r[1])):
        print(f"  - {k}  # {n} {share:.2f} {infl:.1f} {name_en} ({country} {feature})")


if __name__ == "__main__":
    main()
