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
        -- WIB is UTC+7 all year: arithmetic rather than a time zone lookup (weekly_coverage).
        make_timestamp(epoch_us(coalesce(published_at, stored_at)) + 25200000000) AS local_time
    FROM articles
),
-- Named per article, so that a filter on iso_week reaches the scan (see weekly_coverage).
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
article_places AS (
    SELECT DISTINCT
        ar.article_id,
        r.province_code,
        r.province_name,
        CASE WHEN r.type <> 'provinsi' THEN r.code END AS local_region
    FROM article_regions AS ar
    JOIN regions AS r ON r.code = ar.region_code
),
-- Each article once per province, so that plain counts count distinct articles (see
-- weekly_coverage), and per source first, so that the number of sources is a plain count.
per_source AS (
    SELECT
        p.province_code,
        p.province_name,
        d.iso_week,
        d.week_start,
        d.source,
        count(*) AS articles,
        count(*) FILTER (WHERE d.dup_of IS NULL) AS stories,
        count(*) FILTER (WHERE d.relevant) AS relevant
    FROM (SELECT DISTINCT article_id, province_code, province_name FROM article_places) AS p
    JOIN weeks AS d USING (article_id)
    GROUP BY p.province_code, p.province_name, d.iso_week, d.week_start, d.source
),
local_regions AS (
    SELECT province_code, province_name, iso_week, week_start, count(*) AS kabupaten_kota
    FROM (
        SELECT DISTINCT p.province_code, p.province_name, d.iso_week, d.week_start, p.local_region
        FROM article_places AS p
        JOIN weeks AS d USING (article_id)
        WHERE p.local_region IS NOT NULL
    )
    GROUP BY province_code, province_name, iso_week, week_start
),
per_week AS (
    SELECT
        province_code,
        province_name,
        iso_week,
        week_start,
        sum(articles)::BIGINT AS articles,
        sum(stories)::BIGINT AS stories,
        count(source) AS sources,
        sum(relevant)::BIGINT AS relevant
    FROM per_source
    GROUP BY province_code, province_name, iso_week, week_start
)
SELECT
    w.province_code,
    w.province_name,
    w.iso_week,
    w.week_start,
    w.articles,
    w.stories,
    w.sources,
    coalesce(l.kabupaten_kota, 0) AS kabupaten_kota,
    w.relevant / w.articles AS relevant_share
FROM per_week AS w
LEFT JOIN local_regions AS l USING (province_code, province_name, iso_week, week_start);
