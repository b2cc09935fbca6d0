"""A full disk in the middle of a write: one line on stderr, exit 1, and the database opens
afterwards with everything stored before it intact (data checks pass, nothing half-written).

The disk fills by a file-size cap on the child (EFBIG, any user, see ``hostile_env``) or, when
root may mount one, by a small tmpfs (ENOSPC, a real full file system).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import nullcontext
from pathlib import Path

import pytest

from pantau.db import run_checks
from pantau.sitehost import SiteHost
from store import Store
from tests.conftest import REPO
from tests.robustness.hostile_env import (
    articles,
    assert_one_line_error,
    file_size_cap,
    filled_db,
    orphans,
    run_pantau,
    tmpfs,
)
from tests.robustness.sitegen import generate_site
from tests.store.factories import article, tags

SITE_ARTICLES = 20
# Small enough that a crawl of the site cannot fit, large enough for its first writes.
CAP = 96 * 1024
FULL = {"size-cap": "File too large", "tmpfs": "No space left on device"}


def _checks_pass(db: Path) -> None:
    failed = [(r.check.name, r.error or r.failures) for r in run_checks(db) if not r.passed]
    assert not failed, failed


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[SiteHost, list[str]]]:
    root = tmp_path_factory.mktemp("gen")
    paths = generate_site(root, SITE_ARTICLES, seed=11)
    with SiteHost(root) as host:
        yield host, [host.base + p for p in paths]


# A Store writing batches of 50 articles until the disk is full, in a child under the cap.
_WRITER = """
import json, sys
from core.errors import StoreError
from store import Store
from tests.store.factories import article, tags
saved = 0
try:
    with Store(sys.argv[1]) as store:
        for n in range(1000):
            batch = [article(f"https://lain.example/{n}/{k}") for k in range(50)]
            store.save_articles([(a, tags(a), None) for a in batch], "t1")
            saved += 1
except StoreError as exc:
    print(json.dumps({"saved": saved, "error": str(exc)}))
    sys.exit(3)
"""


def test_store_write_that_fills_the_disk_keeps_every_committed_batch(tmp_path: Path) -> None:
    db = tmp_path / "pantau.duckdb"
    filled_db(db)
    before = articles(db)
    done = subprocess.run(
        [sys.executable, "-c", _WRITER, str(db)],
        cwd=REPO,
        capture_output=True,
        text=True,
        preexec_fn=file_size_cap(256 * 1024),
        timeout=300,
    )
    assert done.returncode == 3, done.stdout + done.stderr[-3000:]
    outcome = json.loads(done.stdout)
    assert "File too large" in outcome["error"] and "\n" not in outcome["error"]
    assert outcome["saved"] >= 1  # the disk filled mid-way, not at the first write
    after = articles(db)
    # Whole batches or nothing: every committed batch of 50, not one row of the failed one.
    assert len(after) == len(before) + 50 * outcome["saved"]
    assert [r for r in after if r in before] == before
    _checks_pass(db)
    # With space again, the same file takes writes.
    with Store(db) as store:
        a = article("https://lain.example/after")
        assert store.save_article(a, tags(a), pipeline_version="t1")


@pytest.mark.parametrize("disk", ["size-cap", "tmpfs"])
def test_run_that_fills_the_disk_stops_in_one_line_and_loses_nothing(
    tmp_path: Path, site: tuple[SiteHost, list[str]], disk: str
) -> None:
    host, site_urls = site
    built = tmp_path / "built.duckdb"
    known = filled_db(built)
    if disk == "tmpfs":
        # Room for the file and a few batches of the crawl, not for all of it.
        mounted = tmp_path / "disk"
        context = tmpfs(mounted, built.stat().st_size + CAP)
        preexec = None
    else:
        mounted = tmp_path
        context = nullcontext(tmp_path)
        preexec = file_size_cap(CAP)
    sources = tmp_path / "sources.toml"
    sources.write_text(f'[[source]]\nname = "gen"\nurl = "{host.url}"\ndelay = 0\n')
    with context:
        db = mounted / "pantau.duckdb"
        shutil.copy(built, db)
        before = articles(db)
        result = run_pantau(
            "run", "--sources", str(sources), "--db", str(db),
            preexec=preexec, env={"PANTAU_FLUSH_ITEMS": "3"},
        )  # fmt: skip
        assert result.returncode == 1, result.stderr[-3000:]
        assert_one_line_error(result, FULL[disk])
        after = articles(db)
        urls = [row[1] for row in after]
        assert [r for r in after if r[1] in known] == before
        assert len(urls) == len(set(urls)) and set(urls) <= set(known) | set(site_urls)
        assert orphans(db) == 0
        check = run_pantau("db", "--check", "--db", str(db))
        assert check.returncode == 0, check.stdout + check.stderr
    if disk == "size-cap":
        # Space again: the next run completes, fetching what the failed batches lost.
        again = run_pantau("run", "--sources", str(sources), "--db", str(db))
        assert again.returncode == 0, again.stderr[-3000:]
        assert {row[1] for row in articles(db)} == set(known) | set(site_urls)


def test_reprocess_that_fills_the_disk_changes_no_article(tmp_path: Path) -> None:
    db = tmp_path / "pantau.duckdb"
    filled_db(db, count=8)
    before = articles(db)
    result = run_pantau("reprocess", "--db", str(db), preexec=file_size_cap(4096))
    assert result.returncode == 1, result.stdout + result.stderr[-3000:]
    assert_one_line_error(result, "File too large")
    assert articles(db) == before
    _checks_pass(db)


def test_report_to_a_full_disk_leaves_no_truncated_report(tmp_path: Path) -> None:
    db = tmp_path / "pantau.duckdb"
    filled_db(db)
    out = tmp_path / "reports"
    result = run_pantau(
        "report", "--week", "2021-W15", "--format", "html", "--db", str(db), "--out", str(out),
        preexec=file_size_cap(4096),
    )  # fmt: skip
    assert result.returncode == 1, result.stderr
    assert_one_line_error(result, "cannot write the report", "File too large")
    assert not list(out.iterdir())


def test_export_to_a_full_disk_is_one_line(tmp_path: Path) -> None:
    db = tmp_path / "pantau.duckdb"
    filled_db(db)
    result = run_pantau(
        "export", "--parquet", str(tmp_path / "out"), "--db", str(db),
        preexec=file_size_cap(2048),
    )  # fmt: skip
    assert result.returncode == 1, result.stderr
    assert_one_line_error(result, "cannot export", "File too large")


def test_query_output_to_a_full_disk_is_one_line(tmp_path: Path) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full on this system")
    db = tmp_path / "pantau.duckdb"
    filled_db(db)
    with open("/dev/full", "w") as full:
        result = run_pantau("sql", "SELECT * FROM articles", "--db", str(db), stdout=full.fileno())
    assert result.returncode == 1, result.stderr
    assert_one_line_error(result, "No space left on device")
