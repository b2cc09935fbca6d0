"""Near-duplicate fingerprints of article text: MinHash over word shingles, with LSH bands.

Why MinHash and not SimHash. The duplicates Pantau meets are one press release (a Diskominfo
or Humas Pemkab text) run by several outlets: each adds its own dateline, lead sentence,
sign-off and "Baca juga" leftovers, and some trim the last paragraphs. That is 10-40 % of the
words changed, added or cut. MinHash estimates the Jaccard similarity of the shingle sets
without bias, so one threshold ("half the shingles shared") reads the same for a 150-word
release and a 1,500-word feature, and LSH banding turns it into an indexed lookup whose
recall at that threshold is set by arithmetic (below). A 64-bit SimHash with a Hamming
threshold of about 3 is tuned for near-exact copies (the same page under two URLs); its
bits flip non-linearly with edits of this size, so the threshold that catches a re-dated
release also catches unrelated short texts. MinHash's cost is size (128 x 32 bits per
article), which DuckDB stores as one 512-byte BLOB, and speed, which numpy brings to one or two
milliseconds for a 250-word article.

Parameters:
- shingles of ``SHINGLE`` = 4 lower-cased ``\\w+`` words (the same tokens as the extraction
  metric): 4-word runs are rarely shared by two independently written stories on one topic
  ("Pemerintah Kabupaten Way Kanan" alone is one shingle), often by two copies of one text;
- ``PERMUTATIONS`` = 128 hash functions, ``BANDS`` = 32 bands of ``ROWS`` = 4. Two texts
  with Jaccard similarity s share at least one band with probability 1 - (1 - s^4)^32:
  0.99 at s = 0.6, 0.87 at s = 0.5, 0.23 at s = 0.3, 0.03 at s = 0.2. Candidates are then
  confirmed on the full signature: estimated similarity >= ``THRESHOLD`` = 0.5.

Everything is derived from fixed byte strings (blake2b), never from Python's randomised
``hash()`` or a seeded RNG whose stream may change between numpy versions, so a fingerprint
stored today matches one computed next year. ``SCHEME`` names the parameters; the store keeps
it beside each fingerprint, and a change of parameters must change it.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

import numpy as np

SCHEME = "minhash-w4-128x32"
SHINGLE = 4
PERMUTATIONS = 128
BANDS = 32
ROWS = PERMUTATIONS // BANDS
THRESHOLD = 0.5

_WORDS = re.compile(r"\w+")
# Universal hashing (a * x + b) mod p with x, a, b < 2^32: the product stays below 2^64, so
# numpy's uint64 arithmetic never wraps and the permutations are the textbook ones.
_PRIME = np.uint64((1 << 61) - 1)
_MASK32 = np.uint64(0xFFFFFFFF)


def _u32(label: str) -> int:
    return int.from_bytes(hashlib.blake2b(label.encode(), digest_size=4).digest(), "little")


_A = np.array([_u32(f"pantau-minhash-a-{i}") | 1 for i in range(PERMUTATIONS)], dtype=np.uint64)
_B = np.array([_u32(f"pantau-minhash-b-{i}") for i in range(PERMUTATIONS)], dtype=np.uint64)


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """A text's MinHash signature and the LSH band keys derived from it.

    ``signature``: ``PERMUTATIONS`` unsigned 32-bit minima. ``bands``: ``BANDS`` signed 64-bit
    keys (DuckDB BIGINT), each hashing one band's rows together with the band's number, so one
    indexed column serves every band.
    """

    signature: tuple[int, ...]
    bands: tuple[int, ...]
    scheme: str = SCHEME

    def to_bytes(self) -> bytes:
        """The signature as little-endian uint32s (what the store keeps)."""
        return np.asarray(self.signature, dtype="<u4").tobytes()

    @classmethod
    def from_bytes(cls, data: bytes, scheme: str = SCHEME) -> Fingerprint:
        signature = tuple(int(v) for v in np.frombuffer(data, dtype="<u4"))
        return cls(signature, _bands(signature), scheme)


def shingles(text: str) -> set[str]:
    """The text's word 4-grams; a text shorter than that is its one shingle (or none)."""
    words = _WORDS.findall(text.lower())
    if len(words) < SHINGLE:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def fingerprint(text: str) -> Fingerprint:
    """MinHash fingerprint of ``text``. Deterministic across processes and machines.

    An empty text (no word at all) gets the all-ones signature, which is similar only to other
    empty texts; extraction never stores such an article, so it matches nothing real.
    """
    found = shingles(text)
    if not found:
        signature = (0xFFFFFFFF,) * PERMUTATIONS
        return Fingerprint(signature, _bands(signature))
    hashes = np.fromiter(
        (
            int.from_bytes(hashlib.blake2b(s.encode(), digest_size=4).digest(), "little")
            for s in found
        ),
        dtype=np.uint64,
        count=len(found),
    )
    # (permutations x shingles) table; for a long article this is a few MB at most and the
    # minimum over it is the whole cost of a fingerprint.
    permuted = (np.outer(_A, hashes) + _B[:, None]) % _PRIME & _MASK32
    signature = tuple(int(v) for v in permuted.min(axis=1))
    return Fingerprint(signature, _bands(signature))


def _bands(signature: tuple[int, ...]) -> tuple[int, ...]:
    keys = []
    for band in range(BANDS):
        rows = signature[band * ROWS : (band + 1) * ROWS]
        data = band.to_bytes(2, "little") + np.asarray(rows, dtype="<u4").tobytes()
        digest = hashlib.blake2b(data, digest_size=8).digest()
        keys.append(int.from_bytes(digest, "little", signed=True))
    return tuple(keys)


def similarity(a: Fingerprint, b: Fingerprint) -> float:
    """Estimated Jaccard similarity of the two texts' shingle sets (share of equal minima)."""
    if a.scheme != b.scheme or len(a.signature) != len(b.signature):
        return 0.0
    same = sum(x == y for x, y in zip(a.signature, b.signature, strict=True))
    return same / len(a.signature)


def is_near_duplicate(a: Fingerprint, b: Fingerprint, threshold: float = THRESHOLD) -> bool:
    return similarity(a, b) >= threshold


def jaccard(a: str, b: str) -> float:
    """Exact Jaccard similarity of two texts' shingle sets, for tests and calibration."""
    sa, sb = shingles(a), shingles(b)
    if not sa and not sb:
        return 1.0
    return len(sa & sb) / len(sa | sb)
