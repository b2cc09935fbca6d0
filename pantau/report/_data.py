"""What the weekly report says, read from the database by the SQL files in ``pantau/queries``.

Every query takes the same two bound parameters, the week's start and end, and returns
columns named exactly as the fields of its row type below: a renamed column fails loudly here
rather than silently emptying a section.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

import duckdb

from core.errors import StoreError, UsageError

# One read-only connection for the whole report: opening the file per query (as
# store.query_readonly does, with its parse-and-refuse guard, needless for packaged SQL)
# cost about 75 ms each, most of the build. connect_current() waits out a crawl's short
# writes, and brings a database of an older pantau up to date first.
from store._db import wrapped
from store._readonly import connect_current

_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
# Weeks follow the newsrooms' clock (WIB), as the analyst views do.
WIB = timezone(timedelta(hours=7), "WIB")


def week_bounds(week: str) -> tuple[datetime, datetime]:
    """``2021-W24`` -> [Monday 00:00 WIB, next Monday 00:00 WIB)."""
    m = _WEEK.match(week)
    if not m:
        raise UsageError(f"--week must look like 2021-W24, not {week!r}")
    try:
        monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
    except ValueError:
        raise UsageError(f"{week} is not a week of {m[1]}") from None
    start = datetime(monday.year, monday.month, monday.day, tzinfo=WIB)
    return start, start + timedelta(days=7)


def previous_week(week: str) -> str:
    start, _ = week_bounds(week)
    year, number, _ = (start - timedelta(days=7)).isocalendar()
    return f"{year}-W{number:02d}"


class Headline(NamedTuple):
    week: str
    articles: int
    relevant: int
    sources: int
    kabupaten_kota: int
    scores: int
    events: int
    officials: int


class ProvinceRow(NamedTuple):
    province: str
    articles: int
    articles_before: int
    sources: int
    kabupaten_kota: int


class RegionRow(NamedTuple):
    type: str
    name: str
    province: str
    articles: int
    articles_before: int
    mentions: int
    sources: int

    @property
    def label(self) -> str:
        return f"{'Kota' if self.type == 'kota' else 'Kab.'} {self.name}"


class ScoreRow(NamedTuple):
    subject: str | None
    subject_code: str | None
    province: str | None
    value: float
    year: int | None
    zone: str | None
    rank: int | None
    kind: str
    reports: int
    first_time: bool
    source: str | None
    title: str | None
    url: str
    evidence: str | None


class EventRow(NamedTuple):
    day: date | None
    date_from_publication: bool
    type: str
    region: str | None
    province: str | None
    source: str | None
    title: str | None
    url: str
    evidence: str | None


class OfficialRow(NamedTuple):
    name: str
    role: str
    region: str | None
    province: str | None
    articles: int
    mentions: int
    named_as: str | None


class ArticleRow(NamedTuple):
    title: str | None
    source: str | None
    url: str
    day: date | None
    relevance: float
    regions: list[str]
    before: str | None
    quote: str | None
    after: str | None


class SourceRow(NamedTuple):
    source: str
    broken: bool
    broken_reason: str | None
    four_weeks_before: int
    this_week: int
    last_article: datetime | None
    last_run: datetime | None


@dataclass(frozen=True, slots=True)
class WeeklyReport:
    week: str
    start: datetime
    end: datetime
    generated_at: datetime
    this: Headline
    previous: Headline
    provinces: list[ProvinceRow]
    regions: list[RegionRow]
    scores: list[ScoreRow]
    events: list[EventRow]
    officials: list[OfficialRow]
    articles: list[ArticleRow]
    sources: list[SourceRow]

    @property
    def empty(self) -> bool:
        return self.this.articles == 0

    @property
    def last_day(self) -> date:
        return (self.end - timedelta(days=1)).date()


Row = TypeVar("Row", bound=tuple[Any, ...])


def _sql(name: str) -> str:
    return resources.files("pantau").joinpath("queries", f"{name}.sql").read_text("utf-8")


def _rows(
    con: duckdb.DuckDBPyConnection, name: str, params: list[Any], row_type: type[Row]
) -> list[Row]:
    with wrapped(f"report query {name}"):
        cursor = con.execute(_sql(name), params)
        columns = [d[0] for d in cursor.description or ()]
        rows = cursor.fetchall()
    fields = list(row_type._fields)  # type: ignore[attr-defined]
    if columns != fields:
        raise StoreError(f"queries/{name}.sql returns {columns}, the report expects {fields}")
    return [row_type._make(row) for row in rows]  # type: ignore[attr-defined]


def load_report(db: Path, week: str, *, now: datetime | None = None) -> WeeklyReport:
    start, end = week_bounds(week)
    params: list[Any] = [start, end]
    con = connect_current(db)
    try:
        this, previous = _rows(con, "report_headline", params, Headline)
        return WeeklyReport(
            week=week,
            start=start,
            end=end,
            generated_at=now or datetime.now(WIB),
            this=this,
            previous=previous,
            provinces=_rows(con, "report_provinces", params, ProvinceRow),
            regions=_rows(con, "report_regions", params, RegionRow),
            scores=_rows(con, "report_scores", params, ScoreRow),
            events=_rows(con, "report_events", params, EventRow),
            officials=_rows(con, "report_officials", params, OfficialRow),
            articles=_rows(con, "report_articles", params, ArticleRow),
            sources=_rows(con, "report_sources", params, SourceRow),
        )
    finally:
        con.close()
