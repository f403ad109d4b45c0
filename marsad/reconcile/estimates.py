"""Per-incident estimates (stub until the reconciliation work lands)."""

from __future__ import annotations

from marsad.model import Article, Claim, Event


def reconcile(incidents: list[Event], claims: list[Claim], articles: dict[str, Article]) -> None:
    """Fill each incident's `estimates` from the claims whose `event_id` is the incident's."""
    for ev in incidents:
        ev.estimates = []
