"""A database file pantau may not write: writers stop in one line and leave it byte for byte
as it was; readers (sql, report, export, db --check) work as usual.

"mode": the file is 0444 and the command runs without the capability that lets root ignore
that; "immutable": ``chattr +i``, which binds root too (see ``hostile_env``).
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from tests.robustness.hostile_env import (
    assert_one_line_error,
    filled_db,
    read_only,
    run_pantau,
    sha256,
)

MECHANISMS = ["mode", "immutable"]
DENIED = {"mode": "Permission denied", "immutable": "Operation not permitted"}
# Never fetched: a writer must stop before crawling.
SOURCES = '[[source]]\nname = "warta"\nurl = "http://127.0.0.1:9/"\ndelay = 0\n'


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "pantau.duckdb"
    filled_db(path)
    return path


@pytest.mark.parametrize("mechanism", MECHANISMS)
def test_writers_refuse_a_read_only_database_in_one_line(
    db: Path, tmp_path: Path, mechanism: str
) -> None:
    sources = tmp_path / "sources.toml"
    sources.write_text(SOURCES)
    digest = sha256(db)
    commands = [
        ("run", "--sources", str(sources), "--db", str(db)),
        ("reprocess", "--db", str(db)),
        ("db", "--migrate", "--db", str(db)),
    ]
    with read_only(mechanism, db) as preexec:
        for args in commands:
            result = run_pantau(*args, preexec=preexec)
            assert result.returncode == 1, (args, result.stderr[-3000:])
            assert_one_line_error(result, f"cannot write to database {db}", DENIED[mechanism])
    assert sha256(db) == digest
    assert not Path(f"{db}.wal").exists()


@pytest.mark.parametrize("mechanism", MECHANISMS)
def test_readers_work_on_a_read_only_database(db: Path, tmp_path: Path, mechanism: str) -> None:
    digest = sha256(db)
    out = tmp_path / "out"
    with read_only(mechanism, db) as preexec:
        count = run_pantau(
            "sql", "SELECT count(*) AS n FROM articles", "--db", str(db), "--format", "csv",
            preexec=preexec,
        )  # fmt: skip
        assert count.returncode == 0, count.stderr
        assert count.stdout.splitlines() == ["n", "5"]
        for args in (
            ("report", "--week", "2021-W15", "--db", str(db), "--out", str(out)),
            ("export", "--parquet", str(out / "parquet"), "--db", str(db)),
            ("db", "--check", "--db", str(db)),
        ):
            result = run_pantau(*args, preexec=preexec)
            assert result.returncode == 0, (args, result.stdout + result.stderr)
    assert sha256(db) == digest
    assert "Way Kanan" in (out / "pantau-2021-W15.md").read_text(encoding="utf-8")
    assert list((out / "parquet" / "articles").rglob("*.parquet"))


@pytest.mark.parametrize("mechanism", MECHANISMS)
def test_run_in_a_read_only_folder_is_one_line(tmp_path: Path, mechanism: str) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    db = folder / "pantau.duckdb"
    filled_db(db)
    sources = tmp_path / "sources.toml"
    sources.write_text(SOURCES)
    digest = sha256(db)
    with read_only(mechanism, db, folder) as preexec:
        result = run_pantau("run", "--sources", str(sources), "--db", str(db), preexec=preexec)
    assert result.returncode == 1, result.stderr[-3000:]
    assert_one_line_error(result, DENIED[mechanism], f"{db}.lock")
    assert sha256(db) == digest
    assert sorted(p.name for p in folder.iterdir()) == ["pantau.duckdb"]


def test_report_on_a_read_only_database_of_an_older_pantau_says_why(db: Path) -> None:
    with duckdb.connect(str(db)) as con:
        # As if made by a pantau before the source_health view (migration 008).
        con.execute("DELETE FROM schema_migrations WHERE version = 8")
        con.execute("DROP VIEW source_health")
    digest = sha256(db)
    with read_only("mode", db) as preexec:
        result = run_pantau("report", "--week", "2021-W15", "--db", str(db), preexec=preexec)
    assert result.returncode == 1, result.stderr
    assert_one_line_error(
        result, "schema version 7 is older than this pantau's", "cannot be upgraded"
    )
    assert sha256(db) == digest
