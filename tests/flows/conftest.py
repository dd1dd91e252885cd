"""Fixtures for the flow tests: one Prefect test harness, one sample web and one crawled night
for the whole session, because each costs seconds to minutes on a 2-core machine. Tests that
change a lake work on a copy of the first night's data directory."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest

from warehouse.lake import read_partition
from warehouse.schemas import TABLES

FIRST_NIGHT = dt.date(2026, 3, 2)


@pytest.fixture(scope="session")
def prefect_harness() -> Iterator[None]:
    """One temporary Prefect API and database for every flow test in the session (tests that
    run a flow in this process ask for it; the rest do not pay its start-up)."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=None):
        yield


@pytest.fixture(scope="session")
def sample_web() -> Iterator[Any]:
    from spiders.sampleweb.server import running

    with running(port=0, variant=1) as web:
        yield web


@pytest.fixture(scope="session")
def model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A private copy of the built model, so every run in the session labels with the same
    model even if `hypewatch train` rebuilds build/model meanwhile."""
    from classifiers.api import resolve_model_dir

    target = tmp_path_factory.mktemp("model") / "model"
    shutil.copytree(resolve_model_dir(None), target)
    return target


@dataclass
class Night:
    data_dir: Path
    run_date: dt.date
    summary: dict[str, Any]
    model_dir: Path

    def copy_to(self, target: Path) -> Path:
        """A private copy of this night's data directory for a test that changes it."""
        shutil.copytree(self.data_dir, target, ignore=shutil.ignore_patterns("staging"))
        return target


@pytest.fixture(scope="session")
def first_night(
    prefect_harness: None,
    sample_web: Any,
    model_dir: Path,
    tmp_path_factory: pytest.TempPathFactory,
) -> Night:
    """The nightly flow, once, on the sample web."""
    from flows.nightly import nightly

    data_dir = tmp_path_factory.mktemp("first-night") / "data"
    summary = nightly(
        sources=str(sample_web.sources_path),
        data_dir=str(data_dir),
        run_date=FIRST_NIGHT,
        settings=dict(sample_web.scrapy_settings),
        model_dir=str(model_dir),
    )
    return Night(data_dir, FIRST_NIGHT, summary, model_dir)


def partition(data_dir: Path, table: str, run_date: dt.date) -> pa.Table:
    return read_partition(data_dir, table, run_date)


def rows(data_dir: Path, table: str, run_date: dt.date, drop: tuple[str, ...] = ()) -> list[dict]:
    """A partition's rows without `drop` columns, sorted, so two lakes compare with ==."""
    table_rows = partition(data_dir, table, run_date).drop_columns(list(drop)).to_pylist()
    return sorted(table_rows, key=repr)


def all_tables() -> list[str]:
    return list(TABLES)
