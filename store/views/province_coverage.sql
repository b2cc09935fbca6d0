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
-- Each article once per province and named local region (as the original count(DISTINCT)s
-- saw them): article_regions holds one row per article and region (migration 010), so the
-- join alone gives that.
placed AS (
    SELECT
        d.article_id,
        d.source,
        d.relevant,
        d.dup_of,
        d.iso_week,
        d.week_start,
        r.province_code,
        r.province_name,
        CASE WHEN r.type <> 'provinsi' THEN r.code END AS local_region
    FROM weeks AS d
    JOIN article_regions AS ar USING (article_id)
    JOIN regions AS r ON r.code = ar.region_code
),
-- Each article once per province, so that plain counts count distinct articles (see
-- weekly_coverage), and per source first, so that the number of sources is a plain count.
per_source AS (
    SELECT
        province_code,
        province_name,
        iso_week,
        week_start,
        source,
        count(*) AS articles,
        count(*) FILTER (WHERE dup_of IS NULL) AS stories,
        count(*) FILTER (WHERE relevant) AS relevant
    FROM (
        SELECT DISTINCT
            article_id, source, relevant, dup_of, iso_week, week_start, province_code,
            province_name
        FROM placed
    )
    GROUP BY province_code, province_name, iso_week, week_start, source
),
local_regions AS (
    SELECT DISTINCT province_code, province_name, iso_week, week_start, local_region
    FROM placed
    WHERE local_region IS NOT NULL
),
-- One aggregate over both, stacked, rather than a join of two: a filter on iso_week reaches
-- both branches of a UNION ALL, where it stopped at the right side of a LEFT JOIN.
per_week AS (
    SELECT
        province_code,
        province_name,
        iso_week,
        week_start,
        sum(articles)::BIGINT AS articles,
        sum(stories)::BIGINT AS stories,
        count(source) AS sources,
        count(local_region) AS kabupaten_kota,
        sum(relevant)::BIGINT AS relevant
    FROM (SELECT * FROM per_source UNION ALL BY NAME SELECT * FROM local_regions)
    GROUP BY province_code, province_name, iso_week, week_start
)
SELECT
    province_code,
    province_name,
    iso_week,
    week_start,
    articles,
    stories,
    sources,
    kabupaten_kota,
    relevant / articles AS relevant_share
FROM per_week;
