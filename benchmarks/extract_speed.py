"""Pages per second of ``extract.article_from_html`` against bare ``trafilatura.extract`` on the
same pages (the benchmark pages of ``extract_quality``), in one process.

Run from the repository root: ``python -m benchmarks.extract_speed [--data DIR] [--rounds N]``."""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

import trafilatura

from benchmarks.extract_quality import DEFAULT_DATA, Page, aeb_pages, indo_pages
from extract import article_from_html


def _rate(pages: list[Page], run: Callable[[Page], object], rounds: int) -> float:
    start = time.perf_counter()
    for _ in range(rounds):
        for page in pages:
            run(page)
    return rounds * len(pages) / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    pages = [*indo_pages(args.data), *aeb_pages(args.data)]
    # One warm-up pass so that imports and compiled rules do not count.
    for page in pages[:5]:
        article_from_html(page.html, page.url)
        trafilatura.extract(page.html, url=page.url or None)
    bare = _rate(pages, lambda p: trafilatura.extract(p.html, url=p.url or None), args.rounds)
    ours = _rate(pages, lambda p: article_from_html(p.html, p.url), args.rounds)
    print(f"{len(pages)} pages x {args.rounds} rounds")
    print(f"bare trafilatura.extract  {bare:7.1f} pages/s")
    print(f"extract.article_from_html {ours:7.1f} pages/s  ({ours / bare:.2f}x bare)")


if __name__ == "__main__":
    main()
