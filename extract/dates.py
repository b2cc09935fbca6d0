"""Publication dates: structured metadata first (JSON-LD, meta tags, ``<time>``), then
Indonesian date text near the headline, then the URL.

Indonesian time zones are kept as fixed offsets: WIB = UTC+7, WITA = UTC+8, WIT = UTC+9.
A date given without a time zone stays naive rather than guessing one."""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone

from lxml.html import HtmlElement

ZONES: dict[str, timezone] = {
    "wib": timezone(timedelta(hours=7), "WIB"),
    "wita": timezone(timedelta(hours=8), "WITA"),
    "wit": timezone(timedelta(hours=9), "WIT"),
}
MONTHS: dict[str, int] = {
    "januari": 1, "jan": 1, "january": 1,
    "februari": 2, "pebruari": 2, "feb": 2, "peb": 2, "february": 2,
    "maret": 3, "mar": 3, "march": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "jun": 6, "june": 6,
    "juli": 7, "jul": 7, "july": 7,
    "agustus": 8, "agu": 8, "agt": 8, "ags": 8, "aug": 8, "august": 8,
    "september": 9, "sept": 9, "sep": 9,
    "oktober": 10, "okt": 10, "oct": 10, "october": 10,
    "november": 11, "nopember": 11, "nov": 11, "nop": 11,
    "desember": 12, "des": 12, "dec": 12, "december": 12,
}  # fmt: skip
DAY_NAMES: tuple[str, ...] = (
    "senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu", "ahad",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "mon", "tue", "wed", "thu", "fri", "sat", "sun",
)  # fmt: skip
# "Jum'at", "Jum\u2019at" and "Jumat" are all Friday.
DAYS = "(?:" + "|".join(d.replace("jumat", "jum[\u2019'`]?at") for d in DAY_NAMES) + ")"
# Words that may surround a date on a line of its own ("Diposting pada Senin, 2 Juni 2021").
DATE_WORDS: frozenset[str] = frozenset(
    [*MONTHS, *DAY_NAMES, "jum", "at", "wib", "wita", "wit", "gmt", "utc", "pukul", "jam", "pkl",
     "am", "pm", "on", "diposting", "dipublikasikan", "diterbitkan", "terbit", "pada", "tanggal",
     "published", "posted", "updated", "diperbarui", "update", "t", "z"]
)  # fmt: skip
_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_TIME = (
    r"(?:[\s,|/\-\u2013\u2014]*(?:pukul|jam|at|pkl\.?)?\s*(?P<H>\d{1,2})[:.](?P<M>\d{2})(?:[:.](?P<S>\d{2}))?"
    r"(?:\s*(?P<ampm>[ap]\.?m\.?)\b)?)?"
)
_ZONE = r"(?:\s*(?P<tz>wita|wib|wit|gmt\s*[+-]\s*\d{1,2}|utc\s*[+-]\s*\d{1,2}))?"
_NUMERIC = re.compile(
    rf"(?:{DAYS}\W{{0,3}})?\(?\b(?P<d>\d{{1,2}})[-/.](?P<m>\d{{1,2}})[-/.](?P<y>\d{{4}}|\d{{2}})\b\)?"
    rf"{_TIME}{_ZONE}",
    re.I,
)
_WORDED = re.compile(
    rf"(?:{DAYS}\W{{0,3}})?\b(?P<d>\d{{1,2}})\s+(?P<mon>{_MONTH_RE})\.?,?\s+(?P<y>\d{{4}})\b"
    rf"{_TIME}{_ZONE}",
    re.I,
)
# "February 16, 2016" in English pages.
_WORDED_US = re.compile(
    rf"\b(?P<mon>{_MONTH_RE})\.?\s+(?P<d>\d{{1,2}}),?\s+(?P<y>\d{{4}})\b{_TIME}{_ZONE}", re.I
)
_URL_DATE = re.compile(r"/(?P<y>(?:19|20)\d{2})[/-](?P<m>[01]?\d)[/-](?P<d>[0-3]?\d)(?:/|\b)")
_ISO = re.compile(r"^\s*\d{4}-\d{2}-\d{2}")

_META_NAMES = (
    "article:published_time", "og:published_time", "og:article:published_time",
    "datepublished", "date.published", "publishdate", "publish-date", "publish_date", "pubdate",
    "dc.date", "dc.date.issued", "dcterms.created", "date", "content_publisheddate",
    "dtk:publishdate", "sailthru.date", "parsely-pub-date", "article_date_original",
    "publication_date", "originalpublicationdate", "created",
)  # fmt: skip


def _zone(name: str | None) -> timezone | None:
    if not name:
        return None
    key = re.sub(r"\s+", "", name.lower())
    if key in ZONES:
        return ZONES[key]
    offset = re.match(r"(?:gmt|utc)([+-])(\d{1,2})", key)
    if offset:
        hours = int(offset.group(2)) * (1 if offset.group(1) == "+" else -1)
        return timezone(timedelta(hours=hours))
    return None


def _build(groups: dict[str, str | None], month: int) -> datetime | None:
    try:
        year = int(groups["y"] or 0)
        if year < 100:
            year += 2000
        hour = int(groups["H"]) if groups.get("H") else 0
        ampm = (groups.get("ampm") or "").lower()
        if ampm.startswith("p") and hour < 12:
            hour += 12
        elif ampm.startswith("a") and hour == 12:
            hour = 0
        minute = int(groups["M"]) if groups.get("M") else 0
        second = int(groups["S"]) if groups.get("S") else 0
        if not 1990 <= year <= 2100:
            return None
        return datetime(
            year, month, int(groups["d"] or 0), hour, minute, second, tzinfo=_zone(groups.get("tz"))
        )
    except (ValueError, TypeError):
        return None


def _matches(text: str) -> Iterator[tuple[int, datetime]]:
    for pattern in (_WORDED, _NUMERIC, _WORDED_US):
        for m in pattern.finditer(text):
            g = m.groupdict()
            month = MONTHS[g["mon"].lower()] if g.get("mon") else int(g["m"] or 0)
            when = _build(g, month)
            if when is not None:
                yield m.start(), when


def parse_indonesian_date(text: str) -> datetime | None:
    """The first date in ``text``: "Selasa 13-04-2021,14:50 WIB", "Rabu, 2 Juni 2021",
    "Jum'at (26/08/2016)", "16 Feb 2016 at 09:09 WIB". Day-first, as Indonesia writes dates."""
    found = sorted(_matches(text), key=lambda pair: pair[0])
    return found[0][1] if found else None


def parse_iso(value: str) -> datetime | None:
    """ISO 8601 as found in metadata, tolerating "Z" and a space instead of "T"."""
    value = value.strip()
    if not _ISO.match(value):
        return None
    value = re.sub(r"\s*T\s*|\s+(?=\d)", "T", value, count=1).replace("Z", "+00:00")
    # "+0700" -> "+07:00", which fromisoformat in 3.11 accepts either way; trim fractions.
    value = re.sub(r"\.\d+", "", value)
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        try:
            return datetime.fromisoformat(value[:10])
        except ValueError:
            return None


def _json_ld_dates(tree: HtmlElement) -> Iterator[str]:
    for script in tree.iter("script"):
        if "ld+json" not in (script.get("type") or "").lower() or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                if isinstance(item.get("datePublished"), str):
                    yield item["datePublished"]
                stack.extend(v for k, v in item.items() if k == "@graph" or isinstance(v, list))


def structured_date(tree: HtmlElement) -> datetime | None:
    """Publication date from JSON-LD, meta tags or ``<time>``, in that order of trust."""
    for value in _json_ld_dates(tree):
        if when := parse_iso(value):
            return when
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key in _META_NAMES and (when := parse_iso(meta.get("content") or "")):
            return when
    for el in tree.xpath('//*[@itemprop="datePublished"]'):
        # Blogger keeps the full timestamp in <abbr title="...">.
        value = el.get("content") or el.get("datetime") or el.get("title") or el.text_content()
        if when := parse_iso(value) or parse_indonesian_date(value):
            return when
    for el in tree.iter("time"):
        if (value := el.get("datetime")) and (when := parse_iso(value)):
            return when
    return None


def _headline(tree: HtmlElement, title: str | None) -> HtmlElement | None:
    """The element holding the headline: the <h1>/<h2> whose text is the title, else the last
    <h1> (the first is often the site logo)."""
    key = _norm(title or "")
    last = None
    for el in tree.iter("h1", "h2"):
        text = _norm(el.text_content())
        if key and text and (text == key or (len(text) > 10 and text in key)):
            return el
        if el.tag == "h1" and len(text) > 10:
            last = el
    return last


def _norm(text: str) -> str:
    return re.sub(r"\W+", "", text.lower())


def headline_date(tree: HtmlElement, title: str | None) -> datetime | None:
    """The Indonesian date printed next to the headline ("Rabu, 4 November 2015 | 21:04 WIB").
    Scanning the page from the top would pick the dates of sidebar headlines instead."""
    start = _headline(tree, title)
    if start is None:
        return None
    for chunk in _around(start):
        if when := parse_indonesian_date(chunk[:800]):
            return when
    return None


def _around(start: HtmlElement) -> Iterator[str]:
    """Texts near the headline, nearest first: siblings after, siblings before, then three
    enclosing blocks. Read lazily, since the first date wins and the enclosing blocks, often
    the whole page, cost the most."""
    for el in itertools.islice(start.itersiblings(), 6):
        yield el.text_content()
    for el in itertools.islice(start.itersiblings(preceding=True), 3):
        yield el.text_content()
    parent = start.getparent()
    for _ in range(3):
        if parent is None:
            return
        yield " ".join(parent.text_content().split())[:800]
        parent = parent.getparent()


def url_date(url: str) -> datetime | None:
    m = _URL_DATE.search(url)
    if not m:
        return None
    try:
        return datetime(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None
