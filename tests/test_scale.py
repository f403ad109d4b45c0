"""Scale-out on Dask with workers reading their own shards (marsad.scale, `marsad shard`): the driver
reads nothing, each worker reads, processes and records its shards, linking is split into blocks on
the workers, and the outputs equal a plain run's."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from marsad.cli import app
from marsad.run import run_corpus

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "marsad" / "data" / "sample" / "docs.jsonl"
FOLLOWUPS = ROOT / "tests" / "link" / "data" / "followups.jsonl"
OUTPUTS = ("documents.jsonl", "claims.jsonl", "events.jsonl", "errors.jsonl")
runner = CliRunner()


def _files(out: Path) -> dict[str, str]:
    return {name: (out / name).read_text(encoding="utf-8") for name in OUTPUTS}


def _without_origin(text: str) -> list[dict]:
    return [{k: v for k, v in json.loads(line).items() if k != "origin"} for line in text.splitlines()]


@pytest.fixture
def client():
    from dask.distributed import Client, LocalCluster

    cluster = LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None)
    with cluster, Client(cluster) as c:
        yield c


def test_marsad_shard_cuts_a_corpus_in_input_order_and_keeps_its_lines(tmp_path):
    lines = SAMPLE.read_bytes().splitlines(keepends=True) + FOLLOWUPS.read_bytes().splitlines(keepends=True)
    packed = tmp_path / "corpus.jsonl.gz"
    packed.write_bytes(gzip.compress(b"".join(lines)))
    result = runner.invoke(app, ["shard", str(packed), "--out", str(tmp_path / "shards"), "--shards", "4"])
    assert result.exit_code == 0, result.output
    n = len([x for x in lines if x.strip()])
    assert result.output.strip() == f"wrote {n} report(s) in 4 shard(s) to {tmp_path / 'shards'}"
    parts = sorted((tmp_path / "shards").iterdir())
    assert [p.name for p in parts] == [f"part-0000{i}.jsonl.gz" for i in range(4)]
    assert b"".join(gzip.decompress(p.read_bytes()) for p in parts) == b"".join(x for x in lines if x.strip())
    again = runner.invoke(app, ["shard", str(packed), "--out", str(tmp_path / "shards"), "--size", "5"])
    assert again.exit_code == 2 and "give a new or empty folder" in again.output
    both = runner.invoke(app, ["shard", str(packed), "--out", str(tmp_path / "x"), "--size", "5",
                               "--shards", "2"])
    assert both.exit_code == 2 and "exactly one of --shards N or --size N" in both.output


def test_shards_of_text_files_become_corpus_records_and_unreadable_ones_are_listed(tmp_path):
    (tmp_path / "in").mkdir()
    body = "قتل ثلاثة مدنيين في قصف مدفعي استهدف بلدة في ريف إدلب الجنوبي صباح اليوم"
    (tmp_path / "in" / "a.txt").write_text(body, encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_text("An English note, not an Arabic report at all.", encoding="utf-8")
    result = runner.invoke(app, ["shard", str(tmp_path / "in"), "--out", str(tmp_path / "shards"),
                                 "--size", "10"])
    assert result.exit_code == 1
    assert "b.txt" in result.output and "wrote 1 report(s) in 1 shard(s)" in result.output
    record = json.loads(gzip.decompress((tmp_path / "shards" / "part-00000.jsonl.gz").read_bytes()))
    assert record["text"] == body and record["id"]


@pytest.mark.parametrize("name", ["dev", "public", "wide"])
def test_shards_and_byte_ranges_read_by_dask_workers_give_the_outputs_of_a_plain_run(name, eval_kit, tmp_path,
                                                                                    client, monkeypatch):
    docs = eval_kit / name / "docs.jsonl"
    if not docs.exists():
        pytest.skip(f"no gold set at {docs}")
    cut = runner.invoke(app, ["shard", str(docs), "--out", str(tmp_path / "shards"), "--shards", "3"])
    assert cut.exit_code == 0
    packed = tmp_path / "docs.jsonl.gz"
    packed.write_bytes(gzip.compress(docs.read_bytes()))
    plain = run_corpus([str(packed)], tmp_path / "plain")
    spread = run_corpus([str(tmp_path / "shards")], tmp_path / "dask", dask=client, chunk_size=7)
    monkeypatch.setattr("marsad.scale.MIN_RANGE_BYTES", 4096)  # the one gzipped file in 16 ranges
    ranged = run_corpus([str(packed)], tmp_path / "ranges", dask=client, chunk_size=7)
    for run in (spread, ranged):
        assert (run.read, run.failed, run.claims, run.events) == \
            (plain.read, plain.failed, plain.claims, plain.events)
    got, want = _files(tmp_path / "dask"), _files(tmp_path / "plain")
    for out in ("claims.jsonl", "events.jsonl", "errors.jsonl"):
        assert got[out] == want[out], out
    # a shard's reports are read from the shard: only where each came from differs
    assert _without_origin(got["documents.jsonl"]) == _without_origin(want["documents.jsonl"])
    # the workers read byte ranges of the one file: the outputs are a plain run's, origins included
    assert _files(tmp_path / "ranges") == want


def test_byte_ranges_of_a_corpus_file_read_each_line_once_with_its_line_number(tmp_path):
    from marsad.ingest.readers import jsonl_bytes, read_jsonl, read_jsonl_range
    from marsad.scale import byte_ranges

    text = "قتل ثلاثة مدنيين في قصف مدفعي على بلدة في ريف إدلب الجنوبي اليوم"
    one = {"id": "a1", "title": "قصف", "text": text}
    two = dict(one, id="a2")
    lines = [b"\xef\xbb\xbf" + json.dumps(one, ensure_ascii=False).encode(), b"", b"  ",
             json.dumps(two, ensure_ascii=False).encode() + b"\r", b'{"id": "cut", "text": "',
             json.dumps(dict(one, id="a3"), ensure_ascii=False).encode()]  # no newline at the end
    data = b"\n".join(lines)
    plain, packed = tmp_path / "c.jsonl", tmp_path / "c.jsonl.gz"
    plain.write_bytes(data)
    packed.write_bytes(gzip.compress(data))
    for path in (plain, packed):
        assert jsonl_bytes(path) == len(data)
        want = [x.to_dict() for x in read_jsonl(path)]
        assert [(w.get("id") or w.get("doc_id"), (w.get("origin") or w.get("input")).rsplit(":", 1)[1])
                for w in want] == [("a1", "1"), ("a2", "4"), ("cut", "5"), ("a3", "6")]
        for cut in range(1, len(data)):  # every place a cut can fall: in a line, at its start, at a newline
            parts = [(0, cut), (cut, None)]
            assert [x.to_dict() for p in parts for x in read_jsonl_range(path, *p)] == want, (path, cut)
        assert [x.to_dict() for p in byte_ranges(len(data), 3, 1) for x in read_jsonl_range(path, *p)] == want
    assert byte_ranges(100, 3, 1) == [(0, 33), (33, 66), (66, None)]
    assert byte_ranges(100, 16, 40) == [(0, 50), (50, None)]
    assert byte_ranges(10, 16, 40) == [(0, None)]
    (tmp_path / "array.json").write_text(json.dumps([one, two], ensure_ascii=False), encoding="utf-8")
    (tmp_path / "empty.jsonl").write_bytes(b"")
    assert jsonl_bytes(tmp_path / "array.json") is None and jsonl_bytes(tmp_path / "empty.jsonl") is None


def test_a_gzip_file_broken_part_way_is_an_error_of_the_range_it_breaks_in(tmp_path):
    import random

    from marsad.ingest.readers import read_inputs, read_jsonl_range

    words = ["قتل", "ثلاثة", "مدنيين", "في", "قصف", "مدفعي", "على", "بلدة", "ريف", "إدلب", "الجنوبي",
             "اليوم"]
    rng = random.Random(5)
    rows = [{"id": f"r{i}", "text": " ".join(rng.choice(words) for _ in range(60))} for i in range(200)]
    data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode()
    packed = tmp_path / "cut.jsonl.gz"
    whole = gzip.compress(data)
    packed.write_bytes(whole[:len(whole) * 2 // 3])  # the stream ends early
    want = [x.to_dict() for x in read_inputs([str(packed)])]
    assert "unreadable: EOFError" in want[-1]["reason"] and len(want) < 200
    size = len(data)
    parts = [(0, size // 3), (size // 3, 2 * size // 3), (2 * size // 3, None)]
    assert [x.to_dict() for p in parts for x in read_jsonl_range(packed, *p)] == want


def test_a_repeated_id_across_shards_and_bad_shards_are_errors_as_in_a_plain_run(tmp_path, client):
    rows = [json.loads(x) for x in SAMPLE.read_text(encoding="utf-8").splitlines()]
    shards = tmp_path / "shards"
    shards.mkdir()
    first = [rows[0], rows[1]]
    second = [dict(rows[2], id=rows[0]["id"]), rows[3]]  # another report under the first shard's id
    (shards / "a.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in first))
    (shards / "b.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in second)
                                    + '{"id": "cut", "text": "\n', encoding="utf-8")
    (shards / "c.jsonl").write_bytes(b"")
    inputs = [str(shards), str(tmp_path / "missing.jsonl"), str(SAMPLE)]
    plain = run_corpus(inputs, tmp_path / "plain")
    spread = run_corpus(inputs, tmp_path / "dask", dask=client, chunk_size=1)
    assert _files(tmp_path / "dask") == _files(tmp_path / "plain")
    errors = [json.loads(x) for x in _files(tmp_path / "plain")["errors.jsonl"].splitlines()]
    assert [e["reason"].split(":")[0].split(" (")[0] for e in errors] == [
        f"duplicate document id {rows[0]['id']!r}", "truncated or invalid JSON", "empty file",
        "no such file or folder", *[f"duplicate document id {rows[i]['id']!r}" for i in (0, 1, 3)]]
    assert (spread.read, spread.failed) == (plain.read, plain.failed) == (5, 7)


def test_a_later_copy_saved_first_gives_way_to_the_earlier_one(tmp_path):
    """Shards finish in any order: the copy at the earlier input position keeps the id."""
    from marsad.scale import Shard, process_shard
    from marsad.store.journal import Journal
    from marsad.store.store import Store

    rows = [json.loads(x) for x in SAMPLE.read_text(encoding="utf-8").splitlines()]
    (tmp_path / "early.jsonl").write_text(json.dumps(rows[0], ensure_ascii=False) + "\n", encoding="utf-8")
    late_row = dict(rows[1], id=rows[0]["id"])
    (tmp_path / "late.jsonl").write_text(json.dumps(late_row, ensure_ascii=False) + "\n", encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'm.db'}"
    journal = Journal(Store(url))
    journal.start("k")
    late = process_shard(Shard(str(tmp_path / "late.jsonl"), 100, 100), url, "k", None, 4)
    assert late == (1, [])
    early = process_shard(Shard(str(tmp_path / "early.jsonl"), 0, 100), url, "k", None, 4)
    assert early[0] == 1
    [(seq, err)] = early[1]
    assert (seq, err.input, err.doc_id) == (100, f"{tmp_path / 'late.jsonl'}:1", rows[0]["id"])
    first = f"{tmp_path / 'early.jsonl'}:1"
    assert err.reason == f"duplicate document id {rows[0]['id']!r} (already read from {first})"
    assert journal.positions("k", [rows[0]["id"]])[rows[0]["id"]][0] == 0


def test_workers_report_progress_to_the_driver(tmp_path, client):
    from marsad.scale import process_shards, shards_of
    from marsad.store.journal import Journal
    from marsad.store.store import Store

    url = f"sqlite:///{tmp_path / 'm.db'}"
    Journal(Store(url)).start("k")
    shards, errors = shards_of([str(SAMPLE), str(FOLLOWUPS)])
    assert errors == [] and [s.base for s in shards] == [0, 1 << 30]
    heard: list[int] = []
    processed, read_errors = process_shards(shards, client, url, "k", None, 2, heard.append)
    total = processed + len(read_errors)
    assert heard and heard == sorted(heard) and 0 < heard[-1] <= total


def test_an_incremental_run_on_dask_links_to_stored_incidents_as_a_plain_run_does(tmp_path, client):
    """The second half of a story's reports, run against a store holding the first half's incidents:
    the stored incidents of the new reports' blocks join the partition, and both runs agree."""
    import shutil

    lines = FOLLOWUPS.read_text(encoding="utf-8").splitlines(keepends=True)
    first, second = tmp_path / "first.jsonl", tmp_path / "second"
    first.write_text("".join(lines[:12]), encoding="utf-8")
    second.mkdir()
    (second / "a.jsonl").write_text("".join(lines[12:18]), encoding="utf-8")
    (second / "b.jsonl").write_text("".join(lines[18:]), encoding="utf-8")
    run_corpus([str(first)], tmp_path / "base")
    for name in ("plain", "dask"):
        (tmp_path / name).mkdir()
        shutil.copy(tmp_path / "base" / "marsad.db", tmp_path / name / "marsad.db")
    plain = run_corpus([str(second)], tmp_path / "plain")
    spread = run_corpus([str(second)], tmp_path / "dask", dask=client, chunk_size=2)
    assert _files(tmp_path / "dask") == _files(tmp_path / "plain")
    events = [json.loads(x) for x in _files(tmp_path / "plain")["events.jsonl"].splitlines()]
    base = (tmp_path / "base" / "events.jsonl").read_text(encoding="utf-8")
    stored = {json.loads(x)["event_id"] for x in base.splitlines()}
    assert any(e["event_id"] in stored for e in events)  # new reports joined stored incidents
    assert (spread.read, spread.events) == (plain.read, plain.events) == (11, len(events))
