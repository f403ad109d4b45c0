"""Near-duplicate reposts: the same wire story on two sites, found with MinHash LSH.

A repost keeps its own record (its outlet and date are evidence of spread) but gets `duplicate_of`
= the id of the first copy (earliest published, then input order), so later stages do not count
its figures twice. Shingles are word 3-grams of the match-normalised text, which ignores
diacritics, hamza spelling and digit script: the usual differences between two copies.
"""

from __future__ import annotations

import hashlib
import re
import threading
from array import array
from collections.abc import Callable, Iterable, Sequence

import numpy as np

from marsad.model import Article
from marsad.text.normalize import key

# Estimated Jaccard similarity of word 3-grams above which two articles are one story reposted.
THRESHOLD = 0.7
NUM_PERM = 128
SHINGLE = 3
# Too short to judge: a headline-only item would match every other report of the event.
MIN_WORDS = 40
# Below this many articles, comparing every pair exactly is cheaper than building MinHash LSH
# Same answers either way: LSH only proposes candidate pairs, the exact Jaccard check decides.
ALL_PAIRS_MAX = 200
# The LSH layout datasketch's MinHashLSH picks for THRESHOLD and NUM_PERM (its optimal bands and rows
# for equal false-positive and false-negative weights): 14 bands of 9 rows.
BANDS, ROWS = 14, 9
# find_duplicates_streamed holds the signatures in blocks of this many rows (never copied whole).
SIG_BLOCK = 1024
# datasketch's MinHash permutations ("affine32", its default since 2.0: seed 1) and the MurmurHash3
# finalizer it mixes each 32-bit shingle hash with first, computed here with numpy alone: importing
# datasketch pulls in scipy (+59 MB and 0.6 s CPU a run); tests/ingest check both give one signature.
_SEED = 1
_FMIX32 = (np.uint32(16), np.uint32(0x85EBCA6B), np.uint32(13), np.uint32(0xC2B2AE35), np.uint32(16))

_WORD = re.compile(r"\w+")


def shingles(text: str, size: int = SHINGLE) -> set[bytes]:
    words = _WORD.findall(key(text))
    return {" ".join(words[i:i + size]).encode("utf-8") for i in range(max(len(words) - size + 1, 0))}


def fingerprint(text: str) -> bytes:
    """What near-duplicate detection keeps of a report: its shingles as sorted unique 64-bit hashes
    (the first 8 bytes of each shingle's SHA-1), a few KB instead of the text, so a streamed run can
    compare every report after processing without holding the texts. The low 32 bits are the hash
    datasketch's MinHash takes of a shingle, so signatures are the same as from the shingles."""
    hashes = {int.from_bytes(hashlib.sha1(sh).digest()[:8], "little") for sh in shingles(text)}
    return array("Q", sorted(hashes)).tobytes()


def mark_duplicates(articles: Sequence[Article], threshold: float = THRESHOLD,
                    all_pairs_max: int = ALL_PAIRS_MAX) -> int:
    """Set `duplicate_of` on reposts (in place); returns how many were flagged."""
    found = find_duplicates([(a.id, a.published, fingerprint(a.text)) for a in articles], threshold,
                            all_pairs_max, preset={a.id for a in articles if a.duplicate_of is not None})
    for a in articles:
        if a.id in found:
            a.duplicate_of = found[a.id]
    return len(found)


def find_duplicates(entries: Sequence[tuple[str, str | None, bytes]], threshold: float = THRESHOLD,
                    all_pairs_max: int = ALL_PAIRS_MAX, preset: set[str] | None = None) -> dict[str, str]:
    """Reposts among (id, published, fingerprint) entries given in input order: id -> original's id.

    Entries are visited earliest first; each is compared with the originals kept so far and points
    to the earliest one it matches, so a chain of reposts all point to one original. `preset`: ids
    already marked as reposts (kept as they are, and not taken as originals when they match one).
    """
    order = sorted(range(len(entries)), key=lambda i: (entries[i][1] or "9999", i))
    candidates = [(i, fp) for i in order
                  if len(fp := np.frombuffer(entries[i][2], dtype=np.uint64)) >= MIN_WORDS]
    if len(candidates) < 2:
        return {}
    all_pairs = len(candidates) <= all_pairs_max
    index = _AllPairs() if all_pairs else _MinHashIndex(threshold)
    rank = {i: r for r, i in enumerate(order)}
    found: dict[str, str] = {}
    # every pair of a small batch is checked: Python sets compare fastest; a large batch keeps the
    # compact arrays (LSH proposes few pairs)
    sets: dict[int, np.ndarray | set[int]] = {}
    for i, fp in candidates:
        this = set(fp.tolist()) if all_pairs else fp
        keys = index.keys(fp)  # once: a report is looked up, then (an original) inserted with them
        originals = [j for j in index.query(keys) if _jaccard(this, sets[j]) >= threshold]
        if originals and entries[i][0] not in (preset or ()):
            found[entries[i][0]] = entries[min(originals, key=rank.__getitem__)][0]
            continue
        index.insert(i, keys)
        sets[i] = this
    return found


def find_duplicates_streamed(entries: Iterable[tuple[str, str | None, bytes]],
                             fingerprints_of: Callable[[list[str]], dict[str, bytes]],
                             threshold: float = THRESHOLD, all_pairs_max: int = ALL_PAIRS_MAX
                             ) -> dict[str, str]:
    """`find_duplicates` over a stream of (id, published, fingerprint), holding each report's MinHash
    signature instead of its fingerprint (512 bytes, not ~2.3 KB, and no band dict per original).

    The signatures' bands are numbered (each distinct band value of a band gets one number), and the
    reports are then visited as `find_duplicates` visits them, each compared with the kept originals
    that share a band number with it: its candidates. Only the fingerprints of reports that share a
    band with another are read back (`fingerprints_of(ids)` -> id -> fingerprint) for the exact check.
    The same answers as `find_duplicates`, whose exact all-pairs path it takes for a small run."""
    ids: list[str] = []
    published: list[str | None] = []
    blocks: list[np.ndarray] = []  # the signatures, SIG_BLOCK rows a block (never copied whole)
    small: dict[str, bytes] | None = {}  # fingerprints kept while the run could still be small
    for doc_id, pub, fp in entries:
        arr = np.frombuffer(fp, dtype=np.uint64)
        if len(arr) < MIN_WORDS:  # never compared: find_duplicates leaves it out too
            continue
        if len(ids) % SIG_BLOCK == 0:
            blocks.append(np.empty((SIG_BLOCK, NUM_PERM), dtype=np.uint32))
        blocks[-1][len(ids) % SIG_BLOCK] = signature(arr)
        ids.append(doc_id)
        published.append(pub)
        if small is not None:
            small[doc_id] = fp
            if len(small) > all_pairs_max:
                small = None
    if len(ids) < 2:
        return {}
    if small is not None:
        return find_duplicates([(d, p, small[d]) for d, p in zip(ids, published, strict=True)], threshold,
                               all_pairs_max)
    order = sorted(range(len(ids)), key=lambda i: (published[i] or "9999", i))
    published.clear()
    # per band, each report's band number; -1 where no other report has that band value (it can never
    # be a candidate nor have one)
    numbers = np.full((len(ids), BANDS), -1, dtype=np.int32)
    for b in range(BANDS):
        band = np.concatenate([blk[:, b * ROWS:(b + 1) * ROWS] for blk in blocks])[:len(ids)]
        _, inverse, counts = np.unique(band.view(np.dtype((np.void, ROWS * 4))).ravel(), return_inverse=True,
                                       return_counts=True)
        numbers[:, b] = np.where(counts[inverse] > 1, inverse, -1)
    del blocks
    shared = np.flatnonzero((numbers >= 0).any(axis=1))
    fps = {d: np.frombuffer(fp, dtype=np.uint64)
           for d, fp in fingerprints_of([ids[i] for i in shared.tolist()]).items()}
    kept: list[dict[int, list[int]]] = [{} for _ in range(BANDS)]  # band number -> originals
    rank = {i: r for r, i in enumerate(order)}
    found: dict[str, str] = {}
    for i in order:
        row = numbers[i].tolist()
        if max(row) < 0:
            continue  # shares no band: an original no later report can match
        cands: set[int] = set()
        for band, n in zip(kept, row, strict=True):
            if n >= 0 and n in band:
                cands.update(band[n])
        this = fps[ids[i]]
        originals = [j for j in cands if _jaccard(this, fps[ids[j]]) >= threshold]
        if originals:
            found[ids[i]] = ids[min(originals, key=rank.__getitem__)]
            continue
        for band, n in zip(kept, row, strict=True):
            if n >= 0:
                band.setdefault(n, []).append(i)
    return found


class _AllPairs:
    """Every original is a candidate: exact and fast for small batches."""

    def __init__(self) -> None:
        self.ids: list[int] = []

    def keys(self, fp: np.ndarray) -> None:
        return None

    def insert(self, i: int, keys: None) -> None:
        self.ids.append(i)

    def query(self, keys: None) -> list[int]:
        return self.ids


class _MinHashIndex:
    """MinHash LSH with datasketch's signatures and band layout, the bands kept in plain dicts (band
    bytes -> id, or ids when several share it) instead of datasketch's set per bucket and key table:
    the same candidates in about half the memory (~5 KB a report there)."""

    def __init__(self, threshold: float) -> None:
        if (threshold, NUM_PERM) != (THRESHOLD, 128):
            raise ValueError("the LSH layout (BANDS, ROWS) is worked out for THRESHOLD and 128 permutations")
        self.ranges = [(i * ROWS, (i + 1) * ROWS) for i in range(BANDS)]
        self.bands: list[dict[bytes, int | list[int]]] = [{} for _ in self.ranges]

    def keys(self, fp: np.ndarray) -> list[bytes]:
        """The fingerprint's MinHash signature cut into its band keys."""
        sig = signature(fp)
        return [sig[a:b].tobytes() for a, b in self.ranges]

    def insert(self, i: int, keys: list[bytes]) -> None:
        for band, k in zip(self.bands, keys, strict=True):
            ids = band.get(k)
            if ids is None:
                band[k] = i
            elif isinstance(ids, list):
                ids.append(i)
            else:
                band[k] = [ids, i]

    def query(self, keys: list[bytes]) -> list[int]:
        out: set[int] = set()
        for band, k in zip(self.bands, keys, strict=True):
            ids = band.get(k)
            if isinstance(ids, list):
                out.update(ids)
            elif ids is not None:
                out.add(ids)
        return list(out)


_PERMUTATIONS: tuple[np.ndarray, np.ndarray] | None = None
# Shingles a signature mixes at a time in its scratch buffer (SIG_ROWS x NUM_PERM uint32, 1 MB a thread).
SIG_ROWS = 2048
_SCRATCH = threading.local()


def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """The odd multipliers and the offsets of datasketch's affine32 permutations (seed 1)."""
    global _PERMUTATIONS
    if _PERMUTATIONS is None:
        gen = np.random.RandomState(_SEED)
        a = gen.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
        b = gen.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32)
        _PERMUTATIONS = (a, b)
    return _PERMUTATIONS


def signature(fp: np.ndarray) -> np.ndarray:
    """The MinHash signature of a fingerprint (NUM_PERM uint32 values), as datasketch's
    `MinHash(num_perm=NUM_PERM, hashfunc=low 32 bits).update_batch(fp)` computes it: the low 32 bits
    of each shingle hash, mixed with the MurmurHash3 finalizer, through each permutation a*h+b
    (mod 2^32), the minimum of each."""
    a, b = _permutations()
    if not len(fp):
        return np.full(NUM_PERM, np.uint32(0xFFFFFFFF), dtype=np.uint32)
    hv = (fp & np.uint64(0xFFFFFFFF)).astype(np.uint32).reshape(-1, 1)
    s1, m1, s2, m2, s3 = _FMIX32
    hv = hv ^ (hv >> s1)
    hv = hv * m1
    hv = hv ^ (hv >> s2)
    hv = hv * m2
    hv = hv ^ (hv >> s3)
    # a*h+b for every shingle and permutation in a scratch buffer kept per thread, SIG_ROWS shingles at
    # a time: a fresh (shingles x 128) array per report is ~0.5 MB, above glibc's mmap threshold, and
    # where that threshold is fixed (Dask's workers set MALLOC_TRIM_THRESHOLD_) every one was mapped
    # and unmapped again: a run's signatures took 2.7x the CPU on a worker (ANT: 6.2 s against 2.3 s)
    scratch = getattr(_SCRATCH, "buf", None)
    if scratch is None:
        scratch = _SCRATCH.buf = np.empty((SIG_ROWS, NUM_PERM), dtype=np.uint32)
    out = None
    for i in range(0, len(hv), SIG_ROWS):
        part = hv[i:i + SIG_ROWS]
        buf = scratch[:len(part)]
        np.multiply(part, a, out=buf)
        np.add(buf, b, out=buf)
        low = buf.min(axis=0)
        out = low if out is None else np.minimum(out, low)
    return out


def _jaccard(a: np.ndarray | set[int], b: np.ndarray | set[int]) -> float:
    """Exact check of a candidate pair (two sets, or two sorted unique hash arrays): LSH only
    proposes, it must not decide."""
    if not len(a) and not len(b):
        return 0.0
    common = len(a & b) if isinstance(a, set) else len(np.intersect1d(a, b, assume_unique=True))  # type: ignore[operator]
    return common / (len(a) + len(b) - common)
