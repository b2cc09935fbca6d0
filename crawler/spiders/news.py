"""The generic news spider: every site of the sources file, from its home page alone."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, date, datetime
from typing import Any, Self
from urllib.parse import urljoin

import scrapy
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response, TextResponse
from scrapy.link import Link
from scrapy.linkextractors import LinkExtractor
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from core.errors import HostileInput
from core.model import Page
from core.sources import Source, load_sources
from crawler import discovery
from crawler.frontier import Frontier
from crawler.state import CrawlStore, crawl_store
from crawler.urls import canonical_url

log = logging.getLogger(__name__)

# Where CMSs put their feed when a page does not announce one.
GUESSED_FEEDS = {"wordpress": "/feed/", "blogger": "/feeds/posts/default"}
# Links read from one page. A regional home page offers a few hundred; reading a hundred
# thousand takes Scrapy's link extractor half a minute, during which the whole crawl stalls.
MAX_LINKS_PER_PAGE = 1000
_ANCHORS = "//a[@href] | //area[@href]"


class NewsSpider(scrapy.Spider):
    """Discovers articles through robots.txt sitemaps, feeds and listing pages.

    Run it as ``scrapy crawl news -a sources=sources.toml`` or through
    ``pantau crawl``. Arguments: ``source=NAME`` crawls one site only,
    ``max_pages=N`` caps each site's page budget, ``since=YYYY-MM-DD`` skips feed
    and sitemap entries dated earlier.
    """

    name = "news"

    def __init__(
        self,
        sources: str | None = None,
        source: str | None = None,
        max_pages: str | int | None = None,
        since: str | date | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self._sources_path = sources
        self._only = source
        self._max_pages_arg = int(max_pages) if max_pages else 0
        self.since = _as_datetime(since)
        self.sources: dict[str, Source] = {}
        self.frontiers: dict[str, Frontier] = {}
        self.state: CrawlStore
        self._links = LinkExtractor(unique=True)
        self._first_links = LinkExtractor(
            unique=True, restrict_xpaths=f"({_ANCHORS})[position() <= {MAX_LINKS_PER_PAGE}]"
        )
        self._inflate_limit = discovery.SITEMAP_MAX_BYTES
        self._logged: set[tuple[str, str]] = set()

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> Self:
        spider = super().from_crawler(crawler, *args, **kwargs)
        path = spider._sources_path or crawler.settings.get("PANTAU_SOURCES")
        sources = load_sources(path)
        if spider._only:
            sources = [s for s in sources if s.name == spider._only]
        spider.sources = {s.name: s for s in sources}
        depth = crawler.settings.getint("DEPTH_LIMIT")
        length = crawler.settings.getint("URLLENGTH_LIMIT")
        spider.frontiers = {
            s.name: Frontier(
                s, max_depth=depth, max_url_length=length, max_pages=spider._max_pages(s)
            )
            for s in sources
        }
        spider.state = crawl_store(crawler)
        # A gzipped sitemap may inflate to what a download may be, and no more.
        maxsize = crawler.settings.getint("DOWNLOAD_MAXSIZE")
        spider._inflate_limit = maxsize or discovery.SITEMAP_MAX_BYTES
        # Settings are still open here: give each site its own politeness delay
        # (Scrapy keys download slots by host) and let AutoThrottle start there.
        per_site = crawler.settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN")
        slots = {s.host: {"delay": s.delay, "concurrency": per_site} for s in sources}
        floor = min((s.delay for s in sources), default=crawler.settings.getfloat("DOWNLOAD_DELAY"))
        crawler.settings.set("DOWNLOAD_SLOTS", slots, priority="spider")
        crawler.settings.set("DOWNLOAD_DELAY", floor, priority="spider")
        crawler.settings.set("AUTOTHROTTLE_START_DELAY", floor, priority="spider")
        return spider

    # -- requests ---------------------------------------------------------------------

    def _max_pages(self, src: Source) -> int:
        cap = self._max_pages_arg or self.settings.getint("PANTAU_MAX_PAGES")
        return min(src.max_pages, cap) if cap else src.max_pages

    def _once(self, src: Source, stat: str, what: str, message: str, *args: Any) -> None:
        """Count ``stat`` and log ``message`` the first time ``what`` happens on a site.

        Caps and refusals can hit thousands of times a run; the stats keep the counts.
        """
        assert self.crawler.stats is not None
        self.crawler.stats.inc_value(stat)
        if (src.name, what) not in self._logged:
            self._logged.add((src.name, what))
            log.info(message, *args)

    def _spent(self, src: Source) -> bool:
        """True once the site's page budget for this run is used up (counted and logged)."""
        if not self.frontiers[src.name].exhausted:
            return False
        self._budget_spent(src)
        return True

    def _budget_spent(self, src: Source) -> None:
        self._once(
            src,
            f"pantau/budget_exhausted/{src.name}",
            "budget",
            "%s: page budget of %d requests spent; the rest waits for the next run",
            src.name,
            self._max_pages(src),
        )

    def _request(
        self,
        src: Source,
        url: str,
        callback: Any,
        *,
        conditional: bool = False,
        budget: bool = True,
        **meta: Any,
    ) -> scrapy.Request | None:
        key = canonical_url(url)
        verdict = self.frontiers[src.name].charge(key, paid=budget)
        if verdict == "budget":
            self._budget_spent(src)
        if verdict:
            return None
        if budget:
            assert self.crawler.stats is not None
            self.crawler.stats.inc_value(f"pantau/requests/{src.name}")
        headers: dict[str, str] = {}
        if conditional:
            # Feeds, sitemaps and listings are fetched every run; unchanged ones cost a 304.
            state = self.state.page_states.get(key)
            if state and state.etag:
                headers["If-None-Match"] = state.etag
            if state and state.last_modified:
                headers["If-Modified-Since"] = state.last_modified
        return scrapy.Request(
            url,
            callback=callback,
            errback=self.on_error,
            headers=headers or None,
            cb_kwargs={"source": src.name},
            meta={"pantau_source": src.name, "handle_httpstatus_list": [304], **meta},
        )

    def _follow(
        self, src: Source, response: Response, url: str, callback: Any, **kw: Any
    ) -> scrapy.Request | None:
        """A request for ``url``, found on ``response``, unless stored already or refused."""
        url = canonical_url(url)
        if url in self.state.known:
            return None
        refusal = self.frontiers[src.name].refusal(url, response.meta.get("depth", 0) + 1)
        if refusal:
            self._once(
                src,
                f"pantau/refused/{src.name}/{refusal}",
                f"refused {refusal}",
                "%s: refused %s (%s); later refusals for this reason are only counted",
                src.name,
                url,
                refusal,
            )
            return None
        return self._request(src, url, callback, **kw)

    def _hostile(self, src: Source, response: Response, error: HostileInput) -> None:
        assert self.crawler.stats is not None
        self.crawler.stats.inc_value(f"pantau/errors/{src.name}/{type(error).__name__}")
        log.warning("%s %s: %s", src.name, response.url, error)

    async def start(self) -> AsyncIterator[Any]:
        self.state.load(self.sources)
        for src in self.sources.values():
            yield self._request(
                src, urljoin(src.url, "/robots.txt"), self.parse_robots, budget=False
            )
            requests = [
                self._request(src, src.url, self.parse_page, conditional=True),
                *(self._request(src, u, self.parse_feed, conditional=True) for u in src.feeds),
                *(
                    self._request(src, u, self.parse_sitemap, conditional=True)
                    for u in src.sitemaps
                ),
                *(self._request(src, u, self.parse_page, conditional=True) for u in src.listing),
            ]
            for req in requests:
                if req:
                    yield req

    def on_error(self, failure: Failure) -> Iterator[scrapy.Request]:
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
        log.info("%s %s: %s (%s)", source, request.url, kind, failure.getErrorMessage())
        if request.callback == self.parse_robots and source in self.sources:
            # No robots.txt: look for a sitemap where most CMSs put one.
            src = self.sources[source]
            req = self._request(src, urljoin(src.url, "/sitemap.xml"), self.parse_sitemap)
            if req:
                yield req

    # -- callbacks --------------------------------------------------------------------

    def _visited(self, response: Response, source: str, kind: str) -> Page:
        """A non-article page, recorded so the next run can ask for it conditionally."""
        return Page(
            url=canonical_url(response.url),
            html="",
            source=source,
            status=response.status,
            fetched_at=datetime.now(UTC),
            kind=kind,
            requested_url=response.request.url if response.request else None,
            etag=_header(response, b"ETag"),
            last_modified=_header(response, b"Last-Modified"),
        )

    def _too_old(self, entry: discovery.Entry, src: Source, kind: str) -> bool:
        cutoff = self.since
        last_run = self.state.last_runs.get(src.name)
        if kind == "sitemapindex" and last_run:
            # A sub-sitemap untouched since our last full crawl lists nothing new.
            cutoff = max(filter(None, (cutoff, last_run)))
        return bool(cutoff and entry.date and entry.date < cutoff)

    def parse_robots(self, response: Response, source: str) -> Iterator[scrapy.Request]:
        src = self.sources[source]
        text = response.text if isinstance(response, TextResponse) else ""
        for url in discovery.sitemaps_in_robots(text) or [urljoin(src.url, "/sitemap.xml")]:
            req = self._request(src, response.urljoin(url), self.parse_sitemap, conditional=True)
            if req:
                yield req

    def parse_sitemap(self, response: Response, source: str) -> Iterator[Any]:
        yield self._visited(response, source, "sitemap")
        if response.status == 304:
            return
        src = self.sources[source]
        try:
            body = discovery.gunzipped(response.body, self._inflate_limit)
            kind, entries = discovery.sitemap_entries(body)
        except HostileInput as error:
            self._hostile(src, response, error)
            return
        for entry in entries:
            if self._spent(src):
                break
            if self._too_old(entry, src, kind):
                continue
            if kind == "sitemapindex":
                req = self._request(src, entry.url, self.parse_sitemap, conditional=True)
            else:
                req = self._follow(src, response, entry.url, self.parse_page)
            if req:
                yield req

    def parse_feed(self, response: Response, source: str) -> Iterator[Any]:
        yield self._visited(response, source, "feed")
        if response.status == 304:
            return
        src = self.sources[source]
        try:
            entries = discovery.feed_entries(response.body)
        except HostileInput as error:
            self._hostile(src, response, error)
            return
        for entry in entries:
            if self._spent(src):
                break
            if self._too_old(entry, src, "feed"):
                continue
            url = discovery.unwrap_redirect(response.urljoin(entry.url))
            req = self._follow(src, response, url, self.parse_page)
            if req:
                yield req

    def parse_page(self, response: Response, source: str) -> Iterator[Any]:
        if response.status == 304:
            yield self._visited(response, source, "listing")
            return
        if not isinstance(response, TextResponse):
            return
        src = self.sources[source]
        sel = response.selector
        parts: dict[int, str] = {}
        if discovery.looks_like_article(sel, response.url):
            url = canonical_url(response.url)
            declared = discovery.canonical_link(sel)
            if declared and not self.frontiers[source].refusal(response.urljoin(declared)):
                url = canonical_url(response.urljoin(declared))
            single, parts = discovery.article_parts(sel, response.url, url)
            if single:
                req = self._request(
                    src, single, self.parse_part, pantau_article=url, pantau_single=True
                )
                yield req or self._article(response, source, url)
            elif parts:
                yield from self._next_part(
                    src, response, url, [(response.url, response.text)], parts, 1
                )
            else:
                yield self._article(response, source, url)
        else:
            yield self._visited(response, source, "listing")
            guess = GUESSED_FEEDS.get(discovery.generator(sel))
            feeds = discovery.feed_links(sel) or ([urljoin(src.url, guess)] if guess else [])
            for href in feeds:
                url = response.urljoin(href)
                req = self._follow(src, response, url, self.parse_feed, conditional=True)
                if req:
                    yield req
        skip = {canonical_url(u) for u in parts.values()}
        for link in self._page_links(response, src):
            if self._spent(src):
                break
            if canonical_url(link.url) in skip:
                continue
            req = self._follow(src, response, link.url, self.parse_page, conditional=True)
            if req:
                yield req

    def _page_links(self, response: TextResponse, src: Source) -> list[Link]:
        """The page's links, only the first MAX_LINKS_PER_PAGE of a page that offers more."""
        offered = int(float(response.xpath(f"count({_ANCHORS})").get() or 0))
        if offered <= MAX_LINKS_PER_PAGE:
            return self._links.extract_links(response)
        self._once(
            src,
            f"pantau/link_floods/{src.name}",
            "links",
            "%s: %s offers %d links; only the first %d are read",
            src.name,
            response.url,
            offered,
            MAX_LINKS_PER_PAGE,
        )
        return self._first_links.extract_links(response)

    def _next_part(
        self,
        src: Source,
        response: TextResponse,
        article_url: str,
        fetched: list[tuple[str, str]],
        parts: dict[int, str],
        current: int,
    ) -> Iterator[Any]:
        """Fetch the article's pages one after another, then hand them on as one Page."""
        later = sorted(n for n in parts if n > current)
        req = None
        if later:
            req = self._request(
                src,
                parts[later[0]],
                self.parse_part,
                pantau_article=article_url,
                pantau_fetched=fetched,
                pantau_part=later[0],
            )
        # Out of pages, or out of budget: what was fetched still makes the article.
        yield req or self._article(response, src.name, article_url, fetched)

    def parse_part(self, response: Response, source: str) -> Iterator[Any]:
        if not isinstance(response, TextResponse):
            return
        src = self.sources[source]
        article_url: str = response.meta["pantau_article"]
        if response.meta.get("pantau_single"):
            yield self._article(response, source, article_url, [(response.url, response.text)])
            return
        fetched = [*response.meta["pantau_fetched"], (response.url, response.text)]
        _, parts = discovery.article_parts(response.selector, response.url, article_url)
        yield from self._next_part(
            src, response, article_url, fetched, parts, response.meta["pantau_part"]
        )

    def _article(
        self,
        response: TextResponse,
        source: str,
        url: str,
        fetched: list[tuple[str, str]] | None = None,
    ) -> Page:
        """The article at ``url``; ``fetched`` holds its pages in order when it has several."""
        pages = fetched or [(response.url, response.text)]
        return Page(
            url=url,
            html=pages[0][1],
            source=source,
            status=response.status,
            fetched_at=datetime.now(UTC),
            kind="article",
            requested_url=pages[0][0],
            etag=_header(response, b"ETag"),
            last_modified=_header(response, b"Last-Modified"),
            continuation=[html for _, html in pages[1:]],
            continuation_urls=[canonical_url(u) for u, _ in pages[1:]],
        )


def _header(response: Response, name: bytes) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None


def _as_datetime(value: str | date | None) -> datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        value = date.fromisoformat(value)
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    return datetime(value.year, value.month, value.day, tzinfo=UTC)
