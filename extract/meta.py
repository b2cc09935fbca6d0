"""Title and site name."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from lxml.html import HtmlElement

# Separators between a headline and the site name in <title>/og:title.
_SEPARATORS = re.compile(r"\s+[|\-\u2013\u2014:»·~]+\s+|\s*\|\s*")


def _norm(text: str) -> str:
    return re.sub(r"\W+", "", text.lower())


def _meta(tree: HtmlElement, *keys: str) -> str | None:
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or "").lower()
        if key in keys and (content := (meta.get("content") or "").strip()):
            return content
    return None


def host_of(url: str) -> str:
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.").removeprefix("m.")


def site_name(tree: HtmlElement, url: str, fallback: str | None = None) -> str | None:
    """og:site_name, else the name trafilatura found, else the host ("lampunginsta.com")."""
    name = _meta(tree, "og:site_name", "application-name", "twitter:site")
    # Some themes put the page title in og:site_name; a site name is short.
    if name and not name.startswith("@") and len(name) <= 40:
        return name
    return fallback or host_of(url) or None


_DOMAIN = re.compile(r"^\S+\.(?:com|co\.id|id|net|org|news)\b", re.I)


def _site_like(segment: str, site: str | None, host: str) -> bool:
    if _DOMAIN.match(segment.strip()):
        return True
    key = _norm(segment)
    if not key:
        return True
    host_key = _norm(host.split(".")[0]) if host else ""
    return bool(
        (site and (key == _norm(site) or key in _norm(site) or _norm(site) in key))
        or (host_key and (host_key in key or key in _norm(host)))
    )


def clean_title(
    candidates: list[str | None], tree: HtmlElement, site: str | None, url: str
) -> str | None:
    """The headline without " - Site" / " | Site": the page's <h1> when it agrees with the
    metadata title, else the metadata title with site-name segments removed."""
    host = host_of(url)
    titles = [" ".join(t.split()) for t in candidates if t and t.strip()]
    h1s = [" ".join(h.text_content().split()) for h in tree.iter("h1")]
    for title in titles:
        for h1 in h1s:
            if len(h1) > 10 and not _site_like(h1, site, host) and _norm(h1) in _norm(title):
                return h1
    for title in titles:
        parts = [p for p in _SEPARATORS.split(title) if p.strip()]
        while len(parts) > 1 and _site_like(parts[-1], site, host):
            parts.pop()
        while len(parts) > 1 and _site_like(parts[0], site, host):
            parts.pop(0)
        if parts:
            # Rejoin what was not the site name with the separator that was there.
            first, last = parts[0], parts[-1]
            return title[title.index(first) : title.rindex(last) + len(last)].strip()
    return None
