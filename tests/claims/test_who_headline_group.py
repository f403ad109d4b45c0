"""Unnamed gunmen counted in an incident that names no armed group are the one group the headline
names (marsad.extract.who.resolve_groups with the headline's groups)."""

from __future__ import annotations

import pytest

from marsad import pipeline
from marsad.model import Article


@pytest.fixture(scope="module")
def run():
    nlp = pipeline.build()

    def go(text: str):
        return next(pipeline.process(nlp, [Article(id="t", text=text, published="2019-03-10")]))
    return go


def test_militants_of_an_incident_are_the_headline_group(run):
    # the Mosul incident names no group (its dead are the attackers): the headline's group
    doc = run("مقتل 15 من عناصر داعش في عمليات متفرقة بالعراق\n\n"
              "قتل 9 من عناصر تنظيم داعش في قصف جوي على قرية في محافظة الأنبار غرب العراق. من جهة أخرى، "
              "قال مصدر أمني إن 6 أشخاص يحملون أحزمة ناسفة قتلوا أثناء محاولتهم مهاجمة حاجز أمني في مدينة "
              "الموصل شمال البلاد.")
    assert [(c.value, c.who) for c in doc._.claims if c.kind == "killed"] == [
        (15, "Islamic State (ISIS)"), (9, "Islamic State (ISIS)"), (6, "Islamic State (ISIS)")]


def test_no_headline_group_leaves_militants(run):
    doc = run("مقتل مسلحين في العراق\n\n"
              "قال مصدر أمني إن 6 أشخاص يحملون أحزمة ناسفة قتلوا أثناء محاولتهم مهاجمة حاجز أمني في مدينة "
              "الموصل شمال البلاد.")
    assert [(c.value, c.who) for c in doc._.claims if c.kind == "killed"] == [(6, "Militants")]
