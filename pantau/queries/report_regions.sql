-- Relevant coverage by region in the week: articles and mentions.
WITH week_articles AS (
    SELECT article_id
    FROM articles
    WHERE published_at >= $1 AND published_at < $2 AND relevant AND dup_of IS NULL
)
SELECT r.type, r.name, r.province_name, count(*) AS articles, sum(ar.mentions) AS mentions
FROM article_regions AS ar
JOIN week_articles USING (article_id)
JOIN regions AS r ON r.code = ar.region_code
GROUP BY ALL
ORDER BY articles DESC, mentions DESC, r.name
LIMIT 25
