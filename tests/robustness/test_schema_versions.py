"""Databases pantau did not make as it is today: older schemas are migrated and keep their rows;
a newer schema, another program's DuckDB file, and files that are no DuckDB database at all
are refused in one line and left byte for byte as they were.

Older schemas are built as older pantau releases built them: the first N migrations applied
and recorded, the gazetteer loaded, rows written. "released" builds also use the view files as
they were when migrations 004-006 were the newest (before 008 rewrote two views), read from
this repository's history.
"""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pytest

from core.errors import StoreError
from pantau.db import run_checks
from pantau.sitehost import SiteHost
from store import Store, query_readonly
from store._migrate import _load_regions, migrations
from tests.conftest import REPO
from tests.robustness.hostile_env import assert_one_line_error, filled_db, run_pantau, sha256

# The commit whose views the databases of migrations 004-006 were made with.
OLD_VIEWS_COMMIT = "7fa42f8"
INCLUDE = "-- include: "
TEXT = "Bupati Way Kanan menandatangani maklumat pelayanan sesuai UU 25/2009."
WHEN = datetime(2021, 4, 13, 2, 30, tzinfo=UTC)
CREATE_SCHEMA_MIGRATIONS = (
    "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL,"
    " applied_at TIMESTAMPTZ NOT NULL)"
)


def _old_view(include: str) -> str:
    done = subprocess.run(
        ["git", "show", f"{OLD_VIEWS_COMMIT}:store/{include}"],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        pytest.skip(f"no git history for {OLD_VIEWS_COMMIT}: {done.stderr.strip()}")
    return done.stdout


def _migration_sql(version: int, released: bool) -> str:
    known = migrations()[version - 1]
    if not released:
        return known.sql
    raw = (REPO / "store" / "migrations" / f"{version:03d}_{known.name}.sql").read_text("utf-8")
    return "\n".join(
        _old_view(line.removeprefix(INCLUDE).strip()) if line.startswith(INCLUDE) else line
        for line in raw.splitlines()
    )


def build_old(path: Path, version: int, *, released: bool = False) -> None:
    """A database at schema ``version`` with a row in every table that version has."""
    con = duckdb.connect(str(path))
    con.execute(CREATE_SCHEMA_MIGRATIONS)
    for m in migrations()[:version]:
        con.execute(_migration_sql(m.version, released))
        con.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)", [m.version, m.name, WHEN])
    if version >= 1:
        con.execute("INSERT INTO sources VALUES ('warta', 'https://warta.example/', NULL, ?, ?)",
                    [WHEN, WHEN])  # fmt: skip
        con.execute(
            "INSERT INTO pages (url, source, status, fetched_at, content_hash, first_fetched_at)"
            " VALUES ('https://warta.example/1', 'warta', 200, ?, 'h1', ?)",
            [WHEN, WHEN],
        )
        con.execute("INSERT INTO raw_pages VALUES ('h1', 'zlib', ?, 10)", [b"x\x9c\x03\x00"])
    if version >= 2:
        _load_regions(con)
        con.execute(
            "INSERT INTO articles (article_id, url, source, title, text, published_at, relevant,"
            " relevance, pipeline_version, content_hash, stored_at) VALUES ('a1',"
            " 'https://warta.example/1', 'warta', 'Maklumat', ?, ?, true, 0.9, 'old', 'h1', ?)",
            [TEXT, WHEN, WHEN],
        )
        start = TEXT.index("UU 25/2009")
        con.execute("INSERT INTO laws VALUES ('a1', 'UU 25/2009', ?, ?, 'UU 25/2009')",
                    [start, start + 10])  # fmt: skip
        con.execute("INSERT INTO article_regions VALUES ('a1', '18.08', 1, 7, 16, 'Way Kanan')")
    if version >= 3:
        con.execute(
            "INSERT INTO crawl_runs (source, started_at, finished_at, pages_fetched,"
            " new_articles, errors, extraction_failures, status) VALUES"
            " ('warta', ?, ?, 1, 1, '[]', 0, 'finished')",
            [WHEN, WHEN],
        )
    con.close()


def _snapshot(path: Path) -> dict[str, tuple[list[str], list[tuple[object, ...]]]]:
    """Every table's columns and rows (sorted), read only."""
    with duckdb.connect(str(path), read_only=True) as con:
        names = [n for (n,) in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()]
        out = {}
        for name in names:
            cursor = con.execute(f'SELECT * FROM "{name}"')  # names from the catalog
            columns = [d[0] for d in cursor.description or ()]
            out[name] = (columns, sorted(cursor.fetchall(), key=repr))
        return out


def _rows_kept(path: Path, before: dict[str, tuple[list[str], list[tuple[object, ...]]]]) -> None:
    """Every row is still there with the values of its old columns; only the bookkeeping
    tables (the migrations applied, the gazetteer loaded) may have gained rows."""
    with duckdb.connect(str(path), read_only=True) as con:
        for name, (columns, rows) in before.items():
            listed = ", ".join(f'"{c}"' for c in columns)
            now = con.execute(f'SELECT {listed} FROM "{name}"').fetchall()  # catalog names
            if name in ("schema_migrations", "regions"):
                assert not Counter(rows) - Counter(now), name
            else:
                assert sorted(now, key=repr) == rows, name


SCHEMAS = [(n, False) for n in range(len(migrations()))] + [(n, True) for n in (4, 5, 6)]


@pytest.mark.parametrize(
    ("version", "released"), SCHEMAS, ids=[f"v{n}{'-released' * r}" for n, r in SCHEMAS]
)
def test_store_migrates_an_older_schema_and_keeps_every_row(
    tmp_path: Path, version: int, released: bool
) -> None:
    db = tmp_path / "old.duckdb"
    build_old(db, version, released=released)
    before = _snapshot(db)
    with Store(db) as store:
        assert [m.version for m in store.applied_migrations] == [
            m.version for m in migrations()[version:]
        ]
    _rows_kept(db, before)
    failed = [r.check.name for r in run_checks(db) if not r.passed]
    assert not failed, failed
    # The views of this pantau answer, with the old rows in them.
    if version >= 1:
        assert query_readonly(db, "SELECT count(*) FROM source_health")[1] == [(1,)]
    if version >= 2:
        assert query_readonly(db, "SELECT count(*) FROM weekly_coverage")[1] == [(1,)]


def test_migration_010_leaves_one_row_per_article_and_region(tmp_path: Path) -> None:
    # The coverage views count rows of article_regions as articles from 010 on.
    db = tmp_path / "old.duckdb"
    build_old(db, 9)
    with duckdb.connect(str(db)) as con:
        con.execute("INSERT INTO article_regions VALUES ('a1', '18.08', 1, 7, 16, 'Way Kanan')")
    with Store(db):
        pass
    rows = query_readonly(db, "SELECT article_id, region_code FROM article_regions")[1]
    assert rows == [("a1", "18.08")]
    assert query_readonly(db, "SELECT articles FROM weekly_coverage")[1] == [(1,)]


@pytest.fixture(scope="module")
def empty_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SiteHost]:
    """A site with a home page and nothing else: a crawl of it is over at once."""
    root = tmp_path_factory.mktemp("empty-site")
    (root / "index.html").write_text("<html><body><p>Kosong.</p></body></html>")
    with SiteHost(root) as host:
        yield host


def test_commands_on_an_older_database(tmp_path: Path, empty_site: SiteHost) -> None:
    db = tmp_path / "old.duckdb"
    build_old(db, 4, released=True)
    digest = sha256(db)
    # sql reads what is there and never migrates; a newer view is missing, and it says why.
    old_table = run_pantau("sql", "SELECT title FROM articles", "--db", str(db), "--format", "csv")
    assert old_table.returncode == 0 and old_table.stdout.splitlines() == ["title", "Maklumat"]
    newer = run_pantau("sql", "SELECT * FROM source_health", "--db", str(db))
    assert newer.returncode == 1
    assert_one_line_error(newer, "source_health", "schema version 4", "pantau db --migrate")
    assert sha256(db) == digest
    # A writer migrates on open.
    sources = tmp_path / "sources.toml"
    sources.write_text(f'[[source]]\nname = "warta"\nurl = "{empty_site.url}"\ndelay = 0\n')
    run = run_pantau("run", "--sources", str(sources), "--db", str(db))
    assert run.returncode == 0, run.stderr[-3000:]
    listed = run_pantau("db", "--list", "--db", str(db))
    assert "pending" not in listed.stdout and "008  analyst_views_v2" in listed.stdout
    assert query_readonly(db, "SELECT title FROM articles")[1] == [("Maklumat",)]


def test_report_migrates_an_older_database(tmp_path: Path) -> None:
    db = tmp_path / "old.duckdb"
    build_old(db, 6, released=True)
    result = run_pantau("report", "--week", "2021-W15", "--db", str(db), "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "Way Kanan" in (tmp_path / "pantau-2021-W15.md").read_text(encoding="utf-8")
    newest = max(int(f.name[:3]) for f in (REPO / "store" / "migrations").glob("[0-9]*.sql"))
    assert query_readonly(db, "SELECT max(version) FROM schema_migrations")[1] == [(newest,)]


@pytest.fixture
def newer(tmp_path: Path) -> Path:
    db = tmp_path / "newer.duckdb"
    filled_db(db)
    with duckdb.connect(str(db)) as con:
        con.execute("INSERT INTO schema_migrations VALUES (999, 'from_the_future', now())")
    return db


def test_store_refuses_a_newer_schema_and_leaves_it_untouched(newer: Path) -> None:
    digest = sha256(newer)
    with pytest.raises(StoreError) as caught:
        Store(newer)
    assert str(caught.value) == (
        f"database schema version 999 of {newer} is newer than this pantau (knows up to "
        f"{migrations()[-1].version}); upgrade pantau"
    )
    assert sha256(newer) == digest
    assert not Path(f"{newer}.wal").exists()


def test_commands_on_a_newer_schema(newer: Path, tmp_path: Path) -> None:
    digest = sha256(newer)
    sources = tmp_path / "sources.toml"
    sources.write_text('[[source]]\nname = "warta"\nurl = "http://127.0.0.1:9/"\ndelay = 0\n')
    for args in (
        ("run", "--sources", str(sources), "--db", str(newer)),
        ("report", "--week", "2021-W15", "--db", str(newer), "--out", str(tmp_path)),
        ("export", "--parquet", str(tmp_path / "out"), "--db", str(newer)),
        ("db", "--migrate", "--db", str(newer)),
    ):
        result = run_pantau(*args)
        assert result.returncode == 1, (args, result.stderr[-3000:])
        assert_one_line_error(result, "schema version 999", "is newer than this pantau")
    # Reading is harmless: an analyst with an older pantau may still query it.
    count = run_pantau("sql", "SELECT count(*) FROM articles", "--db", str(newer))
    assert count.returncode == 0, count.stderr
    assert sha256(newer) == digest
    assert not (tmp_path / "pantau-2021-W15.md").exists()


def _random_bytes(path: Path) -> None:
    path.write_bytes(random.Random(5).randbytes(300_000))


def _sqlite(path: Path) -> None:
    with sqlite3.connect(path) as con:
        con.execute("CREATE TABLE articles (url TEXT)")
        con.execute("INSERT INTO articles VALUES ('https://warta.example/1')")
    con.close()


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _text(path: Path) -> None:
    path.write_text("url,title\nhttps://warta.example/1,Berita\n" * 100)


def _header_only(path: Path) -> None:
    filled_db(path)
    with path.open("r+b") as f:
        f.truncate(12 * 1024)


def _damaged_block(path: Path) -> None:
    filled_db(path)
    with path.open("r+b") as f:
        f.seek(4096)
        f.write(random.Random(6).randbytes(65536))


def _foreign(path: Path) -> None:
    with duckdb.connect(str(path)) as con:
        con.execute("CREATE TABLE sales (day DATE, amount DECIMAL(10, 2))")
        con.execute("INSERT INTO sales VALUES ('2021-04-13', 10.5)")


# name -> (how to make it, what Store's one line says; "{f}" is the path)
NOT_OURS = {
    "random bytes": (_random_bytes, "not a DuckDB database: {f}"),
    "an SQLite file": (_sqlite, "not a DuckDB database: {f} (it is an SQLite file)"),
    "an empty file": (_empty, "not a DuckDB database: {f}"),
    "a CSV file": (_text, "not a DuckDB database: {f}"),
    "a DuckDB file cut after its header": (_header_only, "cannot open database {f}: IO Error"),
    "a DuckDB file with a damaged block": (_damaged_block, "damaged DuckDB database {f}"),
    "another program's DuckDB database": (_foreign, "not a pantau database: {f} holds other"),
}


def _not_ours(tmp_path: Path, case: str) -> tuple[Path, str, str]:
    """The file of ``case`` at tmp_path/pantau.duckdb, the error it must raise, its hash."""
    make, expected = NOT_OURS[case]
    db = tmp_path / "pantau.duckdb"
    make(db)
    return db, expected, sha256(db)


@pytest.mark.parametrize("case", NOT_OURS)
def test_store_refuses_a_file_that_is_no_pantau_database(tmp_path: Path, case: str) -> None:
    db, expected, digest = _not_ours(tmp_path, case)
    with pytest.raises(StoreError) as caught:
        Store(db, wait=1)
    assert str(caught.value).startswith(expected.format(f=db))
    assert "\n" not in str(caught.value)
    assert sha256(db) == digest
    assert sorted(os.listdir(tmp_path)) == ["pantau.duckdb"]


CLI_CASES = ["random bytes", "an SQLite file", "a DuckDB file with a damaged block",
             "another program's DuckDB database"]  # fmt: skip


@pytest.mark.parametrize("case", CLI_CASES)
def test_commands_refuse_a_file_that_is_no_pantau_database(tmp_path: Path, case: str) -> None:
    db, expected, digest = _not_ours(tmp_path, case)
    sources = tmp_path / "sources.toml"
    sources.write_text('[[source]]\nname = "warta"\nurl = "http://127.0.0.1:9/"\ndelay = 0\n')
    result = run_pantau("run", "--sources", str(sources), "--db", str(db))
    assert result.returncode == 1, result.stderr[-3000:]
    assert_one_line_error(result, expected.format(f=db))
    query = run_pantau("sql", "SELECT 1", "--db", str(db))
    if case == "another program's DuckDB database":
        assert query.returncode == 0  # a DuckDB file all the same: sql may read it
    else:
        assert query.returncode == 1
        assert_one_line_error(query, str(db))
    assert sha256(db) == digest


def test_a_folder_given_as_database(tmp_path: Path) -> None:
    result = run_pantau("sql", "SELECT 1", "--db", str(tmp_path))
    assert result.returncode == 1
    assert_one_line_error(result, f"not a DuckDB database: {tmp_path} is a directory")
