"""Language of the article text by stopword counts: enough to tell Indonesian from English
and flag the rest, without a model."""

from __future__ import annotations

import re

from extract.rules import rules

_WORD = re.compile(r"[^\W\d_]+")
# Below this many stopword hits the text is too short or not in a listed language.
_MIN_HITS = 5


def detect_language(text: str, hint: str | None = None) -> str | None:
    """Return "id", "en" or "ms"; else the page's declared language (``hint``, from
    ``<html lang>``); else None."""
    words = [w.lower() for w in _WORD.findall(text[:20000])]
    scores = {lang: sum(w in stop for w in words) for lang, stop in rules().stopwords.items()}
    best = max(scores, key=lambda k: scores[k])
    # Malay shares most function words with Indonesian; only its distinctive ones decide.
    if best == "ms" and scores["id"] >= scores["ms"]:
        best = "id"
    if scores[best] >= _MIN_HITS and scores[best] >= 0.02 * len(words):
        return best
    if hint:
        return hint.split("-")[0].split("_")[0].lower() or None
    return None
