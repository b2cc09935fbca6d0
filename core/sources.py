"""The sources file: one ``[[source]]`` table per site, added by its home page alone."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from core.errors import SourcesError

_NAME = re.compile(r"^[a-z0-9_-]+$")
MIN_DELAY = 1.0
_LIST_KEYS = ("feeds", "sitemaps", "listing", "allow", "deny")


@dataclass(frozen=True, slots=True)
class Source:
    name: str
    url: str
    province: str | None = None
    delay: float = MIN_DELAY
    max_pages: int = 2000
    feeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    listing: tuple[str, ...] = ()
    allow: tuple[str, ...] = ()
    deny: tuple[str, ...] = ()
    domains: tuple[str, ...] = field(default=())

    @property
    def host(self) -> str:
        return urlsplit(self.url).hostname or ""


def parse_sources(text: str, origin: str = "<sources>") -> list[Source]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise SourcesError(f"{origin}: not valid TOML ({exc})") from None
    tables = data.get("source")
    if not isinstance(tables, list) or not tables:
        raise SourcesError(f"{origin}: no [[source]] tables")
    seen: set[str] = set()
    out = [_one(t, i, origin) for i, t in enumerate(tables, 1)]
    for s in out:
        if s.name in seen:
            raise SourcesError(f"{origin}: source name {s.name!r} appears twice")
        seen.add(s.name)
    return out


def _one(table: object, index: int, origin: str) -> Source:
    where = f"{origin}: source #{index}"
    if not isinstance(table, dict):
        raise SourcesError(f"{where}: not a table")
    name, url = table.get("name"), table.get("url")
    if not isinstance(name, str) or not _NAME.match(name):
        raise SourcesError(f"{where}: 'name' must match [a-z0-9_-]+, got {name!r}")
    parts = urlsplit(url) if isinstance(url, str) else None
    if parts is None or parts.scheme not in ("http", "https") or not parts.hostname:
        raise SourcesError(f"{where} ({name}): 'url' must be an http(s) home page, got {url!r}")
    delay = table.get("delay", MIN_DELAY)
    if not isinstance(delay, int | float) or delay < 0:
        raise SourcesError(f"{where} ({name}): 'delay' must be a number of seconds >= 0")
    max_pages = table.get("max_pages", 2000)
    if not isinstance(max_pages, int) or max_pages < 1:
        raise SourcesError(f"{where} ({name}): 'max_pages' must be a whole number >= 1")
    lists: dict[str, tuple[str, ...]] = {}
    for key in _LIST_KEYS:
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise SourcesError(f"{where} ({name}): {key!r} must be a list of strings")
        lists[key] = tuple(value)
    for pattern in lists["allow"] + lists["deny"]:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise SourcesError(f"{where} ({name}): bad regex {pattern!r}: {exc}") from None
    province = table.get("province")
    return Source(
        name=name,
        url=url,
        province=province if isinstance(province, str) else None,
        delay=float(delay),
        max_pages=max_pages,
        domains=(parts.hostname,),
        **lists,
    )


def load_sources(path: str | Path) -> list[Source]:
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SourcesError(f"sources file not found: {p}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise SourcesError(f"cannot read sources file {p}: {exc}") from None
    return parse_sources(text, str(p))
