-- What kind of page a URL is (article or listing), the address first asked for (before
-- redirects and canonical folding), and for the later pages of a multi-page article the
-- article they belong to and their place in it, so `pantau reprocess` can merge them again.
ALTER TABLE pages ADD COLUMN kind VARCHAR;
ALTER TABLE pages ADD COLUMN requested_url VARCHAR;
ALTER TABLE pages ADD COLUMN part_of VARCHAR;
ALTER TABLE pages ADD COLUMN part_no INTEGER;
