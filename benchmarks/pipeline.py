"""Pipeline throughput: extract, tag and store real pages, against bare ``trafilatura.extract``.

The pages are every article page of ``../shared/data/html`` (read at run time, nothing is
copied): the AEB pages and the rows of kind "article" in the SOURCES.md tables of ``indo/*``
and ``desa-padurenan``, repeated up to ``--pages``. Each copy has a URL of its own and a comment
closing its HTML, so the store inserts a new article and a new raw page for each, as a crawl of
that many distinct pages would. The store step is the crawl's (``CrawlStore.flush``): every
``--batch`` pages, open the file, record each page with its raw HTML and save the articles with
their tags in one transaction, close the file. Near-duplicate marking, a step of its own, is
left out.

Printed: pages per second of CPU time (per core, whatever else the machine runs) of the
pipeline and of bare ``trafilatura.extract`` (default options) on the same HTML strings, their
ratio, how the pipeline's CPU time splits between extract, tag and store, its peak resident
memory; then the wall-clock rate of the pipeline in one process and with ``--workers`` forked
processes that extract and tag while the parent stores (DuckDB takes one writer). Each figure
is the best of ``--rounds`` runs; wall-clock figures are only as good as the machine is idle.

    python benchmarks/pipeline.py [--shared ../shared] [--pages 2000] [--batch 50] \\
        [--workers 2] [--rounds 1] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import gzip
import json
import multiprocessing
import os
import pstats
import re
import resource
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

# One core per process: BLAS threads would otherwise spread the classifiers over every core.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import trafilatura  # noqa: E402

import classify  # noqa: E402
from core.model import Article, Tags  # noqa: E402
from extract import article_from_html  # noqa: E402
from store import Store  # noqa: E402

DEFAULT_SHARED = REPO.parent / "shared"
ISSUE_RATIO = 0.8
ISSUE_SPEEDUP = 1.8
_URL = re.compile(r"https?://\S+")


@dataclass(frozen=True, slots=True)
class Page:
    url: str
    html: str
    set: str


@dataclass(slots=True)
class Done:
    """One page through extraction and tagging, ready for the store."""

    url: str
    html: str
    article: Article | None
    tags: Tags | None


@dataclass(slots=True)
class Run:
    """One pass over the pages: wall clock, and CPU seconds by stage (in-process runs) or by
    process (parallel runs: ``store`` is the parent's, ``extract`` the workers' in all)."""

    pages: int
    articles: int
    wall: float
    extract: float = 0.0
    tag: float = 0.0
    store: float = 0.0

    @property
    def cpu(self) -> float:
        return self.extract + self.tag + self.store


def _listed_articles(folder: Path, set_name: str) -> Iterator[Page]:
    """The pages a SOURCES.md table marks as articles, with their captured URL; a page captured
    without one gets a stand-in on the folder's name (extraction then reads no date from it)."""
    for line in (folder / "SOURCES.md").read_text("utf-8").splitlines():
        cells = [c.strip() for c in line.split("|")]
        if len(cells) < 10 or cells[2] != "article":
            continue
        found = _URL.search(cells[8])
        url = found.group(0) if found else f"https://{folder.name}.invalid/{cells[1]}"
        yield Page(url, (folder / cells[1]).read_text("utf-8", errors="replace"), set_name)


def article_pages(shared: Path) -> list[Page]:
    html = shared / "data" / "html"
    truth = json.loads((html / "aeb" / "ground-truth.json").read_text("utf-8"))
    pages = [
        Page(
            truth[key]["url"],
            gzip.decompress((html / "aeb" / "html" / f"{key}.html.gz").read_bytes()).decode(
                "utf-8", errors="replace"
            ),
            "aeb",
        )
        for key in sorted(truth)
    ]
    for folder in sorted(html.glob("indo/*")):
        pages.extend(_listed_articles(folder, "indo"))
    pages.extend(_listed_articles(html / "desa-padurenan", "desa-padurenan"))
    # indo/kabarislamia holds two AEB pages again: each page once.
    distinct: dict[str, Page] = {}
    for page in pages:
        distinct.setdefault(page.html, page)
    return list(distinct.values())


def copy_of(pages: list[Page], n: int) -> tuple[str, str]:
    """URL and HTML of the ``n``-th page of the stream: the pages over and over, each copy
    distinct (the comment is dropped by every extractor with the rest of the markup)."""
    page = pages[n % len(pages)]
    round_ = n // len(pages)
    if round_ == 0:
        return page.url, page.html
    parts = urlsplit(page.url)
    query = f"{parts.query}&copy={round_}" if parts.query else f"copy={round_}"
    return urlunsplit(parts._replace(query=query)), f"{page.html}\n<!-- copy {round_} -->"


def through(url: str, html: str) -> Done:
    article = article_from_html(html, url)
    return Done(url, html, article, classify.tag(article) if article else None)


def write(db: Path, batch: list[Done]) -> None:
    """One crawl batch: pages with raw HTML, then articles with tags, in one transaction."""
    with Store(db) as store, store.batch():
        digests = [store.record_page(d.url, "bench", 200, None, d.html) for d in batch]
        store.save_articles(
            [
                (d.article, d.tags, digest)
                for d, digest in zip(batch, digests, strict=True)
                if d.article is not None and d.tags is not None
            ],
            classify.PIPELINE_VERSION,
        )


def stored_articles(db: Path) -> int:
    with Store(db) as store:
        return store.counts()["articles"]


def pipeline(pages: list[Page], count: int, batch_size: int, db: Path) -> Run:
    """The pipeline in this process, its CPU time split by stage."""
    run = Run(count, 0, 0.0)
    pending: list[Done] = []
    start = time.perf_counter()
    for n in range(count):
        url, html = copy_of(pages, n)
        t0 = time.process_time()
        article = article_from_html(html, url)
        t1 = time.process_time()
        tags = classify.tag(article) if article else None
        t2 = time.process_time()
        run.extract += t1 - t0
        run.tag += t2 - t1
        pending.append(Done(url, html, article, tags))
        if len(pending) == batch_size or n == count - 1:
            t3 = time.process_time()
            write(db, pending)
            run.store += time.process_time() - t3
            pending = []
    run.wall = time.perf_counter() - start
    run.articles = stored_articles(db)
    return run


def bare(pages: list[Page], count: int) -> float:
    """CPU seconds of ``trafilatura.extract`` with its defaults over the same stream."""
    spent = 0.0
    for n in range(count):
        url, html = copy_of(pages, n)
        t0 = time.process_time()
        trafilatura.extract(html, url=url)
        spent += time.process_time() - t0
    return spent


# The pages of a parallel run, inherited by the forked workers (sent as indices, not HTML).
_SHARED: list[Page] = []


def _work(n: int) -> tuple[Article | None, Tags | None]:
    done = through(*copy_of(_SHARED, n))
    return done.article, done.tags


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def parallel(pages: list[Page], count: int, batch_size: int, db: Path, workers: int) -> Run:
    """Wall clock of ``workers`` processes extracting and tagging while this one stores."""
    _SHARED[:] = pages
    # Forked workers start with the models this process has loaded, as a warm crawl would.
    context = multiprocessing.get_context("fork")
    pending: list[Done] = []
    children, start, own = _children_cpu(), time.perf_counter(), time.process_time()
    with context.Pool(workers) as pool:
        results = pool.imap(_work, range(count), chunksize=4)
        for n, (article, tags) in enumerate(results):
            pending.append(Done(*copy_of(pages, n), article, tags))
            if len(pending) == batch_size or n == count - 1:
                write(db, pending)
                pending = []
        # Reaped workers' CPU time becomes readable in RUSAGE_CHILDREN.
        pool.close()
        pool.join()
    run = Run(count, 0, time.perf_counter() - start)
    run.store, run.extract = time.process_time() - own, _children_cpu() - children
    run.articles = stored_articles(db)
    return run


def _peak_mib(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # KiB on Linux


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--batch", type=int, default=50, help="pages per store transaction")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=1, help="runs per figure; best counts")
    parser.add_argument("--profile", action="store_true", help="print the 25 costliest calls")
    args = parser.parse_args(argv)
    pages = article_pages(args.shared)
    sets = {name: sum(p.set == name for p in pages) for name in ("aeb", "indo", "desa-padurenan")}
    print(
        f"{args.pages} pages: {len(pages)} distinct article pages "
        f"({', '.join(f'{n} {name}' for name, n in sets.items())}) repeated; "
        f"store batches of {args.batch}"
    )
    # Imports, models and compiled rules load once per process: not counted.
    for page in pages[:3]:
        through(page.url, page.html)
        trafilatura.extract(page.html, url=page.url)

    with tempfile.TemporaryDirectory(prefix="pantau-bench-") as tmp:
        dbs = (Path(tmp) / f"run{n}.duckdb" for n in range(1_000))
        bare_cpu = min(bare(pages, args.pages) for _ in range(args.rounds))
        runs = [pipeline(pages, args.pages, args.batch, next(dbs)) for _ in range(args.rounds)]
        best = min(runs, key=lambda r: r.cpu)
        peak = _peak_mib(resource.RUSAGE_SELF)
        multi = min(
            (
                parallel(pages, args.pages, args.batch, next(dbs), args.workers)
                for _ in range(args.rounds)
            ),
            key=lambda r: r.wall,
        )
        if args.profile:
            profile = cProfile.Profile()
            profile.runcall(pipeline, pages, min(args.pages, 500), args.batch, next(dbs))
            pstats.Stats(profile).sort_stats("cumulative").print_stats(25)

    ours, theirs = args.pages / best.cpu, args.pages / bare_cpu
    print(f"bare trafilatura.extract  {theirs:6.1f} pages/s per core")
    print(
        f"pipeline                  {ours:6.1f} pages/s per core  "
        f"ratio {ours / theirs:.2f} (issue target >= {ISSUE_RATIO})"
    )
    for stage in ("extract", "tag", "store"):
        spent = getattr(best, stage)
        print(f"  {stage:8} {1000 * spent / args.pages:6.2f} ms/page  {spent / best.cpu:4.0%}")
    print(f"  {best.articles} articles stored from {best.pages} pages")
    print(f"peak RSS, one process     {peak:6.0f} MiB")
    single = min(r.wall for r in runs)
    print(
        f"wall clock: 1 process {args.pages / single:6.1f} pages/s; {args.workers} processes "
        f"{args.pages / multi.wall:6.1f} pages/s, speed-up {single / multi.wall:.2f}x "
        f"(issue target >= {ISSUE_SPEEDUP}x)"
    )
    print(
        f"  {args.workers} processes: workers {multi.extract:.1f} CPU-s, parent (store) "
        f"{multi.store:.1f} CPU-s, {multi.articles} articles stored; peak RSS per worker "
        f"{_peak_mib(resource.RUSAGE_CHILDREN):.0f} MiB"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
