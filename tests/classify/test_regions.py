from __future__ import annotations

import pytest

from classify.region_names import district_index, fold, name_index
from core.gazetteer import by_code, districts, regions
from core.model import Tags

from .conftest import tag_text

TYPE_WORD = {"provinsi": "Provinsi", "kabupaten": "Kabupaten", "kota": "Kota"}


def codes(tags: Tags) -> set[str]:
    return {r.code for r in tags.regions}


@pytest.mark.parametrize(
    ("seed", "expected"),
    [
        ("000", {"18.08"}),
        ("001", {"17.07", "17"}),
        ("002", {"32.07"}),
        ("003", {"18"}),
        ("004", {"18", "18.71"}),
    ],
)
def test_tag_regions_on_seeds_match_gold(
    seed_tags: dict[str, Tags], seed: str, expected: set[str]
) -> None:
    assert codes(seed_tags[seed]) == expected


def test_tag_regions_counts_mentions_and_keeps_evidence(seed_tags: dict[str, Tags]) -> None:
    [way_kanan] = seed_tags["000"].regions
    assert (way_kanan.name, way_kanan.type, way_kanan.province) == (
        "Way Kanan",
        "kabupaten",
        "Lampung",
    )
    assert way_kanan.mentions >= 5
    assert way_kanan.evidence is not None and way_kanan.evidence.quote.lower().endswith("way kanan")


def test_every_gazetteer_region_is_found_with_its_type_word() -> None:
    index = name_index()
    for entry in regions():
        text = f"Kegiatan di Pemerintah {TYPE_WORD[entry.type]} {entry.name} berjalan baik."
        found = index.resolve(entry.name, entry.type)
        assert found == entry
        assert entry.code in codes(tag_text(text)), entry


def test_every_kecamatan_looks_up_its_kabupaten_or_kota() -> None:
    index = district_index()
    assert len(districts()) == 7285
    for district in districts():
        parent = by_code()[district.parent_code]
        assert parent.type in ("kabupaten", "kota")
        assert parent in index.lookup(fold(district.name)), district


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wali Kota Bogor meninjau pasar.", {"32.71"}),
        ("Bupati Bogor meninjau pasar.", {"32.01"}),
        ("Pemkab Malang menggelar rapat. Warga Malang hadir.", {"35.07"}),
        ("Pemkot Malang menggelar rapat. Warga Malang hadir.", {"35.73"}),
        ("Kabupaten Bandung dan Kota Bandung bekerja sama.", {"32.04", "32.73"}),
        ("Pemko Pekanbaru dan Walikota Dumai hadir.", {"14.71", "14.72"}),
        ("DPRD Kota Bekasi menggelar sidang.", {"32.75"}),
        ("Provinsi Jambi dan Kota Jambi.", {"15", "15.71"}),
        # An item of a list takes the list's type, though the name is a kota elsewhere.
        (
            "Kabupaten Garut 12 unit, Bogor 5, Sukabumi 9 dan Subang 1. Lalu Kota Bogor 2.",
            {"32.05", "32.01", "32.02", "32.13", "32.71"},
        ),
        (
            "Kota Bogor meraih zona hijau. Bogor, Depok dan Bekasi juga.",
            {"32.71", "32.76", "32.75"},
        ),
        # A neighbour's type carries over only within the sentence, with no region between.
        (
            "Bupati Wonogiri Setyo Sukarno hadir di Kantor BPK Provinsi Jawa Tengah, Semarang, "
            "Selasa. Bupati Kudus juga.",
            {"33.12", "33", "33.74", "33.19"},
        ),
    ],
)
def test_tag_regions_type_word_or_office_decides_kota_or_kabupaten(
    text: str, expected: set[str]
) -> None:
    assert codes(tag_text(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bone hadir di acara itu.", set()),
        ("Kabupaten Bone meraih penghargaan.", {"73.08"}),
        ("Bupati Pati membuka acara.", {"33.18"}),
        ("Pak Kudus dan Pak Demak datang.", set()),
        ("Karo Humas dan Protokol Bayana memberi keterangan.", set()),
        ("Gowa dan Maros masuk zona hijau bersama Kota Makassar.", {"73.06", "73.09", "73.71"}),
    ],
)
def test_tag_regions_ambiguous_names_need_cue_or_province(text: str, expected: set[str]) -> None:
    assert codes(tag_text(text)) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Kab. Way Kanan", "18.08"),
        ("KabuatenCiamis, jendelaindo - rapat", "32.07"),
        ("Kota Tanjungpinang", "21.72"),
        ("Kota Tanjung Pinang", "21.72"),
        ("Kabupaten Kota Baru", "63.02"),
        ("Kabupaten Kotabaru", "63.02"),
        ("Kota Pangkalpinang", "19.71"),
        ("Kota Bau-Bau", "74.72"),
        ("Pemerintah Kabupaten (Pemkab) Lebong", "17.07"),
        ("seluruh camat se-Provinsi Lampung", "18"),
        ("Gubernur Sumut membuka acara", "12"),
        ("Ombudsman Sulbar menggelar bimtek", "76"),
        ("Pemprov Kaltim dan Kota Samarinda", "64"),
        ("Kabupaten Yapen", "91.05"),
        ("Kabupaten Kepulauan Sitaro", "71.09"),
        ("Provinsi Papua barat", "92"),
        ("diumumkan di Jakarta, Senin", "31"),
        ("Kabupaten Asahan, Sumatra Utara", "12"),
        ("Kabupaten Ogan Komering Ulu (OKU) Timur", "16.08"),
        ("daerah lain seperti Pasir Kaltim", "64.01"),
        ("dikirim menuju Pare-pare, Sulawesi Selatan", "73.72"),
    ],
)
def test_tag_regions_reads_spelling_variants_and_short_names(text: str, code: str) -> None:
    assert code in codes(tag_text(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Names of several words and provinces' short forms run into the next name.
        ("Provinsi Kepulauan Riau dijabat Lagat, Jawa Tengah Acim Dartasim.", {"21", "33"}),
        ("Baca Juga: Andrie Elia Ajak Masyarakat Kalteng Kobarkan Semangat", {"62"}),
        # A one-word name so run on is part of another proper noun; a bank is no place.
        ("Warga berkumpul di Medan Merdeka dekat Bank Jatim Cabang Malang.", {"35.73"}),
    ],
)
def test_tag_regions_names_run_into_the_next_word(text: str, expected: set[str]) -> None:
    assert codes(tag_text(text)) == expected


def test_tag_regions_ignores_outlet_and_club_names() -> None:
    for text in (
        "Sumbawa Besar (Suara NTB) - Wakil Bupati hadir.",
        "COPYRIGHT © ANTARA News Kalimantan Timur 2019",
        "Zona Kaltara - Satuan Reserse Narkoba bergerak.",
        "JAILOLO,MALUT.CO - Warga hadir.",
        "dikutip dari Tribun Jabar dan Pos Kupang.",
        "Laga Persib Bandung melawan PSS Sleman dan Persik Kediri berakhir imbang.",
    ):
        assert codes(tag_text(text)) == set(), text


def test_tag_regions_ignores_streets_and_lowercase_words() -> None:
    assert codes(tag_text("Warga membeli pasir dan semen di toko.")) == set()
    assert codes(tag_text("Kantor di Jalan Bengkulu dekat pasar, kota ini ramai.")) == set()
    assert codes(tag_text("Bandar lampung, lensamedia.net - berita")) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A dateline makes a weak name sure, and keeps the article's type for a shared one.
        ("TRIBUNSULSEL.COM, WAJO - Warga antre di kantor camat.", {"73.13"}),
        ("BOGOR, KOMPAS.com - Pemkab Bogor membuka gerai layanan.", {"32.01"}),
        ("Rapat digelar di Wajo pekan lalu.", set()),
        # An acronym run on by a capitalised headline word is still the region.
        ("Kuota Jalur Zonasi PPDB DIY Tetap Sama", {"34"}),
        # The Ombudsman office's name for Jakarta; Kuningan the Jakarta quarter.
        ("Ombudsman Perwakilan Jakarta Raya menerima laporan.", {"31"}),
        ("Acara di Hotel Santika Kuningan, Jakarta Selatan.", {"31.74"}),
        ("Pemkab Kuningan meraih zona hijau.", {"32.08"}),
    ],
)
def test_tag_regions_datelines_acronyms_and_local_names(text: str, expected: set[str]) -> None:
    assert codes(tag_text(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Police units of Jakarta carry "Metro" in their names; Kota Metro is in Lampung.
        ("Polda Metro Pelajari Temuan Ombudsman soal layanan.", set()),
        ("Kasat Binmas Polres Metro Jakarta Barat AKBP Dri Astuti hadir.", {"31.73"}),
        ("Polres Metro menggelar rapat pelayanan publik di Lampung.", {"18.72", "18"}),
        # Villages named like a kabupaten are villages.
        ("Sosialisasi digelar di Pekon Tulungagung, Kabupaten Pringsewu.", {"18.10"}),
        ("Warga Desa Ngawi mengadu.", set()),
        # Places named after a bay, an estuary, a cape or a bridge are no regions; regions
        # whose names start so are.
        ("Kecamatan jauh seperti Teluk Meranti dan Ukui sulit dijangkau.", set()),
        ("Tim Kuala Kampar bertanding di lapangan.", set()),
        ("Bupati meresmikan jembatan Banyumas di Bondowoso.", {"35.11"}),
        ("Wali Kota Tanjung Pinang dan Bupati Teluk Bintuni hadir.", {"21.72", "92.06"}),
        # An office whose name ends in "Desa" still names its region after the acronym.
        (
            "Sekretaris Dinas Pemberdayaan Masyarakat dan Desa (DPMD) Bangkalan membuka acara.",
            {"35.26"},
        ),
    ],
)
def test_tag_regions_police_units_and_villages(text: str, expected: set[str]) -> None:
    assert codes(tag_text(text)) == expected
