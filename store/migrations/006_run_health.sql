-- A source is flagged broken when it stops yielding articles or its extraction failures
-- jump; the reason is kept with the run that noticed it.
ALTER TABLE crawl_runs ADD COLUMN broken BOOLEAN DEFAULT false;
ALTER TABLE crawl_runs ADD COLUMN broken_reason VARCHAR;
