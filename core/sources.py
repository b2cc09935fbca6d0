"""The sources file: one ``[[source]]`` table per site, added by its home page alone."""

from __future__ import annotations

import math
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from core.errors import SourcesError

_NAME = re.compile(r"^[a-z0-9_-]+$")
_TOML_PLACE = re.compile(r"\s*\(at (?:line (\d+), column (\d+)|end of document)\)$")
_TABLE_HEADER = re.compile(r"^\s*\[\[\s*source\s*\]\]")
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
        # "file:line:column: ..." as compilers say it; tomllib puts the place at the end.
        message = str(exc)
        place = _TOML_PLACE.search(message)
        if place is None:
            raise SourcesError(f"{origin}: not valid TOML: {message}") from None
        if place[1]:
            line, column = int(place[1]), int(place[2])
        else:  # a truncated file
            line, column = text.count("\n") + 1, len(text) - text.rfind("\n")
        raise SourcesError(
            f"{origin}:{line}:{column}: not valid TOML: {message[: place.start()]}"
        ) from None
    tables = data.get("source")
    if not isinstance(tables, list) or not tables:
        raise SourcesError(f"{origin}: no [[source]] tables")
    out: list[Source] = []
    first: dict[str, str] = {}
    lines = _table_lines(text, len(tables))
    for i, (table, line) in enumerate(zip(tables, lines, strict=True), 1):
        source = _one(table, f"{origin}{line}: source #{i}")
        if source.name in first:
            raise SourcesError(
                f"{origin}{line}: source name {source.name!r} appears twice"
                f" (first at {first[source.name]})"
            )
        first[source.name] = f"line {line[1:]}" if line else f"source #{i}"
        out.append(source)
    return out


def _table_lines(text: str, count: int) -> list[str]:
    """``:N`` for the line of each ``[[source]]`` header, so errors point into the file;
    empty strings when the tables were written some other way (an inline array)."""
    found = [f":{n}" for n, line in enumerate(text.splitlines(), 1) if _TABLE_HEADER.match(line)]
    return found if len(found) == count else [""] * count


def _one(table: object, where: str) -> Source:
    if not isinstance(table, dict):
        raise SourcesError(f"{where}: not a table")
    name, url = table.get("name"), table.get("url")
    if not isinstance(name, str) or not _NAME.match(name):
        raise SourcesError(f"{where}: 'name' must match [a-z0-9_-]+, got {name!r}")
    where = f"{where} ({name})"
    parts = urlsplit(url) if isinstance(url, str) else None
    if parts is None or parts.scheme not in ("http", "https") or not parts.hostname:
        raise SourcesError(f"{where}: 'url' must be an http(s) home page, got {url!r}")
    delay = table.get("delay", MIN_DELAY)
    # TOML has inf and nan, and Python counts true as 1: none of them is a delay.
    if not _is_number(delay) or not math.isfinite(delay) or delay < 0:
        raise SourcesError(f"{where}: 'delay' must be a number of seconds >= 0, got {delay!r}")
    max_pages = table.get("max_pages", 2000)
    if not isinstance(max_pages, int) or isinstance(max_pages, bool) or max_pages < 1:
        raise SourcesError(f"{where}: 'max_pages' must be a whole number >= 1, got {max_pages!r}")
    province = table.get("province")
    if province is not None and not isinstance(province, str):
        raise SourcesError(f"{where}: 'province' must be a string, got {province!r}")
    lists: dict[str, tuple[str, ...]] = {}
    for key in _LIST_KEYS:
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise SourcesError(f"{where}: {key!r} must be a list of strings")
        lists[key] = tuple(value)
    for pattern in lists["allow"] + lists["deny"]:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise SourcesError(f"{where}: bad regex {pattern!r}: {exc}") from None
    return Source(
        name=name,
        url=url,
        province=province,
        delay=float(delay),
        max_pages=max_pages,
        domains=(parts.hostname,),
        **lists,
    )


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def load_sources(path: str | Path) -> list[Source]:
    p = Path(path)
    try:
        raw = p.read_bytes()
    except FileNotFoundError:
        raise SourcesError(f"sources file not found: {p}") from None
    except OSError as exc:
        raise SourcesError(f"cannot read sources file {p}: {exc.strerror}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise SourcesError(
            f"{p}:{line}: not UTF-8 text (byte 0x{raw[exc.start]:02x}); is this a sources file?"
        ) from None
    return parse_sources(text, str(p))
