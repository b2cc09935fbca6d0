"""Train the relevance and event classifiers on the labelled corpus and save them.

    python -m classify.train --corpus ../shared/data/corpus/train.jsonl

A fixed, seeded, stratified share of the corpus (``--holdout``, 20 %) is set aside first and
never trained on: thresholds are chosen by cross-validation on the rest, the shipped models are
fitted on the rest only, and the held-out articles measure the result. Their ids (not their
texts) go into ``metrics.json`` so ``benchmarks/tag_quality.py`` can measure the whole tagger on
the same articles. A nested cross-validation of the event recipe on the training split
(``events.nested_cv``) gives a second, larger sample of the same figure. Writes
``classify/models/{relevance,events}.joblib`` and ``metrics.json``.
Only fitted models are saved: no text.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import warnings
from collections import Counter
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
from .events import SERVICE_TYPES, classifier_input, decide_types, keyword_hits

MODELS = Path(__file__).resolve().parent / "models"
_GRID = [round(x, 2) for x in np.arange(0.05, 0.81, 0.05)]


def relevance_pipeline() -> Pipeline:
    # Word uni- and bigrams: as accurate in cross-validation as adding character n-grams, and
    # the character n-grams were most of the tagging time.
    words = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True, max_features=30000)
    model = LogisticRegression(C=10.0, class_weight="balanced", max_iter=5000)
    return Pipeline([("features", FeatureUnion([("words", words)])), ("model", model)])


def events_pipeline() -> Pipeline:
    # Words alone: cross-validated as well as words plus characters on the training split,
    # and several times faster to fit and to run.
    words = TfidfVectorizer(min_df=2, sublinear_tf=True)
    model = OneVsRestClassifier(LogisticRegression(C=10.0, class_weight="balanced", max_iter=5000))
    return Pipeline([("features", FeatureUnion([("words", words)])), ("model", model)])


def _strip_texts(pipeline: Pipeline) -> Pipeline:
    """Drop the n-grams cut by min_df/max_features: they are not needed to predict."""
    for _, vectorizer in pipeline.named_steps["features"].transformer_list:
        if hasattr(vectorizer, "stop_words_"):
            del vectorizer.stop_words_
    return pipeline


def split_holdout(rows: list[dict[str, Any]], fraction: float, seed: int) -> list[bool]:
    """Which rows are held out: stratified on relevance and first event type, so every kind
    of article is measured; classes too small to split fall back to relevance alone."""
    keys = [f"{bool(r['relevant'])}:{(r['events'] or ['none'])[0]}" for r in rows]
    counts = Counter(keys)
    keys = [k if counts[k] >= 2 / fraction else k.split(":")[0] for k in keys]
    if min(Counter(keys).values()) < 2:
        keys = [k.split(":")[0] for k in keys]
    index = list(range(len(rows)))
    _, held = train_test_split(index, test_size=fraction, stratify=keys, random_state=seed)
    chosen = set(held)
    return [i in chosen for i in index]


def train_relevance(
    texts: list[str], labels: np.ndarray, folds: int, seed: int
) -> tuple[Pipeline, dict[str, Any], list[bool]]:
    """The fitted model, its cross-validated report, and per text whether the model found it
    relevant when that text was in the fold left out (what the event thresholds are tuned on)."""
    cv = StratifiedKFold(folds, shuffle=True, random_state=seed)
    probs = cross_val_predict(relevance_pipeline(), texts, labels, cv=cv, method="predict_proba")[
        :, 1
    ]
    threshold = max(_GRID, key=lambda t: (accuracy_score(labels, probs >= t), -abs(t - 0.5)))
    report = {
        "threshold": threshold,
        "cv_folds": folds,
        "cv_accuracy": round(accuracy_score(labels, probs >= threshold), 4),
        "cv_f1": round(f1_score(labels, probs >= threshold), 4),
        "cv_roc_auc": round(roc_auc_score(labels, probs), 4),
    }
    model = _strip_texts(relevance_pipeline().fit(texts, labels))
    return model, report, [bool(p >= threshold) for p in probs]


def _sets(matrix: np.ndarray, types: list[str]) -> list[set[str]]:
    return [{t for t, on in zip(types, row, strict=True) if on} for row in matrix]


def _micro_f1(predicted: list[set[str]], gold: list[set[str]]) -> float:
    return _micro_prf(predicted, gold)[2]


def _micro_prf(predicted: list[set[str]], gold: list[set[str]]) -> tuple[float, float, float]:
    tp = sum(len(p & g) for p, g in zip(predicted, gold, strict=True))
    n_pred, n_gold = sum(map(len, predicted)), sum(map(len, gold))
    precision = tp / n_pred if n_pred else 1.0
    recall = tp / n_gold if n_gold else 1.0
    return precision, recall, 2 * tp / (n_pred + n_gold) if n_pred + n_gold else 1.0


def predict_types(
    model: dict[str, Any],
    texts: list[str],
    thresholds: tuple[float, float, float],
    relevant: list[bool],
) -> list[set[str]]:
    """Event types as the tagger decides them (classifier plus keyword rules, none for an
    article found off-topic)."""
    probs = model["pipeline"].predict_proba([classifier_input(t) for t in texts])
    return [
        set(
            decide_types(
                text, dict(zip(model["types"], p, strict=True)), keyword_hits(text), thresholds
            )
        )
        if on
        else set()
        for text, p, on in zip(texts, probs, relevant, strict=True)
    ]


def heldout_report(
    relevance: tuple[Pipeline, dict[str, Any], list[bool]],
    events: tuple[dict[str, Any], dict[str, Any]],
    rows: list[dict[str, Any]],
) -> dict[str, Any]:
    """Quality on articles no model or threshold was fitted on."""
    texts = [r["text"] for r in rows]
    labels = [bool(r["relevant"]) for r in rows]
    probs = relevance[0].predict_proba(texts)[:, 1]
    found = [bool(p >= relevance[1]["threshold"]) for p in probs]
    settings = events[1]
    predicted = predict_types(
        events[0], texts, (settings["high"], settings["low"], settings["lead"]), found
    )
    gold = [set(r["events"]) & set(SERVICE_TYPES) for r in rows]
    precision, recall, f1 = _micro_prf(predicted, gold)
    return {
        "size": len(rows),
        "ids": [r["id"] for r in rows],
        "relevance_accuracy": round(accuracy_score(labels, found), 4),
        "events_precision": round(precision, 4),
        "events_recall": round(recall, 4),
        "events_f1": round(f1, 4),
    }


def train_events(
    texts: list[str], events: list[list[str]], relevant: list[bool], folds: int, seed: int
) -> tuple[dict[str, Any], dict[str, Any]]:
    """``relevant``: the relevance model's cross-validated verdict per text, so that the
    thresholds are chosen for the tagger as it runs (no events in an article found off-topic)."""
    # A type with too few examples to appear in every training fold cannot be learnt.
    types = [t for t in SERVICE_TYPES if sum(t in e for e in events) >= folds]
    y = np.array([[t in e for t in types] for e in events], dtype=int)
    gold = _sets(y, types)
    cv = KFold(folds, shuffle=True, random_state=seed)
    inputs = [classifier_input(text) for text in texts]
    with warnings.catch_warnings():
        # A rare type may be missing from one fold's training part (more often inside
        # ``nested_events_report``): that fold then predicts it by the only label it saw.
        warnings.filterwarnings("ignore", r"Label not \d+ is present in all training examples")
        probs = cross_val_predict(events_pipeline(), inputs, y, cv=cv, method="predict_proba")
    hits = [keyword_hits(text) for text in texts]

    def combined(thresholds: tuple[float, float, float]) -> list[set[str]]:
        return [
            set(decide_types(text, dict(zip(types, p, strict=True)), h, thresholds))
            if on
            else set()
            for text, p, h, on in zip(texts, probs, hits, relevant, strict=True)
        ]

    # Ties go to the strictest thresholds: fewer types reported on the same evidence.
    high, low, lead = max(
        ((h, lo, le) for h in _GRID for lo in _GRID for le in _GRID if le <= lo <= h),
        key=lambda t: (round(_micro_f1(combined(t), gold), 4), t[2], t[1], t[0]),
    )
    report = {
        "high": high,
        "low": low,
        "lead": lead,
        "cv_folds": folds,
        "cv_micro_f1_classifier": round(_micro_f1(_sets(probs >= 0.5, types), gold), 4),
        "cv_micro_f1_keywords": round(
            _micro_f1([{t for t, m in h.items() if m and t in types} for h in hits], gold), 4
        ),
        # Optimistic: the thresholds were chosen on these same predictions.
        "cv_micro_f1_combined": round(_micro_f1(combined((high, low, lead)), gold), 4),
    }
    model = {"pipeline": _strip_texts(events_pipeline().fit(inputs, y)), "types": types}
    return model, report


def nested_events_report(
    texts: list[str], events: list[list[str]], relevant: list[bool], folds: int, seed: int
) -> dict[str, float]:
    """Event quality of the whole training recipe on articles it never saw: each outer fold is
    tagged by a model fitted, and thresholds chosen by inner cross-validation, on the other
    folds alone. ``cv_micro_f1_combined`` reuses its own predictions to choose thresholds and
    so reads high; this is the figure to expect on new articles."""
    predicted: list[set[str]] = [set() for _ in texts]
    for fit, test in KFold(folds, shuffle=True, random_state=seed).split(texts):
        fit_texts = [texts[i] for i in fit]
        fit_events = [events[i] for i in fit]
        fit_relevant = [relevant[i] for i in fit]
        model, settings = train_events(fit_texts, fit_events, fit_relevant, folds, seed)
        thresholds = (settings["high"], settings["low"], settings["lead"])
        found = predict_types(
            model, [texts[i] for i in test], thresholds, [relevant[i] for i in test]
        )
        for i, types in zip(test, found, strict=True):
            predicted[i] = types
    gold = [set(e) & set(SERVICE_TYPES) for e in events]
    precision, recall, f1 = _micro_prf(predicted, gold)
    return {
        "folds": folds,
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--corpus", type=Path, required=True, help="train.jsonl with relevant/events labels"
    )
    parser.add_argument("--out", type=Path, default=MODELS)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--holdout", type=float, default=0.2, help="share never trained on")
    args = parser.parse_args(argv)
    raw = args.corpus.read_bytes()
    rows = [json.loads(line) for line in raw.decode("utf-8").splitlines() if line.strip()]
    held = split_holdout(rows, args.holdout, args.seed)
    train_rows = [r for r, h in zip(rows, held, strict=True) if not h]
    texts = [r["text"] for r in train_rows]
    relevance = train_relevance(
        texts, np.array([bool(r["relevant"]) for r in train_rows], dtype=int), args.folds, args.seed
    )
    events = train_events(
        texts, [r["events"] for r in train_rows], relevance[2], args.folds, args.seed
    )
    events[1]["nested_cv"] = nested_events_report(
        texts, [r["events"] for r in train_rows], relevance[2], args.folds, args.seed
    )
    heldout = heldout_report(relevance, events, [r for r, h in zip(rows, held, strict=True) if h])
    args.out.mkdir(parents=True, exist_ok=True)
    joblib.dump(relevance[0], args.out / RELEVANCE_MODEL, compress=3)
    joblib.dump(events[0], args.out / EVENTS_MODEL, compress=3)
    metrics = {
        "corpus_sha256": hashlib.sha256(raw).hexdigest(),
        "corpus_size": len(rows),
        "trained_on": (
            f"the training split only ({len(train_rows)} articles); the {heldout['size']} "
            "held-out articles were never trained on, so the shipped models are the ones measured"
        ),
        "seed": args.seed,
        "scikit_learn": sklearn.__version__,
        "relevance": relevance[1],
        "events": events[1],
        "heldout": heldout,
    }
    (args.out / METRICS).write_text(json.dumps(metrics, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(metrics, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
