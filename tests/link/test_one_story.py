"""Reports of one incident that the extractors told apart: a report without a date of its own published
a day after the dated reports; one story the geocoder placed in two provinces (one rare name, the same
toll and much of the wording; or many names and half the wording, typed riot by one and violence
against civilians by the other). Hand-made article events (tests/link/linkcorpus.py), words written
for these tests."""

from __future__ import annotations

from linkcorpus import Corpus, make_event

from marsad.link.linker import link_events

AQAP, US, POLICE, CIV = ("Al Qaeda", "Military Forces of the United States", "Police Forces of Saudi Arabia",
                         "Civilians")
BOMBING, RIOT, VAC = "Explosions/Remote violence", "Riots", "Violence against civilians"


def groups(incidents) -> set[frozenset[str]]:
    return {frozenset(ev.doc_ids) for ev in incidents}


def _blast(doc: str, date: str, evidence: str, date_text: str | None):
    ev = make_event(doc, date, place="Sitra", lat=26.15, lon=50.62, admin1="Capital", country="BHR",
                    event_type=BOMBING, actors=["Police Forces of Bahrain"], evidence=evidence)
    ev.date_text = date_text
    return ev


def test_a_report_without_a_date_of_its_own_joins_a_day_after_the_dated_reports():
    story = "تفجير إرهابي في قرية زنكوره أسفر عن مقتل شرطيين وإصابة ستة آخرين"

    def run(last_published: str):
        c = Corpus()
        c.article("s1", "2024-04-03", [(_blast("s1", "2024-04-02", story, "الثلاثاء"), [("killed", 2, "P")])])
        c.article("s2", "2024-04-04", [(_blast("s2", "2024-04-03", story, "أمس"), [("killed", 2, "P")])])
        # no date in its text: dated by its publication day, a day after the last dated report
        told = "قالت وزارة الداخلية إن شرطيين قتلا في تفجير بقرية زنكوره وإن التحقيقات جارية"
        c.article("s3", last_published, [(_blast("s3", last_published, told, None), [("killed", 2, "P")])])
        return link_events(c.events, c.claims, c.articles)

    out = run("2024-04-04")
    assert groups(out) == {frozenset({"s1", "s2", "s3"})}
    assert (out[0].date, out[0].date_end) == ("2024-04-02", "2024-04-03")  # its day does not stretch it
    # two days after the last dated report it is another day's news
    assert groups(run("2024-04-05")) == {frozenset({"s1", "s2"}), frozenset({"s3"})}


def _strike(doc: str, *, place: str, lat: float, lon: float, admin1: str, evidence: str):
    return make_event(doc, "2024-07-30", place=place, lat=lat, lon=lon, admin1=admin1, country="YEM",
                      event_type=BOMBING, actors=[AQAP, US], evidence=evidence)


def test_one_strike_placed_in_two_provinces_links_on_one_name_the_toll_and_the_wording():
    words = "غارة لطائرة أمريكية بدون طيار على سيارة تقل عناصر من القاعدة في وادي زنقلة"

    def run(second_toll: int):
        c = Corpus()
        c.article("d1", "2024-07-30", [(_strike("d1", place="Al Mahfad", lat=14.03, lon=46.91, admin1="Abyan",
                                                evidence=words + " بمديرية المحفد"), [("killed", 4, AQAP)])])
        # the other outlet's dateline put it in the next province
        c.article("d2", "2024-07-30", [(_strike("d2", place="Mukalla", lat=14.54, lon=49.12,
                                                admin1="Hadramawt", evidence="مصادر في المكلا: " + words),
                                        [("killed", second_toll, AQAP)])])
        return groups(link_events(c.events, c.claims, c.articles))

    assert run(4) == {frozenset({"d1", "d2"})}
    # without the shared toll, one name and the wording are not enough across provinces
    assert run(6) == {frozenset({"d1"}), frozenset({"d2"})}


def test_one_shooting_typed_riot_by_one_outlet_links_on_many_names_and_half_the_words():
    lead = ("مقتل المطلوب صالح القرنفلي بطلقات نارية قرب مستوصف البرقاوي في بلدة الزعفرانة، "
            "وقال الناطق باسم شرطة المنطقة إن الجناة من المطلوبين")
    c = Corpus()
    c.article("q1", "2024-08-11", [(make_event("q1", "2024-08-11", place="Jeddah", lat=21.54, lon=39.17,
                                               admin1="Makkah", country="SAU", event_type=VAC,
                                               actors=[POLICE, CIV], evidence=lead), [])])
    c.article("q2", "2024-08-11", [(make_event("q2", "2024-08-11", place="Qatif", lat=26.56, lon=50.01,
                                               admin1="Eastern Province", country="SAU", event_type=RIOT,
                                               actors=[POLICE, CIV],
                                               evidence=lead + " بإثارة الشغب وإتلاف الممتلكات"), [])])
    assert groups(link_events(c.events, c.claims, c.articles)) == {frozenset({"q1", "q2"})}
