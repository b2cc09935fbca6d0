"""Golden tests: each fixture page gives exactly its ``golden/*.json``.

After an intended change, regenerate with ``python -m tests.extract.regen`` and review the diff."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

_spec = importlib.util.spec_from_file_location(
    "extract_regen", Path(__file__).with_name("regen.py")
)
assert _spec is not None and _spec.loader is not None
regen = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(regen)

CASES = regen.cases()


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_fixture_matches_golden(case: dict) -> None:
    expected = (regen.GOLDEN / f"{case['name']}.json").read_text("utf-8")
    assert regen.render(regen.extract_case(case)) == expected


def test_every_fixture_page_is_used() -> None:
    used = {c["name"] for c in CASES} | {p for c in CASES for p in c["pages"]}
    on_disk = {p.stem for p in regen.FIXTURES.glob("*.html")}
    assert used == on_disk
