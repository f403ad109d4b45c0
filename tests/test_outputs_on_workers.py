"""On Dask, two output files are written by the (idle) workers from the run journal while the driver
commits: they must be the files the driver would write, and the driver writes a file itself when a
worker cannot see its output folder or the task fails."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from marsad.model import Article, Claim, Event, IngestError
from marsad.run import RunClaims, _write_documents, claims_with_ids, document_row, write_jsonl
from marsad.scale import OutputsOnWorkers, write_output
from marsad.store.journal import DoneReport, Journal, run_key
from marsad.store.store import Store


def _report(seq: int, doc_id: str, claims: list[Claim], events: list[Event], error: str | None = None
            ) -> DoneReport:
    art = Article(id=doc_id, text="نص", published="2020-03-01", origin=f"in.jsonl:{seq + 1}")
    return DoneReport(seq, art, f"h{seq}", document_row(art), claims, events, b"", error)


def _journal(tmp_path: Path) -> tuple[Journal, str]:
    journal = Journal(Store(f"sqlite:///{tmp_path / 'j.db'}"))
    key = run_key(["in.jsonl"], "/out")
    journal.start(key)
    journal.save_chunk(key, [
        _report(0, "quiet", [Claim("quiet", "killed", 3, evidence="قتل ثلاثة")], []),
        _report(2, "strike", [Claim("strike", "injured", 7, event_index=0), Claim("strike", "killed", 2)],
                [Event(doc_ids=["strike"])]),
        _report(3, "broken", [], [], error="stage failed"),
        _report(4, "copy", [Claim("copy", "arrested", 4)], []),
    ])
    return journal, key


class _Done:
    """A finished future (or one that failed)."""

    def __init__(self, value: Any = None, error: BaseException | None = None) -> None:
        self.value, self.error = value, error

    def result(self) -> Any:
        if self.error is not None:
            raise self.error
        return self.value


class _Inline:
    """A stand-in Dask client running each task here, at once; `hide` removes the folder's token first
    (a worker on another machine), `fail` names the tasks that fail every retry."""

    def __init__(self, hide: bool = False, fail: tuple[str, ...] = ()) -> None:
        self.hide, self.fail = hide, fail

    def submit(self, fn: Any, name: str, url: str, key: str, folder: str, token: str, data: Any,
               **_kw: Any) -> _Done:
        if name in self.fail:
            return _Done(error=RuntimeError("worker lost"))
        if self.hide:
            return _Done(fn(name, url, key, folder, token + "-elsewhere", data))
        return _Done(fn(name, url, key, folder, token, data))


def _args(journal: Journal, key: str) -> tuple[list, list[str], dict[str, str], dict[str, list[str | None]]]:
    read_errors = [(1, IngestError("in.jsonl:2", "not JSON")),
                   (5, IngestError("in.jsonl:6", "empty", "lost")),
                   (6, IngestError("in.jsonl:7", "repeated id", "copy"))]
    return read_errors, ["quiet", "strike", "copy"], {"copy": "quiet"}, {"strike": ["ev-9", None]}


def test_the_workers_files_equal_the_drivers(tmp_path):
    journal, key = _journal(tmp_path)
    read_errors, ok_ids, duplicates, event_ids = _args(journal, key)
    driver, workers = tmp_path / "driver", tmp_path / "workers"
    driver.mkdir()
    workers.mkdir()
    lines = journal.entries(key, results=False)
    _write_documents(driver / "documents.jsonl", lines, read_errors, set(ok_ids), duplicates)
    linked = {"strike": [Claim("strike", "injured", 7, event_id="ev-9", event_index=0),
                         Claim("strike", "killed", 2)]}
    write_jsonl(driver / "claims.jsonl", (c.to_dict() for c in RunClaims(journal, key, linked, 4)))

    url = journal.store.url
    out = OutputsOnWorkers(_Inline(), url, key, workers, read_errors, ok_ids, duplicates, event_ids)
    assert out.wait() == {"documents.jsonl", "claims.jsonl"}
    for name in ("documents.jsonl", "claims.jsonl"):
        assert (workers / name).read_bytes() == (driver / name).read_bytes()
    assert sorted(p.name for p in workers.iterdir()) == ["claims.jsonl", "documents.jsonl"]  # token gone
    claims = [json.loads(x) for x in (workers / "claims.jsonl").read_text().splitlines()]
    assert [(c["doc_id"], c["kind"], c["event_id"]) for c in claims] == [
        ("quiet", "killed", None), ("strike", "injured", "ev-9"), ("strike", "killed", None),
        ("copy", "arrested", None)]
    docs = [json.loads(x) for x in (workers / "documents.jsonl").read_text().splitlines()]
    assert [(d["id"], d["duplicate_of"], d["error"]) for d in docs] == [
        ("quiet", None, None), ("strike", None, None), ("broken", None, None), ("copy", "quiet", None),
        ("lost", None, "empty")]  # a read error is listed by its id, unless that id was read fine


def test_a_worker_that_does_not_see_the_folder_or_fails_leaves_the_file_to_the_driver(tmp_path):
    journal, key = _journal(tmp_path)
    read_errors, ok_ids, duplicates, event_ids = _args(journal, key)
    elsewhere, failing = _Inline(hide=True), _Inline(fail=("claims.jsonl",))
    for client, expected in ((elsewhere, set()), (failing, {"documents.jsonl"})):
        folder = tmp_path / f"out-{len(expected)}"
        folder.mkdir()
        out = OutputsOnWorkers(client, journal.store.url, key, folder, read_errors, ok_ids, duplicates,
                               event_ids)
        assert out.wait() == expected
        assert {p.name for p in folder.iterdir()} == expected


def test_claims_with_ids_give_event_ids_only_to_the_named_reports(tmp_path):
    journal, key = _journal(tmp_path)
    got = [(c.doc_id, c.kind, c.event_id) for c in claims_with_ids(journal, key, {"strike": [None, "ev-2"]})]
    assert got == [("quiet", "killed", None), ("strike", "injured", None), ("strike", "killed", "ev-2"),
                   ("copy", "arrested", None)]
    assert write_output("claims.jsonl", journal.store.url, key, str(tmp_path), ".no-such-token", {}) is False
