"""The report as PDF, drawn with fpdf2: the same sections as the HTML, for printing and mail.

The PDF uses the built-in Helvetica, so no font file ships or is fetched; that font covers
Latin-1 only, which Indonesian needs, and other characters are folded to a close ASCII form.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from fpdf import FPDF
from fpdf.fonts import FontFace

from pantau.report import _format
from pantau.report._data import WeeklyReport, previous_week
from pantau.report.charts import PREVIOUS_WEEK, THIS_WEEK

# Typographic punctuation common in news text, folded to what Latin-1 Helvetica can draw.
_FOLD = str.maketrans(
    {
        "\u201c": '"',
        "\u201d": '"',
        "\u2018": "'",
        "\u2019": "'",
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u2026": "...",
        "\u00b7": "-",
    }
)
_HEADINGS = FontFace(emphasis="BOLD", fill_color=(238, 242, 245))


def _latin1(value: object) -> str:
    text = "" if value is None else str(value).translate(_FOLD)
    if all(ord(c) < 256 for c in text):
        return text
    folded = unicodedata.normalize("NFKD", text)
    return "".join(c if ord(c) < 256 else "?" for c in folded if not unicodedata.combining(c))


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


class _Report(FPDF):
    def __init__(self, week: str) -> None:
        super().__init__(format="A4")
        self.week = week
        self.set_auto_page_break(auto=True, margin=15)
        self.set_margins(15, 15, 15)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("Helvetica", size=8)
        self.set_text_color(110)
        self.cell(0, 6, f"Pantau weekly report {self.week} - page {self.page_no()}", align="C")
        self.set_text_color(0)

    def heading(self, title: str) -> None:
        self.ln(4)
        self.set_font("Helvetica", "B", 13)
        self.cell(0, 8, _latin1(title), new_x="LMARGIN", new_y="NEXT")
        self.set_draw_color(200)
        self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
        self.ln(2)
        self.set_font("Helvetica", size=9)

    def para(self, text: str, size: float = 9, style: str = "") -> None:
        self.set_font("Helvetica", style, size)
        self.multi_cell(0, 4.5, _latin1(text), new_x="LMARGIN", new_y="NEXT")

    def grid(
        self,
        header: Sequence[str],
        rows: Sequence[Sequence[object]],
        widths: Sequence[int],
        fills: Sequence[tuple[int, int, int] | None] | None = None,
        links: Sequence[str | None] | None = None,
        link_column: int = -1,
    ) -> None:
        self.set_font("Helvetica", size=8)
        with self.table(
            col_widths=widths, headings_style=_HEADINGS, line_height=4.5, padding=1
        ) as table:
            table.row([_latin1(h) for h in header])
            for i, values in enumerate(rows):
                fill = fills[i] if fills else None
                style = FontFace(fill_color=fill) if fill else None
                row = table.row()
                for j, value in enumerate(values):
                    target = links[i] if links and j == link_column else None
                    row.cell(_latin1(value), style=style, link=target)
        self.ln(2)

    def bars(self, items: Sequence[tuple[str, int, int]], title: str) -> None:
        """Horizontal bars (this week, previous week underneath), as the HTML's SVG chart."""
        self.set_font("Helvetica", "B", 9)
        self.cell(0, 6, _latin1(title), new_x="LMARGIN", new_y="NEXT")
        self.set_font("Helvetica", size=8)
        peak = max([max(now, before) for _, now, before in items] + [1])
        label_w, plot_w = 55.0, 100.0
        for label, now, before in items:
            if self.will_page_break(7):
                self.add_page()
            x, y = self.l_margin, self.get_y()
            self.set_xy(x, y)
            self.cell(label_w - 2, 5, _latin1(label[:34]), align="R")
            self.set_fill_color(*_rgb(THIS_WEEK))
            self.rect(x + label_w, y + 0.5, max(plot_w * now / peak, 0.3), 3.5, style="F")
            self.set_fill_color(*_rgb(PREVIOUS_WEEK))
            self.rect(x + label_w, y + 4.2, max(plot_w * before / peak, 0.3), 1.2, style="F")
            self.set_xy(x + label_w + plot_w * now / peak + 2, y)
            self.cell(15, 5, str(now))
            self.set_xy(x, y + 6.5)
        self.ln(2)


def render_pdf(report: WeeklyReport) -> bytes:
    r = report
    pdf = _Report(r.week)
    pdf.set_title(f"Pantau weekly report {r.week}")
    pdf.set_creator("pantau")
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 18)
    pdf.cell(0, 10, f"Pantau weekly report: {r.week}", new_x="LMARGIN", new_y="NEXT")
    pdf.para(
        f"{r.start:%A %d %B %Y} to {r.last_day:%A %d %B %Y} (WIB), "
        f"compared with {previous_week(r.week)}"
    )

    pdf.heading("Headline")
    pdf.grid(
        ["Figure", "This week", "Previous week", "Change"],
        [
            [label, now, before, _format.delta(now, before)]
            for label, now, before in _format.headline_items(r)
        ],
        [60, 25, 30, 25],
    )
    if r.empty:
        pdf.para("No articles were published in this week.", size=11, style="B")
    else:
        _sections(pdf, r)
    _sources(pdf, r)
    pdf.ln(4)
    pdf.para(
        f"Generated by Pantau on {r.generated_at:%d %B %Y %H:%M} WIB. Weeks run Monday to "
        "Sunday, WIB. Articles marked as duplicates of another are counted once.",
        size=7,
    )
    return bytes(pdf.output())


def _sections(pdf: _Report, r: WeeklyReport) -> None:
    pdf.heading("Coverage by province")
    if r.provinces:
        pdf.bars(
            [(p.province, p.articles, p.articles_before) for p in r.provinces],
            "Relevant articles by province (thin bar: previous week)",
        )
        pdf.grid(
            ["Province", "Articles", "Previous week", "Sources", "Kabupaten/kota"],
            [
                [p.province, p.articles, p.articles_before, p.sources, p.kabupaten_kota]
                for p in r.provinces
            ],
            [60, 25, 30, 25, 30],
        )
    else:
        pdf.para("No region was named in this week's relevant articles.")
    if r.regions:
        pdf.heading("Coverage by kabupaten/kota")
        pdf.bars(
            [(g.label, g.articles, g.articles_before) for g in r.regions[:15]],
            "Relevant articles by kabupaten/kota (top 15)",
        )
        pdf.grid(
            ["Kabupaten/kota", "Province", "Articles", "Prev. week", "Mentions", "Sources"],
            [
                [g.label, g.province, g.articles, g.articles_before, g.mentions, g.sources]
                for g in r.regions
            ],
            [50, 45, 20, 22, 22, 20],
        )

    pdf.heading("Scores reported")
    if r.scores:
        pdf.grid(
            ["Subject", "Value", "Zone", "Rank", "Year", "Reported in", "New?"],
            [
                [
                    s.subject or "-",
                    _format.score_value(s.value),
                    s.zone or "no zone",
                    "" if s.rank is None else s.rank,
                    "" if s.year is None else s.year,
                    s.title or s.url,
                    "first report" if s.first_time else "reported before",
                ]
                for s in r.scores
            ],
            [30, 15, 18, 12, 12, 73, 20],
            fills=[
                _rgb(_format.ZONE_COLOURS.get(s.zone, _format.ZONE_COLOURS[None])[1])
                for s in r.scores
            ],
            links=[_format.link_target(s.url) for s in r.scores],
            link_column=5,
        )
    else:
        pdf.para("No scores were reported this week.")

    pdf.heading("Event timeline")
    if r.events:
        pdf.grid(
            ["Date", "Event", "Region", "Article"],
            [
                [
                    _format.day(e.day) + (" *" if e.date_from_publication else ""),
                    _format.EVENT_LABELS.get(e.type, e.type),
                    e.region or "",
                    e.title or e.url,
                ]
                for e in r.events
            ],
            [30, 22, 33, 95],
            links=[_format.link_target(e.url) for e in r.events],
            link_column=3,
        )
        if any(e.date_from_publication for e in r.events):
            pdf.para("* no date in the text: the article's publication date", size=7)
    else:
        pdf.para("No events were reported this week.")

    pdf.heading("Most-quoted officials")
    if r.officials:
        pdf.grid(
            ["Name", "Role", "Region", "Articles", "Mentions"],
            [[o.name, o.role, o.region or "", o.articles, o.mentions] for o in r.officials],
            [55, 45, 40, 20, 20],
        )
    else:
        pdf.para("No officials were named this week.")

    pdf.heading("Notable articles")
    if not r.articles:
        pdf.para("No relevant articles this week.")
    for a in r.articles:
        pdf.set_font("Helvetica", "BU", 10)
        pdf.set_text_color(*_rgb("#1f5f8b"))
        pdf.multi_cell(
            0,
            5,
            _latin1(a.title or a.url),
            new_x="LMARGIN",
            new_y="NEXT",
            link=_format.link_target(a.url) or "",
        )
        pdf.set_text_color(0)
        regions = f" - {', '.join(a.regions)}" if a.regions else ""
        pdf.para(
            f"{a.source or 'unknown source'} - {_format.day(a.day)} - "
            f"relevance {a.relevance:.2f}{regions}",
            size=8,
        )
        quoted = _format.snippet(a)
        if quoted:
            # write() flows the three runs as one paragraph; fpdf2's markdown mode is not
            # used because web text could then carry its own emphasis and links.
            before, quote, after = quoted
            pdf.set_font("Helvetica", "I", 8)
            pdf.write(4, _latin1(f'"{before}'))
            pdf.set_font("Helvetica", "BI", 8)
            pdf.write(4, _latin1(quote))
            pdf.set_font("Helvetica", "I", 8)
            pdf.write(4, _latin1(f'{after}"'))
            pdf.ln(5)
        pdf.ln(2)


def _sources(pdf: _Report, r: WeeklyReport) -> None:
    pdf.heading("Sources to check")
    if not r.sources:
        pdf.para(
            "Every source that published in the previous four weeks published this week, "
            "and no crawl flagged a source as broken."
        )
        return
    pdf.grid(
        ["Source", "Problem", "Last article", "Last crawl"],
        [
            [
                s.source,
                _format.source_problem(s),
                _format.day(s.last_article.date() if s.last_article else None),
                _format.day(s.last_run.date() if s.last_run else None),
            ]
            for s in r.sources
        ],
        [30, 90, 30, 30],
    )
