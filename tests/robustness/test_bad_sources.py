"""A broken sources file is refused in one line naming the file (and the line, where there is
one), with exit 2 (a usage error), before the database is created or opened.

Every case goes through ``load_sources``; a sample also through ``pantau run`` and
``pantau crawl``, which must leave an existing database byte for byte as it was.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from core.errors import SourcesError
from core.sources import load_sources
from tests.robustness.hostile_env import assert_one_line_error, filled_db, run_pantau, sha256

GOOD = '[[source]]\nname = "a"\nurl = "https://a.example/"\n'


def _one(key_value: str) -> bytes:
    return f"{GOOD}{key_value}\n".encode()


# name -> (file content, what the one line must say; "{f}" is the file's path)
CASES: dict[str, tuple[bytes, str]] = {
    "binary junk": (
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
        "{f}:1: not UTF-8 text (byte 0x89)",
    ),
    "invalid UTF-8 on line 4": (GOOD.encode() + b'province = "Jaw\xe1"\n', "{f}:4: not UTF-8"),
    "NUL byte": (GOOD.encode() + b'province = "a\x00b"\n', "{f}:4:14: not valid TOML"),
    "truncated in a string": (GOOD.encode()[:-5], "{f}:3:23: not valid TOML: Unterminated string"),
    "truncated after a key": (
        b'[[source]]\nname = "a"\nurl = ',
        "{f}:3:7: not valid TOML: Invalid",
    ),
    "truncated before the url": (b'[[source]]\nname = "a"\n', "{f}:1: source #1 (a): 'url'"),
    "truncated header": (GOOD.encode() + b"[[sour", "{f}:4:7: not valid TOML: Expected ']]'"),
    "name not a string": (b'[[source]]\nname = 5\nurl = "https://a.example/"\n', "'name' must"),
    "name with SQL": (
        b'[[source]]\nname = "x\'); DROP TABLE articles; --"\nurl = "https://a.example/"\n',
        "{f}:1: source #1: 'name' must match [a-z0-9_-]+",
    ),
    "url not a string": (b'[[source]]\nname = "a"\nurl = 42\n', "'url' must be an http(s)"),
    "delay a word": (_one('delay = "fast"'), "'delay' must be a number"),
    "delay true": (_one("delay = true"), "'delay' must be a number of seconds >= 0, got True"),
    "delay inf": (_one("delay = inf"), "got inf"),
    "delay nan": (_one("delay = nan"), "got nan"),
    "delay negative": (_one("delay = -1"), "got -1"),
    "max_pages a fraction": (_one("max_pages = 1.5"), "'max_pages' must be a whole number"),
    "max_pages true": (_one("max_pages = true"), "got True"),
    "province a number": (_one("province = 18"), "'province' must be a string, got 18"),
    "feeds a string": (_one('feeds = "https://a.example/feed/"'), "'feeds' must be a list"),
    "allow holds a number": (_one("allow = [1]"), "'allow' must be a list of strings"),
    "deny a bad regex": (_one('deny = ["(unclosed"]'), "bad regex"),
    "duplicate names": (
        f'{GOOD}\n[[source]]\nname = "b"\nurl = "https://b.example/"\n\n{GOOD}'.encode(),
        "{f}:9: source name 'a' appears twice (first at line 1)",
    ),
    "javascript: url": (
        b'[[source]]\nname = "a"\nurl = "javascript:alert(document.cookie)"\n',
        "{f}:1: source #1 (a): 'url' must be an http(s) home page, got 'javascript:",
    ),
    "file: url": (b'[[source]]\nname = "a"\nurl = "file:///etc/passwd"\n', "got 'file:///etc"),
    "data: url": (b'[[source]]\nname = "a"\nurl = "data:text/html,<b>x</b>"\n', "got 'data:"),
    "url without a scheme": (b'[[source]]\nname = "a"\nurl = "//a.example/"\n', "'url' must"),
    "url without a host": (b'[[source]]\nname = "a"\nurl = "https:///berita"\n', "'url' must"),
    "empty file": (b"", "{f}: no [[source]] tables"),
    "comments only": (b"# nothing here yet\n\n", "{f}: no [[source]] tables"),
    "a table, not an array of tables": (
        b'[source]\nname = "a"\nurl = "https://a.example/"\n',
        "{f}: no [[source]] tables",
    ),
    "source not a table": (b'source = ["https://a.example/"]\n', "{f}: source #1: not a table"),
}
# A sample for the command line; each costs a process start.
CLI_CASES = ["binary junk", "truncated in a string", "delay true", "duplicate names",
             "javascript: url", "empty file"]  # fmt: skip


@pytest.mark.parametrize("case", CASES)
def test_bad_sources_file_is_one_clear_error(tmp_path: Path, case: str) -> None:
    content, expected = CASES[case]
    path = tmp_path / "sources.toml"
    path.write_bytes(content)
    with pytest.raises(SourcesError) as caught:
        load_sources(path)
    message = str(caught.value)
    assert "\n" not in message
    assert expected.format(f=path) in message
    assert message.startswith(str(path))


def test_a_folder_given_as_sources_file(tmp_path: Path) -> None:
    with pytest.raises(SourcesError, match=re.escape(f"cannot read sources file {tmp_path}")):
        load_sources(tmp_path)


@pytest.mark.parametrize("command", ["run", "crawl"])
def test_commands_refuse_bad_sources_before_touching_the_database(
    tmp_path: Path, command: str
) -> None:
    existing = tmp_path / "pantau.duckdb"
    filled_db(existing)
    digest = sha256(existing)
    for n, case in enumerate(CLI_CASES):
        content, expected = CASES[case]
        path = tmp_path / f"sources{n}.toml"
        path.write_bytes(content)
        # Both a database that exists and one that would be created.
        db = existing if n % 2 else tmp_path / f"new{n}.duckdb"
        result = run_pantau(command, "--sources", str(path), "--db", str(db))
        assert result.returncode == 2, (case, result.stderr[-2000:])
        assert_one_line_error(result, expected.format(f=path))
        assert not (tmp_path / f"new{n}.duckdb").exists()
        assert not Path(f"{db}.lock").exists()
    assert sha256(existing) == digest
