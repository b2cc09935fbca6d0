"""Run the news spider in this process and sum up what it did, per source."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from scrapy import signals
from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from core.errors import UsageError
from core.sources import load_sources
from crawler.extensions import SourceStats, source_stats
from crawler.lock import crawl_lock
from crawler.spiders.news import NewsSpider
from crawler.state import crawl_store
from store import Store

ProgressHook = Callable[[str, str], None]


@dataclass(slots=True)
class CrawlSummary:
    started_at: datetime
    finished_at: datetime
    per_source: dict[str, SourceStats]
    finish_reason: str

    @property
    def pages(self) -> int:
        return sum(s.pages for s in self.per_source.values())

    @property
    def new_articles(self) -> int:
        return sum(s.new_articles for s in self.per_source.values())


def crawl_settings(
    db: str | Path,
    *,
    max_pages: int = 0,
    log_level: str = "WARNING",
    process: bool = True,
) -> Settings:
    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    settings.setdict(
        {
            "PANTAU_DB": str(db),
            "PANTAU_MAX_PAGES": max_pages,
            "LOG_LEVEL": log_level,
            "LOG_INSTALL_ROOT_HANDLER": True,
        },
        priority="cmdline",
    )
    settings.setdict(_flush_from_env(), priority="cmdline")
    if not process:
        # Fetch-only: pages and raw HTML are stored; `pantau reprocess` does the rest.
        pipelines = dict(settings.getdict("ITEM_PIPELINES"))
        pipelines.pop("crawler.pipelines.ExtractPipeline", None)
        pipelines.pop("crawler.pipelines.TagPipeline", None)
        pipelines.pop("crawler.dedupe.DedupePipeline", None)
        settings.set("ITEM_PIPELINES", pipelines, priority="cmdline")
    return settings


def _flush_from_env() -> dict[str, int | float]:
    """Batch size and interval from ``PANTAU_FLUSH_ITEMS`` / ``PANTAU_FLUSH_SECONDS``.

    Why: `pantau run` has no settings file of its own, and crash tests (or an operator on a
    flaky disk) need writes more or less often than the defaults without editing code.
    """
    found: dict[str, int | float] = {}
    for key, kind in (("PANTAU_FLUSH_ITEMS", int), ("PANTAU_FLUSH_SECONDS", float)):
        raw = os.environ.get(key, "").strip()
        if not raw:
            continue
        try:
            value = kind(raw)
        except ValueError:
            value = -1
        if value <= 0:
            raise UsageError(f"environment variable {key} must be a number > 0, not {raw!r}")
        found[key] = value
    return found


def run_crawl(
    sources_path: str | Path,
    db: str | Path,
    *,
    max_pages: int = 0,
    log_level: str = "WARNING",
    on_event: ProgressHook | None = None,
    process: bool = True,
    since: date | None = None,
) -> CrawlSummary:
    """Crawl every source of ``sources_path`` into ``db``; returns per-source statistics.

    ``on_event(kind, source)`` is called for each stored page (``page``) and new
    article (``article``) so a caller can show progress.
    """
    sources = load_sources(sources_path)
    started = datetime.now(UTC)
    settings = crawl_settings(db, max_pages=max_pages, log_level=log_level, process=process)
    process = CrawlerProcess(settings)
    crawler = process.create_crawler(NewsSpider)
    if on_event is not None:

        def scraped(item: Any, **_: Any) -> None:
            on_event("page", item.page.source)
            if item.article is not None:
                on_event("article", item.page.source)

        crawler.signals.connect(scraped, signal=signals.item_scraped, weak=False)
    with crawl_lock(db):
        # A database that cannot be written (read-only, damaged, from a newer pantau) fails
        # here, before any page is fetched for it.
        Store(db).close()
        process.crawl(crawler, sources=str(sources_path), max_pages=max_pages, since=since)
        process.start()
    failure = crawl_store(crawler).failure
    if failure is not None:
        raise failure
    stats = crawler.stats.get_stats() if crawler.stats else {}
    per_source = {s.name: source_stats(stats, s.name) for s in sources}
    reason = str(stats.get("finish_reason", ""))
    return CrawlSummary(started, datetime.now(UTC), per_source, reason)
