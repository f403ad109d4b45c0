"""Publication dates: which source wins, and the date line scraped pages carry in their text.

Precedence (recorded in `Article.published_origin`): the input's own metadata ("input"), then the
page's metadata found by htmldate ("html-meta"), then a date line near the top of the text such as
`الجمعة 21/يناير/2022 - 03:48 م` ("text-dateline"). A sentence that merely mentions a date is not a
date line: the line must hold a date and nothing but weekday names, times and words like "نشر في".
"""

from __future__ import annotations

import datetime as dt
import re
from email.utils import parsedate_to_datetime
from functools import cache

from marsad.lang import load
from marsad.text.normalize import key

_TIME = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\b")
_WORD = re.compile(r"[^\W\d_]+")


@cache
def _patterns() -> tuple[re.Pattern[str], dict[str, int], frozenset[str], int, int]:
    data = load("datelines")
    months = {key(name): int(num) for num, names in data["months"].items() for name in names}
    alt = "|".join(sorted((re.escape(m) for m in months), key=len, reverse=True))
    month = rf"(?P<mname>(?:{alt})(?:\s*/\s*(?:{alt}))?)"
    sep = r"\s*[-/.,،]?\s*"
    date = re.compile(
        rf"(?P<y1>\d{{4}})-(?P<m1>\d{{1,2}})-(?P<d1>\d{{1,2}})"
        rf"|(?P<d2>\d{{1,2}})\s*[-/.]\s*(?P<m2>\d{{1,2}})\s*[-/.]\s*(?P<y2>\d{{4}})"
        rf"|(?P<d3>\d{{1,2}}){sep}{month}{sep}(?P<y3>\d{{4}})"
    )
    fillers = frozenset(key(w) for w in data["weekdays"] + data["line_words"])
    fillers |= frozenset(w for name in months for w in name.split())
    return date, months, fillers, int(data["max_line_chars"]), int(data["max_lines_scanned"])


def parse_date_line(line: str) -> str | None:
    """The ISO date of a line that is a date line, else None."""
    date_re, months, fillers, max_chars, _ = _patterns()
    text = key(line)
    if not text or len(text) > max_chars:
        return None
    m = date_re.search(text)
    if not m:
        return None
    rest = _TIME.sub(" ", text[:m.start()] + " " + text[m.end():])
    if any(w not in fillers and w.lower() not in fillers for w in _WORD.findall(rest)):
        return None
    g = m.groupdict()
    if g["y1"]:
        y, mo, d = int(g["y1"]), int(g["m1"]), int(g["d1"])
    elif g["y2"]:
        y, mo, d = int(g["y2"]), int(g["m2"]), int(g["d2"])
    else:
        first = re.split(r"\s*/\s*", g["mname"])[0]
        y, mo, d = int(g["y3"]), months[first], int(g["d3"])
    try:
        return dt.date(y, mo, d).isoformat()
    except ValueError:
        return None


def find_dateline(text: str) -> str | None:
    """The date of the first date line among the first lines of the text."""
    *_, max_lines = _patterns()
    lines = [ln for ln in text.splitlines() if ln.strip()]
    for line in lines[:max_lines]:
        found = parse_date_line(line)
        if found:
            return found
    return None


def iso_date(value: object) -> str | None:
    """An ISO date (YYYY-MM-DD) from metadata: ISO strings, datetimes, feed time tuples."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple) and len(value) >= 3:  # time.struct_time from feedparser
        try:
            return dt.date(value[0], value[1], value[2]).isoformat()
        except (TypeError, ValueError):
            return None
    text = str(value).strip()
    m = re.match(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})", text)
    if m:
        return _date(int(m[1]), int(m[2]), int(m[3]))
    m = re.match(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\b", text)  # day first, as Arabic sites write it
    if m:
        return _date(int(m[3]), int(m[2]), int(m[1]))
    try:  # RFC 2822, as in feeds and HTTP headers: "Sat, 22 Jan 2022 09:30:00 +0000"
        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    return parse_date_line(text)  # "21 يناير 2022"


def _date(y: int, m: int, d: int) -> str | None:
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def choose_published(input_value: object, page_value: object, text: str,
                     page_dateline: str | None = None) -> tuple[str | None, str | None]:
    """(published, origin) by precedence: input metadata, page metadata, the text's date line.

    `page_dateline` is a date line the page printed under its headline but text extraction dropped.
    """
    if (found := iso_date(input_value)) is not None:
        return found, "input"
    if (found := iso_date(page_value)) is not None:
        return found, "html-meta"
    if (found := find_dateline(text) or iso_date(page_dateline)) is not None:
        return found, "text-dateline"
    return None, None
