from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.warehouse.conftest import NIGHT1, NIGHT2, build_small_lake
from warehouse.catalog import (
    QueryError,
    catalog_path,
    duckdb_type,
    query_table,
    rebuild_catalog,
)
from warehouse.schemas import TABLES

QUERIES = Path(__file__).resolve().parents[2] / "warehouse" / "queries"
BIN = Path(sys.executable).parent


def unquote(sql_type: str) -> str:
    return sql_type.replace('"', "")


def rows(data_dir: Path, sql: str) -> list[dict]:
    return query_table(data_dir, sql).to_pylist(maps_as_pydicts="strict")


def test_views_have_the_schema_columns_and_types_on_an_empty_lake(tmp_path):
    rebuild_catalog(tmp_path)
    for table, schema in TABLES.items():
        assert rows(tmp_path, f"SELECT * FROM {table}") == []
        described = rows(tmp_path, f"DESCRIBE {table}")
        assert [(d["column_name"], unquote(d["column_type"])) for d in described] == [
            (field.name, unquote(duckdb_type(field.type))) for field in schema
        ]


def test_views_have_the_same_types_over_parquet(small_lake):
    for table, schema in TABLES.items():
        described = rows(small_lake, f"DESCRIBE {table}")
        assert [(d["column_name"], unquote(d["column_type"])) for d in described] == [
            (field.name, unquote(duckdb_type(field.type))) for field in schema
        ], table


def test_macros_answer_on_an_empty_lake(tmp_path):
    rebuild_catalog(tmp_path)
    for sql in (
        "SELECT * FROM latest_documents()",
        "SELECT * FROM leaderboard('2026-11-01')",
        "SELECT * FROM claims_since(DATE '2026-11-01')",
    ):
        assert rows(tmp_path, sql) == []
    for path in sorted(QUERIES.glob("*.sql")):
        assert rows(tmp_path, path.read_text()) == [], path.name


def test_every_view_reads_every_night(small_lake):
    counts = {
        t: rows(small_lake, f"SELECT run_date, count(*) AS n FROM {t} GROUP BY ALL ORDER BY 1")
        for t in TABLES
    }
    assert counts["companies"] == [{"run_date": NIGHT1, "n": 3}, {"run_date": NIGHT2, "n": 3}]
    assert counts["documents"] == [{"run_date": NIGHT1, "n": 2}, {"run_date": NIGHT2, "n": 2}]
    assert counts["claims"] == [{"run_date": NIGHT1, "n": 5}, {"run_date": NIGHT2, "n": 6}]
    assert counts["fetch_errors"] == [{"run_date": NIGHT2, "n": 3}]
    assert counts["runs"] == [{"run_date": NIGHT1, "n": 1}, {"run_date": NIGHT2, "n": 1}]
    assert rows(small_lake, "SELECT counts['documents'] AS d FROM runs LIMIT 1") == [{"d": 2}]


def test_latest_documents_keeps_the_newest_version(small_lake):
    got = rows(small_lake, "SELECT company_id, run_date, text FROM latest_documents() ORDER BY 1")
    assert got == [
        {"company_id": "acme", "run_date": NIGHT2, "text": "home v2"},
        {"company_id": "birch", "run_date": NIGHT2, "text": "filing v2"},
    ]


def test_leaderboard(small_lake):
    got = rows(small_lake, "SELECT * FROM leaderboard('2026-11-02')")
    assert [
        (r["company_id"], r["documents"], r["sentences"], r["ai_claims"], r["flagged_claims"])
        for r in got
    ] == [("acme", 1, 4, 3, 3), ("birch", 1, 2, 2, 1), ("cobalt", 0, 0, 0, 0)]
    assert [r["share_flagged"] for r in got] == [1.0, 0.5, None]
    assert got[0]["mean_washing_score"] == pytest.approx((0.9 + 0.8 + 0.95) / 3, abs=1e-4)
    assert got[1]["mean_washing_score"] == pytest.approx(0.4, abs=1e-4)
    assert got[2]["mean_washing_score"] is None
    assert got[0]["name"] == "Acme"
    night1 = rows(
        small_lake, "SELECT company_id, flagged_claims FROM leaderboard(DATE '2026-11-01')"
    )
    assert night1 == [
        {"company_id": "acme", "flagged_claims": 2},
        {"company_id": "birch", "flagged_claims": 0},
        {"company_id": "cobalt", "flagged_claims": 0},
    ]


def test_claims_since(small_lake):
    got = rows(
        small_lake,
        "SELECT run_date, company_id, text FROM claims_since('2026-11-01') ORDER BY text",
    )
    assert got == [
        {"run_date": NIGHT2, "company_id": "acme", "text": "Our AI is 99% accurate."},
        {"run_date": NIGHT2, "company_id": "birch", "text": "The world's first AI-native insurer."},
    ]
    # everything AI is new since before the first night, once, from the night it appeared
    first = rows(
        small_lake,
        "SELECT run_date, count(*) AS n FROM claims_since('2026-10-01') GROUP BY 1 ORDER BY 1",
    )
    assert first == [{"run_date": NIGHT1, "n": 3}, {"run_date": NIGHT2, "n": 2}]


EXPECTED_EXAMPLES = {
    "top_flagged_companies.sql": [
        {
            "company_id": "acme",
            "name": "Acme",
            "ai_claims": 3,
            "flagged_claims": 3,
            "share_flagged": 1.0,
        },
        {
            "company_id": "birch",
            "name": "Birch",
            "ai_claims": 2,
            "flagged_claims": 1,
            "share_flagged": 0.5,
        },
    ],
    "new_flagged_claims_last_7_days.sql": [
        (NIGHT2, "acme", "Our AI is 99% accurate."),
        (NIGHT2, "birch", "The world's first AI-native insurer."),
        (NIGHT1, "acme", "Our AI-powered platform transforms retail."),
        (NIGHT1, "acme", "We will redefine commerce with AI."),
    ],
    "flag_evidence.sql": [{"label": "AI_TERM", "phrase": "ai", "claims": 4, "companies": 2}],
    "washing_by_kind.sql": [
        {"kind": "product_page", "ai_claims": 3, "flagged_claims": 3, "share_flagged": 1.0},
        {"kind": "filing", "ai_claims": 2, "flagged_claims": 1, "share_flagged": 0.5},
    ],
    "fetch_errors_by_source.sql": [
        ("product_pages", "http_404", 2),
        ("edgar", "timeout", 1),
    ],
}


def test_every_example_query_is_tested():
    assert sorted(p.name for p in QUERIES.glob("*.sql")) == sorted(EXPECTED_EXAMPLES)


@pytest.mark.parametrize("name", sorted(EXPECTED_EXAMPLES))
def test_example_query(small_lake, name):
    got = rows(small_lake, (QUERIES / name).read_text())
    expected = EXPECTED_EXAMPLES[name]
    if expected and isinstance(expected[0], tuple):
        keys = {
            "new_flagged_claims_last_7_days.sql": ("first_seen", "company_id", "text"),
            "fetch_errors_by_source.sql": ("source", "error", "urls"),
        }[name]
        got = [tuple(r[k] for k in keys) for r in got]
    else:
        got = [{k: r[k] for k in expected[0]} for r in got]
    assert got == expected


def test_catalog_is_rebuilt_from_the_lake_alone(tmp_path):
    build_small_lake(tmp_path)
    before = rows(tmp_path, "SELECT * FROM leaderboard('2026-11-02')")
    catalog_path(tmp_path).unlink()
    rebuild_catalog(tmp_path)
    assert rows(tmp_path, "SELECT * FROM leaderboard('2026-11-02')") == before


def test_bad_sql_is_a_query_error_on_one_line(small_lake):
    with pytest.raises(QueryError) as info:
        query_table(small_lake, "SELEC * FROM claims")
    assert "\n" not in str(info.value) and "syntax error" in str(info.value).lower()


def hypewatch(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN / "hypewatch"), *args], capture_output=True, text=True)


def test_cli_sql_prints_a_table_csv_and_json(small_lake):
    query = "SELECT company_id, flagged_claims, share_flagged FROM leaderboard('2026-11-02')"
    table = hypewatch("sql", query, "--data-dir", str(small_lake))
    assert table.returncode == 0, table.stderr
    lines = table.stdout.splitlines()
    assert lines[0].split(" | ") == ["company_id", "flagged_claims", "share_flagged"]
    assert lines[2].split() == ["acme", "|", "3", "|", "1"]
    assert lines[-1] == "(3 rows)"

    as_csv = hypewatch("sql", query, "--data-dir", str(small_lake), "--format", "csv")
    assert list(csv.reader(io.StringIO(as_csv.stdout)))[:3] == [
        ["company_id", "flagged_claims", "share_flagged"],
        ["acme", "3", "1.0"],
        ["birch", "1", "0.5"],
    ]
    as_json = hypewatch(
        "sql",
        "SELECT run_date, flags, flag_scores FROM claims WHERE text LIKE '%99%'",
        "--data-dir",
        str(small_lake),
        "--format",
        "json",
    )
    assert json.loads(as_json.stdout) == [
        {
            "run_date": "2026-11-02",
            "flags": ["UNSUPPORTED_METRIC"],
            "flag_scores": {"UNSUPPORTED_METRIC": 0.75},
        }
    ]


def test_cli_sql_uses_the_data_dir_environment_variable(small_lake):
    env = {"HYPEWATCH_DATA_DIR": str(small_lake), "PATH": str(BIN)}
    result = subprocess.run(
        [str(BIN / "hypewatch"), "sql", "SELECT count(*) AS n FROM companies", "--format", "csv"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.stdout == "n\n6\n"


def test_cli_bad_sql_is_one_line_and_exit_1(small_lake):
    result = hypewatch("sql", "SELECT nope FROM claims", "--data-dir", str(small_lake))
    assert result.returncode == 1
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stderr.startswith("error: Binder Error:")
    assert "Traceback" not in result.stderr


def test_duckdb_shell_of_the_same_version_opens_the_catalog(small_lake):
    import duckdb

    shell = shutil.which("duckdb", path=str(BIN))
    assert shell, "the duckdb-cli package installs the shell next to python"
    version = subprocess.run([shell, "--version"], capture_output=True, text=True).stdout
    assert version.startswith(f"v{duckdb.__version__} ")
    result = subprocess.run(
        [
            shell,
            "-readonly",
            "-csv",
            str(catalog_path(small_lake)),
            "-c",
            "SELECT company_id, flagged_claims FROM leaderboard('2026-11-02')",
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "company_id,flagged_claims",
        "acme,3",
        "birch,1",
        "cobalt,0",
    ]
