"""The document object every stage shares: a spaCy `Doc` over the original text.

Stages read and write these extension attributes (spaCy's `Doc._`), never a copy of the text, so
every offset anyone reports is an offset into the original article.
"""

from __future__ import annotations

import bisect

import numpy as np
from spacy.attrs import SENT_START
from spacy.tokens import Doc, Token

from marsad.text.clitics import match_forms
from marsad.text.normalize import NormText, normalize

_EXTENSIONS = {
    "article": None,  # marsad.model.Article
    "boilerplate": None,  # list[(start, end)] character spans extraction must not read
    "claims": None,  # list[marsad.model.Claim]
    "events": None,  # list[marsad.model.Event] (per article, before linking)
    "relevance": None,  # dict: the report's relevance decision (marsad.extract.relevance)
    "places": None,  # list of place mentions found by the geocoder
    "dates": None,  # list of date mentions found by the date resolver
    "timings": None,  # dict stage -> seconds, for benchmarks
}

for _name, _default in _EXTENSIONS.items():
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)

def doc_text(doc: Doc) -> str:
    """The doc's text, fast and read once per doc.

    spaCy's `Doc.text` joins every token's text on each access (tens of microseconds per article,
    every time); the pipeline tokenises `Article.text` unchanged, so that string is the same text,
    offsets included, and every stage shares it through the doc's user data.
    """
    text = doc.user_data.get("marsad_text")
    if text is None:
        text = getattr(doc._.article, "text", None)
        if text is None or not len(doc) or len(text) != doc[-1].idx + len(doc[-1].text_with_ws):
            text = doc.text
        doc.user_data["marsad_text"] = text
    return text


if not Doc.has_extension("norm"):
    _NORM_CACHE: dict[int, NormText] = {}

    def _get_norm(doc: Doc) -> NormText:
        """The normalised text with its offset map, computed once per doc."""
        cached = doc.user_data.get("marsad_norm")
        if cached is None:
            cached = normalize(doc_text(doc))
            doc.user_data["marsad_norm"] = cached
        return cached

    Doc.set_extension("norm", getter=_get_norm)


if not Token.has_extension("forms"):
    # The token's match key and its readings without proclitics (و ف ب ل ك ال لل), for lexicon lookups:
    # `any(f in lexicon for f in token._.forms)` finds `مقتل` in `بمقتل` and `الجيش` in `للجيش`.
    Token.set_extension("forms", getter=lambda tok: match_forms(tok.norm_))


def in_boilerplate(doc: Doc, start: int, end: int) -> bool:
    """True if the character span [start, end) overlaps a boilerplate span of the doc."""
    spans = doc._.boilerplate or []
    if not spans:
        return False
    i = bisect.bisect_right(spans, (start, float("inf"))) - 1
    return any(s < end and start < e for s, e in spans[max(i, 0):i + 2])


def content_sentences(doc: Doc):
    """The doc's sentences that are not wholly boilerplate, in order.

    Every extraction stage asks for them, several times per document: the list is computed once
    per doc (and again only if the boilerplate spans change).
    """
    spans = tuple(doc._.boilerplate or ())
    cached = doc.user_data.get("marsad_content_sents")
    if cached is None or cached[0] != spans:
        cached = (spans, _content_sentences(doc, spans))
        doc.user_data["marsad_content_sents"] = cached
    yield from cached[1]


def _content_sentences(doc: Doc, spans: tuple) -> list:
    # Sentence starts read from the token array and sliced directly: `doc.sents` walks every token
    # in Python and was the slowest part of this helper.
    n = len(doc)
    if not n:
        return []
    starts = np.flatnonzero(doc.to_array([SENT_START]).astype("int64") == 1).tolist()
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
    text = doc_text(doc)
    out = []
    for s, e in zip(starts, [*starts[1:], n], strict=True):
        sent = doc[s:e]
        raw = text[sent.start_char:sent.end_char]
        stripped = raw.strip()
        if not stripped:
            continue
        start = sent.start_char + len(raw) - len(raw.lstrip())
        end = start + len(stripped)
        if spans and any(a <= start and end <= b for a, b in spans):
            continue
        out.append(sent)
    return out


def guess_title(doc, max_chars: int = 160) -> str | None:
    """The headline of an article given without one: its first content line, if it reads as a headline.

    Scrapes put the headline first, after any masthead (which the boilerplate stage marks); a long
    line or one that ends like a sentence is the lead paragraph instead, and then there is no title.
    """
    text = doc_text(doc)
    pos = 0
    for line in text.split("\n"):
        start = pos + len(line) - len(line.lstrip())
        pos += len(line) + 1
        stripped = line.strip()
        if not stripped or in_boilerplate(doc, start, start + len(stripped)):
            continue
        if len(stripped) <= max_chars and stripped[-1] not in ".،,:؛":
            return stripped
        return None
    return None
