"""Boilerplate marking (stub until the ingest work lands)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("marsad_boilerplate")
def mark_boilerplate(doc: Doc) -> Doc:
    doc._.boilerplate = []
    return doc
