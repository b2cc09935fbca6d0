"""Each command's happy path and one bad input: a clear one-line error and the right exit code."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import pytest

from tests.conftest import DEMO_SITE, REPO, pantau

SEEDS = REPO / "tests" / "fixtures" / "seeds"


def _one_line_error(result, fragment: str) -> None:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("pantau: error:"), lines[0]
    assert fragment in lines[0]
    assert "Traceback" not in result.stderr


def test_help_lists_every_contract_command():
    result = pantau("--help")
    assert result.returncode == 0
    for command in ("run", "crawl", "extract", "tag", "reprocess", "sql", "report", "demo"):
        assert command in result.stdout


def test_run_rejects_malformed_sources(tmp_path):
    bad = tmp_path / "sources.toml"
    bad.write_text("[[source]\nname = ", encoding="utf-8")
    result = pantau("run", "--sources", str(bad), "--db", str(tmp_path / "x.duckdb"))
    assert result.returncode == 2
    _one_line_error(result, "not valid TOML")
    assert not (tmp_path / "x.duckdb").exists()


def test_crawl_reports_a_missing_sources_file(tmp_path):
    result = pantau("crawl", "--sources", str(tmp_path / "missing.toml"))
    assert result.returncode == 2
    _one_line_error(result, "sources file not found")


def _first_post() -> Path:
    return next(
        p for p in sorted(DEMO_SITE.rglob("index.html")) if "/20" in str(p) and "amp" not in p.parts
    )


def test_extract_prints_one_json_object_per_page_in_order(tmp_path):
    post = _first_post()
    listing = tmp_path / "pages.jsonl"
    listing.write_text(
        "\n".join(
            json.dumps({"path": str(post), "url": f"https://warta.example/{i}/"}) for i in range(2)
        ),
        encoding="utf-8",
    )
    result = pantau("extract", "--input", str(listing))
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["url"] for r in rows] == ["https://warta.example/0/", "https://warta.example/1/"]
    for key in ("url", "title", "text", "published", "author", "site", "lang"):
        assert key in rows[0]
    assert rows[0]["lang"] == "id" and len(rows[0]["text"]) > 500


def test_extract_skips_non_html_input_with_exit_1(tmp_path):
    blob = tmp_path / "image.png"
    blob.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    result = pantau("extract", str(blob), "--url", "https://warta.example/x.png")
    assert result.returncode == 1
    assert "no article found" in result.stderr
    assert json.loads(result.stdout)["error"] == "no article found"


def test_extract_missing_file_is_a_usage_error(tmp_path):
    result = pantau("extract", str(tmp_path / "nope.html"))
    assert result.returncode == 2
    _one_line_error(result, "cannot read")


def test_tag_reads_and_writes_json_lines_in_order():
    lines = [
        json.dumps(
            {
                "id": f"seed-{p.stem[:3]}",
                "text": p.read_text(encoding="utf-8"),
                "published": "2021-04-13",
            }
        )
        for p in sorted(SEEDS.glob("*.txt"))
    ]
    result = pantau("tag", stdin="\n".join(lines) + "\n")
    assert result.returncode == 0, result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["id"] for o in out] == [json.loads(line)["id"] for line in lines]
    assert {"18.08"} <= {r["code"] for r in out[0]["regions"]}
    assert all(
        {"relevant", "relevance", "regions", "officials", "scores", "events", "laws"} <= o.keys()
        for o in out
    )


def test_tag_rejects_malformed_json(tmp_path):
    result = pantau("tag", stdin='{"id": 1, "text": "ok"}\n{not json\n')
    assert result.returncode == 2
    assert "line 2: not valid JSON" in result.stderr


def test_sql_formats(crawled_db):
    table = pantau("sql", "SELECT count(*) AS n FROM articles", "--db", str(crawled_db))
    assert table.returncode == 0 and "5" in table.stdout
    as_json = pantau(
        "sql", "SELECT count(*) AS n FROM articles", "--db", str(crawled_db), "--format", "json"
    )
    assert json.loads(as_json.stdout) == {"n": 5}
    as_csv = pantau(
        "sql",
        "SELECT code FROM regions WHERE code = '18.08'",
        "--db",
        str(crawled_db),
        "--format",
        "csv",
    )
    assert as_csv.stdout.splitlines() == ["code", "18.08"]


@pytest.mark.parametrize(
    "query",
    [
        "DELETE FROM articles",
        "DROP TABLE articles",
        "INSERT INTO laws VALUES ('x', 'y', 0, 0, 'z')",
    ],
)
def test_sql_refuses_writes(crawled_db, query):
    result = pantau("sql", query, "--db", str(crawled_db))
    assert result.returncode == 2
    _one_line_error(result, "read-only")
    with duckdb.connect(str(crawled_db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 5


def test_sql_on_a_missing_database(tmp_path):
    result = pantau("sql", "SELECT 1", "--db", str(tmp_path / "none.duckdb"))
    assert result.returncode == 2
    _one_line_error(result, "database not found")


def test_report_writes_markdown_for_a_week(crawled_db, tmp_path):
    result = pantau("report", "--week", "2021-W15", "--db", str(crawled_db), "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "pantau-2021-W15.md").read_text(encoding="utf-8")
    assert text.startswith("# Pantau weekly report: 2021-W15")
    assert "Lebong" in text


def test_report_of_an_empty_week_says_so(crawled_db, tmp_path):
    result = pantau("report", "--week", "2030-W01", "--db", str(crawled_db), "--out", str(tmp_path))
    assert result.returncode == 0
    assert "No articles were published" in (tmp_path / "pantau-2030-W01.md").read_text(
        encoding="utf-8"
    )


def test_report_rejects_a_bad_week(crawled_db, tmp_path):
    result = pantau("report", "--week", "2021-24", "--db", str(crawled_db))
    assert result.returncode == 2
    _one_line_error(result, "--week must look like 2021-W24")


def test_reprocess_is_idempotent(crawled_db, tmp_path):
    db = tmp_path / "copy.duckdb"
    shutil.copy(crawled_db, db)
    first = pantau("reprocess", "--db", str(db))
    second = pantau("reprocess", "--db", str(db))
    assert first.returncode == second.returncode == 0
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 5


def test_reprocess_needs_a_database(tmp_path):
    result = pantau("reprocess", "--db", str(tmp_path / "none.duckdb"))
    assert result.returncode == 2
    _one_line_error(result, "database not found")


def test_demo_runs_offline_into_its_own_database(tmp_path):
    result = pantau("demo", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "pantau-demo.duckdb").exists()
    assert "Way Kanan" in result.stdout and "pantau sql" in result.stdout
    with duckdb.connect(str(tmp_path / "pantau-demo.duckdb"), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 5
