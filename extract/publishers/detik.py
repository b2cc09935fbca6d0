"""detik.com (detiknews, detikinet, detikfinance, detiksport...): two layouts.

Generic extraction on the older layout keeps what follows the body inside the same column:
the "Fokus"/MustRead teasers ("Indonesia Darurat 4G? Kalau bukan sekarang...") after the
author initials, and on photo pages (``/readfoto/``) the gallery label, "Foto Terkait",
"Twitter Recommendation" and the advertising contact, so that the caption is a third of the
text. The body and the caption each sit in one element of known class, selected here.
"""

from __future__ import annotations

from datetime import date, datetime

from lxml.etree import XPath

from extract.dates import parse_indonesian_date
from extract.publishers.base import Parser, field, has_class


class DetikV1(Parser):
    """The layout of 2010 to about 2018: ``div.detail_text`` (news), ``div.text_detail``
    (inet, finance, hot), photo pages with the caption in ``div.detail_profil .text_gal``."""

    VALID_FROM = date(2010, 1, 1)
    # A photo page's caption is its article: one or two sentences.
    MIN_WORDS = 10
    BODY = XPath(
        f"//{has_class('div', 'detail_text')} | //{has_class('div', 'text_detail')}"
        " | //*[@id='detikdetailtext']"
    )
    CAPTION = XPath(f"//{has_class('div', 'detail_profil')}//{has_class('div', 'text_gal')}")
    # Inside the body: photo boxes with captions, inline "Baca juga" tables, ad slots.
    NOT_BODY = XPath(
        " | ".join(
            f".//{has_class(tag, name)}"
            for tag, name in (
                ("div", "pic_artikel"),
                ("div", "pic_artikel_sisip"),
                ("table", "linksisip"),
                ("div", "lihatjg"),
                ("div", "detail_tag"),
                ("div", "paradetail"),
                ("div", "parallaxindetail"),
            )
        )
    )

    # "Selasa, 08/03/2016 10:15 WIB" above the headline; it precedes the <h1>, where the
    # generic look beside the headline does not reach.
    DATE = XPath(
        f"//{has_class('div', 'content_detail')}//{has_class('div', 'date')}"
        f" | //{has_class('div', 'detail_profil')}/{has_class('div', 'date')}"
    )

    @field
    def body(self) -> list[str] | None:
        found = self.first(self.BODY)
        if found is None:
            found = self.first(self.CAPTION)
        return self.lines_without(found, self.NOT_BODY) if found is not None else None

    @field
    def published(self) -> datetime | None:
        found = self.first(self.DATE)
        return parse_indonesian_date(found.text_content()) if found is not None else None


class DetikV2(Parser):
    """The layout since about 2019 (seen on every 2022 page): ``div.detail__body-text``
    (``itp_bodycontent``), with ad slots, tag lists and "Baca juga" boxes inside it."""

    VALID_FROM = date(2019, 1, 1)
    BODY = XPath(
        f"//{has_class('div', 'detail__body-text')} | //{has_class('div', 'itp_bodycontent')}"
        " | //*[@id='detikdetailtext']"
    )
    NOT_BODY = XPath(
        " | ".join(
            f".//{has_class(tag, name)}"
            for tag, name in (
                ("div", "paradetail"),
                ("div", "parallaxindetail"),
                ("div", "detail__body-tag"),
                ("table", "linksisip"),
                ("div", "lihatjg"),
                ("div", "staticdetail_container"),
                ("div", "detail__long-nav"),
                ("div", "nav"),
                ("div", "detail__multiple"),
                ("div", "sisip_embed_sosmed"),
                ("div", "media__keterangan"),
                ("a", "video20detik"),
            )
        )
    )

    @field
    def body(self) -> list[str] | None:
        found = self.first(self.BODY)
        return self.lines_without(found, self.NOT_BODY) if found is not None else None
