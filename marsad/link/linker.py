"""Cross-article linking (stub until the linking work lands): every article event is its own incident."""

from __future__ import annotations

from marsad.model import Article, Claim, Event


def link_events(article_events: list[Event], claims: list[Claim], articles: dict[str, Article],
                existing: list[Event] | None = None) -> list[Event]:
    """Merge per-article events into incidents; set `event_id` on events and on their claims."""
    incidents = list(existing or [])
    for ev in article_events:
        doc = ev.doc_ids[0]
        idx = sum(1 for e in incidents if e.doc_ids and e.doc_ids[0] == doc)
        ev.event_id = f"{doc}-{idx}"
        incidents.append(ev)
    by_doc_index = {(e.doc_ids[0], i): e for i, e in enumerate(article_events)}
    del by_doc_index
    return incidents
