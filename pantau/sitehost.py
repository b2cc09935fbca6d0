"""Serve a directory of static web pages on 127.0.0.1, for tests and the offline demo.

Why: the crawler must be exercised against whole web sites (home page, feeds, sitemaps,
pagination, traps) without touching the internet. `SiteHost` serves a folder as a site on an
ephemeral port and records every request, so tests can assert on what the crawler fetched.

URL -> file mapping (first existing candidate wins; names starting with `_` or `.` are hidden):

- `/a/b/`      -> `a/b/index.html`, `a/b/index.xml`, `a/b/index.rss`, `a/b/index.atom`
- `/a/b.xml`   -> `a/b.xml` (any file, served as is)
- `/a/b`       -> `a/b`, then `a/b.html` (clean URLs); else a folder `a/b/` answers 301 -> `/a/b/`
- `?query`     -> for a candidate `dir/stem.ext`, first `dir/stem__QUERY.ext`, where QUERY is the
  query's parameters percent-decoded, sorted, joined as `k=v&k=v`, with every character outside
  `A-Z a-z 0-9 . _ = & -` replaced by `_` (`/?page=2` -> `index__page=2.html`;
  `/search?updated-max=2021-05-03T15:20:00%2B07:00&max-results=3` ->
  `search__max-results=3&updated-max=2021-05-03T15_20_00_07_00.html`), so the order and
  escaping of parameters do not matter; otherwise the query is ignored (`?utm_source=x`).
- missing      -> 404, with the site's `404.html` as body when it exists.

Text files (.html .xml .rss .atom .txt .json .css .js) have every `{{BASE}}` replaced by the base
URL without trailing slash, so fixture sites can hold absolute links, sitemaps and feeds. The
substitution works on bytes, so files in any ASCII-compatible encoding are served unchanged.
Every file answer carries an ETag and Last-Modified and honours If-None-Match and
If-Modified-Since with 304, as real servers do for incremental crawls.

Optional `_routes.toml` in the site root adds behaviour for crawler trap tests. `path` is a
shell-style glob on the URL path (or the exact path with query):

    [[redirect]]            # from -> to, chains allowed
    from = "/old/"
    to = "/new/"            # root-relative or absolute; {{BASE}} allowed, and {{PATH}}
    status = 301            # (the requested path), which makes endless chains from a glob
    [[status]]              # answer `code` (with fail_times: only the first N requests)
    path = "/broken/"
    code = 500
    fail_times = 2
    headers = { "Retry-After" = "1" }   # optional, sent with the error
    [[slow]]                # sleep before answering
    path = "/slow/"
    seconds = 1.5
    [[headers]]             # extra headers; `charset` rewrites the Content-Type charset;
    path = "/cp1252/"       # `last_modified` (HTTP date) replaces the file's mtime
    charset = "windows-1252"
    headers = { "X-Note" = "legacy" }
    [[rewrite]]             # serve `file` for `path`, optionally with a content type
    path = "/feeds/posts/default"
    file = "feeds/posts/default.atom"
    content_type = "application/atom+xml; charset=utf-8"
    [[calendar]]            # endless generated pages: ?PARAM=YYYY-MM, links to prev/next month
    path = "/kalender/"
    param = "bulan"
    start = "2021-05"       # month when the parameter is absent
    template = "_templates/kalender.html"   # {{MONTH}} {{PREV}} {{NEXT}} {{BASE}}
    [[generate]]            # endless generated pages: a template for every matching path
    path = "/arsip/*"
    template = "_templates/arsip.html"   # {{PATH}} the requested path, {{DEPTH}} its number
    param = "page"          # of segments, {{N}} the integer `param` (1 when absent), {{NEXT}}
                            # N + 1, {{BASE}}; a non-integer `param` answers 404

Pre-compressed bodies (decompression bombs) are served by a `[[rewrite]]` to the compressed
file plus a `[[headers]]` rule adding `Content-Encoding`; the body is sent as stored.
"""

from __future__ import annotations

import argparse
import email.utils
import fnmatch
import hashlib
import re
import sys
import threading
import time
import tomllib
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, NamedTuple, Self
from urllib.parse import parse_qsl, unquote, urlsplit

__all__ = ["Request", "SiteHost", "main"]

TEXT_TYPES = {  # files that get the {{BASE}} substitution
    ".html": "text/html; charset=utf-8",
    ".htm": "text/html; charset=utf-8",
    ".xml": "application/xml",
    ".rss": "application/rss+xml",
    ".atom": "application/atom+xml",
    ".txt": "text/plain; charset=utf-8",
    ".json": "application/json",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
}
CONTENT_TYPES = TEXT_TYPES | {
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".gz": "application/gzip",
}
INDEX_FILES = ("index.html", "index.xml", "index.rss", "index.atom")
_UNSAFE_QUERY_CHARS = re.compile(r"[^A-Za-z0-9._=&-]")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_NAME_MAX = 255  # bytes in one file name on Linux and macOS file systems
SLASH = "/"  # resolve() answer: redirect to the same path with a trailing slash


class Request(NamedTuple):
    """One answered request, as logged: a plain tuple so tests can unpack it."""

    method: str
    path: str  # path with query, as sent by the client
    status: int
    headers: dict[str, str]


def query_filename(stem: str, query: str, suffix: str) -> str:
    """The file name that holds the variant of `stem+suffix` for a query string.

    Parameters are decoded and sorted so that a crawler's URL canonicalisation (which may
    reorder or re-escape them) still reaches the same file.
    """
    params = sorted(parse_qsl(query, keep_blank_values=True))
    flat = "&".join(f"{key}={value}" for key, value in params) or query
    return f"{stem}__{_UNSAFE_QUERY_CHARS.sub('_', flat)}{suffix}"


class SiteHost:
    """A threaded HTTP server for one site folder; use as a context manager.

    `url` is "http://127.0.0.1:PORT/"; `requests` is a snapshot of the request log.
    """

    def __init__(
        self,
        root: Path | str,
        host: str = "127.0.0.1",
        port: int = 0,
        base_url_placeholder: str = "{{BASE}}",
    ) -> None:
        self.root = Path(root).resolve()
        if not self.root.is_dir():
            raise FileNotFoundError(f"site folder not found: {self.root}")
        self.host = host
        self.port = port
        self.placeholder = base_url_placeholder.encode()
        routes_file = self.root / "_routes.toml"
        self.routes: dict[str, list[dict[str, Any]]] = (
            tomllib.loads(routes_file.read_text(encoding="utf-8")) if routes_file.exists() else {}
        )
        self._lock = threading.Lock()
        self._log: list[Request] = []
        self._hits: dict[int, int] = {}  # id(status rule) -> times answered with its code
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle ------------------------------------------------------------------------
    def start(self) -> Self:
        """Bind (port 0 picks a free port) and serve in a daemon thread."""
        if self._server is None:
            self._server = _Server((self.host, self.port), _Handler)
            self._server.site = self
            self.port = self._server.server_address[1]
            self._thread = threading.Thread(
                target=self._server.serve_forever,
                kwargs={"poll_interval": 0.05},
                name=f"sitehost-{self.port}",
                daemon=True,
            )
            self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and release the port."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- request log ----------------------------------------------------------------------
    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}/"

    @property
    def base(self) -> str:
        """The value substituted for the placeholder: the URL without trailing slash."""
        return self.url.rstrip("/")

    @property
    def requests(self) -> list[Request]:
        """A copy of the request log, oldest first (thread-safe)."""
        with self._lock:
            return list(self._log)

    @property
    def paths(self) -> list[str]:
        """Just the requested paths (with query), oldest first."""
        return [r.path for r in self.requests]

    def clear_requests(self) -> None:
        with self._lock:
            self._log.clear()

    def _record(self, request: Request) -> None:
        with self._lock:
            self._log.append(request)

    # -- routing --------------------------------------------------------------------------
    def rules(self, kind: str, path: str, target: str) -> Iterator[dict[str, Any]]:
        """The `_routes.toml` rules of one kind that match a request."""
        for rule in self.routes.get(kind, []):
            pattern = rule.get("path", rule.get("from", ""))
            if pattern == target or fnmatch.fnmatchcase(path, pattern):
                yield rule

    def take_failure(self, rule: dict[str, Any]) -> bool:
        """True while a status rule should still answer with its code."""
        limit = rule.get("fail_times")
        with self._lock:
            count = self._hits.get(id(rule), 0)
            if limit is not None and count >= limit:
                return False
            self._hits[id(rule)] = count + 1
            return True

    def resolve(self, path: str, query: str) -> Path | str | None:
        """Map a URL path to a file; SLASH for a folder asked without its trailing '/'."""
        parts = [p for p in path.split("/") if p]
        if any(p in {".", ".."} or p[0] in "_." or "\0" in p for p in parts):
            return None
        if any(len(p.encode()) > _NAME_MAX for p in parts):
            return None  # no file can have such a name; asking the OS would raise
        target = self.root.joinpath(*parts)
        if path.endswith("/") or not parts:
            candidates = [target / name for name in INDEX_FILES]
        else:  # a file wins over a folder of the same name: /berita (berita.html), /berita/1/x
            candidates = [target, target.with_name(target.name + ".html")]
        for candidate in candidates:
            if query:
                variant = candidate.with_name(
                    query_filename(candidate.stem, query, candidate.suffix)
                )
                if variant.is_file():
                    return variant
            if candidate.is_file():
                return candidate
        if target.is_dir() and any((target / name).is_file() for name in INDEX_FILES):
            return SLASH
        return None

    def render(self, data: bytes, suffix: str) -> bytes:
        if suffix in TEXT_TYPES:
            return data.replace(self.placeholder, self.base.encode())
        return data

    def calendar_page(self, rule: dict[str, Any], query: str) -> bytes | None:
        """A generated month page for an endless calendar trap, or None for a bad month."""
        params = dict(parse_qsl(query))
        match = _MONTH.match(params.get(rule.get("param", "bulan"), rule.get("start", "2021-01")))
        if not match:
            return None
        year, month = int(match[1]), int(match[2])
        if not 1 <= month <= 12:
            return None
        prev_y, prev_m = (year, month - 1) if month > 1 else (year - 1, 12)
        next_y, next_m = (year, month + 1) if month < 12 else (year + 1, 1)
        html = (self.root / rule["template"]).read_bytes()
        for key, value in (
            ("MONTH", f"{year:04d}-{month:02d}"),
            ("PREV", f"{prev_y:04d}-{prev_m:02d}"),
            ("NEXT", f"{next_y:04d}-{next_m:02d}"),
        ):
            html = html.replace(b"{{%s}}" % key.encode(), value.encode())
        return self.render(html, ".html")

    def made_page(
        self, path: str, raw_path: str, query: str, target: str
    ) -> tuple[bytes | None, Path] | None:
        """``(page or None for 404, template)`` when a calendar or generate rule matches."""
        for rule in self.rules("calendar", path, target):
            return self.calendar_page(rule, query), self.root / rule["template"]
        for rule in self.rules("generate", path, target):
            return self.generated_page(rule, raw_path, query), self.root / rule["template"]
        return None

    def generated_page(self, rule: dict[str, Any], path: str, query: str) -> bytes | None:
        """A page of an endless generated trap, or None when its parameter is not an integer."""
        raw = dict(parse_qsl(query)).get(rule.get("param", "page"), "1")
        if not raw.isdigit():
            return None
        html = (self.root / rule["template"]).read_bytes()
        for key, value in (
            ("PATH", path),
            ("DEPTH", str(len([p for p in path.split("/") if p]))),
            ("N", raw),
            ("NEXT", str(int(raw) + 1)),
        ):
            html = html.replace(b"{{%s}}" % key.encode(), value.encode())
        return self.render(html, ".html")


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    site: SiteHost

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Crawlers drop connections mid-answer (timeouts, cancelled requests): not an error."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    """Answers GET and HEAD from the site folder; logs each answer to the SiteHost."""

    server: _Server
    protocol_version = "HTTP/1.1"
    server_version = "PantauSiteHost/1.0"

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        """Record every answer (also stdlib error answers to malformed requests)."""
        headers = dict(self.headers.items()) if getattr(self, "headers", None) else {}
        status = int(code) if code != "-" else 0
        self.server.site._record(Request(self.command or "-", self.path, status, headers))

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the request log is in `SiteHost.requests`."""

    def do_HEAD(self) -> None:
        self._answer(body=False)

    def do_GET(self) -> None:
        self._answer(body=True)

    def _send(self, code: int, data: bytes, headers: dict[str, str], body: bool) -> None:
        self.send_response(code)
        for key, value in headers.items():
            self.send_header(key, value)
        if code != 304:
            self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if body and code != 304:
            self.wfile.write(data)

    def _error(self, code: int, body: bool, headers: dict[str, str] | None = None) -> None:
        site = self.server.site
        page = site.root / "404.html"
        if code == 404 and page.is_file():
            data = site.render(page.read_bytes(), ".html")
        else:
            data = f"<!DOCTYPE html><title>{code}</title><h1>{code}</h1>\n".encode()
        self._send(code, data, {"Content-Type": CONTENT_TYPES[".html"], **(headers or {})}, body)

    def _answer(self, body: bool) -> None:
        site = self.server.site
        split = urlsplit(self.path)
        path, query, target = unquote(split.path) or "/", split.query, self.path
        for rule in site.rules("redirect", path, target):
            location = str(rule["to"]).replace("{{BASE}}", site.base)
            location = location.replace("{{PATH}}", split.path)
            if location.startswith("/"):
                location = site.base + location
            self._send(int(rule.get("status", 301)), b"", {"Location": location}, body)
            return
        for rule in site.rules("status", path, target):
            if site.take_failure(rule):
                self._error(int(rule["code"]), body, rule.get("headers"))
                return
        for rule in site.rules("slow", path, target):
            time.sleep(float(rule["seconds"]))
        headers: dict[str, str] = {}
        data: bytes | None = None
        mtime = 0.0
        made = site.made_page(path, split.path, query, target)
        if made is not None:
            data, template = made
            if data is None:
                self._error(404, body)
                return
            headers["Content-Type"] = CONTENT_TYPES[".html"]
            mtime = template.stat().st_mtime
        if data is None:
            file: Path | str | None = None
            for rule in site.rules("rewrite", path, target):
                file = site.root / rule["file"]
                if "content_type" in rule:
                    headers["Content-Type"] = rule["content_type"]
                break
            else:
                file = site.resolve(path, query)
            if isinstance(file, str):
                location = f"{site.base}{split.path}/" + (f"?{query}" if query else "")
                self._send(301, b"", {"Location": location}, body)
                return
            if file is None or not file.is_file():
                self._error(404, body)
                return
            data = site.render(file.read_bytes(), file.suffix)
            headers.setdefault(
                "Content-Type", CONTENT_TYPES.get(file.suffix, "application/octet-stream")
            )
            mtime = file.stat().st_mtime
        last_modified = email.utils.formatdate(int(mtime), usegmt=True)
        for rule in site.rules("headers", path, target):
            if "charset" in rule:
                mime = headers["Content-Type"].split(";")[0]
                headers["Content-Type"] = f"{mime}; charset={rule['charset']}"
            last_modified = rule.get("last_modified", last_modified)
            headers.update(rule.get("headers", {}))
        etag = f'"{hashlib.sha1(data).hexdigest()[:16]}"'
        headers.setdefault("ETag", etag)
        headers.setdefault("Last-Modified", last_modified)
        code = 304 if self._not_modified(headers["ETag"], headers["Last-Modified"]) else 200
        self._send(code, data, headers, body)

    def _not_modified(self, etag: str, last_modified: str) -> bool:
        """Conditional GET: If-None-Match wins over If-Modified-Since (RFC 9110 13.2.2)."""
        if_none_match = self.headers.get("If-None-Match")
        if if_none_match is not None:
            tags = {t.strip().removeprefix("W/") for t in if_none_match.split(",")}
            return "*" in tags or etag in tags
        since = self.headers.get("If-Modified-Since")
        if since is None:
            return False
        try:
            since_dt = email.utils.parsedate_to_datetime(since)
            modified_dt = email.utils.parsedate_to_datetime(last_modified)
        except (TypeError, ValueError):
            return False
        return modified_dt <= since_dt


def main(argv: list[str] | None = None) -> int:
    """`python -m pantau.sitehost DIR`: serve a site folder in the foreground until Ctrl-C."""
    parser = argparse.ArgumentParser(prog="python -m pantau.sitehost", description=main.__doc__)
    parser.add_argument("root", type=Path, help="site folder to serve")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port")
    args = parser.parse_args(argv)
    try:
        with SiteHost(args.root, host=args.host, port=args.port) as site:
            print(f"serving {site.root} at {site.url} (Ctrl-C to stop)", flush=True)
            while True:
                time.sleep(3600)
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
