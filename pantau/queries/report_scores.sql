-- Scores reported in the week [$1, $2), each distinct score once with how many articles
-- reported it, the first of them to cite, and whether it was ever reported before the week.
WITH week_articles AS (
    SELECT article_id, source, title, url, coalesce(published_at, stored_at) AS at
    FROM articles
    WHERE dup_of IS NULL
      AND coalesce(published_at, stored_at) >= $1
      AND coalesce(published_at, stored_at) < $2
),
reported AS (
    SELECT
        coalesce(r.name, s.subject) AS subject,
        s.subject_code,
        r.province_name AS province,
        s.value,
        s.year,
        s.zone,
        s.rank,
        s.kind,
        w.article_id,
        w.source,
        w.title,
        w.url,
        w.at,
        s.evidence
    FROM scores AS s
    JOIN week_articles AS w USING (article_id)
    LEFT JOIN regions AS r ON r.code = s.subject_code
),
earlier AS (
    SELECT DISTINCT coalesce(s.subject_code, s.subject) AS subject_key, s.year, s.value, s.kind
    FROM scores AS s
    JOIN articles AS a USING (article_id)
    WHERE coalesce(a.published_at, a.stored_at) < $1
)
SELECT
    rp.subject,
    rp.subject_code,
    rp.province,
    rp.value,
    rp.year,
    rp.zone,
    rp.rank,
    rp.kind,
    count(DISTINCT rp.article_id) AS reports,
    bool_and(e.subject_key IS NULL) AS first_time,
    arg_min(rp.source, (rp.at, rp.url)) AS source,
    arg_min(rp.title, (rp.at, rp.url)) AS title,
    arg_min(rp.url, (rp.at, rp.url)) AS url,
    arg_min(rp.evidence, (rp.at, rp.url)) AS evidence
FROM reported AS rp
LEFT JOIN earlier AS e
  ON e.subject_key = coalesce(rp.subject_code, rp.subject)
 AND e.year IS NOT DISTINCT FROM rp.year
 AND e.value = rp.value
 AND e.kind = rp.kind
GROUP BY rp.subject, rp.subject_code, rp.province, rp.value, rp.year, rp.zone, rp.rank, rp.kind
ORDER BY rp.value DESC, rp.subject
