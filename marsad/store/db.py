"""The store (stub until the store work lands)."""

from __future__ import annotations

from pathlib import Path

from marsad.model import Article, Claim, Event


def default_url(out_dir: Path) -> str:
    return f"sqlite:///{out_dir / 'marsad.db'}"


def load_events(url: str) -> list[Event]:
    """Incidents already stored, so a new run attaches its articles to them."""
    return []


def save_run(url: str, articles: list[Article], claims: list[Claim], events: list[Event]) -> None:
    """Store documents, claims and incidents idempotently (re-running the same input adds nothing)."""
