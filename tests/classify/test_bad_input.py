"""Bad input: whatever the text, ``tag`` returns valid Tags, raises nothing, and stays linear."""

from __future__ import annotations

import time
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from classify.dates import find_dates
from classify.numbers import parse_id_number
from classify.officials import find_officials
from classify.regions import find_region_mentions
from core.model import EVENT_TYPES, Tags

from .conftest import tag_text

ZONES = {None, "hijau", "kuning", "merah"}
# Pieces that make the taggers work hard: offices, region cues, numbers, dates, titles.
PIECES = [
    "Bupati", "Wali Kota", "Kepala Dinas", "Kabupaten", "Kota", "Pemkab", "Provinsi", "Bogor",
    "Bone", "Drs", "H.", "M.Pd", "Ahmad", "Yana", "nilai", "93,78", "17.717", "2021", "(12/4)",
    "Senin", "kemarin", "hari ini", "zona hijau", "peringkat", "ke-14", "UU", "Nomor 25",
    "Tahun 2009", "Rp", "%", "akan", "penilaian", "sosialisasi", ",", ".", "(", ")", "\n", "\x00",
]  # fmt: skip


def assert_valid(tags: Tags, text: str) -> None:
    assert 0.0 <= tags.relevance <= 1.0
    assert isinstance(tags.relevant, bool)
    evidence = [
        *(r.evidence for r in tags.regions),
        *(o.evidence for o in tags.officials),
        *(s.evidence for s in tags.scores),
        *(e.evidence for e in tags.events),
        *(law.evidence for law in tags.laws),
    ]
    for ev in evidence:
        assert ev is None or text[ev.start : ev.end] == ev.quote
    assert all(
        r.type in ("provinsi", "kabupaten", "kota") and r.mentions >= 1 for r in tags.regions
    )
    assert all(o.name.strip() and o.role for o in tags.officials)
    assert all(0.0 <= s.value <= 100.0 and s.zone in ZONES for s in tags.scores)
    assert all(e.type in EVENT_TYPES for e in tags.events)
    assert all(e.date is None or isinstance(e.date, date) for e in tags.events)
    assert tags.to_json()["id"] == tags.id


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "\n\n\n",
        "\x00" * 50,
        "The Ombudsman of Indonesia said on Monday that the mayor of Bogor will review services.",
        "Bupati ngendikan menawi pelayanan publik ing kabupaten punika sampun sae, matur nuwun.",
        "Harga cabai naik di pasar tradisional, pedagang mengeluh sepi pembeli sejak pagi.",
        "1 2 3 4 5 6 7 8 9 10 11 12 93,78 99.96 17.717 1.234.567,89 12/4 31/12/2021 2021 0812-3456",
        "Bupati Bupati Bupati Wali Kota Kepala Dinas Kabupaten Kota Provinsi",
        "Drs. H. Ir. Dr. Prof. S.H. M.Pd M.Si",
        "\u202e\ufeff\u200b Ombudsman \U0001f600 Kabupaten \u0130stanbul Kota \u00df",
    ],
)
def test_tag_odd_texts_give_valid_tags(text: str) -> None:
    assert_valid(tag_text(text, "2021-05-01"), text)


@given(st.text(max_size=2000))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_tag_random_unicode_gives_valid_tags(text: str) -> None:
    assert_valid(tag_text(text, "2021-05-01"), text)


@given(st.lists(st.sampled_from(PIECES), max_size=300).map(" ".join))
@settings(max_examples=80, deadline=None)
def test_tag_dense_news_fragments_give_valid_tags(text: str) -> None:
    assert_valid(tag_text(text, "2021-05-01"), text)


@pytest.mark.parametrize(
    "piece",
    [
        "Bupati Kepala Dinas Wali Kota Kota Kabupaten Bogor nilai 93,78 Senin (12/4) kemarin ",
        "1,2.3/4 ",
        "Drs H. Ahmad Budi, S.H., M.Pd ",
    ],
)
def test_tag_one_megabyte_in_bounded_time(piece: str) -> None:
    text = piece * (1_000_000 // len(piece))
    tag_text("pemanasan")  # models load once per process; not part of the bound
    start = time.process_time()
    tags = tag_text(text, "2021-05-01")
    # About 3 s on one core; n-squared work would take minutes.
    assert time.process_time() - start < 20
    assert_valid(tags, text)


@given(st.text(max_size=40))
def test_parse_id_number_never_raises(written: str) -> None:
    value = parse_id_number(written)
    assert value is None or value >= 0


@given(st.text(max_size=500), st.one_of(st.none(), st.dates()))
def test_find_dates_never_raises_and_spans_hold(text: str, published: date | None) -> None:
    for found in find_dates(text, published):
        assert 0 <= found.start < found.end <= len(text)


@given(st.lists(st.sampled_from(PIECES), max_size=120).map(" ".join))
@settings(max_examples=60, deadline=None)
def test_find_officials_never_raises_and_names_are_in_text(text: str) -> None:
    for official in find_officials(text, find_region_mentions(text)):
        assert official.evidence is not None
        assert text[official.evidence.start : official.evidence.end] == official.evidence.quote
