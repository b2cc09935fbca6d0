"""Near-duplicate marking in the crawl: one press release run by several outlets gets
``dup_of`` pointing at the first copy stored.

Two halves, because the crawl opens DuckDB only to write a batch (``crawler.state``):

- ``DedupePipeline`` (an item pipeline, after extraction) computes each article's MinHash
  fingerprint (``extract.dedupe``), the CPU part, and keeps it for the batch write;
- ``mark_duplicates(store, articles, fingerprints)`` runs on the open store just before
  ``save_articles`` of a batch: it records the fingerprints and sets ``Article.dup_of`` from
  ``Store.resolve_near_duplicates``, in the database's own order of first sight, so copies
  in earlier runs, earlier batches and earlier in the same batch all count, and a re-saved
  or reprocessed article keeps the ``dup_of`` it had.

``pantau reprocess`` calls ``mark_duplicates`` on each batch without fingerprints (they are
computed there).
"""

from __future__ import annotations

from collections.abc import MutableMapping, Sequence
from typing import Any, Self

from scrapy.crawler import Crawler

from core.model import Article
from crawler.items import PageItem
from extract.dedupe import THRESHOLD, Fingerprint, fingerprint
from store import Store

_ATTR = "_pantau_fingerprints"


def fingerprint_cache(crawler: Crawler) -> dict[str, Fingerprint]:
    """This crawl's fingerprints not yet written, by article id (shared by pipeline and store
    step; ``mark_duplicates`` takes them out as it writes them)."""
    cache: dict[str, Fingerprint] | None = getattr(crawler, _ATTR, None)
    if cache is None:
        cache = {}
        setattr(crawler, _ATTR, cache)
    return cache


class DedupePipeline:
    """Fingerprint each extracted article for near-duplicate detection at the store step."""

    def __init__(self, cache: dict[str, Fingerprint]) -> None:
        self.cache = cache

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(fingerprint_cache(crawler))

    def process_item(self, item: Any) -> Any:
        if isinstance(item, PageItem) and item.article is not None:
            self.cache[item.article.id] = fingerprint(item.article.text)
        return item


def mark_duplicates(
    store: Store,
    articles: Sequence[Article],
    fingerprints: MutableMapping[str, Fingerprint] | None = None,
) -> int:
    """Set ``dup_of`` on each of ``articles`` (a batch about to be saved, in crawl order) and
    record their fingerprints; returns how many are duplicates.

    Fingerprints found in ``fingerprints`` are used and removed from it; the others are
    computed. A duplicate's ``dup_of`` is the first stored copy, never the article itself.
    """
    if not articles:
        return 0
    cache = fingerprints if fingerprints is not None else {}
    entries = [(a.id, cache.pop(a.id, None) or fingerprint(a.text)) for a in articles]
    found = store.resolve_near_duplicates(entries, min_similarity=THRESHOLD)
    for article in articles:
        article.dup_of = found.get(article.id)
    return sum(1 for a in articles if a.dup_of is not None)
