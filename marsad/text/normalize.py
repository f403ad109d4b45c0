"""Arabic normalisation for matching, with an exact map back to the original text.

Every later stage matches lexicons against a normalised string but reports offsets in the
original `text`. Each operation here is a one-character substitution or a deletion, so the map
is a plain list: `offsets[i]` is the index in the original of normalised character `i`.
"""

from __future__ import annotations

import bisect
import re
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, TypeVar

T = TypeVar("T")

# Harakat, Quranic marks, superscript alef and tatweel: dropped.
_DROP = frozenset(chr(c) for c in [*range(0x0610, 0x061B), *range(0x064B, 0x0660), 0x0670, 0x0640,
                                   0x06D6, 0x06D7, 0x06D8, 0x06D9, 0x06DA, 0x06DB, 0x06DC,
                                   0x06DF, 0x06E0, 0x06E1, 0x06E2, 0x06E3, 0x06E4, 0x06E7, 0x06E8,
                                   0x06EA, 0x06EB, 0x06EC, 0x06ED, 0x200C, 0x200D, 0x200E, 0x200F,
                                   0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0xFEFF])

# One-to-one substitutions used for every match key.
_MATCH_MAP = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ی": "ي", "ې": "ي", "ک": "ك", "ڪ": "ك",
    "ؤ": "و", "ئ": "ي",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ",
    "٫": ".", "٬": ",", "،": "،",
}
for _i in range(10):
    _MATCH_MAP[chr(0x0660 + _i)] = str(_i)  # Arabic-Indic digits
    _MATCH_MAP[chr(0x06F0 + _i)] = str(_i)  # Persian digits

# Keys only: ta marbuta folds into ha (المدينة = المدينه); never used for display.
_KEY_ONLY = {"ة": "ه"}
_KEY_MAP = dict(_MATCH_MAP, **_KEY_ONLY)

_MATCH_TABLE = str.maketrans({**{c: None for c in _DROP}, **_MATCH_MAP})
_KEY_TABLE = str.maketrans({**{c: None for c in _DROP}, **_KEY_MAP})


@dataclass(frozen=True, slots=True)
class NormText:
    """A normalised string and, for each of its characters, the index it came from."""

    text: str
    offsets: tuple[int, ...]
    source_len: int

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalised [start, end) span back to the original text."""
        if start >= len(self.offsets):
            return self.source_len, self.source_len
        o_start = self.offsets[start]
        o_end = self.offsets[end - 1] + 1 if end > start else o_start
        return o_start, o_end

    def from_original(self, start: int, end: int) -> tuple[int, int]:
        """Map an original [start, end) span to the normalised text (dropped characters shrink it)."""
        return bisect.bisect_left(self.offsets, start), bisect.bisect_left(self.offsets, end)


# The characters `_normalize` deletes; every other character maps to exactly one character.
_DROP_RE = re.compile("[" + "".join(re.escape(c) for c in sorted(_DROP)) + "]")


def _replacer(table: dict):
    """`text.translate(table)` as one `str.replace` per character the table changes, each skipped
    when the text lacks it: on Arabic text, where most characters are left alone, three to five
    times faster than a regex calling back per changed character, and ten times faster than
    `translate` (same result: no character a table writes is one it changes, so order is free)."""
    pairs = tuple((chr(k), v or "") for k, v in table.items() if chr(k) != (v or ""))
    if {b for _, b in pairs if b} & {a for a, _ in pairs}:
        raise ValueError("a character the table writes is one it changes: replacement order would matter")

    def sub(text: str) -> str:
        for a, b in pairs:
            if a in text:
                text = text.replace(a, b)
        return text

    return sub


_MATCH_SUB = _replacer(_MATCH_TABLE)
_KEY_SUB = _replacer(_KEY_TABLE)
_SUBS = {id(_MATCH_TABLE): _MATCH_SUB, id(_KEY_TABLE): _KEY_SUB}


def _normalize(text: str, table: dict) -> NormText:
    # One C-level translate for the text, and the offsets as runs of kept positions between the
    # deleted characters: a per-character Python loop here was the slowest step of the text layer.
    out = _SUBS[id(table)](text)
    cuts = [m.start() for m in _DROP_RE.finditer(text)]
    if not cuts:
        return NormText(out, tuple(range(len(text))), len(text))
    offs: list[int] = []
    prev = 0
    for cut in cuts:
        offs.extend(range(prev, cut))
        prev = cut + 1
    offs.extend(range(prev, len(text)))
    return NormText(out, tuple(offs), len(text))


def normalize(text: str) -> NormText:
    """Normalise for matching (diacritics, tatweel, alef/hamza, alef maqsura, digits) with offsets."""
    return _normalize(text, _MATCH_TABLE)


def normalize_key(text: str) -> NormText:
    """Like `normalize`, and also folds ta marbuta into ha: for lexicon and gazetteer keys."""
    return _normalize(text, _KEY_TABLE)


# Entries of a per-word cache: the commonest words of a long stream stay cached (the LRU keeps them),
# and the caches stop growing once full instead of holding every word form of a corpus. Measured on
# ANT reports 2,500-4,500 after 2,500 (CPU of the pipeline, min of 2; RSS after): 50,000 entries
# 33.8 s, hit rate 94.7%, 495 MB; 30,000: 33.9 s, 92.2%, 460 MB; 20,000: 36.1 s, 89.6%, 428 MB. At
# 30,000 the caches are full within the first 2,500 reports and cost no measurable CPU.
WORD_CACHE = 30_000
# weakly held: a cache of a table's bound method goes with its table
_WORD_CACHES: weakref.WeakSet[Any] = weakref.WeakSet()


def word_cache(fn: Callable[[str], T]) -> Callable[[str], T]:
    """`fn` with an LRU cache of WORD_CACHE entries, cleared by `clear_word_caches`."""
    cached = lru_cache(maxsize=WORD_CACHE)(fn)
    _WORD_CACHES.add(cached)
    return cached


_WORD_DICTS: list[dict[Any, Any]] = []


def word_dict() -> dict[Any, Any]:
    """A plain dict memo per word form (a probe is cheaper than an LRU's), kept to WORD_CACHE entries
    by `trim_word_dict` and emptied by `clear_word_caches`."""
    d: dict[Any, Any] = {}
    _WORD_DICTS.append(d)
    return d


def trim_word_dict(d: dict[Any, Any]) -> None:
    """Empty a `word_dict` that holds WORD_CACHE entries: a stream of reports brings new forms for
    ever, and the common ones come back within a few reports."""
    if len(d) >= WORD_CACHE:
        d.clear()


def clear_word_caches() -> None:
    """Empty every per-word cache: once a run's reports are processed, linking needs a few of them
    at most, and the full caches (~150 MB over about ten) would sit under the linking peak."""
    for c in list(_WORD_CACHES):
        c.cache_clear()
    for d in _WORD_DICTS:
        d.clear()


# Longer strings are not cached by `key` (a sentence or a text is rarely seen twice, and would fill it).
KEY_CACHE_CHARS = 64


def key(text: str) -> str:
    """The match key of a short string (a lexicon entry or a token): normalised, spaces collapsed."""
    return _short_key(text) if len(text) <= KEY_CACHE_CHARS else " ".join(_KEY_SUB(text).split())


@word_cache
def _short_key(text: str) -> str:
    return " ".join(text.translate(_KEY_TABLE).split())


def fold(text: str) -> str:
    """Like `key` for long strings (lines, paragraphs): same result, not cached."""
    return " ".join(_KEY_SUB(text).split())


def match_text(text: str) -> str:
    """Normalised form without the offset map."""
    return _MATCH_SUB(text)


_ASCII_UPPER = re.compile(r"[A-Z]+")


def key_fold(text: str) -> str:
    """The key-only folds (ta marbuta as ha) and ASCII capitals in lower case (one-to-one: offsets
    survive), for matching a normalised text. C-speed passes: `str.translate` looks each character up
    in Python."""
    for a, b in _KEY_ONLY.items():
        text = text.replace(a, b)
    return _ASCII_UPPER.sub(lambda m: m.group().lower(), text) if _ASCII_UPPER.search(text) else text


ARABIC_LETTER = re.compile(r"[\u0621-\u064A\u0671-\u06D3\u06FA-\u06FF]")
