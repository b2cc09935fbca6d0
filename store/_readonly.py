"""``pantau sql``: run analysts' SQL against the database without any way to change it.

Two guards. The connection is opened ``read_only``, which stops writes to the database but not
``COPY ... TO`` a file or ``ATTACH``; so each statement is also checked with DuckDB's own parser:
its statement type must be SELECT (which covers WITH, DESCRIBE, SHOW, SUMMARIZE, FROM-first and
VALUES), and its syntax tree must hold no INSERT, UPDATE or DELETE inside a CTE, which DuckDB
types as a SELECT yet runs.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import duckdb

from core.errors import ReadOnlyQuery, StoreError, UsageError
from store._db import LOCK_WAIT_SECONDS, connect, wrapped
from store._migrate import migrate, migrations, pending

# Query-node types of a pure read in ``json_serialize_sql`` output; any other *_NODE
# (INSERT_QUERY_NODE, UPDATE_QUERY_NODE, DELETE_QUERY_NODE, ...) writes.
_READ_NODES = frozenset({"SELECT_NODE", "SET_OPERATION_NODE", "RECURSIVE_CTE_NODE", "CTE_NODE"})


def is_read_only_sql(sql: str) -> bool:
    """True when every statement in ``sql`` only reads (False for SQL that does not parse)."""
    try:
        return _refusal(duckdb.extract_statements(sql)) is None
    except (duckdb.Error, StoreError):
        return False


def query_readonly(
    path: str | Path, sql: str, params: Sequence[Any] = (), *, wait: float = LOCK_WAIT_SECONDS
) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Run read-only ``sql`` on the database at ``path``; return (column names, rows).

    Several statements may be given; all run, in order, and the last one's result is
    returned. ``params`` bind to that last statement. While a crawl is writing a batch,
    the open waits up to ``wait`` seconds for it.
    """
    with wrapped("SQL error"):
        statements = duckdb.extract_statements(sql)
        refused = _refusal(statements)
    if refused:
        raise ReadOnlyQuery(f"pantau sql is read-only: {refused} is not allowed")
    if not statements:
        raise UsageError("no SQL statement given")
    con = connect(Path(path), read_only=True, wait=wait)
    try:
        with wrapped("SQL error"):
            for statement in statements[:-1]:
                con.execute(statement)
            cursor = con.execute(statements[-1], list(params))
            columns = [d[0] for d in cursor.description or ()]
            return columns, cursor.fetchall() if columns else []
    except StoreError as exc:
        raise StoreError(f"{exc}{_schema_hint(con)}") from exc.__cause__
    finally:
        con.close()


def _schema_hint(con: duckdb.DuckDBPyConnection) -> str:
    """Why a table or column may be missing: the database is of another pantau version."""
    try:
        todo = pending(con)
    except StoreError as exc:
        return f" ({exc})"
    except duckdb.Error:
        return ""
    if not todo:
        return ""
    return (
        f" (the database is at schema version {todo[0].version - 1}, this pantau's is "
        f"{migrations()[-1].version}: `pantau db --migrate` upgrades it)"
    )


def connect_current(
    path: str | Path, *, wait: float = LOCK_WAIT_SECONDS
) -> duckdb.DuckDBPyConnection:
    """A read-only connection to ``path`` at this pantau's schema, for the report and the
    export, which need its tables and views: an older database is migrated first, as any
    writer would; a newer one, or another program's database, is refused."""
    path = Path(path)
    con = connect(path, read_only=True, wait=wait)
    try:
        with wrapped(f"cannot read the schema of {path}"):
            todo = pending(con)
    except BaseException:
        con.close()
        raise
    if not todo:
        return con
    con.close()
    try:
        writer = connect(path, read_only=False, wait=wait)
        try:
            with wrapped(f"cannot migrate {path}"):
                migrate(writer)
        finally:
            writer.close()
    except StoreError as exc:
        raise StoreError(
            f"database schema version {todo[0].version - 1} is older than this pantau's "
            f"({migrations()[-1].version}) and cannot be upgraded: {exc}"
        ) from None
    return connect(path, read_only=True, wait=wait)


def _refusal(statements: Sequence[duckdb.Statement]) -> str | None:
    """The first writing thing in ``statements`` ("INSERT", "COPY", ...), or None if none."""
    for statement in statements:
        if statement.type != duckdb.StatementType.SELECT:
            return _verb(statement)
    if not statements:
        return None
    # json_serialize_sql only needs a parser, so any in-memory connection will do.
    with duckdb.connect() as con:
        for statement in statements:
            row = con.execute("SELECT json_serialize_sql(?)", [statement.query]).fetchone()
            tree = json.loads(row[0]) if row else {}
            if tree.get("error"):
                raise StoreError(f"cannot analyse query: {tree.get('error_message')}")
            for node in _node_types(tree):
                if node not in _READ_NODES:
                    return f"{node.removesuffix('_NODE').removesuffix('_QUERY')} inside a query"
    return None


def _verb(statement: duckdb.Statement) -> str:
    """Name what the user wrote (INSTALL, IMPORT) where DuckDB's type (LOAD, PRAGMA) would not."""
    words = statement.query.split(None, 1)
    if words and words[0].isalpha():
        return words[0].upper()
    return statement.type.name.replace("_", " ")


def _node_types(tree: Any) -> Iterator[str]:
    if isinstance(tree, dict):
        kind = tree.get("type")
        if isinstance(kind, str) and kind.endswith("_NODE"):
            yield kind
        for value in tree.values():
            yield from _node_types(value)
    elif isinstance(tree, list):
        for value in tree:
            yield from _node_types(value)
