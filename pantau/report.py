"""The weekly summary report (Markdown for now), built from SQL files in ``queries/``."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from importlib import resources
from pathlib import Path
from typing import Any

from core.errors import UsageError
from store import query_readonly

_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")


def week_bounds(week: str) -> tuple[datetime, datetime]:
    """``2021-W24`` -> [Monday 00:00 UTC, next Monday 00:00 UTC)."""
    m = _WEEK.match(week)
    if not m:
        raise UsageError(f"--week must look like 2021-W24, not {week!r}")
    try:
        monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
    except ValueError:
        raise UsageError(f"{week} is not a week of {m[1]}") from None
    start = datetime(monday.year, monday.month, monday.day, tzinfo=UTC)
    return start, start + timedelta(days=7)


def _sql(name: str) -> str:
    return resources.files("pantau").joinpath("queries", f"{name}.sql").read_text("utf-8")


def _md_cell(value: Any) -> str:
    text = "" if value is None else str(value)
    # Web text must not break the table or inject markup into a rendered report.
    return (
        text.replace("\\", "\\\\")
        .replace("|", "\\|")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\n", " ")
    )


def _table(columns: list[str], rows: list[tuple[Any, ...]]) -> list[str]:
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(_md_cell(v) for v in row) + " |" for row in rows]
    return lines


def render_markdown(db: Path, week: str) -> str:
    start, end = week_bounds(week)
    params = [start, end]

    def q(name: str) -> tuple[list[str], list[tuple[Any, ...]]]:
        return query_readonly(db, _sql(name), params)

    _, [head] = q("report_headline")
    articles, relevant, sources, before, relevant_before = head
    lines = [
        f"# Pantau weekly report: {week}",
        "",
        f"{start:%d %B %Y} to {end - timedelta(days=1):%d %B %Y}",
        "",
        "## Headline",
        "",
        f"- Articles: {articles} (previous week {before})",
        f"- About public service: {relevant} (previous week {relevant_before})",
        f"- Sources reporting: {sources}",
        "",
    ]
    if not articles:
        lines += ["No articles were published in this week.", ""]
        return "\n".join(lines)
    sections = [
        ("Coverage by region", "report_regions", "No region was named in relevant articles."),
        ("Scores announced", "report_scores", "No scores were reported."),
        ("Events", "report_events", "No events were reported."),
        ("Most-quoted officials", "report_officials", "No officials were quoted."),
        ("Notable articles", "report_articles", "No relevant articles."),
    ]
    for title, name, empty in sections:
        columns, rows = q(name)
        lines += [f"## {title}", ""]
        lines += _table(columns, rows) if rows else [empty]
        lines.append("")
    return "\n".join(lines)


def write_report(db: Path, week: str, out_dir: Path, fmt: str = "md") -> Path:
    if fmt != "md":
        raise UsageError(f"--format {fmt} is not available yet; use md")
    text = render_markdown(db, week)
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"pantau-{week}.md"
    path.write_text(text, encoding="utf-8")
    return path
