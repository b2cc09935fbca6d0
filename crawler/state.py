"""One Store per crawl, shared by the spider (what is known) and the pipelines (writes).

DuckDB allows one writing process per file; keeping a single connection per
crawler avoids a second open of the same file from the same run.
"""

from __future__ import annotations

from scrapy import signals
from scrapy.crawler import Crawler

from store import Store

_ATTR = "_pantau_store"


def shared_store(crawler: Crawler) -> Store:
    store: Store | None = getattr(crawler, _ATTR, None)
    if store is None:
        store = Store(crawler.settings.get("PANTAU_DB"))
        setattr(crawler, _ATTR, store)

        def close() -> None:
            store.close()
            setattr(crawler, _ATTR, None)

        crawler.signals.connect(close, signal=signals.engine_stopped, weak=False)
    return store
