"""`pantau report`, `pantau export` and `pantau db` as a user runs them."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from tests.conftest import pantau


@pytest.mark.parametrize("fmt", ["html", "md", "pdf"])
def test_report_writes_each_format(demo_db: Path, tmp_path: Path, fmt: str) -> None:
    result = pantau(
        "report",
        "--week",
        "2021-W24",
        "--format",
        fmt,
        "--db",
        str(demo_db),
        "--out",
        str(tmp_path),
    )
    assert result.returncode == 0, result.stderr
    path = tmp_path / f"pantau-2021-W24.{fmt}"
    assert f"report written: {path}" in result.stdout
    assert path.stat().st_size > 1000


def test_report_rejects_an_unknown_format(demo_db: Path, tmp_path: Path) -> None:
    result = pantau("report", "--week", "2021-W24", "--format", "docx", "--db", str(demo_db))
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "pantau: error: --format must be one of html, md, pdf, not 'docx'"
    ]


def test_db_list_shows_every_migration_applied(demo_db: Path) -> None:
    result = pantau("db", "--list", "--db", str(demo_db))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("001  sources_pages")
    assert all("applied" in line for line in lines)
    assert any(line.startswith("008  analyst_views_v2") for line in lines)


def test_db_list_shows_pending_migrations(demo_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "old.duckdb"
    shutil.copy(demo_db, db)
    with duckdb.connect(str(db)) as con:
        con.execute("DELETE FROM schema_migrations WHERE version = 8")
    result = pantau("db", "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert [line for line in result.stdout.splitlines() if "pending" in line] == [
        "008  analyst_views_v2             pending"
    ]


def test_db_check_passes_on_the_demo_database(demo_db: Path) -> None:
    result = pantau("db", "--check", "--db", str(demo_db))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "evidence_matches_text" in result.stdout
    assert "FAIL" not in result.stdout


def test_db_check_fails_with_the_offending_rows(demo_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "bad.duckdb"
    shutil.copy(demo_db, db)
    with duckdb.connect(str(db)) as con:
        con.execute("UPDATE laws SET law = 'Undang-undang 25' WHERE law = 'UU 25/2009'")
    result = pantau("db", "--check", "--db", str(db))
    assert result.returncode == 1
    assert "laws_accepted_values" in result.stdout
    assert "law='Undang-undang 25'" in result.stdout
    assert result.stderr.strip() == "pantau: 1 data checks failed"


def test_export_then_read_back(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "parquet"
    result = pantau("export", "--parquet", str(out), "--db", str(demo_db))
    assert result.returncode == 0, result.stderr
    assert "articles: 5 rows" in result.stdout


def test_db_commands_on_a_missing_database(tmp_path: Path) -> None:
    for args in (["db", "--list"], ["export", "--parquet", str(tmp_path / "x")]):
        result = pantau(*args, "--db", str(tmp_path / "none.duckdb"))
        assert result.returncode == 2
        assert "database not found" in result.stderr
