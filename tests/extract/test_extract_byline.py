"""Bylines, sign-offs, datelines and organisation names."""

from __future__ import annotations

import pytest

from extract.byline import (
    clean_name,
    is_organisation,
    parse_byline_line,
    split_dateline,
    split_signoff,
)


@pytest.mark.parametrize(
    ("line", "authors", "editors"),
    [
        ("Wartawan : Prayudi", ["Prayudi"], []),
        ("Editor : Redaksi", [], []),
        ("Penulis: Budi Santoso | Editor: Ani Wijaya", ["Budi Santoso"], ["Ani Wijaya"]),
        ("Pewarta: Nur Imansyah", ["Nur Imansyah"], []),
        ("Reporter: Kompas Cyber Media", [], []),
        ("Editor: PT VIVA MEDIA BARU", [], []),
        ("Oleh: Ahmad Fauzi, S.H.", ["Ahmad Fauzi"], []),
        ("Penulis : Kontributor Lhokseumawe, Masriadi", ["Masriadi"], []),
        ("Sumber: Humas Pemkab Way Kanan", [], []),
    ],
)
def test_byline_lines(line: str, authors: list[str], editors: list[str]) -> None:
    byline = parse_byline_line(line)
    assert byline is not None
    assert (byline.authors, byline.editors) == (authors, editors)


@pytest.mark.parametrize(
    "line",
    [
        "Bupati mengatakan editor buku itu hadir.",
        "Menurut penulis: ini bukan byline karena labelnya tidak di awal",
    ],
)
def test_prose_is_not_a_byline(line: str) -> None:
    assert parse_byline_line(line) is None


@pytest.mark.parametrize(
    ("text", "body", "authors", "editors"),
    [
        ("pungkasnya.(Kang Dedi)", "pungkasnya.", ["Kang Dedi"], []),
        ("demikian Bupati. (oce)", "demikian Bupati.", ["oce"], []),
        ("berkualitas. (**).", "berkualitas.", [], []),
        ("Ombudsman. (Red)", "Ombudsman.", [], []),
        ("(fyk/ash)", "", ["fyk"], ["ash"]),
        ("pada Rabu (15/7/2020).", "pada Rabu (15/7/2020).", [], []),
        ("Ombudsman Republik Indonesia (RI).", "Ombudsman Republik Indonesia (RI).", [], []),
    ],
)
def test_signoffs(text: str, body: str, authors: list[str], editors: list[str]) -> None:
    rest, found = split_signoff(text)
    assert (rest, found.authors, found.editors) == (body, authors, editors)


@pytest.mark.parametrize(
    ("line", "dateline", "rest"),
    [
        ("WAY KANAN, (LAMPUNGINSTA)- Guna meningkatkan", "WAY KANAN, (LAMPUNGINSTA)", "Guna"),
        ("TUBEI RU - Untuk mewujudkan", "TUBEI RU", "Untuk"),
        (
            "Bandar lampung, lensamedia.net \u2013 Pemerintah",
            "Bandar lampung, lensamedia.net",
            "Pemerintah",
        ),
        ("MEDIAPUBLIKA.com \u2013 Dalam rangka", "MEDIAPUBLIKA.com", "Dalam"),
        ("JAKARTA, KOMPAS.com - Menteri", "JAKARTA, KOMPAS.com", "Menteri"),
        ("Liputan6.com, Jakarta - Pada hari", "Liputan6.com, Jakarta", "Pada"),
        ("Mataram, NTB (ANTARA News) - Sebanyak", "Mataram, NTB (ANTARA News)", "Sebanyak"),
        (
            "ISTANBUL, 23 Februari 2016 (Antara/PRNewswire) -",
            "ISTANBUL, 23 Februari 2016 (Antara/PRNewswire)",
            "",
        ),
    ],
)
def test_datelines(line: str, dateline: str, rest: str) -> None:
    found, body = split_dateline(line)
    assert found == dateline
    assert body.split(" ")[0] == rest


@pytest.mark.parametrize(
    "line",
    [
        "DEPRESI jadi satu momok - yang wajib diwaspadai",
        "Menurut dia - ini bukan dateline",
        "Peluk-pelukan di karpet merah",
        "Pemerintah kabupaten senantiasa berupaya meningkatkan pelayanan publik.",
    ],
)
def test_prose_has_no_dateline(line: str) -> None:
    assert split_dateline(line) == (None, line)


@pytest.mark.parametrize(
    "name",
    ["PT VIVA MEDIA BARU", "Kompas Cyber Media", "Redaksi", "Humas Pemkab Lebong", "Tim Redaksi"],
)
def test_organisations_are_not_authors(name: str) -> None:
    assert is_organisation(name)
    assert clean_name(name) is None


def test_person_names_survive() -> None:
    assert clean_name("Pewarta Ade Marboen") == "Ade Marboen"
    assert clean_name(" Raden Adipati Surya. ") == "Raden Adipati Surya"
