"""``pantau tag``: JSON lines of articles in, JSON lines of tags out (CONTRACT.md)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from datetime import date, datetime

import classify
from core.errors import UsageError
from core.model import Article

_SURROGATE = re.compile(r"[\ud800-\udfff]")


def article_from_line(line: str, number: int) -> Article:
    try:
        row = json.loads(line)
    except ValueError:
        raise UsageError(f"line {number}: not valid JSON") from None
    if not isinstance(row, dict) or not isinstance(row.get("text"), str):
        raise UsageError(f'line {number}: expected an object with a "text" string')
    published = row.get("published")
    when: datetime | None = None
    if isinstance(published, str) and published:
        try:
            when = datetime.fromisoformat(published)
        except ValueError:
            try:
                d = date.fromisoformat(published[:10])
            except ValueError:
                raise UsageError(
                    f"line {number}: published {published!r} is not YYYY-MM-DD"
                ) from None
            when = datetime(d.year, d.month, d.day)
    article_id = row.get("id")
    return Article(
        url=str(row.get("url") or ""),
        text=row["text"],
        title=row.get("title") if isinstance(row.get("title"), str) else None,
        published=when,
        id=str(article_id) if article_id is not None else "",
    )


def tag_lines(lines: Iterable[str]) -> Iterator[str]:
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        article = article_from_line(line, number)
        out = json.dumps(classify.tag(article).to_json(), ensure_ascii=False)
        # A lone surrogate read from a "\ud800" escape cannot be written as UTF-8: it goes
        # out escaped as it came in.
        yield _SURROGATE.sub(lambda m: f"\\u{ord(m[0]):04x}", out)
