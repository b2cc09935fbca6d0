-- Coverage rolled up to provinces per ISO week (WIB, as weekly_coverage): an article counts
-- once for a province however many of its kabupaten/kota it names, and naming only the
-- province counts too.
CREATE OR REPLACE VIEW province_coverage AS
WITH dated AS (
    SELECT
        article_id,
        source,
        relevant,
        dup_of,
        timezone('Asia/Jakarta', coalesce(published_at, stored_at)) AS local_time
    FROM articles
),
province_articles AS (
    SELECT DISTINCT
        r.province_code,
        r.province_name,
        strftime(d.local_time, '%G-W%V') AS iso_week,
        date_trunc('week', d.local_time)::DATE AS week_start,
        d.article_id,
        d.source,
        d.relevant,
        d.dup_of,
        CASE WHEN r.type <> 'provinsi' THEN r.code END AS local_region
    FROM dated AS d
    JOIN article_regions AS ar USING (article_id)
    JOIN regions AS r ON r.code = ar.region_code
)
SELECT
    province_code,
    province_name,
    iso_week,
    week_start,
    count(DISTINCT article_id) AS articles,
    count(DISTINCT article_id) FILTER (WHERE dup_of IS NULL) AS stories,
    count(DISTINCT source) AS sources,
    count(DISTINCT local_region) AS kabupaten_kota,
    count(DISTINCT article_id) FILTER (WHERE relevant) / count(DISTINCT article_id)
        AS relevant_share
FROM province_articles
GROUP BY province_code, province_name, iso_week, week_start;
