-- accepted values: the three region types, codes shaped NN (provinsi) or NN.NN, and every
-- region inside a province that is itself in the table.
SELECT r.code, r.type, r.province_code
FROM regions AS r
LEFT JOIN regions AS p ON p.code = r.province_code AND p.type = 'provinsi'
WHERE r.type NOT IN ('provinsi', 'kabupaten', 'kota')
   OR (r.type = 'provinsi') <> regexp_full_match(r.code, '[0-9]{2}')
   OR (r.type <> 'provinsi' AND NOT regexp_full_match(r.code, '[0-9]{2}\.[0-9]{2}'))
   OR p.code IS NULL
