"""Word tokens of a sentence on its match key, with offsets, and lexicon lookup that peels clitics.

The claims stage reads sentences as plain word sequences: digits and letters are split apart
(`20عنصراً` -> `20`, `عنصرا`; `و40من` -> `و`, `40`, `من`), punctuation that bounds clauses is kept
as its own token, and each word is compared to lexicons through its clitic-peeled variants.
"""

from __future__ import annotations

import re

from marsad.extract.actors import word_variants
from marsad.text.normalize import key, key_fold, word_cache

_TOKEN = re.compile(r"[0-9]+(?:[.,][0-9]+)*|[a-z\u0621-\u064a\u0671-\u06d3]+|[،,:؛;\"“”«»″()\[\]؟?!.\-–%٪/]")
_LATIN_LOWER = str.maketrans({chr(c): chr(c + 32) for c in range(ord("A"), ord("Z") + 1)})
PUNCT = frozenset("،,:؛;\"“”«»″()[]؟?!.-–%٪/")


class Tok:
    """One token: match-key text and [start, end) offsets in the doc's normalised text."""

    __slots__ = ("text", "start", "end", "is_digit", "is_punct", "is_word")

    def __init__(self, text: str, start: int, end: int):
        self.text = text
        self.start = start
        self.end = end
        self.is_digit = text[0].isdigit()
        self.is_punct = text in PUNCT
        self.is_word = not self.is_digit and not self.is_punct

    def __repr__(self) -> str:
        return f"Tok({self.text!r}, {self.start}, {self.end})"


def key_text(norm_text: str) -> str:
    """Normalised text folded one-to-one into match keys (ta marbuta, Latin case): offsets survive."""
    return key_fold(norm_text)


def tokenize(text: str, base: int = 0) -> list[Tok]:
    """Tokens of a key-folded string; offsets shifted by `base`."""
    return [Tok(m.group(), m.start() + base, m.end() + base) for m in _TOKEN.finditer(text)]


@word_cache
def variants(word: str) -> tuple[str, ...]:
    """The word and its clitic-peeled forms (و ف, then ب ل ك, then ال), most complete first;
    short function words keep their conjunction peeled too (ولم -> لم, وقد -> قد)."""
    out = word_variants(word)
    if len(word) == 3 and word[0] in "وف":
        out.append(word[1:])
    return tuple(out)


def lex_key(entry: str) -> str:
    """Lexicon entry -> the form tokens are compared with."""
    return key(str(entry)).translate(_LATIN_LOWER)


def phrase_keys(entries) -> list[tuple[str, ...]]:
    """Lexicon phrases as token tuples, longest first."""
    out = {tuple(t.text for t in tokenize(lex_key(e))) for e in entries or []}
    return sorted((p for p in out if p), key=len, reverse=True)


class PhraseSet:
    """Multi-word lexicon entries indexed by first word; first word may carry clitics in the text."""

    def __init__(self, entries_by_label: dict[str, list[str]]):
        self._index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for label, entries in entries_by_label.items():
            for phrase in phrase_keys(entries):
                self._index.setdefault(phrase[0], []).append((phrase, label))
        for cands in self._index.values():
            cands.sort(key=lambda c: -len(c[0]))
        self.first_words = frozenset(self._index)

    def match_at(self, toks: list[Tok], i: int, peel: bool = True) -> tuple[int, str] | None:
        """(length in tokens, label) of the longest entry starting at token i."""
        if i >= len(toks):
            return None
        forms = variants(toks[i].text) if peel else (toks[i].text,)
        for form in forms:
            for phrase, label in self._index.get(form, ()):
                n = len(phrase)
                if i + n <= len(toks) and (n == 1 or (toks[i + 1].text == phrase[1] and all(
                        toks[i + k].text == phrase[k] for k in range(2, n)))):
                    return n, label
        return None

    def match_ending_at(self, toks: list[Tok], j: int, peel: bool = True) -> tuple[int, str] | None:
        """(length, label) of the longest entry whose last token is toks[j]."""
        best = None
        for n in range(1, 6):
            i = j - n + 1
            if i < 0:
                break
            m = self.match_at(toks, i, peel)
            if m and m[0] == n and (best is None or n > best[0]):
                best = m
        return best
