"""Public API behaviour: rejects, JSON shape, and the tree and line rules on small pages."""

from __future__ import annotations

import logging

import pytest
from lxml.html import fromstring

from core.model import Article
from extract import article_from_html, to_json
from extract.clean import clean_tree
from extract.lang import detect_language
from extract.meta import clean_title

PARAGRAPH = (
    "Pemerintah Kabupaten Lebong menggelar sosialisasi standar pelayanan publik bagi seluruh "
    "kepala organisasi perangkat daerah dan para camat di gedung Graha Bina Praja, dengan "
    "harapan kualitas layanan kepada masyarakat terus meningkat dari tahun ke tahun."
)


def _paras(n: int) -> str:
    # Numbered so that no two are equal: repeated lines are collapsed as page furniture.
    return "".join(f"<p>Bagian {i}. {PARAGRAPH}</p>" for i in range(1, n + 1))


def _page(body: str, title: str = "Judul Berita Daerah - Portal Lebong") -> str:
    return (
        f"<html lang='id'><head><title>{title}</title></head>"
        f"<body class='single single-post'><article><h1>Judul Berita Daerah</h1>{body}"
        "</article></body></html>"
    )


def test_article_from_simple_page() -> None:
    article = article_from_html(_page(_paras(3)), "https://lebong.example/a/")
    assert isinstance(article, Article)
    assert article.title == "Judul Berita Daerah"
    assert article.lang == "id"
    assert article.site == "lebong.example"
    assert article.id


def test_to_json_has_contract_fields() -> None:
    article = article_from_html(_page(_paras(3)), "https://lebong.example/a/")
    assert article is not None
    data = to_json(article)
    contract = {"url", "title", "text", "published", "author", "site", "lang"}
    assert contract <= set(data)
    assert {"editor", "dateline"} <= set(data)


@pytest.mark.parametrize(
    ("html", "reason"),
    [
        ("", "not HTML"),
        (_page("<p>Singkat saja.</p>"), "too short"),
        ("<html><body></body></html>", "no text"),
    ],
)
def test_non_articles_give_none_with_reason(
    html: str, reason: str, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="extract"):
        assert article_from_html(html, "https://lebong.example/a/") is None
    assert any(reason in r.getMessage() for r in caplog.records if r.name == "extract")


def test_listing_by_body_class(caplog: pytest.LogCaptureFixture) -> None:
    html = _page(_paras(3)).replace("single single-post", "archive category")
    with caplog.at_level(logging.INFO, logger="extract"):
        assert article_from_html(html, "https://lebong.example/a/") is None
    assert "listing page" in caplog.text


def test_baca_juga_inserts_and_lists_are_dropped() -> None:
    tree = fromstring(
        "<html><body><div class='content'>"
        f"<p>Awal. {PARAGRAPH}</p>"
        "<p><strong>Baca Juga:</strong> <a href='/x'>Judul Lain Yang Tidak Relevan</a></p>"
        "<p>Baca juga: <a href='/y'>Judul Lain Lagi</a></p>"
        f"<p>Akhir. {PARAGRAPH}</p>"
        "<div><h3>Berita Terkait</h3><ul><li><a href='/1'>Satu satu satu</a></li>"
        "<li><a href='/2'>Dua dua dua</a></li></ul></div>"
        "<div class='share-buttons'><a>Facebook</a><a>Twitter</a></div>"
        "</div></body></html>"
    )
    clean_tree(tree)
    text = tree.text_content()
    assert "Judul Lain" not in text
    assert "Satu satu" not in text
    assert "Facebook" not in text
    assert text.count("Pemerintah Kabupaten Lebong") == 2


def test_loose_text_beside_paragraphs_is_kept() -> None:
    html = _page(
        f"<div class='isi'><strong>Jakarta</strong> - {PARAGRAPH}<br><br>Kedua. {PARAGRAPH}"
        f"<p>Ketiga. {PARAGRAPH}</p></div>"
    )
    article = article_from_html(html, "https://lebong.example/a/")
    assert article is not None
    assert article.dateline == "Jakarta"
    assert article.text.count("Pemerintah Kabupaten Lebong") == 3


@pytest.mark.parametrize(
    "line",
    [
        "BANDAR LAMPUNG15 Dilihat",
        "Dibaca: 212 kali",
        "Lebih baru Lebih lama",
        "Posting Lebih Baru Posting Lama",
        "Copyright © 2021 MEDIAPUBLIKA. All rights reserved.",
        "Facebook Twitter WhatsApp",
        "Kategori :",
    ],
)
def test_furniture_lines_are_dropped(line: str) -> None:
    html = _page(f"{_paras(2)}<p>{line}</p>{_paras(1)}")
    article = article_from_html(html, "https://lebong.example/a/")
    assert article is not None
    assert line.split()[0] not in article.text


def test_comment_form_cuts_the_text() -> None:
    html = _page(
        f"{_paras(2)}<p>Tinggalkan Balasan</p>"
        "<p>Alamat email Anda tidak akan dipublikasikan. Ruas yang wajib ditandai *</p>"
        "<p>Komentar tentang pelayanan publik dari pembaca yang panjang sekali di sini.</p>"
    )
    article = article_from_html(html, "https://lebong.example/a/")
    assert article is not None
    assert "Alamat email" not in article.text
    assert "Komentar tentang" not in article.text


@pytest.mark.parametrize(
    ("titles", "site", "expected"),
    [
        (
            ["Pemkab Lebong Gelar Workshop - Rakyat Bengkulu"],
            "Rakyat Bengkulu",
            "Pemkab Lebong Gelar Workshop",
        ),
        (["Pemkab Lebong Gelar Workshop | RB"], "RB", "Pemkab Lebong Gelar Workshop"),
        (["Samsul Arif Tak Beban - Kompas.com"], None, "Samsul Arif Tak Beban"),
        (
            ["Polisi soal Pistol: Cuma Diperlihatkan"],
            "detiknews",
            "Polisi soal Pistol: Cuma Diperlihatkan",
        ),
    ],
)
def test_title_without_site_suffix(titles: list[str], site: str | None, expected: str) -> None:
    tree = fromstring("<html><body><p>x</p></body></html>")
    assert clean_title(list(titles), tree, site, "https://news.example/a") == expected


def test_language_detection() -> None:
    assert detect_language(PARAGRAPH) == "id"
    english = "The regency said that it will open a complaint desk in each of the districts."
    assert detect_language(english * 2) == "en"
    assert detect_language("Die Verwaltung hat heute", "de-DE") == "de"
    assert detect_language("") is None
