"""``pantau sql``: read-only queries, printed as a table, CSV or JSON, or typed at a prompt."""

from __future__ import annotations

import csv
import json
import sys
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from core.errors import PantauError
from store import query_readonly

HISTORY = Path.home() / ".pantau_sql_history"


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return value


def print_result(db: Path, query: str, fmt: str, console: Console) -> None:
    columns, rows = query_readonly(db, query)
    if fmt == "json":
        for row in rows:
            record = {c: _plain(v) for c, v in zip(columns, row, strict=True)}
            sys.stdout.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
    elif fmt == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        writer.writerows([[_plain(v) for v in row] for row in rows])
    else:
        table = Table(*columns, show_lines=False)
        for row in rows:
            table.add_row(*("" if v is None else str(_plain(v)) for v in row))
        console.print(table)
        console.print(f"{len(rows)} row{'s' if len(rows) != 1 else ''}")


def interactive(db: Path, fmt: str, console: Console) -> None:
    """A prompt with line editing and history (readline); an empty line or Ctrl-D ends it."""
    try:
        import readline
    except ImportError:
        readline = None  # type: ignore[assignment]
    if readline is not None and HISTORY.exists():
        readline.read_history_file(HISTORY)
    console.print(f"pantau sql on {db} (read-only). End a query with ';'. Ctrl-D quits.")
    buffer: list[str] = []
    try:
        while True:
            try:
                line = input("...> " if buffer else "sql> ")
            except EOFError:
                console.print()
                break
            buffer.append(line)
            if not line.rstrip().endswith(";"):
                continue
            query = "\n".join(buffer)
            buffer = []
            try:
                print_result(db, query, fmt, console)
            except PantauError as exc:
                console.print(f"error: {exc}", markup=False)
    finally:
        if readline is not None:
            readline.write_history_file(HISTORY)
