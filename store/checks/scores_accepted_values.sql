-- accepted values: Ombudsman scores are 0-100, zones hijau/kuning/merah, ranks and years
-- plausible.
SELECT article_id, subject, value, zone, rank, year
FROM scores
WHERE value IS NULL OR value < 0 OR value > 100
   OR (zone IS NOT NULL AND zone NOT IN ('hijau', 'kuning', 'merah'))
   OR rank < 1
   OR year NOT BETWEEN 2000 AND 2100
   OR kind IS NULL
