"""Per-publisher parsers, Fundus style: one class per publisher layout, fields as decorated
methods, selectors as class constants, and a registry keyed by domain that rejects duplicates.

Only for publishers where generic extraction fails: a parser answers the fields it knows
(usually just the body) and ``article_from_html`` takes everything else from the generic
path. A layout change adds a new parser class valid from a date; the old one stays, because
archived pages (and ``pantau reprocess`` of old raw HTML) still use the old layout.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Iterator
from copy import deepcopy
from dataclasses import dataclass
from datetime import date
from typing import Any, ClassVar, TypeVar
from urllib.parse import urlsplit

from lxml.etree import XPath
from lxml.html import HtmlElement

from extract.clean import delete_keeping_tail

log = logging.getLogger("extract")

_F = TypeVar("_F", bound=Callable[..., Any])
_FIELD = "_pantau_field"

# Elements whose text never belongs to an article body, whatever the layout.
_NEVER_TEXT = XPath(
    ".//script | .//style | .//noscript | .//iframe | .//form | .//select | .//button | .//template"
)
# Tags after which the text continues on a new line.
_LINE_BREAKING = frozenset(
    {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "table",
     "ul", "ol", "figure", "figcaption", "section", "article", "header", "footer", "pre"}
)  # fmt: skip


_SPACES = re.compile(r"\s+")


def has_class(tag: str, name: str) -> str:
    """XPath step for ``tag`` elements carrying the CSS class ``name`` (a whole token), so
    selectors need neither cssselect nor a regular expression."""
    return f"{tag}[contains(concat(' ', normalize-space(@class), ' '), ' {name} ')]"


def field(method: _F) -> _F:
    """Mark a parser method as the extractor of the article field of the same name."""
    setattr(method, _FIELD, method.__name__)
    return method


def element_lines(element: HtmlElement) -> list[str]:
    """The text of ``element`` as lines, one per paragraph, ``<br>`` or block element.

    Newlines inside text nodes are source formatting, not breaks: they become spaces, and
    only block boundaries and ``<br>`` start a new line.
    """
    parts: list[str] = []

    def text(value: str | None) -> None:
        if value:
            parts.append(_SPACES.sub(" ", value))

    def walk(el: HtmlElement) -> None:
        if not isinstance(el.tag, str):  # comments and processing instructions
            text(el.tail)
            return
        breaks = el.tag in _LINE_BREAKING
        if breaks:
            parts.append("\n")
        text(el.text)
        for child in el:
            walk(child)
        if breaks:
            parts.append("\n")
        text(el.tail)

    text(element.text)
    for child in element:
        walk(child)
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return [line for line in lines if line]


class Parser:
    """One layout of one publisher. Subclasses set ``VALID_FROM`` and define ``@field``
    methods; each receives the parsed page (never modified) and returns a value or None."""

    VALID_FROM: ClassVar[date] = date.min
    # Words below which the body is a stub. A layout-specific selector only matches the body
    # (or a photo page's caption), so a parser may accept shorter texts than the generic path.
    MIN_WORDS: ClassVar[int | None] = None

    def __init__(self, tree: HtmlElement, url: str) -> None:
        self.tree = tree
        self.url = url

    @classmethod
    def fields(cls) -> dict[str, Callable[[Parser], Any]]:
        found: dict[str, Callable[[Parser], Any]] = {}
        for klass in reversed(cls.__mro__):
            for value in vars(klass).values():
                name = getattr(value, _FIELD, None)
                if name is not None:
                    found[name] = value
        return found

    def parse(self) -> dict[str, Any]:
        """Every field this parser found (a field returning None is left to the generic
        path; one that raises is logged and left too, so a parser bug never loses a page)."""
        result: dict[str, Any] = {}
        for name, method in self.fields().items():
            try:
                value = method(self)
            except Exception as exc:  # a parser bug must fall back to generic extraction
                log.warning("%s: %s.%s failed: %r", self.url, type(self).__name__, name, exc)
                continue
            if value is not None:
                result[name] = value
        return result

    # -- helpers for subclasses ------------------------------------------------------------

    def first(self, selector: XPath) -> HtmlElement | None:
        found = selector(self.tree)
        assert isinstance(found, list)
        return found[0] if found else None

    @staticmethod
    def lines_without(element: HtmlElement, *drop: XPath) -> list[str]:
        """``element``'s lines, leaving out what ``drop`` selects inside it (on a copy)."""
        copy = deepcopy(element)
        for selector in (_NEVER_TEXT, *drop):
            for el in list(selector(copy)):  # type: ignore[arg-type]
                delete_keeping_tail(el)
        return element_lines(copy)


@dataclass(frozen=True, slots=True)
class Publisher:
    """A publisher: its name, the domain its pages live under (subdomains included) and its
    parser versions, oldest first."""

    name: str
    domain: str
    versions: tuple[type[Parser], ...]

    def __post_init__(self) -> None:
        starts = [v.VALID_FROM for v in self.versions]
        if not self.versions or starts != sorted(set(starts)):
            raise ValueError(f"{self.name}: versions must have distinct VALID_FROM, in order")

    def version_for(self, when: date | None) -> type[Parser]:
        """The layout valid on ``when`` (None: the current one)."""
        if when is None:
            return self.versions[-1]
        valid = [v for v in self.versions if when >= v.VALID_FROM]
        return valid[-1] if valid else self.versions[0]

    def candidates(self, when: date | None) -> Iterator[type[Parser]]:
        """The version for ``when`` first, then the others, newest first: a page fetched
        long after publication is served in the layout of its fetch, not of its date."""
        chosen = self.version_for(when)
        yield chosen
        yield from (v for v in reversed(self.versions) if v is not chosen)


class Registry:
    """Publishers by domain. Registering a domain twice is an error, not an override."""

    def __init__(self, publishers: Iterable[Publisher] = ()) -> None:
        self._by_domain: dict[str, Publisher] = {}
        for publisher in publishers:
            self.register(publisher)

    def register(self, publisher: Publisher) -> None:
        domain = publisher.domain.lower().strip(".")
        if domain in self._by_domain:
            raise ValueError(f"domain {domain} registered twice")
        self._by_domain[domain] = publisher

    def __iter__(self) -> Iterator[Publisher]:
        return iter(self._by_domain.values())

    def __len__(self) -> int:
        return len(self._by_domain)

    def lookup(self, url: str) -> Publisher | None:
        """The publisher whose domain is the URL's host or a parent domain of it."""
        host = (urlsplit(url).hostname or "").lower().strip(".")
        while host:
            if found := self._by_domain.get(host):
                return found
            _, _, host = host.partition(".")
        return None
