import re
from pathlib import Path

import pytest

from core.errors import SourcesError
from core.sources import load_sources, parse_sources

REPO = Path(__file__).resolve().parents[2]


def test_default_sources_file_parses_and_names_are_unique():
    sources = load_sources(REPO / "sources.toml")
    assert len(sources) >= 20
    assert len({s.name for s in sources}) == len(sources)
    assert all(s.delay >= 1 for s in sources)
    assert {"lampunginsta", "lensamedia", "mediapublika"} <= {s.name for s in sources}


def test_source_defaults_and_domains():
    [s] = parse_sources('[[source]]\nname = "a"\nurl = "https://Www.Example.id/"\n')
    assert s.delay >= 1 and s.max_pages == 2000
    assert s.domains == ("www.example.id",)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[[source]\nname=", "not valid TOML"),
        ("x = 1", "no [[source]] tables"),
        ('[[source]]\nname = "Bad Name"\nurl = "https://a.id/"', "'name' must match"),
        ('[[source]]\nname = "a"\nurl = "ftp://a.id/"', "'url' must be an http(s) home page"),
        ('[[source]]\nname = "a"\nurl = "https://a.id/"\ndelay = -1', "'delay'"),
        ('[[source]]\nname = "a"\nurl = "https://a.id/"\nmax_pages = 0', "'max_pages'"),
        ('[[source]]\nname = "a"\nurl = "https://a.id/"\ndeny = ["("]', "bad regex"),
        (
            '[[source]]\nname = "a"\nurl = "https://a.id/"\n[[source]]\nname = "a"\nurl = "https://b.id/"',
            "twice",
        ),
    ],
)
def test_malformed_sources_raise_one_clear_error(text, message):
    with pytest.raises(SourcesError, match=re.escape(message)):
        parse_sources(text)


def test_missing_sources_file(tmp_path):
    with pytest.raises(SourcesError, match="not found"):
        load_sources(tmp_path / "nope.toml")
