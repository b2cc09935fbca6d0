"""Seed articles (copied from ../shared/seeds) and a helper to tag plain text."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from classify import tag
from core.model import Article, Tags

FIXTURES = Path(__file__).parent / "fixtures"
SEED_PUBLISHED = {
    "000": "2020-07-15",
    "001": "2021-04-13",
    "002": "2021-06-15",
    "003": "2016-08-26",
    "004": "2021-06-02",
}


def seed_article(number: str) -> Article:
    [path] = FIXTURES.glob(f"{number}_*.txt")
    published = datetime.fromisoformat(SEED_PUBLISHED[number])
    return Article(url=f"seed:{number}", text=path.read_text(encoding="utf-8"), published=published)


def tag_text(text: str, published: str | None = None) -> Tags:
    when = datetime.fromisoformat(published) if published else None
    return tag(Article(url="test:" + text[:40], text=text, published=when))


@pytest.fixture(scope="session")
def seed_tags() -> dict[str, Tags]:
    return {n: tag(seed_article(n)) for n in SEED_PUBLISHED}
