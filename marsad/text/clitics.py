"""Proclitics (و ف ب ل ك ال لل) for matching: `بمقتل` should find the lexicon entry `مقتل`.

Arabic writes conjunctions, one-letter prepositions and the article joined to the next word. A
tokenizer cannot split them safely (`وقال` is و+قال but `وزير` is one word), so we keep tokens
whole and instead give matchers every reading of a token: the token itself, and each form with
its proclitics removed (with the article kept or restored, since lexicons list `الجيش` as well as
`جيش`). The list of clitics and the spelling rules for combining them live in
`marsad/lang/ar/clitics.yaml`.
"""

from __future__ import annotations

from functools import cache

from marsad.lang import load
from marsad.text.normalize import word_cache


@cache
def _prefixes() -> tuple[tuple[str, bool], ...]:
    """Every written proclitic sequence, longest first, with whether it ends in the article."""
    data = load("clitics")
    conj = [""] + list(data["conjunctions"])
    prep = [""] + list(data["prepositions"])
    art = ["", data["article"]]
    contractions: dict[str, str] = data.get("contractions") or {}
    out: dict[str, bool] = {}
    for c in conj:
        for p in prep:
            for a in art:
                seq = p + a
                for full, short in contractions.items():
                    if seq == full:
                        seq = short
                seq = c + seq
                if seq:
                    out[seq] = out.get(seq, False) or bool(a)
    return tuple(sorted(out.items(), key=lambda kv: -len(kv[0])))


@cache
def conjunctions() -> str:
    """The one-letter conjunctions (و ف), which open a new clause or sentence when joined to a word."""
    return "".join(load("clitics")["conjunctions"])


@cache
def letter_proclitics() -> frozenset[str]:
    """The one-letter proclitics (conjunctions and prepositions: و ف ب ل ك), for checks on a word's
    first letter where a stem may be shorter than `proclitic_splits` allows (`وفي`, `بعد`)."""
    data = load("clitics")
    return frozenset(data["conjunctions"]) | frozenset(data["prepositions"])


@cache
def _min_stem() -> int:
    return int(load("clitics").get("min_stem_letters", 3))


@word_cache
def proclitic_splits(word: str) -> tuple[tuple[str, str], ...]:
    """Readings of a word as (proclitics, rest), starting with ("", word); rest keeps >= 3 letters.

    `والجيش` -> ("", "والجيش"), ("و", "الجيش"), ("وال", "جيش").
    """
    out = [("", word)]
    min_stem = _min_stem()
    for prefix, _ in _prefixes():
        if word.startswith(prefix) and len(word) - len(prefix) >= min_stem:
            out.append((prefix, word[len(prefix):]))
    return tuple(out)


@word_cache
def match_forms(word: str) -> tuple[str, ...]:
    """The word and its clitic-free forms, each once: `للجيش` -> (للجيش, لجيش, جيش, الجيش).

    A form that lost the article gets it back too (lexicons spell entries either way).
    """
    forms: dict[str, None] = {word: None}
    article = load("clitics")["article"]
    min_stem = _min_stem()
    for prefix, has_article in _prefixes():
        if word.startswith(prefix) and len(word) - len(prefix) >= min_stem:
            rest = word[len(prefix):]
            forms[rest] = None
            if has_article:
                forms[article + rest] = None
    return tuple(forms)


def strip_proclitics(word: str) -> str:
    """The reading with the longest proclitic removed (for grouping variants, not for display)."""
    splits = proclitic_splits(word)
    return splits[1][1] if len(splits) > 1 else word
