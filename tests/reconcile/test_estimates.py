"""Reconciliation on the real figures of the gold incidents (al-Sina'a prison, Ain Soltane, Suruc, Afrin)."""

from __future__ import annotations

from marsad.model import Article, Claim, Event, Span
from marsad.reconcile.estimates import incident_estimates, reconcile
from marsad.reconcile.fatalities import acled_fatalities, ucdp_deaths, ucdp_sides

ISIS, SDF, CIV = "Islamic State (ISIS)", "Syrian Democratic Forces (SDF)", "Civilians"


def claim_at(article: Article, needle: str, kind: str, value: int, who: str, **kw) -> Claim:
    """A claim whose offsets point at `needle` in the article text (first occurrence)."""
    start = article.text.index(needle)
    end = start + len(needle)
    return Claim(doc_id=article.id, kind=kind, value=value, who=who, start=start, end=end,
                 spans=[Span(start, end, needle)], evidence=needle, event_id="E", **kw)


def by_key(estimates):
    return {(e.kind, e.who): e for e in estimates}


def hasakah():
    a1 = Article("h1", "هجوم على سجن غويران\n\nقتل 16 عنصرا من داعش على الأقل ومقتل أربعة مدنيين",
                 published="2022-01-21")
    a2 = Article("h2", "هجوم داعش\n\nوأضافوا أنهم قتلوا 28 عنصر من داعش ونجح 89 سجينا على الأقل من الفرار",
                 published="2022-01-22")
    a0 = Article("h0", "العراق\n\nمقتل أكثر من 350 عنصرا في تنظيم داعش", published="2022-01-27")
    a4 = Article("h4", "نفت قسد الأنباء\n\nنفت قسد الأنباء التي تحدثت عن هروب نحو 200 عنصر لتنظيم داعش، "
                 "فيما رجح مسؤول أمريكي هروب نحو 200 سجين. وأعلنت انتشال 374 جثة، بالإضافة إلى أربعة مدنيين",
                 published="2022-01-31")
    arts = {a.id: a for a in (a1, a2, a0, a4)}
    claims = [
        claim_at(a1, "16 عنصرا", "killed", 16, ISIS, qualifier="at_least"),
        claim_at(a1, "أربعة مدنيين", "killed", 4, CIV),
        claim_at(a2, "28 عنصر", "killed", 28, ISIS, source=SDF),
        claim_at(a2, "89 سجينا", "escaped", 89, ISIS, source=SDF, qualifier="at_least"),
        claim_at(a0, "350 عنصرا", "killed", 350, ISIS, qualifier="more_than",
                 source="Military Forces of Iraq"),
        claim_at(a4, "200 عنصر", "escaped", 200, ISIS, source=SDF, stance="denied", qualifier="about"),
        claim_at(a4, "200 سجين", "escaped", 200, ISIS, source="Military Forces of the United States",
                 stance="unconfirmed", qualifier="about"),
        claim_at(a4, "374 جثة", "killed", 374, ISIS, source=SDF),
        claim_at(a4, "أربعة مدنيين", "killed", 4, CIV, source=SDF),
    ]
    return claims, arts


def test_hasakah_isis_toll_rises_to_374():
    claims, arts = hasakah()
    est = by_key(incident_estimates(claims, arts))[("killed", ISIS)]
    assert (est.low, est.best, est.high, est.n_claims, est.disputed) == (16, 374, 374, 4, False)
    assert [t["value"] for t in est.timeline] == [16, 28, 350, 374]
    assert [t["date"] for t in est.timeline] == ["2022-01-21", "2022-01-22", "2022-01-27", "2022-01-31"]
    assert [s["value"] for s in est.superseded] == [16, 28, 350]
    assert est.sources == sorted([SDF, "Military Forces of Iraq", "outlet"])


def test_denied_escape_is_disputed_not_zero():
    claims, arts = hasakah()
    est = by_key(incident_estimates(claims, arts))[("escaped", ISIS)]
    assert est.disputed is True
    assert est.best == 89  # the asserted figure outranks the unconfirmed "about 200"; the denial adds nothing
    assert est.n_claims == 3


def test_civilian_toll_latest_report_wins():
    claims, arts = hasakah()
    est = by_key(incident_estimates(claims, arts))[("killed", CIV)]
    assert (est.best, est.n_claims, est.disputed) == (4, 2, False)


def test_reconcile_fills_incident_and_fatalities():
    claims, arts = hasakah()
    ev = Event(event_id="E", actor1=ISIS, actor2=SDF, event_type="Battles")
    other = Event(event_id="F")
    reconcile([ev, other], claims, arts)
    assert other.estimates == []
    assert {(e.kind, e.who) for e in ev.estimates} == {("killed", ISIS), ("killed", CIV), ("escaped", ISIS)}
    assert acled_fatalities(ev) == 378
    deaths = ucdp_deaths(ev)
    # neither side is a state: ISIS stays side A as given; civilians counted apart
    assert ucdp_sides(ev) == (ISIS, SDF)
    assert (deaths.deaths_a, deaths.deaths_b) == (374, 0)
    assert (deaths.deaths_civilians, deaths.deaths_unknown) == (4, 0)
    assert (deaths.best, deaths.high) == (378, 378)


def test_preliminary_toll_superseded_by_later_statement():
    """Ain Soltane: 9 (official sources), 8 'in a preliminary toll' then six 'in a later statement', 8."""
    bbc = Article("t1", "مقتل 9 من قوات الحرس الوطني\n\n"
                  "قالت مصادر رسمية إن تسعة أفراد من الحرس الوطني قتلوا.",
                  published="2018-07-08")
    f24 = Article("t2", "تونس: هجوم إرهابي\n\n"
                  "وكان متحدث باسم وزارة الداخلية أفاد في حصيلة أولية عن مقتل ثمانية "
                  "عناصر أمن، إلا أن وزارة الداخلية أصدرت بيانا في وقت لاحق جاء فيه أن دورية تعرضت إلى كمين "
                  "أسفر عن استشهاد ستة أعوان.", published="2018-07-08")
    sky = Article("t3", "قتلى من الأمن التونسي\n\n"
                  "أعلنت وزارة الداخلية التونسية أن 8 من عناصر الحرس الوطني قتلوا.",
                  published="2018-07-08")
    arts = {a.id: a for a in (bbc, f24, sky)}
    tun = "Military Forces of Tunisia"
    claims = [
        claim_at(bbc, "تسعة أفراد", "killed", 9, tun, source="Official sources"),
        claim_at(f24, "ثمانية", "killed", 8, tun, source="Interior Ministry of Tunisia"),
        claim_at(f24, "ستة أعوان", "killed", 6, tun, source="Interior Ministry of Tunisia"),
        claim_at(sky, "8 من", "killed", 8, tun, source="Interior Ministry of Tunisia"),
    ]
    est = by_key(incident_estimates(claims, arts))[("killed", tun)]
    assert est.best == 6
    assert (est.low, est.high) == (6, 9)  # the preliminary 8 is not a credible bound, the other 8 is


def test_headline_only_sum_ranks_below_the_body_figure():
    """Suruc: a next-day headline adds two attacks (32); the body keeps the official 30."""
    day1 = Article("s1", "مقتل 27\n\nأعلنت وزارة الداخلية مقتل 27 شخصا", published="2015-07-21")
    day2 = Article("s2", "32 قتيلاً في هجومين انتحاريين\n\nالهجوم الذي أوقع أمس 30 قتيلاً على الأقل",
                   published="2015-07-22")
    arts = {a.id: a for a in (day1, day2)}
    claims = [
        claim_at(day1, "27 شخصا", "killed", 27, CIV, source="Interior Ministry of Turkey"),
        claim_at(day2, "32 قتيلاً", "killed", 32, CIV),
        claim_at(day2, "30 قتيلاً", "killed", 30, CIV, qualifier="at_least"),
    ]
    assert by_key(incident_estimates(claims, arts))[("killed", CIV)].best == 30


def test_denial_by_one_party_disputes_the_monitors_toll():
    """Afrin: SOHR's 16 then 43; Turkey denies the 16 -> best 43, disputed."""
    a1 = Article("a1", "عفرين\n\nقال المرصد إن 16 مدنيا قتلوا", published="2018-03-16")
    a2 = Article("a2", "عفرين\n\nارتفعت حصيلة القتلى إلى 43 مدنيا، ونفت أنقرة مقتل 16 مدنيا",
                 published="2018-03-17")
    arts = {a.id: a for a in (a1, a2)}
    sohr = "Syrian Observatory for Human Rights (SOHR)"
    claims = [
        claim_at(a1, "16 مدنيا", "killed", 16, CIV, source=sohr),
        claim_at(a2, "43 مدنيا", "killed", 43, CIV, source=sohr),
        claim_at(a2, "مقتل 16", "killed", 16, CIV, source="Military Forces of Turkey", stance="denied"),
    ]
    est = by_key(incident_estimates(claims, arts))[("killed", CIV)]
    assert (est.best, est.disputed, est.n_claims) == (43, True, 3)
    assert est.timeline[-1]["stance"] == "denied"


def test_duplicate_article_not_counted_twice_and_vague_ignored():
    a1 = Article("d1", "خبر\n\nمقتل 5 مدنيين", published="2020-01-01")
    a2 = Article("d2", "خبر\n\nمقتل 5 مدنيين", published="2020-01-01", duplicate_of="d1")
    arts = {a.id: a for a in (a1, a2)}
    claims = [claim_at(a1, "5 مدنيين", "killed", 5, CIV), claim_at(a2, "5 مدنيين", "killed", 5, CIV),
              Claim("d1", "injured", None, vague="tens", who=CIV, event_id="E")]
    ests = incident_estimates(claims, arts)
    assert [(e.kind, e.best, e.n_claims) for e in ests] == [("killed", 5, 1)]


def test_unattributed_group_is_unidentified_and_subgroups_not_added_twice():
    art = Article("u1", "خبر\n\nمقتل 12 شخصا بينهم 3 أطفال و9 مدنيين", published="2020-01-01")
    claims = [claim_at(art, "12 شخصا", "killed", 12, None), claim_at(art, "3 أطفال", "killed", 3, "Children"),
              claim_at(art, "9 مدنيين", "killed", 9, CIV)]
    ev = Event(event_id="E", actor1="Military Forces of Syria", actor2=CIV)
    reconcile([ev], claims, {"u1": art})
    assert ("killed", "Unidentified persons") in by_key(ev.estimates)
    assert acled_fatalities(ev) == 12  # the overall toll; children are inside the civilians
    d = ucdp_deaths(ev)
    assert (d.deaths_a, d.deaths_civilians, d.deaths_unknown, d.best) == (0, 9, 3, 12)


def test_incremental_run_keeps_the_stored_toll_history():
    """Run 1 reconciles the first two reports; run 2 brings the later ones: the toll history continues."""
    claims, arts = hasakah()
    first_docs = {"h1", "h2"}
    stored = Event(event_id="E")
    reconcile([stored], [c for c in claims if c.doc_id in first_docs],
              {k: v for k, v in arts.items() if k in first_docs})
    assert by_key(stored.estimates)[("killed", ISIS)].best == 28

    later = {k: v for k, v in arts.items() if k not in first_docs}
    reconcile([stored], [c for c in claims if c.doc_id not in first_docs], later)
    est = by_key(stored.estimates)[("killed", ISIS)]
    assert (est.best, est.low, est.n_claims) == (374, 16, 4)
    history = [(t["value"], t["doc_id"]) for t in est.timeline]
    assert history == [(16, "h1"), (28, "h2"), (350, "h0"), (374, "h4")]
    assert by_key(stored.estimates)[("escaped", ISIS)].disputed is True
    assert by_key(stored.estimates)[("escaped", ISIS)].n_claims == 3  # 89 carried over, 200 twice

    # re-running the later reports alone changes nothing
    again = [e.to_dict() for e in stored.estimates]
    reconcile([stored], [c for c in claims if c.doc_id not in first_docs], later)
    assert [e.to_dict() for e in stored.estimates] == again
