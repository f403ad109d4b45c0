"""The spaCy pipeline: a blank Arabic tokenizer tuned for news, sentences, and Marsad's stages.

spaCy's blank Arabic language runs offline and fast; we add prefix rules that split numbers glued
to words (`20عنصراً`, `و40من`), lexeme norms that are Arabic match keys, and a sentence splitter that
respects Arabic punctuation, quotes and headline lines.
"""

from __future__ import annotations

import re

import numpy as np
import spacy
from spacy.attrs import IDX, IS_DIGIT, IS_PUNCT, IS_SPACE, LIKE_NUM, NORM, SENT_START
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

from marsad.text.clitics import conjunctions
from marsad.text.document import doc_text  # (importing it also registers the Doc extensions)
from marsad.text.normalize import key

_DIGITS = r"0-9\u0660-\u0669\u06F0-\u06F9"
_LETTERS = r"\u0621-\u064A\u066E-\u06D3\u06FA-\u06FF"

# A number glued to the word after it (`20عنصراً`, `374من`), possibly behind و/ف/ب/ل (`و40من`).
_GLUED_PREFIXES = [
    rf"[وفبل](?=[{_DIGITS}])",
    rf"[{_DIGITS}]+(?:[.,٫٬][{_DIGITS}]+)*(?=[{_LETTERS}])",
    # A sentence's final stop written before the space instead of after it (`غربي العراق .وأفاد مصدر`,
    # `لهم .كما دمرت`: 117 in ant-2018-news, all sentence ends): its own token, so the sentence ends there.
    rf"[.!?؟…]+(?=[{_LETTERS}])",
]
# A sentence's final stop glued to both words (`ومدينة الرمادي.وقال الناطق`, `سنوات.ويعاني`): a stop
# between a word of two or more letters and one opening with a conjunction (clitics.yaml: و, ف) is
# its own token, so the sentence ends there. ant-2018-news: 85 in 73 reports, all sentence ends; a
# stop inside an abbreviation or a domain (`سي.بي.إس`, `الجزيرة.نت`) is not followed by و or ف.
_GLUED_INFIXES = [rf"(?<=[{_LETTERS}]{{2}})\.(?=[{conjunctions()}][{_LETTERS}]{{2}})"]
_GLUED_STOP = re.compile(_GLUED_INFIXES[0])
# A word glued to a number after it (`بـ350`): split the number off as a suffix.
_GLUED_SUFFIXES = [rf"(?<=[{_LETTERS}ـ])[{_DIGITS}]+(?:[.,٫٬][{_DIGITS}]+)*$", rf"(?<=[{_DIGITS}])[.،,؛:]$"]

_SENT_END = re.compile(r"[.!?؟!…]+|[؛;]")
_QUOTES_CLOSE = set("\"'”»’)")
_NEWLINE = re.compile(r"\n")


# spaCy refuses texts over 1,000,000 characters by default (a guard for its parser and NER, which a
# blank pipeline has not); the readers already cap one article at 5 MB (ingest.readers.MAX_ARTICLE_BYTES).
MAX_TEXT_CHARS = 5 * 1024 * 1024 + 1
# The lexical attributes the stages read (norm: the match key; the flags: sentence splitting and
# place-name words). spaCy computes every attribute it has a getter for (shape, prefix, suffix,
# lower, stop word, URL and e-mail tests, ...) whenever it meets a new word form, which a stream
# does all the time once the vocabulary is full (run.VOCAB_KEEP): ~21 us a form with all of them,
# ~6 us with these. Attributes without a getter read as empty or False.
LEX_ATTRS = frozenset({NORM, IS_PUNCT, IS_SPACE, LIKE_NUM, IS_DIGIT})


def make_nlp(components: list[str] | None = None, config: dict | None = None) -> Language:
    """A blank Arabic pipeline with Marsad's tokenizer rules and the named components added."""
    nlp = spacy.blank("ar")
    nlp.max_length = MAX_TEXT_CHARS
    prefixes = _GLUED_PREFIXES + list(nlp.Defaults.prefixes or [])
    suffixes = _GLUED_SUFFIXES + list(nlp.Defaults.suffixes or [])
    infixes = _GLUED_INFIXES + list(nlp.Defaults.infixes or [])
    nlp.tokenizer.prefix_search = compile_prefix_regex(prefixes).search
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    url_match = nlp.tokenizer.url_match
    if url_match is not None:  # spaCy reads `سنوات.ويعاني` as a domain name, before any infix
        nlp.tokenizer.url_match = lambda text: None if _GLUED_STOP.search(text) else url_match(text)
    nlp.vocab.lex_attr_getters[NORM] = key
    for attr in [a for a in nlp.vocab.lex_attr_getters if a not in LEX_ATTRS]:
        del nlp.vocab.lex_attr_getters[attr]
    nlp.add_pipe("marsad_sentences")
    for name in components or []:
        nlp.add_pipe(name, config=(config or {}).get(name, {}))
    return nlp


@Language.component("marsad_sentences")
def split_sentences(doc: Doc) -> Doc:
    """Sentence starts after line breaks and after sentence-final punctuation (quotes stay attached).

    Works on the text with regexes and on token arrays, not token by token in Python: this stage
    runs on every article and a per-token loop cost three times the tokenizer itself.
    """
    n = len(doc)
    if not n:
        return doc
    arr = doc.to_array([IDX, IS_SPACE, IS_PUNCT])
    starts_at, is_space, is_punct = arr[:, 0], arr[:, 1], arr[:, 2]
    text = doc_text(doc)
    ends: set[int] = set()
    # A line break inside a token or in its trailing whitespace ends that token's sentence.
    for m in _NEWLINE.finditer(text):
        ends.add(int(np.searchsorted(starts_at, m.start(), side="right")) - 1)
    for m in _SENT_END.finditer(text):
        i = int(np.searchsorted(starts_at, m.start(), side="right")) - 1
        if is_punct[i] and not _decimal_point(doc, i):
            ends.add(i)
    sent_start = np.full(n, -1, dtype="int64")
    sent_start[0] = 1
    for e in sorted(ends):
        j = e + 1
        # Closing quotes and more final punctuation (`؟!`, `...`) stay with the sentence they close.
        while j < n and (is_space[j] or doc[j].text in _QUOTES_CLOSE
                         or (is_punct[j] and _SENT_END.fullmatch(doc[j].text))):
            j += 1
        if j < n:
            sent_start[j] = 1
    doc.from_array([SENT_START], sent_start.astype("uint64").reshape(-1, 1))  # spaCy's array type: -1 wraps
    return doc


def _decimal_point(doc: Doc, i: int) -> bool:
    """A `.` between two digits (1.5 مليون) does not end a sentence."""
    tok = doc[i]
    return (tok.text == "." and 0 < i < len(doc) - 1 and not tok.whitespace_
            and doc[i - 1].text[-1:].isdigit() and doc[i + 1].text[:1].isdigit())
