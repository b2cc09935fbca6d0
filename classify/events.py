"""What the article reports happening: event types with a date and a region.

Types come from two signals: the trained classifier's probability and the keyword rules of
``data/event_keywords.csv`` (which also give the evidence). A type is kept when its
probability clears the high threshold, or a keyword fires and it clears the low one; both
thresholds were chosen by cross-validation in ``classify.train``.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from datetime import date
from functools import cache
from importlib import resources

from core.model import EVENT_TYPES, Event, Evidence

from .dates import find_dates
from .regions import RegionMention

SERVICE_TYPES: tuple[str, ...] = tuple(t for t in EVENT_TYPES if t != "other")
_UPCOMING = re.compile(r"\b(?:akan|sedang|segera|tengah|mulai)\b", re.IGNORECASE)


@cache
def _keywords() -> dict[str, re.Pattern[str]]:
    text = resources.files("classify").joinpath("data", "event_keywords.csv").read_text("utf-8")
    patterns: dict[str, list[str]] = {}
    for row in csv.DictReader(text.splitlines()):
        patterns.setdefault(row["type"], []).append(row["pattern"])
    return {t: re.compile("|".join(ps), re.IGNORECASE) for t, ps in patterns.items()}


def keyword_hits(text: str) -> dict[str, list[re.Match[str]]]:
    """Keyword matches per service type, in text order."""
    return {t: list(p.finditer(text)) for t, p in _keywords().items()}


def decide_types(
    text: str,
    probabilities: dict[str, float],
    hits: dict[str, list[re.Match[str]]],
    high: float,
    low: float,
) -> list[str]:
    """Service types to report, most probable first."""
    chosen = {
        t
        for t in SERVICE_TYPES
        if probabilities.get(t, 0.0) >= high or (hits.get(t) and probabilities.get(t, 0.0) >= low)
    }
    # Results being announced mention the assessment behind them; that is no assessment event
    # unless one is still to come ("akan melakukan penilaian").
    if {"award", "assessment"} <= chosen and not any(
        _UPCOMING.search(_sentence(text, m.start())) for m in hits.get("assessment", [])
    ):
        chosen.discard("assessment")
    return sorted(chosen, key=lambda t: -probabilities.get(t, 0.0))


def _sentence(text: str, pos: int) -> str:
    start = max(text.rfind(".", 0, pos), text.rfind("\n", 0, pos)) + 1
    end = text.find(".", pos)
    return text[start : end if end >= 0 else len(text)]


def find_events(
    text: str,
    published: date | None,
    mentions: list[RegionMention],
    probabilities: dict[str, float],
    thresholds: tuple[float, float],
) -> list[Event]:
    hits = keyword_hits(text)
    types = decide_types(text, probabilities, hits, *thresholds)
    dates = find_dates(text, published)
    when = dates[0].date if dates else None
    counts = Counter(m.entry.code for m in mentions if m.entry)
    region = counts.most_common(1)[0][0] if counts else None
    events: list[Event] = []
    for type_ in types:
        first = hits.get(type_, [])
        if first:
            evidence = Evidence.of(text, first[0].start(), first[0].end())
        elif dates:
            evidence = Evidence.of(text, dates[0].start, dates[0].end)
        else:
            evidence = None
        events.append(Event(type_, when, region, evidence))
    return events
