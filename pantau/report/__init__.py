"""The weekly summary report (``pantau report``): HTML, Markdown or PDF for one ISO week.

``load_report`` reads the week from the database with the SQL files of ``pantau/queries``;
the renderers turn that one ``WeeklyReport`` into each format, so the formats never disagree.
"""

from __future__ import annotations

import errno
from pathlib import Path

from core.errors import PantauError, UsageError
from pantau.report._data import WeeklyReport, load_report, previous_week, week_bounds

FORMATS = ("html", "md", "pdf")
_NO_SPACE = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG})

__all__ = [
    "FORMATS",
    "WeeklyReport",
    "load_report",
    "previous_week",
    "render",
    "week_bounds",
    "write_report",
]


def render(report: WeeklyReport, fmt: str) -> bytes:
    # Renderers are imported on demand: fpdf2 costs a noticeable share of a Markdown build.
    if fmt == "html":
        from pantau.report._html import render_html

        return render_html(report).encode("utf-8")
    if fmt == "md":
        from pantau.report._markdown import render_markdown

        return render_markdown(report).encode("utf-8")
    if fmt == "pdf":
        from pantau.report._pdf import render_pdf

        return render_pdf(report)
    raise UsageError(f"--format must be one of {', '.join(FORMATS)}, not {fmt!r}")


def write_report(db: Path, week: str, out_dir: Path, fmt: str = "md") -> Path:
    """Write ``pantau-<week>.<fmt>`` into ``out_dir`` (created if needed); return its path."""
    if fmt not in FORMATS:
        raise UsageError(f"--format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    body = render(load_report(db, week), fmt)
    path = out_dir / f"pantau-{week}.{fmt}"
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        path.write_bytes(body)
    except OSError as exc:
        message = f"cannot write the report to {out_dir}: {exc.strerror}"
        # A full disk is a failure of the work (exit 1), not of the command as given; the
        # truncated file would pass for a report.
        if exc.errno in _NO_SPACE:
            path.unlink(missing_ok=True)
            raise PantauError(message) from None
        raise UsageError(message) from None
    return path
