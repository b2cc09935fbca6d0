-- Near-duplicate fingerprints (extract/dedupe.py: MinHash, 128 x 32-bit minima in 32 LSH bands
-- of 4). One row per article with its signature, and one row per band key; an article whose
-- band keys meet a stored article's is a candidate, confirmed on the full signature.
-- article_fingerprints.dup_of mirrors articles.dup_of at the time of the fingerprint, so a later
-- copy points at the first copy (the root of the chain) even before the articles row exists.

CREATE TABLE article_fingerprints (
    article_id   VARCHAR PRIMARY KEY,
    scheme       VARCHAR NOT NULL,
    signature    BLOB NOT NULL,
    dup_of       VARCHAR,
    -- Which copy came first: the articles row's stored_at when one exists, else the time the
    -- fingerprint was first recorded. Kept when an article is fingerprinted again.
    first_seen   TIMESTAMPTZ NOT NULL
);

-- Band keys fold the band's number in, so one column (and one index) serves all bands.
CREATE TABLE fingerprint_bands (
    band_key    BIGINT NOT NULL,
    article_id  VARCHAR NOT NULL
);

CREATE INDEX fingerprint_bands_key ON fingerprint_bands (band_key);
