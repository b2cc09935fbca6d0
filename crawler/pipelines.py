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

import classify
import extract
from core.model import Page
from crawler.items import PageItem
from crawler.state import shared_store

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
    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self.runs: dict[str, int] = {}

    def process_item(self, item: PageItem) -> PageItem:
        store = shared_store(self.crawler)
        page = item.page
        is_article = page.kind == "article"
        content_hash = store.record_page(
            page.url,
            page.source,
            page.status,
            page.fetched_at,
            # Raw HTML is kept for articles only: it is what `pantau reprocess` re-reads.
            page.html if is_article else None,
            canonical_url=page.url,
            etag=page.etag,
            last_modified=page.last_modified,
            kind=page.kind,
            requested_url=page.requested_url,
        )
        for n, (url, html) in enumerate(
            zip(page.continuation_urls, page.continuation, strict=True), 2
        ):
            store.record_page(
                url,
                page.source,
                page.status,
                page.fetched_at,
                html,
                kind="part",
                part_of=page.url,
                part_no=n,
            )
        self.count("pages", page.source)
        if item.article is not None and item.tags is not None:
            new = store.save_article(
                item.article,
                item.tags,
                pipeline_version=classify.PIPELINE_VERSION,
                content_hash=content_hash,
            )
            if new:
                self.count("new_articles", page.source)
        return item
