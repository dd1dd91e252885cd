"""Relabel stored documents with the current model and reland their claims; no crawling.

Run it after `hypewatch train` changes the model: every claims partition it touches is
replaced whole, so old labels never sit beside new ones for the same run date.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pyarrow as pa
from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE

from warehouse.schemas import CLAIMS


@task(name="reclassify-run-date", retries=1, retry_delay_seconds=5, cache_policy=NO_CACHE)
def reclassify_run_date(data_dir: Path, run_date: dt.date, model_dir: Path | None) -> int:
    """Label one run date's documents afresh and replace its claims partition."""
    from classifiers.api import load_classifier, processes_for
    from warehouse.lake import land_partition, read_partition

    classifier = load_classifier(model_dir)
    documents = read_partition(data_dir, "documents", run_date).to_pylist()
    claims = (
        classifier.claims_for_documents(documents, processes_for(documents)) if documents else []
    )
    land_partition(
        data_dir,
        "claims",
        run_date,
        pa.Table.from_pylist(claims, schema=CLAIMS),
        rebuild_catalog=False,
    )
    get_run_logger().info(
        "%s: %d documents relabelled, %d claims (model %s)",
        run_date,
        len(documents),
        len(claims),
        classifier.model_version,
    )
    return len(claims)


@flow(name="reclassify", log_prints=True)
def reclassify(
    data_dir: str, run_date: str = "all", model_dir: str | None = None
) -> dict[str, int]:
    """Relabel the documents of one run date (YYYY-MM-DD) or of every run date ("all")."""
    from warehouse.catalog import rebuild_catalog
    from warehouse.lake import run_dates

    data = Path(data_dir).resolve()
    if run_date == "all":
        dates = run_dates(data, "documents")
    else:
        try:
            dates = [dt.date.fromisoformat(run_date)]
        except ValueError:
            raise ValueError(f"run_date {run_date!r} is neither 'all' nor YYYY-MM-DD") from None
    model = Path(model_dir) if model_dir else None
    counts: dict[str, Any] = {
        day.isoformat(): reclassify_run_date(data, day, model) for day in dates
    }
    rebuild_catalog(data)
    return counts
