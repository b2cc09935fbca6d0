"""Per-tagger floors on the annotated gold (../shared/dev); floors are only ever raised."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[2]
DEV = REPO.parent / "shared" / "dev"
CORPUS = REPO.parent / "shared" / "data" / "corpus" / "train.jsonl"
FLOORS = {
    # (file, tagger): minimum F1 (relevance: accuracy)
    ("seeds", "regions"): 0.95,
    ("seeds", "officials"): 0.95,
    ("seeds", "scores"): 0.95,
    ("seeds", "events"): 0.8,
    ("seeds", "laws"): 0.95,
    ("seeds", "relevance"): 0.95,
    # real.gold was looked at while writing the rules: a regression check, not a held-out test.
    ("real", "regions"): 0.97,
    ("real", "officials"): 0.95,
    ("real", "scores"): 0.97,
    ("real", "events"): 0.8,
    ("real", "laws"): 0.97,
    ("real", "relevance"): 0.95,
}
# The corpus articles classify.train held out (relevance and event types are all it labels).
HELDOUT_FLOORS = {"relevance": 0.95, "events": 0.72}
# The project's annotation of the corpus (benchmarks/data/corpus_tags.jsonl), held-out part.
# Its first reading, before any rule was changed for it: regions 0.977, officials 0.892.
ANNOTATED_FLOORS = {"regions": 0.97, "officials": 0.92, "laws": 0.95}

pytestmark = pytest.mark.skipif(not DEV.is_dir(), reason=f"gold files not present at {DEV}")


@pytest.fixture(scope="module")
def tag_quality() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "tag_quality", REPO / "benchmarks" / "tag_quality.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the module loads
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def reports(tag_quality: ModuleType) -> dict[str, object]:
    return {name: tag_quality.evaluate(DEV / f"{name}.gold.jsonl") for name in ("seeds", "real")}


@pytest.mark.parametrize(("file", "tagger"), sorted(FLOORS))
def test_tagger_quality_stays_above_floor(
    reports: dict[str, object], file: str, tagger: str
) -> None:
    report = reports[file]
    metric = getattr(report, tagger)
    value = metric.value if tagger == "relevance" else metric.f1
    assert value >= FLOORS[(file, tagger)], f"{file} {tagger}: {value:.3f}"


@pytest.fixture(scope="module")
def heldout(tag_quality: ModuleType) -> object:
    if not CORPUS.is_file():
        pytest.skip(f"corpus not present at {CORPUS}")
    return tag_quality.evaluate_heldout(CORPUS)


@pytest.mark.parametrize("tagger", sorted(HELDOUT_FLOORS))
def test_heldout_corpus_quality_stays_above_floor(heldout: object, tagger: str) -> None:
    metric = getattr(heldout, tagger)
    value = metric.value if tagger == "relevance" else metric.f1
    assert value >= HELDOUT_FLOORS[tagger], f"held-out {tagger}: {value:.3f}"


@pytest.fixture(scope="module")
def annotated(tag_quality: ModuleType) -> object:
    if not CORPUS.is_file():
        pytest.skip(f"corpus not present at {CORPUS}")
    return tag_quality.evaluate_annotated(CORPUS, tag_quality.DEFAULT_ANNOTATIONS)["held-out"]


@pytest.mark.parametrize("tagger", sorted(ANNOTATED_FLOORS))
def test_annotated_corpus_quality_stays_above_floor(annotated: object, tagger: str) -> None:
    value = getattr(annotated, tagger).f1
    assert value >= ANNOTATED_FLOORS[tagger], f"annotated held-out {tagger}: {value:.3f}"
