-- unique and accepted values: source names as the sources file allows them ([a-z0-9_-]).
SELECT name
FROM sources
WHERE NOT regexp_full_match(name, '[a-z0-9_-]+')
   OR name IN (SELECT name FROM sources GROUP BY name HAVING count(*) > 1)
