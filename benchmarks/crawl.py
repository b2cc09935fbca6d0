"""Crawl speed and memory: Pantau's spider over the local fixture web, beside `scrapy bench`.

Both run in this invocation on this machine, politeness off (no delay, no AutoThrottle,
8 requests per site at once; robots.txt still obeyed), each in a child process whose
peak resident memory is read from the kernel. Two Pantau figures: fetch only
(`pantau crawl`: discovery + raw storage) and the whole pipeline (`pantau run`: plus
extraction, tagging, storage). The fixture web is small, so it is crawled ROUNDS times
into fresh databases and the rates are summed over rounds.

    python benchmarks/crawl.py [--rounds 5] [--bench-seconds 10]
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pantau.sitehost import SiteHost

REPO = Path(__file__).resolve().parents[1]
SITES = {
    "demo": REPO / "pantau" / "demo_site",
    "wpsite": REPO / "tests" / "sites" / "wpsite",
    "blogsite": REPO / "tests" / "sites" / "blogsite",
    "portal": REPO / "tests" / "sites" / "portal",
}
POLITENESS_OFF = [
    "-s", "AUTOTHROTTLE_ENABLED=False",
    "-s", "DOWNLOAD_DELAY=0",
    "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=8",
    "-s", "LOG_LEVEL=INFO",
]  # fmt: skip
# `pantau crawl`'s pipelines: validate and store the raw page, no extraction or tagging.
FETCH_ONLY = [
    "-s", "ITEM_PIPELINES={\"crawler.pipelines.ValidatePipeline\": 100, "
    "\"crawler.pipelines.StorePipeline\": 800}",
]  # fmt: skip


def _child(cmd: list[str], cwd: Path) -> tuple[float, int, str]:
    """Run ``cmd``; return (seconds, peak RSS in KiB, stderr)."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    assert proc.stderr is not None
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        sys.exit(f"{cmd[:4]} failed ({proc.returncode}):\n{err[-2000:]}")
    return time.perf_counter() - start, usage.ru_maxrss, err


def _stat(log: str, name: str) -> float:
    found = re.findall(rf"'{name}': ([\d.]+)", log)
    return float(found[-1]) if found else 0.0


def crawl_figures(log: str) -> tuple[int, float]:
    """Responses and the crawl's own duration (engine open to close) from Scrapy's stats."""
    return int(_stat(log, "downloader/response_count")), _stat(log, "elapsed_time_seconds")


def pantau_rounds(rounds: int, fetch_only: bool) -> tuple[int, float, float, int]:
    pages = 0
    seconds = 0.0
    wall = 0.0
    peak = 0
    hosts = [SiteHost(root, host=f"127.0.0.{20 + i}") for i, root in enumerate(SITES.values())]
    for h in hosts:
        h.start()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            sources = Path(tmp) / "sources.toml"
            sources.write_text(
                "".join(
                    f'[[source]]\nname = "{n}"\nurl = "{h.url}"\ndelay = 0\n\n'
                    for n, h in zip(SITES, hosts, strict=True)
                )
            )
            for r in range(rounds):
                cmd = [
                    sys.executable, "-m", "scrapy", "crawl", "news",
                    "-a", f"sources={sources}",
                    "-s", f"PANTAU_DB={Path(tmp) / f'round{r}.duckdb'}",
                    *POLITENESS_OFF,
                ]  # fmt: skip
                if fetch_only:
                    cmd += FETCH_ONLY
                took, rss, log = _child(cmd, REPO)
                n, crawl_seconds = crawl_figures(log)
                pages += n
                seconds += crawl_seconds
                wall += took
                peak = max(peak, rss)
    finally:
        for h in hosts:
            h.stop()
    return pages, seconds, wall, peak


def scrapy_bench(seconds: int) -> tuple[int, float, float, int]:
    with tempfile.TemporaryDirectory() as tmp:  # outside the project: Scrapy's defaults
        took, rss, log = _child(
            [sys.executable, "-m", "scrapy", "bench", "-s", f"CLOSESPIDER_TIMEOUT={seconds}"],
            Path(tmp),
        )
    return (*crawl_figures(log), took, rss)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--bench-seconds", type=int, default=10)
    args = parser.parse_args()
    rows = [
        ("scrapy bench (defaults)", *scrapy_bench(args.bench_seconds)),
        ("pantau crawl (fetch + store)", *pantau_rounds(args.rounds, fetch_only=True)),
        (
            "pantau run (fetch + extract + tag + store)",
            *pantau_rounds(args.rounds, fetch_only=False),
        ),
    ]
    bench_rate = rows[0][1] / rows[0][2]
    print(
        f"{'what':45} {'pages':>7} {'crawl s':>8} {'pages/s':>8} {'vs bench':>9}"
        f" {'wall s':>7} {'peak MB':>8}"
    )
    for name, pages, seconds, wall, peak in rows:
        rate = pages / seconds
        print(
            f"{name:45} {pages:7d} {seconds:8.1f} {rate:8.1f} {rate / bench_rate:9.2f}"
            f" {wall:7.1f} {peak / 1024:8.0f}"
        )
    print(
        "crawl s: Scrapy's elapsed_time_seconds (engine open to close); wall s adds each\n"
        "process's start-up (Python, Scrapy, the spaCy pipeline and models)."
    )


if __name__ == "__main__":
    main()
