"""Running pantau where the machine fights back, for the robustness tests.

- ``file_size_cap(n)``: the child may not write any file past ``n`` bytes (RLIMIT_FSIZE, with
  SIGXFSZ ignored, so ``write()`` fails with EFBIG as it fails with ENOSPC on a full disk).
  Root is bound by it too, unlike by a full disk's reserved blocks.
- ``tmpfs(path, size)``: a small real file system, full for real (ENOSPC); root only.
- ``read_only(mechanism)``: a child that may not write a file whose mode says so. Tests run
  as root, which ignores file modes through CAP_DAC_OVERRIDE; the child is started without
  that capability (root's own files stay readable, so the interpreter under /root still
  runs, which a switch to ``nobody`` would not allow). ``immutable`` uses ``chattr +i``.
"""

from __future__ import annotations

import ctypes
import hashlib
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from functools import cache
from pathlib import Path

import duckdb
import pytest

from store import Store
from tests.robustness.sitegen import article_html
from tests.store.factories import TEXT, article, tags

Preexec = Callable[[], None]

_PR_CAPBSET_DROP = 24
_CAP_DAC_OVERRIDE = 1
# Loaded here, not in the forked child, where loading a library could wait on a lock held by
# another thread of the parent (the test web server's).
_LIBC = ctypes.CDLL(None, use_errno=True)


def run_pantau(
    *args: str,
    preexec: Preexec | None = None,
    env: dict[str, str] | None = None,
    stdout: int | None = subprocess.PIPE,
    cwd: Path | None = None,
) -> subprocess.CompletedProcess[str]:
    """``python -m pantau.cli ARGS`` in a child, optionally restricted by ``preexec``."""
    base = {k: v for k, v in os.environ.items() if k != "PANTAU_DB"}
    return subprocess.run(
        [sys.executable, "-m", "pantau.cli", *args],
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        env=base | (env or {}),
        cwd=cwd,
        preexec_fn=preexec,
        timeout=300,
    )


def assert_one_line_error(result: subprocess.CompletedProcess[str], *fragments: str) -> str:
    """The CONTRACT's failure shape: exactly one ``pantau: error:`` line, no traceback."""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr[-3000:]
    assert lines[0].startswith("pantau: error:"), lines[0]
    for fragment in fragments:
        assert fragment in lines[0], lines[0]
    return lines[0]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# -- a full disk --------------------------------------------------------------------------


def file_size_cap(limit: int) -> Preexec:
    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


@contextmanager
def tmpfs(path: Path, size: int) -> Iterator[Path]:
    """Mount a tmpfs of ``size`` bytes at ``path``; skip when mounting is not allowed."""
    path.mkdir(parents=True, exist_ok=True)
    mount = shutil.which("mount")
    if os.geteuid() != 0 or mount is None:
        pytest.skip("mounting a tmpfs needs root and mount(8)")
    done = subprocess.run(
        [mount, "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], check=True)


# -- a file the process may not write -----------------------------------------------------


def _drop_dac_override() -> None:
    # Dropped from the bounding set, the capability is not granted again at exec.
    if _LIBC.prctl(_PR_CAPBSET_DROP, _CAP_DAC_OVERRIDE, 0, 0, 0) != 0:
        os._exit(121)


@cache
def _mode_bits_bind() -> str | None:
    """None when a child started as ``read_only("mode")`` cannot write a 0444 file, else why."""
    with tempfile.TemporaryDirectory() as folder:
        probe = Path(folder) / "probe"
        probe.write_bytes(b"x")
        probe.chmod(0o444)
        done = subprocess.run(
            [sys.executable, "-c", "import sys; open(sys.argv[1], 'r+b')", str(probe)],
            preexec_fn=None if os.geteuid() != 0 else _drop_dac_override,
            capture_output=True,
            text=True,
        )
    if done.returncode == 121:
        return "cannot drop CAP_DAC_OVERRIDE (no CAP_SETPCAP)"
    if "PermissionError" not in done.stderr:
        return "a 0444 file stays writable for the child"
    return None


@contextmanager
def read_only(mechanism: str, *paths: Path) -> Iterator[Preexec | None]:
    """Make ``paths`` unwritable by ``mechanism`` ("mode" or "immutable") for the block;
    yields what to pass as ``preexec`` to ``run_pantau``."""
    if mechanism == "mode":
        why = _mode_bits_bind()
        if why:
            pytest.skip(why)
        modes = {p: p.stat().st_mode for p in paths}
        for p in paths:
            p.chmod(0o555 if p.is_dir() else 0o444)
        try:
            yield None if os.geteuid() != 0 else _drop_dac_override
        finally:
            for p, mode in modes.items():
                p.chmod(mode)
        return
    chattr = shutil.which("chattr")
    if chattr is None:
        pytest.skip("chattr(1) is not installed")
    done = subprocess.run([chattr, "+i", *map(str, paths)], capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"chattr +i is not possible here: {done.stderr.strip()}")
    try:
        yield None
    finally:
        subprocess.run([chattr, "-i", *map(str, paths)], check=True)


# -- databases ----------------------------------------------------------------------------


def filled_db(path: Path, count: int = 5) -> list[str]:
    """A database as a few crawls leave it: sources, pages with raw HTML, articles with tags.

    Returns the article URLs. The articles are the store's test factories, not what the
    HTML would extract to, so a reprocess that got through would visibly change them.
    """
    paths = [f"/2021/04/{n + 10:02d}/berita-{n}/" for n in range(count)]
    urls = [f"https://warta.example{p}" for p in paths]
    with Store(path) as store:
        for n, url in enumerate(urls):
            body = [f"{TEXT} Berita nomor {n}, bagian {k}." for k in range(6)]
            html = article_html(f"Berita {n}", paths[n], date(2021, 4, 10 + n), body)
            digest = store.record_page(url, "warta", 200, None, html, kind="article")
            a = article(url, title=f"Berita {n}")
            store.save_article(a, tags(a), pipeline_version="before", content_hash=digest)
    return urls


def articles(path: Path) -> list[tuple[object, ...]]:
    """Every article row, in a stable order, read without writing (a WAL left is replayed)."""
    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute("SELECT * FROM articles ORDER BY url").fetchall()


def orphans(path: Path) -> int:
    """Articles without their page row or raw HTML: the mark of a half-written batch."""
    with duckdb.connect(str(path), read_only=True) as con:
        row = con.execute(
            """
            SELECT count(*) FROM articles a
            LEFT JOIN pages p ON p.url = a.url
            LEFT JOIN raw_pages r ON r.content_hash = p.content_hash
            WHERE p.url IS NULL OR r.content_hash IS NULL
            """
        ).fetchone()
    return int(row[0]) if row else -1
