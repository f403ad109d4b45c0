"""Reading real-world inputs: HTML pages, legacy encodings, feeds, WARC, and bad inputs."""

from __future__ import annotations

import json
from pathlib import Path

from ingest_helpers import SAMPLE, squash

from marsad.ingest.readers import read_inputs
from marsad.model import Article, IngestError

HAL_TITLE = "قسد تنفي هروب 200 عنصر من داعش خلال أحداث سجن الصناعة"
INDIC_TO_ASCII = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")


def read(*inputs) -> list[Article | IngestError]:
    return list(read_inputs([str(i) for i in inputs]))


def hal_body(seeds) -> list[str]:
    paras = squash(seeds["004_83e4d0b447c2e189"]["text"])
    return paras[:next(i for i, p in enumerate(paras) if p.startswith("قد يهمك"))]


def test_news_page_keeps_the_article_and_drops_menus_share_comments_footer(data_dir, seeds):
    [art] = read(data_dir / "news_page.html")
    assert isinstance(art, Article)
    assert art.title == HAL_TITLE
    assert squash(art.text) == [HAL_TITLE] + hal_body(seeds)
    for chrome in ("900 سجين", "أكثر من 1000 شخص", "تقارير وتحقيقات", "جميع الحقوق محفوظة",
                   "عاجل", "فيسبوك", "نشرتنا", "جودت سعيد"):
        assert chrome not in art.text
    assert (art.published, art.published_origin) == ("2022-01-31", "html-meta")
    assert art.outlet == "الحل نت"
    assert art.language == "ar"


def test_cp1256_and_utf16_text_files_decode_to_the_same_article(data_dir, seeds):
    expected = seeds["001_1510c6594921c962"]["text"]
    [cp] = read(data_dir / "bawaba_cp1256.txt")
    [u16] = read(data_dir / "bawaba_utf16.txt")
    assert (data_dir / "bawaba_cp1256.txt").read_bytes()[:4] == "سجن ".encode("cp1256")
    assert cp.text == expected.translate(INDIC_TO_ASCII)  # cp1256 has no Arabic-Indic digits
    assert u16.text == expected
    # No metadata: the date line under the headline dates them.
    assert (cp.published, cp.published_origin) == ("2022-01-21", "text-dateline")
    assert (u16.published, u16.published_origin) == ("2022-01-21", "text-dateline")
    assert cp.id.startswith("bawaba_cp1256_") and cp.id != u16.id


def test_rss_items_full_html_or_description_and_non_arabic_item_is_an_error(data_dir, seeds):
    items = read(data_dir / "feed.rss")
    assert [type(i).__name__ for i in items] == ["Article", "Article", "IngestError"]
    full, short, english = items
    assert full.title == "داعش يهاجم سجن غويران في الحسكة ومقتل 7 من المليشيات الكردية"
    body = squash(seeds["002_3927b7b3ff9bdebb"]["text"])[:-1]  # without "اضف تعليقا"
    assert squash(full.text) == [full.title] + body
    assert (full.published, full.published_origin) == ("2022-01-22", "input")
    assert full.url == "https://news.example.org/2022/01/22/ghwayran"
    assert full.outlet == "موقع أخبار المنطقة"
    assert short.text.startswith("آخر تطورات الوضع في الحسكة.. الآسايش تعلن القبض على خلية لداعش\n\n"
                                 "أعلنت قوى")
    assert short.published == "2022-01-24"
    assert english.input.endswith("feed.rss#item3")
    assert english.reason.startswith("not Arabic")


def test_warc_html_responses_are_read_and_the_image_record_is_skipped(data_dir):
    items = read(data_dir / "crawl.warc.gz")
    assert all(isinstance(i, Article) for i in items)
    assert [a.url for a in items] == ["https://7al.net/2022/01/31/sdf-denies-escape/",
                                      "https://www.albawabhnews.com/4536218"]
    hal, bawaba = items
    assert hal.title == HAL_TITLE and "900 سجين" not in hal.text
    # windows-1256 response: decoded by its charset; dated by the date line under the headline.
    assert bawaba.title == "سجن الخلافة.. تفاصيل هجوم داعش لتهريب قادته من الصناعة"
    assert "20عنصراً من \" قسد \"" in bawaba.text
    assert (bawaba.published, bawaba.published_origin) == ("2022-01-21", "text-dateline")
    assert bawaba.outlet == "www.albawabhnews.com"
    assert hal.origin.endswith("crawl.warc.gz#https://7al.net/2022/01/31/sdf-denies-escape/")


def test_bad_inputs_each_give_one_error_naming_the_input_and_the_batch_goes_on(data_dir):
    items = read(data_dir / "bad")
    errors = {Path(e.input.split(":")[0]).name + (":" + e.input.split(":")[1] if ":" in e.input else ""): e
              for e in items if isinstance(e, IngestError)}
    assert set(errors) == {"empty.txt", "image.bin", "truncated.jsonl:2", "english.txt"}
    assert errors["empty.txt"].reason == "empty file"
    assert errors["image.bin"].reason.startswith("binary data")
    assert errors["truncated.jsonl:2"].reason.startswith("truncated or invalid JSON")
    assert errors["truncated.jsonl:2"].doc_id == "cut_001"  # the id is still readable
    assert errors["english.txt"].reason == "not Arabic: 0% of letters are Arabic"
    [good] = [a for a in items if isinstance(a, Article)]
    assert good.id == "003_1325d8aa5cf6f91d" and good.origin.endswith("truncated.jsonl:1")


def test_a_50_mb_file_is_refused_without_reading_it(tmp_path):
    big = tmp_path / "dump.txt"
    with big.open("wb") as f:
        f.truncate(50 * 1024 * 1024)  # sparse: instant, and the reader must not load it
    small = tmp_path / "ok.txt"
    small.write_text("مقتل 5 جنود في هجوم على حاجز للجيش شمال البلاد، بحسب مصدر أمني.", encoding="utf-8")
    items = read(big, small)
    assert isinstance(items[0], IngestError) and items[0].input == str(big)
    assert items[0].reason == "file too large: 50.0 MB (limit 20 MB)"
    assert isinstance(items[1], Article)


def test_a_50_mb_jsonl_line_is_refused_and_the_next_line_read(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    with corpus.open("w", encoding="utf-8") as f:
        f.write(json.dumps({"id": "huge", "text": "ا" * (50 * 1024 * 1024 // 2)}, ensure_ascii=False) + "\n")
        f.write(json.dumps({"id": "ok", "text": "مقتل 5 جنود في هجوم على حاجز للجيش شمال البلاد."},
                           ensure_ascii=False) + "\n")
    huge, ok = read(corpus)
    assert isinstance(huge, IngestError) and huge.input == f"{corpus}:1"
    assert huge.reason == "line too large: 50.0 MB" and huge.doc_id == "huge"
    assert ok.id == "ok"


def test_folders_globs_and_missing_inputs(data_dir, tmp_path):
    by_glob = read(str(data_dir / "bawaba_*.txt"))
    assert [Path(a.origin).name for a in by_glob] == ["bawaba_cp1256.txt", "bawaba_utf16.txt"]
    missing = read(tmp_path / "nope.jsonl", str(tmp_path / "*.html"))
    assert [(e.input, e.reason) for e in missing] == [
        (str(tmp_path / "nope.jsonl"), "no such file or folder"),
        (str(tmp_path / "*.html"), "glob matches no files")]


def test_ids_are_stable_and_repeated_ids_in_one_run_are_errors(data_dir):
    inputs = (data_dir / "feed.rss", data_dir / "bawaba_cp1256.txt")
    first = [a.id for a in read(*inputs) if isinstance(a, Article)]
    again = [a.id for a in read(*inputs) if isinstance(a, Article)]
    assert first == again
    twice = read(data_dir / "bawaba_cp1256.txt", data_dir / "bawaba_cp1256.txt")
    assert isinstance(twice[0], Article) and len(twice) == 1  # the same path named twice is one input
    items = read(data_dir / "bad" / "truncated.jsonl", SAMPLE)  # both hold 003_1325d8aa5cf6f91d
    dup = [e for e in items if isinstance(e, IngestError) and e.reason.startswith("duplicate document id")]
    assert [(Path(e.input).name, e.doc_id) for e in dup] == [("docs.jsonl:4", "003_1325d8aa5cf6f91d")]


def test_corpus_jsonl_keeps_input_metadata(seeds):
    arts = read(SAMPLE)
    assert [a.id for a in arts] == list(seeds)
    assert all(a.published_origin == "input" and a.language == "ar" for a in arts)
    assert [a.text for a in arts] == [s["text"] for s in seeds.values()]


def test_a_pretty_printed_json_article_is_one_article(tmp_path, seeds):
    path = tmp_path / "one.json"
    row = {k: seeds["002_3927b7b3ff9bdebb"].get(k) for k in ("id", "text", "published")}
    path.write_text(json.dumps(row, ensure_ascii=False, indent=2), encoding="utf-8")
    [art] = read(path)
    assert isinstance(art, Article) and art.id == "002_3927b7b3ff9bdebb" and art.origin == str(path)


def _gzip_copy(src: Path, dest: Path, data: bytes | None = None) -> Path:
    import gzip

    dest.write_bytes(gzip.compress(src.read_bytes() if data is None else data))
    return dest


def _same_article(a: Article, b: Article) -> bool:
    keys = ("id", "text", "title", "published", "published_origin", "outlet", "url", "language")
    return all(getattr(a, k) == getattr(b, k) for k in keys)


def test_gzipped_jsonl_txt_and_html_read_like_their_plain_forms(data_dir, tmp_path):
    plain = read(SAMPLE, data_dir / "bawaba_cp1256.txt", data_dir / "news_page.html")
    gz = read(_gzip_copy(SAMPLE, tmp_path / "docs.jsonl.gz"),
              _gzip_copy(data_dir / "bawaba_cp1256.txt", tmp_path / "bawaba_cp1256.txt.gz"),
              _gzip_copy(data_dir / "news_page.html", tmp_path / "news_page.html.gz"))
    assert len(plain) == len(gz) == 7 and all(isinstance(a, Article) for a in gz)
    assert all(_same_article(a, b) for a, b in zip(plain, gz, strict=True))
    assert gz[0].origin == f"{tmp_path / 'docs.jsonl.gz'}:1"
    assert gz[5].id.startswith("bawaba_cp1256_")  # the stem without .txt.gz, as for the plain file


def test_a_truncated_jsonl_gz_keeps_its_whole_lines_and_names_the_file(tmp_path):
    rows = [{"id": f"r{i}", "text": "مقتل 5 جنود في هجوم على حاجز للجيش شمال البلاد، بحسب مصدر أمني."}
            for i in range(200)]
    import gzip

    blob = gzip.compress("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode())
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(blob[: len(blob) // 2])
    items = read(cut)
    assert [a.id for a in items[:-1]] == [f"r{i}" for i in range(len(items) - 1)] and len(items) > 2
    assert isinstance(items[-1], IngestError) and items[-1].input == str(cut)
    assert items[-1].reason.startswith("unreadable: EOFError")


def test_a_gzipped_binary_is_an_error_not_an_article(data_dir, tmp_path):
    [err] = read(_gzip_copy(data_dir / "bad" / "image.bin", tmp_path / "image.txt.gz"))
    assert isinstance(err, IngestError) and err.input == str(tmp_path / "image.txt.gz")
