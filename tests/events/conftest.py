"""Helpers for the events tests: docs built from real sentences, and small place/date fakes so a
test pins down the events logic without depending on the gazetteer's or the date resolver's data."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

import marsad.extract.events as events_mod
from marsad.extract.relevance import Relevance
from marsad.model import Article, Claim
from marsad.text.nlp import make_nlp


@dataclass(frozen=True)
class FakePlace:
    id: str
    name: str
    name_en: str
    feature: str
    country: str
    admin1: str | None
    admin2: str | None
    lat: float
    lon: float
    population: int | None = None


@dataclass(frozen=True)
class FakePlaceMention:
    start: int
    end: int
    text: str
    place: FakePlace
    candidates: tuple = ()
    geo_precision: int = 1


@dataclass(frozen=True)
class FakeDate:
    start: int
    end: int
    text: str
    date: dt.date
    date_end: dt.date
    precision: int = 1
    relative: bool = True
    background: bool = False
    kind: str = "weekday"


# A few real places (coordinates from the project gazetteer's sources).
PLACES = {
    "عفرين": FakePlace("p:afrin", "عفرين", "Afrin", "city", "SYR", "Aleppo", "Afrin", 36.51, 36.87),
    "سوروتش": FakePlace("p:suruc", "سوروتش", "Suruc", "town", "TUR", "Sanliurfa", "Suruc", 36.98, 38.42),
    "كوباني": FakePlace("p:kobani", "كوباني", "Ayn al Arab", "town", "SYR", "Aleppo", "Ain Al Arab",
                        36.89, 38.35),
    "السلط": FakePlace("p:salt", "السلط", "Salt", "city", "JOR", "Al Balqa", None, 32.04, 35.73),
    "الفحيص": FakePlace("p:fuheis", "الفحيص", "Fuheis", "town", "JOR", "Al Balqa", None, 31.99, 35.77),
    "عمان": FakePlace("p:amman", "عمان", "Amman", "city", "JOR", "Amman", None, 31.95, 35.93),
    "الحسكة": FakePlace("p:hasakah", "الحسكة", "Al-Hasakah", "city", "SYR", "Al-Hasakeh", "Al-Hasakeh",
                        36.50, 40.75),
    "ديالى": FakePlace("p:diyala", "ديالى", "Diyala", "admin1", "IRQ", "Diyala", None, 33.77, 45.0),
    "انقرة": FakePlace("p:ankara", "انقرة", "Ankara", "city", "TUR", "Ankara", None, 39.93, 32.86),
    "سرمين": FakePlace("p:sarmin", "سرمين", "Sarmin", "town", "SYR", "Idleb", "Idleb", 35.90, 36.72),
    "أريحا": FakePlace("p:ariha", "أريحا", "Ariha", "town", "SYR", "Idleb", "Ariha", 35.81, 36.61),
    "جنين": FakePlace("p:jenin", "جنين", "Jenin", "city", "PSE", "Jenin", None, 32.46, 35.30),
    "بغداد": FakePlace("p:baghdad", "بغداد", "Baghdad", "city", "IRQ", "Baghdad", None, 33.34, 44.40),
    "الحديدة": FakePlace("p:hodeidah-gov", "الحديدة", "Al Hudaydah", "admin1", "YEM", "Al Hudaydah", None,
                         14.95, 43.35),
}
# Homonyms the geocoder also considered, by name (the province of Hodeidah and its capital city).
CANDIDATES = {
    "الحديدة": (FakePlace("p:hodeidah", "الحديدة", "Al Hudaydah", "city", "YEM", "Al Hudaydah", None,
                          14.80, 42.95),),
}
PRECISION = {"admin1": 3, "country": 3}


def fake_places(doc) -> list[FakePlaceMention]:
    """Every occurrence of a PLACES name in the doc (after any proclitic)."""
    out = []
    text = doc.text
    for name, place in PLACES.items():
        i = text.find(name)
        while i >= 0:
            out.append(FakePlaceMention(i, i + len(name), name, place, (place, *CANDIDATES.get(name, ())),
                                        geo_precision=PRECISION.get(place.feature, 1)))
            i = text.find(name, i + 1)
    return sorted(out, key=lambda m: m.start)


def date_finder(spec: dict[str, tuple[str, str]]):
    """A date resolver for given phrases: phrase -> (first day, last day) ISO; 'bg:' marks history."""
    def find(doc):
        out = []
        for phrase, (first, last) in spec.items():
            bg = phrase.startswith("bg:")
            word = phrase[3:] if bg else phrase
            i = doc.text.find(word)
            while i >= 0:
                out.append(FakeDate(i, i + len(word), word, dt.date.fromisoformat(first),
                                    dt.date.fromisoformat(last), background=bg))
                i = doc.text.find(word, i + 1)
        return sorted(out, key=lambda d: d.start)
    return find


@pytest.fixture(scope="session")
def nlp():
    return make_nlp()


@pytest.fixture
def run_events(nlp, monkeypatch):
    """Run the events stage on a text with fake places and dates, and optional claims.

    claims: list of (phrase, kind, value, who): a claim at the phrase's offset."""
    def run(text: str, published: str = "2018-03-17", dates: dict | None = None,
            claims: list[tuple[str, str, int, str | None]] | None = None, relevance: bool = False):
        monkeypatch.setattr(events_mod, "find_places", fake_places)
        monkeypatch.setattr(events_mod, "find_dates", date_finder(dates or {}))
        if not relevance:  # these docs carry only the claims a test gives: relevance is tested on real runs
            monkeypatch.setattr(events_mod, "judge", lambda *_a: Relevance(0.0, True, ["not judged"]))
        doc = nlp(text)
        doc._.article = Article(id="t1", text=text, published=published)
        doc._.claims = []
        for phrase, kind, value, who in claims or []:
            i = text.index(phrase)
            doc._.claims.append(Claim(doc_id="t1", kind=kind, value=value, who=who, start=i,
                                      end=i + len(phrase)))
        events_mod.extract_events(doc)
        return doc
    return run
