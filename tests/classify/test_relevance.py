from __future__ import annotations

from core.model import Tags

from .conftest import tag_text


def test_seeds_are_relevant(seed_tags: dict[str, Tags]) -> None:
    for number, tags in seed_tags.items():
        assert tags.relevant, number
        assert 0.0 <= tags.relevance <= 1.0


def test_unrelated_news_is_not_relevant() -> None:
    text = (
        "Tim sepak bola Persib Bandung menang 2-1 atas lawannya pada laga pekan ini. "
        "Pelatih memuji penampilan para pemain muda dan suporter memadati stadion hingga malam."
    )
    tags = tag_text(text)
    assert not tags.relevant
    assert tags.relevance < 0.5
