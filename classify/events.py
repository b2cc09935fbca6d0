"""What the article reports happening: event types with a date and a region.

Types come from two signals: the trained classifier's probability and the keyword rules of
``data/event_keywords.csv`` (which also give the evidence). A type is kept when its
probability clears the high threshold, or a keyword fires and it clears the low one, or a
keyword fires in the lead (the first 300 characters, where news says what happened) and it
clears the lead threshold; the thresholds were chosen by cross-validation in ``classify.train``.
An article the relevance classifier finds off-topic reports no service event: a bridge
"diresmikan" is no launch of a public service, a DPRD "rapat" on the budget no service meeting
(in cross-validation this gate raised event precision from 0.76 to 0.85 at the same recall).

Each event's date is the one written nearest its trigger words (same sentence), else the
article's first date; an event still to come ("akan ...") with no date beside it has none.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources

from core.model import EVENT_TYPES, Event, Evidence

from .dates import DateMention, find_dates
from .regions import RegionMention

SERVICE_TYPES: tuple[str, ...] = tuple(t for t in EVENT_TYPES if t != "other")
# Words of an event still to come; not "sedang", which is also a middling grade.
_UPCOMING = re.compile(r"\b(?:akan|segera|mendatang|direncanakan)\b", re.IGNORECASE)
# "akan melakukan penilaian", "akan mulai lagi survei": at most four words from "akan".
_ANNOUNCED = re.compile(r"\bakan\s+(?:[\w-]+\s+){0,4}$", re.IGNORECASE)
# Characters of text that make up the lead; the classifier sees them twice for the same reason.
LEAD_CHARS = 300
_CLASSIFIER_LEAD = 400
_REACH = 400


def classifier_input(text: str) -> str:
    """The text the event classifier is trained and run on: the lead counts double."""
    return f"{text[:_CLASSIFIER_LEAD]}\n{text}"


@dataclass(frozen=True, slots=True)
class _Keywords:
    """Per type: the pattern for lower-cased text, a case-blind one for text whose length
    lower-casing changes ("İ"), and words one of which any match contains (None: unknown)."""

    lowered: re.Pattern[str]
    blind: re.Pattern[str]
    needles: tuple[str, ...] | None


# What a keyword pattern may hold besides letters and spaces for its words to be found:
# word boundaries, and a character made optional by "?".
_BOUNDARY = re.compile(r"\\b")
_OPTIONAL = re.compile(r".\?")
_PLAIN = re.compile(r"[\w ]+")


def _needle(pattern: str) -> str | None:
    """The longest run of characters every match of ``pattern`` contains, or None when the
    pattern uses more than the syntax above."""
    pieces = _OPTIONAL.split(_BOUNDARY.sub("", pattern))
    if not all(_PLAIN.fullmatch(piece) for piece in pieces if piece):
        return None
    return max(pieces, key=len).strip() or None


@cache
def _keywords() -> dict[str, _Keywords]:
    """Matching lower-cased text is several times faster than ``re.IGNORECASE``; the patterns
    are written without upper-case escapes (``\\W``) so that lower-casing them keeps their
    meaning. Most articles hold no keyword of most types: looking for the needles first
    (plain substring search) spares those types their regular expression."""
    text = resources.files("classify").joinpath("data", "event_keywords.csv").read_text("utf-8")
    patterns: dict[str, list[str]] = {}
    for row in csv.DictReader(text.splitlines()):
        if re.search(r"\\[A-Z]", row["pattern"]):
            raise ValueError(f"event keyword with an upper-case escape: {row['pattern']}")
        patterns.setdefault(row["type"], []).append(row["pattern"])
    keywords = {}
    for type_, alternatives in patterns.items():
        joined = "|".join(alternatives)
        needles = [_needle(p.lower()) for p in alternatives]
        keywords[type_] = _Keywords(
            re.compile(joined.lower()),
            re.compile(joined, re.IGNORECASE),
            None if None in needles else tuple(n for n in needles if n is not None),
        )
    return keywords


def keyword_hits(text: str) -> dict[str, list[re.Match[str]]]:
    """Keyword matches per service type, in text order (offsets index ``text``)."""
    low = text.lower()
    if len(low) != len(text):  # lower-casing never shortens, so then offsets no longer hold
        return {t: list(k.blind.finditer(text)) for t, k in _keywords().items()}
    return {
        t: list(k.lowered.finditer(low))
        if k.needles is None or any(n in low for n in k.needles)
        else []
        for t, k in _keywords().items()
    }


def decide_types(
    text: str,
    probabilities: dict[str, float],
    hits: dict[str, list[re.Match[str]]],
    thresholds: tuple[float, float, float],
) -> list[str]:
    """Service types to report, most probable first; ``thresholds`` is (high, low, lead)."""
    high, low, lead = thresholds

    def kept(t: str) -> bool:
        p = probabilities.get(t, 0.0)
        found = hits.get(t, [])
        in_lead = bool(found) and found[0].start() < LEAD_CHARS
        return p >= high or (bool(found) and p >= low) or (in_lead and p >= lead)

    chosen = {t for t in SERVICE_TYPES if kept(t)}
    announced = any(
        _ANNOUNCED.search(text, max(0, m.start() - 60), m.start())
        for m in hits.get("assessment", [])
    )
    # An assessment announced as still to come is an event of its own (a workshop that
    # announces the coming survey: training + assessment), however little the text says of it.
    if announced:
        chosen.add("assessment")
    # Results being announced mention the assessment behind them: no assessment event then.
    elif "award" in chosen:
        chosen.discard("assessment")
    return sorted(chosen, key=lambda t: -probabilities.get(t, 0.0))


def _sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    # ". " and line ends close sentences; the dots of "15.7.2020" or "S.H." do not. Looking
    # at most _REACH characters away keeps text without stops linear.
    lo, hi = max(0, pos - _REACH), min(len(text), pos + _REACH)
    start = max(text.rfind(". ", lo, pos) + 1, text.rfind("\n", lo, pos) + 1, lo)
    ends = [i for i in (text.find(". ", pos, hi), text.find("\n", pos, hi)) if i >= 0]
    return start, min(ends, default=hi)


def _sentence(text: str, pos: int) -> str:
    start, end = _sentence_bounds(text, pos)
    return text[start:end]


def _event_date(
    text: str, triggers: list[re.Match[str]], dates: list[DateMention]
) -> DateMention | None:
    """The date beside the first trigger that has one in its sentence; else, unless the event
    is still to come, the article's first date (the dateline's)."""
    for trigger in triggers:
        start, end = _sentence_bounds(text, trigger.start())
        beside = [d for d in dates if start <= d.start < end]
        if beside:
            return min(beside, key=lambda d: abs(d.start - trigger.start()))
    if triggers and _UPCOMING.search(_sentence(text, triggers[0].start())):
        return None
    return dates[0] if dates else None


def find_events(
    text: str,
    published: date | None,
    mentions: list[RegionMention],
    probabilities: dict[str, float],
    thresholds: tuple[float, float, float],
    relevant: bool = True,
) -> list[Event]:
    if not relevant:
        return []
    hits = keyword_hits(text)
    types = decide_types(text, probabilities, hits, thresholds)
    dates = find_dates(text, published) if types else []
    counts = Counter(m.entry.code for m in mentions if m.entry)
    region = counts.most_common(1)[0][0] if counts else None
    events: list[Event] = []
    for type_ in types:
        triggers = hits.get(type_, [])
        when = _event_date(text, triggers, dates)
        if triggers:
            evidence = Evidence.of(text, triggers[0].start(), triggers[0].end())
        elif when:
            evidence = Evidence.of(text, when.start, when.end)
        else:
            evidence = None
        events.append(Event(type_, when.date if when else None, region, evidence))
    return events
