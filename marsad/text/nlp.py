"""The spaCy pipeline: a blank Arabic tokenizer tuned for news, sentences, and Marsad's stages.

spaCy's blank Arabic language runs offline and fast; we add prefix rules that split numbers glued
to words (`20عنصراً`, `و40من`), lexeme norms that are Arabic match keys, and a sentence splitter that
respects Arabic punctuation, quotes and headline lines.
"""

from __future__ import annotations

import re

import spacy
from spacy.attrs import NORM
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_prefix_regex, compile_suffix_regex

import marsad.text.document  # noqa: F401  (registers the Doc extensions)
from marsad.text.normalize import key

_DIGITS = r"0-9\u0660-\u0669\u06F0-\u06F9"
_LETTERS = r"\u0621-\u064A\u066E-\u06D3\u06FA-\u06FF"

# A number glued to the word after it (`20عنصراً`, `374من`), possibly behind و/ف/ب/ل (`و40من`).
_GLUED_PREFIXES = [
    rf"[وفبل](?=[{_DIGITS}])",
    rf"[{_DIGITS}]+(?:[.,٫٬][{_DIGITS}]+)*(?=[{_LETTERS}])",
]
# A word glued to a number after it (`بـ350`): split the number off as a suffix.
_GLUED_SUFFIXES = [rf"(?<=[{_LETTERS}ـ])[{_DIGITS}]+(?:[.,٫٬][{_DIGITS}]+)*$", rf"(?<=[{_DIGITS}])[.،,؛:]$"]

_SENT_END = re.compile(r"[.!?؟!…]+|[؛;]")
_QUOTES_CLOSE = set("\"'”»’)")


def make_nlp(components: list[str] | None = None, config: dict | None = None) -> Language:
    """A blank Arabic pipeline with Marsad's tokenizer rules and the named components added."""
    nlp = spacy.blank("ar")
    prefixes = _GLUED_PREFIXES + list(nlp.Defaults.prefixes or [])
    suffixes = _GLUED_SUFFIXES + list(nlp.Defaults.suffixes or [])
    nlp.tokenizer.prefix_search = compile_prefix_regex(prefixes).search
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    nlp.vocab.lex_attr_getters[NORM] = key
    nlp.add_pipe("marsad_sentences")
    for name in components or []:
        nlp.add_pipe(name, config=(config or {}).get(name, {}))
    return nlp


@Language.component("marsad_sentences")
def split_sentences(doc: Doc) -> Doc:
    """Sentence starts after line breaks and after sentence-final punctuation (quotes stay attached)."""
    if not len(doc):
        return doc
    doc[0].is_sent_start = True
    pending = False
    for i in range(1, len(doc)):
        tok = doc[i]
        pending = pending or _ends_sentence(doc, i - 1)
        if pending and tok.text not in _QUOTES_CLOSE and not tok.is_space:
            tok.is_sent_start = True
            pending = False
        else:
            tok.is_sent_start = False
    return doc


def _ends_sentence(doc: Doc, i: int) -> bool:
    tok = doc[i]
    if "\n" in tok.text or "\n" in tok.whitespace_:
        return True
    return bool(tok.is_punct and _SENT_END.search(tok.text)) and not _decimal_point(doc, i)


def _decimal_point(doc: Doc, i: int) -> bool:
    """A `.` between two digits (1.5 مليون) does not end a sentence."""
    tok = doc[i]
    return (tok.text == "." and 0 < i < len(doc) - 1 and not tok.whitespace_
            and doc[i - 1].text[-1:].isdigit() and doc[i + 1].text[:1].isdigit())
