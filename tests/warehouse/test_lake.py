from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from tests.warehouse import factory as f
from warehouse.catalog import query_table
from warehouse.lake import (
    PARTITION_FILE,
    SchemaError,
    land_partition,
    partition_dir,
    read_partition,
    read_table,
    resolve_data_dir,
    run_dates,
)
from warehouse.schemas import CLAIMS, DOCUMENTS, TABLES, stored_schema

DAY1 = dt.date(2026, 1, 1)
DAY2 = dt.date(2026, 1, 2)
REPO = Path(__file__).resolve().parents[2]


def docs(day: dt.date, n: int, tag: str = "v1") -> list[dict]:
    return [f.document("acme", day, f"page-{i}", f"{tag} text {i}") for i in range(n)]


def test_round_trip_keeps_every_column_and_the_partition_date(tmp_path):
    rows = docs(DAY1, 3)
    path = land_partition(tmp_path, "documents", DAY1, rows)
    assert path == tmp_path / "lake" / "documents" / "run_date=2026-01-01" / PARTITION_FILE
    # run_date lives in the directory name, not in the file
    assert pq.read_schema(path).equals(stored_schema("documents"))
    back = read_partition(tmp_path, "documents", DAY1)
    assert back.schema.equals(DOCUMENTS)
    assert back.to_pylist() == rows


def test_relanding_a_run_date_leaves_one_copy(tmp_path):
    land_partition(tmp_path, "documents", DAY1, docs(DAY1, 3, "v1"))
    land_partition(tmp_path, "documents", DAY1, docs(DAY1, 2, "v2"))
    files = list((tmp_path / "lake" / "documents").rglob("*"))
    assert [p.name for p in files if p.is_file()] == [PARTITION_FILE]
    count = query_table(tmp_path, "SELECT count(*) AS n, min(text) AS t FROM documents").to_pylist()
    assert count == [{"n": 2, "t": "v2 text 0"}]


def test_landing_never_touches_other_run_dates(tmp_path):
    land_partition(tmp_path, "documents", DAY1, docs(DAY1, 3))
    other = partition_dir(tmp_path, "documents", DAY1) / PARTITION_FILE
    before = (other.stat().st_ino, other.stat().st_mtime_ns, other.read_bytes())
    land_partition(tmp_path, "documents", DAY2, docs(DAY2, 5))
    land_partition(tmp_path, "documents", DAY2, docs(DAY2, 4))
    assert (other.stat().st_ino, other.stat().st_mtime_ns, other.read_bytes()) == before
    assert run_dates(tmp_path, "documents") == [DAY1, DAY2]
    assert read_table(tmp_path, "documents").num_rows == 7


def test_crash_between_write_and_rename_keeps_the_old_partition(tmp_path):
    land_partition(tmp_path, "documents", DAY1, docs(DAY1, 3, "old"))
    script = textwrap.dedent(
        f"""
        import datetime as dt, sys
        sys.path.insert(0, {str(REPO)!r})
        from tests.warehouse.factory import document
        from warehouse.lake import land_partition
        day = dt.date(2026, 1, 1)
        rows = [document("acme", day, f"p{{i}}", f"new {{i}}") for i in range(50)]
        land_partition({str(tmp_path)!r}, "documents", day, rows)
        """
    )
    env = dict(os.environ, HYPEWATCH_TEST_CRASH_AT="written")
    result = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True)
    assert result.returncode == 137, result.stderr.decode()

    part = partition_dir(tmp_path, "documents", DAY1)
    leftovers = [p.name for p in part.iterdir() if p.name != PARTITION_FILE]
    assert len(leftovers) == 1 and leftovers[0].startswith("data.parquet.tmp-")
    # the half-landed file is invisible to queries and the old rows are whole
    rows = query_table(tmp_path, "SELECT text FROM documents ORDER BY text").to_pylist()
    assert [r["text"] for r in rows] == ["old text 0", "old text 1", "old text 2"]
    # the next landing sweeps the dead process's temp file
    land_partition(tmp_path, "documents", DAY1, docs(DAY1, 1, "next"))
    assert [p.name for p in part.iterdir()] == [PARTITION_FILE]


def test_a_live_writers_temp_file_survives_the_sweep(tmp_path):
    # Another process (alive: a real child that sleeps) is mid-write in the partition
    # folder; our landing beside it must leave its temp file alone, and sweep a dead one's.
    land_partition(tmp_path, "documents", DAY1, docs(DAY1, 1))
    part = partition_dir(tmp_path, "documents", DAY1)
    writer = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True
    )
    try:
        live_tmp = part / f"{PARTITION_FILE}.tmp-{writer.pid}-abcdef"
        dead_tmp = part / f"{PARTITION_FILE}.tmp-{int(dead.stdout)}-123456"
        live_tmp.write_bytes(b"half a parquet file")
        dead_tmp.write_bytes(b"left by a crash")
        land_partition(tmp_path, "documents", DAY1, docs(DAY1, 2))
        assert live_tmp.read_bytes() == b"half a parquet file"
        assert not dead_tmp.exists()
    finally:
        writer.kill()
        writer.wait()


@pytest.mark.parametrize(
    ("point", "whole_version"),
    [
        # killed with the 3rd landing's temp file written: the 2nd version stays in place
        ("written:3", 1),
        # killed right after the 3rd landing's rename, before the folder is synced: the 3rd
        ("renamed:3", 0),
        ("landed:2", 1),
    ],
)
def test_a_writer_killed_at_each_moment_leaves_a_whole_partition(tmp_path, point, whole_version):
    """A real process lands two versions in turn (20,000 and 30,000 rows) and dies at an
    exact moment of a landing (the lake's crash points, not a timed kill)."""
    script = textwrap.dedent(
        f"""
        import datetime as dt, sys
        sys.path.insert(0, {str(REPO)!r})
        from tests.warehouse.factory import generated_claims
        from warehouse.lake import land_partition
        day = dt.date(2026, 1, 1)
        versions = [generated_claims(day, 20_000, seed=1), generated_claims(day, 30_000, seed=2)]
        for i in range(4):
            land_partition({str(tmp_path)!r}, "claims", day, versions[i % 2], rebuild_catalog=False)
        """
    )
    env = dict(os.environ, HYPEWATCH_TEST_CRASH_AT=point)
    result = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True)
    assert result.returncode == 137, result.stderr.decode()
    table = read_partition(tmp_path, "claims", DAY1)
    rows, seed = ((20_000, 1), (30_000, 2))[whole_version]
    assert table.equals(f.generated_claims(DAY1, rows, seed=seed))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda r: r.update(extra=1), "documents.extra: unknown column"),
        (lambda r: r.pop("title"), "documents.title: missing column"),
        (
            lambda r: r.update(http_status="200"),
            "documents.http_status: row 0: expected int32, got str",
        ),
        (
            lambda r: r.update(http_status=True),
            "documents.http_status: row 0: expected int32, got bool",
        ),
        (
            lambda r: r.update(http_status=2**40),
            "documents.http_status: row 0: 1099511627776 does not fit",
        ),
        (lambda r: r.update(url=None), "documents.url: row 0: null in a required column"),
        (
            lambda r: r.update(fetched_at=dt.datetime(2026, 1, 1)),
            "documents.fetched_at: row 0: naive datetime",
        ),
        (
            lambda r: r.update(run_date=dt.datetime(2026, 1, 1)),
            "documents.run_date: row 0: expected date32",
        ),
        (lambda r: r.update(run_date=DAY2), "documents.run_date: rows for 2026-01-02 cannot land"),
    ],
)
def test_rows_that_do_not_fit_are_refused_naming_the_column(tmp_path, change, message):
    rows = docs(DAY1, 2)
    change(rows[0])
    with pytest.raises(SchemaError, match=message.replace("(", r"\(")):
        land_partition(tmp_path, "documents", DAY1, rows)
    assert (
        not partition_dir(tmp_path, "documents", DAY1).exists()
        or not (partition_dir(tmp_path, "documents", DAY1) / PARTITION_FILE).exists()
    )


def test_nested_values_are_checked_too(tmp_path):
    doc = f.document("acme", DAY1, "", "t")
    good = f.claim(doc, 0, "Our AI wins.", "VAGUE", ("SUPERLATIVE",))
    for key, value, message in [
        ("flags", "SUPERLATIVE", "claims.flags: row 0: expected a list"),
        (
            "flag_scores",
            {"SUPERLATIVE": "high"},
            "claims.flag_scores: row 0: map entry 'SUPERLATIVE'",
        ),
        (
            "evidence",
            [{"label": "AI_TERM", "text": "AI"}],
            "claims.evidence: row 0: list item: struct keys: missing",
        ),
    ]:
        bad = dict(good, **{key: value})
        with pytest.raises(SchemaError, match=message):
            land_partition(tmp_path, "claims", DAY1, [bad])
    land_partition(tmp_path, "claims", DAY1, [good])
    assert read_partition(tmp_path, "claims", DAY1).to_pylist(maps_as_pydicts="strict") == [good]


def test_arrow_tables_must_match_types_exactly(tmp_path):
    table = pa.Table.from_pylist(docs(DAY1, 2), schema=DOCUMENTS)
    land_partition(tmp_path, "documents", DAY1, table)  # exact schema: fine
    widened = table.set_column(
        table.schema.get_field_index("http_status"),
        "http_status",
        table.column("http_status").cast(pa.int64()),
    )
    with pytest.raises(SchemaError, match="documents.http_status: expected type int32, got int64"):
        land_partition(tmp_path, "documents", DAY1, widened)
    with pytest.raises(SchemaError, match="documents.text: missing column"):
        land_partition(tmp_path, "documents", DAY1, table.drop_columns(["text"]))
    with pytest.raises(SchemaError, match="unknown table 'document'"):
        land_partition(tmp_path, "document", DAY1, table)


def test_every_table_lands_an_empty_partition(tmp_path):
    for name in TABLES:
        land_partition(tmp_path, name, DAY1, [], rebuild_catalog=False)
        assert read_partition(tmp_path, name, DAY1).num_rows == 0


def test_generated_claims_fit_the_schema():
    table = f.generated_claims(DAY1, 100)
    assert table.schema.equals(CLAIMS)


def test_data_dir_resolution(tmp_path, monkeypatch):
    monkeypatch.delenv("HYPEWATCH_DATA_DIR", raising=False)
    monkeypatch.chdir(tmp_path)
    assert resolve_data_dir() == tmp_path / "data"
    monkeypatch.setenv("HYPEWATCH_DATA_DIR", str(tmp_path / "env"))
    assert resolve_data_dir() == tmp_path / "env"
    assert resolve_data_dir(tmp_path / "flag") == tmp_path / "flag"
