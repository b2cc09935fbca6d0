"""How long ``pantau report`` takes to build, on the demo database and on N generated articles.

The generated articles (default 100,000, spread over two years, each with regions, officials,
a score for one in five, events and a law, evidence spans included) are written with
``Store.save_articles`` in batches, as the pipeline writes them; the timed week is the busiest.

Run from the repository root: ``python -m benchmarks.report_speed [--articles N] [--keep DIR]``.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

from core.gazetteer import GazetteerEntry, regions
from core.model import EVENT_TYPES, Article, Event, Evidence, Law, Official, Region, Score, Tags
from pantau.report import FORMATS, load_report, render
from store import Store

BATCH = 5_000
START = datetime(2022, 1, 3, tzinfo=UTC)
DAYS = 730
ROLES = ("Bupati", "Wakil Bupati", "Wali Kota", "Sekretaris Daerah", "Kepala Dinas", "Camat")
NAMES = ("Ahmad", "Siti", "Budi", "Dewi", "Rahmat", "Putri", "Hendra", "Wulan", "Agus", "Rina")
ZONES = ("hijau", "kuning", "merah", None)


def _text(place: str, official: str, value: float) -> str:
    return (
        f"Pemerintah Kabupaten {place} menggelar rapat koordinasi pelayanan publik bersama "
        f"Ombudsman RI. {official} menyampaikan bahwa nilai kepatuhan {value:.2f} masuk zona "
        "penilaian tahun ini sesuai UU 25/2009 tentang Pelayanan Publik. " * 3
    )


def _ev(text: str, quote: str) -> Evidence:
    start = text.index(quote)
    return Evidence.of(text, start, start + len(quote))


def synthetic(n: int, seed: int = 7) -> Iterator[tuple[Article, Tags, str | None]]:
    rng = random.Random(seed)
    local: list[GazetteerEntry] = [r for r in regions() if r.type != "provinsi"]
    for i in range(n):
        place = rng.choice(local)
        official = f"{rng.choice(NAMES)} {rng.choice(NAMES)}wan"
        value = round(rng.uniform(40, 100), 2)
        text = _text(place.name, official, value)
        published = START + timedelta(days=rng.randrange(DAYS), minutes=rng.randrange(1440))
        article = Article(
            url=f"https://berita{i % 40}.example/{published:%Y/%m/%d}/artikel-{i}",
            text=text,
            title=f"Pelayanan publik di {place.name}: nilai {value:.2f} ({i})",
            published=published,
            source=f"berita{i % 40}",
        )
        tags = Tags(
            id=article.id,
            relevant=rng.random() < 0.7,
            relevance=rng.random(),
            regions=[
                Region(
                    place.code,
                    place.type,
                    place.name,
                    place.province_name,
                    3,
                    _ev(text, place.name),
                ),
                Region(
                    place.province_code,
                    "provinsi",
                    place.province_name,
                    place.province_name,
                    1,
                    None,
                ),
            ],
            officials=[Official(official, rng.choice(ROLES), place.code, 1, _ev(text, official))],
            scores=[
                Score(
                    value,
                    place.name,
                    place.code,
                    2022 + i % 2,
                    rng.choice(ZONES),
                    None,
                    evidence=_ev(text, f"{value:.2f}"),
                )
            ]
            if i % 5 == 0
            else [],
            events=[
                Event(
                    rng.choice(EVENT_TYPES[:-1]),
                    published.date() - timedelta(days=rng.randrange(3)),
                    place.code,
                    _ev(text, "rapat koordinasi"),
                ),
            ],
            laws=[Law("UU 25/2009", _ev(text, "UU 25/2009"))],
        )
        yield article, tags, None


def fill(db: Path, n: int) -> float:
    started = time.perf_counter()
    with Store(db) as store:
        batch: list[tuple[Article, Tags, str | None]] = []
        for item in synthetic(n):
            batch.append(item)
            if len(batch) == BATCH:
                store.save_articles(batch, "benchmark")
                batch = []
        store.save_articles(batch, "benchmark")
    return time.perf_counter() - started


def busiest_week(db: Path) -> str:
    from store import query_readonly

    _, [(week,)] = query_readonly(
        db,
        "SELECT strftime(published_at, '%G-W%V') AS week FROM articles "
        "GROUP BY week ORDER BY count(*) DESC, week LIMIT 1",
    )
    return str(week)


def time_report(db: Path, week: str, rounds: int = 3) -> dict[str, float]:
    """Best of ``rounds`` seconds per format, each a full build: queries plus rendering."""
    times: dict[str, float] = {}
    for fmt in FORMATS:
        best = float("inf")
        for _ in range(rounds):
            started = time.perf_counter()
            render(load_report(db, week), fmt)
            best = min(best, time.perf_counter() - started)
        times[fmt] = best
    return times


def _print(label: str, week: str, times: dict[str, float]) -> None:
    cells = "  ".join(f"{fmt} {seconds * 1000:7.0f} ms" for fmt, seconds in times.items())
    print(f"{label:<28} {week}  {cells}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="Keep the generated databases in this folder.")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="pantau-bench-"))
    work.mkdir(parents=True, exist_ok=True)

    demo = work / "pantau-demo.duckdb"
    if not demo.exists():
        subprocess.run(
            [sys.executable, "-m", "pantau.cli", "demo", "--db", str(demo)],
            check=True,
            capture_output=True,
        )
    # First build outside the timing: imports (Jinja, fpdf2) are a one-off cost per process.
    render(load_report(demo, "2021-W24"), "html")
    _print("demo database (5 articles)", "2021-W24", time_report(demo, "2021-W24"))

    big = work / f"synthetic-{args.articles}.duckdb"
    if not big.exists():
        seconds = fill(big, args.articles)
        print(f"generated {args.articles} articles with tags in {seconds:.1f} s")
    week = busiest_week(big)
    _print(f"{args.articles} generated articles", week, time_report(big, week))
    print(f"databases in {work}")


if __name__ == "__main__":
    main()
