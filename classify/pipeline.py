"""Build the tagging pipeline once and turn an Article into Tags with it."""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language

from core.model import Article, Tags

from . import classifiers, components

PIPE_NAMES = (
    "pantau_regions",
    "pantau_laws",
    "pantau_officials",
    "pantau_scores",
    "pantau_events",
    "pantau_relevance",
)


@cache
def load_nlp() -> Language:
    """``spacy.blank("id")`` with the Pantau components, built once per process."""
    components.register_extensions()
    nlp = spacy.blank("id")
    for name in PIPE_NAMES:
        nlp.add_pipe(name)
    return nlp


def tag(article: Article) -> Tags:
    """Tags for one article; every evidence span indexes ``article.text`` (the title is not
    part of the document, it only informs the relevance and event classifiers)."""
    nlp = load_nlp()
    doc = nlp.make_doc(article.text)
    doc._.pantau_published = article.published.date() if article.published else None
    doc._.pantau_title = article.title
    doc = nlp(doc)
    relevance = doc._.pantau_relevance
    return Tags(
        id=article.id,
        relevant=relevance >= classifiers.relevance_threshold(),
        relevance=relevance,
        regions=doc._.pantau_regions,
        officials=doc._.pantau_officials,
        scores=doc._.pantau_scores,
        events=doc._.pantau_events,
        laws=doc._.pantau_laws,
    )
