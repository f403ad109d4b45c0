"""The records that flow through the pipeline: articles in, claims and events out.

Field names follow the output contract (`claims.jsonl`, `events.jsonl`) so that writing a record
is `to_dict()`; extra fields carry provenance the contract does not require.
"""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass, field, fields
from typing import Any


def parse_day(value: str | None) -> dt.date | None:
    """The calendar day of an ISO date or datetime string (a record's `published`, `date`), or None."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


_ATOMS = (str, int, float, bool, type(None))


def _to_plain(obj: Any) -> Any:
    """`dataclasses.asdict` with the same result (new dicts and lists all the way down), but without
    deep-copying immutable leaves one by one: the stdlib version dominated writing large events."""
    if type(obj) in _ATOMS:
        return obj
    if hasattr(type(obj), "__dataclass_fields__"):
        return {f.name: _to_plain(getattr(obj, f.name)) for f in fields(obj)}
    if isinstance(obj, list):
        return [_to_plain(v) for v in obj]
    if isinstance(obj, dict):
        return {_to_plain(k): _to_plain(v) for k, v in obj.items()}
    if type(obj) is tuple:
        return tuple(_to_plain(v) for v in obj)
    return copy.deepcopy(obj)


@dataclass(slots=True)
class Article:
    """One input article as ingested, before any language processing."""

    id: str
    text: str
    title: str | None = None
    published: str | None = None  # ISO date (YYYY-MM-DD) or datetime
    published_origin: str | None = None  # "input", "html-meta", "text-dateline", or None
    outlet: str | None = None
    url: str | None = None
    origin: str | None = None  # where it was read from: path, path:line, WARC record id
    language: str | None = None
    duplicate_of: str | None = None
    decoding: str | None = None  # set when the bytes needed repair: "utf-8 (2 bad bytes replaced)"

    def to_dict(self) -> dict[str, Any]:
        return _to_plain(self)


@dataclass(slots=True)
class IngestError:
    """An input that could not become an article; written to errors.jsonl, never dropped."""

    input: str  # path, path:line or record id
    reason: str
    doc_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return _to_plain(self)


@dataclass(slots=True)
class Span:
    """Character offsets into the original article text, with the words themselves."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return _to_plain(self)


@dataclass(slots=True)
class Claim:
    """A numeric statement about people, attributed to a source, tied to the words it came from."""

    doc_id: str
    kind: str  # killed injured casualties arrested escaped missing abducted freed held displaced
    value: int | None
    value_high: int | None = None
    qualifier: str = "exact"  # exact about at_least more_than less_than up_to range
    vague: str | None = None  # "tens", "hundreds", ... when value is None
    number_text: str | None = None
    who: str | None = None
    who_text: str | None = None
    source: str | None = None
    source_text: str | None = None
    relay: str | None = None  # the outlet or party that relays the source, for chains
    stance: str = "asserted"  # asserted denied unconfirmed
    evidence: str = ""  # the sentence
    start: int = 0  # claim offsets in the original text
    end: int = 0
    spans: list[Span] = field(default_factory=list)  # every mention (headline + body repeats)
    event_id: str | None = None
    background: bool = False  # a total over a period or a recalled incident's figure, not this incident's
    event_index: int | None = None  # which of the article's events it belongs to (before ids)
    # a figure recalled from before the incident (an earlier attack, a campaign's or a war's toll):
    # kept with its report, never one of the incident's estimates (marsad.reconcile.estimates)
    background: bool = False

    def to_dict(self) -> dict[str, Any]:
        d = _to_plain(self)
        d.pop("event_index")
        return d


@dataclass(slots=True)
class Estimate:
    """A reconciled figure for one (kind, who) of an incident."""

    kind: str
    who: str | None
    low: int | None
    best: int | None
    high: int | None
    disputed: bool = False
    n_claims: int = 0
    sources: list[str | None] = field(default_factory=list)
    timeline: list[dict[str, Any]] = field(default_factory=list)  # toll over time
    superseded: list[dict[str, Any]] = field(default_factory=list)
    outliers: list[dict[str, Any]] = field(default_factory=list)  # figures far above the incident's others

    def to_dict(self) -> dict[str, Any]:
        return _to_plain(self)


@dataclass(slots=True)
class Event:
    """An incident: per article first, then merged across articles by linking."""

    event_id: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    disorder_type: str | None = None
    civilian_targeting: bool = False
    date: str | None = None
    date_end: str | None = None
    time_precision: int | None = None
    date_text: str | None = None
    # the date is only when the report said it (a statement's day, the publication's "today"), not
    # when the incident happened: linking does not let such a report fix the incident's day
    date_said: bool = False
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    place_text: str | None = None
    place_id: str | None = None
    actor1: str | None = None
    actor2: str | None = None
    assoc_actor_1: str | None = None
    assoc_actor_2: str | None = None
    inter1: int | None = None
    inter2: int | None = None
    interaction: int | None = None
    actors: list[str] = field(default_factory=list)
    doc_ids: list[str] = field(default_factory=list)
    background: bool = False
    evidence: list[Span] = field(default_factory=list)  # trigger, date and place words
    estimates: list[Estimate] = field(default_factory=list)
    links: list[dict[str, Any]] = field(default_factory=list)  # merge reasons
    relevance: list[dict[str, Any]] = field(default_factory=list)  # per report: is it an incident, and why
    published: str | None = None  # of the earliest report

    def to_dict(self) -> dict[str, Any]:
        return _to_plain(self)
