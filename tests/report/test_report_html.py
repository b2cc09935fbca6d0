"""The HTML report: structure on real pipeline data, escaping of hostile web text, no script."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

from pantau.report import load_report, write_report
from pantau.report._html import render_html
from tests.report.hostile import EVIL_URL, OFFICIAL, TITLE, WEEK


class _Page(HTMLParser):
    """Tags, attributes and text of a page, as a browser's parser sees them."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def ids(self) -> set[str]:
        return {a["id"] for _, a in self.tags if a.get("id")}

    def all_text(self) -> str:
        return " ".join(" ".join(self.text).split())


@pytest.fixture(scope="module")
def demo_page(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> _Page:
    out = tmp_path_factory.mktemp("html")
    path = write_report(demo_db, "2021-W24", out, "html")
    assert path == out / "pantau-2021-W24.html"
    return _Page(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def hostile_html(hostile_db: Path) -> str:
    return render_html(load_report(hostile_db, WEEK))


def test_html_report_has_every_section_in_order(demo_page: _Page) -> None:
    sections = [a["id"] for tag, a in demo_page.tags if tag == "section"]
    assert sections == [
        "headline",
        "coverage",
        "scores",
        "events",
        "officials",
        "articles",
        "sources",
    ]


def test_html_report_charts_are_inline_svg(demo_page: _Page) -> None:
    assert {"chart-provinces", "chart-regions"} <= demo_page.ids()
    assert sum(tag == "svg" for tag, _ in demo_page.tags) == 2
    assert "Jawa Barat" in demo_page.all_text()
    assert "Kab. Ciamis" in demo_page.all_text()


def test_html_report_is_self_contained(demo_page: _Page) -> None:
    tags = {tag for tag, _ in demo_page.tags}
    assert not tags & {"script", "link", "img", "iframe", "object"}
    # Links to the articles are the only outside addresses.
    assert all(a.get("src") is None for _, a in demo_page.tags)


def test_html_headline_compares_with_the_previous_week(demo_page: _Page) -> None:
    text = demo_page.all_text()
    assert "compared with 2021-W23" in text
    assert "1 Articles +1 vs previous week (0)" in text
    assert "2 Events +2 vs previous week (0)" in text


def test_html_scores_events_officials_and_articles_come_from_the_demo(demo_page: _Page) -> None:
    text = demo_page.all_text()
    assert "Ciamis Jawa Barat 99.96" in text
    assert "Yana D. Putra Wakil Bupati Ciamis" in text
    assert sum(a.get("class") == "notable" for tag, a in demo_page.tags if tag == "article") == 1
    links = [a["href"] for tag, a in demo_page.tags if tag == "a"]
    assert links and all("wabup-ciamis-rakor-terkait-pelayanan-publik" in href for href in links)
    assert sum(tag == "mark" for tag, _ in demo_page.tags) == 1  # the evidence, highlighted


def test_html_report_of_an_empty_week_says_so(demo_db: Path) -> None:
    page = _Page(render_html(load_report(demo_db, "2021-W23")))
    assert "empty-week" in page.ids()
    assert "No articles were published in this week" in page.all_text()
    assert "coverage" not in page.ids()
    # The demo source published the week before and not in this one.
    assert "demo silent: 1 articles in the four weeks before" in page.all_text()


def test_html_escapes_every_web_string(hostile_html: str) -> None:
    page = _Page(hostile_html)
    tags = {tag for tag, _ in page.tags}
    assert "script" not in tags
    assert "img" not in tags
    text = page.all_text()
    assert TITLE in text  # shown, as text
    assert OFFICIAL in text
    assert "<script>alert(3)</script>" in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in hostile_html
    assert not any(value and "alert" in value for _, attrs in page.tags for value in attrs.values())


def test_html_never_links_a_non_http_url(hostile_html: str) -> None:
    page = _Page(hostile_html)
    assert EVIL_URL not in [a.get("href") for tag, a in page.tags if tag == "a"]
    assert not any(tag == "a" for tag, _ in page.tags)


def test_html_colours_scores_by_zone(hostile_html: str) -> None:
    page = _Page(hostile_html)
    rows = {
        a["class"]: a["style"]
        for tag, a in page.tags
        if tag == "tr" and a.get("class", "").startswith("zone-")
    }
    assert set(rows) == {"zone-merah", "zone-kuning"}
    assert rows["zone-merah"] != rows["zone-kuning"]


def test_html_lists_broken_and_silent_sources(hostile_html: str) -> None:
    text = _Page(hostile_html).all_text()
    assert "warta broken: no new article in 5 runs" in text
    assert "lain silent: 1 articles in the four weeks before, none this week" in text
