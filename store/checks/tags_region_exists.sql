-- relationship: every region code on a tag row is in the gazetteer.
SELECT 'article_regions' AS tag_table, article_id, region_code AS code FROM article_regions
WHERE region_code NOT IN (SELECT code FROM regions)
UNION ALL
SELECT 'officials', article_id, region_code FROM officials
WHERE region_code IS NOT NULL AND region_code NOT IN (SELECT code FROM regions)
UNION ALL
SELECT 'scores', article_id, subject_code FROM scores
WHERE subject_code IS NOT NULL AND subject_code NOT IN (SELECT code FROM regions)
UNION ALL
SELECT 'events', article_id, region_code FROM events
WHERE region_code IS NOT NULL AND region_code NOT IN (SELECT code FROM regions)
