"""Pure functions that read a fetched page for what to crawl next.

Kept apart from the spider so they can be tested on stored HTML without
Scrapy: which links a page offers, which feeds and sitemaps a site announces,
and whether a page is an article or only leads to articles.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from parsel import Selector
from scrapy.utils.sitemap import Sitemap

ARTICLE_TYPES = frozenset(
    {"newsarticle", "article", "blogposting", "reportagenewsarticle", "analysisnewsarticle"}
)
# Date-like paths (/2021/04/13/slug/, /2021/05/slug.html) and numeric article ids
# (/berita/123/slug) are how regional CMSs address single articles.
_ARTICLE_PATH = re.compile(r"/(19|20)\d{2}/\d{1,2}/|/(berita|read|news|detail|artikel)/\d+")
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/feed+json")


def jsonld_types(sel: Selector) -> set[str]:
    types: set[str] = set()
    for raw in sel.xpath('//script[@type="application/ld+json"]/text()').getall():
        try:
            data = json.loads(raw)
        except ValueError:
            continue
        stack = [data]
        while stack:
            node = stack.pop()
            if isinstance(node, list):
                stack.extend(node)
            elif isinstance(node, dict):
                t = node.get("@type")
                for one in t if isinstance(t, list) else [t]:
                    if isinstance(one, str):
                        types.add(one.lower())
                graph = node.get("@graph")
                if graph:
                    stack.append(graph)
    return types


def looks_like_article(sel: Selector, url: str) -> bool:
    """Structured signals first (JSON-LD, og:type), then the URL shape with some text."""
    if jsonld_types(sel) & ARTICLE_TYPES:
        return True
    og = (sel.xpath('//meta[@property="og:type"]/@content').get() or "").strip().lower()
    if og == "article":
        return True
    if og in {"website", "blog", "profile"}:
        return False
    if _ARTICLE_PATH.search(url):
        words = sum(len(p.split()) for p in sel.xpath("//p//text()").getall())
        return words >= 120
    return False


def canonical_link(sel: Selector) -> str | None:
    return sel.xpath('//link[@rel="canonical"]/@href').get()


def feed_links(sel: Selector) -> list[str]:
    out = []
    for link in sel.xpath('//link[@rel="alternate"]'):
        kind = (link.attrib.get("type") or "").lower()
        href = link.attrib.get("href")
        if href and kind in _FEED_TYPES:
            out.append(href)
    return out


def feed_entries(body: bytes) -> Iterator[str]:
    """Article links of an RSS 2.0 or Atom feed."""
    sel = Selector(body=body, type="xml")
    sel.remove_namespaces()
    for link in sel.xpath("//item/link/text()").getall():
        yield link.strip()
    for entry in sel.xpath("//entry"):
        href = entry.xpath('link[@rel="alternate"]/@href').get() or entry.xpath("link/@href").get()
        if href:
            yield href.strip()


def sitemap_entries(body: bytes) -> tuple[str, list[tuple[str, str | None]]]:
    """``(kind, [(loc, lastmod)])`` of a sitemap; kind is ``urlset`` or ``sitemapindex``."""
    sm = Sitemap(body)
    entries = []
    for entry in sm:
        loc = entry.get("loc")
        if loc:
            lastmod = entry.get("lastmod") or entry.get("publication_date")
            entries.append((loc.strip(), lastmod))
    return sm.type or "", entries


def sitemaps_in_robots(text: str) -> list[str]:
    return [
        line.split(":", 1)[1].strip()
        for line in text.splitlines()
        if line.lower().startswith("sitemap:") and line.split(":", 1)[1].strip()
    ]
