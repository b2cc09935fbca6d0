"""Every way a region is written, folded to one lookup key.

The key drops case, spaces, hyphens and dots, so "Tanjung Pinang", "Tanjungpinang" and
"Tanjung-Pinang" meet; "Kep." is read as "Kepulauan". Names come from ``core.gazetteer``;
local abbreviations (Inhil, Mateng, Sitaro) from ``data/region_aliases.csv``.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources

from core.gazetteer import GazetteerEntry, by_code, districts, province_aliases, regions

_ABBREVIATIONS = {"kep": "kepulauan", "kab": "kabupaten"}
# Shorter forms of names that lead or end with a word locals drop ("Kabupaten Yapen").
_DROPPABLE_PREFIXES = ("kepulauan ", "pulau ")
_DROPPABLE_SUFFIXES = (" kepulauan",)


def fold_word(word: str) -> str:
    low = word.lower().strip(".")
    return _ABBREVIATIONS.get(low, low)


def fold(name: str) -> str:
    """The lookup key of a name: "Kep. Siau-Tagulandang" -> "kepulauansiautagulandang"."""
    return "".join(fold_word(w) for w in re.findall(r"[^\W_]+", name))


@dataclass(frozen=True, slots=True)
class NameIndex:
    entries: dict[str, tuple[GazetteerEntry, ...]]
    weak: frozenset[str]
    max_words: int
    # Every leading part of every key: a scan stops adding words once none can follow.
    prefixes: frozenset[str]

    def lookup(self, key: str) -> tuple[GazetteerEntry, ...]:
        return self.entries.get(key, ())

    def keys_along(self, words: Iterable[str]) -> Iterator[tuple[int, str]]:
        """(words used, key) of every name the leading ``words`` spell, shortest first. Reading
        stops once no key starts with the words so far, so a caller may pass a whole sentence."""
        key = ""
        for used, word in enumerate(words, 1):
            key += fold_word(word)
            if used > self.max_words or key not in self.prefixes:
                return
            if key in self.entries:
                yield used, key

    def resolve(self, name: str, type_: str | None = None) -> GazetteerEntry | None:
        """The entry a written name means, preferring ``type_`` when the name is shared."""
        found = self.lookup(fold(name))
        typed = [e for e in found if e.type == type_] if type_ else list(found)
        return (typed or list(found) or [None])[0]


def _data_text(name: str) -> str:
    return resources.files("classify").joinpath("data", name).read_text(encoding="utf-8")


@cache
def name_index() -> NameIndex:
    table: dict[str, list[GazetteerEntry]] = {}
    weak: set[str] = set()

    def add(key: str, entry: GazetteerEntry) -> None:
        bucket = table.setdefault(key, [])
        if entry not in bucket:
            bucket.append(entry)

    for entry in regions():
        add(fold(entry.name), entry)
    codes = by_code()
    for alias, code in province_aliases().items():
        add(fold(alias), codes[code])
    for row in csv.DictReader(_data_text("region_aliases.csv").splitlines()):
        key = fold(row["alias"])
        add(key, codes[row["code"]])
        if row["weak"] == "1":
            weak.add(key)
    # Short forms only where they name nothing else ("Riau" must stay the province).
    for entry in regions():
        low = entry.name.lower().replace("kep. ", "kepulauan ")
        for prefix in _DROPPABLE_PREFIXES:
            if low.startswith(prefix) and fold(low[len(prefix) :]) not in table:
                add(fold(low[len(prefix) :]), entry)
        for suffix in _DROPPABLE_SUFFIXES:
            if low.endswith(suffix) and fold(low[: -len(suffix)]) not in table:
                add(fold(low[: -len(suffix)]), entry)
    for line in _data_text("weak_names.txt").splitlines():
        if line.strip() and not line.startswith("#"):
            weak.add(fold(line))
    return _built(table, weak, (e.name for e in regions()))


@cache
def district_index() -> NameIndex:
    """Kecamatan names; each key looks up the kabupaten or kota its kecamatan lie in (a name
    such as Karanganyar is a kecamatan in several)."""
    table: dict[str, list[GazetteerEntry]] = {}
    codes = by_code()
    for district in districts():
        parents = table.setdefault(fold(district.name), [])
        if codes[district.parent_code] not in parents:
            parents.append(codes[district.parent_code])
    return _built(table, set(), (d.name for d in districts()))


def _built(
    table: dict[str, list[GazetteerEntry]], weak: set[str], names: Iterable[str]
) -> NameIndex:
    longest = max(len(re.findall(r"[^\W_]+", name)) for name in names)
    return NameIndex(
        entries={k: tuple(v) for k, v in table.items()},
        weak=frozenset(weak),
        max_words=longest + 1,
        prefixes=frozenset(key[:n] for key in table for n in range(1, len(key) + 1)),
    )


@cache
def cues() -> dict[tuple[str, ...], str]:
    """Words before a region name that say its type ("Pemkot" -> kota) or block it ("Jalan")."""
    rows = csv.DictReader(_data_text("region_cues.csv").splitlines())
    return {tuple(r["phrase"].split()): r["type"] for r in rows}
