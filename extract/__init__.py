"""Extraction stage: HTML page -> ``core.model.Article``.

Public API: ``article_from_html`` and ``to_json``; everything else is private."""

from extract.core import article_from_html, to_json

__all__ = ["article_from_html", "to_json"]
