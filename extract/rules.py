"""Load the extraction rules of ``data/rules.toml`` once, compiled for matching."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class Rules:
    drop_tokens: frozenset[str]
    drop_names: frozenset[str]
    insert_prefix: re.Pattern[str]
    section_heading: re.Pattern[str]
    # The same two for text whose whitespace is not folded yet (any run where they have one
    # space): they match such text whenever the others match it folded, so an element can be
    # ruled out before its text is folded, which costs more than the match.
    loose_insert_prefix: re.Pattern[str]
    loose_section_heading: re.Pattern[str]
    drop_line: re.Pattern[str]
    cut_from: re.Pattern[str]
    author_labels: tuple[str, ...]
    editor_labels: tuple[str, ...]
    other_labels: tuple[str, ...]
    organisation_words: frozenset[str]
    anonymous_signoffs: frozenset[str]
    listing_body_classes: frozenset[str]
    single_body_classes: frozenset[str]
    stopwords: dict[str, frozenset[str]]


def _alternation(phrases: list[str], space: str = " ") -> str:
    # Longest first so that "berita terkait" wins over "berita".
    return "|".join(
        space.join(re.escape(word) for word in p.split(" "))
        for p in sorted(phrases, key=len, reverse=True)
    )


def _loose(phrases: list[str], end: str) -> re.Pattern[str]:
    """``^\\W*(?:phrases)<end>`` for text whose whitespace is not folded: any whitespace run
    may stand where a phrase has a space. The leading non-word characters are taken without
    giving any back (a page's indentation would otherwise be retried at every length), which
    loses no match as long as every phrase starts with a word character."""
    if not all(re.match(r"\w", p) for p in phrases):
        raise ValueError("extract rules: tree phrases must start with a letter or a digit")
    alternatives = _alternation(phrases, space=r"\s+")
    return re.compile(rf"^\W*+(?:{alternatives}){end}", re.I)


@cache
def rules() -> Rules:
    raw = tomllib.loads(resources.files("extract").joinpath("data/rules.toml").read_text("utf-8"))
    tree, text, byline, listing = raw["tree"], raw["text"], raw["byline"], raw["listing"]
    return Rules(
        drop_tokens=frozenset(tree["drop_tokens"]),
        drop_names=frozenset(tree["drop_names"]),
        insert_prefix=re.compile(rf"^\W*(?:{_alternation(tree['insert_prefixes'])})\b", re.I),
        section_heading=re.compile(rf"^\W*(?:{_alternation(tree['section_headings'])})\W*$", re.I),
        loose_insert_prefix=_loose(tree["insert_prefixes"], r"\b"),
        loose_section_heading=_loose(tree["section_headings"], r"\W*$"),
        drop_line=re.compile("|".join(f"(?:{p})" for p in text["drop_lines"]), re.I),
        cut_from=re.compile("|".join(f"(?:{p})" for p in text["cut_from"]), re.I),
        author_labels=tuple(byline["author_labels"]),
        editor_labels=tuple(byline["editor_labels"]),
        other_labels=tuple(byline["other_labels"]),
        organisation_words=frozenset(byline["organisation_words"]),
        anonymous_signoffs=frozenset(byline["anonymous_signoffs"]),
        listing_body_classes=frozenset(listing["body_class_tokens"]),
        single_body_classes=frozenset(listing["single_class_tokens"]),
        stopwords={lang: frozenset(words.split()) for lang, words in raw["lang"].items()},
    )
