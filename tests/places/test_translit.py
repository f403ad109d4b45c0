"""Places the gazetteer knows only by a Latin name (GeoNames rows with no Arabic name), matched by
consonant skeleton after a settlement designator, in a country the report names.
Sentences are written for these tests (not taken from any gold set)."""

from __future__ import annotations

import pytest

from marsad.extract.places import find_places
from marsad.extract.translit import arabic_skeleton, latin_places, latin_skeletons
from marsad.model import Article
from marsad.text.nlp import make_nlp
from marsad.text.normalize import key


@pytest.fixture(scope="module")
def nlp():
    return make_nlp()


def found(nlp, text: str) -> list[tuple[str, str, str]]:
    doc = nlp(text)
    doc._.article = Article(id="t", text=text, published="2018-05-01")
    doc._.boilerplate = []
    return [(m.text, m.place.name_en, m.place.country) for m in find_places(doc)]


@pytest.mark.parametrize(("arabic", "latin", "skeleton"), [
    ("سترة", "Sitrah", "STR"),  # ة and a final -ah both drop
    ("دابتشي", "Dapchi", "DBS"),  # تش = ch, p = ب
    ("الجغبوب", "Al Jaghbūb", "JKBB"),  # the article on both sides, diacritics, gh = غ
    ("الأحواز", "Ahvaz", "_HZ"),  # a vowel start; Persian v = و
    ("انديرامبوكين", "Inderamboukane", "_NDRMBKN"),
])
def test_an_arabic_name_and_its_latin_name_share_a_skeleton(arabic, latin, skeleton):
    assert arabic_skeleton(key(arabic)) == skeleton
    assert skeleton in latin_skeletons(latin)


def test_skeletons_keep_apart_what_arabic_writes_apart():
    assert "STR" not in latin_skeletons("Shushtar")  # a vowel between sh and sh: no doubled letter
    assert latin_skeletons("Kalaa Srira") == set()  # two words: the Arabic side matches one token
    assert arabic_skeleton(key("يولا")) is None  # one consonant names everything
    assert arabic_skeleton("abc") is None  # not an Arabic word
    # Arabic writes long vowels: تيفاريتي (T|F|R|T|) has one between F and R, Tafraout (T|FR|T) none
    assert latin_places(key("تيفاريتي"), {"MAR"}, settlement=True) == ()


def test_short_skeletons_and_ordinary_words_name_no_village():
    assert [p.name_en for p in latin_places(key("موبي"), {"NGA"})] == ["Mubi"]  # a city of 225k
    assert latin_places(key("الصريا"), {"TUN"}) == ()  # two consonants: cities only
    assert latin_places(key("معقلها"), {"YEM"}) == ()  # a pronoun suffix: "its stronghold"
    assert latin_places(key("أخرى"), {"RUS", "IND"}, settlement=True) == ()  # mined frequent word
    assert latin_places(key("دابتشي"), {"NER"}) == ()  # only in the countries asked for


@pytest.mark.parametrize(("text", "expected"), [
    ("انفجرت قنبلة قرب مدرسة في قرية سترة جنوب المنامة عاصمة البحرين",
     ("سترة", "Sitrah", "BHR")),
    ("هاجم مسلحون سوقا في بلدة دابتشي شمال شرقي نيجيريا",
     ("دابتشي", "Dapchi", "NGA")),
    ("أوقفت دورية ليبية مهاجرين بمنطقة الجغبوب جنوب شرقي ليبيا",
     ("الجغبوب", "Al Jaghbūb", "LBY")),
    ("خرج محتجون إلى الشوارع في مدينة الأحواز جنوب غربي إيران",
     ("الأحواز", "Ahvaz", "IRN")),
])
def test_a_latin_only_place_after_a_designator(nlp, text, expected):
    assert expected in found(nlp, text)


def test_a_site_word_and_the_province_after_it_place_a_latin_only_name(nlp):
    got = found(nlp, "خطف مسلحون تلميذات من مدرسة في دابشي في ولاية يوبي شمال شرقي نيجيريا")
    assert ("دابشي", "Dapchi", "NGA") in got


def test_one_sense_per_report_for_a_latin_only_name(nlp):
    got = found(nlp, "قتل عشرة في تفجير بمدينة موبي في نيجيريا. وقال متحدث باسم شرطة موبي إن الحصيلة سترتفع")
    assert [g for g in got if g[0] == "موبي"] == [("موبي", "Mubi", "NGA")] * 2


@pytest.mark.parametrize("text", [
    "هاجم مسلحون سوقا في بلدة دابتشي مساء الأحد",  # no country named: Dapchi is not anchored
    "انتقلت المعارك إلى منطقة أخرى في شمال نيجيريا",  # an ordinary word after منطقة
    "تكبد المسلحون خسائر في معقلها في ولاية يوبي النيجيرية",  # a pronoun suffix
    "شارك في القتال في شمال شرق نيجيريا مئات المسلحين",  # a site word, but an ordinary word
    # after a province word the Latin layer (towns and cities) is no guide: ولاية ميسوري is no Mosul
    "وصل الرئيس إلى ولاية ميسوري الأمريكية بعد زيارة إلى العراق",
    # a family name that is a nisba (التركي) names no country: no Turkish village for شرورة
    "قال اللواء منصور التركي إن الخلية خططت لهجمات في محافظة شرورة جنوب السعودية",
])
def test_no_latin_only_place_without_designator_country_or_name(nlp, text):
    doc = nlp(text)
    doc._.article = Article(id="t", text=text, published="2018-05-01")
    doc._.boilerplate = []
    # a place of the Latin layer carries its Latin name as its name
    assert [m.text for m in find_places(doc) if m.place.name == m.place.name_en] == []


@pytest.mark.parametrize(("word", "country", "stands"), [
    ("القديح", "SAU", False),  # skeleton of Jiddah, which Arabic writes جدة
    ("الدرين", "SAU", False),  # a district of Aden, not Dhahran (ظهران)
    ("ستره", "BHR", True),  # Sitrah: its GeoNames Arabic name is spelled the Urdu way (سترہ)
    ("منستر", "DEU", True),  # Münster, one letter from مونستر
    ("دابتشي", "NGA", True),  # Dapchi has no Arabic name
])
def test_a_latin_reading_of_a_place_with_another_arabic_name_is_refused(word, country, stands):
    from marsad.extract.places import _written_so

    (first, *_rest) = latin_places(word, {country}, settlement=True)
    assert _written_so(first, word) is stands
