-- Analyst views. Each one lives in store/views/ so it can be read (and copied into a
-- notebook) on its own; a later change to a view ships as a new migration including it again.

-- include: views/weekly_coverage.sql
-- include: views/score_history.sql
-- include: views/event_calendar.sql
-- include: views/official_mentions.sql
