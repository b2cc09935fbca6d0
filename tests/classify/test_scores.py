from __future__ import annotations

import pytest

from core.model import Tags

from .conftest import tag_text


def test_tag_scores_seed_001_lebong(seed_tags: dict[str, Tags]) -> None:
    [score] = seed_tags["001"].scores
    assert (score.value, score.subject_code, score.year, score.zone, score.rank, score.kind) == (
        93.78, "17.07", 2018, "hijau", 14, "kepatuhan",
    )  # fmt: skip
    assert score.evidence is not None and "93,78" in score.evidence.quote


def test_tag_scores_seed_002_ciamis(seed_tags: dict[str, Tags]) -> None:
    [score] = seed_tags["002"].scores
    assert (score.value, score.subject_code, score.year) == (99.96, "32.07", 2018)


@pytest.mark.parametrize("seed", ["000", "003", "004"])
def test_tag_scores_none_where_seed_reports_none(seed_tags: dict[str, Tags], seed: str) -> None:
    assert seed_tags[seed].scores == []


def test_tag_scores_reads_ranking_lists() -> None:
    text = (
        "Hasil penilaian kepatuhan tahun 2023: Peringkat 1, Pemkab Bengkalis dengan nilai 95,91. "
        "Kedua, Kota Bima (83,90). Kabupaten Melawi dengan 72,95 masuk zona kuning."
    )
    found = {s.value: (s.subject_code, s.rank, s.year) for s in tag_text(text).scores}
    assert found == {
        95.91: ("14.03", 1, 2023),
        83.9: ("52.72", 2, 2023),
        72.95: ("61.10", None, 2023),
    }


def test_tag_scores_kind_and_zone_from_words() -> None:
    [ikm] = tag_text("Nilai IKM Dinas Dukcapil Kabupaten Minahasa mencapai 92,46.").scores
    assert (ikm.kind, ikm.value) == ("ikm", 92.46)
    [zone] = tag_text("Kabupaten Ketapang predikat kepatuhan rendah dengan nilai 46,02.").scores
    assert zone.zone == "merah"


@pytest.mark.parametrize(
    "text",
    [
        "Sebanyak 85,5 persen warga puas dengan layanan.",
        "Realisasi anggaran mencapai 89,41% sementara nilai kepatuhan dibahas.",
        "Sebanyak 45% warga puas dengan skor 90%.",
        "Anggaran Rp 93,78 miliar disetujui DPRD.",
        "Rapat dimulai pukul 14.30 WIB di Kota Medan.",
        "Nilai kepatuhan dibahas, pegawai pulang pukul 15.30 di Kota Medan.",
        "Nilai pelayanan dibahas sejak 08.30 WITA di Kota Palu.",
        "Zona hijau (rentang nilai 81-100) diraih banyak daerah.",
    ],
)
def test_tag_scores_ignores_percentages_money_times_and_ranges(text: str) -> None:
    assert tag_text(text).scores == []


@pytest.mark.parametrize(
    ("value", "zone"),
    [
        ("93,78", "hijau"),
        ("81,00", "hijau"),
        ("80,99", "kuning"),
        ("51,20", "kuning"),
        ("46,02", "merah"),
    ],
)
def test_tag_scores_compliance_zone_derived_from_value_when_unwritten(
    value: str, zone: str
) -> None:
    [score] = tag_text(f"Nilai kepatuhan Kabupaten Lebong tahun 2021 sebesar {value}.").scores
    assert (score.kind, score.zone) == ("kepatuhan", zone)


def test_tag_scores_written_zone_wins_over_value() -> None:
    [score] = tag_text(
        "Kabupaten Lebong meraih nilai kepatuhan 82,10 dan masuk zona kuning."
    ).scores
    assert score.zone == "kuning"


def test_tag_scores_other_indices_get_no_derived_zone() -> None:
    [ikm] = tag_text("Nilai IKM Dinas Dukcapil Kabupaten Minahasa mencapai 92,46.").scores
    assert ikm.zone is None


def test_tag_scores_rank_out_of_total() -> None:
    [score] = tag_text(
        "Kabupaten Boalemo berada di urutan 25 dari 34 daerah dengan nilai kepatuhan 62,15."
    ).scores
    assert (score.value, score.rank) == (62.15, 25)


@pytest.mark.parametrize(
    "text",
    [
        "Biaya layanan Rp 93,5 juta per tahun, nilai kepatuhan belum diumumkan.",
        "Hubungi layanan pengaduan di 0812-7788-9900 untuk nilai kepatuhan.",
        "Nilai kepatuhan diatur dalam UU Nomor 25 Tahun 2009 tentang Pelayanan Publik.",
        "Nilai kepatuhan diumumkan Rabu (15/7/2020) di Jakarta.",
        # Inflation rates and a contest's tally, in texts that name no service index.
        "Inflasi tertinggi Provinsi Lampung sebesar 4,10 persen, disusul Maluku Utara (3,90).",
        "Kontingen Lamongan meraih 10 medali emas dengan skor 58 dan peringkat ke 9.",
    ],
)
def test_tag_scores_money_phone_law_and_dates_are_no_scores(text: str) -> None:
    assert tag_text(text).scores == []


def test_tag_scores_year_is_not_a_law_year() -> None:
    [score] = tag_text(
        "Menurut UU Nomor 25 Tahun 2009, Kabupaten Kaur meraih nilai kepatuhan 94,50."
    ).scores
    assert (score.value, score.year) == (94.5, None)
    [score] = tag_text(
        "Tahun 2021 Kabupaten Kaur meraih nilai kepatuhan 94,50 (UU 25/2009)."
    ).scores
    assert score.year == 2021
    [score] = tag_text(
        "Forum tahun 2023. Standar pelayanan dalam Keputusan Sekda Nomor: 188.4/726/ORG/2021. "
        "Nilai IKM Kota Denpasar mencapai 87,32."
    ).scores
    assert score.year == 2023


@pytest.mark.parametrize(
    ("text", "value", "kind"),
    [
        # A percentage a score word names.
        (
            "Kabupaten Tanah Bumbu meraih predikat kepatuhan tinggi dengan skor penilaian 89,41%.",
            89.41,
            "kepatuhan",
        ),
        ("Kota Medan meraih nilai IKM 85,5 persen tahun ini.", 85.5, "ikm"),
        # SKM, the survei kepuasan masyarakat, is the IKM by another name.
        ("SKM Setda Kota Denpasar mencapai 87,32 kategori baik.", 87.32, "ikm"),
        # The score word after the value.
        (
            "Kabupaten OKU Timur masuk 40 besar dengan persentase 87,63 melalui penilaian "
            "kepatuhan Ombudsman.",
            87.63,
            "kepatuhan",
        ),
    ],
)
def test_tag_scores_reads_named_percentages_and_skm(text: str, value: float, kind: str) -> None:
    [score] = tag_text(text).scores
    assert (score.value, score.kind) == (value, kind)


def test_tag_scores_reads_values_listed_by_year() -> None:
    tags = tag_text(
        "Kabupaten Banyumas tercatat di zona merah dengan skor 32,10. Angkanya lalu naik pada "
        "2016 (55,40), 2017 (64,25) serta 2018 (98, 75)."
    )
    assert [(s.value, s.year) for s in tags.scores] == [
        (32.10, None),
        (55.40, 2016),
        (64.25, 2017),
        (98.75, 2018),
    ]
