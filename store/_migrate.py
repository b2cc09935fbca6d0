"""Apply ``migrations/NNN_name.sql`` in order, once each, recorded in ``schema_migrations``.

A migration may pull in another packaged SQL file with a line ``-- include: views/x.sql``,
so views stay readable files of their own while still being created by a migration.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources

import duckdb

from core.errors import StoreError
from core.gazetteer import regions
from store import _sql
from store._db import one_line, transaction

_FILE_NAME = re.compile(r"^(\d{3})_([a-z0-9_]+)\.sql$")
_INCLUDE = re.compile(r"^--\s*include:\s*(\S+)\s*$", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    sql: str


def migrations() -> list[Migration]:
    """Every packaged migration, in version order, includes expanded."""
    package = resources.files("store")
    found: dict[int, Migration] = {}
    for entry in package.joinpath("migrations").iterdir():
        match = _FILE_NAME.match(entry.name)
        if not match:
            continue
        version = int(match.group(1))
        if version in found:
            raise StoreError(f"two migrations numbered {version:03d}")
        sql = _INCLUDE.sub(
            lambda m: package.joinpath(m.group(1)).read_text(encoding="utf-8"),
            entry.read_text(encoding="utf-8"),
        )
        found[version] = Migration(version, match.group(2), sql)
    return [found[v] for v in sorted(found)]


def migrate(con: duckdb.DuckDBPyConnection) -> list[Migration]:
    """Bring the schema up to date in one transaction; return the migrations applied.

    One transaction for all pending migrations means a crash or a failing migration leaves
    the file exactly as it was, never half-upgraded.
    """
    with transaction(con):
        todo = pending(con)
        con.execute(_sql.CREATE_SCHEMA_MIGRATIONS)
        for migration in todo:
            try:
                con.execute(migration.sql)
            except duckdb.Error as exc:
                raise StoreError(
                    f"migration {migration.version:03d}_{migration.name} failed: {one_line(exc)}"
                ) from exc
            con.execute(_sql.RECORD_MIGRATION, [migration.version, migration.name])
        _load_regions(con)
    return todo


def pending(con: duckdb.DuckDBPyConnection) -> list[Migration]:
    """The migrations the database of ``con`` lacks (reads only).

    Raises ``StoreError`` for a database of a newer pantau, whose schema this code cannot
    know, and for another program's DuckDB database, which pantau's tables must not join.
    """
    known = migrations()
    tables = {name for (name,) in con.execute(_sql.OWN_TABLES).fetchall()}
    if "schema_migrations" not in tables:
        if tables:
            some = ", ".join(sorted(tables)[:3])
            raise StoreError(
                f"not a pantau database: {_path(con)} holds other tables ({some})"
                " and no schema_migrations"
            )
        return known
    applied = {v for (v,) in con.execute(_sql.APPLIED_MIGRATIONS).fetchall()}
    if applied and max(applied) > known[-1].version:
        raise StoreError(
            f"database schema version {max(applied)} of {_path(con)} is newer than this pantau "
            f"(knows up to {known[-1].version}); upgrade pantau"
        )
    return [m for m in known if m.version not in applied]


def _path(con: duckdb.DuckDBPyConnection) -> str:
    row = con.execute(_sql.DATABASE_PATH).fetchone()
    return str(row[0]) if row and row[0] else "the database"


def _load_regions(con: duckdb.DuckDBPyConnection) -> None:
    """The gazetteer ships with the code, so it is loaded from there rather than from SQL."""
    row = con.execute(_sql.REGION_COUNT).fetchone()
    if row and row[0]:
        return
    entries = regions()
    con.execute(
        _sql.INSERT_REGIONS,
        [
            [e.code for e in entries],
            [e.type for e in entries],
            [e.name for e in entries],
            [e.province_code for e in entries],
            [e.province_name for e in entries],
        ],
    )
