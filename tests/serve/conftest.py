"""Service fixtures: a store (SQLite and a real PostgreSQL server) filled with hand-made records,
including an article that tries to inject HTML, and an app client over it."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from marsad.model import Article, Claim, Estimate, Event, Span
from marsad.serve.app import create_app
from marsad.store import Store

TOKEN = "s3cret-token"
HASAKAH = ("أعلنت قوات سوريا الديمقراطية مقتل 28 عنصراً من داعش في الهجوم على سجن غويران بالحسكة.\n"
           "وقال المرصد السوري إن حصيلة القتلى ارتفعت إلى 374 عنصراً.")
EVIL = ('هجوم <script>alert("x")</script> في بغداد أسفر عن مقتل 3 أشخاص <img src=x onerror=alert(1)> '
        "وفق الشرطة.")


def span(text: str, needle: str) -> Span:
    i = text.index(needle)
    return Span(i, i + len(needle), needle)


def records() -> tuple[list[Article], list[Claim], list[Event]]:
    s28, s374, s3 = span(HASAKAH, "مقتل 28 عنصراً"), span(HASAKAH, "374 عنصراً"), span(EVIL, "مقتل 3 أشخاص")
    arts = [
        Article(id="h1", text=HASAKAH, title="هجوم على سجن الحسكة", published="2022-01-21", outlet="Asharq",
                url="https://example.org/h1"),
        Article(id="x1", text=EVIL, title="<script>alert('title')</script>", published="2021-06-03",
                outlet="<img src=x onerror=alert(2)>", url="javascript:alert(3)"),
    ]
    claims = [
        Claim(doc_id="h1", kind="killed", value=28, who="isis", source="sdf", start=s28.start, end=s28.end,
              spans=[s28], evidence=HASAKAH.split("\n")[0], event_id="ev-hasakah"),
        Claim(doc_id="h1", kind="killed", value=374, who="isis", source="sohr", start=s374.start,
              end=s374.end, spans=[s374], event_id="ev-hasakah"),
        Claim(doc_id="x1", kind="killed", value=3, who="<b>civilians</b>", source="police", start=s3.start,
              end=s3.end, spans=[s3], event_id="ev-evil"),
    ]
    events = [
        Event(event_id="ev-hasakah", event_type="Battles", date="2022-01-20", date_end="2022-01-30",
              country="SYR", admin1="Al-Hasakah", location="Ghwayran", latitude=36.47, longitude=40.75,
              actors=["Islamic State (ISIS)", "Syrian Democratic Forces (SDF)"], doc_ids=["h1"],
              estimates=[Estimate("killed", "isis", 28, 374, 374, n_claims=2, sources=["sdf", "sohr"],
                                  superseded=[{"date": "2022-01-21", "value": 28, "source": "sdf"}]),
                         Estimate("escaped", "isis", None, 200, None, disputed=True, n_claims=2)],
              links=[{"doc_id": "h1", "rule": "first report"}]),
        Event(event_id="ev-evil", event_type="Explosions/Remote violence", date="2021-06-03", country="IRQ",
              admin1="Baghdad", location="<script>alert('loc')</script>", latitude=33.3, longitude=44.4,
              actors=["<img src=x onerror=alert(4)>"], doc_ids=["x1"],
              links=[{"doc_id": "x1", "rule": "<script>alert(5)</script>",
                      "features": {"<i>": "<svg onload=x>"}}]),
    ]
    return arts, claims, events


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_url(request, tmp_path):
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'marsad.db'}"
    else:
        url = request.getfixturevalue("pg_server").reset_database()
    with Store(url) as st:
        st.save_run(*records())
    return url


@pytest.fixture
def client(store_url, monkeypatch):
    monkeypatch.delenv("MARSAD_TOKEN", raising=False)
    with TestClient(create_app(store_url, token=TOKEN)) as c:
        yield c


@pytest.fixture
def sqlite_url(tmp_path):
    url = f"sqlite:///{tmp_path / 'marsad.db'}"
    with Store(url) as st:
        st.save_run(*records())
    return url
