"""Per-article incidents (stub until the events work lands)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("marsad_events")
def extract_events(doc: Doc) -> Doc:
    doc._.events = []
    return doc
