"""The report as one self-contained HTML file: inline CSS and SVG, no script, no fetch."""

from __future__ import annotations

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from pantau.report import _format
from pantau.report._data import WeeklyReport, previous_week
from pantau.report.charts import Bar, bar_chart

# Autoescape is what keeps web text (titles, names, quotes) as text: a title such as
# <script>alert(1)</script> is written out as &lt;script&gt;...
_ENV = Environment(
    loader=PackageLoader("pantau", "templates"),
    autoescape=True,
    undefined=StrictUndefined,
    keep_trailing_newline=True,
)


def _link(url: str | None, text: str) -> Markup:
    target = _format.link_target(url)
    if target is None:
        return escape(text)
    return Markup('<a href="{}">{}</a>').format(target, text)


def render_html(report: WeeklyReport) -> str:
    province_chart = bar_chart(
        [Bar(p.province, p.articles, p.articles_before) for p in report.provinces],
        title="Relevant articles by province",
    )
    region_chart = bar_chart(
        [Bar(g.label, g.articles, g.articles_before) for g in report.regions[:15]],
        title="Relevant articles by kabupaten/kota (top 15)",
    )
    return _ENV.get_template("report.html.j2").render(
        r=report,
        previous_week=previous_week(report.week),
        headline=_format.headline_items(report),
        province_chart=province_chart,
        region_chart=region_chart,
        zone_colours=_format.ZONE_COLOURS,
        event_labels=_format.EVENT_LABELS,
        delta=_format.delta,
        day=_format.day,
        link=_link,
        snippet=_format.snippet,
        source_problem=_format.source_problem,
        score_value=_format.score_value,
    )
