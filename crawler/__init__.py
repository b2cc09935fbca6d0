"""The crawl stage: a Scrapy project that discovers and fetches regional news pages.

Spiders only discover and yield pages; item pipelines hand each page to
extraction, tagging and storage (see ``crawler.settings.ITEM_PIPELINES``).
``run_crawl`` runs it in-process for the ``pantau`` command.
"""

from crawler.run import CrawlSummary, run_crawl

__all__ = ["CrawlSummary", "run_crawl"]
