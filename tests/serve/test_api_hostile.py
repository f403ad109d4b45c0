"""Issue #14 point 9: hostile reads answer 4xx with the security headers, never a 500 (on SQLite and
PostgreSQL): a NUL in any string parameter, an offset beyond any integer column, dates that are not
dates; and an error inside a handler is a 500 without details that still carries the headers."""

from __future__ import annotations

import pytest

from marsad.serve.app import SECURITY_HEADERS


@pytest.mark.parametrize("path", [
    "/api/documents?q=abc%00def", "/api/events?q=abc%00def", "/api/events?actor=a%00b",
    "/api/claims?kind=killed%00", "/?q=abc%00def",
])
def test_nul_in_a_query_is_400(client, path):
    r = client.get(path)
    assert r.status_code == 400 and r.json() == {"detail": "NUL character in the query"}
    assert r.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("path", [
    "/api/events?offset=99999999999999999999999", "/api/documents?offset=99999999999999999999999",
    "/api/claims?offset=1000000001", "/api/events?date_from=yesterday",
    "/api/documents?date_to=2022-01-01%27",
])
def test_out_of_range_or_malformed_parameters_are_422(client, path):
    assert client.get(path).status_code == 422


def test_a_valid_date_filter_still_works(client):
    assert client.get("/api/events?date_from=2022-01&date_to=2022-12-31").status_code == 200


def test_a_500_carries_the_security_headers_and_no_details(client, monkeypatch):
    from marsad.store import Store

    def broken(*_a, **_k):
        raise RuntimeError("SELECT secret FROM internals")

    monkeypatch.setattr(Store, "list_events", broken)
    r = client.get("/api/events")
    assert r.status_code == 500 and r.json() == {"detail": "internal error"}
    for k, v in SECURITY_HEADERS.items():
        assert r.headers[k] == v
