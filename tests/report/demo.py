"""The demo database (`pantau demo`: the bundled site through the real pipeline), built once
per test session and shared by tests/report, tests/notebooks and tests/store/test_store_checks.

A module-level cache rather than a fixture in one conftest: fixtures do not cross sibling
test directories, and building the database twice would double the slowest step.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import pantau

_built: dict[str, Path] = {}


def demo_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Path of the session's demo database; tests must only read it (copy it to write)."""
    if "db" not in _built:
        work = tmp_path_factory.mktemp("demo")
        result = pantau("demo", cwd=work)
        assert result.returncode == 0, result.stderr
        _built["db"] = work / "pantau-demo.duckdb"
    return _built["db"]
