"""The store on SQLite and PostgreSQL: idempotent saves, revisions, merges, search and filters."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from marsad.model import Article, Claim, Estimate, Event, Span
from marsad.store import EventFilter, Store
from marsad.store import db as store_db
from marsad.store.engine import MIGRATIONS

HASAKAH_TEXT = "أعلنت قوات سوريا الديمقراطية مقتل 28 عنصراً من داعش في الهجوم على سجن غويران بالحسكة."
BAGHDAD_TEXT = "قالت الشرطة العراقية إن انفجار سيارة مفخخة في بغداد أسفر عن مقتل 5 مدنيين وإصابة 12 آخرين."
MOSUL_TEXT = "ذكرت مصادر محلية أن اشتباكات اندلعت قرب الموصل دون أن تسفر عن إصابات. 50% من السكان نزحوا."


def _span(txt: str, needle: str) -> Span:
    i = txt.index(needle)
    return Span(i, i + len(needle), needle)


def make_run() -> tuple[list[Article], list[Claim], list[Event]]:
    """Three reports, three claims, three incidents (two countries, three dates)."""
    arts = [
        Article(id="h1", text=HASAKAH_TEXT, title="هجوم على سجن الحسكة", published="2022-01-21",
                outlet="Asharq", url="https://example.org/h1"),
        Article(id="b1", text=BAGHDAD_TEXT, title="انفجار في بغداد", published="2021-06-03",
                outlet="Alsumaria"),
        Article(id="m1", text=MOSUL_TEXT, title="اشتباكات قرب الموصل", published="2020-03-10",
                outlet="Shafaq"),
    ]
    s1 = _span(HASAKAH_TEXT, "مقتل 28 عنصراً")
    s2 = _span(BAGHDAD_TEXT, "مقتل 5 مدنيين")
    s3 = _span(BAGHDAD_TEXT, "إصابة 12 آخرين")
    claims = [
        Claim(doc_id="h1", kind="killed", value=28, who="isis", source="sdf", evidence=HASAKAH_TEXT,
              start=s1.start, end=s1.end, spans=[s1], event_id="ev-hasakah"),
        Claim(doc_id="b1", kind="killed", value=5, who="civilians", source="police", start=s2.start,
              end=s2.end, spans=[s2], event_id="ev-baghdad"),
        Claim(doc_id="b1", kind="injured", value=12, who="civilians", source="police", start=s3.start,
              end=s3.end, spans=[s3], event_id="ev-baghdad"),
    ]
    events = [
        Event(event_id="ev-hasakah", event_type="Battles", date="2022-01-20", date_end="2022-01-30",
              country="SYR", admin1="Al-Hasakah", location="Ghwayran", latitude=36.47, longitude=40.75,
              actor1="Islamic State (Syria)", actor2="SDF: Syrian Democratic Forces", doc_ids=["h1"],
              estimates=[Estimate("killed", "isis", 28, 28, 28, n_claims=1, sources=["sdf"])],
              evidence=[_span(HASAKAH_TEXT, "الهجوم")]),
        Event(event_id="ev-baghdad", event_type="Explosions/Remote violence", date="2021-06-03",
              country="IRQ", admin1="Baghdad", location="Baghdad", latitude=33.3, longitude=44.4,
              actor1="Unidentified Armed Group (Iraq)", actors=["Civilians (Iraq)"], doc_ids=["b1"]),
        Event(event_id="ev-mosul", event_type="Battles", date="2020-03-09", country="IRQ", admin1="Ninewa",
              location="Mosul", doc_ids=["m1"], background=True),
    ]
    return arts, claims, events


def count(store: Store, table: str) -> int:
    with store.engine.connect() as c:
        return c.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()


@pytest.fixture
def store(store_url):
    st = Store(store_url)
    st.save_run(*make_run())
    yield st
    st.close()


def test_schema_is_migrated_to_head_and_reopening_is_a_noop(store_url):
    with Store(store_url) as st, st.engine.connect() as c:
        assert c.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == "0007"
    with Store(store_url) as st:  # second open: already at head
        assert st.counts() == {"documents": 0, "claims": 0, "events": 0, "revisions": 0}
    assert (MIGRATIONS / "env.py").exists()


def test_sqlite_uses_wal(tmp_path):
    with Store(f"sqlite:///{tmp_path / 'x.db'}") as st, st.engine.connect() as c:
        assert c.execute(text("PRAGMA journal_mode")).scalar_one() == "wal"


def test_save_twice_creates_no_duplicates(store):
    stats = store.save_run(*make_run())
    changed = (stats.documents_new, stats.documents_updated, stats.events_new, stats.events_updated)
    assert changed == (0, 0, 0, 0)
    assert stats.claims == 3
    assert store.counts() == {"documents": 3, "claims": 3, "events": 3, "revisions": 3}
    assert count(store, "event_documents") == 3


def test_run_corpus_twice_keeps_one_row_per_document(store_url, tmp_path):
    from marsad.run import run_corpus

    sample = Path(__file__).resolve().parents[2] / "marsad" / "data" / "sample" / "docs.jsonl"
    run_corpus([str(sample)], tmp_path / "o1", store_url)
    with Store(store_url) as st:
        first = st.counts()
    run_corpus([str(sample)], tmp_path / "o2", store_url)
    with Store(store_url) as st:
        assert st.counts()["documents"] == first["documents"] == 5
        assert st.counts()["claims"] == first["claims"]
        assert {a.id for a in st.articles()} == {
            "000_be27218d0aa4912c", "001_1510c6594921c962", "002_3927b7b3ff9bdebb",
            "003_1325d8aa5cf6f91d", "004_83e4d0b447c2e189"}


def test_default_url_is_an_absolute_sqlite_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert store_db.default_url(Path("out")) == f"sqlite:///{tmp_path / 'out' / 'marsad.db'}"


def test_load_events_round_trips_the_model(store):
    evs = {e.event_id: e for e in store.load_events()}
    assert set(evs) == {"ev-hasakah", "ev-baghdad", "ev-mosul"}
    h = evs["ev-hasakah"]
    assert h.doc_ids == ["h1"]
    assert h.estimates == [Estimate("killed", "isis", 28, 28, 28, n_claims=1, sources=["sdf"])]
    assert h.evidence == [_span(HASAKAH_TEXT, "الهجوم")]
    assert (h.latitude, h.longitude, h.date_end) == (36.47, 40.75, "2022-01-30")
    assert evs["ev-mosul"].background is True


def test_db_module_functions(store_url):
    arts, claims, events = make_run()
    store_db.save_run(store_url, arts, claims, events)
    ids = sorted(e.event_id for e in store_db.load_events(store_url))
    assert ids == ["ev-baghdad", "ev-hasakah", "ev-mosul"]


def test_claims_keep_evidence_spans_and_are_replaced_per_document(store):
    got = store.claims(doc_id="b1")
    assert [(c.kind, c.value, c.start, c.end) for c in got] == [
        ("killed", 5, BAGHDAD_TEXT.index("مقتل 5"), BAGHDAD_TEXT.index("مقتل 5") + len("مقتل 5 مدنيين")),
        ("injured", 12, BAGHDAD_TEXT.index("إصابة"), BAGHDAD_TEXT.index("إصابة") + len("إصابة 12 آخرين"))]
    assert got[0].spans == [_span(BAGHDAD_TEXT, "مقتل 5 مدنيين")]
    arts, claims, events = make_run()
    store.save_run([arts[1]], [claims[1]], [])  # b1 re-processed: now only the killed claim
    assert [c.kind for c in store.claims(doc_id="b1")] == ["killed"]
    assert [c.kind for c in store.claims(doc_id="h1")] == ["killed"]  # other documents untouched
    total, rows = store.list_claims(event_id="ev-baghdad")
    assert total == 1 and rows[0]["id"] == f"b1:killed:{claims[1].start}-{claims[1].end}:civilians"
    assert rows[0]["outlet"] == "Alsumaria" and rows[0]["published"] == "2021-06-03"


def test_changed_event_gets_a_revision_not_a_silent_edit(store):
    arts, claims, events = make_run()
    ev = copy.deepcopy(events[0])
    ev.estimates = [Estimate("killed", "isis", 28, 374, 374, n_claims=2, sources=["sdf", "iraq_security"])]
    ev.doc_ids = ["h1", "b1"]
    ev.links = [{"a": "h1", "b": "b1", "score": 0.91, "features": {"place": 1.0, "type": 1.0}}]
    stats = store.save_run([], [], [ev])
    assert (stats.events_new, stats.events_updated) == (0, 1)
    revs = store.revisions("ev-hasakah")
    assert [(r["version"], r["action"]) for r in revs] == [(1, "created"), (2, "updated")]
    assert set(revs[1]["changes"]) == {"estimates", "doc_ids", "links"}
    assert revs[1]["changes"]["doc_ids"] == {"old": ["h1"], "new": ["h1", "b1"]}
    assert revs[1]["changes"]["estimates"]["old"][0]["best"] == 28
    assert revs[1]["changes"]["estimates"]["new"][0]["best"] == 374
    detail = store.get_event("ev-hasakah")
    assert detail["version"] == 2
    assert [(d["id"], d["reasons"][0]["score"]) for d in detail["documents"]] == [("h1", 0.91), ("b1", 0.91)]
    assert store.save_run([], [], [ev]).events_updated == 0  # same content again: no new revision
    assert len(store.revisions("ev-hasakah")) == 2


def test_events_absorbed_by_another_are_marked_merged(store):
    arts, claims, events = make_run()
    merged = Event(event_id="ev-iraq", event_type="Battles", date="2021-06-03", country="IRQ",
                   doc_ids=["b1", "m1"], links=[{"doc_id": "m1", "reason": "same place"}])
    assert store.save_run([], [], [merged]).events_merged == 0  # a partial batch marks nothing
    arts, claims, events = make_run()
    stats = store.save_run([], [], [events[0], merged], complete=True)
    assert (stats.events_new, stats.events_merged) == (0, 2)
    active = sorted(e.event_id for e in store.load_events())
    assert active == ["ev-hasakah", "ev-iraq"]
    old = store.get_event("ev-baghdad")
    assert (old["status"], old["merged_into"], old["version"]) == ("merged", "ev-iraq", 2)
    assert store.revisions("ev-mosul")[-1]["changes"]["merged_into"] == {"old": None, "new": "ev-iraq"}
    assert store.get_event("ev-iraq")["documents"][1]["reasons"] == [{"doc_id": "m1", "reason": "same place"}]


@pytest.mark.parametrize(("query", "expected"), [
    ("اعلنت", ["ev-hasakah"]),  # أعلنت in the text: hamza variants match
    ("الحسكه", ["ev-hasakah"]),  # ta marbuta folded; found inside بالحسكة
    ("غويران", ["ev-hasakah"]),
    ("سيارة مفخخة", ["ev-baghdad"]),
    ("Mosul", ["ev-mosul"]),  # event fields, case-insensitive
    ("بغ", ["ev-baghdad"]),  # two letters: below trigram size, still found
    ("_", []),  # LIKE wildcards are literal
    ("%", ["ev-mosul"]),
    ("50%", ["ev-mosul"]),
    ("لا يوجد هذا النص", []),
])
def test_text_search_normalises_arabic(store, query, expected):
    total, rows = store.list_events(EventFilter(q=query))
    assert sorted(r["event_id"] for r in rows) == expected
    assert total == len(expected)


def test_document_search_and_listing(store):
    total, rows = store.list_documents(q="إنفجار")  # إ in the query, ا in the text
    assert total == 1 and rows[0]["id"] == "b1" and "text" not in rows[0]
    total, rows = store.list_documents(limit=2)
    assert total == 3 and [r["id"] for r in rows] == ["h1", "b1"]
    doc = store.get_document("h1")
    assert doc["text"] == HASAKAH_TEXT and doc["event_ids"] == ["ev-hasakah"] and len(doc["claims"]) == 1
    assert store.get_document("nope") is None


@pytest.mark.parametrize(("flt", "expected"), [
    (EventFilter(), ["ev-hasakah", "ev-baghdad", "ev-mosul"]),  # newest first
    (EventFilter(country="irq"), ["ev-baghdad", "ev-mosul"]),
    (EventFilter(admin1="Al-Hasakah"), ["ev-hasakah"]),
    (EventFilter(event_type="battles"), ["ev-hasakah", "ev-mosul"]),
    (EventFilter(actor="islamic state"), ["ev-hasakah"]),
    (EventFilter(actor="civilians"), ["ev-baghdad"]),
    (EventFilter(date_from="2022-01-25"), ["ev-hasakah"]),  # inside its date range
    (EventFilter(date_from="2021-01-01", date_to="2021-12-31"), ["ev-baghdad"]),
    (EventFilter(date_to="2021-06-03"), ["ev-baghdad", "ev-mosul"]),
    (EventFilter(background=False), ["ev-hasakah", "ev-baghdad"]),
    (EventFilter(background=True), ["ev-mosul"]),
    (EventFilter(country="IRQ", q="الموصل"), ["ev-mosul"]),
])
def test_event_filters(store, flt, expected):
    total, rows = store.list_events(flt)
    assert [r["event_id"] for r in rows] == expected and total == len(expected)
    assert [e.event_id for e in store.events(flt)] == expected


def test_pagination(store):
    total, page1 = store.list_events(limit=2, offset=0)
    _, page2 = store.list_events(limit=2, offset=2)
    assert total == 3
    assert [r["event_id"] for r in page1 + page2] == ["ev-hasakah", "ev-baghdad", "ev-mosul"]
    assert store.list_events(limit=2, offset=10) == (3, [])


def test_event_detail_and_facets(store):
    d = store.get_event("ev-baghdad")
    assert [(c["kind"], c["value"], c["outlet"]) for c in d["claims"]] == [
        ("killed", 5, "Alsumaria"), ("injured", 12, "Alsumaria")]
    assert d["documents"] == [{"id": "b1", "ord": 0, "reasons": [], "title": "انفجار في بغداد",
                               "outlet": "Alsumaria", "published": "2021-06-03", "url": None}]
    assert d["revisions"][0]["action"] == "created"
    assert store.get_event("missing") is None
    f = store.facets()
    assert f["country"] == [("IRQ", 2), ("SYR", 1)]
    assert f["event_type"] == [("Battles", 2), ("Explosions/Remote violence", 1)]


def test_event_without_id_is_refused(store):
    with pytest.raises(ValueError, match="event_id"):
        store.save_run([], [], [Event(doc_ids=["h1"])])


def test_changed_document_is_updated_in_place_and_reindexed(store):
    arts, _, _ = make_run()
    arts[2].text = "نص جديد عن تفجير في كركوك"
    stats = store.save_run([arts[2]], [], [])
    assert (stats.documents_new, stats.documents_updated) == (0, 1)
    assert store.get_document("m1")["text"] == "نص جديد عن تفجير في كركوك"
    assert [r["id"] for r in store.list_documents(q="كركوك")[1]] == ["m1"]
    assert store.list_documents(q="السكان")[0] == 0
    assert store.counts()["documents"] == 3


def test_actor_order_alone_is_not_a_revision(store):
    _, _, events = make_run()
    ev = copy.deepcopy(events[1])
    ev.actors = ["Civilians (Iraq)", "Police Forces of Iraq"]
    assert store.save_run([], [], [ev]).events_updated == 1
    ev.actors = ["Police Forces of Iraq", "Civilians (Iraq)"]
    assert store.save_run([], [], [ev]).events_updated == 0
    assert [r["action"] for r in store.revisions("ev-baghdad")] == ["created", "updated"]


def test_migrations_match_the_models(store_url):
    """The first revision creates exactly the tables and columns of marsad/store/models.py."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from marsad.store.models import Base

    with Store(store_url) as st, st.engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), Base.metadata)

    def expected(d) -> bool:  # the full-text machinery lives only in the migration, on purpose
        if not isinstance(d, tuple):
            return False
        return ((d[0] == "remove_table" and d[1].name.startswith(("documents_fts", "events_fts")))
                or (d[0] == "remove_index" and d[1].name.endswith("_search_trgm")))

    assert [d for d in diffs if not expected(d)] == []


def test_migrations_downgrade_and_upgrade_again(store_url):
    from alembic import command

    from marsad.store.engine import _alembic_config

    with Store(store_url) as st:
        st.save_run(*make_run())
        cfg = _alembic_config()
        with st.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0001")
        with st.engine.connect() as conn:
            cols = {c["name"] for c in inspect(conn).get_columns("events")}
        assert "fatalities" not in cols
    with Store(store_url) as st:  # opening upgrades again, and 0002 fills the new column
        assert st.map_points(EventFilter(country="SYR"))[0]["killed"] == 28
        with st.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "base")
    with Store(store_url) as st:
        assert st.counts() == {"documents": 0, "claims": 0, "events": 0, "revisions": 0}
