-- Relevant coverage per province in the week [$1, $2), with the week before for comparison.
-- An article counts once per province, however many of its kabupaten/kota it names.
WITH dated AS (
    SELECT article_id, source, coalesce(published_at, stored_at) >= $1 AS this_week
    FROM articles
    WHERE relevant AND dup_of IS NULL
      AND coalesce(published_at, stored_at) >= $1::TIMESTAMPTZ - INTERVAL 7 DAY
      AND coalesce(published_at, stored_at) < $2
),
placed AS (
    SELECT
        d.article_id,
        d.source,
        d.this_week,
        r.province_code,
        r.province_name,
        CASE WHEN r.type <> 'provinsi' THEN r.code END AS local_region
    FROM dated AS d
    JOIN article_regions AS ar USING (article_id)
    JOIN regions AS r ON r.code = ar.region_code
)
SELECT
    province_name AS province,
    count(DISTINCT article_id) FILTER (WHERE this_week) AS articles,
    count(DISTINCT article_id) FILTER (WHERE NOT this_week) AS articles_before,
    count(DISTINCT source) FILTER (WHERE this_week) AS sources,
    count(DISTINCT local_region) FILTER (WHERE this_week) AS kabupaten_kota
FROM placed
GROUP BY province_code, province_name
HAVING count(DISTINCT article_id) FILTER (WHERE this_week) > 0
ORDER BY articles DESC, province
