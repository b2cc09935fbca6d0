"""Crawl a local fixture web for real: three sites in real CMS styles plus a real WordPress export.

Every site is served on its own loopback address (127.0.0.2, .3, ...), so Scrapy sees
separate hosts with their own politeness slots, as on the web. Assertions are on the
servers' request logs (what was fetched) and on the DuckDB file (what was stored).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import duckdb
import pytest

from pantau.sitehost import SiteHost
from tests.conftest import REPO, SHARED, pantau

SITES = REPO / "tests" / "sites"
PADURENAN = SHARED / "data" / "html" / "desa-padurenan"
# Where each file of the padurenan export lived on its site (see its SOURCES.md).
PADURENAN_PATHS = {
    "andrian818-home.html": "index.html",
    "andrian818-category-info-dan-berita.html": "category/info-dan-berita/index.html",
    "andrian818-author-root-page1.html": "author/root/index.html",
    "andrian818-author-root-page2.html": "author/root/page/2/index.html",
    "andrian818-author-root-page-1-redirect-stub.html": "author/root/page/1/index.html",
    "andrian818-date-archive-2023-06-04.html": "2023/06/04/index.html",
    "andrian818-post-pemotongan-hewan-kurban.html": (
        "2023/06/04/kelurahan-padurenan-gelar-pemotongan-hewan-kurban/index.html"
    ),
    "andrian818-post-betonisasi-jalan.html": (
        "2023/06/04/melalui-dana-desa-tpk-padurenan-lakukan-betonisasi-jalan-padurenan-v/index.html"
    ),
    "andrian818-post-renovasi-kantor-desa.html": (
        "2023/06/04/realisasi-dana-banprov-desa-padurenan-renovasi-kantor-desa/index.html"
    ),
    "andrian818-feed.rss.xml": "feed/index.xml",
    "andrian818-category-info-dan-berita-feed.rss.xml": "category/info-dan-berita/feed/index.xml",
    "andrian818-comments-feed-empty.rss.xml": "comments/feed/index.xml",
}
PADURENAN_PREFIX = "/desa_padurenan.go.id/"
PADURENAN_POSTS = {
    PADURENAN_PREFIX + p.removesuffix("index.html")
    for p in PADURENAN_PATHS.values()
    if p.count("/") == 4 and p.startswith("2023/06/04/")
}


def _padurenan_site(root: Path) -> Path:
    """Lay the export out at its real paths, its absolute links pointing at our server."""
    site = root / "padurenan"
    for name, path in PADURENAN_PATHS.items():
        target = site / PADURENAN_PREFIX.strip("/") / path
        target.parent.mkdir(parents=True, exist_ok=True)
        data = (PADURENAN / name).read_bytes()
        target.write_bytes(data.replace(b"https://andrian818.github.io", b"{{BASE}}"))
    return site


def _expected(name: str) -> dict:
    return json.loads((SITES / name / "expected.json").read_text(encoding="utf-8"))


def _paths(db: Path, host: SiteHost) -> list[str]:
    with duckdb.connect(str(db), read_only=True) as con:
        urls = [r[0] for r in con.execute("SELECT url FROM articles").fetchall()]
    out = []
    for url in urls:
        parts = urlsplit(url)
        if url.startswith(host.base):
            out.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return out


@pytest.fixture(scope="module")
def web(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, SiteHost]]:
    if not PADURENAN.is_dir():
        pytest.skip(f"{PADURENAN} not present (the shared data folder sits beside the repo)")
    tmp = tmp_path_factory.mktemp("web")
    roots = {
        "wpsite": SITES / "wpsite",
        "blogsite": SITES / "blogsite",
        "portal": SITES / "portal",
        "padurenan": _padurenan_site(tmp),
    }
    hosts = {
        name: SiteHost(root, host=f"127.0.0.{i}") for i, (name, root) in enumerate(roots.items(), 2)
    }
    for h in hosts.values():
        h.start()
    try:
        yield hosts
    finally:
        for h in hosts.values():
            h.stop()


@pytest.fixture(scope="module")
def crawl(web: dict[str, SiteHost], tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """Two runs of `pantau run` over the fixture web; request logs kept per run."""
    tmp = tmp_path_factory.mktemp("crawl")
    sources = tmp / "sources.toml"
    lines = []
    for name, host in web.items():
        home = host.url + (PADURENAN_PREFIX.lstrip("/") if name == "padurenan" else "")
        # delay 0 only because these servers are ours, on this machine
        lines.append(f'[[source]]\nname = "{name}"\nurl = "{home}"\ndelay = 0\nmax_pages = 150\n')
    sources.write_text("\n".join(lines), encoding="utf-8")
    db = tmp / "web.duckdb"
    first = pantau("run", "--sources", str(sources), "--db", str(db))
    assert first.returncode == 0, first.stderr
    first_log = {n: h.requests for n, h in web.items()}
    with duckdb.connect(str(db), read_only=True) as con:
        counts = dict(con.execute("SELECT source, count(*) FROM articles GROUP BY 1").fetchall())
    for h in web.values():
        h.clear_requests()
    second = pantau("run", "--sources", str(sources), "--db", str(db))
    assert second.returncode == 0, second.stderr
    with duckdb.connect(str(db), read_only=True) as con:
        counts_after = dict(
            con.execute("SELECT source, count(*) FROM articles GROUP BY 1").fetchall()
        )
    return {
        "db": db,
        "first": first_log,
        "second": {n: h.requests for n, h in web.items()},
        "counts": counts,
        "counts_after": counts_after,
        "output": first.stdout,
    }


@pytest.mark.parametrize("site", ["wpsite", "blogsite", "portal"])
def test_each_article_is_stored_exactly_once(crawl, web, site):
    expected = _expected(site)
    stored = _paths(crawl["db"], web[site])
    assert sorted(stored) == sorted(expected["articles"])


def test_real_wordpress_export_is_crawled(crawl, web):
    assert set(_paths(crawl["db"], web["padurenan"])) == PADURENAN_POSTS


@pytest.mark.parametrize("site", ["wpsite", "blogsite", "portal"])
def test_nothing_disallowed_or_trapped_is_requested(crawl, site):
    expected = _expected(site)
    requested = [r.path for r in crawl["first"][site]]
    for never in expected["never_fetch"]:
        assert not any(p.startswith(never) for p in requested), never
    assert not any("/kalender/" in p for p in requested[20:]), "the calendar trap was walked"
    assert len(requested) <= 80, f"{len(requested)} requests to {site}"


def test_nothing_offsite_is_stored_or_recorded(crawl):
    with duckdb.connect(str(crawl["db"]), read_only=True) as con:
        hosts = {urlsplit(u).hostname for (u,) in con.execute("SELECT url FROM pages").fetchall()}
    assert hosts <= {"127.0.0.2", "127.0.0.3", "127.0.0.4", "127.0.0.5"}


def test_windows_1252_article_is_decoded(crawl):
    with duckdb.connect(str(crawl["db"]), read_only=True) as con:
        [(text,)] = con.execute(
            "SELECT text FROM articles WHERE url LIKE '%warga-keluhkan-antrean-ktp-el%'"
        ).fetchall()
    assert "André" in text and "“" in text
    assert "Ã" not in text


def test_multi_page_article_is_merged_into_one(crawl, web):
    expected = _expected("portal")
    [(url, details)] = [(u, d) for u, d in expected["details"].items() if d["pages"]]
    with duckdb.connect(str(crawl["db"]), read_only=True) as con:
        [(text,)] = con.execute(
            "SELECT text FROM articles WHERE url = ?", [web["portal"].base + url]
        ).fetchall()
        parts = con.execute(
            "SELECT part_no FROM pages WHERE part_of = ? ORDER BY part_no",
            [web["portal"].base + url],
        ).fetchall()
    assert details["last_paragraph"][:60] in text
    # extraction moves the dateline ("SELONG - ") out of the body
    assert re.split(r" [-\u2013] ", details["first_paragraph"], maxsplit=1)[-1][:60] in text
    assert parts == [(2,), (3,)]


def test_flaky_page_is_retried_and_stored(crawl, web):
    [(path, _)] = _expected("wpsite")["flaky"].items()
    statuses = [r.status for r in crawl["first"]["wpsite"] if r.path == path]
    assert statuses[:2] == [500, 200]
    assert path in _paths(crawl["db"], web["wpsite"])


def test_second_run_adds_nothing_and_fetches_no_known_article(crawl):
    assert crawl["counts_after"] == crawl["counts"]
    for site in ("wpsite", "blogsite", "portal"):
        articles = set(_expected(site)["articles"])
        again = {r.path for r in crawl["second"][site]} & articles
        assert not again, f"{site} articles fetched again: {again}"
        statuses = [r.status for r in crawl["second"][site]]
        assert 304 in statuses, f"no conditional request answered 304 on {site}"


def test_crawl_runs_are_recorded_per_source(crawl):
    with duckdb.connect(str(crawl["db"]), read_only=True) as con:
        rows = con.execute(
            "SELECT source, count(*), max(new_articles) FROM crawl_runs GROUP BY 1 ORDER BY 1"
        ).fetchall()
    assert [(s, n) for s, n, _ in rows] == [
        ("blogsite", 2),
        ("padurenan", 2),
        ("portal", 2),
        ("wpsite", 2),
    ]
    assert dict((s, m) for s, _, m in rows)["wpsite"] == 7


def test_run_summary_names_every_source(crawl):
    for name in ("wpsite", "blogsite", "portal", "padurenan"):
        assert re.search(rf"{name}\s", crawl["output"])


def test_a_second_run_at_once_is_refused(tmp_path, web):
    """While one run holds the lock, another on the same database exits 1 with one line."""
    import fcntl
    import os

    db = tmp_path / "locked.duckdb"
    fd = os.open(f"{db}.lock", os.O_RDWR | os.O_CREAT)
    fcntl.flock(fd, fcntl.LOCK_EX)
    os.pwrite(fd, b"4242", 0)
    try:
        sources = tmp_path / "s.toml"
        sources.write_text(f'[[source]]\nname = "p"\nurl = "{web["portal"].url}"\ndelay = 0\n')
        result = pantau("run", "--sources", str(sources), "--db", str(db))
    finally:
        os.close(fd)
    assert result.returncode == 1
    assert result.stderr.strip().startswith("pantau: error: another run is using")
    assert "4242" in result.stderr
    assert not db.exists()
