-- Is each source still delivering? Its last article, its crawl runs and how many of them
-- failed or were flagged broken, and the state of its latest run. A source that was never
-- configured but has articles (an older sources file) is listed too, so nothing goes missing.
CREATE OR REPLACE VIEW source_health AS
WITH known AS (
    SELECT name AS source FROM sources
    UNION
    SELECT source FROM articles WHERE source IS NOT NULL
    UNION
    SELECT source FROM crawl_runs WHERE source IS NOT NULL
),
published AS (
    SELECT
        source,
        count(*) AS articles,
        count(*) FILTER (WHERE relevant) AS relevant_articles,
        max(published_at) AS last_published_at,
        max(stored_at) AS last_stored_at
    FROM articles
    GROUP BY source
),
runs AS (
    SELECT
        source,
        count(*) AS runs,
        -- 'finished' and the page budget running out are Scrapy's normal ways to end a crawl.
        count(*) FILTER (
            WHERE finished_at IS NOT NULL
              AND status NOT IN ('ok', 'finished', 'closespider_pagecount', 'closespider_itemcount')
        ) AS failed_runs,
        count(*) FILTER (WHERE broken) AS broken_runs,
        sum(coalesce(extraction_failures, 0)) AS extraction_failures,
        max(started_at) AS last_run_at
    FROM crawl_runs
    WHERE source IS NOT NULL
    GROUP BY source
),
latest AS (
    SELECT source, status, broken, broken_reason, pages_fetched, new_articles
    FROM crawl_runs
    WHERE source IS NOT NULL
    QUALIFY row_number() OVER (PARTITION BY source ORDER BY started_at DESC, run_id DESC) = 1
),
last_broken AS (
    SELECT source, started_at AS last_broken_at, broken_reason AS last_broken_reason
    FROM crawl_runs
    WHERE broken
    QUALIFY row_number() OVER (PARTITION BY source ORDER BY started_at DESC, run_id DESC) = 1
)
SELECT
    k.source,
    s.url,
    s.province,
    coalesce(p.articles, 0) AS articles,
    coalesce(p.relevant_articles, 0) AS relevant_articles,
    p.last_published_at,
    p.last_stored_at,
    coalesce(r.runs, 0) AS runs,
    coalesce(r.failed_runs, 0) AS failed_runs,
    coalesce(r.broken_runs, 0) AS broken_runs,
    coalesce(r.extraction_failures, 0) AS extraction_failures,
    r.last_run_at,
    l.status AS last_run_status,
    l.pages_fetched AS last_run_pages,
    l.new_articles AS last_run_new_articles,
    coalesce(l.broken, false) AS broken_now,
    b.last_broken_at,
    b.last_broken_reason
FROM known AS k
LEFT JOIN sources AS s ON s.name = k.source
LEFT JOIN published AS p ON p.source = k.source
LEFT JOIN runs AS r ON r.source = k.source
LEFT JOIN latest AS l ON l.source = k.source
LEFT JOIN last_broken AS b ON b.source = k.source;
