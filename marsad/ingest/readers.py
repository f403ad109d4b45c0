"""Input readers (stub until the ingest work lands): corpus JSONL only."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from marsad.model import Article, IngestError


def read_inputs(inputs: list[str]) -> Iterator[Article | IngestError]:
    for name in inputs:
        path = Path(name)
        with path.open(encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as e:
                    yield IngestError(f"{path}:{n}", f"not JSON: {e}")
                    continue
                yield Article(id=str(row["id"]), text=row["text"], title=row.get("title"),
                              published=row.get("published"), published_origin="input",
                              outlet=row.get("outlet"), url=row.get("url"), origin=f"{path}:{n}")
