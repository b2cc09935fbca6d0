"""Indonesian date parsing: examples from real pages and property tests over formats."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extract.dates import parse_indonesian_date, parse_iso, url_date

WIB = timezone(timedelta(hours=7))
WITA = timezone(timedelta(hours=8))
WIT = timezone(timedelta(hours=9))
MONTHS_ID = [
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
]  # fmt: skip
MONTHS_SHORT = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"]
DAYS_ID = ["Senin", "Selasa", "Rabu", "Kamis", "Jum'at", "Jumat", "Sabtu", "Minggu"]
ZONES = {"WIB": WIB, "WITA": WITA, "WIT": WIT}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Selasa 13-04-2021,14:50 WIB", datetime(2021, 4, 13, 14, 50, tzinfo=WIB)),
        ("Rabu, 2 Juni 2021", datetime(2021, 6, 2)),
        ("Jum'at (26/08/2016)", datetime(2016, 8, 26)),
        ("Jum\u2019at (26/08/2016)", datetime(2016, 8, 26)),
        ("Kamis, 05/11/2015 09:25 WIB", datetime(2015, 11, 5, 9, 25, tzinfo=WIB)),
        ("Rabu, 4 November 2015 | 21:04 WIB", datetime(2015, 11, 4, 21, 4, tzinfo=WIB)),
        ("Jum'at, 17 Februari 2017 - 13:30 wib", datetime(2017, 2, 17, 13, 30, tzinfo=WIB)),
        ("Kamis, 5 Nopember 2015 pukul 08.45 WITA", datetime(2015, 11, 5, 8, 45, tzinfo=WITA)),
        ("Senin, 1 Agt 2022 10:00 WIT", datetime(2022, 8, 1, 10, 0, tzinfo=WIT)),
        ("By Arny on 16 Feb 2016 at 09:09 WIB", datetime(2016, 2, 16, 9, 9, tzinfo=WIB)),
        ("February 16, 2016 3:04 pm", datetime(2016, 2, 16, 15, 4)),
        ("tanpa tanggal di sini", None),
        ("31/02/2021", None),
    ],
)
def test_examples(text: str, expected: datetime | None) -> None:
    assert parse_indonesian_date(text) == expected


def test_zone_is_kept() -> None:
    parsed = parse_indonesian_date("Selasa 13-04-2021,14:50 WITA")
    assert parsed is not None and parsed.utcoffset() == timedelta(hours=8)
    assert parsed.isoformat() == "2021-04-13T14:50:00+08:00"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2015-11-05T10:08:58+07:00", datetime(2015, 11, 5, 10, 8, 58, tzinfo=WIB)),
        ("2015-11-05 T10:08:58Z", datetime(2015, 11, 5, 10, 8, 58, tzinfo=UTC)),
        ("2016-02-23 15:32:10", datetime(2016, 2, 23, 15, 32, 10)),
        ("2021-06-02", datetime(2021, 6, 2)),
        ("kemarin", None),
    ],
)
def test_parse_iso(value: str, expected: datetime | None) -> None:
    assert parse_iso(value) == expected


def test_url_date() -> None:
    assert url_date("https://x.id/read/2015/11/04/21040031/judul") == datetime(2015, 11, 4)
    assert url_date("https://x.id/berita/527615/judul") is None


dates = st.datetimes(min_value=datetime(1995, 1, 1), max_value=datetime(2090, 12, 31))


@given(
    when=dates,
    day=st.sampled_from(DAYS_ID),
    zone=st.sampled_from(sorted(ZONES)),
    sep=st.sampled_from(["-", "/", "."]),
    between=st.sampled_from([",", " ", ", ", " | ", " - ", " pukul "]),
)
def test_numeric_dates_round_trip(
    when: datetime, day: str, zone: str, sep: str, between: str
) -> None:
    text = f"{day} {when:%d}{sep}{when:%m}{sep}{when:%Y}{between}{when:%H:%M} {zone}"
    expected = when.replace(second=0, microsecond=0, tzinfo=ZONES[zone])
    assert parse_indonesian_date(text) == expected


@given(when=dates, day=st.sampled_from(DAYS_ID), short=st.booleans())
def test_worded_dates_round_trip(when: datetime, day: str, short: bool) -> None:
    month = (MONTHS_SHORT if short else MONTHS_ID)[when.month - 1]
    text = f"{day}, {when.day} {month} {when.year}"
    assert parse_indonesian_date(text) == datetime(when.year, when.month, when.day)


@given(when=dates, prefix=st.text(max_size=30), suffix=st.text(max_size=30))
def test_date_inside_other_text(when: datetime, prefix: str, suffix: str) -> None:
    text = f"{prefix} ({when:%d/%m/%Y}) {suffix}"
    parsed = parse_indonesian_date(text)
    assert parsed is not None
    # Arbitrary prefixes may hold a date of their own; ours is still found when they do not.
    if parse_indonesian_date(prefix) is None and not any(c.isdigit() for c in prefix[-3:]):
        assert parsed.date() == when.date()


@given(st.text(max_size=200))
def test_never_raises(text: str) -> None:
    parsed = parse_indonesian_date(text)
    assert parsed is None or 1990 <= parsed.year <= 2100
