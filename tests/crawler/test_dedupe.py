"""Near-duplicate marking through the crawl's pipeline step and store step.

The fixture pages (tests/extract/fixtures/dedupe/) carry one press release under two
outlets' boilerplate (WordPress with dateline, "Baca juga", sign-off, related list and
comment form; a portal with view counter, "BERITA LAINNYA", editor lines, sidebar, and the
last paragraph cut), and an independently written report on the same event.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from scrapy.utils.test import get_crawler

from core.model import Article, Page, Tags
from crawler.dedupe import DedupePipeline, fingerprint_cache, mark_duplicates
from crawler.items import PageItem
from extract import article_from_html
from store import Store

FIXTURES = Path(__file__).resolve().parents[1] / "extract" / "fixtures" / "dedupe"
PAGES = {
    "release_wordpress": "https://lampunginsta.example/2023/12/14/way-kanan-zona-hijau/",
    "release_portal": "https://wartasaibumi.example/daerah/way-kanan-kantongi-zona-hijau",
    "same_topic_report": "https://kabarlampung.example/2023/12/13/hasil-penilaian-ombudsman/",
}


def _article(name: str) -> Article:
    url = PAGES[name]
    article = article_from_html((FIXTURES / f"{name}.html").read_text("utf-8"), url, source=name)
    assert article is not None
    return article


def _save(store: Store, articles: list[Article]) -> None:
    store.save_articles([(a, Tags(id=a.id), None) for a in articles], "test")


def _dup_of(store: Store) -> dict[str, str | None]:
    """Source name -> source name of the article it duplicates."""
    _, rows = store.query(
        "SELECT a.source, o.source FROM articles AS a"
        " LEFT JOIN articles AS o ON o.article_id = a.dup_of"
    )
    return dict(rows)


def _crawl(store: Store, names: list[str]) -> dict[str, str | None]:
    """The pipeline step per item, then the store step's batch write."""
    crawler = get_crawler()
    step = DedupePipeline.from_crawler(crawler)
    items = [
        step.process_item(PageItem(page=Page(url=PAGES[n], html="", source=n), article=_article(n)))
        for n in names
    ]
    articles = [i.article for i in items if i.article is not None]
    cache = fingerprint_cache(crawler)
    assert set(cache) == {a.id for a in articles}
    mark_duplicates(store, articles, cache)
    assert cache == {}, "written fingerprints leave the cache"
    _save(store, articles)
    return _dup_of(store)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "pantau.duckdb") as opened:
        yield opened


def test_second_outlet_carrying_the_same_release_is_dup_of_the_first(store: Store):
    assert _crawl(store, ["release_wordpress"]) == {"release_wordpress": None}
    assert _crawl(store, ["release_portal"]) == {
        "release_wordpress": None,
        "release_portal": "release_wordpress",
    }


def test_copies_in_one_batch_name_the_first_crawled(store: Store):
    assert _crawl(store, ["release_portal", "same_topic_report", "release_wordpress"]) == {
        "release_portal": None,
        "same_topic_report": None,
        "release_wordpress": "release_portal",
    }


def test_an_article_on_the_same_event_written_independently_is_no_duplicate(store: Store):
    _crawl(store, ["release_wordpress", "release_portal"])
    assert _crawl(store, ["same_topic_report"])["same_topic_report"] is None


def test_reprocess_keeps_dup_of_stable(store: Store):
    crawled = _crawl(store, ["release_wordpress", "release_portal", "same_topic_report"])
    # `pantau reprocess` reads pages back in its own order (here the later copy first) and
    # has no pipeline fingerprints: mark_duplicates computes them.
    for names in (["release_portal", "release_wordpress"], ["same_topic_report"]):
        articles = [_article(n) for n in names]
        mark_duplicates(store, articles)
        _save(store, articles)
    assert (
        _dup_of(store)
        == crawled
        == {
            "release_wordpress": None,
            "release_portal": "release_wordpress",
            "same_topic_report": None,
        }
    )


def test_pipeline_passes_items_without_an_article_untouched():
    step = DedupePipeline.from_crawler(get_crawler())
    item = PageItem(page=Page(url="https://x.example/", html="<html></html>", kind="listing"))
    assert step.process_item(item) is item
    assert step.cache == {}
