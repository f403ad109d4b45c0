"""The FastAPI application: JSON API under /api, the web interface at /, static files under /static.

`create_app(db_url, token)` builds it around one open `Store`. Reads are open; writes need the bearer
token given here (or in MARSAD_TOKEN), and without one configured every write is refused (403).
Bodies above `max_body` bytes get 413 before they are read whole.
"""

from __future__ import annotations

import logging
import os
from contextlib import asynccontextmanager
from pathlib import Path
from urllib.parse import unquote_plus

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Receive, Scope, Send

from marsad.store import Store

logger = logging.getLogger(__name__)
STATIC = Path(__file__).parent / "static"
DEFAULT_MAX_BODY = 20 * 1024 * 1024  # 20 MB: a few thousand articles per request

SECURITY_HEADERS = {
    # No inline script anywhere: data reaches scripts as JSON in <script type="application/json">.
    "content-security-policy": ("default-src 'self'; img-src 'self' data:; "
                                "style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; "
                                "base-uri 'none'; frame-ancestors 'none'"),
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
}


SWAGGER_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Marsad API</title>
<link rel="icon" href="data:,"><link rel="stylesheet" href="/static/swagger/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/static/swagger/swagger-ui-bundle.js"></script>
<script src="/static/swagger-init.js"></script>
</body></html>
"""


class BodyLimit:
    """ASGI middleware: 413 when Content-Length, or the bytes actually streamed, exceed the limit."""

    def __init__(self, app: ASGIApp, max_body: int) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length" and value.isdigit() and int(value) > self.max_body:
                await _too_large(self.max_body)(scope, receive, send)
                return
        seen = 0
        started = False

        async def counting_receive():
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body:
                    raise _BodyTooLarge
            return message

        async def tracking_send(message):
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except _BodyTooLarge:
            if not started:
                await _too_large(self.max_body)(scope, receive, send)


class _BodyTooLarge(Exception):
    pass


def _too_large(limit: int) -> JSONResponse:
    return JSONResponse({"detail": f"request body larger than {limit} bytes"}, status_code=413)


def create_app(db_url: str, token: str | None = None, max_body: int = DEFAULT_MAX_BODY) -> FastAPI:
    """The service over the store at `db_url`; `token` (or MARSAD_TOKEN) enables writes."""
    from marsad.serve import api, web

    app = FastAPI(title="Marsad", version="0.1.0",
                  description="Sourced conflict events from Arabic news: incidents, claims with evidence, "
                              "reports and revisions. Reads are open; POST needs `Authorization: Bearer`.",
                  docs_url=None, redoc_url=None, openapi_url="/api/openapi.json", lifespan=_lifespan)
    app.state.store = Store(db_url)
    app.state.db_url = app.state.store.url
    app.state.token = token or os.environ.get("MARSAD_TOKEN") or None
    app.state.max_body = max_body
    app.include_router(api.router)
    app.include_router(web.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/api/docs", include_in_schema=False)
    def api_docs() -> HTMLResponse:
        """Swagger UI from the package's own copy (offline; no inline script, as the CSP demands)."""
        return HTMLResponse(SWAGGER_PAGE)
    app.add_middleware(BodyLimit, max_body=max_body)

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        if "\x00" in unquote_plus(request.url.query):  # no store can hold it; PostgreSQL errors on it
            response = JSONResponse({"detail": "NUL character in the query"}, status_code=400)
        else:
            try:
                response = await call_next(request)
            except Exception:  # noqa: BLE001 - a bug answers 500 without details, headers still set
                logger.exception("request failed: %s %s", request.method, request.url.path)
                response = JSONResponse({"detail": "internal error"}, status_code=500)
        for k, v in SECURITY_HEADERS.items():
            response.headers.setdefault(k, v)
        return response

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        if not request.url.path.startswith("/api") and exc.status_code == 404:
            return web.not_found(request, str(exc.detail))
        return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        errors = [{"loc": list(e.get("loc", [])), "msg": e.get("msg")} for e in exc.errors()]
        return JSONResponse({"detail": "invalid request", "errors": errors}, status_code=422)

    return app


@asynccontextmanager
async def _lifespan(app: FastAPI):
    yield
    app.state.store.close()
