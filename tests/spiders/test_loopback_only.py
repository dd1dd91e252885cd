"""No test reaches beyond loopback: tests/conftest.py sets HYPEWATCH_LOOPBACK_ONLY=1, and the
address guard then refuses every other host before its name is resolved. Shown on the worst
case, a real crawl of sources.example.yaml (30 real companies) started as the flows start it."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

REPO = Path(__file__).resolve().parents[2]


def test_the_suite_runs_loopback_only():
    assert os.environ.get("HYPEWATCH_LOOPBACK_ONLY") == "1"


def test_a_crawl_of_the_real_sources_example_never_leaves_the_machine(tmp_path):
    docs, errors = tmp_path / "docs.parquet", tmp_path / "errors.parquet"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "scrapy",
            "crawl",
            "product_pages",
            "-a",
            f"sources={REPO / 'sources.example.yaml'}",
            "-a",
            "run_date=2026-03-02",
            "-O",
            str(docs),
            "-s",
            f"HYPEWATCH_FETCH_ERRORS={errors}",
            "-s",
            "FEED_STORE_EMPTY=True",
        ],  # fmt: skip
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert pq.read_table(docs).num_rows == 0
    refused = pq.read_table(errors).to_pylist()
    assert refused and {r["error"] for r in refused} == {"address_refused"}
    assert all("only loopback" in r["detail"] for r in refused)
    # Refused before any download or name resolution: Scrapy counted no response.
    assert "downloader/response_count" not in result.stderr


@pytest.mark.skipif(
    os.environ.get("HYPEWATCH_NETNS") != "loopback",
    reason="not started by tests/loopback-only.sh in a namespace of its own (needs root)",
)
def test_the_suite_runs_where_only_loopback_is_up() -> None:
    # `make test` runs pytest through tests/loopback-only.sh: no other interface, no route out.
    assert [name for _, name in socket.if_nameindex()] == ["lo"]
