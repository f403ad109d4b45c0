"""Partitioned linking (marsad.link.partition): blocks of reports that cannot meet, linked apart (on
Dask workers or one after another), give exactly the single-process linker's incidents, ids and claim
event ids."""

from __future__ import annotations

import copy
import json

import pytest

from marsad.link.linker import link_events
from marsad.link.partition import REACH_DAYS, link_partitioned, pack, partition
from marsad.model import Article, Claim, Event, Span
from marsad.reconcile.estimates import reconcile


def _event(doc: str, date: str | None, country: str | None, location: str = "حلب", **kw) -> Event:
    ev = Event(event_type="Explosions/Remote violence", sub_event_type="Shelling/artillery/missile attack",
               date=date, country=country, location=location, admin1=location, geo_precision=1,
               doc_ids=[doc], evidence=[Span(0, 10, "قصف مدفعي")], **kw)
    return ev


def _article(doc: str, published: str, text: str = "قصف مدفعي على المدينة اليوم وسقوط قتلى") -> Article:
    return Article(id=doc, text=text, title=text[:20], published=published)


def _outputs(incidents: list[Event], claims: list[Claim]) -> tuple[list[str], list]:
    return ([json.dumps(e.to_dict(), ensure_ascii=False, sort_keys=True) for e in incidents],
            [(c.doc_id, c.event_id) for c in claims])


def test_reports_that_cannot_meet_are_separate_blocks_and_bridges_join_them():
    events = [
        _event("a", "2018-03-01", "SYR"),
        _event("b", "2018-03-02", "SYR"),  # overlaps a
        _event("c", "2018-06-01", "SYR"),  # months later: a block of its own
        _event("d", "2018-03-01", "IRQ", location="الموصل"),  # another country, same days
        _event("e", "2018-06-03", None, location="مكان"),  # unknown country: may be Syria's c
    ]
    arts = {d: _article(d, e.date) for d, e in zip("abcde", events, strict=True)}
    blocks = partition(events, [], arts)
    assert sorted(sorted(b.doc_ids) for b in blocks) == [["a", "b"], ["c", "e"], ["d"]]


def test_the_events_of_one_article_stay_in_one_block_with_its_claims():
    events = [_event("a", "2018-03-01", "SYR"), _event("a", "2018-09-01", "IRQ"),
              _event("b", "2018-09-02", "IRQ")]
    claims = [Claim(doc_id="a", kind="killed", value=3, event_index=1),
              Claim(doc_id="z", kind="killed", value=4)]  # an article with no event: no block
    blocks = partition(events, claims, {})
    assert [sorted(b.doc_ids) for b in blocks] == [["a", "b"]]
    assert blocks[0].claims == [claims[0]]


def test_the_reach_bounds_a_block_a_quiet_stretch_cuts_it():
    gap = 2 * REACH_DAYS
    events = [_event("a", "2018-03-01", "SYR"), _event("b", f"2018-03-{1 + gap:02d}", "SYR"),
              _event("c", f"2018-03-{2 + gap:02d}", "SYR")]
    assert len(partition(events, [], {})) == 1  # reaches touch: one block
    events[1].date = events[1].date_end = f"2018-03-{2 + gap:02d}"
    assert sorted(len(b.events) for b in partition(events, [], {})) == [1, 2]


def test_an_undated_report_joins_every_block_of_its_country():
    events = [_event("a", "2018-03-01", "SYR"), _event("b", "2018-09-01", "SYR"), _event("c", None, "SYR"),
              _event("d", "2018-09-01", "IRQ")]
    assert sorted(sorted(b.doc_ids) for b in partition(events, [], {})) == [["a", "b", "c"], ["d"]]


def test_a_stored_incident_and_the_reports_it_records_are_one_block():
    stored = _event("old", "2018-01-01", "SYR")
    stored.event_id = "SYR-20180101-x"
    stored.links = [{"doc_id": "a", "event_index": 0, "rule": "first report"}]
    events = [_event("a", "2018-05-01", "SYR")]  # re-read months later (a changed date): re-attaches
    blocks = partition(events, [], {}, existing=[stored])
    assert len(blocks) == 1 and blocks[0].existing == [stored]


def test_pack_spreads_blocks_over_tasks_by_size():
    events = [_event(f"d{i}", f"2018-{1 + i:02d}-01", "SYR") for i in range(6)]
    blocks = partition(events, [], {})
    tasks = pack(blocks, 4)
    assert len(tasks) == 4 and sorted(len(t) for t in tasks) == [1, 1, 2, 2]
    assert pack(blocks, 100) == [[b] for b in blocks]


@pytest.fixture(scope="module")
def gold_reports(eval_kit):
    """Article events, claims and articles of dev, public and wide, processed once."""
    from marsad import pipeline
    from marsad.ingest.readers import read_inputs
    from marsad.run import process_articles

    nlp = pipeline.build()
    out = {}
    for name in ("dev", "public", "wide"):
        path = eval_kit / name / "docs.jsonl"
        if not path.exists():
            pytest.skip(f"no gold set at {path}")
        arts = [a for a in read_inputs([str(path)]) if isinstance(a, Article)]
        results = process_articles(arts, nlp)
        out[name] = ([e for r in results for e in r.events], [c for r in results for c in r.claims],
                     {r.article.id: r.article for r in results})
    return out


@pytest.mark.parametrize("name", ["dev", "public", "wide"])
def test_partitioned_linking_equals_the_single_process_linker_on_the_gold_sets(gold_reports, name):
    events, claims, articles = gold_reports[name]
    one = (copy.deepcopy(events), copy.deepcopy(claims))
    whole = link_events(one[0], one[1], articles)
    reconcile(whole, one[1], articles)
    apart = (copy.deepcopy(events), copy.deepcopy(claims))
    seen: list[tuple[int, int]] = []
    parts = link_partitioned(apart[0], apart[1], articles, on_block=lambda k, n: seen.append((k, n)))
    reconcile(parts, apart[1], articles)
    assert _outputs(parts, apart[1]) == _outputs(whole, one[1])
    assert len(seen) == len(partition(events, claims, articles)) and seen[-1][0] == seen[-1][1]
    if name == "wide":  # 104 reports of many countries and months: many blocks
        assert len(seen) > 10


def test_partitioned_linking_on_dask_workers_equals_the_single_process_linker(gold_reports):
    from dask.distributed import Client, LocalCluster

    events, claims, articles = gold_reports["wide"]
    one = (copy.deepcopy(events), copy.deepcopy(claims))
    whole = link_events(one[0], one[1], articles)
    apart = (copy.deepcopy(events), copy.deepcopy(claims))
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None)
    with cluster, Client(cluster) as client:
        parts = link_partitioned(apart[0], apart[1], articles, client=client)
    assert _outputs(parts, apart[1]) == _outputs(whole, one[1])
    assert [e.event_id for e in apart[0]] == [e.event_id for e in one[0]]


@pytest.mark.parametrize("name", ["dev", "public", "wide"])
def test_reconciling_each_block_where_it_is_linked_equals_reconciling_the_whole_run(gold_reports, name):
    events, claims, articles = gold_reports[name]
    one = (copy.deepcopy(events), copy.deepcopy(claims))
    whole = link_events(one[0], one[1], articles)
    reconcile(whole, one[1], articles)
    apart = (copy.deepcopy(events), copy.deepcopy(claims))
    duplicates = {d: a.duplicate_of for d, a in articles.items() if a.duplicate_of}
    parts = link_partitioned(apart[0], apart[1], articles, run_docs=set(articles), duplicates=duplicates)
    assert _outputs(parts, apart[1]) == _outputs(whole, one[1])
    assert sum(len(e.estimates) for e in parts) > 10  # the incidents do get estimates


def test_a_block_reconciled_alone_does_not_count_a_repost_whose_original_is_in_another_block():
    # the repost (b) and its original (a) are a year apart: two blocks; the original is in the run,
    # so b's figure is not counted, as when the whole run is reconciled at once
    a = _event("a", "2020-01-05", "SYR")
    b = _event("b", "2021-01-05", "SYR")
    arts = {"a": _article("a", "2020-01-05"), "b": _article("b", "2021-01-05")}
    arts["b"].duplicate_of = "a"
    claim = Claim(doc_id="b", kind="killed", value=7, event_index=0, evidence="قتل 7")
    parts = link_partitioned([a, b], [claim], arts, run_docs={"a", "b"}, duplicates={"b": "a"})
    assert len(partition([a, b], [claim], arts)) == 2
    incident_b = next(e for e in parts if e.doc_ids == ["b"])
    assert incident_b.estimates == []
    alone = link_partitioned(copy.deepcopy([b]), [copy.deepcopy(claim)], {"b": arts["b"]}, run_docs={"b"},
                             duplicates={"b": "a"})  # the original not in the run: the figure counts
    assert [(e.kind, e.best) for e in alone[0].estimates] == [("killed", 7)]


def test_the_leads_of_a_journal_are_read_for_the_one_day_events_only(tmp_path):
    """`_leads` reads the title and opening of the articles with a one-day event; from a run journal it
    reads those alone (StoredArticles.read_many), and they equal the leads of the same articles in a dict."""
    from marsad.link.partition import _leads
    from marsad.run import document_row
    from marsad.store.journal import DoneReport, Journal, StoredArticles, run_key
    from marsad.store.store import Store

    arts = [Article("day", "لليوم الثالث على التوالي قصف المدينة", title="قصف", published="2018-03-02"),
            Article("span", "معارك مستمرة منذ أسبوع", title="معارك", published="2018-03-02"),
            Article("quiet", "بيان سياسي", title="بيان", published="2018-03-02")]
    events = [_event("day", "2018-03-02", "SYR"), _event("span", "2018-03-01", "SYR", date_end="2018-03-05")]
    journal = Journal(Store(f"sqlite:///{tmp_path / 'j.db'}"))
    key = run_key(["in.jsonl"], "/out")
    journal.start(key)
    journal.save_chunk(key, [DoneReport(i, a, f"h{i}", document_row(a), [], [], b"")
                             for i, a in enumerate(arts)])
    stored = StoredArticles(journal, key, [a.id for a in arts], {})
    assert _leads(events, stored) == _leads(events, {a.id: a for a in arts}) == {
        "day": " قصف لليوم الثالث على التوالي قصف المدينة"}
    assert list(stored.read_many(["quiet", "nowhere"])) == ["quiet"]
    assert stored.cache == {}  # read once, not kept
