"""The place gazetteer: rows of `marsad/data/gazetteer/places.csv.gz` plus curated entries, indexed by key.

Geocoding looks token n-grams up in a dict from Arabic match key (marsad.text.normalize.key) to
places, so a document costs a few dict probes per token, never a scan of the 60k names. The
index is built once per process (`gazetteer()` is cached).
"""

from __future__ import annotations

import csv
import gzip
import io
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from marsad import lang
from marsad.text.normalize import ARABIC_LETTER, key

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "gazetteer"

# Larger units first when two homonyms are otherwise equal.
FEATURE_RANK = {
    "country": 9, "admin1": 8, "city": 7, "admin2": 6, "town": 5, "admin3": 4,
    "facility": 4, "camp": 4, "prison": 4, "base": 4, "neighborhood": 3, "village": 2, "other": 1,
}
# ACLED geo_precision of a bare mention of a place of this feature class.
FEATURE_PRECISION = {"country": 3, "admin1": 3, "admin2": 2, "admin3": 2}


@dataclass(frozen=True)
class Place:
    """One gazetteer row."""

    id: str
    name: str
    name_en: str
    feature: str
    country: str  # ISO3
    admin1: str | None
    admin2: str | None
    lat: float
    lon: float
    population: int | None


class Gazetteer:
    """Places and a key -> places index over their Arabic names."""

    def __init__(self, places: list[Place], names: dict[str, list[int]]):
        self.places = places
        self.index: dict[str, tuple[int, ...]] = {k: tuple(v) for k, v in names.items()}
        self.by_id = {p.id: p for p in places}
        self.countries = {p.country: p for p in places if p.feature == "country"}
        self.admin1_by_name: dict[tuple[str, str], Place] = {
            (p.country, p.admin1 or p.name_en): p for p in places if p.feature == "admin1"}
        self.max_tokens = max((k.count(" ") + 1 for k in self.index), default=1)

    def lookup(self, k: str) -> tuple[Place, ...]:
        """Places whose Arabic name has match key `k` (empty when none)."""
        ids = self.index.get(k)
        return tuple(self.places[i] for i in ids) if ids else ()

    def __len__(self) -> int:
        return len(self.places)


def _int(value: str) -> int | None:
    try:
        return int(float(value)) if value else None
    except ValueError:
        return None


_SPLIT = re.compile(r"\s*\|\s*")


def _arabic_names(row: dict[str, str]) -> list[str]:
    names = [row["name_ar"]] if row["name_ar"] else []
    names += [n for n in _SPLIT.split(row["alt_names"] or "") if n and ARABIC_LETTER.search(n)]
    return names


def _read_csv() -> list[dict[str, str]]:
    with gzip.open(DATA_DIR / "places.csv.gz", "rb") as f:
        data = f.read().decode("utf-8")
    return list(csv.DictReader(io.StringIO(data)))


def _curated() -> list[tuple[Place, list[str]]]:
    """Hand-curated places (`places_curated.yaml`): facilities, neighbourhoods, countries not in the CSV."""
    out = []
    for e in (lang.load("places_curated") or {}).get("places") or []:
        p = Place(id=f"curated:{e['id']}", name=e["names"][0], name_en=e["name_en"], feature=e["feature"],
                  country=e["country"], admin1=e.get("admin1"), admin2=e.get("admin2"),
                  lat=float(e["lat"]), lon=float(e["lon"]), population=e.get("population"))
        out.append((p, list(e["names"])))
    return out


@cache
def gazetteer() -> Gazetteer:
    """The gazetteer, loaded and indexed once per process."""
    places: list[Place] = []
    names: dict[str, list[int]] = {}

    def add(p: Place, arabic: list[str]) -> None:
        i = len(places)
        places.append(p)
        seen = set()
        for n in arabic:
            k = key(n)
            if k and k not in seen:
                seen.add(k)
                names.setdefault(k, []).append(i)

    for row in _read_csv():
        arabic = _arabic_names(row)
        feature = row["feature"]
        admin1 = row["admin1_en"] or None
        if feature == "admin1" and not admin1:
            admin1 = row["name_en"]
        elif feature == "country":
            admin1 = None
        p = Place(id=row["id"], name=row["name_ar"] or row["name_en"], name_en=row["name_en"],
                  feature=feature, country=row["country"], admin1=admin1,
                  admin2=(row["admin2_en"] or None) if feature != "country" else None,
                  lat=float(row["lat"]), lon=float(row["lon"]), population=_int(row["population"]))
        add(p, arabic)
    for p, arabic in _curated():
        add(p, arabic)
    return Gazetteer(places, names)
