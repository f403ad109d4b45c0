"""The main job: inputs -> articles -> per-document pipeline -> linking -> reconciliation -> outputs.

`run_corpus` is what `marsad run` and `marsad eval` call. It never stops on one bad input: each
becomes a line in errors.jsonl and a count in the summary.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from marsad import pipeline
from marsad.ingest.readers import read_inputs
from marsad.link.linker import link_events
from marsad.model import Article, Claim, Event, IngestError
from marsad.reconcile.estimates import reconcile
from marsad.store import db as store


@dataclass
class RunSummary:
    read: int = 0
    failed: int = 0
    duplicates: int = 0
    claims: int = 0
    events: int = 0
    seconds: float = 0.0
    errors: list[IngestError] = field(default_factory=list)


def write_jsonl(path: Path, rows: list[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")


def run_corpus(inputs: list[str], out_dir: Path, db_url: str | None = None) -> RunSummary:
    t0 = time.perf_counter()
    out_dir.mkdir(parents=True, exist_ok=True)
    summary = RunSummary()
    articles: list[Article] = []
    for item in read_inputs(inputs):
        if isinstance(item, IngestError):
            summary.errors.append(item)
        else:
            articles.append(item)
    nlp = pipeline.build()
    claims: list[Claim] = []
    article_events: list[Event] = []
    docs_out: list[dict[str, Any]] = []
    for doc in pipeline.process(nlp, articles):
        art: Article = doc._.article
        doc_claims = doc._.claims or []
        doc_events = doc._.events or []
        for ev in doc_events:
            ev.doc_ids = [art.id]
        for c in doc_claims:
            c.doc_id = art.id
        claims.extend(doc_claims)
        article_events.extend(doc_events)
        row = art.to_dict()
        row["boilerplate"] = doc._.boilerplate or []
        row["error"] = None
        docs_out.append(row)
    url = db_url or store.default_url(out_dir)
    by_id = {a.id: a for a in articles}
    incidents = link_events(article_events, claims, by_id, existing=store.load_events(url))
    reconcile(incidents, claims, by_id)
    store.save_run(url, articles, claims, incidents)
    summary.read = len(articles)
    summary.failed = len(summary.errors)
    summary.duplicates = sum(1 for a in articles if a.duplicate_of)
    summary.claims = len(claims)
    summary.events = len(incidents)
    write_jsonl(out_dir / "documents.jsonl", docs_out)
    write_jsonl(out_dir / "claims.jsonl", [c.to_dict() for c in claims])
    write_jsonl(out_dir / "events.jsonl", [e.to_dict() for e in incidents])
    write_jsonl(out_dir / "errors.jsonl", [e.to_dict() for e in summary.errors])
    summary.seconds = round(time.perf_counter() - t0, 2)
    return summary
