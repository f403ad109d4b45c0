"""ACLED's event table: its 31 columns in their order and its vocabularies.

Column list and meanings follow ACLED's codebook (2023): one row per event, `fatalities` the most
conservative reported count, `notes` a short English account with its sources.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from marsad.export.common import country_info, notes, outlet_names, reports, span_days, year_of
from marsad.export.source import ExportData
from marsad.reconcile.fatalities import acled_fatalities

ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
]


def _time_precision(ev) -> int:
    """ACLED: 1 exact day, 2 within a week, 3 within a month (or vaguer)."""
    if ev.time_precision:
        return ev.time_precision
    days = span_days(ev)
    return 1 if days == 0 else 2 if days <= 7 else 3


def _timestamp(ev, data: ExportData) -> int:
    """Unix time of the latest report (deterministic, unlike the export's clock)."""
    days = [(a.published or "")[:10] for a in reports(ev, data.articles) if a.published]
    try:
        latest = dt.date.fromisoformat(max(days)) if days else dt.date.fromisoformat((ev.date or "")[:10])
    except ValueError:
        return 0
    return int(dt.datetime(latest.year, latest.month, latest.day, tzinfo=dt.UTC).timestamp())


def acled_row(ev, data: ExportData) -> dict[str, Any]:
    info = country_info(ev.country)
    claims = data.claims.get(ev.event_id or "", [])
    return {
        "event_id_cnty": ev.event_id,
        "event_date": ev.date,
        "year": year_of(ev.date),
        "time_precision": _time_precision(ev),
        "disorder_type": ev.disorder_type,
        "event_type": ev.event_type,
        "sub_event_type": ev.sub_event_type,
        "actor1": ev.actor1 or (ev.actors[0] if ev.actors else None),
        "assoc_actor_1": ev.assoc_actor_1,
        "inter1": ev.inter1,
        "actor2": ev.actor2,
        "assoc_actor_2": ev.assoc_actor_2,
        "inter2": ev.inter2,
        "interaction": ev.interaction,
        "civilian_targeting": "Civilian targeting" if ev.civilian_targeting else "",
        "iso": info.get("iso"),
        "region": info.get("acled_region"),
        "country": info.get("name") or ev.country,
        "admin1": ev.admin1,
        "admin2": ev.admin2,
        "admin3": None,
        "location": ev.location,
        "latitude": ev.latitude,
        "longitude": ev.longitude,
        "geo_precision": ev.geo_precision,
        "source": "; ".join(outlet_names(ev, data.articles)),
        "source_scale": "Other",
        "notes": notes(ev, claims, data.articles),
        "fatalities": acled_fatalities(ev),
        "tags": "",
        "timestamp": _timestamp(ev, data),
    }


def acled_rows(data: ExportData) -> list[dict[str, Any]]:
    """One ACLED row per incident (background recollections of past incidents left out)."""
    return [acled_row(ev, data) for ev in data.events if not ev.background]
