"""Who a figure counts, read in its incident: generic side names, unnamed follow-up tolls, civilians."""

from __future__ import annotations

from marsad.model import Article, Claim, Event, Span
from marsad.reconcile.estimates import reconcile
from marsad.reconcile.fatalities import acled_fatalities

HOUTHI, YEMEN, CIV = "Houthis (Ansar Allah)", "Military Forces of Yemen", "Civilians"
ISIS, PMF = "Islamic State (ISIS)", "Popular Mobilization Forces"


def article(doc: str, published: str, text: str) -> Article:
    return Article(doc, text, published=published)


def claim(art: Article, needle: str, kind: str, value: int, who: str | None, **kw) -> Claim:
    start = art.text.index(needle)
    return Claim(doc_id=art.id, kind=kind, value=value, who=who, start=start, end=start + len(needle),
                 spans=[Span(start, start + len(needle), needle)], evidence=needle, event_id="E", **kw)


def estimates(ev: Event, claims: list[Claim], arts: list[Article]) -> dict[tuple, int | None]:
    reconcile([ev], claims, {a.id: a for a in arts})
    return {(e.kind, e.who): e.best for e in ev.estimates}


def test_generic_army_and_an_unnamed_raised_toll_count_the_one_named_army():
    a1 = article("m1", "2022-01-10", "خبر\n\nقتل 12 جنديا من القوات الحكومية بصاروخ حوثي")
    a2 = article("m2", "2022-01-11", "خبر\n\nارتفعت حصيلة قتلى الهجوم الصاروخي إلى 20")
    a3 = article("m3", "2022-01-12", "خبر\n\nبلغت حصيلة القتلى 22 من الجيش")
    claims = [claim(a1, "12 جنديا", "killed", 12, YEMEN), claim(a2, "20", "killed", 20, None),
              claim(a3, "22 من الجيش", "killed", 22, "Military forces")]
    ev = Event(event_id="E", event_type="Explosions/Remote violence", actor1=HOUTHI, actor2=YEMEN,
               actors=[HOUTHI, YEMEN])
    assert estimates(ev, claims, [a1, a2, a3]) == {("killed", YEMEN): 22}
    est = ev.estimates[0]
    assert [t["value"] for t in est.timeline] == [12, 20, 22] and est.n_claims == 3


def test_generic_name_stays_apart_when_two_named_actors_of_its_side_or_another_order_of_magnitude():
    a1 = article("t1", "2018-07-08", "خبر\n\nمقتل 6 من الحرس الوطني و118 عنصر أمن منذ 2011 وقتل 3 شرطيين")
    claims = [claim(a1, "6 من الحرس", "killed", 6, "Military Forces of Tunisia"),
              claim(a1, "118 عنصر", "killed", 118, "Security forces")]
    ev = Event(event_id="E", event_type="Battles", actors=["Military Forces of Tunisia", "Militants"])
    assert estimates(ev, claims, [a1]) == {("killed", "Military Forces of Tunisia"): 6,
                                           ("killed", "Security forces"): 118}
    claims = [claim(a1, "3 شرطيين", "killed", 3, "Security forces"),
              claim(a1, "6 من الحرس", "killed", 6, "Military Forces of Tunisia")]
    ev = Event(event_id="E", event_type="Battles",
               actors=["Military Forces of Tunisia", "Police Forces of Iraq", "Militants"])
    assert estimates(ev, claims, [a1]) == {("killed", "Military Forces of Tunisia"): 6,
                                           ("killed", "Security forces"): 3}


def test_unnamed_toll_joins_the_named_group_only_from_a_later_report_and_not_below_it():
    a1 = article("k1", "2020-12-07", "خبر\n\nقتل خمسة من الحشد الشعبي. وقتل 9 أشخاص في الهجوم")
    a2 = article("k2", "2020-12-08", "خبر\n\nارتفعت الحصيلة إلى سبعة قتلى بعد وفاة 2 من الجرحى")
    claims = [claim(a1, "خمسة من الحشد", "killed", 5, PMF), claim(a1, "9 أشخاص", "killed", 9, None),
              claim(a2, "سبعة قتلى", "killed", 7, None), claim(a2, "2 من الجرحى", "killed", 2, None)]
    ev = Event(event_id="E", event_type="Battles", actor1=ISIS, actor2=PMF, actors=[ISIS, PMF])
    # 9 comes from the report that names the group (a wider total); 2 is below the group's toll
    assert estimates(ev, claims, [a1, a2]) == {("killed", PMF): 7, ("killed", "Unidentified persons"): 2}
    unnamed = [e for e in ev.estimates if e.who == "Unidentified persons"][0]
    assert [t["value"] for t in unnamed.timeline] == [9, 2]


def test_attackers_dead_do_not_absorb_the_victims_toll_and_civilians_count_an_attack_on_civilians():
    a1 = article("s1", "2015-07-21", "خبر\n\nقتل الانتحاري 1 من داعش. وقتل 30 شخصا وأصيب 100")
    claims = [claim(a1, "1 من داعش", "killed", 1, ISIS), claim(a1, "30 شخصا", "killed", 30, None),
              claim(a1, "100", "injured", 100, None)]
    ev = Event(event_id="E", event_type="Explosions/Remote violence", actor1=ISIS, actor2=CIV,
               actors=[ISIS, CIV], civilian_targeting=True)
    assert estimates(ev, claims, [a1]) == {("killed", ISIS): 1, ("killed", "Unidentified persons"): 30,
                                           ("injured", "Unidentified persons"): 100, ("injured", CIV): 100}
    # not an attack on civilians: the unnamed toll stays unnamed
    ev2 = Event(event_id="E", event_type="Explosions/Remote violence", actor1=ISIS, actors=[ISIS])
    assert estimates(ev2, claims[2:], [a1]) == {("injured", "Unidentified persons"): 100}
    # the civilian toll is the overall toll read again, never added to it
    ev3 = Event(event_id="E", event_type="Explosions/Remote violence", actor1=ISIS, actor2=CIV,
                actors=[ISIS, CIV], civilian_targeting=True)
    assert estimates(ev3, claims[1:2], [a1]) == {("killed", "Unidentified persons"): 30, ("killed", CIV): 30}
    assert acled_fatalities(ev3) == 30


def test_children_counted_apart_do_not_stop_the_raised_toll_joining_the_main_group():
    israel, nationals = "Military Forces of Israel", "Nationals"
    a1 = article("g1", "2021-05-11", "خبر\n\nاستشهد خمسة فلسطينيين بينهم طفلان")
    a2 = article("g2", "2021-05-12", "خبر\n\nارتفع عدد الشهداء إلى ثمانية")
    claims = [claim(a1, "خمسة فلسطينيين", "killed", 5, nationals),
              claim(a1, "طفلان", "killed", 2, "Children"), claim(a2, "ثمانية", "killed", 8, None)]
    ev = Event(event_id="E", event_type="Explosions/Remote violence", actor1=israel, actor2=nationals,
               actors=[israel, nationals])
    assert estimates(ev, claims, [a1, a2]) == {("killed", nationals): 8, ("killed", "Children"): 2}


def test_denial_without_a_figure_or_a_group_disputes_the_given_escape():
    sdf = "Syrian Democratic Forces (SDF)"
    a1 = article("e1", "2022-01-22", "خبر\n\nفر 89 سجينا من عناصر داعش")
    a2 = article("e2", "2022-01-23", "خبر\n\nنفت قسد الأنباء عن هروب سجناء. وقتل 5 من قسد")
    claims = [claim(a1, "89 سجينا", "escaped", 89, ISIS),
              claim(a2, "الأنباء عن هروب", "escaped", None, None, stance="denied", source=sdf),
              claim(a2, "5 من قسد", "killed", 5, sdf)]
    ev = Event(event_id="E", event_type="Battles", actor1=ISIS, actor2=sdf, actors=[ISIS, sdf])
    reconcile([ev], claims, {a.id: a for a in (a1, a2)})
    got = {(e.kind, e.who): (e.best, e.disputed) for e in ev.estimates}
    assert got == {("escaped", ISIS): (89, True), ("escaped", "Unidentified persons"): (None, True),
                   ("killed", sdf): (5, False)}


def test_raised_toll_announced_only_in_the_headline_is_best():
    a1 = article("h1", "2023-06-14", "مقتل 15 مدنيا في الجنينة\nقتل 15 مدنيا في هجوم على الجنينة")
    a2 = article("h2", "2023-06-15", "ارتفاع حصيلة قتلى هجوم الجنينة إلى 28\nارتفعت الحصيلة، وفق النقابة")
    a3 = article("h3", "2023-06-16", "مقتل 40 في هجومين على دارفور\nقتل مدنيون في الجنينة")
    claims = [claim(a1, "15 مدنيا في هجوم", "killed", 15, CIV), claim(a2, "28", "killed", 28, CIV),
              claim(a3, "40", "killed", 40, CIV)]
    ev = Event(event_id="E", event_type="Violence against civilians", actor1="Rapid Support Forces (RSF)",
               actor2=CIV, actors=["Rapid Support Forces (RSF)", CIV])
    # the latest headline-only figure sums two attacks: the raised toll in a headline still counts
    assert estimates(ev, claims, [a1, a2, a3]) == {("killed", CIV): 28}


def test_generic_name_in_a_report_that_names_the_actor_counts_others():
    egypt = "Military Forces of Egypt"
    a1 = article("s1", "2015-07-24", "خبر\n\nقتل أربعة عسكريين مصريين. وقتل سبعة جنود في هجوم سابق")
    claims = [claim(a1, "أربعة عسكريين", "killed", 4, egypt),
              claim(a1, "سبعة جنود", "killed", 7, "Military forces")]
    ev = Event(event_id="E", event_type="Explosions/Remote violence", actor1="Militants", actor2=egypt,
               actors=["Militants", egypt])
    assert estimates(ev, claims, [a1]) == {("killed", egypt): 4, ("killed", "Military forces"): 7}


def test_an_earlier_incidents_figure_recalled_in_the_report_does_not_become_best():
    egypt = "Military Forces of Egypt"
    a1 = article("s1", "2015-07-24", "خبر\n\nقتل أربعة عسكريين أمس. ويأتي الهجوم بعد أيام على مقتل سبعة جنود")
    claims = [claim(a1, "أربعة عسكريين", "killed", 4, egypt), claim(a1, "سبعة جنود", "killed", 7, egypt)]
    ev = Event(event_id="E", event_type="Explosions/Remote violence", actor1="Militants", actor2=egypt,
               actors=["Militants", egypt])
    assert estimates(ev, claims, [a1]) == {("killed", egypt): 4}
    est = ev.estimates[0]
    assert (est.low, est.high, est.superseded) == (4, 4, [])
    assert [t["tier"] for t in est.timeline] == [2, -1]
