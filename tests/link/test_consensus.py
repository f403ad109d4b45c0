"""An event's day and place are the ones most of its reports give (the main incident's), not the first
report's; two outlets' reports of one day from a building are no evidence that fighting there went on
for days. Hand-made article events (places and coordinates made up for the tests)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from linkcorpus import Corpus, make_event

from marsad.link.features import features_of
from marsad.link.linker import POINT_SPAN_DAYS, Incident, fits, link_events
from marsad.link.scoring import FAR_DAYS
from marsad.model import Article

HOUTHI, YEMEN = "Ansar Allah (Houthis)", "Military Forces of Yemen"
IS_, CIV = "Islamic State (ISIS)", "Civilians"
NINE = [("killed", 9, CIV)]


def _groups(incidents) -> set[frozenset[str]]:
    return {frozenset(ev.doc_ids) for ev in incidents}


def _town(doc: str, date: str, evidence: str, *, precision: int = 1, place: str = "Qaryat al-Nakhil",
          lat: float = 15.10, lon: float = 43.20):
    return make_event(doc, date, place=place, lat=lat, lon=lon, admin1="Al Hudaydah", country="YEM",
                      event_type="Explosions/Remote violence", actors=[IS_, CIV], evidence=evidence,
                      precision=precision)


def test_the_day_most_reports_give_dates_the_event():
    # the first report (published first) dates the bombing a day early; three later ones agree on the 9th
    c = Corpus()
    c.article("d1", "2024-06-09", [(_town("d1", "2024-06-08", "تفجير سيارة مفخخة قرب سوق قرية النخيل"),
                                    [("killed", 12, CIV)])])
    for doc in ("d2", "d3", "d4"):
        c.article(doc, "2024-06-10", [(_town(doc, "2024-06-09", "سيارة مفخخة تنفجر في سوق قرية النخيل"),
                                       [("killed", 12, CIV)])])
    incidents = link_events(c.events, c.claims, c.articles)
    assert _groups(incidents) == {frozenset({"d1", "d2", "d3", "d4"})}
    assert (incidents[0].date, incidents[0].date_end) == ("2024-06-09", "2024-06-09")


def test_equal_days_give_the_earlier_one():
    c = Corpus()
    c.article("e1", "2024-06-09", [(_town("e1", "2024-06-08", "تفجير سيارة مفخخة في سوق القرية"),
                                    [("killed", 7, CIV)])])
    c.article("e2", "2024-06-10", [(_town("e2", "2024-06-09", "تفجير سيارة مفخخة في سوق القرية"),
                                    [("killed", 7, CIV)])])
    incidents = link_events(c.events, c.claims, c.articles)
    assert _groups(incidents) == {frozenset({"e1", "e2"})}
    assert (incidents[0].date, incidents[0].date_end) == ("2024-06-08", "2024-06-09")


def test_the_place_most_reports_give_places_the_event():
    # the first report names a market 2 km from the town centre (finer); three name the town itself
    c = Corpus()
    c.article("p1", "2024-06-09", [(_town("p1", "2024-06-09", "انفجار في سوق الخضار بقرية النخيل",
                                          place="Suq al-Khudar", lat=15.11, lon=43.21), NINE)])
    for doc in ("p2", "p3", "p4"):
        c.article(doc, "2024-06-09", [(_town(doc, "2024-06-09", "انفجار في سوق قرية النخيل", precision=2),
                                       NINE)])
    incidents = link_events(c.events, c.claims, c.articles)
    assert _groups(incidents) == {frozenset({"p1", "p2", "p3", "p4"})}
    assert incidents[0].location == "Qaryat al-Nakhil"


def test_a_province_wide_majority_does_not_outweigh_a_named_town():
    # two reports know only the province: the town one report names is still the event's place
    c = Corpus()
    c.article("v1", "2024-06-09", [(_town("v1", "2024-06-09", "انفجار في سوق قرية النخيل"),
                                    NINE)])
    for doc in ("v2", "v3"):
        c.article(doc, "2024-06-09", [(_town(doc, "2024-06-09", "انفجار في سوق بمحافظة الحديدة", precision=3,
                                             place="Al Hudaydah", lat=14.97, lon=43.0), NINE)])
    incidents = link_events(c.events, c.claims, c.articles)
    assert _groups(incidents) == {frozenset({"v1", "v2", "v3"})}
    assert incidents[0].location == "Qaryat al-Nakhil"


TOLL = [("killed", 14, HOUTHI)]  # the same toll in every report: corroborated, the days decide


def _airport(doc: str, date: str, evidence: str):
    # the gazetteer's airport entry (a facility: fighting there reported over days may run on)
    return make_event(doc, date, place="Madinat al-Matar airport", lat=14.75, lon=42.98,
                      place_id="airport:HOD", admin1="Al Hudaydah", country="YEM",
                      event_type="Battles", actors=[YEMEN, HOUTHI], evidence=evidence)


def _incident(*reports: tuple[str, str]) -> Incident:
    """An incident of airport reports (doc, day), each published the next day."""
    inc = Incident(members=[], events=[])
    for doc, day in reports:
        ev = _airport(doc, day, "معارك عنيفة داخل حرم المطار")
        published = (dt.date.fromisoformat(day) + dt.timedelta(days=1)).isoformat()
        inc.add(features_of(ev, (doc, 0), [], Article(id=doc, text="", published=published)), ev)
    return inc


def test_two_outlets_on_one_day_at_an_airport_are_not_days_of_fighting():
    one_day = _incident(("a1", "2024-06-16"), ("a2", "2024-06-16"))
    assert one_day.continued == 0
    # so a report four days later in the city around the airport stretches it past a day's incident
    later = replace(one_day.members[0], member=("a3", 0), docs=frozenset({"a3"}),
                    day=dt.date(2024, 6, 20), day_end=dt.date(2024, 6, 20), facility=False,
                    place="wof:890432439", scope="settlement")
    assert not fits(one_day, later)


def test_reports_of_two_days_from_the_airport_say_the_fighting_went_on():
    two_days = _incident(("b1", "2024-06-16"), ("b2", "2024-06-18"))
    assert two_days.continued == FAR_DAYS - POINT_SPAN_DAYS


def test_reports_of_different_days_from_the_airport_still_run_on():
    c = Corpus()
    c.article("b1", "2024-06-17", [(_airport("b1", "2024-06-16", "القوات الحكومية تقتحم حرم المطار"), TOLL)])
    c.article("b2", "2024-06-19", [(_airport("b2", "2024-06-18", "معارك عنيفة داخل حرم المطار"), TOLL)])
    c.article("b3", "2024-06-22", [(_airport("b3", "2024-06-21", "معارك عنيفة داخل حرم المطار"), TOLL)])
    incidents = link_events(c.events, c.claims, c.articles)
    assert _groups(incidents) == {frozenset({"b1", "b2", "b3"})}
    assert (incidents[0].date, incidents[0].date_end) == ("2024-06-16", "2024-06-21")


def _city_or_site(doc: str, place: str, place_id: str, lat: float, lon: float):
    return make_event(doc, "2024-06-11", place=place, lat=lat, lon=lon, place_id=place_id,
                      admin1="Al Hudaydah", country="YEM", event_type="Battles", actors=[HOUTHI, YEMEN],
                      evidence="قوات الجيش تقتحم مطار الحديدة بعد معارك ضارية")


def test_a_finer_site_beside_the_city_wins_a_tie():
    # one report says the city, the other (published later) its airport: one report each, the exact site
    c = Corpus()
    c.article("k1", "2024-06-11", [(_city_or_site("k1", "Al Hudaydah", "wof:890432439", 14.80, 42.95), TOLL)])
    airport = _city_or_site("k2", "Hodeidah airport", "airport:HOD", 14.75, 42.98)
    c.article("k2", "2024-06-12", [(airport, TOLL)])
    incidents = link_events(c.events, c.claims, c.articles)
    assert _groups(incidents) == {frozenset({"k1", "k2"})}
    assert (incidents[0].location, incidents[0].place_id) == ("Hodeidah airport", "airport:HOD")


def test_a_finer_site_far_from_the_city_does_not_win_a_tie():
    # a village 60 km away is another front's, not where in the city: the first report's city stays
    c = Corpus()
    c.article("f1", "2024-06-11", [(_city_or_site("f1", "Al Hudaydah", "wof:890432439", 14.80, 42.95), TOLL)])
    c.article("f2", "2024-06-12", [(_city_or_site("f2", "Al Ma'arif", "wof:1327453599", 14.30, 43.20), TOLL)])
    incidents = link_events(c.events, c.claims, c.articles)
    assert _groups(incidents) == {frozenset({"f1", "f2"})}
    assert incidents[0].location == "Al Hudaydah"
