"""Who a figure counts: normalised through the actor table, refined from a generic head to the
named group, totals and breakdowns as separate claims, `آخرين` and the speaker's own forces."""

import pytest

WHO = [
    ("أعلنت خلية الإعلام الأمني عن مقتل أكثر من 350 عنصرا في تنظيم داعش.", "Islamic State (ISIS)"),
    ("اعتقلت القوات 3 عناصر من خلايا تنظيم الدولة.", "Islamic State (ISIS)"),
    ("قتل 5 عناصر من الدولة الإسلامية.", "Islamic State (ISIS)"),
    ("قتل 4 من الدواعش في الغارة.", "Islamic State (ISIS)"),
    ("أسفر الهجوم عن مقتل 7 من المليشيات الكردية.", "Syrian Democratic Forces (SDF)"),
    ("قُتل 3 جنود بالجيش المصري.", "Military Forces of Egypt"),
    ("وإصابة ثلاثة أفراد آخرين من الجيش المصري.", "Military Forces of Egypt"),
    ("قتل 16 مدنيا في غارة تركية.", "Civilians"),
    ("قتل سبعة أطفال في القصف.", "Children"),
    ("خطف التنظيم 250 مسيحيا اشوريا على الأقل.", "Christians"),
    ("اختطاف اثنين من موظفي الأمم المتحدة.", "Aid workers"),
    ("قتل 77 من موظفي وعاملي السجن.", "Prison staff"),
    ("أطلق سراح 12 من الحوثيين.", "Houthis (Ansar Allah)"),
    # no group named: unidentified persons
    ("الهجوم أوقع 30 قتيلا.", "Unidentified persons"),
    # the group after an operation is the one that carried it out, not the dead
    ("3 قتلى في عملية لحركة الشباب في مقديشو", "Unidentified persons"),
    ("مقتل 6 أشخاص في عمليات للجيش النيجيري شمال شرق البلاد", "Unidentified persons"),
]


@pytest.mark.parametrize("text,who", WHO)
def test_who(claims_of, text, who):
    assert [c.who for c in claims_of(text)][:1] == [who]


def test_who_text_is_the_words(claims_of):
    c = claims_of("أسفر الهجوم عن مقتل 20عنصراً من \"قسد\".")[0]
    assert (c.who, c.who_text) == ("Syrian Democratic Forces (SDF)", "قسد")


def test_total_and_breakdown_are_separate_claims(claims_of):
    text = "كما أشارت إلى أن 121 شخصا قضوا خلال المعارك منهم 77 من موظفي وعاملي السجن و40 من مقاتليهم " \
           "بالإضافة إلى أربعة مدنيين."
    got = [(c.kind, c.value, c.who) for c in claims_of(text)]
    assert got == [("killed", 121, "Unidentified persons"), ("killed", 77, "Prison staff"),
                   ("killed", 40, "Prison staff"), ("killed", 4, "Civilians")]


def test_others_take_the_group_of_the_total_not_the_breakdown(claims_of):
    text = "قتل 18 مدنيا بينهم 5 أطفال، وإصابة أكثر من 45 آخرين."
    got = [(c.kind, c.value, c.who) for c in claims_of(text)]
    assert got == [("killed", 18, "Civilians"), ("killed", 5, "Children"), ("injured", 45, "Civilians")]


def test_own_forces_are_the_speaker(claims_of):
    text = "وقالت قوى الأمن الداخلي في بيان: نتيجة لذلك جُرِحَ ٧ أعضاء من قواتنا."
    c = claims_of(text)[0]
    assert (c.kind, c.value, c.who, c.source) == ("injured", 7, "Asayish (Internal Security Forces)",
                                                  "Asayish (Internal Security Forces)")


def test_sources_never_count_as_the_group(claims_of):
    # مستشفيات names a source actor (hospitals), not the injured
    c = claims_of("أسفر الانفجار عن إصابة نحو 100 يعالجون في مستشفيات محلية.")[0]
    assert c.who != "Medical source"


def test_others_after_a_breakdown_list(claims_of):
    text = "ارتفع عدد الشهداء إلى 45 شهيدا، بينهم 12 طفلا و5 سيدات، فيما أصيب 300 آخرون."
    assert [(c.value, c.who) for c in claims_of(text)] == [
        (45, "Unidentified persons"), (12, "Children"), (5, "Women"), (300, "Unidentified persons")]


def test_nationality_and_protesters(claims_of):
    assert [c.who for c in claims_of("اعتقلت قوات الاحتلال 15 فلسطينيا في الضفة الغربية.")] == ["Nationals"]
    text = "وقالت منظمة العفو الدولية إن قوات الأمن قتلت ما لا يقل عن 300 متظاهر."
    assert [c.who for c in claims_of(text)] == ["Protesters"]
