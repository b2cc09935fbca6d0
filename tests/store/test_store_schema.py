"""Migrations, the gazetteer table, constraints and analyst views of a real DuckDB file."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import duckdb
import pytest

from core.errors import StoreError
from core.gazetteer import regions
from core.model import EVENT_TYPES, Event, Score
from store import Store
from store._migrate import migrations
from tests.store.factories import article, tags

# CONTRACT.md, "DuckDB": names analysts query and the columns each promises at least.
CONTRACT_COLUMNS = {
    "sources": {"name", "url", "province"},
    "pages": {"url", "source", "status", "fetched_at", "content_hash"},
    "articles": {
        "article_id",
        "url",
        "source",
        "title",
        "text",
        "published_at",
        "author",
        "relevant",
        "relevance",
        "dup_of",
    },
    "regions": {"code", "type", "name", "province_code", "province_name"},
    "article_regions": {"article_id", "region_code", "mentions"},
    "officials": {"article_id", "name", "role", "region_code"},
    "scores": {"article_id", "subject_code", "subject", "value", "year", "zone", "rank", "kind"},
    "events": {"article_id", "type", "date", "region_code"},
    "laws": {"article_id", "law"},
}
VIEWS = ("weekly_coverage", "score_history", "event_calendar", "official_mentions")


def test_new_database_gets_every_migration_recorded_once(db_path: Path) -> None:
    with Store(db_path) as store:
        applied = [m.version for m in store.applied_migrations]
        _, rows = store.query("SELECT version, name FROM schema_migrations ORDER BY version")
    known = migrations()
    assert applied == [m.version for m in known]
    assert rows == [(m.version, m.name) for m in known]


def test_reopening_applies_no_migration_again(db_path: Path) -> None:
    Store(db_path).close()
    with Store(db_path) as store:
        assert store.applied_migrations == []
        _, rows = store.query("SELECT count(*) FROM schema_migrations")
    assert rows == [(len(migrations()),)]


def test_migrations_are_numbered_in_sequence_from_one() -> None:
    assert [m.version for m in migrations()] == list(range(1, len(migrations()) + 1))


def test_database_from_a_newer_pantau_is_refused(db_path: Path) -> None:
    Store(db_path).close()
    con = duckdb.connect(str(db_path))
    con.execute("INSERT INTO schema_migrations VALUES (999, 'future', now())")
    con.close()
    with pytest.raises(StoreError, match=r"schema version 999 of .* is newer"):
        Store(db_path)


def test_regions_hold_the_whole_gazetteer(store: Store) -> None:
    _, rows = store.query("SELECT type, count(*) FROM regions GROUP BY type")
    assert dict(rows) == {"provinsi": 38, "kabupaten": 416, "kota": 98}
    _, rows = store.query("SELECT * FROM regions WHERE code = '18.08'")
    assert rows == [("18.08", "kabupaten", "Way Kanan", "18", "Lampung")]
    assert len(regions()) == 552


def test_regions_are_loaded_only_once(db_path: Path) -> None:
    Store(db_path).close()
    with Store(db_path) as store:
        assert store.counts()["regions"] == 552


@pytest.mark.parametrize("table", sorted(CONTRACT_COLUMNS))
def test_contract_tables_have_their_promised_columns(store: Store, table: str) -> None:
    columns, _ = store.query(f"SELECT * FROM {table} LIMIT 0")
    assert CONTRACT_COLUMNS[table] <= set(columns)


def test_unknown_zone_is_rejected_and_nothing_is_saved(store: Store) -> None:
    a = article()
    bad = tags(a, scores=[Score(50.0, zone="biru")])  # type: ignore[arg-type]
    with pytest.raises(StoreError, match=r"^cannot save articles: .*CHECK"):
        store.save_article(a, bad, pipeline_version="t1")
    assert store.counts()["articles"] == 0
    assert store.counts()["scores"] == 0


def test_score_without_zone_is_accepted(store: Store) -> None:
    a = article()
    store.save_article(a, tags(a, scores=[Score(50.0)]), pipeline_version="t1")
    assert store.query("SELECT zone FROM scores")[1] == [(None,)]


def test_events_accept_exactly_the_model_event_types(store: Store) -> None:
    a = article()
    every = tags(a, events=[Event(t) for t in EVENT_TYPES])
    store.save_article(a, every, pipeline_version="t1")
    assert store.counts()["events"] == len(EVENT_TYPES)
    with pytest.raises(StoreError, match="CHECK"):
        store.save_article(a, tags(a, events=[Event("party")]), pipeline_version="t1")


def test_region_type_outside_the_three_kinds_is_rejected(store: Store) -> None:
    with pytest.raises(StoreError, match="CHECK"):
        store.query("INSERT INTO regions VALUES ('99', 'negara', 'X', '99', 'X')")


@pytest.mark.parametrize("view", VIEWS)
def test_views_answer_on_an_empty_database(store: Store, view: str) -> None:
    _, rows = store.query(f"SELECT * FROM {view}")
    assert rows == []


def test_weekly_coverage_counts_articles_sources_and_relevant_share(store: Store) -> None:
    first = article("https://warta.example/1")
    copy = article("https://lain.example/1", source="lain", dup_of=first.id)
    unrelated = article("https://warta.example/2")
    store.save_article(first, tags(first), pipeline_version="t1")
    store.save_article(copy, tags(copy), pipeline_version="t1")
    store.save_article(unrelated, tags(unrelated, relevant=False), pipeline_version="t1")
    _, rows = store.query(
        "SELECT region_code, region_name, iso_week, articles, stories, sources, relevant_share"
        " FROM weekly_coverage"
    )
    assert rows == [("18.08", "Way Kanan", "2021-W15", 3, 2, 2, pytest.approx(2 / 3))]


def test_weeks_follow_wib_not_utc(store: Store) -> None:
    # Monday 00:30 WIB is still Sunday in UTC: the article belongs to the new week.
    a = article(published=datetime(2021, 4, 19, 0, 30))
    store.save_article(a, tags(a), pipeline_version="t1")
    _, rows = store.query("SELECT iso_week, week_start::VARCHAR FROM weekly_coverage")
    assert rows == [("2021-W16", "2021-04-19")]


def test_score_history_reports_a_repeated_score_once(store: Store) -> None:
    for url, source in (("https://warta.example/1", "warta"), ("https://lain.example/1", "lain")):
        a = article(url, source=source)
        store.save_article(a, tags(a), pipeline_version="t1")
    _, rows = store.query(
        "SELECT subject_code, subject, year, value, zone, reports, sources, first_reported::VARCHAR"
        " FROM score_history"
    )
    assert rows == [("18.08", "Way Kanan", 2021, 93.78, "hijau", 2, 2, "2021-04-13")]


def test_event_calendar_falls_back_to_publication_date(store: Store) -> None:
    a = article()
    dated_and_undated = [
        Event("award", date(2021, 4, 12), "18.08"),
        Event("meeting", None, "18.08"),
    ]
    store.save_article(a, tags(a, events=dated_and_undated), pipeline_version="t1")
    _, rows = store.query(
        "SELECT event_date::VARCHAR, date_from_publication, type, region_name"
        " FROM event_calendar ORDER BY event_date"
    )
    assert rows == [
        ("2021-04-12", False, "award", "Way Kanan"),
        ("2021-04-13", True, "meeting", "Way Kanan"),
    ]


def test_official_mentions_sum_over_articles(store: Store) -> None:
    for url in ("https://warta.example/1", "https://warta.example/2"):
        a = article(url)
        store.save_article(a, tags(a), pipeline_version="t1")
    _, rows = store.query(
        "SELECT name, role, region_name, articles, mentions, sources FROM official_mentions"
    )
    assert rows == [("Raden Adipati Surya", "Bupati", "Way Kanan", 2, 2, 1)]
