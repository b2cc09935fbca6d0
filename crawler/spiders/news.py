"""The generic news spider: every site of the sources file, from its home page alone."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any, Self
from urllib.parse import urljoin

import scrapy
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response, TextResponse
from scrapy.linkextractors import LinkExtractor
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from core.model import Page
from core.sources import Source, load_sources
from crawler import discovery
from crawler.state import shared_store
from crawler.urls import canonical_url, same_site

log = logging.getLogger(__name__)


class NewsSpider(scrapy.Spider):
    """Discovers articles through robots.txt sitemaps, feeds and listing pages.

    Run it as ``scrapy crawl news -a sources=sources.toml`` or through
    ``pantau crawl``; ``-a source=NAME`` limits a run to one site.
    """

    name = "news"

    def __init__(
        self,
        sources: str | None = None,
        source: str | None = None,
        max_pages: str | int | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self._sources_path = sources
        self._only = source
        self._max_pages_arg = int(max_pages) if max_pages else 0
        self.sources: dict[str, Source] = {}
        self.budget_used: Counter[str] = Counter()
        self._known: set[str] = set()
        self._links = LinkExtractor(unique=True)

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> Self:
        spider = super().from_crawler(crawler, *args, **kwargs)
        path = spider._sources_path or crawler.settings.get("PANTAU_SOURCES")
        sources = load_sources(path)
        if spider._only:
            sources = [s for s in sources if s.name == spider._only]
        spider.sources = {s.name: s for s in sources}
        # Settings are still open here: give each site its own politeness delay
        # (Scrapy keys download slots by host) and let AutoThrottle start there.
        slots = {s.host: {"delay": s.delay, "concurrency": 1} for s in sources}
        floor = min((s.delay for s in sources), default=crawler.settings.getfloat("DOWNLOAD_DELAY"))
        crawler.settings.set("DOWNLOAD_SLOTS", slots, priority="spider")
        crawler.settings.set("DOWNLOAD_DELAY", floor, priority="spider")
        crawler.settings.set("AUTOTHROTTLE_START_DELAY", floor, priority="spider")
        return spider

    async def start(self) -> AsyncIterator[Any]:
        self._known = shared_store(self.crawler).known_article_urls()
        for src in self.sources.values():
            yield self._request(
                src, urljoin(src.url, "/robots.txt"), self.parse_robots, budget=False
            )
            yield self._request(src, src.url, self.parse_page)
            for url in src.feeds:
                yield self._request(src, url, self.parse_feed)
            for url in src.sitemaps:
                yield self._request(src, url, self.parse_sitemap)
            for url in src.listing:
                yield self._request(src, url, self.parse_page)

    def _max_pages(self, src: Source) -> int:
        global_cap = self._max_pages_arg or self.settings.getint("PANTAU_MAX_PAGES")
        return min(src.max_pages, global_cap) if global_cap else src.max_pages

    def _request(
        self, src: Source, url: str, callback: Any, *, budget: bool = True, **meta: Any
    ) -> scrapy.Request | None:
        if budget:
            if self.budget_used[src.name] >= self._max_pages(src):
                return None
            self.budget_used[src.name] += 1
        return scrapy.Request(
            url,
            callback=callback,
            errback=self.on_error,
            cb_kwargs={"source": src.name},
            meta={"pantau_source": src.name, **meta},
        )

    def on_error(self, failure: Failure) -> Any:
        """Count a failed request by kind for the run's per-source statistics."""
        request = failure.request  # type: ignore[attr-defined]
        source = request.meta.get("pantau_source", "")
        if failure.check(HttpError):
            kind = f"http_{failure.value.response.status}"
        elif failure.check(IgnoreRequest):
            kind = "ignored"
        else:
            kind = type(failure.value).__name__
        assert self.crawler.stats is not None
        self.crawler.stats.inc_value(f"pantau/errors/{source}/{kind}")
        log.info("%s %s: %s", source, request.url, kind)
        if request.callback == self.parse_robots and source in self.sources:
            # No robots.txt: look for a sitemap where most CMSs put one.
            src = self.sources[source]
            req = self._request(src, urljoin(src.url, "/sitemap.xml"), self.parse_sitemap)
            if req:
                yield req

    def _follow(self, src: Source, url: str, callback: Any) -> scrapy.Request | None:
        url = canonical_url(url)
        if not same_site(url, src.domains) or url in self._known:
            return None
        return self._request(src, url, callback)

    def parse_robots(self, response: Response, source: str) -> Any:
        src = self.sources[source]
        found = (
            discovery.sitemaps_in_robots(response.text)
            if isinstance(response, TextResponse)
            else []
        )
        for url in found or [urljoin(src.url, "/sitemap.xml")]:
            req = self._request(src, url, self.parse_sitemap)
            if req:
                yield req

    def parse_sitemap(self, response: Response, source: str) -> Any:
        src = self.sources[source]
        kind, entries = discovery.sitemap_entries(response.body)
        callback = self.parse_sitemap if kind == "sitemapindex" else self.parse_page
        for loc, _lastmod in entries:
            req = (
                self._follow(src, loc, callback)
                if kind != "sitemapindex"
                else self._request(src, loc, callback)
            )
            if req:
                yield req

    def parse_feed(self, response: Response, source: str) -> Any:
        src = self.sources[source]
        for link in discovery.feed_entries(response.body):
            req = self._follow(src, response.urljoin(link), self.parse_page)
            if req:
                yield req

    def parse_page(self, response: Response, source: str) -> Any:
        if not isinstance(response, TextResponse):
            return
        src = self.sources[source]
        sel = response.selector
        is_article = discovery.looks_like_article(sel, response.url)
        url = canonical_url(response.url)
        if is_article:
            declared = discovery.canonical_link(sel)
            if declared and same_site(response.urljoin(declared), src.domains):
                url = canonical_url(response.urljoin(declared))
        yield Page(
            url=url,
            html=response.text,
            source=source,
            status=response.status,
            fetched_at=datetime.now(UTC),
            kind="article" if is_article else "listing",
            requested_url=response.url,
            etag=_header(response, b"ETag"),
            last_modified=_header(response, b"Last-Modified"),
        )
        for href in discovery.feed_links(sel):
            req = self._follow(src, response.urljoin(href), self.parse_feed)
            if req:
                yield req
        for link in self._links.extract_links(response):
            req = self._follow(src, link.url, self.parse_page)
            if req:
                yield req


def _header(response: Response, name: bytes) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None
