"""Named officials: an office phrase ("Wakil Bupati", "Kepala Perwakilan Ombudsman RI") and the
person it introduces, in either order ("Bupati Lebong Kopli Ansori", "Kopli Ansori, Bupati
Lebong"). Titles are dropped; an office with no name after or before it is no official.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources

from core.gazetteer import GazetteerEntry
from core.model import Evidence, Official

from .region_names import NameIndex, district_index, name_index
from .regions import RegionMention

_RI = r"(?:\s+(?:RI|Ri|Republik\s+Indonesia))?"
# Misspellings seen in print ("Ombusdman", "Ombdusman", "Ombudsmen").
_OMBUDSMAN = r"(?:Ombudsman|Ombusdman|Ombdusman|Ombudsmen|ORI)"
# (pattern, canonical role, region type the office belongs to or None for a national office)
_ROLES: tuple[tuple[str, str, str | None], ...] = (
    # A regional office is headed by a Kepala ("Kepala Ombudsman Sumut", "Kepala Kantor
    # Ombudsman Sumsel"); the national one by the Ketua.
    (
        rf"(?:Kepala|Ketua)\s+(?:Kantor\s+)?Perwakilan\s+{_OMBUDSMAN}{_RI}"
        rf"|(?:Kepala|Ketua)\s+{_OMBUDSMAN}{_RI}\s+Perwakilan"
        rf"|Kepala\s+(?:Kantor\s+)?{_OMBUDSMAN}{_RI}",
        "Kepala Perwakilan Ombudsman",
        "provinsi",
    ),
    (rf"Wakil\s+Ketua\s+{_OMBUDSMAN}{_RI}", "Wakil Ketua Ombudsman RI", None),
    (rf"Ketua\s+{_OMBUDSMAN}{_RI}", "Ketua Ombudsman RI", None),
    # Written in running text without a capital ("kata anggota Ombudsman RI ...").
    (
        rf"(?:[Aa]nggota|[Kk]omisioner)\s+{_OMBUDSMAN}{_RI}",
        "Anggota Ombudsman RI",
        None,
    ),
    # Also by grade or by unit ("Asisten Pencegahan Maladministrasi Ombudsman RI Perwakilan
    # Kalsel", "Asisten Bidang Pemeriksaan Laporan pada Kantor Perwakilan Ombudsman RI").
    (
        r"Asisten(?:\s+(?:Muda|Pratama|Madya|Utama))?"
        r"(?:\s+(?:Bidang\s+)?(?:Pencegahan|Pemeriksaan|Penerimaan|Penyelesaian|Resolusi)"
        r"(?:\s+[\w-]+){0,3}?)?"
        rf"\s+(?:pada\s+(?:Kantor\s+)?(?:Perwakilan\s+)?)?{_OMBUDSMAN}{_RI}",
        "Asisten Ombudsman",
        "provinsi",
    ),
    (r"Wakil\s+Bupati|Wabup", "Wakil Bupati", "kabupaten"),
    (r"Bupati", "Bupati", "kabupaten"),
    (r"Wakil\s+Wali\s*[Kk]ota|Wawali|Wawako", "Wakil Wali Kota", "kota"),
    (r"Wali\s*[Kk]ota|Wako", "Wali Kota", "kota"),
    (r"Wakil\s+Gubernur|Wagub", "Wakil Gubernur", "provinsi"),
    (r"Gubernur", "Gubernur", "provinsi"),
    (
        r"Sekretaris\s+(?:Daerah|Kota|Kabupaten|Provinsi)|Sekda(?:kab|ko|prov)?",
        "Sekretaris Daerah",
        "any",
    ),
    (r"Asisten\s+(?P<n>I{1,3}|IV|[1-4])", "Asisten {n} Sekretariat Daerah", "any"),
    # Or named by their portfolio ("Asisten Perekonomian dan Pembangunan Setda Tuban").
    (
        r"Asisten\s+(?:Bidang\s+)?(?=(?:Pemerintahan|Perekonomian|Ekonomi|Administrasi)\b)",
        "Asisten",
        "any",
    ),
    # The office's acronym is often glued on ("Kadisnakertrans") or written for the word
    # ("Kepala Disdukcapil").
    (
        r"Kepala\s+Dinas|Kepala\s+Dis[a-z]\w+|Kadis\w*|Kadin(?:kes|sos)\b|Kadikbud\w*",
        "Kepala Dinas",
        "any",
    ),
    (r"Kepala\s+Biro|Karo", "Kepala Biro", "provinsi"),
    # Or by its acronym ("Kepala Bappeda", "Kepala Bapenda", "Kepala Bakesbangpol").
    (r"Kepala\s+Badan|Kepala\s+Ba(?:pp|pe|ke|li)[a-z]+", "Kepala Badan", "any"),
    # Offices of the centre named by what follows them ("Kepala Pusat Data ... BNPB",
    # "Deputi Bidang Pelayanan Publik Kementerian PANRB"), as Kepala Badan is.
    (r"Kepala\s+Pusat", "Kepala Pusat", None),
    (r"Asisten\s+Deputi|Asdep", "Asisten Deputi", None),
    (r"Sekretaris\s+Deputi", "Sekretaris Deputi", None),
    (r"Deputi", "Deputi", None),
    # The ministries' first echelon, named by their office as written.
    (r"Sekretaris\s+Jenderal|Sekjen", "Sekretaris Jenderal", None),
    (r"Sekretaris\s+(?:Kementerian|Utama|Menteri)|Sesmen\w*", "Sekretaris Kementerian", None),
    (r"Direktur\s+Jenderal|Dirjen", "Direktur Jenderal", None),
    (r"Inspektur\s+Jenderal", "Inspektur Jenderal", None),
    # Not the police rank ("Inspektur Polisi Satu").
    (r"Inspektur(?!\s+Polisi)|Kepala\s+Inspektorat", "Inspektur", "any"),
    (r"Camat", "Camat", "any"),
    # Heads of a district or a provincial prosecutor's office.
    (r"Kepala\s+Kejaksaan\s+Negeri|Kajari", "Kepala Kejaksaan Negeri", "any"),
    (r"Kepala\s+Kejaksaan\s+Tinggi|Kajati", "Kepala Kejaksaan Tinggi", "provinsi"),
    # Police and agency spokespeople, quoted in most news of incidents: the office as written
    # ("Kasi Humas Polres Bangka Tengah" -> "Kasi Humas Polres").
    (r"(?P<h>Kasi|Kasubb?ag|Kabag|Kabid)\s+Humas", "{h} Humas", "any"),
    # Police chiefs of a province, a kabupaten or kota, a kecamatan; the rank is a title.
    (r"(?:Waka|Ka)polda", "Kapolda", "provinsi"),
    (r"(?:Waka|Ka)pol(?:res(?:ta(?:bes)?)?|sek)", "Kapolres", "any"),
    (r"Kasatpol\s*-?\s*PP|Kepala\s+Satpol\s*-?\s*PP", "Kepala Satpol PP", "any"),
    # Heads of a police unit ("Kasat Binmas Polres Jakarta Barat", "Kasat Reskrim").
    (
        r"(?P<s>Kasat\s+(?:Binmas|Reskrim|Res\s*[Nn]arkoba|Narkoba|Lantas|Intelkam|Sabhara|Samapta))",
        "{s}",
        "any",
    ),
    # Army district commanders, named by their district's number ("Dandim 0807").
    (r"Dandim(?:\s+\d{4}(?:/\w+)?)?", "Dandim", "any"),
    # Members of a regional council and their officers ("Ketua Komisi A DPRD Kota Palangka
    # Raya"): the office up to the council, which the region then follows.
    (
        r"(?P<d>(?:(?:Wakil\s+)?Ketua(?:\s+(?:I{1,3}|IV))?|[Aa]nggota)"
        r"(?:\s+Komisi\s+(?:[IVX]+|[A-E]|\d))?)(?=\s+DPRD\b)",
        "{d} DPRD",
        "any",
    ),
    # Election commission and election supervisory board of a region ("Ketua KPU Badung").
    (
        r"(?P<u>(?:Wakil\s+)?Ketua|[Aa]nggota|Komisioner)\s+(?P<v>KPU|Bawaslu)(?=\s|,)",
        "{u} {v}",
        "any",
    ),
    (
        r"(?P<e>(?:(?:Wakil\s+)?Ketua|[Aa]nggota)(?:\s+Komisi\s+(?:[IVX]+|\d+))?)\s+DPR"
        r"(?:\s+RI|\s+Republik\s+Indonesia)?\b(?!D)",
        "{e} DPR RI",
        None,
    ),
    # Directors of a regional hospital ("Direktur Utama (Dirut) RSUD Karangasem").
    (
        r"(?:Wakil\s+)?Direktur(?:\s+Utama)?"
        r"(?=(?:\s*\((?:Dirut|Wadir)\))?\s+(?:RSUD|Rumah\s+Sakit)\b)|Dirut|Wadir",
        "Direktur RSUD",
        "any",
    ),
    # Heads of a bagian, bidang or unit written short ("Kabag Organisasi Setda Kuningan").
    (r"Kabag|Kabid|Kalak|Kasi|Kasubb?ag", "Kepala", "any"),
    # Other heads of an office, named by the office as written ("Kepala DPMPPA", "Kepala
    # Kantor Perizinan Terpadu", "Kepala Bidang Kedaruratan dan Logistik BPBD", "Kepala
    # Seksi Pengelolaan Opini Publik Diskominfo").
    (
        r"Kepala(?=\s+(?:Kantor|Bagian|Bidang|Seksi|Sub|Subbagian|Subbag|Perwakilan|Pelaksana"
        r"|Balai|Rutan|Lapas|UPT|Keasistenan|[A-Z][A-Z0-9]+)\b)",
        "Kepala",
        "any",
    ),
    # Advisers to a regional head or a minister ("Staf Ahli Bupati Bidang Pembangunan").
    (r"Staf\s+Ahli(?:\s+(?:Bupati|Wali\s*[Kk]ota|Gubernur|Menteri))?", "Staf Ahli", "any"),
    (r"Wakil\s+Menteri|Wamen\w*", "Wakil Menteri", None),
    (
        r"Menteri|Menko\w*"
        r"|Men(?:dagri|pan\w*|kes|sos|keu|dikbud\w*|kumham|hub|kominfo|dikdasmen|diktisaintek)",
        "Menteri",
        None,
    ),
    # A spokesperson speaks for the office and does not hold it ("Juru Bicara Wapres").
    (
        r"(?:Juru\s+Bicara|Jubir)\s+(?:Wakil\s+Presiden|Wapres|Presiden|Menteri\s+\w+|Gubernur)",
        "Juru Bicara",
        "any",
    ),
    # Not a company's "Presiden Direktur".
    (r"Wakil\s+Presiden(?!\s+Direktur)|Wapres", "Wakil Presiden", None),
    (r"Presiden(?!\s+Direktur)", "Presiden", None),
)
# The lookahead lets most words fail at their first letter instead of at every alternative
# (five times faster on news text).
_ROLE = re.compile(
    r"\b(?=[A-Z]|anggota|komisioner)(?:"
    r"(?:(?P<Pjs>P[jJ][sS]|Penjabat\s+Sementara(?:\s*\(Pjs\.?\))?)"
    r"|(?P<Pj>P[jJ]|Penjabat(?:\s*\(Pj\.?\))?)"
    r"|(?P<Plt>P[lL][tT]|Pelaksana\s+Tugas(?:\s*\(Plt\.?\))?)"
    r"|(?P<Plh>P[lL][hH]|Pelaksana\s+Harian(?:\s*\(Plh\.?\))?))\.?\s*)?(?:"
    + "|".join(f"(?P<r{i}>{p})" for i, (p, _, _) in enumerate(_ROLES))
    + r")\b",
)
_TOKEN = re.compile(r"[A-Z][\w'\u2019\-]*\.?|[A-Z]\.")
# "Kepala Perwakilan Ombudsman Sultra terpilih, Mastri Susilo", "Bupati Lebong periode
# 2021-2026 Kopli Ansori": words that qualify the office, not the person.
_OFFICE_FILLER = re.compile(
    r"\([^)]{1,40}\)|[A-Z]{2,}\b|&|dan\b|-(?=\w)|/[ \t]*(?=\w)|,(?=\s*[A-Z]{2,})"
    r"|terpilih\b|definitif\b|periode\s+\d{4}\s*[-\u2013]\s*\d{4}"
)
# One piece of a central office's name: a capitalised word, a parenthesis, or a joiner.
_AGENCY_PIECE = re.compile(
    r"[ \t]*(?:(?P<word>[A-Z][\w\-]*)|\((?P<paren>[^)]{1,40})\)|dan\b|bidang\b|&|,|-)"
)
_AGENCY_WORDS = 16
# Longer office names are cut: what follows is more often the next phrase than the office.
_ROLE_WORDS = 12
_COMMA = re.compile(r",[ \t]*")
_LIST_NEXT = re.compile(r"(?:[ \t]*,)?[ \t]+dan[ \t]+|[ \t]*,[ \t]*")
_MAX_LISTED = 6
# Offices held by several people at once, whose holders news lists under one title.
_SHARED_OFFICES = ("Anggota", "Asisten Ombudsman")
_NAME_GAP = re.compile(r"\s*(?:[,:]\s*)?")
_BACKWARD = re.compile(
    r"(?P<name>(?:[A-Z][\w'\u2019.\-]*[ \t]+){0,3}[A-Z][\w'\u2019\-]*\.?)[ \t]*"
    r"(?:,|\(|\bselaku|\bsebagai)\s*$"
)
_MAX_NAME = 5
# A name has a few titles before it at most ("Komjen Pol. (Purn) Dr. H."): looking further
# would let a run of capitals cost time without end.
_MAX_TITLES = 8
_DISTRICT_WORD = re.compile(r"(?:Kecamatan|Kec\.)\s+")
# Physicians' titles are written in lower case by convention ("dr Tolkha Amaruddin").
_LOWER_TITLE = re.compile(r"(?:dr|drg|drh)\.?\s+(?=[A-Z])")
_NAME_SHORT_FORMS = frozenset({"abd", "moh", "mokh", "moch", "mochd", "muh", "muhd", "mhd", "mohd"})
_ROMAN = re.compile(r"[IVX]+")
# Nouns made from verbs ("Pengelolaan", "Keasistenan", "Partisipasi") name units and tasks;
# a personal name does not start with one.
_NOMINAL = re.compile(r"(?:pe[nmr]?|ke)\w{3,}an|\w{3,}asi")
_NAME_CLOSED = re.compile(r"[ \t]*(?:[,.;:)\n]|[a-z]|$)")
_NAME_AFTER_INITIALS = re.compile(r" [A-Z][a-z]")
_LAST_TOKEN = re.compile(r"[A-Za-z][\w.]*[ \t]*[,(][ \t]*$")
_COUNTRY_WORDS = re.compile(r"[ \t]*,?[ \t]*((?:[A-Z][a-z]+|AS)(?:[ \t]+[A-Z][a-z]+){0,2})")
_RETIRED = re.compile(r"\((?:Purn|purn|Purnawirawan)\.?\)")
# "Peraturan Presiden", "Kantor Bupati": the office named as an institution, not a person;
# "mantan Menteri", "calon Bupati": someone who does not hold it.
_NOT_A_PERSON_BEFORE = re.compile(
    r"\b(?:peraturan|instruksi|keputusan|kantor|rumah\s+dinas|rumah\s+jabatan|staf"
    r"|mantan|eks|bekas|calon|bakal\s+calon)\s+$",
    re.IGNORECASE,
)


def _data_lines(name: str) -> list[str]:
    text = resources.files("classify").joinpath("data", name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line and not line.startswith("#")]


@cache
def _word_list(name: str) -> frozenset[str]:
    return frozenset(w for line in _data_lines(name) for w in line.split())


@cache
def _countries() -> frozenset[str]:
    return frozenset(_data_lines("countries.txt"))


def _plain(word: str) -> str:
    return re.sub(r"[^\w]", "", word).lower()


@dataclass(frozen=True, slots=True)
class _Found:
    name: str
    role: str
    region_type: str | None
    region_code: str | None
    start: int
    end: int
    acting: str | None


class _Reader:
    def __init__(self, text: str, mentions: list[RegionMention]) -> None:
        self.text = text
        self.mentions = mentions
        self.mention_starts = [m.start for m in mentions]
        self._first_entry = {m.key: m.entry for m in reversed(mentions) if m.entry}
        self._codes = {m.entry.code for m in mentions if m.entry}
        self.office = _word_list("office_words.txt")
        self.titles = _word_list("titles.txt")
        self.stop = _word_list("name_stopwords.txt")

    def _mention_at(self, at: int) -> RegionMention | None:
        """The region mention covering offset ``at`` (mentions are in text order)."""
        i = bisect_right(self.mention_starts, at) - 1
        if i >= 0 and at < self.mentions[i].end:
            return self.mentions[i]
        return None

    def _skip_office(self, pos: int) -> tuple[int, RegionMention | None]:
        """Past office words, acronyms, parentheses and region names after a role."""
        region: RegionMention | None = None
        while True:
            at = self._skip_spaces(pos)
            mention = self._mention_at(at)
            if mention is not None:
                region = region or mention
                pos = mention.end
                continue
            named = self._region_named_at(at)
            if named is not None:
                region = region or named
                pos = named.end
                continue
            # "Kasi Pemerintahan Kecamatan Cibinong Ahmad Yani": the office's kecamatan.
            if _DISTRICT_WORD.match(self.text, at):
                district = self._district_at(at)
                if district is not None:
                    pos = district[0]
                    continue
            m = _OFFICE_FILLER.match(self.text, at)
            # A title glued to the name ("KH.Salwa Arifin") is where the person starts; not
            # an agency whose acronym spells one ("Kepala Perwakilan BPK Jateng").
            if m and not (
                m.group().isupper()
                and _plain(m.group()) in self.titles
                and self.text.startswith(".", m.end())
            ):
                # "Kapolres Tapteng dan Asisten Perekonomian ...": the next office, not this one.
                if m.group() == "dan" and _ROLE.match(self.text, self._skip_spaces(m.end())):
                    return pos, region
                pos = m.end()
                continue
            word = _TOKEN.match(self.text, at)
            if word and _plain(word.group()) in self.office:
                pos = word.end()
                # A full stop ends the office with its sentence ("... Reformasi Birokrasi.").
                if word.group().endswith("."):
                    return pos, region
                continue
            # "Wali Kota Surabaya, Jawa Timur, Tri Rismaharini", "Menteri Koordinator Bidang
            # Hukum, HAM, Imigrasi, dan Pemasyarakatan, Yusril Ihza Mahendra": the office goes
            # on after a comma when a region or an office word follows it.
            comma = _COMMA.match(self.text, at)
            if comma and self._office_goes_on(comma.end()):
                pos = comma.end()
                continue
            return pos, region

    def _office_goes_on(self, at: int) -> bool:
        if at < len(self.text) and self.text.startswith("dan ", at):
            at += 4
        word = _TOKEN.match(self.text, at)
        return (
            self._mention_at(at) is not None
            or (word is not None and _plain(word.group()) in self.office)
            or self._region_named_at(at) is not None
        )

    def _past_agency(self, pos: int) -> int:
        """Past the last agency acronym or ministry ("PANRB", "Kemenpan") of a capitalised run
        after a central office: its name runs on in words no list holds ("Asisten Deputi
        Standardisasi Layanan Inklusif Kementerian PANRB Rina Marlina")."""
        last = pos
        for _ in range(_AGENCY_WORDS):
            m = _AGENCY_PIECE.match(self.text, pos)
            at = self._skip_spaces(pos)
            # A region ends the name, and what comes before it is the agency's ("Pencegahan
            # Maladministrasi Ombudsman Sumbar"); so do the next office, and a comma before
            # what is no office.
            if m and self._mention_at(at) is not None:
                return max(last, pos)
            if (
                not m
                or _ROLE.match(self.text, at)
                or (
                    m.group().strip() == ","
                    and not self._office_goes_on(self._skip_spaces(m.end()))
                )
            ):
                break
            pos = m.end()
            word = m.group("word") or m.group("paren")
            if word and (
                (word.isupper() and len(word) > 1 and _plain(word) not in self.titles)
                or word.startswith("Kemen")
                or word in _AGENCY_ENDS
            ):
                last = pos
        return last

    def _unit_then_name(self, pos: int) -> tuple[int, tuple[str, int, int]] | None:
        """(comma, person) where a comma closes a unit's name no list holds and a person
        follows it ("Kepala Bidang Pengelolaan Data dan Administrasi Kependudukan,
        Hermansyah")."""
        for _ in range(_AGENCY_WORDS):
            m = _AGENCY_PIECE.match(self.text, pos)
            if not m:
                return None
            pos = m.end()
            if m.group().strip() == ",":
                named = self.read_name(pos)
                return (pos, named) if named is not None else None
        return None

    def _region_named_at(self, at: int) -> RegionMention | None:
        """A region name the region tagger let pass because a capitalised word follows it
        ("Kadisperekraf Malut Tahmid Wahab" reads like the proper noun "Malut Tahmid"): after
        an office that word is the person, so a strong name of one region is the office's."""
        index = name_index()
        best: RegionMention | None = None
        for end, key in self._names_along(index, at):
            entries = index.lookup(key)
            if key in index.weak:
                continue
            # A shared name ("Banjar") means the region the article named so elsewhere.
            entry = entries[0] if len(entries) == 1 else self._first_entry.get(key)
            if entry is not None:
                best = RegionMention(at, at, end, key, entries, None, entry)
        return best

    def _district_at(self, at: int) -> tuple[int, GazetteerEntry | None] | None:
        """(end, kabupaten or kota) of the longest kecamatan name at ``at``, after an optional
        "Kecamatan": "Camat Gadingrejo Suryadi" is the camat of Gadingrejo. A name several
        kabupaten share means the one the article names (or whose province it names), if
        exactly one."""
        word = _DISTRICT_WORD.match(self.text, at)
        at = word.end() if word else at
        index = district_index()
        found: tuple[int, tuple[GazetteerEntry, ...]] | None = None
        for end, key in self._names_along(index, at):
            found = end, index.lookup(key)
        if found is None:
            return None
        end, parents = found
        for named in (
            [p for p in parents if p.code in self._codes],
            [p for p in parents if p.code.split(".")[0] in self._codes],
        ):
            if len(named) == 1:
                return end, named[0]
        # One bare word may be the person's first name ("Camat Bambang Sutrisno"; Bambang is
        # a kecamatan of Mamasa): a kecamatan then only where the article names its place.
        if word is not None or " " in self.text[at:end] or self.text.startswith(",", end):
            return end, parents[0] if len(parents) == 1 else None
        return None

    def _names_along(self, index: NameIndex, at: int) -> Iterator[tuple[int, str]]:
        """(end, key) of every name of ``index`` the capitalised words at ``at`` spell."""
        ends: list[int] = []

        def words() -> Iterator[str]:
            pos = at
            while word := _TOKEN.match(self.text, pos):
                ends.append(word.end())
                yield word.group()
                pos = word.end()
                if self.text[pos : pos + 1] != " ":
                    return
                pos += 1

        for used, key in index.keys_along(words()):
            yield ends[used - 1], key

    def read_name(self, pos: int) -> tuple[str, int, int] | None:
        """(name, start, end) of the personal name at ``pos``, titles dropped."""
        gap = _NAME_GAP.match(self.text, pos)
        pos = gap.end() if gap else pos
        lower = _LOWER_TITLE.match(self.text, pos)
        pos = lower.end() if lower else pos
        words: list[str] = []
        start = end = pos
        titled = False
        while len(words) < _MAX_NAME:
            m = _TOKEN.match(self.text, pos)
            if not m:
                break
            raw = m.group()
            plain = _plain(raw)
            if not words and plain in self.titles:
                pos = self._skip_spaces(m.end())
                # A retired officer's rank: "Komjen Pol. (Purn) Purwadi Arianto".
                retired = _RETIRED.match(self.text, pos)
                pos = self._skip_spaces(retired.end()) if retired else pos
                start = pos
                titled = True
                continue
            # "Bupati Ashan H. Surya": titles open a name, so one word before them is a place
            # no list holds (here misspelt), not the person.
            if len(words) == 1 and not titled and plain in self.titles and self._named_after(pos):
                words = []
                continue
            if (
                plain in self.stop
                or plain in self.titles
                or (
                    raw.isupper()
                    and len(plain) > 1
                    and not self._initials(words, raw, m.end())
                    and not self._initials_in_name(words, raw, m.end(), titled)
                )
                or any(ch.isdigit() for ch in raw)
                # "Ketujuhnya", "Keduanya": a pronoun, never part of a name.
                or (len(plain) > 6 and plain.endswith("nya"))
                or (
                    not words
                    and (
                        plain in self.office
                        or _NOMINAL.fullmatch(plain)
                        or self._region_word(plain)
                    )
                )
            ):
                break
            if not words:
                start = m.start()
            words.append(raw.rstrip(".") if len(plain) > 1 else raw)
            end = m.end() - (1 if raw.endswith(".") and len(plain) > 1 else 0)
            nxt = self._skip_spaces(m.end())
            # An initial may be glued to the next part of the name ("Dolly P.Pasaribu"), not
            # to the rest of a title ("M.Pd").
            glued = False
            if len(plain) == 1 and raw.endswith(".") and nxt == m.end():
                rest = _TOKEN.match(self.text, nxt)
                glued = rest is not None and plain + _plain(rest.group()) not in self.titles
            if (nxt == m.end() and not glued) or self.text[m.end() : nxt].count("\n"):
                break
            # A full word ending in a dot closes the name unless an initial follows ("Yana. D.").
            # Written short forms of names ("Mokh. Najih", "Abd. Kadir") do not close it.
            if (
                raw.endswith(".")
                and len(plain) > 1
                and plain not in _NAME_SHORT_FORMS
                and not re.match(r"[A-Z]\.", self.text[nxt:])
            ):
                break
            pos = nxt
        if not words or (len(words) == 1 and len(_plain(words[0])) < 4):
            return None
        return " ".join(words), start, end

    def _initials(self, words: list[str], raw: str, end: int) -> bool:
        """Capitals closing a name ("Sjacroedin ZP,"), not an acronym that starts the next
        phrase; ``read_name`` has already refused titles ("SH", "MM")."""
        return (
            bool(words)
            and len(raw) <= 3
            and not _ROMAN.fullmatch(raw)
            and _NAME_CLOSED.match(self.text, end) is not None
        )

    def _listed_after(self, end: int) -> list[tuple[str, int, int]]:
        """The people listed after the one ending at ``end``, up to the next office."""
        people: list[tuple[str, int, int]] = []
        while len(people) < _MAX_LISTED:
            sep = _LIST_NEXT.match(self.text, end)
            if sep is None or _ROLE.match(self.text, sep.end()):
                break
            named = self.read_name(sep.end())
            # "..., dan Direktur Komisi Pemberantasan Korupsi": another office, unknown here.
            if named is None or any(
                _plain(w) in self.office or _NOMINAL.fullmatch(_plain(w)) for w in named[0].split()
            ):
                break
            people.append(named)
            end = named[2]
        return people

    def _titled_at(self, pos: int) -> bool:
        """Whether a title starts at ``pos`` and a name follows it."""
        m = _TOKEN.match(self.text, pos)
        return m is not None and _plain(m.group()) in self.titles and self._named_after(pos)

    def _foreign_at(self, pos: int) -> bool:
        """Whether a country other than Indonesia follows the office at ``pos``."""
        words = _COUNTRY_WORDS.match(self.text, pos)
        if words is None:
            return False
        parts = words.group(1).lower().split()
        return any(" ".join(parts[:n]) in _countries() for n in range(1, len(parts) + 1))

    def _named_after(self, pos: int) -> bool:
        """Whether titles at ``pos`` lead, on the same line, to a capitalised name word."""
        for _ in range(_MAX_TITLES):
            m = _TOKEN.match(self.text, pos)
            if m is None:
                return False
            plain = _plain(m.group())
            if plain not in self.titles:
                return (
                    len(plain) > 2
                    and not m.group().isupper()
                    and plain not in self.stop
                    and plain not in self.office
                )
            nxt = self._skip_spaces(m.end())
            if "\n" in self.text[m.end() : nxt]:
                return False
            pos = nxt
        return False

    def _initials_in_name(self, words: list[str], raw: str, end: int, titled: bool) -> bool:
        """Capitals the name goes on after: opening it after a rank or title ("Irjen Pol AB
        Dharma Wijaya", where an acronym would have been read as part of the office), or two
        inside it ("Hasan DJ Lamato")."""
        fits = len(raw) == 2 if words else titled and len(raw) <= 3
        return (
            fits
            and not _ROMAN.fullmatch(raw)
            and _NAME_AFTER_INITIALS.match(self.text, end) is not None
        )

    def _after_place(
        self, named: tuple[str, int, int] | None, place: bool = False
    ) -> tuple[str, int, int] | None:
        """ "Camat Palibelo, Drs. Darwis": a one-word place, a comma, then the person;
        ``place``: what was read names a place whatever its length (a hospital's name)."""
        if (
            named is None
            or (" " in named[0] and not place)
            or self.text[named[2] : named[2] + 2] != ", "
        ):
            return named
        person = self.read_name(named[2] + 2)
        if person is None:
            return named
        titled = person[1] > self._skip_spaces(named[2] + 2)
        return person if titled or " " in person[0] else named

    def _region_word(self, plain: str) -> bool:
        """A strong region name ("Kaltara", "Jakarta") cannot start a personal name."""
        index = name_index()
        return bool(index.lookup(plain)) and plain not in index.weak

    def _skip_spaces(self, pos: int) -> int:
        while pos < len(self.text) and self.text[pos] in " \t":
            pos += 1
        return pos

    def read_backward(self, start: int) -> tuple[str, int, int] | None:
        window = self.text[max(0, start - 80) : start]
        offset = start - len(window)
        # Degrees after the name come first ("Ir. Sri Sulistiyani, M.Ph., Kepala DPPPAPPKB").
        while (degree := _LAST_TOKEN.search(window)) and _plain(degree.group()) in self.titles:
            window = window[: degree.start()]
        m = _BACKWARD.search(window)
        if not m:
            return None
        words = [w for w in m.group("name").split() if _plain(w) not in self.titles]
        # "Bupati Purworejo Yuli Hastuti SH, Penjabat (Pj) Sekda": the run before the comma
        # ends another office phrase, whose region is no part of a name; "Soroti Pasal Zina
        # KUHP Baru, Menkumham": an acronym is no part of one either.
        if len(words) < 2 or any(
            _plain(w) in self.stop
            or _plain(w) in self.office
            or self._region_word(_plain(w))
            or (len(_plain(w)) > 2 and w.rstrip(".").isupper())
            for w in words
        ):
            return None
        first = m.start("name") + offset
        return (
            " ".join(w.rstrip(".") if len(_plain(w)) > 1 else w for w in words),
            first,
            m.end("name") + offset,
        )

    def find(self) -> list[_Found]:
        found: list[_Found] = []
        for m in _ROLE.finditer(self.text):
            if _NOT_A_PERSON_BEFORE.search(self.text[max(0, m.start() - 12) : m.start()]):
                continue
            if _in_headline(self.text, m.start()):
                continue
            if self._foreign_at(m.end()):
                continue
            index = next(i for i in range(len(_ROLES)) if m.group(f"r{i}"))
            _, template, region_type = _ROLES[index]
            # "Asisten {n}", "{h} Humas": the office takes a part of what was written.
            role = template.format_map({**m.groupdict(), "n": _roman(m.group("n") or "")})
            # "kata anggota DPRD ...": the office reads capitalised.
            role = role[0].upper() + role[1:]
            # Offices of a kecamatan or a town name it ("Camat Gadingrejo", "Kapolsek Kebayoran
            # Lama", "Kajari Lhoksukon").
            district = (
                self._district_at(self._skip_spaces(m.end())) if role in _DISTRICT_ROLES else None
            )
            after, mention = self._skip_office(district[0] if district else m.end())
            if template in _AGENCY_ROLES:
                past = self._past_agency(m.end())
                if past > after:
                    # A region may follow the agency ("Kalak BPBD Garut Satria Budi").
                    after, named_region = self._skip_office(past)
                    mention = mention or named_region
                written = self.text[m.start(f"r{index}") : after]
                role = _agency_role(role, written, mention, self.text)
            named = self._after_place(self.read_name(after), template == "Direktur RSUD")
            # An officer's rank opens the name, so "Kapolsek Kabayoran Lama, Kompol Widya
            # Agustiono" names the person after the comma; before it is a place (misspelt).
            titled = template in _RANKED_ROLES and named and _COMMA.match(self.text, named[2])
            if titled and self._titled_at(titled.end()):
                named = self.read_name(titled.end()) or named
            # A unit's name may run on in capitalised words up to the comma before the person
            # ("Kepala Seksi Rehabilitasi Sosial Korban Bencana Alam, Dedi Kurniawan").
            if template in _AGENCY_ROLES and (named is None or _COMMA.match(self.text, named[2])):
                unit = self._unit_then_name(m.end())
                if unit is not None and (named is None or unit[1][1] > named[1]):
                    comma, named = unit
                    role = _agency_role(role, self.text[m.start(f"r{index}") : comma], None, "")
            if named is None:
                named = self.read_backward(m.start())
            if named is None:
                continue
            name, start, end = named
            if role.startswith("Ketua Ombudsman") and mention and mention.entry:
                role, region_type = "Kepala Perwakilan Ombudsman", "provinsi"
            code = mention.entry.code if mention and mention.entry else None
            if code is None and district and district[1]:
                code = district[1].code
            span = (min(m.start(), start), max(m.end(), end))
            acting = next((a for a in _ACTING if m.group(a)), None)
            found.append(_Found(name, role, region_type, code, *span, acting))
            # Offices several people hold are listed under one title ("Asisten Ombudsman
            # Fitry Agustine dan Dwiki Oktobrian"); a Bupati is one person.
            if role.startswith(_SHARED_OFFICES):
                for other, first, last in self._listed_after(end):
                    found.append(_Found(other, role, region_type, code, first, last, acting))
        return found


# Penjabat (appointed to stand in for an elected head), Penjabat Sementara, Pelaksana Tugas,
# Pelaksana Harian: the prefixes of an office held in someone's stead.
_ACTING = ("Pj", "Pjs", "Plt", "Plh")
_HEADLINE_CHARS = 240
_HEADLINE_LOWER = frozenset(
    [
        "dengan",
        "sebagai",
        "terhadap",
        "kepada",
        "tentang",
        "hingga",
        "melalui",
        "antara",
        "bersama",
        "setelah",
        "sebelum",
        "selama",
        "karena",
        "secara",
        "sampai",
        "menjadi",
    ]
)
_TYPE_WORDS = frozenset({"kabupaten", "kab", "kota", "provinsi", "prov", "propinsi", "kotamadya"})
_RANKED_ROLES = frozenset({"Kapolres", "Kapolda", "Dandim", "{s}"})
_DISTRICT_ROLES = frozenset({"Camat", "Kapolres", "Kepala Kejaksaan Negeri"})
_AGENCY_ROLES = frozenset(
    {
        "Kepala Badan",
        "Kepala Pusat",
        "Asisten Deputi",
        "Sekretaris Deputi",
        "Deputi",
        "Sekretaris Jenderal",
        "Sekretaris Kementerian",
        "Direktur Jenderal",
        "Inspektur Jenderal",
        "Asisten",
        "Direktur RSUD",
        "Kepala",
        "{h} Humas",
        "{s}",
        "Staf Ahli",
        "Juru Bicara",
    }
)


# Words that end an agency's name as its acronym does ("... Ombudsman Perwakilan Banten").
_AGENCY_ENDS = frozenset({"Ombudsman", "Setda", "Setdakab", "Setdako", "Setdaprov"})
# Heads written short, spelt out in the role ("Kabag Organisasi" -> "Kepala Bagian Organisasi").
_SHORT_HEADS = {
    "Kabag": "Kepala Bagian",
    "Kabid": "Kepala Bidang",
    "Kalak": "Kepala Pelaksana",
    "Kasi": "Kepala Seksi",
    "Kasubag": "Kepala Subbagian",
    "Kasubbag": "Kepala Subbagian",
    "Sekjen": "Sekretaris Jenderal",
    "Dirjen": "Direktur Jenderal",
    "Dirut": "Direktur Utama",
    "Wadir": "Wakil Direktur",
    "Asdep": "Asisten Deputi",
}


_RELATED_LINK = re.compile(
    r"\s*(?:baca\s+(?:juga|pula|selengkapnya)|berita\s+terkait|lihat\s+juga|simak\s+juga)\b",
    re.IGNORECASE,
)


def _in_headline(text: str, pos: int) -> bool:
    """Title-case lines ("Wabup Ciamis Rakor Terkait Pelayanan Publik") run verbs into names."""
    # A headline has at most 20 words: look no further, or long texts would cost n squared.
    lo, hi = max(0, pos - _HEADLINE_CHARS), min(len(text), pos + _HEADLINE_CHARS)
    start = text.rfind("\n", lo, pos) + 1 or lo
    end = text.find("\n", pos, hi)
    if start == lo and lo > 0:
        return False
    # The headline of another story, however long ("Baca Juga: ..., Kapolda Putu Jayan
    # Sampaikan Kemajuan Dumas Presisi ...").
    if _RELATED_LINK.match(text, start):
        return True
    if end < 0 and hi < len(text):
        return False
    line = text[start : end if end >= 0 else hi].strip()
    # A line ending in a comma, or after one that does, is a sentence wrapped by the page.
    if line.endswith(",") or text[lo:start].rstrip().endswith(","):
        return False
    words = re.findall(r"[^\W\d_]+", line)
    capitalised = sum(w[0].isupper() for w in words)
    # Title case leaves only short linking words in lower case; a lower-case verb is prose
    # ("..., Astra Gunawan menyatakan, Penilaian K", the cut end of an excerpt).
    prose = any(len(w) >= 6 and w.islower() and w not in _HEADLINE_LOWER for w in words)
    return (
        not line.endswith(".")
        and 4 <= len(words) <= 20
        and capitalised >= 0.7 * len(words)
        and not prose
    )


def _roman(n: str) -> str:
    return {"1": "I", "2": "II", "3": "III", "4": "IV"}.get(n, n)


def _agency_role(role: str, written: str, mention: RegionMention | None, text: str) -> str:
    """The office as written, up to its region: "Kepala Badan Penanggulangan Bencana Daerah
    (BPBD) Sitaro" -> "Kepala BPBD", "Deputi Bidang Pelayanan Publik Kementerian PANRB"."""
    if mention is not None:
        # An institution before the region stays ("Kasi Humas Polres"); a type word goes.
        cue = text[mention.start : mention.name_start].split()
        kept = " ".join(w for w in cue if _plain(w) not in _TYPE_WORDS)
        written = written.split(text[mention.start : mention.end])[0].rstrip(" ,") + " " + kept
    # Short forms in parentheses repeat the office ("Direktur Utama (Dirut) RSUD").
    written = re.sub(r"\s*\((?![A-Z]{2,}\))[^)]*\)", "", written)
    first, _, rest = written.partition(" ")
    # A spokesperson's office stays as written ("Kabid Humas Polda"), as news names it.
    if not rest.startswith("Humas"):
        written = f"{_SHORT_HEADS.get(first, first)} {rest}"
    # The office's own acronym, not the region's ("Polda Nusa Tenggara Barat (NTB)").
    acronym = re.search(r"\(([A-Z]{2,})\)", written)
    if acronym:
        head = role.split()[0] if role in ("Kepala Badan", "Kepala Pusat") else role
        return f"{head} {acronym.group(1)}"
    words = written.replace(",", " ").split()[:_ROLE_WORDS]
    # "Kabid P2P Dinas Kesehatan Kabupaten, Atang Sumardi": a type word with no region after.
    while len(words) > 1 and _plain(words[-1]) in _TYPE_WORDS:
        words.pop()
    return " ".join(words)


def _default_region(region_type: str | None, mentions: list[RegionMention]) -> str | None:
    """The article's most-mentioned region of the office's type, for offices named bare."""
    if region_type is None:
        return None
    counts = Counter(m.entry.code for m in mentions if m.entry)
    types = {m.entry.code: m.entry.type for m in mentions if m.entry}
    wanted = ("kabupaten", "kota", "provinsi") if region_type == "any" else (region_type,)
    for type_ in wanted:
        ranked = [code for code, _ in counts.most_common() if types[code] == type_]
        if ranked:
            return ranked[0]
    return None


def _key(name: str) -> tuple[str, ...]:
    return tuple(_plain(w) for w in name.split() if _plain(w))


def find_officials(text: str, mentions: list[RegionMention]) -> list[Official]:
    """One Official per person, at the first office phrase that names them."""
    officials: list[Official] = []
    keys: list[tuple[str, ...]] = []
    for f in _Reader(text, mentions).find():
        key = _key(f.name)
        code = f.region_code or _default_region(f.region_type, mentions)
        same = next(
            (i for i, k in enumerate(keys) if set(key) <= set(k) or set(k) <= set(key)), None
        )
        # A one-word name ending a word of the same office holder's name is their nickname
        # ("Bupati Tiwi" after "Bupati Purbalingga Dyah Hayuning Pratiwi").
        if same is None and len(key) == 1:
            same = next(
                (
                    i
                    for i, (o, k) in enumerate(zip(officials, keys, strict=True))
                    if (o.role, o.region_code) == (f.role, code)
                    and any(w != key[0] and w.endswith(key[0]) for w in k)
                ),
                None,
            )
        if same is not None:
            if len(key) > len(keys[same]):
                officials[same].name, keys[same] = f.name, key
            officials[same].acting = officials[same].acting or f.acting
            continue
        evidence = Evidence.of(text, f.start, f.end)
        officials.append(Official(f.name, f.role, code, 1, evidence, acting=f.acting))
        keys.append(key)
    # Key words are runs of word characters, so counting the text's runs once counts every
    # whole-word mention of each.
    words = Counter(re.findall(r"\w+", text.lower())) if officials else Counter()
    for official, key in zip(officials, keys, strict=True):
        official.mentions = max((words[w] for w in key if len(w) > 3), default=1)
    return officials
