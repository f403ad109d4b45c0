"""Issue #14 points 4 and 5: concurrent writers never duplicate an incident, concurrent first openers
all succeed, and a kill during the first schema setup leaves a store that opens.

Real processes (`marsad run`, a Python opener killed with SIGKILL) against one SQLite file and one
PostgreSQL database (the throwaway server of tests/conftest.py); the service case posts through
the API while a `marsad run` process writes to the same store.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from marsad.serve.app import create_app
from marsad.store import Store

SAMPLE = Path(__file__).resolve().parents[2] / "marsad" / "data" / "sample" / "docs.jsonl"
MARSAD = Path(sys.executable).parent / "marsad"
TOKEN = "concurrency-token"


def _rows() -> list[dict]:
    return [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines() if line.strip()]


def _halves(tmp_path: Path) -> tuple[Path, Path]:
    """Two inputs that overlap: reports 0-3, and reports 1-4 under other ids (another crawl of them)."""
    rows = _rows()
    a = [dict(r, id=f"a-{r['id']}") for r in rows[:4]]
    b = [dict(r, id=f"b-{r['id']}") for r in rows[1:]]
    pa, pb = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    for path, part in ((pa, a), (pb, b)):
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in part), encoding="utf-8")
    return pa, pb


def _run(inp: Path, out: Path, url: str) -> subprocess.Popen:
    return subprocess.Popen([str(MARSAD), "run", str(inp), "--out", str(out), "--db", url],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)


def _events(url: str) -> list[list[str]]:
    """The active incidents of a store, each as its sorted report ids, sorted."""
    with Store(url) as st:
        return sorted(sorted(e.doc_ids) for e in st.load_events())


@pytest.fixture
def two_urls(store_url, tmp_path, request):
    """Two empty stores of the same kind: one for the sequential run, one for the concurrent one."""
    if store_url.startswith("sqlite"):
        return store_url, f"sqlite:///{tmp_path / 'seq.db'}"
    server = request.getfixturevalue("pg_server")
    return store_url, server.reset_database("marsad_seq")


def test_two_concurrent_runs_give_the_events_of_one_sequential_run(two_urls, tmp_path):
    url, seq_url = two_urls
    pa, pb = _halves(tmp_path)
    for inp, out in ((pa, "sa"), (pb, "sb")):
        p = _run(inp, tmp_path / out, seq_url)
        assert p.wait(timeout=300) == 0, p.stdout.read().decode()
    sequential = _events(seq_url)
    procs = [_run(pa, tmp_path / "ca", url), _run(pb, tmp_path / "cb", url)]
    for p in procs:
        assert p.wait(timeout=300) == 0, p.stdout.read().decode()
    assert _events(url) == sequential
    # every report of both inputs is linked, and no incident was stored twice (the race's symptom)
    assert len({d for ev in sequential for d in ev}) == 8
    assert len({tuple(ev) for ev in sequential}) == len(sequential)


def test_the_service_and_a_cli_run_at_once_give_the_events_of_one_sequential_run(two_urls, tmp_path,
                                                                                   monkeypatch):
    url, seq_url = two_urls
    pa, pb = _halves(tmp_path)
    posted = [json.loads(line) for line in pb.read_text(encoding="utf-8").splitlines()]
    for inp, out in ((pa, "sa"), (pb, "sb")):
        assert _run(inp, tmp_path / out, seq_url).wait(timeout=300) == 0
    monkeypatch.delenv("MARSAD_TOKEN", raising=False)
    with TestClient(create_app(url, token=TOKEN)) as client:
        answer: dict = {}

        def post() -> None:
            r = client.post("/api/documents", json=posted, headers={"Authorization": f"Bearer {TOKEN}"})
            answer.update(status=r.status_code, body=r.json())

        cli = _run(pa, tmp_path / "cli", url)
        poster = threading.Thread(target=post)
        poster.start()
        assert cli.wait(timeout=300) == 0, cli.stdout.read().decode()
        poster.join(timeout=300)
    assert answer["status"] == 201, answer
    assert _events(url) == _events(seq_url)


OPEN = "import sys; from marsad.store import Store; Store(sys.argv[1]).close()"


def test_concurrent_first_openers_all_succeed(store_url):
    procs = [subprocess.Popen([sys.executable, "-c", OPEN, store_url], stderr=subprocess.PIPE)
             for _ in range(6)]
    failures = [p.stderr.read().decode()[-400:] for p in procs if p.wait(timeout=120) != 0]
    assert failures == []
    with Store(store_url) as st:
        assert st.counts() == {"documents": 0, "claims": 0, "events": 0, "revisions": 0}


# Opens a new store and SIGKILLs itself right after the documents table is created: the middle of
# the first schema setup.
KILL_IN_SETUP = """
import os, signal, sys
from sqlalchemy import event
import marsad.store.engine as engine
real = engine.make_engine
def make(url):
    e = real(url)
    @event.listens_for(e, "after_cursor_execute")
    def kill(conn, cursor, statement, *args):
        head = statement.lstrip().upper()
        if head.startswith("CREATE TABLE") and "DOCUMENTS" in head.split("(")[0]:
            os.kill(os.getpid(), signal.SIGKILL)
    return e
engine.make_engine = make
from marsad.store import Store
Store(sys.argv[1])
"""


def test_a_kill_during_the_first_schema_setup_leaves_a_store_that_opens(store_url):
    p = subprocess.run([sys.executable, "-c", KILL_IN_SETUP, store_url], timeout=120)
    assert p.returncode == -signal.SIGKILL
    with Store(store_url) as st:
        assert st.counts() == {"documents": 0, "claims": 0, "events": 0, "revisions": 0}
