"""Documents written early (Journal.write_documents_early): a Dask run's driver upserts the run's
documents in a thread while the workers link, in the transaction its commit finishes. The rows must
equal those of the plain commit, and a run that fails before committing must leave none."""

from __future__ import annotations

from sqlalchemy import select

from marsad.model import Article
from marsad.run import document_row
from marsad.store.journal import DOCS, DoneReport, Journal, run_key
from marsad.store.store import Store


def _report(seq: int, doc_id: str, text: str, error: str | None = None) -> DoneReport:
    art = Article(id=doc_id, text=text, title=f"عنوان {seq}", published=f"2020-03-0{seq + 1}", outlet="x")
    return DoneReport(seq, art, f"h{seq}", document_row(art), [], [], b"", error)


def _run(url: str, early: bool, lazy: bool = False) -> list[tuple]:
    store = Store(url)
    journal = Journal(store)
    key = run_key(["in.jsonl"], "/out")
    journal.start(key)
    journal.save_chunk(key, [_report(0, "a", "قصف مدفعي على أطراف المدينة"),
                             _report(1, "b", "قصفٌ مدفعيّ على أطراف المدينة"),
                             _report(2, "c", "", error="stage failed")])
    duplicates = {"b": "a"}
    with store.writing():
        writer = None
        if lazy:  # started before the duplicates and the run's ids are known: it waits and asks for them
            writer = journal.write_documents_early(key, lambda: duplicates)
            # what the driver reads meanwhile goes through another connection than the thread's
            blocks = [("SYR", "2020-03-01", "2020-03-02")]
            assert store.candidate_events(blocks, ["a"], own_connection=True) == []
        elif early:
            writer = journal.write_documents_early(key, duplicates, ["a", "b"])
        journal.commit(key, duplicates, ["a", "b"], [], [], {"read": 2}, "run", writer)
    with store.engine.connect() as conn:
        rows = [tuple(r) for r in conn.execute(select(DOCS.c.id, DOCS.c.content_hash, DOCS.c.search_text,
                                                      DOCS.c.duplicate_of).order_by(DOCS.c.id))]
    store.close()
    return rows


def test_documents_written_early_equal_those_of_the_plain_commit(store_url, tmp_path):
    early = _run(store_url, early=True)
    plain = _run(f"sqlite:///{tmp_path / 'plain.db'}", early=False)
    assert early == plain
    assert [(i, d) for i, _, _, d in early] == [("a", None), ("b", "a")]
    # the search text worked out when each report was recorded: title and text, folded
    assert [t for _, _, t, _ in early] == ["عنوان 0 قصف مدفعي علي اطراف المدينه",
                                           "عنوان 1 قصف مدفعي علي اطراف المدينه"]


def test_documents_written_from_the_start_of_the_tail_equal_those_of_the_plain_commit(store_url, tmp_path):
    assert _run(store_url, early=True, lazy=True) == _run(f"sqlite:///{tmp_path / 'plain.db'}", early=False)


def test_the_ok_ids_are_the_reports_done_without_error_in_input_order(tmp_path):
    journal = Journal(Store(f"sqlite:///{tmp_path / 'j.db'}"))
    key = run_key(["in.jsonl"], "/out")
    journal.start(key)
    journal.save_chunk(key, [_report(2, "late", "نص"), _report(0, "first", "نص"),
                             _report(1, "broken", "", error="stage failed")])
    assert journal.ok_ids(key) == ["first", "late"]


def test_documents_written_early_are_rolled_back_when_the_run_fails_before_its_commit(store_url):
    store = Store(store_url)
    journal = Journal(store)
    key = run_key(["in.jsonl"], "/out")
    journal.start(key)
    journal.save_chunk(key, [_report(0, "a", "قصف مدفعي على أطراف المدينة")])
    try:
        with store.writing():
            writer = journal.write_documents_early(key, {}, ["a"])
            try:
                raise RuntimeError("linking failed")
            finally:
                writer.discard()
    except RuntimeError:
        pass
    with store.engine.connect() as conn:
        assert conn.execute(select(DOCS.c.id)).all() == []
    store.close()
