"""A nightly run SIGKILLed after its first partition lands, then run again: no duplicate rows,
nothing lost, other run dates untouched. The run is a real `hypewatch run` process (with its
sample web, Prefect server and spiders), killed with its whole process group."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import re
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.flows.conftest import Night, rows
from warehouse.lake import lake_dir
from warehouse.schemas import TABLES

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
HYPEWATCH = str(Path(sys.executable).with_name("hypewatch"))
KILL_WITHIN_SECONDS = 300
_BASE_URL = re.compile(r"http://127\.0\.0\.1:\d+")


def run_env(prefect_home: Path, model_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    return env | {
        "PREFECT_HOME": str(prefect_home),
        "PREFECT_LOGGING_LEVEL": "WARNING",
        "HYPEWATCH_MODEL": str(model_dir),
    }


def file_digests(data_dir: Path, run_date: dt.date) -> dict[str, str]:
    return {
        str(path.relative_to(data_dir)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(lake_dir(data_dir).glob(f"*/run_date={run_date.isoformat()}/*"))
    }


def portless(data_dir: Path, table: str, run_date: dt.date) -> list[Any]:
    """A partition's rows with what depends on the sample web's port or the clock left out:
    each `hypewatch run` serves the sample web on its own port, and doc_id hashes the URL."""
    drop = {
        "companies": ("website", "feeds", "decks"),
        # title: the edgar spider names a filing after whichever of its routes answers first.
        "documents": ("doc_id", "fetched_at", "title"),
        "claims": ("claim_id", "doc_id"),
        "fetch_errors": (),
        "runs": ("run_id", "started_at", "finished_at"),
    }[table]
    kept = rows(data_dir, table, run_date, ("run_date", *drop))
    return sorted(_BASE_URL.sub("BASE", repr(row)) for row in kept)


def test_sigkill_after_the_first_partition_then_rerun(first_night: Night, tmp_path: Path) -> None:
    data_dir = first_night.copy_to(tmp_path / "data")
    earlier = file_digests(data_dir, first_night.run_date)
    assert len(earlier) == len(TABLES)
    night = first_night.run_date + dt.timedelta(days=1)
    command = [HYPEWATCH, "run", "--data-dir", str(data_dir), "--run-date", night.isoformat()]

    # The run dies right after its first partition is in place (the lake's crash hook, not
    # a timed kill), then its Prefect server and spiders are killed with it.
    env = run_env(tmp_path / "prefect-killed", first_night.model_dir)
    killed = subprocess.Popen(
        command, cwd=REPO, env={**env, "HYPEWATCH_TEST_CRASH_AT": "landed:1"},
        start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    assert killed.wait(timeout=KILL_WITHIN_SECONDS) == 137
    with contextlib.suppress(ProcessLookupError):
        os.killpg(killed.pid, signal.SIGKILL)  # whatever it had started
    half = file_digests(data_dir, night)
    assert len(half) == 1, f"exactly one partition should have landed: {half}"

    rerun = subprocess.run(
        command, cwd=REPO, env=run_env(tmp_path / "prefect-rerun", first_night.model_dir),
        capture_output=True, text=True, timeout=1800,
    )  # fmt: skip
    assert rerun.returncode == 0, rerun.stdout + rerun.stderr
    assert "hypewatch.duckdb" in rerun.stdout and "leaderboard(" in rerun.stdout

    # Other run dates untouched, byte for byte.
    assert file_digests(data_dir, first_night.run_date) == earlier
    # No duplicates.
    documents = rows(data_dir, "documents", night)
    claims = rows(data_dir, "claims", night)
    assert len({d["doc_id"] for d in documents}) == len(documents)
    assert len({c["claim_id"] for c in claims}) == len(claims)
    assert {c["doc_id"] for c in claims} <= {d["doc_id"] for d in documents}
    # Nothing lost: the same web gives the same night as the first one, row for row.
    for table in ("companies", "documents", "claims", "fetch_errors"):
        assert portless(data_dir, table, night) == portless(
            data_dir, table, first_night.run_date
        ), table
    # The killed run never recorded itself; the rerun did, once.
    runs = rows(data_dir, "runs", night)
    assert [run["status"] for run in runs] == ["completed"]
    assert not list(lake_dir(data_dir).rglob("*.tmp-*"))
    assert not (data_dir / "staging" / f"run_date={night.isoformat()}").exists()
