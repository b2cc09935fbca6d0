-- accepted values: relevance is a probability.
SELECT article_id, relevance
FROM articles
WHERE relevance < 0 OR relevance > 1 OR isnan(relevance)
