from parsel import Selector

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


def test_rss_and_atom_entries():
    rss = b"""<?xml version="1.0"?><rss version="2.0"><channel>
    <item><link>https://a.id/1/</link></item><item><link> https://a.id/2/ </link></item>
    </channel></rss>"""
    atom = b"""<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">
    <entry><link rel="replies" href="https://b.id/c"/><link rel="alternate" href="https://b.id/p.html"/></entry>
    </feed>"""
    assert list(discovery.feed_entries(rss)) == ["https://a.id/1/", "https://a.id/2/"]
    assert list(discovery.feed_entries(atom)) == ["https://b.id/p.html"]


def test_sitemap_index_and_urlset():
    index = b"""<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
    <sitemap><loc>https://a.id/post-sitemap.xml</loc></sitemap></sitemapindex>"""
    urlset = b"""<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
    <url><loc>https://a.id/2021/05/x/</loc><lastmod>2021-05-02</lastmod></url></urlset>"""
    assert discovery.sitemap_entries(index) == (
        "sitemapindex",
        [("https://a.id/post-sitemap.xml", None)],
    )
    assert discovery.sitemap_entries(urlset) == (
        "urlset",
        [("https://a.id/2021/05/x/", "2021-05-02")],
    )


def test_robots_sitemap_lines():
    text = "User-agent: *\nDisallow: /wp-admin/\nSitemap: https://a.id/sitemap.xml\nsitemap:\n"
    assert discovery.sitemaps_in_robots(text) == ["https://a.id/sitemap.xml"]
