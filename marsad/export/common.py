"""Facts every export format shares: country codes, report lists, and the English notes."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from pathlib import Path

import yaml

from marsad.model import Article, Claim, Estimate, Event

KIND_WORDS = {
    "killed": "killed", "injured": "injured", "casualties": "killed or injured", "arrested": "arrested",
    "escaped": "escaped", "missing": "missing", "abducted": "abducted", "freed": "freed",
    "held": "held", "displaced": "displaced",
}
MAX_REPORTED = 8  # figures listed per estimate in the notes
QUALIFIER_WORDS = {"about": "about ", "at_least": "at least ", "more_than": "more than ",
                   "less_than": "fewer than ", "up_to": "up to "}


@cache
def countries() -> dict[str, dict]:
    """ISO3 -> name, ISO numeric, ACLED region, Gleditsch-Ward number, UCDP region (countries.yaml)."""
    with (Path(__file__).parent / "countries.yaml").open(encoding="utf-8") as f:
        return yaml.safe_load(f)


def country_info(iso3: str | None) -> dict:
    return countries().get((iso3 or "").upper(), {})


def reports(ev: Event, articles: dict[str, Article]) -> list[Article]:
    """The incident's reports in publication order (ids without a stored document are kept bare)."""
    arts = [articles.get(d) or Article(id=d, text="") for d in ev.doc_ids]
    return sorted(arts, key=lambda a: ((a.published or "9999")[:10], a.id))


def outlet_names(ev: Event, articles: dict[str, Article]) -> list[str]:
    """The outlets of the incident's reports; a report without one is named by its URL's host, never by
    Marsad's internal document id."""
    out: list[str] = []
    for a in reports(ev, articles):
        host = re.match(r"https?://(?:www\.)?([^/:?#]+)", a.url or "")
        name = a.outlet or (host.group(1) if host else "unnamed outlet")
        if name not in out:
            out.append(name)
    return out


def year_of(date: str | None) -> int | None:
    """The year of an ISO date, or None when the date is missing or malformed."""
    head = (date or "")[:4]
    return int(head) if head.isdigit() else None


def span_days(ev: Event) -> int:
    try:
        start = dt.date.fromisoformat((ev.date or "")[:10])
        end = dt.date.fromisoformat((ev.date_end or ev.date or "")[:10])
    except ValueError:
        return 0
    return max(0, (end - start).days)


def _figure(value: int | None, qualifier: str | None, high: int | None = None) -> str:
    if value is None:
        return "an unstated number"
    if high and high != value:
        return f"{value}-{high}"
    return f"{QUALIFIER_WORDS.get(qualifier or '', '')}{value}"


def _claim_phrase(c: Claim, articles: dict[str, Article]) -> str:
    art = articles.get(c.doc_id)
    who = c.source or (art.outlet if art and art.outlet else "the outlet")
    day = ((art.published if art else None) or "")[:10]
    verb = {"denied": "denied by", "unconfirmed": "unconfirmed, per"}.get(c.stance, "per")
    return f"{_figure(c.value, c.qualifier, c.value_high)} ({verb} {who}{', ' + day if day else ''})"


def estimate_sentence(e: Estimate, claims: list[Claim], articles: dict[str, Article]) -> str:
    """One figure's story: the best figure, what else was reported by whom, and any denial."""
    group = [c for c in claims if c.kind == e.kind and (c.who or "Unidentified persons") == e.who
             and c.value is not None]
    who = e.who or "unidentified persons"
    head = f"{who} {KIND_WORDS.get(e.kind, e.kind)}: "
    head += f"best {e.best}" if e.best is not None else "no undisputed figure"
    if e.low is not None and e.high is not None and e.low != e.high:
        head += f" (range {e.low}-{e.high})"
    if e.disputed:
        head += ", disputed"
    seen: list[str] = []
    for c in sorted(group, key=lambda c: (((articles.get(c.doc_id) or Article("", "")).published or "")[:10],
                                          c.doc_id, c.start)):
        phrase = _claim_phrase(c, articles)
        if phrase not in seen:
            seen.append(phrase)
    if seen:
        head += "; reported: " + "; ".join(seen[:MAX_REPORTED])
        if len(seen) > MAX_REPORTED:
            head += f"; and {len(seen) - MAX_REPORTED} more"
    return head + "."


def notes(ev: Event, claims: list[Claim], articles: dict[str, Article]) -> str:
    """ACLED-style notes in English: what, where, when, the figures with their sources, the reports."""
    place = ", ".join(p for p in (ev.location, ev.admin1, country_info(ev.country).get("name") or ev.country)
                      if p)
    when = ev.date or "an unknown date"
    if ev.date_end and ev.date_end != ev.date:
        when += f" to {ev.date_end}"
    kind = ev.event_type or "Incident"
    if ev.sub_event_type:
        kind += f" ({ev.sub_event_type})"
    actors = " vs ".join(a for a in (ev.actor1, ev.actor2) if a) or ", ".join(ev.actors[:3])
    text = f"On {when}: {kind} in {place or 'an unknown place'}"
    text += f" involving {actors}." if actors else "."
    for e in ev.estimates:
        text += " " + estimate_sentence(e, claims, articles)
    outlets = outlet_names(ev, articles)
    if outlets:
        text += f" Reported by {len(ev.doc_ids)} article(s): {', '.join(outlets[:6])}."
    return text
