"""``Store``: the pipeline's one writer to a DuckDB file."""

from __future__ import annotations

import gc
import hashlib
import json
import zlib
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from types import TracebackType
from typing import Any, NamedTuple, Protocol, Self

import duckdb
import numpy as np

from core.errors import StoreError
from core.model import Article, Evidence, Tags
from core.sources import Source
from store import _sql
from store._db import LOCK_WAIT_SECONDS, connect, transaction, wrapped
from store._migrate import migrate

# Indonesian sites print publication times as WIB wall-clock time without an offset.
_WIB = timezone(timedelta(hours=7), "WIB")
_COMPRESSION = "zlib"
# Rows pulled per round trip while streaming raw pages; bounds memory during reprocess.
_FETCH_ROWS = 256


class PageState(NamedTuple):
    """What a conditional re-fetch of a URL needs from its previous fetch."""

    etag: str | None
    last_modified: str | None
    content_hash: str | None


class Fingerprint(Protocol):
    """What the store needs of a near-duplicate fingerprint (``extract.dedupe.Fingerprint``):
    LSH band keys to find candidates, the signature as fixed-width slots to confirm them,
    and the scheme that made it (fingerprints of different schemes never match)."""

    @property
    def scheme(self) -> str: ...

    @property
    def bands(self) -> tuple[int, ...]: ...

    def to_bytes(self) -> bytes: ...


class StoredPage(NamedTuple):
    """A stored article page as `pantau reprocess` reads it back."""

    url: str
    source: str
    html: str
    parts: list[str]


class Store:
    """One DuckDB file, migrated to the current schema when opened.

    Use as a context manager (or call ``close()``). Timestamps are stored as TIMESTAMPTZ:
    pass aware datetimes. A naive ``Article.published`` is read as WIB (the sites' clock); a
    naive ``fetched_at`` as this machine's local time, as Python itself reads naive datetimes.
    Timestamps read back are in WIB (the session time zone is Asia/Jakarta).
    """

    def __init__(self, path: str | Path, *, wait: float = LOCK_WAIT_SECONDS) -> None:
        self.path = Path(path)
        self._con = connect(self.path, read_only=False, wait=wait)
        try:
            with wrapped(f"cannot migrate {self.path}"):
                self.applied_migrations = migrate(self._con)
            with wrapped(f"cannot configure {self.path}"):
                self._con.execute(_sql.WRITER_CHECKPOINT)
        except BaseException:
            self._con.close()
            raise

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self._con.close()

    # -- sources and pages -------------------------------------------------------------

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Make every write inside the block one transaction: all of them land, or none.

        Each write method is atomic on its own; a crawl batch (pages, fingerprints,
        articles) must be atomic as a whole, or a kill between two writes would leave a
        page recorded, and so believed stored, without its article.
        """
        with wrapped("cannot write batch"), transaction(self._con):
            yield

    def upsert_sources(self, sources: Iterable[Source]) -> None:
        """Add new sources, update changed ones; ``first_seen`` survives updates."""
        # A batch upsert may not touch one row twice, so the last definition of a name wins.
        latest = {s.name: s for s in sources}
        if not latest:
            return
        rows = list(latest.values())
        with wrapped("cannot save sources"):
            self._con.execute(
                _sql.UPSERT_SOURCES,
                [[s.name for s in rows], [s.url for s in rows], [s.province for s in rows]],
            )

    def record_page(
        self,
        url: str,
        source: str,
        status: int,
        fetched_at: datetime | None,
        html: str | None,
        canonical_url: str | None = None,
        etag: str | None = None,
        last_modified: str | None = None,
        *,
        kind: str | None = None,
        requested_url: str | None = None,
        part_of: str | None = None,
        part_no: int | None = None,
    ) -> str | None:
        """Record a fetch of ``url``; keep ``html`` (if any) compressed, once per content.

        ``fetched_at`` None means now (``core.model.Page`` leaves it optional). Returns the
        content hash (sha256 hex of the UTF-8 HTML), or None without HTML. ``part_of`` and
        ``part_no`` mark a later page (2, 3, ...) of the multi-page article at ``part_of``.
        """
        content_hash = None
        with wrapped(f"cannot record page {url}"), transaction(self._con):
            if html is not None:
                raw = html.encode("utf-8")
                content_hash = hashlib.sha256(raw).hexdigest()
                # Compressing is the costly part, and unchanged pages are the common case.
                if not self._con.execute(_sql.HAS_RAW_PAGE, [content_hash]).fetchone():
                    self._con.execute(
                        _sql.INSERT_RAW_PAGE,
                        [content_hash, _COMPRESSION, zlib.compress(raw), len(raw)],
                    )
            self._con.execute(
                _sql.UPSERT_PAGE,
                {
                    "url": url,
                    "source": source,
                    "status": status,
                    "fetched_at": _machine_time(fetched_at),
                    "content_hash": content_hash,
                    "canonical_url": canonical_url,
                    "etag": etag,
                    "last_modified": last_modified,
                    "kind": kind,
                    "requested_url": requested_url,
                    "part_of": part_of,
                    "part_no": part_no,
                },
            )
        return content_hash

    def has_page(self, url: str) -> bool:
        with wrapped("cannot read pages"):
            return self._con.execute(_sql.HAS_PAGE, [url]).fetchone() is not None

    def page_state(self, url: str) -> PageState | None:
        with wrapped("cannot read pages"):
            row = self._con.execute(_sql.PAGE_STATE, [url]).fetchone()
        return PageState(*row) if row else None

    def page_states(self) -> dict[str, PageState]:
        """``page_state`` of every page fetched by a cleanly finished run of its source, read
        at once for a crawl's snapshot (see ``_sql.PAGE_STATES`` for why clean runs only)."""
        with wrapped("cannot read pages"):
            rows = self._con.execute(_sql.PAGE_STATES).fetchall()
        return {url: PageState(etag, modified, digest) for url, etag, modified, digest in rows}

    def raw_pages(self) -> Iterator[StoredPage]:
        """Every page with stored HTML, by URL, for reprocessing; later pages of a
        multi-page article come in ``parts``, not as pages of their own.

        Streams from a cursor of its own so the caller may save articles while iterating.
        """
        with wrapped("cannot read raw pages"):
            parts: dict[str, list[str]] = {}
            for part_of, compression, body in self._con.execute(_sql.STORED_PARTS).fetchall():
                parts.setdefault(part_of, []).append(_decompress(compression, body, part_of))
            cursor = self._con.cursor()
        try:
            with wrapped("cannot read raw pages"):
                cursor.execute(_sql.STORED_PAGES)
            while True:
                with wrapped("cannot read raw pages"):
                    rows = cursor.fetchmany(_FETCH_ROWS)
                if not rows:
                    return
                for url, source, compression, body in rows:
                    html = _decompress(compression, body, url)
                    yield StoredPage(url, source, html, parts.get(url, []))
        finally:
            cursor.close()

    # -- articles ----------------------------------------------------------------------

    def save_article(
        self,
        article: Article,
        tags: Tags,
        *,
        pipeline_version: str,
        content_hash: str | None = None,
    ) -> bool:
        """Store ``article`` with ``tags``, replacing any earlier version and all its tags.

        Returns True if the article was not stored before.
        """
        return self.save_articles([(article, tags, content_hash)], pipeline_version) == 1

    def save_articles(
        self, batch: Iterable[tuple[Article, Tags, str | None]], pipeline_version: str
    ) -> int:
        """Store a batch of (article, tags, content_hash) in one transaction.

        Each article replaces its earlier version and all of that version's tag rows; within
        the batch the last entry for an id wins. Returns how many articles are new.
        """
        latest: dict[str, tuple[Article, Tags, str | None]] = {}
        for article, tags, content_hash in batch:
            if tags.id != article.id:
                raise StoreError(f"tags for {tags.id} given with article {article.id}")
            latest[article.id] = (article, tags, content_hash)
        if not latest:
            return 0
        ids = list(latest)
        with _gc_paused(), wrapped("cannot save articles"), transaction(self._con):
            rows = self._con.execute(_sql.PREVIOUS_VERSIONS, [ids]).fetchall()
            # stored_at keeps the first store time, so reprocessing does not move undated
            # articles into another week of weekly_coverage; a replacement saved without a
            # content hash (reprocess does not know it) keeps the one it had.
            stored_at: dict[str, datetime] = {r[0]: r[1] for r in rows}
            old_hash: dict[str, str | None] = {r[0]: r[2] for r in rows}
            # Each statement costs about a millisecond whatever its size: new articles, the
            # common case when crawling, skip the deletes.
            if stored_at:
                for statement in _sql.DELETE_ARTICLES:
                    self._con.execute(statement, [list(stored_at)])
            now = datetime.now(UTC)
            self._insert_batch(
                _sql.INSERT_ARTICLES,
                [
                    (
                        a.id,
                        a.url,
                        a.source,
                        a.title,
                        a.text,
                        _published(a.published),
                        a.author,
                        a.editor,
                        a.dateline,
                        a.site,
                        a.lang,
                        t.relevant,
                        t.relevance,
                        a.dup_of,
                        pipeline_version,
                        h or old_hash.get(a.id),
                        stored_at.get(a.id, now),
                    )
                    for a, t, h in latest.values()
                ],
            )
            tags = [t for _, t, _ in latest.values()]
            self._insert_batch(
                _sql.INSERT_ARTICLE_REGIONS,
                [row for t in tags for row in _region_rows(t)],
            )
            self._insert_batch(
                _sql.INSERT_OFFICIALS,
                [
                    (t.id, o.name, o.role, o.region_code, o.mentions, *_ev(o.evidence), o.acting)
                    for t in tags
                    for o in t.officials
                ],
            )
            self._insert_batch(
                _sql.INSERT_SCORES,
                [
                    (
                        t.id,
                        s.subject_code,
                        s.subject,
                        s.value,
                        s.year,
                        s.zone,
                        s.rank,
                        s.kind,
                        *_ev(s.evidence),
                    )
                    for t in tags
                    for s in t.scores
                ],
            )
            self._insert_batch(
                _sql.INSERT_EVENTS,
                [
                    (t.id, e.type, e.date, e.region_code, *_ev(e.evidence))
                    for t in tags
                    for e in t.events
                ],
            )
            self._insert_batch(
                _sql.INSERT_LAWS,
                [(t.id, law.law, *_ev(law.evidence)) for t in tags for law in t.laws],
            )
        return len(ids) - len(stored_at)

    def known_article_urls(self) -> set[str]:
        with wrapped("cannot read articles"):
            return {url for (url,) in self._con.execute(_sql.KNOWN_ARTICLE_URLS).fetchall()}

    # -- crawl runs --------------------------------------------------------------------

    def start_run(self, source: str | None) -> int:
        """Open a crawl run (``source`` None: all sources); returns its id for finish_run."""
        with wrapped("cannot start crawl run"):
            row = self._con.execute(_sql.START_RUN, [source]).fetchone()
        if row is None:
            raise StoreError("cannot start crawl run: no run id returned")
        return int(row[0])

    def finish_run(
        self,
        run_id: int,
        *,
        pages_fetched: int = 0,
        new_articles: int = 0,
        extraction_failures: int = 0,
        errors: Sequence[Any] = (),
        status: str = "ok",
        broken_reason: str | None = None,
    ) -> None:
        """Close a crawl run with its totals; ``errors`` is stored as a JSON array."""
        with wrapped(f"cannot finish crawl run {run_id}"):
            row = self._con.execute(
                _sql.FINISH_RUN,
                [
                    pages_fetched,
                    new_articles,
                    extraction_failures,
                    json.dumps(list(errors), default=str, ensure_ascii=False),
                    status,
                    broken_reason,
                    broken_reason,
                    run_id,
                ],
            ).fetchone()
        if row is None:
            raise StoreError(f"no crawl run {run_id}")

    def recent_runs(self, source: str, limit: int) -> list[tuple[int, int, int]]:
        """(pages, new articles, extraction failures) of the source's last finished runs."""
        with wrapped("cannot read crawl runs"):
            rows = self._con.execute(_sql.RECENT_RUNS, [source, limit]).fetchall()
        return [(int(a), int(b), int(c)) for a, b, c in rows]

    def last_finished_run(self, source: str) -> datetime | None:
        """When the latest finished crawl of ``source`` started, for incremental discovery."""
        with wrapped("cannot read crawl runs"):
            row = self._con.execute(_sql.LAST_FINISHED_RUN, [source]).fetchone()
        return row[0] if row else None

    # -- near duplicates ---------------------------------------------------------------

    def near_duplicate_of(
        self, article_id: str, fingerprint: Fingerprint, *, min_similarity: float
    ) -> str | None:
        """The first stored copy that ``fingerprint`` nearly duplicates, or None; reads only.

        Only copies seen before ``article_id`` count (so an article is never a duplicate of
        itself or of a later copy); the answer is the root of the chain, never a duplicate.
        """
        with wrapped("cannot look up near duplicates"):
            seen = self._first_seen([article_id]).get(article_id)
            return self._earliest_copy(article_id, fingerprint, seen, {}, min_similarity)

    def resolve_near_duplicates(
        self, entries: Sequence[tuple[str, Fingerprint]], *, min_similarity: float
    ) -> dict[str, str | None]:
        """Record the fingerprints of a batch and return each article id's ``dup_of``.

        Call it just before ``save_articles`` of the same batch, on the same open store, and
        copy the answers into ``Article.dup_of``: within the batch, earlier entries count as
        stored. "First" is by the time an article was first fingerprinted (or stored), which
        reprocessing keeps, so re-saving never makes an article a duplicate of itself or of
        a later copy. Within the batch the last entry for an id wins. One transaction.
        """
        latest = dict(entries)
        if not latest:
            return {}
        ids = list(latest)
        with wrapped("cannot record near duplicates"), transaction(self._con):
            known = self._first_seen(ids)
            base = datetime.now(UTC)
            # New articles come after every stored one, in batch order (a microsecond apart,
            # so the order survives a round trip through TIMESTAMPTZ).
            seen = {a: known.get(a) or base + timedelta(microseconds=n) for n, a in enumerate(ids)}
            done: dict[str, tuple[Fingerprint, str | None, datetime]] = {}
            for article_id in sorted(ids, key=lambda a: (seen[a], a)):
                fingerprint = latest[article_id]
                dup_of = self._earliest_copy(
                    article_id, fingerprint, seen[article_id], done, min_similarity
                )
                done[article_id] = (fingerprint, dup_of, seen[article_id])
            self._con.execute(
                _sql.UPSERT_FINGERPRINTS,
                [
                    ids,
                    [latest[a].scheme for a in ids],
                    [latest[a].to_bytes() for a in ids],
                    [done[a][1] for a in ids],
                    [seen[a] for a in ids],
                ],
            )
            self._con.execute(_sql.DELETE_FINGERPRINT_BANDS, [ids])
            self._insert(
                _sql.INSERT_FINGERPRINT_BANDS,
                [(key, a) for a in ids for key in latest[a].bands],
            )
        return {a: done[a][1] for a in ids}

    # -- inspection --------------------------------------------------------------------

    def query(
        self, sql: str, params: Sequence[Any] = ()
    ) -> tuple[list[str], list[tuple[Any, ...]]]:
        """Run one statement (reads and writes alike); return (column names, rows)."""
        with wrapped("SQL error"):
            cursor = self._con.execute(sql, list(params))
            columns = [d[0] for d in cursor.description or ()]
            return columns, cursor.fetchall() if columns else []

    def counts(self) -> dict[str, int]:
        """Rows per table, for progress lines and `pantau demo`'s summary."""
        with wrapped("cannot count rows"):
            return dict(self._con.execute(_sql.COUNTS).fetchall())

    # -- internals ---------------------------------------------------------------------

    def _first_seen(self, ids: list[str]) -> dict[str, datetime]:
        rows = self._con.execute(_sql.FIRST_SEEN, [ids]).fetchall()
        return {a: when for a, when in rows if when is not None}

    def _earliest_copy(
        self,
        article_id: str,
        fingerprint: Fingerprint,
        seen: datetime | None,
        batch: dict[str, tuple[Fingerprint, str | None, datetime]],
        min_similarity: float,
    ) -> str | None:
        """Root of the earliest earlier copy among stored articles and ``batch`` (id ->
        fingerprint, dup_of, first seen); stored rows of ids in ``batch`` are superseded."""
        mine = fingerprint.to_bytes()
        found: list[tuple[datetime, str, str | None]] = []
        rows = self._con.execute(
            _sql.NEAR_DUPLICATE_CANDIDATES, [fingerprint.scheme, list(fingerprint.bands)]
        ).fetchall()
        for other, signature, dup_of, first_seen in rows:
            if (
                other != article_id
                and other not in batch
                and _similarity(mine, signature) >= min_similarity
            ):
                found.append((first_seen, other, dup_of))
        bands = set(fingerprint.bands)
        for other, (theirs, dup_of, first_seen) in batch.items():
            if (
                other != article_id
                and theirs.scheme == fingerprint.scheme
                and bands.intersection(theirs.bands)
                and _similarity(mine, theirs.to_bytes()) >= min_similarity
            ):
                found.append((first_seen, other, dup_of))
        earlier = [f for f in found if seen is None or (f[0], f[1]) < (seen, article_id)]
        if not earlier:
            return None
        _, first, its_original = min(earlier, key=lambda f: (f[0], f[1]))
        # Point at the root, so every copy of a release names the same original.
        root = its_original or first
        return root if root != article_id else first

    def _insert(self, statement: str, rows: list[tuple[Any, ...]]) -> None:
        """Bind ``rows`` column-wise to an ``unnest`` insert (see ``_sql``)."""
        if rows:
            self._con.execute(statement, [list(column) for column in zip(*rows, strict=True)])

    def _insert_batch(self, insert: _sql.BatchInsert, rows: list[tuple[Any, ...]]) -> None:
        """Insert ``rows`` (tuples in ``insert.columns`` order) through a registered batch
        of NumPy object columns, which DuckDB scans without converting value by value."""
        if not rows:
            return
        batch = {
            name: np.fromiter(column, dtype=object, count=len(rows))
            for name, column in zip(insert.names, zip(*rows, strict=True), strict=True)
        }
        self._con.register(_sql.BATCH_RELATION, batch)
        try:
            self._con.execute(insert.sql)
        finally:
            # Once a statement has failed the transaction is aborted and even unregistering
            # fails; that error would hide the real one, and the next batch replaces the view.
            with suppress(duckdb.Error):
                self._con.unregister(_sql.BATCH_RELATION)


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Hold Python's cycle collector while a batch is turned into rows.

    The rows are tuples of strings and numbers, which form no cycles, yet allocating a
    hundred thousand of them set off collections that walked every live object (the batch's
    articles and tags among them) again and again: about a third of the time of saving
    10,000 articles. Collection resumes, as it was, when the block ends.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _region_rows(tags: Tags) -> list[tuple[Any, ...]]:
    """One row per region of an article (the coverage views count on it): a region listed
    twice, which the tagger never does but a caller might, adds its mentions to the first."""
    rows: dict[str, list[Any]] = {}
    for r in tags.regions:
        if r.code in rows:
            rows[r.code][2] += r.mentions
        else:
            rows[r.code] = [tags.id, r.code, r.mentions, *_ev(r.evidence)]
    return [tuple(row) for row in rows.values()]


def _ev(evidence: Evidence | None) -> tuple[int | None, int | None, str | None]:
    if evidence is None:
        return (None, None, None)
    return (evidence.start, evidence.end, evidence.quote)


def _published(value: datetime | None) -> datetime | None:
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=_WIB)


def _machine_time(value: datetime | None) -> datetime:
    if value is None:
        return datetime.now(UTC)
    # astimezone() on a naive datetime reads it as local time, which is what datetime.now() gave.
    return value if value.tzinfo is not None else value.astimezone()


def _similarity(a: bytes, b: bytes) -> float:
    """Share of equal 32-bit slots of two MinHash signatures: their estimated Jaccard
    similarity. Slots are compared as raw bytes, so byte order does not matter."""
    if len(a) != len(b) or not a or len(a) % 4:
        return 0.0
    mine, theirs = memoryview(a).cast("I"), memoryview(b).cast("I")
    return sum(x == y for x, y in zip(mine, theirs, strict=True)) / len(mine)


def _decompress(compression: str, body: bytes, url: str) -> str:
    if compression != _COMPRESSION:
        raise StoreError(f"raw page of {url} uses unknown compression {compression!r}")
    return zlib.decompress(body).decode("utf-8")
