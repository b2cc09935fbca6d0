"""Language of the article text by stopword counts: enough to tell Indonesian from English
and flag the rest, without a model."""

from __future__ import annotations

import re

STOPWORDS: dict[str, frozenset[str]] = {
    "id": frozenset(
        "yang dan di ke dari ini itu dengan untuk pada dalam tidak akan juga adalah oleh karena "
        "bahwa atau sudah telah para kami kita mereka ia dia saat agar serta namun tersebut "
        "menjadi lebih bisa dapat ada secara hingga kata ujar sebagai masih seperti".split()
    ),
    "en": frozenset(
        "the and of to in is that for it on with as was are be by this at from have has an "
        "not but or which their they will were been would its also who more said".split()
    ),
    "ms": frozenset(
        "yang dan di ke dari ini itu dengan untuk pada dalam tidak akan juga adalah oleh kerana "
        "bahawa atau sudah telah kami kita mereka beliau semasa supaya serta namun tersebut "
        "menjadi lebih boleh dapat ada secara hingga kata sebagai masih seperti".split()
    ),
}
_WORD = re.compile(r"[^\W\d_]+")
# Below this many stopword hits the text is too short or not in a listed language.
_MIN_HITS = 5


def detect_language(text: str, hint: str | None = None) -> str | None:
    """"id", "en", "ms", or the page's declared language (``hint``, e.g. from ``<html lang>``)
    when no listed language fits; None when nothing is known."""
    words = [w.lower() for w in _WORD.findall(text[:20000])]
    scores = {lang: sum(w in stop for w in words) for lang, stop in STOPWORDS.items()}
    best = max(scores, key=lambda k: scores[k])
    # Malay shares most function words with Indonesian; only its distinctive ones decide.
    if best == "ms" and scores["id"] >= scores["ms"]:
        best = "id"
    if scores[best] >= _MIN_HITS and scores[best] >= 0.02 * len(words):
        return best
    if hint:
        return hint.split("-")[0].split("_")[0].lower() or None
    return None
