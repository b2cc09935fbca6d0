"""A database of one week whose web strings try to inject markup, built with the real store.

Week 2021-W24 (14-20 June 2021): one relevant article from source "warta" whose title, text,
official name and URL carry HTML and script; a second source, "lain", that published the
week before and then went silent; and a crawl run that flagged "warta" broken.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from core.model import Article, Event, Evidence, Law, Official, Region, Score, Tags
from store import Store

TITLE = "<script>alert(1)</script> Bupati & Wakil | tabel"
OFFICIAL = "<img src=x onerror=alert(2)>"
TEXT = (
    f"Bupati Lebong {OFFICIAL} menerima hasil penilaian kepatuhan Ombudsman RI, Senin (14/6). "
    "Nilai 45,5 masuk zona merah <script>alert(3)</script> [klik](javascript:alert(4)). "
    "Kabupaten Ciamis mendapat nilai 88,1 dan zona kuning sesuai UU 25/2009."
)
EVIL_URL = "javascript:alert(5)//https://warta.example/berita"
WEEK = "2021-W24"


def _ev(quote: str) -> Evidence:
    start = TEXT.index(quote)
    return Evidence.of(TEXT, start, start + len(quote))


def build_hostile_db(path: Path) -> Path:
    hostile = Article(
        url=EVIL_URL,
        text=TEXT,
        title=TITLE,
        published=datetime(2021, 6, 15, 10, 0),
        source="warta",
    )
    tags = Tags(
        id=hostile.id,
        relevant=True,
        relevance=0.9,
        regions=[
            Region("17.07", "kabupaten", "Lebong", "Bengkulu", 2, _ev("Lebong")),
            Region("32.07", "kabupaten", "Ciamis", "Jawa Barat", 1, _ev("Kabupaten Ciamis")),
        ],
        officials=[Official(OFFICIAL, "Bupati", "17.07", 1, _ev(f"Bupati Lebong {OFFICIAL}"))],
        scores=[
            Score(45.5, "Lebong", "17.07", 2021, "merah", None, evidence=_ev("zona merah")),
            Score(88.1, "Ciamis", "32.07", 2021, "kuning", 3, evidence=_ev("zona kuning")),
        ],
        events=[
            Event("assessment", date(2021, 6, 14), "17.07", _ev("penilaian")),
            Event("meeting", None, "32.07", _ev("<script>alert(3)</script>")),
        ],
        laws=[Law("UU 25/2009", _ev("UU 25/2009"))],
    )
    earlier = Article(
        url="https://lain.example/berita/1",
        text="Ombudsman RI memantau pelayanan publik di Kabupaten Ciamis.",
        title="Pemantauan pelayanan publik",
        published=datetime(2021, 6, 8, 9, 0),
        source="lain",
    )
    earlier_tags = Tags(id=earlier.id, relevant=True, relevance=0.8)
    with Store(path) as store:
        store.save_articles([(hostile, tags, None), (earlier, earlier_tags, None)], "test")
        run = store.start_run("warta")
        store.finish_run(run, status="finished", broken_reason="no new article in 5 runs")
        # A run from within the week, as if the crawl had flagged it then.
        store.query(
            "UPDATE crawl_runs SET started_at = ?, finished_at = ? WHERE run_id = ?",
            [datetime(2021, 6, 16, 8, 0), datetime(2021, 6, 16, 8, 5), run],
        )
    return path
