-- Events of the week's relevant articles, in date order.
SELECT coalesce(e.date, CAST(a.published_at AS DATE)) AS day, e.type, r.name AS region, a.title, a.url
FROM events AS e
JOIN articles AS a USING (article_id)
LEFT JOIN regions AS r ON r.code = e.region_code
WHERE a.published_at >= $1 AND a.published_at < $2 AND a.relevant AND a.dup_of IS NULL
  AND e.type <> 'other'
ORDER BY day, e.type
