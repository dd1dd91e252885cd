"""Single tasks of the nightly flow, called through `.fn()`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from flows.nightly import CrawlOutput, Staging, collect, crawl
from tests.flows.conftest import Night, rows
from warehouse.schemas import DOCUMENTS, FETCH_ERRORS

EXAMPLE = Path(__file__).resolve().parents[2] / "sources.example.yaml"


def test_a_failed_crawl_names_the_spider_and_shows_its_log(tmp_path: Path) -> None:
    # No such spider: scrapy exits non-zero before any request (nothing leaves the machine).
    with pytest.raises(RuntimeError) as failure:
        crawl.fn("no_such_spider", EXAMPLE, dt.date(2026, 3, 2), tmp_path, {})
    message = str(failure.value)
    assert message.startswith("scrapy crawl no_such_spider exited 1")
    assert "no_such_spider" in message.splitlines()[-1]  # the tail of scrapy's own log
    assert not Staging(tmp_path).docs("no_such_spider").exists()


@pytest.mark.slow
def test_collect_keeps_what_this_date_landed_for_sources_not_crawled(
    first_night: Night, tmp_path: Path
) -> None:
    data, day = first_night.data_dir, first_night.run_date
    staging = Staging(tmp_path)
    # press_releases crawled again and found nothing; the other sources were not crawled.
    empty = CrawlOutput("press_releases", tmp_path / "pr.parquet", tmp_path / "pr.errors.parquet")
    pq.write_table(DOCUMENTS.empty_table(), empty.documents)
    pq.write_table(FETCH_ERRORS.empty_table(), empty.fetch_errors)

    counts = collect.fn(data, day, [empty], tmp_path)

    landed = rows(data, "documents", day)
    kept = [d for d in landed if d["source"] != "press_releases"]
    assert len(kept) < len(landed)
    assert sorted(pq.read_table(staging.documents).to_pylist(), key=repr) == kept
    errors = [e for e in rows(data, "fetch_errors", day) if e["source"] != "press_releases"]
    assert sorted(pq.read_table(staging.fetch_errors).to_pylist(), key=repr) == errors
    assert counts == {"documents": len(kept), "fetch_errors": len(errors)}
