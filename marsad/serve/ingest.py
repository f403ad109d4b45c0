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

from marsad.run import run_corpus
from marsad.store.db import save_source

MAX_ARTICLES = 2000
FIELDS = ("id", "title", "text", "published", "outlet", "url")
_LOCK = threading.Lock()


class StoreFailed(RuntimeError):
    """The pipeline ran but its results could not be stored: nothing was ingested (503)."""


class BadPayload(ValueError):
    """The body is not a corpus article or a list of them; the message says what is wrong."""


def parse_payload(payload: Any) -> list[dict[str, Any]]:
    """Validate one article object or a list of them (`id, title, text, published, outlet, url`)."""
    items = payload if isinstance(payload, list) else [payload]
    if not items:
        raise BadPayload("empty list: send one article object or a list of them")
    if len(items) > MAX_ARTICLES:
        raise BadPayload(f"{len(items)} articles in one request; the limit is {MAX_ARTICLES}")
    rows = []
    for i, item in enumerate(items):
        where = f"article {i}" if isinstance(payload, list) else "article"
        if not isinstance(item, dict):
            raise BadPayload(f"{where}: expected a JSON object, got {type(item).__name__}")
        text = item.get("text")
        if not isinstance(text, str) or not text.strip():
            raise BadPayload(f"{where}: 'text' must be a non-empty string")
        for key in ("id", "title", "published", "outlet", "url"):
            value = item.get(key)
            if value is not None and not isinstance(value, str | int):
                raise BadPayload(f"{where}: '{key}' must be a string")
        rows.append({k: (str(item[k]) if k == "id" and item.get(k) is not None else item.get(k))
                     for k in FIELDS if item.get(k) is not None})
    return rows


def ingest(rows: list[dict[str, Any]], db_url: str) -> dict[str, Any]:
    """Run the articles through `run_corpus` into the store; returns what was stored and what failed."""
    with _LOCK, tempfile.TemporaryDirectory(prefix="marsad-ingest-") as tmp:
        corpus = Path(tmp) / "posted.jsonl"
        with corpus.open("w", encoding="utf-8") as f:
            for row in rows:
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
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
        "failed": summary.failed,
        "duplicates": summary.duplicates,
        "claims": summary.claims,
        "events": summary.events,
        "documents": stored,
        "event_ids": sorted({e["event_id"] for e in events
                             if e.get("event_id") and set(e.get("doc_ids") or []) & set(stored)}),
        "errors": [{"input": _line_ref(e.input), "reason": e.reason,
                    "doc_id": e.doc_id} for e in summary.errors],
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
