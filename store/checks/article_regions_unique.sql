-- unique: an article names a region once (its mentions are counted, not repeated).
SELECT article_id, region_code, count(*) AS copies
FROM article_regions
GROUP BY article_id, region_code
HAVING count(*) > 1
