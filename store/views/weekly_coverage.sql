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
        timezone('Asia/Jakarta', coalesce(published_at, stored_at)) AS local_time
    FROM articles
),
region_articles AS (
    SELECT
        ar.region_code,
        strftime(d.local_time, '%G-W%V') AS iso_week,
        date_trunc('week', d.local_time)::DATE AS week_start,
        d.article_id,
        d.source,
        d.relevant,
        d.dup_of
    FROM dated AS d
    JOIN article_regions AS ar USING (article_id)
)
SELECT
    ra.region_code,
    r.name AS region_name,
    r.type AS region_type,
    r.province_name,
    ra.iso_week,
    ra.week_start,
    count(DISTINCT ra.article_id) AS articles,
    count(DISTINCT ra.article_id) FILTER (WHERE ra.dup_of IS NULL) AS stories,
    count(DISTINCT ra.source) AS sources,
    count(DISTINCT ra.article_id) FILTER (WHERE ra.relevant)
        / count(DISTINCT ra.article_id) AS relevant_share
FROM region_articles AS ra
LEFT JOIN regions AS r ON r.code = ra.region_code
GROUP BY ra.region_code, r.name, r.type, r.province_name, ra.iso_week, ra.week_start;
