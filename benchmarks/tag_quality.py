"""Score ``classify.tag`` against the hand-annotated gold files (``../shared/dev``).

Scoring follows ``dev/SCHEMA.md``: regions by Kemendagri code, officials by title-free name
(a subset of two or more name tokens also matches), scores by value (to 0.005), events by
type ("other" ignored), laws by normalised string, relevance by accuracy.

A third block measures the held-out part of the labelled corpus (``../shared/data/corpus``):
the articles ``classify.train`` set aside and never trained on (their ids are in
``classify/models/metrics.json``). The corpus labels only relevance and event types; the
project annotated regions, officials, scores and laws of all 222 corpus articles by hand
without the tagger's output in view (``benchmarks/data/corpus_tags.jsonl``, facts only), and a
fourth block scores those on the held-out articles and the training split apart.

    python benchmarks/tag_quality.py [--dev ../shared/dev] [--corpus ../shared/data/corpus]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from classify import tag  # noqa: E402
from classify.classifiers import metrics  # noqa: E402
from classify.region_names import name_index  # noqa: E402
from core.model import Article, Tags  # noqa: E402

DEFAULT_DEV = REPO.parent / "shared" / "dev"
DEFAULT_CORPUS = REPO.parent / "shared" / "data" / "corpus" / "train.jsonl"
GOLD_FILES = ("seeds.gold.jsonl", "real.gold.jsonl")
DEFAULT_ANNOTATIONS = REPO / "benchmarks" / "data" / "corpus_tags.jsonl"
TAGGERS = ("regions", "officials", "scores", "events", "laws", "relevance")
# What the project's own annotation of the corpus covers (the corpus labels the rest).
ANNOTATED = ("regions", "officials", "scores", "laws")
_TITLES = frozenset(
    [
        "drs",
        "dra",
        "h",
        "hj",
        "ir",
        "dr",
        "prof",
        "kh",
        "sh",
        "mh",
        "mpd",
        "msi",
        "ssos",
        "spd",
        "se",
        "mm",
        "mkes",
        "skom",
        "st",
        "mt",
        "sip",
        "map",
        "sstp",
        "msc",
        "phd",
        "bapak",
        "ibu",
        "pak",
        "bu",
        "iptu",
        "ipda",
        "aiptu",
        "akp",
        "akbp",
        "kompol",
    ]
)


@dataclass
class Counts:
    tp: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Ratio:
    right: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        return self.right / self.total if self.total else 1.0

    def add(self, ok: bool) -> None:
        self.right += ok
        self.total += 1


@dataclass
class Report:
    regions: Counts = field(default_factory=Counts)
    officials: Counts = field(default_factory=Counts)
    official_roles: Ratio = field(default_factory=Ratio)
    official_regions: Ratio = field(default_factory=Ratio)
    scores: Counts = field(default_factory=Counts)
    score_subjects: Ratio = field(default_factory=Ratio)
    events: Counts = field(default_factory=Counts)
    event_dates: Ratio = field(default_factory=Ratio)
    laws: Counts = field(default_factory=Counts)
    relevance: Ratio = field(default_factory=Ratio)
    misses: list[str] = field(default_factory=list)


def _code(ref: dict[str, Any] | None) -> str | None:
    if not ref or ref.get("type") not in ("provinsi", "kabupaten", "kota"):
        return None
    entry = name_index().resolve(ref["name"], ref["type"])
    return entry.code if entry else None


def _name_tokens(name: str) -> list[str]:
    words = [w.lower() for w in re.findall(r"[^\W\d_]+", name)]
    return [w for w in words if w not in _TITLES]


def _names_match(predicted: str, gold: str) -> bool:
    p, g = _name_tokens(predicted), _name_tokens(gold)
    if not p or not g:
        return False
    if p == g:
        return True
    shorter, longer = (p, g) if len(p) <= len(g) else (g, p)
    return len(shorter) >= 2 and set(shorter) <= set(longer)


def _count_sets(
    counts: Counts, predicted: set[str], gold: set[str], misses: list[str], what: str
) -> None:
    counts.tp += len(predicted & gold)
    counts.predicted += len(predicted)
    counts.gold += len(gold)
    for extra in sorted(predicted - gold):
        misses.append(f"{what} FP {extra}")
    for missing in sorted(gold - predicted):
        misses.append(f"{what} FN {missing}")


def score_article(report: Report, gold: dict[str, Any], tags: Tags) -> None:
    miss: list[str] = []
    gold_regions = {_code(r) for r in gold["regions"]} - {None}
    _count_sets(report.regions, {r.code for r in tags.regions}, gold_regions, miss, "region")  # type: ignore[arg-type]

    unmatched = list(tags.officials)
    report.officials.predicted += len(tags.officials)
    report.officials.gold += len(gold["officials"])
    for g in gold["officials"]:
        hit = next((o for o in unmatched if _names_match(o.name, g["name"])), None)
        if hit is None:
            miss.append(f"official FN {g['name']} ({g['role']})")
            continue
        unmatched.remove(hit)
        report.officials.tp += 1
        report.official_roles.add(hit.role == g["role"])
        report.official_regions.add(hit.region_code == _code(g.get("region")))
        if hit.role != g["role"]:
            miss.append(f"official role {hit.name}: {hit.role} != {g['role']}")
    miss.extend(f"official FP {o.name} ({o.role})" for o in unmatched)

    gold_scores = [s for s in gold["scores"] if isinstance(s.get("value"), int | float)]
    left = list(tags.scores)
    report.scores.predicted += len(tags.scores)
    report.scores.gold += len(gold_scores)
    for g in gold_scores:
        hit = next((s for s in left if abs(s.value - g["value"]) <= 0.005), None)
        if hit is None:
            miss.append(f"score FN {g['value']}")
            continue
        left.remove(hit)
        report.scores.tp += 1
        report.score_subjects.add(hit.subject_code == _code(g.get("subject")))
    miss.extend(f"score FP {s.value}" for s in left)

    def types(events: Iterable[Any]) -> set[str]:
        return {e if isinstance(e, str) else e.type for e in events} - {"other"}

    gold_types = types(e["type"] for e in gold["events"])
    _count_sets(report.events, types(tags.events), gold_types, miss, "event")
    for g in gold["events"]:
        if g["type"] in gold_types and g.get("date") and g["type"] in types(tags.events):
            dates = {e.date.isoformat() for e in tags.events if e.type == g["type"] and e.date}
            report.event_dates.add(g["date"] in dates)

    _count_sets(report.laws, {law.law for law in tags.laws}, set(gold["laws"]), miss, "law")
    report.relevance.add(tags.relevant == gold["relevant"])
    if tags.relevant != gold["relevant"]:
        miss.append(f"relevance {tags.relevance:.2f} vs gold {gold['relevant']}")
    report.misses.extend(f"{gold['id']}: {m}" for m in miss)


def tag_row(row: dict[str, Any]) -> Tags:
    """The tags of one gold or corpus line (id, url, text, published)."""
    published = datetime.fromisoformat(row["published"]) if row.get("published") else None
    return tag(Article(url=row.get("url") or row["id"], text=row["text"], published=published))


def evaluate(path: Path) -> Report:
    report = Report()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        gold = json.loads(line)
        score_article(report, gold, tag_row(gold))
    return report


def evaluate_heldout(corpus: Path) -> Report:
    """Relevance and event types on the corpus articles the shipped models never saw."""
    raw = corpus.read_bytes()
    trained = metrics()
    if hashlib.sha256(raw).hexdigest() != trained["corpus_sha256"]:
        raise SystemExit(f"{corpus} is not the corpus the models were trained on")
    held = set(trained["heldout"]["ids"])
    report = Report()
    for line in raw.decode("utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        if row["id"] not in held:
            continue
        tags = tag_row(row)
        predicted = {e.type for e in tags.events} - {"other"}
        gold = set(row["events"]) - {"other"}
        # Only counts: the held-out articles stay unread so that no rule is tuned on them.
        _count_sets(report.events, predicted, gold, [], "event")
        report.relevance.add(tags.relevant == row["relevant"])
    return report


def evaluate_annotated(corpus: Path, annotations: Path) -> dict[str, Report]:
    """Regions, officials, scores and laws on every corpus article, against the project's own
    annotation of them (``benchmarks/data/corpus_tags.jsonl``: facts only, no article text),
    reported apart for the held-out articles and for the training split."""
    held = set(metrics()["heldout"]["ids"])
    tags_by_id = {
        row["id"]: row
        for row in (json.loads(line) for line in annotations.read_text("utf-8").splitlines())
    }
    reports = {"held-out": Report(), "training split": Report()}
    for line in corpus.read_text("utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        annotated = tags_by_id.get(row["id"])
        if annotated is None:
            continue
        gold = {
            **annotated,
            "text": row["text"],
            "relevant": row["relevant"],
            "events": [{"type": t} for t in row["events"]],
        }
        tags = tag_row(row)
        score_article(reports["held-out" if row["id"] in held else "training split"], gold, tags)
    return reports


def heldout_table(report: Report) -> str:
    e = report.events
    return "\n".join(
        [
            f"held-out corpus ({report.relevance.total} articles never trained on)",
            f"relevance  accuracy  {report.relevance.value:.3f}",
            f"events     P         {e.precision:.3f}",
            f"events     R         {e.recall:.3f}",
            f"events     F1        {e.f1:.3f}",
        ]
    )


def table(reports: dict[str, Report], taggers: tuple[str, ...] = TAGGERS) -> str:
    rows = [("tagger", "metric", *reports)]

    def add(tagger: str, metric: str, values: Iterable[float]) -> None:
        if tagger in taggers:
            rows.append((tagger, metric, *(f"{v:.3f}" for v in values)))

    for what in ("regions", "officials", "scores", "events", "laws"):
        counts = [getattr(r, what) for r in reports.values()]
        add(what, "P", (c.precision for c in counts))
        add(what, "R", (c.recall for c in counts))
        add(what, "F1", (c.f1 for c in counts))
    add("officials", "role acc", (r.official_roles.value for r in reports.values()))
    add("officials", "region acc", (r.official_regions.value for r in reports.values()))
    add("scores", "subject acc", (r.score_subjects.value for r in reports.values()))
    add("events", "date acc", (r.event_dates.value for r in reports.values()))
    add("relevance", "accuracy", (r.relevance.value for r in reports.values()))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join(
        "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) for row in rows
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", type=Path, default=DEFAULT_DEV, help="folder of *.gold.jsonl")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="labelled corpus")
    parser.add_argument(
        "--annotations",
        type=Path,
        default=DEFAULT_ANNOTATIONS,
        help="the project's annotation of the corpus (regions, officials, scores, laws)",
    )
    parser.add_argument("--misses", action="store_true", help="list every gold disagreement")
    args = parser.parse_args(argv)
    reports = {name.split(".")[0]: evaluate(args.dev / name) for name in GOLD_FILES}
    print(table(reports))
    if args.corpus.is_file():
        print()
        print(heldout_table(evaluate_heldout(args.corpus)))
        annotated = evaluate_annotated(args.corpus, args.annotations)
        print()
        print(f"corpus, annotated by the project ({args.annotations.name})")
        print(table(annotated, ANNOTATED))
        reports.update({f"corpus {name}": report for name, report in annotated.items()})
    if args.misses:
        for report in reports.values():
            print("\n".join(report.misses))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
