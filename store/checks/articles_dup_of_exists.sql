-- relationship: a duplicate points at an article that is stored, and not at itself.
SELECT a.article_id, a.dup_of
FROM articles AS a
LEFT JOIN articles AS original ON original.article_id = a.dup_of
WHERE a.dup_of IS NOT NULL AND (original.article_id IS NULL OR a.dup_of = a.article_id)
