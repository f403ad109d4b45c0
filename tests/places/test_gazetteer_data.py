"""The gazetteer ships with its data, attribution and the polygons the web map reads."""

from __future__ import annotations

import json

from marsad.extract.gazetteer import DATA_DIR, gazetteer


def test_admin1_polygons_for_syria_and_iraq():
    features = json.loads((DATA_DIR / "admin1.geojson").read_text(encoding="utf-8"))["features"]
    assert len(features) == 32
    assert all(f["geometry"]["type"] in ("Polygon", "MultiPolygon") for f in features)


def test_attribution_ships_with_the_data():
    notice = (DATA_DIR / "NOTICE.md").read_text(encoding="utf-8")
    readme = (DATA_DIR / "README.md").read_text(encoding="utf-8")
    for text in (notice, readme):
        assert "Data from Who's On First" in text
        assert "GeoNames" in text and "CC BY-IGO 3.0" in text
    assert "modified" in notice


def test_every_country_of_the_gazetteer_and_the_curated_ones():
    countries = gazetteer().countries
    for iso in ("SYR", "IRQ", "LBN", "JOR", "PSE", "TUR", "YEM", "LBY", "EGY", "SDN",  # gazetteer
                "SAU", "TUN", "ISR", "DZA", "MAR", "KWT", "QAT", "ARE", "IRN"):  # curated
        assert countries[iso].feature == "country"
        assert countries[iso].country == iso
