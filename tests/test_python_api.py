"""The Python API (marsad.api): records in, claims and incidents out, the same as `marsad run`; bad
records are errors and the others go on; save and query a store with keyword filters."""

from __future__ import annotations

import json
from pathlib import Path

import marsad.api as marsad
from marsad.run import run_corpus

SAMPLE = Path(__file__).resolve().parents[1] / "marsad" / "data" / "sample" / "docs.jsonl"


def records() -> list[dict]:
    return [json.loads(line) for line in SAMPLE.open(encoding="utf-8")]


def jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.open(encoding="utf-8")]


def test_process_equals_the_command_line_run(tmp_path):
    result = marsad.process(records())
    run_corpus([str(SAMPLE)], tmp_path / "out", f"sqlite:///{tmp_path / 'cli.db'}")
    dicts = result.to_dicts()
    assert dicts["claims"] == jsonl(tmp_path / "out" / "claims.jsonl")
    assert dicts["events"] == jsonl(tmp_path / "out" / "events.jsonl")
    assert dicts["errors"] == [] and len(result.articles) == 5
    hasakah = max(result.events, key=lambda e: len(e.doc_ids))
    assert len(hasakah.doc_ids) == 5 and any(e.kind == "killed" for e in hasakah.estimates)
    assert any(c.kind == "killed" and c.value == 374 and c.event_id == hasakah.event_id
               for c in result.claims)


def test_extract_then_link_and_bad_records_do_not_stop_the_others():
    bad = [{"id": "empty", "text": "  "}, "not a dict", {"id": "en", "text": "English " * 40}]
    recs = records()[3:5] + bad
    per_article = marsad.extract(recs)
    assert [a.id for a in per_article.articles] == [r["id"] for r in recs[:2]]
    assert [(e.input, e.reason) for e in per_article.errors] == [
        ("record 2", "no article text (field 'text' missing or empty)"),
        ("record 3", "not a dict but str"),
        ("record 4", "not Arabic: 0% of letters are Arabic")]
    assert all(len(ev.doc_ids) == 1 for ev in per_article.events)
    linked = marsad.link(per_article)
    [both] = [ev for ev in linked.events if len(ev.doc_ids) == 2]  # the prison attack, in both reports
    assert both.links and both.estimates


def test_save_and_query_with_keyword_filters(tmp_path):
    url = f"sqlite:///{tmp_path / 'api.db'}"
    result = marsad.process(records())
    marsad.save(result, url)
    marsad.save(result, url)  # idempotent
    found = marsad.query(url, country="syr", actor="داعش", date_from="2022-01-01")
    assert [e["event_id"] for e in found] == [max(result.events, key=lambda e: len(e.doc_ids)).event_id]
    assert found[0]["deaths"]["best"] > 0
    assert [e["country"] for e in marsad.query(url, country="IRQ")] == ["IRQ"]
    assert marsad.query(url, country="LBY") == []
    assert marsad.query(url, date_to="2021-12-31") == []
    with marsad.open_store(url) as store:
        assert store.counts()["documents"] == 5
