-- Officials quoted in the week's relevant articles, most quoted first.
SELECT o.name, o.role, r.name AS region, count(DISTINCT o.article_id) AS articles
FROM officials AS o
JOIN articles AS a USING (article_id)
LEFT JOIN regions AS r ON r.code = o.region_code
WHERE a.published_at >= $1 AND a.published_at < $2 AND a.relevant AND a.dup_of IS NULL
GROUP BY ALL
ORDER BY articles DESC, o.name
LIMIT 20
