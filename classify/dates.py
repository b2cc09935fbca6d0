"""Dates as regional news writes them, resolved against the publication date.

"Rabu (15/7/2020)", "Senin (12/4)" (year from publication), "15/06/2021", "5 Desember 2017".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {
    name: i + 1
    for i, names in enumerate(
        [
            ("januari", "jan"),
            ("februari", "pebruari", "feb"),
            ("maret", "mar"),
            ("april", "apr"),
            ("mei",),
            ("juni", "jun"),
            ("juli", "jul"),
            ("agustus", "agu", "agt", "ags"),
            ("september", "sep", "sept"),
            ("oktober", "okt"),
            ("november", "nopember", "nov"),
            ("desember", "des"),
        ]
    )
    for name in names
}
_DAY = r"(?:senin|selasa|rabu|kamis|jum.?at|sabtu|minggu|ahad)"
_NUMERIC = re.compile(
    rf"(?:\b{_DAY}\s*(?:malam|pagi|siang|sore)?\s*,?\s*)?(?:\(\s*)?"
    r"(?<![\d/.-])(?P<d>\d{1,2})\s*(?P<sep>[/.-])\s*(?P<m>\d{1,2})"
    r"(?:\s*(?P=sep)\s*(?P<y>\d{4}|\d{2}))?(?![\d/-]|\.\d)(?:\s*\))?",
    re.IGNORECASE,
)
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_WORDS = re.compile(
    rf"(?:\b{_DAY}\s*,?\s*)?\b(?P<d>\d{{1,2}})\s+(?P<m>{_MONTH_NAMES})\.?"
    r"(?:\s+(?P<y>\d{4}))?\b",
    re.IGNORECASE,
)
# A day and month alone is a date only with a weekday before it: "12/4" may be a score.
_WEEKDAY = re.compile(_DAY, re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    date: date


def resolve(day: int, month: int, year: int | None, published: date | None) -> date | None:
    """The calendar date meant; a missing year is the publication's, or the year before when
    that would put the date well after publication ("(30/12)" in a January article)."""
    if year is not None and year < 100:
        year += 2000
    guessed = year is None
    if year is None:
        if published is None:
            return None
        year = published.year
    try:
        found = date(year, month, day)
    except ValueError:
        return None
    if guessed and published and found > published + timedelta(days=31):
        try:
            found = date(year - 1, month, day)
        except ValueError:
            return None
    return found


def find_dates(text: str, published: date | None) -> list[DateMention]:
    """Every resolvable date in ``text``, in order."""
    found: list[DateMention] = []
    for m in _NUMERIC.finditer(text):
        has_weekday = _WEEKDAY.match(m.group().lstrip("( ")) is not None
        year = int(m.group("y")) if m.group("y") else None
        if year is None and not has_weekday:
            continue
        if year is not None and len(m.group("y")) == 2 and not has_weekday:
            continue
        when = resolve(int(m.group("d")), int(m.group("m")), year, published)
        if when:
            found.append(DateMention(m.start(), m.end(), when))
    for m in _WORDS.finditer(text):
        year = int(m.group("y")) if m.group("y") else None
        when = resolve(int(m.group("d")), MONTHS[m.group("m").lower()], year, published)
        if when:
            found.append(DateMention(m.start(), m.end(), when))
    return sorted(found, key=lambda d: d.start)
