"""A crawl batch is written all or nothing: a crash at any write step of it loses nothing.

The random kills of ``test_crash_trials`` find such windows only by luck; here a failure is
injected at each step of ``CrawlStore.flush`` in turn (pages recorded, fingerprints
recorded, articles saved), which is what a kill at that moment leaves behind, since every
committed step stays committed. The next run must then either hold the article or fetch
it again: never mark it known without storing it.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pytest

from core.model import Article, Page, Tags
from crawler.items import PageItem
from crawler.state import CrawlStore
from store import Store

URL = "https://warta.example/2021/06/02/ombudsman-tinjau-pelayanan/"
TEXT = "Ombudsman RI meninjau pelayanan publik di Kabupaten Lebong pada Rabu (2/6). " * 8
# The later step fails: so every step before it in the batch has been written by then.
STEPS = ["record_page", "resolve_near_duplicates", "save_articles"]


def _item() -> PageItem:
    page = Page(URL, f"<html><body><p>{TEXT}</p></body></html>", "warta",
                fetched_at=datetime(2021, 6, 2, 9, tzinfo=UTC))  # fmt: skip
    article = Article(URL, TEXT, title="Ombudsman tinjau pelayanan", source="warta")
    return PageItem(page=page, article=article, tags=Tags(id=article.id, relevance=0.5))


def _crash_at(monkeypatch: pytest.MonkeyPatch, step: str) -> None:
    def boom(*_: object, **__: object) -> None:
        raise KeyboardInterrupt(f"killed during {step}")  # BaseException, as a kill is

    monkeypatch.setattr(Store, step, boom)


@pytest.mark.parametrize("step", STEPS)
def test_crash_inside_a_batch_leaves_the_article_to_the_next_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    db = tmp_path / "crash.duckdb"
    with Store(db):
        pass  # an existing, migrated database, as after earlier runs
    crashing = CrawlStore(db, flush_items=10)
    crashing.load(["warta"])
    crashing.add(_item())
    with monkeypatch.context() as patch:
        _crash_at(patch, step)
        with pytest.raises(KeyboardInterrupt):
            crashing.flush()
    next_run = CrawlStore(db)
    next_run.load(["warta"])
    with duckdb.connect(str(db), read_only=True) as con:
        stored = {u for (u,) in con.execute("SELECT url FROM articles").fetchall()}
    # Either the article made it, or the next run does not believe it did.
    assert URL in stored or URL not in next_run.known
    # And the next run's batch then stores it once.
    if URL not in next_run.known:
        next_run.add(_item())
        next_run.flush()
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM articles WHERE url = ?", [URL]).fetchone() == (1,)
