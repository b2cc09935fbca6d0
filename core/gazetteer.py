"""The region gazetteer shipped with the package (Kemendagri codes, see NOTICE)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal

RegionKind = Literal["provinsi", "kabupaten", "kota"]


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    code: str
    type: RegionKind
    name: str
    province_code: str
    province_name: str


def _data_file(name: str) -> str:
    return resources.files("core").joinpath("data", name).read_text(encoding="utf-8")


@cache
def regions() -> tuple[GazetteerEntry, ...]:
    """All 552 provinsi, kabupaten and kota, in code order."""
    rows = csv.DictReader(_data_file("regions.csv").splitlines())
    return tuple(
        GazetteerEntry(
            code=r["code"],
            type=r["type"],  # type: ignore[arg-type]
            name=r["name"],
            province_code=r["province_code"],
            province_name=r["province_name"],
        )
        for r in rows
    )


@dataclass(frozen=True, slots=True)
class District:
    """A kecamatan: ``code`` is its kabupaten's or kota's code and two more digits."""

    code: str
    name: str

    @property
    def parent_code(self) -> str:
        return self.code.rsplit(".", 1)[0]


@cache
def districts() -> tuple[District, ...]:
    """All 7,285 kecamatan, in code order."""
    rows = csv.DictReader(_data_file("kecamatan.csv").splitlines())
    return tuple(District(code=r["code"], name=r["name"]) for r in rows)


@cache
def by_code() -> dict[str, GazetteerEntry]:
    return {r.code: r for r in regions()}


@cache
def province_aliases() -> dict[str, str]:
    """Lower-case local abbreviation (``sumut``, ``jabar``) -> province code."""
    rows = csv.DictReader(_data_file("aliases_lokal.csv").splitlines())
    return {r["alias"].lower(): r["code"] for r in rows}
