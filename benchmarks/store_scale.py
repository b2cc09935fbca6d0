"""The store at scale: ingest rate, file size, and analyst latency on a million articles.

Generates N synthetic articles (default 1,000,000) with plausible tags: regions of the real
gazetteer (a few kabupaten/kota much more covered than the rest, most articles about their
outlet's own province), the officials of each region, Ombudsman scores whose zone follows the
value, events with dates, laws; spread over three years of weeks and 200 sources, from one
seed, generated lazily so memory stays bounded. Then measures:

- ingest through the public ``Store.save_articles``, batched (each ``--batch`` size on a
  sample in a fresh file, and the whole fill at the largest size) and row by row (one
  ``save_article`` each, on a sample); only the store's own calls are timed, not generation;
- re-saving already stored articles (the replace path of ``pantau reprocess``) on the full file;
- the file size, in MB and bytes per article;
- each analyst view of ``store/views`` through ``query_readonly`` (what ``pantau sql`` runs):
  a typical filtered query (one kabupaten, one week) and a count over every column of it;
- the weekly report in Markdown and HTML through ``write_report`` (what ``pantau report``
  runs), and the data checks of ``pantau db --check``.

Run from the repository root:
``python -m benchmarks.store_scale [--articles N] [--db PATH [--reuse]] [--batch 1000,10000]``.
Without ``--db`` the files live in a temporary folder removed at the end.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import shutil
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from itertools import accumulate, islice
from pathlib import Path
from typing import Any

from benchmarks.report_speed import NAMES
from core.gazetteer import GazetteerEntry, regions
from core.model import EVENT_TYPES, Article, Event, Evidence, Law, Official, Region, Score, Tags
from core.sources import Source
from pantau.db import run_checks
from pantau.report import write_report
from store import Store, query_readonly

Item = tuple[Article, Tags, str | None]

SEED = 20240605
WIB = timezone(timedelta(hours=7), "WIB")
START = datetime(2022, 1, 3, tzinfo=WIB)  # a Monday
WEEKS = 156
SOURCES = 200
PIPELINE_VERSION = "bench-store-scale"
ROW_SAMPLE = 5_000
BATCH_SAMPLE = 100_000
RESAVE = 10_000
# Targets of the "Prove it" issue.
TARGET_INGEST = 20_000.0
TARGET_LATENCY = 2.0

SURNAMES = (
    "Saputra",
    "Wijaya",
    "Hidayat",
    "Siregar",
    "Nasution",
    "Lubis",
    "Harahap",
    "Pratama",
    "Kusuma",
    "Santoso",
    "Simanjuntak",
    "Tanjung",
    "Setiawan",
    "Gunawan",
    "Rahman",
)
OUTLETS = ("kabar", "warta", "suara", "radar", "berita", "info", "lintas", "jurnal")
AGENCIES = (
    "Dinas Kependudukan dan Pencatatan Sipil",
    "Dinas Penanaman Modal dan PTSP",
    "RSUD",
    "Kantor Pertanahan",
    "Dinas Kesehatan",
)
LAWS = (
    "UU 25/2009",
    "UU 37/2008",
    "PP 96/2012",
    "Perpres 76/2013",
    "PermenPANRB 17/2017",
    "Permendagri 20/2015",
    "PermenPANRB 15/2014",
    "Perda 5/2021",
    "Perbup 12/2022",
    "Inpres 7/2015",
)
EVENT_PHRASES = {
    "assessment": "penilaian kepatuhan",
    "award": "penganugerahan predikat kepatuhan",
    "meeting": "rapat koordinasi",
    "training": "bimbingan teknis",
    "commitment": "penandatanganan pakta integritas",
    "launch": "peresmian mal pelayanan publik",
    "inspection": "inspeksi mendadak",
    "complaint": "laporan masyarakat",
    "other": "kegiatan bersama",
}
EVENT_WEIGHTS = (20, 12, 18, 10, 8, 6, 8, 10, 8)
FILLER = (
    "Menurutnya, pelayanan publik yang baik menjadi hak setiap warga tanpa kecuali.",
    "Ia meminta seluruh organisasi perangkat daerah membenahi standar pelayanan.",
    "Masyarakat diimbau melapor jika menemukan pungutan liar di unit layanan.",
    "Kegiatan itu dihadiri para camat, lurah dan kepala organisasi perangkat daerah.",
    "Ombudsman mencatat sejumlah keluhan soal antrean dan kepastian waktu layanan.",
    "Pemerintah daerah berjanji menindaklanjuti temuan tersebut dalam waktu dekat.",
    "Penilaian mencakup standar pelayanan, sarana pengaduan dan kompetensi petugas.",
    "Sejumlah warga mengaku pengurusan dokumen kini lebih cepat dibanding tahun lalu.",
    "Ke depan, layanan perizinan akan terintegrasi secara daring.",
    "Anggaran perbaikan ruang pelayanan telah disiapkan pada tahun berjalan.",
    "Pihaknya juga membuka kanal pengaduan melalui aplikasi dan layanan pesan singkat.",
    "Hasil evaluasi akan diumumkan secara terbuka kepada masyarakat.",
    "Dia menegaskan tidak boleh ada lagi praktik percaloan di lingkungan pemerintahan.",
    "Petugas diminta memasang maklumat pelayanan di setiap loket.",
    "Sebelumnya, unit layanan tersebut sempat menuai kritik karena pelayanan yang lamban.",
    "Langkah ini diharapkan meningkatkan kepercayaan publik terhadap pemerintah daerah.",
    "Kepala perwakilan Ombudsman menyebut masih ada unit layanan yang belum memenuhi standar.",
    "Warga dapat menyampaikan masukan melalui kotak saran yang disediakan.",
)


def zone_of(value: float) -> str:
    """Ombudsman's kepatuhan zones: merah up to 50, kuning up to 88, hijau above."""
    if value > 88:
        return "hijau"
    return "kuning" if value > 50 else "merah"


@dataclass(frozen=True, slots=True)
class Outlet:
    source: Source
    domain: str
    province_code: str


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    role: str
    region_code: str


class Text:
    """Article text built piece by piece, handing out evidence spans as it grows."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.size = 0

    def add(self, piece: str) -> None:
        self.parts.append(piece)
        self.size += len(piece)

    def quote(self, before: str, quoted: str, after: str) -> Evidence:
        start = self.size + len(before)
        self.add(before + quoted + after)
        return Evidence(start, start + len(quoted), quoted)

    def __str__(self) -> str:
        return "".join(self.parts)


class World:
    """Everything the articles draw on, fixed by the seed: outlets, regions, officials."""

    def __init__(self, seed: int) -> None:
        rng = random.Random(seed)
        entries = regions()
        self.by_code = {e.code: e for e in entries}
        provinces = [e for e in entries if e.type == "provinsi"]
        self.local = [e for e in entries if e.type != "provinsi"]
        # Coverage is skewed: provincial capitals and big cities get far more news.
        order = rng.sample(range(len(self.local)), len(self.local))
        weights = [1.0 / (1 + rank) ** 0.8 for rank in order]
        self.cum_local = list(accumulate(weights))
        self.local_in: dict[str, tuple[list[GazetteerEntry], list[float]]] = {}
        for province in provinces:
            pairs = [(e, w) for e, w in zip(self.local, weights, strict=True)]
            inside = [(e, w) for e, w in pairs if e.province_code == province.code]
            self.local_in[province.code] = (
                [e for e, _ in inside],
                list(accumulate(w for _, w in inside)),
            )
        self.outlets: list[Outlet] = []
        for i in range(SOURCES):
            province = provinces[i % len(provinces)]
            slug = province.name.lower().replace(" ", "")[:12]
            name = f"{OUTLETS[(i // len(provinces)) % len(OUTLETS)]}{slug}{i // 100 or ''}"
            domain = f"{name}.example"
            self.outlets.append(
                Outlet(
                    Source(name=name, url=f"https://{domain}/", province=province.name),
                    domain,
                    province.code,
                )
            )
        self.cum_outlets = list(accumulate(1.0 / (1 + i) ** 0.6 for i in range(SOURCES)))
        self.staff: dict[str, list[Person]] = {}
        for e in self.local:
            head = "Wali Kota" if e.type == "kota" else "Bupati"
            roles = (head, f"Wakil {head}", "Sekretaris Daerah", "Kepala Dinas", "Camat")
            self.staff[e.code] = [
                Person(f"{rng.choice(NAMES)} {rng.choice(SURNAMES)}", role, e.code)
                for role in (*roles, "Kepala Dinas", "Kepala Dinas", "Camat")
            ]
        # Busier weeks later on (more outlets online) and on weekdays.
        self.cum_weeks = list(accumulate(1.0 + week / WEEKS for week in range(WEEKS)))
        self.cum_days = list(accumulate((10, 10, 10, 10, 9, 5, 4)))

    def score_value(self, subject: str, year: int) -> float:
        """One score per subject and year, however many outlets report it."""
        digest = hashlib.blake2b(f"{subject}/{year}".encode(), digest_size=4).digest()
        return round(35 + int.from_bytes(digest) % 6500 / 100, 2)


def synthetic(n: int, seed: int = SEED) -> Iterator[Item]:
    """``n`` articles with their tags, the same ones for the same seed, generated lazily."""
    world = World(seed)
    rng = random.Random(seed + 1)
    recent: list[str] = []
    for i in range(n):
        yield _article(world, rng, i, recent)


def _article(world: World, rng: random.Random, i: int, recent: list[str]) -> Item:
    outlet = rng.choices(world.outlets, cum_weights=world.cum_outlets)[0]
    if rng.random() < 0.85:
        inside, cum = world.local_in[outlet.province_code]
        place = rng.choices(inside, cum_weights=cum)[0]
    else:
        place = rng.choices(world.local, cum_weights=world.cum_local)[0]
    province = world.by_code[place.province_code]
    week = rng.choices(range(WEEKS), cum_weights=world.cum_weeks)[0]
    day = rng.choices(range(7), cum_weights=world.cum_days)[0]
    when = START + timedelta(
        weeks=week, days=day, hours=rng.randrange(6, 22), minutes=rng.randrange(60)
    )
    pub_day = when.date()
    kind = "Kota" if place.type == "kota" else "Kabupaten"

    text = Text()
    region_tags = [
        Region(
            place.code,
            place.type,
            place.name,
            province.name,
            rng.randint(1, 5),
            text.quote(f"{place.name.upper()} - Pemerintah {kind} ", place.name, " "),
        )
    ]
    relevant = rng.random() < 0.65
    text.add("terus berbenah memperbaiki pelayanan publik. " if relevant else "menggelar acara. ")
    if rng.random() < 0.6:
        region_tags.append(
            Region(
                province.code,
                "provinsi",
                province.name,
                province.name,
                1,
                text.quote(
                    "Langkah itu sejalan dengan program Pemerintah Provinsi ", province.name, ". "
                ),
            )
        )
    inside = world.local_in[province.code][0]
    for other in rng.sample(inside, min(len(inside), rng.choice((0, 0, 1, 2)))):
        if other.code != place.code:
            region_tags.append(
                Region(
                    other.code,
                    other.type,
                    other.name,
                    province.name,
                    1,
                    text.quote("Hal serupa juga dilakukan di ", other.name, ". "),
                )
            )

    officials = [
        Official(
            p.name,
            p.role,
            p.region_code,
            rng.randint(1, 3),
            text.quote(f"{p.role} {place.name} ", p.name, " mengatakan hal itu kepada wartawan. "),
        )
        for p in rng.sample(world.staff[place.code], rng.choices((0, 1, 2, 3), (20, 45, 25, 10))[0])
    ]

    scores = []
    if rng.random() < 0.12:
        year = pub_day.year - (rng.random() < 0.5)
        if rng.random() < 0.9:
            subject, code = place.name, place.code
        else:
            subject, code = f"{rng.choice(AGENCIES)} {place.name}", None
        value = world.score_value(subject, year)
        zone = zone_of(value)
        scores.append(
            Score(
                value,
                subject,
                code,
                year,
                zone,  # type: ignore[arg-type]
                rng.randint(1, 50) if rng.random() < 0.3 else None,
                "kepatuhan",
                text.quote(
                    f"Dalam penilaian kepatuhan {year}, {subject} meraih nilai ",
                    f"{value:.2f}".replace(".", ","),
                    f" dan masuk zona {zone}. ",
                ),
            )
        )

    events = []
    for _ in range(rng.choices((0, 1, 2), (30, 55, 15))[0]):
        event_type = rng.choices(EVENT_TYPES, EVENT_WEIGHTS)[0]
        held = pub_day - timedelta(days=rng.randrange(7)) if rng.random() < 0.7 else None
        events.append(
            Event(
                event_type,
                held,
                place.code if rng.random() < 0.85 else None,
                text.quote("Sebelumnya digelar ", EVENT_PHRASES[event_type], " di kantor bupati. "),
            )
        )

    laws = [
        Law(law, text.quote("Hal itu diatur dalam ", law, " tentang pelayanan publik. "))
        for law in rng.sample(LAWS, rng.choices((0, 1, 2), (50, 40, 10))[0])
    ]

    # Regional news runs to about 1,500 characters; the filler brings the text there.
    for sentence in rng.choices(FILLER, k=rng.randint(8, 18)):
        text.add(sentence + " ")

    # Some pages carry no date; they count in the week they were stored.
    published = None if rng.random() < 0.02 else when
    url = f"https://{outlet.domain}/berita/{pub_day:%Y/%m/%d}/pelayanan-{place.code}-{i}"
    dup_of = None
    if recent and rng.random() < 0.05:
        dup_of = rng.choice(recent)
    article = Article(
        url=url,
        text=str(text),
        title=f"{kind} {place.name} {'benahi pelayanan publik' if relevant else 'gelar acara'}",
        published=published,
        author=f"{rng.choice(NAMES)} {rng.choice(SURNAMES)}",
        editor=rng.choice(NAMES) if rng.random() < 0.5 else None,
        dateline=place.name.upper(),
        site=outlet.domain,
        lang="id",
        source=outlet.source.name,
        dup_of=dup_of,
    )
    if dup_of is None:
        recent.append(article.id)
        del recent[:-50]
    tags = Tags(
        id=article.id,
        relevant=relevant,
        relevance=rng.uniform(0.5, 1.0) if relevant else rng.uniform(0.0, 0.5),
        regions=region_tags,
        officials=officials,
        scores=scores,
        events=events,
        laws=laws,
    )
    return article, tags, hashlib.sha256(url.encode()).hexdigest()


def tag_rows(tags: Tags) -> int:
    return (
        len(tags.regions)
        + len(tags.officials)
        + len(tags.scores)
        + len(tags.events)
        + len(tags.laws)
    )


@dataclass
class Rate:
    articles: int = 0
    tag_rows: int = 0
    seconds: float = 0.0

    @property
    def per_second(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0

    @property
    def tags_per_second(self) -> float:
        return self.tag_rows / self.seconds if self.seconds else 0.0


def closed(store: Store, rate: Rate) -> Rate:
    """Close ``store``, counting the time: closing checkpoints the write-ahead log into the
    file, which is part of getting the data in."""
    started = time.perf_counter()
    store.close()
    rate.seconds += time.perf_counter() - started
    return rate


def save_batched(
    store: Store, items: Iterable[Item], size: int, progress: Callable[[Rate], None] | None = None
) -> Rate:
    """Times only ``save_articles``; generating the next batch is not the store's cost."""
    rate = Rate()
    it = iter(items)
    while batch := list(islice(it, size)):
        started = time.perf_counter()
        store.save_articles(batch, PIPELINE_VERSION)
        rate.seconds += time.perf_counter() - started
        rate.articles += len(batch)
        rate.tag_rows += sum(tag_rows(t) for _, t, _ in batch)
        if progress:
            progress(rate)
    return rate


def save_one_by_one(store: Store, items: Iterable[Item]) -> Rate:
    rate = Rate()
    for article, tags, content_hash in items:
        started = time.perf_counter()
        store.save_article(
            article, tags, pipeline_version=PIPELINE_VERSION, content_hash=content_hash
        )
        rate.seconds += time.perf_counter() - started
        rate.articles += 1
        rate.tag_rows += tag_rows(tags)
    return rate


def fill(db: Path, n: int, batch: int) -> Rate:
    world = World(SEED)
    step = max(n // 10, batch)
    shown = [0]

    def progress(rate: Rate) -> None:
        if rate.articles >= shown[0] + step or rate.articles == n:
            shown[0] = rate.articles
            print(
                f"  {rate.articles:>9,} articles  {rate.per_second:>8,.0f} articles/s "
                f"(store time {rate.seconds:.1f} s)",
                flush=True,
            )

    store = Store(db)
    store.upsert_sources(o.source for o in world.outlets)
    for o in world.outlets[::7]:
        run = store.start_run(o.source.name)
        store.finish_run(run, pages_fetched=40, status="finished")
    for o in world.outlets[::23]:
        run = store.start_run(o.source.name)
        store.finish_run(run, status="finished", broken_reason="no new article in 3 runs")
    return closed(store, save_batched(store, synthetic(n), batch, progress))


def timed(action: Callable[[], Any], rounds: int) -> list[float]:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return times


@dataclass(frozen=True, slots=True)
class Probe:
    view: str
    label: str
    sql: str
    params: tuple[str, ...] = ()


def probes(kabupaten: str, province: str, week: str) -> list[Probe]:
    """Per view, the query an analyst typically runs, then a count over every column of it
    (``count(COLUMNS(*))`` keeps DuckDB from skipping any aggregate of the view)."""
    typical = [
        Probe(
            "weekly_coverage",
            "one kabupaten, all weeks",
            "SELECT * FROM weekly_coverage WHERE region_code = ? ORDER BY week_start",
            (kabupaten,),
        ),
        Probe(
            "weekly_coverage",
            "one week, all regions",
            "SELECT * FROM weekly_coverage WHERE iso_week = ? ORDER BY articles DESC",
            (week,),
        ),
        Probe(
            "province_coverage",
            "one province, all weeks",
            "SELECT * FROM province_coverage WHERE province_code = ? ORDER BY week_start",
            (province,),
        ),
        Probe(
            "province_coverage",
            "one week, all provinces",
            "SELECT * FROM province_coverage WHERE iso_week = ? ORDER BY articles DESC",
            (week,),
        ),
        Probe(
            "score_history",
            "one kabupaten",
            "SELECT * FROM score_history WHERE subject_code = ? ORDER BY year, first_reported",
            (kabupaten,),
        ),
        Probe(
            "event_calendar",
            "one week",
            "SELECT * FROM event_calendar WHERE iso_week = ? ORDER BY event_date, type",
            (week,),
        ),
        Probe(
            "event_calendar",
            "one kabupaten, one week",
            "SELECT * FROM event_calendar WHERE region_code = ? AND iso_week = ?",
            (kabupaten, week),
        ),
        Probe(
            "official_mentions",
            "one kabupaten, top 20",
            "SELECT * FROM official_mentions WHERE region_code = ? ORDER BY articles DESC LIMIT 20",
            (kabupaten,),
        ),
        Probe("source_health", "all sources", "SELECT * FROM source_health ORDER BY source"),
    ]
    views = dict.fromkeys(p.view for p in typical)
    full = [Probe(v, "full count", f"SELECT count(*), count(COLUMNS(*)) FROM {v}") for v in views]
    return typical + full


def busiest_week(db: Path) -> str:
    _, [(week,)] = query_readonly(
        db,
        "SELECT strftime(published_at, '%G-W%V') AS week FROM articles "
        "WHERE published_at IS NOT NULL GROUP BY week ORDER BY count(*) DESC, week LIMIT 1",
    )
    return str(week)


def most_covered_kabupaten(db: Path) -> tuple[str, str, str]:
    _, [(code, name, province)] = query_readonly(
        db,
        "SELECT r.code, r.name, r.province_code FROM article_regions AS ar "
        "JOIN regions AS r ON r.code = ar.region_code WHERE r.type = 'kabupaten' "
        "GROUP BY ALL ORDER BY count(*) DESC, r.code LIMIT 1",
    )
    return code, name, province


@dataclass
class Table:
    rows: list[tuple[str, str, str]]

    def add(self, what: str, figure: str, verdict: str = "") -> None:
        self.rows.append((what, figure, verdict))
        print(f"  {what}: {figure} {verdict}", flush=True)

    def print(self) -> None:
        if not self.rows:
            return
        width = max(len(r[0]) for r in self.rows)
        fig = max(len(r[1]) for r in self.rows)
        print()
        print(f"{'measure':<{width}}  {'figure':>{fig}}  target")
        print(f"{'-' * width}  {'-' * fig}  ------")
        for what, figure, verdict in self.rows:
            print(f"{what:<{width}}  {figure:>{fig}}  {verdict}")


def _rate_cell(rate: Rate) -> str:
    return f"{rate.per_second:,.0f} art/s, {rate.tags_per_second:,.0f} tag rows/s"


def _ingest_verdict(rate: Rate) -> str:
    return "ok" if rate.per_second >= TARGET_INGEST else f"MISSED (>= {TARGET_INGEST:,.0f})"


def _latency(times: list[float]) -> str:
    return f"{min(times) * 1000:,.0f} ms (first {times[0] * 1000:,.0f})"


def _latency_verdict(times: list[float]) -> str:
    return "ok" if min(times) < TARGET_LATENCY else f"MISSED (< {TARGET_LATENCY:.0f} s)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, help="Database file to fill and keep.")
    parser.add_argument(
        "--reuse", action="store_true", help="Skip generation if the --db file exists."
    )
    parser.add_argument(
        "--batch",
        default="1000,10000",
        help="Comma-separated batch sizes; the largest fills the database.",
    )
    parser.add_argument("--rounds", type=int, default=3, help="Runs of each timed query.")
    args = parser.parse_args()
    sizes = sorted({int(b) for b in args.batch.split(",")})
    work = Path(tempfile.mkdtemp(prefix="pantau-scale-"))
    db: Path = args.db or work / "scale.duckdb"
    table = Table([])
    try:
        free = shutil.disk_usage(work).free
        print(f"free disk where the samples go: {free / 1e9:.1f} GB", flush=True)

        for size in sizes:
            sample = min(BATCH_SAMPLE, args.articles)
            store = Store(work / f"batch-{size}.duckdb")
            rate = closed(store, save_batched(store, synthetic(sample), size))
            table.add(
                f"ingest, batches of {size:,} ({sample:,} into a new file)",
                _rate_cell(rate),
                _ingest_verdict(rate),
            )
        store = Store(work / "rows.duckdb")
        rate = closed(store, save_one_by_one(store, synthetic(min(ROW_SAMPLE, args.articles))))
        table.add(
            f"ingest, row by row ({rate.articles:,} into a new file)",
            _rate_cell(rate),
            "(reference)",
        )
        for scratch in work.glob("*-*.duckdb*"):
            scratch.unlink()

        if args.reuse and db.exists():
            print(f"reusing {db}", flush=True)
        else:
            if db.exists():
                raise SystemExit(f"{db} exists: pass --reuse, or remove it")
            print(f"filling {db} with {args.articles:,} articles", flush=True)
            rate = fill(db, args.articles, sizes[-1])
            table.add(
                f"ingest, batches of {sizes[-1]:,} (all {rate.articles:,})",
                _rate_cell(rate),
                _ingest_verdict(rate),
            )
        size = db.stat().st_size
        _, [(articles,)] = query_readonly(db, "SELECT count(*) FROM articles")
        table.add(
            "database file",
            f"{size / 1e6:,.0f} MB, {size / articles:,.0f} bytes/article ({articles:,} articles)",
        )

        store = Store(db)
        rate = closed(store, save_batched(store, synthetic(min(RESAVE, articles)), sizes[-1]))
        table.add(
            f"re-save {rate.articles:,} stored articles, one batch",
            _rate_cell(rate),
            "(reference)",
        )

        kabupaten, name, province = most_covered_kabupaten(db)
        week = busiest_week(db)
        print(f"probing kabupaten {kabupaten} ({name}), province {province}, week {week}")
        for probe in probes(kabupaten, province, week):
            times = timed(lambda p=probe: query_readonly(db, p.sql, p.params), args.rounds)
            table.add(f"view {probe.view}: {probe.label}", _latency(times), _latency_verdict(times))
        for fmt in ("md", "html"):
            times = timed(lambda f=fmt: write_report(db, week, work, f), args.rounds)
            table.add(f"pantau report --format {fmt}", _latency(times), _latency_verdict(times))
        results: list[Any] = []
        times = timed(lambda: results.append(run_checks(db)), 1)
        failed = [r.check.name for r in results[-1] if not r.passed]
        table.add(
            "pantau db --check",
            f"{times[0]:,.1f} s",
            f"{len(results[-1]) - len(failed)} passed" + (f", FAILED {failed}" if failed else ""),
        )
    finally:
        # Timings on a shared machine depend on what else runs: the load says how much did.
        table.add(
            "load average at the end (1, 5, 15 min)", ", ".join(f"{x:.1f}" for x in os.getloadavg())
        )
        table.print()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
