"""Which of the places named in an incident is its site: the village or town said to lie in a
province or countryside (`X التابعة لولاية Y`, `قرية X في محافظة Y`, `قرب قرية X في ريف Y`) beats the
province or city that contains it; two places joined by `و` are two sites, not one inside the other.
Sentences written for these tests (real gazetteer, dates and pipeline)."""

from __future__ import annotations

import pytest

from marsad import pipeline
from marsad.model import Article
from marsad.run import process_articles


@pytest.fixture(scope="module")
def nlp():
    return pipeline.build()


def places(nlp, text: str) -> list[tuple[str | None, int | None]]:
    [result] = process_articles([Article(id="p1", text=text, published="2017-04-02")], nlp)
    assert result.error is None
    return [(e.location, e.geo_precision) for e in result.events]


def test_a_town_named_with_its_province_is_the_site(nlp):
    # Sejenane: a world-layer village (no governorate name) 61 km from Bizerte, the seat that stands
    # for the province after `لولاية`; سجنان is also the dual of سجن, so it needs that place context
    text = ("ضبطت الوحدات الأمنية التونسية خلية من ستة عناصر مسلحة وقتلت أحدهم في تبادل لإطلاق النار "
            "في منطقة سجنان التابعة لولاية بنزرت فجر الأحد.")
    assert places(nlp, text) == [("Sejenane", 1)]


def test_a_village_beats_the_province_named_after_it(nlp):
    text = "شن مسلحون هجوما على حاجز للجيش في بلدة اللطامنة في محافظة حماة، وقتل ثلاثة جنود."
    assert places(nlp, text) == [("Al Lataminah", 1)]


def test_near_a_village_beats_the_countryside_holding_it(nlp):
    text = "قتل ثلاثة جنود في هجوم قرب قرية اللطامنة في ريف حماة الشمالي."
    assert places(nlp, text) == [("Al Lataminah", 2)]


def test_two_places_joined_by_and_are_not_one_inside_the_other(nlp):
    # a district and a city side by side: the city (the finer row) stays the site, the district is no
    # container of it
    text = "قتل خمسة مسلحين بقصف جوي على قضاء بيجي ومدينة الرمادي."
    assert places(nlp, text) == [("Ramadi", 1)]
