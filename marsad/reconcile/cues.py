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
from marsad.model import Article, Claim, Span
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


INCREMENT_REACH = 300  # characters back from "N others" to the figure it adds to
_WORD = re.compile(r"[\w\u0600-\u06ff]+")


@cache
def _others() -> frozenset[str]:
    """claim_triggers.yaml `others` (آخرين, آخرون, آخران ...) as match keys."""
    return frozenset(key(w) for w in lang.load("claim_triggers").get("others") or [])


def _of_others(text: str, end: int) -> bool:
    """The mention ending at `end` is followed at once by a word of "others" (`وقتل جنديان آخران`)."""
    nxt = _WORD.search(text, end, end + 40)
    return nxt is not None and key(nxt.group()) in _others() and not text[end:nxt.start()].strip(" \u0640")


def increments(article: Article, claims: list[Claim]) -> dict[int, Claim]:
    """id(claim) -> the earlier figure of the same kind that a figure of "others" adds to.

    `قال مسؤول إن خمسة جنود قتلوا وفقد 15 آخرون ... وقتل جنديان آخران عندما أرسلت الحكومة تعزيزات`:
    "two more soldiers" are in addition to the five, so the report's toll is seven, not two. The figure
    added to is the nearest earlier mention (within INCREMENT_REACH) of a figure, passing over figures
    of other kinds that are themselves "others" (the 15 missing); when the nearest is of another kind,
    "others" means besides those (`قتل 6 وأصيب 70 آخرون`: 70 injured in all), and a base that is itself
    "others" (a headline's `وأصيب أربعة آخرون` told again) adds nothing. The caller checks the groups."""
    text = article.text or ""
    if not text:
        return {}
    mentions = sorted((s.start, s.end, c) for c in claims if c.value is not None and c.stance != "denied"
                      for s in (c.spans or [Span(c.start, c.end, "")]))
    out: dict[int, Claim] = {}
    for i, (start, end, c) in enumerate(mentions):
        if id(c) in out or not _of_others(text, end):
            continue
        for p, e, o in reversed(mentions[:i]):
            if p < start - INCREMENT_REACH or o is c:
                break
            others = _of_others(text, e)
            if o.kind == c.kind:
                if not others and o.value != c.value:
                    out[id(c)] = o
                break
            if not others:
                break
    return out
