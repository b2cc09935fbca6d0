-- Notable articles of the week [$1, $2): relevant ones, those reporting a score first, then
-- by relevance; each with the regions it names and one piece of evidence in its context
-- (a score, else an event, an official, a region), split so the quote can be highlighted.
-- The text is read only for the ten articles chosen: reading it for every candidate (the scan
-- cannot skip the text of rows a computed date filter drops) was most of the report's time.
WITH week_articles AS (
    SELECT article_id, source, title, url, published_at, relevance
    FROM articles
    WHERE relevant AND dup_of IS NULL
      AND coalesce(published_at, stored_at) >= $1
      AND coalesce(published_at, stored_at) < $2
),
-- Read once for both the evidence and the list of regions named.
week_regions AS (
    SELECT article_id, region_code, mentions, evidence_start, evidence_end
    FROM article_regions
    JOIN week_articles USING (article_id)
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
    FROM week_regions
),
best AS (
    SELECT article_id, priority, evidence_start, evidence_end
    FROM evidence
    WHERE evidence_start IS NOT NULL AND evidence_end IS NOT NULL
    QUALIFY row_number() OVER (PARTITION BY article_id ORDER BY priority, evidence_start) = 1
),
named AS (
    SELECT ar.article_id, list(r.name ORDER BY ar.mentions DESC, r.name) AS regions
    FROM week_regions AS ar
    JOIN regions AS r ON r.code = ar.region_code
    GROUP BY ar.article_id
),
chosen AS (
    SELECT
        w.article_id,
        w.title,
        w.source,
        w.url,
        w.published_at,
        w.relevance,
        coalesce(n.regions, []) AS regions,
        b.priority,
        b.evidence_start,
        b.evidence_end
    FROM week_articles AS w
    LEFT JOIN best AS b USING (article_id)
    LEFT JOIN named AS n USING (article_id)
    ORDER BY coalesce(b.priority = 1, false) DESC, w.relevance DESC, w.url
    LIMIT 10
)
SELECT
    c.title,
    c.source,
    c.url,
    timezone('Asia/Jakarta', c.published_at)::DATE AS day,
    c.relevance,
    c.regions,
    -- 1-based substr: the quote is text[start:end] in Python's 0-based terms.
    substr(a.text, greatest(c.evidence_start - 159, 1), least(c.evidence_start, 160))
        AS before,
    substr(a.text, c.evidence_start + 1, c.evidence_end - c.evidence_start) AS quote,
    substr(a.text, c.evidence_end + 1, 160) AS after
FROM chosen AS c
JOIN articles AS a USING (article_id)
ORDER BY coalesce(c.priority = 1, false) DESC, c.relevance DESC, c.url
