"""Bylines ("Penulis: ...", "Editor : Redaksi"), sign-offs ("(Kang Dedi)", "(oce)", "(**)")
and datelines ("WAY KANAN, (LAMPUNGINSTA)- ") taken out of the body text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from extract.rules import rules

# A sign-off closes the last paragraph: initials, a short name or "x/y" (writer/editor codes).
_SIGNOFF = re.compile(r"\s*\((?P<who>[A-Za-z*][A-Za-z .'*/\-]{0,28})\)\s*\.?\s*$")
# "Jakarta - ", "JAKARTA, KOMPAS.com - ", "WAY KANAN, (LAMPUNGINSTA)- ", "MEDIAPUBLIKA.com - ".
_DATELINE = re.compile(
    r"^(?P<dl>[^\n.!?\"\u201c\u201d]{2,70}?(?:\.com|\.net|\.id|\.co\.id)?[^\n!?\"\u201c\u201d]{0,20}?)"
    r"(?:\s+[-\u2013\u2014]{1,2}|(?<=\))[-\u2013\u2014]{1,2}|(?<=[A-Za-z])\s?[\u2013\u2014]{1,2})\s+(?=\S)"
)
# The dateline on a line of its own: "ISTANBUL, 23 Februari 2016 (Antara/PRNewswire) -".
_DATELINE_ALONE = re.compile(r"^(?P<dl>[^\n!?\"\u201c\u201d]{2,90}?)\s*[-\u2013\u2014]{1,2}\s*$")
_SITE_TOKEN = re.compile(r"\.(?:com|net|id|co\.id|org)\b|\bnews\b|\(|\)", re.I)
_SENTENCE_END = frozenset(".!?\"\u201d\u2019'")
# "S.H.", "M.Pd", "S.Sos" after a comma are degrees, not a second person.
_DEGREE = re.compile(r"^(?:[A-Z][A-Za-z]{0,3}\.){1,3}[A-Za-z]{0,4}\.?$")
_NAME_CHARS = re.compile(r"^[\w .,'\u2019\-/&()]+$")


@dataclass(slots=True)
class Byline:
    authors: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)

    @property
    def author(self) -> str | None:
        return ", ".join(self.authors) or None

    @property
    def editor(self) -> str | None:
        return ", ".join(self.editors) or None


@cache
def _labels() -> re.Pattern[str]:
    r = rules()
    labels = sorted((*r.author_labels, *r.editor_labels, *r.other_labels), key=len, reverse=True)
    alternation = "|".join(re.escape(x) for x in labels)
    return re.compile(rf"(?:^|\s|\||/)(?P<label>{alternation})\s*[:\uff1a]\s*", re.I)


def is_organisation(name: str) -> bool:
    """True for "PT VIVA MEDIA BARU", "Kompas Cyber Media", "Redaksi", "Humas Pemkab"."""
    words = {w.lower() for w in re.findall(r"\w+", name)}
    return bool(words & rules().organisation_words) or (name.isupper() and len(words) > 3)


def clean_name(name: str) -> str | None:
    """A person's name from a byline value, or None for organisations and junk."""
    name = re.sub(r"\s+", " ", name).strip(" .,:;-\u2013|/")
    name = re.sub(r"^(?:oleh|by|pewarta|penulis|reporter|wartawan)\s+", "", name, flags=re.I)
    if not name or len(name) > 60 or not _NAME_CHARS.match(name) or any(c.isdigit() for c in name):
        return None
    if is_organisation(name):
        return None
    return name


def parse_byline_line(line: str) -> Byline | None:
    """Parse "Penulis: A | Editor: B" into the people it names (organisations left out); None
    when the line does not open with a byline label, i.e. is prose."""
    stripped = line.strip()
    if len(stripped) > 160:
        return None
    matches = list(_labels().finditer(stripped))
    if not matches or matches[0].start() > 1:
        return None
    r = rules()
    found = Byline()
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(stripped)
        label = m["label"].lower()
        for part in re.split(r"\s*(?:,|&|\bdan\b|\band\b|\|)\s*", stripped[m.end() : end]):
            if _DEGREE.match(part.strip()):
                continue
            name = clean_name(part)
            if name is None:
                continue
            if label in r.author_labels:
                found.authors.append(name)
            elif label in r.editor_labels:
                found.editors.append(name)
    return found


def split_signoff(text: str) -> tuple[str, Byline]:
    """Remove a closing "(Kang Dedi)", "(oce)", "(fyk/ash)" or "(**)" from the last line."""
    found = Byline()
    m = _SIGNOFF.search(text)
    if not m:
        return text, found
    who = m["who"].strip()
    body = text[: m.start()].rstrip()
    # Only after a finished sentence or alone on its line: "di Indonesia (RI)." is prose.
    if len(who.split()) > 3 or (body and body[-1] not in _SENTENCE_END):
        return text, found
    codes = [c.strip() for c in who.split("/") if c.strip()]
    if codes and codes[0].lower().strip(". ") not in rules().anonymous_signoffs:
        if (name := clean_name(codes[0])) is not None:
            found.authors.append(name)
        if len(codes) > 1 and (name := clean_name(codes[1])) is not None:
            found.editors.append(name)
    return body, found


def split_dateline(first_line: str) -> tuple[str | None, str]:
    """Split "WAY KANAN, (LAMPUNGINSTA)- Guna ..." into ("WAY KANAN, (LAMPUNGINSTA)", "Guna ...").

    A dateline is short and is a place or a news outlet: capitalised words, or carries a site or
    agency marker ("KOMPAS.com", "(ANTARA News)"). Anything else is prose with a dash in it."""
    m = _DATELINE.match(first_line) or _DATELINE_ALONE.match(first_line)
    if not m:
        return None, first_line
    dateline = m["dl"].strip(" ,")
    words = dateline.replace(",", " ").split()
    if not words or len(words) > 8:
        return None, first_line
    capitalised = all(w[0].isupper() or w[0].isdigit() or w[0] in "(" for w in words)
    if not (capitalised or _SITE_TOKEN.search(dateline) or ("," in dateline and len(words) <= 4)):
        return None, first_line
    return dateline, first_line[m.end() :]
