from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from classify.numbers import parse_id_number


@pytest.mark.parametrize(
    ("written", "value"),
    [("93,78", 93.78), ("68.52", 68.52), ("99,96", 99.96), ("85,10", 85.1), ("82", 82.0),
     ("17.717", 17717.0), ("1.234,5", 1234.5), ("1,234.5", 1234.5), ("12.345.678", 12345678.0)],
)  # fmt: skip
def test_parse_id_number_reads_indonesian_notation(written: str, value: float) -> None:
    assert parse_id_number(written) == pytest.approx(value)


@pytest.mark.parametrize("written", ["", "abc", "9,,1", "1.2.3,4,5", "1.23.4"])
def test_parse_id_number_rejects_non_numbers(written: str) -> None:
    assert parse_id_number(written) is None


@given(st.integers(min_value=0, max_value=100), st.integers(min_value=0, max_value=99))
def test_decimal_comma_scores_round_trip(whole: int, hundredths: int) -> None:
    written = f"{whole},{hundredths:02d}"
    assert parse_id_number(written) == pytest.approx(whole + hundredths / 100)


@given(st.integers(min_value=0, max_value=100), st.integers(min_value=0, max_value=99))
def test_decimal_point_scores_round_trip(whole: int, hundredths: int) -> None:
    assert parse_id_number(f"{whole}.{hundredths:02d}") == pytest.approx(whole + hundredths / 100)


@given(st.integers(min_value=1000, max_value=10**12))
def test_thousands_grouped_with_dots_round_trip(value: int) -> None:
    written = f"{value:,}".replace(",", ".")
    assert parse_id_number(written) == value


@given(st.integers(min_value=1000, max_value=10**9), st.integers(min_value=0, max_value=99))
def test_grouped_thousands_with_decimal_comma_round_trip(whole: int, hundredths: int) -> None:
    written = f"{whole:,}".replace(",", ".") + f",{hundredths:02d}"
    assert parse_id_number(written) == pytest.approx(whole + hundredths / 100)


@given(st.text(max_size=12))
def test_parse_id_number_never_raises(written: str) -> None:
    result = parse_id_number(written)
    assert result is None or result >= 0
