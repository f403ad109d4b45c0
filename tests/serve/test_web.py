"""The web pages: escaping of hostile text, highlighted evidence, languages, map data, charts."""

from __future__ import annotations

import json
import re

import pytest
from fastapi.testclient import TestClient

from marsad.serve import charts
from marsad.serve.app import create_app
from marsad.serve.highlight import Mark, runs

from .conftest import HASAKAH


@pytest.fixture
def web(sqlite_url, monkeypatch):
    monkeypatch.delenv("MARSAD_TOKEN", raising=False)
    with TestClient(create_app(sqlite_url)) as c:
        yield c


HOSTILE = ['<script>alert("x")</script>', "<img src=x onerror=alert(1)>", "<script>alert('title')</script>",
           "<img src=x onerror=alert(2)>", "<script>alert('loc')</script>", "<img src=x onerror=alert(4)>",
           "<b>civilians</b>", "<script>alert(5)</script>", "<svg onload=x>", "<i>"]


@pytest.mark.parametrize("path", ["/", "/events/ev-evil", "/documents/x1", "/?q=بغداد"])
def test_article_text_and_every_string_render_as_text(client, path):
    html = client.get(path).text
    for raw in HOSTILE:
        assert raw not in html
    assert "<script>alert" not in html and "<img src=x" not in html
    if not path.startswith("/?") and path != "/":
        assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html  # the article text, escaped
        assert "&lt;img src=x onerror=alert(1)&gt;" in html
    if path == "/events/ev-evil":  # merge reasons are shown, as text
        assert "&lt;script&gt;alert(5)&lt;/script&gt;" in html and "&lt;svg onload=x&gt;" in html
    assert 'href="javascript:' not in html
    # the only scripts are the shipped files and the JSON data block
    assert set(re.findall(r"<script[^>]*>", html)) <= {
        '<script src="/static/leaflet/leaflet.js">', '<script src="/static/app.js">',
        '<script type="application/json" id="map-points">'}


def test_map_points_json_cannot_close_its_script(web):
    html = web.get("/").text
    block = re.search(r'<script type="application/json" id="map-points">(.*?)</script>', html, re.S).group(1)
    assert "<" not in block
    points = {p["id"]: p for p in json.loads(block)}
    assert points["ev-evil"]["place"] == "<script>alert('loc')</script>"
    assert (points["ev-hasakah"]["lat"], points["ev-hasakah"]["lon"], points["ev-hasakah"]["killed"]) == (
        36.47, 40.75, 374)


def test_event_page_highlights_claim_evidence(web):
    html = web.get("/events/ev-hasakah").text
    marks = re.findall(r'<mark class="claim"( id="[^"]+")? title="([^"]*)">([^<]*)</mark>', html)
    assert [(m[2]) for m in marks] == ["مقتل 28 عنصراً", "374 عنصراً"]
    assert marks[0][0] == ' id="claim-h1_killed_29-43_isis"'
    assert 'href="#claim-h1_killed_29-43_isis"' in html  # claims table links to the highlight
    assert 'class="badge dispute"' in html  # the disputed escaped figure is marked
    superseded = ('<small class="superseded">superseded: <s>28</s> '
                  '<span class="muted">(<bdi>2022-01-21</bdi>, <bdi>sdf</bdi>)</span>')
    assert superseded in html
    assert 'id="toll-killed"' in html and html.count("<circle") == 2 and 'id="toll-escaped"' not in html
    assert "<strong>First report of the incident</strong>" in html  # merge reasons, in words
    assert 'id="highlight-legend"' in html and 'id="tiers-help"' in html
    assert 'dir="rtl"' in html and "أعلنت قوات سوريا الديمقراطية" in html


def test_merge_reasons_read_as_words_not_reprs():
    from marsad.serve.i18n import term, translator
    from marsad.serve.reasons import describe

    reason = {"doc_id": "d2", "rule": "score", "score": 0.835, "at": {"place": "wof:85632573"},
              "features": {"date": 0.0, "place": 1.0, "type": 1.0, "figures": 0.6, "days_apart": 4}}
    assert describe(reason, translator("en"), term("en")) == {
        "head": "Merged by similarity (match 0.83)",
        "parts": ["different date", "same place", "same event type", "figures 60% alike", "4 days apart"]}
    ar = describe(reason, translator("ar"), term("ar"))
    assert ar["head"] == "دُمج للتشابه (درجة التطابق 0.83)" and "wof:" not in str(ar)


def test_each_kind_has_its_own_toll_axis():
    claims = [{"kind": "killed", "who": "Civilians", "value": 40, "published": "2018-03-16"},
              {"kind": "killed", "who": "Civilians", "value": 43, "published": "2018-03-17"},
              {"kind": "displaced", "who": "Civilians", "value": 150000, "published": "2018-03-17"}]
    charts_ = charts.tolls(claims)
    assert [(c["kind"], c["y_ticks"][-1]["label"]) for c in charts_] == [("killed", "43"),
                                                                         ("displaced", "150000")]


def test_events_path_lists_events_and_offers_exports(web):
    page = web.get("/events?country=SYR")
    assert page.status_code == 200 and 'data-event-id="ev-hasakah"' in page.text
    assert '<a href="/api/export?format=acled&amp;country=SYR" download>ACLED CSV</a>' in page.text
    csv_ = web.get("/api/export?format=acled&country=SYR")
    assert csv_.status_code == 200 and "ev-hasakah" in csv_.text


def test_language_switch(web):
    ar = web.get("/events/ev-hasakah?lang=ar")
    assert '<html lang="ar" dir="rtl">' in ar.text and "الادعاءات" in ar.text
    assert ar.cookies.get("marsad_lang") == "ar"
    en = web.get("/?lang=en").text
    assert '<html lang="en" dir="ltr">' in en and "Reconciled" not in en and "Events" in en
    assert 'href="/?lang=ar"' in en  # the switch keeps the page and its filters


def test_index_lists_filters_and_paginates(web):
    html = web.get("/?country=SYR").text
    assert 'href="/?country=SYR&amp;date_from=2022-01-20&amp;date_to=2022-01-20"' in html  # timeline bar
    assert re.findall(r'data-event-id="([^"]+)"', html) == ["ev-hasakah"]
    assert '<option value="SYR" selected>SYR (1)</option>' in html
    assert 'id="event-count" data-total="1"' in html
    assert web.get("/?q=لا يوجد").text.count('id="no-events"') == 1


def test_html_404_and_static_assets(web):
    r = web.get("/events/does-not-exist")
    assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")
    assert "does-not-exist" in r.text
    assert web.get("/static/leaflet/leaflet.js").status_code == 200
    assert web.get("/static/leaflet/images/marker-icon.png").status_code == 200
    geo = web.get("/geo/admin1.geojson")
    assert geo.status_code == 200 and geo.json()["type"] == "FeatureCollection"
    assert len(geo.json()["features"]) >= 30


def test_about_shows_attribution_and_headers_are_strict(web):
    r = web.get("/about")
    assert "Who&#39;s On First" in r.text and "GeoNames" in r.text and "OCHA" in r.text
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    assert r.headers["x-content-type-options"] == "nosniff"


def test_runs_split_overlapping_marks():
    text = "abcdefghij"
    marks = [Mark(2, 6, "a", "claim", "A"), Mark(4, 8, "b", "event", "B"), Mark(9, 40, "c", "claim")]
    out = runs(text, marks)
    assert [(r.text, [m.key for m in r.marks], r.anchor) for r in out] == [
        ("ab", [], None), ("cd", ["a"], "a"), ("ef", ["a", "b"], "b"), ("gh", ["b"], None),
        ("i", [], None), ("j", ["c"], "c")]
    assert "".join(r.text for r in out) == text
    assert out[2].kinds == "claim event" and out[2].title == "A | B"
    assert runs(HASAKAH, [Mark(-1, 3, "x", "claim"), Mark(5, 5, "y", "claim")])[0].marks == []


def test_toll_chart_geometry():
    claims = [
        {"kind": "killed", "who": "isis", "value": 16, "published": "2022-01-21", "source": "sdf"},
        {"kind": "killed", "who": "isis", "value": 374, "published": "2022-01-31", "source": "sdf"},
        {"kind": "escaped", "who": "isis", "value": 200, "published": "2022-01-22", "stance": "denied"},
        {"kind": "killed", "who": "isis", "value": None, "published": "2022-01-22"},
        {"kind": "held", "who": "isis", "value": 4400, "published": None},
    ]
    chart = charts.toll(claims)
    assert [s["label"] for s in chart["series"]] == ["killed · isis", "escaped · isis"]
    killed = chart["series"][0]
    assert [(p["x"], p["y"]) for p in killed["points"]] == [(50.0, 201.4), (620.0, 10.0)]  # 16 of 374
    assert killed["line"] == "50.0,201.4 620.0,10.0"
    assert chart["series"][1]["points"][0]["denied"] and chart["series"][1]["line"] == ""
    assert charts.toll([]) is None


def test_timeline_bins_by_day_or_month():
    days = charts.timeline(["2022-01-20", "2022-01-20", "2022-01-22", None, "bad"])
    assert [(b["label"], b["n"]) for b in days["bars"]] == [
        ("2022-01-20", 2), ("2022-01-21", 0), ("2022-01-22", 1)]
    assert (days["bars"][0]["from"], days["bars"][0]["to"]) == ("2022-01-20", "2022-01-20")
    months = charts.timeline(["2021-01-05", "2021-12-30"])
    assert len(months["bars"]) == 12 and months["by_month"]
    assert [(b["from"], b["to"]) for b in months["bars"][::11]] == [("2021-01-01", "2021-01-31"),
                                                                   ("2021-12-01", "2021-12-31")]
    assert charts.timeline([None]) is None


def test_arabic_pages_translate_claim_kinds(web):
    ar = web.get("/events/ev-hasakah?lang=ar").text
    assert "<td>قتلى</td>" in ar and "<td>مُعلَن</td>" in ar
    assert "مؤكد" not in ar.replace("غير مؤكد", "")  # "asserted" never reads as "confirmed"
    en = web.get("/events/ev-hasakah?lang=en").text
    assert "<td>killed</td>" in en and "<td>قتلى</td>" not in en


def test_arabic_view_translates_types_actors_and_isolates_mixed_text(web):
    ar = web.get("/events/ev-hasakah?lang=ar").text
    assert "<h1>معارك</h1>" in ar  # the ACLED event type
    assert "<dd><bdi>داعش</bdi> · <bdi>قوات سوريا الديمقراطية</bdi></dd>" in ar  # actor names
    assert "<dd><bdi>2022-01-20 → 2022-01-30</bdi>" in ar  # a date range keeps its order in RTL
    assert "<bdi>Ghwayran, Al-Hasakah (SYR)</bdi>" in ar
    listing = web.get("/?lang=ar").text
    assert "<td>تفجيرات/عنف عن بُعد" in listing and '>معارك (1)</option>' in listing
    assert 'name="actor" value="" size="14" dir="auto"' in listing
    en = web.get("/events/ev-hasakah?lang=en").text
    assert "<h1>Battles</h1>" in en and "<bdi>Islamic State (ISIS)</bdi>" in en


@pytest.mark.parametrize("query", ["داعش", "الدولة الإسلامية", "ISIS", "Daesh", "Islamic State"])
def test_actor_filter_accepts_arabic_and_aliases(web, query):
    items = web.get("/api/events", params={"actor": query}).json()["items"]
    assert [e["event_id"] for e in items] == ["ev-hasakah"]
    html = web.get("/", params={"actor": query, "lang": "ar"}).text
    assert re.findall(r'data-event-id="([^"]+)"', html) == ["ev-hasakah"]


def test_nothing_for_an_actor_nobody_named(web):
    assert web.get("/api/events", params={"actor": "حزب الله"}).json()["total"] == 0


def test_documents_page_searches_normalised_text(web):
    html = web.get("/documents?q=اعلنت").text  # أعلنت in the text
    assert re.findall(r'data-doc-id="([^"]+)"', html) == ["h1"]
    assert 'href="/documents/h1?lang=en"' in html
    html = web.get("/documents").text
    assert re.findall(r'data-doc-id="([^"]+)"', html) == ["h1", "x1"]
    assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;" in html
