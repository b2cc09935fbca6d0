"""Near-duplicate fingerprints in the store: first copy wins, stable across re-saves."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.model import Article
from extract.dedupe import THRESHOLD, fingerprint, is_near_duplicate
from store import Store
from tests.store.factories import article, tags

RELEASE = (
    "Pemerintah Kabupaten Way Kanan menerima predikat zona hijau dalam penilaian kepatuhan "
    "standar pelayanan publik oleh Ombudsman Republik Indonesia Perwakilan Lampung tahun 2023. "
    "Penghargaan diserahkan kepada Sekretaris Daerah di Bandar Lampung dengan nilai 88,52 dan "
    "peringkat keempat dari lima belas kabupaten dan kota. Sekretaris Daerah berterima kasih "
    "kepada seluruh perangkat daerah yang memperbaiki papan informasi, maklumat pelayanan, "
    "ruang tunggu dan sarana pengaduan. Pemerintah kabupaten berjanji menggelar evaluasi setiap "
    "triwulan dan memperluas layanan daring bagi warga kecamatan yang jauh."
)
OTHER = (
    "Dewan Perwakilan Rakyat Daerah Kabupaten Way Kanan menyetujui rancangan anggaran tahun "
    "2024 dalam rapat paripurna yang berlangsung hingga malam. Fraksi-fraksi meminta belanja "
    "jalan kabupaten dinaikkan karena banyak ruas rusak setelah musim hujan, sementara bupati "
    "menyebut pendapatan asli daerah belum pulih sepenuhnya setelah pandemi berakhir."
)


def _copy(url: str, text: str) -> Article:
    return article(url, text=text)


def _save(store: Store, *articles: Article) -> dict[str, str | None]:
    found = store.resolve_near_duplicates(
        [(a.id, fingerprint(a.text)) for a in articles], min_similarity=THRESHOLD
    )
    for a in articles:
        a.dup_of = found[a.id]
    store.save_articles([(a, tags(a), None) for a in articles], "test")
    return found


def _dup_of(store: Store) -> dict[str, str | None]:
    _, rows = store.query("SELECT url, dup_of FROM articles ORDER BY url")
    return dict(rows)


def test_second_copy_of_a_release_points_at_the_first(store: Store):
    first = _copy("https://a.example/1", "WAY KANAN - " + RELEASE + " (Rls)")
    _save(store, first)
    second = _copy("https://b.example/1", "BLAMBANGAN UMPU, Warta - " + RELEASE + " Editor: Yan")
    assert _save(store, second) == {second.id: first.id}
    assert _dup_of(store) == {first.url: None, second.url: first.id}


def test_unrelated_article_is_not_a_duplicate(store: Store):
    _save(store, _copy("https://a.example/1", RELEASE))
    other = _copy("https://a.example/2", OTHER)
    assert _save(store, other) == {other.id: None}


def test_resaving_the_first_copy_does_not_make_it_a_duplicate_of_itself_or_a_later_copy(
    store: Store,
):
    first, second = _copy("https://a.example/1", RELEASE), _copy("https://b.example/1", RELEASE)
    _save(store, first)
    _save(store, second)
    # Reprocess order is by URL, or any order: the answer must not move.
    _save(store, second)
    _save(store, first)
    _save(store, first, second)
    _save(store, second, first)
    assert _dup_of(store) == {first.url: None, second.url: first.id}


def test_copies_in_one_batch_point_at_the_earlier_entry(store: Store):
    a, b, c = (_copy(f"https://{n}.example/1", RELEASE + f" ({n})") for n in "zyx")
    assert _save(store, a, b, c) == {a.id: None, b.id: a.id, c.id: a.id}


def test_a_chain_of_copies_points_at_the_root(store: Store):
    """A third copy like the second but not like the first still names the first."""
    words = (RELEASE + " " + OTHER).split()
    size = len(words) // 6
    part = [" ".join(words[i * size : (i + 1) * size]) for i in range(6)]
    first = _copy("https://a.example/1", " ".join(part[0:4]))
    second = _copy("https://b.example/1", " ".join(part[1:5]))
    third = _copy("https://c.example/1", " ".join(part[2:6]))
    assert not is_near_duplicate(fingerprint(first.text), fingerprint(third.text))
    _save(store, first)
    _save(store, second)
    _save(store, third)
    assert _dup_of(store) == {first.url: None, second.url: first.id, third.url: first.id}


def test_near_duplicate_of_reads_without_recording(store: Store):
    first = _copy("https://a.example/1", RELEASE)
    _save(store, first)
    fp = fingerprint(RELEASE + " Penulis: Yan")
    assert store.near_duplicate_of("someid", fp, min_similarity=THRESHOLD) == first.id
    assert store.near_duplicate_of(first.id, fp, min_similarity=THRESHOLD) is None
    _, rows = store.query("SELECT count(*) FROM article_fingerprints")
    assert rows == [(1,)]


def test_a_fingerprint_whose_article_was_never_saved_is_no_original(store: Store):
    ghost = _copy("https://a.example/ghost", RELEASE)
    store.resolve_near_duplicates([(ghost.id, fingerprint(RELEASE))], min_similarity=THRESHOLD)
    later = _copy("https://b.example/1", RELEASE)
    assert _save(store, later) == {later.id: None}


def test_articles_stored_before_fingerprints_existed_keep_their_order(store: Store):
    """After migration 007 on an old database, stored_at decides which copy was first."""
    first, second = _copy("https://z.example/1", RELEASE), _copy("https://a.example/1", RELEASE)
    store.save_articles([(first, tags(first), None)], "old")
    store.save_articles([(second, tags(second), None)], "old")
    _save(store, second, first)
    assert _dup_of(store) == {second.url: first.id, first.url: None}


def test_fingerprints_survive_reopening(db_path: Path):
    with Store(db_path) as store:
        _save(store, _copy("https://a.example/1", RELEASE))
    with Store(db_path) as store:
        later = _copy("https://b.example/1", RELEASE)
        assert _save(store, later)[later.id] is not None


@pytest.mark.parametrize("check", ["articles_dup_of_exists.sql"])
def test_dup_of_passes_the_store_check(store: Store, check: str):
    _save(store, _copy("https://a.example/1", RELEASE), _copy("https://b.example/1", RELEASE))
    sql = (Path(__file__).parents[2] / "store" / "checks" / check).read_text("utf-8")
    assert store.query(sql)[1] == []
