"""The sample web's HTTP server: one threaded server on 127.0.0.1, never any other address.

`running()` is the context manager tests and flows use; `serve_forever()` is
`hypewatch sample-web`. Shutdown is bounded: stalled responses wait on an event that closing
sets, and open connections are shut down, so closing takes well under a second.
"""

from __future__ import annotations

import contextlib
import json
import logging
import shutil
import signal
import socket
import sys
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote

import yaml

from . import edgar
from .build import SampleWeb, build
from .glitchy import GlitchState

HOST = "127.0.0.1"
log = logging.getLogger(__name__)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "hypewatch-sampleweb/1.0"
    timeout = 30  # idle keep-alive connections are closed after this many seconds

    server: _Server

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        self._serve(head=False)

    def do_HEAD(self) -> None:  # noqa: N802
        self._serve(head=True)

    def _send(
        self, status: int, body: bytes, content_type: str | None, headers=(), head: bool = False
    ) -> None:
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def _serve(self, head: bool) -> None:
        web = self.server.web
        raw_path, _, query = self.path.partition("?")
        path = unquote(raw_path)
        if path == edgar.SEARCH_PATH:
            self._send(
                200,
                edgar.to_json(edgar.search(web.search_docs, query)),
                "application/json",
                head=head,
            )
            return
        route = web.routes.get(path)
        if route is None and not path.endswith("/") and path + "/" in web.routes:
            # /sites/acme -> /sites/acme/, as web servers do for directories
            location = path + "/" + (f"?{query}" if query else "")
            self._send(301, b"", None, (("Location", location),), head=head)
            return
        if route is None:
            body = b"<!DOCTYPE html><html><head><title>Not found</title></head><body><h1>404 Not Found</h1></body></html>"
            self._send(404, body, "text/html; charset=utf-8", head=head)
            return
        if route.handler is not None and not head:
            route.handler(self)
            return
        self._send(route.status, route.body, route.content_type, route.headers, head=head)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - signature from http.server
        log.debug("%s %s", self.address_string(), format % args)


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, port: int) -> None:
        super().__init__((HOST, port), _Handler)
        self.glitch = GlitchState()
        self.web: SampleWeb
        self._connections: set[socket.socket] = set()
        self._connections_lock = threading.Lock()

    def process_request(self, request, client_address) -> None:
        with self._connections_lock:
            self._connections.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request) -> None:
        with self._connections_lock:
            self._connections.discard(request)
        super().shutdown_request(request)

    def handle_error(self, request, client_address) -> None:
        exc = sys.exc_info()[1]
        if isinstance(exc, (ConnectionError, TimeoutError, OSError)):
            return  # clients that hang up mid-response are normal here (size caps, timeouts)
        log.exception("sample web: error serving %s", client_address)

    def close_all(self) -> None:
        """Releases stalled responses, stops accepting, and cuts every open connection."""
        self.glitch.stop.set()
        self.shutdown()
        self.server_close()
        with self._connections_lock:
            conns = list(self._connections)
        for conn in conns:
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)


@dataclass
class RunningWeb:
    """A running sample web. `set_variant(2)` turns it into "the second night" on the same URLs."""

    base_url: str
    sources_path: Path
    manifest_path: Path
    scrapy_settings: dict[str, str]
    _server: _Server = field(repr=False)

    @property
    def variant(self) -> int:
        return self._server.web.variant

    @property
    def manifest(self) -> dict:
        return self._server.web.manifest

    @property
    def port(self) -> int:
        return self._server.server_address[1]

    def manifest_companies(self) -> list[dict]:
        """The companies of the sources file (id, name, website, cik, feeds, decks)."""
        return list(self.manifest["companies"])

    def set_variant(self, variant: int) -> None:
        """Serves `variant` from now on, on the same port (doc_ids hash the URL, port included)."""
        self._server.web = build(self.base_url, variant)
        self.manifest_path.write_text(
            json.dumps(self.manifest, indent=1, ensure_ascii=False), encoding="utf-8"
        )


class _QuotedStr(str):
    """A string YAML must quote: a CIK such as 0002081101 would read as a number in YAML 1.2."""


class _SourcesDumper(yaml.SafeDumper):
    pass


_SourcesDumper.add_representer(
    _QuotedStr,
    lambda dumper, value: dumper.represent_scalar("tag:yaml.org,2002:str", str(value), style='"'),
)


def sources_yaml(sources: dict, base_url: str) -> str:
    """The sources file text, with CIKs quoted as DESIGN.md shows them."""
    data = {
        **sources,
        "companies": [
            {**c, "cik": _QuotedStr(c["cik"])} if "cik" in c else c for c in sources["companies"]
        ],
    }
    header = f"# Sources for the hypewatch sample web at {base_url} (made-up companies, served offline).\n"
    return header + yaml.dump(data, Dumper=_SourcesDumper, sort_keys=False, allow_unicode=True)


@contextlib.contextmanager
def running(port: int = 0, variant: int = 1, stall_seconds: float = 120.0) -> Iterator[RunningWeb]:
    """Serves the sample web on 127.0.0.1:port (0 = a free port) for the duration of the block.

    Writes a sources YAML (and manifest.json) for this server to a temporary directory that is
    removed on exit.
    """
    server = _Server(port)
    try:
        base_url = f"http://{HOST}:{server.server_address[1]}"
        server.web = build(base_url, variant)
        server.glitch.stall_seconds = stall_seconds
        folder = Path(tempfile.mkdtemp(prefix="hypewatch-sampleweb-"))
        web = RunningWeb(
            base_url=base_url,
            sources_path=folder / "sources.yaml",
            manifest_path=folder / "manifest.json",
            scrapy_settings=dict(server.web.scrapy_settings),
            _server=server,
        )
        web.sources_path.write_text(sources_yaml(server.web.sources, base_url), encoding="utf-8")
        web.manifest_path.write_text(
            json.dumps(web.manifest, indent=1, ensure_ascii=False), encoding="utf-8"
        )
    except BaseException:
        server.server_close()
        raise
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True, name="sampleweb"
    )
    thread.start()
    try:
        yield web
    finally:
        server.close_all()
        thread.join(timeout=5)
        shutil.rmtree(folder, ignore_errors=True)


def serve_forever(port: int = 0, variant: int = 1) -> None:
    """`hypewatch sample-web`: prints the URL and the sources file, serves until Ctrl-C or
    SIGTERM, then removes the temporary sources file."""
    stop = threading.Event()
    previous = {}
    if threading.current_thread() is threading.main_thread():
        # Explicit handlers: a shell starting us in the background leaves SIGINT ignored.
        for sig in (signal.SIGINT, signal.SIGTERM):
            previous[sig] = signal.signal(sig, lambda *_: stop.set())
    try:
        with running(port=port, variant=variant) as web:
            print(f"Sample web: {web.base_url}/", flush=True)
            print(f"Sources file: {web.sources_path}", flush=True)
            print(f"Manifest: {web.manifest_path}", flush=True)
            print("Press Ctrl-C to stop.", flush=True)
            while not stop.wait(0.5):
                pass
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
