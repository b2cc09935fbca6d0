"""Articles per second per core of ``classify.tag`` on the seed texts and the labelled corpus
(read from ``../shared`` at run time; nothing is copied), in one single-threaded process.

    python benchmarks/tag_speed.py [--shared ../shared] [--rounds N] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import sys
import time
from datetime import datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

# One core: BLAS threads would otherwise spread the classifiers over every core.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

from classify import tag  # noqa: E402
from core.model import Article  # noqa: E402

DEFAULT_SHARED = REPO.parent / "shared"


def _articles(path: Path) -> list[Article]:
    articles = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            published = datetime.fromisoformat(row["published"]) if row.get("published") else None
            articles.append(
                Article(url=row.get("url") or row["id"], text=row["text"], published=published)
            )
    return articles


def rate(articles: list[Article], rounds: int) -> float:
    """Articles per second of CPU time (per core, whatever else the machine runs)."""
    start = time.process_time()
    for _ in range(rounds):
        for article in articles:
            tag(article)
    return rounds * len(articles) / (time.process_time() - start)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--profile", action="store_true", help="print the 15 costliest calls")
    args = parser.parse_args(argv)
    sets = {
        "seeds": _articles(args.shared / "dev" / "seeds.gold.jsonl"),
        "corpus": _articles(args.shared / "data" / "corpus" / "train.jsonl"),
    }
    tag(sets["seeds"][0])  # models and tables load once per process: not counted
    for name, articles in sets.items():
        chars = sum(len(a.text) for a in articles) / len(articles)
        # The first pass also grows spaCy's vocabulary with every new word; later passes show
        # the steady state of a long crawl, whose vocabulary has stopped growing.
        first, warm = rate(articles, 1), rate(articles, args.rounds)
        print(
            f"{name:7} {len(articles):4} articles (mean {chars:5.0f} chars): "
            f"first pass {first:6.1f}, warm {warm:6.1f} articles/s per core"
        )
    if args.profile:
        profile = cProfile.Profile()
        profile.runcall(rate, sets["corpus"], 1)
        pstats.Stats(profile).sort_stats("cumulative").print_stats(15)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
