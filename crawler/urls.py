"""Canonical URLs: one article, one row, whatever tracking or AMP dress a link wears."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# Parameters that only say where a click came from; they never change the page.
TRACKING_PARAMS = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "msclkid",
        "mc_cid",
        "mc_eid",
        "igshid",
        "yclid",
        "_ga",
        "_gl",
        "ref",
        "ref_src",
        "share",
        "amp",
        "m",
        "src",
        "from",
        "showcomment",
        "phpsessid",
        "jsessionid",
        "sessionid",
        "sid",
    }
)
_TRACKING_PREFIXES = ("utm_", "pk_", "mtm_")
_FIRST_PAGE_KEYS = frozenset({"page", "halaman", "hal", "paged"})
_AMP_SUFFIX = re.compile(r"/amp/?$")
_AMP_SEGMENT = re.compile(r"/amp(?=/)")


def _is_tracking(key: str) -> bool:
    k = key.lower()
    return k in TRACKING_PARAMS or k.startswith(_TRACKING_PREFIXES)


def canonical_url(url: str) -> str:
    """Fold the variants a news site links an article under into one address.

    Drops the fragment and tracking parameters, lower-cases scheme and host,
    folds AMP twins (``/amp/`` suffix or segment, ``?amp=1``) and Blogger's
    ``?m=1`` mobile twin, and sorts what query remains so that parameter order
    cannot make two rows.
    """
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    if parts.port and not (
        (parts.scheme == "http" and parts.port == 80)
        or (parts.scheme == "https" and parts.port == 443)
    ):
        host = f"{host}:{parts.port}"
    path = parts.path or "/"
    path = _AMP_SUFFIX.sub("/", path)
    path = _AMP_SEGMENT.sub("", path)
    query = sorted(
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        # "?page=1" is the page itself, however a pager links back to it.
        if not _is_tracking(k) and not (k.lower() in _FIRST_PAGE_KEYS and v == "1")
    )
    return urlunsplit((parts.scheme.lower(), host, path, urlencode(query), ""))


def same_site(url: str, domains: tuple[str, ...]) -> bool:
    """True when ``url`` is on one of ``domains`` or a subdomain of one."""
    host = (urlsplit(url).hostname or "").lower()
    return any(host == d or host.endswith("." + d) for d in domains)
