-- One row per reported event. When the text gave no date, the article's publication date
-- (WIB) stands in, flagged by date_from_publication so analysts can filter those out.
CREATE OR REPLACE VIEW event_calendar AS
WITH placed AS (
    SELECT
        -- WIB is UTC+7 all year: arithmetic rather than a time zone lookup (weekly_coverage).
        coalesce(e.date, make_timestamp(epoch_us(a.published_at) + 25200000000)::DATE)
            AS event_date,
        e.date IS NULL AS date_from_publication,
        e.type,
        e.region_code,
        a.article_id,
        a.source,
        a.title,
        a.url,
        e.evidence
    FROM events AS e
    JOIN articles AS a USING (article_id)
)
SELECT
    p.event_date,
    strftime(p.event_date, '%G-W%V') AS iso_week,
    p.date_from_publication,
    p.type,
    p.region_code,
    r.name AS region_name,
    r.type AS region_type,
    r.province_name,
    p.article_id,
    p.source,
    p.title,
    p.url,
    p.evidence
FROM placed AS p
LEFT JOIN regions AS r ON r.code = p.region_code;
