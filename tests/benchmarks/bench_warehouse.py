"""Warehouse benchmark: land 1,000,000 generated claim rows over 30 run dates, then run the
leaderboard macro next to a plain read_parquet scan of the same files (same run, same disk).

    .venv/bin/python -m tests.benchmarks.bench_warehouse
"""

from __future__ import annotations

import datetime as dt
import tempfile
import time
from pathlib import Path

import duckdb
import pyarrow.parquet as pq

from tests.benchmarks.common import best_of, write_results
from tests.warehouse.factory import generated_claims
from warehouse.catalog import DUCKDB_CONFIG, connect, rebuild_catalog
from warehouse.lake import lake_dir, land_partition

ROWS = 1_000_000
DATES = 30


def main() -> dict:
    first = dt.date(2026, 10, 1)
    days = [first + dt.timedelta(days=i) for i in range(DATES)]
    per_day = [ROWS // DATES + (1 if i < ROWS % DATES else 0) for i in range(DATES)]
    tables = [
        generated_claims(day, n, seed=i)
        for i, (day, n) in enumerate(zip(days, per_day, strict=True))
    ]

    with tempfile.TemporaryDirectory(prefix="hypewatch-bench-") as tmp:
        data_dir = Path(tmp) / "data"
        raw_dir = Path(tmp) / "raw"
        raw_dir.mkdir()

        # Baseline: pyarrow writing the same tables with the same compression, no checks.
        start = time.perf_counter()
        for day, table in zip(days, tables, strict=True):
            pq.write_table(
                table.drop_columns(["run_date"]), raw_dir / f"{day}.parquet", compression="zstd"
            )
        raw_seconds = time.perf_counter() - start

        start = time.perf_counter()
        for day, table in zip(days, tables, strict=True):
            land_partition(data_dir, "claims", day, table, rebuild_catalog=False)
        rebuild_catalog(data_dir)
        land_seconds = time.perf_counter() - start

        # The list-of-dicts path (what a flow hands over) on a slice, for its per-row cost.
        sample = tables[0].slice(0, 20_000).to_pylist(maps_as_pydicts="strict")
        start = time.perf_counter()
        land_partition(Path(tmp) / "records", "claims", days[0], sample, rebuild_catalog=False)
        records_seconds = time.perf_counter() - start

        glob = str(lake_dir(data_dir) / "claims" / "run_date=*" / "data.parquet")
        last = days[-1].isoformat()
        con = connect(data_dir)
        raw = duckdb.connect(config=DUCKDB_CONFIG)
        leaderboard_sql = f"SELECT * FROM leaderboard('{last}')"
        scan_sql = (
            f"SELECT count(*), sum(washing_score), count(DISTINCT company_id) "
            f"FROM read_parquet('{glob}')"
        )
        scan_day_sql = (
            f"SELECT company_id, count(*), avg(washing_score) FROM read_parquet('{glob}', "
            f"hive_partitioning = true) WHERE run_date = DATE '{last}' GROUP BY 1"
        )
        leaderboard = best_of(lambda: con.sql(leaderboard_sql).fetchall())
        scan = best_of(lambda: raw.sql(scan_sql).fetchall())
        scan_day = best_of(lambda: raw.sql(scan_day_sql).fetchall())
        leaderboard_all = best_of(
            lambda: [con.sql(f"SELECT * FROM leaderboard('{d}')").fetchall() for d in days],
            repeat=3,
        )
        companies = len(con.sql(leaderboard_sql).fetchall())
        con.close()
        raw.close()

    results = {
        "rows": ROWS,
        "run_dates": DATES,
        "landing_seconds": round(land_seconds, 3),
        "landing_rows_per_s": round(ROWS / land_seconds),
        "raw_pyarrow_write_seconds": round(raw_seconds, 3),
        "landing_vs_raw_write": round(land_seconds / raw_seconds, 2),
        "records_path_rows_per_s": round(len(sample) / records_seconds),
        "leaderboard_one_day_median_s": round(leaderboard[0], 4),
        "plain_scan_all_files_median_s": round(scan[0], 4),
        "plain_scan_one_day_grouped_median_s": round(scan_day[0], 4),
        "leaderboard_vs_plain_scan": round(leaderboard[0] / scan[0], 2),
        "leaderboard_vs_plain_day_scan": round(leaderboard[0] / scan_day[0], 2),
        "leaderboard_each_of_30_days_median_s": round(leaderboard_all[0], 4),
        "leaderboard_companies": companies,
    }
    path = write_results("warehouse", results)
    width = max(map(len, results))
    for key, value in results.items():
        print(f"{key.ljust(width)}  {value}")
    print(f"-> {path}")
    return results


if __name__ == "__main__":
    main()
