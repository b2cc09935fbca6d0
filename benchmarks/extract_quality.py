"""Body-text quality of ``extract.article_from_html`` against bare ``trafilatura.extract``.

Run from the repository root: ``python -m benchmarks.extract_quality [--data DIR] [-v]``.
Pages and references are read from ``../shared/data/html`` (never copied into the repo):
``indo/*/*.expected.json`` and ``aeb/ground-truth.json``. The metric is the shared one
(``extract.evaluate``). "pantau" scores ``Article.text``; "pantau+dl" scores the dateline put
back in front of it, since the references keep the dateline inside the body while Pantau moves
it to its own field."""

from __future__ import annotations

import argparse
import gzip
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import trafilatura

from core.model import Article
from extract import article_from_html
from extract.evaluate import score

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "html"
WIB = timezone(timedelta(hours=7))


@dataclass(frozen=True, slots=True)
class Page:
    name: str
    url: str
    html: str
    body: str
    title: str | None = None
    published: datetime | None = None


def _source_urls(folder: Path) -> dict[str, str]:
    """File name -> captured URL from a SOURCES.md table."""
    urls: dict[str, str] = {}
    sources = folder / "SOURCES.md"
    if not sources.exists():
        return urls
    for line in sources.read_text("utf-8").splitlines():
        cells = [c.strip() for c in line.split("|")]
        if len(cells) > 2 and (m := re.search(r"https?://\S+", " ".join(cells[8:9]))):
            urls[cells[1]] = m.group(0)
    return urls


def _reference_body(ref: dict) -> str | None:
    for key in ("content", "expected_text", "articleBody"):
        if isinstance(ref.get(key), str):
            return ref[key]
    if isinstance(ref.get("paragraphs"), list):
        return "\n".join(ref["paragraphs"])
    return None


def _reference_date(ref: dict) -> datetime | None:
    if "date_epoch_ms" in ref:
        return datetime.fromtimestamp(ref["date_epoch_ms"] / 1000, UTC)
    if "published_date" in ref:
        return datetime.fromisoformat(ref["published_date"])
    return None


def indo_pages(data: Path) -> Iterator[Page]:
    for expected in sorted(data.glob("indo/*/*.expected.json")):
        ref = json.loads(expected.read_text("utf-8"))
        body = _reference_body(ref)
        if body is None:
            continue
        html_path = expected.parent / ref["fixture"]
        url = ref.get("url") or _source_urls(expected.parent).get(ref["fixture"], "")
        yield Page(
            name=f"indo/{expected.parent.name}/{ref['fixture']}",
            url=url,
            html=html_path.read_text("utf-8", errors="replace"),
            body=body,
            title=ref.get("title"),
            published=_reference_date(ref),
        )


def aeb_pages(data: Path) -> Iterator[Page]:
    truth = json.loads((data / "aeb" / "ground-truth.json").read_text("utf-8"))
    for key in sorted(truth):
        html = gzip.decompress((data / "aeb" / "html" / f"{key}.html.gz").read_bytes())
        yield Page(
            name=f"aeb/{key[:12]}",
            url=truth[key]["url"],
            html=html.decode("utf-8", errors="replace"),
            body=truth[key]["articleBody"],
        )


def _with_dateline(article: Article | None) -> str:
    if article is None:
        return ""
    return f"{article.dateline} - {article.text}" if article.dateline else article.text


def _same_day(ours: datetime | None, ref: datetime) -> bool:
    if ours is None:
        return False
    local = ours.astimezone(WIB) if ours.tzinfo else ours
    return local.date() == ref.astimezone(WIB).date()


def _same_minute(ours: datetime | None, ref: datetime) -> bool:
    return bool(ours and ours.tzinfo and abs((ours - ref).total_seconds()) < 60)


def evaluate(pages: list[Page], verbose: bool) -> dict[str, object]:
    bare, ours, ours_dl = [], [], []
    titles = days = minutes = title_n = date_n = 0
    for page in pages:
        article = article_from_html(page.html, page.url)
        bare_text = trafilatura.extract(page.html, url=page.url or None) or ""
        bare.append((bare_text, page.body))
        ours.append((article.text if article else "", page.body))
        ours_dl.append((_with_dateline(article), page.body))
        if page.title is not None:
            title_n += 1
            got = article.title if article else None
            titles += got == " ".join(page.title.split())
            if verbose and got != page.title:
                print(f"  title {page.name}: {got!r} != {page.title!r}")
        if page.published is not None:
            date_n += 1
            got_date = article.published if article else None
            days += _same_day(got_date, page.published)
            minutes += _same_minute(got_date, page.published)
            if verbose and not _same_minute(got_date, page.published):
                print(f"  date {page.name}: {got_date} != {page.published.astimezone(WIB)}")
        if verbose:
            b, o = score([bare[-1]]), score([ours_dl[-1]])
            print(
                f"  {page.name:48s} bare P{b.precision:.2f} R{b.recall:.2f}"
                f"  pantau+dl P{o.precision:.2f} R{o.recall:.2f}"
            )
    return {
        "bare": score(bare),
        "pantau": score(ours),
        "pantau+dl": score(ours_dl),
        "title": (titles, title_n),
        "day": (days, date_n),
        "minute": (minutes, date_n),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    rows = []
    for name, pages in (("indo", list(indo_pages(args.data))), ("aeb", list(aeb_pages(args.data)))):
        result = evaluate(pages, args.verbose)
        rows.append((name, len(pages), result))
    print(f"{'set':5} {'pages':>5} {'system':10} {'P':>6} {'R':>6} {'F1':>6}")
    for name, n, result in rows:
        for system in ("bare", "pantau", "pantau+dl"):
            s = result[system]
            print(f"{name:5} {n:5d} {system:10} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f}")
    for name, _, result in rows:
        for field in ("title", "day", "minute"):
            ok, total = result[field]
            if total:
                label = {
                    "title": "title exact",
                    "day": "date (day, WIB)",
                    "minute": "datetime (minute)",
                }[field]
                print(f"{name:5} {label:20} {ok}/{total} = {ok / total:.2f}")


if __name__ == "__main__":
    main()
