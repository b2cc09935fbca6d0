import pytest

from core.sources import parse_sources
from crawler.frontier import MAX_QUERY_VARIANTS, Frontier


def _frontier(extra: str = "") -> Frontier:
    [src] = parse_sources(f'[[source]]\nname = "a"\nurl = "https://a.id/"\n{extra}')
    return Frontier(src)


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("https://a.id/2021/05/x/", None),
        ("https://m.a.id/2021/05/x/", None),
        ("https://b.id/2021/05/x/", "offsite"),
        ("mailto:redaksi@a.id", "scheme"),
        ("https://a.id/wp-content/uploads/laporan.PDF", "binary"),
        ("https://a.id/video/klip.mp4", "binary"),
        ("https://a.id/2021/05/x/?replytocom=12", "trap"),
        ("https://a.id/kalender/?bulan=2021-05", "trap"),
        ("https://a.id/?s=ombudsman", "trap"),
        ("https://a.id/wp-admin/", "trap"),
        ("https://a.id/tag/a/tag/a/tag/a/", None),
        ("https://a.id/a/a/a/", "trap"),
    ],
)
def test_refusals(url, reason):
    assert _frontier().refusal(url) == reason


def test_source_deny_and_allow_patterns():
    f = _frontier('deny = ["/iklan/"]\nallow = ["/(berita|20\\\\d\\\\d)/"]')
    assert f.refusal("https://a.id/iklan/1/") == "denied"
    assert f.refusal("https://a.id/olahraga/1/") == "not allowed"
    assert f.refusal("https://a.id/berita/1/") is None


def test_endless_query_variants_of_one_path_are_cut():
    f = _frontier()
    answers = [f.refusal(f"https://a.id/arsip?id={n}") for n in range(MAX_QUERY_VARIANTS + 5)]
    assert answers[:MAX_QUERY_VARIANTS] == [None] * MAX_QUERY_VARIANTS
    assert set(answers[MAX_QUERY_VARIANTS:]) == {"query variants"}


def test_depth_and_url_length_caps():
    [src] = parse_sources('[[source]]\nname = "a"\nurl = "https://a.id/"\n')
    f = Frontier(src, max_depth=8, max_url_length=60)
    assert f.refusal("https://a.id/arsip/1/", depth=8) is None
    assert f.refusal("https://a.id/arsip/1/", depth=9) == "too deep"
    assert f.refusal("https://a.id/" + "panjang-" * 10) == "too long"
    assert f.refusal("https://b.id/" + "panjang-" * 10) == "offsite"
    deep = "https://a.id/" + "/".join(str(n) for n in range(2000)) + "/"
    assert Frontier(src).refusal(deep, depth=99) is None  # both caps off
