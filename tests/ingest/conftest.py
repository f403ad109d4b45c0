"""Fixtures for the ingestion tests: the committed files in data/ and the sample seeds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from ingest_helpers import DATA, SAMPLE


@pytest.fixture(scope="session")
def seeds() -> dict[str, dict]:
    return {row["id"]: row for row in map(json.loads, SAMPLE.open(encoding="utf-8"))}


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return DATA

