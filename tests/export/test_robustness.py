"""Malformed upstream records (missing or garbled dates, places, countries, indexes) never stop linking,
reconciliation or any export."""

from __future__ import annotations

import csv
import json
import random

from marsad.export.acled import ACLED_COLUMNS
from marsad.export.source import ExportData, group_claims
from marsad.export.writer import export
from marsad.link.linker import link_events
from marsad.model import Article, Claim, Event, Span
from marsad.reconcile.estimates import reconcile


def messy_corpus(seed: int) -> tuple[list[Event], list[Claim], dict[str, Article]]:
    rng = random.Random(seed)
    events, claims, articles = [], [], {}
    for i in range(200):
        doc = f"d{i % 80:02d}"
        articles[doc] = Article(doc, "نص " * rng.randint(0, 30),
                                published=rng.choice([None, f"2020-01-0{rng.randint(1, 9)}", "bad"]))
        events.append(Event(
            event_type=rng.choice([None, "Battles", "Strategic developments"]),
            date=rng.choice([None, f"2020-01-0{rng.randint(1, 9)}", "2020-01-05T10:00", "garbage"]),
            date_end=rng.choice([None, "2020-01-09", "x"]), country=rng.choice([None, "SYR", "irq", ""]),
            admin1=rng.choice([None, "Aleppo", ""]), location=rng.choice([None, "Afrin", "Aleppo"]),
            latitude=rng.choice([None, 36.5]), longitude=rng.choice([None, 36.8]),
            geo_precision=rng.choice([None, 1, 2, 3]), place_id=rng.choice([None, "x"]),
            actors=rng.sample(["A", "B", "Civilians"], rng.randint(0, 2)), doc_ids=[doc],
            background=rng.random() < 0.2, evidence=[Span(0, 2, "نص")] if rng.random() < 0.5 else []))
    events.sort(key=lambda e: e.doc_ids[0])  # an article's events stay consecutive
    for _ in range(150):
        claims.append(Claim(f"d{rng.randint(0, 79):02d}", rng.choice(["killed", "injured", "escaped"]),
                            rng.choice([None, 0, 3, 40]), value_high=rng.choice([None, 50]),
                            who=rng.choice([None, "Civilians", "Children"]),
                            stance=rng.choice(["asserted", "denied", "unconfirmed"]),
                            event_index=rng.choice([None, 0, 1, 5]), start=rng.randint(0, 40)))
    return events, claims, articles


def test_messy_records_link_reconcile_and_export(tmp_path):
    events, claims, articles = messy_corpus(3)
    incidents = link_events(events, claims, articles)
    reconcile(incidents, claims, articles)
    assert sum(len(e.doc_ids) for e in incidents) >= len({e.doc_ids[0] for e in events})
    assert all(e.event_id for e in incidents)
    data = ExportData(incidents, group_claims(claims), articles)
    for fmt in ("acled", "ucdp", "geojson", "jsonl"):
        assert export(data, fmt, tmp_path / f"out.{fmt}") > 0
    with (tmp_path / "out.acled").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0]) == ACLED_COLUMNS
    assert {r["year"] for r in rows} <= {"2020", ""}
    assert json.loads((tmp_path / "out.geojson").read_text(encoding="utf-8"))["type"] == "FeatureCollection"
