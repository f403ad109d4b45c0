"""Cutting a corpus into shards that Dask workers read on their own (`marsad shard`).

A gzip stream can only be read from its start, so one `corpus.jsonl.gz` is one task however many
workers there are. `shard` writes the reports of its inputs, in input order, into numbered gzipped
JSONL files (`part-00000.jsonl.gz`, ...) that sort in that order; `marsad run SHARD_DIR --dask ...`
then gives each worker whole shards to read, process and record. Lines of JSONL inputs are copied
byte for byte (a broken line stays a broken line, reported when the shard is run); other inputs
(text, HTML, feeds, WARC) become one corpus record per article (id, title, text, published, outlet,
url), and the ones that cannot be read are returned as errors.
"""

from __future__ import annotations

import gzip
import itertools
import json
from collections.abc import Iterator
from pathlib import Path

from marsad.ingest.readers import JSONL_SUFFIXES, _open, expand, read_inputs
from marsad.model import Article, IngestError

RECORD_FIELDS = ("id", "title", "text", "published", "outlet", "url")


def _is_jsonl(path: Path) -> bool:
    name = path.name.lower().removesuffix(".gz")
    return name.endswith(JSONL_SUFFIXES)


def _lines(inputs: list[str], errors: list[IngestError]) -> Iterator[bytes]:
    """Every report of the inputs as one JSONL line, in input order."""
    seen: set[Path] = set()
    for name in inputs:
        files, error = expand(name)
        if error is not None:
            errors.append(error)
        for path in files:
            if path.resolve() in seen:
                continue
            seen.add(path.resolve())
            if _is_jsonl(path):
                with _open(path) as f:
                    for raw in f:
                        if raw.strip():
                            yield raw if raw.endswith(b"\n") else raw + b"\n"
                continue
            for item in read_inputs([str(path)]):
                if isinstance(item, IngestError):
                    errors.append(item)
                else:
                    yield _record(item)


def _record(art: Article) -> bytes:
    row = {k: getattr(art, k) for k in RECORD_FIELDS}
    return (json.dumps(row, ensure_ascii=False) + "\n").encode("utf-8")


def count_reports(inputs: list[str]) -> int:
    return sum(1 for _ in _lines(inputs, []))


def shard(inputs: list[str], out_dir: Path, size: int) -> tuple[list[Path], int, list[IngestError]]:
    """Write the inputs' reports into gzipped JSONL shards of `size` reports each, in input order.

    Returns the shard files, the number of reports written and the inputs that could not be read.
    """
    if size < 1:
        raise ValueError("a shard holds at least one report")
    out_dir.mkdir(parents=True, exist_ok=True)
    errors: list[IngestError] = []
    paths: list[Path] = []
    lines = _lines(inputs, errors)
    n = 0
    while batch := list(itertools.islice(lines, size)):
        paths.append(out_dir / f"part-{len(paths):05d}.jsonl.gz")
        with gzip.open(paths[-1], "wb", compresslevel=5) as f:
            f.writelines(batch)
        n += len(batch)
    return paths, n, errors
