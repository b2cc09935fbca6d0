-- Headline figures for one week [$1, $2) and the week before it.
SELECT
    count(*) FILTER (WHERE published_at >= $1 AND published_at < $2) AS articles,
    count(*) FILTER (WHERE published_at >= $1 AND published_at < $2 AND relevant) AS relevant,
    count(DISTINCT source) FILTER (WHERE published_at >= $1 AND published_at < $2) AS sources,
    count(*) FILTER (WHERE published_at >= $1 - INTERVAL 7 DAY AND published_at < $1) AS articles_before,
    count(*) FILTER (
        WHERE published_at >= $1 - INTERVAL 7 DAY AND published_at < $1 AND relevant
    ) AS relevant_before
FROM articles
WHERE dup_of IS NULL
