from __future__ import annotations

import pytest

from core.model import Tags

from .conftest import tag_text


def people(tags: Tags) -> dict[str, tuple[str, str | None]]:
    return {o.name: (o.role, o.region_code) for o in tags.officials}


def test_tag_officials_on_seeds(seed_tags: dict[str, Tags]) -> None:
    assert people(seed_tags["000"]) == {"Raden Adipati Surya": ("Bupati", "18.08")}
    assert people(seed_tags["001"]) == {
        "Kopli Ansori": ("Bupati", "17.07"),
        "Fahrulrozi": ("Wakil Bupati", "17.07"),
    }
    assert people(seed_tags["002"]) == {"Yana D. Putra": ("Wakil Bupati", "32.07")}
    assert people(seed_tags["003"]) == {
        "Sutono": ("Sekretaris Daerah", "18"),
        "Bayana": ("Kepala Biro", "18"),
    }
    assert people(seed_tags["004"]) == {"Dadan S. Suharmawijaya": ("Anggota Ombudsman RI", None)}


def test_tag_officials_counts_short_later_mentions(seed_tags: dict[str, Tags]) -> None:
    [bupati] = seed_tags["000"].officials
    assert bupati.mentions >= 2  # "ujar Adipati"


@pytest.mark.parametrize(
    ("text", "name", "role", "code"),
    [
        ("Acara dibuka Bupati Lebong Kopli Ansori di aula.", "Kopli Ansori", "Bupati", "17.07"),
        ("Acara dibuka Kopli Ansori, Bupati Lebong, di aula.", "Kopli Ansori", "Bupati", "17.07"),
        (
            "Hadir Wali Kota Bogor Dr. H. Bima Arya, S.IP., MA di balai.",
            "Bima Arya",
            "Wali Kota",
            "32.71",
        ),
        (
            "Menurut Wawali Medan Aulia Rachman hal itu penting.",
            "Aulia Rachman",
            "Wakil Wali Kota",
            "12.71",
        ),
        ("Sambutan Gubernur Bali Wayan Koster dibacakan.", "Wayan Koster", "Gubernur", "51"),
        (
            "Hal itu dikatakan Plt. Sekda Kabupaten Garut Drs. Nurdin Yana kemarin.",
            "Nurdin Yana",
            "Sekretaris Daerah",
            "32.05",
        ),
        (
            "Kepala Dinas Kependudukan dan Pencatatan Sipil Kota Jayapura, Justin Sitorus berkata.",
            "Justin Sitorus",
            "Kepala Dinas",
            "91.71",
        ),
        (
            "Kepala Perwakilan Ombudsman RI Provinsi Kalimantan Barat Agus Priyadi menyerahkan.",
            "Agus Priyadi",
            "Kepala Perwakilan Ombudsman",
            "61",
        ),
        (
            "kata Ketua Ombudsman RI Mokhammad Najih di Jakarta.",
            "Mokhammad Najih",
            "Ketua Ombudsman RI",
            None,
        ),
        (
            "Menteri PANRB Abdullah Azwar Anas meresmikan MPP.",
            "Abdullah Azwar Anas",
            "Menteri",
            None,
        ),
        ("Camat Palibelo, Drs. Darwis, menyambut warga.", "Darwis", "Camat", "52.06"),
        (
            "Kepala Dinas Pariwisata dan Ekonomi Kreatif (Kadisperekraf) Malut Tahmid Wahab "
            "mengatakan festival digelar bergilir.",
            "Tahmid Wahab",
            "Kepala Dinas",
            "82",
        ),
        (
            "Inspektur Kabupaten Jombang Drs. Ahmad Fauzi mengatakan pakta integritas diteken.",
            "Ahmad Fauzi",
            "Inspektur",
            "35.17",
        ),
        (
            "ujar Deputi Bidang Pelayanan Publik Kementerian PANRB Otok Kuswandaru, di Jakarta.",
            "Otok Kuswandaru",
            "Deputi Bidang Pelayanan Publik Kementerian PANRB",
            None,
        ),
        # An acting head's office is the office without its prefix.
        (
            "ujar Plh. Deputi Bidang Pelayanan Publik Kementerian PANRB Otok Kuswandaru, tadi.",
            "Otok Kuswandaru",
            "Deputi Bidang Pelayanan Publik Kementerian PANRB",
            None,
        ),
        # Police chiefs; the rank is a title.
        (
            "Kapolres Tapsel AKBP Roman Smaradhana Elhaj mengatakan vaksinasi lancar.",
            "Roman Smaradhana Elhaj",
            "Kapolres",
            "12.03",
        ),
        (
            "Kapolres Asahan, Ajun Komisaris Besar Sabil Umar mengatakan.",
            "Sabil Umar",
            "Kapolres",
            "12.09",
        ),
        # Initials may open a name after a rank; the province short name ends at the rank.
        (
            "Kapolda Sumut Irjen Pol AB Dharma Wijaya Siregar membuka rapat di Medan.",
            "AB Dharma Wijaya Siregar",
            "Kapolda",
            "12",
        ),
        # The page wrapped the regency's name.
        (
            "Hadir Bupati Lampung\nSelatan Nanang Ermanto dalam acara itu.",
            "Nanang Ermanto",
            "Bupati",
            "18.01",
        ),
        # Heads written short are spelt out; the unit stays as written.
        (
            "menurut Kabag Organisasi Setda Kabupaten Banyumas, Sri Lestari, timnya siap.",
            "Sri Lestari",
            "Kepala Bagian Organisasi Setda",
            "33.02",
        ),
        (
            "ujar Kepala Pelaksana BPBD Garut Satria Budi kepada wartawan.",
            "Satria Budi",
            "Kepala Pelaksana BPBD",
            "32.05",
        ),
        # A unit no list holds, closed by a comma before the person.
        (
            "Kepala Bidang Pengelolaan Data dan Administrasi Kependudukan, Hermansyah, S.IP"
            " menjelaskan.",
            "Hermansyah",
            "Kepala Bidang Pengelolaan Data dan Administrasi Kependudukan",
            None,
        ),
        (
            "Acara dibuka Asisten Pemerintahan dan Kesra Setda Kota Pasuruan, Budi Prasetyo, pagi.",
            "Budi Prasetyo",
            "Asisten Pemerintahan dan Kesra Setda",
            "35.75",
        ),
        # A hospital's name is no person's.
        (
            "di ruang Direktur Utama (Dirut) RSUD Harapan Bunda, dr. Maya Anggraini, kosong.",
            "Maya Anggraini",
            "Direktur Utama RSUD",
            None,
        ),
        (
            "Menurut Dirjen Dukcapil Kemendagri, Teguh Setyabudi inovasi itu perlu.",
            "Teguh Setyabudi",
            "Direktur Jenderal Dukcapil Kemendagri",
            None,
        ),
        # BPK is the audit board here, not the courtesy title Bpk.
        (
            "Kepala Perwakilan BPK Provinsi Jateng, Ayub Amali mengatakan.",
            "Ayub Amali",
            "Kepala Perwakilan BPK",
            "33",
        ),
        (
            "Kata Kepala Keasistenan Pencegahan Maladministrasi Ombudsman Sumbar, Yunesa Rahman.",
            "Yunesa Rahman",
            "Kepala Keasistenan Pencegahan Maladministrasi Ombudsman",
            "13",
        ),
        # An initial glued to the rest of the name, a title glued to the initial.
        (
            "Menurut Bupati Tapsel Dolly P.Pasaribu vaksinasi lancar.",
            "Dolly P. Pasaribu",
            "Bupati",
            "12.03",
        ),
        # One office joined to the next by "dan" gives the person to the second.
        (
            "mewakili Kapolres Tapteng dan Asisten Perekonomian Setda Kabupaten Tapteng, drh."
            " Iskandar, hadir.",
            "Iskandar",
            "Asisten Perekonomian Setda",
            "12.01",
        ),
        # A badan named by its acronym.
        (
            "Plh Kepala Bappeda Kota Malang, Ahmad Ali, membuka acara.",
            "Ahmad Ali",
            "Kepala Bappeda",
            "35.73",
        ),
        (
            "kata Kepala Pusat Data Informasi dan Humas BNPB Sutopo Purwo Nugroho di Jakarta.",
            "Sutopo Purwo Nugroho",
            "Kepala Pusat Data Informasi dan Humas BNPB",
            None,
        ),
        (
            "Kepala Dinas Pendidikan Kalimantan Barat Rita Hastarita membuka acara.",
            "Rita Hastarita",
            "Kepala Dinas",
            "61",
        ),
        # Office acronyms written for the words or glued to the role.
        (
            "Kata Kepala Disdukcapil Kabupaten Garut Asep Mulyana.",
            "Asep Mulyana",
            "Kepala Dinas",
            "32.05",
        ),
        (
            "Dibuka Kadisnakertrans, Ir. H. Lalu Wirya, M.Si di aula.",
            "Lalu Wirya",
            "Kepala Dinas",
            None,
        ),
        (
            "Kepala DPMPTSP Kota Kediri Siti Aminah menjelaskan.",
            "Siti Aminah",
            "Kepala DPMPTSP",
            "35.71",
        ),
        (
            "Kepala Inspektorat Lebong, Hendra Saputra, hadir.",
            "Hendra Saputra",
            "Inspektur",
            "17.07",
        ),
        # Ombudsman offices as printed: no "Perwakilan", typos, lower case in running text.
        (
            "Kepala Ombudsman Sumbar, Yefri Heriani, menilai.",
            "Yefri Heriani",
            "Kepala Perwakilan Ombudsman",
            "13",
        ),
        (
            "Kepala Perwakilan Ombusdman NTB Dwi Sudarsono hadir.",
            "Dwi Sudarsono",
            "Kepala Perwakilan Ombudsman",
            "52",
        ),
        (
            "kata anggota Ombudsman RI Robert Na Endi Jaweng.",
            "Robert Na Endi Jaweng",
            "Anggota Ombudsman RI",
            None,
        ),
        # The centre: deputies' assistants with long unit names, vice-president, ministers.
        (
            "Asisten Deputi Penguatan Budaya Inklusif Kemenpan RB Ratna Sari membuka bimtek.",
            "Ratna Sari",
            "Asisten Deputi Penguatan Budaya Inklusif Kemenpan RB",
            None,
        ),
        ("diserahkan Wapres Ma'ruf Amin di Jakarta.", "Ma'ruf Amin", "Wakil Presiden", None),
        ("Wamen PANRB Diah Anggraini menutup acara.", "Diah Anggraini", "Wakil Menteri", None),
        ("ujar Menpan-RB Rini Widyantini.", "Rini Widyantini", "Menteri", None),
        (
            "Menteri Koordinator Bidang Politik, Hukum, dan Keamanan, Budi Gunawan, hadir.",
            "Budi Gunawan",
            "Menteri",
            None,
        ),
        ("diberikan Presiden Republik Indonesia, Joko Widodo.", "Joko Widodo", "Presiden", None),
        # The office goes on past its province; the person comes after.
        (
            "Wali Kota Malang, Jawa Timur, Wahyu Hidayat meninjau.",
            "Wahyu Hidayat",
            "Wali Kota",
            "35.73",
        ),
        # Names: a glued title, short written forms, closing initials.
        ("Bupati Jember KH.Ahmad Fauzi membuka.", "Ahmad Fauzi", "Bupati", "35.09"),
        (
            "ujar Ketua Ombudsman RI, Mokh. Najih, di Jakarta.",
            "Mokh Najih",
            "Ketua Ombudsman RI",
            None,
        ),
        (
            "Gubernur Lampung Arinal Djunaidi ZP, yang hadir.",
            "Arinal Djunaidi ZP",
            "Gubernur",
            "18",
        ),
        # The camat's kecamatan is no part of the name; it tells the kabupaten or kota.
        (
            "Acara dibuka Camat Kecamatan Kebayoran Baru Aroman Nimbang di aula.",
            "Aroman Nimbang",
            "Camat",
            "31.74",
        ),
        ("Camat Teluk Betung Utara Rizki Ananda hadir.", "Rizki Ananda", "Camat", "18.71"),
        # Gadingrejo is a kecamatan of Pringsewu and of Kota Pasuruan: the article says which.
        (
            "Di Pringsewu, Camat Gadingrejo Suryadi membuka rakor.",
            "Suryadi",
            "Camat",
            "18.10",
        ),
        (
            "Di Lampung, Camat Gadingrejo Suryadi membuka rakor.",
            "Suryadi",
            "Camat",
            "18.10",
        ),
        # Bambang is a kecamatan of Mamasa and a first name: the article's place decides.
        (
            "Camat Bambang Sutrisno meninjau layanan KTP di Kabupaten Sleman.",
            "Bambang Sutrisno",
            "Camat",
            "34.04",
        ),
        (
            "Di Mamasa, Camat Bambang Sutrisno meninjau layanan KTP.",
            "Sutrisno",
            "Camat",
            "76.03",
        ),
        # The Sekretaris of a kota or kabupaten is its Sekda.
        (
            "Sekretaris Kota Kotamobagu Ir. Sande Dodo membuka rapat.",
            "Sande Dodo",
            "Sekretaris Daerah",
            "71.74",
        ),
        # Words that qualify the office stand between it and the person.
        (
            "Kepala Perwakilan ORI Sultra terpilih, Mastri Susilo, dilantik.",
            "Mastri Susilo",
            "Kepala Perwakilan Ombudsman",
            "74",
        ),
        ("Bupati Lebong periode 2021-2026 Kopli Ansori hadir.", "Kopli Ansori", "Bupati", "17.07"),
        # "MD" is part of his name, not a title.
        ("Menko Polhukam Mahfud MD mengatakan.", "Mahfud MD", "Menteri", None),
        # Spokespeople, named by their unit as written; the police rank is a title.
        (
            "Kasi Humas Polres Bangka Tengah, Iptu Erwin Syahri, menegaskan.",
            "Erwin Syahri",
            "Kasi Humas Polres",
            "19.04",
        ),
        # The acronym in parentheses is the region's, not the office's.
        (
            "Kabid Humas Polda Nusa Tenggara Barat (NTB) Kombes Pol Artanto mengatakan.",
            "Artanto",
            "Kabid Humas Polda",
            "52",
        ),
        (
            "Hadir pula Kepala Bagian Kesejahteraan Rakyat, Setda Kabupaten Lamandau Agus Salim.",
            "Agus Salim",
            "Kepala Bagian Kesejahteraan Rakyat Setda",
            "62.09",
        ),
        # A physician's title in lower case.
        (
            "Kepala Dinas Kesehatan Bangka Tengah, dr Indra Kusuma menjelaskan hal itu.",
            "Indra Kusuma",
            "Kepala Dinas",
            "19.04",
        ),
        # Heads of small units and advisers; a unit's name runs on up to the comma.
        (
            "Kepala Seksi Rehabilitasi Sosial Korban Bencana Alam, Dedi Kurniawan menuturkan.",
            "Dedi Kurniawan",
            "Kepala Seksi Rehabilitasi Sosial Korban Bencana Alam",
            None,
        ),
        (
            "Kasi Pemerintahan Kecamatan Cibinong Ahmad Yani menjelaskan.",
            "Ahmad Yani",
            "Kepala Seksi Pemerintahan Kecamatan Cibinong",
            None,
        ),
        (
            "Hadir Staf Ahli Bupati Bidang Pembangunan Garut Ely Syahwati.",
            "Ely Syahwati",
            "Staf Ahli Bupati Bidang Pembangunan",
            "32.05",
        ),
        # An army district's two regions; a noble title.
        (
            "Hadir pula Dandim 0820 Kabupaten Malang / Batu, Kolonel Inf Bagus Santoso, Sip, tadi.",
            "Bagus Santoso",
            "Dandim",
            "35.07",
        ),
        (
            "Kata Wakil Ketua Komisi II DPRD Kabupaten Serang, TB. Moh. Rizal, program itu baik.",
            "Moh Rizal",
            "Wakil Ketua Komisi II DPRD",
            "36.04",
        ),
        # Initials inside a name; a head's office glued to its acronym.
        (
            "Ketua Komisi III DPRD Hasan DJ Lamato menyebut rapat ditunda.",
            "Hasan DJ Lamato",
            "Ketua Komisi III DPRD",
            None,
        ),
        ("Hadir Kadikbudpar Kepsul Arif Umasungi, tadi.", "Arif Umasungi", "Kepala Dinas", "82.05"),
        # Offices of national news: a prosecutor, a minister's secretary, a spokesperson.
        (
            "Kajari Garut Teuku Rahmatsyah mengatakan.",
            "Teuku Rahmatsyah",
            "Kepala Kejaksaan Negeri",
            "32.05",
        ),
        (
            "OTT terhadap Sekretaris Menteri Pemuda dan Olah Raga, Wafid Muharram, kemarin.",
            "Wafid Muharram",
            "Sekretaris Menteri Pemuda dan Olah Raga",
            None,
        ),
        (
            "kata Juru Bicara Wapres Husain Abdullah kepada wartawan.",
            "Husain Abdullah",
            "Juru Bicara Wapres",
            None,
        ),
        # An officer's rank opens the name after a place the lists do not hold (misspelt).
        (
            "kata Kapolsek Kabayoran Lama, Kompol Widya Agustiono saat dihubungi.",
            "Widya Agustiono",
            "Kapolres",
            None,
        ),
        # Degrees between the name and the office that follows it.
        (
            "Acara dibuka oleh Budi Santoso, S.H., M.Si., Kepala Dinas Sosial Garut.",
            "Budi Santoso",
            "Kepala Dinas",
            "32.05",
        ),
        # Commas and a type word with no region after leave the written office.
        (
            "ujar Kabid P2P Dinas Kesehatan Kabupaten, Wawan Hermawan, Selasa.",
            "Wawan Hermawan",
            "Kepala Bidang P2P Dinas Kesehatan",
            None,
        ),
        # Council members and officers, regional and national.
        (
            "Ketua Komisi A DPRD Kota Palangka Raya, Riduanto, SE mengatakan.",
            "Riduanto",
            "Ketua Komisi A DPRD",
            "62.71",
        ),
        ("kata anggota DPRD Wonogiri, Budi Santoso.", "Budi Santoso", "Anggota DPRD", "33.12"),
        (
            "Ketua Komisi II DPR RI Rudi Hartono menilai hal itu.",
            "Rudi Hartono",
            "Ketua Komisi II DPR RI",
            None,
        ),
        # A police unit's head and an army district commander; corps and ranks are titles.
        (
            "Kasat Reskrim Polres Garut AKP Maradona Armin Mappaseng mengatakan.",
            "Maradona Armin Mappaseng",
            "Kasat Reskrim Polres",
            "32.05",
        ),
        (
            "Dandim 0807 Tulungagung Letkol Inf Wildan Bahtiar hadir.",
            "Wildan Bahtiar",
            "Dandim",
            "35.04",
        ),
        (
            "Kasat Resnarkoba Ipda Dien Fahrur Romadhoni, saat rilis.",
            "Dien Fahrur Romadhoni",
            "Kasat Resnarkoba",
            None,
        ),
        (
            "didampingi Wakil Ketua I DPRD Kaur Herdian Sapta Nugraha, S.H., hadir.",
            "Herdian Sapta Nugraha",
            "Wakil Ketua I DPRD",
            "17.04",
        ),
        # Election commissions; a weak region name after KPU is the region.
        ("kata Ketua KPU Badung AA Gede Raka Nakula.", "Gede Raka Nakula", "Ketua KPU", "51.03"),
        # Ombudsman assistants named by their unit.
        (
            "Asisten Pencegahan Maladministrasi Ombudsman RI Perwakilan Kaltim, Rina Marlina.",
            "Rina Marlina",
            "Asisten Ombudsman",
            "64",
        ),
        # A retired officer's rank; capitals closing a name at a line's end.
        (
            "diserahkan Wakil Menteri PANRB, Komjen Pol. (Purn) Purwadi Arianto saat audiensi.",
            "Purwadi Arianto",
            "Wakil Menteri",
            None,
        ),
        ("bersama Menkopolhukam Prof. Mahfud MD.\nBupati hadir.", "Mahfud MD", "Menteri", None),
    ],
)
def test_tag_officials_reads_office_and_name(
    text: str, name: str, role: str, code: str | None
) -> None:
    assert people(tag_text(text)).get(name) == (role, code)


@pytest.mark.parametrize(
    "text",
    [
        "Wartawan : Prayudi\nEditor : Redaksi",
        "kata Bupati dalam sambutannya di depan warga.",
        "Bupati Way Kanan mengharapkan kehadiran Ketua Ombudsman RI dapat membantu.",
        "sesuai Peraturan Presiden Nomor 76 Tahun 2013 tentang pengaduan.",
        "Sesuai arahan presiden terkait reformasi birokrasi.",
        "Penangkapan dipimpin Inspektur Polisi Satu Budi Santoso, Kapolsek setempat.",
        # Units and pronouns where a name would be; a sports cup after an office.
        "Hadir Kepala Keasistenan Pencegahan Maladministrasi dan staf.",
        "Kepala Dinas dan Kepala Badan hadir. Keduanya berkomitmen.",
        "Kepala Seksi Pengelolaan Informasi Publik hadir.",
        "Piala Bupati Cup III digelar di stadion.",
        "Redaktur & Reporter : Tim Redaksi",
        "Hadir Kepala Dinas PMD, Camat Ambarawa, Camat Gadingrejo, dan kepala pekon.",
        # Candidates after an election commission; a related headline above a paragraph; a long
        # title-case headline.
        "acara dihadiri Komisioner KPU Kabupaten Blitar, Bawaslu Kabupaten Blitar, Pasangan"
        " Calon Joko Susilo.",
        "BACA JUGA: 8 Tim Lolos, Perebutkan Hadiah Rp80 Juta\n\nLanjutnya, Bupati mengatakan itu.",
        "Tinjau Layanan UPTD Puskesmas Sukamaju, Bupati Lamsel Heran Banyak Pegawai Sudah Pulang"
        " Sebelum Jam Kerja Usai Hari Itu\nIa datang pagi.",
        # A company's president director; former holders and candidates; foreign offices.
        "kata Presiden Direktur PT Isuzu Astra Motor Indonesia Ernando Demily.",
        "Hal ini diungkapkan Muhammad Buldansyah, Wakil Presiden Direktur PT Hutchison.",
        "kata mantan Menteri Pemuda dan Olah Raga Andi Alifian Mallarangeng.",
        "calon Bupati Garut Budi Santoso berkampanye di pasar.",
        "Presiden Turki, Recep Tayyip Erdogan memberikan dukungan.",
        # A wrapped video title: an acronym is no part of a name.
        'Simak Video "Turis Asing\nSoroti Pasal Zina KUHP Baru,\nMenkumham Beri\nPenjelasan"',
        # The headline of another story.
        "Baca Juga: Tim Ombudsman Datang, Kapolda Made Suarta Paparkan Layanan Pengaduan Presisi"
        " dan Ruang Kendali di Mapolda\nIa menjelaskan survei berjalan.",
    ],
)
def test_tag_officials_skips_journalists_and_unnamed_offices(text: str) -> None:
    assert tag_text(text).officials == []


@pytest.mark.parametrize(
    ("text", "acting"),
    [
        ("Rakor dibuka Penjabat (Pj) Bupati Bogor Asmawa Tosepu di aula.", "Pj"),
        ("Rakor dibuka Pj. Bupati Bogor Asmawa Tosepu di aula.", "Pj"),
        ("Rakor dibuka PLT Bupati Bogor Asmawa Tosepu di aula.", "Plt"),
        ("Rakor dibuka Pelaksana Tugas Bupati Bogor Asmawa Tosepu di aula.", "Plt"),
        ("Rakor dibuka Plh Bupati Bogor Asmawa Tosepu di aula.", "Plh"),
        ("Rakor dibuka Pjs. Bupati Bogor Asmawa Tosepu di aula.", "Pjs"),
        # Named acting once, then plainly: still the acting head.
        ("Bupati Bogor Asmawa Tosepu hadir. Pj Bupati Bogor Asmawa Tosepu berkata.", "Pj"),
        ("Rakor dibuka Bupati Bogor Asmawa Tosepu di aula.", None),
    ],
)
def test_tag_officials_marks_acting_offices(text: str, acting: str | None) -> None:
    [official] = tag_text(text).officials
    assert (official.name, official.role, official.acting) == ("Asmawa Tosepu", "Bupati", acting)


def test_tag_officials_reads_the_cut_last_line_of_an_excerpt_as_prose() -> None:
    tags = tag_text(
        "Penilaian dilakukan serentak.\nSementara Plt. Kepala Perwakilan Ombudsman Sumatera "
        "Selatan, Astra Gunawan menyatakan, Penilaian K"
    )
    assert people(tags) == {"Astra Gunawan": ("Kepala Perwakilan Ombudsman", "16")}


def test_tag_officials_reads_sentences_the_page_wrapped_at_commas() -> None:
    tags = tag_text(
        "Tampak hadir para kepala daerah, Gubernur Lampung H. Ahmad Fauzi,\n"
        "Bupati Lampung Barat H. Joko Santoso, Bupati Way Kanan H. Rudi Hartono,\n"
        "Bupati Ashan H. Darmawan, serta Wali Kota Metro H. Agus Salim."
    )
    # "Ashan", a misspelt place before the titles, is not the Bupati's name.
    assert set(people(tags)) == {
        "Ahmad Fauzi",
        "Joko Santoso",
        "Rudi Hartono",
        "Darmawan",
        "Agus Salim",
    }


def test_tag_officials_reads_offices_in_brackets_after_names() -> None:
    tags = tag_text(
        "Dari Ombudsman datang Fajar Nugraha, SH, MH (Asisten Madya Ombudsman RI Perwakilan Jawa"
        " Tengah) dan Lina Marlina, SS (Asisten Pratama Ombudsman RI Perwakilan Jawa Tengah)."
        " Ruang kerja Direktur Utama (Dirut) RSUD Harapan Bunda, dr. Maya Anggraini, kosong."
    )
    assert people(tags) == {
        "Fajar Nugraha": ("Asisten Ombudsman", "33"),
        "Lina Marlina": ("Asisten Ombudsman", "33"),
        "Maya Anggraini": ("Direktur Utama RSUD", "33"),
    }


def test_tag_officials_reads_a_nickname_as_the_same_office_holder() -> None:
    tags = tag_text(
        "Bupati Purbalingga Dyah Hayuning Pratiwi membuka acara. Bupati Tiwi berharap lancar."
        " Wakil Bupati Sudono hadir."
    )
    assert people(tags) == {
        "Dyah Hayuning Pratiwi": ("Bupati", "33.03"),
        "Sudono": ("Wakil Bupati", "33.03"),
    }


def test_tag_officials_reads_people_listed_under_a_shared_office() -> None:
    tags = tag_text(
        "Hadir Asisten Ombudsman Fitry Agustine dan Dwiki Oktobrian. Anggota Komisi V DPRD "
        "Banten Agus Supriatna, Furtasan Ali Yusuf, dan Yeremia Mendrofa bertanya."
    )
    assert people(tags) == {
        # The article's province is the office's.
        "Fitry Agustine": ("Asisten Ombudsman", "36"),
        "Dwiki Oktobrian": ("Asisten Ombudsman", "36"),
        "Agus Supriatna": ("Anggota Komisi V DPRD", "36"),
        "Furtasan Ali Yusuf": ("Anggota Komisi V DPRD", "36"),
        "Yeremia Mendrofa": ("Anggota Komisi V DPRD", "36"),
    }
    # One holder only, or the next person holds another office.
    tags = tag_text(
        "Hadir Anggota Ombudsman RI Yosef Bera Lamba, dan Direktur Komisi Pemberantasan"
        " Korupsi (KPK) Rahmat Hidayat. Bupati Bogor Ade Yasin dan Iwan Setiawan hadir."
    )
    assert people(tags) == {
        "Yosef Bera Lamba": ("Anggota Ombudsman RI", None),
        "Ade Yasin": ("Bupati", "32.01"),
    }


def test_tag_officials_reads_no_region_into_a_name_before_the_next_office() -> None:
    tags = tag_text("Hadir Bupati Purworejo Yuli Hastuti SH, Penjabat (Pj) Sekda Purworejo.")
    assert people(tags) == {"Yuli Hastuti": ("Bupati", "33.06")}
