"""`marsad export`: write incidents as ACLED CSV, UCDP GED CSV, GeoJSON or contract JSONL."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from marsad.export.acled import ACLED_COLUMNS, acled_rows
from marsad.export.common import country_info
from marsad.export.source import ExportData
from marsad.export.ucdp import UCDP_COLUMNS, ucdp_rows
from marsad.reconcile.fatalities import acled_fatalities

FORMATS = ("acled", "ucdp", "geojson", "jsonl")


def _csv(path: Path, columns: list[str], rows: list[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=columns, extrasaction="raise")
        w.writeheader()
        for row in rows:
            w.writerow({k: ("" if row.get(k) is None else row[k]) for k in columns})


def geojson(data: ExportData) -> dict[str, Any]:
    """A FeatureCollection: one Point feature per incident (null geometry when not geocoded)."""
    features = []
    for ev in data.events:
        props = ev.to_dict()
        props.pop("latitude")
        props.pop("longitude")
        props["country_name"] = country_info(ev.country).get("name")
        props["fatalities"] = acled_fatalities(ev)
        geom = None
        if ev.latitude is not None and ev.longitude is not None:
            geom = {"type": "Point", "coordinates": [ev.longitude, ev.latitude]}
        features.append({"type": "Feature", "id": ev.event_id, "geometry": geom, "properties": props})
    return {"type": "FeatureCollection", "features": features}


def export(data: ExportData, fmt: str, out: Path) -> int:
    """Write `data` in format `fmt` to `out`; returns the number of records written."""
    out.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "acled":
        rows = acled_rows(data)
        _csv(out, ACLED_COLUMNS, rows)
        return len(rows)
    if fmt == "ucdp":
        rows = ucdp_rows(data)
        _csv(out, UCDP_COLUMNS, rows)
        return len(rows)
    if fmt == "geojson":
        doc = geojson(data)
        out.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
        return len(doc["features"])
    if fmt == "jsonl":
        with out.open("w", encoding="utf-8") as f:
            for ev in data.events:
                f.write(json.dumps(ev.to_dict(), ensure_ascii=False) + "\n")
        return len(data.events)
    raise ValueError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
