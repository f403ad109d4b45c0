"""Estimates from the incident's own figures: background figures are left out; a figure far above what
the incident's type and its other reports support is flagged as an outlier and never becomes best, low
or high (wording written for these tests)."""

from __future__ import annotations

from marsad.model import Article, Claim, Event, Span
from marsad.reconcile.estimates import incident_estimates

UNK = "Unidentified persons"


def _claim(article: Article, needle: str, kind: str, value: int, **kw) -> Claim:
    start = article.text.index(needle)
    return Claim(doc_id=article.id, kind=kind, value=value, who=UNK, start=start, end=start + len(needle),
                 spans=[Span(start, start + len(needle), needle)], evidence=needle, event_id="E", **kw)


def _killed(estimates):
    return next(e for e in estimates if e.kind == "killed" and e.who == UNK)


def test_a_recalled_toll_far_above_later_reports_is_an_outlier_not_best():
    a1 = Article("m1", "تفجير في السوق\n\nقتل 21 شخصا في تفجير السوق، وكان أكثر من 400 شخص قتلوا في "
                 "تفجير مماثل العام الماضي", published="2024-02-10")
    a2 = Article("m2", "حصيلة تفجير السوق\n\nارتفع عدد القتلى إلى 33 شخصا", published="2024-02-10")
    a3 = Article("m3", "تشييع ضحايا التفجير\n\nشيع الأهالي 35 قتيلا سقطوا في التفجير", published="2024-02-11")
    arts = {a.id: a for a in (a1, a2, a3)}
    claims = [_claim(a1, "21 شخصا", "killed", 21),
              _claim(a1, "400 شخص", "killed", 400, qualifier="more_than"),
              _claim(a2, "33 شخصا", "killed", 33), _claim(a3, "35 قتيلا", "killed", 35)]
    est = _killed(incident_estimates(claims, arts, incident=Event(event_type="Explosions/Remote violence")))
    assert (est.low, est.best, est.high) == (21, 35, 35)
    assert [(o["value"], o["doc_id"], o["outlier"]) for o in est.outliers] == [(400, "m1", "other reports")]
    assert [t.get("outlier") for t in est.timeline if t["value"] == 400] == ["other reports"]


def test_a_toll_that_grows_tenfold_in_later_reports_is_not_an_outlier():
    a1 = Article("g1", "انفجار\n\nقتل 4 أشخاص في انفجار", published="2024-02-10")
    a2 = Article("g2", "حصيلة جديدة\n\nارتفعت حصيلة قتلى الانفجار إلى 45 شخصا", published="2024-02-11")
    arts = {a.id: a for a in (a1, a2)}
    claims = [_claim(a1, "4 أشخاص", "killed", 4), _claim(a2, "45 شخصا", "killed", 45)]
    est = _killed(incident_estimates(claims, arts, incident=Event(event_type="Explosions/Remote violence")))
    assert (est.low, est.best, est.high, est.outliers) == (4, 45, 45, [])


def test_a_figure_above_the_incident_ceiling_of_its_type_is_never_best():
    a1 = Article("p1", "مظاهرة\n\nأصيب 40 متظاهرا في المظاهرة، فيما نزح مليون شخص من المنطقة منذ بدء الحرب",
                 published="2024-03-01")
    arts = {a1.id: a1}
    claims = [_claim(a1, "40 متظاهرا", "injured", 40), _claim(a1, "مليون شخص", "displaced", 1_000_000)]
    out = {e.kind: e for e in incident_estimates(claims, arts, incident=Event(event_type="Protests"))}
    assert out["injured"].best == 40
    displaced = out["displaced"]
    assert (displaced.best, displaced.low, displaced.high) == (None, None, None)
    assert [(o["value"], o["outlier"]) for o in displaced.outliers] == [(1_000_000, "ceiling")]
    # the same kill count is plausible for a bombing, not for a protest
    big = Article("p2", "مظاهرة\n\nقتل 450 شخصا", published="2024-03-01")
    kill = [_claim(big, "450 شخصا", "killed", 450)]
    assert _killed(incident_estimates(kill, {"p2": big}, incident=Event(event_type="Protests"))).best is None
    bomb = incident_estimates(kill, {"p2": big}, incident=Event(event_type="Explosions/Remote violence"))
    assert _killed(bomb).best == 450


def test_background_figures_are_not_the_incident_s():
    a1 = Article("b1", "غارة\n\nقتل 6 أشخاص في الغارة، وبذلك يرتفع عدد قتلى الحرب إلى 9000",
                 published="2024-04-02")
    claims = [_claim(a1, "6 أشخاص", "killed", 6), _claim(a1, "9000", "killed", 9000, background=True)]
    strike = Event(event_type="Explosions/Remote violence")
    est = _killed(incident_estimates(claims, {"b1": a1}, incident=strike))
    assert (est.low, est.best, est.high, est.n_claims) == (6, 6, 6, 1)
