"""Tests of pantau.sitehost: the local site server used by crawler tests and the demo."""

from __future__ import annotations

import json
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from pantau.sitehost import SiteHost, query_filename

REPO = Path(__file__).resolve().parents[1]
DEMO = REPO / "pantau" / "demo_site"
SITES = Path(__file__).resolve().parent / "sites"


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


def fetch(
    url: str, headers: dict[str, str] | None = None, *, follow: bool = True, method: str = "GET"
) -> tuple[int, dict[str, str], bytes, str]:
    """(status, response headers, body, final URL); never raises for HTTP statuses."""
    handlers: list[urllib.request.BaseHandler] = [urllib.request.ProxyHandler({})]
    if not follow:
        handlers.append(_NoRedirect())
    opener = urllib.request.build_opener(*handlers)
    request = urllib.request.Request(url, headers=headers or {}, method=method)
    try:
        with opener.open(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read(), response.url
    except urllib.error.HTTPError as error:
        with error:
            return error.code, dict(error.headers), error.read(), url


def write(root: Path, rel: str, data: str | bytes) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)


@pytest.fixture
def site(tmp_path: Path) -> Path:
    write(tmp_path, "index.html", '<a href="{{BASE}}/a/b/">b</a> <a href="/x.xml">x</a>')
    write(tmp_path, "index__page=2.html", "<p>halaman 2</p>")
    write(tmp_path, "a/b/index.html", "<h1>B</h1>")
    write(tmp_path, "feed/index.rss", "<rss><link>{{BASE}}/</link></rss>")
    write(tmp_path, "x.xml", "<urlset><loc>{{BASE}}/a/b/</loc></urlset>")
    write(tmp_path, "robots.txt", "Sitemap: {{BASE}}/x.xml\n")
    write(tmp_path, "berita/123/judul.html", "<p>halaman 1</p>")
    write(tmp_path, "berita/123/judul__page=2.html", "<p>halaman 2</p>")
    write(tmp_path, "logo.png", b"\x89PNG{{BASE}}")
    write(tmp_path, "404.html", "<h1>Tidak ditemukan</h1> <a href='{{BASE}}/'>Beranda</a>")
    write(tmp_path, "_secret.html", "hidden")
    write(tmp_path, "lama.html", "<p>caf\xe9 \u201ckutip\u201d</p>".encode("cp1252"))
    write(tmp_path, "cached.html", "<p>tetap</p>")
    write(tmp_path, "lambat.html", "<p>lambat</p>")
    write(tmp_path, "baru/index.html", "<p>baru</p>")
    write(tmp_path, "feeds/posts/default.atom", "<feed/>")
    write(tmp_path, "_tpl/kalender.html", "<p>{{MONTH}}</p><a href='?bulan={{NEXT}}'>{{PREV}}</a>")
    write(tmp_path, "_tpl/arsip.html", "<p>{{PATH}} {{DEPTH}} {{N}}</p><a href='?hal={{NEXT}}'>")
    write(
        tmp_path,
        "_routes.toml",
        """
[[redirect]]
from = "/lama/"
to = "/tengah/"
status = 301
[[redirect]]
from = "/tengah/"
to = "{{BASE}}/baru/"
status = 302
[[redirect]]
from = "/?p=7"
to = "/baru/"
[[status]]
path = "/rusak/"
code = 500
[[status]]
path = "/goyah/*"
code = 503
fail_times = 2
[[slow]]
path = "/lambat.html"
seconds = 0.3
[[headers]]
path = "/lama.html"
charset = "windows-1252"
headers = { "X-Legacy" = "ya" }
[[headers]]
path = "/cached.html"
last_modified = "Wed, 02 Jun 2021 10:40:00 GMT"
[[rewrite]]
path = "/feeds/posts/default"
file = "feeds/posts/default.atom"
content_type = "application/atom+xml; charset=UTF-8"
[[calendar]]
path = "/kalender/"
param = "bulan"
start = "2021-05"
template = "_tpl/kalender.html"
[[generate]]
path = "/arsip/*"
template = "_tpl/arsip.html"
param = "hal"
[[redirect]]
from = "/rantai/*"
to = "{{PATH}}lagi/"
status = 302
""",
    )
    write(tmp_path, "goyah/ok.html", "<p>pulih</p>")
    return tmp_path


def test_url_and_ephemeral_ports(site: Path) -> None:
    with SiteHost(site) as one, SiteHost(site) as two:
        assert one.url.startswith("http://127.0.0.1:") and one.url.endswith("/")
        assert one.port != two.port and one.port > 0
        assert one.base == one.url[:-1]
    with pytest.raises(FileNotFoundError):
        SiteHost(site / "nope")


def test_mapping(site: Path) -> None:
    with SiteHost(site) as host:
        u = host.url
        assert fetch(u + "a/b/")[2] == b"<h1>B</h1>"
        status, _, body, final = fetch(u + "a/b")  # folder without slash: 301 then 200
        assert (status, final, body) == (200, u + "a/b/", b"<h1>B</h1>")
        assert fetch(u + "berita/123/judul")[2] == b"<p>halaman 1</p>"  # clean URL -> .html
        assert fetch(u + "berita/123/judul?page=2")[2] == b"<p>halaman 2</p>"
        assert fetch(u + "berita/123/judul?page=9")[2] == b"<p>halaman 1</p>"
        assert fetch(u + "?page=2")[2] == b"<p>halaman 2</p>"
        assert fetch(u + "?utm_source=fb&utm_medium=share")[2].startswith(b"<a href")
        assert fetch(u + "feed/")[1]["Content-Type"] == "application/rss+xml"
        assert fetch(u + "x.xml")[1]["Content-Type"] == "application/xml"
        assert fetch(u + "robots.txt")[1]["Content-Type"] == "text/plain; charset=utf-8"
        assert fetch(u)[1]["Content-Type"] == "text/html; charset=utf-8"
        for missing in ("nope/", "nope.html", "_secret.html", "_routes.toml", "a/../index.html"):
            status, _, body, _ = fetch(u + missing)
            assert status == 404, missing
        assert b"Tidak ditemukan" in fetch(u + "nope/")[2]
        head = fetch(u + "a/b/", method="HEAD")
        assert head[0] == 200 and head[2] == b"" and head[1]["Content-Length"] == "10"


def test_query_filename_scheme() -> None:
    assert query_filename("index", "page=2", ".html") == "index__page=2.html"
    blogger = "search__max-results=3&updated-max=2021-05-03T15_20_00_07_00.html"
    for query in (
        "updated-max=2021-05-03T15:20:00%2B07:00&max-results=3",
        "max-results=3&updated-max=2021-05-03T15%3A20%3A00%2B07%3A00",
        "updated-max=2021-05-03T15:20:00+07:00&max-results=3",
    ):
        assert query_filename("search", query, ".html") == blogger


def test_base_substitution(site: Path) -> None:
    with SiteHost(site) as host:
        assert (
            fetch(host.url)[2]
            == f'<a href="{host.base}/a/b/">b</a> <a href="/x.xml">x</a>'.encode()
        )
        assert (
            fetch(host.url + "x.xml")[2] == f"<urlset><loc>{host.base}/a/b/</loc></urlset>".encode()
        )
        assert fetch(host.url + "robots.txt")[2] == f"Sitemap: {host.base}/x.xml\n".encode()
        assert fetch(host.url + "logo.png")[2] == b"\x89PNG{{BASE}}"  # binary: untouched
        assert host.base.encode() in fetch(host.url + "missing")[2]  # 404 page too


def test_request_log(site: Path) -> None:
    with SiteHost(site) as host:
        fetch(host.url, {"User-Agent": "pantau-test/1"})
        fetch(host.url + "nope?x=1")
        fetch(host.url + "a/b")
        fetch(host.url + "a/b/", method="HEAD")
        log = host.requests
        assert [(r.method, r.path, r.status) for r in log] == [
            ("GET", "/", 200),
            ("GET", "/nope?x=1", 404),
            ("GET", "/a/b", 301),
            ("GET", "/a/b/", 200),
            ("HEAD", "/a/b/", 200),
        ]
        method, path, status, headers = log[0]  # a plain tuple
        assert (method, path, status) == ("GET", "/", 200)
        assert headers["User-Agent"] == "pantau-test/1"
        assert host.paths[:2] == ["/", "/nope?x=1"]
        log.clear()  # a copy: the host's log is untouched
        assert len(host.requests) == 5
        host.clear_requests()
        assert host.requests == []


def test_redirects(site: Path) -> None:
    with SiteHost(site) as host:
        status, headers, _, _ = fetch(host.url + "lama/", follow=False)
        assert (status, headers["Location"]) == (301, host.base + "/tengah/")
        status, _, body, final = fetch(host.url + "lama/")
        assert (status, body, final) == (200, b"<p>baru</p>", host.url + "baru/")
        assert [(r.path, r.status) for r in host.requests[1:]] == [
            ("/lama/", 301),
            ("/tengah/", 302),
            ("/baru/", 200),
        ]
        assert fetch(host.url + "?p=7")[3] == host.url + "baru/"  # exact path-with-query rule


def test_status_codes(site: Path) -> None:
    with SiteHost(site) as host:
        assert [fetch(host.url + "rusak/")[0] for _ in range(3)] == [500, 500, 500]
        assert [fetch(host.url + "goyah/ok.html")[0] for _ in range(4)] == [503, 503, 200, 200]


def test_conditional_get(site: Path) -> None:
    with SiteHost(site) as host:
        status, headers, body, _ = fetch(host.url + "cached.html")
        etag, modified = headers["ETag"], headers["Last-Modified"]
        assert status == 200 and modified == "Wed, 02 Jun 2021 10:40:00 GMT"
        status, headers, body, _ = fetch(host.url + "cached.html", {"If-None-Match": etag})
        assert (status, body) == (304, b"")
        assert fetch(host.url + "cached.html", {"If-None-Match": '"other"'})[0] == 200
        assert fetch(host.url + "cached.html", {"If-Modified-Since": modified})[0] == 304
        earlier = "Tue, 01 Jun 2021 00:00:00 GMT"
        assert fetch(host.url + "cached.html", {"If-Modified-Since": earlier})[0] == 200
        assert fetch(host.url + "cached.html", {"If-Modified-Since": "garbage"})[0] == 200
        assert host.requests[1].status == 304


def test_charset_and_headers(site: Path) -> None:
    with SiteHost(site) as host:
        status, headers, body, _ = fetch(host.url + "lama.html")
        assert headers["Content-Type"] == "text/html; charset=windows-1252"
        assert headers["X-Legacy"] == "ya"
        assert body.decode("cp1252") == "<p>caf\xe9 \u201ckutip\u201d</p>"
        status, headers, body, _ = fetch(host.url + "feeds/posts/default")
        assert (status, headers["Content-Type"]) == (200, "application/atom+xml; charset=UTF-8")


def test_slow(site: Path) -> None:
    with SiteHost(site) as host:
        start = time.monotonic()
        assert fetch(host.url + "lambat.html")[0] == 200
        assert time.monotonic() - start >= 0.3


def test_calendar_trap(site: Path) -> None:
    with SiteHost(site) as host:
        assert (
            fetch(host.url + "kalender/")[2]
            == b"<p>2021-05</p><a href='?bulan=2021-06'>2021-04</a>"
        )
        body = fetch(host.url + "kalender/?bulan=2021-12")[2]
        assert body == b"<p>2021-12</p><a href='?bulan=2022-01'>2021-11</a>"
        assert fetch(host.url + "kalender/?bulan=2021-13")[0] == 404
        assert fetch(host.url + "kalender/?bulan=kemarin")[0] == 404


def test_generated_trap(site: Path) -> None:
    with SiteHost(site) as host:
        status, headers, body, _ = fetch(host.url + "arsip/")
        assert (status, body) == (200, b"<p>/arsip/ 1 1</p><a href='?hal=2'>")
        assert headers["Content-Type"] == "text/html; charset=utf-8"
        assert fetch(host.url + "arsip/a/b/?hal=7")[2] == b"<p>/arsip/a/b/ 3 7</p><a href='?hal=8'>"
        assert fetch(host.url + "arsip/?hal=tujuh")[0] == 404


def test_a_segment_longer_than_any_file_name_is_not_found(site: Path) -> None:
    with SiteHost(site) as host:
        assert fetch(host.url + "x" * 300 + "/")[0] == 404


def test_redirect_to_the_requested_path(site: Path) -> None:
    with SiteHost(site) as host:
        status, headers, _, _ = fetch(host.url + "rantai/lagi/", follow=False)
        assert (status, headers["Location"]) == (302, host.base + "/rantai/lagi/lagi/")


def test_demo_site() -> None:
    expected = json.loads((DEMO / "_expected.json").read_text(encoding="utf-8"))
    with SiteHost(DEMO) as host:
        for path in expected["articles"]:
            status, _, body, _ = fetch(host.base + path)
            page = body.decode()
            assert status == 200
            assert '<meta property="og:type" content="article" />' in page
            assert f'<link rel="canonical" href="{host.base}{path}" />' in page
            assert f'datetime="{expected["details"][path]["published_at"]}"' in page
            assert "{{BASE}}" not in page and "Lebih baru Lebih lama" not in page
        status, _, body, _ = fetch(host.url + "tentang-kami/")
        assert status == 200 and b'content="article"' not in body
        robots = fetch(host.url + "robots.txt")[2].decode()
        assert f"Sitemap: {host.base}/sitemap.xml" in robots and "Disallow: /wp-admin/" in robots
        feed = fetch(host.url + "feed/")[2].decode()
        assert feed.count("<item>") == 5
        sitemap = fetch(host.url + "sitemap.xml")[2].decode()
        assert all(host.base + path in sitemap for path in expected["articles"])
        assert fetch(host.url + "category/pelayanan-publik/page/2/")[0] == 200
        lebong = next(p for p in expected["articles"] if p.startswith("/2021/04/13/"))
        assert fetch(host.url + "?p=1432")[3] == host.base + lebong


def _internal_links(html: str, base: str) -> set[str]:
    import re

    links = set()
    for href in re.findall(r'(?:href|src)="([^"#]+)', html):
        href = href.replace("&amp;", "&")
        if href.startswith(base):
            links.add(href[len(base) :])
    return links


def test_demo_has_no_broken_internal_links() -> None:
    with SiteHost(DEMO) as host:
        seen: set[str] = set()
        queue = ["/"]
        while queue:
            path = queue.pop()
            if path in seen:
                continue
            seen.add(path)
            status, headers, body, _ = fetch(host.base + path)
            assert status == 200, path
            if headers["Content-Type"].startswith("text/html"):
                queue.extend(_internal_links(body.decode(), host.base) - seen)
        assert len(seen) > 30


def test_command_line(site: Path) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "pantau.sitehost", str(site)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        url = line.split(" at ")[1].split()[0]
        assert fetch(url + "a/b/")[2] == b"<h1>B</h1>"
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        if proc.stdout:
            proc.stdout.close()


# -- the fixture web (tests/sites) ------------------------------------------------------------
FIXTURES = ["wpsite", "blogsite", "portal"]


def _canonical(html: str) -> str | None:
    import re

    for tag in re.findall(r"<link\b[^>]*>", html):
        if re.search(r"""rel=['"]canonical['"]""", tag):
            match = re.search(r"""href=['"]([^'"]+)['"]""", tag)
            return match[1] if match else None
    return None


def _text(page: str) -> str:
    """The page's text with tags dropped and entities resolved (enough to find a paragraph)."""
    import html
    import re

    return html.unescape(re.sub(r"<[^>]+>", "", page))


def _decode(headers: dict[str, str], body: bytes) -> str:
    charset = headers.get("Content-Type", "").partition("charset=")[2] or "utf-8"
    return body.decode(charset)


@pytest.mark.parametrize("name", FIXTURES)
def test_fixture_site_articles(name: str) -> None:
    root = SITES / name
    expected = json.loads((root / "expected.json").read_text(encoding="utf-8"))
    readme = (root / "README.md").read_text(encoding="utf-8")
    assert len(expected["articles"]) >= 4
    with SiteHost(root) as host:
        for path in expected["articles"]:
            assert f"`{path}`" in readme
            details = expected["details"][path]
            status, headers, body, final = fetch(host.base + path)
            if path in expected.get("flaky", {}):
                assert status == 500
                status, headers, body, final = fetch(host.base + path)
            assert (status, final) == (200, host.base + path)
            page = _decode(headers, body)
            assert _canonical(page) == host.base + path
            assert details["first_paragraph"] in _text(page)
            for later in details["pages"]:
                status, headers, body, _ = fetch(host.base + later)
                assert status == 200 and _canonical(_decode(headers, body)) == host.base + later
            last_page = _decode(headers, body) if details["pages"] else page
            assert details["last_paragraph"] in _text(last_page)
        for path in expected["not_articles"]:
            assert fetch(host.base + path)[0] == 200, path
        for path in expected["not_found"]:
            assert fetch(host.base + path)[0] == 404, path
        for duplicate, canonical in expected["duplicates"].items():
            status, headers, body, final = fetch(host.base + duplicate)
            assert status == 200, duplicate
            assert host.base + canonical in (final, _canonical(_decode(headers, body))), duplicate
        robots = fetch(host.base + "/robots.txt")[2].decode()
        for prefix in expected["never_fetch"]:
            assert f"Disallow: {prefix}" in robots
        if expected["sitemap"]:
            sitemap = fetch(host.base + expected["sitemap"])[2].decode()
            assert "{{BASE}}" not in sitemap and host.base in sitemap
        if expected["feed"]:
            status, headers, body, _ = fetch(host.base + expected["feed"])
            feed = body.decode()
            assert status == 200 and all(host.base + path in feed for path in expected["articles"])


def test_wpsite_traps() -> None:
    root = SITES / "wpsite"
    expected = json.loads((root / "expected.json").read_text(encoding="utf-8"))
    legacy = next(p for p, d in expected["details"].items() if d["encoding"] == "windows-1252")
    with SiteHost(root) as host:
        status, headers, body, _ = fetch(host.base + legacy)
        assert headers["Content-Type"] == "text/html; charset=windows-1252"
        assert "André" in body.decode("cp1252") and "“Disdukcapil”" in body.decode("cp1252")
        with pytest.raises(UnicodeDecodeError):
            body.decode("utf-8")
        assert b"<meta charset" not in body
        # the calendar never ends
        url, seen = host.base + "/kalender/?bulan=2021-05", set()
        for _ in range(30):
            status, _, body, _ = fetch(url)
            assert status == 200 and url not in seen
            seen.add(url)
            import re

            url = re.search(r'class="next-month" href="([^"]+)"', body.decode())[1]
        assert url.endswith("bulan=2023-11")
        # redirect chain: old slug -> shortlink -> permalink
        host.clear_requests()
        old = "/2021/04/20/bupati-ogan-ilir-teken-maklumat/"
        assert fetch(host.base + old)[3] == host.base + expected["duplicates"][old]
        assert [r.status for r in host.requests] == [301, 301, 200]
        assert fetch(host.base + "/sitemap.xml")[3] == host.base + "/sitemap_index.xml"


def test_portal_pagination_only_article() -> None:
    root = SITES / "portal"
    expected = json.loads((root / "expected.json").read_text(encoding="utf-8"))
    (only,) = expected["only_via_pagination"]
    linking = {
        path.relative_to(root).as_posix()
        for path in root.rglob("*.html")
        if only in path.read_text(encoding="utf-8")
        and not path.name.startswith(only.split("/")[-1])
    }
    assert linking == {"indeks__page=3.html"}
