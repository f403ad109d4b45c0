"""Boilerplate spans on the seed scrapes: page furniture is marked, the article's sentences are not."""

from __future__ import annotations

import pytest
from ingest_helpers import SAMPLE

from marsad.ingest.readers import read_inputs
from marsad.text.boilerplate import boilerplate_spans
from marsad.text.document import content_sentences, guess_title, in_boilerplate


@pytest.fixture(scope="module")
def seeds():
    return {a.id: a.text for a in read_inputs([str(SAMPLE)])}


def marked(text: str) -> list[str]:
    return [text[s:e] for s, e in boilerplate_spans(text)]


EXPECTED = {
    "000_be27218d0aa4912c": ["رئيس مجلسى الإدارة والتحرير", "محمد الباز", "رئيس مجلسى الإدارة والتحرير",
                             "محمد الباز", "الأمن في العراق", "الأمن في العراق"],
    "001_1510c6594921c962": ["الجمعة 21/يناير/2022 - 03:48 م", "طباعة سجن الخلافة.. تفاصيل علي رجب", "شارك"],
    "002_3927b7b3ff9bdebb": ["اضف تعليقا"],
    "003_1325d8aa5cf6f91d": ["شارك المقال على:", "مقالات ذات صلة:", "تقارير وتحقيقات", "آخر الأخبار",
                             "مساحة نسوية", "أرشيف الاتحاد"],
    "004_83e4d0b447c2e189": [
        "قد يهمك: وفاة المفكر الكبير جودت سعيد.. هكذا نعاه السوريون",
        "هل أعجبك المحتوى وتريد المزيد منه يصل إلى صندوق بريدك الإلكتروني بشكلٍ دوري؟",
        "انضم إلى قائمة من يقدّرون محتوى الحل نت واشترك بنشرتنا البريدية."],
}


@pytest.mark.parametrize("doc_id", sorted(EXPECTED))
def test_seed_boilerplate_lines_exactly(seeds, doc_id):
    assert marked(seeds[doc_id]) == EXPECTED[doc_id]


def test_spans_are_sorted_whole_stripped_lines(seeds):
    text = seeds["000_be27218d0aa4912c"]
    spans = boilerplate_spans(text)
    assert spans == sorted(spans) and spans[0] == (0, len("رئيس مجلسى الإدارة والتحرير"))
    for s, e in spans:
        assert text[s:e] == text[s:e].strip() and (s == 0 or text[s - 1] in "\n ")


def test_claim_sentences_and_subheadings_are_not_marked(seeds):
    keep = ["العراق: مقتل أكثر من 350 عنصرا بـ داعش\" خلال محاولة الفرار من سجن الحسكة",
            "الاشتباكات ادت إلى مقتل أربعة مدنيين و 16 عناصر من تنظيم داعش",
            "تحرير أسرى من قبضة داعش", "حصيلة الهجوم", "تعليق أميركي", "التحالف الدولي يجدد دعمه",
            "كما أشارت إلى أن 121 شخصا قضوا خلال المعارك منهم 77 من موظفي وعاملي السجن و40من مقاتليهم"]
    for phrase in keep:
        [(doc_id, text)] = [(i, t) for i, t in seeds.items() if phrase in t]
        start = text.index(phrase)
        assert not in_boilerplate_text(text, start, start + len(phrase)), phrase


def in_boilerplate_text(text, start, end):
    return any(s < end and start < e for s, e in boilerplate_spans(text))


@pytest.mark.parametrize("line", [
    "---------------------------------------",
    "يمكنكم تسلم إشعارات بأهم الموضوعات بعد تحميل أحدث نسخة من تطبيق بي بي سي عربي على هاتفكم المحمول.",
    "للمزيد: فرنسا: إصابة 3 حراس إثر هجوم نفذه سجين ألماني",
    "فرانس 24/ أ ف ب",
    "اقرأ أيضاً: مقتل 4 جنود في هجوم جديد",
    "كتب: محمد علي",
    "تصوير: أحمد حسن",
    "الرئيسية أخبار عربي ودولي",
    "تابعونا على تويتر وفيسبوك",
])
def test_general_rules_on_lines_from_other_sites(line):
    text = f"مقتل 3 جنود بانفجار عبوة في ريف درعا\n{line}\nوقال مصدر أمني إن 3 جنود قتلوا في الانفجار."
    assert marked(text) == [line]


@pytest.mark.parametrize("line", [
    "شارك المئات في تشييع القتلى الخمسة في المدينة.",
    "اشترك 5 مسلحين في الهجوم على الحاجز",
    "تحرير 12 رهينة من قبضة المسلحين",
    "كتب الرئيس على تويتر أن 5 جنود قتلوا",
])
def test_sentences_that_start_like_furniture_are_kept(line):
    text = f"عنوان الخبر\n{line}\nنص الخبر يتواصل هنا بجملة طويلة عن الهجوم."
    assert marked(text) == []


def test_a_long_line_repeated_keeps_its_first_copy():
    head = "مقتل 30 في هجوم إرهابي استهدف مدينة سوروتش الحدودية"
    text = f"{head}\nأعلن المسؤول أن 30 شخصا قتلوا.\n{head}\nأعلن المسؤول أن 30 شخصا قتلوا."
    assert boilerplate_spans(text) == [(text.rindex(head), text.rindex(head) + len(head)),
                                       (text.rindex("أعلن"), len(text))]


def test_pipeline_doc_skips_boilerplate_sentences_and_guesses_the_title(seeds):
    from marsad import pipeline

    nlp = pipeline.build(stages=["marsad_boilerplate"])
    from marsad.model import Article

    doc = next(pipeline.process(nlp, [Article(id="x", text=seeds["000_be27218d0aa4912c"])]))
    sents = [s.text.strip() for s in content_sentences(doc)]
    assert "محمد الباز" not in sents and "رئيس مجلسى الإدارة والتحرير" not in sents
    assert sents[0] == "العراق: مقتل أكثر من 350 عنصرا بـ داعش\" خلال محاولة الفرار من سجن الحسكة"
    assert in_boilerplate(doc, 0, 5)
    assert guess_title(doc) == sents[0]


@pytest.mark.parametrize("line", ["تعليقات 3", "مساحة إعلانية", "حجم الخط", "انسخ الرابط", "(رويترز)",
                                  "(أ.ف.ب)",
                                  "صورة أرشيفية", "الكلمات المفتاحية: داعش، سوريا، الحسكة",
                                  "اشترك لتصلك أهم الأخبار", "المصدر : الجزيرة + وكالات",
                                  "جميع الحقوق محفوظة لموقع الخبر 2024"])
def test_counters_ads_and_buttons(line):
    text = f"مقتل 3 جنود بانفجار عبوة في ريف درعا\n{line}\nوقال مصدر أمني إن 3 جنود قتلوا في الانفجار."
    assert marked(text) == [line]


def test_long_paragraphs_repeated_or_opening_with_a_teaser():
    para = "وقال مصدر أمني إن " + "الهجوم وقع قرب الحاجز العسكري " * 20 + "وأسفر عن مقتل 3 جنود."
    teaser = "اقرأ أيضا: " + "تفاصيل جديدة عن الهجوم " * 30
    text = f"عنوان\n{para}\n{para}\n{teaser}"
    assert len(para) > 400 and len(teaser) > 400
    second = text.index(para, len("عنوان\n") + 1)
    assert boilerplate_spans(text) == [(second, second + len(para)), (text.index(teaser), len(text.rstrip()))]


def test_inset_headlines_in_a_punctuated_body():
    # another story's headline and a question pasted among sentences that end with a period
    text = ("الشرطة تفرق محتجين في وسط العاصمة\n\n"
            "فرقت الشرطة مئات المحتجين في وسط العاصمة مساء الأحد.\n"
            "وقال شهود إن قوات الأمن استخدمت الغاز المسيل للدموع.\n"
            "انفجار سيارة مفخخة قرب سوق شعبي في مدينة ساحلية\n"
            "وأضاف الشهود أن المحتجين تفرقوا بعد ساعة.\n"
            "ما قصة الحركة الاحتجاجية في البلاد؟\n"
            "وطالب المحتجون بتحسين الخدمات.\n"
            "ولم تعلن السلطات عن أي اعتقالات")
    assert marked(text) == ["انفجار سيارة مفخخة قرب سوق شعبي في مدينة ساحلية",
                            "ما قصة الحركة الاحتجاجية في البلاد؟"]
    # the same lines where the paragraphs are not punctuated: nothing sets them apart
    loose = "\n".join(line.rstrip(".") for line in text.split("\n"))
    assert marked(loose) == []
