"""``pantau demo``: the whole pipeline, offline, on a bundled sample site served on 127.0.0.1."""

from __future__ import annotations

import tempfile
from importlib import resources
from pathlib import Path

from rich.console import Console
from rich.table import Table

from crawler import run_crawl
from pantau.sitehost import SiteHost
from store import query_readonly

DEMO_QUERIES = {
    "Articles": "SELECT CAST(published_at AS DATE) AS day, title FROM articles ORDER BY day",
    "Regions": """
        SELECT r.type, r.name, r.code, sum(ar.mentions) AS mentions
        FROM article_regions ar JOIN regions r ON r.code = ar.region_code
        GROUP BY ALL ORDER BY mentions DESC""",
    "Officials": "SELECT DISTINCT name, role, region_code FROM officials ORDER BY name",
    "Scores": "SELECT subject, value, year, zone, rank FROM scores ORDER BY value DESC",
    "Events": "SELECT date, type, region_code FROM events WHERE type <> 'other' ORDER BY date",
}


def run_demo(db: Path, out: Console, err: Console) -> None:
    site = Path(str(resources.files("pantau").joinpath("demo_site")))
    with SiteHost(site) as host, tempfile.TemporaryDirectory() as tmp:
        sources = Path(tmp) / "sources.toml"
        # Politeness delay 0 only because the server is our own, on this machine.
        sources.write_text(
            f'[[source]]\nname = "demo"\nurl = "{host.url}"\nprovince = "Lampung"\ndelay = 0\n',
            encoding="utf-8",
        )
        err.print(f"serving the sample site at {host.url}")
        summary = run_crawl(sources, db)
    out.print(
        f"Crawled {summary.pages} pages, stored {summary.new_articles} new articles in {db}\n"
    )
    for title, sql in DEMO_QUERIES.items():
        columns, rows = query_readonly(db, sql)
        table = Table(*columns, title=title, title_justify="left")
        for row in rows:
            table.add_row(*("" if v is None else str(v) for v in row))
        out.print(table)
    out.print(
        "\nQuery it yourself:\n"
        f'  pantau sql --db {db} "SELECT title, relevant, relevance FROM articles"\n'
        f"  pantau sql --db {db}            # interactive prompt\n"
        f"  pantau report --db {db} --week 2021-W24 --format html",
        soft_wrap=True,
    )
