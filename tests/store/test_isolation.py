"""Issue #14 point 3: one row the database refuses (an outlet that is an object, a NUL character on
PostgreSQL) is an error for that document; the rest of the batch is stored."""

from __future__ import annotations

import pytest

from marsad.model import Article
from marsad.store import Store

REPORT = ("قال مصدر أمني إن ثلاثة من عناصر الشرطة قتلوا وأصيب خمسة آخرون في هجوم مسلح استهدف نقطة "
          "تفتيش عند مدخل مدينة الرمادي فجر اليوم.")


@pytest.mark.parametrize("bad", ["dict_outlet", "nul_text"])
def test_a_document_the_store_refuses_is_its_error_and_the_rest_is_stored(store_url, bad):
    arts = [Article(id=f"d{i}", text=f"{REPORT} {i}", outlet="وكالة", published=f"2024-03-0{i + 1}")
            for i in range(5)]
    if bad == "dict_outlet":
        arts[2].outlet = {"name": "x"}
    else:
        arts[2].text = REPORT + "\x00"
    with Store(store_url) as st:
        stats = st.save_run(arts, [], [])
        refused = set(stats.failed)
        if bad == "nul_text" and st.dialect == "sqlite":
            assert refused == set()  # SQLite stores NUL; PostgreSQL text cannot
            return
        assert refused == {"d2"}
        assert "SELECT" not in stats.failed["d2"] and "INSERT" not in stats.failed["d2"]
        assert st.counts()["documents"] == 4
        assert st.get_document("d2") is None and st.get_document("d3")["text"] == f"{REPORT} 3"




MARK = "رفض-الاختبار"  # a word only the refused report holds


def _refuse(url: str, table: str) -> None:
    """Make the database itself refuse the rows holding MARK in their text (as PostgreSQL refuses a
    NUL): at the run's journal (run_documents, as each chunk is saved) or at the documents table."""
    from sqlalchemy import text

    with Store(url) as st, st.engine.begin() as conn:
        if st.dialect == "sqlite":
            conn.execute(text(f"CREATE TRIGGER refuse BEFORE INSERT ON {table} WHEN NEW.text LIKE '%{MARK}%' "
                              "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END"))
        else:
            conn.execute(text(f"ALTER TABLE {table} ADD CONSTRAINT refuse CHECK (text NOT LIKE '%{MARK}%')"))


@pytest.mark.parametrize("table", ["run_documents", "documents"])
def test_a_run_stores_everything_but_the_document_the_store_refuses(store_url, tmp_path, table):
    import json
    from pathlib import Path

    from marsad.run import run_corpus

    sample = Path(__file__).resolve().parents[2] / "marsad" / "data" / "sample" / "docs.jsonl"
    rows = [json.loads(line) for line in sample.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows[2]["id"] = "refused-doc"
    rows[2]["text"] += f" {MARK}"
    corpus = tmp_path / "in.jsonl"
    corpus.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    _refuse(store_url, table)
    summary = run_corpus([str(corpus)], tmp_path / "out", store_url)
    assert summary.read == len(rows) - 1
    assert [(e.input, e.doc_id) for e in summary.errors] == [(f"{corpus}:3", "refused-doc")]
    assert summary.errors[0].reason.startswith("not stored: ") and "INSERT" not in summary.errors[0].reason
    lines = (tmp_path / "out" / "documents.jsonl").read_text(encoding="utf-8").splitlines()
    docs = {d["id"]: d for d in map(json.loads, lines)}
    assert docs["refused-doc"]["error"] == summary.errors[0].reason
    with Store(store_url) as st:
        assert st.counts()["documents"] == len(rows) - 1 and st.get_document("refused-doc") is None
        assert st.counts()["events"] >= 1
        assert all("refused-doc" not in e.doc_ids for e in st.load_events())
