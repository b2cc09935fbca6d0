from __future__ import annotations

from pathlib import Path

import pytest

from tests.report.demo import demo_database


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return demo_database(tmp_path_factory)


@pytest.fixture(scope="session")
def hostile_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.report.hostile import build_hostile_db

    return build_hostile_db(tmp_path_factory.mktemp("hostile") / "hostile.duckdb")
