"""Which discovered URLs a source's crawl may fetch, and why not.

Kept free of Scrapy so the rules can be tested alone: stay on the source's
domains, fetch no binaries, honour the source's allow/deny patterns, and stay
out of traps (calendars, comment-reply links, endless query-string variants,
ever deeper or ever longer generated addresses).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from scrapy.linkextractors import IGNORED_EXTENSIONS

from core.sources import Source
from crawler.urls import same_site

_BINARY = frozenset("." + ext for ext in IGNORED_EXTENSIONS) | {".xz", ".apk", ".webm", ".m4a"}
# Shapes of URLs that generate pages without end on news CMSs.
TRAP_PATTERNS = (
    re.compile(r"[?&](replytocom|share|print|format|sort|order|orderby|filter|view)=", re.I),
    re.compile(r"[?&](calendar|kalender|bulan|tanggal|date|month|year|tahun|hari)=", re.I),
    re.compile(r"/(kalender|calendar|events?/day)/\d{4}-\d{2}", re.I),
    re.compile(r"/(wp-admin|wp-login\.php|wp-json|xmlrpc\.php|cgi-bin)(/|$)", re.I),
    re.compile(r"/(login|logout|register|daftar|masuk|cart|checkout)(/|\?|$)", re.I),
    re.compile(r"[?&](s|q|search|keyword)=", re.I),  # site search results
    re.compile(r"(/[^/]+)\1{2,}/"),  # the same path segment three times in a row
)
# Query variants of one path tolerated per run: enough for ?page=N listings of a
# small site, too few to walk an endless generated calendar.
MAX_QUERY_VARIANTS = 25


@dataclass(slots=True)
class Frontier:
    """The rules for one source in one run; ``max_depth`` (links from a start page),
    ``max_url_length`` and ``max_pages`` (the run's page budget) are off at 0, as Scrapy's
    DEPTH_LIMIT and URLLENGTH_LIMIT."""

    source: Source
    max_depth: int = 0
    max_url_length: int = 0
    max_pages: int = 0
    variants: Counter[str] = field(default_factory=Counter)
    asked: set[str] = field(default_factory=set)
    spent: int = 0
    _allow: list[re.Pattern[str]] = field(init=False)
    _deny: list[re.Pattern[str]] = field(init=False)

    def __post_init__(self) -> None:
        self._allow = [re.compile(p) for p in self.source.allow]
        self._deny = [re.compile(p) for p in self.source.deny]

    def refusal(self, url: str, depth: int = 0) -> str | None:
        """Why ``url``, found ``depth`` links from a start page, must not be fetched, or None."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            return "scheme"
        if not same_site(url, self.source.domains):
            return "offsite"
        if self.max_url_length and len(url) > self.max_url_length:
            return "too long"
        if self.max_depth and depth > self.max_depth:
            return "too deep"
        path = parts.path.lower()
        if any(path.endswith(ext) for ext in _BINARY):
            return "binary"
        if any(p.search(url) for p in self._deny):
            return "denied"
        if self._allow and not any(p.search(url) for p in self._allow):
            return "not allowed"
        if any(p.search(url) for p in TRAP_PATTERNS):
            return "trap"
        if parts.query:
            key = parts.path
            if self.variants[key] >= MAX_QUERY_VARIANTS:
                return "query variants"
            self.variants[key] += 1
        return None

    @property
    def exhausted(self) -> bool:
        return bool(self.max_pages) and self.spent >= self.max_pages

    def charge(self, url: str, paid: bool = True) -> str | None:
        """Record a request for the canonical ``url``, or say why there is none: "repeat"
        when this run asked for it already, "budget" when the page budget is spent. The
        budget pays for addresses, not repeats: Scrapy's duplicate filter drops a repeat
        only after it was charged, and a sitemap and a home page listing the same articles
        would spend it twice as fast as pages are fetched. Unpaid requests (robots.txt) are
        only recorded."""
        if url in self.asked:
            return "repeat"
        if paid:
            if self.exhausted:
                return "budget"
            self.spent += 1
        self.asked.add(url)
        return None
