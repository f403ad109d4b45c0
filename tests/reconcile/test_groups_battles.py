"""Which group an unnamed toll counts in a clash (marsad.reconcile.groups): people hurt in fighting
between two armed sides may be of either side, so "12 people were injured in the clashes" stays an
overall toll even when one side's wounded are named elsewhere; in a one-sided attack, or a fight
with one armed side named, a later unnamed toll is still that group's."""

from __future__ import annotations

from marsad.model import Claim, Event
from marsad.reconcile.groups import group_names

ARMY, REBELS = "Military Forces of Libya", "Islamic State (ISIS)"


def names(ev: Event, claims: list[Claim]) -> list[list[str]]:
    out = group_names(ev, claims, {c.doc_id: "2020-05-0" + c.doc_id[-1] for c in claims})
    return [out[id(c)] for c in claims]


def test_unnamed_injured_of_a_two_sided_clash_stay_unnamed():
    ev = Event(event_type="Battles", actors=[ARMY, REBELS], actor1=ARMY, actor2=REBELS)
    claims = [Claim(doc_id="d1", kind="injured", value=5, who=ARMY),
              Claim(doc_id="d2", kind="injured", value=12, who=None)]
    assert names(ev, claims) == [[ARMY], ["Unidentified persons"]]


def test_unnamed_toll_of_a_one_sided_fight_is_the_named_group():
    ev = Event(event_type="Battles", actors=[ARMY], actor1=ARMY)
    claims = [Claim(doc_id="d1", kind="killed", value=5, who=ARMY),
              Claim(doc_id="d2", kind="killed", value=7, who=None)]
    assert names(ev, claims) == [[ARMY], [ARMY]]
