"""Articles and tags as the pipeline hands them to the store, built from core.model."""

from __future__ import annotations

from datetime import date, datetime

from core.model import Article, Event, Evidence, Law, Official, Region, Score, Tags

TEXT = (
    "Bupati Way Kanan Raden Adipati Surya menerima penghargaan kepatuhan dari Ombudsman RI, "
    "Senin (12/4). Nilai 93,78 masuk zona hijau sesuai UU 25/2009."
)


def evidence(quote: str, text: str = TEXT) -> Evidence:
    start = text.index(quote)
    return Evidence.of(text, start, start + len(quote))


def article(url: str = "https://warta.example/berita/1", **fields: object) -> Article:
    defaults: dict[str, object] = {
        "text": TEXT,
        "title": "Way Kanan raih zona hijau",
        "published": datetime(2021, 4, 13, 9, 30),
        "author": "Sari",
        "site": "Warta Lampung",
        "lang": "id",
        "source": "warta",
    }
    return Article(url=url, **{**defaults, **fields})  # type: ignore[arg-type]


def tags(of: Article, **fields: object) -> Tags:
    defaults: dict[str, object] = {
        "relevant": True,
        "relevance": 0.93,
        "regions": [
            Region("18.08", "kabupaten", "Way Kanan", "Lampung", 1, evidence("Way Kanan")),
        ],
        "officials": [
            Official("Raden Adipati Surya", "Bupati", "18.08", 1, evidence("Raden Adipati Surya")),
        ],
        "scores": [
            Score(
                93.78,
                subject="Way Kanan",
                subject_code="18.08",
                year=2021,
                zone="hijau",
                evidence=evidence("93,78"),
            )
        ],
        "events": [Event("award", date(2021, 4, 12), "18.08", evidence("penghargaan"))],
        "laws": [Law("UU 25/2009", evidence("UU 25/2009"))],
    }
    return Tags(id=of.id, **{**defaults, **fields})  # type: ignore[arg-type]
