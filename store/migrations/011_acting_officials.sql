-- Whether an office is held in someone's stead: Pj (Penjabat, appointed while there is no
-- elected head), Pjs, Plt or Plh. NULL for articles tagged before this column existed.
ALTER TABLE officials ADD COLUMN acting VARCHAR;
