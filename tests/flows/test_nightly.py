"""The nightly and reclassify flows on the sample web, under one Prefect test harness."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest

from flows.nightly import SpidersFailed, nightly
from flows.reclassify import reclassify
from tests.flows.conftest import Night, partition, rows
from warehouse.lake import land_partition, run_dates
from warehouse.schemas import KINDS, SOURCES

pytestmark = pytest.mark.slow

KIND_OF = dict(zip(SOURCES, KINDS, strict=True))


def run_nightly(web: Any, night: Night, data_dir: Path, **options: Any) -> dict[str, Any]:
    """The nightly flow on the sample web, for the first night's date, with its model."""
    return nightly(
        sources=str(web.sources_path),
        data_dir=str(data_dir),
        run_date=night.run_date,
        settings=dict(web.scrapy_settings),
        model_dir=str(night.model_dir),
        **options,
    )


def stale_claims(data_dir: Path, run_date: dt.date) -> list[dict[str, Any]]:
    """Replace the date's claims by what an older model might have said: nothing at all."""
    old = partition(data_dir, "claims", run_date).to_pylist(maps_as_pydicts="strict")
    for claim in old:
        claim |= {"claim": "NONE", "flags": [], "ai_claim": False, "washing": False}
        claim |= {"washing_score": 0.0, "evidence": [], "model_version": "older-model"}
    land_partition(data_dir, "claims", run_date, old)
    return old


def artifacts(run_id: str) -> dict[str, Any]:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    with get_client(sync_client=True) as client:
        found = client.read_artifacts(
            flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[run_id]))
        )
    return {artifact.key: artifact for artifact in found}


# --- the first night ----------------------------------------------------------------------


def test_first_night_lands_what_the_sample_web_holds(first_night: Night, sample_web: Any) -> None:
    data, day = first_night.data_dir, first_night.run_date
    manifest = sample_web.manifest
    documents = rows(data, "documents", day)
    got = {(d["company_id"], d["source"], d["url"]) for d in documents}
    assert got == expected_documents(manifest)
    assert len(got) == len(documents), "one row per document"
    assert {d["kind"] for d in documents} == set(KINDS)
    assert all(d["kind"] == KIND_OF[d["source"]] for d in documents)

    errors = rows(data, "fetch_errors", day)
    landed_errors = {(e["source"], e["url"]) for e in errors}
    assert expected_fetch_errors(manifest) <= landed_errors <= possible_fetch_errors(manifest)
    assert len(landed_errors) == len(errors), "one row per URL that failed"

    companies = rows(data, "companies", day)
    assert {c["company_id"] for c in companies} == (
        expected_companies(manifest) | {d["company_id"] for d in documents}
    )

    claims = rows(data, "claims", day)
    assert len({c["claim_id"] for c in claims}) == len(claims)
    by_doc = {d["doc_id"]: d for d in documents}
    assert {c["doc_id"] for c in claims} == {d for d, doc in by_doc.items() if doc["text"].strip()}
    for claim in claims:
        doc = by_doc[claim["doc_id"]]
        assert doc["text"][claim["start_char"] : claim["end_char"]] == claim["text"]
        assert claim["company_id"] == doc["company_id"]
    assert any(c["washing"] for c in claims) and any(not c["ai_claim"] for c in claims)


def test_first_night_records_its_run_and_artifacts(first_night: Night) -> None:
    data, day = first_night.data_dir, first_night.run_date
    (run,) = rows(data, "runs", day)
    assert run["status"] == "completed"
    assert run["finished_at"] > run["started_at"]
    counts = dict(run["counts"])
    claims = rows(data, "claims", day)
    documents = rows(data, "documents", day)
    assert counts["documents"] == len(documents)
    assert counts["claims"] == len(claims)
    assert counts["flagged_claims"] == sum(c["washing"] for c in claims)
    assert counts["fetch_errors"] == len(rows(data, "fetch_errors", day))
    assert counts["companies"] == len(rows(data, "companies", day))
    assert counts["classified_documents"] == len(documents) and counts["reused_documents"] == 0
    assert counts["failed_spiders"] == 0
    assert run["model_version"] == claims[0]["model_version"]
    assert first_night.summary["counts"] == counts

    found = artifacts(run["run_id"])
    table = json.loads(found["nightly-sources"].data)
    assert table == first_night.summary["sources"]
    assert [row["source"] for row in table] == list(SOURCES)
    for source in SOURCES:
        row = next(r for r in table if r["source"] == source)
        assert row["status"] == "ok"
        assert row["documents"] == sum(d["source"] == source for d in documents)
        assert row["documents"] == counts[f"documents:{source}"]
    assert sum(row["flagged_claims"] for row in table) == counts["flagged_claims"]

    report = found["nightly-flagged-claims"].data
    top = max((c for c in claims if c["washing"]), key=lambda c: c["washing_score"])
    first_item = report.split("\n1. ", 1)[1].split("\n2. ", 1)[0]
    assert top["company_id"] in first_item
    assert f"{counts['flagged_claims']} of {len(claims)} sentences flagged" in report
    assert any(f"{e['label']}: \u201c" in first_item for e in top["evidence"])
    report_path = Path(first_night.summary["report"])
    assert report_path.is_file() and report_path.parent == data / "reports"
    assert f"]({report_path.as_uri()})" in report
    assert day.isoformat() in report_path.read_text(encoding="utf-8")


# --- reruns -------------------------------------------------------------------------------


def test_a_second_run_of_the_same_date_changes_nothing(
    first_night: Night, sample_web: Any, tmp_path: Path
) -> None:
    data, day = first_night.copy_to(tmp_path / "data"), first_night.run_date
    summary = run_nightly(sample_web, first_night, data)
    for table in ("companies", "claims", "fetch_errors"):
        assert rows(data, table, day) == rows(first_night.data_dir, table, day), table
    # fetched_at is the crawl's clock. title: the edgar spider names a filing after whichever
    # of its two routes (submissions JSON, full-text search) answers first, so it may differ.
    assert rows(data, "documents", day, drop=("fetched_at", "title")) == rows(
        first_night.data_dir, "documents", day, drop=("fetched_at", "title")
    )
    # Work not redone: every document kept the claims the first run gave it.
    assert summary["counts"]["classified_documents"] == 0
    assert summary["counts"]["reused_documents"] == summary["counts"]["documents"]
    runs = rows(data, "runs", day)
    assert len(runs) == 2 and {run["status"] for run in runs} == {"completed"}
    assert run_dates(data, "documents") == [day]


def test_claims_of_another_model_are_not_reused(
    first_night: Night, sample_web: Any, tmp_path: Path
) -> None:
    data, day = first_night.copy_to(tmp_path / "data"), first_night.run_date
    stale_claims(data, day)
    # No spider runs: every source keeps the documents it landed, and they are relabelled.
    sources = first_night.summary["sources"]
    summary = run_nightly(sample_web, first_night, data, spiders=[])
    assert summary["counts"]["classified_documents"] == summary["counts"]["documents"] > 0
    assert rows(data, "claims", day) == rows(first_night.data_dir, "claims", day)
    assert rows(data, "documents", day) == rows(first_night.data_dir, "documents", day)
    assert [row["documents"] for row in summary["sources"]] == [r["documents"] for r in sources]


def test_a_failing_spider_fails_its_own_task_not_the_others(
    first_night: Night, sample_web: Any, tmp_path: Path
) -> None:
    data, day = first_night.copy_to(tmp_path / "data"), first_night.run_date
    with pytest.raises(SpidersFailed) as failure:
        run_nightly(
            sample_web,
            first_night,
            data,
            spiders=["press_releases", "no_such_spider"],
            crawl_retries=0,
        )
    assert set(failure.value.failed) == {"no_such_spider"}
    assert "no_such_spider" in str(failure.value)

    before = {d["doc_id"]: d for d in rows(first_night.data_dir, "documents", day)}
    after = {d["doc_id"]: d for d in rows(data, "documents", day)}
    assert after.keys() == before.keys()
    for doc_id, doc in after.items():
        recrawled = doc["fetched_at"] > before[doc_id]["fetched_at"]
        assert recrawled == (doc["source"] == "press_releases"), doc["url"]
    assert rows(data, "claims", day) == rows(first_night.data_dir, "claims", day)
    runs = sorted(rows(data, "runs", day), key=lambda run: run["started_at"])
    assert [run["status"] for run in runs] == ["completed", "partial"]
    assert dict(runs[-1]["counts"])["failed_spiders"] == 1
    statuses = {row["source"]: row["status"] for row in failure.value.summary["sources"]}
    assert statuses["press_releases"] == "ok" and statuses["no_such_spider"] == "failed"


# --- reclassify ---------------------------------------------------------------------------


def test_reclassify_relabels_stored_documents(first_night: Night, tmp_path: Path) -> None:
    data, day = first_night.copy_to(tmp_path / "data"), first_night.run_date
    later = day + dt.timedelta(days=3)
    for table in ("companies", "documents", "fetch_errors"):
        old = partition(data, table, day)
        index = old.schema.get_field_index("run_date")
        moved = old.set_column(
            index, old.schema.field(index), pa.array([later] * old.num_rows, pa.date32())
        )
        land_partition(data, table, later, moved)
    stale = stale_claims(data, day)
    land_partition(data, "claims", later, [claim | {"run_date": later} for claim in stale])
    fresh = rows(first_night.data_dir, "claims", day)

    model = str(first_night.model_dir)
    counts = reclassify(data_dir=str(data), run_date=day.isoformat(), model_dir=model)
    assert counts == {day.isoformat(): len(fresh)}
    assert rows(data, "claims", day) == fresh
    assert {c["model_version"] for c in rows(data, "claims", later)} == {"older-model"}

    reclassify(data_dir=str(data), run_date="all", model_dir=model)
    assert rows(data, "claims", later, drop=("run_date",)) == rows(
        first_night.data_dir, "claims", day, drop=("run_date",)
    )
    with pytest.raises(ValueError, match="neither 'all' nor YYYY-MM-DD"):
        reclassify(data_dir=str(data), run_date="yesterday")


# --- what the sample web holds (from its manifest) ------------------------------------------


def expected_documents(manifest: dict) -> set[tuple[str, str, str]]:
    return {(d["company_id"], d["source"], d["url"]) for d in manifest["documents"]}


def expected_fetch_errors(manifest: dict) -> set[tuple[str, str]]:
    """URLs that must end as fetch_errors rows (others may be dropped items instead)."""
    return {
        (e["source"], e["url"]) for e in manifest["fetch_errors"] if e["outcome"] == "fetch_error"
    }


def possible_fetch_errors(manifest: dict) -> set[tuple[str, str]]:
    return {(e["source"], e["url"]) for e in manifest["fetch_errors"]}


def expected_companies(manifest: dict) -> set[str]:
    return {c["id"] for c in manifest["companies"]}
