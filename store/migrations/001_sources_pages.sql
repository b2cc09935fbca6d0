-- Configured sites and every fetched URL, with the raw HTML kept content-addressed so that
-- `pantau reprocess` can re-extract with new code without crawling again.

CREATE TABLE sources (
    name        VARCHAR PRIMARY KEY,
    url         VARCHAR NOT NULL,
    province    VARCHAR,
    first_seen  TIMESTAMPTZ NOT NULL,
    last_seen   TIMESTAMPTZ NOT NULL
);

-- One row per URL: the state of its latest fetch (conditional-request headers included).
CREATE TABLE pages (
    url               VARCHAR PRIMARY KEY,
    source            VARCHAR,
    status            INTEGER,
    fetched_at        TIMESTAMPTZ NOT NULL,
    content_hash      VARCHAR,
    canonical_url     VARCHAR,
    etag              VARCHAR,
    last_modified     VARCHAR,
    first_fetched_at  TIMESTAMPTZ NOT NULL
);

-- Identical HTML served under several URLs (mirrors, tracking parameters) is stored once.
-- content_hash is the sha256 of the UTF-8 HTML; size is that HTML's length in bytes.
CREATE TABLE raw_pages (
    content_hash  VARCHAR PRIMARY KEY,
    compression   VARCHAR NOT NULL,
    body          BLOB NOT NULL,
    size          BIGINT NOT NULL
);
