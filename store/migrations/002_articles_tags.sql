-- Articles and their tags, mirroring core/model.py column for column. Tag rows carry no key:
-- an article's tags are always replaced as a whole, keyed by article_id.

CREATE TABLE articles (
    article_id        VARCHAR PRIMARY KEY,
    url               VARCHAR NOT NULL UNIQUE,
    source            VARCHAR,
    title             VARCHAR,
    text              VARCHAR NOT NULL,
    published_at      TIMESTAMPTZ,
    author            VARCHAR,
    editor            VARCHAR,
    dateline          VARCHAR,
    site              VARCHAR,
    lang              VARCHAR,
    relevant          BOOLEAN NOT NULL,
    relevance         DOUBLE NOT NULL,
    dup_of            VARCHAR,
    pipeline_version  VARCHAR NOT NULL,
    content_hash      VARCHAR,
    stored_at         TIMESTAMPTZ NOT NULL
);

-- Filled from core.gazetteer when the store is opened and this table is empty.
CREATE TABLE regions (
    code           VARCHAR PRIMARY KEY,
    type           VARCHAR NOT NULL CHECK (type IN ('provinsi', 'kabupaten', 'kota')),
    name           VARCHAR NOT NULL,
    province_code  VARCHAR NOT NULL,
    province_name  VARCHAR NOT NULL
);

CREATE TABLE article_regions (
    article_id      VARCHAR NOT NULL,
    region_code     VARCHAR NOT NULL,
    mentions        INTEGER NOT NULL,
    evidence_start  INTEGER,
    evidence_end    INTEGER,
    evidence        VARCHAR
);

CREATE TABLE officials (
    article_id      VARCHAR NOT NULL,
    name            VARCHAR NOT NULL,
    role            VARCHAR NOT NULL,
    region_code     VARCHAR,
    mentions        INTEGER NOT NULL,
    evidence_start  INTEGER,
    evidence_end    INTEGER,
    evidence        VARCHAR
);

CREATE TABLE scores (
    article_id      VARCHAR NOT NULL,
    subject_code    VARCHAR,
    subject         VARCHAR,
    value           DOUBLE NOT NULL,
    year            INTEGER,
    zone            VARCHAR CHECK (zone IN ('hijau', 'kuning', 'merah')),
    rank            INTEGER,
    kind            VARCHAR NOT NULL,
    evidence_start  INTEGER,
    evidence_end    INTEGER,
    evidence        VARCHAR
);

-- The type list is core.model.EVENT_TYPES; tests/store checks the two agree.
CREATE TABLE events (
    article_id      VARCHAR NOT NULL,
    type            VARCHAR NOT NULL CHECK (type IN ('assessment', 'award', 'meeting', 'training',
                        'commitment', 'launch', 'inspection', 'complaint', 'other')),
    date            DATE,
    region_code     VARCHAR,
    evidence_start  INTEGER,
    evidence_end    INTEGER,
    evidence        VARCHAR
);

CREATE TABLE laws (
    article_id      VARCHAR NOT NULL,
    law             VARCHAR NOT NULL,
    evidence_start  INTEGER,
    evidence_end    INTEGER,
    evidence        VARCHAR
);
