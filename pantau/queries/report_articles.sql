-- The week's relevant articles, most relevant first.
SELECT title, source, url, CAST(published_at AS DATE) AS day, relevance
FROM articles
WHERE published_at >= $1 AND published_at < $2 AND relevant AND dup_of IS NULL
ORDER BY relevance DESC, published_at
LIMIT 30
