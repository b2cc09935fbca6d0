"""Analysts query while a crawl writes: both succeed, in separate processes."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import duckdb

from pantau.sitehost import SiteHost
from tests.conftest import REPO, pantau

SITE = REPO / "tests" / "sites" / "wpsite"


def test_sql_readers_succeed_during_a_crawl(tmp_path):
    with SiteHost(SITE, host="127.0.0.8") as host:
        sources = tmp_path / "sources.toml"
        sources.write_text(f'[[source]]\nname = "wp"\nurl = "{host.url}"\ndelay = 0.2\n')
        db = tmp_path / "busy.duckdb"
        # small batches: the crawl opens the file for writing many times during the test
        env = {**os.environ, "PANTAU_FLUSH_ITEMS": "3", "PANTAU_FLUSH_SECONDS": "1"}
        crawl = subprocess.Popen(
            [sys.executable, "-m", "pantau.cli", "run", "--sources", str(sources), "--db", str(db)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        counts: list[int] = []
        while not db.exists():
            time.sleep(0.1)
        while crawl.poll() is None:
            reader = pantau(
                "sql", "SELECT count(*) AS n FROM articles", "--db", str(db), "--format", "csv"
            )
            assert reader.returncode == 0, reader.stderr
            counts.append(int(reader.stdout.splitlines()[1]))
        _, err = crawl.communicate()
        assert crawl.returncode == 0, err
    with duckdb.connect(str(db), read_only=True) as con:
        final = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert final == 7
    assert len(counts) >= 3, "the readers did not overlap the crawl"
    assert counts == sorted(counts) and counts[-1] <= final
