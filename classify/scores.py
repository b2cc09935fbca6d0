"""Numeric public-service ratings: value, subject region, year, zone, rank and kind.

A number counts as a score when score words come just before it ("nilai 93,78", "skor",
"IKM"), "poin" follows it, or a region name precedes it in a ranking list ("Lampung 88,76").
Money ("Rp 93,5 juta"), counts, dates, law numbers and percentages (unless a score word names
them: "skor penilaian 89,41%") are not scores.

The zone is the one written nearest ("zona hijau", "predikat kepatuhan tinggi"); a compliance
score with none written gets the Ombudsman's banding of its value (>= 81 hijau, > 50 kuning,
else merah), which the ``zone`` of CONTRACT.md carries as well: only ``kind == "kepatuhan"``
scores are derived so, other indices have other bands and keep ``None``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from core.model import Evidence, Score, Zone

from .numbers import parse_id_number
from .regions import RegionMention

_NUMBER = re.compile(r"(?<![\d.,/:\w])(?P<n>\d{1,3}(?:[.,]\d{1,2})?)(?![\d/:]|[.,]\d)")
# "nilai 15, 16": some sites type a space after the decimal comma.
_SPACED = re.compile(r"(?<![\d.,])(?P<a>\d{1,3}),\s(?P<b>\d{2})(?!\d|[.,]\d)")
_CUE_BEFORE = re.compile(
    r"(?:nilai|skor|score|poin|kepatuhan|ikm|skm|ipp|indeks|predikat|zona|capaian|angka|nilainya)"
    # A year may stand between the cue and the value ("nilai kepatuhan tahun 2021 sebesar"),
    # and earlier values of a list by year ("pada 2016 (56,48), 2017 (63,15)").
    r"(?:[^.\d]|(?<!\d)(?:19|20)\d\d(?!\d)|\(\d{1,3},\d{1,2}\)){0,60}$",
    re.IGNORECASE,
)
# Or just after it: "dengan persentase 87,63 melalui penilaian kepatuhan".
_CUE_AFTER = re.compile(
    r"\s+(?:[^\W\d]+\s+){0,2}?(?:penilaian|nilai|predikat|indeks|survei)\s+kepatuhan",
    re.IGNORECASE,
)
_TIGHT_CUE = re.compile(r"(?:nilai|skor|zona)\W{0,3}$", re.IGNORECASE)
_POIN_AFTER = re.compile(r"\s*(?:poin|point)\b", re.IGNORECASE)
_MONEY_BEFORE = re.compile(r"(?:\bRp|\bIDR|\$)\.?\s*$", re.IGNORECASE)
_NOT_SCORE_AFTER = re.compile(
    r"\s*(?:tahun|hari|orang|unit|juta|miliar|ribu|-\s*\d|WIB\b|WITA\b|WIT\b)",
    re.IGNORECASE,
)
_PERCENT_AFTER = re.compile(r"\s*(?:%|persen\b)", re.IGNORECASE)
# A percentage is a share of something (a budget, the people served) unless a score word
# names it, two words away at most: "skor penilaian 89,41%", "nilai IKM 85,5 persen".
_PERCENT_CUE = re.compile(
    r"\b(?:nilai|skor|score|indeks|ikm|skm|ipp)(?:\s+[^\W\d]+){0,2}\s*(?:sebesar|:)?\s*$",
    re.IGNORECASE,
)
# A time of day ("pukul 14.30") reads like a decimal value.
_CLOCK_BEFORE = re.compile(r"(?:\bpukul|\bjam|\bpkl)\.?\s*$", re.IGNORECASE)
# The year of a law ("UU Nomor 25 Tahun 2009", "UU 25/2009") or the one closing a letter's
# number ("Nomor: 188.4/726/ORG/2021") is not the year of a score.
_LAW_YEAR_BEFORE = re.compile(
    r"(?:\bnomor|\bno)\.?\s*\d+\w?\s+tahun\s+$"
    r"|\b(?:uu|pp|perpres|permen\w*|perda|perbup|perwal|inpres|keppres)\s*\d+/$"
    r"|/[\w.\-]+/$",
    re.IGNORECASE,
)
# Between a region and its value in a ranking list: "Melawi dengan 72,95", "Kota Bima (83,90)".
_LIST_LINK = re.compile(r"\s*(?:dengan|sebesar|yakni|yaitu|:)?\s*\(?\s*", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_ZONE = re.compile(
    r"zona\s+(?P<z>hijau|kuning|merah)|kepatuhan\s+(?P<p>tinggi|sedang|rendah)", re.IGNORECASE
)
_PREDICATE_ZONES: dict[str, Zone] = {"tinggi": "hijau", "sedang": "kuning", "rendah": "merah"}
_ORDINALS = {
    "pertama": 1, "kedua": 2, "ketiga": 3, "keempat": 4, "kelima": 5, "keenam": 6,
    "ketujuh": 7, "kedelapan": 8, "kesembilan": 9, "kesepuluh": 10,
}  # fmt: skip
_ORDINAL = "|".join(_ORDINALS)
_RANK = re.compile(
    rf"(?:peringkat|ranking|rangking|urutan|posisi)\s*(?:ke\s*-?\s*)?(?P<n>\d{{1,3}}|{_ORDINAL})\b",
    re.IGNORECASE,
)
_LEADING_ORDINAL = re.compile(rf"(?:^|[.,;:]\s*)(?P<n>{_ORDINAL})\b", re.IGNORECASE)
_LOCATIVE = re.compile(r"(?:\bdi|\bse-?|tingkat)\s*$", re.IGNORECASE)
_REACH = 400
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])|\n+")
_KINDS = (
    ("ikm", re.compile(r"\b[IS]KM\b|indeks\s+kepuasan|survei\s+kepuasan", re.IGNORECASE)),
    ("ipp", re.compile(r"\bIPP\b|indeks\s+pelayanan\s+publik", re.IGNORECASE)),
    (
        "kepatuhan",
        re.compile(r"kepatuhan|zona\s+(?:hijau|kuning|merah)|standar\s+pelayanan", re.IGNORECASE),
    ),
)


@dataclass(frozen=True, slots=True)
class _Candidate:
    value: float
    start: int
    end: int


def _sentence_starts(text: str) -> list[int]:
    """Start offsets of the sentences, found once per text (looking them up per number would
    cost n squared on long texts)."""
    return [0, *(m.end() for m in _SENTENCE_END.finditer(text))]


def _sentence_bounds(text: str, starts: list[int], pos: int) -> tuple[int, int]:
    """The sentence around ``pos``, at most _REACH characters to either side: text without
    stops (lists, tables, junk) would otherwise make every number see every other."""
    i = bisect_right(starts, pos) - 1
    start, end = starts[i], len(text)
    if i + 1 < len(starts):
        stop = _SENTENCE_END.search(text, starts[i], starts[i + 1])
        end = stop.start() if stop else starts[i + 1]
    return max(start, pos - _REACH), min(end, pos + _REACH)


def _candidates(text: str, mentions: list[RegionMention]) -> list[_Candidate]:
    region_ends = sorted({m.end for m in mentions})
    found: list[_Candidate] = []
    for m in _SPACED.finditer(text):
        if _CUE_BEFORE.search(text[max(0, m.start() - 80) : m.start()]):
            found.append(_Candidate(float(f"{m.group('a')}.{m.group('b')}"), m.start(), m.end()))
    taken = [(c.start, c.end) for c in found]
    for m in _NUMBER.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        value = parse_id_number(m.group("n"))
        if value is None or value > 100 or _NOT_SCORE_AFTER.match(text, m.end()):
            continue
        decimal = "," in m.group("n") or "." in m.group("n")
        if _PERCENT_AFTER.match(text, m.end()) and not (
            decimal and _PERCENT_CUE.search(text, max(0, m.start() - 40), m.start())
        ):
            continue
        if _MONEY_BEFORE.search(text, max(0, m.start() - 6), m.start()) or _CLOCK_BEFORE.search(
            text, max(0, m.start() - 8), m.start()
        ):
            continue
        before = text[max(0, m.start() - 60) : m.start()]
        # The link between a region and its value is short: only region ends just before.
        nearby = region_ends[
            bisect_left(region_ends, m.start() - 12) : bisect_right(region_ends, m.start())
        ]
        after_region = any(_LIST_LINK.fullmatch(text[end : m.start()]) for end in nearby)
        poin = _POIN_AFTER.match(text, m.end()) is not None
        if (
            poin
            or (
                decimal
                and (_CUE_BEFORE.search(before) or after_region or _CUE_AFTER.match(text, m.end()))
            )
            or (_TIGHT_CUE.search(before) and not decimal)
        ):
            found.append(_Candidate(value, m.start(), m.end()))
    return sorted(found, key=lambda c: c.start)


def _subject(
    text: str, mentions: list[RegionMention], starts: list[int], start: int, end: int, at: int
) -> RegionMention | None:
    """The region the score at ``at`` belongs to; ``mentions`` are in text order and
    ``starts`` their offsets, so only the sentence's own mentions are looked at."""
    sentence = mentions[bisect_left(starts, start) : bisect_left(starts, end)]
    inside = [m for m in sentence if m.end <= end and m.entry]
    # "terbaik di Provinsi Bengkulu": a place where something happens is no score's subject.
    placed = [m for m in inside if not _LOCATIVE.search(text[max(0, m.start - 9) : m.start])]
    inside = placed or inside
    before = [m for m in inside if m.end <= at]
    if before:
        return before[-1]
    after = [m for m in inside if m.start >= at]
    return after[0] if after else None


def _year(years: list[tuple[int, int]], start: int, end: int, at: int) -> int | None:
    """The year nearest the value in its sentence, else the last one written before it;
    ``years`` is every (offset, year) of the text in order."""
    within = years[bisect_left(years, (start, 0)) : bisect_left(years, (end, 0))]
    if within:
        return min((abs(pos - at), year) for pos, year in within)[1]
    before = bisect_left(years, (at, 0))
    return years[before - 1][1] if before else None


def _zone(sentence: str, at: int) -> Zone | None:
    zones = [(abs(m.start() - at), m) for m in _ZONE.finditer(sentence)]
    if not zones:
        return None
    m = min(zones, key=lambda z: z[0])[1]
    if m.group("z"):
        return m.group("z").lower()  # type: ignore[return-value]
    return _PREDICATE_ZONES[m.group("p").lower()]


def compliance_zone(value: float) -> Zone:
    """The Ombudsman's band for a compliance score (out of 100)."""
    if value >= 81:
        return "hijau"
    return "kuning" if value > 50 else "merah"


def _rank(sentence: str, at: int) -> int | None:
    ranks = [(abs(m.start() - at), m.group("n")) for m in _RANK.finditer(sentence)]
    ranks += [(abs(m.start() - at), m.group("n")) for m in _LEADING_ORDINAL.finditer(sentence[:at])]
    if not ranks:
        return None
    word = min(ranks)[1].lower()
    return int(word) if word.isdigit() else _ORDINALS[word]


_NOT_A_SERVICE = re.compile(
    r"\b(?:inflasi|deflasi|y-on-y|yoy|medali|pertumbuhan\s+ekonomi)\b", re.IGNORECASE
)


def _kind(sentence: str, text: str) -> str:
    for within in (sentence, text):
        for kind, pattern in _KINDS:
            if pattern.search(within):
                return kind
    return "other"


def find_scores(text: str, mentions: list[RegionMention]) -> list[Score]:
    scores: list[Score] = []
    previous: RegionMention | None = None
    seen: set[float] = set()
    starts = _sentence_starts(text)
    mention_starts = [m.start for m in mentions]
    years = [
        (m.start(), int(m.group()))
        for m in _YEAR.finditer(text)
        if not _LAW_YEAR_BEFORE.search(text, max(0, m.start() - 24), m.start())
    ]
    for c in _candidates(text, mentions):
        start, end = _sentence_bounds(text, starts, c.start)
        sentence = text[start:end]
        at = c.start - start
        subject = _subject(text, mentions, mention_starts, start, end, c.start) or previous
        previous = subject
        entry = subject.entry if subject else None
        if c.value in seen:
            continue
        seen.add(c.value)
        kind = _kind(sentence, text)
        # With no index named, figures of prices and contests are no service ratings.
        if kind == "other" and _NOT_A_SERVICE.search(sentence):
            continue
        zone = _zone(sentence, at)
        if zone is None and kind == "kepatuhan":
            zone = compliance_zone(c.value)
        scores.append(
            Score(
                value=c.value,
                subject=entry.name if entry else None,
                subject_code=entry.code if entry else None,
                year=_year(years, start, end, c.start),
                zone=zone,
                rank=_rank(sentence, at),
                kind=kind,
                evidence=Evidence.of(text, max(start, c.start - 40), c.end),
            )
        )
    return scores
