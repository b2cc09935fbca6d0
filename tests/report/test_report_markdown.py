"""The Markdown report: headings, tables and escaping."""

from __future__ import annotations

import re
from pathlib import Path

from pantau.report import load_report
from pantau.report._markdown import render_markdown
from tests.report.hostile import WEEK


def _headings(text: str) -> list[str]:
    return re.findall(r"^#{1,3} (.+)$", text, re.MULTILINE)


def test_markdown_report_has_every_section(demo_db: Path) -> None:
    text = render_markdown(load_report(demo_db, "2021-W24"))
    assert _headings(text) == [
        "Pantau weekly report: 2021-W24",
        "Headline",
        "Coverage",
        "By province",
        "By kabupaten/kota",
        "Scores reported",
        "Event timeline",
        "Most-quoted officials",
        "Notable articles",
        "Sources to check",
    ]
    assert "| Articles | 1 | 0 | +1 |" in text
    assert "| Ciamis | Jawa Barat | 99.96 |" in text
    assert "nilai 99,96**" in text  # the evidence, in bold


def test_markdown_tables_have_a_constant_column_count(hostile_db: Path) -> None:
    text = render_markdown(load_report(hostile_db, WEEK))
    for block in re.findall(r"(?:^\|.*\|\n)+", text, re.MULTILINE):
        widths = {len(re.split(r"(?<!\\)\|", line)) for line in block.splitlines()}
        assert len(widths) == 1, block


def test_markdown_escapes_web_text(hostile_db: Path) -> None:
    text = render_markdown(load_report(hostile_db, WEEK))
    assert "<script" not in text
    assert "<img" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    # The article's own [text](javascript:...) stays escaped text, not a link.
    assert "\\[klik\\](javascript:alert(4))" in text
    assert not re.search(r"(?<!\\)\]\(javascript:", text)
    assert "(<javascript:" not in text  # nor to the non-http article URL


def test_markdown_empty_week_says_so(demo_db: Path) -> None:
    text = render_markdown(load_report(demo_db, "2030-W01"))
    assert "**No articles were published in this week.**" in text
    assert "Notable articles" not in text
