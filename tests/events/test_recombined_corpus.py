"""No stage may fail on odd combinations of real sentences: articles recombined at random from the
gold corpora (../shared/eval/*/docs.jsonl, when present) and the bundled sample run through the whole
per-article pipeline without a stage error."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad import pipeline
from marsad.model import Article
from marsad.run import process_articles

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [ROOT / "marsad" / "data" / "sample" / "docs.jsonl",
           *sorted((ROOT.parent / "shared" / "eval").glob("*/docs.jsonl"))]
_SPLIT = re.compile(r"(?<=[.!؟\n])\s*")


@cache
def sentences() -> tuple[str, ...]:
    out: list[str] = []
    for path in SOURCES:
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            text = json.loads(line).get("text") or ""
            out.extend(s.strip() for s in _SPLIT.split(text) if len(s.strip()) > 10)
    return tuple(out)


@cache
def nlp():
    return pipeline.build()


def test_the_crash_combination_runs():
    """A toll headline with an arrest sentence (once `KeyError: 'Armed clash'`)."""
    text = ("جنين: 12 شهيدا و143 جريحا حصيلة العدوان.. ونزوح 3 آلاف من المخيم\n"
            "اعتقلت قوات الأمن العراقية 30 مطلوبا في الموصل.")
    [result] = process_articles([Article(id="k", text=text, published="2023-07-05")], nlp())
    assert result.error is None


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(picks=st.lists(st.integers(min_value=0, max_value=10**6), min_size=1, max_size=6),
       year=st.integers(min_value=2014, max_value=2024), month=st.integers(min_value=1, max_value=12),
       joiner=st.sampled_from(["\n", " ", "\n\n", ". "]))
def test_recombined_articles_never_fail_a_stage(picks, year, month, joiner):
    pool = sentences()
    if not pool:
        pytest.skip("no corpus sentences found")
    text = joiner.join(pool[p % len(pool)] for p in picks)
    articles = [Article(id="r", text=text, published=f"{year}-{month:02d}-15")]
    [result] = process_articles(articles, nlp())
    assert result.error is None, result.error.reason
    for ev in result.events:
        assert ev.event_type is not None and ev.date is not None
