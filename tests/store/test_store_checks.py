"""The data checks of store/checks (dbt-style: each query returns offending rows).

Every check passes on real pipeline data (the demo database), and every check has a bad row
that it catches, unless the schema itself already refuses that row.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from pantau.db import checks, run_checks
from store import Store
from tests.report.demo import demo_database
from tests.store.factories import article, tags

# One statement per check that plants a row the check must report.
BAD_ROWS = {
    "article_regions_mentions_positive": "UPDATE article_regions SET mentions = 0",
    "article_regions_unique": "INSERT INTO article_regions SELECT * FROM article_regions",
    "articles_article_id_unique": (
        "INSERT INTO articles SELECT * REPLACE ('https://x.example/' AS url) FROM articles"
    ),
    "articles_dup_of_exists": "UPDATE articles SET dup_of = 'no-such-article'",
    "articles_relevance_in_range": "UPDATE articles SET relevance = 1.5",
    "articles_required_not_null": "UPDATE articles SET pipeline_version = NULL",
    "articles_url_unique": (
        "INSERT INTO articles SELECT * REPLACE ('other-id' AS article_id) FROM articles"
    ),
    "crawl_runs_consistent": (
        "INSERT INTO crawl_runs (source, started_at, finished_at, status, broken) "
        "VALUES ('warta', now(), now() - INTERVAL 1 HOUR, 'finished', true)"
    ),
    "events_accepted_values": "UPDATE events SET type = 'party'",
    "evidence_matches_text": "UPDATE officials SET evidence = 'Raden Adipati Surja'",
    "laws_accepted_values": "UPDATE laws SET law = 'UU nomor 25'",
    "officials_accepted_values": "UPDATE officials SET acting = 'Bupati'",
    "officials_not_null": "UPDATE officials SET name = ' '",
    "pages_url_unique": (
        "INSERT INTO pages (url, fetched_at, first_fetched_at) "
        "VALUES ('https://x.example/', now(), now()), ('https://x.example/', now(), now())"
    ),
    "regions_accepted_values": (
        "INSERT INTO regions VALUES ('18.99.01', 'kota', 'Kota Baru', '18', 'Lampung')"
    ),
    "regions_code_unique": "INSERT INTO regions SELECT * FROM regions WHERE code = '18'",
    "schema_migrations_in_order": "INSERT INTO schema_migrations VALUES (99, 'gap', now())",
    "scores_accepted_values": "UPDATE scores SET value = 937.8",
    "sources_name_unique": (
        "INSERT INTO sources VALUES ('Warta Lampung', 'https://w.example/', NULL, now(), now())"
    ),
    "tags_article_exists": "DELETE FROM articles",
    "tags_region_exists": "UPDATE events SET region_code = '99.99'",
}


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return demo_database(tmp_path_factory)


@pytest.fixture
def one_article(tmp_path: Path) -> Path:
    db = tmp_path / "checks.duckdb"
    with Store(db) as store:
        a = article()
        store.save_article(a, tags(a), pipeline_version="t1")
    return db


def test_every_check_has_a_description_and_a_bad_row() -> None:
    assert {c.name for c in checks()} == set(BAD_ROWS)
    assert all(c.description for c in checks())


def test_every_check_passes_on_the_demo_database(demo_db: Path) -> None:
    failed = [(r.check.name, r.error, r.sample) for r in run_checks(demo_db) if not r.passed]
    assert failed == []


def test_every_check_passes_on_a_fresh_store(one_article: Path) -> None:
    assert [r.check.name for r in run_checks(one_article) if not r.passed] == []


@pytest.mark.parametrize("name", sorted(BAD_ROWS))
def test_check_catches_its_bad_row_unless_the_schema_refuses_it(
    one_article: Path, name: str
) -> None:
    with duckdb.connect(str(one_article)) as con:
        try:
            con.execute(BAD_ROWS[name])
        except duckdb.ConstraintException:
            return  # the schema already guarantees what the check verifies
    results = {r.check.name: r for r in run_checks(one_article)}
    assert results[name].error is None
    assert results[name].failures > 0
