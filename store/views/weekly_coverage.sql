-- How much each region was covered per ISO week ('2024-W05', as `pantau report --week` takes).
-- Weeks follow the newsrooms' clock (WIB), not UTC. An article without a publication date
-- counts in the week it was first stored. `articles` counts every copy (syndication is
-- coverage too); `stories` leaves out articles marked as duplicates of another.
CREATE OR REPLACE VIEW weekly_coverage AS
WITH dated AS (
    SELECT
        article_id,
        source,
        relevant,
        dup_of,
        -- WIB wall-clock time. WIB is UTC+7 all year (no daylight saving since 1964), and the
        -- arithmetic is six times faster than timezone('Asia/Jakarta', ...) on a million rows.
        make_timestamp(epoch_us(coalesce(published_at, stored_at)) + 25200000000) AS local_time
    FROM articles
),
-- The week is named per article, before any grouping, so that a filter on iso_week reaches
-- the scan of articles instead of waiting for every week to be counted.
weeks AS (
    SELECT
        article_id,
        source,
        relevant,
        dup_of,
        strftime(local_time, '%G-W%V') AS iso_week,
        date_trunc('week', local_time)::DATE AS week_start
    FROM dated
),
-- Each article once per region (article_regions holds one row per article and region, as
-- migration 010 and the store make sure), so that plain counts below count distinct articles:
-- DuckDB's count(DISTINCT) keeps a hash table per group, several times slower on a million
-- articles.
region_articles AS (
    SELECT w.*, ar.region_code
    FROM weeks AS w
    JOIN article_regions AS ar USING (article_id)
),
-- Counted per source first, so that the number of sources is a plain count too.
per_source AS (
    SELECT
        region_code,
        iso_week,
        week_start,
        source,
        count(*) AS articles,
        count(*) FILTER (WHERE dup_of IS NULL) AS stories,
        count(*) FILTER (WHERE relevant) AS relevant
    FROM region_articles
    GROUP BY region_code, iso_week, week_start, source
),
per_week AS (
    SELECT
        region_code,
        iso_week,
        week_start,
        sum(articles)::BIGINT AS articles,
        sum(stories)::BIGINT AS stories,
        count(source) AS sources,
        sum(relevant)::BIGINT AS relevant
    FROM per_source
    GROUP BY region_code, iso_week, week_start
)
SELECT
    w.region_code,
    r.name AS region_name,
    r.type AS region_type,
    r.province_name,
    w.iso_week,
    w.week_start,
    w.articles,
    w.stories,
    w.sources,
    w.relevant / w.articles AS relevant_share
FROM per_week AS w
LEFT JOIN regions AS r ON r.code = w.region_code;
