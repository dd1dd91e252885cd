"""Real headless Chromium (Debian's `chromium` package) for the report tests: the rendered DOM
and a screenshot of a local file. Offline-safe flags, a fresh profile for every call."""

from __future__ import annotations

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


def run_chromium(*args: str, timeout: float = 180) -> subprocess.CompletedProcess:
    with tempfile.TemporaryDirectory(prefix="hypewatch-chromium-") as profile:
        result = subprocess.run(
            [chromium_binary(), *FLAGS, f"--user-data-dir={profile}", *args],
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
