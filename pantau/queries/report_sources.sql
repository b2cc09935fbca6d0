-- Sources that need a look in the week [$1, $2): silent ones (articles in the four weeks
-- before, none this week) and those whose latest crawl run up to the week's end was flagged
-- broken.
WITH recent AS (
    SELECT
        source,
        max(coalesce(published_at, stored_at)) AS last_article,
        count(*) FILTER (WHERE coalesce(published_at, stored_at) >= $1) AS this_week,
        count(*) FILTER (
            WHERE coalesce(published_at, stored_at) >= $1::TIMESTAMPTZ - INTERVAL 28 DAY
              AND coalesce(published_at, stored_at) < $1
        ) AS four_weeks_before
    FROM articles
    WHERE source IS NOT NULL AND coalesce(published_at, stored_at) < $2
    GROUP BY source
),
latest_run AS (
    SELECT source, started_at, broken, broken_reason
    FROM crawl_runs
    WHERE source IS NOT NULL AND started_at < $2
    QUALIFY row_number() OVER (PARTITION BY source ORDER BY started_at DESC, run_id DESC) = 1
)
SELECT
    source,
    coalesce(l.broken, false) AS broken,
    l.broken_reason,
    coalesce(r.four_weeks_before, 0) AS four_weeks_before,
    coalesce(r.this_week, 0) AS this_week,
    r.last_article,
    l.started_at AS last_run
FROM recent AS r
FULL JOIN latest_run AS l USING (source)
WHERE coalesce(l.broken, false)
   OR (coalesce(r.four_weeks_before, 0) > 0 AND coalesce(r.this_week, 0) = 0)
ORDER BY broken DESC, source
