"""The spaCy components of the tagging pipeline, registered by name.

Each reads ``doc.text`` (the article text) plus what earlier components left on ``doc._`` and
stores its result on ``doc._.pantau_<what>``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .laws import find_laws
from .regions import find_region_mentions, regions_from_mentions

_EXTENSIONS = (
    # Set by the caller before the pipeline runs.
    "pantau_published",
    "pantau_title",
    # Set by the components.
    "pantau_region_mentions",
    "pantau_regions",
    "pantau_laws",
)


def register_extensions() -> None:
    for name in _EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


class RegionTagger:
    def __call__(self, doc: Doc) -> Doc:
        mentions = find_region_mentions(doc.text)
        doc._.pantau_region_mentions = mentions
        doc._.pantau_regions = regions_from_mentions(doc.text, mentions)
        return doc


class LawTagger:
    def __call__(self, doc: Doc) -> Doc:
        doc._.pantau_laws = find_laws(doc.text)
        return doc


@Language.factory("pantau_regions")
def make_regions(nlp: Language, name: str) -> RegionTagger:
    return RegionTagger()


@Language.factory("pantau_laws")
def make_laws(nlp: Language, name: str) -> LawTagger:
    return LawTagger()


register_extensions()
