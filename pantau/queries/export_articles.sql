-- Articles with their partition keys: year and month of publication (WIB; of first storing
-- when undated) and the province the article is mostly about: the province of its most
-- mentioned region, else its source's province, else 'unknown'.
WITH main_province AS (
    SELECT ar.article_id, arg_max(r.province_name, (ar.mentions, r.type <> 'provinsi'))
        AS province
    FROM article_regions AS ar
    JOIN regions AS r ON r.code = ar.region_code
    GROUP BY ar.article_id
)
SELECT
    a.* EXCLUDE (text),
    a.text,
    year(timezone('Asia/Jakarta', coalesce(a.published_at, a.stored_at))) AS year,
    month(timezone('Asia/Jakarta', coalesce(a.published_at, a.stored_at))) AS month,
    coalesce(mp.province, s.province, 'unknown') AS province
FROM articles AS a
LEFT JOIN main_province AS mp USING (article_id)
LEFT JOIN sources AS s ON s.name = a.source
ORDER BY year, month, province, a.article_id
