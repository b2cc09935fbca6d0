-- Migrations are applied once each and numbered without gaps from 001.
SELECT version, name
FROM schema_migrations
QUALIFY version <> row_number() OVER (ORDER BY version)
