"""Hazards of small servers: redirect loops, slow pages, rate limits, oversized pages."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from datetime import UTC, datetime, timedelta

import duckdb
import pytest
from scrapy import Request
from scrapy.http import Response
from scrapy.utils.test import get_crawler

from crawler.middlewares import NOT_BEFORE, BackoffRetryMiddleware, retry_after_seconds
from pantau.sitehost import SiteHost
from tests.conftest import REPO, write_sources

TRAPS = REPO / "tests" / "sites" / "traps"


@pytest.fixture(scope="module")
def trapped(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    root = tmp_path_factory.mktemp("traps") / "site"
    shutil.copytree(TRAPS, root)
    big = root / "2021" / "06" / "besar" / "index.html"
    big.parent.mkdir(parents=True)
    filler = "<p>" + "Pelayanan publik " * 60 + "</p>\n"
    big.write_text("<html><body>" + filler * (10 * 1024 * 1024 // len(filler)) + "</body></html>")
    with SiteHost(root, host="127.0.0.6") as host:
        sources = write_sources(root.parent / "sources.toml", host.url, name="traps")
        db = root.parent / "traps.duckdb"
        result = subprocess.run(
            [
                sys.executable, "-m", "scrapy", "crawl", "news",
                "-a", f"sources={sources}",
                "-s", f"PANTAU_DB={db}",
                "-s", "DOWNLOAD_TIMEOUT=1",
                "-s", "RETRY_TIMES=2",
                "-s", "RETRY_BACKOFF_BASE=0.1",
                "-s", "DOWNLOAD_MAXSIZE=2000000",
            ],
            cwd=REPO, capture_output=True, text=True, timeout=300,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr[-3000:]
        return {"db": db, "requests": host.requests, "log": result.stderr}


def _stored(db) -> set[str]:
    with duckdb.connect(str(db), read_only=True) as con:
        return {u.split("/", 3)[3] for (u,) in con.execute("SELECT url FROM articles").fetchall()}


def test_only_the_reachable_articles_are_stored(trapped):
    assert _stored(trapped["db"]) == {"2021/06/normal/", "2021/06/sibuk/"}


def test_redirect_loop_is_given_up(trapped):
    # Scrapy's duplicate filter sees the loop close on an address already asked for.
    loops = [r for r in trapped["requests"] if r.path.startswith("/putar-")]
    assert 2 <= len(loops) <= 25


def test_rate_limited_page_is_retried_until_it_answers(trapped):
    statuses = [r.status for r in trapped["requests"] if r.path == "/2021/06/sibuk/"]
    assert statuses == [429, 429, 200]


def test_slow_page_times_out_a_bounded_number_of_times(trapped):
    slow = [r for r in trapped["requests"] if r.path == "/2021/06/lambat/"]
    assert 1 <= len(slow) <= 3


def test_errors_are_counted_by_kind_in_crawl_runs(trapped):
    with duckdb.connect(str(trapped["db"]), read_only=True) as con:
        [(errors, new)] = con.execute("SELECT errors, new_articles FROM crawl_runs").fetchall()
    kinds = " ".join(json.loads(errors))
    assert new == 2
    assert "TimeoutError" in kinds  # the slow page
    assert "DownloadCancelledError" in kinds  # the oversized page


def test_retry_after_parses_seconds_and_http_dates():
    now = datetime(2021, 6, 2, 10, 0, tzinfo=UTC)
    later = (now + timedelta(seconds=90)).strftime("%a, %d %b %Y %H:%M:%S GMT")
    assert retry_after_seconds(b"120") == 120
    assert retry_after_seconds(later, now=now) == 90
    assert retry_after_seconds("soon") is None
    assert retry_after_seconds(None) is None


def test_retries_wait_for_retry_after_or_backoff():
    crawler = get_crawler(settings_dict={"RETRY_BACKOFF_BASE": 2.0, "RETRY_AFTER_MAX": 30})
    crawler.spider = crawler._create_spider("x")
    mw = BackoffRetryMiddleware.from_crawler(crawler)
    request = Request("https://a.id/x")
    asked = mw.process_response(
        request, Response(request.url, status=429, headers={"Retry-After": "20"})
    )
    plain = mw.process_response(request, Response(request.url, status=503))
    capped = mw.process_response(
        request, Response(request.url, status=429, headers={"Retry-After": "9999"})
    )
    now = __import__("time").monotonic()
    assert 19 < asked.meta[NOT_BEFORE] - now <= 20
    assert 1 < plain.meta[NOT_BEFORE] - now <= 2
    assert 29 < capped.meta[NOT_BEFORE] - now <= 30
