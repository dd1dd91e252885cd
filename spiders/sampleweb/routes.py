"""A route: what the server answers for one path, and what a crawl of it must record."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from http.server import BaseHTTPRequestHandler


@dataclass
class Route:
    """What the server answers for one path. `handler` writes dynamic responses itself."""

    body: bytes = b""
    status: int = 200
    content_type: str | None = "text/html; charset=utf-8"
    headers: tuple[tuple[str, str], ...] = ()
    handler: Callable[[BaseHTTPRequestHandler], None] | None = None
    outcome: dict | None = None  # the expected crawl outcome, for the manifest
