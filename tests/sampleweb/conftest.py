"""One sample web per test session (variant 1), and a plain HTTP client that never follows
redirects or decodes anything, so tests see exactly what the server sent."""

from __future__ import annotations

import http.client
from collections.abc import Iterator
from dataclasses import dataclass
from email.message import Message
from urllib.parse import urlsplit

import pytest

from spiders.sampleweb.server import RunningWeb, running


@pytest.fixture(scope="session")
def web() -> Iterator[RunningWeb]:
    with running(port=0, variant=1) as running_web:
        yield running_web


@dataclass
class Fetched:
    status: int
    headers: Message
    body: bytes


def fetch(url: str, limit: int | None = None, timeout: float = 20) -> Fetched:
    """GET url; read at most `limit` bytes of the body (None: all of it)."""
    parts = urlsplit(url)
    assert parts.hostname == "127.0.0.1", f"tests only talk to 127.0.0.1, not {url}"
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    try:
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        conn.request("GET", path, headers={"Accept-Encoding": "gzip"})
        resp = conn.getresponse()
        body = resp.read(limit) if limit is not None else resp.read()
        return Fetched(resp.status, resp.headers, body)
    finally:
        conn.close()
