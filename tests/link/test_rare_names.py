"""Rare names two reports share (a village, a street, a person few reports name) tell one incident:
they link reports the geocoder placed in two provinces, and a later retelling of a bombing dated by
its own day; a battle or another story at the same village days later stays apart.

Hand-made article events (tests/link/linkcorpus.py); the names come from their evidence words, written
for these tests."""

from __future__ import annotations

from linkcorpus import Corpus, make_event

from marsad.link.features import rare_names
from marsad.link.linker import link_events

BH, CIV, NGA_ARMY = "Boko Haram", "Civilians", "Military Forces of Nigeria"
BOMBING, BATTLE = "Explosions/Remote violence", "Battles"


def test_rare_names_are_village_and_person_names_not_inflected_common_words():
    text = ("فجرت انتحارية حزاما ناسفا في سوق غوبيو الأسبوعي، "
            "وقال مفوض الشرطة إن تفجيرين استهدفا قواعدهم قرب دمشق")
    assert rare_names(text) == {"غوبيو"}
    # the proclitic does not make another name: بغوبيو and وغوبيو are the same village
    assert rare_names("وقع الهجوم بغوبيو ونزح سكان وغوبيو") == {"غوبيو"}
    assert rare_names("قال الجيش إن الهجوم وقع اليوم") == frozenset()


def _borno(doc: str, date: str, *, place: str, lat: float, lon: float, admin1: str, evidence: str,
           event_type: str = BOMBING):
    return make_event(doc, date, place=place, lat=lat, lon=lon, admin1=admin1, country="NGA",
                      event_type=event_type, actors=[BH, CIV], evidence=evidence)


def groups(incidents) -> set[frozenset[str]]:
    return {frozenset(ev.doc_ids) for ev in incidents}


def test_one_bombing_placed_in_two_provinces_links_on_the_names_both_reports_give():
    c = Corpus()
    # one outlet is placed at the state capital it mentions ("90 km from Maiduguri"), another at Damaturu
    c.article("g1", "2024-02-10", [(_borno("g1", "2024-02-10", place="Maiduguri", lat=11.85, lon=13.16,
                                           admin1="Borno",
                                           evidence="انتحاريتان تفجران سوق غوبيو الأسبوعي على بعد 90 "
                                                    "كيلومترا من مايدوغوري وقال المتحدث عمر ماشاما إن "
                                                    "القتلى 14"),
                                    [("killed", 14, CIV)])])
    c.article("g2", "2024-02-10", [(_borno("g2", "2024-02-10", place="Damaturu", lat=11.75, lon=11.96,
                                           admin1="Yobe",
                                           evidence="مقتل 14 في تفجير مزدوج بسوق غوبيو بحسب المتحدث ماشاما، "
                                                    "وقال مسعف في داماتورو إن الجرحى نقلوا"),
                                    [("killed", 14, CIV)])])
    # the same day in the other state, a report naming nothing the others name stays apart
    c.article("g3", "2024-02-10", [(_borno("g3", "2024-02-10", place="Damaturu", lat=11.75, lon=11.96,
                                           admin1="Yobe", evidence="انفجار عبوة على طريق في يوبي"),
                                    [("killed", 3, CIV)])])
    incidents = link_events(c.events, c.claims, c.articles)
    assert groups(incidents) == {frozenset({"g1", "g2"}), frozenset({"g3"})}
    ev = next(e for e in incidents if "g2" in e.doc_ids)
    joined = next(link for link in ev.links if link["rule"] == "score")
    assert joined["features"]["misplaced"] == 1.0 and joined["features"]["names"] >= 2


def test_a_bombing_retold_four_days_later_joins_without_stretching_the_incident():
    story = "انتحاريتان تفجران سوق غوبيو الأسبوعي وقال المتحدث عمر ماشاما إن الهجوم أوقع 14 قتيلا"
    c = Corpus()
    c.article("r1", "2024-02-10", [(_borno("r1", "2024-02-10", place="Gubio", lat=12.50, lon=12.78,
                                           admin1="Borno", evidence=story), [("killed", 14, CIV)])])
    c.article("r2", "2024-02-11", [(_borno("r2", "2024-02-11", place="Gubio", lat=12.50, lon=12.78,
                                           admin1="Borno", evidence="مقتل 14 في سوق غوبيو بحسب ماشاما"),
                                    [("killed", 14, CIV)])])
    # a weekly republishes the first report; its date is its own publication day
    c.article("r3", "2024-02-14", [(_borno("r3", "2024-02-14", place="Gubio", lat=12.50, lon=12.78,
                                           admin1="Borno", evidence=story), [("killed", 14, CIV)])])
    # four days later at the same village, troops fight the group: another day's incident
    c.article("r4", "2024-02-14", [(_borno("r4", "2024-02-14", place="Gubio", lat=12.50, lon=12.78,
                                           admin1="Borno", event_type=BATTLE,
                                           evidence="اشتباكات بين الجيش ومسلحين قرب غوبيو وقال ماشاما إن "
                                                    "الجنود صدوا الهجوم"), [("killed", 6, BH)])])
    incidents = link_events(c.events, c.claims, c.articles)
    assert groups(incidents) == {frozenset({"r1", "r2", "r3"}), frozenset({"r4"})}
    ev = next(e for e in incidents if "r1" in e.doc_ids)
    # the retelling does not make the bombing a five-day event
    assert (ev.date, ev.date_end) == ("2024-02-10", "2024-02-11")
    retold = next(link for link in ev.links if link.get("doc_id") == "r3")
    assert retold["features"]["as_retold"] == 1.0 and retold["at"]["retold"] is True


def test_a_new_bombing_at_the_same_village_days_later_is_another_incident():
    c = Corpus()
    c.article("n1", "2024-02-10", [(_borno("n1", "2024-02-10", place="Gubio", lat=12.50, lon=12.78,
                                           admin1="Borno",
                                           evidence="انتحاريتان تفجران سوق غوبيو الأسبوعي وقال المتحدث "
                                                    "عمر ماشاما إن الهجوم أوقع 14 قتيلا"),
                                    [("killed", 14, CIV)])])
    # the village's name and the spokesman again, but another story: no shared toll, little wording
    c.article("n2", "2024-02-14", [(_borno("n2", "2024-02-14", place="Gubio", lat=12.50, lon=12.78,
                                           admin1="Borno",
                                           evidence="عبوة ناسفة تنفجر بحافلة ركاب في غوبيو وماشاما يعلن "
                                                    "مقتل أربعة"), [("killed", 4, CIV)])])
    incidents = link_events(c.events, c.claims, c.articles)
    assert groups(incidents) == {frozenset({"n1"}), frozenset({"n2"})}
