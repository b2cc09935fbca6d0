"""Item pipelines: short ordered steps, validate -> extract -> tag -> store.

Each step is a small class configured in ``from_crawler``; a step that finds
nothing to do passes the item on, so the store still records every fetched
page. Statistics go to Scrapy's stats collector under ``pantau/``.
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem
from scrapy.utils.defer import deferred_from_coro

import classify
import extract
from core.errors import StoreError
from core.model import Page
from crawler.items import PageItem
from crawler.state import crawl_store

log = logging.getLogger(__name__)


class _Step:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Any:
        return cls(crawler)

    def count(self, key: str, source: str) -> None:
        assert self.stats is not None
        self.stats.inc_value(f"pantau/{key}")
        self.stats.inc_value(f"pantau/{key}/{source}")


class ValidatePipeline(_Step):
    def process_item(self, item: Any) -> PageItem:
        if isinstance(item, PageItem):
            return item
        if not isinstance(item, Page):
            raise DropItem(f"not a page: {type(item).__name__}")
        if item.kind == "article" and not item.html.strip():
            self.count("empty_pages", item.source)
            raise DropItem(f"empty page: {item.url}")
        return PageItem(page=item)


class ExtractPipeline(_Step):
    def process_item(self, item: PageItem) -> PageItem:
        page = item.page
        if page.kind != "article":
            return item
        try:
            item.article = extract.article_from_html(
                page.html, page.url, source=page.source, pages=page.continuation
            )
        except Exception as exc:  # a broken page must not stop the crawl of the site
            log.warning("extraction failed for %s: %s", page.url, exc)
            item.skipped = f"extraction error: {exc}"
        if item.article is None:
            item.skipped = item.skipped or "no article text"
            self.count("extraction_failures", page.source)
        return item


class TagPipeline(_Step):
    def process_item(self, item: PageItem) -> PageItem:
        if item.article is not None:
            item.tags = classify.tag(item.article)
        return item


class StorePipeline(_Step):
    """Hands items to the crawl's ``CrawlStore``, which writes them in short batches."""

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self.store = crawl_store(crawler)

    def _written(self, items: list[PageItem]) -> None:
        for item in items:
            self.count("new_articles", item.page.source)

    def process_item(self, item: PageItem) -> PageItem:
        if self.store.failure is not None:
            return item  # the crawl is closing after a failed write
        self.count("pages", item.page.source)
        try:
            self._written(self.store.add(item))
        except StoreError as exc:
            self.store.failure = exc
            # Every later batch would fail alike (disk full, file made read-only).
            assert self.crawler.engine is not None
            deferred_from_coro(self.crawler.engine.close_spider_async(reason="store_error"))
        return item

    def close_spider(self) -> None:
        if self.store.failure is not None:
            return
        try:
            self._written(self.store.flush())
        except StoreError as exc:
            self.store.failure = exc
