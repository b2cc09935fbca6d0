"""Find the provinces, kabupaten and kota an article names.

A scan over letter-only words: at each word the longest gazetteer name wins; failing that, a
cue ("Pemkab", "Wali Kota", "Provinsi", "DPRD") may introduce a name and decide its type.
Names shared by a kabupaten and a kota (Bogor, Malang) or a province and a kota (Jambi) take
the type their cue gives, else the type the article gave the same name nearest before (or
after), else kota (provinsi for a province name). Weak names (Bone, Pati, Karo) need a cue or
their province established by another mention.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from core.gazetteer import GazetteerEntry
from core.model import Evidence, Region

from .region_names import cues, fold, name_index

_WORD = re.compile(r"[^\W\d_]+")
_GLUED_CUES = ("kabupaten", "kabuaten", "provinsi", "pemkab", "pemkot", "pemprov", "kota")
_NAME_JOIN = re.compile(r"[ \t\-\u2013]*")
# What may stand between two words of one name: the joins above ("Kep." after "Kep"), or a
# bracket holding its short form ("Ogan Komering Ulu (OKU) Timur", read only where the
# gazetteer's aliases write it so), or the page's line wrapping ("Bupati Lampung\nSelatan",
# read only where the name goes on to a longer gazetteer name).
_NAME_GAP = re.compile(r"[ \t\-\u2013]*|[ \t]*[()][ \t]*|[ \t]*\n[ \t]*")
_ABBREV_GAP = re.compile(r"\.?[ \t]*|[ \t]*[()][ \t]*|[ \t]*\n[ \t]*")
_CUE_JOIN = re.compile(r"[ \t]*\.?[ \t\-]*")
_CONNECTORS = frozenset({"dan"})
_TYPE_DEFAULT_ORDER = ("provinsi", "kota", "kabupaten")
_LIST_REACH = 80
# What parts two items of a list: a comma or "dan", after a count and its unit at most
# ("Kabupaten Garut 12 unit, Bogor 5, Sukabumi 9, ...").
_LIST_GAP = re.compile(
    r"(?:[ \t]*\d+(?:[.,]\d+)?)?(?:[ \t]+[a-z]+)?[ \t]*(?:,[ \t]*(?:dan[ \t]+)?|dan[ \t]+)"
)
_DATELINE_PREFIX = 40
_CLUB = re.compile(r"(?!Persatuan|Persero|Persekutuan)Pers[a-z]{1,7}|PS[A-Z]{1,3}")
_DOMAIN_AFTER = re.compile(r"\.(?:co|com|net|id|news)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019]?\s|\n")
_DATELINE_AFTER = re.compile(r"[ \t]*(?:[-\u2013\u2014]|,[ \t]*[A-Z(])")
# Capitalised by headline style or a typo, yet no part of a proper noun ("Jakarta Pada 5 Mei").
_FUNCTION_WORDS = frozenset(
    [
        "pada",
        "dan",
        "di",
        "ke",
        "dari",
        "yang",
        "untuk",
        "dengan",
        "oleh",
        "dalam",
        "sebagai",
        "juga",
        "secara",
        "saat",
        "bersama",
        "tahun",
        "melalui",
        "telah",
        "akan",
        "masih",
        "terus",
        "kembali",
        "hingga",
        "sejak",
        "atau",
        "serta",
    ]
)


# Not frozen: an article makes thousands, and a frozen dataclass is slow to build.
@dataclass(slots=True)
class Word:
    start: int
    end: int
    text: str


@dataclass(slots=True)
class RegionMention:
    """One place the text names a region; ``start`` includes the cue, ``name_start`` not."""

    start: int
    name_start: int
    end: int
    key: str
    candidates: tuple[GazetteerEntry, ...]
    cue: str | None
    entry: GazetteerEntry | None = None


def _words(text: str) -> list[Word]:
    words: list[Word] = []
    for m in _WORD.finditer(text):
        word = m.group()
        split = _split_glued(word)
        if split:
            words.append(Word(m.start(), m.start() + split, word[:split]))
            words.append(Word(m.start() + split, m.end(), word[split:]))
        else:
            words.append(Word(m.start(), m.end(), word))
    return words


def _split_glued(word: str) -> int:
    """Offset splitting a cue glued to a name by a typo ("KabuatenCiamis"), or 0."""
    low = word.lower()
    if not low.startswith(_GLUED_CUES):  # the common case, in one call
        return 0
    for cue in _GLUED_CUES:
        rest = word[len(cue) :]
        if (
            low.startswith(cue)
            and len(rest) > 2
            and rest[0].isupper()
            and rest[1:].islower()
            and not word[: len(cue)].isupper()
        ):
            return len(cue)
    return 0


class _Scanner:
    def __init__(self, text: str) -> None:
        self.text = text
        self.words = _words(text)
        self.index = name_index()
        self.cues = cues()
        self.max_cue = max(len(p) for p in self.cues)
        self.cue_starts = frozenset(p[0] for p in self.cues)

    def _joined(self, a: int, b: int, pattern: re.Pattern[str]) -> bool:
        gap = self.text[self.words[a].end : self.words[b].start]
        return pattern.fullmatch(gap) is not None

    def _name_at(self, i: int, allow_lower: bool) -> tuple[int, str] | None:
        """(last word index, key) of the longest name starting at word ``i``."""
        best: tuple[int, str] | None = None
        for used, key in self.index.keys_along(self._name_words(i, allow_lower)):
            best = (i + used - 1, key)
        return best

    def _name_words(self, i: int, allow_lower: bool) -> Iterator[str]:
        """The words from ``i`` that may make one name: joined by a space, hyphen, bracket or
        line break, and capitalised, except that after the first ``allow_lower`` lets lower
        case through, and "dan" always ("Bangka dan Belitung")."""
        for k in range(i, len(self.words)):
            word = self.words[k].text
            if k > i:
                gap = _ABBREV_GAP if self.words[k - 1].text.lower() == "kep" else _NAME_GAP
                if not self._joined(k - 1, k, gap):
                    return
            # "Pare-pare": the repeated half of a name may be written in lower case.
            hyphened = k > i and self.text[self.words[k].start - 1] == "-"
            if not word[0].isupper() and (
                k == i or not (allow_lower or hyphened or word in _CONNECTORS)
            ):
                return
            yield word

    def _paired(self, i: int) -> bool:
        """Second of two regions joined by a hyphen or slash ("Kaltim-Kaltara")."""
        return i > 0 and self.text[self.words[i - 1].end : self.words[i].start] in ("-", "/")

    def _dateline(self, first: int, last: int) -> bool:
        """ "BANDUNG - Ombudsman ...", "FAJAR.CO.ID, WAJO -": the city the news was written
        in, at the start of a line after at most the outlet's name."""
        start = self.words[first].start
        line = self.text.rfind("\n", 0, start) + 1
        before = self.text[line:start]
        return (
            len(before) <= _DATELINE_PREFIX
            and (not before.strip() or before.rstrip()[-1] in ",|-\u2013\u2014")
            and _DATELINE_AFTER.match(self.text, self.words[last].end) is not None
        )

    def _inside_longer_name(self, first: int, last: int, key: str) -> bool:
        """A bare name run on by a capitalised word is part of another proper noun
        ("Padang Bano", "Medan Merdeka"); not an acronym ("PPDB DIY Tetap"), a name of
        several words or a province's short form, which lists and headlines run into the
        next name ("Jawa Tengah Acim Dartasim", "Masyarakat Kalteng Kobarkan Semangat")."""
        nxt = last + 1
        if nxt >= len(self.words) or self.words[last].text.isupper() or last > first:
            return False
        if all(e.type == "provinsi" and fold(e.name) != key for e in self.index.lookup(key)):
            return False
        word = self.words[nxt].text
        gap = self.text[self.words[last].end : self.words[nxt].start]
        return (
            gap == " "
            and word[0].isupper()
            and not word.isupper()
            and word.lower() not in _FUNCTION_WORDS
            and not self._cue_at(nxt)
            and not self._name_at(nxt, allow_lower=False)
        )

    def _cue_at(self, i: int) -> tuple[int, str] | None:
        """(last word index, type) of the longest cue phrase starting at word ``i``."""
        if self.words[i].text.lower() not in self.cue_starts:
            return None
        for n in range(min(self.max_cue, len(self.words) - i), 0, -1):
            phrase = tuple(w.text.lower() for w in self.words[i : i + n])
            if phrase in self.cues and all(
                self._joined(k, k + 1, _NAME_JOIN) for k in range(i, i + n - 1)
            ):
                return i + n - 1, self.cues[phrase]
        return None

    def _after_cue(self, last: int) -> int | None:
        """Index of the word a cue introduces, skipping "(Pemkab)" and "Kab." dots."""
        nxt = last + 1
        if nxt >= len(self.words):
            return None
        gap = self.text[self.words[last].end : self.words[nxt].start]
        if _CUE_JOIN.fullmatch(gap):
            return nxt
        if gap.strip() == "(":
            close = self.text.find(")", self.words[last].end, self.words[last].end + 40)
            if close < 0:
                return None
            after = next(
                (k for k in range(nxt, len(self.words)) if self.words[k].start > close), None
            )
            if after is not None and not self.text[close + 1 : self.words[after].start].strip():
                return after
        return None

    def scan(self) -> list[RegionMention]:
        mentions: list[RegionMention] = []
        i = 0
        while i < len(self.words):
            word = self.words[i].text
            # Most words are lower-case and start no cue: neither a name nor a cue starts here.
            if not word[0].isupper() and word.lower() not in self.cue_starts:
                i += 1
                continue
            name = self._name_at(i, allow_lower=False)
            if name:
                last, key = name
                # An outlet's web address ("JAILOLO,MALUT.CO - ...") or a football club
                # ("Persib Bandung", "PSS Sleman") names no place.
                outlet = _DOMAIN_AFTER.match(self.text, self.words[last].end) or (
                    i > 0 and _CLUB.fullmatch(self.words[i - 1].text)
                )
                if not outlet and (self._paired(i) or not self._inside_longer_name(i, last, key)):
                    # A dateline makes a weak name sure; its type stays the article's (the
                    # gold keeps "BOGOR, KOMPAS.com -" on a Kabupaten Bogor story as kabupaten).
                    cue = "any" if self._dateline(i, last) else None
                    mentions.append(self._mention(i, i, last, key, cue))
                i = last + 1
                continue
            found = self._typed_name(i)
            if found:
                mention, last = found
                if mention:
                    mentions.append(mention)
                i = last + 1
                continue
            i += 1
        return mentions

    def _typed_name(self, i: int) -> tuple[RegionMention | None, int] | None:
        cue = self._cue_at(i)
        if not cue:
            return None
        last, type_ = cue
        # Chained cues ("DPRD Kota", "Perwakilan Provinsi"): a typed later cue wins.
        while (
            (nxt := self._after_cue(last)) is not None
            and not self._name_at(nxt, allow_lower=True)
            and (more := self._cue_at(nxt))
        ):
            last = more[0]
            if more[1] != "any":
                type_ = more[1]
        start = self._after_cue(last)
        if start is None:
            return None
        name = self._name_at(start, allow_lower=True)
        if not name:
            return None
        end, key = name
        # "Desa Ngawi" is a village; "Desa (DPMD) Bangkalan" ends an office's name.
        if type_ == "block":
            return (None, end) if start == last + 1 else None
        return self._mention(i, start, end, key, type_), end

    def _mention(
        self, cue_i: int, name_i: int, last: int, key: str, cue: str | None
    ) -> RegionMention:
        return RegionMention(
            start=self.words[cue_i].start,
            name_start=self.words[name_i].start,
            end=self.words[last].end,
            key=key,
            candidates=self.index.lookup(key),
            cue=cue,
        )


def _resolve_types(text: str, mentions: list[RegionMention]) -> None:
    for m in mentions:
        typed = [e for e in m.candidates if e.type == m.cue]
        if typed or len(m.candidates) == 1:
            m.entry = (typed or list(m.candidates))[0]
    # A bare name takes the type last settled for it before, else the first settled after;
    # kept per key as the loop goes, so long texts cost no more than one pass.
    first_settled: dict[str, RegionMention] = {}
    for m in mentions:
        if m.entry is not None:
            first_settled.setdefault(m.key, m)
    last_settled: dict[str, RegionMention] = {}
    for pos, m in enumerate(mentions):
        if m.entry is None:
            _settle(text, mentions, pos, last_settled.get(m.key) or first_settled.get(m.key))
        if m.entry is not None:
            last_settled[m.key] = m


def _settle(
    text: str, mentions: list[RegionMention], pos: int, settled: RegionMention | None
) -> None:
    m = mentions[pos]
    by_type = {e.type: e for e in m.candidates}
    # An item of a list is of its list's type, whatever the same name is elsewhere:
    # "Kabupaten Garut 12 unit, Bogor 5" is the kabupaten though the article names Kota Bogor.
    listed = _list_type(text, mentions, pos, set(by_type))
    if listed is not None:
        m.entry = by_type[listed]
        return
    if settled is not None and settled.entry in m.candidates:
        m.entry = settled.entry
        return
    # In a list ("Jakarta Barat 90 poin dan Jambi 89,54") a neighbour's type carries over.
    neighbour = _nearest_settled(text, mentions, pos, set(by_type))
    if neighbour is not None:
        m.entry = by_type[neighbour]
        return
    m.entry = next(by_type[t] for t in _TYPE_DEFAULT_ORDER if t in by_type)


def _neighbours(
    mentions: list[RegionMention], pos: int, types: set[str]
) -> Iterator[tuple[RegionMention, int, int]]:
    """The settled mentions just before and just after mention ``pos`` whose type it may take,
    each with the span of text between the two."""
    here = mentions[pos]
    for other in mentions[max(0, pos - 1) : pos] + mentions[pos + 1 : pos + 2]:
        if other.entry is None or other.key == here.key or other.entry.type not in types:
            continue
        yield other, min(other.end, here.end), max(other.start, here.start)


def _list_type(text: str, mentions: list[RegionMention], pos: int, types: set[str]) -> str | None:
    """The type of the settled item just before (else just after) mention ``pos`` in a list."""
    for other, gap_start, gap_end in _neighbours(mentions, pos, types):
        if _LIST_GAP.fullmatch(text, gap_start, gap_end):
            return other.entry.type if other.entry else None
    return None


def _nearest_settled(
    text: str, mentions: list[RegionMention], pos: int, types: set[str]
) -> str | None:
    """The type of the nearer settled neighbour of mention ``pos`` in its sentence: the
    mention just before or just after, not one with another region between ("Bupati Wonogiri
    ... BPK Provinsi Jawa Tengah, Semarang" is the city)."""
    near = [
        (gap_end - gap_start, other)
        for other, gap_start, gap_end in _neighbours(mentions, pos, types)
        if gap_end - gap_start <= _LIST_REACH and not _SENTENCE_END.search(text, gap_start, gap_end)
    ]
    if not near:
        return None
    closest = min(near, key=lambda pair: pair[0])[1]
    return closest.entry.type if closest.entry else None


def find_region_mentions(text: str) -> list[RegionMention]:
    """Every accepted region mention, in text order, each with its resolved entry."""
    mentions = _Scanner(text).scan()
    _resolve_types(text, mentions)
    weak = name_index().weak
    sure = [m for m in mentions if m.cue or m.key not in weak]
    provinces = {m.entry.province_code for m in sure if m.entry}
    sure_ids = {id(m) for m in sure}  # by identity: comparing dataclasses costs n squared
    return [
        m for m in mentions if id(m) in sure_ids or (m.entry and m.entry.province_code in provinces)
    ]


def regions_from_mentions(text: str, mentions: list[RegionMention]) -> list[Region]:
    """One Region per code, in order of first mention, counting mentions."""
    found: dict[str, Region] = {}
    for m in mentions:
        entry = m.entry
        if entry is None:
            continue
        if entry.code in found:
            found[entry.code].mentions += 1
            continue
        found[entry.code] = Region(
            code=entry.code,
            type=entry.type,
            name=entry.name,
            province=entry.province_name,
            mentions=1,
            evidence=Evidence.of(text, m.start, m.end),
        )
    return list(found.values())
