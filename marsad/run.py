"""The main job: inputs -> articles -> per-document pipeline -> linking -> reconciliation -> outputs.

`run_corpus` is what `marsad run` and `marsad eval` call. It never stops on one bad input: each
becomes a line in errors.jsonl (and, when its id is known, a line with `error` in documents.jsonl)
and a count in the summary. Outputs (all in DIR):
- documents.jsonl: one line per input document, metadata and boilerplate spans, never the text;
- claims.jsonl, events.jsonl: the output contract (../shared/eval/README.md);
- errors.jsonl: one line per input that could not be read or processed;
- the store (SQLite DIR/marsad.db unless a URL is given).
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from marsad import pipeline
from marsad.ingest.dedup import mark_duplicates
from marsad.ingest.metadata import Metadata, with_metadata
from marsad.ingest.readers import read_inputs
from marsad.link.linker import link_events
from marsad.model import Article, Claim, Event, IngestError
from marsad.reconcile.estimates import reconcile
from marsad.store import db as store
from marsad.text.document import guess_title

# A run shorter than this finishes before a progress bar would be worth drawing.
PROGRESS_DELAY_SECONDS = 0.5

DOCUMENT_FIELDS = ("id", "title", "published", "published_origin", "outlet", "url", "language",
                   "origin", "boilerplate", "duplicate_of", "error")


@dataclass
class RunSummary:
    read: int = 0
    failed: int = 0
    duplicates: int = 0
    claims: int = 0
    events: int = 0
    seconds: float = 0.0
    errors: list[IngestError] = field(default_factory=list)

    def table_rows(self) -> list[tuple[str, str]]:
        return [("read", str(self.read)), ("failed", str(self.failed)),
                ("duplicates", str(self.duplicates)), ("claims", str(self.claims)),
                ("events", str(self.events)), ("seconds", f"{self.seconds:.2f}")]


def write_jsonl(path: Path, rows: list[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")


def document_row(article: Article | None, error: IngestError | None = None,
                 boilerplate: list[tuple[int, int]] | None = None) -> dict[str, Any]:
    """The documents.jsonl line of an article (or of a failed input whose id is known)."""
    row: dict[str, Any] = dict.fromkeys(DOCUMENT_FIELDS)
    if article is not None:
        row.update({k: v for k, v in article.to_dict().items() if k in row})
    if error is not None:
        row["id"] = row["id"] or error.doc_id
        row["origin"] = row["origin"] or error.input
        row["error"] = error.reason
    row["boilerplate"] = [list(span) for span in boilerplate or []]
    return row


def run_corpus(inputs: list[str], out_dir: Path, db_url: str | None = None, dask: Any = None,
               metadata: Metadata | None = None) -> RunSummary:
    """Read, process, link, reconcile, store and write one batch of inputs.

    `dask`: None runs the per-article pipeline here; "local", a scheduler address or a
    `dask.distributed.Client` spreads it over Dask workers (marsad.scale). Linking is central either way.
    `metadata`: dates, outlets and URLs the user supplies for inputs without them (ingest.metadata).
    """
    t0 = time.perf_counter()
    out_dir.mkdir(parents=True, exist_ok=True)
    summary = RunSummary()
    progress = _Progress(t0)
    # Input order is kept: documents.jsonl lists every document (read or failed) where it came in.
    slots: list[Article | IngestError] = []
    articles: list[Article] = []
    for item in with_metadata(read_inputs(inputs), metadata):  # sidecars, --meta, --published...
        slots.append(item)
        if isinstance(item, IngestError):
            summary.errors.append(item)
        else:
            articles.append(item)
        progress.reading(len(slots))
    summary.duplicates = mark_duplicates(articles) if len(articles) > 1 else 0

    progress.processing(0, len(articles))
    if dask is None:
        results = process_articles(articles, on_done=lambda n: progress.processing(n, len(articles)))
    else:
        from marsad.scale import process_distributed

        results = process_distributed(articles, dask, on_done=lambda n: progress.processing(n, len(articles)))
    progress.step("linking, reconciling, storing")
    claims: list[Claim] = []
    article_events: list[Event] = []
    rows: dict[str, dict[str, Any]] = {}
    stage_errors: dict[str, IngestError] = {}
    done: list[Article] = []
    for res in results:
        if res.error is not None:
            stage_errors[res.article.id] = res.error
            continue
        done.append(res.article)
        claims.extend(res.claims)
        article_events.extend(res.events)
        rows[res.article.id] = document_row(res.article, boilerplate=res.boilerplate)
    summary.errors.extend(stage_errors.values())

    url = db_url or store.default_url(out_dir)
    by_id = {a.id: a for a in done}
    try:
        existing = store.load_events(url)
    except Exception as e:  # noqa: BLE001 - an unreachable store must not cost the run its outputs
        summary.errors.append(IngestError(_safe_url(url), f"store not readable: {type(e).__name__}: {e}"))
        existing, url = [], None
    incidents = link_events(article_events, claims, by_id, existing=existing)
    reconcile(incidents, claims, by_id)
    if url is not None:
        try:
            store.save_run(url, done, claims, incidents)
        except Exception as e:  # noqa: BLE001 - the JSONL outputs are still written, the error listed
            summary.errors.append(IngestError(_safe_url(url), f"store not written: {type(e).__name__}: {e}"))
    progress.stop()

    # One line per document id: a failed copy of an id already listed (a repeated id) adds none.
    docs_out: list[dict[str, Any]] = []
    listed: set[str] = set()
    for item in slots:
        if isinstance(item, Article):
            row = rows.get(item.id) or document_row(item, stage_errors.get(item.id))
        elif item.doc_id is not None and item.doc_id not in listed and item.doc_id not in rows:
            row = document_row(None, item)
        else:
            continue
        if row["id"] not in listed:
            listed.add(row["id"])
            docs_out.append(row)
    summary.read = len(done)
    summary.failed = len(summary.errors)
    summary.claims = len(claims)
    summary.events = len(incidents)
    write_jsonl(out_dir / "documents.jsonl", docs_out)
    write_jsonl(out_dir / "claims.jsonl", [c.to_dict() for c in claims])
    write_jsonl(out_dir / "events.jsonl", [e.to_dict() for e in incidents])
    write_jsonl(out_dir / "errors.jsonl", [e.to_dict() for e in summary.errors])
    summary.seconds = round(time.perf_counter() - t0, 2)
    return summary


def _safe_url(url: str) -> str:
    """The store URL for messages, without its password."""
    try:
        from sqlalchemy.engine import make_url

        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - a URL SQLAlchemy cannot parse is shown as given
        return url


@dataclass(slots=True)
class DocResult:
    """What the per-article pipeline gives back for one article (picklable: Dask workers return it)."""

    article: Article
    boilerplate: list[tuple[int, int]]
    claims: list[Claim]
    events: list[Event]
    error: IngestError | None = None


def process_articles(articles: list[Article], nlp: Any = None,
                     on_done: Callable[[int], None] | None = None) -> list[DocResult]:
    """The per-article pipeline over a list of articles, in order; a stage failing on one article
    gives that article an error result instead of stopping the others."""
    nlp = nlp or pipeline.build()
    failed: dict[str, IngestError] = {}

    def on_stage_error(name: str, _proc: Any, docs: list, exc: Exception) -> None:
        for doc in docs:
            art: Article = doc._.article
            failed[art.id] = IngestError(art.origin or art.id, f"stage {name} failed: "
                                         f"{type(exc).__name__}: {exc}", art.id)

    def on_tokenizer_error(art: Article, exc: Exception) -> None:
        failed[art.id] = IngestError(art.origin or art.id, f"tokenizer failed: {type(exc).__name__}: {exc}",
                                     art.id)

    nlp.set_error_handler(on_stage_error)
    results: list[DocResult] = []
    for doc in pipeline.process(nlp, articles, on_error=on_tokenizer_error):
        art: Article = doc._.article
        if art.title is None:
            art.title = guess_title(doc)
        doc_claims = doc._.claims or []
        doc_events = doc._.events or []
        for ev in doc_events:
            ev.doc_ids = [art.id]
        for c in doc_claims:
            c.doc_id = art.id
        results.append(DocResult(art, list(doc._.boilerplate or []), doc_claims, doc_events))
        if on_done is not None:
            on_done(len(results))
    results.extend(DocResult(a, [], [], [], failed[a.id]) for a in articles if a.id in failed)
    return results


class _Progress:
    """A rich progress bar on stderr, drawn only on a terminal and only once the run takes a while."""

    def __init__(self, t0: float) -> None:
        self.t0 = t0
        self.bar = None
        self.read_task = self.proc_task = None
        self.enabled = sys.stderr.isatty()

    def _ensure(self) -> bool:
        if self.bar is not None:
            return True
        if not self.enabled or time.perf_counter() - self.t0 < PROGRESS_DELAY_SECONDS:
            return False
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self.bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                            TimeElapsedColumn(), console=Console(stderr=True), transient=True)
        self.bar.start()
        return True

    def reading(self, n: int) -> None:
        if self._ensure():
            if self.read_task is None:
                self.read_task = self.bar.add_task("reading inputs", total=None)
            self.bar.update(self.read_task, completed=n)

    def _plain(self, message: str) -> None:
        """Off a terminal (a log, a pipe, a CI job) each stage is one plain line on stderr."""
        if not self.enabled:
            print(f"marsad: {message} ({time.perf_counter() - self.t0:.1f}s)", file=sys.stderr, flush=True)

    def processing(self, n: int, total: int) -> None:
        if n == 0:
            self._plain(f"processing {total} article(s)")
        if self._ensure():
            if self.proc_task is None:
                self.proc_task = self.bar.add_task("processing articles", total=total)
            self.bar.update(self.proc_task, completed=n)

    def step(self, description: str) -> None:
        """A corpus-level step with no count of its own (a spinner line)."""
        self._plain(description)
        if self._ensure():
            self.bar.add_task(description, total=None)

    def stop(self) -> None:
        if self.bar is not None:
            self.bar.stop()
