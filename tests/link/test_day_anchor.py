"""An incident is anchored to its day by the reports that date it in their own words: when ANCHOR_REPORTS
or more such reports give one day and as many give the next, chaining (a report of "the last hours" spanning
both days) has joined two days' incidents at one place, and they are two events. A report dated only
by when something was said fixes no day. Hand-made article events (town and coordinates made up)."""

from __future__ import annotations

from linkcorpus import Corpus, make_event

from marsad.link.linker import ANCHOR_NEWS, ANCHOR_REPORTS, link_events
from marsad.model import Article
from marsad.run import process_articles

CROWD, POLICE = "Protesters (International)", "Police Forces (International)"
MARCH = "مسيرة احتجاجية في تل الزيتون وقوات الشرطة تفرق المحتجين"
HOURS = MARCH + " خلال الساعات الماضية"
NEXT = "مسيرة احتجاجية جديدة في تل الزيتون والشرطة تفرق المحتجين"


def _march(doc: str, date: str, evidence: str, *, date_end: str | None = None, said: bool = False,
           dated: bool = True):
    ev = make_event(doc, date, place="Tell Zaytun", lat=31.40, lon=34.40, admin1="Wadi Zaytun",
                    country="PSE", event_type="Protests", actors=[CROWD, POLICE], evidence=evidence,
                    date_end=date_end)
    ev.date_text = "يوم الجمعة" if dated else None
    ev.date_said = said
    return ev


def _two_days(first: int, second: int, *, said_second: bool = False, news: bool = True) -> Corpus:
    """`first` reports of Friday's march, one report of "the last hours" spanning Friday and Saturday,
    `second` reports of Saturday's march; the same town, crowd, police and wording. With news=False the
    Saturday march is each Saturday report's second event, after a strike elsewhere (its news)."""
    c = Corpus()
    for i in range(first):
        c.article(f"fri{i}", "2024-04-05", [(_march(f"fri{i}", "2024-04-05", MARCH), [])])
    c.article("hours", "2024-04-06", [(_march("hours", "2024-04-05", HOURS, date_end="2024-04-06"), [])])
    for i in range(second):
        march = (_march(f"sat{i}", "2024-04-06", NEXT, said=said_second), [])
        c.article(f"sat{i}", "2024-04-07", [march] if news else [(_elsewhere(f"sat{i}"), []), march])
    return c


def _elsewhere(doc: str):
    return make_event(doc, "2024-04-06", place="Kafr Nakhla", lat=36.0, lon=37.0, admin1="Halab",
                      country="SYR", event_type="Explosions/Remote violence", actors=["Air force"],
                      evidence="غارة جوية على كفر نخلة")


def _groups(incidents) -> set[frozenset[str]]:
    return {frozenset(ev.doc_ids) for ev in incidents}


def _docs(prefix: str, n: int) -> set[str]:
    return {f"{prefix}{i}" for i in range(n)}


def test_anchor_reports_of_each_of_two_days_are_two_events():
    k = ANCHOR_REPORTS
    c = _two_days(k, k)
    incidents = link_events(c.events, c.claims, c.articles)
    # the report of the last hours goes to the day it scores best with (the Friday reports' wording)
    assert _groups(incidents) == {frozenset(_docs("fri", k) | {"hours"}), frozenset(_docs("sat", k))}
    assert sorted((e.date, e.date_end) for e in incidents) == [("2024-04-05", "2024-04-06"),
                                                               ("2024-04-06", "2024-04-06")]
    split = [link for e in incidents for link in e.links if link.get("rule") == "split by day"]
    assert [link["day"] for link in split] == ["2024-04-05", "2024-04-06"]


def test_fewer_reports_of_the_second_day_are_two_events_when_it_is_their_news():
    # fewer than ANCHOR_REPORTS Saturday reports, but the Saturday march is their news
    k = ANCHOR_REPORTS
    c = _two_days(k, ANCHOR_NEWS)
    incidents = link_events(c.events, c.claims, c.articles)
    friday = frozenset(_docs("fri", k) | {"hours"})
    assert _groups(incidents) == {friday, frozenset(_docs("sat", ANCHOR_NEWS))}


def test_one_report_of_the_second_day_leaves_one_event():
    # one report a day late: outlets a day apart on one incident, as often as two incidents
    k = ANCHOR_REPORTS
    c = _two_days(k, ANCHOR_NEWS - 1)
    incidents = link_events(c.events, c.claims, c.articles)
    assert _groups(incidents) == {frozenset(_docs("fri", k) | {"hours"} | _docs("sat", ANCHOR_NEWS - 1))}


def test_second_day_mentions_in_reports_of_other_news_leave_one_event():
    # the Saturday march is the second event of reports whose news is a strike elsewhere
    k = ANCHOR_REPORTS
    c = _two_days(k, ANCHOR_NEWS, news=False)
    incidents = link_events(c.events, c.claims, c.articles)
    marches = {g for g in _groups(incidents) if "fri0" in g}
    assert marches == {frozenset(_docs("fri", k) | {"hours"} | _docs("sat", ANCHOR_NEWS))}


def test_reports_dated_by_when_they_were_said_fix_no_day():
    # the Saturday reports are dated only by the day of a statement: they anchor nothing
    k = ANCHOR_REPORTS
    c = _two_days(k, k + 1, said_second=True)
    incidents = link_events(c.events, c.claims, c.articles)
    assert _groups(incidents) == {frozenset(_docs("fri", k) | {"hours"} | _docs("sat", k + 1))}


def test_anchored_days_two_days_apart_stay_one_event():
    # Friday's reports and reports dating it Sunday (a reaction told on its own day): not split
    k = ANCHOR_REPORTS
    c = Corpus()
    for i in range(k):
        c.article(f"fri{i}", "2024-04-05", [(_march(f"fri{i}", "2024-04-05", MARCH), [])])
        c.article(f"sun{i}", "2024-04-07", [(_march(f"sun{i}", "2024-04-07", MARCH), [])])
    incidents = link_events(c.events, c.claims, c.articles)
    assert _groups(incidents) == {frozenset(_docs("fri", k) | _docs("sun", k))}


def test_the_event_says_whether_its_date_is_only_when_it_was_said():
    # the day governs the statement ("said on Tuesday that a strike killed"), the strike itself, or nothing
    lead = "غارة جوية تقتل خمسة مدنيين في إدلب"
    where = "مدينة إدلب شمال غربي سوريا"
    texts = {"said": f"قال الدفاع المدني يوم الثلاثاء إن غارة جوية قتلت خمسة مدنيين في {where}.",
             "own": f"قتل خمسة مدنيين يوم الثلاثاء في غارة جوية على {where}، بحسب الدفاع المدني.",
             "none": f"قتل خمسة مدنيين في غارة جوية على {where}، بحسب الدفاع المدني."}
    articles = [Article(id=k, published="2024-03-06", title=lead, text=t) for k, t in texts.items()]
    got = {r.article.id: [(e.date, e.date_said) for e in r.events] for r in process_articles(articles)}
    assert got == {"said": [("2024-03-05", True)], "own": [("2024-03-05", False)],
                   "none": [("2024-03-06", False)]}
