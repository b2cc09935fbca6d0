-- One row per crawl of one source (or of all sources when source is NULL), so that a
-- failing site shows up as a trend rather than a line lost in a log.

CREATE SEQUENCE crawl_runs_seq START 1;

CREATE TABLE crawl_runs (
    run_id               BIGINT PRIMARY KEY DEFAULT nextval('crawl_runs_seq'),
    source               VARCHAR,
    started_at           TIMESTAMPTZ NOT NULL,
    finished_at          TIMESTAMPTZ,
    pages_fetched        INTEGER,
    new_articles         INTEGER,
    errors               JSON,
    extraction_failures  INTEGER,
    status               VARCHAR NOT NULL
);
