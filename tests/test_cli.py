"""`marsad run` and `marsad eval` end to end: output files, every input accounted for, exit codes, re-runs."""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from marsad.cli import app

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "marsad" / "data" / "sample" / "docs.jsonl"
BAD = ROOT / "tests" / "ingest" / "data" / "bad"
SHARED = ROOT.parent / "shared"
SAMPLE_IDS = [json.loads(line)["id"] for line in SAMPLE.open(encoding="utf-8")]

runner = CliRunner()


def rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.open(encoding="utf-8")]


def test_run_on_the_sample_writes_the_four_files_and_reruns_add_nothing(tmp_path):
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", str(SAMPLE), "--out", str(out)])
    assert result.exit_code == 0, result.output
    for name in ("documents.jsonl", "claims.jsonl", "events.jsonl", "errors.jsonl"):
        assert (out / name).is_file(), name
    docs = rows(out / "documents.jsonl")
    assert [d["id"] for d in docs] == SAMPLE_IDS
    assert all(d["error"] is None and d["language"] == "ar" for d in docs)
    assert all(d["published_origin"] == "input" for d in docs)
    assert "text" not in docs[0]
    assert docs[0]["boilerplate"][0] == [0, len("رئيس مجلسى الإدارة والتحرير")]
    assert docs[0]["title"] == "العراق: مقتل أكثر من 350 عنصرا بـ داعش\" خلال محاولة الفرار من سجن الحسكة"
    assert rows(out / "errors.jsonl") == []
    for word in ("read", "failed", "duplicates", "claims", "events", "seconds"):
        assert word in result.output
    first_counts = _store_counts(out)

    again = runner.invoke(app, ["run", str(SAMPLE), "--out", str(out)])
    assert again.exit_code == 0, again.output
    assert [d["id"] for d in rows(out / "documents.jsonl")] == SAMPLE_IDS
    if first_counts is not None:
        assert _store_counts(out)["documents"] == first_counts["documents"] == len(SAMPLE_IDS)


def _store_counts(out: Path) -> dict | None:
    try:
        from marsad.store.store import Store
    except ImportError:
        return None
    with Store(f"sqlite:///{out / 'marsad.db'}") as store:
        return store.counts() if hasattr(store, "counts") else None


def test_bad_inputs_are_listed_and_the_batch_completes_with_exit_code_1(tmp_path):
    out = tmp_path / "out"
    big = tmp_path / "big.html"
    with big.open("wb") as f:
        f.truncate(50 * 1024 * 1024)
    result = runner.invoke(app, ["run", str(SAMPLE), str(BAD), str(big), str(tmp_path / "missing.txt"),
                                 "--out", str(out)])
    assert result.exit_code == 1, result.output
    errors = rows(out / "errors.jsonl")
    named = sorted((Path(e["input"]).name, e["reason"].split(" (")[0].split(":")[0]) for e in errors)
    assert named == [
        ("big.html", "file too large"), ("empty.txt", "empty file"),
        ("english.txt", "not Arabic"), ("image.bin", "binary data"),
        ("missing.txt", "no such file or folder"),
        ("truncated.jsonl:1", "duplicate document id '003_1325d8aa5cf6f91d'"),  # also in the sample
        ("truncated.jsonl:2", "truncated or invalid JSON"),
    ]
    docs = {d["id"]: d for d in rows(out / "documents.jsonl")}
    # Every document whose id is known has a line, failed ones with their error.
    assert set(SAMPLE_IDS) <= set(docs)
    assert docs["cut_001"]["error"].startswith("truncated or invalid JSON")
    assert docs["003_1325d8aa5cf6f91d"]["error"] is None  # read once; the second copy is the error
    assert "7 input(s) failed" in result.output


def test_nothing_readable_exits_2(tmp_path):
    result = runner.invoke(app, ["run", str(BAD / "empty.txt"), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2
    assert rows(tmp_path / "o" / "errors.jsonl") == [
        {"input": str(BAD / "empty.txt"), "reason": "empty file", "doc_id": None}]
    assert runner.invoke(app, ["run", str(SAMPLE)]).exit_code == 2  # --out missing: usage error
    assert runner.invoke(app, ["run", str(SAMPLE), "--out", str(SAMPLE)]).exit_code == 2  # --out is a file


@pytest.mark.shared
def test_eval_prints_the_scorer_table(tmp_path):
    if not (SHARED / "eval" / "score.py").is_file():
        pytest.skip("../shared/eval is absent")
    gold = SHARED / "eval" / "dev"
    result = runner.invoke(app, ["eval", str(gold), "--out", str(tmp_path / "ev")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "ev" / "claims.jsonl").is_file()
    assert "claims_f1" in result.output and "link_f1" in result.output


def test_eval_without_a_scorer_says_so(tmp_path, monkeypatch):
    gold = tmp_path / "gold"
    gold.mkdir()
    shutil.copy(SAMPLE, gold / "docs.jsonl")
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    result = runner.invoke(app, ["eval", str(gold), "--out", str(tmp_path / "ev")])
    assert result.exit_code == 0, result.output
    assert list(scratch.iterdir()) == []  # the throwaway store is removed, not left in the temp folder
    assert "note: no scorer at" in result.output and "from 5 documents" in result.output
    missing = runner.invoke(app, ["eval", str(tmp_path / "nowhere")])
    assert missing.exit_code == 2


def test_dask_scale_out_gives_the_same_outputs_as_a_plain_run(tmp_path):
    from dask.distributed import Client, LocalCluster

    from marsad.run import run_corpus

    inputs = [str(SAMPLE), str(BAD / "english.txt")]
    plain = run_corpus(inputs, tmp_path / "plain")
    cluster = LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None)
    with cluster, Client(cluster) as client:
        # several chunks: results must come back in input order
        spread = run_corpus(inputs, tmp_path / "dask", dask=client, chunk_size=2)
    assert (spread.read, spread.failed, spread.claims, spread.events) == \
        (plain.read, plain.failed, plain.claims, plain.events) == (5, 1, plain.claims, plain.events)
    for name in ("documents.jsonl", "claims.jsonl", "events.jsonl", "errors.jsonl"):
        assert (tmp_path / "dask" / name).read_text() == (tmp_path / "plain" / name).read_text(), name


def test_an_unusable_store_stops_the_run_before_the_pipeline(tmp_path):
    out = tmp_path / "out"
    (tmp_path / "a_file").write_text("not a folder")
    url = f"sqlite:///{tmp_path / 'a_file' / 'x.db'}"
    result = runner.invoke(app, ["run", str(SAMPLE), "--out", str(out), "--db", url])
    assert result.exit_code == 2, result.output
    assert result.output.strip() == f"marsad: --db: the folder {tmp_path / 'a_file'} does not exist"
    assert not out.exists()  # nothing was read or written
    refused = runner.invoke(app, ["run", str(SAMPLE), "--out", str(out), "--db", "postgresql://u@127.0.0.1:1/x"])
    assert refused.exit_code == 2
    assert refused.output.startswith("marsad: --db: cannot reach the store postgresql+psycopg://u@127.0.0.1:1/x")


@pytest.mark.parametrize(("args", "message"), [
    (["--dask", "bogus"], "marsad: --dask 'bogus': use 'local' or a scheduler address such as tcp://10.0.0.5:8786"),
    (["--dask", "tcp://127.0.0.1:1"], "marsad: --dask: no Dask scheduler answers at tcp://127.0.0.1:1"),
    (["--out", "-"], "marsad: --out - : `marsad run` writes a folder of files"),
])
def test_run_options_are_checked_first_with_one_line_and_exit_2(tmp_path, args, message):
    argv = ["run", str(SAMPLE), "--out", str(tmp_path / "out"), *args] if args[0] != "--out" else \
        ["run", str(SAMPLE), *args]
    result = runner.invoke(app, argv)
    assert result.exit_code == 2, result.output
    assert result.output.startswith(message) and len(result.output.strip().splitlines()) == 1
    assert not (tmp_path / "out").exists()


def test_run_reports_its_stages_off_a_terminal(tmp_path):
    result = runner.invoke(app, ["run", str(SAMPLE), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == f"marsad run: 1 input(s) -> {tmp_path / 'out'} (loading the pipeline)"
    assert any(line.startswith("marsad: processed 5 article(s) (") for line in lines)
    assert any(line.startswith("marsad: linking, reconciling, storing (") for line in lines)


def test_version_and_short_help():
    from importlib.metadata import version

    assert runner.invoke(app, ["--version"]).output == f"marsad {version('marsad')}\n"
    short = runner.invoke(app, ["export", "-h"])
    assert short.exit_code == 0 and "--country" in short.output and "--since" in short.output
