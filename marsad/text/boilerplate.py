"""The "marsad_boilerplate" stage: mark the page furniture a scrape carries around the article.

Plain-text scrapes keep mastheads, print/share buttons, related-article teasers, newsletter
prompts, section menus, bylines and photo captions as lines of the text. The text itself stays
untouched (every offset we output points into it); this stage writes `doc._.boilerplate`, sorted
(start, end) spans of whole lines that extraction must not read.

The rules are general, line by line, with the vocabulary in `marsad/lang/ar/boilerplate.yaml`:
- a short line repeated verbatim in the document (masthead, label, caption): every copy;
  a longer repeated line (a headline or paragraph scraped twice): every copy after the first;
- a line made only of menu/interface words ("آخر الأخبار", "شارك المقال على", "اضف تعليقا");
- teaser lines ("قد يهمك: ...", "للمزيد: ..."), newsletter/app prompts, print buttons,
  bylines, agency credit lines, separator lines, and the publication date line;
- the trailing block of short link lines after a share/related marker at the end of the page;
- in a text whose paragraphs end as sentences do, an inset line among them that does not: another
  story's headline pasted into the body (BBC's related links: `قتلى وجرحى في قصف إسرائيلي على قطاع غزة`
  inside a report on something else, `ما قصة يوم الأرض الفلسطيني؟`) or a subheading. Neither narrates:
  the paragraphs under a subheading tell its story, and a related headline is another day's news.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from marsad.ingest.dates import parse_date_line
from marsad.lang import load
from marsad.text.clitics import match_forms
from marsad.text.document import doc_text
from marsad.text.normalize import fold, key

_LINE = re.compile(r"[^\n]+")
_WORD = re.compile(r"\w+")
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")
_DIGIT = re.compile(r"\d")
_SENTENCE_END = re.compile(r"[.!?؟…]\W*$")
_PARAGRAPH_END = re.compile(r"[.!?؟…:؛]\W*$")  # a paragraph's last sentence, or a quote's introduction
_QUESTION_END = re.compile(r"[?؟]\W*$")
# Lines longer than this (about 60 words) are paragraphs: no line rule but the teaser prefix applies.
LONG_LINE_CHARS = 400


@dataclass(frozen=True, slots=True)
class _Rules:
    menu: frozenset[str]
    function: frozenset[str]
    credit: frozenset[str]
    byline: frozenset[str]
    label: re.Pattern[str]
    button: frozenset[str]
    teaser: re.Pattern[str]
    prompt: re.Pattern[str]
    byline_max: int
    button_max: int
    prompt_max: int
    repeated_max: int
    menu_max: int
    trailing_max: int
    inset_words: tuple[int, int]
    inset_question: tuple[int, int]
    inset_min_lines: int
    inset_share: float
    conjunctions: tuple[str, ...]
    continuation: frozenset[str]


@cache
def rules() -> _Rules:
    """The vocabulary of boilerplate.yaml as match keys and compiled patterns (once per process)."""
    data = load("boilerplate")

    def keys(name: str) -> frozenset[str]:
        return frozenset(key(w) for w in data[name])

    def alternation(name: str) -> str:
        return "|".join(sorted((re.escape(key(p)) for p in data[name]), key=len, reverse=True))

    return _Rules(
        menu=keys("menu_words"), function=keys("function_words"),
        credit=keys("credit_words") | frozenset(w.lower() for w in data["credit_words"]),
        byline=keys("byline_prefixes"), button=keys("button_prefixes"),
        label=re.compile(rf"^\W*(?:{alternation('credit_labels')})\s*[:\-–—/]"),
        teaser=re.compile(rf"^\W*(?:{alternation('teaser_prefixes')})(?![^\W\d_])"),
        prompt=re.compile(alternation("prompt_phrases")),
        byline_max=int(data["byline_max_words"]), button_max=int(data["button_max_words"]),
        prompt_max=int(data["prompt_max_words"]), repeated_max=int(data["repeated_max_words"]),
        menu_max=int(data["menu_max_words"]), trailing_max=int(data["trailing_max_words"]),
        inset_words=(int(data["inset_min_words"]), int(data["inset_max_words"])),
        inset_question=(int(data["inset_question_min_words"]), int(data["inset_question_max_words"])),
        inset_min_lines=int(data["inset_min_lines"]),
        inset_share=float(data["inset_punctuated_share"]),
        conjunctions=tuple(load("clitics")["conjunctions"]), continuation=keys("continuation_openers"),
    )


@dataclass(slots=True)
class _Line:
    start: int
    end: int
    key: str
    words: list[str]
    marked: bool = False
    long: bool = False  # a paragraph: keyed verbatim, only its opening is read


def boilerplate_spans(text: str) -> list[tuple[int, int]]:
    """Sorted (start, end) spans of the boilerplate lines of a text."""
    r = rules()
    lines = list(_lines(text))
    counts = Counter(ln.key for ln in lines)
    seen: set[str] = set()
    for ln in lines:
        short = len(ln.words) <= r.repeated_max and not ln.long
        repeated = counts[ln.key] > 1 and (short or ln.key in seen)
        ln.marked = repeated or _is_furniture(ln, r)
        seen.add(ln.key)
    _mark_trailing_block(lines, r)
    _mark_insets(lines, r)
    return [(ln.start, ln.end) for ln in lines if ln.marked]


def _lines(text: str):
    for m in _LINE.finditer(text):
        raw = m.group()
        stripped = raw.strip()
        if not stripped:
            continue
        start = m.start() + (len(raw) - len(raw.lstrip()))
        if len(stripped) > LONG_LINE_CHARS:
            # Far longer than any furniture rule reads: folding whole paragraphs was most of this
            # stage's time. Only a teaser prefix can still make it boilerplate, and repeats of it
            # are found verbatim.
            yield _Line(start, start + len(stripped), stripped, _WORD.findall(fold(stripped[:80])), long=True)
            continue
        k = fold(stripped)
        yield _Line(start, start + len(stripped), k, _WORD.findall(k))


def _is_furniture(ln: _Line, r: _Rules) -> bool:
    if ln.long:
        return bool(r.teaser.search(" ".join(ln.words)))
    n = len(ln.words)
    if not _LETTER_OR_DIGIT.search(ln.key):
        return True  # separators: "-----", "***"
    if r.teaser.search(ln.key):
        return True
    if n <= r.prompt_max and r.prompt.search(ln.key):
        return True
    has_digit = bool(_DIGIT.search(ln.key))
    first = ln.words[0] if ln.words else ""
    if n <= r.button_max and not has_digit and _in(first, r.button):
        return True
    if n <= r.byline_max and not has_digit and (_in(first, r.byline) or r.label.search(ln.key)):
        return True
    if n <= r.menu_max and _all_menu(ln.words, r):
        return True
    if n <= 6 and all(w.isdigit() or w in r.credit or w.lower() in r.credit for w in ln.words) \
            and any(not w.isdigit() for w in ln.words):
        return True
    return n <= 12 and has_digit and parse_date_line(ln.key) is not None


def _in(word: str, vocab: frozenset[str]) -> bool:
    return any(form in vocab for form in match_forms(word))


def _all_menu(words: list[str], r: _Rules) -> bool:
    """Every word is an interface word, a function word or a counter, and one is an interface word."""
    menu_seen = False
    for w in words:
        if w.isdigit():
            continue
        if _in(w, r.menu):
            menu_seen = True
        elif not _in(w, r.function):
            return False
    return menu_seen


def _mark_trailing_block(lines: list[_Line], r: _Rules) -> None:
    """Short link lines at the very end, after a share/related line, are one navigation block."""
    block: list[_Line] = []
    for ln in reversed(lines):
        short_link = (len(ln.words) <= r.trailing_max and not _DIGIT.search(ln.key)
                      and not _SENTENCE_END.search(ln.key))
        if not (ln.marked or short_link):
            break
        block.append(ln)
    if any(ln.marked for ln in block):
        for ln in block:
            ln.marked = True


def _mark_insets(lines: list[_Line], r: _Rules) -> None:
    """Inset lines of a punctuated body: a line of `inset_words` words with no end of sentence, or a
    short question, among paragraphs that end as sentences (at least `inset_share` of the body's
    lines). The body begins with its first line after the headline that ends as a sentence; a
    subheading shorter than `inset_words` stays (`حصيلة الهجوم`, `التحالف الدولي يجدد دعمه`), as does
    a line opening with a conjunction (`و`, `ف`) or a connective (`كما`, `ثم`): the rest of a paragraph
    broken over two lines."""
    rest = [ln for ln in lines if not ln.marked][1:]  # the headline (a question is one, too) stays
    # the body begins with its first sentence: a standfirst or a dateline above it is left alone
    first = next((i for i, ln in enumerate(rest) if ln.long or _PARAGRAPH_END.search(ln.key)), len(rest))
    body = rest[first:]
    if len(body) < r.inset_min_lines:
        return
    ended = sum(1 for ln in body if ln.long or _PARAGRAPH_END.search(ln.key))
    if ended < r.inset_share * len(body):
        return  # an outlet that does not close its paragraphs: an unpunctuated line is one of them
    lo, hi = r.inset_words
    for ln in body:
        if ln.long or not ln.words or ln.key.startswith(r.conjunctions) or _in(ln.words[0], r.continuation):
            continue
        n = len(ln.words)
        if lo <= n <= hi and not _PARAGRAPH_END.search(ln.key) or \
                r.inset_question[0] <= n <= r.inset_question[1] and _QUESTION_END.search(ln.key):
            ln.marked = True


@Language.component("marsad_boilerplate")
def mark_boilerplate(doc: Doc) -> Doc:
    doc._.boilerplate = boilerplate_spans(doc_text(doc))
    return doc
