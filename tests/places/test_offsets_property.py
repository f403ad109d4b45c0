"""Whatever the text, mentions point at their own words in the original (diacritics, tatweel, clitics)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad.extract.dates import find_dates
from marsad.extract.places import find_places
from marsad.model import Article
from marsad.text.nlp import make_nlp

WORDS = ["في", "مدينة", "بالحسكة", "وبغداد", "سجن", "غويران", "ريف", "حلب", "الخميس", "أمس", "20", "يناير",
         "كانون", "الثاني", "/", "2022", "قُتل", "الحَسَكة", "حمـــص", "،", ".", "\n", "محافظة", "ديالى", "منذ",
         "رأس", "العين", "التركية", "قرب", "لمدينة", "الموصل", "1443", "جمادى", "الآخرة", "هـ", "(", ")"]

NLP = make_nlp()


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=30),
       st.sampled_from([None, "2022-01-24", "2015-07-21T08:00:00"]))
def test_offsets_point_into_the_original(words, published):
    text = " ".join(words)
    doc = NLP(text)
    doc._.article = Article(id="p", text=text, published=published)
    for m in find_places(doc):
        assert text[m.start:m.end] == m.text and m.text.strip() == m.text and m.text
        assert 1 <= m.geo_precision <= 3
    for d in find_dates(doc):
        assert text[d.start:d.end] == d.text and d.text
        assert d.date <= d.date_end and 1 <= d.precision <= 3
        assert isinstance(d.date, dt.date)


@pytest.mark.parametrize("text", ["قُتِلَ ثلاثةٌ في الحَسَكَة", "قتل ثلاثة في الحســكة"])
def test_diacritics_and_tatweel(text):
    doc = NLP(text)
    (m,) = find_places(doc)
    assert m.place.name_en == "Al-Hasakah"
    assert m.text == text.split(" ")[-1]
