"""The crawler is an ordinary Scrapy project: `scrapy list` and `scrapy crawl` work at the root."""

from __future__ import annotations

import subprocess
import sys

import duckdb

from tests.conftest import REPO, write_sources


def _scrapy(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "scrapy", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_scrapy_list_names_the_news_spider():
    result = _scrapy("list")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["news"]


def test_scrapy_crawl_fills_the_database(seed_site, tmp_path):
    sources = write_sources(tmp_path / "sources.toml", seed_site.url)
    db = tmp_path / "scrapy.duckdb"
    result = _scrapy("crawl", "news", "-a", f"sources={sources}", "-s", f"PANTAU_DB={db}")
    assert result.returncode == 0, result.stderr[-2000:]
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 5
        assert con.execute("SELECT name FROM sources").fetchall() == [("warta",)]
        runs = con.execute("SELECT source, pages_fetched, new_articles FROM crawl_runs").fetchall()
    assert runs == [("warta", runs[0][1], 5)] and runs[0][1] >= 5
