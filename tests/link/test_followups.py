"""Follow-up toll reports ("the toll rose to ...") dated by their own publication day join the incident
they follow up, at the same place or its province, even with a different type wording and a higher toll;
follow-up wording does not pull in a different incident."""

from __future__ import annotations

from linkcorpus import Corpus, make_event

from marsad.link.linker import link_events

RSF, CIV = "Rapid Support Forces (RSF)", "Civilians"
HOUTHI, YEMEN = "Houthis (Ansar Allah)", "Military Forces of Yemen"
ISIS, PMF = "Islamic State (ISIS)", "Popular Mobilization Forces"


def groups(incidents) -> set[frozenset[str]]:
    return {frozenset(ev.doc_ids) for ev in incidents}


def geneina(doc, date, evidence, event_type="Violence against civilians"):
    return make_event(doc, date, place="El Geneina", lat=13.45, lon=22.45, admin1="West Darfur",
                      country="SDN", event_type=event_type, actors=[RSF, CIV], evidence=evidence)


def marib(doc, date, evidence, event_type="Explosions/Remote violence", town=False):
    if town:  # the first report names the district town; follow-ups only the province
        return make_event(doc, date, place="Al Wadi", lat=15.52, lon=45.47, admin1="Marib", country="YEM",
                          event_type=event_type, actors=[HOUTHI, YEMEN], evidence=evidence)
    return make_event(doc, date, place="Marib", lat=15.46, lon=45.32, admin1="Marib", country="YEM",
                      event_type=event_type, actors=[HOUTHI, YEMEN], evidence=evidence, precision=3)


def test_raised_tolls_published_on_later_days_join_the_incident():
    c = Corpus()
    c.article("g1", "2023-06-14", [(geneina("g1", "2023-06-14", "هجوم الدعم السريع على أحياء الجنينة"),
                                    [("killed", 15, CIV)])])
    c.article("g2", "2023-06-16", [(geneina("g2", "2023-06-16", "ارتفعت حصيلة قتلى هجوم الجنينة",
                                            event_type="Battles"), [("killed", 28, CIV)])])
    c.article("g3", "2023-06-17", [(geneina("g3", "2023-06-17", "حصيلة جديدة لضحايا الهجوم على الجنينة"),
                                    [("killed", 39, CIV), ("injured", 70, CIV)])])
    incidents = link_events(c.events, c.claims, c.articles)
    assert groups(incidents) == {frozenset({"g1", "g2", "g3"})}
    ev = incidents[0]
    assert ev.date == "2023-06-14" and ev.event_type == "Violence against civilians"
    reasons = {link["doc_id"]: link.get("features", {}).get("followup") for link in ev.links}
    assert reasons == {"g1": None, "g2": 1.0, "g3": 1.0}


def test_province_level_follow_up_joins_the_town_incident():
    c = Corpus()
    c.article("m1", "2022-01-10", [(marib("m1", "2022-01-10", "صاروخ حوثي على معسكر في مديرية الوادي",
                                          event_type="Battles", town=True), [("killed", 12, YEMEN)])])
    c.article("m2", "2022-01-11", [(marib("m2", "2022-01-11", "ارتفاع حصيلة قتلى الهجوم الصاروخي على مأرب"),
                                    [("killed", 20, YEMEN)])])
    c.article("m3", "2022-01-12", [(marib("m3", "2022-01-12", "وفاة جنديين متأثرين بجروحهما في مأرب"),
                                    [("killed", 22, YEMEN)])])
    incidents = link_events(c.events, c.claims, c.articles)
    assert groups(incidents) == {frozenset({"m1", "m2", "m3"})}
    assert incidents[0].location == "Al Wadi"  # the most precise place wins


def test_later_report_without_follow_up_wording_joins_only_when_undated_and_at_the_same_place():
    def run(second):
        c = Corpus()
        c.article("m1", "2022-01-10", [(marib("m1", "2022-01-10", "صاروخ حوثي على معسكر", town=True),
                                        [("killed", 12, YEMEN)])])
        c.article("m2", "2022-01-12", [(second, [("killed", 20, YEMEN)])])
        return groups(link_events(c.events, c.claims, c.articles))

    apart = {frozenset({"m1"}), frozenset({"m2"})}
    # dated in its text ("on Wednesday"): a new attack in the province
    dated = marib("m2", "2022-01-12", "قصف حوثي جديد على مأرب")
    dated.date_text = "الأربعاء"
    assert run(dated) == apart
    # undated, only the province, other words: not enough to say it is the same attack
    assert run(marib("m2", "2022-01-12", "قصف حوثي جديد على مأرب")) == apart
    # undated, at the same district town: dated by its publication, it joins
    assert run(marib("m2", "2022-01-12", "قصف حوثي جديد على مأرب", town=True)) == {frozenset({"m1", "m2"})}


RAISED = "ارتفعت حصيلة هجوم داعش على الحشد في "


def _kirkuk(doc, date, place, lat, lon, evidence, precision=1):
    return make_event(doc, date, place=place, lat=lat, lon=lon, admin1="Kirkuk", country="IRQ",
                      event_type="Battles", actors=[ISIS, PMF], evidence=evidence, precision=precision)


def test_follow_up_with_a_lower_toll_or_elsewhere_or_too_late_stays_apart():
    first = _kirkuk("k1", "2020-12-06", "Dibis", 35.65, 44.07, "هجوم داعش على نقطة للحشد في الدبس")
    later = {
        # a smaller "raised" toll: a different incident in the province
        "k2": (_kirkuk("k2", "2020-12-07", "Kirkuk", 35.47, 44.39, RAISED + "كركوك",
                       precision=3), 4),
        # another town of the province
        "k3": (_kirkuk("k3", "2020-12-07", "Hawija", 35.32, 43.77, RAISED + "الحويجة"),
               11),
        # the province five days later
        "k4": (_kirkuk("k4", "2020-12-11", "Kirkuk", 35.47, 44.39, RAISED + "كركوك",
                       precision=3), 12),
    }
    for doc, (ev, toll) in later.items():
        c = Corpus()
        c.article("k1", "2020-12-06", [(first, [("killed", 9, PMF)])])
        c.article(doc, ev.date, [(ev, [("killed", toll, PMF)])])
        linked = groups(link_events(c.events, c.claims, c.articles))
        assert linked == {frozenset({"k1"}), frozenset({doc})}, doc
    # the control: the same province report with a higher toll the next day joins
    c = Corpus()
    c.article("k1", "2020-12-06", [(first, [("killed", 9, PMF)])])
    c.article("k2", "2020-12-07", [(later["k2"][0], [("killed", 11, PMF)])])
    assert groups(link_events(c.events, c.claims, c.articles)) == {frozenset({"k1", "k2"})}


def test_follow_up_of_a_baghdad_car_bomb_does_not_join_the_other_district():
    def bomb(doc, date, place, lat, lon, evidence):
        return make_event(doc, date, place=place, lat=lat, lon=lon, admin1="Baghdad", country="IRQ",
                          event_type="Explosions/Remote violence", actors=["Unidentified Armed Group", CIV],
                          evidence=evidence)

    c = Corpus()
    c.article("b1", "2023-03-01", [(bomb("b1", "2023-03-01", "Karrada", 33.305, 44.428, "مفخخة في الكرادة"),
                                    [("killed", 7, CIV)])])
    c.article("b2", "2023-03-02", [(bomb("b2", "2023-03-02", "Sadr City", 33.392, 44.458,
                                         "ارتفعت حصيلة تفجير مدينة الصدر"), [("killed", 9, CIV)])])
    c.article("b3", "2023-03-03", [(bomb("b3", "2023-03-03", "Karrada", 33.305, 44.428,
                                         "ارتفعت حصيلة تفجير الكرادة"), [("killed", 11, CIV)])])
    incidents = link_events(c.events, c.claims, c.articles)
    assert groups(incidents) == {frozenset({"b1", "b3"}), frozenset({"b2"})}


def test_a_relayed_statement_without_a_place_joins_the_located_report_of_the_day_before():
    houthi, aid = HOUTHI, "Aid workers"
    sanaa = make_event("u1", "2018-03-09", place="Sanaa", lat=15.35, lon=44.21, admin1="Amanat Al Asimah",
                       country="YEM", event_type="Violence against civilians", actors=[houthi, aid],
                       evidence="استنكرت الحكومة اختطاف الحوثيين اثنين من موظفي الأمم المتحدة في صنعاء")
    relayed = make_event("u2", "2018-03-10", place="Yemen", lat=15.5, lon=47.5, admin1=None, country="YEM",
                         event_type="Violence against civilians", actors=[houthi, aid], precision=3,
                         evidence="استنكر وزير يمني اختطاف الحوثيين اثنين من موظفي الأمم المتحدة")
    c = Corpus()
    c.article("u1", "2018-03-09", [(sanaa, [])])
    c.article("u2", "2018-03-10", [(relayed, [])])
    incidents = link_events(c.events, c.claims, c.articles)
    assert groups(incidents) == {frozenset({"u1", "u2"})}
    assert [link.get("features", {}).get("same_story") for link in incidents[0].links] == [None, 1.0]
    # other words (another abduction the same week) stay apart
    other = make_event("u3", "2018-03-10", place="Yemen", lat=15.5, lon=47.5, admin1=None, country="YEM",
                       event_type="Violence against civilians", actors=[houthi, aid], precision=3,
                       evidence="مسلحون يحتجزون قافلة إغاثة في الحديدة ويعتقلون سائقيها")
    c = Corpus()
    c.article("u1", "2018-03-09", [(sanaa, [])])
    c.article("u3", "2018-03-10", [(other, [])])
    assert groups(link_events(c.events, c.claims, c.articles)) == {frozenset({"u1"}), frozenset({"u3"})}


def test_a_cumulative_toll_report_does_not_join_one_strike():
    israel = "Military Forces of Israel"

    def gaza(doc, date, place, evidence, precision=1):
        return make_event(doc, date, place=place, lat=31.34, lon=34.31, admin1="Gaza Strip", country="PSE",
                          event_type="Explosions/Remote violence", actors=[israel, CIV], evidence=evidence,
                          precision=precision)

    c = Corpus()
    c.article("z1", "2024-02-10", [(gaza("z1", "2024-02-10", "Khan Yunis", "غارة على منزل في خان يونس"),
                                    [("killed", 8, CIV)])])
    c.article("z2", "2024-02-11", [(gaza("z2", "2024-02-11", "Gaza Strip", "ارتفعت حصيلة الحرب على غزة",
                                         precision=3), [("killed", 28000, CIV)])])
    assert groups(link_events(c.events, c.claims, c.articles)) == {frozenset({"z1"}), frozenset({"z2"})}


def test_generic_militants_half_match_isis_and_a_shared_large_toll_ties_an_undated_report():
    from marsad.link.features import features_of
    from marsad.link.scoring import score_pair
    from marsad.model import Article

    def bomb(doc, date, actors, evidence):
        return make_event(doc, date, place="Baghdad", lat=33.34, lon=44.4, admin1="Baghdad", country="IRQ",
                          event_type="Explosions/Remote violence", actors=actors, evidence=evidence,
                          precision=3)

    first = bomb("t1", "2021-01-21", [CIV, "Militants"], "تفجيران انتحاريان في سوق ساحة الطيران")
    claimed = bomb("t2", "2021-01-21", [CIV, ISIS], "داعش يتبنى تفجيري ساحة الطيران")
    condemned = bomb("t3", "2021-01-22", [CIV, "Militants"], "إدانات دولية للتفجير الإرهابي المزدوج")
    def feat(ev):
        return features_of(ev, (ev.doc_ids[0], 0), [], Article(ev.doc_ids[0], "", published=ev.date))

    assert score_pair(feat(first), feat(claimed)).features["actors"] == 0.75  # 1 + 0.5 shared of 2
    c = Corpus()
    c.article("t2", "2021-01-21", [(claimed, [("killed", 32, CIV)])])
    c.article("t3", "2021-01-22", [(condemned, [("killed", 32, CIV)])])
    assert groups(link_events(c.events, c.claims, c.articles)) == {frozenset({"t2", "t3"})}
    # a small shared toll is too common to tie them
    c = Corpus()
    c.article("t2", "2021-01-21", [(claimed, [("killed", 4, CIV)])])
    c.article("t3", "2021-01-22", [(condemned, [("killed", 4, CIV)])])
    assert groups(link_events(c.events, c.claims, c.articles)) == {frozenset({"t2"}), frozenset({"t3"})}


def test_a_battle_in_the_province_days_later_is_no_follow_up_of_the_first_days_fighting():
    """Fighting somewhere in a large province three days on, in a report that says losses rose, is
    that day's battle; the same words at the spot (a camp under siege) may still be the same fight."""

    def run(second_place_town: bool):
        c = Corpus()
        c.article("h1", "2022-01-10", [(marib("h1", "2022-01-10", "معارك عنيفة في مديرية الوادي",
                                              event_type="Battles", town=True), [("killed", 12, YEMEN)])])
        later = marib("h2", "2022-01-13", "ارتفاع حصيلة قتلى المعارك في مأرب", event_type="Battles",
                      town=second_place_town)
        later.date_text = "الخميس"
        c.article("h2", "2022-01-13", [(later, [("killed", 30, YEMEN)])])
        return groups(link_events(c.events, c.claims, c.articles))

    assert run(second_place_town=False) == {frozenset({"h1"}), frozenset({"h2"})}
    assert run(second_place_town=True) == {frozenset({"h1", "h2"})}
