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
        date_trunc(
            'week', make_timestamp(epoch_us(coalesce(published_at, stored_at)) + 25200000000)
        )::DATE AS week_start
    FROM articles
),
-- Each article once per region, so that plain counts below count distinct articles: DuckDB's
-- count(DISTINCT) keeps a hash table per group, several times slower on a million articles.
region_articles AS (
    SELECT d.*, ar.region_code
    FROM (SELECT DISTINCT article_id, region_code FROM article_regions) AS ar
    JOIN dated AS d USING (article_id)
),
-- Counted per source first, so that the number of sources is a plain count too. The ISO week
-- is that of its Monday, named once per row of the result rather than once per article.
per_source AS (
    SELECT
        region_code,
        week_start,
        source,
        count(*) AS articles,
        count(*) FILTER (WHERE dup_of IS NULL) AS stories,
        count(*) FILTER (WHERE relevant) AS relevant
    FROM region_articles
    GROUP BY region_code, week_start, source
),
per_week AS (
    SELECT
        region_code,
        week_start,
        sum(articles)::BIGINT AS articles,
        sum(stories)::BIGINT AS stories,
        count(source) AS sources,
        sum(relevant)::BIGINT AS relevant
    FROM per_source
    GROUP BY region_code, week_start
)
SELECT
    w.region_code,
    r.name AS region_name,
    r.type AS region_type,
    r.province_name,
    strftime(w.week_start, '%G-W%V') AS iso_week,
    w.week_start,
    w.articles,
    w.stories,
    w.sources,
    w.relevant / w.articles AS relevant_share
FROM per_week AS w
LEFT JOIN regions AS r ON r.code = w.region_code;
