"""prefect.yaml on a real Prefect server: `prefect server start` on 127.0.0.1 with its own home,
the process pool, `prefect deploy --all`, a worker, and a `nightly` run of the sample web that
ends Completed with its rows visible in DuckDB. The worker stops before the server."""

from __future__ import annotations

import datetime as dt
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from warehouse.catalog import query_table

REPO = Path(__file__).resolve().parents[2]
RUN_DATE = dt.date(2026, 3, 9)
SERVER_START_SECONDS = 180
FLOW_RUN_SECONDS = 900
RETRY_STATUSES = {429, 502, 503}

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def stop(process: subprocess.Popen, timeout: float = 30) -> None:
    """SIGTERM the process group we started, then SIGKILL it if it lingers."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=timeout)


class PrefectServer:
    def __init__(self, home: Path) -> None:
        self.port = free_port()
        self.api = f"http://127.0.0.1:{self.port}/api"
        self.env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith("PREFECT_") or key in ("PREFECT_LOGGING_LEVEL",)
        }
        self.env |= {
            "PREFECT_HOME": str(home),
            "PREFECT_API_URL": self.api,
            "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
            "DO_NOT_TRACK": "1",
            "PREFECT_SERVER_UI_ENABLED": "false",
            # `work-pool create` makes the server fetch Prefect's collection registry from
            # the internet (no setting turns it off); a proxy on a closed loopback port makes
            # that fail at once, so the server uses its bundled copy. Loopback goes direct.
            "HTTPS_PROXY": "http://127.0.0.1:9",
            "HTTP_PROXY": "http://127.0.0.1:9",
            "NO_PROXY": "127.0.0.1,localhost",
        }
        self.log = home / "server.log"

    def command(self, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
        result = subprocess.run(
            [sys.executable, "-m", "prefect", *args],
            cwd=REPO,
            env=env or self.env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert result.returncode == 0, f"prefect {' '.join(args)}:\n{result.stdout}{result.stderr}"
        return result

    def get(self, path: str) -> Any:
        return self.request("GET", path)

    def post(self, path: str, body: dict[str, Any]) -> Any:
        return self.request("POST", path, json=body)

    def request(self, method: str, path: str, **kwargs: Any) -> Any:
        """Retry what Prefect's own client retries: a busy server's SQLite answers 503 (or
        429) while its background services and a freshly started worker hold the database."""
        for attempt in range(8):
            response = httpx.request(method, f"{self.api}{path}", timeout=30, **kwargs)
            if response.status_code not in RETRY_STATUSES or attempt == 7:
                break
            time.sleep(min(2**attempt * 0.5, 10))
        response.raise_for_status()
        return response.json()


@pytest.fixture
def prefect_server(tmp_path: Path) -> Iterator[PrefectServer]:
    home = tmp_path / "prefect-home"
    home.mkdir()
    server = PrefectServer(home)
    with server.log.open("w") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "prefect", "server", "start",
             "--host", "127.0.0.1", "--port", str(server.port), "--no-ui", "--analytics-off"],
            cwd=tmp_path, env=server.env, stdout=log, stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL, start_new_session=True,
        )  # fmt: skip
    try:
        deadline = time.monotonic() + SERVER_START_SECONDS
        while True:
            assert process.poll() is None, server.log.read_text()
            try:
                if httpx.get(f"{server.api}/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline, "prefect server did not start:\n" + (
                server.log.read_text()
            )
            time.sleep(0.5)
        yield server
    finally:
        stop(process)


def test_deploy_all_and_a_worker_run_nightly_on_the_sample_web(
    prefect_server: PrefectServer, sample_web: Any, model_dir: Path, tmp_path: Path
) -> None:
    config = yaml.safe_load((REPO / "prefect.yaml").read_text())
    pool = config["definitions"]["work_pools"]["process_pool"]["name"]
    prefect_server.command("work-pool", "create", pool, "--type", "process")
    # As from a shell at the repository root: `prefect deploy` fills in the pull step's $PWD.
    prefect_server.command(
        "--no-prompt", "deploy", "--all", env=prefect_server.env | {"PWD": str(REPO)}
    )

    deployments = {d["name"]: d for d in prefect_server.post("/deployments/filter", {"limit": 50})}
    assert set(deployments) == {"nightly", "reclassify"}
    nightly_schedules = [s["schedule"] for s in deployments["nightly"]["schedules"]]
    assert nightly_schedules == [{"cron": "0 2 * * *", "timezone": "UTC", "day_or": True}]
    assert deployments["reclassify"]["schedules"] == []
    assert deployments["nightly"]["work_pool_name"] == pool
    assert deployments["nightly"]["parameters"] == {"sources": "sources.yaml", "data_dir": "data"}
    for deployment in deployments.values():
        assert deployment["pull_steps"] == [
            {"prefect.deployments.steps.set_working_directory": {"directory": str(REPO)}}
        ]

    data_dir = tmp_path / "data"
    worker_log = tmp_path / "worker.log"
    # Started away from the checkout: only the pull step can make `flows/nightly.py` loadable.
    worker_env = prefect_server.env | {"PREFECT_WORKER_QUERY_SECONDS": "1"}
    with worker_log.open("w") as log:
        worker = subprocess.Popen(
            [sys.executable, "-m", "prefect", "worker", "start", "--pool", pool,
             "--type", "process", "--limit", "1"],
            cwd=tmp_path, env=worker_env, stdout=log, stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL, start_new_session=True,
        )  # fmt: skip
    try:
        run = prefect_server.post(
            f"/deployments/{deployments['nightly']['id']}/create_flow_run",
            {
                "parameters": {
                    "sources": str(sample_web.sources_path),
                    "data_dir": str(data_dir),
                    "run_date": RUN_DATE.isoformat(),
                    "settings": dict(sample_web.scrapy_settings),
                    "model_dir": str(model_dir),
                }
            },
        )
        deadline = time.monotonic() + FLOW_RUN_SECONDS
        while True:
            state = prefect_server.get(f"/flow_runs/{run['id']}")["state"]
            if state["type"] in ("COMPLETED", "FAILED", "CRASHED", "CANCELLED"):
                break
            assert worker.poll() is None, worker_log.read_text()
            assert time.monotonic() < deadline, f"flow run still {state['type']}"
            time.sleep(2)
        assert state["type"] == "COMPLETED", f"{state}\n{worker_log.read_text()[-4000:]}"
    finally:
        stop(worker)  # the worker goes before the server it talks to

    runs = query_table(data_dir, "SELECT run_id, run_date, status FROM runs").to_pylist()
    assert runs == [{"run_id": run["id"], "run_date": RUN_DATE, "status": "completed"}]
    counts = query_table(
        data_dir,
        "SELECT (SELECT count(*) FROM documents) AS documents, "
        "(SELECT count(*) FROM claims) AS claims, (SELECT count(*) FROM companies) AS companies",
    ).to_pylist()[0]
    assert counts["documents"] > 0 and counts["claims"] > counts["documents"]
    assert counts["documents"] == len(sample_web.manifest["documents"])
    assert counts["companies"] >= len(sample_web.manifest["companies"])
