"""Sources, fetched pages, raw HTML kept for reprocessing, crawl runs and row counts."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime

import pytest

from core.errors import StoreError
from core.sources import Source
from store import PageState, Store
from store import _store as store_module
from tests.store.factories import article, tags

T0 = datetime(2024, 5, 1, 8, 0, tzinfo=UTC)
T1 = datetime(2024, 5, 8, 8, 0, tzinfo=UTC)
HTML = (
    "<html><body><h1>Way Kanan</h1><p>Ombudsman menilai kepatuhan — zona hijau.</p></body></html>"
)


def test_raw_page_comes_back_as_stored(store: Store) -> None:
    content_hash = store.record_page("https://warta.example/1", "warta", 200, T0, HTML)
    assert content_hash == hashlib.sha256(HTML.encode()).hexdigest()
    assert list(store.raw_pages()) == [("https://warta.example/1", "warta", HTML, [])]


def test_raw_html_is_stored_compressed(store: Store) -> None:
    big = HTML * 200
    store.record_page("https://warta.example/1", "warta", 200, T0, big)
    _, rows = store.query("SELECT compression, octet_length(body), size FROM raw_pages")
    [(compression, stored, size)] = rows
    assert compression == "zlib"
    assert size == len(big.encode())
    assert stored < size / 10


def test_identical_html_under_two_urls_is_stored_once(store: Store) -> None:
    a = store.record_page("https://warta.example/1", "warta", 200, T0, HTML)
    b = store.record_page("https://warta.example/1?utm=x", "warta", 200, T0, HTML)
    assert a == b
    assert store.counts()["raw_pages"] == 1
    assert [url for url, *_ in store.raw_pages()] == [
        "https://warta.example/1",
        "https://warta.example/1?utm=x",
    ]


def test_refetch_updates_the_page_and_keeps_first_fetch_time(store: Store) -> None:
    store.record_page("https://warta.example/1", "warta", 200, T0, HTML, etag='"v1"')
    new_hash = store.record_page(
        "https://warta.example/1", "warta", 200, T1, HTML + " ", etag='"v2"'
    )
    _, rows = store.query("SELECT fetched_at, first_fetched_at, content_hash, etag FROM pages")
    assert rows == [(T1, T0, new_hash, '"v2"')]
    assert [html for _, _, html, _ in store.raw_pages()] == [HTML + " "]


def test_not_modified_keeps_content_and_validators(store: Store) -> None:
    url = "https://warta.example/1"
    first = store.record_page(url, "warta", 200, T0, HTML, etag='"v1"', last_modified="Wed")
    assert store.record_page(url, "warta", 304, T1, None) is None
    assert store.page_state(url) == PageState('"v1"', "Wed", first)
    assert [html for _, _, html, _ in store.raw_pages()] == [HTML]


def test_page_without_html_has_no_raw_page(store: Store) -> None:
    store.record_page("https://warta.example/hilang", "warta", 404, T0, None)
    assert store.has_page("https://warta.example/hilang")
    assert store.page_state("https://warta.example/hilang") == PageState(None, None, None)
    assert list(store.raw_pages()) == []


def test_unknown_page_has_no_state(store: Store) -> None:
    assert not store.has_page("https://warta.example/1")
    assert store.page_state("https://warta.example/1") is None


def test_naive_fetch_time_is_read_as_local_time(store: Store) -> None:
    naive = datetime(2024, 5, 1, 8, 0)
    store.record_page("https://warta.example/1", "warta", 200, naive, HTML)
    _, rows = store.query("SELECT fetched_at FROM pages")
    assert rows[0][0] == naive.astimezone()


def test_articles_can_be_saved_while_raw_pages_stream(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Several fetch rounds, each interleaved with writes on the store's own connection.
    monkeypatch.setattr(store_module, "_FETCH_ROWS", 2)
    for i in range(7):
        store.record_page(f"https://warta.example/{i}", "warta", 200, T0, f"{HTML}{i}")
    for url, _, html, _ in store.raw_pages():
        a = article(url, text=html)
        store.save_article(a, tags(a, regions=[]), pipeline_version="t2")
    assert store.counts()["articles"] == 7


def test_sources_are_added_then_updated_keeping_first_seen(store: Store) -> None:
    store.upsert_sources([Source("warta", "https://warta.example/", "Lampung")])
    _, before = store.query("SELECT first_seen FROM sources")
    store.upsert_sources(
        [Source("warta", "https://warta.example/id/"), Source("lain", "https://lain.example/")]
    )
    _, rows = store.query("SELECT name, url, province, first_seen FROM sources ORDER BY name")
    assert rows == [
        ("lain", "https://lain.example/", None, rows[0][3]),
        ("warta", "https://warta.example/id/", None, before[0][0]),
    ]


def test_crawl_run_records_its_totals(store: Store) -> None:
    run = store.start_run("warta")
    _, started = store.query("SELECT status, finished_at FROM crawl_runs WHERE run_id = ?", [run])
    assert started == [("running", None)]
    store.finish_run(
        run,
        pages_fetched=12,
        new_articles=3,
        extraction_failures=1,
        errors=["timeout: https://warta.example/9"],
        status="partial",
    )
    _, rows = store.query(
        "SELECT source, pages_fetched, new_articles, extraction_failures, errors, status,"
        " finished_at >= started_at FROM crawl_runs"
    )
    source, pages, new, failures, errors, status, ordered = rows[0]
    assert (source, pages, new, failures, status, ordered) == ("warta", 12, 3, 1, "partial", True)
    assert json.loads(errors) == ["timeout: https://warta.example/9"]


def test_crawl_runs_get_distinct_ids(store: Store) -> None:
    assert store.start_run("warta") != store.start_run(None)


def test_finishing_an_unknown_run_is_an_error(store: Store) -> None:
    with pytest.raises(StoreError, match="no crawl run 42"):
        store.finish_run(42)


def test_counts_cover_every_table(store: Store) -> None:
    store.record_page("https://warta.example/1", "warta", 200, T0, HTML)
    a = article()
    store.save_article(a, tags(a), pipeline_version="t1")
    counts = store.counts()
    assert counts == {
        "sources": 0,
        "pages": 1,
        "raw_pages": 1,
        "articles": 1,
        "regions": 552,
        "article_regions": 1,
        "officials": 1,
        "scores": 1,
        "events": 1,
        "laws": 1,
        "crawl_runs": 0,
    }


def test_missing_fetch_time_means_now(store: Store) -> None:
    before = datetime.now(UTC)
    store.record_page("https://warta.example/1", "warta", 200, None, HTML)
    _, rows = store.query("SELECT fetched_at FROM pages")
    assert before <= rows[0][0] <= datetime.now(UTC)


def test_later_pages_of_an_article_come_back_as_its_parts(store):
    now = datetime(2021, 6, 2, 3, 0, tzinfo=UTC)
    store.record_page("https://warta.example/9", "warta", 200, now, HTML, kind="article")
    for n in (3, 2):
        store.record_page(
            f"https://warta.example/9?page={n}",
            "warta",
            200,
            now,
            f"<p>part {n}</p>",
            part_of="https://warta.example/9",
            part_no=n,
        )
    assert list(store.raw_pages()) == [
        ("https://warta.example/9", "warta", HTML, ["<p>part 2</p>", "<p>part 3</p>"])
    ]
    assert store.known_article_urls() == {"https://warta.example/9"}
