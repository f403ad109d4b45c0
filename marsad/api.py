"""Marsad from Python, without files: articles as dicts in, claims and incidents out.

    import marsad.api as marsad

    result = marsad.process([{"id": "a1", "title": "...", "text": "...", "published": "2018-03-16",
                              "outlet": "...", "url": "https://..."}])
    result.claims        # [Claim] with who / source / stance, offsets into each text
    result.events        # [Event] incidents: linked across the articles, estimates reconciled
    result.errors        # [IngestError] one per unusable record, the others went on

    marsad.save(result, "sqlite:///marsad.db")                 # into a store (idempotent)
    marsad.query("sqlite:///marsad.db", country="SYR", actor="داعش", date_from="2018-01-01")

`process` is `extract` (the per-article pipeline) then `link` (incidents across articles, the
figures reconciled). Records take the corpus fields `id, title, text, published, outlet, url`; only
`text` is required. Every function is what `marsad run` does, in the same order, minus the files.
Documented in docs/python.md.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from marsad.ingest.dedup import mark_duplicates
from marsad.ingest.readers import make_article
from marsad.model import Article, Claim, Event, IngestError

__all__ = ["Result", "articles", "extract", "link", "process", "save", "query", "open_store"]


@dataclass(slots=True)
class Result:
    """Articles read, their claims and events, and the records that could not be used."""

    articles: list[Article] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    errors: list[IngestError] = field(default_factory=list)

    def to_dicts(self) -> dict[str, list[dict[str, Any]]]:
        """The contract's JSON shapes (what claims.jsonl, events.jsonl and errors.jsonl hold)."""
        return {"claims": [c.to_dict() for c in self.claims], "events": [e.to_dict() for e in self.events],
                "errors": [e.to_dict() for e in self.errors]}


def articles(records: Iterable[dict[str, Any]]) -> tuple[list[Article], list[IngestError]]:
    """Records (dicts with the corpus fields) as checked Articles; a bad record is an error, not a stop."""
    out: list[Article] = []
    errors: list[IngestError] = []
    seen: set[str] = set()
    for n, rec in enumerate(records):
        origin = f"record {n}"
        if not isinstance(rec, dict):
            errors.append(IngestError(origin, f"not a dict but {type(rec).__name__}"))
            continue
        doc_id = str(rec["id"]) if rec.get("id") not in (None, "") else None
        text = rec.get("text")
        if not isinstance(text, str) or not text.strip():
            errors.append(IngestError(origin, "no article text (field 'text' missing or empty)", doc_id))
            continue
        item = make_article(text, origin=origin, doc_id=doc_id, title=rec.get("title"),
                            published=rec.get("published"), outlet=rec.get("outlet"), url=rec.get("url"))
        if isinstance(item, IngestError):
            errors.append(item)
        elif item.id in seen:
            errors.append(IngestError(origin, f"duplicate document id {item.id!r}", item.id))
        else:
            seen.add(item.id)
            out.append(item)
    return out, errors


def extract(records: Iterable[dict[str, Any]] | Iterable[Article]) -> Result:
    """The per-article pipeline: claims and one event per incident mentioned in each article
    (not yet linked across articles; `event_id` unset)."""
    from marsad.run import process_articles

    items = list(records)
    if items and all(isinstance(r, Article) for r in items):
        arts, errors = list(items), []  # type: ignore[arg-type]
    else:
        arts, errors = articles(items)  # type: ignore[arg-type]
    if len(arts) > 1:
        mark_duplicates(arts)
    result = Result(errors=errors)
    for res in process_articles(arts):
        if res.error is not None:
            result.errors.append(res.error)
            continue
        result.articles.append(res.article)
        result.claims.extend(res.claims)
        result.events.extend(res.events)
    return result


def link(result: Result, existing: list[Event] | None = None) -> Result:
    """Incidents across the articles (and onto `existing` stored incidents), each with the reasons of
    its merges, and their figures reconciled into low/best/high estimates. Returns a new Result whose
    `events` are the incidents; claims get their incident's `event_id`."""
    from marsad.link.linker import link_events
    from marsad.reconcile.estimates import reconcile

    by_id = {a.id: a for a in result.articles}
    incidents = link_events(result.events, result.claims, by_id, existing=existing)
    reconcile(incidents, result.claims, by_id)
    return Result(articles=result.articles, claims=result.claims, events=incidents, errors=result.errors)


def process(records: Iterable[dict[str, Any]], existing: list[Event] | None = None) -> Result:
    """`extract` then `link`: what `marsad run` computes, without reading or writing files."""
    return link(extract(records), existing=existing)


def save(result: Result, url: str) -> Any:
    """Store a linked Result (documents, claims, incidents; revisions for changed incidents) in the
    store at `url` (sqlite:///path or postgresql://...). Saving the same result twice adds nothing."""
    from marsad.store import db

    return db.save_run(url, result.articles, result.claims, result.events)


def open_store(url: str) -> Any:
    """A `marsad.store.Store` (use it in a `with` block): every read the service makes."""
    from marsad.store import Store

    return Store(url)


def query(url: str, *, date_from: str | None = None, date_to: str | None = None, country: str | None = None,
          admin1: str | None = None, type: str | None = None, actor: str | None = None,  # noqa: A002
          q: str | None = None, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
    """Incidents of the store matching every given filter, newest first (the API's event list):
    dates overlap the incident's span, `country` is ISO3, `type` an ACLED event type, `actor` part of
    a name or an alias in Arabic or English (داعش, Daesh), `q` text search in places, actors and reports.
    Each incident is a dict: the event fields, `estimates`, `doc_ids`, `deaths` (the one deaths rule)."""
    from marsad.reconcile.fatalities import event_deaths
    from marsad.serve.api import actor_name
    from marsad.store import EventFilter, Store

    flt = EventFilter(date_from=date_from, date_to=date_to, country=country.upper() if country else None,
                      admin1=admin1, event_type=type, actor=actor_name(actor), q=q)
    with Store(url) as store:
        _total, items = store.list_events(flt, limit=limit, offset=offset)
    for item in items:
        deaths = event_deaths(item)
        item["deaths"] = deaths.to_dict() if deaths is not None else None
    return items
