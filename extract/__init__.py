"""Extraction stage: HTML page -> ``core.model.Article``.

Public API: ``article_from_html`` and ``to_json``; ``fingerprint`` and ``Fingerprint`` (near-
duplicate MinHash, see ``extract.dedupe``) for the crawler and the store; everything else is
private."""

from extract.core import article_from_html, to_json
from extract.dedupe import Fingerprint, fingerprint

__all__ = ["Fingerprint", "article_from_html", "fingerprint", "to_json"]
