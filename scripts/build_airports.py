"""Build marsad/data/gazetteer/airports.csv.gz: the world's airports with an IATA code, as points.

A maintenance tool, run by hand when the source changes:

    pip download --no-deps airportsdata==20260905 pycountry   # then unzip the wheels
    python scripts/build_airports.py --airportsdata DIR --pycountry DIR

Source: the `airportsdata` package (MIT, (c) Mike Borsetti; includes data from mwgg/Airports, (c) 2014
mwgg; attribution in marsad/data/gazetteer/NOTICE.md), country codes to ISO3 via `pycountry`. Only
airports with an IATA code are kept (7,800 of 28,000: airports with scheduled traffic and the large
military fields), since `مطار قندهار` names a city's airport, not one of its landing strips.
Row: IATA, ICAO, English name, ISO3, lat, lon. Read by marsad.extract.places: `مطار X` (X a city or
province) is the airport nearest to X's point, when one lies within reach (places.AIRPORT_KM).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "marsad" / "data" / "gazetteer" / "airports.csv.gz"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--airportsdata", required=True, help="unpacked wheel: the folder holding airportsdata/")
    ap.add_argument("--pycountry", required=True, help="unpacked wheel: the folder holding pycountry/")
    a = ap.parse_args()
    sys.path.insert(0, a.pycountry)
    import pycountry  # noqa: PLC0415 - from the unpacked wheel given on the command line

    rows = []
    src = Path(a.airportsdata) / "airportsdata" / "airports.csv"
    with src.open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if not r["iata"] or not r["country"]:
                continue
            c = pycountry.countries.get(alpha_2=r["country"])
            if c is None:
                continue
            rows.append((r["iata"], r["icao"], r["name"], c.alpha_3,
                         round(float(r["lat"]), 4), round(float(r["lon"]), 4)))
    rows.sort()
    with gzip.open(OUT, "wt", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["iata", "icao", "name", "country", "lat", "lon"])
        w.writerows(rows)
    print(f"{len(rows)} airports -> {OUT}")


if __name__ == "__main__":
    main()
