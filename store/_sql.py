"""The store's data statements. The schema itself lives in ``migrations/*.sql``.

Every value is a bound parameter or, for article batches, a column of a registered batch
(``BatchInsert``). Other batches are bound as one list per column and spread with ``unnest``:
DuckDB runs that as a single vectorised insert, where ``executemany`` pays a full statement
round trip per row (about 50x slower for 20,000 rows).
"""

from dataclasses import dataclass

CREATE_SCHEMA_MIGRATIONS = """
CREATE TABLE IF NOT EXISTS schema_migrations (
    version     INTEGER PRIMARY KEY,
    name        VARCHAR NOT NULL,
    applied_at  TIMESTAMPTZ NOT NULL
)
"""

APPLIED_MIGRATIONS = "SELECT version FROM schema_migrations"

# Tables and views of the file itself (not temp ones): a file with some but no
# schema_migrations is another program's database.
OWN_TABLES = """
SELECT table_name FROM information_schema.tables
WHERE table_catalog = current_database() AND table_schema = 'main'
"""

DATABASE_PATH = "SELECT path FROM duckdb_databases() WHERE database_name = current_database()"

RECORD_MIGRATION = "INSERT INTO schema_migrations VALUES (?, ?, now())"

REGION_COUNT = "SELECT count(*) FROM regions"

INSERT_REGIONS = """
INSERT INTO regions (code, type, name, province_code, province_name)
SELECT
    unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), unnest(?::VARCHAR[]),
    unnest(?::VARCHAR[]), unnest(?::VARCHAR[])
"""

UPSERT_SOURCES = """
INSERT INTO sources (name, url, province, first_seen, last_seen)
SELECT name, url, province, now(), now()
FROM (SELECT unnest(?::VARCHAR[]) AS name, unnest(?::VARCHAR[]) AS url,
             unnest(?::VARCHAR[]) AS province)
ON CONFLICT (name) DO UPDATE SET
    url = excluded.url,
    province = excluded.province,
    last_seen = excluded.last_seen
"""

HAS_RAW_PAGE = "SELECT 1 FROM raw_pages WHERE content_hash = ?"

INSERT_RAW_PAGE = """
INSERT INTO raw_pages (content_hash, compression, body, size) VALUES (?, ?, ?, ?)
"""

# A 304 Not Modified carries no body: the page keeps the content (and validators) it had.
UPSERT_PAGE = """
INSERT INTO pages (url, source, status, fetched_at, content_hash, canonical_url, etag,
                   last_modified, first_fetched_at, kind, requested_url, part_of, part_no)
VALUES ($url, $source, $status, $fetched_at, $content_hash, $canonical_url, $etag,
        $last_modified, $fetched_at, $kind, $requested_url, $part_of, $part_no)
ON CONFLICT (url) DO UPDATE SET
    source = excluded.source,
    kind = coalesce(excluded.kind, pages.kind),
    requested_url = coalesce(excluded.requested_url, pages.requested_url),
    part_of = excluded.part_of,
    part_no = excluded.part_no,
    status = excluded.status,
    fetched_at = excluded.fetched_at,
    content_hash = CASE WHEN excluded.status = 304 AND excluded.content_hash IS NULL
                        THEN pages.content_hash ELSE excluded.content_hash END,
    canonical_url = coalesce(excluded.canonical_url, pages.canonical_url),
    etag = coalesce(excluded.etag, pages.etag),
    last_modified = coalesce(excluded.last_modified, pages.last_modified)
"""

HAS_PAGE = "SELECT 1 FROM pages WHERE url = ?"

PAGE_STATE = "SELECT etag, last_modified, content_hash FROM pages WHERE url = ?"

# Conditional-request state for a crawl's snapshot: only of pages fetched by a run of
# their source that finished cleanly. A 304 means "follow nothing new from here", which
# is true only if every link found on the earlier copy was followed and written; a run
# killed mid-way may have recorded the page but lost what it led to.
PAGE_STATES = """
WITH clean AS (
    SELECT source, max(finished_at) AS finished_at
    FROM crawl_runs
    WHERE status = 'finished' AND finished_at IS NOT NULL
    GROUP BY source
)
SELECT p.url, p.etag, p.last_modified, p.content_hash
FROM pages AS p
JOIN clean AS c ON c.source = p.source
WHERE (p.etag IS NOT NULL OR p.last_modified IS NOT NULL) AND p.fetched_at <= c.finished_at
"""

STORED_PAGES = """
SELECT p.url, p.source, r.compression, r.body
FROM pages AS p
JOIN raw_pages AS r USING (content_hash)
WHERE p.part_of IS NULL
ORDER BY p.url
"""

# Later pages of multi-page articles, in order within each article.
STORED_PARTS = """
SELECT p.part_of, r.compression, r.body
FROM pages AS p
JOIN raw_pages AS r USING (content_hash)
WHERE p.part_of IS NOT NULL
ORDER BY p.part_of, p.part_no
"""

RECENT_RUNS = """
SELECT coalesce(pages_fetched, 0), coalesce(new_articles, 0), coalesce(extraction_failures, 0)
FROM crawl_runs
WHERE source = ? AND finished_at IS NOT NULL
ORDER BY started_at DESC, run_id DESC
LIMIT ?
"""

LAST_FINISHED_RUN = """
SELECT max(started_at) FROM crawl_runs WHERE source = ? AND finished_at IS NOT NULL
"""

# Article pages whose HTML was kept count as known even before they are processed
# (`pantau crawl` then `pantau reprocess`): the crawl must not fetch them again.
KNOWN_ARTICLE_URLS = """
SELECT url FROM articles
UNION
SELECT url FROM pages WHERE content_hash IS NOT NULL AND part_of IS NULL
"""

PREVIOUS_VERSIONS = """
SELECT article_id, stored_at, content_hash FROM articles
WHERE article_id IN (SELECT unnest(?::VARCHAR[]))
"""

DELETE_ARTICLES = (
    "DELETE FROM article_regions WHERE article_id IN (SELECT unnest(?::VARCHAR[]))",
    "DELETE FROM officials WHERE article_id IN (SELECT unnest(?::VARCHAR[]))",
    "DELETE FROM scores WHERE article_id IN (SELECT unnest(?::VARCHAR[]))",
    "DELETE FROM events WHERE article_id IN (SELECT unnest(?::VARCHAR[]))",
    "DELETE FROM laws WHERE article_id IN (SELECT unnest(?::VARCHAR[]))",
    "DELETE FROM articles WHERE article_id IN (SELECT unnest(?::VARCHAR[]))",
)

# Article and tag rows arrive as one registered batch of NumPy object columns (see
# ``BatchInsert``): DuckDB scans those natively, about four times faster than spreading bound
# lists with ``unnest``, whose cost is converting every Python value to a DuckDB value.
BATCH_RELATION = "pantau_batch"


@dataclass(frozen=True, slots=True)
class BatchInsert:
    """``INSERT INTO table SELECT ... FROM`` the registered batch, column by column.

    Each column is cast to its declared type, so the statement does not depend on the types
    DuckDB infers from the Python objects (an all-NULL column, say). Only these constant
    names reach the SQL text; every value travels in the batch.
    """

    table: str
    columns: tuple[tuple[str, str], ...]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(name for name, _ in self.columns)

    @property
    def sql(self) -> str:
        names = ", ".join(self.names)
        casts = ", ".join(f"CAST({name} AS {kind})" for name, kind in self.columns)
        return f"INSERT INTO {self.table} ({names}) SELECT {casts} FROM {BATCH_RELATION}"


_EVIDENCE = (("evidence_start", "INTEGER"), ("evidence_end", "INTEGER"), ("evidence", "VARCHAR"))

INSERT_ARTICLES = BatchInsert(
    "articles",
    (
        ("article_id", "VARCHAR"),
        ("url", "VARCHAR"),
        ("source", "VARCHAR"),
        ("title", "VARCHAR"),
        ("text", "VARCHAR"),
        ("published_at", "TIMESTAMPTZ"),
        ("author", "VARCHAR"),
        ("editor", "VARCHAR"),
        ("dateline", "VARCHAR"),
        ("site", "VARCHAR"),
        ("lang", "VARCHAR"),
        ("relevant", "BOOLEAN"),
        ("relevance", "DOUBLE"),
        ("dup_of", "VARCHAR"),
        ("pipeline_version", "VARCHAR"),
        ("content_hash", "VARCHAR"),
        ("stored_at", "TIMESTAMPTZ"),
    ),
)

INSERT_ARTICLE_REGIONS = BatchInsert(
    "article_regions",
    (("article_id", "VARCHAR"), ("region_code", "VARCHAR"), ("mentions", "INTEGER"), *_EVIDENCE),
)

INSERT_OFFICIALS = BatchInsert(
    "officials",
    (
        ("article_id", "VARCHAR"),
        ("name", "VARCHAR"),
        ("role", "VARCHAR"),
        ("region_code", "VARCHAR"),
        ("mentions", "INTEGER"),
        *_EVIDENCE,
        ("acting", "VARCHAR"),
    ),
)

INSERT_SCORES = BatchInsert(
    "scores",
    (
        ("article_id", "VARCHAR"),
        ("subject_code", "VARCHAR"),
        ("subject", "VARCHAR"),
        ("value", "DOUBLE"),
        ("year", "INTEGER"),
        ("zone", "VARCHAR"),
        ("rank", "INTEGER"),
        ("kind", "VARCHAR"),
        *_EVIDENCE,
    ),
)

INSERT_EVENTS = BatchInsert(
    "events",
    (
        ("article_id", "VARCHAR"),
        ("type", "VARCHAR"),
        ("date", "DATE"),
        ("region_code", "VARCHAR"),
        *_EVIDENCE,
    ),
)

INSERT_LAWS = BatchInsert("laws", (("article_id", "VARCHAR"), ("law", "VARCHAR"), *_EVIDENCE))

# A writer that stays open (a bulk load, `pantau reprocess`) checkpoints when its write-ahead
# log reaches this size. At DuckDB's default, 16 MiB, a batch of 10,000 articles set off a
# checkpoint, and its cost grows with the file (about 6 s at a million articles, where the
# batch itself took 1 s): a million-article load slowed to under 4,000 articles/s. Closing the
# store still checkpoints, so a crawl's short writes are unaffected.
WRITER_CHECKPOINT = "SET checkpoint_threshold = '1GiB'"

START_RUN = """
INSERT INTO crawl_runs (source, started_at, status) VALUES (?, now(), 'running')
RETURNING run_id
"""

FINISH_RUN = """
UPDATE crawl_runs SET
    finished_at = now(),
    pages_fetched = ?,
    new_articles = ?,
    extraction_failures = ?,
    errors = ?::JSON,
    status = ?,
    broken = ? IS NOT NULL,
    broken_reason = ?
WHERE run_id = ?
RETURNING run_id
"""

COUNTS = """
SELECT 'sources', count(*) FROM sources
UNION ALL SELECT 'pages', count(*) FROM pages
UNION ALL SELECT 'raw_pages', count(*) FROM raw_pages
UNION ALL SELECT 'articles', count(*) FROM articles
UNION ALL SELECT 'regions', count(*) FROM regions
UNION ALL SELECT 'article_regions', count(*) FROM article_regions
UNION ALL SELECT 'officials', count(*) FROM officials
UNION ALL SELECT 'scores', count(*) FROM scores
UNION ALL SELECT 'events', count(*) FROM events
UNION ALL SELECT 'laws', count(*) FROM laws
UNION ALL SELECT 'crawl_runs', count(*) FROM crawl_runs
"""

# -- near-duplicate fingerprints (migration 007) -----------------------------------------------

# When each article was first seen: its fingerprint's record if any, else its articles row.
FIRST_SEEN = """
SELECT q.article_id, coalesce(f.first_seen, a.stored_at)
FROM (SELECT unnest(?::VARCHAR[]) AS article_id) AS q
LEFT JOIN article_fingerprints AS f USING (article_id)
LEFT JOIN articles AS a USING (article_id)
"""

# Stored articles sharing a band key with a fingerprint (the LSH candidates). The inner
# lookup is small (32 keys), so DuckDB answers it from the index on band_key. Only articles
# that are stored count: a fingerprint whose article was never saved must not become an
# original (store/checks/articles_dup_of_exists.sql).
NEAR_DUPLICATE_CANDIDATES = """
SELECT f.article_id, f.signature, f.dup_of, f.first_seen
FROM article_fingerprints AS f
JOIN articles AS a USING (article_id)
WHERE f.scheme = ?
  AND f.article_id IN (
      SELECT article_id FROM fingerprint_bands WHERE band_key IN (SELECT unnest(?::BIGINT[]))
  )
"""

# first_seen survives a new fingerprint of the same article (reprocess), so the first copy
# stays the first copy.
UPSERT_FINGERPRINTS = """
INSERT INTO article_fingerprints (article_id, scheme, signature, dup_of, first_seen)
SELECT unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), unnest(?::BLOB[]), unnest(?::VARCHAR[]),
       unnest(?::TIMESTAMPTZ[])
ON CONFLICT (article_id) DO UPDATE SET
    scheme = excluded.scheme,
    signature = excluded.signature,
    dup_of = excluded.dup_of
"""

DELETE_FINGERPRINT_BANDS = """
DELETE FROM fingerprint_bands WHERE article_id IN (SELECT unnest(?::VARCHAR[]))
"""

INSERT_FINGERPRINT_BANDS = """
INSERT INTO fingerprint_bands (band_key, article_id)
SELECT unnest(?::BIGINT[]), unnest(?::VARCHAR[])
"""
