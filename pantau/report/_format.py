"""Wording and small decisions shared by the HTML, Markdown and PDF renderings."""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import urlsplit

from pantau.report._data import ArticleRow, SourceRow, WeeklyReport

# Zone colours: (text/border, background), as Ombudsman publishes the zones.
ZONE_COLOURS = {
    "hijau": ("#1b5e20", "#dcedc8"),
    "kuning": ("#7a5c00", "#fff3c4"),
    "merah": ("#b71c1c", "#ffd6d6"),
    None: ("#37474f", "#eceff1"),
}

HEADLINE_LABELS: tuple[tuple[str, str], ...] = (
    ("articles", "Articles"),
    ("relevant", "About public service"),
    ("sources", "Sources reporting"),
    ("kabupaten_kota", "Kabupaten/kota covered"),
    ("scores", "Scores reported"),
    ("events", "Events"),
    ("officials", "Officials named"),
)

EVENT_LABELS = {
    "assessment": "Assessment",
    "award": "Award",
    "meeting": "Meeting",
    "training": "Training",
    "commitment": "Commitment",
    "launch": "Launch",
    "inspection": "Inspection",
    "complaint": "Complaint",
    "other": "Other",
}

_WHITESPACE = re.compile(r"\s+")
# Characters of context kept around an evidence quote in "notable articles".
CONTEXT = 110


def headline_items(report: WeeklyReport) -> list[tuple[str, int, int]]:
    """(label, this week, previous week) for each headline figure."""
    return [
        (label, getattr(report.this, key), getattr(report.previous, key))
        for key, label in HEADLINE_LABELS
    ]


def delta(now: int, before: int) -> str:
    if now == before:
        return "no change"
    sign = "+" if now > before else "\u2212"  # minus sign
    return f"{sign}{abs(now - before)}"


def link_target(url: str | None) -> str | None:
    """The URL if it is safe to link (http or https), else None: a page may carry any scheme,
    and a ``javascript:`` link in a forwarded report would run in the reader's browser."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


def snippet(row: ArticleRow) -> tuple[str, str, str] | None:
    """(before, quote, after) with runs of whitespace folded and the context cut at whole
    words, or None when the article has no evidence."""
    if not row.quote:
        return None
    before = _WHITESPACE.sub(" ", (row.before or "").lstrip())
    after = _WHITESPACE.sub(" ", (row.after or "").rstrip())
    if len(before) > CONTEXT:
        before = "…" + before[-CONTEXT:].split(" ", 1)[-1]
    if len(after) > CONTEXT:
        after = after[:CONTEXT].rsplit(" ", 1)[0] + "…"
    return before, _WHITESPACE.sub(" ", row.quote), after


def source_problem(row: SourceRow) -> str:
    if row.broken:
        return f"broken: {row.broken_reason or 'flagged by the last crawl'}"
    return f"silent: {row.four_weeks_before} articles in the four weeks before, none this week"


def day(value: date | None) -> str:
    return value.strftime("%a %d %b %Y") if value else "undated"


def score_value(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")
