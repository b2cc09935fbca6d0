"""The per-site page budget pays for addresses, not for repeats of them."""

from __future__ import annotations

from core.sources import parse_sources
from crawler.frontier import Frontier
from crawler.urls import canonical_url


def _frontier(max_pages: int) -> Frontier:
    [src] = parse_sources('[[source]]\nname = "a"\nurl = "https://a.id/"\n')
    return Frontier(src, max_pages=max_pages)


def test_a_repeated_address_costs_no_budget() -> None:
    f = _frontier(max_pages=2)
    # One article from the sitemap, again from the home page, again from a "Baca Juga" link
    # with tracking parameters: one request, paid once.
    urls = [
        "https://a.id/2021/06/a/",
        "https://a.id/2021/06/a/",
        "https://a.id/2021/06/a/?utm_source=baca",
    ]
    assert [f.charge(canonical_url(u)) for u in urls] == [None, "repeat", "repeat"]
    assert f.charge(canonical_url("https://a.id/2021/06/b/")) is None
    assert f.exhausted
    assert f.charge(canonical_url("https://a.id/2021/06/c/")) == "budget"
    assert f.spent == 2


def test_unpaid_requests_are_recorded_but_free() -> None:
    f = _frontier(max_pages=1)
    assert f.charge("https://a.id/robots.txt", paid=False) is None
    assert f.charge("https://a.id/robots.txt", paid=False) == "repeat"
    assert f.charge("https://a.id/") is None
    assert f.charge("https://a.id/robots.txt", paid=False) == "repeat"
    assert f.spent == 1


def test_no_budget_means_no_limit() -> None:
    f = _frontier(max_pages=0)
    assert all(f.charge(f"https://a.id/berita/{n}/") is None for n in range(5000))
    assert not f.exhausted
