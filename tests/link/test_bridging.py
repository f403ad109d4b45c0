"""Incremental runs: a new report that links two stored incidents merges them; the store records it."""

from __future__ import annotations

import copy

from linkcorpus import Corpus, make_event

from marsad.link.linker import link_events
from marsad.reconcile.estimates import reconcile
from marsad.store.store import Store

ISIS, SDF = "Islamic State (ISIS)", "Syrian Democratic Forces (SDF)"
PRISON, CITY = "curated:syr-sinaa-prison", "wof:421168649"  # gazetteer ids: a prison inside al-Hasakah


def at(doc, date, place_id, lat, lon, date_end=None):
    ev = make_event(doc, date, date_end=date_end, place=place_id, lat=lat, lon=lon, admin1="Al-Hasakeh",
                    country="SYR", event_type="Battles", actors=[ISIS, SDF], evidence=f"نص {doc}")
    ev.place_id = place_id
    return ev


def one(doc, published, ev, figures=()):
    c = Corpus()
    c.article(doc, published, [(ev, list(figures))])
    return c


def linked(c: Corpus, existing=None):
    incidents = link_events(c.events, c.claims, c.articles, existing=existing)
    reconcile(incidents, c.claims, c.articles)
    return incidents


def stored_apart():
    """Two earlier runs stored the prison report and the city report as two incidents."""
    first = linked(one("p1", "2022-01-21", at("p1", "2022-01-20", PRISON, 36.468, 40.742),
                       [("killed", 16, ISIS)]))
    second = linked(one("p2", "2022-01-22", at("p2", "2022-01-21", CITY, 36.502, 40.748),
                        [("killed", 28, ISIS)]), existing=copy.deepcopy(first))
    assert len(second) == 2
    return second


def bridging_report():
    return one("p3", "2022-01-31", at("p3", "2022-01-22", PRISON, 36.468, 40.742, date_end="2022-01-30"),
               [("killed", 374, ISIS)])


def test_report_bridging_two_stored_incidents_merges_them_under_the_smaller_id():
    stored = stored_apart()
    out = linked(bridging_report(), existing=copy.deepcopy(stored))
    assert len(out) == 1
    ev = out[0]
    assert ev.event_id == min(e.event_id for e in stored)
    assert ev.doc_ids == ["p1", "p2", "p3"]  # stored reports first, then the new one
    assert ev.date == "2022-01-20" and ev.date_end == "2022-01-30"
    assert any(link["rule"] in ("merged incidents", "bridged stored incidents") for link in ev.links)
    killed = [e for e in ev.estimates if e.kind == "killed"]
    assert [(e.who, e.best, e.n_claims) for e in killed] == [(ISIS, 374, 3)]
    # the order of the stored incidents does not matter
    again = linked(bridging_report(), existing=copy.deepcopy(stored[::-1]))
    assert [(e.event_id, sorted(e.doc_ids)) for e in again] == [(ev.event_id, sorted(ev.doc_ids))]


def test_unrelated_new_report_does_not_merge_stored_incidents():
    stored = stored_apart()
    far = make_event("q1", "2022-01-21", place="Qamishli", lat=37.05, lon=41.22, admin1="Al-Hasakeh",
                     country="SYR", event_type="Battles", actors=[ISIS, SDF], evidence="نص q1")
    out = linked(one("q1", "2022-01-22", far), existing=copy.deepcopy(stored))
    assert sorted(len(e.doc_ids) for e in out) == [1, 1, 1]


def test_store_marks_the_absorbed_incident_merged_with_a_revision(tmp_path):
    url = f"sqlite:///{tmp_path / 'm.db'}"
    first = linked(one("p1", "2022-01-21", at("p1", "2022-01-20", PRISON, 36.468, 40.742)))
    c2 = one("p2", "2022-01-22", at("p2", "2022-01-21", CITY, 36.502, 40.748))
    c1 = one("p1", "2022-01-21", at("p1", "2022-01-20", PRISON, 36.468, 40.742))
    with Store(url) as store:
        store.save_run(list(c1.articles.values()), [], first, complete=True)
        second = linked(c2, existing=store.load_events())
        store.save_run(list(c2.articles.values()), [], second, complete=True)
        assert len(store.load_events()) == 2
        c3 = bridging_report()
        third = linked(c3, existing=store.load_events())
        store.save_run(list(c3.articles.values()), [], third, complete=True)
        active = store.load_events()
        assert len(active) == 1 and sorted(active[0].doc_ids) == ["p1", "p2", "p3"]
        gone = ({e.event_id for e in second} - {active[0].event_id}).pop()
        assert [r["action"] for r in store.revisions(gone)][-1] == "merged"


def test_stored_incidents_one_article_told_apart_are_not_bridged():
    """One article reported yesterday's strikes and today's new strike on Afrin: a later report of
    yesterday's strikes that also scores against today's does not merge them."""
    turkey, civ = "Military Forces of Turkey", "Civilians"

    def afrin(doc, date, evidence):
        return make_event(doc, date, place="Afrin", lat=36.51, lon=36.87, admin1="Aleppo", country="SYR",
                          event_type="Explosions/Remote violence", actors=[turkey, civ], evidence=evidence)

    c = Corpus()
    yesterday = afrin("a4", "2018-03-16", "القصف التركي على عفرين أمس")
    today = afrin("a4", "2018-03-17", "غارة جديدة على عفرين اليوم")
    c.article("a4", "2018-03-17", [(yesterday, [("killed", 43, civ)]), (today, [("killed", 11, civ)])])
    stored = linked(c)
    assert len(stored) == 2
    late = one("a5", "2018-03-17", afrin("a5", "2018-03-16", "غارة جديدة على عفرين اليوم أمس القصف التركي"),
               [("killed", 43, civ)])
    out = linked(late, existing=copy.deepcopy(stored))
    assert sorted(sorted(e.doc_ids) for e in out) == [["a4"], ["a4", "a5"]]


def test_incremental_run_compares_with_each_stored_report_like_a_full_run():
    """A stored incident reported at Gaza City and at province level: a Beit Hanoun report of the same
    day links through the province-level report, in one run or two."""
    hamas, civ = "Hamas", "Civilians"

    def gaza(doc, place, lat, lon, evidence, precision=1):
        return make_event(doc, "2018-03-13", place=place, lat=lat, lon=lon, admin1="Gaza Strip",
                          country="PSE", event_type="Explosions/Remote violence", actors=[hamas, civ],
                          evidence=evidence, precision=precision)

    def corpus(docs):
        c = Corpus()
        for doc, ev, figures in docs:
            c.article(doc, "2018-03-13", [(ev, figures)])
        return c

    reports = [("g1", gaza("g1", "Gaza City", 31.52, 34.45, "تفجير موكب رئيس الوزراء في غزة"), []),
               ("g2", gaza("g2", "Gaza Strip", 31.4, 34.38, "انفجار عبوة بموكب الحمد الله", precision=3),
                [("injured", 7, civ)]),
               ("g3", gaza("g3", "Beit Hanoun", 31.54, 34.54, "استهداف موكب الحمد الله في بيت حانون"), [])]
    full = linked(corpus(copy.deepcopy(reports)))
    assert [sorted(e.doc_ids) for e in full] == [["g1", "g2", "g3"]]
    stored = linked(corpus(copy.deepcopy(reports[:2])))
    assert [e.location for e in stored] == ["Gaza City"]
    again = linked(corpus(copy.deepcopy(reports[2:])), existing=copy.deepcopy(stored))
    assert [sorted(e.doc_ids) for e in again] == [["g1", "g2", "g3"]]
    assert again[0].event_id == stored[0].event_id
