"""Where the exports read incidents, claims and reports: the store (`--db URL`) or a run folder.

A run folder is what `marsad run --out DIR` writes (events.jsonl, claims.jsonl, documents.jsonl), so
exports work without a database. Both paths apply the same filters (date range, country, type).
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field, fields
from pathlib import Path

from marsad.model import Article, Claim, Estimate, Event, Span


@dataclass
class ExportFilter:
    """`--since`/`--until` (ISO dates; an event matches when its [date, date_end] overlaps them),
    `--country` (ISO3) and `--type` (ACLED event type), all optional."""

    since: str | None = None
    until: str | None = None
    country: str | None = None
    event_type: str | None = None

    def accepts(self, ev: Event) -> bool:
        start, end = ev.date or "", ev.date_end or ev.date or ""
        if self.since and (not end or end[:10] < self.since):
            return False
        if self.until and (not start or start[:10] > self.until):
            return False
        if self.country and (ev.country or "").upper() != self.country.upper():
            return False
        return not (self.event_type and (ev.event_type or "").lower() != self.event_type.lower())


@dataclass
class ExportData:
    events: list[Event]
    claims: dict[str, list[Claim]] = field(default_factory=dict)  # event_id -> claims
    articles: dict[str, Article] = field(default_factory=dict)


def _build(cls, d: dict):
    names = {f.name for f in fields(cls)}
    return cls(**{k: v for k, v in d.items() if k in names})


def event_from_row(d: dict) -> Event:
    ev = _build(Event, d)
    ev.estimates = [_build(Estimate, e) if isinstance(e, dict) else e for e in ev.estimates or []]
    ev.evidence = [_build(Span, s) if isinstance(s, dict) else s for s in ev.evidence or []]
    return ev


def claim_from_row(d: dict) -> Claim:
    c = _build(Claim, d)
    c.spans = [_build(Span, s) if isinstance(s, dict) else s for s in c.spans or []]
    return c


def _jsonl(path: Path) -> list[dict]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def group_claims(claims: list[Claim]) -> dict[str, list[Claim]]:
    out: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        if c.event_id:
            out[c.event_id].append(c)
    return dict(out)


def load_run_dir(path: Path, flt: ExportFilter | None = None) -> ExportData:
    """Incidents, claims and documents of a run folder, filtered."""
    flt = flt or ExportFilter()
    events = [ev for ev in map(event_from_row, _jsonl(path / "events.jsonl")) if flt.accepts(ev)]
    claims = [claim_from_row(d) for d in _jsonl(path / "claims.jsonl")]
    articles = {}
    for d in _jsonl(path / "documents.jsonl"):
        art = _build(Article, {"text": "", **d})  # documents.jsonl may leave the text out
        articles[art.id] = art
    return ExportData(events, group_claims(claims), articles)


def load_db(url: str, flt: ExportFilter | None = None) -> ExportData:
    """Active incidents of the store matching the filter, with their claims and reports."""
    from marsad.store.store import EventFilter, Store

    flt = flt or ExportFilter()
    with Store(url) as store:
        events = store.events(EventFilter(date_from=flt.since, date_to=flt.until, country=flt.country,
                                          event_type=flt.event_type))
        events = [ev for ev in events if flt.accepts(ev)]
        claims: list[Claim] = []
        for ev in events:
            claims.extend(store.claims(event_id=ev.event_id))
        doc_ids = sorted({d for ev in events for d in ev.doc_ids})
        articles = {a.id: a for a in store.articles(doc_ids)} if doc_ids else {}
    return ExportData(events, group_claims(claims), articles)
