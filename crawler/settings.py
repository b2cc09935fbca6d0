"""Scrapy settings for Pantau, alphabetical; the runner overrides by key."""

BOT_NAME = "pantau"

# Politeness: small regional servers, so one request at a time per site, a
# delay between them, and AutoThrottle backing off further when a site slows.
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 1
# Listing pages link to listing pages without end; articles are a few hops from home.
DEPTH_LIMIT = 8
DOWNLOAD_DELAY = 1.0
DOWNLOADER_MIDDLEWARES = {
    # Per source, and before robots.txt would be asked of the host a redirect points to.
    "scrapy.downloadermiddlewares.offsite.OffsiteMiddleware": None,
    "crawler.middlewares.SourceOffsiteMiddleware": 50,
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "crawler.middlewares.BackoffRetryMiddleware": 550,
    "crawler.middlewares.NotBeforeMiddleware": 560,
}
# Also the cap on a body's size after decompression (Content-Encoding or .xml.gz).
DOWNLOAD_MAXSIZE = 8 * 1024 * 1024
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_WARNSIZE = 2 * 1024 * 1024

EXTENSIONS = {"crawler.extensions.RunRecorder": 500}

FEED_EXPORT_ENCODING = "utf-8"

ITEM_PIPELINES = {
    "crawler.pipelines.ValidatePipeline": 100,
    "crawler.pipelines.ExtractPipeline": 300,
    "crawler.dedupe.DedupePipeline": 400,
    "crawler.pipelines.TagPipeline": 500,
    "crawler.pipelines.StorePipeline": 800,
}

LOG_LEVEL = "INFO"

NEWSPIDER_MODULE = "crawler.spiders"

# A source with no new article for this many runs in a row is flagged broken.
PANTAU_BROKEN_AFTER_RUNS = 3
# Where the pipeline writes; `pantau` sets these from --db / PANTAU_DB and --sources.
PANTAU_DB = "pantau.duckdb"
# The crawl writes in batches of this many pages, or after this many seconds, whichever
# comes first; between batches the database is free for readers.
PANTAU_FLUSH_ITEMS = 50
PANTAU_FLUSH_SECONDS = 10.0
PANTAU_MAX_PAGES = 0
PANTAU_SOURCES = "sources.toml"

RETRY_AFTER_MAX = 300.0
RETRY_BACKOFF_BASE = 1.0
RETRY_BACKOFF_MAX = 60.0
RETRY_ENABLED = True
RETRY_HTTP_CODES = [429, 500, 502, 503, 504, 522, 524, 408]
RETRY_TIMES = 3

ROBOTSTXT_OBEY = True

SPIDER_MODULES = ["crawler.spiders"]

TELNETCONSOLE_ENABLED = False

USER_AGENT = "Pantau/0.1 (+https://github.com/pantau-id/pantau; public-service news monitor)"
