"""`hypewatch run` on the sample web: wall time and time per stage (crawl, classify, land), then
a second run of the same run date on the unchanged web, whose documents keep their claims.

    .venv/bin/python -m tests.benchmarks.bench_run
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.benchmarks.common import REPO, write_results

RUN_DATE = dt.date(2026, 3, 2)
STAGES = ("crawl", "classify", "land")


def hypewatch_run(data_dir: Path, prefect_home: Path) -> dict:
    env = os.environ | {
        "PREFECT_HOME": str(prefect_home),
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "DO_NOT_TRACK": "1",
        "PREFECT_LOGGING_LEVEL": "WARNING",
    }
    env.pop("PREFECT_API_URL", None)
    command = [
        str(Path(sys.executable).with_name("hypewatch")),
        "run",
        "--data-dir",
        str(data_dir),
        "--run-date",
        RUN_DATE.isoformat(),
    ]
    start = time.perf_counter()
    result = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - start
    if result.returncode:
        raise SystemExit(f"hypewatch run failed:\n{result.stdout}\n{result.stderr}")
    seconds = dict(
        (stage, float(value))
        for stage, value in re.findall(r"(crawl|classify|land) ([0-9.]+)", result.stdout)
    )
    reuse = re.search(
        r"documents classified: (\d+), reused from earlier runs: (\d+)", result.stdout
    )
    total = re.search(r"^\s+total\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)", result.stdout, re.M)
    return {
        "wall_seconds": round(wall, 2),
        **{f"{stage}_seconds": seconds[stage] for stage in STAGES},
        "other_seconds": round(wall - sum(seconds[stage] for stage in STAGES), 2),
        "documents": int(total.group(1)),
        "claims": int(total.group(2)),
        "classified_documents": int(reuse.group(1)),
        "reused_documents": int(reuse.group(2)),
    }


def main() -> dict:
    with tempfile.TemporaryDirectory(prefix="hypewatch-bench-run-") as tmp:
        data_dir = Path(tmp) / "data"
        # One Prefect home for both, as on a user's machine: the second run finds its database.
        first = hypewatch_run(data_dir, Path(tmp) / "prefect")
        second = hypewatch_run(data_dir, Path(tmp) / "prefect")
    results = {
        "first_run": first,
        "second_run_unchanged_web": second,
        "wall_ratio_second_to_first": round(second["wall_seconds"] / first["wall_seconds"], 3),
        "classify_ratio_second_to_first": round(
            second["classify_seconds"] / first["classify_seconds"], 3
        ),
    }
    print(f"{'':>28}{'first':>10}{'second':>10}")
    for key in first:
        print(f"{key:>28}{first[key]:>10}{second[key]:>10}")
    print(f"wall ratio second/first: {results['wall_ratio_second_to_first']}")
    print(f"classify ratio second/first: {results['classify_ratio_second_to_first']}")
    print(f"results: {write_results('run', results)}")
    return results


if __name__ == "__main__":
    main()
