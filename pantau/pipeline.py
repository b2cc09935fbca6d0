"""The processing path shared by ``pantau run`` and ``reprocess``: HTML -> Article -> Tags."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import classify
import extract
from core.model import Article, Tags
from crawler.dedupe import mark_duplicates
from store import Store

log = logging.getLogger(__name__)
# Articles written per transaction: one statement per table per batch, not per article.
BATCH = 500


def process_html(
    html: str, url: str, source: str | None = None, parts: Sequence[str] = ()
) -> tuple[Article, Tags] | None:
    article = extract.article_from_html(html, url, source=source, pages=parts)
    if article is None:
        return None
    return article, classify.tag(article)


@dataclass(slots=True)
class ReprocessSummary:
    pages: int = 0
    articles: int = 0
    skipped: int = 0


def reprocess(db: str | Path, on_page: Callable[[], None] | None = None) -> ReprocessSummary:
    """Re-extract and re-tag every stored raw page with the current code and models.

    Rows are replaced by article id, so running it twice changes nothing the
    second time.
    """
    summary = ReprocessSummary()
    with Store(db) as store:
        batch: list[tuple[Article, Tags, str | None]] = []
        for url, source, html, parts in store.raw_pages():
            summary.pages += 1
            result = process_html(html, url, source, parts)
            if result is None:
                summary.skipped += 1
            else:
                batch.append((*result, None))
                summary.articles += 1
            if len(batch) >= BATCH:
                _save(store, batch)
                batch = []
            if on_page:
                on_page()
        _save(store, batch)
    return summary


def _save(store: Store, batch: list[tuple[Article, Tags, str | None]]) -> None:
    # One transaction, as a crawl batch: a write failing half-way (disk full) must not
    # leave fingerprints recorded for articles whose new version was not saved.
    with store.batch():
        mark_duplicates(store, [article for article, _, _ in batch])
        store.save_articles(batch, classify.PIPELINE_VERSION)
