from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from classify.dates import find_dates, resolve

DAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Jum'at", "Sabtu", "Minggu"]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Ombudsman RI, Rabu (15/7/2020).", None, date(2020, 7, 15)),
        ("Pemkab Lebong, Senin (12/4) kemarin", date(2021, 4, 13), date(2021, 4, 12)),
        ("secara virtual. 15/06/2021.", None, date(2021, 6, 15)),
        ("Jum\u2019at (26/08/2016).", None, date(2016, 8, 26)),
        ("diumumkan di Jakarta Pada 5 Desember 2017 kemarin", None, date(2017, 12, 5)),
        ("Rabu (29/12) lalu", date(2022, 1, 3), date(2021, 12, 29)),
        ("pada bulan Juni - September 2021 lalu", None, date(2021, 6, 1)),
        ("digelar 17-18 Maret 2021 di aula", None, date(2021, 3, 17)),
        ("digelar 17 s/d 18 Maret di aula", date(2021, 4, 1), date(2021, 3, 17)),
        ("acara itu digelar kemarin di aula", date(2023, 5, 5), date(2023, 5, 4)),
        ("rapat digelar hari ini di aula", date(2023, 5, 5), date(2023, 5, 5)),
        ("kata Bupati di Jakarta, Rabu.", date(2023, 5, 5), date(2023, 5, 3)),
        ("Rabu (29/12). Tahun 2021 Ombudsman. Berita lain 2025", None, date(2021, 12, 29)),
    ],
)
def test_find_dates_resolves_news_forms(text: str, published: date | None, expected: date) -> None:
    assert [d.date for d in find_dates(text, published)] == [expected]


@pytest.mark.parametrize(
    "text", ["nilai 12/4 poin", "Senin (12/4)", "skor 93.78", "peringkat 14", "dua minggu lalu"]
)
def test_find_dates_needs_a_year_or_weekday_and_publication(text: str) -> None:
    assert find_dates(text, None) == []


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)), st.sampled_from(DAYS))
def test_weekday_with_full_date_round_trips(day: date, weekday: str) -> None:
    text = f"kegiatan itu, {weekday} ({day.day}/{day.month}/{day.year}), berlangsung"
    [found] = find_dates(text, None)
    assert found.date == day
    assert text[found.start : found.end].startswith(weekday)


@given(
    st.dates(min_value=date(2001, 2, 1), max_value=date(2099, 12, 31)),
    st.integers(min_value=0, max_value=20),
    st.sampled_from(DAYS),
)
def test_day_month_takes_year_of_publication(event: date, days_before: int, weekday: str) -> None:
    published = date.fromordinal(event.toordinal() + days_before)
    [found] = find_dates(f"{weekday} ({event.day}/{event.month}) kemarin", published)
    assert found.date == event


@given(st.integers(1, 31), st.integers(1, 12), st.integers(1900, 2100))
def test_resolve_returns_a_valid_date_or_none(day: int, month: int, year: int) -> None:
    result = resolve(day, month, year, None)
    assert result is None or (result.day, result.month, result.year) == (day, month, year)
