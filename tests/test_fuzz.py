"""Issue #14: a bounded Hypothesis fuzz suite over the input boundary and the parsers that read raw
text. No exception may escape, and every offset must point at the words it claims to.

Covered: the JSONL record reader (any bytes, any JSON values in any field), the number parser
(digit strings with separators, number words, clitics), the date parser (day/month/year shapes,
month names, separators), encoding detection (any bytes; damaged UTF-8; legacy code pages) and the
HTML reader (random nesting, entities, broken tags). In CI each property runs FUZZ_EXAMPLES cases
(all of them in well under 60 s); `bench/fuzz.py` runs the same properties far longer and prints
the number of cases.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections import Counter
from functools import cache
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad import pipeline
from marsad.extract.dates import find_dates
from marsad.extract.numbers import find_numbers
from marsad.extract.tokens import key_text, tokenize
from marsad.ingest.encoding import NotText, decode_bytes
from marsad.ingest.html import extract_page, fragment_text
from marsad.ingest.readers import read_inputs
from marsad.model import Article, IngestError
from marsad.text.normalize import key

FUZZ = settings(max_examples=int(os.environ.get("MARSAD_FUZZ_EXAMPLES", "40")), deadline=None,
                suppress_health_check=list(HealthCheck), database=None, derandomize=False)
CASES: Counter[str] = Counter()  # cases run per property (bench/fuzz.py prints them)

WORDS = ["قتل", "مقتل", "أصيب", "جرحى", "شخصا", "مدنيين", "نحو", "أكثر", "من", "بين", "و", "إلى", "ألف",
         "آلاف", "مليون", "ثلاثة", "عشرين", "المئة", "بالمئة", "يوم", "الأحد", "يناير", "كانون", "الثاني",
         "شباط", "عام", "أمس", "الماضي", "منذ", "قال", "المرصد", "في", "الحسكة", "،", ".", ":", "%", "٪", "-",
         "/", "(", ")", "\n", "ـ", "ً", "١٢", "٣٫٥"]
DIGITS = st.from_regex(r"\A[0-9٠-٩]{1,12}([.,٫٬/\-][0-9]{1,4}){0,4}\Z", fullmatch=True)
ARABIC = st.text(alphabet=st.characters(min_codepoint=0x0621, max_codepoint=0x064A), min_size=1, max_size=8)
TEXTISH = st.lists(st.one_of(st.sampled_from(WORDS), DIGITS, ARABIC), max_size=40).map(" ".join)


def _count(name: str) -> None:
    CASES[name] += 1


# --- the JSONL record reader ---------------------------------------------------------------------

JSON_VALUES = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False)
                           | st.text(max_size=30) | TEXTISH,
                           lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5),
                                                                                      inner, max_size=3),
                           max_leaves=8)
RECORD = st.dictionaries(st.sampled_from(["id", "title", "text", "published", "outlet", "url", "x"]),
                         JSON_VALUES | TEXTISH, max_size=7)
LINE = st.one_of(RECORD.map(lambda r: json.dumps(r, ensure_ascii=False).encode("utf-8")),
                 st.binary(max_size=80), JSON_VALUES.map(lambda v: json.dumps(v).encode()),
                 RECORD.map(lambda r: json.dumps(r, ensure_ascii=False).encode("utf-8")[:-3]))


@FUZZ
@given(st.lists(LINE, min_size=1, max_size=6))
def test_jsonl_reader_never_raises_and_reports_every_line(lines):
    _count("jsonl reader")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "in.jsonl"
        path.write_bytes(b"\n".join(line.replace(b"\n", b" ") for line in lines) + b"\n")
        items = list(read_inputs([str(path)]))
    for item in items:
        assert isinstance(item, Article | IngestError)
        if isinstance(item, Article):
            assert isinstance(item.text, str) and item.text.strip() and isinstance(item.id, str)
            assert item.title is None or isinstance(item.title, str)
            assert item.url is None or isinstance(item.url, str)
        else:
            assert item.input.startswith(str(path)) and item.reason


# --- the number parser ---------------------------------------------------------------------------

@FUZZ
@given(TEXTISH)
def test_number_parser_never_raises_and_stays_inside_the_tokens(text):
    _count("number parser")
    folded = key_text(key(text))
    toks = tokenize(folded)
    for t in toks:
        assert folded[t.start:t.end] == t.text
    for m in find_numbers(toks):
        assert 0 <= m.start <= m.num_start < m.num_end <= m.end <= len(toks)
        assert m.value is None or (isinstance(m.value, int) and 0 <= m.value < 10**15)
        assert m.value_high is None or m.value_high > (m.value or 0)


@cache
def _claims_nlp():
    return pipeline.build(["marsad_boilerplate", "marsad_claims"])


@FUZZ
@given(TEXTISH)
def test_claims_on_digit_heavy_text_point_at_their_words(text):
    _count("claims offsets")
    doc = next(pipeline.process(_claims_nlp(), [Article(id="f", text=text)]))
    for c in doc._.claims or []:
        assert 0 <= c.start < c.end <= len(text)
        for s in c.spans:
            assert text[s.start:s.end] == s.text


# --- the date parser -----------------------------------------------------------------------------

DAY = st.integers(0, 40).map(str)
DATEISH = st.lists(st.one_of(st.sampled_from(WORDS), DAY, st.integers(0, 3000).map(str), DIGITS,
                             st.sampled_from(["/", "-", ".", "2018", "2022", "1439", "هـ", "م"])),
                   max_size=30).map(" ".join)


@cache
def _dates_nlp():
    return pipeline.build(["marsad_boilerplate"])


@FUZZ
@given(DATEISH, st.one_of(st.none(), st.dates().map(str), st.text(max_size=12)))
def test_date_parser_never_raises_and_offsets_are_exact(text, published):
    _count("date parser")
    doc = next(pipeline.process(_dates_nlp(), [Article(id="d", text=text, published=published)]))
    for d in find_dates(doc):
        assert 0 <= d.start < d.end <= len(text) and text[d.start:d.end] == d.text
        assert d.date <= d.date_end and d.precision in (1, 2, 3)


# --- encoding detection --------------------------------------------------------------------------

@FUZZ
@given(st.one_of(st.binary(max_size=400),
                 TEXTISH.map(lambda t: t.encode("utf-8")),
                 st.tuples(TEXTISH, st.integers(0, 50), st.binary(min_size=1, max_size=2)).map(
                     lambda x: x[0].encode("utf-8")[:x[1]] + x[2] + x[0].encode("utf-8")[x[1]:]),
                 TEXTISH.map(lambda t: t.encode("cp1256", errors="ignore"))))
def test_encoding_detection_never_raises_and_keeps_clean_utf8(data):
    _count("encoding detection")
    try:
        text, enc = decode_bytes(data)
    except NotText:
        return
    assert isinstance(text, str) and enc
    if enc == "utf-8":
        assert text == data.decode("utf-8")


# --- the HTML reader -----------------------------------------------------------------------------

TAGS = ["p", "div", "span", "b", "a", "article", "li", "ul", "br", "script", "style", "table", "td", "h1",
        "title", "meta", "html", "body", "head"]
PIECE = st.one_of(TEXTISH, st.sampled_from(TAGS).map(lambda t: f"<{t}>"), st.sampled_from(TAGS).map(
    lambda t: f"</{t}>"), st.sampled_from(["&amp;", "&#1602;", "&nbsp;", "<!--", "-->", "<", ">", "&",
                                            "<p class='x", "<![CDATA[", "<?xml ?>", "<!doctype html>"]))


@FUZZ
@given(st.lists(PIECE, max_size=40).map("".join), st.integers(0, 300))
def test_html_reader_never_raises(fragment, depth):
    _count("html reader")
    html = "<html><body>" + "<div>" * depth + fragment + "</div>" * depth + "</body></html>"
    page = extract_page(html)
    assert isinstance(page.text, str)
    assert isinstance(fragment_text(fragment), str)
