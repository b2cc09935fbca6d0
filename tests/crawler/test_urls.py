from hypothesis import given
from hypothesis import strategies as st

from crawler.urls import canonical_url, same_site


def test_tracking_parameters_are_dropped_and_query_sorted():
    url = "https://Warta.ID/2021/06/02/x/?utm_source=fb&b=2&fbclid=abc&a=1#comments"
    assert canonical_url(url) == "https://warta.id/2021/06/02/x/?a=1&b=2"


def test_amp_twins_fold_into_the_article():
    base = "https://warta.id/2021/06/02/x/"
    for twin in (base + "amp/", base + "?amp=1", "https://warta.id/amp/2021/06/02/x/"):
        assert canonical_url(twin) == base


def test_blogger_mobile_twin_folds():
    assert canonical_url("https://b.blogspot.com/2021/05/a.html?m=1") == (
        "https://b.blogspot.com/2021/05/a.html"
    )


def test_pagination_parameters_are_kept():
    assert canonical_url("https://p.id/berita/1/x?page=2") == "https://p.id/berita/1/x?page=2"


def test_same_site_accepts_subdomains_only_of_the_source():
    assert same_site("https://m.warta.id/a", ("warta.id",))
    assert not same_site("https://warta.id.evil.com/a", ("warta.id",))


_segment = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-", min_size=1, max_size=12)


@given(
    path=st.lists(_segment, min_size=1, max_size=4),
    params=st.dictionaries(_segment, _segment, max_size=4),
    tracking=st.dictionaries(
        st.sampled_from(["utm_source", "utm_medium", "fbclid", "gclid"]), _segment
    ),
)
def test_canonical_url_is_idempotent_and_ignores_tracking(path, params, tracking):
    from urllib.parse import urlencode

    clean = "https://site.id/" + "/".join(path) + "/?" + urlencode(params)
    dressed = clean + ("&" if params else "") + urlencode(tracking)
    once = canonical_url(dressed)
    assert canonical_url(once) == once
    assert once == canonical_url(clean)
