-- Notable articles of the week [$1, $2): relevant ones, those reporting a score first, then
-- by relevance; each with the regions it names and one piece of evidence in its context
-- (a score, else an event, an official, a region), split so the quote can be highlighted.
WITH week_articles AS (
    SELECT article_id, source, title, url, published_at, relevance, text
    FROM articles
    WHERE relevant AND dup_of IS NULL
      AND coalesce(published_at, stored_at) >= $1
      AND coalesce(published_at, stored_at) < $2
),
evidence AS (
    SELECT article_id, 1 AS priority, evidence_start, evidence_end
    FROM scores JOIN week_articles USING (article_id)
    UNION ALL
    SELECT article_id, 2, evidence_start, evidence_end
    FROM events JOIN week_articles USING (article_id)
    WHERE type <> 'other'
    UNION ALL
    SELECT article_id, 3, evidence_start, evidence_end
    FROM officials JOIN week_articles USING (article_id)
    UNION ALL
    SELECT article_id, 4, evidence_start, evidence_end
    FROM article_regions JOIN week_articles USING (article_id)
),
best AS (
    SELECT article_id, priority, evidence_start, evidence_end
    FROM evidence
    WHERE evidence_start IS NOT NULL AND evidence_end IS NOT NULL
    QUALIFY row_number() OVER (PARTITION BY article_id ORDER BY priority, evidence_start) = 1
),
named AS (
    SELECT ar.article_id, list(r.name ORDER BY ar.mentions DESC, r.name) AS regions
    FROM article_regions AS ar
    JOIN week_articles USING (article_id)
    JOIN regions AS r ON r.code = ar.region_code
    GROUP BY ar.article_id
)
SELECT
    w.title,
    w.source,
    w.url,
    timezone('Asia/Jakarta', w.published_at)::DATE AS day,
    w.relevance,
    coalesce(n.regions, []) AS regions,
    -- 1-based substr: the quote is text[start:end] in Python's 0-based terms.
    substr(w.text, greatest(b.evidence_start - 159, 1), least(b.evidence_start, 160))
        AS before,
    substr(w.text, b.evidence_start + 1, b.evidence_end - b.evidence_start) AS quote,
    substr(w.text, b.evidence_end + 1, 160) AS after
FROM week_articles AS w
LEFT JOIN best AS b USING (article_id)
LEFT JOIN named AS n USING (article_id)
ORDER BY coalesce(b.priority = 1, false) DESC, w.relevance DESC, w.url
LIMIT 10
