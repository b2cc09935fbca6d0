"""Pure functions that read a fetched page for what to crawl next.

Kept apart from the spider so they can be tested on stored HTML without
Scrapy: which links a page offers, which feeds and sitemaps a site announces,
and whether a page is an article or only leads to articles.
"""

from __future__ import annotations

import email.utils
import gzip
import io
import json
import re
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import parse_qsl, urljoin, urlsplit

from lxml import etree
from parsel import Selector

from core.errors import HostileInput

ARTICLE_TYPES = frozenset(
    {"newsarticle", "article", "blogposting", "reportagenewsarticle", "analysisnewsarticle"}
)
# Date-like paths (/2021/04/13/slug/, /2021/05/slug.html) and numeric article ids
# (/berita/123/slug) are how regional CMSs address single articles.
_ARTICLE_PATH = re.compile(
    r"/(19|20)\d{2}/\d{1,2}/(\d{1,2}/)?[\w-]*[a-z][\w-]{3,}|/(berita|read|news|detail|artikel)/\d+",
    re.I,
)
# Words of running text outside links and page chrome: high on articles, low on listings.
_PROSE = (
    "//body//text()[normalize-space()][not(ancestor::a or ancestor::script or ancestor::style"
    " or ancestor::nav or ancestor::header or ancestor::footer or ancestor::aside"
    " or ancestor::noscript or ancestor::form)]"
)
MIN_PROSE_WORDS = 120
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
        words = sum(len(t.split()) for t in sel.xpath(_PROSE).getall())
        return words >= MIN_PROSE_WORDS
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


@dataclass(frozen=True, slots=True)
class Entry:
    """A link found in a feed or sitemap, with the date the file gives it, if any."""

    url: str
    date: datetime | None = None


# XML from the web is parsed without entities, DTDs or network access, and with
# lxml's size limits kept: feeds and sitemaps are where XML bombs get served.
_XML = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, recover=True, huge_tree=False
)


def _xml(body: bytes) -> etree._Element | None:
    """The root of an XML document, None when it is not XML.

    Raises HostileInput when the document declares entities. Sitemaps and feeds have no use
    for them, and they are how XML bombs and external-entity reads are built; libxml2 still
    expands internal entities inside attribute values, so not resolving them is not enough.
    """
    try:
        root = etree.fromstring(body.lstrip(), parser=_XML)
    except etree.XMLSyntaxError:
        return None
    if root is None:
        return None
    dtd = root.getroottree().docinfo.internalDTD
    declared = [e.name for e in dtd.iterentities()] if dtd is not None else []
    if declared:
        shown = ", ".join(declared[:5]) + (", ..." if len(declared) > 5 else "")
        raise HostileInput(f"XML declares {len(declared)} entities ({shown}); not read")
    return root


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def parse_date(text: str | None) -> datetime | None:
    """W3C dates of sitemaps and Atom, RFC 822 dates of RSS; naive ones taken as UTC."""
    if not text:
        return None
    text = text.strip()
    when: datetime | None = None
    try:
        when = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(text)
        except (TypeError, ValueError):
            return None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def feed_entries(body: bytes) -> list[Entry]:
    """Article links of an RSS 2.0 or Atom feed, with their publication dates.

    Raises HostileInput for a feed that declares XML entities.
    """
    root = _xml(body)
    if root is None:
        return []
    out: list[Entry] = []
    for node in root.iter():
        name = _local(node.tag)
        if name == "item":
            fields = {_local(c.tag): c for c in node}
            link = fields.get("link")
            href = (link.text or "").strip() if link is not None else ""
            if not href and "guid" in fields:
                href = (fields["guid"].text or "").strip()
            dated = [fields[k].text for k in ("pubdate", "date") if k in fields]
            if href:
                out.append(Entry(href, parse_date(dated[0] if dated else None)))
        elif name == "entry":
            href = ""
            for child in node:
                if _local(child.tag) == "link" and child.get("rel", "alternate") == "alternate":
                    href = (child.get("href") or "").strip()
                    break
            dates = [c.text for c in node if _local(c.tag) in ("published", "updated")]
            if href:
                out.append(Entry(href, parse_date(dates[0] if dates else None)))
    return out


def sitemap_entries(body: bytes) -> tuple[str, list[Entry]]:
    """``(kind, entries)`` of a sitemap; kind is ``urlset`` or ``sitemapindex``.

    An entry's date is its Google News ``publication_date`` if given, else ``lastmod``.
    Raises HostileInput for a sitemap that declares XML entities.
    """
    root = _xml(body)
    if root is None:
        return "", []
    kind = _local(root.tag)
    out: list[Entry] = []
    for node in root:
        if _local(node.tag) not in ("url", "sitemap"):
            continue
        loc = lastmod = published = None
        for child in node.iter():
            name = _local(child.tag)
            if name == "loc" and loc is None:
                loc = (child.text or "").strip()
            elif name == "lastmod":
                lastmod = child.text
            elif name == "publication_date":
                published = child.text
        if loc:
            out.append(Entry(loc, parse_date(published) or parse_date(lastmod)))
    return kind, out


# The sitemap protocol's own limit on an uncompressed sitemap file.
SITEMAP_MAX_BYTES = 50 * 1024 * 1024
_GZIP_MAGIC = b"\x1f\x8b"
_INFLATE_STEP = 64 * 1024


def gunzipped(body: bytes, max_size: int = SITEMAP_MAX_BYTES) -> bytes:
    """``body`` inflated when it is gzip data (a ``sitemap.xml.gz``), else ``body`` itself.

    Inflates step by step and raises HostileInput past ``max_size`` bytes: a megabyte of gzip
    can stand for a gigabyte. A truncated or corrupt stream gives what could be read.
    """
    if not body.startswith(_GZIP_MAGIC):
        return body
    out = bytearray()
    reader = gzip.GzipFile(fileobj=io.BytesIO(body))
    while True:
        try:
            chunk = reader.read1(_INFLATE_STEP)
        except (OSError, EOFError, zlib.error):
            break  # truncated or corrupt: what was inflated so far is all there is
        if not chunk:
            break
        out += chunk
        if len(out) > max_size:
            raise HostileInput(
                f"gzip data of {len(body)} bytes inflates past {max_size} bytes; not read"
            )
    return bytes(out)


def unwrap_redirect(url: str) -> str:
    """The article address inside a feed's click-tracking wrapper, if one is there.

    Wrappers carry the target in a query parameter (``?url=``, ``?u=``, ``?link=``);
    a link that is not a wrapper comes back unchanged.
    """
    for _key, value in parse_qsl(urlsplit(url).query):
        if value.startswith(("http://", "https://")):
            return value
    return url


def generator(sel: Selector) -> str:
    """The CMS a page says made it (``wordpress``, ``blogger``), lower-cased, or ''."""
    meta = sel.xpath('//meta[@name="generator"]/@content').get() or ""
    return meta.split()[0].lower() if meta.strip() else ""


def sitemaps_in_robots(text: str) -> list[str]:
    return [
        line.split(":", 1)[1].strip()
        for line in text.splitlines()
        if line.lower().startswith("sitemap:") and line.split(":", 1)[1].strip()
    ]


_PAGE_PARAMS = ("page", "halaman", "hal", "p")
_ALL_VALUES = ("all", "semua", "full")
MAX_PARTS = 20


def article_parts(
    sel: Selector, page_url: str, article_url: str
) -> tuple[str | None, dict[int, str]]:
    """How a multi-page article continues: ``(single_page_url, {n: url of page n})``.

    ``article_url`` is page 1's address; page links are recognised as the same
    path with ``?page=N`` (or ``halaman``/``hal``/``p``) or with ``/N/`` appended.
    A "show all" link (``?page=all``) is returned instead, when the site has one.
    """
    base = urlsplit(article_url)
    base_path = base.path.rstrip("/")
    single: str | None = None
    parts: dict[int, str] = {}
    for href in sel.xpath("//a/@href").getall():
        try:
            url = urljoin(page_url, href.strip())
        except ValueError:
            continue
        parts_of = urlsplit(url)
        if parts_of.netloc != base.netloc:
            continue
        query = dict(parse_qsl(parts_of.query))
        path = parts_of.path.rstrip("/")
        if path == base_path:
            for key in _PAGE_PARAMS:
                value = query.get(key, "").lower()
                if value in _ALL_VALUES:
                    single = url
                elif value.isdigit() and 2 <= int(value) <= MAX_PARTS:
                    parts.setdefault(int(value), url)
        elif path.startswith(base_path + "/") and not parts_of.query:
            tail = path[len(base_path) + 1 :]
            if tail.isdigit() and 2 <= int(tail) <= MAX_PARTS:
                parts.setdefault(int(tail), url)
            elif tail.lower() in _ALL_VALUES:
                single = url
    return single, parts
