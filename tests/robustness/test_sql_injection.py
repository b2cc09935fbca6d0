"""SQL metacharacters in anything pantau stores or is given never change a query: values are
bound, never spliced into SQL text. Checked three ways:

- statically: no SQL text in the code is built from values (f-strings, ``+``, ``%`` or
  ``.format`` around SQL), except the few listed below, which splice fixed identifiers;
- at run time: every SQL text DuckDB receives while hostile values are stored, read back,
  reported and exported is recorded, and none of those values appears in any of them;
- end to end: hostile strings from a sources file, report options and export paths are
  stored or used verbatim and leave every table in place.
"""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest

from core.model import Article, Law, Official, Score, Tags
from core.sources import Source
from crawler.dedupe import mark_duplicates
from pantau.export import export_parquet
from pantau.report import load_report, render
from pantau.sitehost import SiteHost
from store import Store, query_readonly
from tests.conftest import REPO
from tests.robustness.hostile_env import assert_one_line_error, filled_db, run_pantau, sha256
from tests.robustness.sitegen import generate_site
from tests.store.factories import TEXT

HOSTILE = [
    "x'); DROP TABLE articles; --",
    "'; DELETE FROM sources WHERE ''='",
    "\"; ATTACH '/tmp/evil.duckdb' AS evil; --",
    "$1 ? :name %s {0} \\' \\\\ '' \"\"",
    "Robert'); UPDATE articles SET text = 'pwned'; --",
]
# What would show in SQL text if a value were spliced in, quoted or not: the longest piece of
# each value without a quote or backslash, which escaping leaves alone.
TELLS = [max(re.split(r"['\"\\\\]", v), key=len) for v in HOSTILE]
PACKAGES = ("core", "crawler", "extract", "classify", "store", "pantau")

# -- statically -----------------------------------------------------------------------------

_SQL_WORD = re.compile(
    r"\b(SELECT|INSERT|UPDATE|DELETE|WHERE|VALUES|FROM|JOIN|CREATE|DROP|ALTER|COPY|ATTACH)\b"
)
_EXECUTES = {"execute", "executemany", "sql", "query", "query_df", "from_query", "query_readonly"}
# (file, start of the expression) -> why splicing is safe there.
SPLICED = {
    ("store/_sql.py", "f'INSERT INTO {self.table} ({names}) SELECT {casts}"): (
        "BatchInsert: table and column names of the module's constants"
    ),
    ("pantau/demo.py", "f'\\nQuery it yourself:"): "help text printed for the user, never run",
    ("pantau/export.py", "'CREATE TEMP TABLE exported AS SELECT"): (
        "the packaged pantau/queries/export_articles.sql"
    ),
    ("pantau/export.py", "_TAG_QUERY.format(table=table)"): "a table name from TAG_TABLES",
}


def _built_sql(tree: ast.AST) -> Iterator[ast.expr]:
    """Expressions that make SQL text out of pieces."""
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            parts = [v.value for v in node.values if isinstance(v, ast.Constant)]
            literal = "".join(str(part) for part in parts)
            if _SQL_WORD.search(literal):
                yield node
        elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add | ast.Mod):
            sides = (node.left, node.right)
            if any(isinstance(s, ast.Constant) and _SQL_WORD.search(str(s.value)) for s in sides):
                yield node
        elif isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            if name == "format" and isinstance(func, ast.Attribute):
                target = func.value
                if isinstance(target, ast.Constant) and _SQL_WORD.search(str(target.value)):
                    yield node
            if name in _EXECUTES and node.args:
                first = node.args[0]
                formatted = (
                    isinstance(first, ast.Call)
                    and isinstance(first.func, ast.Attribute)
                    and first.func.attr == "format"
                )
                if isinstance(first, ast.JoinedStr | ast.BinOp) or formatted:
                    yield first


def test_no_sql_text_is_built_from_values() -> None:
    found = set()
    for package in PACKAGES:
        for path in sorted((REPO / package).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in _built_sql(tree):
                where = str(path.relative_to(REPO))
                source = ast.unparse(node)
                known = [k for k in SPLICED if k[0] == where and source.startswith(k[1])]
                found.add(known[0] if known else (where, f"line {node.lineno}: {source[:80]}"))
    assert found == set(SPLICED)


def test_the_static_check_catches_a_spliced_value() -> None:
    for code in (
        "con.execute(f\"SELECT * FROM articles WHERE url = '{url}'\")",
        'con.execute("SELECT * FROM articles WHERE url = \'" + url + "\'")',
        "con.execute(\"SELECT * FROM articles WHERE url = '%s'\" % url)",
        "con.sql(\"SELECT * FROM articles WHERE url = '{}'\".format(url))",
        "sql = f\"DELETE FROM pages WHERE source = '{name}'\"",
    ):
        assert list(_built_sql(ast.parse(code))), code
    assert not list(_built_sql(ast.parse('con.execute("SELECT 1 WHERE ? = ?", [a, b])')))


# -- at run time ----------------------------------------------------------------------------


class _Recording:
    """A DuckDB connection that notes every SQL text it is given."""

    def __init__(self, con: duckdb.DuckDBPyConnection, log: list[str]) -> None:
        self._con = con
        self._log = log

    def __getattr__(self, name: str) -> Any:
        return getattr(self._con, name)

    def __enter__(self) -> _Recording:
        return self

    def __exit__(self, *_: object) -> None:
        self._con.close()

    def _note(self, sql: object) -> None:
        self._log.append(sql.query if isinstance(sql, duckdb.Statement) else str(sql))

    def execute(self, sql: object, *args: Any, **kwargs: Any) -> Any:
        self._note(sql)
        return self._con.execute(sql, *args, **kwargs)

    def executemany(self, sql: object, *args: Any, **kwargs: Any) -> Any:
        self._note(sql)
        return self._con.executemany(sql, *args, **kwargs)

    def sql(self, sql: object, *args: Any, **kwargs: Any) -> Any:
        self._note(sql)
        return self._con.sql(sql, *args, **kwargs)

    def query(self, sql: object, *args: Any, **kwargs: Any) -> Any:
        self._note(sql)
        return self._con.query(sql, *args, **kwargs)

    def cursor(self) -> _Recording:
        return _Recording(self._con.cursor(), self._log)


@pytest.fixture
def sql_log(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    log: list[str] = []
    real = duckdb.connect
    monkeypatch.setattr(duckdb, "connect", lambda *a, **k: _Recording(real(*a, **k), log))
    return log


def _leaks(log: list[str]) -> list[tuple[str, str]]:
    return [(tell, sql) for sql in log for tell in TELLS if tell in sql]


def _tables(db: Path) -> list[str]:
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute(
            "SELECT table_name FROM information_schema.tables ORDER BY table_name"
        ).fetchall()
    return [name for (name,) in rows]


def _store_hostile(db: Path) -> Article:
    h = HOSTILE
    url = f"https://warta.example/2021/04/13/berita/?id={h[0]}"
    text = f"{TEXT} {h[4]}"
    with Store(db) as store:
        store.upsert_sources([Source(h[0], f"https://warta.example/?q={h[1]}", province=h[2])])
        digest = store.record_page(
            url, h[0], 200, None, f"<p>{h[3]}</p>", canonical_url=url, etag=h[1],
            last_modified=h[2], kind="article", requested_url=f"{url}&x={h[4]}",
        )  # fmt: skip
        article = Article(url, text, title=h[1], author=h[2], site=h[3], source=h[0], lang=h[4])
        tags = Tags(
            id=article.id,
            relevant=True,
            relevance=0.5,
            officials=[Official(h[3], h[4], None)],
            scores=[Score(50.0, subject=h[1], kind=h[2])],
            laws=[Law(h[0])],
        )
        mark_duplicates(store, [article])
        store.save_articles([(article, tags, digest)], "t1")
        run = store.start_run(h[0])
        store.finish_run(run, errors=[h[1]], status="finished", broken_reason=h[2])
    return article


def test_hostile_values_are_bound_and_stored_verbatim(tmp_path: Path, sql_log: list[str]) -> None:
    db = tmp_path / "pantau.duckdb"
    with Store(db):
        pass
    tables = _tables(db)
    article = _store_hostile(db)
    h = HOSTILE
    q = query_readonly
    assert q(db, "SELECT name, url, province FROM sources")[1] == [
        (h[0], f"https://warta.example/?q={h[1]}", h[2])
    ]
    assert q(db, "SELECT source, etag, last_modified FROM pages")[1] == [(h[0], h[1], h[2])]
    assert q(db, "SELECT title, author, site, source, lang, text FROM articles")[1] == [
        (h[1], h[2], h[3], h[0], h[4], article.text)
    ]
    assert q(db, "SELECT name, role FROM officials")[1] == [(h[3], h[4])]
    assert q(db, "SELECT subject, kind FROM scores")[1] == [(h[1], h[2])]
    assert q(db, "SELECT law FROM laws")[1] == [(h[0],)]
    errors, reason = q(db, "SELECT errors, broken_reason FROM crawl_runs")[1][0]
    assert json.loads(errors) == [h[1]] and reason == h[2]
    with Store(db) as store:
        [page] = list(store.raw_pages())
    assert page.html == f"<p>{h[3]}</p>" and page.source == h[0]
    # A hostile value as a bound parameter of an analyst's query is a value too.
    assert q(db, "SELECT count(*) FROM articles WHERE title = ?", [h[1]])[1] == [(1,)]
    assert _tables(db) == tables
    assert sql_log, "no SQL was recorded"
    assert not _leaks(sql_log), _leaks(sql_log)[:3]


def test_the_recording_would_see_a_spliced_value(tmp_path: Path, sql_log: list[str]) -> None:
    escaped = HOSTILE[0].replace("'", "''")
    with Store(tmp_path / "pantau.duckdb") as store:
        assert store.query(f"SELECT '{escaped}' AS v")[1] == [(HOSTILE[0],)]
    assert _leaks(sql_log)


def test_report_and_export_of_hostile_values_bind_them(tmp_path: Path, sql_log: list[str]) -> None:
    db = tmp_path / "pantau.duckdb"
    article = _store_hostile(db)
    digest = sha256(db)
    sql_log.clear()
    report = load_report(db, "2021-W15")
    assert render(report, "md")
    written = export_parquet(db, tmp_path / f"export {HOSTILE[1]}")
    assert not _leaks(sql_log), _leaks(sql_log)[:3]
    assert written["articles"] == 1
    assert sha256(db) == digest
    # The province (the source's, as the article names no region) partitions the export.
    out = tmp_path / f"export {HOSTILE[1]}"
    rows = duckdb.sql(
        "SELECT title, province FROM read_parquet(?, hive_partitioning = true)",
        params=[str(out / "articles" / "**" / "*.parquet")],
    ).fetchall()
    assert rows == [(article.title, HOSTILE[2])]
    outside = [p for p in tmp_path.rglob("*.parquet") if out not in p.parents]
    assert not outside


# -- end to end -----------------------------------------------------------------------------


def test_report_options_with_sql_in_them(tmp_path: Path) -> None:
    db = tmp_path / "pantau.duckdb"
    filled_db(db)
    digest = sha256(db)
    for args, fragment in (
        (("--week", f"2021-W15{HOSTILE[0]}"), "--week must look like 2021-W24"),
        (("--week", "2021-W15", "--format", f"md{HOSTILE[0]}"), "--format must be one of"),
    ):
        result = run_pantau("report", *args, "--db", str(db), "--out", str(tmp_path))
        assert result.returncode == 2, result.stderr
        assert_one_line_error(result, fragment)
    out = tmp_path / f"reports {HOSTILE[2]}"
    result = run_pantau("report", "--week", "2021-W15", "--db", str(db), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert (out / "pantau-2021-W15.md").exists()
    assert sha256(db) == digest


def test_run_stores_hostile_sources_file_values_verbatim(tmp_path: Path) -> None:
    root = tmp_path / "site"
    paths = generate_site(root, 4, seed=3)
    db = tmp_path / "pantau.duckdb"
    with Store(db):
        pass
    tables = _tables(db)
    with SiteHost(root) as host:
        url = f"{host.url}?q=x'\"; DROP TABLE articles; --"
        sources = tmp_path / "sources.toml"
        # JSON strings are TOML basic strings: the quotes arrive escaped, as a user writes them.
        sources.write_text(
            f'[[source]]\nname = "warta"\nurl = {json.dumps(url)}\n'
            f"province = {json.dumps(HOSTILE[1])}\ndelay = 0\n",
            encoding="utf-8",
        )
        result = run_pantau("run", "--sources", str(sources), "--db", str(db))
        expected = {host.base + p for p in paths}
    assert result.returncode == 0, result.stderr[-3000:]
    assert query_readonly(db, "SELECT name, url, province FROM sources")[1] == [
        ("warta", url, HOSTILE[1])
    ]
    assert {u for (u,) in query_readonly(db, "SELECT url FROM articles")[1]} == expected
    assert _tables(db) == tables
