"""Issue #14: nothing is lost on bad input. Each test feeds one of the issue's reproducers (a badly
typed field, a non-string url without an id, a row the database refuses, a damaged UTF-8 byte, a
bad URL in a WARC record) among good articles and checks the good ones all arrive, and the bad one
is one error line naming its input."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from marsad.ingest.encoding import decode_bytes
from marsad.ingest.readers import read_inputs
from marsad.model import Article, IngestError
from marsad.run import run_corpus
from marsad.store import Store

SAMPLE = Path(__file__).resolve().parents[1] / "marsad" / "data" / "sample" / "docs.jsonl"
# Written for these tests: a short report in the shape of the corpora, not from any gold set.
REPORT = ("قال مصدر أمني إن ثلاثة من عناصر الشرطة قتلوا وأصيب خمسة آخرون في هجوم مسلح استهدف نقطة "
          "تفتيش عند مدخل مدينة الرمادي فجر اليوم، وإن القوات الأمنية طوقت المنطقة بحثا عن المهاجمين.")


def sample_rows() -> list[dict]:
    return [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines() if line.strip()]


def write_jsonl(path: Path, rows: list) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def split(items) -> tuple[list[Article], list[IngestError]]:
    items = list(items)
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, IngestError)]


# --- 1. one badly typed field ------------------------------------------------------------------

def test_badly_typed_title_is_one_error_and_the_run_stores_the_rest(tmp_path):
    rows = sample_rows()
    bad = [dict(rows[0], id="int-title", title=123), dict(rows[1], id="list-title", title=["a", "b"])]
    corpus = write_jsonl(tmp_path / "in.jsonl", [bad[0], *rows, bad[1]])
    summary = run_corpus([str(corpus)], tmp_path / "out")
    assert summary.read == len(rows)
    errors = read_jsonl(tmp_path / "out" / "errors.jsonl")
    assert [(e["input"], e["doc_id"]) for e in errors] == [
        (f"{corpus}:1", "int-title"), (f"{corpus}:{len(rows) + 2}", "list-title")]
    assert errors[0]["reason"] == "bad record: field 'title': Input should be a valid string (got a number)"
    assert errors[1]["reason"] == "bad record: field 'title': Input should be a valid string (got a list)"
    docs = {d["id"]: d for d in read_jsonl(tmp_path / "out" / "documents.jsonl")}
    assert docs["int-title"]["error"].startswith("bad record") and not docs[rows[0]["id"]]["error"]
    with Store(f"sqlite:///{tmp_path / 'out' / 'marsad.db'}") as st:
        assert st.counts()["documents"] == len(rows)
        assert st.counts()["events"] >= 1


# --- 2. no id and a non-string url ---------------------------------------------------------------

def test_no_id_and_numeric_url_loses_only_that_line(tmp_path):
    good = [{"id": f"r{i}", "text": f"{REPORT} ({i})", "url": f"https://example.org/{i}"} for i in range(10)]
    corpus = write_jsonl(tmp_path / "in.jsonl", [{"text": REPORT, "url": 5}, *good])
    articles, errors = split(read_inputs([str(corpus)]))
    assert [a.id for a in articles] == [f"r{i}" for i in range(10)]
    assert [(e.input, e.reason, e.doc_id) for e in errors] == [
        (f"{corpus}:1", "bad record: field 'url': Input should be a valid string (got a number)", None)]


def test_a_record_the_reader_cannot_handle_does_not_end_the_file(tmp_path, monkeypatch):
    from marsad.ingest import readers

    real = readers.make_article

    def flaky(text, **kw):
        if kw.get("doc_id") == "r1":
            raise AttributeError("reader bug")
        return real(text, **kw)

    monkeypatch.setattr(readers, "make_article", flaky)
    corpus = write_jsonl(tmp_path / "in.jsonl", [{"id": f"r{i}", "text": REPORT} for i in range(4)])
    articles, errors = split(read_inputs([str(corpus)]))
    assert [a.id for a in articles] == ["r0", "r2", "r3"]
    assert [(e.input, e.doc_id) for e in errors] == [(f"{corpus}:2", "r1")]


def test_ids_of_other_types_are_rejected_not_stringified(tmp_path):
    rows = [{"id": 7, "text": REPORT}, {"id": True, "text": REPORT}, {"id": "ok", "text": REPORT},
            [{"id": "arr", "text": REPORT}]]
    corpus = write_jsonl(tmp_path / "in.jsonl", rows)
    articles, errors = split(read_inputs([str(corpus)]))
    assert [a.id for a in articles] == ["ok"]
    assert [e.reason for e in errors] == [
        "bad record: field 'id': Input should be a valid string (got a number)",
        "bad record: field 'id': Input should be a valid string (got a boolean)",
        "bad record: expected a JSON object with the article's fields, got a list"]


def test_nul_in_text_becomes_a_replacement_character_offsets_kept(tmp_path):
    corpus = write_jsonl(tmp_path / "in.jsonl", [{"id": "nul", "text": REPORT[:20] + "\x00" + REPORT[20:]}])
    (article,), errors = split(read_inputs([str(corpus)]))
    assert errors == [] and article.text == REPORT[:20] + "\ufffd" + REPORT[20:]


def test_jsonl_whose_lines_are_arrays_is_read_line_by_line(tmp_path):
    corpus = tmp_path / "in.jsonl"
    good = json.dumps({"id": "a", "text": REPORT}, ensure_ascii=False)
    corpus.write_text('["not", "an", "article"]\n' + good + "\n", encoding="utf-8")
    articles, errors = split(read_inputs([str(corpus)]))
    assert [a.id for a in articles] == ["a"]
    assert [(e.input, e.reason) for e in errors] == [
        (f"{corpus}:1", "bad record: expected a JSON object with the article's fields, got a list")]


def test_json_nested_too_deeply_is_one_line_error(tmp_path):
    corpus = tmp_path / "in.jsonl"
    deep = "[" * 100_000 + "]" * 100_000
    corpus.write_text('{"id": "a", "text": ' + json.dumps(REPORT, ensure_ascii=False) + "}\n"
                      + '{"id": "deep", "title": ' + deep + ', "text": "x"}\n', encoding="utf-8")
    articles, errors = split(read_inputs([str(corpus)]))
    assert [a.id for a in articles] == ["a"]
    assert [(e.input, e.reason, e.doc_id) for e in errors] == [
        (f"{corpus}:2", "JSON nested too deeply", "deep")]


# --- 7. a stray byte in a UTF-8 file ----------------------------------------------------------

@pytest.mark.parametrize("damage", ["truncated_last_char", "one_ff"])
def test_a_stray_byte_keeps_utf8_and_records_the_repair(tmp_path, damage):
    data = REPORT.encode("utf-8")
    # the last letter cut in half (its second byte lost), or one 0xFF in the middle
    data = data[:-2] if damage == "truncated_last_char" else data[:40] + b"\xff" + data[40:]
    path = tmp_path / "report.txt"
    path.write_bytes(data)
    (article,), errors = split(read_inputs([str(path)]))
    assert errors == []
    assert article.language == "ar" and article.decoding == "utf-8 (1 bad byte replaced)"
    assert article.text.count("\ufffd") == 1 and "الرمادي" in article.text


def test_a_stray_byte_in_a_jsonl_line_keeps_the_line(tmp_path):
    line = json.dumps({"id": "a", "text": REPORT}, ensure_ascii=False).encode("utf-8")
    corpus = tmp_path / "in.jsonl"
    at = line.index(b'"text": "') + 9  # between two letters of the text
    corpus.write_bytes(line[:at] + b"\xff" + line[at:] + b"\n")
    (article,), errors = split(read_inputs([str(corpus)]))
    assert errors == [] and article.decoding == "utf-8 (1 bad byte replaced)"


def test_windows_1256_is_still_windows_1256_and_random_high_bytes_are_not_arabic():
    text, enc = decode_bytes(REPORT.encode("cp1256"))
    assert (text, enc) == (REPORT, "cp1256")
    noise = bytes((i * 151 + 7) % 128 + 128 for i in range(4000))
    with pytest.raises(ValueError):
        decode_bytes(noise)


# --- 8. one bad URL in a WARC record ------------------------------------------------------------

def _warc(records: list[tuple[str, str]]) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=False)
    for url, body in records:
        html = f"<html><head><title>خبر</title></head><body><article><p>{body}</p></article></body></html>"
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                   protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode()),
                                                      http_headers=headers))
    return buf.getvalue()


def test_a_bad_url_in_one_warc_record_does_not_abort_the_archive(tmp_path):
    path = tmp_path / "crawl.warc"
    path.write_bytes(_warc([("https://example.org/a", REPORT), ("http://[not-a-host/b", REPORT + " ب"),
                            ("https://example.org/c", REPORT + " ج")]))
    articles, errors = split(read_inputs([str(path)]))
    assert [a.url for a in articles] == ["https://example.org/a", "https://example.org/c"]
    assert len(errors) == 1 and errors[0].input == f"{path}#http://[not-a-host/b"
    assert errors[0].reason.startswith("unreadable WARC record: ValueError")


def test_markup_without_any_element_is_empty_text_not_an_exception():
    # found by tests/test_fuzz.py: a feed item body holding only a doctype ended the whole feed
    from marsad.ingest.html import extract_page, fragment_text

    for markup in ("<!doctype html>", "<html>"):
        assert fragment_text(markup) == ""
        assert extract_page(markup).text == ""
