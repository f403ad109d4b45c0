"""Linking against the store reads only the candidate incidents of the batch's blocks (country, date
window) and the incidents already holding its reports, not the whole store."""

from __future__ import annotations

from linkcorpus import Corpus, make_event

from marsad.link.linker import StoreBlock, link_events, store_blocks
from marsad.store.store import Store

ISIS, SDF, IRAQ = "Islamic State (ISIS)", "Syrian Democratic Forces (SDF)", "Military Forces of Iraq"


def hasakah(doc: str, date: str):
    return make_event(doc, date, place="Al-Hasakah", lat=36.50, lon=40.75, admin1="Al-Hasakeh", country="SYR",
                      event_type="Battles", actors=[ISIS, SDF], evidence="اشتباكات في مدينة الحسكة")


def mosul(doc: str, date: str):
    return make_event(doc, date, place="Mosul", lat=36.34, lon=43.13, admin1="Ninewa", country="IRQ",
                      event_type="Battles", actors=[ISIS, IRAQ], evidence="اشتباكات في مدينة الموصل")


def test_blocks_cover_each_country_s_days_widened_and_joined():
    events = [hasakah("a", "2022-01-20"), hasakah("b", "2022-01-25"), mosul("c", "2023-05-01"),
              hasakah("d", "2022-06-30")]
    undated = hasakah("e", "2022-01-20")
    undated.date = undated.date_end = None
    nowhere = hasakah("f", "2022-01-22")
    nowhere.country = None
    assert store_blocks([*events, undated, nowhere]) == [
        StoreBlock(None, "2022-01-12", "2022-02-01"),
        StoreBlock("IRQ", "2023-04-21", "2023-05-11"),
        StoreBlock("SYR", "2022-01-10", "2022-02-04"),  # the 20th and the 25th: one window
        StoreBlock("SYR", "2022-06-20", "2022-07-10"),  # five months later: a window of its own
    ]


def _stored(tmp_path) -> str:
    """A store with three incidents: Hasakah in January 2022, Hasakah in June 2021, Mosul in January 2022."""
    url = f"sqlite:///{tmp_path / 'blocks.db'}"
    c = Corpus()
    c.article("old", "2021-06-02", [(hasakah("old", "2021-06-01"), [])])
    c.article("jan", "2022-01-20", [(hasakah("jan", "2022-01-20"), [])])
    c.article("mos", "2022-01-20", [(mosul("mos", "2022-01-20"), [])])
    incidents = link_events(c.events, c.claims, c.articles)
    with Store(url) as store:
        store.save_run(list(c.articles.values()), [], incidents, complete=True)
    return url


def test_only_the_batch_s_candidate_incidents_are_read(tmp_path):
    url = _stored(tmp_path)
    new = Corpus()
    new.article("new", "2022-01-21", [(hasakah("new", "2022-01-21"), [])])
    blocks = [(b.country, b.first, b.last) for b in store_blocks(new.events)]
    with Store(url) as store:
        candidates = store.candidate_events(blocks, ["new"])
        assert [e.doc_ids for e in candidates] == [["jan"]]  # not June 2021, not Mosul
        linked = link_events(new.events, new.claims, new.articles, existing=candidates)
    assert [sorted(e.doc_ids) for e in linked] == [["jan", "new"]]


def test_a_re_run_reads_the_incident_already_holding_its_report(tmp_path):
    url = _stored(tmp_path)
    again = Corpus()  # the June 2021 report again, now dated (wrongly) in 2022 by a changed extractor
    again.article("old", "2021-06-02", [(hasakah("old", "2022-03-01"), [])])
    blocks = [(b.country, b.first, b.last) for b in store_blocks(again.events)]
    with Store(url) as store:
        candidates = store.candidate_events(blocks, ["old"])
        assert [e.doc_ids for e in candidates] == [["old"]]
        linked = link_events(again.events, again.claims, again.articles, existing=candidates)
    assert [e.doc_ids for e in linked] == [["old"]]  # re-attached, not a second incident
