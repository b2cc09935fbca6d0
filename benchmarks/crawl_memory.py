"""Resident memory of a long crawl: `pantau run` over 50,000 generated pages, sampled as it goes.

The local fixture web here is a set of generated regional sites (tests/robustness/sitegen.py:
distinct Indonesian articles, a home page linking every one, a sitemap naming them all),
served on 127.0.0.x. The crawl runs in a child process, politeness off as in crawl.py;
its resident set size is read from /proc every second and its peak from the kernel at exit.
What could grow with the crawl (the frontier's seen set, the known-article set, MinHash
fingerprints, Scrapy's scheduler queue) shows as a rising RSS, so the samples are printed
by the share of pages fetched, besides the peak. Target: the peak stays under 1 GB.

    python benchmarks/crawl_memory.py [--pages 50000] [--sites 10] [--fetch-only]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import duckdb

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.crawl import FETCH_ONLY, POLITENESS_OFF, crawl_figures  # noqa: E402
from pantau.sitehost import SiteHost  # noqa: E402
from tests.robustness.sitegen import generate_site  # noqa: E402

LIMIT_MB = 1024


def _rss_kib(pid: int) -> int:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def _sample(pid: int, hosts: list[SiteHost], out: list[tuple[float, int, int]]) -> None:
    """Append (seconds, pages served so far, RSS KiB) every second until ``pid`` exits."""
    start = time.monotonic()
    while True:
        rss = _rss_kib(pid)
        if not rss:
            return
        out.append((time.monotonic() - start, sum(len(h.requests) for h in hosts), rss))
        time.sleep(1.0)


def crawl(pages: int, sites: int, fetch_only: bool) -> None:
    per_site = pages // sites
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        started = time.perf_counter()
        roots = []
        for i in range(sites):
            generate_site(root / f"site{i}", per_site, seed=i)
            roots.append(root / f"site{i}")
        print(f"generated {per_site * sites} articles on {sites} sites "
              f"in {time.perf_counter() - started:.0f} s")  # fmt: skip
        hosts = [SiteHost(r, host=f"127.0.0.{40 + i}") for i, r in enumerate(roots)]
        for h in hosts:
            h.start()
        try:
            sources = root / "sources.toml"
            sources.write_text(
                "".join(
                    f'[[source]]\nname = "gen{i}"\nurl = "{h.url}"\ndelay = 0\n'
                    # Room for the site's own pages: home, sitemap, listings.
                    f"max_pages = {per_site + 100}\n\n"
                    for i, h in enumerate(hosts)
                )
            )
            cmd = [
                sys.executable, "-m", "scrapy", "crawl", "news",
                "-a", f"sources={sources}",
                "-s", f"PANTAU_DB={root / 'memory.duckdb'}",
                *POLITENESS_OFF,
                *(FETCH_ONLY if fetch_only else []),
            ]  # fmt: skip
            log_path = root / "crawl.log"
            with log_path.open("w") as log:
                proc = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.DEVNULL, stderr=log)
                samples: list[tuple[float, int, int]] = []
                sampler = threading.Thread(target=_sample, args=(proc.pid, hosts, samples))
                sampler.start()
                _, status, usage = os.wait4(proc.pid, 0)
                proc.returncode = os.waitstatus_to_exitcode(status)
                sampler.join()
            text = log_path.read_text(errors="replace")
            if proc.returncode:
                sys.exit(f"crawl failed ({proc.returncode}):\n{text[-2000:]}")
        finally:
            for h in hosts:
                h.stop()
        fetched, seconds = crawl_figures(text)
        peak_mb = usage.ru_maxrss / 1024
        with duckdb.connect(str(root / "memory.duckdb"), read_only=True) as con:
            table = "pages" if fetch_only else "articles"
            row = con.execute(f"SELECT count(*) FROM {table}").fetchone()
        stored = row[0] if row else 0
    print(f"{'pages fetched':>14} {'seconds':>8} {'RSS MB':>7}")
    shown = 0.0
    for at, served, rss in samples:
        if served >= shown * fetched or (at, served, rss) == samples[-1]:
            print(f"{served:14d} {at:8.0f} {rss / 1024:7.0f}")
            shown += 0.1
    mode = "fetch + store" if fetch_only else "fetch + extract + tag + store"
    verdict = "under" if peak_mb < LIMIT_MB else "OVER"
    print(
        f"{mode}: {fetched} responses in {seconds:.0f} s ({fetched / seconds:.1f} pages/s), "
        f"{stored} {'pages' if fetch_only else 'articles'} stored; "
        f"peak RSS {peak_mb:.0f} MB, {verdict} the {LIMIT_MB} MB target"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=50_000, help="articles in all (50000)")
    parser.add_argument("--sites", type=int, default=10, help="sites they are spread over (10)")
    parser.add_argument(
        "--fetch-only", action="store_true", help="`pantau crawl`: no extraction or tagging"
    )
    args = parser.parse_args()
    crawl(args.pages, args.sites, args.fetch_only)


if __name__ == "__main__":
    main()
