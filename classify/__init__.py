"""Tagging: regions, officials, scores, events, laws and relevance of an article.

Public API: ``tag(article) -> Tags``, ``load_nlp() -> spacy.Language``, ``PIPELINE_VERSION``.
Evidence spans index ``article.text``; the title only feeds the classifiers.
"""

from .pipeline import load_nlp, tag

PIPELINE_VERSION = "0.1.0"

__all__ = ["PIPELINE_VERSION", "load_nlp", "tag"]
