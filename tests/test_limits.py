"""Issue #14 point 9: an article between spaCy's default 1,000,000 characters and the readers' 5 MB
limit is processed, not refused with E088."""

from marsad.ingest.readers import MAX_ARTICLE_BYTES
from marsad.text.nlp import make_nlp


def test_texts_up_to_the_reader_limit_are_accepted():
    nlp = make_nlp()
    assert nlp.max_length > MAX_ARTICLE_BYTES
    text = ("قتل " * 250_001)[:1_000_001]
    doc = nlp.make_doc(text)
    assert doc.text == text and len(doc) == 250_001
