"""The trained text classifiers (``classify/models``): article relevance and event types.

Both are scikit-learn pipelines over TF-IDF word n-grams (relevance: uni- and bigrams; events:
words, lead counted twice), fitted by
``python -m classify.train``; ``models/metrics.json`` records their cross-validated quality and
the decision thresholds chosen there.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import joblib
import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.multiclass import OneVsRestClassifier
from sklearn.pipeline import Pipeline

from .events import classifier_input

RELEVANCE_MODEL = "relevance.joblib"
EVENTS_MODEL = "events.joblib"
METRICS = "metrics.json"


def _model_path(name: str) -> Any:
    return resources.files("classify").joinpath("models", name)


@cache
def _load(name: str) -> Any:
    with resources.as_file(_model_path(name)) as path:
        return joblib.load(path)


@dataclass(frozen=True, slots=True)
class _Block:
    analyze: Callable[[str], list[str]]
    vocabulary: dict[str, int]
    idf: np.ndarray
    offset: int


@dataclass(frozen=True, slots=True)
class LinearText:
    """A fitted TF-IDF + logistic-regression pipeline reduced to its arrays. scikit-learn's
    per-call validation costs more than the arithmetic on one article; this gives the same
    probabilities (checked in the tests) at a fraction of the cost."""

    blocks: tuple[_Block, ...]
    coef: np.ndarray  # (outputs, features)
    intercept: np.ndarray  # (outputs,)

    @classmethod
    def from_pipeline(cls, pipeline: Pipeline) -> LinearText:
        blocks: list[_Block] = []
        offset = 0
        for _, vec in pipeline.named_steps["features"].transformer_list:
            if not (
                isinstance(vec, TfidfVectorizer)
                and vec.sublinear_tf
                and vec.use_idf
                and vec.norm == "l2"
                and not vec.binary
            ):
                raise TypeError(f"unsupported vectoriser settings: {vec!r}")
            blocks.append(_Block(vec.build_analyzer(), vec.vocabulary_, vec.idf_, offset))
            offset += len(vec.vocabulary_)
        model = pipeline.named_steps["model"]
        estimators = model.estimators_ if isinstance(model, OneVsRestClassifier) else [model]
        if not all(isinstance(e, LogisticRegression) and e.coef_.shape[0] == 1 for e in estimators):
            raise TypeError(f"unsupported classifier: {model!r}")
        coef = np.vstack([e.coef_ for e in estimators])
        intercept = np.concatenate([e.intercept_ for e in estimators])
        return cls(tuple(blocks), coef, intercept)

    def probabilities(self, text: str) -> np.ndarray:
        """Probability of the positive class per output, as ``predict_proba(...)[:, 1]``."""
        score = self.intercept.copy()
        for block in self.blocks:
            counts = Counter(
                i for token in block.analyze(text) if (i := block.vocabulary.get(token)) is not None
            )
            if not counts:
                continue
            index = np.fromiter(counts.keys(), dtype=np.intp, count=len(counts))
            tf = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
            weight = (np.log(tf) + 1.0) * block.idf[index]
            weight /= np.sqrt(weight @ weight)
            score += self.coef[:, block.offset + index] @ weight
        return 1.0 / (1.0 + np.exp(-score))


@cache
def _linear(name: str) -> LinearText:
    model = _load(name)
    return LinearText.from_pipeline(model["pipeline"] if isinstance(model, dict) else model)


@cache
def metrics() -> dict[str, Any]:
    return json.loads(_model_path(METRICS).read_text(encoding="utf-8"))


def relevance_threshold() -> float:
    return float(metrics()["relevance"]["threshold"])


def relevance_score(text: str) -> float:
    """Probability in [0, 1] that the article is about public-service quality."""
    return float(_linear(RELEVANCE_MODEL).probabilities(text)[0])


def event_probabilities(text: str) -> dict[str, float]:
    """Probability per service event type (``other`` excluded)."""
    probs = _linear(EVENTS_MODEL).probabilities(classifier_input(text))
    return {t: float(p) for t, p in zip(_load(EVENTS_MODEL)["types"], probs, strict=True)}
