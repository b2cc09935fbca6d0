-- relationship: every tag row belongs to a stored article (reprocessing replaces tags, so
-- orphans would mean a half-done replacement).
SELECT 'article_regions' AS tag_table, t.article_id FROM article_regions AS t
WHERE t.article_id NOT IN (SELECT article_id FROM articles)
UNION ALL
SELECT 'officials', t.article_id FROM officials AS t
WHERE t.article_id NOT IN (SELECT article_id FROM articles)
UNION ALL
SELECT 'scores', t.article_id FROM scores AS t
WHERE t.article_id NOT IN (SELECT article_id FROM articles)
UNION ALL
SELECT 'events', t.article_id FROM events AS t
WHERE t.article_id NOT IN (SELECT article_id FROM articles)
UNION ALL
SELECT 'laws', t.article_id FROM laws AS t
WHERE t.article_id NOT IN (SELECT article_id FROM articles)
