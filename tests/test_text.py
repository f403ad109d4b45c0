"""The Arabic text layer: normalisation offsets, glued numbers, sentences."""

from hypothesis import given
from hypothesis import strategies as st

from marsad.text.nlp import make_nlp
from marsad.text.normalize import key, normalize

ALPHABET = list("ابتةثجحخدذرسشصضطظعغفقكلمنهويىأإآؤئءًٌٍَُِّْـ٠١٢٣٤٥٦٧٨٩ ۱۲\n.,،ی")
ARABIC = st.text(alphabet=st.sampled_from(ALPHABET), max_size=80)


@given(ARABIC)
def test_offset_map_points_back_to_the_characters_kept(text):
    norm = normalize(text)
    assert len(norm.offsets) == len(norm.text)
    assert list(norm.offsets) == sorted(set(norm.offsets))
    for i, ch in enumerate(norm.text):
        assert normalize(text[norm.offsets[i]]).text == ch


@given(ARABIC, st.integers(0, 80), st.integers(0, 80))
def test_span_round_trip(text, a, b):
    norm = normalize(text)
    a, b = sorted((min(a, len(norm.text)), min(b, len(norm.text))))
    o_start, o_end = norm.to_original(a, b)
    assert normalize(text[o_start:o_end]).text == norm.text[a:b]


def test_normalisation_folds_variants_but_keeps_letters():
    assert normalize("أُصِيبَ ٧ إرهابيّين").text == "اصيب 7 ارهابيين"
    assert key("المدينة") == "المدينه"
    assert normalize("المدينة").text == "المدينة"  # ta marbuta folds only in keys
    assert normalize("ديالى").text == "ديالي"
    assert key("ی ک ۱۲") == "ي ك 12"


def test_glued_numbers_are_split():
    nlp = make_nlp()
    doc = nlp("قتل 20عنصراً و40من المدنيين و374من 200سجين بـ350")
    assert [t.text for t in doc] == ["قتل", "20", "عنصراً", "و", "40", "من", "المدنيين", "و", "374",
                                     "من", "200", "سجين", "بـ", "350"]


def test_sentences_respect_punctuation_quotes_and_lines():
    nlp = make_nlp()
    doc = nlp('العراق: مقتل 5 جنود\nقال المصدر: "قتل 3." وأضاف أن 1.5 مليون نزحوا؟ نعم')
    assert [s.text.strip() for s in doc.sents] == [
        "العراق: مقتل 5 جنود", 'قال المصدر: "قتل 3."', "وأضاف أن 1.5 مليون نزحوا؟", "نعم"]
