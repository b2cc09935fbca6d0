-- accepted values: a tagged region is mentioned at least once.
SELECT article_id, region_code, mentions
FROM article_regions
WHERE mentions IS NULL OR mentions < 1
