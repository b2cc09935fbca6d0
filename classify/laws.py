"""Cited laws and regulations, normalised to ``KIND number/year`` ("UU 25/2009")."""

from __future__ import annotations

import re

from core.model import Evidence, Law

_KINDS: tuple[tuple[str, str], ...] = (
    ("UU", r"undang[\s-]*undang|(?-i:UU)(?!D)"),
    ("PP", r"peraturan\s+pemerintah|(?-i:PP)"),
    ("Perpres", r"peraturan\s+presiden|perpres"),
    ("Inpres", r"instruksi\s+presiden|inpres"),
    ("Keppres", r"keputusan\s+presiden|kepp?res"),
    ("Perda", r"peraturan\s+daerah|perda"),
    ("Perbup", r"peraturan\s+bupati|perbup"),
    ("Perwal", r"peraturan\s+wali\s*kota|perwal|perwako"),
    ("Pergub", r"peraturan\s+gubernur|pergub"),
    ("Permen", r"peraturan\s+ment[e]?ri|permen[\w-]*"),
)
_KIND = "|".join(f"(?P<k{i}>{pattern})" for i, (_, pattern) in enumerate(_KINDS))
_NOMOR = r"(?:nomor|nomer|no\.?)"
_LAW = re.compile(
    rf"\b(?:{_KIND})\s*"
    r"(?:\([^)]{1,25}\)\s*)?"
    # Words between the kind and "Nomor": a ministry, a topic ("undang-undang pelayanan publik").
    rf"(?P<topic>(?:(?:[^\W\d][\w.,-]*|\([^)]{{1,25}}\))\s+){{0,9}}?{_NOMOR}\s*)?"
    rf"(?:{_NOMOR}\s*)*"
    r"(?P<number>\d{1,4})(?![\d.,]\d)\s*"
    r"(?:tahun|thn\.?|th\.?|/)\s*"
    r"(?P<year>(?:19|20)\d{2})\b",
    re.IGNORECASE,
)
# Ministry words after "Peraturan Menteri"/"Permen" -> the short form the gold uses.
_MINISTRIES: tuple[tuple[str, str], ...] = (
    ("dalam negeri", "Permendagri"),
    ("dagri", "Permendagri"),
    ("pendayagunaan", "PermenPANRB"),
    ("pan", "PermenPANRB"),
    ("kesehatan", "Permenkes"),
    ("kes", "Permenkes"),
)


def _kind(match: re.Match[str]) -> str:
    index = next(i for i in range(len(_KINDS)) if match.group(f"k{i}"))
    kind = _KINDS[index][0]
    if kind != "Permen":
        return kind
    written = (match.group(f"k{index}") + " " + (match.group("topic") or "")).lower()
    suffix = re.sub(r"^(peraturan\s+ment[e]?ri|permen)[\s-]*", "", written)
    for word, short in _MINISTRIES:
        if suffix.startswith(word):
            return short
    return "Permen"


def find_laws(text: str) -> list[Law]:
    """Each distinct law once, at its first citation."""
    laws: dict[str, Law] = {}
    for m in _LAW.finditer(text):
        name = f"{_kind(m)} {int(m.group('number'))}/{m.group('year')}"
        laws.setdefault(name, Law(name, Evidence.of(text, m.start(), m.end())))
    return list(laws.values())
