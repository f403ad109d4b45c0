"""Each ACLED type from its Arabic trigger words, in sentences from news reports."""

from __future__ import annotations

import pytest

from marsad.extract.event_types import acled, interaction, sub_event_index

TYPED = [
    # (headline and lead, expected sub-event type)
    ("فجر انتحاري نفسه بسيارة مفخخة على حاجز لوحدات حماية الشعب في جنوب كوباني",
     "Suicide bomb"),
    ("مقتل ضابط و3 جنود بالجيش المصري في انفجار عبوة ناسفة بسيناء", "Remote explosive/landmine/IED"),
    ("هاجمت عناصر من داعش سجن الحسكة بتفجير سيارتين مفخختين أمام بوابات السجن",
     "Remote explosive/landmine/IED"),
    ("11 قتيلاً مدنياً في قصف جوي تركي على مدينة عفرين", "Air/drone strike"),
    ("قتل ثلاثة عناصر في ضربة بطائرة مسيرة استهدفت سيارتهم قرب عفرين", "Air/drone strike"),
    ("مقتل خمسة مدنيين بقصف مدفعي على أطراف عفرين", "Shelling/artillery/missile attack"),
    ("سقوط قذائف هاون على حي سكني في الحسكة", "Shelling/artillery/missile attack"),
    ("اندلعت اشتباكات عنيفة بين قوات سوريا الديمقراطية ومسلحي تنظيم داعش في محيط سجن الحسكة",
     "Armed clash"),
    ("مقتل 11 جنديا في هجوم لداعش على موقع للجيش العراقي في محافظة ديالى", "Armed clash"),
    ("أعلنت قوى الأمن الداخلي القبض على ثلاثة عناصر من خلايا تنظيم الدولة في الحسكة", "Arrests"),
    ("خطف تنظيم داعش نحو 230 مدنيا من مدينة عفرين", "Abduction/forced disappearance"),
    ("مقتل عشرات المدنيين في هجوم بغاز السارين على بلدة قرب عفرين", "Chemical weapon"),
    ("ألقى مستوطنون زجاجات حارقة على منزل عائلة فلسطينية ما أدى إلى مقتل رضيع حرقا", "Attack"),
    ("خرجت مظاهرات حاشدة في مدينة السلط احتجاجا على ارتفاع الأسعار", "Peaceful protest"),
    ("قال مسؤولون إن متطرفين يهود أضرموا النيران في منزل بالضفة الغربية ما أدى إلى مقتل طفل", "Attack"),
    # an assassination attempt by bomb is coded by its weapon
    ("رئيس الوزراء الفلسطيني ينجو من محاولة اغتيال واتهامات لحماس بالوقوف وراء التفجير",
     "Remote explosive/landmine/IED"),
    # the headline's first trigger names the event: arrests, not the suicide belts they made
    ("السعودية: القبض على 431 إرهابيًا صنعوا أحزمة ناسفة وخططوا لاستهداف 7 مساجد", "Arrests"),
]


@pytest.mark.parametrize("text,sub", TYPED)
def test_trigger_types(run_events, text, sub):
    doc = run_events(text + "\n\nوأفادت مصادر محلية بأن الوضع لا يزال متوترا.")
    assert [e.sub_event_type for e in doc._.events] == [sub]
    etype, disorder = sub_event_index()[sub]
    assert doc._.events[0].event_type == etype
    assert doc._.events[0].disorder_type == disorder


def test_attack_on_civilians_vs_soldiers(run_events):
    """A generic attack is a Battle when it hits soldiers, Violence against civilians when civilians."""
    text = "هاجم مسلحون مجهولون حافلة في عفرين وقتلوا خمسة منهم\n\nوهاجم المسلحون الحافلة بالرصاص."
    civ = run_events(text, claims=[("خمسة", "killed", 5, "Civilians")])
    assert civ._.events[0].event_type == "Violence against civilians"
    assert civ._.events[0].civilian_targeting is True
    text = "هاجم مسلحون مجهولون دورية للجيش في عفرين وقتلوا خمسة جنود\n\nوهاجم المسلحون الدورية بالرصاص."
    mil = run_events(text, claims=[("خمسة", "killed", 5, "Military forces")])
    assert mil._.events[0].sub_event_type == "Armed clash"
    assert mil._.events[0].civilian_targeting is False


def test_air_strike_on_civilians_is_civilian_targeting(run_events):
    doc = run_events("قُتل 11 مدنياً، السبت، في غارة تركية استهدفت مدينة عفرين",
                     claims=[("11 مدنياً", "killed", 11, "Civilians")])
    ev = doc._.events[0]
    assert (ev.event_type, ev.civilian_targeting) == ("Explosions/Remote violence", True)


def test_deadly_arrest_raid_is_a_clash(run_events):
    doc = run_events("انتشال جثث ثلاثة إرهابيين والقبض على خمسة آخرين في عملية مداهمة بالسلط",
                     published="2018-08-12", claims=[("ثلاثة", "killed", 3, "Militants")])
    assert doc._.events[0].sub_event_type == "Armed clash"


@pytest.mark.parametrize("text", [
    "استقبل الرئيس الأردني وزير الخارجية التركي في عمان وبحث معه العلاقات الثنائية وسبل تعزيزها",
    "ارتفعت أسعار النفط في الأسواق العالمية مع تراجع المخزونات الأمريكية",
])
def test_political_or_economic_news_has_no_event(run_events, text):
    assert run_events(text)._.events == []


def test_taxonomy_counts():
    data = acled()
    assert len(data["event_types"]) == 6
    assert len(sub_event_index()) == 25
    assert sub_event_index()["Excessive force against protesters"] == (
        "Protests", "Political violence; Demonstrations")


@pytest.mark.parametrize("i1,i2,code", [(1, 2, 12), (2, 1, 12), (2, 7, 27), (8, 1, 18), (2, None, 20),
                                        (None, None, None)])
def test_interaction_codes(i1, i2, code):
    assert interaction(i1, i2) == code


@pytest.mark.parametrize("text", [
    "المعارضة تستعد للمعركة الانتخابية المقبلة في الأردن وسط انقسامات داخلية",
    "وزير الخارجية يشن هجوما حادا على الحكومة التركية ويتهمها بتفجير الأوضاع في المنطقة",
])
def test_figurative_words_of_violence_are_no_event(run_events, text):
    assert run_events(text)._.events == []
