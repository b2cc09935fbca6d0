-- The analyst views rewritten for speed on millions of articles, with the same columns and
-- rows: articles are counted once per group by a DISTINCT step and plain counts instead of
-- count(DISTINCT ...), and WIB dates come from arithmetic (WIB is UTC+7 all year) instead
-- of a time zone lookup per row.

-- include: views/weekly_coverage.sql
-- include: views/province_coverage.sql
-- include: views/official_mentions.sql
-- include: views/score_history.sql
-- include: views/event_calendar.sql
