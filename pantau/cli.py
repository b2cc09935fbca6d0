"""The ``pantau`` command line. Errors become one line on stderr and an exit code.

Exit status: 0 success, 1 a failure of the work, 2 a usage error (CONTRACT.md).
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from core.errors import PantauError, UsageError

app = typer.Typer(
    name="pantau",
    help=(
        "Pantau watches Indonesian regional news for coverage of public-service reform.\n\n"
        "It crawls the sites of a sources file, extracts each article, tags regions, "
        "officials, Ombudsman scores and zones, events and laws, and stores everything "
        "in a DuckDB file you can query with SQL.\n\n"
        "Start with `pantau demo` (offline), then `pantau run --sources sources.toml`."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
err = Console(stderr=True, highlight=False)
out = Console(highlight=False)

DEFAULT_DB = "pantau.duckdb"
DbOption = Annotated[
    Path,
    typer.Option(
        "--db",
        envvar="PANTAU_DB",
        help="DuckDB file to write or read (env PANTAU_DB).",
        show_default=True,
    ),
]
SourcesOption = Annotated[
    Path | None,
    typer.Option(
        "--sources",
        help="Sources file (TOML). Default: ./sources.toml, else the bundled list.",
    ),
]
MaxPagesOption = Annotated[
    int,
    typer.Option("--max-pages", min=0, help="Page budget per source for this run (0: the file's)."),
]
VerboseOption = Annotated[bool, typer.Option("--verbose", "-v", help="Show Scrapy's log.")]
SinceOption = Annotated[
    datetime | None,
    typer.Option(
        "--since",
        formats=["%Y-%m-%d"],
        help="Skip feed and sitemap entries dated before this day (YYYY-MM-DD).",
    ),
]


def _fail(exc: PantauError) -> typer.Exit:
    err.print(f"pantau: error: {exc}", markup=False, soft_wrap=True)
    return typer.Exit(2 if isinstance(exc, UsageError) else 1)


def _default_sources() -> Path:
    local = Path("sources.toml")
    if local.exists():
        return local
    return Path(__file__).with_name("sources.toml")


def _crawl(
    sources: Path,
    db: Path,
    max_pages: int,
    verbose: bool,
    process: bool,
    since: datetime | None,
) -> None:
    from core.sources import load_sources

    # Checked before the crawler and its models are imported (seconds): a broken sources
    # file is then refused at once, and before the database is opened.
    load_sources(sources)
    from crawler import run_crawl
    from pantau.progress import CrawlProgress

    with CrawlProgress(err, enabled=not verbose) as progress:
        summary = run_crawl(
            sources,
            db,
            max_pages=max_pages,
            log_level="INFO" if verbose else "WARNING",
            on_event=progress.event,
            process=process,
            since=since.date() if since else None,
        )
    from pantau.progress import print_crawl_summary

    print_crawl_summary(out, summary)


@app.command()
def run(
    sources: SourcesOption = None,
    db: DbOption = Path(DEFAULT_DB),
    max_pages: MaxPagesOption = 0,
    since: SinceOption = None,
    verbose: VerboseOption = False,
) -> None:
    """Crawl every source, extract, tag and store: the main job (incremental on re-run).

    Safe under cron: a second run on the same database exits 1 while the first holds it.

    Example: pantau run --sources sources.toml --db pantau.duckdb
    """
    try:
        _crawl(sources or _default_sources(), db, max_pages, verbose, process=True, since=since)
    except PantauError as exc:
        raise _fail(exc) from None


@app.command()
def crawl(
    sources: Annotated[Path, typer.Option("--sources", help="Sources file (TOML).")],
    db: DbOption = Path(DEFAULT_DB),
    max_pages: MaxPagesOption = 0,
    since: SinceOption = None,
    verbose: VerboseOption = False,
) -> None:
    """Fetch pages only: store raw pages for a later `pantau reprocess`.

    Example: pantau crawl --sources sources.toml --max-pages 50
    """
    try:
        _crawl(sources, db, max_pages, verbose, process=False, since=since)
    except PantauError as exc:
        raise _fail(exc) from None


def _extract_inputs(
    files: list[Path], url: str | None, input_: Path | None
) -> Iterator[tuple[Path, str]]:
    if input_ is not None:
        try:
            lines = input_.read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise UsageError(f"cannot read {input_}: {exc.strerror}") from None
        for n, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                yield Path(row["path"]), str(row.get("url") or Path(row["path"]).resolve().as_uri())
            except (ValueError, KeyError, TypeError):
                raise UsageError(f'{input_}:{n}: expected {{"path": ..., "url": ...}}') from None
    for f in files:
        yield f, url or f.resolve().as_uri()


@app.command("extract")
def extract_cmd(
    files: Annotated[list[Path] | None, typer.Argument(help="HTML files to extract.")] = None,
    url: Annotated[
        str | None, typer.Option("--url", help="The page address the files came from.")
    ] = None,
    input_: Annotated[
        Path | None, typer.Option("--input", help='JSON lines of {"path": ..., "url": ...}.')
    ] = None,
) -> None:
    """Print one JSON object per page (url, title, text, published, author, site, lang).

    Example: pantau extract page.html --url https://example.id/2021/06/berita/
    """
    import extract

    if not files and input_ is None:
        raise _fail(UsageError("give HTML files or --input pages.jsonl"))
    failures = 0
    try:
        for path, page_url in _extract_inputs(files or [], url, input_):
            try:
                raw = path.read_bytes()
            except OSError as exc:
                raise UsageError(f"cannot read {path}: {exc.strerror}") from None
            article = extract.article_from_html(raw.decode("utf-8", errors="replace"), page_url)
            if article is None:
                failures += 1
                err.print(f"pantau: skipped {path}: no article found", markup=False, soft_wrap=True)
                row: dict[str, Any] = {"url": page_url, "error": "no article found"}
            else:
                row = extract.to_json(article)
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    except PantauError as exc:
        raise _fail(exc) from None
    if failures:
        raise typer.Exit(1)


@app.command()
def tag(
    input_: Annotated[
        Path | None, typer.Option("--input", help="JSON lines of articles (default stdin).")
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", help="Where to write tags (default stdout).")
    ] = None,
) -> None:
    """Read articles as JSON lines, print their tags as JSON lines, same order, same id.

    Input lines: {"id": "...", "text": "...", "title": "...",
    "published": "YYYY-MM-DD", "url": "..."}
    """
    from pantau.tagging import tag_lines

    try:
        source = sys.stdin if input_ is None else _open_text(input_)
        sink = sys.stdout if output is None else _open_text(output, "w")
        with sink:
            for line in tag_lines(source):
                sink.write(line + "\n")
    except PantauError as exc:
        raise _fail(exc) from None


def _open_text(path: Path, mode: str = "r") -> Any:
    try:
        return path.open(mode, encoding="utf-8")
    except OSError as exc:
        doing = "read" if mode == "r" else "write"
        raise UsageError(f"cannot {doing} {path}: {exc.strerror}") from None


@app.command()
def reprocess(db: DbOption = Path(DEFAULT_DB)) -> None:
    """Re-extract and re-tag stored raw pages with the current code and models."""
    from pantau.pipeline import reprocess as run_reprocess

    try:
        _require_db(db)
        summary = run_reprocess(db)
    except PantauError as exc:
        raise _fail(exc) from None
    out.print(
        f"reprocessed {summary.pages} pages: {summary.articles} articles, "
        f"{summary.skipped} without article text"
    )


def _require_db(db: Path) -> None:
    if not db.exists():
        raise UsageError(f"database not found: {db} (run `pantau run` or `pantau demo` first)")


@app.command()
def sql(
    query: Annotated[
        str | None, typer.Argument(help="SQL to run; none for an interactive prompt.")
    ] = None,
    db: DbOption = Path(DEFAULT_DB),
    format_: Annotated[
        str, typer.Option("--format", help="table, csv or json.", case_sensitive=False)
    ] = "table",
) -> None:
    """Run read-only SQL against the database (writes are refused).

    Example: pantau sql "SELECT name, count(*) FROM officials GROUP BY 1 ORDER BY 2 DESC"
    """
    from pantau.sqlshell import interactive, print_result

    if format_ not in ("table", "csv", "json"):
        raise _fail(UsageError(f"--format must be table, csv or json, not {format_!r}"))
    try:
        _require_db(db)
        if query is None:
            interactive(db, format_, out)
        else:
            print_result(db, query, format_, out)
    except PantauError as exc:
        raise _fail(exc) from None


@app.command()
def report(
    week: Annotated[str, typer.Option("--week", help="ISO week, e.g. 2021-W24.")],
    db: DbOption = Path(DEFAULT_DB),
    out_dir: Annotated[Path, typer.Option("--out", help="Directory for the report file.")] = Path(
        "."
    ),
    format_: Annotated[
        str,
        typer.Option("--format", help="md, html (one self-contained file) or pdf."),
    ] = "md",
) -> None:
    """Write the weekly summary report for one ISO week (WIB, Monday to Sunday).

    The file is OUT/pantau-WEEK.FORMAT. Example: pantau report --week 2021-W24 --out reports/
    """
    from pantau.report import write_report

    try:
        _require_db(db)
        path = write_report(db, week, out_dir, format_.lower())
    except PantauError as exc:
        raise _fail(exc) from None
    out.print(f"report written: {path}", markup=False, soft_wrap=True)


@app.command()
def export(
    parquet: Annotated[
        Path, typer.Option("--parquet", help="Directory for the Parquet dataset (created).")
    ],
    db: DbOption = Path(DEFAULT_DB),
) -> None:
    """Write the database as Parquet, partitioned by year, month and province (hive layout).

    Read it back with DuckDB: SELECT * FROM read_parquet('DIR/articles/**/*.parquet',
    hive_partitioning = true); pandas and polars read the same layout.

    Example: pantau export --parquet export/ --db pantau.duckdb
    """
    from pantau.export import export_parquet

    try:
        _require_db(db)
        written = export_parquet(db, parquet)
    except PantauError as exc:
        raise _fail(exc) from None
    for table, rows in written.items():
        out.print(f"{table}: {rows} rows", markup=False)
    out.print(f"exported to {parquet}", markup=False, soft_wrap=True)


@app.command("db")
def db_cmd(
    db: DbOption = Path(DEFAULT_DB),
    list_: Annotated[
        bool, typer.Option("--list", help="Show the schema migrations, applied and pending.")
    ] = False,
    check: Annotated[
        bool, typer.Option("--check", help="Run the data checks; exit 1 if any fails.")
    ] = False,
    migrate: Annotated[
        bool,
        typer.Option(
            "--migrate", help="Apply pending migrations now (any writing command does too)."
        ),
    ] = False,
) -> None:
    """Inspect the database: its schema migrations (--list) and its data checks (--check).

    Each check is a SQL file returning offending rows (unique, not-null, accepted values,
    relationships, evidence matching the text); zero rows is a pass.

    Example: pantau db --check --db pantau.duckdb
    """
    from pantau.db import migration_states, run_checks

    if not list_ and not check and not migrate:
        list_ = True
    try:
        _require_db(db)
        if migrate:
            from store import Store

            with Store(db) as store:
                applied = store.applied_migrations
            for m in applied:
                out.print(f"applied {m.version:03d}_{m.name}", markup=False)
            if not applied:
                out.print("schema up to date", markup=False)
        if list_:
            for state in migration_states(db):
                when = (
                    f"applied {state.applied_at:%Y-%m-%d %H:%M}" if state.applied_at else "pending"
                )
                out.print(f"{state.version:03d}  {state.name:<28} {when}", markup=False)
        failed = 0
        if check:
            for result in run_checks(db):
                if result.error:
                    verdict = f"ERROR {result.error}"
                elif result.failures:
                    verdict = f"FAIL  {result.failures} offending rows"
                else:
                    verdict = "ok"
                out.print(f"{result.check.name:<36} {verdict}", markup=False, soft_wrap=True)
                if not result.passed:
                    failed += 1
                    out.print(f"    {result.check.description}", markup=False, soft_wrap=True)
                    for row in result.sample:
                        pairs = ", ".join(
                            f"{c}={v!r}" for c, v in zip(result.columns, row, strict=True)
                        )
                        out.print(f"    {pairs}", markup=False, soft_wrap=True)
    except PantauError as exc:
        raise _fail(exc) from None
    if failed:
        err.print(f"pantau: {failed} data checks failed", soft_wrap=True)
        raise typer.Exit(1)


@app.command()
def demo(
    db: Annotated[Path, typer.Option("--db", help="Where the demo database goes.")] = Path(
        "pantau-demo.duckdb"
    ),
) -> None:
    """Offline: serve the bundled sample site on 127.0.0.1 and run the whole pipeline on it."""
    from pantau.demo import run_demo

    try:
        run_demo(db, out, err)
    except PantauError as exc:
        raise _fail(exc) from None


def main() -> None:
    # Scrapy and trafilatura log through the root logger; keep the terminal for our output.
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "crawler.settings")
    try:
        app()
    except KeyboardInterrupt:
        err.print("pantau: interrupted", soft_wrap=True)
        sys.exit(130)
    except OSError as exc:
        # What no command foresaw (output to a full disk, a lock file in a read-only
        # folder) is still one line. Output still buffered would fail again at exit.
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115
        where = f": {exc.filename}" if exc.filename else ""
        err.print(f"pantau: error: {exc.strerror or exc}{where}", markup=False, soft_wrap=True)
        sys.exit(1)


if __name__ == "__main__":
    main()
