"""One rule for an event's deaths: the web table, the map, the event page, ACLED `fatalities` and UCDP
`best` all give the same figure, for every event of the public and wide gold sets.

The rule (docs/reconciliation.md, "An event's deaths") is re-stated here from the estimates alone, so
the test fails if any consumer drifts from it or if the shared function stops following the document.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from marsad import lang
from marsad.export.acled import acled_rows
from marsad.export.source import load_db
from marsad.export.ucdp import ucdp_rows
from marsad.model import Estimate, Event
from marsad.reconcile.fatalities import event_deaths
from marsad.run import run_corpus
from marsad.serve.app import create_app


def documented_rule(estimates: list[dict]) -> int | None:
    """docs/reconciliation.md: each group's best; a subgroup of a present group left out; the rest
    added; an overall toll of unnamed people replaces the sum when larger."""
    killed = [e for e in estimates if e["kind"] == "killed" and e.get("best") is not None]
    if not killed:
        return None
    tolls = lang.load("tolls")
    general, subgroups = set(tolls["general_groups"]), tolls["subgroups"]
    present = {e["who"] for e in killed}
    groups = sum(e["best"] for e in killed
                 if e["who"] not in general and subgroups.get(e["who"]) not in present)
    overall = max((e["best"] for e in killed if e["who"] in general), default=0)
    return max(groups, overall)


@pytest.fixture(scope="module", params=["public", "wide"])
def ran(request, tmp_path_factory, eval_kit):
    docs = eval_kit / request.param / "docs.jsonl"
    if not docs.exists():
        pytest.skip(f"no gold set at {docs}")
    out = tmp_path_factory.mktemp(request.param)
    url = f"sqlite:///{out / 'marsad.db'}"
    run_corpus([str(docs)], out, url)
    events = [json.loads(line) for line in (out / "events.jsonl").open(encoding="utf-8")]
    return url, {e["event_id"]: e for e in events}


def test_every_consumer_follows_the_documented_rule(ran, monkeypatch):
    url, events = ran
    expected = {eid: documented_rule(e["estimates"]) for eid, e in events.items()}
    assert any(v for v in expected.values())
    acled = {r["event_id_cnty"]: r["fatalities"] for r in acled_rows(load_db(url))}
    ucdp = {r["id"]: r["best"] for r in ucdp_rows(load_db(url))}
    for eid, e in events.items():
        if e.get("background"):
            continue
        assert acled[eid] == (expected[eid] or 0), eid
        assert ucdp.get(eid, 0) == (expected[eid] or 0), eid  # GED has no zero-death rows
    monkeypatch.delenv("MARSAD_TOKEN", raising=False)
    with TestClient(create_app(url)) as web:
        listed: dict[str, str] = {}
        page = 1
        while True:
            html = web.get(f"/?page={page}").text
            rows = re.findall(r'<tr class="event-row" data-event-id="([^"]+)">.*?'
                              r'<td class="num">([^<]*)</td>', html, re.S)
            if not rows:
                break
            listed.update(rows)
            page += 1
        block = re.search(r'<script type="application/json" id="map-points">(.*?)</script>',
                          web.get("/").text, re.S).group(1)
        points = {p["id"]: p["killed"] for p in json.loads(block)}
        for eid in events:
            want = expected[eid]
            assert listed[eid] == ("" if want is None else str(want)), eid
            if eid in points:
                assert points[eid] == want, eid
        for eid in [e for e, v in expected.items() if v][:8]:  # the event page states the same figure
            html = web.get(f"/events/{eid}").text
            assert f'<span class="num" id="deaths-best">{expected[eid]}</span>' in html


def test_the_rule_keeps_how_it_was_reached():
    """Children counted inside civilians, an overall toll smaller than the groups: all shown, not added."""
    ev = Event(event_id="E", estimates=[
        Estimate("killed", "Civilians", 16, 43, 43, disputed=True),
        Estimate("killed", "Children", 5, 7, 7),
        Estimate("killed", "Unidentified persons", 9, 9, 40),
        Estimate("killed", "Military Forces of Turkey", 2, 2, 2),
        Estimate("injured", "Civilians", 10, 10, 10),
    ])
    d = event_deaths(ev)
    assert (d.best, d.high, d.disputed) == (45, 45, True)
    assert [(p.who, p.best, p.counted, p.why) for p in d.parts] == [
        ("Civilians", 43, True, "group"), ("Children", 7, False, "inside:Civilians"),
        ("Military Forces of Turkey", 2, True, "group"),
        ("Unidentified persons", 9, False, "overall_smaller")]
    assert event_deaths(Event(event_id="F")) is None


def test_reconciliation_doc_states_the_rule():
    doc = (Path(__file__).resolve().parents[1] / "docs" / "reconciliation.md").read_text(encoding="utf-8")
    assert "## An event's deaths" in doc and "event_deaths" in doc
