"""An event is an incident at one place on one day: weekly protests in one city are separate events,
daily reports at one town do not chain into a week-long event, a siege the reports say went on for ten
days is one event, and four outlets' tolls of one bombing are one event whose best toll is the latest.

The end-to-end cases run hand-written reports (tests/link/data/day_incidents.jsonl, wording written for
these tests) through the real pipeline; the chaining cases use hand-made article events."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from linkcorpus import Corpus, make_event

from marsad.link.features import continued_days
from marsad.link.linker import link_events
from marsad.model import Article
from marsad.reconcile.estimates import reconcile
from marsad.run import process_articles

DATA = Path(__file__).parent / "data" / "day_incidents.jsonl"
ISIS, IRAQ = "Islamic State (ISIS)", "Military Forces of Iraq"


@pytest.fixture(scope="module")
def incidents():
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines()]
    articles = [Article(id=r["id"], text=r["text"], title=r["title"], published=r["published"],
                        outlet=r["outlet"]) for r in rows]
    results = process_articles(articles)
    events = [e for r in results for e in r.events]
    claims = [c for r in results for c in r.claims]
    by_id = {a.id: a for a in articles}
    out = link_events(events, claims, by_id)
    reconcile(out, claims, by_id)
    return out


def _groups(incidents, prefix: str) -> set[frozenset[str]]:
    return {frozenset(e.doc_ids) for e in incidents if any(d.startswith(prefix) for d in e.doc_ids)}


def test_weekly_protests_in_one_city_are_separate_events(incidents):
    # four Fridays at the same building in Basra, the first told by two outlets
    assert _groups(incidents, "bsr-") == {frozenset({"bsr-1", "bsr-2"}), frozenset({"bsr-3"}),
                                          frozenset({"bsr-4"}), frozenset({"bsr-5"})}
    dates = sorted((e.date, e.date_end) for e in incidents if e.doc_ids[0].startswith("bsr-"))
    assert dates == [("2024-03-01", "2024-03-01"), ("2024-03-08", "2024-03-08"),
                     ("2024-03-15", "2024-03-15"), ("2024-03-22", "2024-03-22")]


def test_a_ten_day_siege_the_reports_say_went_on_is_one_event(incidents):
    assert _groups(incidents, "shq-") == {frozenset({"shq-1", "shq-2", "shq-3", "shq-4"})}
    ev = next(e for e in incidents if "shq-1" in e.doc_ids)
    assert (ev.date, ev.date_end) == ("2024-05-02", "2024-05-11")


def test_four_outlets_tolls_18_25_38_and_about_60_casualties_are_one_event_best_38(incidents):
    assert _groups(incidents, "kut-") == {frozenset({"kut-1", "kut-2", "kut-3", "kut-4"})}
    ev = next(e for e in incidents if "kut-1" in e.doc_ids)
    killed = {e.who: (e.low, e.best, e.high) for e in ev.estimates if e.kind == "killed"}
    assert killed["Unidentified persons"] == (18, 38, 38)
    casualties = {e.who: e.best for e in ev.estimates if e.kind == "casualties"}
    assert casualties["Unidentified persons"] == 60  # killed and wounded together: its own kind


def test_continuation_words_give_the_incident_s_start():
    assert continued_days("تواصلت لليوم الرابع على التوالي الاشتباكات") == 3
    assert continued_days("احتجاجات لليوم الـ12 على التوالي") == 11
    assert continued_days("ولليوم الحادي عشر تتواصل المعارك") == 10
    # a Friday or a week in a row is a series of incidents, not one that continued
    assert continued_days("تظاهروا للجمعة الرابعة على التوالي") == 0
    assert continued_days("الاحتجاجات للأسبوع الثاني على التوالي") == 0
    assert continued_days("بمناسبة اليوم العالمي") == 0


def _shirqat(doc: str, date: str, evidence: str):
    return make_event(doc, date, place="Al Shirqat", lat=35.51, lon=43.23, admin1="Salah Al-Din",
                      country="IRQ", event_type="Battles", actors=[ISIS, IRAQ], evidence=evidence)


def _daily_clashes(continued: bool) -> Corpus:
    """A report a day for ten days of clashes in one town, each the day after the last, same actors
    and words: single-link clustering chains them into one ten-day event."""
    c = Corpus()
    details = ["قرب الجسر", "عند مدخل القضاء", "في حي الزراعة", "قرب المستشفى", "في السوق القديم",
               "عند محطة الوقود", "في حي الجمهورية", "قرب المدرسة", "على الطريق العام", "في حي القلعة"]
    for n in range(10):
        day = f"2024-05-{n + 2:02d}"
        words = f"اشتباكات بين القوات العراقية وعناصر داعش في قضاء الشرقاط {details[n]}"
        ordinals = ["", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع",
                    "العاشر"]
        if continued and n:
            words += f" لليوم {ordinals[n]} على التوالي"
        c.article(f"d{n}", day, [(_shirqat(f"d{n}", day, words), [])])
    return c


def test_daily_reports_at_one_town_do_not_chain_into_one_event():
    c = _daily_clashes(continued=False)
    out = link_events(c.events, c.claims, c.articles)
    assert len(out) >= 3
    for ev in out:
        first, last = ev.date, ev.date_end
        assert (int(last[-2:]) - int(first[-2:])) <= 2, (first, last)
    # every report still belongs to exactly one event
    assert sorted(d for ev in out for d in ev.doc_ids) == [f"d{n}" for n in range(10)]


def test_daily_reports_that_say_the_fighting_went_on_are_one_event():
    c = _daily_clashes(continued=True)
    out = link_events(c.events, c.claims, c.articles)
    assert [sorted(ev.doc_ids) for ev in out] == [[f"d{n}" for n in range(10)]]
    assert (out[0].date, out[0].date_end) == ("2024-05-02", "2024-05-11")
