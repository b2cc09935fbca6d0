"""Build the tagging pipeline once and turn an Article into Tags with it."""

from __future__ import annotations

import re
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from core.model import Article, Tags

from . import classifiers, components

PIPE_NAMES = (
    "pantau_regions",
    "pantau_laws",
    "pantau_officials",
    "pantau_scores",
    "pantau_relevance",
    "pantau_events",
)


@cache
def load_nlp() -> Language:
    """``spacy.blank("id")`` with the Pantau components, built once per process."""
    components.register_extensions()
    nlp = spacy.blank("id")
    for name in PIPE_NAMES:
        nlp.add_pipe(name)
    return nlp


# Runs of non-space with the one space after them, or a single other whitespace character.
_TOKEN = re.compile(r"\S+ ?|\s")
# spaCy's string store cannot hold lone surrogates (JSON's "\ud800" escapes make them).
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _whitespace_doc(nlp: Language, text: str) -> Doc:
    """A Doc of whitespace-separated tokens whose text is exactly ``text``. The components read
    characters, not tokens, and the rule-based tokenizer would cost more than all of them."""
    runs = _TOKEN.findall(text)
    if _SURROGATE.search(text):
        # Replaced one for one in the tokens only: the components read ``text`` itself.
        runs = [_SURROGATE.sub("\ufffd", run) for run in runs]
    spaces = [len(run) > 1 and run[-1] == " " for run in runs]
    words = [run[:-1] if spaced else run for run, spaced in zip(runs, spaces, strict=True)]
    doc = Doc(nlp.vocab, words=words, spaces=spaces)
    doc.user_data[components.TEXT_KEY] = text
    return doc


def tag(article: Article) -> Tags:
    """Tags for one article; every evidence span indexes ``article.text`` (the title is not
    part of the document, it only informs the relevance and event classifiers)."""
    nlp = load_nlp()
    doc = _whitespace_doc(nlp, article.text)
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
