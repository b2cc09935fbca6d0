from __future__ import annotations

import numpy as np
import pytest

from classify import classifiers
from core.model import Tags

from .conftest import seed_article, tag_text


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


@pytest.mark.parametrize("name", [classifiers.RELEVANCE_MODEL, classifiers.EVENTS_MODEL])
def test_fast_linear_form_gives_sklearn_probabilities(name: str) -> None:
    model = classifiers._load(name)
    pipeline = model["pipeline"] if isinstance(model, dict) else model
    fast = classifiers.LinearText.from_pipeline(pipeline)
    texts = [seed_article(n).text for n in ("000", "001", "002", "003", "004")]
    texts += ["", "kata yang tidak dikenal sama sekali", "Ombudsman " * 500]
    for text in texts:
        expected = pipeline.predict_proba([text])[0]
        expected = expected[1:] if expected.shape == (2,) else expected
        assert np.allclose(fast.probabilities(text), expected, atol=1e-9)
