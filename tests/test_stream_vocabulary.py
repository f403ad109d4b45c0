"""A long stream does not grow spaCy's vocabulary without bound: the word forms of the first chunks
stay (a known form is cheap to tokenise), and once the vocabulary holds `VOCAB_KEEP` forms the new
forms of each chunk are dropped after it."""

from __future__ import annotations

import marsad.run
from marsad import pipeline
from marsad.model import Article
from marsad.run import process_articles

# invented reports, each with word forms the others do not have
FIRST = [Article(id="a1", text="أعلنت بلدية المدينة إغلاق السوق القديم مؤقتا لأعمال الترميم."),
         Article(id="a2", text="افتتح المعرض السنوي للكتاب أبوابه أمام الزوار صباح الخميس.")]
LATER = [Article(id="b1", text="تساقطت أمطار غزيرة على المرتفعات الجبلية وأغلقت طرقات فرعية."),
         Article(id="b2", text="نظمت الجامعة ملتقى طلابيا حول البرمجيات مفتوحة المصدر.")]


def forms(nlp) -> int:
    """The lexemes the vocabulary holds (its len() also counts the dropped ones)."""
    return sum(1 for _ in nlp.vocab)


def test_the_first_chunks_words_stay_and_later_chunks_words_are_dropped(monkeypatch):
    nlp = pipeline.build()
    before = len(nlp.vocab)
    monkeypatch.setattr(marsad.run, "VOCAB_KEEP", before + 1)
    first = process_articles(FIRST, nlp)
    kept = forms(nlp)
    assert kept > before + 10  # the first chunk's forms were added and stay
    assert "الترميم" in nlp.vocab.strings
    later = process_articles(LATER, nlp)
    assert forms(nlp) == kept  # the vocabulary is full: the later chunk's forms went with it
    assert "البرمجيات" not in nlp.vocab.strings
    assert [r.error for r in first + later] == [None] * 4
    assert [r.article.id for r in later] == ["b1", "b2"]


def test_an_unbounded_keep_keeps_every_form(monkeypatch):
    nlp = pipeline.build()
    monkeypatch.setattr(marsad.run, "VOCAB_KEEP", 10**9)
    process_articles(FIRST, nlp)
    process_articles(LATER, nlp)
    assert "الترميم" in nlp.vocab.strings and "البرمجيات" in nlp.vocab.strings


def test_the_word_caches_are_emptied_once_the_reports_are_processed():
    """The per-word caches of the stages (~150 MB full) are cleared before linking, the actor table's
    included; they fill again as words are looked up."""
    from marsad.extract.actors import actor_table
    from marsad.text import normalize

    process_articles(FIRST + LATER, pipeline.build())
    caches = list(normalize._WORD_CACHES)
    assert actor_table()._word in caches and len(caches) >= 10
    assert sum(c.cache_info().currsize for c in caches) > 100
    normalize.clear_word_caches()
    assert [c.cache_info().currsize for c in caches] == [0] * len(caches)
    assert normalize.key("الترميم") == "الترميم" and normalize._short_key.cache_info().currsize == 1


def test_the_per_form_dicts_of_place_matching_stay_bounded(monkeypatch):
    """The per-form memos of place matching (lexeme key and kind) held up to 500,000 forms and grew
    with the stream; they are emptied at WORD_CACHE forms, and with the word caches."""
    from marsad.extract import places
    from marsad.text import normalize

    strikes = [Article(id="s1", text="قتل ثلاثة مدنيين في قصف مدفعي على بلدة كفرنبل بريف إدلب الجنوبي."),
               Article(id="s2", text="أصيب خمسة أشخاص بانفجار عبوة ناسفة في سوق شعبي وسط مدينة الموصل.")]
    normalize.clear_word_caches()
    assert places._LEXEMES == {} and places._TOKEN_KIND == {}
    process_articles(strikes[:1], pipeline.build())
    filled = len(places._TOKEN_KIND)
    assert filled > 10 and places._LEXEMES
    assert "كفرنبل" in places._TOKEN_KIND
    monkeypatch.setattr(normalize, "WORD_CACHE", filled)
    process_articles(strikes[1:], pipeline.build())  # the dict is full at its first probe: emptied, refilled
    assert "كفرنبل" not in places._TOKEN_KIND and "الموصل" in places._TOKEN_KIND
    normalize.clear_word_caches()
    assert places._LEXEMES == {} and places._TOKEN_KIND == {}
