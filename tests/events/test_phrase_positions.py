"""Phrase indexes look words up in one form -> positions table per doc, which keeps only the forms some
index begins with; an index made after a doc's table was built still finds its phrases there."""

from __future__ import annotations

from marsad.extract.event_types import PhraseIndex, doc_words
from marsad.text.nlp import make_nlp

TEXT = "وصلت قافلة المساعدات إلى البلدة المحاصرة بعد انقطاع دام أسبوعين، وفرح الأهالي بوصول الطحين."


def test_an_index_made_after_the_table_finds_its_phrases_and_inflected_forms():
    doc = make_nlp()(TEXT)
    words = doc_words(doc)
    first = PhraseIndex([("قافلة المساعدات", "convoy")])
    assert [(h.first, h.last, h.payload) for h in first.find(words)] == [(1, 3, "convoy")]
    # words no index began with until now: the doc's table is built again for the new index
    later = PhraseIndex([("البلدة المحاصرة", "siege"), ("طحين", "flour")])
    assert [(TEXT[h.start:h.end], h.payload) for h in later.find(words)] == [
        ("البلدة المحاصرة", "siege"), ("الطحين", "flour")]
    inflected = PhraseIndex([("فرح", "joy"), ("انقطاع", "cut")], inflected=True)
    assert [(TEXT[h.start:h.end], h.payload) for h in inflected.find(words)] == [
        ("انقطاع", "cut"), ("وفرح", "joy")]
    # the earlier index answers as before, and a word no index begins with is in no table
    assert [h.payload for h in first.find(words)] == ["convoy"]
    assert "أسبوعين" not in words.positions[1]


def test_a_range_of_the_doc_gives_the_hits_inside_it():
    doc = make_nlp()(TEXT)
    words = doc_words(doc)
    index = PhraseIndex([("قافلة", "a"), ("الأهالي", "b")])
    assert [h.payload for h in index.find(words, 0, 5)] == ["a"]
    assert [h.payload for h in index.find(words, 5)] == ["b"]
