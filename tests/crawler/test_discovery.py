import gzip
from datetime import UTC, datetime

import pytest
from parsel import Selector

from core.errors import HostileInput
from crawler import discovery

ARTICLE_JSONLD = """<html><head>
<script type="application/ld+json">{"@context": "https://schema.org",
 "@graph": [{"@type": "WebPage"}, {"@type": ["NewsArticle"], "headline": "x"}]}</script>
</head><body><p>short</p></body></html>"""


def test_jsonld_newsarticle_inside_a_graph_marks_an_article():
    assert discovery.looks_like_article(Selector(text=ARTICLE_JSONLD), "https://a.id/x/")


def test_og_website_is_a_listing_even_on_a_date_path():
    html = '<html><head><meta property="og:type" content="website"></head><body></body></html>'
    assert not discovery.looks_like_article(Selector(text=html), "https://a.id/2021/05/")


def test_date_path_with_enough_text_is_an_article_without_metadata():
    body = "<p>" + " ".join(["kata"] * 150) + "</p>"
    sel = Selector(text=f"<html><body>{body}</body></html>")
    assert discovery.looks_like_article(sel, "https://a.id/2021/05/12/judul/")
    assert not discovery.looks_like_article(sel, "https://a.id/tentang-kami/")


def test_feed_links_are_found_by_type():
    html = """<head><link rel="alternate" type="application/rss+xml" href="/feed/">
    <link rel="alternate" hreflang="en" href="/en/"></head>"""
    assert discovery.feed_links(Selector(text=html)) == ["/feed/"]


def test_rss_and_atom_entries_with_dates():
    rss = b"""<?xml version="1.0"?><rss version="2.0"><channel>
    <item><link>https://a.id/1/</link><pubDate>Wed, 02 Jun 2021 10:40:00 +0700</pubDate></item>
    <item><link> https://a.id/2/ </link></item>
    </channel></rss>"""
    atom = b"""<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">
    <entry><link rel="replies" href="https://b.id/c"/>
    <link rel="alternate" href="https://b.id/p.html"/><published>2021-05-03T08:00:00Z</published>
    </entry></feed>"""
    first, second = discovery.feed_entries(rss)
    assert first.url == "https://a.id/1/" and first.date == datetime(2021, 6, 2, 3, 40, tzinfo=UTC)
    assert second == discovery.Entry("https://a.id/2/", None)
    assert discovery.feed_entries(atom) == [
        discovery.Entry("https://b.id/p.html", datetime(2021, 5, 3, 8, 0, tzinfo=UTC))
    ]


def test_sitemap_index_urlset_and_google_news_dates():
    index = b"""<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
    <sitemap><loc>https://a.id/post-sitemap.xml</loc></sitemap></sitemapindex>"""
    news = b"""<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
      xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
    <url><loc>https://a.id/2021/05/x/</loc><lastmod>2021-05-09</lastmod>
      <news:news><news:publication_date>2021-05-02T09:00:00+07:00</news:publication_date></news:news>
    </url><url><loc>https://a.id/2021/05/y/</loc><lastmod>2021-05-02</lastmod></url></urlset>"""
    assert discovery.sitemap_entries(index) == (
        "sitemapindex",
        [discovery.Entry("https://a.id/post-sitemap.xml", None)],
    )
    kind, (x, y) = discovery.sitemap_entries(news)
    assert kind == "urlset"
    assert x.date == datetime(2021, 5, 2, 2, 0, tzinfo=UTC)
    assert y.date == datetime(2021, 5, 2, tzinfo=UTC)


LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY ext SYSTEM "file:///etc/passwd">]>
<urlset><url><loc>https://a.id/&lol3;&ext;</loc></url></urlset>"""
# Entities inside an attribute are expanded by libxml2 even with resolve_entities=False.
ATTRIBUTE = b"""<?xml version="1.0"?><!DOCTYPE feed [<!ENTITY k "ketuk">]>
<feed xmlns="http://www.w3.org/2005/Atom"><entry><link href="https://a.id/&k;&k;/"/></entry></feed>"""
PARAMETER = b"""<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY % p SYSTEM "http://127.0.0.1:9/p">
%p;]><rss><channel><item><link>https://a.id/x/</link></item></channel></rss>"""


@pytest.mark.parametrize("xml", [LAUGHS, ATTRIBUTE, PARAMETER], ids=["laughs", "attr", "param"])
def test_xml_declaring_entities_is_refused(xml):
    with pytest.raises(HostileInput, match=r"XML declares \d+ entities"):
        discovery.sitemap_entries(xml)
    with pytest.raises(HostileInput):
        discovery.feed_entries(xml)


def test_an_external_dtd_is_not_loaded_and_the_feed_still_read():
    rss = b"""<?xml version="1.0"?>
    <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"
    "http://127.0.0.1:9/rss-0.91.dtd"><rss><channel><item><link>https://a.id/x/</link></item>
    </channel></rss>"""
    assert discovery.feed_entries(rss) == [discovery.Entry("https://a.id/x/")]


def test_gzipped_sitemaps_are_inflated_within_a_limit():
    xml = b"<urlset><url><loc>https://a.id/x/</loc></url></urlset>"
    assert discovery.gunzipped(xml) == xml
    assert discovery.gunzipped(gzip.compress(xml)) == xml
    assert discovery.gunzipped(gzip.compress(xml) + gzip.compress(b"<!-- 2 -->")) == (
        xml + b"<!-- 2 -->"
    )
    assert discovery.gunzipped(gzip.compress(xml)[:-12]).startswith(b"<urlset>")  # truncated
    with pytest.raises(HostileInput, match="inflates past 1000000 bytes"):
        discovery.gunzipped(gzip.compress(bytes(3_000_000)), max_size=1_000_000)


def test_garbage_is_no_feed_and_no_sitemap():
    assert discovery.feed_entries(b"\x00\xff not xml") == []
    assert discovery.sitemap_entries(b"<html><body>404</body></html>")[1] == []


def test_redirect_wrappers_unwrap_to_the_article():
    wrapped = "https://rss.example.id/r/?url=https%3A%2F%2Fnews.example.id%2Fd-1%2Fjudul"
    assert discovery.unwrap_redirect(wrapped) == "https://news.example.id/d-1/judul"
    assert discovery.unwrap_redirect("https://a.id/x?page=2") == "https://a.id/x?page=2"


def test_article_parts_by_query_and_by_path():
    html = """<a href="?page=2">2</a><a href="/berita/7/x?page=3">3</a>
    <a href="/berita/7/x?page=1">1</a><a href="/berita/8/y?page=2">other</a>"""
    single, parts = discovery.article_parts(
        Selector(text=html), "https://p.id/berita/7/x", "https://p.id/berita/7/x"
    )
    assert single is None
    assert parts == {2: "https://p.id/berita/7/x?page=2", 3: "https://p.id/berita/7/x?page=3"}
    wp = '<a href="https://w.id/2021/05/a/2/">Halaman 2</a><a href="/2021/05/a/?page=all">Semua</a>'
    single, parts = discovery.article_parts(
        Selector(text=wp), "https://w.id/2021/05/a/", "https://w.id/2021/05/a/"
    )
    assert single == "https://w.id/2021/05/a/?page=all"
    assert parts == {2: "https://w.id/2021/05/a/2/"}


def test_generator_names_the_cms():
    wp = '<meta name="generator" content="WordPress 6.2">'
    assert discovery.generator(Selector(text=wp)) == "wordpress"
    assert discovery.generator(Selector(text="<p>x</p>")) == ""


def test_robots_sitemap_lines():
    text = "User-agent: *\nDisallow: /wp-admin/\nSitemap: https://a.id/sitemap.xml\nsitemap:\n"
    assert discovery.sitemaps_in_robots(text) == ["https://a.id/sitemap.xml"]
