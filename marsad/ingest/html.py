"""Main text, title and publication date of a news page (trafilatura + htmldate).

trafilatura drops navigation, share buttons, footers and (with `include_comments=False`) reader
comments; htmldate reads the page's own date markup only (`extensive_search=False`: guessing from
arbitrary dates in the page would date an article by the events it recalls). The headline goes on
the first line of the text, as in the corpus format, so later stages see it the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_HTML_HINT = re.compile(r"<(?:!doctype\s+html|html|head|body|article|p|div|meta|title|br)\b", re.I)
_BLOCK_TAGS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section",
               "article", "figure", "figcaption", "ul", "ol", "table", "header", "footer"}


@dataclass(slots=True)
class Page:
    title: str | None
    text: str
    date: str | None  # the page's own date metadata, ISO, or None
    sitename: str | None = None
    url: str | None = None  # the page's canonical address (<link rel=canonical>, else og:url)


def looks_like_html(text: str) -> bool:
    """True when the start of a document is HTML markup."""
    return bool(_HTML_HINT.search(text[:2048]))


def extract_page(html: str, url: str | None = None) -> Page:
    """The article in an HTML page; text is empty when the page holds no article."""
    import trafilatura  # imported on first HTML input: it costs ~1 s and most runs read JSONL
    from lxml.etree import LxmlError

    options = {"url": url, "include_comments": False, "include_tables": False, "with_metadata": True,
               "date_extraction_params": {"extensive_search": False, "original_date": True}}
    try:
        doc = trafilatura.bare_extraction(html, **options)
        if doc is None or not (doc.text or "").strip():
            # libxml2 stops at 255 nested elements unless told otherwise: parse deep pages ourselves
            doc = trafilatura.bare_extraction(_parse_deep(html), **options) or doc
    except (RecursionError, ValueError, LxmlError):  # pages too deep or with no document in them
        doc = None
    if doc is None:
        return Page(None, "", None)
    title = (doc.title or "").strip() or None
    body = (doc.text or "").strip()
    if title and body and not body.startswith(title):
        body = f"{title}\n\n{body}"
    canonical = (doc.url or "").strip()
    return Page(title, body, doc.date or None, (doc.sitename or "").strip() or None,
                canonical if re.match(r"https?://", canonical) else None)


def _deep_parser():
    """lxml's HTML parser without libxml2's depth limit (255 nested elements), so no text is lost."""
    import lxml.html

    return lxml.html.HTMLParser(huge_tree=True)


def _parse_deep(html: str):
    import lxml.html

    return lxml.html.document_fromstring(html, parser=_deep_parser())


def fragment_text(html: str) -> str:
    """Plain text of an HTML fragment (a feed item's body): one line per block, scripts dropped.

    Feed bodies are the article already, without the page around it, so there is nothing for
    trafilatura to remove, and it rejects short fragments.
    """
    import lxml.etree
    import lxml.html

    if not looks_like_html(html) and "<" not in html:
        return html.strip()
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div", parser=_deep_parser())
    except (lxml.etree.LxmlError, ValueError, AssertionError):  # no element at all (a lone doctype),
        return ""  # or a lone <html> (lxml asserts one body)
    for bad in root.xpath(".//script|.//style|.//noscript"):
        bad.drop_tree()
    parts: list[str] = []
    # iterparse-style walk without recursion: a page nested thousands deep is still read
    for action, el in lxml.etree.iterwalk(root, events=("start", "end")):
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in _BLOCK_TAGS:
            parts.append("\n")
        if action == "start" and el.text:
            parts.append(el.text)
        if action == "end" and el is not root and el.tail:
            parts.append(el.tail)
    lines = (" ".join(line.split()) for line in "".join(parts).splitlines())
    return "\n".join(line for line in lines if line)
