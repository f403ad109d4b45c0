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
# Below this many articles, comparing every pair exactly is cheaper than building MinHash LSH
# (and than importing datasketch, whose scipy import alone costs ~0.5 s). Same answers either way:
# LSH only proposes candidate pairs, the exact Jaccard check decides.
ALL_PAIRS_MAX = 200

_WORD = re.compile(r"\w+")


def shingles(text: str, size: int = SHINGLE) -> set[bytes]:
    words = _WORD.findall(key(text))
    return {" ".join(words[i:i + size]).encode("utf-8") for i in range(max(len(words) - size + 1, 0))}


def mark_duplicates(articles: Sequence[Article], threshold: float = THRESHOLD,
                    all_pairs_max: int = ALL_PAIRS_MAX) -> int:
    """Set `duplicate_of` on reposts (in place); returns how many were flagged.

    Articles are visited earliest first; each is compared with the originals kept so far and
    points to the earliest one it matches, so a chain of reposts all point to one original.
    """
    order = sorted(range(len(articles)), key=lambda i: (articles[i].published or "9999", i))
    candidates = [(i, sh) for i in order if len(sh := shingles(articles[i].text)) >= MIN_WORDS]
    if len(candidates) < 2:
        return 0
    index = _AllPairs() if len(candidates) <= all_pairs_max else _MinHashIndex(threshold)
    rank = {i: r for r, i in enumerate(order)}
    flagged = 0
    sets: dict[int, set[bytes]] = {}
    for i, sh in candidates:
        originals = [j for j in index.query(sh) if _jaccard(sh, sets[j]) >= threshold]
        if originals and articles[i].duplicate_of is None:
            articles[i].duplicate_of = articles[min(originals, key=rank.__getitem__)].id
            flagged += 1
            continue
        index.insert(i, sh)
        sets[i] = sh
    return flagged


class _AllPairs:
    """Every original is a candidate: exact and fast for small batches."""

    def __init__(self) -> None:
        self.keys: list[int] = []

    def insert(self, i: int, sh: set[bytes]) -> None:
        self.keys.append(i)

    def query(self, sh: set[bytes]) -> list[int]:
        return self.keys


class _MinHashIndex:
    """MinHash LSH (datasketch): near-linear candidate search for large batches."""

    def __init__(self, threshold: float) -> None:
        from datasketch import MinHash, MinHashLSH

        self._minhash = MinHash
        self.lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)

    def _sig(self, sh: set[bytes]):
        mh = self._minhash(num_perm=NUM_PERM)
        mh.update_batch(list(sh))
        return mh

    def insert(self, i: int, sh: set[bytes]) -> None:
        self.lsh.insert(i, self._sig(sh))

    def query(self, sh: set[bytes]) -> list[int]:
        return self.lsh.query(self._sig(sh))


def _jaccard(a: set[bytes], b: set[bytes]) -> float:
    """Exact check of an LSH candidate pair: LSH only proposes, it must not decide."""
    return len(a & b) / len(a | b) if a or b else 0.0
