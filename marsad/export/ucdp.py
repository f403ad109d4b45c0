"""UCDP's Georeferenced Event Dataset (GED) table: its columns in codebook order.

As GED does: only events with at least one death (the one deaths rule's `best` > 0) are rows; a
state's forces are named as the state, "Government of Syria" (a country's military or police, ACLED
inter 1, or its forces abroad, inter 8, with a country); coalitions of states (inter 8 without one
country: "Saudi-led coalition") keep their name and make the event state-based like a government.
Deaths come from `marsad.reconcile.fatalities.ucdp_deaths`; precision codes follow the GED codebook
(where_prec 1 exact place .. 6 country; date_prec 1 exact day .. 5 within a year).

Conflict and dyad ids: UCDP's own ids come from its conflict list, which Marsad does not have. The
`*_new_id` and `*_dset_id` columns carry **Marsad-local** ids instead, stable across exports and
runs and in a range UCDP does not use (9,000,000-9,999,999): a dyad is its two sides (side A, side
B), a conflict is, for state-based violence, the government side A and the country; for non-state
violence the two sides (as UCDP does, the dyad is the conflict); for one-sided violence side A.
A side's id is the same hash of its name. `code_status` is "Check" (machine-coded).
"""

from __future__ import annotations

import hashlib
import math
import re
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


def is_state(name: str | None) -> bool:
    """A state's forces (inter 1; inter 8 external forces) or a coalition of states (inter 8, armed)."""
    actor = actor_table().get(name) if name else None
    return actor is not None and actor.role == "armed" and actor.inter in (1, 8)


def side_name(name: str | None) -> str | None:
    """UCDP's name of a side: a country's forces are its government ("Government of Syria")."""
    actor = actor_table().get(name) if name else None
    if actor is None or not is_state(name) or not actor.country:
        return name
    country = country_info(actor.country).get("name")
    if not country:
        country = re.sub(r"^(Military|Police) Forces of (the )?", "", actor.name)
    return f"Government of {country}"


def type_of_violence(ev, side_a: str | None, side_b: str | None) -> int:
    """1 state-based (a state or a coalition of states is a side), 2 non-state (two organised groups),
    3 one-sided (an attack on civilians, or a non-state group's violence against them). An air strike
    of a state or a coalition that kills civilians stays state-based, as GED codes it: the civilians
    are its `deaths_civilians`, not a side."""
    table = actor_table()
    actor_b = table.get(side_b) if side_b else None
    if ev.event_type == "Violence against civilians":
        return 3
    if is_state(side_a) or is_state(side_b):
        return 1  # a strike by a state or a coalition: civilians it kills are deaths_civilians
    if actor_b and actor_b.role == "civilians":
        return 3
    return 2


def _civilians(name: str | None) -> bool:
    actor = actor_table().get(name) if name else None
    return actor is not None and actor.role == "civilians"


def local_id(*parts: str | None) -> int:
    """A Marsad-local UCDP-style id (9,000,000-9,999,999), the same for the same names every time."""
    key = "|".join(p or "" for p in parts)
    return 9_000_000 + int(hashlib.sha1(key.encode("utf-8")).hexdigest()[:8], 16) % 1_000_000


def _gwno(name: str | None, ev) -> int | None:
    actor = actor_table().get(name) if name else None
    if actor is None or not is_state(name) or (actor.inter == 8 and not actor.country):
        return None
    return country_info(actor.country or ev.country).get("gwno")


def ucdp_row(ev, data: ExportData) -> dict[str, Any]:
    info = country_info(ev.country)
    actor_a, actor_b = ucdp_sides(ev)  # a state or a coalition of states is side A
    side_a, side_b = side_name(actor_a), side_name(actor_b)
    violence = type_of_violence(ev, actor_a, actor_b)
    if violence == 3:
        side_b = "Civilians"
    elif violence == 1 and _civilians(actor_b):
        side_b = None  # civilians are no side of state-based violence; their deaths are deaths_civilians
    country = info.get("name") or ev.country
    conflict = (("state", side_a, country) if violence == 1 else ("nonstate", side_a, side_b) if violence == 2
                else ("onesided", side_a))
    conflict_name = (f"{country}: {side_a}" if violence == 1 else f"{side_a} - {side_b}" if violence == 2
                     else side_a) if side_a else None
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
        "type_of_violence": violence,
        "conflict_dset_id": local_id(*conflict) if side_a else None,
        "conflict_new_id": local_id(*conflict) if side_a else None,
        "conflict_name": conflict_name,
        "dyad_dset_id": local_id("dyad", side_a, side_b) if side_a else None,
        "dyad_new_id": local_id("dyad", side_a, side_b) if side_a else None,
        "dyad_name": f"{side_a} - {side_b}" if side_a and side_b else None,
        "side_a_dset_id": local_id("side", side_a) if side_a else None,
        "side_a_new_id": local_id("side", side_a) if side_a else None, "side_a": side_a,
        "side_b_dset_id": local_id("side", side_b) if side_b else None,
        "side_b_new_id": local_id("side", side_b) if side_b else None, "side_b": side_b,
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
        "gwnoa": _gwno(actor_a, ev), "gwnob": _gwno(actor_b, ev),
    }


def ucdp_rows(data: ExportData) -> list[dict[str, Any]]:
    """One GED row per incident with at least one death (GED has no zero-death events; background
    recollections left out)."""
    return [ucdp_row(ev, data) for ev in data.events if not ev.background and ucdp_deaths(ev).best > 0]
