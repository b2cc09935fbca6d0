"""The whole path for real: Scrapy over HTTP -> trafilatura -> taggers -> a DuckDB file."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb

from tests.conftest import pantau, write_sources

TABLES = ("articles", "pages", "article_regions", "officials", "scores", "events", "laws")


def _counts(db: Path) -> dict[str, int]:
    with duckdb.connect(str(db), read_only=True) as con:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


def test_run_stores_exactly_the_five_seed_articles(crawled_db):
    with duckdb.connect(str(crawled_db), read_only=True) as con:
        n = con.execute("SELECT count(*) FROM articles").fetchone()[0]
        codes = {
            r[0] for r in con.execute("SELECT DISTINCT region_code FROM article_regions").fetchall()
        }
        urls = [r[0] for r in con.execute("SELECT url FROM articles").fetchall()]
    assert n == 5
    assert {"18.08", "17.07", "32.07", "18"} <= codes
    assert not any("utm_" in u or "/amp" in u for u in urls)


def test_articles_carry_text_title_date_and_tags(crawled_db):
    with duckdb.connect(str(crawled_db), read_only=True) as con:
        rows = con.execute(
            "SELECT title, text, published_at, relevant FROM articles ORDER BY published_at"
        ).fetchall()
        lebong_score = con.execute(
            "SELECT value, year, zone FROM scores WHERE subject_code = '17.07'"
        ).fetchall()
        laws = {r[0] for r in con.execute("SELECT law FROM laws").fetchall()}
    assert all(title and len(text) > 500 and published for title, text, published, _ in rows)
    assert str(rows[0][2].date()) == "2016-08-26"
    assert sum(relevant for *_, relevant in rows) >= 4
    assert (93.78, 2018, "hijau") in [(float(v), y, z) for v, y, z in lebong_score]
    assert {"UU 25/2009", "Perpres 76/2013"} <= laws


def test_second_run_adds_no_rows(crawled_db, seed_site, tmp_path):
    db = tmp_path / "again.duckdb"
    shutil.copy(crawled_db, db)
    before = _counts(db)
    sources = write_sources(tmp_path / "sources.toml", seed_site.url)
    result = pantau("run", "--sources", str(sources), "--db", str(db))
    assert result.returncode == 0, result.stderr
    after = _counts(db)
    assert after == before


def test_crawl_then_reprocess_gives_the_same_articles(crawled_db, seed_site, tmp_path):
    db = tmp_path / "raw.duckdb"
    sources = write_sources(tmp_path / "sources.toml", seed_site.url)
    assert pantau("crawl", "--sources", str(sources), "--db", str(db)).returncode == 0
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 0
    result = pantau("reprocess", "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert "5 articles" in result.stdout
    with duckdb.connect(str(db), read_only=True) as con:
        fresh = sorted(r[0] for r in con.execute("SELECT url FROM articles").fetchall())
    with duckdb.connect(str(crawled_db), read_only=True) as con:
        first = sorted(r[0] for r in con.execute("SELECT url FROM articles").fetchall())
    assert fresh == first
