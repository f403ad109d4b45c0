"""POST /api/documents: articles in the corpus format through the same path as `marsad run`.

The articles are written to a temporary corpus JSONL and handed to `marsad.run.run_corpus` with the
service's database URL, so ingestion, the pipeline, linking against stored incidents, reconciliation
and the store's idempotent save are exactly the command's; nothing is duplicated here. One ingestion
runs at a time (linking must see the previous batch's incidents).
"""

from __future__ import annotations

import json
import tempfile
import threading
from pathlib import Path
from typing import Any

from marsad.ingest.record import InputRecord, known_id, parse_record
from marsad.model import IngestError
from marsad.run import run_corpus
from marsad.store.db import save_source

MAX_ARTICLES = 2000
_LOCK = threading.Lock()


class StoreFailed(RuntimeError):
    """The pipeline ran but its results could not be stored: nothing was ingested (503)."""


class BadPayload(ValueError):
    """The body is not a corpus article or a list of them; the message says what is wrong."""


def parse_payload(payload: Any) -> list[InputRecord | IngestError]:
    """Check one article object or a list of them with the input record model of `marsad run`.

    Each item is its record or its error (`article N: field ...`); the good ones are ingested and the
    bad ones reported. Only a request where no item is an article at all is refused whole.
    """
    items = payload if isinstance(payload, list) else [payload]
    if not items:
        raise BadPayload("empty list: send one article object or a list of them")
    if len(items) > MAX_ARTICLES:
        raise BadPayload(f"{len(items)} articles in one request; the limit is {MAX_ARTICLES}")
    out: list[InputRecord | IngestError] = []
    for i, item in enumerate(items):
        where = f"article {i}" if isinstance(payload, list) else "article"
        rec = parse_record(item)
        out.append(rec if isinstance(rec, InputRecord)
                   else IngestError(where, f"bad record: {rec}", known_id(item)))
    if not any(isinstance(r, InputRecord) for r in out):
        first = out[0]
        raise BadPayload(f"{first.input}: {first.reason}" if isinstance(first, IngestError) else "no article")
    return out


def ingest(rows: list[InputRecord | IngestError], db_url: str) -> dict[str, Any]:
    """Run the good records through `run_corpus` into the store; returns what was stored and what failed
    (the rejected records among them)."""
    rejected = [r for r in rows if isinstance(r, IngestError)]
    with _LOCK, tempfile.TemporaryDirectory(prefix="marsad-ingest-") as tmp:
        corpus = Path(tmp) / "posted.jsonl"
        with corpus.open("w", encoding="utf-8") as f:
            for row in rows:  # a rejected record leaves its line blank: line N stays article N-1
                line = "" if isinstance(row, IngestError) else row.model_dump_json(exclude_none=True)
                f.write(line + "\n")
        out = Path(tmp) / "out"
        token = save_source.set("api")  # revisions made by this ingestion say so
        try:
            summary = run_corpus([str(corpus)], out, db_url)
        finally:
            save_source.reset(token)
        failed = [e.reason for e in summary.errors if e.reason.startswith(("store not written",
                                                                            "store not readable"))]
        if failed:  # run_corpus keeps going without its store; a service request must not pretend
            raise StoreFailed(failed[0])
        docs = _read_jsonl(out / "documents.jsonl")
        events = _read_jsonl(out / "events.jsonl")
    stored = [d["id"] for d in docs if not d.get("error") and d.get("id")]
    return {
        "read": summary.read,
        "failed": summary.failed + len(rejected),
        "duplicates": summary.duplicates,
        "claims": summary.claims,
        "events": summary.events,
        "documents": stored,
        "event_ids": sorted({e["event_id"] for e in events
                             if e.get("event_id") and set(e.get("doc_ids") or []) & set(stored)}),
        "errors": [{"input": e.input, "reason": e.reason, "doc_id": e.doc_id} for e in rejected]
        + [{"input": _line_ref(e.input), "reason": e.reason, "doc_id": e.doc_id} for e in summary.errors],
    }


def _line_ref(origin: str) -> str:
    """`/tmp/.../posted.jsonl:3` -> `article 2` (0-based, as the client sent them)."""
    tail = origin.rsplit(":", 1)[-1]
    return f"article {int(tail) - 1}" if tail.isdigit() else "request"


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]
