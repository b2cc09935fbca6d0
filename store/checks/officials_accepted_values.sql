-- accepted values: an office held in someone's stead is Pj, Pjs, Plt or Plh (classify.officials).
SELECT article_id, name, role, acting
FROM officials
WHERE acting IS NOT NULL AND acting NOT IN ('Pj', 'Pjs', 'Plt', 'Plh')
