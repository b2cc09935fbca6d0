"""Quality gate: the shared extraction metric on the fixture pages must stay above a floor,
and boilerplate named by the rules must never reach the text."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract import article_from_html
from extract.evaluate import score

FIXTURES = Path(__file__).with_name("fixtures")
# url of each fixture does not matter for the body; later pages by name.
ARTICLES = {
    "wp_mediapublika": [],
    "blogger_jendelaindo": [],
    "portal_rakyatbengkulu": [],
    "wp_lensamedia": [],
    "english_archipelago": [],
    "multipage_waykanan": ["multipage_waykanan_p2"],
}
F1_FLOOR = 0.95
BOILERPLATE = (
    "baca juga",
    "dilihat",
    "dibaca:",
    "tinggalkan balasan",
    "alamat email anda",
    "lebih baru",
    "lebih lama",
    "wartawan :",
    "editor :",
    "(oce)",
    "(red)",
    "(**)",
    "(kang dedi)",
    "bagikan",
    "berita lainnya",
    "copyright",
    "halaman:",
)


def _extract(name: str) -> tuple[str, str]:
    html = (FIXTURES / f"{name}.html").read_text("utf-8")
    pages = [(FIXTURES / f"{p}.html").read_text("utf-8") for p in ARTICLES[name]]
    article = article_from_html(html, f"https://example.org/2021/01/01/{name}/", pages=pages)
    assert article is not None
    body = f"{article.dateline} - {article.text}" if article.dateline else article.text
    return body, (FIXTURES / f"{name}.reference.txt").read_text("utf-8")


def test_f1_on_fixtures_above_floor() -> None:
    result = score(_extract(name) for name in ARTICLES)
    assert result.pages == len(ARTICLES)
    assert result.f1 >= F1_FLOOR, result


@pytest.mark.parametrize("name", list(ARTICLES))
def test_no_boilerplate_in_text(name: str) -> None:
    text = _extract(name)[0].lower()
    assert [b for b in BOILERPLATE if b in text] == []
