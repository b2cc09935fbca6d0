"""The trained text classifiers (``classify/models``): article relevance and event types.

Both are scikit-learn pipelines over TF-IDF word and character n-grams, fitted by
``python -m classify.train``; ``models/metrics.json`` records their cross-validated quality and
the decision thresholds chosen there.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

import joblib

RELEVANCE_MODEL = "relevance.joblib"
EVENTS_MODEL = "events.joblib"
METRICS = "metrics.json"


def _model_path(name: str) -> Any:
    return resources.files("classify").joinpath("models", name)


@cache
def _load(name: str) -> Any:
    with resources.as_file(_model_path(name)) as path:
        return joblib.load(path)


@cache
def metrics() -> dict[str, Any]:
    return json.loads(_model_path(METRICS).read_text(encoding="utf-8"))


def relevance_threshold() -> float:
    return float(metrics()["relevance"]["threshold"])


def relevance_score(text: str) -> float:
    """Probability in [0, 1] that the article is about public-service quality."""
    return float(_load(RELEVANCE_MODEL).predict_proba([text])[0][1])


def event_probabilities(text: str) -> dict[str, float]:
    """Probability per service event type (``other`` excluded)."""
    model = _load(EVENTS_MODEL)
    probs = model["pipeline"].predict_proba([text])[0]
    return {t: float(p) for t, p in zip(model["types"], probs, strict=True)}
