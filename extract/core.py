"""``article_from_html``: trafilatura on a tree cleaned by Indonesian rules, then line rules
for what survives (bylines, sign-offs, datelines, page furniture), then metadata."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, time
from itertools import islice
from typing import Any
from urllib.parse import urlsplit

import trafilatura
from lxml.html import HtmlElement
from trafilatura.metadata import extract_metadata
from trafilatura.utils import load_html

from core.model import Article
from extract.byline import Byline, clean_name, parse_byline_line, split_dateline, split_signoff
from extract.clean import clean_tree
from extract.dates import (
    DATE_WORDS,
    headline_date,
    parse_indonesian_date,
    parse_iso,
    structured_date,
    url_date,
)
from extract.lang import detect_language
from extract.meta import clean_title, site_name
from extract.publishers import PUBLISHERS
from extract.rules import rules

log = logging.getLogger("extract")

# Shorter than this (in words) is a stub, a photo caption or an error page, not an article.
MIN_WORDS = 40
# Share of the text made of link captions from elsewhere on the page above which it is a list
# of headlines (home, category or tag page), not an article.
MAX_LINKED_SHARE = 0.5
_LISTING_PATH = re.compile(
    r"^/?$|/(?:category|kategori|tag|tags|topik|topic|label|indeks|index|search|author|penulis|"
    r"page|arsip|archive)(?:/|$)",
    re.I,
)
_WORDS = re.compile(r"\w+")
# Extraction time grows with markup (trafilatura spends about 5 s per MB of dense markup), so
# a page is bounded before parsing. The largest benchmark page has 254,000 characters of
# markup once scripts and styles are gone; above ``MAX_MARKUP`` what is left is cut, keeping
# the top, where the article is.
MAX_MARKUP = 400_000
# Time grows with the number of elements too, faster than linearly for some shapes: 10,000
# bold words in one paragraph took 9 s, 50,000 short paragraphs 8 to 20 s. The largest
# benchmark page has 4,000 tags.
MAX_TAGS = 10_000
# Above this many elements trafilatura runs without its fallbacks (readability, jusText):
# jusText revises a run of short paragraphs in quadratic time (20,000 took 8 minutes).
MAX_FALLBACK_ELEMENTS = 5_000
# Script, style and inline-data blocks carry no text; removed before measuring the page.
_NON_TEXT = re.compile(
    r"<(script|style|noscript|svg|template)\b[^>]*>.*?</\1\s*>|<!--.*?-->", re.I | re.S
)
_INLINE_DATA = re.compile(r"data:[\w/.+-]+;base64,[\w+/=\s]+", re.I)
# XML 1.0 forbids these; lxml refuses strings holding them (NUL bytes from broken servers,
# lone surrogates from bytes decoded with "surrogateescape"): one made the whole page lost.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# A line that is a date and little else ("Selasa 13-04-2021,14:50 WIB", "Rabu, 2 Juni 2021").
_MAX_DATE_LINE = 60


@dataclass(slots=True)
class _Body:
    lines: list[str]
    byline: Byline = field(default_factory=Byline)
    dateline: str | None = None
    date: datetime | None = None


def _parse(html: str) -> HtmlElement | None:
    try:
        tree = load_html(html)
    except (ValueError, RecursionError) as exc:  # lxml's refusals of malformed input
        log.debug("cannot parse: %r", exc)
        return None
    return tree if isinstance(tree, HtmlElement) else None


def _bounded(html: str, url: str) -> str:
    """``html`` without control characters, and cut to ``MAX_MARKUP`` characters and
    ``MAX_TAGS`` tags if it is huge."""
    html = _CONTROL.sub("", html)
    if len(html) <= MAX_MARKUP:
        return _tags_bounded(html, url)
    size = len(html)
    html = _INLINE_DATA.sub("data:,", _NON_TEXT.sub("", html))
    if len(html) > MAX_MARKUP:
        # Cut before a tag, so the last element is whole; lxml closes what is left open.
        cut = html.rfind("<", 0, MAX_MARKUP)
        html = html[: cut if cut > 0 else MAX_MARKUP]
        log.info("%s: page of %d characters cut to %d", url, size, len(html))
    return _tags_bounded(html, url)


def _tags_bounded(html: str, url: str) -> str:
    tags = html.count("<")
    if tags <= MAX_TAGS:
        return html
    cut = -1
    for _ in range(MAX_TAGS):
        cut = html.find("<", cut + 1)
    log.info("%s: page of %d tags cut to %d", url, tags, MAX_TAGS)
    return html[:cut]


def _anchor_texts(tree: HtmlElement) -> set[str]:
    texts = set()
    for a in tree.iter("a"):
        text = " ".join(a.text_content().split()).lower()
        if len(text) > 15:
            texts.add(text)
    return texts


def _trafilatura(tree: HtmlElement, url: str, *, recall: bool = False) -> Any:
    crowded = any(True for _ in islice(tree.iter(), MAX_FALLBACK_ELEMENTS, None))
    return trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        favor_recall=recall,
        deduplicate=False,
        fast=crowded,
    )


def _is_date_line(line: str) -> datetime | None:
    if len(line) > _MAX_DATE_LINE:
        return None
    when = parse_indonesian_date(line)
    if when is None:
        return None
    rest = re.sub(r"[\W\d_]+", " ", line).lower().split()
    # Whatever is left besides the date must be day names, months, "WIB", "pukul"...
    return when if all(w in DATE_WORDS for w in rest) else None


def _clean_lines(text: str, title: str | None) -> _Body:
    r = rules()
    title_key = re.sub(r"\W+", "", (title or "").lower())
    body = _Body(lines=[])
    for raw in text.splitlines():
        line = " ".join(raw.split())
        if not line:
            continue
        if r.cut_from.match(line):
            break
        if r.drop_line.match(line):
            continue
        if title_key and re.sub(r"\W+", "", line.lower()) == title_key:
            continue
        # Bylines in layout tables come out as "| Penulis | : Nama |".
        found = parse_byline_line(re.sub(r"\s*\|\s*(?=:)", "", line).strip(" |"))
        if found is not None:
            body.byline.authors.extend(found.authors)
            body.byline.editors.extend(found.editors)
            continue
        if when := _is_date_line(line):
            body.date = body.date or when
            continue
        if body.lines and body.lines[-1] == line:
            continue
        body.lines.append(line)
    return body


def _finish(body: _Body) -> None:
    """Sign-off off the last line, dateline off the first."""
    if body.lines:
        last, signoff = split_signoff(body.lines[-1])
        if last != body.lines[-1]:
            if last:
                body.lines[-1] = last
            else:
                body.lines.pop()
            if not body.byline.authors:
                body.byline.authors.extend(signoff.authors)
            if not body.byline.editors:
                body.byline.editors.extend(signoff.editors)
    if body.lines:
        dateline, rest = split_dateline(body.lines[0])
        if dateline is not None:
            body.dateline = dateline
            if rest.strip():
                body.lines[0] = rest.strip()
            else:
                body.lines.pop(0)


def _body_of(tree: HtmlElement, url: str) -> tuple[Any, str]:
    clean_tree(tree)
    doc = _trafilatura(tree, url)
    return doc, (doc.text or "") if doc is not None else ""


def _word_count(text: str) -> int:
    return len(_WORDS.findall(text))


def _extract_body(html: str, tree: HtmlElement, url: str) -> tuple[Any, str]:
    """Fast path: trafilatura's default (precision-leaning) extraction on the cleaned tree.
    Fallback, only when that gives a stub: the untouched page with ``favor_recall``, in case the
    rules or trafilatura's own pruning took the article for boilerplate."""
    doc, text = _body_of(tree, url)
    if _word_count(text) >= MIN_WORDS:
        return doc, text
    fresh = _parse(html)
    retry = _trafilatura(fresh, url, recall=True) if fresh is not None else None
    if retry is not None and _word_count(retry.text or "") > _word_count(text):
        log.debug("%s: recall fallback used", url)
        return retry, retry.text or ""
    return doc, text


@dataclass(slots=True)
class _Override:
    """What a publisher parser found: the body lines, and its own stub threshold."""

    lines: list[str]
    min_words: int
    parser: str
    published: datetime | None = None


def _publisher_body(tree: HtmlElement, url: str, when: datetime | None) -> _Override | None:
    """Fast path: the registered parser of the URL's publisher, the version valid on ``when``
    first, then the others; None when the site has no parser or no version finds a body."""
    publisher = PUBLISHERS.lookup(url)
    if publisher is None:
        return None
    for version in publisher.candidates(when.date() if when else None):
        found = version(tree, url).parse()
        if lines := found.get("body"):
            minimum = version.MIN_WORDS or MIN_WORDS
            return _Override(lines, minimum, version.__name__, found.get("published"))
    log.debug("%s: no %s parser version found a body, generic extraction", url, publisher.name)
    return None


def _listing_by_markup(tree: HtmlElement) -> str | None:
    r = rules()
    body = tree.find(".//body")
    classes = set((body.get("class") or "").lower().split()) if body is not None else set()
    if classes & r.listing_body_classes and not classes & r.single_body_classes:
        return f"listing page: body class {sorted(classes & r.listing_body_classes)}"
    return None


def _is_listing(url: str, tree: HtmlElement, lines: list[str], anchors: set[str]) -> str | None:
    chars = sum(len(line) for line in lines)
    linked = sum(len(line) for line in lines if line.lower() in anchors)
    if chars and linked / chars > MAX_LINKED_SHARE:
        return f"listing page: {linked / chars:.0%} of the text is link captions"
    og_type = next(
        (m.get("content", "") for m in tree.iter("meta") if m.get("property") == "og:type"), ""
    )
    if url and _LISTING_PATH.search(urlsplit(url).path) and og_type.lower() != "article":
        return "listing page: home, category, tag or archive URL"
    return None


def _continuation(html: str, url: str, title: str | None) -> _Body:
    """Body of a later page of a multi-page article."""
    tree = _parse(html)
    if tree is None:
        return _Body(lines=[])
    override = _publisher_body(tree, url, None)
    text = "\n".join(override.lines) if override else _body_of(tree, url)[1]
    body = _clean_lines(text, title)
    _finish(body)
    return body


def _append(body: _Body, later: _Body) -> None:
    """Append a later page; its byline counts too, since sign-offs close the last page."""
    seen = set(body.lines)
    body.lines.extend(line for line in later.lines if line not in seen)
    body.byline.authors.extend(a for a in later.byline.authors if a not in body.byline.authors)
    body.byline.editors.extend(e for e in later.byline.editors if e not in body.byline.editors)


def _published(
    structured: datetime | None,
    headline: datetime | None,
    in_text: datetime | None,
    url: str,
    found_by_trafilatura: str | None,
) -> datetime | None:
    """The date readers see beside the headline, with its WIB/WITA/WIT zone, beats metadata,
    which CMSs often stamp "Z" on local time; then metadata; then dates in the text or URL."""
    if headline is not None and headline.tzinfo is not None:
        return headline
    candidates = [structured, headline, in_text, url_date(url)]
    if found_by_trafilatura:
        candidates.append(parse_iso(found_by_trafilatura))
    known = [c for c in candidates if c is not None]
    if not known:
        return None
    # A bare date (midnight, no zone) gives way to a later candidate that has the time of day.
    first = known[0]
    if first.tzinfo is None and first.time() == time():
        for other in known[1:]:
            if other.date() == first.date() and other.time() != time():
                return other
    return first


def _author(body: Byline, doc_author: str | None) -> str | None:
    if body.author:
        return body.author
    if doc_author:
        names = [clean_name(part) for part in re.split(r"[;,]|\band\b|\bdan\b", doc_author)]
        joined = ", ".join(n for n in names if n)
        return joined or None
    return None


def _title_candidates(tree: HtmlElement) -> list[str | None]:
    found: list[str | None] = []
    for meta in tree.iter("meta"):
        if (meta.get("property") or meta.get("name") or "").lower() in (
            "og:title",
            "twitter:title",
        ):
            found.append(meta.get("content"))
    found.extend(t.text_content() for t in tree.iter("title"))
    return found


def article_from_html(
    html: str, url: str, *, source: str | None = None, pages: Sequence[str] = ()
) -> Article | None:
    """The article of one page, or None (logged at INFO with the reason) for non-articles.

    Never raises on bad input (empty, binary, truncated, huge, deeply nested, mis-decoded):
    such a page gives None with the reason logged, or the best article that can be read."""
    html = _bounded(html, url)
    pages = [_bounded(p, url) for p in pages]
    tree = _parse(html)
    if tree is None:
        log.info("%s: not HTML", url)
        return None
    # Metadata first: cleaning removes the share bar that some themes print the date in.
    site = site_name(tree, url)
    title = clean_title(_title_candidates(tree), tree, site, url)
    structured = structured_date(tree)
    beside_headline = headline_date(tree, title)
    anchors = _anchor_texts(tree)
    lang_hint = tree.get("lang") or tree.get("xml:lang")
    if reason := _listing_by_markup(tree):
        log.info("%s: %s", url, reason)
        return None
    min_words = MIN_WORDS
    if override := _publisher_body(tree, url, structured or beside_headline):
        # Metadata only from trafilatura: the parser has the body.
        doc, text, min_words = (
            extract_metadata(tree, default_url=url),
            "\n".join(override.lines),
            override.min_words,
        )
        log.debug("%s: body from publisher parser %s", url, override.parser)
    else:
        doc, text = _extract_body(html, tree, url)
    if doc is None or not text.strip():
        log.info("%s: no text found", url)
        return None
    title = title or clean_title([doc.title], tree, site, url)
    body = _clean_lines(text, title)
    _finish(body)
    if reason := _is_listing(url, tree, body.lines, anchors):
        log.info("%s: %s", url, reason)
        return None
    for extra in pages:
        _append(body, _continuation(extra, url, title))
    text = "\n".join(body.lines)
    words = _word_count(text)
    if words < min_words:
        log.info("%s: too short (%d words)", url, words)
        return None
    return Article(
        url=url,
        text=text,
        title=title,
        published=(override and override.published)
        or _published(structured, beside_headline, body.date, url, doc.date),
        author=_author(body.byline, doc.author),
        editor=body.byline.editor,
        dateline=body.dateline,
        site=site,
        lang=detect_language(text, lang_hint),
        source=source,
    )


def to_json(article: Article) -> dict[str, Any]:
    """The ``pantau extract`` line of CONTRACT.md: url, title, text, published (ISO or null),
    author, site, lang; plus editor and dateline."""
    return {
        "url": article.url,
        "title": article.title,
        "text": article.text,
        "published": article.published.isoformat() if article.published else None,
        "author": article.author,
        "site": article.site,
        "lang": article.lang,
        "editor": article.editor,
        "dateline": article.dateline,
    }
