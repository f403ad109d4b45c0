"""The end of a run streams from the journal: the claims of reports with no article event are never
held in memory (linking and reconciling read no such claim); they are read from the journal into the
commit and claims.jsonl, in input order, between the linked reports' claims."""

from __future__ import annotations

import json
from pathlib import Path

import marsad.run
from marsad.model import Article, Claim, Event
from marsad.run import RunClaims, document_row, run_corpus
from marsad.store.journal import DoneReport, Journal, run_key
from marsad.store.store import Store

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "marsad" / "data" / "sample" / "docs.jsonl"
FOLLOWUPS = ROOT / "tests" / "link" / "data" / "followups.jsonl"


def _report(seq: int, doc_id: str, claims: list[Claim], events: list[Event], error: str | None = None
            ) -> DoneReport:
    art = Article(id=doc_id, text="نص", published="2020-03-01")
    return DoneReport(seq, art, f"h{seq}", document_row(art), claims, events, b"", error)


def test_run_claims_read_the_unlinked_reports_from_the_journal_in_input_order(tmp_path):
    journal = Journal(Store(f"sqlite:///{tmp_path / 'j.db'}"))
    key = run_key(["in.jsonl"], "/out")
    journal.start(key)
    journal.save_chunk(key, [
        _report(0, "quiet", [Claim("quiet", "killed", 3, evidence="قتل ثلاثة")], []),
        _report(1, "strike", [Claim("strike", "injured", 7, event_index=0)], [Event(doc_ids=["strike"])]),
        _report(2, "broken", [], [], error="stage failed"),
        _report(3, "later", [Claim("later", "arrested", 2), Claim("later", "killed", 1)], []),
    ])
    linked = {"strike": [Claim("strike", "injured", 7, event_id="ev-1", event_index=0)]}
    claims = RunClaims(journal, key, linked, 4)
    got = [(c.doc_id, c.kind, c.value, c.event_id, c.evidence) for c in claims]
    assert got == [("quiet", "killed", 3, None, "قتل ثلاثة"), ("strike", "injured", 7, "ev-1", ""),
                   ("later", "arrested", 2, None, ""), ("later", "killed", 1, None, "")]
    assert [c.kind for c in claims] == ["killed", "injured", "arrested", "killed"]  # read again, the same
    assert next(c for c in claims if c.doc_id == "strike") is linked["strike"][0]  # linking's own object
    assert len(claims) == 4


def test_a_run_links_only_the_claims_of_reports_with_an_event_and_writes_all(tmp_path, monkeypatch):
    seen: dict[str, set[str]] = {}
    real = marsad.run.link_events

    def spy(events, claims, articles, existing=None):
        seen["claims"] = {c.doc_id for c in claims}
        seen["events"] = {ev.doc_ids[0] for ev in events}
        return real(events, claims, articles, existing=existing)

    real_process = marsad.run.process_articles

    def without_events(articles, nlp=None, on_done=None):
        """The first report with claims in each chunk keeps its claims but loses its events (a report
        that states figures of no current incident)."""
        results = real_process(articles, nlp, on_done)
        res = next((r for r in results if r.claims), None)
        if res is not None:
            res.events = []
            for c in res.claims:
                c.event_index = None
        return results

    monkeypatch.setattr(marsad.run, "link_events", spy)
    monkeypatch.setattr(marsad.run, "process_articles", without_events)
    out = tmp_path / "out"
    summary = run_corpus([str(SAMPLE), str(FOLLOWUPS)], out)
    lines = [json.loads(x) for x in (out / "claims.jsonl").read_text(encoding="utf-8").splitlines()]
    assert seen["claims"] <= seen["events"]
    quiet = {c["doc_id"] for c in lines} - seen["events"]
    assert quiet  # reports with claims and no event: written, never linked
    assert all(c["event_id"] is None for c in lines if c["doc_id"] in quiet)
    assert len(lines) == summary.claims
    # in input order: each report's claims together, reports as documents.jsonl lists them
    docs = [json.loads(x)["id"] for x in (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()]
    order = list(dict.fromkeys(c["doc_id"] for c in lines))
    assert order == [d for d in docs if d in set(order)]
    assert len(order) == len({c["doc_id"] for c in lines})
