from __future__ import annotations

import json

import pytest
import spacy

import classify
from core.model import Article, Tags

from .conftest import seed_article, tag_text

COMPONENTS = [
    "pantau_regions",
    "pantau_laws",
    "pantau_officials",
    "pantau_scores",
    "pantau_relevance",
    "pantau_events",
]


def test_load_nlp_is_blank_indonesian_with_named_components() -> None:
    nlp = classify.load_nlp()
    assert nlp.lang == "id"
    assert nlp.pipe_names == COMPONENTS
    assert classify.load_nlp() is nlp
    assert not any(nlp.analyze_pipes()["problems"].values())


def test_components_are_registered_factories_usable_in_a_fresh_pipeline() -> None:
    nlp = spacy.blank("id")
    for name in COMPONENTS:
        nlp.add_pipe(name)
    doc = nlp("Bupati Lebong Kopli Ansori sesuai UU 25/2009 meraih nilai 93,78.")
    assert [r.code for r in doc._.pantau_regions] == ["17.07"]
    assert [law.law for law in doc._.pantau_laws] == ["UU 25/2009"]
    assert 0.0 <= doc._.pantau_relevance <= 1.0


def test_pipeline_version_is_a_string() -> None:
    assert isinstance(classify.PIPELINE_VERSION, str) and classify.PIPELINE_VERSION


@pytest.mark.parametrize("seed", ["000", "001", "002", "003", "004"])
def test_every_evidence_span_indexes_article_text(seed: str) -> None:
    article = seed_article(seed)
    tags = classify.tag(article)
    spans = [
        *(r.evidence for r in tags.regions),
        *(o.evidence for o in tags.officials),
        *(s.evidence for s in tags.scores),
        *(e.evidence for e in tags.events),
        *(law.evidence for law in tags.laws),
    ]
    for ev in spans:
        assert ev is not None
        assert article.text[ev.start : ev.end] == ev.quote


def test_title_outside_text_feeds_only_the_classifiers() -> None:
    body = "Pemkab Lebong menggelar sosialisasi standar pelayanan publik, Senin (12/4)."
    with_title = classify.tag(Article(url="t", text=body, title="Ombudsman: Kabupaten Bone"))
    assert [r.code for r in with_title.regions] == ["17.07"]


def test_tags_serialise_to_contract_json(seed_tags: dict[str, Tags]) -> None:
    line = json.loads(json.dumps(seed_tags["001"].to_json()))
    assert line["regions"][0]["code"] == "17.07"
    assert line["scores"][0]["value"] == 93.78
    assert line["laws"] == ["UU 25/2009"]


def test_tag_handles_empty_text() -> None:
    tags = tag_text("")
    assert tags.regions == [] and tags.officials == [] and 0.0 <= tags.relevance <= 1.0
