"""The per-document pipeline: stage order, article metadata on the doc, failures isolated per article."""

from marsad import pipeline
from marsad.model import Article
from marsad.run import process_articles


def test_stages_run_in_pipeline_order():
    nlp = pipeline.build()
    assert nlp.pipe_names == ["marsad_boilerplate", "marsad_sentences", "marsad_claims", "marsad_events"]


def test_an_article_the_tokenizer_cannot_read_fails_alone():
    nlp = pipeline.build()
    make_doc = nlp.make_doc

    def fragile_make_doc(text: str):
        if "انكسر" in text:
            raise ValueError("tokenizer broke")
        return make_doc(text)

    nlp.make_doc = fragile_make_doc
    articles = [Article(id="a", text="قتل 5 جنود في هجوم على حاجز للجيش", published="2022-01-21"),
                Article(id="b", text="انكسر المحلل على هذا النص", published="2022-01-21"),
                Article(id="c", text="أصيب 3 مدنيين بجروح في قصف", published="2022-01-21")]
    results = process_articles(articles, nlp)
    by_id = {r.article.id: r for r in results}
    assert by_id["b"].error is not None
    assert by_id["b"].error.reason == "tokenizer failed: ValueError: tokenizer broke"
    assert by_id["a"].error is None and by_id["c"].error is None
    assert [(c.kind, c.value) for c in by_id["a"].claims] == [("killed", 5)]
    assert [(c.kind, c.value) for c in by_id["c"].claims] == [("injured", 3)]


def test_new_word_forms_get_only_the_lexical_attributes_the_stages_read():
    """A new form costs spaCy one call per lexical attribute getter: only the match key and the flags
    the sentence splitter and place matching read are computed (the rest read as empty)."""
    from marsad.text.nlp import LEX_ATTRS, make_nlp

    nlp = make_nlp()
    assert set(nlp.vocab.lex_attr_getters) == set(LEX_ATTRS)
    doc = nlp("أعلنت البلدية إغلاق 12 سوقا، و3.5 كيلومترا من الطرقات.")
    assert [t.norm_ for t in doc][:3] == ["اعلنت", "البلديه", "اغلاق"]
    assert [t.text for t in doc if t.like_num] == ["12", "3.5"]
    assert [t.text for t in doc if t.is_digit] == ["12"]
    assert [t.text for t in doc if t.is_punct] == ["،", "."]
    assert doc[0].shape_ == "" and not doc[0].is_stop
