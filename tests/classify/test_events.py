from __future__ import annotations

from datetime import date

import pytest

from core.model import EVENT_TYPES, Tags

from .conftest import tag_text


@pytest.mark.parametrize(
    ("seed", "main_type", "when"),
    [
        ("001", "training", date(2021, 4, 12)),
        ("002", "meeting", date(2021, 6, 15)),
        ("003", "meeting", date(2016, 8, 26)),
        ("004", "training", date(2021, 6, 2)),
    ],
)
def test_tag_events_on_seeds_types_and_dates(
    seed_tags: dict[str, Tags], seed: str, main_type: str, when: date
) -> None:
    events = {e.type: e.date for e in seed_tags[seed].events}
    assert set(events) <= set(EVENT_TYPES)
    assert events[main_type] == when


@pytest.mark.parametrize(
    ("seed", "when"),
    [("001", None), ("002", date(2021, 6, 1))],  # 002: "pada bulan Juni - September 2021"
)
def test_tag_events_announced_assessment_is_an_event_dated_only_by_its_sentence(
    seed_tags: dict[str, Tags], seed: str, when: date | None
) -> None:
    events = {e.type: e.date for e in seed_tags[seed].events}
    assert "assessment" in events
    assert events["assessment"] == when


def test_tag_events_workshop_announcing_assessment_gives_both() -> None:
    text = (
        "Pemkab Lebong menggelar sosialisasi standar pelayanan publik bersama Ombudsman RI, "
        "Senin (12/4). Tahun ini Ombudsman akan melakukan penilaian kepatuhan terhadap "
        "seluruh organisasi perangkat daerah."
    )
    events = {e.type: e.date for e in tag_text(text, "2021-04-13").events}
    assert events.get("training") == date(2021, 4, 12)
    assert events.get("assessment", date.min) is None


def test_tag_events_date_is_the_one_beside_the_trigger() -> None:
    text = (
        "Kota Tegal meraih nilai 91,11 pada survei tahun lalu, Rabu (1/12/2021). Wali Kota "
        "menerima penghargaan predikat kepatuhan tinggi dari Ombudsman RI pada Rabu "
        "(29/12/2021) di Jakarta."
    )
    events = {e.type: e.date for e in tag_text(text).events}
    assert events.get("award") == date(2021, 12, 29)


def test_tag_events_relative_dates_follow_publication() -> None:
    text = "Pemkot Bandung menggelar sosialisasi maklumat pelayanan publik kemarin di Balai Kota."
    events = {e.type: e.date for e in tag_text(text, "2022-03-10").events}
    assert date(2022, 3, 9) in events.values()


def test_tag_events_commitment_signed_in_the_lead() -> None:
    text = (
        "Penandatanganan pakta integritas pelayanan publik oleh Pemkab Lebong bersama Ombudsman RI "
        "digelar Senin (12/4/2021) di aula kantor bupati."
    )
    assert "commitment" in {e.type for e in tag_text(text).events}


def test_tag_events_results_announced_are_no_assessment() -> None:
    text = (
        "Ombudsman RI menggelar penganugerahan predikat kepatuhan standar pelayanan publik, "
        "Rabu (29/12/2021). Hasil penilaian kepatuhan menempatkan Kota Tegal di zona hijau. "
        "Wali Kota Tegal menerima penghargaan tersebut dengan nilai 91,11."
    )
    types = [e.type for e in tag_text(text).events]
    assert types[0] == "award"
    assert "assessment" not in types


@pytest.mark.parametrize(
    "text",
    [
        "Sosialisasi vaksinasi COVID-19 digelar Dinas Kesehatan Kabupaten Lebong di aula desa, "
        "Senin (12/4/2021). Warga diminta datang ke puskesmas untuk vaksinasi dosis kedua dan "
        "pelatihan kader posyandu.",
        "Rapat paripurna DPRD Kabupaten Lebong membahas APBD 2022, Senin (12/4/2021). Rapat "
        "koordinasi anggaran digelar bersama TAPD untuk membahas defisit dan pinjaman daerah.",
    ],
)
def test_tag_events_none_in_an_article_off_topic(text: str) -> None:
    # Keywords in the lead ("Sosialisasi", "Rapat") would make these training and meeting
    # events; the relevance classifier finds the articles off-topic, so they report none.
    tags = tag_text(text)
    assert not tags.relevant
    assert tags.events == []


def test_tag_events_carry_region_and_evidence(seed_tags: dict[str, Tags]) -> None:
    for tags in seed_tags.values():
        for event in tags.events:
            assert event.region_code in {r.code for r in tags.regions}
            assert event.evidence is not None
