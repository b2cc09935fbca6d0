from __future__ import annotations

import pytest

from classify.laws import find_laws
from core.model import Tags


@pytest.mark.parametrize(
    ("text", "law"),
    [
        ("sesuai Undang-undang Nomor 25 Tahun 2009 tentang", "UU 25/2009"),
        ("UU No. 25 Tahun 2009", "UU 25/2009"),
        ("amanah UU 25/2009 ttg", "UU 25/2009"),
        ("berdasarkan UU Nomor 25/2009.", "UU 25/2009"),
        ("UU No.25/2009 diantaranya", "UU 25/2009"),
        ("undang-undang pelayanan publik nomor 25 tahun 2009", "UU 25/2009"),
        ("Undang - Undang No. 25 Tahun 2009", "UU 25/2009"),
        ("Undang-Undang (UU) Nomor 25 Tahun 2009", "UU 25/2009"),
        ("dan Perpres 76/2013 seluruh", "Perpres 76/2013"),
        ("Peraturan Presiden Nomor 76 Tahun 2013", "Perpres 76/2013"),
        ("PP No 96 Tahun 2012", "PP 96/2012"),
        ("Peraturan Pemerintah Nomor 96 Tahun 2012", "PP 96/2012"),
        ("Permendagri Nomor 20 Tahun 2015", "Permendagri 20/2015"),
        ("Peraturan Menteri Dalam Negeri (Permendagri) No. 20 Tahun 2018", "Permendagri 20/2018"),
        ("Peraturan Menteri PANRB Nomor 17 Tahun 2017", "PermenPANRB 17/2017"),
        ("Perda No 8 tahun 2015", "Perda 8/2015"),
        ("Peraturan Bupati tentang Mal Pelayanan Publik Nomor 11 Tahun 2018", "Perbup 11/2018"),
        ("Perwal Nomor 3 Tahun 2020", "Perwal 3/2020"),
        ("Inpres Nomor 1 Tahun 2022", "Inpres 1/2022"),
        ("Keputusan Presiden Nomor 12 Tahun 2020", "Keppres 12/2020"),
    ],
)
def test_find_laws_normalises_kind_number_year(text: str, law: str) -> None:
    assert [found.law for found in find_laws(text)] == [law]


@pytest.mark.parametrize(
    "text", ["UUD 1945", "UU ITE", "peraturan perundang-undangan", "pp 5 tahun"]
)
def test_find_laws_ignores_references_without_number_and_year(text: str) -> None:
    assert find_laws(text) == []


def test_find_laws_evidence_quotes_the_citation() -> None:
    text = "Sesuai UU 25/2009 dan UU 25/2009 lagi."
    [law] = find_laws(text)
    assert law.evidence is not None and text[law.evidence.start : law.evidence.end] == "UU 25/2009"


def test_tag_laws_on_seeds(seed_tags: dict[str, Tags]) -> None:
    assert [law.law for law in seed_tags["004"].laws] == ["UU 25/2009", "Perpres 76/2013"]
    assert {law.law for law in seed_tags["000"].laws} == {"UU 25/2009", "UU 37/2008"}
    assert [law.law for law in seed_tags["001"].laws] == ["UU 25/2009"]
