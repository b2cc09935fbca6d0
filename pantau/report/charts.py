"""Inline SVG charts: the HTML report stays one self-contained file with no script at all.

Labels come from the web (region and source names), so every text node goes through
``markupsafe.escape``; the result is ``Markup`` and can be dropped into a Jinja template or
displayed in a notebook (``IPython.display.SVG``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

THIS_WEEK = "#1f6f8b"
PREVIOUS_WEEK = "#c9d6df"
_FONT = "font-family='Helvetica, Arial, sans-serif' font-size='12'"


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    value: float
    previous: float | None = None  # drawn as a thin bar under the main one when given


def bar_chart(
    bars: Sequence[Bar],
    *,
    title: str,
    width: int = 640,
    label_width: int = 200,
    row_height: int = 24,
) -> Markup:
    """A horizontal bar chart, one row per bar, values written at the end of each bar."""
    top = 28
    legend = any(b.previous is not None for b in bars)
    height = top + row_height * len(bars) + (22 if legend else 6)
    # Room at the right for the value label; the scale starts at zero so lengths compare.
    plot = width - label_width - 48
    peak = max([b.value for b in bars] + [b.previous or 0 for b in bars] + [1])
    parts = [
        f"<svg xmlns='http://www.w3.org/2000/svg' role='img' width='{width}' "
        f"height='{height}' viewBox='0 0 {width} {height}' {_FONT}>",
        f"<title>{escape(title)}</title>",
        f"<text x='0' y='16' font-weight='bold' font-size='13'>{escape(title)}</text>",
    ]
    for i, bar in enumerate(bars):
        y = top + i * row_height
        length = plot * bar.value / peak
        parts.append(
            f"<text x='{label_width - 8}' y='{y + row_height * 0.6:.1f}' "
            f"text-anchor='end'>{escape(_shorten(bar.label, 30))}</text>"
        )
        bar_height = row_height - 8 if bar.previous is None else row_height - 12
        parts.append(
            f"<rect x='{label_width}' y='{y + 2}' width='{length:.1f}' "
            f"height='{bar_height}' fill='{THIS_WEEK}'/>"
        )
        if bar.previous is not None:
            parts.append(
                f"<rect x='{label_width}' y='{y + bar_height + 3}' "
                f"width='{plot * bar.previous / peak:.1f}' height='4' fill='{PREVIOUS_WEEK}'/>"
            )
        parts.append(
            f"<text x='{label_width + length + 6:.1f}' y='{y + row_height * 0.6:.1f}'>"
            f"{escape(_number(bar.value))}</text>"
        )
    if legend:
        y = height - 8
        parts += [
            f"<rect x='{label_width}' y='{y - 9}' width='12' height='10' fill='{THIS_WEEK}'/>",
            f"<text x='{label_width + 16}' y='{y}'>this week</text>",
            f"<rect x='{label_width + 100}' y='{y - 6}' width='12' height='4' "
            f"fill='{PREVIOUS_WEEK}'/>",
            f"<text x='{label_width + 116}' y='{y}'>previous week</text>",
        ]
    parts.append("</svg>")
    return Markup("".join(parts))


def _number(value: float) -> str:
    return f"{value:g}"


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
