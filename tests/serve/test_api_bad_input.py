"""Issue #14 points 1-3 through the service: the same input record model as `marsad run`; a bad
article in a request is an error line for that article and the good ones are stored (201)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.serve.conftest import TOKEN

AUTH = {"Authorization": f"Bearer {TOKEN}"}
SAMPLE = Path(__file__).resolve().parents[2] / "marsad" / "data" / "sample" / "docs.jsonl"


def _rows() -> list[dict]:
    return [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_badly_typed_articles_are_reported_and_the_good_ones_stored(client):
    good = _rows()[:2]
    body = [dict(good[0], id="t-int", title=123), good[0], {"text": good[1]["text"], "url": 5},
            dict(good[1], id="t-outlet", outlet={"name": "x"}), good[1]]
    r = client.post("/api/documents", json=body, headers=AUTH)
    assert r.status_code == 201
    out = r.json()
    assert out["documents"] == [good[0]["id"], good[1]["id"]]
    assert out["failed"] == 3
    assert [(e["input"], e["doc_id"]) for e in out["errors"]] == [
        ("article 0", "t-int"), ("article 2", None), ("article 3", "t-outlet")]
    assert out["errors"][2]["reason"] == ("bad record: field 'outlet': Input should be a valid string "
                                          "(got an object)")
    ids = {d["id"] for d in client.get("/api/documents?limit=100").json()["items"]}
    assert {good[0]["id"], good[1]["id"]} <= ids and not {"t-int", "t-outlet"} & ids


def test_json_nested_100k_deep_is_400_not_500(client):
    body = b'{"id": "a", "text": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    r = client.post("/api/documents", content=body, headers={**AUTH, "content-type": "application/json"})
    assert r.status_code == 400
