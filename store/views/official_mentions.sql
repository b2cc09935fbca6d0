-- Who is named, in which role and region, how often and over what period (WIB dates).
CREATE OR REPLACE VIEW official_mentions AS
WITH named AS (
    SELECT
        o.name,
        o.role,
        o.region_code,
        o.mentions,
        a.article_id,
        a.source,
        timezone('Asia/Jakarta', a.published_at)::DATE AS published_date
    FROM officials AS o
    JOIN articles AS a USING (article_id)
)
SELECT
    n.name,
    n.role,
    n.region_code,
    r.name AS region_name,
    r.province_name,
    count(DISTINCT n.article_id) AS articles,
    sum(n.mentions) AS mentions,
    count(DISTINCT n.source) AS sources,
    min(n.published_date) AS first_seen,
    max(n.published_date) AS last_seen
FROM named AS n
LEFT JOIN regions AS r ON r.code = n.region_code
GROUP BY n.name, n.role, n.region_code, r.name, r.province_name;
