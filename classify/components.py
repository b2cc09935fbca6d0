"""The spaCy components of the tagging pipeline, registered by name.

Each reads the article text (``doc.text``, built once per doc: spaCy joins it from the tokens on
every access) plus what earlier components left on ``doc._`` and stores its result on
``doc._.pantau_<what>``. The classifiers also read ``doc._.pantau_title``. Each factory
declares what it assigns and requires, so ``nlp.analyze_pipes()`` flags a pipeline built in an
order that starves a component (events need regions and relevance first).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from . import classifiers
from .events import find_events
from .laws import find_laws
from .officials import find_officials
from .regions import RegionMention, find_region_mentions, regions_from_mentions
from .scores import find_scores

_EXTENSIONS = (
    # Set by the caller before the pipeline runs.
    "pantau_published",
    "pantau_title",
    # Set by the components.
    "pantau_region_mentions",
    "pantau_regions",
    "pantau_laws",
    "pantau_officials",
    "pantau_scores",
    "pantau_events",
    "pantau_relevance",
)


TEXT_KEY = "pantau_text"


def register_extensions() -> None:
    for name in _EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined from the tokens once and then kept on the doc."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def _classifier_text(doc: Doc) -> str:
    title, text = doc._.pantau_title, doc_text(doc)
    return f"{title}\n{text}" if title and title not in text else text


def _mentions(doc: Doc) -> list[RegionMention]:
    return doc._.pantau_region_mentions or []


class RegionTagger:
    def __call__(self, doc: Doc) -> Doc:
        mentions = find_region_mentions(doc_text(doc))
        doc._.pantau_region_mentions = mentions
        doc._.pantau_regions = regions_from_mentions(doc_text(doc), mentions)
        return doc


class LawTagger:
    def __call__(self, doc: Doc) -> Doc:
        doc._.pantau_laws = find_laws(doc_text(doc))
        return doc


class OfficialTagger:
    def __call__(self, doc: Doc) -> Doc:
        doc._.pantau_officials = find_officials(doc_text(doc), _mentions(doc))
        return doc


class ScoreTagger:
    def __call__(self, doc: Doc) -> Doc:
        doc._.pantau_scores = find_scores(doc_text(doc), _mentions(doc))
        return doc


class EventTagger:
    def __call__(self, doc: Doc) -> Doc:
        settings = classifiers.metrics()["events"]
        relevance = doc._.pantau_relevance
        if relevance is None:  # a pipeline built without pantau_relevance before this component
            relevance = classifiers.relevance_score(_classifier_text(doc))
        doc._.pantau_events = find_events(
            doc_text(doc),
            doc._.pantau_published,
            _mentions(doc),
            classifiers.event_probabilities(_classifier_text(doc)),
            (settings["high"], settings["low"], settings["lead"]),
            relevance >= classifiers.relevance_threshold(),
        )
        return doc


class RelevanceTagger:
    def __call__(self, doc: Doc) -> Doc:
        doc._.pantau_relevance = classifiers.relevance_score(_classifier_text(doc))
        return doc


@Language.factory(
    "pantau_regions", assigns=["doc._.pantau_region_mentions", "doc._.pantau_regions"]
)
def make_regions(nlp: Language, name: str) -> RegionTagger:
    return RegionTagger()


@Language.factory("pantau_laws", assigns=["doc._.pantau_laws"])
def make_laws(nlp: Language, name: str) -> LawTagger:
    return LawTagger()


@Language.factory(
    "pantau_officials",
    assigns=["doc._.pantau_officials"],
    requires=["doc._.pantau_region_mentions"],
)
def make_officials(nlp: Language, name: str) -> OfficialTagger:
    return OfficialTagger()


@Language.factory(
    "pantau_scores", assigns=["doc._.pantau_scores"], requires=["doc._.pantau_region_mentions"]
)
def make_scores(nlp: Language, name: str) -> ScoreTagger:
    return ScoreTagger()


@Language.factory(
    "pantau_events",
    assigns=["doc._.pantau_events"],
    requires=["doc._.pantau_region_mentions", "doc._.pantau_relevance"],
)
def make_events(nlp: Language, name: str) -> EventTagger:
    return EventTagger()


@Language.factory("pantau_relevance", assigns=["doc._.pantau_relevance"])
def make_relevance(nlp: Language, name: str) -> RelevanceTagger:
    return RelevanceTagger()


register_extensions()
