"""`pantau export --parquet`: a hive-partitioned dataset that DuckDB reads back whole."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from pantau.export import PLAIN_TABLES, TAG_TABLES, export_parquet
from store import Store


@pytest.fixture(scope="module")
def exported(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("parquet")
    export_parquet(demo_db, out)
    return out


def _read(path: Path) -> duckdb.DuckDBPyRelation:
    return duckdb.sql(
        "SELECT * FROM read_parquet(?, hive_partitioning = true)", params=[f"{path}/**/*.parquet"]
    )


def _count(con: duckdb.DuckDBPyConnection, table: str) -> int:
    return con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]


def test_export_partitions_articles_by_year_month_province(exported: Path) -> None:
    partitions = sorted(
        p.relative_to(exported / "articles").as_posix()
        for p in (exported / "articles").glob("year=*/month=*/province=*")
    )
    assert "year=2021/month=6/province=Jawa%20Barat" in partitions
    assert "year=2016/month=8/province=Lampung" in partitions
    rows = _read(exported / "articles").fetchall()
    assert len(rows) == 5


def test_export_round_trips_every_table(exported: Path, demo_db: Path) -> None:
    with duckdb.connect(str(demo_db), read_only=True) as con:
        for table in ("articles", *TAG_TABLES):
            assert len(_read(exported / table).fetchall()) == _count(con, table), table
        for table in PLAIN_TABLES:
            back = duckdb.sql(
                "SELECT count(*) FROM read_parquet(?)", params=[str(exported / f"{table}.parquet")]
            ).fetchall()[0][0]
            assert back == _count(con, table), table


def test_tag_rows_sit_in_their_articles_partition(exported: Path) -> None:
    rows = duckdb.sql(
        "SELECT s.subject, s.province AS partition, a.province FROM read_parquet(?, "
        "hive_partitioning = true) AS s JOIN read_parquet(?, hive_partitioning = true) AS a "
        "USING (article_id) ORDER BY s.subject",
        params=[f"{exported}/scores/**/*.parquet", f"{exported}/articles/**/*.parquet"],
    ).fetchall()
    assert rows == [("Ciamis", "Jawa Barat", "Jawa Barat"), ("Lebong", "Bengkulu", "Bengkulu")]


def test_export_of_an_empty_database_is_readable(tmp_path: Path) -> None:
    db = tmp_path / "empty.duckdb"
    Store(db).close()
    written = export_parquet(db, tmp_path / "out")
    assert written["articles"] == 0
    assert _read(tmp_path / "out" / "articles").fetchall() == []


def test_re_export_replaces_the_previous_one(exported: Path, demo_db: Path) -> None:
    export_parquet(demo_db, exported)
    assert len(_read(exported / "articles").fetchall()) == 5
