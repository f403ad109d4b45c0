"""Reading articles from corpus JSONL, text/HTML files, RSS/Atom feeds and WARC archives.

`read_inputs` takes what the user typed (files, folders, globs, mixed) and yields one `Article`
per article found or one `IngestError` per input that could not become an article. It never
raises for bad data: a batch of a thousand scrapes must survive one broken file. Each input is
recognised by its content first (a WARC header, a JSON object, feed markup, HTML markup) and its
suffix second, because scrapes are often misnamed.
"""

from __future__ import annotations

import glob
import gzip
import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import urlparse

from marsad.ingest.dates import choose_published, parse_date_line
from marsad.ingest.encoding import (
    NotText,
    arabic_share,
    decode_bytes,
    decode_utf8_lenient,
    letter_count,
    persian_urdu_share,
)
from marsad.ingest.html import extract_page, fragment_text, looks_like_html
from marsad.ingest.record import known_id, parse_record
from marsad.model import Article, IngestError

# One article (a .txt/.html file, one JSONL line, one WARC record) larger than this is not a news
# article: it is a dump, a log or a mistake, and reading it would stall the batch.
MAX_ARTICLE_BYTES = 5 * 1024 * 1024
# Files read whole (one-article files, feeds). JSONL and WARC are streamed record by record.
MAX_FILE_BYTES = 20 * 1024 * 1024
# Share of letters that must be Arabic for an article to be read as Arabic.
MIN_ARABIC_SHARE = 0.5
# Persian/Urdu-only letters above this share: the text is Persian or Urdu in Arabic script.
MAX_PERSIAN_URDU_SHARE = 0.01
# Fewer letters than this is not an article (an empty page, a stub).
MIN_LETTERS = 20

_FEED_HINT = re.compile(r"<(?:rss|feed|rdf:RDF)\b", re.I)
_GLOB_CHARS = re.compile(r"[*?\[]")
_SLUG = re.compile(r"[^\w]+")
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".json")
FEED_SUFFIXES = (".rss", ".atom", ".xml")
GZIP_MAGIC = b"\x1f\x8b"


def read_inputs(inputs: Iterable[str]) -> Iterator[Article | IngestError]:
    """Articles and errors from every input, in input order.

    A file named twice (a folder and a glob that overlap) is read once; a document id met twice
    (the same article in two corpus files) is an error on the second copy.
    """
    seen_ids: dict[str, str] = {}
    seen_files: set[Path] = set()
    for name in inputs:
        for item in _read_input(name, seen_files):
            if isinstance(item, Article):
                first = seen_ids.setdefault(item.id, item.origin or name)
                if first != (item.origin or name):
                    yield IngestError(item.origin or name, f"duplicate document id {item.id!r} "
                                      f"(already read from {first})", item.id)
                    continue
            yield item


def expand(name: str) -> tuple[list[Path], IngestError | None]:
    """The files an input names: itself, a folder's files (recursively) or a glob's matches."""
    path = Path(name)
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and not _hidden(p.relative_to(path)))
        return files, None if files else IngestError(name, "folder holds no files")
    if path.is_file():
        return [path], None
    if _GLOB_CHARS.search(name):
        files = sorted(Path(p) for p in glob.glob(name, recursive=True) if Path(p).is_file())
        return files, None if files else IngestError(name, "glob matches no files")
    return [], IngestError(name, "no such file or folder")


def _hidden(rel: Path) -> bool:
    return any(part.startswith(".") for part in rel.parts)


def _read_input(name: str, seen_files: set[Path]) -> Iterator[Article | IngestError]:
    files, error = expand(name)
    if error:
        yield error
    for path in files:
        resolved = path.resolve()
        if resolved in seen_files:
            continue
        seen_files.add(resolved)
        try:
            yield from _read_file(path)
        except Exception as e:  # noqa: BLE001 - a reader bug on one file must not end the batch
            yield IngestError(str(path), f"unreadable: {type(e).__name__}: {e}")


def _read_file(path: Path) -> Iterator[Article | IngestError]:
    size = path.stat().st_size
    if size == 0:
        yield IngestError(str(path), "empty file")
        return
    with path.open("rb") as f:
        head = f.read(4096)
    lower = path.name.lower()
    if head.startswith(b"WARC/") or (lower.endswith(WARC_SUFFIXES) and not _gzipped_text(path, head)):
        yield from read_warc(path)
        return
    stem = path.stem
    if head[:2] == GZIP_MAGIC:  # a gzipped JSONL, text or HTML file reads like its plain form
        if lower.endswith(".gz"):
            lower, stem = lower[:-3], Path(path.name[:-3]).stem
        with gzip.open(path, "rb") as f:
            head = f.read(4096)
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if lower.endswith(JSONL_SUFFIXES) or stripped[:1] in (b"{", b"["):
        yield from read_jsonl(path)
        return
    data = _read_capped(path, MAX_FILE_BYTES)
    if data is None:
        limit = MAX_FILE_BYTES // 2**20
        shown = f"{size / 2**20:.1f} MB" if size > MAX_FILE_BYTES else f"over {limit} MB once decompressed"
        yield IngestError(str(path), f"file too large: {shown} (limit {limit} MB)")
        return
    try:
        text, enc = decode_bytes(data)
    except NotText as e:
        yield IngestError(str(path), str(e))
        return
    if _FEED_HINT.search(text[:4096]) and (lower.endswith(FEED_SUFFIXES) or text.lstrip().startswith("<?xml")
                                            or _FEED_HINT.match(text.lstrip())):
        yield from read_feed(path, text)
        return
    if len(text.encode("utf-8")) > MAX_ARTICLE_BYTES:
        yield IngestError(str(path), f"too large for one article: {size / 2**20:.1f} MB")
        return
    if lower.endswith((".html", ".htm", ".xhtml")) or looks_like_html(text):
        yield read_html(text, origin=str(path), stem=stem, decoding=_repair(enc))
    else:
        yield make_article(text, origin=str(path), stem=stem, decoding=_repair(enc))


def _open(path: Path) -> BinaryIO:
    """The file's bytes, decompressed when it is gzipped."""
    with path.open("rb") as f:
        gzipped = f.read(2) == GZIP_MAGIC
    return gzip.open(path, "rb") if gzipped else path.open("rb")


def _read_capped(path: Path, limit: int) -> bytes | None:
    """The whole (decompressed) content, or None when it is larger than `limit` bytes."""
    if path.stat().st_size > limit:
        return None
    with _open(path) as f:
        data = f.read(limit + 1)
    return data if len(data) <= limit else None


def _gzipped_text(path: Path, head: bytes) -> bool:
    """A `.warc.gz` that is really something else: false for any real gzip member starting `WARC/`."""
    if head[:2] != b"\x1f\x8b":
        return False
    try:
        with gzip.open(path, "rb") as f:
            return not f.read(5).startswith((b"WARC/", b"filed"))
    except OSError:
        return True


# --- corpus JSONL ---------------------------------------------------------------------------

def read_jsonl(path: Path) -> Iterator[Article | IngestError]:
    """The corpus format: one JSON object a line with id, title, text, published, outlet, url."""
    with _open(path) as f:
        first = f.read(1024).lstrip(b"\xef\xbb\xbf \t\r\n")
        f.seek(0)
        if first[:1] == b"[" and not _lines_of_json(path):  # a JSON array of the same objects
            yield from _read_json_array(path)
            return
        for n, raw in enumerate(f, 1):
            if n == 1:
                raw = raw.removeprefix(b"\xef\xbb\xbf")
                if raw.strip() == b"{" and (whole := _pretty_json(path)) is not None:
                    yield from _row_article(whole, str(path))  # one pretty-printed object, not JSONL
                    return
            yield from _jsonl_line(path, n, raw)


def _jsonl_line(path: Path, n: int, raw: bytes) -> Iterator[Article | IngestError]:
    """The article (or error) of line `n` of a corpus JSONL file; nothing for a blank line."""
    if not raw.strip():
        return
    origin = f"{path}:{n}"
    if len(raw) > MAX_ARTICLE_BYTES:
        yield IngestError(origin, f"line too large: {len(raw) / 2**20:.1f} MB", _salvage_id(raw[:1024]))
        return
    decoding = None
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        if (repaired := decode_utf8_lenient(raw)) is None:
            yield IngestError(origin, f"not UTF-8 text: {e}", _salvage_id(raw))
            return
        line, decoding = repaired
    try:
        row = json.loads(line)
    except json.JSONDecodeError as e:
        yield IngestError(origin, f"truncated or invalid JSON: {e.msg} (column {e.colno})", _salvage_id(raw))
        return
    except RecursionError:
        yield IngestError(origin, "JSON nested too deeply", _salvage_id(raw))
        return
    try:
        yield from _row_article(row, origin, decoding)
    except Exception as e:  # noqa: BLE001 - one record a reader cannot handle is that record's error
        yield IngestError(origin, f"unreadable record: {type(e).__name__}: {e}", known_id(row))


def jsonl_bytes(path: Path) -> int | None:
    """The size of a corpus JSONL file (decompressed, for a gzipped one) when `read_jsonl_range` can
    read it in parts; None for anything else (a JSON array, one pretty-printed object, WARC, text,
    an empty file) and for a gzip file whose stored size is not that of the whole stream (over 4 GB,
    or several members)."""
    size = path.stat().st_size
    if size == 0:
        return None
    with path.open("rb") as f:
        head = f.read(4096)
        gzipped = head[:2] == GZIP_MAGIC
        if gzipped:
            f.seek(-4, 2)
            whole = int.from_bytes(f.read(4), "little")  # ISIZE: the last member's size mod 2**32
    if head.startswith(b"WARC/") or path.name.lower().endswith(WARC_SUFFIXES):
        return None
    try:
        with _open(path) as f:
            first = f.readline(MAX_ARTICLE_BYTES).removeprefix(b"\xef\xbb\xbf")
    except (OSError, EOFError):
        return None
    if first.lstrip(b" \t\r\n")[:1] != b"{" or first.strip() == b"{":
        return None
    if not gzipped:
        return size
    return whole if whole >= size else None  # text compresses: a smaller stored size has wrapped


def read_jsonl_range(path: Path, start: int, end: int | None) -> Iterator[Article | IngestError]:
    """What `read_jsonl` yields for the lines of a corpus JSONL file that begin at a (decompressed)
    byte offset in [start, end) (end None: to the end of the file), with the same origins (line
    numbers). Consecutive ranges read every line once, so workers can share one file: a plain file
    is read from `start` (its line count up to there costs a read of the bytes before), a gzipped one
    is decompressed from its start (the bytes before `start` are only counted).

    A file that cannot be read past some byte (a corrupt gzip stream) is an error of the range that
    byte falls in, as `read_inputs` gives it; the ranges after it yield nothing."""
    with _open(path) as f:
        n = 0
        if start > 0:
            left = start - 1  # from the byte before the range: a line begins at `start` if it is a newline
            try:
                n = _count_lines(f, left)
                n += 1 if f.readline().endswith(b"\n") else 0  # the line under way, the range before's
            except Exception:  # noqa: BLE001 - before the range: the range holding it reports it
                return
        at = f.tell()
        try:
            while end is None or at < end:
                raw = f.readline()
                if not raw:
                    return
                n += 1
                at += len(raw)
                if n == 1:
                    raw = raw.removeprefix(b"\xef\xbb\xbf")
                yield from _jsonl_line(path, n, raw)
        except Exception as e:  # noqa: BLE001 - as _read_input reports a file it cannot read on
            yield IngestError(str(path), f"unreadable: {type(e).__name__}: {e}")


def _count_lines(f: BinaryIO, limit: int, block: int = 1 << 20) -> int:
    """The newlines in the next `limit` bytes of `f`, which it reads."""
    n = 0
    while limit > 0:
        data = f.read(min(block, limit))
        if not data:
            break
        n += data.count(b"\n")
        limit -= len(data)
    return n


def _lines_of_json(path: Path) -> bool:
    """A file starting with `[` that is JSONL (its first line a whole JSON value), not one array."""
    with path.open("rb") as f:
        first = f.readline(MAX_ARTICLE_BYTES).strip().removeprefix(b"\xef\xbb\xbf")
        if not f.readline().strip():
            return False
    try:
        json.loads(first)
    except (ValueError, RecursionError):
        return False
    return True


def _pretty_json(path: Path) -> Any:
    """The object of a file holding one indented JSON object, or None."""
    data = _read_capped(path, MAX_FILE_BYTES)
    if data is None:
        return None
    try:
        return json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None


def _read_json_array(path: Path) -> Iterator[Article | IngestError]:
    data = _read_capped(path, MAX_FILE_BYTES)
    if data is None:
        yield IngestError(str(path), f"JSON file too large: over {MAX_FILE_BYTES // 2**20} MB")
        return
    try:
        rows = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        yield IngestError(str(path), f"truncated or invalid JSON: {e}")
        return
    if not isinstance(rows, list):
        yield IngestError(str(path), "JSON is neither an array of articles nor JSONL")
        return
    for n, row in enumerate(rows):
        yield from _row_article(row, f"{path}[{n}]")


def _row_article(row: Any, origin: str, decoding: str | None = None) -> Iterator[Article | IngestError]:
    """One corpus record (a JSONL line, an item of a JSON array) checked by the input record model."""
    rec = parse_record(row)
    if isinstance(rec, str):
        yield IngestError(origin, f"bad record: {rec}", known_id(row))
        return
    text = rec.text
    if looks_like_html(text) and text.lstrip().startswith("<"):
        page = extract_page(text, url=rec.url)
        text = page.text
    yield make_article(text, origin=origin, doc_id=rec.id, title=rec.title, published=rec.published,
                       outlet=rec.outlet, url=rec.url, decoding=decoding)


_ID_FIELD = re.compile(rb'"id"\s*:\s*"([^"]{1,200})"')


def _salvage_id(raw: bytes) -> str | None:
    """The id of a truncated JSON line, when it is still readable: the document is then known."""
    m = _ID_FIELD.search(raw)
    return m.group(1).decode("utf-8", "replace") if m else None


# --- HTML pages, RSS/Atom feeds, WARC archives -----------------------------------------------

def read_html(html: str, origin: str, stem: str | None = None, url: str | None = None,
              doc_id: str | None = None, published: Any = None,
              outlet: str | None = None, decoding: str | None = None) -> Article | IngestError:
    """One article from a full HTML page."""
    page = extract_page(html, url=url)
    if not page.text:
        return IngestError(origin, "no article text found in the HTML page", doc_id)
    dateline = None if page.date else page_dateline(html, page.title)
    sitename = page.sitename if page.sitename and page.sitename != page.title and len(page.sitename) <= 40 \
        else None
    return make_article(page.text, origin=origin, doc_id=doc_id, stem=stem, title=page.title,
                        published=published, page_date=page.date, dateline=dateline,
                        outlet=sitename or outlet, url=url or page.url, decoding=decoding)


def page_dateline(html: str, title: str | None, window: int = 6) -> str | None:
    """A date line printed just under the headline of a page (`الجمعة 21/يناير/2022 - 03:48 م`).

    Text extraction drops it with the page chrome, and page markup without date metadata is
    common on Arabic sites. Only lines right after the headline count: a date in the site header
    is today's date at crawl time, not the article's.
    """
    if not title:
        return None
    lines = fragment_text(html).splitlines()
    head = title.strip()
    for i, line in enumerate(lines):
        if line.strip() == head:
            for after in lines[i + 1:i + 1 + window]:
                if (found := parse_date_line(after)) is not None:
                    return found
    return None


def read_feed(path: Path, text: str) -> Iterator[Article | IngestError]:
    """Items of an RSS/Atom feed: the full HTML body (content:encoded) when given, else the description."""
    import feedparser

    feed = feedparser.parse(text)
    if not feed.entries:
        reason = f"feed has no items ({feed.bozo_exception})" if feed.bozo else "feed has no items"
        yield IngestError(str(path), reason)
        return
    outlet = feed.feed.get("title") or None
    for n, entry in enumerate(feed.entries, 1):
        origin = f"{path}#item{n}"
        body = ""
        if entry.get("content"):
            body = max((c.get("value", "") for c in entry.content), key=len)
        body = body or entry.get("summary", "") or entry.get("description", "")
        title = (entry.get("title") or "").strip() or None
        text = fragment_text(body) if body else ""
        if title and text and not text.startswith(title):
            text = f"{title}\n\n{text}"
        url = entry.get("link")
        ident = entry.get("id") or url
        doc_id = f"rss_{_digest(ident)}" if ident else None
        published = entry.get("published_parsed") or entry.get("updated_parsed")
        if not text:
            yield IngestError(origin, "feed item has no text", doc_id)
            continue
        yield make_article(text, origin=origin, doc_id=doc_id, title=title, published=published,
                           outlet=outlet, url=url)


def read_warc(path: Path) -> Iterator[Article | IngestError]:
    """HTML responses of a WARC/WARC.gz archive; requests, metadata and non-HTML responses are skipped.

    A record that cannot be read (a malformed URL, a broken body) is an error for that record and
    the archive goes on; only a broken archive structure ends it.
    """
    from warcio.archiveiterator import ArchiveIterator

    with path.open("rb") as f:
        try:
            for record in ArchiveIterator(f):
                if record.rec_type not in ("response", "resource"):
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI")
                rec_id = record.rec_headers.get_header("WARC-Record-ID") or url
                origin = f"{path}#{url or rec_id}"
                try:
                    item = _warc_record(record, origin, url, rec_id)
                except Exception as e:  # noqa: BLE001 - one bad record must not cost the archive
                    item = IngestError(origin, f"unreadable WARC record: {type(e).__name__}: {e}",
                                       f"warc_{_digest(str(url or rec_id))}")
                if item is not None:
                    yield item
        except Exception as e:  # noqa: BLE001 - warcio raises several types on truncated archives
            yield IngestError(str(path), f"broken WARC archive: {type(e).__name__}: {e}")


def _warc_record(record: Any, origin: str, url: str | None,
                 rec_id: str | None) -> Article | IngestError | None:
    """The article of one WARC response record, an error, or None for a record that is no page."""
    if record.http_headers is not None:
        status = record.http_headers.get_statuscode()
        if status and not status.startswith("2"):
            return None
        ctype = record.http_headers.get_header("Content-Type") or ""
    else:
        ctype = record.rec_headers.get_header("Content-Type") or ""
    if "html" not in ctype.lower():
        return None
    data = record.content_stream().read(MAX_ARTICLE_BYTES + 1)
    doc_id = f"warc_{_digest(url or rec_id)}"
    if len(data) > MAX_ARTICLE_BYTES:
        return IngestError(origin, "HTML response too large for one article", doc_id)
    try:
        html, enc = decode_bytes(data)
    except NotText as e:
        return IngestError(origin, str(e), doc_id)
    outlet = urlparse(url).hostname if url else None
    return read_html(html, origin=origin, url=url, doc_id=doc_id, outlet=outlet, decoding=_repair(enc))


# --- the Article itself ------------------------------------------------------------------------

def make_article(text: str, origin: str, doc_id: str | None = None, stem: str | None = None,
                 title: str | None = None, published: Any = None, page_date: Any = None,
                 dateline: str | None = None, outlet: str | None = None,
                 url: str | None = None, decoding: str | None = None) -> Article | IngestError:
    """An Article after the checks every input passes (size, letters, language), with its date chosen."""
    doc_id = doc_id or _make_id(text, stem, url)
    if len(text) > MAX_ARTICLE_BYTES:
        return IngestError(origin, f"too large for one article: {len(text) / 2**20:.1f} M characters", doc_id)
    letters = letter_count(text)  # once: the two shares below divide by it
    if letters < MIN_LETTERS:
        return IngestError(origin, "no article text (too few letters)", doc_id)
    share = arabic_share(text, letters=letters)
    if share < MIN_ARABIC_SHARE:
        return IngestError(origin, f"not Arabic: {share:.0%} of letters are Arabic", doc_id)
    other = persian_urdu_share(text, letters=letters)
    if other > MAX_PERSIAN_URDU_SHARE:
        reason = f"not Arabic: Persian or Urdu ({other:.1%} of letters are پ چ ژ گ ...)"
        return IngestError(origin, reason, doc_id)
    date, date_origin = choose_published(published, page_date, text, dateline)
    return Article(id=doc_id, text=text, title=title, published=date, published_origin=date_origin,
                   outlet=outlet, url=url, origin=origin, language="ar", decoding=decoding)


def _repair(encoding: str) -> str | None:
    """The decoding label worth recording: only a repaired one (bad bytes replaced)."""
    return encoding if "replaced" in encoding else None


def _make_id(text: str, stem: str | None, url: str | None) -> str:
    """A stable id: the same input gives the same id on every run, so re-runs do not duplicate."""
    digest = _digest(url) if url else _digest(text)
    slug = _SLUG.sub("-", stem).strip("-")[:40] if stem else ""
    return f"{slug}_{digest[:12]}" if slug else f"doc_{digest}"


def _digest(value: str) -> str:
    return hashlib.sha1(value.encode("utf-8")).hexdigest()[:16]
