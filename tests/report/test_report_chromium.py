"""The HTML report as a person sees it: rendered by headless Chromium to a PNG that is not
blank. Chromium comes from Debian (`.ci/run` installs it); without it the test is skipped."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from pantau.report import write_report

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(
    CHROMIUM is None,
    reason="headless Chromium not installed (Debian: apt-get install chromium; CI installs it)",
)
def test_html_report_renders_in_headless_chromium(demo_db: Path, tmp_path: Path) -> None:
    assert CHROMIUM is not None
    page = write_report(demo_db, "2021-W24", tmp_path, "html")
    png = tmp_path / "report.png"
    subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            f"--user-data-dir={tmp_path / 'profile'}",
            f"--screenshot={png}",
            "--window-size=1200,2000",
            page.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    with Image.open(png) as image:
        assert image.size == (1200, 2000)
        colours = image.convert("RGB").getcolors(maxcolors=1 << 20) or []
    # A blank or error page has a handful of colours; text, bars and zone fills give hundreds.
    assert len(colours) > 50
    # The chart bars are drawn: the bar colour covers a visible area.
    bar = dict((rgb, count) for count, rgb in colours).get((0x1F, 0x6F, 0x8B), 0)
    assert bar > 2000
