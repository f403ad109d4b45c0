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


