"""Dates as regional news writes them, resolved against the publication date.

"Rabu (15/7/2020)", "Senin (12/4)" (year from publication), "15/06/2021", "5 Desember 2017",
ranges by their start ("17-18 Maret 2021", "pada bulan Juni - September 2021"), and, against the
publication date, "kemarin", "hari ini" and a bare weekday ("di Jakarta, Rabu.").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
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
# Matched on lower-cased text (several times faster than re.IGNORECASE over month names);
# ``_BLIND`` holds the case-blind twins for text whose length lower-casing changes.
_WORDS = re.compile(
    rf"(?:\b{_DAY}\s*,?\s*)?\b(?P<d>\d{{1,2}})\s+(?P<m>{_MONTH_NAMES})\.?"
    r"(?:\s+(?P<y>\d{4}))?\b"
)
# A day and month alone is a date only with a weekday before it: "12/4" may be a score.
_WEEKDAY = re.compile(_DAY, re.IGNORECASE)
_RANGE_LINK = r"\s*(?:-|\u2013|\u2014|s\.?/?d\.?|sampai(?:\s+dengan)?|hingga)\s*"
# "17-18 Maret": the range starts on the day before the link.
_DAY_RANGE_START = re.compile(rf"(?<![\d/.])(?P<d>\d{{1,2}}){_RANGE_LINK}$", re.IGNORECASE)
_MONTH_RANGE = re.compile(
    rf"\b(?:bulan\s+)?(?P<m>{_MONTH_NAMES}){_RANGE_LINK}(?:{_MONTH_NAMES})\s+(?P<y>\d{{4}})\b"
)
_BLIND = {p: re.compile(p.pattern, re.IGNORECASE) for p in (_WORDS, _MONTH_RANGE)}
# Relative forms, resolved against the publication date. A weekday counts bare only where a
# dateline puts it, after a comma and before a stop ("kata Bupati di Jakarta, Rabu."); in lower
# case "minggu" is a week.
_WEEKDAYS = {"senin": 0, "selasa": 1, "rabu": 2, "kamis": 3, "jumat": 4, "sabtu": 5, "minggu": 6}
_BARE_WEEKDAY = re.compile(
    r"(?<=,)\s*(?P<w>Senin|Selasa|Rabu|Kamis|Jum.?at|Sabtu|Minggu|Ahad)"
    r"(?:\s+(?:pagi|siang|sore|malam|lalu|kemarin))?(?=\s*[.,;)])"
)
_RELATIVE = re.compile(r"\b(?P<r>kemarin|hari\s+ini)\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:19[89]\d|20\d{2})\b")


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


def _implied_publication(years: list[tuple[int, int]], pos: int) -> date | None:
    """Without a publication date, the year written nearest the date stands in for it (not
    the latest: related-news lists at the foot of a page name other years)."""
    if not years:
        return None
    return date(min(years, key=lambda y: abs(y[0] - pos))[1], 12, 31)


def _weekday_before(published: date, weekday: int) -> date:
    return published - timedelta(days=(published.weekday() - weekday) % 7)


def _relative(text: str, published: date, taken: list[DateMention]) -> list[DateMention]:
    """ "kemarin", "hari ini" and dateline weekdays not already part of a written date."""
    # "Senin (12/4) kemarin" is one date: a word just inside or after a written date is its.
    near = sorted((d.start - 1, d.end + 12) for d in taken)
    starts = [s for s, _ in near]
    reach = max((e - s for s, e in near), default=0)

    def written(pos: int) -> bool:
        i = bisect_right(starts, pos)
        return any(s <= pos <= e for s, e in near[bisect_left(starts, pos - reach) : i])

    found: list[DateMention] = []
    for m in _RELATIVE.finditer(text):
        if not written(m.start()):
            shift = 1 if m.group("r").lower() == "kemarin" else 0
            found.append(DateMention(m.start(), m.end(), published - timedelta(days=shift)))
    for m in _BARE_WEEKDAY.finditer(text):
        if not written(m.start("w")):
            name = re.sub(r"\W", "", m.group("w").lower())
            weekday = _WEEKDAYS.get(name, 6)  # "Ahad" is Sunday
            found.append(DateMention(m.start("w"), m.end(), _weekday_before(published, weekday)))
    return found


def find_dates(text: str, published: date | None) -> list[DateMention]:
    """Every resolvable date in ``text``, in order."""
    found: list[DateMention] = []
    years = [] if published else [(m.start(), int(m.group())) for m in _YEAR.finditer(text)]

    def reference(pos: int) -> date | None:
        return published or _implied_publication(years, pos)

    for m in _NUMERIC.finditer(text):
        has_weekday = _WEEKDAY.match(m.group().lstrip("( ")) is not None
        year = int(m.group("y")) if m.group("y") else None
        if year is None and not has_weekday:
            continue
        if year is not None and len(m.group("y")) == 2 and not has_weekday:
            continue
        when = resolve(int(m.group("d")), int(m.group("m")), year, reference(m.start()))
        if when:
            found.append(DateMention(m.start(), m.end(), when))
    low = text.lower()
    # Lower-casing never shortens; where it lengthens, offsets into ``low`` no longer hold.
    words, ranges = (
        (_WORDS.finditer(low), _MONTH_RANGE.finditer(low))
        if len(low) == len(text)
        else (_BLIND[_WORDS].finditer(text), _BLIND[_MONTH_RANGE].finditer(text))
    )
    for m in words:
        year = int(m.group("y")) if m.group("y") else None
        start, day = m.start(), int(m.group("d"))
        first = _DAY_RANGE_START.search(text, max(0, start - 20), start)
        if first:
            start, day = first.start(), int(first.group("d"))
        when = resolve(day, MONTHS[m.group("m").lower()], year, reference(m.start()))
        if when:
            found.append(DateMention(start, m.end(), when))
    for m in ranges:
        if not any(d.start <= m.start() < d.end for d in found):
            month = MONTHS[m.group("m").lower()]
            found.append(DateMention(m.start(), m.end(), date(int(m.group("y")), month, 1)))
    if published is not None:
        found += _relative(text, published, found)
    return sorted(found, key=lambda d: d.start)
