"""Near-duplicate reposts: the same wire story on two sites, found with MinHash LSH (datasketch).

A repost keeps its own record (its outlet and date are evidence of spread) but gets `duplicate_of`
= the id of the first copy (earliest published, then input order), so later stages do not count
its figures twice. Shingles are word 3-grams of the match-normalised text, which ignores
diacritics, hamza spelling and digit script: the usual differences between two copies.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from marsad.model import Article
from marsad.text.normalize import key

# Estimated Jaccard similarity of word 3-grams above which two articles are one story reposted.
THRESHOLD = 0.7
NUM_PERM = 128
SHINGLE = 3
# Too short to judge: a headline-only item would match every other report of the event.
MIN_WORDS = 40

_WORD = re.compile(r"\w+")


def shingles(text: str, size: int = SHINGLE) -> set[bytes]:
    words = _WORD.findall(key(text))
    return {" ".join(words[i:i + size]).encode("utf-8") for i in range(max(len(words) - size + 1, 0))}


def mark_duplicates(articles: Sequence[Article], threshold: float = THRESHOLD) -> int:
    """Set `duplicate_of` on reposts (in place); returns how many were flagged."""
    from datasketch import MinHash, MinHashLSH  # ~0.5 s import (scipy): only when there is work

    order = sorted(range(len(articles)), key=lambda i: (articles[i].published or "9999", i))
    candidates = [(i, sh) for i in order if len(sh := shingles(articles[i].text)) >= MIN_WORDS]
    if len(candidates) < 2:
        return 0
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    flagged = 0
    sets: dict[int, set[bytes]] = {}
    for i, sh in candidates:
        mh = MinHash(num_perm=NUM_PERM)
        mh.update_batch(list(sh))
        originals = [j for j in lsh.query(mh) if _jaccard(sh, sets[j]) >= threshold]
        if originals and articles[i].duplicate_of is None:
            first = min(originals, key=order.index)
            articles[i].duplicate_of = articles[first].id
            flagged += 1
            continue
        lsh.insert(i, mh)
        sets[i] = sh
    return flagged


def _jaccard(a: set[bytes], b: set[bytes]) -> float:
    """Exact check of an LSH candidate pair: LSH only proposes, it must not decide."""
    return len(a & b) / len(a | b) if a or b else 0.0
