"""Fixtures for the claims tests: one pipeline per session, claims of a text as simple tuples."""

from __future__ import annotations

import pytest

from marsad import pipeline
from marsad.model import Article


@pytest.fixture(scope="session")
def nlp():
    return pipeline.build(["marsad_boilerplate", "marsad_claims"])


@pytest.fixture(scope="session")
def claims_of(nlp):
    """text -> list of Claim (the article text as given, id 't')."""

    def run(text: str):
        doc = next(pipeline.process(nlp, [Article(id="t", text=text)]))
        return doc._.claims

    return run


@pytest.fixture(scope="session")
def figures(claims_of):
    """text -> [(kind, value, value_high, qualifier)] in order."""

    def run(text: str):
        return [(c.kind, c.value, c.value_high, c.qualifier) for c in claims_of(text)]

    return run
