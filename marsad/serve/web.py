"""The web interface: server-rendered Jinja2 pages (autoescaped), no build step, no internet.

/                 event list with filters, map (Leaflet over the admin-1 polygons) and timeline
/events/{id}      figures, claims, toll chart, linked reports, texts with highlighted evidence
/documents        reports, searchable (normalised Arabic full text)
/documents/{id}   one report with its claims highlighted
/about            what Marsad is, the map data attribution
"""

from __future__ import annotations

import hmac
import re
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, select_autoescape

from marsad.reconcile.fatalities import event_deaths, event_killed
from marsad.serve import charts, reasons
from marsad.serve.api import event_filter, get_store
from marsad.serve.highlight import Mark, runs
from marsad.serve.i18n import term, translator
from marsad.store import EventFilter, Store

HERE = Path(__file__).parent
GAZETTEER = HERE.parent / "data" / "gazetteer"
PAGE_SIZE = 50
MAP_LIMIT = 1500  # newest geocoded events on the map (the list pages through all)

router = APIRouter(include_in_schema=False)
_env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(default=True),
                   trim_blocks=True, lstrip_blocks=True)
templates = Jinja2Templates(env=_env)


def _lang(request: Request) -> str:
    lang = request.query_params.get("lang") or request.cookies.get("marsad_lang") or ""
    if not lang:
        accept = request.headers.get("accept-language", "")
        lang = "ar" if accept[:2].lower() == "ar" else "en"
    return lang if lang in ("ar", "en") else "en"


def _render(request: Request, name: str, ctx: dict[str, Any], status: int = 200) -> HTMLResponse:
    lang = _lang(request)

    def url_with(**changes: Any) -> str:
        params = dict(request.query_params)
        for k, v in changes.items():
            if v is None:
                params.pop(k, None)
            else:
                params[k] = str(v)
        return request.url.path + ("?" + urlencode(params) if params else "")

    ctx = dict(ctx, request=request, lang=lang, t=translator(lang), tr=term(lang),
               dir="rtl" if lang == "ar" else "ltr",
               url_with=url_with, lang_q=f"lang={lang}", attribution_short=_attribution()[:1])
    response = templates.TemplateResponse(request, name, ctx, status_code=status)
    if request.query_params.get("lang") in ("ar", "en"):
        response.set_cookie("marsad_lang", lang, max_age=365 * 86400, samesite="lax")
    return response


def not_found(request: Request, detail: str) -> HTMLResponse:
    return _render(request, "not_found.html", {"detail": detail}, status=404)


@router.get("/", response_class=HTMLResponse)
@router.get("/events", response_class=HTMLResponse)
def index(request: Request, flt: EventFilter = Depends(event_filter), page: int = Query(1, ge=1, le=100000),
          store: Store = Depends(get_store)) -> HTMLResponse:
    total, items = store.list_events(flt, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
    return _render(request, "index.html", {
        "flt": flt, "total": total, "items": [dict(e, killed=_killed(e)) for e in items], "page": page,
        "pages": max(1, -(-total // PAGE_SIZE)), "facets": store.facets(),
        "points": _labelled(request, store.map_points(flt, limit=MAP_LIMIT)),
        "map_limited": total > MAP_LIMIT,
        "timeline": charts.timeline(store.event_dates(flt)),
        "export_query": urlencode({k: v for k, v in request.query_params.items()
                                   if k not in ("page", "lang") and v}),
    })


def _points(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """What the map script needs of each geocoded event (it sets every string as text, not HTML)."""
    return [{"id": e["event_id"], "lat": e["latitude"], "lon": e["longitude"], "type": e.get("event_type"),
             "date": e.get("date"), "place": e.get("location"), "killed": _killed(e)}
            for e in events if e.get("latitude") is not None and e.get("longitude") is not None]


def _labelled(request: Request, points: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Map points with the event type in the page's language (the colour still keys on the code)."""
    tr = term(_lang(request))
    return [dict(p, type_label=tr(p.get("type"))) for p in points]


def _killed(ev: dict[str, Any]) -> int | None:
    """The event's deaths by the one rule of marsad.reconcile.fatalities (None when none reported)."""
    return event_killed(ev)


REVIEW_FIELDS = {
    "retype": ("event_type", "sub_event_type"), "redate": ("date", "date_end"),
    "replace": ("location", "admin1", "country", "latitude", "longitude"), "note": ("text",),
    "merge": ("other",), "split": ("doc_ids",), "reject": ("claim_id",),
    "reattribute": ("claim_id", "claim_who", "claim_source"),
}


@router.post("/events/{event_id:path}/review")
async def review_form(request: Request, event_id: str, store: Store = Depends(get_store)) -> RedirectResponse:
    """The event page's review form: the service's token in the form (no script needed), then the
    same `marsad.store.review.add` as POST /api/events/{id}/reviews; back to the page either way."""
    from marsad.store import review

    form = await request.form()
    expected = request.app.state.token
    given = str(form.get("token") or "")
    page = f"/events/{quote(event_id, safe='')}"
    lang = f"lang={_lang(request)}"
    if not expected or not hmac.compare_digest(given.encode(), expected.encode()):
        why = "writes are disabled" if not expected else "wrong token"
        return RedirectResponse(f"{page}?{lang}&{urlencode({'review_error': why})}#review", status_code=303)
    op = str(form.get("op") or "")
    params: dict[str, Any] = {}
    for name in REVIEW_FIELDS.get(op, ()):
        values = [str(v) for v in form.getlist(name) if str(v).strip()]
        key = {"claim_who": "who", "claim_source": "source"}.get(name, name)
        if values:
            params[key] = values if name == "doc_ids" else values[0]
    try:
        review.add(store, event_id, op, params, str(form.get("who") or ""), str(form.get("why") or ""))
    except review.BadReview as e:
        error = urlencode({"review_error": str(e)})
        return RedirectResponse(f"{page}?{lang}&{error}#review", status_code=303)
    return RedirectResponse(f"{page}?{lang}&reviewed=1#review", status_code=303)


@router.get("/events/{event_id:path}", response_class=HTMLResponse)
def event_page(request: Request, event_id: str, store: Store = Depends(get_store)) -> HTMLResponse:
    ev = store.get_event(event_id)
    if ev is None:
        raise HTTPException(404, f"no event {event_id!r}")
    texts = store.documents_text(ev["doc_ids"])
    for c in ev["claims"]:
        c["anchor"] = "claim-" + _slug(c["id"])
    claims_by_doc: dict[str, list[dict[str, Any]]] = {}
    for c in ev["claims"]:
        claims_by_doc.setdefault(c["doc_id"], []).append(c)
    articles = []
    for d in ev["documents"]:
        doc = texts.get(d["id"])
        if doc is None:
            continue
        marks = _claim_marks(claims_by_doc.get(d["id"], []))
        marks += _event_marks(ev.get("evidence") or [], doc["text"], d["id"])
        articles.append(dict(doc, url=_safe_url(doc["url"]), runs=runs(doc["text"], marks),
                             reasons=d["reasons"], n_claims=len(claims_by_doc.get(d["id"], []))))
    t, tr = translator(_lang(request)), term(_lang(request))
    for d in ev["documents"]:
        d["why"] = [reasons.describe(r, t, tr) for r in d.get("reasons") or []]
    tiers = reasons.claim_tiers(ev.get("estimates") or [])
    for c in ev["claims"]:
        c["tier"] = tiers.get((c["doc_id"], c.get("kind"), c.get("value"), c.get("source"), c.get("stance")))
    order = {k: i for i, k in enumerate(charts.TOLL_KINDS)}
    ev["estimates"] = sorted(ev.get("estimates") or [], key=lambda e: (order.get(e.get("kind"), 99),
                                                                        -(e.get("best") or 0)))
    for e in ev["estimates"]:
        e["superseded_once"] = _superseded_once(e.get("superseded") or [])
    return _render(request, "event.html", {
        "ev": ev, "articles": articles, "tolls": charts.tolls(ev["claims"]), "tier_keys": reasons.TIER_KEYS,
        "points": _labelled(request, _points([ev])),
        "killed": _killed(ev), "deaths": event_deaths(ev), "can_review": bool(request.app.state.token),
        "taxonomy": _taxonomy(), "review_error": request.query_params.get("review_error"),
        "reviewed_now": request.query_params.get("reviewed") == "1",
    })


def _taxonomy() -> dict[str, list[str]]:
    from marsad.store.review import _taxonomy as taxonomy

    return taxonomy()


def _superseded_once(items: list[Any]) -> list[dict[str, Any]]:
    """Each superseded figure once (a count repeated by several reports is one figure), with the day
    it was first reported and every source that gave it."""
    by_value: dict[Any, dict[str, Any]] = {}
    for sp in sorted((x for x in items if isinstance(x, dict)), key=lambda x: str(x.get("date") or "9999")):
        seen = by_value.setdefault(sp.get("value"), {"value": sp.get("value"), "date": sp.get("date"),
                                                     "sources": []})
        if sp.get("source") and sp["source"] not in seen["sources"]:
            seen["sources"].append(sp["source"])
    return list(by_value.values())


def _claim_label(c: dict[str, Any]) -> str:
    value = c.get("value") if c.get("value") is not None else c.get("vague") or "?"
    if c.get("value_high") is not None:
        value = f"{value}-{c['value_high']}"
    parts = [f"{c.get('kind')} {value}", c.get("who"),
             f"source: {c.get('source')}" if c.get("source") else None,
             c.get("stance") if c.get("stance") != "asserted" else None]
    return " · ".join(str(p) for p in parts if p)


def _claim_marks(claims: list[dict[str, Any]]) -> list[Mark]:
    """The claim span itself, and every other mention span (headline repeats) of the same claim."""
    marks = []
    for c in claims:
        key = "claim-" + _slug(c["id"])
        label = _claim_label(c)
        marks.append(Mark(c["start"], c["end"], key, "claim", label))
        for s in c.get("spans") or []:
            if isinstance(s, dict) and (s.get("start"), s.get("end")) != (c["start"], c["end"]):
                marks.append(Mark(s["start"], s["end"], key, "claim", label))
    return marks


def _event_marks(evidence: list[dict[str, Any]], text: str, doc_id: str) -> list[Mark]:
    """Event evidence (trigger, date, place words) where the words really sit at those offsets."""
    return [Mark(s["start"], s["end"], f"ev-{_slug(doc_id)}-{s['start']}", "event", s.get("text") or "")
            for s in evidence
            if isinstance(s, dict) and s.get("text") and text[s["start"]:s["end"]] == s["text"]]


def _safe_url(url: str | None) -> str | None:
    """Only http(s) links are rendered as links: a `javascript:` URL in an article is just dropped."""
    return url if url and re.match(r"https?://", url, re.I) else None


def _slug(s: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]", "_", s)


@router.get("/documents", response_class=HTMLResponse)
def documents_page(request: Request, q: str | None = Query(None, max_length=200), outlet: str | None = None,
                   page: int = Query(1, ge=1, le=100000), store: Store = Depends(get_store)) -> HTMLResponse:
    total, items = store.list_documents(q=q or None, outlet=outlet or None, limit=PAGE_SIZE,
                                        offset=(page - 1) * PAGE_SIZE)
    return _render(request, "documents.html", {"q": q or "", "outlet": outlet or "", "total": total,
                                               "items": items, "page": page,
                                               "pages": max(1, -(-total // PAGE_SIZE))})


@router.get("/documents/{doc_id:path}", response_class=HTMLResponse)
def document_page(request: Request, doc_id: str, store: Store = Depends(get_store)) -> HTMLResponse:
    doc = store.get_document(doc_id)
    if doc is None:
        raise HTTPException(404, f"no document {doc_id!r}")
    for c in doc["claims"]:
        c["anchor"] = "claim-" + _slug(c["id"])
    doc["url"] = _safe_url(doc["url"])
    return _render(request, "document.html",
                   {"doc": doc, "runs": runs(doc["text"], _claim_marks(doc["claims"]))})


@router.get("/about", response_class=HTMLResponse)
def about(request: Request, store: Store = Depends(get_store)) -> HTMLResponse:
    return _render(request, "about.html", {"attribution": _attribution(), "counts": store.counts()})


@router.get("/geo/admin1.geojson")
def admin1() -> FileResponse:
    path = _admin1_path()
    if path is None:
        raise HTTPException(404, "admin-1 boundaries not installed")
    return FileResponse(path, media_type="application/geo+json")


@cache
def _admin1_path() -> Path | None:
    """Shipped in the package; during development the shared data folder next to the repository."""
    for p in (GAZETTEER / "admin1.geojson",
              HERE.parents[2] / "shared" / "data" / "gazetteer" / "admin1.geojson"):
        if p.exists():
            return p
    return None


@cache
def _attribution() -> list[str]:
    """The attribution lines of the gazetteer's NOTICE.md (first fenced block after its heading)."""
    for p in (GAZETTEER / "NOTICE.md", GAZETTEER / "README.md"):
        if p.exists():
            m = re.search(r"## Attribution text[^\n]*\n+```\n(.*?)```", p.read_text(encoding="utf-8"), re.S)
            if m:
                return [line for line in m.group(1).splitlines() if line.strip()]
    return ["Place names and boundaries: Who's On First, GeoNames, OCHA COD-AB (see marsad/data/gazetteer)."]
