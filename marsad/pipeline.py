"""The per-document pipeline: ordered stages over one spaCy Doc, like spaCy's own `nlp.pipe`.

    boilerplate -> sentences -> claims -> events

Each stage is a registered spaCy component in its own module; this file only says which run
and in what order. Corpus-level stages (dedup, linking, reconciliation) run in `marsad.run`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

# Importing a stage's module registers its component with spaCy.
import marsad.extract.claims  # noqa: F401
import marsad.extract.events  # noqa: F401
import marsad.text.boilerplate  # noqa: F401
from marsad.model import Article
from marsad.text.nlp import make_nlp

STAGES = ["marsad_boilerplate", "marsad_claims", "marsad_events"]


def build(stages: list[str] | None = None) -> Language:
    """The spaCy pipeline with Marsad's stages (sentences are split right after tokenising)."""
    nlp = make_nlp()
    for name in stages if stages is not None else STAGES:
        nlp.add_pipe(name, before="marsad_sentences" if name == "marsad_boilerplate" else None)
    return nlp


def process(nlp: Language, articles: Iterable[Article], batch_size: int = 32,
            on_error: Callable[[Article, Exception], None] | None = None) -> Iterator[Doc]:
    """Run the pipeline over articles; each Doc carries its Article in `doc._.article`.

    An article the tokenizer cannot read goes to `on_error` (or raises when none is given) and the
    others go on; stage failures are handled by the pipeline's own error handler.
    """
    yield from nlp.pipe(_make_docs(nlp, articles, on_error), batch_size=batch_size)


def _make_docs(nlp: Language, articles: Iterable[Article],
               on_error: Callable[[Article, Exception], None] | None) -> Iterator[Doc]:
    """Tokenise and attach the article first, so every stage can read its metadata."""
    for article in articles:
        try:
            doc = nlp.make_doc(article.text)
        except Exception as exc:  # noqa: BLE001 - one unreadable article must not stop the batch
            if on_error is None:
                raise
            on_error(article, exc)
            continue
        doc._.article = article
        yield doc
