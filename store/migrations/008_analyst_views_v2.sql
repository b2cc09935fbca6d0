-- Analyst views, second round: the score history names its source article, the event
-- calendar carries the ISO week, and two new views: coverage rolled up to provinces and the
-- health of each source (source_health needs crawl_runs.broken from 006).

-- include: views/score_history.sql
-- include: views/event_calendar.sql
-- include: views/province_coverage.sql
-- include: views/source_health.sql
