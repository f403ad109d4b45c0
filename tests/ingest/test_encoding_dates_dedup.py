"""Encoding detection, publication-date precedence and near-duplicate reposts."""

from __future__ import annotations

import codecs
import dataclasses

import numpy as np
import pytest
from ingest_helpers import SAMPLE

from marsad.ingest import dedup
from marsad.ingest.dates import choose_published, find_dateline, parse_date_line
from marsad.ingest.dedup import fingerprint, mark_duplicates, signature
from marsad.ingest.encoding import NotText, decode_bytes
from marsad.ingest.readers import read_inputs

TEXT = "قتل 5 جنود في هجوم على حاجز للجيش، بحسب مصدر أمني «رسمي»."


@pytest.mark.parametrize("data, encoding", [
    (TEXT.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
    (TEXT.encode("utf-16"), "utf-16"),
    (TEXT.encode("utf-16-le"), "utf-16-le"),  # no BOM
    (TEXT.encode("utf-16-be"), "utf-16-be"),
    (TEXT.encode("cp1256"), "cp1256"),
])
def test_each_encoding_decodes_to_the_same_text(data, encoding):
    assert decode_bytes(data) == (TEXT, encoding)


def test_cp1256_page_declaring_its_charset():
    page = f'<html><head><meta charset="windows-1256"></head><body><p>{TEXT}</p></body></html>'
    text, enc = decode_bytes(page.encode("cp1256"))
    assert enc == "cp1256" and TEXT in text


@pytest.mark.parametrize("data, reason", [
    (b"", "empty file"),
    (b" \n\t", "empty file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
     "binary data (NUL bytes), not a text document"),
    (bytes(range(1, 32)) * 40, "binary data, not a text document"),
])
def test_binary_and_empty_bytes_are_not_text(data, reason):
    with pytest.raises(NotText, match=reason.replace("(", r"\(").replace(")", r"\)")):
        decode_bytes(data)


@pytest.mark.parametrize("line, iso", [
    ("الجمعة 21/يناير/2022 - 03:48 م", "2022-01-21"),
    ("الإثنين 24 كانون الثاني/يناير 2022", "2022-01-24"),
    ("نشر في 2018-03-13 10:05", "2018-03-13"),
    ("الخميس ٢٠ يناير/كانون الثاني ٢٠٢٢", "2022-01-20"),
    ("31 جانفي 2022", "2022-01-31"),
    ("آخر تحديث: 12/03/2018", "2018-03-12"),
    ("وقال إن الهجوم وقع في 21 يناير 2022 قرب السجن", None),  # a sentence, not a date line
    ("الجمعة 31/فبراير/2022", None),  # no such day
])
def test_date_lines(line, iso):
    assert parse_date_line(line) == iso


def test_date_precedence_input_then_page_then_text():
    text = "عنوان الخبر\nالجمعة 21/يناير/2022 - 03:48 م\nنص الخبر"
    assert find_dateline(text) == "2022-01-21"
    assert choose_published("2022-01-27", "2022-01-25", text) == ("2022-01-27", "input")
    assert choose_published(None, "2022-01-25T10:00:00", text) == ("2022-01-25", "html-meta")
    assert choose_published(None, None, text) == ("2022-01-21", "text-dateline")
    assert choose_published(None, None, "نص بلا تاريخ") == (None, None)
    assert choose_published(None, None, "نص بلا تاريخ", "2022-01-19") == ("2022-01-19", "text-dateline")


@pytest.mark.parametrize("all_pairs_max", [200, 0], ids=["all-pairs", "minhash-lsh"])
def test_a_repost_of_the_same_story_is_flagged_and_distinct_reports_are_not(all_pairs_max):
    arts = list(read_inputs([str(SAMPLE)]))
    original = arts[4]
    # The same wire story on another site a day later: new masthead line, a word changed, tail cut.
    repost_text = "موقع آخر\n" + original.text.replace("الأميركية", "الأمريكية", 1)[:-400]
    repost = dataclasses.replace(original, id="repost", text=repost_text, published="2022-02-01")
    # Published earlier than the original: the earliest copy is the original.
    early = dataclasses.replace(original, id="early", published="2022-01-30")
    batch = [*arts, repost]
    assert mark_duplicates(batch, all_pairs_max=all_pairs_max) == 1
    assert [a.duplicate_of for a in batch] == [None, None, None, None, None, original.id]
    batch = [dataclasses.replace(a, duplicate_of=None) for a in [*arts, early]]
    assert mark_duplicates(batch, all_pairs_max=all_pairs_max) == 1
    assert batch[4].duplicate_of == "early" and batch[5].duplicate_of is None


def test_minhash_signatures_and_bands_are_datasketchs():
    """Dedup computes datasketch's MinHash (affine32, seed 1) and LSH layout itself, to keep scipy out
    of a run: the same signatures from the sample's texts, and the same bands for the threshold."""
    datasketch = pytest.importorskip("datasketch", minversion="2.0")
    lsh = datasketch.MinHashLSH(threshold=dedup.THRESHOLD, num_perm=dedup.NUM_PERM)
    assert (lsh.b, lsh.r) == (dedup.BANDS, dedup.ROWS)
    texts = [a.text for a in read_inputs([str(SAMPLE)])] + ["قصف مدفعي على بلدة في ريف إدلب الجنوبي"]
    for text in texts:
        fp = np.frombuffer(fingerprint(text), dtype=np.uint64)
        mh = datasketch.MinHash(num_perm=dedup.NUM_PERM, hashfunc=lambda h: h & 0xFFFFFFFF)
        mh.update_batch(fp.tolist())
        assert signature(fp).tolist() == mh.hashvalues.tolist()


@pytest.mark.parametrize("value, iso", [
    ("2022-01-27", "2022-01-27"), ("2022-01-27T10:05:00Z", "2022-01-27"), ("2022/1/27", "2022-01-27"),
    ("27/01/2022", "2022-01-27"), ("Thu, 27 Jan 2022 09:30:00 +0000", "2022-01-27"),
    ("27 يناير 2022", "2022-01-27"), ("not a date", None), ("2022-02-30", None), ("", None), (None, None),
])
def test_input_metadata_dates_in_the_forms_scrapers_write(value, iso):
    from marsad.ingest.dates import iso_date

    assert iso_date(value) == iso


def _story(rng: np.random.Generator, n: int = 300) -> np.ndarray:
    return np.unique(rng.integers(1, 2**63, n, dtype=np.uint64))


def _repost(rng: np.random.Generator, fp: np.ndarray, keep: float) -> np.ndarray:
    """A copy that keeps `keep` of the story's shingles and adds a few of its own (a masthead line)."""
    kept = fp[rng.random(len(fp)) < keep]
    return np.unique(np.concatenate([kept, rng.integers(1, 2**63, 5, dtype=np.uint64)]))


@pytest.mark.parametrize("all_pairs_max", [200, 0], ids=["small-run", "minhash-lsh"])
def test_streamed_dedup_gives_the_in_memory_answers_and_reads_back_only_band_sharers(all_pairs_max):
    """A run's near-duplicates found from a stream of fingerprints (a signature held per report, the
    fingerprints of reports that share a band read again) are those of find_duplicates over the list."""
    rng = np.random.default_rng(7)
    stories = [_story(rng) for _ in range(40)]
    entries: list[tuple[str, str | None, bytes]] = [
        (f"s{i}", f"2018-03-{10 + i % 9:02d}", fp.tobytes()) for i, fp in enumerate(stories)]
    # s3 reposted twice later; a third copy published first becomes the original of all three
    entries.append(("s3-copy", "2018-03-20", _repost(rng, stories[3], 0.95).tobytes()))
    entries.append(("s3-first", "2018-03-01", _repost(rng, stories[3], 0.97).tobytes()))
    entries.append(("s5-far", "2018-03-21", _repost(rng, stories[5], 0.4).tobytes()))  # too different
    entries.append(("short", "2018-03-02", stories[7][:10].tobytes()))  # under MIN_WORDS: never compared
    entries.append(("s9-undated", None, _repost(rng, stories[9], 0.9).tobytes()))
    read_back: list[str] = []

    def fingerprints_of(ids: list[str]) -> dict[str, bytes]:
        read_back.extend(ids)
        return {d: fp for d, _, fp in entries if d in ids}

    streamed = dedup.find_duplicates_streamed(iter(entries), fingerprints_of, all_pairs_max=all_pairs_max)
    assert streamed == dedup.find_duplicates(entries, all_pairs_max=all_pairs_max)
    assert streamed == {"s3": "s3-first", "s3-copy": "s3-first", "s9-undated": "s9"}
    if all_pairs_max == 0:  # only reports that share a band with another are read back
        assert sorted(read_back) == ["s3", "s3-copy", "s3-first", "s9", "s9-undated"]


def test_streamed_dedup_of_fewer_than_two_comparable_reports_finds_nothing():
    fp = _story(np.random.default_rng(1))
    entries = [("a", None, fp.tobytes()), ("b", None, fp[:5].tobytes())]
    assert dedup.find_duplicates_streamed(entries, lambda ids: {}, all_pairs_max=0) == {}


def test_a_signature_longer_than_its_scratch_buffer_is_the_minimum_over_all_its_shingles():
    """Signatures are mixed SIG_ROWS shingles at a time in a reused buffer; a report with more shingles
    than that gets the signature of the whole array at once (the formula written out here)."""
    rng = np.random.default_rng(3)
    for n in (1, dedup.SIG_ROWS - 1, dedup.SIG_ROWS, 2 * dedup.SIG_ROWS + 5):
        fp = np.unique(rng.integers(0, 2**63, n, dtype=np.uint64))
        a, b = dedup._permutations()
        hv = (fp & np.uint64(0xFFFFFFFF)).astype(np.uint32).reshape(-1, 1)
        s1, m1, s2, m2, s3 = dedup._FMIX32
        hv = hv ^ (hv >> s1)
        hv = hv * m1
        hv = hv ^ (hv >> s2)
        hv = hv * m2
        hv = hv ^ (hv >> s3)
        assert dedup.signature(fp).tolist() == (hv * a + b).min(axis=0).tolist()
    assert signature(np.array([], dtype=np.uint64)).tolist() == [0xFFFFFFFF] * dedup.NUM_PERM
