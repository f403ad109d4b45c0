"""`مطار X`: the airport of the city X, from the airports layer (airportsdata, IATA airports), not the
city's centre. Sentences written for these tests, not taken from a gold set."""

from __future__ import annotations

import pytest
from test_world import found  # the place matches of a written sentence, as the world tests read them

from marsad.extract.gazetteer import airports, gazetteer
from marsad.text.nlp import make_nlp


@pytest.fixture(scope="module")
def nlp():
    return make_nlp()


def test_the_airports_layer_holds_iata_airports_by_country():
    by_iata = {a.id: a for ps in airports().values() for a in ps}
    assert len(by_iata) > 7000
    kdh = by_iata["airport:KDH"]
    assert (kdh.name_en, kdh.country, kdh.feature) == ("Kandahar Airport", "AFG", "facility")
    assert gazetteer().features["airport:SAH"] == "facility"  # linking reads the feature by id


def test_a_city_after_the_airport_word_is_its_airport(nlp):
    assert found(nlp, "سقطت قذائف صاروخية قرب مطار قندهار صباح اليوم") == [
        ("قندهار", "Kandahar Airport", "facility", "AFG", 2)]
    # with a proclitic, and through the province's name to its seat's airport
    assert found(nlp, "وصلت طائرة مساعدات إلى مطار صنعاء أمس")[0][:3] == (
        "صنعاء", "Sana'a International Airport", "facility")
    assert found(nlp, "انفجرت عبوة عند بوابة مطار ولاية قندهار")[0][1] == "Kandahar Airport"


def test_the_airport_named_after_the_city_beats_a_nearer_one(nlp):
    # Al Bateen lies in Abu Dhabi itself; Abu Dhabi International 30 km away bears the city's name
    named = found(nlp, "أعلنت الجماعة استهداف مطار أبوظبي بطائرة مسيرة")[0][1]
    assert named == "Abu Dhabi International Airport"


def test_a_city_without_the_airport_word_stays_the_city(nlp):
    city = found(nlp, "قتل شخصان في هجوم بمدينة قندهار جنوب أفغانستان")[0][:3]
    assert city == ("قندهار", "Kandahār", "city")
