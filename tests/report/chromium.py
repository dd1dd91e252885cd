"""Real headless Chromium (Debian's `chromium` package) for the report tests: the rendered DOM
and a screenshot of a local file. Offline-safe flags, a fresh profile for every call, and,
where the machine allows it (root, util-linux's unshare), a network namespace of its own with
only loopback up: the pages are local files, and the browser's own probes (an IPv6
reachability check towards a public resolver survives every flag) then reach nothing."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--no-first-run",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--disable-default-apps",
    "--disable-extensions",
    "--disable-domain-reliability",
    "--disable-client-side-phishing-detection",
    "--disable-features=OptimizationHints,MediaRouter,Translate,AutofillServerCommunication",
    "--no-pings",
    # Loopback only, whatever the browser tries on its own: every host name but localhost
    # fails to resolve, and any other http(s) goes to a closed port on loopback.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost",
    "--proxy-server=http://127.0.0.1:9",
)
INSTALL_HINT = (
    "Chromium is needed to render the report: install Debian's package with "
    "`apt-get install -y chromium` (.ci/run does this on CI)"
)


def chromium_binary() -> str:
    found = shutil.which("chromium") or (
        "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None
    )
    if not found:
        pytest.fail(INSTALL_HINT, pytrace=False)
    return found


def loopback_only() -> list[str]:
    """A command prefix that runs the rest in a new network namespace with only loopback
    up, or nothing where namespaces cannot be made."""
    unshare, ip = shutil.which("unshare"), shutil.which("ip")
    if os.geteuid() != 0 or not unshare or not ip:
        return []
    return [unshare, "--net", "--", "sh", "-c", f'{ip} link set lo up && exec "$@"', "sh"]


def run_chromium(*args: str, timeout: float = 180) -> subprocess.CompletedProcess:
    with tempfile.TemporaryDirectory(prefix="hypewatch-chromium-") as profile:
        result = subprocess.run(
            [*loopback_only(), chromium_binary(), *FLAGS, f"--user-data-dir={profile}", *args],
            capture_output=True,
            text=True,
            timeout=timeout,
            stdin=subprocess.DEVNULL,
        )
    if result.returncode != 0:
        pytest.fail(f"chromium exited {result.returncode}:\n{result.stderr[-3000:]}")
    return result


def dump_dom(page: Path) -> str:
    """The DOM after Chromium has parsed and rendered the page, serialised."""
    return run_chromium("--dump-dom", page.resolve().as_uri()).stdout


def screenshot(page: Path, target: Path, width: int = 1280, height: int = 2000) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.unlink(missing_ok=True)
    run_chromium(
        f"--screenshot={target}",
        f"--window-size={width},{height}",
        "--hide-scrollbars",
        page.resolve().as_uri(),
    )
    if not target.is_file():
        pytest.fail(f"chromium wrote no screenshot at {target}")
    return target


class Elements(HTMLParser):
    """Every element of a serialised DOM as (tag, attributes, text inside it)."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[dict] = []
        self._open: list[dict] = []
        self.feed(markup)
        self.close()

    def handle_starttag(self, tag, attrs):
        element = {"tag": tag, "attrs": dict(attrs), "text": ""}
        self.elements.append(element)
        if tag not in ("meta", "link", "br", "img", "input", "hr", "path", "use"):
            self._open.append(element)

    def handle_endtag(self, tag):
        for i in range(len(self._open) - 1, -1, -1):
            if self._open[i]["tag"] == tag:
                del self._open[i:]
                break

    def handle_data(self, data):
        for element in self._open:
            element["text"] += data

    def find(self, tag: str, cls: str | None = None) -> list[dict]:
        return [
            e
            for e in self.elements
            if e["tag"] == tag and (cls is None or cls in (e["attrs"].get("class") or "").split())
        ]
