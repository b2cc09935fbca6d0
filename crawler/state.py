"""The crawl's window on DuckDB: a snapshot read at the start, writes in short batches.

DuckDB lets one process write a file and no other process open it meanwhile. A
crawl runs for hours; analysts query during it. So the crawl never keeps the file
open: it reads what it needs once (known article URLs, conditional-request state,
last runs), buffers what it stores, and opens the file only to write a batch in one
transaction. Readers wait for such a moment (``store.query_readonly`` retries).
A run killed mid-way loses at most the unwritten batch, which the next run fetches
again: nothing half-written, nothing duplicated.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from scrapy.crawler import Crawler

import classify
from core.errors import StoreError
from core.model import Article, Tags
from crawler.dedupe import fingerprint_cache, mark_duplicates
from crawler.items import PageItem
from extract.dedupe import Fingerprint
from store import PageState, Store

_ATTR = "_pantau_crawl_store"


@dataclass(slots=True)
class CrawlStore:
    path: Path
    flush_items: int = 50
    flush_seconds: float = 10.0
    known: set[str] = field(default_factory=set)
    page_states: dict[str, PageState] = field(default_factory=dict)
    last_runs: dict[str, datetime | None] = field(default_factory=dict)
    # MinHash fingerprints computed by DedupePipeline, consumed at the batch write.
    fingerprints: dict[str, Fingerprint] = field(default_factory=dict)
    # The first write that failed (a full disk, say): the crawl then stops, and
    # ``run_crawl`` raises it, rather than fetching pages it cannot keep.
    failure: StoreError | None = None
    _pending: list[PageItem] = field(default_factory=list)
    _since_flush: float = field(default_factory=time.monotonic)

    @contextmanager
    def open(self) -> Iterator[Store]:
        with Store(self.path) as store:
            yield store

    def load(self, sources: Iterable[str]) -> None:
        with self.open() as store:
            self.known = store.known_article_urls()
            self.page_states = store.page_states()
            self.last_runs = {name: store.last_finished_run(name) for name in sources}

    def add(self, item: PageItem) -> list[PageItem]:
        """Buffer ``item``; when a batch is due, write it and return the new articles' items."""
        self._pending.append(item)
        due = time.monotonic() - self._since_flush >= self.flush_seconds
        if due or len(self._pending) >= self.flush_items:
            return self.flush()
        return []

    def flush(self) -> list[PageItem]:
        """Write every buffered item in one open of the file; return the new articles' items."""
        self._since_flush = time.monotonic()
        if not self._pending:
            return []
        items, self._pending = self._pending, []
        new: list[PageItem] = []
        batch: list[tuple[Article, Tags, str | None]] = []
        with self.open() as store, store.batch():
            for item in items:
                digest = _record(store, item)
                if item.article is not None and item.tags is not None:
                    batch.append((item.article, item.tags, digest))
                    if item.article.url not in self.known:
                        new.append(item)
            mark_duplicates(store, [article for article, _, _ in batch], self.fingerprints)
            store.save_articles(batch, classify.PIPELINE_VERSION)
        # Only once committed: a batch that failed is fetched again, not taken as known.
        self.known.update(item.article.url for item in new if item.article is not None)
        return new


def _record(store: Store, item: PageItem) -> str | None:
    page = item.page
    is_article = page.kind == "article"
    digest = store.record_page(
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
    parts = zip(page.continuation_urls, page.continuation, strict=True)
    for n, (url, html) in enumerate(parts, 2):
        store.record_page(
            url, page.source, page.status, page.fetched_at, html,
            kind="part", part_of=page.url, part_no=n,
        )  # fmt: skip
    return digest


def crawl_store(crawler: Crawler) -> CrawlStore:
    """The one ``CrawlStore`` of this crawl, made from the crawler's settings on first use."""
    existing: CrawlStore | None = getattr(crawler, _ATTR, None)
    if existing is None:
        existing = CrawlStore(
            Path(crawler.settings.get("PANTAU_DB")),
            flush_items=crawler.settings.getint("PANTAU_FLUSH_ITEMS"),
            flush_seconds=crawler.settings.getfloat("PANTAU_FLUSH_SECONDS"),
            fingerprints=fingerprint_cache(crawler),
        )
        setattr(crawler, _ATTR, existing)
    return existing
