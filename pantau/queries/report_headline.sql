-- Headline figures of the week [$1, $2) and of the week before, one row each ('this' first).
-- An article belongs to the week of its publication (of its first storing when undated);
-- duplicates of another article are left out so syndicated copies count once.
WITH weeks AS (
    SELECT 'this' AS week, $1::TIMESTAMPTZ AS starts, $2::TIMESTAMPTZ AS ends
    UNION ALL
    SELECT 'previous', $1::TIMESTAMPTZ - INTERVAL 7 DAY, $1::TIMESTAMPTZ
),
-- A filter and a CASE rather than a range join on weeks: DuckDB ran that join as a nested
-- loop over every article.
dated AS (
    SELECT
        CASE WHEN coalesce(published_at, stored_at) >= $1 THEN 'this' ELSE 'previous' END
            AS week,
        article_id,
        source,
        relevant
    FROM articles
    WHERE dup_of IS NULL
      AND coalesce(published_at, stored_at) >= $1::TIMESTAMPTZ - INTERVAL 7 DAY
      AND coalesce(published_at, stored_at) < $2
),
article_counts AS (
    SELECT
        week,
        count(*) AS articles,
        count(*) FILTER (WHERE relevant) AS relevant,
        count(DISTINCT source) AS sources
    FROM dated
    GROUP BY week
),
local_regions AS (
    SELECT d.week, count(DISTINCT ar.region_code) AS kabupaten_kota
    FROM dated AS d
    JOIN article_regions AS ar USING (article_id)
    JOIN regions AS r ON r.code = ar.region_code
    WHERE d.relevant AND r.type <> 'provinsi'
    GROUP BY d.week
),
score_counts AS (
    SELECT d.week, count(*) AS scores
    FROM dated AS d
    JOIN scores AS s USING (article_id)
    GROUP BY d.week
),
event_counts AS (
    SELECT d.week, count(*) AS events
    FROM dated AS d
    JOIN events AS e USING (article_id)
    WHERE d.relevant AND e.type <> 'other'
    GROUP BY d.week
),
official_counts AS (
    SELECT d.week, count(DISTINCT (o.name, o.role)) AS officials
    FROM dated AS d
    JOIN officials AS o USING (article_id)
    WHERE d.relevant
    GROUP BY d.week
)
SELECT
    w.week,
    coalesce(a.articles, 0) AS articles,
    coalesce(a.relevant, 0) AS relevant,
    coalesce(a.sources, 0) AS sources,
    coalesce(l.kabupaten_kota, 0) AS kabupaten_kota,
    coalesce(s.scores, 0) AS scores,
    coalesce(e.events, 0) AS events,
    coalesce(o.officials, 0) AS officials
FROM weeks AS w
LEFT JOIN article_counts AS a USING (week)
LEFT JOIN local_regions AS l USING (week)
LEFT JOIN score_counts AS s USING (week)
LEFT JOIN event_counts AS e USING (week)
LEFT JOIN official_counts AS o USING (week)
ORDER BY w.week = 'previous'
