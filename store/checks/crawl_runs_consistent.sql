-- accepted values: a run ends after it starts, counts are not negative, and a broken run
-- says why.
SELECT run_id, source, started_at, finished_at, broken, broken_reason
FROM crawl_runs
WHERE finished_at < started_at
   OR pages_fetched < 0 OR new_articles < 0 OR extraction_failures < 0
   OR (broken AND broken_reason IS NULL)
