"""Crash trials: `pantau run` killed with SIGKILL at random moments, many times over.

Each round starts from no database and crawls two sites (a generated one with enough
articles to keep the crawl busy, and the WordPress fixture with its traps). The run is
killed several times, either at a random moment (start-up, migration, crawling, the run's
bookkeeping) or the moment DuckDB's write-ahead log appears (a batch being written or
checkpointed); batches are made tiny so writes happen all the time. Between kills the
database must open, hold no duplicate and nothing outside the expected articles, and keep
every article an earlier kill left committed. A last run then completes: every article
is there exactly once and `pantau db --check` passes.

    python -m pytest -m slow tests/robustness/test_crash_trials.py -n 0 -s   # prints the trials
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

from pantau.db import run_checks
from pantau.sitehost import SiteHost
from tests.conftest import REPO, pantau
from tests.robustness.hostile_env import orphans
from tests.robustness.sitegen import generate_site

WPSITE = REPO / "tests" / "sites" / "wpsite"
ROUNDS = 3
KILLS_PER_ROUND = 4  # 12 kills in all
GENERATED_ARTICLES = 40
SEED = 20210614
# A kill at a random moment lands anywhere from interpreter start-up to this share of a full,
# uninterrupted run timed on the same machine first: a fixed window let a fast machine finish
# most runs before their kill.
KILL_SHARE = 0.8


@dataclass(slots=True)
class Trial:
    round: int
    mode: str  # "random" or "wal" (killed while DuckDB's WAL file existed)
    seconds: float  # from start to kill (or to the end, when the run beat the kill)
    outcome: str  # "killed" or "finished"
    articles_after: int


def _start(sources: Path, db: Path, log: Path, flush_items: int) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if k != "PANTAU_DB"}
    # Tiny batches, so a good share of every run is spent writing.
    env |= {"PANTAU_FLUSH_ITEMS": str(flush_items), "PANTAU_FLUSH_SECONDS": "0.5"}
    with log.open("wb") as err:
        return subprocess.Popen(
            [sys.executable, "-m", "pantau.cli", "run", "--sources", str(sources), "--db", str(db)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=err,
        )


def _kill_at_random(proc: subprocess.Popen[bytes], delay: float) -> None:
    try:
        proc.wait(timeout=delay)
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)


def _kill_while_writing(proc: subprocess.Popen[bytes], db: Path, after: float) -> None:
    """Kill as soon as DuckDB's WAL exists (a batch is being committed or checkpointed)."""
    wal = Path(f"{db}.wal")
    deadline = time.monotonic() + after + 20
    time.sleep(after)
    while proc.poll() is None:
        if wal.exists() or time.monotonic() > deadline:
            proc.send_signal(signal.SIGKILL)
            return
        time.sleep(0.001)


def _stored(db: Path) -> list[str]:
    """Article URLs in the database, duplicates kept; [] when the schema is not there yet."""
    if not db.exists():
        return []
    # A read-only open replays a WAL left by the kill without writing it back.
    with duckdb.connect(str(db), read_only=True) as con:
        tables = {t for (t,) in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
        if "articles" not in tables:
            return []
        return [u for (u,) in con.execute("SELECT url FROM articles").fetchall()]


@pytest.mark.slow
def test_sigkill_at_random_moments_loses_and_duplicates_nothing(tmp_path: Path) -> None:
    rng = random.Random(SEED)
    gen_paths = generate_site(tmp_path / "gen", GENERATED_ARTICLES, seed=SEED)
    wp_expected = json.loads((WPSITE / "expected.json").read_text(encoding="utf-8"))["articles"]
    trials: list[Trial] = []
    started = time.monotonic()
    with (
        SiteHost(tmp_path / "gen", host="127.0.0.11") as gen,
        SiteHost(WPSITE, host="127.0.0.12") as wp,
    ):
        expected = {gen.base + p for p in gen_paths} | {wp.base + p for p in wp_expected}
        sources = tmp_path / "sources.toml"
        sources.write_text(
            f'[[source]]\nname = "gen"\nurl = "{gen.url}"\ndelay = 0.02\n\n'
            f'[[source]]\nname = "wp"\nurl = "{wp.url}"\ndelay = 0.02\n',
            encoding="utf-8",
        )
        t0 = time.monotonic()
        assert _start(sources, tmp_path / "timed.duckdb", tmp_path / "timed.log", 1).wait() == 0
        window = (0.3, max(1.0, KILL_SHARE * (time.monotonic() - t0)))
        for rnd in range(ROUNDS):
            db = tmp_path / f"round{rnd}.duckdb"
            flush_items = rng.choice([1, 2, 3])
            before: set[str] = set()
            for kill in range(KILLS_PER_ROUND):
                log = tmp_path / f"round{rnd}-kill{kill}.log"
                t0 = time.monotonic()
                proc = _start(sources, db, log, flush_items)
                mode = "wal" if kill % 2 else "random"
                if mode == "wal":
                    _kill_while_writing(proc, db, rng.uniform(4.0, 10.0))
                else:
                    _kill_at_random(proc, rng.uniform(*window))
                code = proc.wait()
                seconds = time.monotonic() - t0
                # A run may beat its kill; otherwise it must have died by the signal, not
                # by an error of its own (a lock left behind, a database it cannot open).
                assert code in (0, -signal.SIGKILL), log.read_text(errors="replace")[-3000:]
                urls = _stored(db)
                assert len(urls) == len(set(urls)), f"duplicated after kill {kill}"
                assert set(urls) <= expected, set(urls) - expected
                assert before <= set(urls), f"lost after kill {kill}: {before - set(urls)}"
                if urls:
                    assert orphans(db) == 0
                before = set(urls)
                outcome = "finished" if code == 0 else "killed"
                trials.append(Trial(rnd, mode, round(seconds, 2), outcome, len(urls)))
            final = pantau("run", "--sources", str(sources), "--db", str(db))
            assert final.returncode == 0, final.stderr[-3000:]
            urls = _stored(db)
            assert sorted(urls) == sorted(expected)
            assert orphans(db) == 0
            failed = [r.check.name for r in run_checks(db) if not r.passed]
            assert not failed, failed
            if rnd == ROUNDS - 1:  # the command line too, once: same checks, as a user runs them
                check = pantau("db", "--check", "--db", str(db))
                assert check.returncode == 0, check.stdout + check.stderr
        # Nothing but the two sites was ever asked for (the servers log every request).
        assert all(not r.path.startswith("/wp-admin/") for r in wp.requests)
    killed = sum(t.outcome == "killed" for t in trials)
    # Runs resumed late in a round have little left to do and may beat their kill; every
    # trial's invariants are checked either way, but at least half must have been kills.
    assert killed >= ROUNDS * KILLS_PER_ROUND // 2, trials
    print(f"\n{len(trials)} trials, {killed} killed, {time.monotonic() - started:.0f} s")
    for t in trials:
        print(f"  round {t.round} {t.mode:<6} {t.seconds:6.2f} s {t.outcome:<8} "
              f"{t.articles_after:3d} articles")  # fmt: skip
