"""The PDF report opens and holds the week's text."""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader

from pantau.report import load_report
from pantau.report._pdf import render_pdf
from tests.report.hostile import WEEK


def _text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() for page in reader.pages)


def test_pdf_opens_with_the_week_in_it(demo_db: Path) -> None:
    pdf = render_pdf(load_report(demo_db, "2021-W24"))
    assert pdf.startswith(b"%PDF-")
    text = _text(pdf)
    assert "Pantau weekly report: 2021-W24" in text
    for expected in ("Jawa Barat", "Ciamis", "99.96", "Yana D. Putra", "Notable articles"):
        assert expected in text


def test_pdf_shows_web_text_as_text(hostile_db: Path) -> None:
    text = _text(render_pdf(load_report(hostile_db, WEEK)))
    assert "<script>alert(1)</script>" in text
    assert "merah" in text


def test_pdf_of_an_empty_week_says_so(demo_db: Path) -> None:
    assert "No articles were published" in _text(render_pdf(load_report(demo_db, "2030-W01")))
