-- Headline figures for one week [$start, $end) and the week before it.
SELECT
    count(*) FILTER (WHERE published_at >= $start AND published_at < $end) AS articles,
    count(*) FILTER (WHERE published_at >= $start AND published_at < $end AND relevant) AS relevant,
    count(DISTINCT source) FILTER (WHERE published_at >= $start AND published_at < $end) AS sources,
    count(*) FILTER (WHERE published_at >= $start - INTERVAL 7 DAY AND published_at < $start) AS articles_before,
    count(*) FILTER (
        WHERE published_at >= $start - INTERVAL 7 DAY AND published_at < $start AND relevant
    ) AS relevant_before
FROM articles
WHERE dup_of IS NULL
