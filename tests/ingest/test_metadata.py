"""Inputs without metadata: a sidecar beside the file, a --meta table, the run's flags, the page's
canonical link; bad metadata is an error line for that report, never silently applied."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from marsad.cli import app
from marsad.ingest.metadata import Metadata, load_table, with_metadata
from marsad.ingest.readers import read_inputs
from marsad.model import Article, IngestError

TEXT = ("أفاد مصدر أمني بأن أربعة أشخاص لقوا حتفهم وأصيب تسعة آخرون في انفجار سيارة مفخخة قرب سوق شعبي "
        "وسط المدينة مساء أمس، فيما فرضت قوات الأمن طوقا حول المكان وباشرت التحقيق في ملابسات الحادث.\n")
PAGE = ("<html><head><title>انفجار سيارة مفخخة قرب سوق شعبي</title>"
        '<link rel="canonical" href="https://news.example.org/2017/03/blast"></head>'
        "<body><article><h1>انفجار سيارة مفخخة قرب سوق شعبي</h1><p>" + TEXT + "</p><p>" + TEXT
        + "</p></article></body></html>")

runner = CliRunner()


def read(paths: list[Path], meta: Metadata | None = None) -> list[Article | IngestError]:
    return list(with_metadata(read_inputs([str(p) for p in paths]), meta))


def test_html_keeps_its_canonical_url(tmp_path):
    page = tmp_path / "blast.html"
    page.write_text(PAGE, encoding="utf-8")
    [art] = read([page])
    assert art.url == "https://news.example.org/2017/03/blast"


def test_sidecar_beside_a_text_file_gives_date_outlet_url_and_is_not_a_report(tmp_path):
    (tmp_path / "r.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "r.txt.meta.json").write_text(json.dumps(
        {"published": "12/03/2017", "outlet": "Example Daily", "url": "https://daily.example.com/r"}))
    items = read([tmp_path])  # the folder: the sidecar is metadata, not an input that failed
    assert len(items) == 1 and isinstance(items[0], Article)
    art = items[0]
    assert (art.published, art.published_origin, art.outlet, art.url) == (
        "2017-03-12", "sidecar", "Example Daily", "https://daily.example.com/r")


def test_flags_fill_only_what_is_missing_and_a_table_names_files(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(TEXT.replace("أربعة", "خمسة"), encoding="utf-8")
    (tmp_path / "meta.csv").write_text("file,published,outlet\nb.txt,2017-03-14,Table Outlet\n",
                                       encoding="utf-8")
    meta = Metadata(published="2017-03-13", outlet="Flag Outlet", by_file=load_table(tmp_path / "meta.csv"))
    a, b = read([tmp_path / "a.txt", tmp_path / "b.txt"], meta)
    assert (a.published, a.published_origin, a.outlet) == ("2017-03-13", "flag", "Flag Outlet")
    assert (b.published, b.published_origin, b.outlet) == ("2017-03-14", "sidecar", "Table Outlet")


def test_a_bad_sidecar_date_is_an_error_line_for_that_report(tmp_path):
    (tmp_path / "r.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "r.txt.meta.json").write_text('{"published": "2017-02-30"}')
    [err] = read([tmp_path / "r.txt"])
    assert isinstance(err, IngestError)
    side = tmp_path / "r.txt.meta.json"
    assert err.reason == f"{side}: published '2017-02-30' is not a date (use YYYY-MM-DD)"


def test_run_flags_give_dated_events_and_bad_flags_exit_2(tmp_path):
    (tmp_path / "r.txt").write_text(TEXT, encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", str(tmp_path / "r.txt"), "--out", str(out),
                                 "--published", "2017-03-12", "--outlet", "Example Daily", "--url", "https://daily.example.com/r"])
    assert result.exit_code == 0, result.output
    [doc] = [json.loads(line) for line in (out / "documents.jsonl").open(encoding="utf-8")]
    assert (doc["published"], doc["outlet"], doc["url"]) == ("2017-03-12", "Example Daily",
                                                             "https://daily.example.com/r")
    events = [json.loads(line) for line in (out / "events.jsonl").open(encoding="utf-8")]
    assert events and all(e["date"] and "-00000000-" not in e["event_id"] for e in events)
    bad = runner.invoke(app, ["run", str(tmp_path / "r.txt"), "--out", str(out), "--published", "yesterday"])
    assert bad.exit_code == 2
    assert bad.output == "marsad: --published 'yesterday' is not a date (use YYYY-MM-DD)\n"
    two = runner.invoke(app, ["run", str(tmp_path / "r.txt"), str(tmp_path / "r.txt"), "--out", str(out),
                              "--url", "https://daily.example.com/r"])
    assert two.exit_code == 2 and "--url names one report" in two.output
