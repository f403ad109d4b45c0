"""Bytes to text for scraped Arabic pages: BOMs, UTF-16 without BOM, UTF-8, windows-1256.

Arabic sites still serve windows-1256 and some exports are UTF-16; a wrong guess turns every
article into mojibake that no later stage can read, so the order of tests matters: a BOM is
certain, NUL patterns mean UTF-16, strict UTF-8 rarely decodes anything else by accident, and
only then do we weigh the legacy single-byte code pages by how Arabic the result looks.
"""

from __future__ import annotations

import codecs
import re

# Legacy code pages worth trying for Arabic pages, most common first.
LEGACY_ENCODINGS = ("cp1256", "iso8859_6")

# Bad bytes a UTF-8 document may hold and still be read as UTF-8 (or one per 1,000 bytes if more).
MAX_BAD_UTF8_BYTES = 4
# Share of whitespace below which a legacy-code-page decoding is no text (Arabic prose has ~15%).
MIN_SPACE_SHARE = 0.04

_ARABIC = re.compile(r"[\u0621-\u064A]")
_LETTER = re.compile(r"[^\W\d_]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_HTML_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([-\w]+)""", re.I)


class NotText(ValueError):
    """The bytes are not a text document in any encoding we read (binary, empty)."""


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode a document; returns (text, encoding name). Raises NotText for binary data."""
    if not data.strip():
        raise NotText("empty file")
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                     (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return _checked(data.decode(enc, errors="replace"), enc)
    utf16 = _utf16_without_bom(data)
    if utf16:
        return _checked(data.decode(utf16, errors="replace"), utf16)
    if b"\x00" in data[:65536]:
        raise NotText("binary data (NUL bytes), not a text document")
    try:
        return _checked(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    repaired = decode_utf8_lenient(data)
    if repaired is not None:
        return _checked(*repaired)
    declared = _declared_charset(data)
    candidates = ([declared] if declared else []) + [e for e in LEGACY_ENCODINGS if e != declared]
    best: tuple[float, str, str] | None = None
    for enc in candidates:
        try:
            text = data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
        score = arabic_share(text)
        if best is None or score > best[0]:
            best = (score, text, enc)
    if best is not None and best[0] > 0.3 and _has_words(best[1]):
        return _checked(best[1], best[2])
    return _checked(*_guess(data))


def decode_utf8_lenient(data: bytes) -> tuple[str, str] | None:
    """UTF-8 with a few bad bytes (a truncated last character, one stray 0xFF) replaced by U+FFFD.

    Returns (text, label) where the label says how many were replaced, or None when the bad bytes
    are too many for a damaged UTF-8 file (a legacy code page then fits better).
    """
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    if bad > max(MAX_BAD_UTF8_BYTES, len(data) // 1000):
        return None
    return text, f"utf-8 ({bad} bad byte{'s' if bad != 1 else ''} replaced)"


def _has_words(text: str, sample: int = 20000) -> bool:
    """Text is words between spaces: random high bytes decode to Arabic letters in one long run."""
    head = text[:sample]
    return sum(1 for ch in head if ch.isspace()) >= MIN_SPACE_SHARE * len(head)


def letter_count(text: str, sample: int = 20000) -> int:
    """Letters among the first `sample` characters (what the shares below divide by)."""
    return len(_LETTER.findall(text[:sample]))


def arabic_share(text: str, sample: int = 20000, letters: int | None = None) -> float:
    """Share of letters that are Arabic letters (0 when there are no letters). `letters`: the
    letter_count of the same sample, when the caller has it (each count is a pass over the text)."""
    head = text[:sample]
    letters = len(_LETTER.findall(head)) if letters is None else letters
    return len(_ARABIC.findall(head)) / letters if letters else 0.0


# Letters of Persian and Urdu that Arabic does not use: texts in those languages share the Arabic
# script, and only these (about 2-4% of their letters) tell them apart at a glance.
_PERSIAN_URDU = re.compile(r"[\u067E\u0686\u0698\u06AF\u06C0\u0679\u0688\u0691\u06BA\u06D2]")


def persian_urdu_share(text: str, sample: int = 20000, letters: int | None = None) -> float:
    """Share of letters that exist only in Persian/Urdu (پ چ ژ گ ۀ ٹ ڈ ڑ ں ے)."""
    head = text[:sample]
    letters = len(_LETTER.findall(head)) if letters is None else letters
    return len(_PERSIAN_URDU.findall(head)) / letters if letters else 0.0


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a BOM shows NULs on every other byte for ASCII (or 0x06 for Arabic)."""
    head = data[:4096]
    if len(head) < 4:
        return None
    even, odd = head[0::2], head[1::2]
    for enc, high in (("utf-16-le", odd), ("utf-16-be", even)):
        share = sum(1 for b in high if b in (0x00, 0x06, 0x20, 0xFE, 0xFB)) / len(high)
        if share > 0.9:
            try:
                data.decode(enc)
            except UnicodeDecodeError:
                continue
            return enc
    return None


def _declared_charset(data: bytes) -> str | None:
    m = _HTML_CHARSET.search(data[:4096])
    if not m:
        return None
    name = m.group(1).decode("ascii", "ignore").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _guess(data: bytes) -> tuple[str, str]:
    """Last resort: charset-normalizer's guess (imported here: most inputs never need it)."""
    from charset_normalizer import from_bytes

    match = from_bytes(data).best()
    if match is None:
        raise NotText("binary data, not a text document in any known encoding")
    return str(match), match.encoding


def _checked(text: str, enc: str) -> tuple[str, str]:
    """Reject decodings full of control characters or replacement marks: those are binary files."""
    head = text[:65536]
    if not head.strip():
        raise NotText("empty file")
    bad = len(_CONTROL.findall(head)) + head.count("\ufffd")
    if bad > max(8, len(head) // 100):
        raise NotText("binary data, not a text document")
    return text, enc
