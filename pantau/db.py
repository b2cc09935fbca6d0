"""``pantau db``: the schema migrations of a database and the data checks of ``store/checks``.

A check is a dbt-style data test: a SQL file whose query returns the offending rows, so zero
rows is a pass. Checks run read-only, so they are safe while a crawl writes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from importlib import resources
from pathlib import Path
from typing import Any

from core.errors import StoreError
from store import query_readonly
from store._migrate import migrations

# Offending rows shown per failed check: enough to find the culprits, short enough to read.
SAMPLE_ROWS = 5


@dataclass(frozen=True, slots=True)
class MigrationState:
    version: int
    name: str
    applied_at: datetime | None  # None: pending, applied by the next writer (`pantau run`)


@dataclass(frozen=True, slots=True)
class Check:
    name: str
    description: str
    sql: str


@dataclass(frozen=True, slots=True)
class CheckResult:
    check: Check
    failures: int
    columns: list[str]
    sample: list[tuple[Any, ...]]
    error: str | None = None  # the check itself could not run (schema too old, ...)

    @property
    def passed(self) -> bool:
        return self.error is None and self.failures == 0


def migration_states(db: Path) -> list[MigrationState]:
    """Every migration this pantau knows, applied or pending, plus any unknown applied ones."""
    _, rows = query_readonly(
        db, "SELECT version, name, applied_at FROM schema_migrations ORDER BY version"
    )
    applied = {version: (name, at) for version, name, at in rows}
    states = [
        MigrationState(m.version, m.name, applied.get(m.version, (None, None))[1])
        for m in migrations()
    ]
    known = {m.version for m in migrations()}
    states += [
        MigrationState(version, name, at)
        for version, (name, at) in applied.items()
        if version not in known
    ]
    return sorted(states, key=lambda s: s.version)


def checks() -> list[Check]:
    """The packaged checks, by name; the leading ``--`` comment says what each one asserts."""
    found = []
    for entry in resources.files("store").joinpath("checks").iterdir():
        if not entry.name.endswith(".sql"):
            continue
        sql = entry.read_text(encoding="utf-8")
        comment = []
        for line in sql.splitlines():
            if not line.startswith("--"):
                break
            comment.append(line.removeprefix("--").strip())
        found.append(Check(entry.name.removesuffix(".sql"), " ".join(comment), sql))
    return sorted(found, key=lambda c: c.name)


def run_checks(db: Path) -> list[CheckResult]:
    results = []
    for check in checks():
        try:
            columns, rows = query_readonly(db, check.sql)
        except StoreError as exc:
            results.append(CheckResult(check, 0, [], [], error=str(exc)))
            continue
        results.append(CheckResult(check, len(rows), columns, rows[:SAMPLE_ROWS]))
    return results
