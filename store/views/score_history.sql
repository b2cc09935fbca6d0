-- Each distinct score reported for a subject (region or agency), with how often and since
-- when it was reported: many sites repeat the same announcement, analysts want it once.
-- The source article is the first report of the score (ties broken by URL, so it is stable),
-- the one to cite.
CREATE OR REPLACE VIEW score_history AS
WITH reported AS (
    SELECT
        s.subject_code,
        coalesce(r.name, s.subject) AS subject,
        r.type AS subject_type,
        r.province_name,
        s.kind,
        s.year,
        s.value,
        s.zone,
        s.rank,
        a.article_id,
        a.source,
        a.title,
        a.url,
        a.published_at,
        -- WIB is UTC+7 all year: arithmetic rather than a time zone lookup (weekly_coverage).
        make_timestamp(epoch_us(a.published_at) + 25200000000)::DATE AS published_date
    FROM scores AS s
    JOIN articles AS a USING (article_id)
    LEFT JOIN regions AS r ON r.code = s.subject_code
)
SELECT
    subject_code,
    subject,
    subject_type,
    province_name,
    kind,
    year,
    value,
    zone,
    rank,
    count(DISTINCT article_id) AS reports,
    count(DISTINCT source) AS sources,
    min(published_date) AS first_reported,
    max(published_date) AS last_reported,
    arg_min(article_id, (published_at, url)) AS source_article_id,
    arg_min(title, (published_at, url)) AS source_title,
    arg_min(url, (published_at, url)) AS source_url
FROM reported
GROUP BY subject_code, subject, subject_type, province_name, kind, year, value, zone, rank;
