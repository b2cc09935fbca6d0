"""Regenerate ``golden/*.json`` from ``fixtures/*.html`` with the current extractor.

Run from the repository root: ``python -m tests.extract.regen``. Review the diff before
committing: the golden files are the extractor's accepted behaviour, never hand-edited."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from extract import article_from_html, to_json

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"
GOLDEN = HERE / "golden"


def cases() -> list[dict[str, Any]]:
    return json.loads((FIXTURES / "cases.json").read_text("utf-8"))


def extract_case(case: dict[str, Any]) -> dict[str, Any] | None:
    html = (FIXTURES / f"{case['name']}.html").read_text("utf-8")
    pages = [(FIXTURES / f"{p}.html").read_text("utf-8") for p in case["pages"]]
    article = article_from_html(html, case["url"], pages=pages)
    return to_json(article) if article is not None else None


def render(result: dict[str, Any] | None) -> str:
    return json.dumps(result, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def main() -> None:
    GOLDEN.mkdir(exist_ok=True)
    for case in cases():
        (GOLDEN / f"{case['name']}.json").write_text(render(extract_case(case)), "utf-8")
        print(f"wrote golden/{case['name']}.json")


if __name__ == "__main__":
    main()
