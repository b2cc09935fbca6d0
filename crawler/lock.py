"""One crawl per database at a time: an advisory lock file beside the DuckDB file.

``flock`` locks die with their process, so a run killed with ``kill -9`` leaves
no stale lock behind for the next cron tick.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from core.errors import LockHeld


@contextmanager
def crawl_lock(db: str | Path) -> Iterator[Path]:
    path = Path(f"{db}.lock")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "?"
            raise LockHeld(
                f"another run is using {db} (lock {path} held by process {holder})"
            ) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        yield path
    finally:
        os.close(fd)
