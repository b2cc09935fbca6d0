"""Downloader middlewares: retries that wait, and requests that stay on their own site.

Scrapy's own RetryMiddleware re-queues a failed request at once; a struggling
regional server answering 429 or 503 deserves a pause. The retry decision stays
Scrapy's; this only stamps the retried request with the earliest time it may go,
and ``NotBeforeMiddleware`` holds it until then.

``SourceOffsiteMiddleware`` replaces Scrapy's offsite filter, which lets a request go to
any domain of the whole crawl and drops the rest without telling the request's errback.
"""

from __future__ import annotations

import asyncio
import email.utils
import time
from datetime import UTC, datetime
from typing import Any, Self

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response

from crawler.urls import same_site

NOT_BEFORE = "pantau_not_before"


def retry_after_seconds(value: bytes | str | None, now: datetime | None = None) -> float | None:
    """Seconds asked for by a ``Retry-After`` header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if text.isdigit():
        return float(text)
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


class BackoffRetryMiddleware(RetryMiddleware):
    """Scrapy's retry policy, with exponential backoff and ``Retry-After`` honoured."""

    backoff_base: float
    backoff_max: float
    retry_after_max: float

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        mw = super().from_crawler(crawler)
        mw.backoff_base = crawler.settings.getfloat("RETRY_BACKOFF_BASE", 1.0)
        mw.backoff_max = crawler.settings.getfloat("RETRY_BACKOFF_MAX", 60.0)
        mw.retry_after_max = crawler.settings.getfloat("RETRY_AFTER_MAX", 300.0)
        return mw

    def _stamp(self, retried: Request, asked: float | None) -> Request:
        times = retried.meta.get("retry_times", 1)
        wait = min(self.backoff_max, self.backoff_base * 2 ** (times - 1))
        if asked is not None:
            wait = max(wait, min(asked, self.retry_after_max))
        retried.meta[NOT_BEFORE] = time.monotonic() + wait
        return retried

    def process_response(  # type: ignore[override]
        self, request: Request, response: Response, spider: Any = None
    ) -> Request | Response:
        result = super().process_response(request, response)
        if isinstance(result, Request):
            return self._stamp(result, retry_after_seconds(response.headers.get(b"Retry-After")))
        return result

    def process_exception(  # type: ignore[override]
        self, request: Request, exception: Exception, spider: Any = None
    ) -> Request | Response | None:
        result = super().process_exception(request, exception)
        if isinstance(result, Request):
            return self._stamp(result, None)
        return result


class NotBeforeMiddleware:
    """Hold a request stamped by ``BackoffRetryMiddleware`` until its time has come."""

    async def process_request(self, request: Request) -> None:
        not_before = request.meta.get(NOT_BEFORE)
        if not_before is not None:
            wait = not_before - time.monotonic()
            if wait > 0:
                await asyncio.sleep(wait)


class SourceOffsiteMiddleware:
    """Refuse a request that left its source's domains, as a redirect or meta refresh does.

    Links are refused earlier, by the spider's frontier; what reaches this point offsite is a
    redirect, and one to another source of the same crawl would otherwise be fetched and
    filed under the wrong source. The refusal goes to the request's errback, which logs it.
    """

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        sources = getattr(self.crawler.spider, "sources", {})
        source = sources.get(request.meta.get("pantau_source"))
        if source is None or same_site(request.url, source.domains):
            return
        origin = (request.meta.get("redirect_urls") or [request.url])[0]
        raise IgnoreRequest(f"offsite redirect from {origin} to {request.url}")
