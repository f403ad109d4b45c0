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
