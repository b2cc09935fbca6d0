-- Scores reported in the week's articles.
SELECT s.subject, s.value, s.year, s.zone, s.rank, s.kind, a.title, a.url
FROM scores AS s
JOIN articles AS a USING (article_id)
WHERE a.published_at >= $1 AND a.published_at < $2 AND a.dup_of IS NULL
ORDER BY s.value DESC
