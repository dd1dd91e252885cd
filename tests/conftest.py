"""Session-wide settings shared by every test package.

Prefect and Scrapy read their configuration from the environment, so it is fixed here,
before anything imports them: no analytics, no telemetry, a private PREFECT_HOME, and a
generous start-up timeout for the temporary Prefect server on a 2-core machine.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

_PREFECT_HOME = Path(tempfile.mkdtemp(prefix="hypewatch-prefect-home-"))
os.environ.setdefault("PREFECT_HOME", str(_PREFECT_HOME))
os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
os.environ["DO_NOT_TRACK"] = "1"
os.environ["PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"] = "120"
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
os.environ.pop("HYPEWATCH_DATA_DIR", None)
# Every crawl a test starts (in-process or as a subprocess) may reach loopback only: the
# address guard refuses any other host before resolving it (spiders/middlewares.py).
os.environ["HYPEWATCH_LOOPBACK_ONLY"] = "1"

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED = REPO_ROOT.parent / "shared"
