"""A report's toll told in two steps ("five soldiers killed ... two more soldiers killed"): the sum is
the report's figure for that group (marsad.reconcile.cues.increments), so a later report that tells
the toll the same way does not lower the best estimate to the second step."""

from __future__ import annotations

from test_estimates import by_key, claim_at  # the claim-at-a-needle builder of the estimates tests

from marsad.model import Article
from marsad.reconcile.estimates import incident_estimates

ARMY = "Military Forces of Libya"


def test_two_step_toll_is_summed_and_wins_over_its_second_step():
    first = Article("r1", "هجوم على حاجز\n\nقال ضابط إن ستة جنود قتلوا عند الحاجز وفقد 4 آخرون.",
                    published="2020-03-01")
    later = Article("r2", "حصيلة الهجوم\n\nقتل المهاجمون أربعة جنود عند الحاجز. "
                    "وقتل جنديان آخران عند وصول التعزيزات.",
                    published="2020-03-02")
    arts = {a.id: a for a in (first, later)}
    claims = [
        claim_at(first, "ستة جنود قتلوا", "killed", 6, ARMY),
        claim_at(first, "وفقد 4", "missing", 4, ARMY),
        claim_at(later, "قتل المهاجمون أربعة جنود", "killed", 4, ARMY),
        claim_at(later, "وقتل جنديان", "killed", 2, ARMY),
    ]
    est = by_key(incident_estimates(claims, arts))[("killed", ARMY)]
    assert est.best == 6
    assert [(t["value"], t["doc_id"], t.get("derived")) for t in est.timeline] == [
        (6, "r1", None), (4, "r2", None), (2, "r2", None), (6, "r2", "sum with the figure before")]


def test_others_of_another_kind_is_no_step():
    # "6 killed and 70 others injured": the injured are besides the dead, not added to an injured figure
    art = Article("r3", "اشتباكات\n\nوأصيب 5 في الصباح. وقتل 6 أشخاص وأصيب 70 آخرون في المساء.",
                  published="2020-03-01")
    claims = [
        claim_at(art, "وأصيب 5", "injured", 5, "Unidentified persons"),
        claim_at(art, "وقتل 6", "killed", 6, "Unidentified persons"),
        claim_at(art, "وأصيب 70", "injured", 70, "Unidentified persons"),
    ]
    est = by_key(incident_estimates(claims, {art.id: art}))[("injured", "Unidentified persons")]
    assert (est.best, len(est.timeline)) == (70, 2)


def test_a_repeated_others_figure_adds_nothing():
    # the headline's "four others injured" told again in the body (two claims: one has a source)
    art = Article("r4", "مقتل جندي وإصابة أربعة آخرين\n\nقتل جندي وأصيب أربعة آخرون في الهجوم بحسب الجيش.",
                  published="2020-03-01")
    claims = [claim_at(art, "وإصابة أربعة", "injured", 4, ARMY),
              claim_at(art, "وأصيب أربعة", "injured", 4, ARMY, source=ARMY)]
    est = by_key(incident_estimates(claims, {art.id: art}))[("injured", ARMY)]
    assert (est.best, [t.get("derived") for t in est.timeline]) == (4, [None, None])
