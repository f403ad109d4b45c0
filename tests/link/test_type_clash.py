"""Reports of one town and day whose event types cannot be one incident (a protest and an air strike)
join only when they tell one story (shared wording or rare names); protesters shot, typed a protest by
one outlet and an attack on civilians by another, stay one incident. Hand-made article events."""

from __future__ import annotations

from linkcorpus import Corpus, make_event

from marsad.link.linker import link_events
from marsad.link.scoring import score_pair

ARMY, CIV, PROT = "Military Forces of Israel", "Civilians", "Protesters"


def _gaza(doc: str, event_type: str, evidence: str, actors: list[str]):
    return make_event(doc, "2024-04-05", place="Khirbat al-Sahil", lat=31.40, lon=34.35, admin1="Gaza Strip",
                      country="PSE", event_type=event_type, actors=actors, evidence=evidence)


def _linked(*events) -> set[frozenset[str]]:
    c = Corpus()
    for ev in events:
        c.article(ev.doc_ids[0], "2024-04-06", [(ev, [("killed", 4, CIV)])])
    return {frozenset(e.doc_ids) for e in link_events(c.events, c.claims, c.articles)}


BOAT = "طائرة حربية تقصف قاربا للصيادين في الميناء"
PROTEST = "قتل أربعة متظاهرين برصاص الجنود خلال مسيرة قرب السياج"


def test_a_strike_that_shares_only_the_town_and_day_with_a_protest_stays_apart():
    protest = _gaza("q1", "Protests", PROTEST, [PROT, ARMY])
    strike = _gaza("q2", "Explosions/Remote violence", BOAT, [ARMY, CIV])
    assert _linked(protest, strike) == {frozenset({"q1"}), frozenset({"q2"})}
    ps = score_pair(*[_features(e) for e in (protest, strike)])
    assert ps.veto == "type"


def test_the_same_story_typed_two_ways_still_joins():
    protest = _gaza("r1", "Protests", PROTEST, [PROT, ARMY])
    # one outlet calls the shooting of the marchers a strike on them: the same words tell one story
    told = _gaza("r2", "Explosions/Remote violence", PROTEST + " وقصف مدفعي", [PROT, ARMY])
    assert _linked(protest, told) == {frozenset({"r1", "r2"})}


def test_protesters_shot_typed_as_an_attack_on_civilians_joins_the_protest():
    protest = _gaza("s1", "Protests", PROTEST, [PROT, ARMY])
    attack = _gaza("s2", "Violence against civilians", "الجيش يطلق النار على شبان عند الحدود", [ARMY, CIV])
    assert _linked(protest, attack) == {frozenset({"s1", "s2"})}


def _features(ev):
    from marsad.link.features import features_of
    from marsad.model import Article

    return features_of(ev, (ev.doc_ids[0], 0), [], Article(id=ev.doc_ids[0], text="", published="2024-04-06"))
