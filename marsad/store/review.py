"""A coder's review of stored events: decisions recorded with who, when and why, and kept.

Operations (`OPS`), each a row of the `reviews` table and a revision of every event it changes
(action `reviewed`, source `review:<who>`, the changes and the reason):

    retype       {"event_type", "sub_event_type"}   ACLED type and sub-type (marsad/data/acled.yaml)
    redate       {"date", "date_end"}                ISO dates
    replace      {"location", "admin1", "country", "latitude", "longitude"}   a corrected place
    note         {"text"}                            a note on the event (no other change)
    merge        {"other"}                           the other event's reports join this one
    split        {"doc_ids"}                         these reports leave for a new event of their own
    reject       {"claim_id"}                        the claim no longer counts in the event's figures
    reattribute  {"claim_id", "who", "source"}       the claim counts whom / is said by whom the coder says

Later runs never overwrite a decision: `enforce` re-applies every review, in the order they were
made, after each save of the store (Store.save_run and the run journal call it), so a re-run keeps the
merge, the split, the rejection, the corrected type, date and place. An event whose reports or claims a
review changed gets its estimates reconciled again from its (remaining) claims.
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from typing import Any

import yaml
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from marsad.model import Event
from marsad.store.models import ClaimRow, DocumentRow, EventDocumentRow, EventRow, ReviewRow, RevisionRow

OPS = ("retype", "redate", "replace", "note", "merge", "split", "reject", "reattribute")
PLACE_FIELDS = ("location", "admin1", "country", "latitude", "longitude")


class BadReview(ValueError):
    """A review that cannot be applied (unknown event, claim or type, bad date): one line, why."""


@cache
def _taxonomy() -> dict[str, list[str]]:
    from marsad.extract.event_types import ACLED_PATH

    with ACLED_PATH.open(encoding="utf-8") as f:
        data = yaml.safe_load(f)
    return {t: list(spec.get("sub_event_types") or []) for t, spec in data["event_types"].items()}


def _iso(value: Any, name: str) -> str | None:
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise BadReview(f"{name} {value!r} is not a date (YYYY-MM-DD)") from None


def check(op: str, params: dict[str, Any]) -> dict[str, Any]:
    """The review's parameters, cleaned; BadReview when they cannot be applied."""
    if op not in OPS:
        raise BadReview(f"unknown review {op!r}; one of {', '.join(OPS)}")
    p = {k: v for k, v in (params or {}).items() if v not in (None, "", [])}
    if op == "retype":
        types = _taxonomy()
        if p.get("event_type") not in types:
            raise BadReview(f"event_type {p.get('event_type')!r} is not an ACLED event type")
        if p.get("sub_event_type") and p["sub_event_type"] not in types[p["event_type"]]:
            raise BadReview(f"sub_event_type {p['sub_event_type']!r} is not a sub-type of {p['event_type']}")
        return {"event_type": p["event_type"], "sub_event_type": p.get("sub_event_type")}
    if op == "redate":
        date, end = _iso(p.get("date"), "date"), _iso(p.get("date_end"), "date_end")
        if date is None:
            raise BadReview("redate needs a date")
        if end and end < date:
            raise BadReview(f"date_end {end} is before date {date}")
        return {"date": date, "date_end": end or date}
    if op == "replace":
        out: dict[str, Any] = {k: str(p[k]).strip() for k in ("location", "admin1", "country") if k in p}
        for k in ("latitude", "longitude"):
            if k in p:
                try:
                    out[k] = float(p[k])
                except (TypeError, ValueError):
                    raise BadReview(f"{k} {p[k]!r} is not a number") from None
        if not out:
            raise BadReview("replace needs at least one of " + ", ".join(PLACE_FIELDS))
        if "latitude" in out and not -90 <= out["latitude"] <= 90 or \
                "longitude" in out and not -180 <= out["longitude"] <= 180:
            raise BadReview("latitude or longitude out of range")
        if "country" in out:
            out["country"] = out["country"].upper()
        return out
    if op == "note":
        if not str(p.get("text", "")).strip():
            raise BadReview("a note needs text")
        return {"text": str(p["text"]).strip()}
    if op == "merge":
        if not p.get("other"):
            raise BadReview("merge needs the other event's id")
        return {"other": str(p["other"]).strip()}
    if op == "split":
        docs = p.get("doc_ids")
        docs = [docs] if isinstance(docs, str) else list(docs or [])
        if not docs:
            raise BadReview("split needs the reports (doc_ids) that leave the event")
        return {"doc_ids": sorted(dict.fromkeys(str(d) for d in docs))}
    if not p.get("claim_id"):
        raise BadReview(f"{op} needs a claim_id")
    if op == "reject":
        return {"claim_id": str(p["claim_id"])}
    out = {"claim_id": str(p["claim_id"])}
    out.update({k: str(p[k]).strip() for k in ("who", "source") if p.get(k)})
    if len(out) == 1:
        raise BadReview("reattribute needs who or source")
    return out


@dataclass
class _Loaded:
    row: EventRow
    event: Event
    docs: list[str]
    reasons: dict[str, list[Any]]
    before: str = ""
    refigure: bool = False
    whys: list[str] = field(default_factory=list)
    who: str | None = None


class _State:
    """The events a pass of `enforce` touches, loaded once and written back at the end."""

    def __init__(self, s: Session) -> None:
        self.s = s
        self.loaded: dict[str, _Loaded] = {}

    def get(self, event_id: str) -> _Loaded | None:
        if event_id in self.loaded:
            return self.loaded[event_id]
        row = self.s.get(EventRow, event_id)
        if row is None:
            return None
        from marsad.store.store import event_from_dict

        links = list(self.s.scalars(select(EventDocumentRow).where(EventDocumentRow.event_id == event_id)
                                    .order_by(EventDocumentRow.ord)))
        ev = event_from_dict(dict(row.data, event_id=event_id))
        docs = [ed.doc_id for ed in links]
        item = _Loaded(row, ev, docs, {ed.doc_id: ed.reasons or [] for ed in links})
        item.before = _fingerprint(item)
        self.loaded[event_id] = item
        return item

    def active(self, event_id: str) -> _Loaded | None:
        """The event, or the one it was merged into (followed to the active one)."""
        for _ in range(20):
            item = self.get(event_id)
            if item is None or item.row.status == "active" or not item.row.merged_into:
                return item
            event_id = item.row.merged_into
        return None

    def holders(self, doc_id: str) -> list[_Loaded]:
        """The active events holding a report (one, unless a run put it back where a coder took it from)."""
        for eid in self.s.scalars(select(EventDocumentRow.event_id).where(EventDocumentRow.doc_id == doc_id)):
            self.get(eid)
        return [item for item in self.loaded.values() if item.row.status == "active" and doc_id in item.docs]

    def holder(self, doc_id: str) -> _Loaded | None:
        found = self.holders(doc_id)
        return found[0] if found else None

    def move(self, doc_id: str, target: _Loaded) -> None:
        """The report (and its claims) into `target`, out of every other event."""
        reasons: list[Any] = list(target.reasons.get(doc_id, []))
        for source in self.holders(doc_id):
            if source is target:
                continue
            source.docs.remove(doc_id)
            reasons = reasons or source.reasons.pop(doc_id, [])
            source.reasons.pop(doc_id, None)
            source.refigure = True
        if doc_id not in target.docs:
            target.docs.append(doc_id)
            target.refigure = True
        target.reasons[doc_id] = reasons
        for c in self.s.scalars(select(ClaimRow).where(ClaimRow.doc_id == doc_id)):
            if c.event_id is not None and c.event_id != target.event.event_id:
                c.event_id = target.event.event_id
                target.refigure = True


def _fingerprint(item: _Loaded) -> str:
    from marsad.store.store import _canonical, _hash

    return _hash(dict(_canonical(dict(item.event.to_dict(), doc_ids=item.docs)), status=item.row.status,
                      merged_into=item.row.merged_into))


def _apply(state: _State, review: ReviewRow) -> None:
    op, p = review.op, review.params or {}
    if op in ("reject", "reattribute"):
        claim = state.s.get(ClaimRow, p.get("claim_id"))
        if claim is None:
            return  # the report was re-read with other offsets: nothing left to decide on
        item = state.holder(claim.doc_id)
        if op == "reject":
            claim.event_id = None
        else:
            claim.who = p.get("who", claim.who)
            claim.source = p.get("source", claim.source)
            if item is not None:
                claim.event_id = item.event.event_id
        if item is not None:
            item.refigure = True
            _mark(item, review)
        return
    if op == "split":
        origin = state.active(review.event_id)
        new_id = split_id(review.event_id, p["doc_ids"])
        target = state.get(new_id)
        if target is None:
            if origin is None:
                return
            target = _new_event(state, origin, new_id, review.at)
        target.row.status, target.row.merged_into = "active", None
        for d in p["doc_ids"]:
            state.move(d, target)
        _mark(target, review)
        if origin is not None:
            _mark(origin, review)
        return
    item = state.active(review.event_id)
    if item is None:
        return
    _mark(item, review)
    ev = item.event
    if op == "retype":
        ev.event_type, ev.sub_event_type = p["event_type"], p.get("sub_event_type")
    elif op == "redate":
        ev.date, ev.date_end = p["date"], p.get("date_end") or p["date"]
    elif op == "replace":
        for k in PLACE_FIELDS:
            if k in p:
                setattr(ev, k, p[k])
    elif op == "merge":
        other = state.get(p["other"])
        for d in p.get("docs") or []:
            state.move(d, item)
        if other is not None and other is not item:
            for d in list(other.docs):
                state.move(d, item)
            other.row.status, other.row.merged_into = "merged", ev.event_id
            _mark(other, review)


def _mark(item: _Loaded, review: ReviewRow) -> None:
    text = f"{review.op}: {review.why}"
    if text not in item.whys:
        item.whys.append(text)
    item.who = review.who


def _new_event(state: _State, origin: _Loaded, new_id: str, at: datetime) -> _Loaded:
    ev = copy.deepcopy(origin.event)
    ev.event_id, ev.doc_ids, ev.links, ev.estimates = new_id, [], [], []
    row = EventRow(event_id=new_id, version=0, status="active", created_at=at, updated_at=at, data={},
                   content_hash="")
    state.s.add(row)
    item = _Loaded(row, ev, [], {})
    item.before = ""
    state.loaded[new_id] = item
    return item


def split_id(event_id: str, doc_ids: list[str]) -> str:
    """The id of the event a split makes: the same reports split off the same event give the same id."""
    digest = hashlib.sha1("|".join(sorted(doc_ids)).encode("utf-8")).hexdigest()[:8]
    return f"{event_id}~{digest}"


def _refigure(state: _State, item: _Loaded) -> None:
    """Reconcile the event's estimates again from its claims (rejected ones have no event)."""
    from marsad.reconcile.estimates import reconcile
    from marsad.store.store import _claim_obj, article_of

    state.s.flush()
    eid = item.event.event_id
    claims = [_claim_obj(r) for r in state.s.scalars(select(ClaimRow).where(ClaimRow.event_id == eid))]
    docs = list(state.s.scalars(select(DocumentRow).where(DocumentRow.id.in_(item.docs or [""]))))
    articles = {r.id: article_of(r) for r in docs}
    item.event.estimates = []
    item.event.doc_ids = list(item.docs)
    reconcile([item.event], claims, articles)


def enforce(s: Session, now: datetime, fresh: int | None = None) -> list[str]:
    """Re-apply every review (oldest first) and write back the events they change, each with a
    revision. `fresh`: the id of a review just made (its revision names its coder; the others are
    decisions kept through a run). Returns the ids of the events changed."""
    from marsad.store.store import Store, _canonical, _diff, _hash

    state = _State(s)
    reviews = list(s.scalars(select(ReviewRow).order_by(ReviewRow.id)))
    for review in reviews:
        _apply(state, review)
    changed = []
    for eid, item in sorted(state.loaded.items()):
        if item.refigure:
            _refigure(state, item)
        item.event.doc_ids = list(item.docs)
        if _fingerprint(item) == item.before:
            continue
        old = dict(_canonical(dict(item.row.data or {}, doc_ids=_stored_docs(s, eid))),
                   status=item.row.status if item.before else None)
        data = item.event.to_dict()
        doc_ids = list(dict.fromkeys(data.pop("doc_ids") or []))
        full = _canonical(dict(data, doc_ids=doc_ids))
        status, merged_into = item.row.status, item.row.merged_into
        Store._fill_event_row(item.row, item.event, data, doc_ids, _hash(full), now)
        item.row.status, item.row.merged_into = status, merged_into
        item.row.version = (item.row.version or 0) + 1
        s.execute(delete(EventDocumentRow).where(EventDocumentRow.event_id == eid))
        s.flush()
        for i, d in enumerate(doc_ids):
            s.add(EventDocumentRow(event_id=eid, doc_id=d, ord=i, reasons=item.reasons.get(d, [])))
        changes = _diff(old, dict(full, status=status))
        source = f"review:{item.who}" if fresh is not None else "review kept after a run"
        fresh_review = next((r for r in reviews if r.id == fresh), None)
        changes["why"] = {"old": None, "new": f"{fresh_review.op}: {fresh_review.why}" if fresh_review
                          and f"{fresh_review.op}: {fresh_review.why}" in item.whys else "; ".join(item.whys)}
        s.add(RevisionRow(event_id=eid, version=item.row.version, action="reviewed", changes=changes,
                          source=source, at=now))
        changed.append(eid)
    return changed


def _stored_docs(s: Session, event_id: str) -> list[str]:
    return list(s.scalars(select(EventDocumentRow.doc_id).where(EventDocumentRow.event_id == event_id)
                          .order_by(EventDocumentRow.ord)))


def add(store: Any, event_id: str, op: str, params: dict[str, Any], who: str, why: str) -> dict[str, Any]:
    """Record a coder's decision on `event_id` and apply it (with every earlier one). Returns the review.
    BadReview when the event, claim or values do not exist or make no sense."""
    from marsad.store.store import _now

    who, why = (who or "").strip(), (why or "").strip()
    if not who:
        raise BadReview("say who you are (who)")
    if not why:
        raise BadReview("say why (why): every change is a revision with its reason")
    clean = check(op, params)
    now = _now()
    with store.session.begin() as s:
        row = s.get(EventRow, event_id)
        if row is None:
            raise BadReview(f"no event {event_id!r}")
        if op == "merge":
            other = s.get(EventRow, clean["other"])
            if other is None or clean["other"] == event_id:
                raise BadReview(f"no other event {clean['other']!r} to merge")
            clean["docs"] = _stored_docs(s, clean["other"])
        if op == "split":
            mine = set(_stored_docs(s, event_id))
            if not set(clean["doc_ids"]) <= mine or set(clean["doc_ids"]) == mine:
                raise BadReview("split takes some, not all, of the event's own reports")
        if op in ("reject", "reattribute"):
            claim = s.get(ClaimRow, clean["claim_id"])
            if claim is None or claim.doc_id not in _stored_docs(s, event_id):
                raise BadReview(f"no claim {clean['claim_id']!r} in this event's reports")
        review = ReviewRow(event_id=event_id, op=op, params=clean, why=why, who=who[:200], at=now)
        s.add(review)
        s.flush()
        enforce(s, now, fresh=review.id)
        return {"id": review.id, "event_id": event_id, "op": op, "params": clean, "who": who, "why": why,
                "at": now.isoformat()}


def reviews_of(s: Session, event_ids: list[str]) -> list[dict[str, Any]]:
    """The reviews made on these events (and on events merged or split from them), oldest first."""
    rows = s.scalars(select(ReviewRow).where(ReviewRow.event_id.in_(event_ids)).order_by(ReviewRow.id))
    return [{"id": r.id, "event_id": r.event_id, "op": r.op, "params": r.params, "who": r.who, "why": r.why,
             "at": r.at.isoformat() if r.at else None} for r in rows]
