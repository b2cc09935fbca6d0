"""Train the relevance and event classifiers on the labelled corpus and save them.

    python -m classify.train --corpus ../shared/data/corpus/train.jsonl

Writes ``classify/models/{relevance,events}.joblib`` and ``metrics.json`` (cross-validated
quality, a held-out check and the chosen thresholds). Only fitted models are saved: no text.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path
from typing import Any

import joblib
import numpy as np
import sklearn
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score, roc_auc_score
from sklearn.model_selection import KFold, StratifiedKFold, cross_val_predict, train_test_split
from sklearn.multiclass import OneVsRestClassifier
from sklearn.pipeline import FeatureUnion, Pipeline

from .classifiers import EVENTS_MODEL, METRICS, RELEVANCE_MODEL
from .events import SERVICE_TYPES, decide_types, keyword_hits

MODELS = Path(__file__).resolve().parent / "models"
_GRID = [round(x, 2) for x in np.arange(0.1, 0.81, 0.05)]


def features() -> FeatureUnion:
    return FeatureUnion(
        [
            (
                "words",
                TfidfVectorizer(
                    ngram_range=(1, 2), min_df=2, sublinear_tf=True, max_features=30000
                ),
            ),
            (
                "chars",
                TfidfVectorizer(
                    analyzer="char_wb",
                    ngram_range=(3, 5),
                    min_df=2,
                    sublinear_tf=True,
                    max_features=40000,
                ),
            ),
        ]
    )


def relevance_pipeline() -> Pipeline:
    model = LogisticRegression(C=10.0, class_weight="balanced", max_iter=5000)
    return Pipeline([("features", features()), ("model", model)])


def events_pipeline() -> Pipeline:
    model = OneVsRestClassifier(LogisticRegression(C=10.0, class_weight="balanced", max_iter=5000))
    return Pipeline([("features", features()), ("model", model)])


def _strip_texts(pipeline: Pipeline) -> Pipeline:
    """Drop the n-grams cut by min_df/max_features: they are not needed to predict."""
    for _, vectorizer in pipeline.named_steps["features"].transformer_list:
        if hasattr(vectorizer, "stop_words_"):
            del vectorizer.stop_words_
    return pipeline


def train_relevance(
    texts: list[str], labels: np.ndarray, folds: int, seed: int
) -> tuple[Pipeline, dict[str, Any]]:
    cv = StratifiedKFold(folds, shuffle=True, random_state=seed)
    probs = cross_val_predict(relevance_pipeline(), texts, labels, cv=cv, method="predict_proba")[
        :, 1
    ]
    threshold = max(_GRID, key=lambda t: (accuracy_score(labels, probs >= t), -abs(t - 0.5)))
    train_x, test_x, train_y, test_y = train_test_split(
        texts, labels, test_size=0.2, stratify=labels, random_state=seed
    )
    held = relevance_pipeline().fit(train_x, train_y).predict_proba(test_x)[:, 1]
    report = {
        "threshold": threshold,
        "cv_folds": folds,
        "cv_accuracy": round(accuracy_score(labels, probs >= threshold), 4),
        "cv_f1": round(f1_score(labels, probs >= threshold), 4),
        "cv_roc_auc": round(roc_auc_score(labels, probs), 4),
        "heldout_size": len(test_y),
        "heldout_accuracy": round(accuracy_score(test_y, held >= threshold), 4),
    }
    return _strip_texts(relevance_pipeline().fit(texts, labels)), report


def _sets(matrix: np.ndarray, types: list[str]) -> list[set[str]]:
    return [{t for t, on in zip(types, row, strict=True) if on} for row in matrix]


def _micro_f1(predicted: list[set[str]], gold: list[set[str]]) -> float:
    tp = sum(len(p & g) for p, g in zip(predicted, gold, strict=True))
    n_pred, n_gold = sum(map(len, predicted)), sum(map(len, gold))
    return 2 * tp / (n_pred + n_gold) if n_pred + n_gold else 1.0


def train_events(
    texts: list[str], events: list[list[str]], folds: int, seed: int
) -> tuple[dict[str, Any], dict[str, Any]]:
    # A type with too few examples to appear in every training fold cannot be learnt.
    types = [t for t in SERVICE_TYPES if sum(t in e for e in events) >= folds]
    y = np.array([[t in e for t in types] for e in events], dtype=int)
    gold = _sets(y, types)
    cv = KFold(folds, shuffle=True, random_state=seed)
    probs = cross_val_predict(events_pipeline(), texts, y, cv=cv, method="predict_proba")
    hits = [keyword_hits(text) for text in texts]

    def combined(high: float, low: float) -> list[set[str]]:
        return [
            set(decide_types(text, dict(zip(types, p, strict=True)), h, high, low))
            for text, p, h in zip(texts, probs, hits, strict=True)
        ]

    high, low = max(
        ((h, lo) for h in _GRID for lo in _GRID if lo <= h),
        key=lambda pair: (_micro_f1(combined(*pair), gold), pair[0]),
    )
    report = {
        "high": high,
        "low": low,
        "cv_folds": folds,
        "cv_micro_f1_classifier": round(_micro_f1(_sets(probs >= 0.5, types), gold), 4),
        "cv_micro_f1_keywords": round(
            _micro_f1([{t for t, m in h.items() if m and t in types} for h in hits], gold), 4
        ),
        "cv_micro_f1_combined": round(_micro_f1(combined(high, low), gold), 4),
    }
    model = {"pipeline": _strip_texts(events_pipeline().fit(texts, y)), "types": types}
    return model, report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--corpus", type=Path, required=True, help="train.jsonl with relevant/events labels"
    )
    parser.add_argument("--out", type=Path, default=MODELS)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args(argv)
    raw = args.corpus.read_bytes()
    rows = [json.loads(line) for line in raw.decode("utf-8").splitlines() if line.strip()]
    texts = [r["text"] for r in rows]
    relevance, relevance_report = train_relevance(
        texts, np.array([bool(r["relevant"]) for r in rows], dtype=int), args.folds, args.seed
    )
    events, events_report = train_events(texts, [r["events"] for r in rows], args.folds, args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    joblib.dump(relevance, args.out / RELEVANCE_MODEL, compress=3)
    joblib.dump(events, args.out / EVENTS_MODEL, compress=3)
    metrics = {
        "corpus_sha256": hashlib.sha256(raw).hexdigest(),
        "corpus_size": len(rows),
        "scikit_learn": sklearn.__version__,
        "relevance": relevance_report,
        "events": events_report,
    }
    (args.out / METRICS).write_text(json.dumps(metrics, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(metrics, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
