"""Near-duplicate detection (``extract.dedupe``) on the real corpus excerpts.

Run from the repository root: ``python -m benchmarks.extract_dedupe [--corpus FILE]``.

- False positives: every pair of the 222 distinct regional news texts of
  ``../shared/data/corpus/train.jsonl`` (many on the same topics: Ombudsman grades, MPP
  openings) that LSH makes a candidate and the signature confirms. None should be.
- Recall: each text re-published the way outlets re-run a press release: the outlet's own
  dateline and lead sentence in front, a sign-off and "Baca juga" line after, and the last
  ``--cut`` share of the words dropped. Each copy should be found as a duplicate.
"""

from __future__ import annotations

import argparse
import itertools
import json
from collections import defaultdict
from pathlib import Path

from extract.dedupe import THRESHOLD, fingerprint, jaccard, similarity

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "corpus" / "train.jsonl"


def republished(text: str, cut: float) -> str:
    words = text.split()
    kept = " ".join(words[: max(1, int(len(words) * (1 - cut)))])
    return (
        "KOTA BARU, Warta Daerah - Berikut siaran pers yang diterima redaksi pada hari ini. "
        f"{kept}\nBaca juga: Bupati Tinjau Pelayanan di Kantor Kecamatan\n(adv/red)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT)
    parser.add_argument("--cut", type=float, default=0.2)
    args = parser.parse_args()
    texts = [json.loads(line)["text"] for line in args.corpus.read_text("utf-8").splitlines()]
    prints = [fingerprint(t) for t in texts]
    index: dict[int, list[int]] = defaultdict(list)
    candidates: set[tuple[int, int]] = set()
    for i, fp in enumerate(prints):
        for key in fp.bands:
            candidates.update((j, i) for j in index[key])
            index[key].append(i)
    false_positives = [
        (i, j) for i, j in candidates if similarity(prints[i], prints[j]) >= THRESHOLD
    ]
    pairs = len(texts) * (len(texts) - 1) // 2
    top = max(jaccard(a, b) for a, b in itertools.combinations(texts, 2))
    found = sims = 0.0
    for text, fp in zip(texts, prints, strict=True):
        copy = fingerprint(republished(text, args.cut))
        shared = bool(set(fp.bands) & set(copy.bands))
        sims += similarity(fp, copy)
        found += shared and similarity(fp, copy) >= THRESHOLD
    print(f"{len(texts)} texts, {pairs} pairs: {len(candidates)} LSH candidates, "
          f"{len(false_positives)} false positives (highest exact Jaccard {top:.3f})")  # fmt: skip
    print(f"re-published copies (cut {args.cut:.0%}): {int(found)}/{len(texts)} found, "
          f"mean estimated similarity {sims / len(texts):.2f}")  # fmt: skip


if __name__ == "__main__":
    main()
