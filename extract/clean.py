"""Tree cleaning before trafilatura sees the page: drop what Indonesian CMSs put inside or
beside the article body that generic boilerplate detection keeps ("Baca juga" inserts,
related-news lists, share bars, view counters, comment forms)."""

from __future__ import annotations

import re
from functools import lru_cache

from lxml import etree
from lxml.html import HtmlElement

from extract.rules import rules

_TOKEN_SPLIT = re.compile(r"[\s_\-]+")
# Only elements with a class or id can be named as boilerplate; found in document order.
_NAMED = etree.XPath("descendant-or-self::*[@class or @id]")
# Never dropped whole, whatever their class says: they hold the article on most themes.
_PROTECTED_TAGS = frozenset({"html", "body", "article", "main"})
_BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "section",
        "aside",
        "table",
        "tr",
        "td",
        "blockquote",
        "ul",
        "ol",
        "dl",
        "dd",
        "dt",
        "center",
        "figure",
        "header",
        "footer",
    }
)
_HEADING_TAGS = frozenset(
    {"h1", "h2", "h3", "h4", "h5", "h6", "span", "div", "p", "strong", "b", "header", "label"}
)
_INSERT_TAGS = ("p", "div", "li", "strong", "b", "span", "em", "h2", "h3", "h4", "table")
_LIST_TAGS = frozenset({"ul", "ol", "div", "section", "aside", "table", "nav", "dl"})
# An insert may wrap a long headline, but a real paragraph that merely mentions "baca juga"
# is longer than this.
_MAX_INSERT_CHARS = 250


def _text(el: HtmlElement) -> str:
    return " ".join(el.text_content().split())


def delete_keeping_tail(el: HtmlElement) -> None:
    """Remove an element but keep its tail text, which belongs to the parent."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail and el.tail.strip():
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


def _link_density(el: HtmlElement) -> float:
    total = len(_text(el))
    if not total:
        return 0.0
    linked = sum(len(_text(a)) for a in el.iter("a"))
    return min(1.0, linked / total)


def _paragraph_chars(el: HtmlElement) -> int:
    return sum(len(p.text_content()) for p in el.iter("p"))


@lru_cache(maxsize=8192)
def _drop_named(names: str) -> bool:
    """Whether a "class id" string names boilerplate; a theme repeats the same few."""
    r = rules()
    words = names.lower().split()
    return any(n in r.drop_names for n in words) or any(
        t in r.drop_tokens for n in words for t in _TOKEN_SPLIT.split(n)
    )


def _drops_by_attribute(tree: HtmlElement) -> list[HtmlElement]:
    return [
        el
        for el in _NAMED(tree)
        if el.tag not in _PROTECTED_TAGS
        and _drop_named(f"{el.get('class', '')} {el.get('id', '')}")
    ]


def drop_boilerplate_blocks(tree: HtmlElement) -> None:
    """Drop blocks whose class/id names them as related news, sharing, comments and the like,
    unless they hold most of the page's paragraph text (some themes name the article wrapper
    "post-with-comments")."""
    body_chars = _paragraph_chars(tree)
    for el in _drops_by_attribute(tree):
        if el.getparent() is None:
            continue
        if body_chars > 500 and _paragraph_chars(el) > 0.5 * body_chars:
            continue
        delete_keeping_tail(el)


def _insert_block(el: HtmlElement) -> HtmlElement:
    """The smallest block around an inline "Baca juga" marker that holds nothing else."""
    own = len(_text(el))
    block = el
    while block.tag not in _BLOCK_TAGS:
        parent = block.getparent()
        if parent is None or len(_text(parent)) > own + 40:
            break
        block = parent
    return block


def drop_inserts(tree: HtmlElement) -> None:
    """Drop "Baca juga: <a>headline</a>" inserts wherever they sit in the body."""
    r = rules()
    for el in list(tree.iter(*_INSERT_TAGS)):
        if el.getparent() is None:
            continue
        raw = el.text_content()
        if not r.loose_insert_prefix.match(raw):
            continue
        text = " ".join(raw.split())
        if len(text) > _MAX_INSERT_CHARS or not r.insert_prefix.match(text):
            continue
        # A bare "Berita Terkait" heading goes with its list, in drop_link_sections.
        if r.section_heading.match(text):
            continue
        block = _insert_block(el)
        # "<strong>Baca juga:</strong> <a>...</a>" inside a paragraph: the link goes too.
        nxt = block.getnext()
        if block.find(".//a") is None and nxt is not None and nxt.tag == "a":
            delete_keeping_tail(nxt)
        delete_keeping_tail(block)


def drop_link_sections(tree: HtmlElement) -> None:
    """Drop a "Berita Terkait"/"BERITA LAINNYA" heading with the block of links after it."""
    r = rules()
    for el in list(tree.iter(*_HEADING_TAGS)):
        if el.getparent() is None or len(el) > 3:
            continue
        raw = el.text_content()
        if not r.loose_section_heading.match(raw):
            continue
        text = " ".join(raw.split())
        if len(text) > 40 or not r.section_heading.match(text):
            continue
        container = el.getparent()
        # The heading's own wrapper often holds just the heading and its list.
        if (
            container is not None
            and container.tag not in _PROTECTED_TAGS
            and _link_density(container) > 0.5
        ):
            delete_keeping_tail(container)
            continue
        nxt = el.getnext()
        while nxt is not None and nxt.tag in _LIST_TAGS and _link_density(nxt) > 0.5:
            following = nxt.getnext()
            delete_keeping_tail(nxt)
            nxt = following
        delete_keeping_tail(el)


def drop_link_lists(tree: HtmlElement) -> None:
    """Drop lists of headlines: three or more items, nearly all of them links, and links making
    much of the text (the rest is the dates and kickers printed beside each headline)."""
    for el in list(tree.iter("ul", "ol")):
        if el.getparent() is None:
            continue
        items = el.findall("li")
        if len(items) < 3:
            continue
        linked = sum(li.find(".//a") is not None for li in items)
        if linked >= 0.8 * len(items) and _link_density(el) > 0.4:
            delete_keeping_tail(el)


def _is_block(item: object) -> bool:
    return isinstance(item, HtmlElement) and item.tag in _BLOCK_TAGS


def _paragraph(run: list[str | HtmlElement]) -> HtmlElement | None:
    if not any(x.strip() if isinstance(x, str) else x.text_content().strip() for x in run):
        return None
    p = HtmlElement()
    p.tag = "p"
    last: HtmlElement | None = None
    for item in run:
        if isinstance(item, str):
            if last is None:
                p.text = (p.text or "") + item
            else:
                last.tail = (last.tail or "") + item
        else:
            p.append(item)
            last = item
    return p


def wrap_loose_text(tree: HtmlElement) -> None:
    """Put text that sits directly in a body container, beside its <p> children, into <p>s of
    its own. Many Indonesian CMSs print the dateline and lead paragraphs this way
    ("<div><strong>Jakarta</strong> - Lead...<br><br>Second...<p>Third</p></div>") and
    trafilatura keeps only the <p>s."""
    for div in list(tree.iter("div", "td", "section", "article")):
        if div.find("p") is None or (
            not (div.text or "").strip()
            and all(
                not (c.tail or "").strip() and (_is_block(c) or not isinstance(c.tag, str))
                for c in div
            )
        ):
            continue
        items: list[str | HtmlElement] = [div.text] if div.text else []
        for child in list(div):
            tail, child.tail = child.tail, None
            div.remove(child)
            items.append(child)
            if tail:
                items.append(tail)
        div.text = None
        run: list[str | HtmlElement] = []
        for item in items:
            double_break = (
                isinstance(item, HtmlElement)
                and item.tag == "br"
                and run
                and isinstance(run[-1], HtmlElement)
                and run[-1].tag == "br"
            )
            if _is_block(item) or double_break:
                if (p := _paragraph(run[:-1] if double_break else run)) is not None:
                    div.append(p)
                run = []
                if not double_break:
                    div.append(item)
            else:
                run.append(item)
        if (p := _paragraph(run)) is not None:
            div.append(p)


def clean_tree(tree: HtmlElement) -> None:
    """Apply every rule, in place. Order matters: inserts first, while their markers are intact;
    loose text last, so that the <p>s it creates do not shield boilerplate blocks."""
    drop_inserts(tree)
    drop_link_sections(tree)
    drop_boilerplate_blocks(tree)
    drop_link_lists(tree)
    wrap_loose_text(tree)
