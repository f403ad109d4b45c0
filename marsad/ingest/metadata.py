"""Metadata the user supplies for inputs that carry none: a `.txt` file or an HTML page without date
markup has no publication date, outlet or URL of its own.

Three sources, by precedence:

1. the input's own fields (a corpus line's `published`, `outlet`, `url`, `title`) always win;
2. a **sidecar** for one file: `NAME.meta.json` beside `NAME` (`report.txt.meta.json`), or a line of
   a `--meta` table (JSONL or CSV with a `file` column: the file's name, or its path relative to the
   table's folder). Its `published`, `outlet`, `url` and `title` replace what the reader found in the
   page (page date markup, a date line, the site name, the page's canonical link): the user said so;
3. the command's flags (`marsad run --published D --outlet O --url U`) fill what is still missing
   in every article of the run.

A sidecar or table whose date is not a date, or whose url is not http(s), is an error line for
that document (the article is not stored with metadata the user did not mean).
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from marsad.ingest.dates import iso_date
from marsad.model import Article, IngestError

FIELDS = ("published", "outlet", "url", "title")
SIDECAR_SUFFIX = ".meta.json"


@dataclass(slots=True)
class Metadata:
    """Defaults from the command line and per-file entries from `--meta` tables."""

    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    by_file: dict[Path, dict[str, str]] = field(default_factory=dict)


class BadMetadata(ValueError):
    """A metadata value that cannot be used (one line: what and where)."""


def check_values(values: dict[str, object], where: str) -> dict[str, str]:
    """The usable fields of one metadata entry, or BadMetadata naming the bad one."""
    out: dict[str, str] = {}
    for key in FIELDS:
        value = values.get(key)
        if value in (None, ""):
            continue
        text = str(value).strip()
        if key == "published":
            iso = iso_date(text)
            if iso is None:
                raise BadMetadata(f"{where}: published {text!r} is not a date (use YYYY-MM-DD)")
            text = iso
        if key == "url" and not re.match(r"https?://\S+$", text):
            raise BadMetadata(f"{where}: url {text!r} is not an http(s) URL")
        out[key] = text
    return out


def load_table(path: Path) -> dict[Path, dict[str, str]]:
    """A `--meta` table (JSONL or CSV with a `file` column) as resolved file path -> fields."""
    rows: list[tuple[str, dict]] = []
    with path.open(encoding="utf-8-sig", newline="") as f:
        if path.suffix.lower() == ".csv":
            rows = [(f"{path}:{n}", row) for n, row in enumerate(csv.DictReader(f), 2)]
        else:
            for n, line in enumerate(f, 1):
                if line.strip():
                    try:
                        rows.append((f"{path}:{n}", json.loads(line)))
                    except json.JSONDecodeError as e:
                        raise BadMetadata(f"{path}:{n}: not JSON ({e.msg})") from None
    out: dict[Path, dict[str, str]] = {}
    for where, row in rows:
        if not isinstance(row, dict) or not row.get("file"):
            raise BadMetadata(f"{where}: each entry needs a 'file'")
        out[(path.parent / str(row["file"])).resolve()] = check_values(row, where)
    return out


def _sidecar(path: Path) -> dict[str, str] | None:
    side = path.with_name(path.name + SIDECAR_SUFFIX)
    if not side.is_file():
        return None
    try:
        values = json.loads(side.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise BadMetadata(f"{side}: not readable JSON ({e})") from None
    if not isinstance(values, dict):
        raise BadMetadata(f"{side}: must be one JSON object")
    return check_values(values, str(side))


def _file_of(article: Article) -> Path | None:
    """The file an article was read from when it is the whole file (.txt, HTML), else None."""
    if not article.origin:
        return None
    path = Path(article.origin)
    return path if path.is_file() else None


def with_metadata(items: Iterable[Article | IngestError], meta: Metadata | None
                  ) -> Iterator[Article | IngestError]:
    """The reader's items with the supplied metadata applied (module docstring). Sidecar files met
    in a folder are metadata, not reports: whatever the reader made of them is left out."""
    for item in items:
        if _from_sidecar(item.origin if isinstance(item, Article) else item.input):
            continue
        if isinstance(item, Article):
            try:
                apply(item, meta)
            except BadMetadata as e:
                yield IngestError(item.origin or item.id, str(e), item.id)
                continue
        yield item


def _from_sidecar(origin: str | None) -> bool:
    """Whether an input name (`path`, `path:line`, `path[n]`) is a sidecar file."""
    return bool(origin) and re.search(re.escape(SIDECAR_SUFFIX) + r"(?:$|:\d+$|\[\d+\]$)", origin) is not None


def apply(article: Article, meta: Metadata | None) -> None:
    """Fill one article: a sidecar or table entry replaces page-derived values, flags fill gaps."""
    path = _file_of(article)
    if path is not None:
        entry = _sidecar(path)
        if entry is None and meta is not None:
            entry = meta.by_file.get(path.resolve())
        if entry:
            for key, value in entry.items():
                setattr(article, key, value)
            if "published" in entry:
                article.published_origin = "sidecar"
    if meta is None:
        return
    if not article.published and meta.published:
        article.published, article.published_origin = meta.published, "flag"
    if not article.outlet and meta.outlet:
        article.outlet = meta.outlet
    if not article.url and meta.url:
        article.url = meta.url
