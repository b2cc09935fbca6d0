"""Run bookkeeping as a Scrapy extension, so `scrapy crawl` and `pantau run` record alike.

On open: the configured sources are upserted and a `crawl_runs` row is started per
source. On close: each row gets its totals from the stats collector.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Self

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import CloseSpider

from core.errors import StoreError
from crawler.health import RunFigures, broken_reason
from crawler.state import crawl_store
from store import Store


@dataclass(slots=True)
class SourceStats:
    pages: int = 0
    new_articles: int = 0
    extraction_failures: int = 0
    errors: dict[str, int] = field(default_factory=dict)
    broken: str | None = None


def source_stats(stats: dict[str, Any], name: str) -> SourceStats:
    prefix = f"pantau/errors/{name}/"
    return SourceStats(
        pages=int(stats.get(f"pantau/pages/{name}", 0)),
        new_articles=int(stats.get(f"pantau/new_articles/{name}", 0)),
        extraction_failures=int(stats.get(f"pantau/extraction_failures/{name}", 0)),
        errors={k.removeprefix(prefix): int(v) for k, v in stats.items() if k.startswith(prefix)},
        broken=stats.get(f"pantau/broken/{name}"),
    )


class RunRecorder:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.run_ids: dict[str, int] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        ext = cls(crawler)
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def spider_opened(self, spider: Spider) -> None:
        sources = getattr(spider, "sources", {})
        state = crawl_store(self.crawler)
        try:
            with state.open() as store:
                store.upsert_sources(sources.values())
                self.run_ids = {name: store.start_run(name) for name in sources}
        except StoreError as exc:
            state.failure = exc
            raise CloseSpider("store_error") from None

    def spider_closed(self, spider: Spider, reason: str) -> None:
        if not self.run_ids:
            return  # opening failed: no run to finish
        assert self.crawler.stats is not None
        stats = self.crawler.stats.get_stats()
        state = crawl_store(self.crawler)
        try:
            with state.open() as store:
                self._finish(store, stats, reason)
        except StoreError as exc:
            # After a failed batch this often fails alike; the first error is the one to tell.
            state.failure = state.failure or exc

    def _finish(self, store: Store, stats: dict[str, Any], reason: str) -> None:
        assert self.crawler.stats is not None
        quiet_runs = self.crawler.settings.getint("PANTAU_BROKEN_AFTER_RUNS")
        for name, run_id in self.run_ids.items():
            st = source_stats(stats, name)
            earlier = [RunFigures(*r) for r in store.recent_runs(name, quiet_runs)]
            now = RunFigures(st.pages, st.new_articles, st.extraction_failures)
            broken = broken_reason(now, earlier, quiet_runs)
            self.crawler.stats.set_value(f"pantau/broken/{name}", broken)
            store.finish_run(
                run_id,
                pages_fetched=st.pages,
                new_articles=st.new_articles,
                extraction_failures=st.extraction_failures,
                errors=[f"{kind}: {n}" for kind, n in sorted(st.errors.items())],
                status=reason,
                broken_reason=broken,
            )
