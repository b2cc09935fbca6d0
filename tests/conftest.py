"""Shared fixtures: the bundled sample site served over real HTTP on 127.0.0.1."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from pantau.sitehost import SiteHost

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
DEMO_SITE = REPO / "pantau" / "demo_site"


def pantau(
    *args: str, cwd: Path | None = None, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the installed command line in a child process, as a user would."""
    env = {k: v for k, v in os.environ.items() if k != "PANTAU_DB"}
    return subprocess.run(
        [sys.executable, "-m", "pantau.cli", *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


def write_sources(path: Path, url: str, name: str = "warta") -> Path:
    # delay 0 only because the server is our own, on this machine
    path.write_text(f'[[source]]\nname = "{name}"\nurl = "{url}"\ndelay = 0\n', encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def seed_site() -> Iterator[SiteHost]:
    with SiteHost(DEMO_SITE) as host:
        yield host


@pytest.fixture(scope="session")
def crawled_db(seed_site: SiteHost, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database filled once by `pantau run` over the seed site; tests must not write to it."""
    tmp = tmp_path_factory.mktemp("crawl")
    sources = write_sources(tmp / "sources.toml", seed_site.url)
    db = tmp / "pantau.duckdb"
    result = pantau("run", "--sources", str(sources), "--db", str(db))
    assert result.returncode == 0, result.stderr
    return db
