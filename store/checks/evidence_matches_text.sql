-- Every tag keeps its evidence: the quoted snippet is exactly text[start:end] of its article.
WITH tagged AS (
    SELECT 'article_regions' AS tag_table, article_id, evidence_start, evidence_end, evidence
    FROM article_regions
    UNION ALL
    SELECT 'officials', article_id, evidence_start, evidence_end, evidence FROM officials
    UNION ALL
    SELECT 'scores', article_id, evidence_start, evidence_end, evidence FROM scores
    UNION ALL
    SELECT 'events', article_id, evidence_start, evidence_end, evidence FROM events
    UNION ALL
    SELECT 'laws', article_id, evidence_start, evidence_end, evidence FROM laws
)
SELECT t.tag_table, t.article_id, t.evidence_start, t.evidence_end, t.evidence
FROM tagged AS t
JOIN articles AS a USING (article_id)
WHERE t.evidence IS NOT NULL
  AND (t.evidence_start IS NULL OR t.evidence_end IS NULL
       OR t.evidence_start < 0 OR t.evidence_end < t.evidence_start
       OR substr(a.text, t.evidence_start + 1, t.evidence_end - t.evidence_start)
          IS DISTINCT FROM t.evidence)
