"""The input record: one article of the corpus format, checked field by field at the boundary.

Every corpus JSONL line, JSON array item and article POSTed to the service passes through
`parse_record` before anything else reads it, so a badly typed field is one clear error for that
record (naming the field) and never an exception deep in a later stage. The rules:

- `text` is a non-empty string; `id`, `title`, `published`, `outlet`, `url` are strings or absent
  (null). Nothing is coerced: a number or a list where a string belongs is an error, because a
  silently stringified id or title is a different record from the one the user sent.
- `id` and `outlet` fit the store's columns (200 characters); an `id` holds no control characters.
- A NUL character (which PostgreSQL cannot store) becomes U+FFFD, one character for one, so every
  offset into the text stays what it was.
- Fields outside the format are ignored.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, StringConstraints, ValidationError, field_validator

MAX_ID_CHARS = 200
MAX_OUTLET_CHARS = 200
FIELDS = ("id", "title", "text", "published", "outlet", "url")

Id = Annotated[str, StringConstraints(min_length=1, max_length=MAX_ID_CHARS, pattern=r"^[^\x00-\x1f\x7f]+$")]


class InputRecord(BaseModel):
    """One article as the corpus format and the service's POST /api/documents give it."""

    model_config = ConfigDict(strict=True, extra="ignore", frozen=True)

    id: Id | None = None
    title: str | None = None
    text: str
    published: str | None = None
    outlet: Annotated[str, StringConstraints(max_length=MAX_OUTLET_CHARS)] | None = None
    url: str | None = None

    @field_validator("title", "text", "published", "outlet", "url")
    @classmethod
    def _no_nul(cls, value: str | None) -> str | None:
        return value.replace("\x00", "\ufffd") if value else value

    @field_validator("text")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must not be empty")
        return value


def parse_record(row: Any) -> InputRecord | str:
    """The checked record, or the reason it is rejected (one line naming every bad field)."""
    if not isinstance(row, dict):
        return f"expected a JSON object with the article's fields, got {_type_name(row)}"
    try:
        return InputRecord.model_validate(row)
    except ValidationError as e:
        return "; ".join(_problem(err, row) for err in e.errors())
    except RecursionError:
        return "fields nested too deeply"


def known_id(row: Any) -> str | None:
    """The id of a rejected record when it is still usable, so its error names the document."""
    if isinstance(row, dict) and isinstance(row.get("id"), str) and 0 < len(row["id"]) <= MAX_ID_CHARS:
        return row["id"]
    return None


def _problem(err: Any, row: dict[str, Any]) -> str:
    field = ".".join(str(p) for p in err.get("loc", ())) or "record"
    if err.get("type") == "missing":
        return f"field '{field}' is missing"
    given = row.get(field) if field in row else None
    msg = err.get("msg", "invalid").removeprefix("Value error, ")
    return f"field '{field}': {msg} (got {_type_name(given)})"


def _type_name(value: Any) -> str:
    return {dict: "an object", list: "a list", str: "a string", bool: "a boolean", int: "a number",
            float: "a number", type(None): "null"}.get(type(value), type(value).__name__)
