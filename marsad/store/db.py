"""What `marsad run` calls: the default store URL, the incidents to link against, and the save.

Thin wrappers over `marsad.store.store.Store`; the service and the exports use `Store` directly.
"""

from __future__ import annotations

from contextvars import ContextVar
from pathlib import Path

from marsad.model import Article, Claim, Event
from marsad.store.store import SaveStats, Store, describe_error

# Who is saving, recorded on every revision: "run" for `marsad run`; the service's ingestion sets "api".
save_source: ContextVar[str] = ContextVar("marsad_save_source", default="run")


__all__ = ["default_url", "describe_error", "load_events", "save_run", "save_source"]


def default_url(out_dir: Path) -> str:
    """The SQLite file `OUT/marsad.db` (absolute, so the URL works from any working directory)."""
    return f"sqlite:///{(Path(out_dir) / 'marsad.db').resolve()}"


def load_events(url: str) -> list[Event]:
    """Active incidents with their doc_ids, so a new run attaches its articles to them."""
    with Store(url) as store:
        return store.load_events()


def save_run(url: str, articles: list[Article], claims: list[Claim], events: list[Event]) -> SaveStats:
    """Store documents, claims and incidents idempotently (re-running the same input adds nothing)."""
    with Store(url) as store:
        # the linker returns every stored incident plus the new ones: the run is complete
        return store.save_run(articles, claims, events, source=save_source.get(), complete=True)
