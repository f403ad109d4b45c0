"""The JSON API on SQLite and PostgreSQL: filters, pagination, detail, exports, auth, limits, errors."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from marsad.serve.app import create_app
from marsad.store import Store

from .conftest import TOKEN

SAMPLE = Path(__file__).resolve().parents[2] / "marsad" / "data" / "sample" / "docs.jsonl"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.mark.parametrize(("query", "expected"), [
    ("", ["ev-hasakah", "ev-evil"]),
    ("country=SYR", ["ev-hasakah"]),
    ("admin1=baghdad", ["ev-evil"]),
    ("type=Battles", ["ev-hasakah"]),
    ("actor=ISIS", ["ev-hasakah"]),
    ("date_from=2022-01-25", ["ev-hasakah"]),
    ("date_to=2021-12-31", ["ev-evil"]),
    ("q=الحسكه", ["ev-hasakah"]),
    ("q=غويران&country=IRQ", []),
])
def test_event_filters(client, query, expected):
    r = client.get(f"/api/events?{query}")
    assert r.status_code == 200
    body = r.json()
    assert [e["event_id"] for e in body["items"]] == expected
    assert body["total"] == len(expected)


def test_event_pagination(client):
    first = client.get("/api/events?limit=1&offset=0").json()
    second = client.get("/api/events?limit=1&offset=1").json()
    assert (first["total"], first["limit"], first["offset"]) == (2, 1, 0)
    assert [first["items"][0]["event_id"], second["items"][0]["event_id"]] == ["ev-hasakah", "ev-evil"]
    assert client.get("/api/events?limit=0").status_code == 422
    assert client.get("/api/events?limit=501").status_code == 422
    assert client.get("/api/events?offset=-1").status_code == 422


def test_event_detail(client):
    r = client.get("/api/events/ev-hasakah")
    assert r.status_code == 200
    ev = r.json()
    assert [(e["kind"], e["best"], e["disputed"]) for e in ev["estimates"]] == [
        ("killed", 374, False), ("escaped", 200, True)]
    assert [(c["value"], c["source"], c["outlet"], c["published"]) for c in ev["claims"]] == [
        (28, "sdf", "Asharq", "2022-01-21"), (374, "sohr", "Asharq", "2022-01-21")]
    assert ev["claims"][0]["spans"] == [{"start": 29, "end": 43, "text": "مقتل 28 عنصراً"}]
    assert ev["documents"][0]["reasons"] == [{"doc_id": "h1", "rule": "first report"}]
    assert ev["revisions"][0]["action"] == "created"


def test_unknown_ids_are_404_json(client):
    for path in ("/api/events/nope", "/api/documents/nope", "/api/nothing-here"):
        r = client.get(path)
        assert r.status_code == 404 and r.headers["content-type"].startswith("application/json")
        assert "detail" in r.json()


def test_documents_and_claims(client):
    docs = client.get("/api/documents").json()
    assert [d["id"] for d in docs["items"]] == ["h1", "x1"] and "text" not in docs["items"][0]
    assert [d["id"] for d in client.get("/api/documents?q=المرصد السوري").json()["items"]] == ["h1"]
    doc = client.get("/api/documents/h1").json()
    assert doc["text"].startswith("أعلنت قوات") and doc["event_ids"] == ["ev-hasakah"]
    claims = client.get("/api/claims?event_id=ev-hasakah&kind=killed").json()
    assert claims["total"] == 2 and {c["value"] for c in claims["items"]} == {28, 374}
    assert client.get("/api/claims?doc_id=x1").json()["items"][0]["who"] == "<b>civilians</b>"


def test_facets(client):
    f = client.get("/api/facets").json()
    assert f["country"] == [{"value": "IRQ", "count": 1}, {"value": "SYR", "count": 1}]


def test_export_formats(client):
    r = client.get("/api/export?format=jsonl&country=SYR")
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/x-ndjson")
    rows = [json.loads(line) for line in r.text.splitlines()]
    assert [e["event_id"] for e in rows] == ["ev-hasakah"] and rows[0]["doc_ids"] == ["h1"]
    geo = client.get("/api/export?format=geojson").json()
    assert geo["type"] == "FeatureCollection"
    assert {f["id"]: f["geometry"]["coordinates"] for f in geo["features"]}["ev-hasakah"] == [40.75, 36.47]
    acled = client.get("/api/export?format=acled")
    assert acled.status_code == 200 and acled.headers["content-type"].startswith("text/csv")
    header = next(csv.reader(io.StringIO(acled.text)))
    assert len(header) == 31 and header[0] == "event_id_cnty" and header[-1] == "timestamp"
    assert client.get("/api/export?format=xml").status_code == 400


def test_openapi_lists_the_api(client):
    spec = client.get("/api/openapi.json").json()
    assert {"/api/events", "/api/events/{event_id}", "/api/documents", "/api/claims", "/api/export"} <= set(
        spec["paths"])
    docs = client.get("/api/docs")
    assert docs.status_code == 200 and 'src="/static/swagger/swagger-ui-bundle.js"' in docs.text
    assert "cdn" not in docs.text and "<script>" not in docs.text  # offline, no inline script
    assert client.get("/static/swagger/swagger-ui-bundle.js").status_code == 200


def test_openapi_documents_the_ingest_body_the_bearer_scheme_and_typed_answers(client):
    spec = client.get("/api/openapi.json").json()
    assert spec["components"]["securitySchemes"]["HTTPBearer"] == {
        "type": "http", "scheme": "bearer",
        "description": "the token given to `marsad serve --token` or MARSAD_TOKEN"}
    post = spec["paths"]["/api/documents"]["post"]
    assert post["security"] == [{"HTTPBearer": []}]
    one, many = post["requestBody"]["content"]["application/json"]["schema"]["oneOf"]
    assert one["required"] == ["text"] and set(one["properties"]) == {"id", "title", "text", "published",
                                                                     "outlet", "url"}
    assert many["type"] == "array" and many["items"] == one
    assert post["responses"]["201"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/IngestResult"}
    for path, model in [("/api/events", "EventPage"), ("/api/events/{event_id}", "EventDetail"),
                        ("/api/claims", "ClaimPage"), ("/api/documents", "DocumentPage"),
                        ("/api/facets", "Facets")]:
        answer = spec["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
        assert answer == {"$ref": f"#/components/schemas/{model}"}, path
    assert "stance" in spec["components"]["schemas"]["ClaimOut"]["properties"]


# ---------------------------------------------------------------- writes


def _sample_rows() -> list[dict]:
    return [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_post_without_configured_token_is_403(sqlite_url, monkeypatch):
    monkeypatch.delenv("MARSAD_TOKEN", raising=False)
    with TestClient(create_app(sqlite_url)) as c:
        r = c.post("/api/documents", json=_sample_rows()[0], headers=AUTH)
    assert r.status_code == 403 and "token" in r.json()["detail"]


def test_post_with_missing_or_wrong_token_is_401(client):
    row = _sample_rows()[0]
    assert client.post("/api/documents", json=row).status_code == 401
    r = client.post("/api/documents", json=row, headers={"Authorization": "Bearer wrong"})
    assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer"
    basic = {"Authorization": f"Basic {TOKEN}"}
    assert client.post("/api/documents", json=row, headers=basic).status_code == 401


def test_token_from_environment(sqlite_url, monkeypatch):
    monkeypatch.setenv("MARSAD_TOKEN", "from-env")
    with TestClient(create_app(sqlite_url)) as c:
        env_auth = {"Authorization": "Bearer from-env"}
        assert c.post("/api/documents", json={}, headers=env_auth).status_code == 400
        assert c.post("/api/documents", json={}, headers=AUTH).status_code == 401


def test_post_ingests_through_the_pipeline_idempotently(client):
    rows = _sample_rows()[:2]
    r = client.post("/api/documents", json=rows, headers=AUTH)
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["read"] == 2 and body["failed"] == 0
    assert body["documents"] == [rows[0]["id"], rows[1]["id"]]
    stored = client.get(f"/api/documents/{rows[0]['id']}").json()
    assert stored["text"] == rows[0]["text"] and stored["outlet"] == rows[0]["outlet"]
    assert body["event_ids"]  # the sample's first reports are about the Hasakah prison attack
    for eid in body["event_ids"]:
        assert client.get(f"/api/events/{eid}").json()["revisions"][-1]["source"] == "api"
    n_docs = client.get("/api/documents").json()["total"]
    n_events = client.get("/api/events").json()["total"]
    assert n_docs == 4
    again = client.post("/api/documents", json=rows[0], headers=AUTH)  # one object, already stored
    assert again.status_code == 201 and again.json()["documents"] == [rows[0]["id"]]
    assert client.get("/api/documents").json()["total"] == n_docs
    assert client.get("/api/events").json()["total"] == n_events


def test_post_rejects_malformed_bodies(client):
    bad = [
        (b"{not json", "application/json", 400),
        (b"[]", "application/json", 400),
        (b'[{"id": "a"}]', "application/json", 400),  # no text
        (b'{"id": "a", "text": 5}', "application/json", 400),
        (b"[1, 2]", "application/json", 400),
        (b"id,text\n", "text/csv", 415),
    ]
    for body, ctype, status in bad:
        r = client.post("/api/documents", content=body, headers={**AUTH, "content-type": ctype})
        assert r.status_code == status, (body, r.text)
        assert r.json()["detail"]


def test_post_of_only_unusable_articles_is_422(client):
    r = client.post("/api/documents", json={"id": "en1", "text": "An English sentence only."}, headers=AUTH)
    body = r.json()
    if body["read"]:  # the ingest stage may accept non-Arabic text; then it is stored, not refused
        assert r.status_code == 201
    else:
        assert r.status_code == 422 and body["failed"] == 1 and body["errors"][0]["input"] == "article 0"


def test_oversize_body_is_413(sqlite_url, monkeypatch):
    monkeypatch.delenv("MARSAD_TOKEN", raising=False)
    with TestClient(create_app(sqlite_url, token=TOKEN, max_body=1000)) as c:
        big = {"id": "big", "text": "ا" * 2000}
        r = c.post("/api/documents", json=big, headers=AUTH)
        assert r.status_code == 413 and "1000" in r.json()["detail"]

        def chunks():  # no Content-Length: the limit applies to the bytes as they stream in
            yield b'{"id": "big", "text": "'
            for _ in range(20):
                yield ("ب" * 100).encode()
            yield b'"}'

        r = c.post("/api/documents", content=chunks(), headers={**AUTH, "content-type": "application/json"})
        assert r.status_code == 413
        with Store(sqlite_url) as st:
            assert st.get_document("big") is None


def test_post_when_the_store_cannot_be_written_is_503(client, monkeypatch):
    from marsad.store.journal import Journal

    def broken(*_args, **_kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(Journal, "commit", broken)  # the one transaction that stores a run's results
    r = client.post("/api/documents", json=_sample_rows()[0], headers=AUTH)
    assert r.status_code == 503 and "disk full" in r.json()["detail"]
    assert client.get("/api/documents").json()["total"] == 2


# ---------------------------------------------------------------- reviews


def test_review_through_the_api_needs_the_token_and_says_why_it_refuses(client):
    body = {"op": "retype", "params": {"event_type": "Battles", "sub_event_type": "Armed clash"},
            "who": "Huda", "why": "fighting inside the prison"}
    assert client.post("/api/events/ev-evil/reviews", json=body).status_code == 401
    made = client.post("/api/events/ev-evil/reviews", json=body, headers=AUTH)
    assert made.status_code == 201, made.text
    assert {k: made.json()[k] for k in ("event_id", "op", "who", "why")} == {
        "event_id": "ev-evil", "op": "retype", "who": "Huda", "why": "fighting inside the prison"}
    ev = client.get("/api/events/ev-evil").json()
    assert (ev["event_type"], ev["sub_event_type"]) == ("Battles", "Armed clash")
    assert ev["revisions"][-1]["action"] == "reviewed" and ev["revisions"][-1]["source"] == "review:Huda"
    assert [r["op"] for r in client.get("/api/events/ev-evil/reviews").json()] == ["retype"]
    bad = client.post("/api/events/ev-evil/reviews", json=dict(body, params={"event_type": "Skirmish"}),
                      headers=AUTH)
    assert bad.status_code == 400
    assert bad.json() == {"detail": "event_type 'Skirmish' is not an ACLED event type"}
    missing = client.post("/api/events/nope/reviews", json=body, headers=AUTH)
    assert missing.json() == {"detail": "no event 'nope'"}
