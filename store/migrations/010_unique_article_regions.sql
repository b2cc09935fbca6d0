-- One row per article and region in article_regions, which the coverage views now count on
-- instead of a DISTINCT over millions of rows (2.2 -> 1.0 s for every row of weekly_coverage
-- on a million articles). Every pantau so far wrote one row per region; a row repeated by
-- another writer is dropped here, and the store merges repeats from now on.
DELETE FROM article_regions
WHERE rowid NOT IN (
    SELECT min(rowid) FROM article_regions GROUP BY article_id, region_code
);

-- include: views/weekly_coverage.sql
-- include: views/province_coverage.sql
