"""Hostile input on the crawl side: XML and decompression bombs, a link flood, endless link
traps, offsite and endless redirects (tests/sites/hostile/README.md lists them).

Each hostile site is served on its own loopback address and crawled once, by `scrapy crawl` in a
child process whose peak memory is read from the kernel when it exits. Assertions are on the
servers' request logs (what was fetched), the crawl's log (why not) and the DuckDB file.
"""

from __future__ import annotations

import gzip
import os
import re
import shutil
import struct
import subprocess
import sys
import time
import zlib
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

from crawler.frontier import MAX_QUERY_VARIANTS
from crawler.settings import DOWNLOAD_MAXSIZE
from crawler.spiders.news import MAX_LINKS_PER_PAGE
from pantau.sitehost import TEXT_TYPES, Request, SiteHost
from tests.conftest import REPO

HOSTILE = REPO / "tests" / "sites" / "hostile"
# Started in this order, each on 127.0.0.(30 + index): a site's files may name the base URL of
# a site started before it as {{NAME}} (`luar`, the host nobody may ask, comes first).
SITES = ("luar", "xmlbom", "gzipbom", "banjir", "jebakan", "alih")
MIB = 1 << 20
BOMB_MIB = 1024
FLOOD_LINKS = 100_000
BANJIR_BUDGET = 100
DEPTH_LIMIT = 8  # Scrapy settings of the project, repeated so a change shows up here
URLLENGTH_LIMIT = 2083
REDIRECT_MAX_TIMES = 20
# The crawl itself needs about 400 MB (spaCy and the tagging models); any bomb that went off
# would need more than a gigabyte.
MAX_RSS_MB = 800
MAX_SECONDS = 150


def gzip_bomb(mib: int) -> bytes:
    """gzip data that inflates to ``mib`` MiB of zero bytes, about a thousandth of that long.

    One MiB of zeros deflated and ended with a full flush comes out as the same bytes every
    time, so the stream is that block repeated: no gigabyte is compressed to build it.
    """
    zeros = bytes(MIB)
    deflater = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    block = deflater.compress(zeros) + deflater.flush(zlib.Z_FULL_FLUSH)
    last = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS).flush()
    crc = 0
    for _ in range(mib):
        crc = zlib.crc32(zeros, crc)
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"
    trailer = struct.pack("<II", crc, (mib * MIB) & 0xFFFFFFFF)
    return header + block * mib + last + trailer


def quadratic_sitemap() -> str:
    entity = "x" * 100_000
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<!DOCTYPE urlset [<!ENTITY k "{entity}">]>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"<url><loc>{{{{BASE}}}}/2021/07/{'&k;' * 100_000}/</loc></url>\n</urlset>\n"
    )


def link_flood() -> str:
    links = "".join(
        f'<a href="/tautan/{n}/">{n}</a> <a href="{{{{LUAR}}}}/tautan/{n}/">{n}</a>\n'
        for n in range(FLOOD_LINKS // 2)
    )
    return (
        '<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>Banjir Tautan</title>'
        f'<meta property="og:type" content="website"></head><body>\n{links}</body></html>\n'
    )


def _fill(folder: Path, bases: dict[str, str]) -> None:
    """Put the base URLs of the sites already listening into a site's text files."""
    for path in folder.rglob("*"):
        if not path.is_file() or path.suffix not in (*TEXT_TYPES, ".toml"):
            continue
        data = path.read_bytes()
        filled = data
        for name, base in bases.items():
            filled = filled.replace(b"{{%s}}" % name.upper().encode(), base.encode())
        if filled != data:
            path.write_bytes(filled)


def _run(cmd: list[str], log: Path, timeout: float) -> tuple[int, int]:
    """(exit status, peak RSS in KiB) of a child process, its output written to ``log``."""
    with log.open("wb") as out:
        child = subprocess.Popen(cmd, cwd=REPO, stdout=out, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + timeout
    while True:
        # wait4 reports the peak memory of this one child; getrusage(RUSAGE_CHILDREN) would
        # report the largest of every child the test session ever waited for.
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            child.returncode = os.waitstatus_to_exitcode(status)
            return child.returncode, usage.ru_maxrss
        if time.monotonic() > deadline:
            child.kill()
            child.wait()
            pytest.fail(f"the hostile crawl ran past {timeout} s; see {log}")
        time.sleep(0.1)


@dataclass(frozen=True, slots=True)
class Crawl:
    db: Path
    log: str
    bases: dict[str, str]
    requests: dict[str, list[Request]]
    seconds: float
    peak_rss_mb: float

    def paths(self, site: str) -> list[str]:
        return [r.path for r in self.requests[site]]

    def logged(self, site: str, path: str) -> list[str]:
        """The crawl's log lines about one URL of a site."""
        url = self.bases[site] + path
        return [line for line in self.log.splitlines() if f" {url}" in line]


@pytest.fixture(scope="module")
def crawl(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Crawl]:
    tmp = tmp_path_factory.mktemp("hostile")
    root = tmp / "sites"
    shutil.copytree(HOSTILE, root)
    bomb = gzip_bomb(BOMB_MIB)
    (root / "gzipbom" / "_bom").mkdir()
    (root / "gzipbom" / "_bom" / "satu-giga.gz").write_bytes(bomb)
    (root / "gzipbom" / "_bom" / "satu-giga-ganda.gz").write_bytes(gzip.compress(bomb))
    (root / "xmlbom" / "sitemap-kuadrat.xml").write_text(quadratic_sitemap(), encoding="utf-8")
    (root / "banjir" / "index.html").write_text(link_flood(), encoding="utf-8")
    with ExitStack() as stack:
        hosts: dict[str, SiteHost] = {}
        for number, name in enumerate(SITES, 30):
            _fill(root / name, {n: h.base for n, h in hosts.items()})
            hosts[name] = stack.enter_context(SiteHost(root / name, host=f"127.0.0.{number}"))
        honest = (root / "gzipbom" / "_sitemap-berita.xml").read_bytes()
        honest = honest.replace(b"{{BASE}}", hosts["gzipbom"].base.encode())
        (root / "gzipbom" / "sitemap-berita.xml.gz").write_bytes(gzip.compress(honest))
        sources = tmp / "sources.toml"
        sources.write_text(
            "".join(
                f'[[source]]\nname = "{name}"\nurl = "{host.url}"\ndelay = 0\n'
                + (f"max_pages = {BANJIR_BUDGET}\n" if name == "banjir" else "")
                for name, host in hosts.items()
                if name != "luar"
            ),
            encoding="utf-8",
        )
        db = tmp / "hostile.duckdb"
        log = tmp / "crawl.log"
        started = time.monotonic()
        # AutoThrottle off: the servers are local, and on a busy test machine it turns the
        # time spent parsing the flood page into seconds of delay per request that 404 answers
        # never bring down again. Pacing is not what these hazards are about.
        status, peak = _run(
            [
                sys.executable, "-m", "scrapy", "crawl", "news",
                "-a", f"sources={sources}",
                "-s", f"PANTAU_DB={db}",
                "-s", "LOG_LEVEL=INFO",
                "-s", "AUTOTHROTTLE_ENABLED=False",
            ],
            log, timeout=2 * MAX_SECONDS,
        )  # fmt: skip
        seconds = time.monotonic() - started
        text = log.read_text(encoding="utf-8", errors="replace")
        assert status == 0, text[-3000:]
        yield Crawl(
            db=db,
            log=text,
            bases={name: host.base for name, host in hosts.items()},
            requests={name: host.requests for name, host in hosts.items()},
            seconds=seconds,
            peak_rss_mb=peak / 1024,
        )


def _stored(crawl: Crawl) -> dict[str, set[str]]:
    with duckdb.connect(str(crawl.db), read_only=True) as con:
        rows = con.execute("SELECT source, url FROM articles").fetchall()
    out: dict[str, set[str]] = {}
    for source, url in rows:
        out.setdefault(source, set()).add(url.removeprefix(crawl.bases[source]))
    return out


def _page_rows(crawl: Crawl, site: str, path: str) -> int:
    with duckdb.connect(str(crawl.db), read_only=True) as con:
        [(n,)] = con.execute(
            "SELECT count(*) FROM pages WHERE url = ?", [crawl.bases[site] + path]
        ).fetchall()
    return n


# -- every site --------------------------------------------------------------------------


def test_ordinary_articles_are_still_found(crawl):
    assert _stored(crawl) == {
        "xmlbom": {"/2021/07/aman/", "/2021/07/biasa/"},
        "gzipbom": {"/2021/07/biasa/", "/2021/07/padat/"},
        "jebakan": {"/2021/07/biasa/"},
        "alih": {"/2021/07/biasa/"},
    }


def test_nothing_reaches_the_other_host(crawl):
    assert crawl.requests["luar"] == []


def test_memory_and_time_stay_bounded(crawl):
    assert crawl.peak_rss_mb < MAX_RSS_MB
    assert crawl.seconds < MAX_SECONDS


# -- XML bombs and external entities --------------------------------------------------------

XML_BOMBS = (
    "/sitemap-tawa.xml",
    "/sitemap-kuadrat.xml",
    "/sitemap-berkas.xml",
    "/sitemap-luar.xml",
    "/sitemap-dtd.xml",
    "/sitemap_index.xml",
    "/feed/",
    "/atom.xml",
)


@pytest.mark.parametrize("path", XML_BOMBS)
def test_xml_declaring_entities_is_refused_with_a_reason(crawl, path):
    [line] = crawl.logged("xmlbom", path)
    assert "WARNING" in line and re.search(r"XML declares \d+ entities \(.+\); not read", line)


def test_no_entity_is_expanded_and_no_bomb_entry_followed(crawl):
    assert sorted(set(crawl.paths("xmlbom"))) == sorted(
        {
            "/robots.txt",
            "/",
            *XML_BOMBS,
            "/sitemap-berita.xml",
            "/unduh/tawa.xml",
            "/2021/07/aman/",
            "/2021/07/biasa/",
        }
    )


def test_hostile_xml_is_counted_in_crawl_runs(crawl):
    with duckdb.connect(str(crawl.db), read_only=True) as con:
        [(errors,)] = con.execute(
            "SELECT errors FROM crawl_runs WHERE source = 'xmlbom'"
        ).fetchall()
    assert f"HostileInput: {len(XML_BOMBS)}" in errors


# -- decompression bombs ---------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/2021/07/bom/", "/2021/07/bom-ganda/", "/sitemap-kempa.xml"])
def test_content_encoding_bombs_stop_at_download_maxsize(crawl, path):
    lines = crawl.logged("gzipbom", path)
    assert any(
        f"exceeded DOWNLOAD_MAXSIZE ({DOWNLOAD_MAXSIZE} B) during decompression" in line
        for line in lines
    ), lines
    assert crawl.paths("gzipbom").count(path) == 1  # not retried
    assert _page_rows(crawl, "gzipbom", path) == 0


def test_gzipped_sitemap_bomb_stops_at_download_maxsize(crawl):
    [line] = crawl.logged("gzipbom", "/sitemap.xml.gz")
    assert f"inflates past {DOWNLOAD_MAXSIZE} bytes; not read" in line


# -- a page with 100,000 links ----------------------------------------------------------------


def test_link_flood_is_read_only_in_part_and_within_the_budget(crawl):
    base = crawl.bases["banjir"]
    assert (
        f"banjir: {base}/ offers {FLOOD_LINKS} links; only the first {MAX_LINKS_PER_PAGE}"
        in crawl.log
    )
    assert f"banjir: page budget of {BANJIR_BUDGET} requests spent" in crawl.log
    fetched = [p for p in crawl.paths("banjir") if p != "/robots.txt"]
    assert len(fetched) == BANJIR_BUDGET
    links = {int(p.split("/")[2]) for p in fetched if p.startswith("/tautan/")}
    assert max(links) < MAX_LINKS_PER_PAGE // 2  # only links among the first thousand


# -- endless link traps -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("prefix", "most"),
    [
        ("/indeks", DEPTH_LIMIT),  # home is depth 0: ?page=2..8 and the first page
        ("/arsip/", DEPTH_LIMIT),
        ("/kategori/", 3),  # /kategori/berita/berita/berita/ is a trap
        ("/panjang/", 6),  # the seventh address is longer than URLLENGTH_LIMIT
        ("/agenda/", MAX_QUERY_VARIANTS + 1),
        ("/terbaru/", MAX_QUERY_VARIANTS),
        ("/sesi/", 1),  # sid is a session parameter: every link folds to /sesi/
    ],
)
def test_endless_traps_are_cut(crawl, prefix, most):
    fetched = [p for p in crawl.paths("jebakan") if p.startswith(prefix)]
    assert 1 <= len(fetched) <= most
    assert len(fetched) == len(set(fetched))


def test_no_address_longer_than_the_limit_is_fetched(crawl):
    assert all(len(crawl.bases["jebakan"] + p) <= URLLENGTH_LIMIT for p in crawl.paths("jebakan"))


@pytest.mark.parametrize("reason", ["too deep", "too long", "query variants", "trap"])
def test_each_cut_is_logged_once_with_its_reason(crawl, reason):
    pattern = rf"jebakan: refused \S+ \({reason}\); later refusals"
    assert len(re.findall(pattern, crawl.log)) == 1


# -- redirects ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "target"),
    [
        ("/2021/07/pindah/", ("luar", "/2021/07/tujuan/")),
        ("/2021/07/segar/", ("luar", "/2021/07/segar/")),  # meta refresh
        ("/2021/07/tetangga/", ("xmlbom", "/2021/07/tetangga/")),  # another source's host
    ],
)
def test_offsite_redirects_are_not_followed(crawl, path, target):
    site, target_path = target
    origin, to = crawl.bases["alih"] + path, crawl.bases[site] + target_path
    assert f"offsite redirect from {origin} to {to}" in crawl.log
    assert target_path not in crawl.paths(site)


def test_endless_redirect_chain_is_given_up_at_the_limit(crawl):
    chain = [p for p in crawl.paths("alih") if p.startswith("/rantai/")]
    assert len(chain) == REDIRECT_MAX_TIMES + 1
    assert "(max redirections reached)" in crawl.logged("alih", chain[-1])[0]
