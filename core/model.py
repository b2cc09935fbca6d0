"""The one data model every stage speaks.

Stages pass these dataclasses to each other; the DuckDB schema in
``store/migrations`` mirrors them column for column. JSON shapes follow
``CONTRACT.md`` (``Tags.to_json``) so that ``pantau tag`` output and the
database agree.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Any, Literal

RegionType = Literal["provinsi", "kabupaten", "kota"]
Zone = Literal["hijau", "kuning", "merah"]
EVENT_TYPES: tuple[str, ...] = (
    "assessment",
    "award",
    "meeting",
    "training",
    "commitment",
    "launch",
    "inspection",
    "complaint",
    "other",
)


def article_id_for(url: str) -> str:
    """Stable id of an article: derived from its canonical URL so re-runs agree."""
    return hashlib.sha1(url.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where in the article text a tag was found: ``text[start:end] == quote``."""

    start: int
    end: int
    quote: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Evidence:
        return cls(start, end, text[start:end])


@dataclass(slots=True)
class Page:
    """One fetched page as the crawler hands it on (raw bytes decoded)."""

    url: str
    html: str
    source: str = ""
    status: int = 200
    fetched_at: datetime | None = None
    # "article" pages go on to extraction; "listing" pages (home, feeds,
    # categories) are only recorded as fetched.
    kind: str = "article"
    requested_url: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    # Later pages of a multi-page article, in order, merged by extraction.
    continuation: list[str] = field(default_factory=list)
    continuation_urls: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Article:
    url: str
    text: str
    title: str | None = None
    published: datetime | None = None
    author: str | None = None
    editor: str | None = None
    dateline: str | None = None
    site: str | None = None
    lang: str | None = None
    source: str | None = None
    dup_of: str | None = None
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            self.id = article_id_for(self.url)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["published"] = self.published.isoformat() if self.published else None
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Article:
        published = data.get("published")
        parsed: datetime | None = None
        if isinstance(published, str) and published:
            parsed = datetime.fromisoformat(published)
        known = {f for f in cls.__dataclass_fields__ if f != "published"}
        kwargs = {k: v for k, v in data.items() if k in known and v is not None}
        kwargs.setdefault("url", "")
        kwargs.setdefault("text", "")
        return cls(published=parsed, **kwargs)


@dataclass(slots=True)
class Region:
    code: str
    type: RegionType
    name: str
    province: str
    mentions: int = 1
    evidence: Evidence | None = None


@dataclass(slots=True)
class Official:
    name: str
    role: str
    region_code: str | None = None
    mentions: int = 1
    evidence: Evidence | None = None
    # "Pj", "Pjs", "Plt" or "Plh" when the office is held in someone's stead ("Pj. Bupati").
    acting: str | None = None


@dataclass(slots=True)
class Score:
    value: float
    subject: str | None = None
    subject_code: str | None = None
    year: int | None = None
    zone: Zone | None = None
    rank: int | None = None
    kind: str = "kepatuhan"
    evidence: Evidence | None = None


@dataclass(slots=True)
class Event:
    type: str
    date: date | None = None
    region_code: str | None = None
    evidence: Evidence | None = None


@dataclass(slots=True)
class Law:
    law: str
    evidence: Evidence | None = None


@dataclass(slots=True)
class Tags:
    id: str
    relevant: bool = False
    relevance: float = 0.0
    regions: list[Region] = field(default_factory=list)
    officials: list[Official] = field(default_factory=list)
    scores: list[Score] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    laws: list[Law] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The ``pantau tag`` line of CONTRACT.md, plus ``evidence`` per tag."""

        def ev(e: Evidence | None) -> dict[str, Any] | None:
            return {"start": e.start, "end": e.end, "quote": e.quote} if e else None

        return {
            "id": self.id,
            "relevant": self.relevant,
            "relevance": round(self.relevance, 4),
            "regions": [
                {
                    "code": r.code,
                    "type": r.type,
                    "name": r.name,
                    "province": r.province,
                    "mentions": r.mentions,
                    "evidence": ev(r.evidence),
                }
                for r in self.regions
            ],
            "officials": [
                {
                    "name": o.name,
                    "role": o.role,
                    "acting": o.acting,
                    "region_code": o.region_code,
                    "evidence": ev(o.evidence),
                }
                for o in self.officials
            ],
            "scores": [
                {
                    "subject_code": s.subject_code,
                    "subject": s.subject,
                    "value": s.value,
                    "year": s.year,
                    "zone": s.zone,
                    "rank": s.rank,
                    "kind": s.kind,
                    "evidence": ev(s.evidence),
                }
                for s in self.scores
            ],
            "events": [
                {
                    "type": e.type,
                    "date": e.date.isoformat() if e.date else None,
                    "region_code": e.region_code,
                    "evidence": ev(e.evidence),
                }
                for e in self.events
            ],
            "laws": [law.law for law in self.laws],
        }
