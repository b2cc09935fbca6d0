-- Officials named in the week's [$1, $2) relevant articles, most quoted first, with how
-- they were named in the text.
WITH week_articles AS (
    SELECT article_id
    FROM articles
    WHERE relevant AND dup_of IS NULL
      AND coalesce(published_at, stored_at) >= $1
      AND coalesce(published_at, stored_at) < $2
)
SELECT
    o.name,
    o.role,
    r.name AS region,
    r.province_name AS province,
    count(DISTINCT o.article_id) AS articles,
    sum(o.mentions) AS mentions,
    arg_max(o.evidence, o.mentions) AS named_as
FROM officials AS o
JOIN week_articles AS w USING (article_id)
LEFT JOIN regions AS r ON r.code = o.region_code
GROUP BY o.name, o.role, r.name, r.province_name
ORDER BY articles DESC, mentions DESC, o.name
LIMIT 15
