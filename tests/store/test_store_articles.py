"""Saving articles with their tags: idempotent replacement, batches, timestamps."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from core.errors import StoreError
from core.model import Law, Official, Region, Score, Tags
from store import Store
from tests.store.factories import TEXT, article, evidence, tags

TAG_TABLES = ("article_regions", "officials", "scores", "events", "laws")


def tag_rows(store: Store) -> dict[str, list[tuple[object, ...]]]:
    return {t: sorted(store.query(f"SELECT * FROM {t}")[1], key=repr) for t in TAG_TABLES}


def test_save_article_twice_keeps_one_row(store: Store) -> None:
    a = article()
    store.save_article(a, tags(a), pipeline_version="t1")
    first = tag_rows(store)
    store.save_article(a, tags(a), pipeline_version="t1")
    assert store.counts()["articles"] == 1
    assert tag_rows(store) == first
    assert all(len(rows) == 1 for rows in first.values())


def test_save_article_says_whether_the_article_is_new(store: Store) -> None:
    a = article()
    assert store.save_article(a, tags(a), pipeline_version="t1") is True
    assert store.save_article(a, tags(a), pipeline_version="t2") is False


def test_saving_again_replaces_the_article_and_all_its_tags(store: Store) -> None:
    a = article()
    store.save_article(a, tags(a), pipeline_version="t1")
    retitled = article(title="Judul baru")
    fewer = Tags(
        id=a.id,
        relevant=False,
        relevance=0.1,
        officials=[Official("Sari Dewi", "Camat"), Official("Budi", "Sekretaris Daerah")],
    )
    store.save_article(retitled, fewer, pipeline_version="t2")
    _, rows = store.query("SELECT title, relevant, relevance, pipeline_version FROM articles")
    assert rows == [("Judul baru", False, 0.1, "t2")]
    counts = store.counts()
    assert [counts[t] for t in TAG_TABLES] == [0, 2, 0, 0, 0]
    _, names = store.query("SELECT name FROM officials ORDER BY name")
    assert names == [("Budi",), ("Sari Dewi",)]


def test_other_articles_keep_their_tags_when_one_is_replaced(store: Store) -> None:
    a, b = article("https://warta.example/1"), article("https://warta.example/2")
    store.save_article(a, tags(a), pipeline_version="t1")
    store.save_article(b, tags(b), pipeline_version="t1")
    store.save_article(a, Tags(id=a.id), pipeline_version="t2")
    _, rows = store.query("SELECT DISTINCT article_id FROM laws")
    assert rows == [(b.id,)]


def test_article_and_tag_columns_mirror_the_model(store: Store) -> None:
    a = article(editor="Rina", dateline="BLAMBANGAN UMPU", dup_of="abc")
    acting = Official("Raden Adipati Surya", "Bupati", "18.08", 2, evidence("Raden"), acting="Pj")
    store.save_article(a, tags(a, officials=[acting]), pipeline_version="t1", content_hash="f" * 64)
    _, rows = store.query(
        "SELECT article_id, url, source, title, text, author, editor, dateline, site, lang,"
        " relevant, relevance, dup_of, pipeline_version, content_hash FROM articles"
    )
    assert rows == [
        (
            a.id, a.url, "warta", a.title, TEXT, "Sari", "Rina", "BLAMBANGAN UMPU",
            "Warta Lampung", "id", True, 0.93, "abc", "t1", "f" * 64,
        )
    ]  # fmt: skip
    ev = evidence("Way Kanan")
    assert store.query("SELECT * FROM article_regions")[1] == [
        (a.id, "18.08", 1, ev.start, ev.end, "Way Kanan")
    ]
    _, officials = store.query(
        "SELECT name, role, acting, region_code, mentions, evidence FROM officials"
    )
    assert officials == [("Raden Adipati Surya", "Bupati", "Pj", "18.08", 2, "Raden")]
    _, scores = store.query(
        "SELECT subject_code, subject, value, year, zone, rank, kind, evidence FROM scores"
    )
    assert scores == [("18.08", "Way Kanan", 93.78, 2021, "hijau", None, "kepatuhan", "93,78")]
    _, events = store.query("SELECT type, date::VARCHAR, region_code FROM events")
    assert events == [("award", "2021-04-12", "18.08")]
    _, laws = store.query("SELECT law, evidence FROM laws")
    assert laws == [("UU 25/2009", "UU 25/2009")]


def test_tags_without_evidence_store_nulls(store: Store) -> None:
    a = article()
    bare = Tags(
        id=a.id, regions=[Region("18", "provinsi", "Lampung", "Lampung")], laws=[Law("PP 96/2012")]
    )
    store.save_article(a, bare, pipeline_version="t1")
    _, rows = store.query(
        "SELECT evidence_start, evidence_end, evidence FROM article_regions"
        " UNION ALL SELECT evidence_start, evidence_end, evidence FROM laws"
    )
    assert rows == [(None, None, None), (None, None, None)]


def test_naive_publication_time_is_read_as_wib(store: Store) -> None:
    a = article(published=datetime(2021, 4, 13, 9, 30))
    store.save_article(a, tags(a), pipeline_version="t1")
    _, rows = store.query("SELECT published_at FROM articles")
    assert rows[0][0] == datetime(2021, 4, 13, 2, 30, tzinfo=UTC)


def test_aware_publication_time_is_kept_as_given(store: Store) -> None:
    wita = timezone(timedelta(hours=8))
    a = article(published=datetime(2021, 4, 13, 9, 30, tzinfo=wita))
    store.save_article(a, tags(a), pipeline_version="t1")
    _, rows = store.query("SELECT published_at FROM articles")
    assert rows[0][0] == datetime(2021, 4, 13, 1, 30, tzinfo=UTC)


def test_article_without_publication_time_is_stored(store: Store) -> None:
    a = article(published=None)
    store.save_article(a, tags(a), pipeline_version="t1")
    assert store.query("SELECT published_at FROM articles")[1] == [(None,)]


def test_reprocessing_keeps_the_first_stored_time(store: Store) -> None:
    a = article()
    store.save_article(a, tags(a), pipeline_version="t1")
    _, before = store.query("SELECT stored_at FROM articles")
    store.save_article(a, tags(a), pipeline_version="t2")
    assert store.query("SELECT stored_at FROM articles")[1] == before


def test_save_articles_stores_a_batch_and_counts_new_ones(store: Store) -> None:
    old = article("https://warta.example/0")
    store.save_article(old, tags(old), pipeline_version="t1")
    batch = [article(f"https://warta.example/{i}") for i in range(5)]
    new = store.save_articles([(a, tags(a), None) for a in batch], "t2")
    assert new == 4
    counts = store.counts()
    assert counts["articles"] == 5
    assert counts["laws"] == 5


def test_last_entry_wins_when_a_batch_repeats_an_article(store: Store) -> None:
    first, second = article(title="satu"), article(title="dua")
    new = store.save_articles([(first, tags(first), None), (second, tags(second), None)], "t1")
    assert new == 1
    assert store.query("SELECT title FROM articles")[1] == [("dua",)]
    assert store.counts()["officials"] == 1


def test_failing_batch_saves_nothing(store: Store) -> None:
    good, bad = article("https://warta.example/1"), article("https://warta.example/2")
    purple = tags(bad, scores=[Score(1.0, zone="ungu")])  # type: ignore[arg-type]
    batch = [(good, tags(good), None), (bad, purple, None)]
    with pytest.raises(StoreError):
        store.save_articles(batch, "t1")
    assert store.counts()["articles"] == 0


def test_empty_batch_is_a_no_op(store: Store) -> None:
    assert store.save_articles([], "t1") == 0


def test_tags_of_another_article_are_refused(store: Store) -> None:
    a, b = article("https://warta.example/1"), article("https://warta.example/2")
    with pytest.raises(StoreError, match="tags for"):
        store.save_article(a, tags(b), pipeline_version="t1")


def test_known_article_urls_lists_stored_articles(store: Store) -> None:
    assert store.known_article_urls() == set()
    for url in ("https://warta.example/1", "https://warta.example/2"):
        a = article(url)
        store.save_article(a, tags(a), pipeline_version="t1")
    assert store.known_article_urls() == {"https://warta.example/1", "https://warta.example/2"}


def test_saved_articles_survive_reopening(db_path: Path) -> None:
    a = article()
    with Store(db_path) as store:
        store.save_article(a, tags(a), pipeline_version="t1")
    with Store(db_path) as store:
        assert store.known_article_urls() == {a.url}


def test_replacement_without_content_hash_keeps_the_old_one(store: Store) -> None:
    a = article()
    store.save_article(a, tags(a), pipeline_version="t1", content_hash="a" * 64)
    store.save_article(a, tags(a), pipeline_version="t2")
    assert store.query("SELECT content_hash FROM articles")[1] == [("a" * 64,)]
    store.save_article(a, tags(a), pipeline_version="t3", content_hash="b" * 64)
    assert store.query("SELECT content_hash FROM articles")[1] == [("b" * 64,)]


def test_dates_are_cut_on_wib_days_whatever_the_host_zone(store: Store) -> None:
    # 01:00 WIB on 13 April is still 12 April in UTC.
    a = article(published=datetime(2021, 4, 13, 1, 0))
    store.save_article(a, tags(a), pipeline_version="t1")
    assert store.query("SELECT CAST(published_at AS DATE)::VARCHAR FROM articles")[1] == [
        ("2021-04-13",)
    ]


def test_a_region_listed_twice_is_one_row_with_both_counts(store: Store) -> None:
    a = article()
    way_kanan = Region("18.08", "kabupaten", "Way Kanan", "Lampung", 2, evidence("Way Kanan"))
    store.save_article(a, tags(a, regions=[way_kanan, way_kanan]), pipeline_version="t1")
    _, rows = store.query("SELECT region_code, mentions, evidence FROM article_regions")
    assert rows == [("18.08", 4, "Way Kanan")]
    _, [(repeats,)] = store.query(
        "SELECT count(*) - count(DISTINCT (article_id, region_code)) FROM article_regions"
    )
    assert repeats == 0
