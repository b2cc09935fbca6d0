-- unique: one row per fetched URL.
SELECT url, count(*) AS copies
FROM pages
GROUP BY url
HAVING count(*) > 1
