"""The analyst views of store/views on the real pipeline's output (the demo database)."""

from __future__ import annotations

from pathlib import Path

from store import query_readonly


def test_weekly_coverage_has_the_demo_weeks(demo_db: Path) -> None:
    _, rows = query_readonly(
        demo_db, "SELECT DISTINCT iso_week FROM weekly_coverage ORDER BY iso_week"
    )
    assert [w for (w,) in rows] == ["2016-W34", "2020-W29", "2021-W15", "2021-W22", "2021-W24"]


def test_province_coverage_counts_an_article_once_per_province(demo_db: Path) -> None:
    _, rows = query_readonly(
        demo_db,
        "SELECT province_name, articles, kabupaten_kota, relevant_share FROM province_coverage"
        " WHERE iso_week = ?",
        ["2021-W15"],
    )
    assert rows == [("Bengkulu", 1, 1, 1.0)]


def test_score_history_names_its_source_article(demo_db: Path) -> None:
    _, rows = query_readonly(
        demo_db,
        "SELECT subject, year, reports, source_url, source_title FROM score_history"
        " ORDER BY subject",
    )
    assert [r[0] for r in rows] == ["Ciamis", "Lebong"]
    assert all(r[3].startswith("http://127.0.0.1:") and r[4] for r in rows)


def test_event_calendar_carries_the_iso_week(demo_db: Path) -> None:
    _, rows = query_readonly(
        demo_db, "SELECT DISTINCT iso_week FROM event_calendar WHERE event_date = '2021-06-15'"
    )
    assert rows == [("2021-W24",)]


def test_official_mentions_counts_quotes(demo_db: Path) -> None:
    _, rows = query_readonly(
        demo_db, "SELECT articles, mentions FROM official_mentions WHERE name = ?", ["Kopli Ansori"]
    )
    assert rows == [(1, 2)]


def test_source_health_of_the_demo_crawl(demo_db: Path) -> None:
    columns, rows = query_readonly(demo_db, "SELECT * FROM source_health")
    health = dict(zip(columns, rows[0], strict=True))
    assert len(rows) == 1
    assert health["source"] == "demo"
    assert health["articles"] == 5
    assert health["runs"] == 1
    assert health["failed_runs"] == 0
    assert health["broken_now"] is False
    assert health["last_published_at"].date().isoformat() == "2021-06-15"


def test_source_health_shows_a_broken_source(hostile_db: Path) -> None:
    _, rows = query_readonly(
        hostile_db,
        "SELECT source, broken_now, broken_runs, last_broken_reason FROM source_health"
        " ORDER BY source",
    )
    assert rows == [
        ("lain", False, 0, None),
        ("warta", True, 1, "no new article in 5 runs"),
    ]
