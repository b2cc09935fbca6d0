"""Publisher overrides: a registry by domain, parser versions by date, generic fallback."""

from __future__ import annotations

import json
import logging
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from lxml.etree import XPath
from lxml.html import fromstring

from extract import article_from_html
from extract.publishers import PUBLISHERS, Parser, Publisher, Registry, element_lines, field
from extract.publishers.detik import DetikV1, DetikV2

FIXTURES = Path(__file__).with_name("fixtures")
GOLDEN = Path(__file__).with_name("golden")
CASES = json.loads((FIXTURES / "cases.json").read_text("utf-8"))

BODY = " ".join(["Pemerintah kota membuka layanan perizinan malam hari bagi warga."] * 6)


class _Old(Parser):
    VALID_FROM = date(2010, 1, 1)


class _New(Parser):
    VALID_FROM = date(2019, 1, 1)


def test_registry_rejects_a_domain_registered_twice():
    registry = Registry([Publisher("a", "example.com", (_Old,))])
    with pytest.raises(ValueError, match="registered twice"):
        registry.register(Publisher("b", "Example.com.", (_New,)))


def test_versions_must_be_in_date_order():
    with pytest.raises(ValueError, match="VALID_FROM"):
        Publisher("a", "example.com", (_New, _Old))


@pytest.mark.parametrize(
    ("url", "found"),
    [
        ("https://news.detik.com/berita/d-1/x", "detik"),
        ("http://DETIK.COM/read/1", "detik"),
        ("https://finance.detik.com:443/readfoto/1", "detik"),
        ("https://notdetik.com/read/1", None),
        ("https://detik.com.example/read/1", None),
        ("", None),
    ],
)
def test_lookup_by_domain_and_subdomains(url: str, found: str | None):
    publisher = PUBLISHERS.lookup(url)
    assert (publisher.name if publisher else None) == found


@pytest.mark.parametrize(
    ("when", "version"),
    [(date(2005, 1, 1), DetikV1), (date(2016, 2, 23), DetikV1), (date(2022, 12, 10), DetikV2)],
)
def test_the_version_valid_on_a_date_is_tried_first(when: date, version: type[Parser]):
    detik = PUBLISHERS.lookup("https://detik.com/")
    assert detik is not None
    assert next(detik.candidates(when)) is version
    assert set(detik.candidates(when)) == {DetikV1, DetikV2}
    assert detik.version_for(None) is DetikV2


@pytest.mark.parametrize("publisher", list(PUBLISHERS), ids=lambda p: p.name)
def test_every_publisher_has_a_golden_page(publisher: Publisher):
    """Fundus style: the golden set covers the registry."""
    used: set[str] = set()
    for case in CASES:
        host = urlsplit(case["url"]).hostname or ""
        if PUBLISHERS.lookup(case["url"]) is publisher and host:
            html = (FIXTURES / f"{case['name']}.html").read_text("utf-8")
            tree = fromstring(html)
            used |= {v.__name__ for v in publisher.versions if v(tree, case["url"]).parse()}
            assert (GOLDEN / f"{case['name']}.json").exists()
    assert used, f"no golden page for {publisher.name}"


def test_legacy_detik_teasers_and_photo_page_furniture_stay_out():
    for name in ("detik_legacy_read", "detik_legacy_readfoto"):
        text = json.loads((GOLDEN / f"{name}.json").read_text("utf-8"))["text"]
        for furniture in ("Pantura", "Forum", "Foto Terkait", "FotoBisnis", "Baca Juga", "iklan"):
            assert furniture not in text


def test_a_publisher_page_in_an_unknown_layout_falls_back_to_generic_extraction():
    html = f"<html><body><article><h1>Judul</h1><p>{BODY}</p></article></body></html>"
    article = article_from_html(html, "https://news.detik.com/berita/d-9/judul")
    assert article is not None and "perizinan malam" in article.text


def test_a_failing_parser_field_is_logged_and_left_to_the_generic_path(caplog):
    class Broken(Parser):
        @field
        def body(self) -> list[str] | None:
            raise RuntimeError("selector drift")

    with caplog.at_level(logging.WARNING, logger="extract"):
        assert Broken(fromstring("<p>x</p>"), "u").parse() == {}
    assert "selector drift" in caplog.text


def test_fields_are_inherited_and_overridable():
    class Base(Parser):
        @field
        def body(self) -> list[str] | None:
            return ["base"]

        @field
        def title(self) -> str | None:
            return "t"

    class Child(Base):
        @field
        def body(self) -> list[str] | None:
            return ["child"]

    assert Child(fromstring("<p>x</p>"), "u").parse() == {"body": ["child"], "title": "t"}


def test_element_lines_break_at_blocks_and_br_only():
    el = fromstring("<div>Satu\n dua <b>tiga</b><br>empat<p>lima\n enam</p>tujuh<!-- c --></div>")
    assert element_lines(el) == ["Satu dua tiga", "empat", "lima enam", "tujuh"]


def test_lines_without_keeps_the_tail_of_a_dropped_element():
    el = fromstring("<div>Awal <span class='ad'>IKLAN</span> akhir<script>x()</script>.</div>")
    drop = XPath(".//span[@class='ad']")
    assert Parser.lines_without(el, drop) == ["Awal akhir."]
