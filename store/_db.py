"""Opening DuckDB files and turning DuckDB's errors into one-line ``StoreError``s."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from core.errors import StoreError


def one_line(exc: BaseException) -> str:
    """DuckDB messages often continue with a caret diagram or hints; the CLI shows one line."""
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    return lines[0] if lines else type(exc).__name__


@contextmanager
def wrapped(doing: str) -> Iterator[None]:
    """Re-raise any DuckDB error as ``StoreError("<doing>: <first line of the error>")``."""
    try:
        yield
    except duckdb.Error as exc:
        raise StoreError(f"{doing}: {one_line(exc)}") from exc


# DuckDB's words when another process holds the file. Matching just "lock" took a damaged
# file's "checksum ... in block at ..." for a busy one, and waited 30 s to say so.
_LOCK_HELD = re.compile(r"Could not set lock on file|Conflicting lock is held")
_DENIED = re.compile(
    r"Cannot open file .*: (Permission denied|Operation not permitted|Read-only file system)"
)
# A DuckDB file carries this magic after an 8-byte checksum.
_MAGIC = b"DUCK"
_SQLITE_MAGIC = b"SQLite format 3\x00"


# How long an open waits for another process to let go of the file. A crawl holds the
# file only for the moment of a batched write, and a reader only for its query, so a
# wait of this length means something else holds it (an interactive session, say).
LOCK_WAIT_SECONDS = 30.0


def connect(
    path: Path, *, read_only: bool, wait: float = LOCK_WAIT_SECONDS
) -> duckdb.DuckDBPyConnection:
    """Open ``path``, retrying while another process holds DuckDB's file lock.

    DuckDB lets one process write a file, and no other process open it meanwhile;
    the crawl therefore opens the file briefly per batch and readers retry here.
    """
    if read_only and not path.exists():
        raise StoreError(f"database not found: {path}")
    _check_header(path)
    deadline = time.monotonic() + wait
    pause = 0.02
    while True:
        try:
            con = duckdb.connect(str(path), read_only=read_only)
            break
        except duckdb.Error as exc:
            message = one_line(exc)
            if "not a valid DuckDB database file" in message:
                raise StoreError(f"not a DuckDB database: {path}") from exc
            if message.startswith("Corrupt database file"):
                raise StoreError(f"damaged DuckDB database {path}: {message}") from exc
            denied = _DENIED.search(message)
            if denied and not read_only:
                raise StoreError(f"cannot write to database {path}: {denied[1]}") from exc
            if not _LOCK_HELD.search(message):
                raise StoreError(f"cannot open database {path}: {message}") from exc
            if time.monotonic() >= deadline:
                raise StoreError(f"database is in use by another process: {path}") from exc
            time.sleep(pause)
            pause = min(pause * 2, 0.5)
    # Days and weeks in casts and date functions then follow the newsrooms' clock (WIB)
    # whatever the host's zone, agreeing with the views; instants are unaffected.
    con.execute("SET TimeZone = 'Asia/Jakarta'")
    return con


def _check_header(path: Path) -> None:
    """Refuse a file that is not DuckDB before DuckDB sees it: given an SQLite file, DuckDB
    tries to download its SQLite extension, and pantau downloads nothing at run time."""
    try:
        with path.open("rb") as f:
            head = f.read(16)
    except FileNotFoundError:
        return
    except IsADirectoryError:
        raise StoreError(f"not a DuckDB database: {path} is a directory") from None
    except OSError as exc:
        raise StoreError(f"cannot open database {path}: {exc.strerror}") from None
    if head.startswith(_SQLITE_MAGIC):
        raise StoreError(f"not a DuckDB database: {path} (it is an SQLite file)")
    if len(head) >= 12 and head[8:12] != _MAGIC:
        raise StoreError(f"not a DuckDB database: {path}")


# Connections (by id) inside a ``transaction`` block. DuckDB has no nested transactions and
# no way to ask whether one is open (a second BEGIN fails and aborts the first), so the
# blocks keep count themselves.
_IN_TRANSACTION: set[int] = set()


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """BEGIN; COMMIT if the block succeeds, ROLLBACK (and re-raise) if it raises.

    A block inside another on the same connection joins the outer one: several writes
    (each a transaction of its own when alone) can then be made all-or-nothing together,
    as a crawl batch must be, so a crash never leaves a page stored without its article.
    """
    key = id(con)
    if key in _IN_TRANSACTION:
        yield
        return
    con.execute("BEGIN TRANSACTION")
    _IN_TRANSACTION.add(key)
    try:
        yield
    except BaseException:
        _IN_TRANSACTION.discard(key)
        con.execute("ROLLBACK")
        raise
    _IN_TRANSACTION.discard(key)
    con.execute("COMMIT")
