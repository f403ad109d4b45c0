"""The API's shapes for its OpenAPI document (/api/docs): what POST /api/documents takes, what every
route answers. They document; the routes' answers are the store's dicts, and POST bodies are checked
by the ingest path (one clear error per bad article), so nothing here filters or rejects data."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class ArticleIn(BaseModel):
    """One article in the corpus format (only `text` is required)."""

    id: str | None = Field(None, description="your id; a stable hash of the text when absent",
                           examples=["ant-2018-000123"])
    title: str | None = Field(None, description="headline")
    text: str = Field(..., description="the article's full text (Arabic)")
    published: str | None = Field(None, description="publication date, ISO (2018-03-16)",
                                  examples=["2018-03-16"])
    outlet: str | None = Field(None, description="outlet name", examples=["Enab Baladi"])
    url: str | None = Field(None, description="the article's http(s) address")


class Estimate(_Open):
    kind: str = Field(..., examples=["killed"])
    who: str | None = Field(None, examples=["Civilians"])
    low: int | None = None
    best: int | None = None
    high: int | None = None
    disputed: bool = False
    n_claims: int = 0
    sources: list[str | None] = []
    timeline: list[dict[str, Any]] = []
    superseded: list[dict[str, Any]] = []


class EventSummary(_Open):
    event_id: str
    event_type: str | None = None
    sub_event_type: str | None = None
    date: str | None = None
    date_end: str | None = None
    country: str | None = None
    admin1: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    actors: list[str] = []
    estimates: list[Estimate] = []
    doc_ids: list[str] = []
    n_documents: int = 0
    version: int = 1
    status: str = "active"
    merged_into: str | None = None


class ClaimOut(_Open):
    id: str
    doc_id: str
    kind: str
    value: int | None = None
    value_high: int | None = None
    qualifier: str | None = None
    who: str | None = None
    source: str | None = None
    stance: str = Field("asserted", description="asserted | denied | unconfirmed (how the source states it)")
    start: int
    end: int
    evidence: str | None = None
    event_id: str | None = None


class DocumentRef(_Open):
    id: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    url: str | None = None
    reasons: list[dict[str, Any]] = Field([], description="why this report joined the incident")


class Revision(_Open):
    version: int
    action: str = Field(..., examples=["created", "updated", "merged", "reviewed"])
    at: str | None = None
    source: str | None = None
    changes: dict[str, Any] | None = None


class EventDetail(EventSummary):
    claims: list[ClaimOut] = []
    documents: list[DocumentRef] = []
    revisions: list[Revision] = []


class DocumentOut(_Open):
    id: str
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    text: str | None = Field(None, description="only in the one-document answer")
    claims: list[ClaimOut] | None = None


class _Page(BaseModel):
    total: int
    limit: int
    offset: int


class EventPage(_Page):
    items: list[EventSummary]


class DocumentPage(_Page):
    items: list[DocumentOut]


class ClaimPage(_Page):
    items: list[ClaimOut]


class FacetValue(BaseModel):
    value: str | None
    count: int


class Facets(_Open):
    country: list[FacetValue] = []
    admin1: list[FacetValue] = []
    event_type: list[FacetValue] = []


class IngestResult(_Open):
    read: int = Field(..., description="articles stored")
    failed: int = Field(..., description="articles refused, each in `errors`")
    errors: list[dict[str, Any]] = []


class ReviewIn(BaseModel):
    """A coder's decision (marsad.store.review): op, its params, who decides and why."""

    op: str = Field(..., description="retype | redate | replace | note | merge | split | reject | "
                                      "reattribute")
    params: dict[str, Any] = Field(default_factory=dict, examples=[{"event_type": "Battles",
                                                                    "sub_event_type": "Armed clash"}])
    who: str = Field(..., description="the coder's name", examples=["Huda"])
    why: str = Field(..., description="the reason, kept with the revision")


class ReviewOut(ReviewIn):
    id: int
    event_id: str
    at: str | None = None


class Problem(BaseModel):
    detail: str


def request_body(model: type[BaseModel]) -> dict[str, Any]:
    """An `openapi_extra` request body: one object of `model` or a list of them."""
    schema = model.model_json_schema()
    return {"requestBody": {"required": True, "content": {"application/json": {"schema": {
        "oneOf": [schema, {"type": "array", "items": schema, "maxItems": 2000}]}}}}}
