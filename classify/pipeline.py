"""Build the tagging pipeline once and turn an Article into Tags with it."""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language

from core.model import Article, Tags

from . import components

PIPE_NAMES = ("pantau_regions", "pantau_laws")


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
    return Tags(
        id=article.id,
        regions=doc._.pantau_regions,
        laws=doc._.pantau_laws,
    )
