"""A generated news site with many distinct articles, for crash trials and large crawls.

The hand-made fixture sites hold a handful of articles each; a kill at a random moment
needs a crawl long enough to land in the middle. Articles are built from seeded random
Indonesian sentences, so every one is distinct (no near-duplicates) and extracts cleanly.
"""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from pathlib import Path

REGIONS = [
    "Kabupaten Lebong", "Kota Bengkulu", "Kabupaten Ciamis", "Kota Palembang", "Kabupaten Lahat",
    "Kabupaten Way Kanan", "Kota Prabumulih", "Kabupaten Ogan Ilir", "Kota Bandar Lampung",
    "Kabupaten Musi Banyuasin", "Kota Metro", "Kabupaten Kaur", "Kabupaten Seluma",
]  # fmt: skip
SUBJECTS = [
    "Pemerintah daerah", "Ombudsman RI perwakilan setempat", "Dinas kependudukan",
    "Sekretaris daerah", "Kepala dinas perizinan", "Warga", "Anggota DPRD", "Camat dan lurah",
]  # fmt: skip
VERBS = [
    "membahas", "mengevaluasi", "meninjau", "menyerahkan laporan tentang", "menyoroti",
    "memperbaiki", "mengumumkan hasil penilaian", "menandatangani maklumat tentang",
]  # fmt: skip
OBJECTS = [
    "standar pelayanan publik", "antrean perekaman KTP elektronik", "mal pelayanan publik",
    "pengaduan masyarakat", "kepatuhan terhadap UU 25/2009", "layanan perizinan berusaha",
    "sarana pengaduan daring", "zona hijau kepatuhan", "waktu tunggu layanan kesehatan",
]  # fmt: skip
TAILS = [
    "pada rapat koordinasi pekan ini", "di hadapan puluhan peserta", "sejak awal bulan",
    "dengan target selesai tahun depan", "bersama kepala perangkat daerah", "di kantor bupati",
]  # fmt: skip


def _paragraph(rng: random.Random) -> str:
    sentences = []
    for _ in range(rng.randint(3, 5)):
        n = rng.randint(2, 98)
        sentences.append(
            f"{rng.choice(SUBJECTS)} {rng.choice(REGIONS)} {rng.choice(VERBS)} "
            f"{rng.choice(OBJECTS)} {rng.choice(TAILS)}, dengan {n} catatan nomor "
            f"{rng.randint(100, 99999)}."
        )
    return " ".join(sentences)


def article_html(title: str, path: str, published: date, paragraphs: list[str]) -> str:
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    meta = json.dumps(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": title,
            "datePublished": f"{published.isoformat()}T09:00:00+07:00",
            "author": {"@type": "Person", "name": "Redaksi"},
        }
    )
    return f"""<!DOCTYPE html>
<html lang="id"><head><meta charset="utf-8"><title>{title} - Warta Uji</title>
<link rel="canonical" href="{{{{BASE}}}}{path}">
<meta property="og:type" content="article">
<meta property="article:published_time" content="{published.isoformat()}T09:00:00+07:00">
<script type="application/ld+json">{meta}</script></head>
<body><header><a href="/">Warta Uji</a></header>
<article><h1>{title}</h1><div class="entry-content">
{body}
</div></article>
<footer><a href="/">Beranda</a></footer></body></html>
"""


def generate_site(root: Path, articles: int, *, seed: int = 7) -> list[str]:
    """Write a site of ``articles`` articles under ``root``; return their paths.

    Discovery: ``robots.txt`` names ``/sitemap.xml`` (every article), and the home page
    links every article too, so both discovery paths lead to the same set.
    """
    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    paths: list[str] = []
    start = date(2021, 1, 4)
    for i in range(articles):
        # Eight a day, so even 50,000 articles stay in the past (future dates look like traps).
        day = start + timedelta(days=i // 8)
        slug = f"berita-uji-nomor-{i:04d}-pelayanan-publik"
        path = f"/{day:%Y/%m/%d}/{slug}/"
        title = f"{rng.choice(SUBJECTS)} {rng.choice(REGIONS)} {rng.choice(VERBS)} bagian {i}"
        html = article_html(title, path, day, [_paragraph(rng) for _ in range(6)])
        folder = root / path.strip("/")
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "index.html").write_text(html, encoding="utf-8")
        paths.append(path)
    links = "\n".join(f'<li><a href="{p}">Berita {n}</a></li>' for n, p in enumerate(paths))
    (root / "index.html").write_text(
        '<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>Warta Uji</title>'
        '<meta property="og:type" content="website"></head>'
        f"<body><h1>Warta Uji</h1><ul>{links}</ul></body></html>\n",
        encoding="utf-8",
    )
    urls = "\n".join(f"<url><loc>{{{{BASE}}}}{p}</loc></url>" for p in paths)
    (root / "sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{urls}\n</urlset>\n',
        encoding="utf-8",
    )
    (root / "robots.txt").write_text(
        "User-agent: *\nDisallow:\n\nSitemap: {{BASE}}/sitemap.xml\n", encoding="utf-8"
    )
    return paths
