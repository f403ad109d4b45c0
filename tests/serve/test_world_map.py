"""The map's world base layer and legend in headless Debian chromium: reports from five regions
(written for this test) land on Natural Earth countries, each event a circle coloured by type and
sized by the dead, with a legend. MARSAD_UPDATE_SCREENSHOT=1 also saves docs/map.png."""

from __future__ import annotations

import json
import os
import shutil
import socket
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
REPO = Path(__file__).resolve().parents[2]
REPORTS = REPO / "tests" / "places" / "data" / "world_reports.jsonl"

pytestmark = pytest.mark.browser


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_world_layer_file_is_natural_earth_countries():
    world = json.loads((REPO / "marsad" / "serve" / "static" / "world.geojson").read_text())
    isos = {f["properties"]["iso3"] for f in world["features"]}
    assert len(world["features"]) >= 170
    assert {"AFG", "SOM", "NGA", "CAN", "FRA", "SYR", "IRQ", "BRA"} <= isos
    assert "Natural Earth" in world["attribution"]


def test_map_shows_world_events_with_legend(tmp_path):
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian chromium not installed (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="python playwright package not installed")
    import threading
    import time

    import uvicorn

    from marsad.run import run_corpus
    from marsad.serve.app import create_app

    url = f"sqlite:///{tmp_path / 'marsad.db'}"
    run_corpus([str(REPORTS)], tmp_path / "out", url)
    events = [json.loads(line) for line in (tmp_path / "out" / "events.jsonl").read_text().splitlines()]
    assert {e["country"] for e in events} >= {"AFG", "SOM", "NGA", "CAN", "FRA"}
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(url), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.time() + 30
    while not server.started and time.time() < deadline:
        time.sleep(0.05)
    try:
        with sync_api.sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=[
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run"])
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(f"http://127.0.0.1:{port}/?lang=en")
            page.wait_for_selector("#map[data-ready='1']", timeout=15000)
            assert int(page.get_attribute("#map", "data-countries")) >= 170  # the world base layer
            assert int(page.get_attribute("#map", "data-markers")) == len(events)
            legend = page.inner_text(".map-legend")
            assert "Violence against civilians" in legend or "Explosions" in legend
            assert "killed" in legend
            shot = tmp_path / "map.png"
            page.locator("#map").screenshot(path=str(shot))
            assert shot.stat().st_size > 10_000
            if os.environ.get("MARSAD_UPDATE_SCREENSHOT"):
                shutil.copy(shot, REPO / "docs" / "map.png")
            browser.close()
    finally:
        server.should_exit = True
        thread.join(timeout=10)
