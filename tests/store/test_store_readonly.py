"""`pantau sql`'s path: read-only queries, refused writes, one-line errors."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from core.errors import ReadOnlyQuery, StoreError, UsageError
from store import Store, is_read_only_sql, query_readonly
from tests.store.factories import article, tags

WRITES = {
    "INSERT": "INSERT INTO laws VALUES ('x', 'UU 1/2000', NULL, NULL, NULL)",
    "UPDATE": "UPDATE articles SET title = 'x'",
    "DELETE": "DELETE FROM articles",
    "CREATE": "CREATE TABLE notes (a INTEGER)",
    "DROP": "DROP TABLE articles",
    "ATTACH": "ATTACH 'other.duckdb' AS other",
    "COPY": "COPY articles TO 'out.csv'",
    "ALTER": "ALTER TABLE articles ADD COLUMN x INTEGER",
    "TRUNCATE": "TRUNCATE laws",
    "INSTALL": "INSTALL httpfs",
    "IMPORT": "IMPORT DATABASE 'dump'",
    "SET": "SET threads = 1",
    "DELETE inside a query": "WITH gone AS (DELETE FROM laws RETURNING *) SELECT * FROM gone",
}
READS = {
    "select": "SELECT count(*) FROM articles",
    "with": "WITH a AS (SELECT * FROM articles) SELECT count(*) FROM a",
    "describe": "DESCRIBE articles",
    "show": "SHOW TABLES",
    "summarize": "SUMMARIZE regions",
    "union": "SELECT 1 UNION ALL SELECT 2",
    "view": "SELECT * FROM weekly_coverage",
}


@pytest.fixture
def filled(db_path: Path) -> Path:
    with Store(db_path) as store:
        a = article()
        store.save_article(a, tags(a), pipeline_version="t1")
    return db_path


@pytest.mark.parametrize(("verb", "sql"), WRITES.items(), ids=list(WRITES))
def test_query_readonly_refuses_writes(filled: Path, verb: str, sql: str) -> None:
    with pytest.raises(ReadOnlyQuery) as caught:
        query_readonly(filled, sql)
    assert str(caught.value) == f"pantau sql is read-only: {verb} is not allowed"
    assert query_readonly(filled, "SELECT count(*) FROM laws")[1] == [(1,)]


@pytest.mark.parametrize("sql", READS.values(), ids=list(READS))
def test_query_readonly_accepts_reads(filled: Path, sql: str) -> None:
    columns, _ = query_readonly(filled, sql)
    assert columns
    assert is_read_only_sql(sql)


@pytest.mark.parametrize("sql", WRITES.values(), ids=list(WRITES))
def test_is_read_only_sql_spots_writes(sql: str) -> None:
    assert not is_read_only_sql(sql)


def test_a_write_hidden_after_a_read_is_refused(filled: Path) -> None:
    with pytest.raises(ReadOnlyQuery, match="DROP is not allowed"):
        query_readonly(filled, "SELECT 1; DROP TABLE articles")
    assert query_readonly(filled, "SELECT count(*) FROM articles")[1] == [(1,)]


def test_copy_to_writes_no_file(filled: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    with pytest.raises(ReadOnlyQuery):
        query_readonly(filled, f"COPY (SELECT 1) TO '{target}'")
    assert not target.exists()


def test_query_readonly_returns_columns_and_rows(filled: Path) -> None:
    columns, rows = query_readonly(
        filled,
        "SELECT code, name FROM regions WHERE code = ? OR code = ? ORDER BY code",
        ["18", "18.08"],
    )
    assert columns == ["code", "name"]
    assert rows == [("18", "Lampung"), ("18.08", "Way Kanan")]


def test_last_of_several_reads_is_returned(filled: Path) -> None:
    assert query_readonly(filled, "SELECT 1 AS a; SELECT 2 AS b") == (["b"], [(2,)])


def test_missing_database_is_reported_by_path(tmp_path: Path) -> None:
    missing = tmp_path / "nope.duckdb"
    with pytest.raises(StoreError) as caught:
        query_readonly(missing, "SELECT 1")
    assert str(caught.value) == f"database not found: {missing}"
    assert not missing.exists()


def test_file_that_is_not_duckdb_is_reported_in_one_line(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.duckdb"
    bogus.write_text("hello, not a database\n" * 100)
    for attempt in (lambda: query_readonly(bogus, "SELECT 1"), lambda: Store(bogus)):
        with pytest.raises(StoreError) as caught:
            attempt()
        assert str(caught.value) == f"not a DuckDB database: {bogus}"


def test_sql_errors_are_one_line_store_errors(filled: Path) -> None:
    for bad in ("SELEC 1", "SELECT nope FROM articles", "SELECT * FROM nowhere"):
        with pytest.raises(StoreError) as caught:
            query_readonly(filled, bad)
        message = str(caught.value)
        assert message.startswith("SQL error: ")
        assert "\n" not in message


def test_empty_query_is_a_usage_error(filled: Path) -> None:
    with pytest.raises(UsageError, match="no SQL statement"):
        query_readonly(filled, "  ")


def test_unparsable_sql_is_not_called_read_only() -> None:
    assert not is_read_only_sql("SELEC 1")


HOLD_LOCK = (
    "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('ok', flush=True);"
    " time.sleep(60)"
)


def test_database_open_for_writing_elsewhere_is_reported(filled: Path) -> None:
    with subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(filled)], stdout=subprocess.PIPE, text=True
    ) as holder:
        try:
            assert holder.stdout is not None
            assert holder.stdout.readline().strip() == "ok"
            with pytest.raises(StoreError, match="in use by another process"):
                query_readonly(filled, "SELECT 1", wait=0.5)
        finally:
            holder.kill()


HOLD_BRIEFLY = (
    "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('ok', flush=True);"
    " time.sleep(1.5); c.close()"
)


def test_reader_waits_for_a_brief_writer(filled: Path) -> None:
    with subprocess.Popen(
        [sys.executable, "-c", HOLD_BRIEFLY, str(filled)], stdout=subprocess.PIPE, text=True
    ) as holder:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "ok"
        assert query_readonly(filled, "SELECT 1", wait=20) == (["1"], [(1,)])
        holder.wait()


def test_readonly_dates_are_cut_on_wib_days(db_path: Path) -> None:
    # 01:00 WIB on 13 April is still 12 April in UTC.
    with Store(db_path) as store:
        a = article(published=datetime(2021, 4, 13, 1, 0))
        store.save_article(a, tags(a), pipeline_version="t1")
    _, rows = query_readonly(db_path, "SELECT CAST(published_at AS DATE)::VARCHAR FROM articles")
    assert rows == [("2021-04-13",)]
