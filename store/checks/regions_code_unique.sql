-- unique: one gazetteer row per Kemendagri code.
SELECT code, count(*) AS copies
FROM regions
GROUP BY code
HAVING count(*) > 1
