"""Hand-made article events and claims modelled on the gold incidents (coordinates from the gazetteer)."""

from __future__ import annotations

from marsad.model import Article, Claim, Event, Span


def make_event(doc: str, date: str, *, place: str, lat: float, lon: float, admin1: str, country: str,
               event_type: str, actors: list[str], evidence: str, precision: int = 1,
               date_end: str | None = None, background: bool = False,
               place_id: str | None = None) -> Event:
    return Event(event_type=event_type, date=date, date_end=date_end, country=country, admin1=admin1,
                 location=place, latitude=lat, longitude=lon, geo_precision=precision,
                 place_id=place_id or f"p:{place}",
                 actors=actors, actor1=actors[0] if actors else None,
                 actor2=actors[1] if len(actors) > 1 else None, doc_ids=[doc], background=background,
                 evidence=[Span(0, len(evidence), evidence)])


def make_claim(doc: str, index: int, kind: str, value: int, who: str, **kw) -> Claim:
    return Claim(doc_id=doc, kind=kind, value=value, who=who, event_index=index, **kw)


class Corpus:
    """Article events in article order, their claims, and the articles."""

    def __init__(self) -> None:
        self.events: list[Event] = []
        self.claims: list[Claim] = []
        self.articles: dict[str, Article] = {}

    def article(self, doc: str, published: str, events: list[tuple[Event, list[tuple]]], outlet: str = "X"):
        self.articles[doc] = Article(id=doc, text="", published=published, outlet=outlet)
        for idx, (ev, figures) in enumerate(events):
            self.events.append(ev)
            for kind, value, who in figures:
                self.claims.append(make_claim(doc, idx, kind, value, who))
        return self

