"""The JSON API: events, documents, claims and exports to read; POST /api/documents to ingest.

Lists answer `{"total", "limit", "offset", "items"}`; unknown ids answer 404 with `{"detail"}`.
"""

from __future__ import annotations

import hmac
import json
import re
import tempfile
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Security
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from marsad.serve import ingest, schemas
from marsad.store import EventFilter, Store

router = APIRouter(prefix="/api")
MAX_LIMIT = 500


# Filter dates: YYYY, YYYY-MM or YYYY-MM-DD (anything else is a 422 naming the parameter).
ISO_DATE = r"^(\d{4}(-\d{2}(-\d{2})?)?)?$"
# Beyond any store's size, and inside the 64-bit integers SQLite and PostgreSQL bind.
MAX_OFFSET = 10**9


def get_store(request: Request) -> Store:
    return request.app.state.store


def event_filter(
    date_from: str | None = Query(None, pattern=ISO_DATE,
                                  description="ISO date; events whose [date, date_end] reach it"),
    date_to: str | None = Query(None, pattern=ISO_DATE,
                                description="ISO date; events starting on or before it"),
    country: str | None = Query(None, description="ISO3 code, e.g. SYR"),
    admin1: str | None = Query(None, description="governorate/province name as stored"),
    type: str | None = Query(None, description="ACLED event type, e.g. Battles"),  # noqa: A002
    actor: str | None = Query(None, description="part of an actor name, or an alias (داعش, Daesh)"),
    q: str | None = Query(None, max_length=200, description="text search (Arabic normalised: أ/ا, ة/ه ...)"),
    background: bool | None = Query(None, description="only background (true) or current (false) events"),
) -> EventFilter:
    return EventFilter(date_from=date_from or None, date_to=date_to or None, country=country or None,
                       admin1=admin1 or None, event_type=type or None, actor=actor_name(actor), q=q or None,
                       background=background)


def actor_name(text: str | None) -> str | None:
    """The actor filter: a name written in Arabic, or an alias that is no part of a canonical name
    (Daesh), is looked up in the actor table (lang/ar/actors.yaml) and becomes its canonical name;
    anything else stays a part of a name to match."""
    text = (text or "").strip()
    if not text:
        return None
    from marsad.extract.actors import actor_table

    table = actor_table()
    if re.search("[\u0600-\u06ff]", text) or not any(text.lower() in a.name.lower() for a in table.actors):
        actor = table.lookup(text)
        if actor is not None:
            return actor.name
    return text


def page(total: int, limit: int, offset: int, items: list[dict[str, Any]]) -> dict[str, Any]:
    return {"total": total, "limit": limit, "offset": offset, "items": items}


@router.get("/events", summary="List and filter incidents (newest first)", response_model=None,
            responses={200: {"model": schemas.EventPage}})
def list_events(flt: EventFilter = Depends(event_filter), limit: int = Query(50, ge=1, le=MAX_LIMIT),
                offset: int = Query(0, ge=0, le=MAX_OFFSET),
                store: Store = Depends(get_store)) -> dict[str, Any]:
    total, items = store.list_events(flt, limit=limit, offset=offset)
    return page(total, limit, offset, items)


@router.get("/events/{event_id:path}/reviews", summary="A coder's reviews of an incident, oldest first",
            response_model=None, responses={200: {"model": list[schemas.ReviewOut]}})
def get_reviews(event_id: str, store: Store = Depends(get_store)) -> list[dict[str, Any]]:
    ev = store.get_event(event_id)
    if ev is None:
        raise HTTPException(404, f"no event {event_id!r}")
    return ev["reviews"]


@router.get("/events/{event_id:path}", summary="One incident: estimates, claims, reports, revisions",
            response_model=None, responses={200: {"model": schemas.EventDetail},
                                            404: {"model": schemas.Problem}})
def get_event(event_id: str, store: Store = Depends(get_store)) -> dict[str, Any]:
    ev = store.get_event(event_id)
    if ev is None:
        raise HTTPException(404, f"no event {event_id!r}")
    return ev


@router.get("/documents", summary="List documents (metadata; q searches the text)", response_model=None,
            responses={200: {"model": schemas.DocumentPage}})
def list_documents(q: str | None = Query(None, max_length=200), outlet: str | None = None,
                   date_from: str | None = Query(None, pattern=ISO_DATE),
                   date_to: str | None = Query(None, pattern=ISO_DATE),
                   limit: int = Query(50, ge=1, le=MAX_LIMIT), offset: int = Query(0, ge=0, le=MAX_OFFSET),
                   store: Store = Depends(get_store)) -> dict[str, Any]:
    total, items = store.list_documents(q=q or None, outlet=outlet or None, date_from=date_from or None,
                                        date_to=date_to or None, limit=limit, offset=offset)
    return page(total, limit, offset, items)


@router.get("/documents/{doc_id:path}", summary="One document with its text and claims", response_model=None,
            responses={200: {"model": schemas.DocumentOut}, 404: {"model": schemas.Problem}})
def get_document(doc_id: str, store: Store = Depends(get_store)) -> dict[str, Any]:
    doc = store.get_document(doc_id)
    if doc is None:
        raise HTTPException(404, f"no document {doc_id!r}")
    return doc


@router.get("/claims", summary="List claims with their evidence", response_model=None,
            responses={200: {"model": schemas.ClaimPage}})
def list_claims(event_id: str | None = None, doc_id: str | None = None, kind: str | None = None,
                who: str | None = None, source: str | None = None, stance: str | None = None,
                limit: int = Query(100, ge=1, le=MAX_LIMIT), offset: int = Query(0, ge=0, le=MAX_OFFSET),
                store: Store = Depends(get_store)) -> dict[str, Any]:
    total, items = store.list_claims(event_id=event_id, doc_id=doc_id, kind=kind, who=who, source=source,
                                     stance=stance, limit=limit, offset=offset)
    return page(total, limit, offset, items)


@router.get("/facets", summary="Countries, admin1 units and event types present, with counts",
            response_model=None, responses={200: {"model": schemas.Facets}})
def facets(store: Store = Depends(get_store)) -> dict[str, Any]:
    return {k: [{"value": v, "count": n} for v, n in rows] for k, rows in store.facets().items()}


EXPORT_TYPES = {"acled": ("text/csv", "csv"), "ucdp": ("text/csv", "csv"),
                "geojson": ("application/geo+json", "geojson"), "jsonl": ("application/x-ndjson", "jsonl")}


@router.get("/export", summary="Export filtered incidents: acled, ucdp, geojson or jsonl")
def export(format: str = Query("jsonl", description="acled | ucdp | geojson | jsonl"),  # noqa: A002
           flt: EventFilter = Depends(event_filter), store: Store = Depends(get_store)) -> Response:
    if format not in EXPORT_TYPES:
        raise HTTPException(400, f"unknown format {format!r}; one of {', '.join(EXPORT_TYPES)}")
    media, suffix = EXPORT_TYPES[format]
    body = _export_bytes(store, flt, format)
    return Response(body, media_type=media,
                    headers={"content-disposition": f'attachment; filename="marsad-events.{suffix}"'})


def _export_bytes(store: Store, flt: EventFilter, fmt: str) -> bytes:
    """marsad.export's writers over the filtered events of this store (same files as `marsad export`)."""
    try:
        from marsad.export.source import ExportData, group_claims
        from marsad.export.writer import export as write_export
    except ImportError:  # exports not installed: events as JSONL or GeoJSON
        return _fallback_export(store, flt, fmt)
    events = store.events(flt)
    claims = [c for ev in events for c in store.claims(event_id=ev.event_id)]
    doc_ids = sorted({d for ev in events for d in ev.doc_ids})
    articles = {a.id: a for a in store.articles(doc_ids)} if doc_ids else {}
    data = ExportData(events, group_claims(claims), articles)
    with tempfile.TemporaryDirectory(prefix="marsad-export-") as tmp:
        out = Path(tmp) / f"export.{fmt}"
        write_export(data, fmt, out)
        return out.read_bytes()


def _fallback_export(store: Store, flt: EventFilter, fmt: str) -> bytes:
    events = store.events(flt)
    if fmt == "geojson":
        feats = [{"type": "Feature", "id": e.event_id, "properties": e.to_dict(),
                  "geometry": ({"type": "Point", "coordinates": [e.longitude, e.latitude]}
                               if e.latitude is not None and e.longitude is not None else None)}
                 for e in events]
        return json.dumps({"type": "FeatureCollection", "features": feats}, ensure_ascii=False).encode()
    if fmt == "jsonl":
        return "".join(json.dumps(e.to_dict(), ensure_ascii=False) + "\n" for e in events).encode()
    raise HTTPException(501, f"format {fmt!r} needs marsad.export")


BEARER = HTTPBearer(auto_error=False, description="the token given to `marsad serve --token` or MARSAD_TOKEN")


Credentials = Annotated[HTTPAuthorizationCredentials | None, Security(BEARER)]


def require_token(request: Request, _credentials: Credentials = None) -> None:
    """Writes need `Authorization: Bearer <token>`; with no token configured they are refused.
    (BEARER declares the scheme in the OpenAPI document, so /api/docs can send the token.)"""
    expected = request.app.state.token
    if not expected:
        raise HTTPException(403, "writes are disabled: start the service with --token or MARSAD_TOKEN")
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer" or not given:
        raise HTTPException(401, "missing bearer token", headers={"WWW-Authenticate": "Bearer"})
    if not hmac.compare_digest(given.strip().encode(), expected.encode()):
        raise HTTPException(401, "wrong token", headers={"WWW-Authenticate": "Bearer"})


@router.post("/events/{event_id:path}/reviews", status_code=201, dependencies=[Depends(require_token)],
             summary="Review an incident: retype, redate, replace, note, merge, split, reject, reattribute",
             response_model=None,
             responses={201: {"model": schemas.ReviewOut},
                        400: {"model": schemas.Problem, "description": "not applicable"},
                        401: {"model": schemas.Problem}, 403: {"model": schemas.Problem}})
def post_review(event_id: str, body: schemas.ReviewIn, store: Store = Depends(get_store)) -> JSONResponse:
    from marsad.store import review

    try:
        made = review.add(store, event_id, body.op, body.params, body.who, body.why)
    except review.BadReview as e:
        raise HTTPException(400, str(e)) from None
    return JSONResponse(made, status_code=201)


@router.post("/documents", status_code=201, dependencies=[Depends(require_token)],
             summary="Ingest articles (one object or a list, corpus format) through the pipeline",
             openapi_extra=schemas.request_body(schemas.ArticleIn), response_model=None,
             responses={201: {"model": schemas.IngestResult, "description": "stored (failed ones listed)"},
                        400: {"model": schemas.Problem, "description": "not JSON / not articles"},
                        401: {"model": schemas.Problem, "description": "missing or wrong bearer token"},
                        403: {"model": schemas.Problem, "description": "writes disabled (no token set)"},
                        413: {"model": schemas.Problem, "description": "body too large"},
                        422: {"model": schemas.IngestResult, "description": "no article could be ingested"},
                        503: {"model": schemas.Problem, "description": "the store could not be written"}})
async def post_documents(request: Request) -> JSONResponse:
    ctype = request.headers.get("content-type", "")
    if ctype and "json" not in ctype:
        raise HTTPException(415, "send application/json: one article object or a list of them")
    raw = await request.body()  # BodyLimit has already refused anything above the limit
    try:
        payload = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise HTTPException(400, f"body is not JSON: {e}") from None
    except RecursionError:
        raise HTTPException(400, "body is JSON nested too deeply") from None
    try:
        rows = ingest.parse_payload(payload)
    except ingest.BadPayload as e:
        raise HTTPException(400, str(e)) from None
    try:
        result = await run_in_threadpool(ingest.ingest, rows, request.app.state.db_url)
    except ingest.StoreFailed as e:
        raise HTTPException(503, f"the store could not be written, nothing was ingested: {e}") from None
    return JSONResponse(result, status_code=201 if result["read"] else 422)
