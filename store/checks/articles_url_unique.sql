-- unique: one article per URL (the id is derived from it).
SELECT url, count(*) AS copies
FROM articles
GROUP BY url
HAVING count(*) > 1
