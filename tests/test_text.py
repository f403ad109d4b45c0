"""The Arabic text layer: normalisation offsets, glued numbers, sentences."""

from hypothesis import given
from hypothesis import strategies as st

from marsad.text import normalize as normalize_mod
from marsad.text.nlp import make_nlp
from marsad.text.normalize import key, key_fold, normalize

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


def test_more_glued_numbers_and_arabic_indic_digits():
    nlp = make_nlp()
    doc = nlp("أسر ١٢عنصرا و٣٠٠من المدنيين ف5 منهم جرحى")
    assert [t.text for t in doc] == ["أسر", "١٢", "عنصرا", "و", "٣٠٠", "من", "المدنيين", "ف", "5", "منهم",
                                     "جرحى"]
    assert [t.norm_ for t in doc][1] == "12"


def test_proclitics_give_every_matching_form():
    from marsad.text.clitics import match_forms, proclitic_splits, strip_proclitics

    assert match_forms("بمقتل") == ("بمقتل", "مقتل")
    assert set(match_forms("للجيش")) == {"للجيش", "جيش", "الجيش", "لجيش"}
    assert set(match_forms("وبالسجن")) >= {"سجن", "السجن", "بالسجن"}
    assert match_forms("ولد") == ("ولد",)  # a stem keeps at least three letters
    assert proclitic_splits("والجيش")[0] == ("", "والجيش")
    assert ("وال", "جيش") in proclitic_splits("والجيش")
    assert strip_proclitics("فللأمن") == "أمن"
    assert strip_proclitics("داعش") == "داعش"


@given(ARABIC)
def test_fold_is_key_for_long_text(text):
    from marsad.text.normalize import fold

    assert fold(text) == key(text)


@given(ARABIC, st.integers(0, 80), st.integers(0, 80))
def test_from_original_then_to_original_stays_inside_the_span(text, a, b):
    norm = normalize(text)
    a, b = sorted((min(a, len(text)), min(b, len(text))))
    n_start, n_end = norm.from_original(a, b)
    assert normalize(text[a:b]).text == norm.text[n_start:n_end]
    if n_end > n_start:
        o_start, o_end = norm.to_original(n_start, n_end)
        assert a <= o_start and o_end <= b


def test_tokens_expose_their_clitic_free_forms():
    doc = make_nlp()("وللجيش بمقتل")
    assert set(doc[0]._.forms) >= {"الجيش", "جيش"}
    assert doc[1]._.forms == ("بمقتل", "مقتل")


def test_sentence_final_punctuation_runs_and_blank_lines():
    nlp = make_nlp()
    doc = nlp("هل هذا معقول؟! كل يوم قتلى...  «نعم.» وقال\n\n\nانتهى")
    assert [s.text.strip() for s in doc.sents] == [
        "هل هذا معقول؟!", "كل يوم قتلى...", "«نعم.»", "وقال", "انتهى"]


def test_a_stop_written_before_the_space_ends_its_sentence():
    """`قتل خمسة في الموصل .وقال مسؤول`: the stop glued to the next word still ends the sentence; a stop
    inside a word (an acronym, a site name, a decimal) does not."""
    nlp = make_nlp()
    doc = nlp("قتل خمسة في الموصل .وقال مسؤول إن الهجوم فشل ..ولم تعلن أي جهة مسؤوليتها")
    assert [s.text.strip() for s in doc.sents] == [
        "قتل خمسة في الموصل .", "وقال مسؤول إن الهجوم فشل ..", "ولم تعلن أي جهة مسؤوليتها"]
    doc = nlp("نقلت سي.إن.إن عن موقع الجزيرة.نت أن 2.5 مليون نزحوا")
    assert len(list(doc.sents)) == 1
    assert "سي.إن.إن" in [t.text for t in doc]


def test_a_stop_glued_to_both_words_ends_its_sentence():
    """`قصفت الطائرات البلدة.وقال شاهد`: a stop with no space on either side, before a word opening with
    و or ف, ends the sentence (spaCy would read the pair as a domain name); an acronym or a site name
    keeps its stops."""
    nlp = make_nlp()
    doc = nlp("قصفت الطائرات البلدة.وقال شاهد إن القتلى ثلاثة.فقد سقطت قذيفة على السوق")
    assert [s.text.strip() for s in doc.sents] == [
        "قصفت الطائرات البلدة.", "وقال شاهد إن القتلى ثلاثة.", "فقد سقطت قذيفة على السوق"]
    doc = nlp("ذكرت بي.بي.سي وموقع العربية.نت أن القصف استمر")
    assert len(list(doc.sents)) == 1
    assert "بي.بي.سي" in [t.text for t in doc] and "العربية.نت" in [t.text for t in doc]


_MAPPED = "أإآىیکؤئةـًٌٍَُِّْ٠١٢٣٤٥٦٧٨٩۰۵\u00a0\u200c٫٬"


@given(st.text(alphabet=st.sampled_from("ابتثجحخدذرسشصضطظعغفقكلمنهوي  .،AZaz09" + _MAPPED), max_size=60))
def test_replace_chains_equal_the_translate_tables(text):
    # the str.replace chains are a faster spelling of str.translate: same output on any text
    assert normalize_mod._MATCH_SUB(text) == text.translate(normalize_mod._MATCH_TABLE)
    assert normalize_mod._KEY_SUB(text) == text.translate(normalize_mod._KEY_TABLE)


def test_key_fold_folds_ta_marbuta_and_ascii_capitals_only():
    assert key_fold("مدينة BBC Ümraniye") == "مدينه bbc Ümraniye"  # Ü is left alone, like the old table
    assert len(key_fold("قناة CNN")) == len("قناة CNN")
    assert key_fold("") == ""
