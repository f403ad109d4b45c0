"""Which figures an article itself marks as preliminary, as an update, or as an earlier incident's
(tolls.yaml cues).

A cue ("preliminary toll", "the toll rose to", "in a later statement") qualifies the first figure
after it in the same sentence; the figures of one article are all considered together so that a cue
is not claimed by a figure further away than another one.
"""

from __future__ import annotations

import re
from functools import cache

from marsad import lang
from marsad.model import Article, Claim
from marsad.text.normalize import key, normalize_key

CUE_REACH = 220  # characters after a cue within which its figure must start
_SENTENCE_END = re.compile(r"[.!?؟\n]")


@cache
def _cue_pattern() -> re.Pattern[str]:
    data = lang.load("tolls")
    parts = []
    for label in ("preliminary", "update", "earlier"):
        words = sorted({key(w) for w in data.get(label) or []}, key=len, reverse=True)
        parts.append(f"(?P<{label}>" + "|".join(re.escape(w) for w in words) + ")")
    return re.compile("|".join(parts))


def claim_positions(claim: Claim) -> list[int]:
    """Start offsets of every mention of the claim (headline and body repeats)."""
    starts = [s.start for s in claim.spans] if claim.spans else []
    return sorted(set(starts + [claim.start]))


def mark_cues(article: Article, claims: list[Claim]) -> dict[int, str]:
    """Map id(claim) -> "preliminary" | "update" | "earlier" for the claims a cue in `article` introduces."""
    text = article.text or ""
    if not text or not claims:
        return {}
    norm = normalize_key(text)
    positions = sorted((p, id(c)) for c in claims for p in claim_positions(c))
    out: dict[int, str] = {}
    for m in _cue_pattern().finditer(norm.text):
        label = m.lastgroup or ""
        _, cue_end = norm.to_original(m.start(), m.end())
        for pos, cid in positions:
            if pos < cue_end:
                continue
            if pos - cue_end > CUE_REACH or _SENTENCE_END.search(text, cue_end, pos):
                break
            out.setdefault(cid, label)
            break
    return out


def headline_end(article: Article) -> int:
    """End offset of the headline line (0 when the text does not start with one)."""
    text = article.text or ""
    if article.title and text.startswith(article.title):
        return len(article.title)
    nl = text.find("\n")
    return nl if 0 < nl <= 300 else 0
