-- The event timeline of the week's [$1, $2) relevant articles. An event without a date in
-- the text is placed on its article's publication day (WIB) and flagged.
WITH week_articles AS (
    SELECT article_id, source, title, url, published_at
    FROM articles
    WHERE relevant AND dup_of IS NULL
      AND coalesce(published_at, stored_at) >= $1
      AND coalesce(published_at, stored_at) < $2
)
SELECT
    coalesce(e.date, timezone('Asia/Jakarta', w.published_at)::DATE) AS day,
    e.date IS NULL AS date_from_publication,
    e.type,
    r.name AS region,
    r.province_name AS province,
    w.source,
    w.title,
    w.url,
    e.evidence
FROM events AS e
JOIN week_articles AS w USING (article_id)
LEFT JOIN regions AS r ON r.code = e.region_code
WHERE e.type <> 'other'
ORDER BY day NULLS LAST, e.type, region, w.url
LIMIT 100
