"""The extraction metric of ``shared/data/README.md``, shared by the benchmark and the tests:
lower-cased ``\\w+`` tokens, bags of 4-token shingles, precision and recall per page averaged
over pages, F1 of the two averages."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

_TOKEN = re.compile(r"\w+")
SHINGLE = 4


def shingles(text: str) -> Counter[tuple[str, ...]]:
    words = _TOKEN.findall(text.lower())
    return Counter(tuple(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1))


def precision_recall(predicted: str, reference: str) -> tuple[float, float]:
    pred, ref = shingles(predicted), shingles(reference)
    common = sum((pred & ref).values())
    precision = common / sum(pred.values()) if pred else 0.0
    recall = common / sum(ref.values()) if ref else 0.0
    return precision, recall


@dataclass(frozen=True, slots=True)
class Score:
    precision: float
    recall: float
    pages: int

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def score(pairs: Iterable[tuple[str, str]]) -> Score:
    """Score (predicted, reference) text pairs as the README defines."""
    results = [precision_recall(pred, ref) for pred, ref in pairs]
    if not results:
        return Score(0.0, 0.0, 0)
    n = len(results)
    return Score(sum(p for p, _ in results) / n, sum(r for _, r in results) / n, n)
