-- not null: what every stored article must have.
SELECT article_id, url
FROM articles
WHERE article_id IS NULL OR url IS NULL OR text IS NULL OR relevant IS NULL
   OR relevance IS NULL OR pipeline_version IS NULL OR stored_at IS NULL
