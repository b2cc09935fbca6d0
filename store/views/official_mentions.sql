-- Who is named, in which role and region, how often and over what period (WIB dates).
CREATE OR REPLACE VIEW official_mentions AS
WITH per_article AS (
    SELECT name, role, region_code, article_id, sum(mentions) AS mentions
    FROM officials
    GROUP BY name, role, region_code, article_id
),
-- Counted per source first, so that articles and sources are plain counts: DuckDB's
-- count(DISTINCT) keeps a hash table per group, several times slower on a million articles.
per_source AS (
    SELECT
        p.name,
        p.role,
        p.region_code,
        a.source,
        count(*) AS articles,
        sum(p.mentions) AS mentions,
        -- WIB is UTC+7 all year: arithmetic rather than a time zone lookup (weekly_coverage).
        min(make_timestamp(epoch_us(a.published_at) + 25200000000)::DATE) AS first_seen,
        max(make_timestamp(epoch_us(a.published_at) + 25200000000)::DATE) AS last_seen
    FROM per_article AS p
    JOIN articles AS a USING (article_id)
    GROUP BY p.name, p.role, p.region_code, a.source
),
named AS (
    SELECT
        name,
        role,
        region_code,
        sum(articles)::BIGINT AS articles,
        sum(mentions) AS mentions,
        count(source) AS sources,
        min(first_seen) AS first_seen,
        max(last_seen) AS last_seen
    FROM per_source
    GROUP BY name, role, region_code
)
SELECT
    n.name,
    n.role,
    n.region_code,
    r.name AS region_name,
    r.province_name,
    n.articles,
    n.mentions,
    n.sources,
    n.first_seen,
    n.last_seen
FROM named AS n
LEFT JOIN regions AS r ON r.code = n.region_code;
