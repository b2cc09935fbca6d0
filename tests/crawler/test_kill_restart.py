"""A run killed with SIGKILL at any moment, then started again, finishes the work exactly once."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time

import duckdb
import pytest

from pantau.sitehost import SiteHost
from tests.conftest import REPO, pantau

SITE = REPO / "tests" / "sites" / "wpsite"
TRIALS = 4


@pytest.mark.slow
def test_kill_nine_then_rerun_loses_and_duplicates_nothing(tmp_path):
    expected = json.loads((SITE / "expected.json").read_text(encoding="utf-8"))["articles"]
    rng = random.Random(20210602)
    with SiteHost(SITE, host="127.0.0.7") as host:
        sources = tmp_path / "sources.toml"
        # a small delay stretches the crawl so the kills land mid-way; small batches
        # mean some articles are already written when the kill comes
        sources.write_text(f'[[source]]\nname = "wp"\nurl = "{host.url}"\ndelay = 0.5\n')
        db = tmp_path / "killed.duckdb"
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        for _ in range(TRIALS):
            proc = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "pantau.cli",
                    "run",
                    "--sources",
                    str(sources),
                    "--db",
                    str(db),
                ],
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            time.sleep(rng.uniform(3.0, 15.0))
            proc.send_signal(signal.SIGKILL)
            proc.wait()
        final = pantau("run", "--sources", str(sources), "--db", str(db))
        assert final.returncode == 0, final.stderr
    with duckdb.connect(str(db), read_only=True) as con:
        urls = [u for (u,) in con.execute("SELECT url FROM articles").fetchall()]
    assert sorted(u.removeprefix(host.base) for u in urls) == sorted(expected)
    check = pantau("db", "--check", "--db", str(db))
    assert check.returncode == 0, check.stdout + check.stderr
