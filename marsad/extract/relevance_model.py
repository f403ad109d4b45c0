"""A learned second opinion on relevance: does a report's headline and lead read like the narration
of an incident, or like a statement, an analysis, a trial, sport or markets?

A logistic regression over hashed features of the headline (the first line) and the lead (the next
LEAD_WORDS words): words, word pairs and letter 4-grams (which see through clitics and inflection),
each tagged with the part it comes from. Trigger words of the event lexicon are left out (a pair
does not reach across one): the weak labels the model is trained on were chosen with them
(scripts/train_relevance_model.py), so the model has to judge the words around the violence (`نفى`,
`ما أهمية`, `قواعد اللعبة`, `في الذكرى`, `المحكمة`), not the violence itself, which the rules see.

The weights ship in marsad/data/relevance_model.npz (float16, 2**DIM_BITS buckets); nothing is
downloaded. Without that file `probability` returns None and relevance is decided by the rules alone.
"""

from __future__ import annotations

import math
import re
import zlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from marsad.extract.event_types import Word, Words, trigger_index
from marsad.text.normalize import fold

MODEL_PATH = Path(__file__).resolve().parents[1] / "data" / "relevance_model.npz"
DIM_BITS = 18
HEAD_CHARS = 200  # a first line longer than this is no headline: only its first HEAD_CHARS count
LEAD_WORDS = 60  # words of the lead after the headline
MIN_LEAD_WORDS = 20  # a text with a shorter lead (one sentence, a headline alone) is not what it read
CHAR_GRAM = 4
MASK = "<t>"
_WORD = re.compile(r"[0-9a-z\u0621-\u064a\u0671-\u06d3]+")


def report_parts(text: str) -> tuple[str, str]:
    """The headline (first non-empty line, at most HEAD_CHARS) and what follows it (the lead's text)."""
    stripped = text.lstrip()
    end = stripped.find("\n")
    end = len(stripped) if end < 0 else end
    cut = min(end, HEAD_CHARS)
    return stripped[:cut], stripped[cut:]


def words_of(text: str, limit: int | None = None) -> Words:
    """The match keys of the words of `text` (at most `limit`), as the phrase indexes read them."""
    folded = fold(text).lower()
    spans = [(m.start(), m.end()) for m in _WORD.finditer(folded)]
    if limit is not None:
        spans = spans[:limit]
    words = Words(Word(a, b, folded[a:b]) for a, b in spans)
    words.starts = [a for a, _b in spans]
    return words


def tokens(text: str, limit: int | None = None) -> list[str]:
    """Match keys of the words of `text` (at most `limit`), each trigger phrase replaced by MASK."""
    words = words_of(text, limit)
    out = [w.key for w in words]
    for hit in reversed(trigger_index().find(words)):
        if not hit.payload.inert:  # a figurative phrase (`معركة انتخابية`) is ordinary words
            out[hit.first:hit.last] = [MASK]
    return out


def features(text: str) -> list[str]:
    """The named features of a report's text (before hashing): per part, words, pairs, 4-grams."""
    head, rest = report_parts(text)
    out: list[str] = []
    for tag, toks in (("h", tokens(head)), ("l", tokens(rest, LEAD_WORDS))):
        out.extend(f"{tag}:{w}" for w in toks if w != MASK)
        out.extend(f"{tag}:{a} {b}" for a, b in zip(toks, toks[1:], strict=False) if MASK not in (a, b))
        for w in toks:
            if w != MASK and len(w) > CHAR_GRAM:
                padded = f"<{w}>"
                out.extend(f"{tag}#{padded[i:i + CHAR_GRAM]}" for i in range(len(padded) - CHAR_GRAM + 1))
    return out


def hashed(text: str) -> list[int]:
    """The distinct buckets of a report's features (crc32: the same on every machine and run)."""
    mask = (1 << DIM_BITS) - 1
    return sorted({zlib.crc32(f.encode("utf-8")) & mask for f in features(text)})


@dataclass(frozen=True, slots=True)
class Model:
    weights: np.ndarray  # one per bucket
    bias: float

    def logit(self, text: str) -> float:
        idx = hashed(text)
        if not idx:
            return self.bias
        return self.bias + float(self.weights[idx].astype(np.float64).sum()) / math.sqrt(len(idx))

    def probability(self, text: str) -> float:
        return 1.0 / (1.0 + math.exp(-self.logit(text)))


@cache
def model() -> Model | None:
    """The shipped model, or None when marsad/data/relevance_model.npz is absent."""
    if not MODEL_PATH.exists():
        return None
    with np.load(MODEL_PATH) as z:
        weights = z["weights"]
        if weights.shape != (1 << DIM_BITS,):
            raise ValueError(f"{MODEL_PATH}: {weights.shape[0]} weights, expected {1 << DIM_BITS}")
        return Model(weights.astype(np.float32), float(z["bias"]))


def probability(text: str) -> float | None:
    """How likely the report narrates an incident, by its headline and lead; None without a model, or
    when the text has no lead of MIN_LEAD_WORDS after its headline (the model learnt from reports)."""
    m = model()
    if m is None or len(_WORD.findall(fold(report_parts(text)[1][:2000]).lower())) < MIN_LEAD_WORDS:
        return None
    return m.probability(text)
