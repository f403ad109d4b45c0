"""Numeric claims about people (stub until the claims work lands)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("marsad_claims")
def extract_claims(doc: Doc) -> Doc:
    doc._.claims = []
    return doc
