"""UCDP's Georeferenced Event Dataset (GED) table: its columns in codebook order.

Deaths come from `marsad.reconcile.fatalities.ucdp_deaths`; precision codes follow the GED codebook
(where_prec 1 exact place .. 6 country; date_prec 1 exact day .. 5 within a year). Conflict and dyad
ids are UCDP's own and stay empty: Marsad cannot assign them; `code_status` is "Check" (machine-coded).
"""

from __future__ import annotations

import math
from typing import Any

from marsad.export.common import country_info, outlet_names, reports, span_days, year_of
from marsad.export.source import ExportData
from marsad.extract.actors import actor_table
from marsad.reconcile.fatalities import ucdp_deaths, ucdp_sides

UCDP_COLUMNS = [
    "id", "relid", "year", "active_year", "code_status", "type_of_violence", "conflict_dset_id",
    "conflict_new_id", "conflict_name", "dyad_dset_id", "dyad_new_id", "dyad_name", "side_a_dset_id",
    "side_a_new_id", "side_a", "side_b_dset_id", "side_b_new_id", "side_b", "number_of_sources",
    "source_article", "source_office", "source_date", "source_headline", "source_original", "where_prec",
    "where_coordinates", "where_description", "adm_1", "adm_2", "latitude", "longitude", "geom_wkt",
    "priogrid_gid", "country", "country_id", "region", "event_clarity", "date_prec", "date_start",
    "date_end", "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "best", "high", "low",
    "gwnoa", "gwnob",
]


def priogrid_gid(lat: float | None, lon: float | None) -> int | None:
    """PRIO-GRID cell (0.5 degree, numbered row by row from the south-west corner, starting at 1)."""
    if lat is None or lon is None:
        return None
    row = min(359, int(math.floor((lat + 90) / 0.5)))
    col = min(719, int(math.floor((lon + 180) / 0.5)))
    return row * 720 + col + 1


def where_prec(ev) -> int:
    """1 exact place, 2 within 25 km, 3 second-order unit, 4 first-order unit, 6 country only."""
    if ev.latitude is None or ev.longitude is None:
        return 6 if ev.country else 7
    if ev.geo_precision == 1:
        return 1
    if ev.geo_precision == 2:
        return 2 if ev.location else 3
    return 4 if ev.admin1 else 6


def date_prec(ev) -> int:
    days = span_days(ev)
    return 1 if days == 0 else 2 if days <= 6 else 3 if days == 7 else 4 if days <= 30 else 5


def type_of_violence(ev, side_a: str | None, side_b: str | None) -> int:
    """1 state-based (a state is side A), 2 non-state (two organised groups), 3 one-sided (civilians)."""
    table = actor_table()
    actor_b = table.get(side_b) if side_b else None
    actor_a = table.get(side_a) if side_a else None
    if ev.event_type == "Violence against civilians" or (actor_b and actor_b.role == "civilians"):
        return 3
    if actor_a is not None and actor_a.inter == 1:
        return 1
    return 2


def _gwno(name: str | None, ev) -> int | None:
    actor = actor_table().get(name) if name else None
    if actor is None or actor.inter != 1:
        return None
    return country_info(actor.country or ev.country).get("gwno")


def ucdp_row(ev, data: ExportData) -> dict[str, Any]:
    info = country_info(ev.country)
    side_a, side_b = ucdp_sides(ev)
    deaths = ucdp_deaths(ev)
    arts = reports(ev, data.articles)
    claims = data.claims.get(ev.event_id or "", [])
    sources = []
    for c in claims:
        if c.source and c.source not in sources:
            sources.append(c.source)
    lat, lon = ev.latitude, ev.longitude
    return {
        "id": ev.event_id, "relid": ev.event_id,
        "year": year_of(ev.date), "active_year": None, "code_status": "Check",
        "type_of_violence": type_of_violence(ev, side_a, side_b),
        "conflict_dset_id": None, "conflict_new_id": None,
        "conflict_name": f"{info.get('name') or ev.country}: {side_a or 'unknown'}" if side_a else None,
        "dyad_dset_id": None, "dyad_new_id": None,
        "dyad_name": f"{side_a} - {side_b}" if side_a and side_b else None,
        "side_a_dset_id": None, "side_a_new_id": None, "side_a": side_a,
        "side_b_dset_id": None, "side_b_new_id": None, "side_b": side_b,
        "number_of_sources": len(ev.doc_ids),
        "source_article": "; ".join(f"{a.outlet or 'unknown outlet'} {(a.published or '')[:10]} {a.id}"
                                    for a in arts),
        "source_office": "; ".join(outlet_names(ev, data.articles)),
        "source_date": "; ".join((a.published or "")[:10] for a in arts),
        "source_headline": "; ".join(a.title or (a.text or "").split("\n", 1)[0][:120] for a in arts),
        "source_original": "; ".join(sources),
        "where_prec": where_prec(ev),
        "where_coordinates": ev.location or ev.admin1 or info.get("name"),
        "where_description": ev.place_text or ev.location,
        "adm_1": ev.admin1, "adm_2": ev.admin2,
        "latitude": lat, "longitude": lon,
        "geom_wkt": f"POINT ({lon} {lat})" if lat is not None and lon is not None else None,
        "priogrid_gid": priogrid_gid(lat, lon),
        "country": info.get("name") or ev.country, "country_id": info.get("gwno"),
        "region": info.get("ucdp_region"),
        "event_clarity": 1 if span_days(ev) == 0 else 2,
        "date_prec": date_prec(ev),
        "date_start": ev.date, "date_end": ev.date_end or ev.date,
        "deaths_a": deaths.deaths_a, "deaths_b": deaths.deaths_b,
        "deaths_civilians": deaths.deaths_civilians, "deaths_unknown": deaths.deaths_unknown,
        "best": deaths.best, "high": deaths.high, "low": deaths.low,
        "gwnoa": _gwno(side_a, ev), "gwnob": _gwno(side_b, ev),
    }


def ucdp_rows(data: ExportData) -> list[dict[str, Any]]:
    """One GED row per incident (background recollections left out)."""
    return [ucdp_row(ev, data) for ev in data.events if not ev.background]
