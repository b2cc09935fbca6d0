"""``pantau export --parquet DIR``: the database as a partitioned Parquet dataset.

Layout (hive partitioning, readable by DuckDB, pandas/pyarrow and polars)::

    DIR/articles/year=2021/month=6/province=Lampung/data_0.parquet
    DIR/<tag table>/year=.../month=.../province=.../data_0.parquet   (article_regions,
        officials, scores, events, laws: partitioned as their article)
    DIR/regions.parquet, DIR/sources.parquet, DIR/crawl_runs.parquet  (small, unpartitioned)

DuckDB writes the Parquet itself; the source is opened read-only so an export can run
while a crawl writes.
"""

from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path

import duckdb

from core.errors import UsageError
from store._db import wrapped
from store._readonly import connect_current

PARTITION_BY = ["year", "month", "province"]
TAG_TABLES = ("article_regions", "officials", "scores", "events", "laws")
PLAIN_TABLES = ("regions", "sources", "crawl_runs")
# Table names are fixed identifiers from the lists above, never user input; values are bound.
_TAG_QUERY = (
    "SELECT t.*, p.year, p.month, p.province FROM {table} AS t "
    "JOIN exported AS p USING (article_id) ORDER BY p.year, p.month, p.province"
)


def export_parquet(db: Path, out_dir: Path) -> dict[str, int]:
    """Write every table under ``out_dir`` (replacing an earlier export there); return the
    number of rows written per table."""
    if out_dir.exists() and not out_dir.is_dir():
        raise UsageError(f"--parquet must be a directory: {out_dir}")
    articles_sql = (
        resources.files("pantau").joinpath("queries", "export_articles.sql").read_text("utf-8")
    )
    con = connect_current(db)
    written: dict[str, int] = {}
    try:
        with wrapped("cannot export"):
            # A temp table (allowed on a read-only database) so each tag table joins to the
            # very partition keys the articles were written with.
            con.execute(
                "CREATE TEMP TABLE exported AS "
                "SELECT article_id, year, month, province FROM (" + articles_sql + ")"
            )
            _reset(out_dir)
            written["articles"] = _write(
                con.sql(articles_sql), out_dir / "articles", partition=True
            )
            for table in TAG_TABLES:
                relation = con.sql(_TAG_QUERY.format(table=table))
                written[table] = _write(relation, out_dir / table, partition=True)
            for table in PLAIN_TABLES:
                relation = con.table(table)
                written[table] = _write(relation, out_dir / f"{table}.parquet", partition=False)
    finally:
        con.close()
    return written


def _reset(out_dir: Path) -> None:
    """Remove what an earlier export wrote, so re-exporting never mixes old partitions in."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        for table in ("articles", *TAG_TABLES):
            shutil.rmtree(out_dir / table, ignore_errors=True)
    except OSError as exc:
        raise UsageError(f"cannot write to {out_dir}: {exc.strerror}") from None


def _write(relation: duckdb.DuckDBPyRelation, path: Path, *, partition: bool) -> int:
    count = int(relation.aggregate("count(*)").fetchall()[0][0])
    if partition:
        if count == 0:
            # An empty partitioned write produces no file; readers then fail on a missing
            # glob, so the empty table is still written once, unpartitioned.
            path.mkdir(parents=True, exist_ok=True)
            relation.write_parquet(str(path / "empty.parquet"))
            return 0
        relation.write_parquet(str(path), partition_by=PARTITION_BY, overwrite=True)
    else:
        relation.write_parquet(str(path))
    return count
