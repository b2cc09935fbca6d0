-- Relevant coverage per kabupaten/kota in the week [$1, $2), with the week before.
WITH dated AS (
    SELECT article_id, source, coalesce(published_at, stored_at) >= $1 AS this_week
    FROM articles
    WHERE relevant AND dup_of IS NULL
      AND coalesce(published_at, stored_at) >= $1::TIMESTAMPTZ - INTERVAL 7 DAY
      AND coalesce(published_at, stored_at) < $2
)
SELECT
    r.type,
    r.name,
    r.province_name AS province,
    count(DISTINCT d.article_id) FILTER (WHERE d.this_week) AS articles,
    count(DISTINCT d.article_id) FILTER (WHERE NOT d.this_week) AS articles_before,
    coalesce(sum(ar.mentions) FILTER (WHERE d.this_week), 0) AS mentions,
    count(DISTINCT d.source) FILTER (WHERE d.this_week) AS sources
FROM dated AS d
JOIN article_regions AS ar USING (article_id)
JOIN regions AS r ON r.code = ar.region_code
WHERE r.type <> 'provinsi'
GROUP BY r.code, r.type, r.name, r.province_name
HAVING count(DISTINCT d.article_id) FILTER (WHERE d.this_week) > 0
ORDER BY articles DESC, mentions DESC, r.name
LIMIT 25
