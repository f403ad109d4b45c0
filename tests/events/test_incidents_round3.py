"""Issue 9, third round: a lead announcing scattered incidents makes a round-up (each later town its own
incident). Report wording written for these tests, not taken from the gold sets."""

from __future__ import annotations

import pytest

from marsad import pipeline
from marsad.model import Article
from marsad.run import process_articles


@pytest.fixture(scope="module")
def nlp():
    return pipeline.build()


def events(nlp, text: str, published: str) -> list[tuple]:
    [result] = process_articles([Article(id="r3", text=text, published=published)], nlp)
    assert result.error is None
    return [(e.event_type, e.location) for e in result.events]


BODY = ("وقالت المصادر إن مسلحين هاجموا نقطة تفتيش للجيش في مدينة بعقوبة وقتلوا ستة جنود. "
        "وأضافت أن عبوة ناسفة انفجرت قرب سوق شعبي في مدينة الخالص ما أدى إلى مقتل خمسة مدنيين.")


def test_a_lead_of_scattered_attacks_makes_each_town_an_incident(nlp):
    """`في هجمات متفرقة`: the checkpoint attack in Baquba and the bomb in al-Khalis (15 km apart, one
    province) are two incidents, each with its own type and place."""
    text = ("مقتل 11 شخصا في هجمات متفرقة في ديالى\n"
            "قتل 11 شخصا بينهم جنود ومدنيون في هجمات متفرقة شهدتها محافظة ديالى أمس الأحد، بحسب مصادر أمنية. "
            + BODY)
    got = events(nlp, text, "2016-03-14")
    assert ("Battles", "Baqubah") in got
    assert ("Explosions/Remote violence", "Khāliş") in got


def test_without_the_round_up_lead_nearby_towns_stay_one_incident(nlp):
    """The same body after a lead that announces one incident: the towns 15 km apart stay together."""
    text = ("مقتل 11 شخصا في ديالى\n"
            "قتل 11 شخصا بينهم جنود ومدنيون في محافظة ديالى أمس الأحد، بحسب مصادر أمنية. " + BODY)
    assert events(nlp, text, "2016-03-14") == [("Battles", "Baqubah")]


@pytest.mark.parametrize("text, expected", [
    # belts worn by attackers who were shot: no explosion, the storming types the incident
    ("مقتل ثلاثة مسلحين في العريش\nقتلت قوات الأمن ثلاثة مسلحين كانوا يرتدون أحزمة ناسفة أثناء محاولتهم "
     "اقتحام حاجز للشرطة في مدينة العريش أمس.", ("Battles", "Armed clash")),
    # the belt went off: still a suicide bombing
    ("تفجير انتحاري في العريش\nفجر انتحاري يرتدي حزاما ناسفا نفسه عند حاجز للشرطة في مدينة العريش أمس، "
     "ما أدى إلى مقتل شرطيين.", ("Explosions/Remote violence", "Suicide bomb")),
])
def test_a_worn_belt_that_did_not_go_off_is_no_bombing(nlp, text, expected):
    [result] = process_articles([Article(id="r3", text=text, published="2018-03-10")], nlp)
    assert [(e.event_type, e.sub_event_type) for e in result.events][:1] == [expected]


def test_the_country_a_party_is_loyal_to_is_no_site(nlp):
    """`ميليشيات الحوثي الموالية لإيران`: the fighting told after the abductions is in Yemen, not in Iran."""
    text = ("الحوثيون يخطفون صحفيين في الحديدة\n"
            "خطفت ميليشيات الحوثي، السبت، خمسة صحفيين من منازلهم في مدينة الحديدة. "
            "وتأتي حملة الخطف بالتزامن مع معارك عنيفة قتل فيها 20 من ميليشيات الحوثي الموالية لإيران، "
            "بحسب مصادر عسكرية.")
    [result] = process_articles([Article(id="r3", text=text, published="2018-04-08")], nlp)
    assert {e.country for e in result.events} == {"YEM"}


SUMMED_UP = ("مقتل 15 مسلحا في حوادث أمنية متفرقة في محافظة الأنبار\n"
             "قتل 15 مسلحا من تنظيم داعش في حوادث أمنية متفرقة شهدتها محافظة الأنبار أمس الثلاثاء. "
             "وقال مصدر في الشرطة إن عشرة مسلحين قتلوا في اشتباك مع قوات الجيش في مدينة هيت. "
             "كما فجرت القوات الأمنية عبوتين ناسفتين كانتا معدة لاستهداف دوريات الجيش قرب سوق مدينة هيت. "
             "وفي مدينة الفلوجة، قتل خمسة مسلحين بغارة جوية على مخبأ لهم.")


def test_a_summary_lead_is_no_incident_of_its_own(nlp):
    """Issue 9/16: the lead `في حوادث أمنية متفرقة ... الأنبار` only sums up the items told after it: no
    province-level event; the bombs made safe in Hit are an item of their own though the clash before was
    in Hit too."""
    assert events(nlp, SUMMED_UP, "2016-05-11") == [
        ("Battles", "Hīt"), ("Strategic developments", "Hīt"), ("Explosions/Remote violence", "Fallujah")]


def test_a_lead_of_two_separate_attacks_sums_them_up(nlp):
    """`في هجومين منفصلين`: like `هجمات متفرقة`, the lead announces the items told after it."""
    text = SUMMED_UP.replace("حوادث أمنية متفرقة", "هجومين منفصلين")
    assert events(nlp, text, "2016-05-11") == [
        ("Battles", "Hīt"), ("Strategic developments", "Hīt"), ("Explosions/Remote violence", "Fallujah")]
