"""When is a source broken? Rules over its recent crawl runs, kept free of Scrapy."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class RunFigures:
    pages: int
    new_articles: int
    extraction_failures: int


# A failure rate this far above the source's usual one means its layout changed.
FAILURE_JUMP = 0.3


def broken_reason(
    current: RunFigures, earlier: Sequence[RunFigures], quiet_runs: int
) -> str | None:
    """Why the source looks broken after ``current``, or None.

    ``earlier`` are its previous finished runs, newest first. A source is broken
    when ``quiet_runs`` runs in a row (this one included) stored no new article,
    or when its share of pages that failed extraction jumped by ``FAILURE_JUMP``.
    """
    window = [current, *earlier][:quiet_runs]
    if len(window) == quiet_runs and all(r.new_articles == 0 for r in window):
        return f"no new article in the last {quiet_runs} runs"
    if current.pages and earlier:
        rate = current.extraction_failures / current.pages
        usual = sum(r.extraction_failures for r in earlier) / max(1, sum(r.pages for r in earlier))
        if rate - usual >= FAILURE_JUMP:
            return f"extraction failures jumped to {rate:.0%} of pages (usually {usual:.0%})"
    return None
