"""Linking: what belongs together stays together, near misses stay apart, ids do not depend on order."""

from __future__ import annotations

import copy
import random

from linkcorpus import Corpus, make_event

from marsad.link.linker import link_events

ISIS, SDF = "Islamic State (ISIS)", "Syrian Democratic Forces (SDF)"
IRAQ, JOR = "Military Forces of Iraq", "Police Forces of Jordan"
TURKEY, CIV = "Military Forces of Turkey", "Civilians"


def ghwayran(doc: str, date: str, evidence: str, date_end: str | None = None, event_type: str = "Battles"):
    # the gazetteer's entry for the prison (a facility: reports coming back to it over days are one incident)
    return make_event(doc, date, date_end=date_end, place="Ghwayran", lat=36.47, lon=40.75,
                      place_id="curated:syr-sinaa-prison",
                      admin1="Al-Hasakeh", country="SYR", event_type=event_type, actors=[ISIS, SDF],
                      evidence=evidence)


def hasakah_prison() -> Corpus:
    """Five outlets over ten days of fighting at al-Sina'a prison, Ghwayran."""
    c = Corpus()
    c.article("h1", "2022-01-21", [(ghwayran("h1", "2022-01-20", "هجوم داعش على سجن الصناعة في حي غويران"),
                                    [("killed", 16, ISIS), ("killed", 4, CIV)])])
    c.article("h2", "2022-01-22", [(ghwayran("h2", "2022-01-20",
                                             "هاجمت عناصر من داعش سجن غويران بمدينة الحسكة",
                                             event_type="Explosions/Remote violence"),
                                    [("killed", 28, ISIS), ("escaped", 89, ISIS)])])
    c.article("h3", "2022-01-24", [(ghwayran("h3", "2022-01-20", "تطورات الوضع في الحسكة وسجن غويران",
                                             date_end="2022-01-24"), [("arrested", 3, ISIS)])])
    c.article("h0", "2022-01-27", [(ghwayran("h0", "2022-01-26", "مقتل أكثر من 350 عنصرا في هجوم سجن غويران"),
                                    [("killed", 350, ISIS)])])
    c.article("h4", "2022-01-31", [(ghwayran("h4", "2022-01-30", "نفت قسد هروب عناصر داعش من سجن غويران"),
                                    [("killed", 374, ISIS), ("killed", 4, CIV), ("missing", 223, ISIS)])])
    return c


def groups(incidents) -> set[frozenset[str]]:
    return {frozenset(ev.doc_ids) for ev in incidents}


def test_prison_attack_reported_over_ten_days_is_one_incident():
    c = hasakah_prison()
    incidents = link_events(c.events, c.claims, c.articles)
    assert groups(incidents) == {frozenset({"h0", "h1", "h2", "h3", "h4"})}
    ev = incidents[0]
    assert ev.date == "2022-01-20" and ev.date_end == "2022-01-30"
    assert ev.doc_ids == ["h1", "h2", "h3", "h0", "h4"]  # in publication order
    assert ev.event_type == "Battles"
    assert {c.event_id for c in c.claims} == {ev.event_id}
    # every merge keeps its reason: features and score
    scored = [link for link in ev.links if link["rule"] == "score"]
    assert len(scored) == 4 and all(link["score"] >= 0.65 and "place" in link["features"] for link in scored)


def baghdad(doc: str, date: str, district: str, lat: float, lon: float, evidence: str):
    return make_event(doc, date, place=district, lat=lat, lon=lon, admin1="Baghdad", country="IRQ",
                      event_type="Explosions/Remote violence", actors=["Unidentified Armed Group", CIV],
                      evidence=evidence)


def test_car_bombs_in_different_baghdad_districts_on_consecutive_days_stay_apart():
    c = Corpus()
    c.article("b1", "2023-03-02", [(baghdad("b1", "2023-03-01", "Karrada", 33.305, 44.428,
                                            "انفجار سيارة مفخخة في الكرادة"), [("killed", 7, CIV)])])
    c.article("b2", "2023-03-02", [(baghdad("b2", "2023-03-01", "Karrada", 33.305, 44.428,
                                            "سيارة مفخخة تنفجر في الكرادة وسط بغداد"), [("killed", 7, CIV)])])
    c.article("b3", "2023-03-03", [(baghdad("b3", "2023-03-02", "Sadr City", 33.392, 44.458,
                                            "انفجار سيارة مفخخة في مدينة الصدر"), [("killed", 5, CIV)])])
    incidents = link_events(c.events, c.claims, c.articles)
    assert groups(incidents) == {frozenset({"b1", "b2"}), frozenset({"b3"})}


def test_two_blasts_in_different_parts_of_one_city_the_same_day_stay_apart():
    c = Corpus()
    karrada = baghdad("s1", "2023-05-10", "Karrada", 33.305, 44.428, "تفجير في الكرادة")
    kadhimiya = baghdad("s1", "2023-05-10", "Kadhimiya", 33.380, 44.340, "تفجير ثان في الكاظمية")
    c.article("s1", "2023-05-10", [(karrada, [("killed", 6, CIV)]), (kadhimiya, [("killed", 9, CIV)])])
    c.article("s2", "2023-05-10", [(baghdad("s2", "2023-05-10", "Kadhimiya", 33.380, 44.340,
                                            "انفجار في الكاظمية"), [("killed", 9, CIV)])])
    c.article("s3", "2023-05-11", [(baghdad("s3", "2023-05-10", "Karrada", 33.305, 44.428,
                                            "تفجير الكرادة"), [("killed", 6, CIV)])])
    incidents = link_events(c.events, c.claims, c.articles)
    assert groups(incidents) == {frozenset({"s1", "s3"}), frozenset({"s1", "s2"})}
    by_doc_place = {(e.doc_ids[0], e.location): e.event_id for e in c.events}
    assert by_doc_place[("s1", "Karrada")] != by_doc_place[("s1", "Kadhimiya")]


def test_bombing_and_raid_on_its_cell_a_day_later_stay_apart():
    def fuheis(doc):
        return make_event(doc, "2018-08-10", place="Fuheis", lat=32.016, lon=35.774, admin1="Balqa",
                          country="JOR",
                          event_type="Explosions/Remote violence", actors=[JOR],
                          evidence="انفجار عبوة ناسفة بدورية أمنية في الفحيص")

    def salt(doc):
        return make_event(doc, "2018-08-11", place="Salt", lat=32.039, lon=35.727, admin1="Balqa",
                          country="JOR",
                          event_type="Battles", actors=[JOR, "Militants"],
                          evidence="مداهمة مبنى تتحصن فيه خلية إرهابية في السلط")

    c = Corpus()
    c.article("j1", "2018-08-11", [(fuheis("j1"), [("injured", 6, JOR)])])
    c.article("j2", "2018-08-11", [(fuheis("j2"), [("injured", 6, JOR)]),
                                   (salt("j2"), [("killed", 3, JOR), ("arrested", 3, "Militants")])])
    c.article("j3", "2018-08-12", [(fuheis("j3"), [("injured", 6, JOR)]),
                                   (salt("j3"), [("killed", 3, JOR), ("arrested", 5, "Militants")])])
    incidents = link_events(c.events, c.claims, c.articles)
    assert groups(incidents) == {frozenset({"j1", "j2", "j3"}), frozenset({"j2", "j3"})}
    types = {frozenset(e.doc_ids): e.event_type for e in incidents}
    assert types[frozenset({"j2", "j3"})] == "Battles"


def afrin(doc: str, date: str, evidence: str):
    return make_event(doc, date, place="Afrin", lat=36.51, lon=36.87, admin1="Aleppo", country="SYR",
                      event_type="Explosions/Remote violence", actors=[TURKEY, CIV], evidence=evidence)


def afrin_strikes() -> Corpus:
    """One day's strikes on Afrin under one running toll, and a separate strike the next day."""
    c = Corpus()
    c.article("a1", "2018-03-16", [(afrin("a1", "2018-03-16", "قصف تركي على مدينة عفرين"),
                                    [("killed", 18, CIV)])])
    c.article("a2", "2018-03-16", [(afrin("a2", "2018-03-16", "غارات تركية على عفرين"),
                                    [("killed", 16, CIV)])])
    c.article("a3", "2018-03-17", [(afrin("a3", "2018-03-16", "ارتفاع حصيلة القصف على عفرين"),
                                    [("killed", 16, CIV), ("killed", 43, CIV)])])
    c.article("a4", "2018-03-17", [(afrin("a4", "2018-03-16", "القصف التركي على عفرين أمس"),
                                    [("killed", 43, CIV)]),
                                   (afrin("a4", "2018-03-17", "غارة جديدة على عفرين اليوم"),
                                    [("killed", 11, CIV)])])
    return c


def test_one_days_strikes_under_a_running_toll_stay_together():
    c = afrin_strikes()
    incidents = link_events(c.events, c.claims, c.articles)
    assert groups(incidents) == {frozenset({"a1", "a2", "a3", "a4"}), frozenset({"a4"})}


def test_other_country_and_background_recollection_stay_apart():
    c = Corpus()
    suruc = make_event("t1", "2015-07-20", place="Suruc", lat=36.976, lon=38.425, admin1="Sanliurfa",
                       country="TUR", event_type="Explosions/Remote violence", actors=[ISIS, CIV],
                       evidence="تفجير انتحاري في سوروتش")
    kobani = make_event("t2", "2015-07-20", place="Kobani", lat=36.89, lon=38.35, admin1="Aleppo",
                        country="SYR", event_type="Explosions/Remote violence", actors=[ISIS, "YPG"],
                        evidence="سيارة مفخخة في كوباني")
    c.article("t1", "2015-07-21", [(suruc, [("killed", 30, CIV)])])
    c.article("t2", "2015-07-21", [(kobani, [("killed", 2, "YPG")])])
    incidents = link_events(c.events, c.claims, c.articles)
    assert groups(incidents) == {frozenset({"t1"}), frozenset({"t2"})}


def _ids(corpus: Corpus, shuffle_seed: int | None):
    c = copy.deepcopy(corpus)
    if shuffle_seed is not None:
        # shuffle whole articles: an article's events stay consecutive and in article order
        docs = list(dict.fromkeys(e.doc_ids[0] for e in c.events))
        random.Random(shuffle_seed).shuffle(docs)
        c.events = [e for d in docs for e in c.events if e.doc_ids[0] == d]
        random.Random(shuffle_seed).shuffle(c.claims)
    incidents = link_events(c.events, c.claims, c.articles)
    return {ev.event_id: frozenset(ev.doc_ids) for ev in incidents}, sorted(
        (cl.doc_id, cl.kind, cl.value, cl.event_id) for cl in c.claims)


def test_event_ids_are_stable_across_runs_and_input_order():
    corpus = Corpus()
    for part in (hasakah_prison(), afrin_strikes()):
        corpus.events += part.events
        corpus.claims += part.claims
        corpus.articles.update(part.articles)
    first = _ids(corpus, None)
    assert len(first[0]) == 3
    assert all(eid.split("-")[0] in ("SYR",) for eid in first[0])
    for seed in range(5):
        assert _ids(corpus, seed) == first


def test_incremental_run_attaches_new_reports_to_stored_incidents():
    full = hasakah_prison()
    first_docs = {"h1", "h2"}
    c1 = Corpus()
    c1.events = [copy.deepcopy(e) for e in full.events if e.doc_ids[0] in first_docs]
    c1.claims = [copy.deepcopy(c) for c in full.claims if c.doc_id in first_docs]
    c1.articles = {k: v for k, v in full.articles.items() if k in first_docs}
    stored = link_events(c1.events, c1.claims, c1.articles)
    assert len(stored) == 1
    stored_id = stored[0].event_id

    c2 = Corpus()
    c2.events = [copy.deepcopy(e) for e in full.events if e.doc_ids[0] not in first_docs]
    c2.claims = [copy.deepcopy(c) for c in full.claims if c.doc_id not in first_docs]
    c2.articles = {k: v for k, v in full.articles.items() if k not in first_docs}
    second = link_events(c2.events, c2.claims, c2.articles, existing=copy.deepcopy(stored))
    assert [ev.event_id for ev in second] == [stored_id]
    assert second[0].doc_ids == ["h1", "h2", "h3", "h0", "h4"]
    assert {c.event_id for c in c2.claims} == {stored_id}

    # re-running the same articles against the store changes nothing
    again = link_events(copy.deepcopy(c2.events), copy.deepcopy(c2.claims), c2.articles,
                        existing=copy.deepcopy(second))
    assert [(ev.event_id, ev.doc_ids, len(ev.links)) for ev in again] == \
        [(ev.event_id, ev.doc_ids, len(ev.links)) for ev in second]


def test_unrelated_incident_does_not_attach_to_a_stored_one():
    stored = link_events(*_corpus_args(hasakah_prison()))
    c = afrin_strikes()
    out = link_events(c.events, c.claims, c.articles, existing=stored)
    assert len(out) == 3
    assert stored[0].event_id in {ev.event_id for ev in out}


def _corpus_args(c: Corpus):
    return c.events, c.claims, c.articles


def test_report_before_the_bridging_one_joins_in_the_second_pass():
    """A city-level report sorts before the ten-day summary that shows the incident spans its day."""
    prison, city = "curated:syr-sinaa-prison", "wof:421168649"  # gazetteer ids: a prison inside al-Hasakah

    def at(doc, date, place_id, lat, lon, date_end=None):
        ev = make_event(doc, date, date_end=date_end, place=place_id, lat=lat, lon=lon, admin1="Al-Hasakeh",
                        country="SYR", event_type="Battles", actors=[ISIS, SDF], evidence=f"نص {doc}")
        ev.place_id = place_id
        return ev

    c = Corpus()
    c.article("p1", "2022-01-21", [(at("p1", "2022-01-20", prison, 36.468, 40.742), [])])
    c.article("p2", "2022-01-22", [(at("p2", "2022-01-21", city, 36.502, 40.748), [])])
    summary = at("p3", "2022-01-22", prison, 36.468, 40.742, date_end="2022-01-30")
    c.article("p3", "2022-01-31", [(summary, [])])
    incidents = link_events(c.events, c.claims, c.articles)
    assert groups(incidents) == {frozenset({"p1", "p2", "p3"})}
    rules = [link["rule"] for link in incidents[0].links]
    assert rules.count("merged incidents") == 1 and rules.count("first report") == 2


def test_lone_first_report_moves_into_the_incident_later_reports_formed():
    """The earliest report founds an incident; the next reports prefer a province-level one; it follows."""
    settlers = "Israeli settlers"

    def duma(doc, date):
        return make_event(doc, date, place="Duma", lat=32.06, lon=35.36, admin1="West Bank", country="PSE",
                          event_type="Violence against civilians", actors=[settlers, CIV],
                          evidence=f"ن {doc}")

    province = make_event("r2", "2015-07-31", place="West Bank", lat=31.9, lon=35.2, admin1="West Bank",
                          country="PSE", event_type="Violence against civilians", actors=[settlers, CIV],
                          evidence="ن r2", precision=3)
    c = Corpus()
    c.article("r1", "2015-07-30", [(duma("r1", "2015-07-30"), [])])
    c.article("r2", "2015-07-31", [(province, [("injured", 3, CIV), ("killed", 18, CIV)])])
    c.article("r3", "2015-08-01", [(duma("r3", "2015-07-31"), [("injured", 3, CIV), ("killed", 18, CIV)])])
    incidents = link_events(c.events, c.claims, c.articles)
    assert groups(incidents) == {frozenset({"r1", "r2", "r3"})}
    rules = {link["doc_id"]: link["rule"] for link in incidents[0].links}
    assert rules == {"r2": "first report", "r3": "score", "r1": "score, second pass"}


def test_an_incident_lists_the_sides_its_reports_agree_on():
    """One report coding the coalition's air support as a side does not make it an actor of the incident."""
    c = hasakah_prison()
    coalition = "International coalition against ISIS"
    h2 = next(e for e in c.events if e.doc_ids == ["h2"])
    h2.actors = [coalition, ISIS, SDF]
    h2.actor1, h2.actor2, h2.assoc_actor_1 = coalition, ISIS, SDF
    incidents = link_events(c.events, c.claims, c.articles)
    assert len(incidents) == 1
    assert incidents[0].actors == [ISIS, SDF]
    assert (incidents[0].actor1, incidents[0].actor2) == (ISIS, SDF)


def test_a_single_report_keeps_every_actor_it_names():
    c = Corpus()
    strike = make_event("s1", "2018-03-16", place="Afrin", lat=36.51, lon=36.87, admin1="Aleppo",
                        country="SYR", event_type="Explosions/Remote violence", actors=[TURKEY, CIV, SDF],
                        evidence="غارة تركية على عفرين")
    c.article("s1", "2018-03-17", [(strike, [("killed", 11, CIV)])])
    incidents = link_events(c.events, c.claims, c.articles)
    assert incidents[0].actors == [TURKEY, CIV, SDF]


def test_generic_attackers_give_way_to_a_group_another_report_names():
    from marsad.link.linker import _without_placeholders

    shabaab, uag, som = "Al Shabaab", "Unidentified Armed Group", "Military Forces of Somalia"
    # one report says only `انتحاري`, the other `حركة الشباب`: the merged incident keeps the named group
    civ = "Civilians (Somalia)"
    assert _without_placeholders([shabaab, som, civ, uag]) == [shabaab, som, civ]
    assert _without_placeholders(["Militants", "Boko Haram", civ]) == ["Boko Haram", civ]
    # state forces are no named attacker: the unknown group stays
    assert _without_placeholders([uag, som]) == [uag, som]



def test_one_report_naming_the_bombers_outweighs_two_that_do_not():
    """Three reports of one bombing: two code the attackers as unknown, one names the group that
    claimed it; the incident's attacker is that group, not the placeholder."""
    from marsad.link.linker import _incident_actors
    from marsad.model import Event

    police, uag, saraya = "Police Forces of Bahrain", "Unidentified Armed Group", "Saraya Waad Allah"

    def ev(actor1: str, actor2: str) -> Event:
        return Event(actors=[actor1, actor2], actor1=actor1, actor2=actor2)

    evs = [ev(uag, police), ev(police, uag), ev(saraya, police)]
    merged = ev(uag, police)
    assert _incident_actors(evs, merged) == [police, saraya]
