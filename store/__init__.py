"""Pantau's DuckDB store: the schema (``migrations/``, ``views/``) and its one writer.

- ``Store(path)``: open (creating and migrating as needed) a database for the pipeline.
- ``query_readonly(path, sql, params)``: what ``pantau sql`` runs; refuses any write.
- ``is_read_only_sql(sql)``: the check ``query_readonly`` applies, for callers that want to
  refuse early (the interactive prompt).
"""

from store._readonly import is_read_only_sql, query_readonly
from store._store import PageState, Store, StoredPage

__all__ = ["PageState", "Store", "StoredPage", "is_read_only_sql", "query_readonly"]
