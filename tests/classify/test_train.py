"""Smoke test of the training workflow on a tiny invented corpus (no shared data needed)."""

from __future__ import annotations

import json
from pathlib import Path

import joblib

from classify import train

RELEVANT = [
    ("Ombudsman menggelar sosialisasi standar pelayanan publik bagi OPD.", ["training"]),
    ("Bimtek penyusunan standar pelayanan publik digelar Ombudsman.", ["training"]),
    ("Ombudsman menerima pengaduan masyarakat soal maladministrasi layanan.", ["complaint"]),
    ("Laporan masyarakat tentang pungutan liar di kantor pelayanan diproses.", ["complaint"]),
    ("Penganugerahan predikat kepatuhan tinggi diberikan Ombudsman.", ["award"]),
    ("Pemkab menerima penghargaan zona hijau pelayanan publik.", ["award"]),
]
OTHER = [
    ("Jembatan baru diresmikan untuk warga desa.", ["other"]),
    ("Tim sepak bola daerah menang dalam turnamen.", []),
    ("Harga cabai di pasar naik menjelang hari raya.", []),
    ("DPRD membahas rancangan APBD perubahan.", ["other"]),
]


def test_train_writes_models_and_metrics(tmp_path: Path) -> None:
    corpus = tmp_path / "train.jsonl"
    rows = [{"text": t, "relevant": True, "events": e} for t, e in RELEVANT]
    rows += [{"text": t, "relevant": False, "events": e} for t, e in OTHER]
    rows = [{"id": f"t-{i}", **r} for i, r in enumerate(rows * 4)]
    corpus.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    assert train.main(["--corpus", str(corpus), "--out", str(tmp_path), "--folds", "2"]) == 0
    metrics = json.loads((tmp_path / "metrics.json").read_text(encoding="utf-8"))
    assert 0.0 <= metrics["relevance"]["threshold"] <= 1.0
    assert metrics["events"]["lead"] <= metrics["events"]["low"] <= metrics["events"]["high"]
    nested = metrics["events"]["nested_cv"]
    assert nested["folds"] == 2 and 0.0 < nested["f1"] <= 1.0
    held = metrics["heldout"]
    assert held["size"] == len(held["ids"]) == 8
    assert 0.0 <= held["relevance_accuracy"] <= 1.0 and 0.0 <= held["events_f1"] <= 1.0
    relevance = joblib.load(tmp_path / "relevance.joblib")
    assert relevance.predict_proba(["pengaduan pelayanan publik"]).shape == (1, 2)
    events = joblib.load(tmp_path / "events.joblib")
    assert events["types"] == ["award", "training", "complaint"]


def test_holdout_split_is_fixed_stratified_and_seeded() -> None:
    rows = [
        {"id": str(i), "relevant": i % 3 != 0, "events": [["training", "award"][i % 2]]}
        for i in range(60)
    ]
    held = train.split_holdout(rows, 0.2, 13)
    assert held == train.split_holdout(rows, 0.2, 13)
    assert sum(held) == 12
    assert sum(h for h, r in zip(held, rows, strict=True) if not r["relevant"]) == 4
