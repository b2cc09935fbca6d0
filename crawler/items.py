"""What travels down the item pipelines: a fetched page and what each step adds."""

from __future__ import annotations

from dataclasses import dataclass

from core.model import Article, Page, Tags


@dataclass(slots=True)
class PageItem:
    page: Page
    article: Article | None = None
    tags: Tags | None = None
    # Why extraction gave no article, for the run's statistics.
    skipped: str | None = None
