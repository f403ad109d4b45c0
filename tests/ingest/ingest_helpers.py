"""Paths and helpers shared by the ingestion tests (named uniquely: each test folder has a conftest)."""

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "marsad" / "data" / "sample" / "docs.jsonl"


def squash(text: str) -> list[str]:
    """Non-empty lines with runs of spaces collapsed: HTML extraction normalises whitespace."""
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]
