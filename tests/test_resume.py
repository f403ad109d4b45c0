"""Streaming runs are resumable exactly once: a run killed at any point (SIGKILL, or a crash between
two of its steps) and started again with the same command ends with the outputs and store rows of
one clean run, and does not process again the reports it had done."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

import marsad.run
from marsad.run import RunSummary, run_corpus

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "marsad" / "data" / "sample" / "docs.jsonl"
FOLLOWUPS = ROOT / "tests" / "link" / "data" / "followups.jsonl"
BAD = ROOT / "tests" / "ingest" / "data" / "bad"
# 28 reports and three bad inputs (an English text, a truncated line, a repeated id)
INPUTS = [str(SAMPLE), str(FOLLOWUPS), str(BAD / "english.txt"), str(BAD / "truncated.jsonl")]
OUTPUTS = ("documents.jsonl", "claims.jsonl", "events.jsonl", "errors.jsonl")
CHUNK = 3
# store rows compared between runs: every column but the wall-clock ones
TABLES = {
    "documents": "id, title, text, published, published_origin, outlet, url, origin, language, duplicate_of, "
                 "search_text, content_hash",
    "claims": "*",
    "events": "event_id, event_type, date, country, admin1, location, actors_key, search_text, n_documents, "
              "fatalities, data, content_hash, version, status, merged_into",
    "event_documents": "*",
    "revisions": "event_id, version, action, changes, source",
}


def store_rows(out: Path) -> dict[str, list[tuple]]:
    with sqlite3.connect(out / "marsad.db") as db:
        return {t: sorted(db.execute(f"SELECT {cols} FROM {t}").fetchall(), key=repr)  # noqa: S608
                for t, cols in TABLES.items()}


def outputs(out: Path) -> dict[str, str]:
    return {name: (out / name).read_text(encoding="utf-8") for name in OUTPUTS}


@pytest.fixture(scope="module")
def clean(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("clean") / "out"
    summary = run_corpus(INPUTS, out, chunk_size=CHUNK)
    assert (summary.read, summary.failed) == (28, 3)
    return out


def _start(out: Path) -> subprocess.Popen:
    code = ("import sys; from pathlib import Path; from marsad.run import run_corpus; "
            f"run_corpus(sys.argv[2:], Path(sys.argv[1]), chunk_size={CHUNK})")
    return subprocess.Popen([sys.executable, "-c", code, str(out), *INPUTS], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _journal(out: Path) -> tuple[int, str | None]:
    """(reports done, run status) as the store says now; (0, None) before the store exists."""
    try:
        with sqlite3.connect(f"file:{out / 'marsad.db'}?mode=ro", uri=True, timeout=1) as db:
            done = db.execute("SELECT count(*) FROM run_documents").fetchone()[0]
            status = db.execute("SELECT status FROM runs").fetchone()
            return done, status[0] if status else None
    except sqlite3.Error:
        return 0, None


def _kill_when(proc: subprocess.Popen, out: Path, ready) -> tuple[int, str | None]:
    """SIGKILL the run as soon as `ready(done, status)` holds (or let it finish), return the journal."""
    deadline = time.monotonic() + 240
    while proc.poll() is None and time.monotonic() < deadline:
        if ready(*_journal(out)):
            os.kill(proc.pid, signal.SIGKILL)
            break
        time.sleep(0.005)
    proc.wait(timeout=60)
    return _journal(out)


def test_a_run_killed_at_several_points_resumes_to_the_clean_runs_outputs_and_rows(clean, tmp_path):
    out = tmp_path / "out"
    points = [lambda done, _s: done >= 1,  # inside the first chunks
              lambda done, _s: done >= 16,  # half way
              lambda done, _s: done >= 28]  # all done: linking, writing or committing
    seen = []
    for ready in points:
        seen.append(_kill_when(_start(out), out, ready))
    assert seen[0][0] >= 1 and seen[0][1] == "processing", seen  # the first kill left work to resume
    assert not (out / "events.jsonl").exists() or seen[-1][1] in ("linked", "complete"), seen
    final = _start(out)
    assert final.wait(timeout=240) == 0
    assert outputs(out) == outputs(clean)
    assert store_rows(out) == store_rows(clean)
    assert _journal(out) == (0, "complete")


def test_a_resumed_run_processes_only_the_reports_not_done(clean, tmp_path, monkeypatch):
    out = tmp_path / "out"
    done, status = _kill_when(_start(out), out, lambda done, _s: done >= 10)
    assert status == "processing" and 10 <= done < 28
    processed: list[str] = []
    real = marsad.run.process_articles

    def counting(articles, *args, **kwargs):
        processed.extend(a.id for a in articles)
        return real(articles, *args, **kwargs)

    monkeypatch.setattr(marsad.run, "process_articles", counting)
    run_corpus(INPUTS, out, chunk_size=CHUNK)
    assert len(processed) == len(set(processed)) == 28 - done
    assert outputs(out) == outputs(clean)
    assert store_rows(out) == store_rows(clean)


class Crash(Exception):
    pass


def test_a_crash_after_the_store_commit_finishes_from_the_store(clean, tmp_path, monkeypatch):
    """Killed after the incidents were committed but before the outputs were moved into place: the
    rerun does not link again (the store now holds the run's incidents), it moves the files."""
    out = tmp_path / "out"
    real = marsad.run._finish

    def crash(*args, **kwargs):
        raise Crash

    monkeypatch.setattr(marsad.run, "_finish", crash)
    with pytest.raises(Crash):
        run_corpus(INPUTS, out, chunk_size=CHUNK)
    assert _journal(out)[1] == "linked" and not (out / "claims.jsonl").exists()
    monkeypatch.setattr(marsad.run, "_finish", real)
    monkeypatch.setattr(marsad.run, "_link_and_write", crash)  # must not be needed again
    summary = run_corpus(INPUTS, out, chunk_size=CHUNK)
    assert (summary.read, summary.failed, summary.claims) == (28, 3, len(outputs(clean)["claims.jsonl"]
                                                                          .splitlines()))
    assert outputs(out) == outputs(clean)
    assert store_rows(out) == store_rows(clean)


def test_a_crash_while_the_outputs_are_written_commits_nothing_and_the_rerun_links_again(clean, tmp_path,
                                                                                          monkeypatch):
    """Killed half way through events.jsonl: the files are written before the store's COMMIT, so the
    run is not `linked`, no incident is stored, and the rerun ends with the clean run's files and rows
    (it used to find the run `linked` and move the half-written file into place)."""
    out = tmp_path / "out"
    real = marsad.run.write_jsonl

    def crash_in_events(path: Path, rows) -> None:
        if path.name == "events.jsonl":
            path.write_text('{"event_id": "IRQ-', encoding="utf-8")
            raise Crash
        real(path, rows)

    monkeypatch.setattr(marsad.run, "write_jsonl", crash_in_events)
    with pytest.raises(Crash):
        run_corpus(INPUTS, out, chunk_size=CHUNK)
    assert _journal(out) == (28, "processing")
    with sqlite3.connect(out / "marsad.db") as db:
        assert db.execute("SELECT count(*) FROM events").fetchone()[0] == 0
    assert not (out / "events.jsonl").exists()
    monkeypatch.setattr(marsad.run, "write_jsonl", real)
    run_corpus(INPUTS, out, chunk_size=CHUNK)
    assert outputs(out) == outputs(clean)
    assert store_rows(out) == store_rows(clean)
    assert _journal(out) == (0, "complete")


def test_the_same_command_after_a_complete_run_is_a_new_run_that_adds_nothing(clean, tmp_path):
    """Not a resume: every report is processed again and linked against the stored incidents (whose
    link records then differ from a first run's), and no document, claim or incident is added."""
    out = tmp_path / "out"
    run_corpus(INPUTS, out, chunk_size=CHUNK)
    first = store_rows(out)
    again = run_corpus(INPUTS, out, chunk_size=CHUNK)
    assert again.read == 28
    for name in ("documents.jsonl", "claims.jsonl", "errors.jsonl"):
        assert outputs(out)[name] == outputs(clean)[name]
    rows = store_rows(out)
    for table in ("documents", "claims"):
        assert rows[table] == first[table]
    assert [r[0] for r in rows["events"]] == [r[0] for r in first["events"]]


def _run_on_dask_killing_a_worker(inputs: list[str], out: Path) -> tuple[RunSummary, list[tuple[int, int]]]:
    """Run INPUTS on two local Dask workers and SIGKILL one as soon as the first chunk is recorded;
    the summary and the (pid, chunks recorded) of the kill."""
    import threading

    from dask.distributed import Client, LocalCluster

    killed: list[tuple[int, int]] = []

    def kill_a_worker(client: Client) -> None:
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            done, _status = _journal(out)
            if done >= 1:
                pid = sorted(client.run(os.getpid).values())[0]
                os.kill(pid, signal.SIGKILL)
                killed.append((pid, done))
                return
            time.sleep(0.01)

    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    with cluster, Client(cluster) as client:
        killer = threading.Thread(target=kill_a_worker, args=(client,))
        killer.start()
        summary = run_corpus(inputs, out, dask=client, chunk_size=CHUNK)
        killer.join()
    return summary, killed


def test_a_dask_worker_killed_mid_run_is_retried_and_the_outputs_equal_a_clean_run(clean, tmp_path):
    """Workers store their chunks' results themselves; one dies (SIGKILL) after the first chunk is
    recorded, Dask runs its tasks again elsewhere, and each report is recorded once."""
    out = tmp_path / "out"
    summary, killed = _run_on_dask_killing_a_worker(INPUTS, out)
    assert killed and killed[0][1] < 28, killed  # a worker died part way
    assert (summary.read, summary.failed) == (28, 3)
    assert outputs(out) == outputs(clean)
    assert store_rows(out) == store_rows(clean)


def test_a_dask_worker_killed_while_reading_byte_ranges_of_one_file_changes_nothing(tmp_path, monkeypatch):
    """One gzipped corpus file read by the workers in byte ranges: a worker killed (SIGKILL) once the
    first chunk is recorded has its ranges read again elsewhere, and the outputs and store rows are
    those of a plain run of the file."""
    import gzip

    packed = tmp_path / "corpus.jsonl.gz"
    packed.write_bytes(gzip.compress(SAMPLE.read_bytes() + FOLLOWUPS.read_bytes()))
    plain = run_corpus([str(packed)], tmp_path / "plain", chunk_size=CHUNK)
    monkeypatch.setattr("marsad.scale.MIN_RANGE_BYTES", 2048)  # several ranges of a small file
    out = tmp_path / "out"
    summary, killed = _run_on_dask_killing_a_worker([str(packed)], out)
    assert killed and killed[0][1] < plain.read, killed  # a worker died part way
    assert (summary.read, summary.failed, summary.events) == (plain.read, plain.failed, plain.events)
    assert outputs(out) == outputs(tmp_path / "plain")
    assert store_rows(out) == store_rows(tmp_path / "plain")
