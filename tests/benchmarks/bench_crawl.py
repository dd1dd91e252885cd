"""Crawl speed: product_pages on 2,000 generated marketing pages from a local server, with
extraction, pipelines and the Parquet exporter on, next to `scrapy bench` in the same run.

    python -m tests.benchmarks.bench_crawl [--pages 2000] [--repeat 3]

Both crawls get Scrapy's default concurrency (16 requests, 8 per domain, no delay):
`scrapy bench` runs outside the project, so it uses Scrapy's defaults; our crawl overrides
the polite defaults (1 request per domain, 1 s delay, AutoThrottle) to the same values,
and keeps everything else (robots.txt, address guard, retries, extraction, dedupe, Parquet).
`scrapy bench` only follows links and does no parsing, so it is the ceiling.

Prints a table and writes build/bench/bench_crawl.json.
"""

from __future__ import annotations

import argparse
import ast
import re
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pyarrow.parquet as pq
import yaml

from tests.benchmarks.common import REPO, write_results

SAME_AS_SCRAPY_BENCH = {
    "DOWNLOAD_DELAY": "0",
    "AUTOTHROTTLE_ENABLED": "False",
    "CONCURRENT_REQUESTS": "16",
    "CONCURRENT_REQUESTS_PER_DOMAIN": "8",
    "LOG_LEVEL": "INFO",
}
_WORDS = [
    "platform",
    "automation",
    "analytics",
    "workflow",
    "insight",
    "customer",
    "team",
    "secure",
    "cloud",
    "data",
    "model",
    "pipeline",
    "forecast",
    "accuracy",
    "integration",
    "dashboard",
    "report",
    "scale",
    "latency",
    "retail",
    "logistics",
]


def _sentence(seed: int, length: int = 18) -> str:
    words = [_WORDS[(seed * 7 + i * 13) % len(_WORDS)] for i in range(length)]
    return " ".join(words).capitalize() + "."


def page_html(number: int, total: int) -> bytes:
    """A marketing page: nav, cookie banner, hero, feature sections, FAQ, footer; links
    to ten other pages so the crawl also exercises link extraction and the dupefilter."""
    links = "".join(
        f'<li><a href="/sites/bench/p/{(number * 10 + k) % (total - 1) + 1}">Feature {k}</a></li>'
        for k in range(1, 11)
    )
    sections = "".join(
        f"<section><h2>Capability {s}</h2><p>{_sentence(number + s)} {_sentence(number * s + 1)}</p>"
        f"<ul><li>{_sentence(s, 8)}</li><li>{_sentence(s + 3, 8)}</li></ul></section>"
        for s in range(6)
    )
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        f"<title>Page {number} | Bench Co</title></head><body>"
        "<div class='cookie-banner'>We use cookies to improve your experience. Accept?</div>"
        "<header><nav><a href='/sites/bench/'>Home</a><a href='/sites/bench/p/1'>Product</a>"
        "<a href='/sites/bench/p/2'>Pricing</a><a href='/sites/bench/p/3'>About</a></nav></header>"
        f"<main><h1>Page {number}: {_sentence(number, 6)}</h1><p>{_sentence(number, 30)}</p>"
        f"{sections}<h2>Related</h2><ul>{links}</ul></main>"
        "<footer><p>Bench Co, 1 Main Street. All rights reserved.</p>"
        "<a href='/sites/bench/legal/privacy'>Privacy</a></footer></body></html>"
    ).encode()


class _Pages(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    pages: dict[str, bytes] = {}

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        body = self.pages.get(self.path.split("?")[0])
        status = 200 if body is not None else 404
        body = body if body is not None else b"<html><body>Not found</body></html>"
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


def serve(total: int) -> ThreadingHTTPServer:
    pages = {f"/sites/bench/p/{n}": page_html(n, total) for n in range(1, total)}
    pages["/sites/bench/"] = page_html(0, total)
    pages["/robots.txt"] = b"User-agent: *\nDisallow: /private/\n"
    locs = "".join(
        f"<url><loc>{{base}}{path}</loc></url>" for path in sorted(pages) if "/p/" in path
    )
    pages["/sites/bench/sitemap.xml"] = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>'
    ).encode()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Pages)
    server.daemon_threads = True
    base = f"http://127.0.0.1:{server.server_address[1]}".encode()
    _Pages.pages = {path: body.replace(b"{base}", base) for path, body in pages.items()}
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def final_stats(log: str) -> dict:
    """The stats dict Scrapy dumps at the end of a crawl."""
    match = re.search(r"Dumping Scrapy stats:\n(\{.*?\})\n(?=\d{4}-\d\d-\d\d |\Z)", log, re.DOTALL)
    if not match:
        raise RuntimeError("no stats in the crawl log:\n" + log[-2000:])
    text = re.sub(r"datetime\.datetime\([^)]*\)", "None", match.group(1))
    return ast.literal_eval(text)


def run_product_pages(total: int, workdir: Path) -> dict:
    server = serve(total)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    sources = workdir / "sources.yaml"
    sources.write_text(
        yaml.safe_dump(
            {
                "companies": [
                    {"id": "bench", "name": "Bench Co", "website": f"{base}/sites/bench/"}
                ],
                # The budget covers the pages plus the footer's one dead link.
                "crawl": {"max_pages_per_site": total + 1, "allow_private_networks": True},
            }
        ),
        encoding="utf-8",
    )
    out = workdir / "docs.parquet"
    command = [
        sys.executable, "-m", "scrapy", "crawl", "product_pages",
        "-a", f"sources={sources}", "-O", str(out),
    ]  # fmt: skip
    for key, value in SAME_AS_SCRAPY_BENCH.items():
        command += ["-s", f"{key}={value}"]
    started = time.perf_counter()
    run = subprocess.run(command, cwd=REPO, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - started
    server.shutdown()
    if run.returncode:
        raise RuntimeError(run.stderr[-3000:])
    stats = final_stats(run.stderr)
    documents = pq.read_metadata(out).num_rows
    return {
        "documents": documents,
        "responses": stats.get("response_received_count", 0),
        "crawl_seconds": stats["elapsed_time_seconds"],
        "wall_seconds": wall,
        "pages_per_s": stats.get("response_received_count", 0) / stats["elapsed_time_seconds"],
        "documents_per_s": documents / stats["elapsed_time_seconds"],
    }


def run_scrapy_bench(workdir: Path) -> dict:
    # Outside the project: Scrapy's own defaults, not ours.
    run = subprocess.run(
        [sys.executable, "-m", "scrapy", "bench", "-s", "CLOSESPIDER_TIMEOUT=10"],
        cwd=workdir, capture_output=True, text=True, check=False,
    )  # fmt: skip
    if run.returncode:
        raise RuntimeError(run.stderr[-3000:])
    stats = final_stats(run.stderr)
    return {
        "responses": stats["response_received_count"],
        "crawl_seconds": stats["elapsed_time_seconds"],
        "pages_per_s": stats["response_received_count"] / stats["elapsed_time_seconds"],
    }


def median_run(runs: list[dict]) -> dict:
    """The run with the median pages/s."""
    return sorted(runs, key=lambda r: r["pages_per_s"])[len(runs) // 2]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3, help="alternating runs; medians kept")
    args = parser.parse_args()
    ours_runs, bench_runs = [], []
    # Alternate the two so a change in machine load hits both alike; report medians.
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory(prefix="hypewatch-bench-crawl-") as tmp:
            ours_runs.append(run_product_pages(args.pages, Path(tmp)))
            bench_runs.append(run_scrapy_bench(Path(tmp)))
    ours = median_run(ours_runs)
    bench = median_run(bench_runs)
    ratio = ours["pages_per_s"] / bench["pages_per_s"]
    print(
        f"Crawl speed, {args.pages} generated pages on 127.0.0.1, median of {args.repeat} "
        "alternating runs (pages/s = responses / crawl time)"
    )
    print(f"{'crawl':34} {'responses':>9} {'seconds':>8} {'pages/s':>8}")
    print(
        f"{'product_pages (extraction on)':34} {ours['responses']:9d} "
        f"{ours['crawl_seconds']:8.1f} {ours['pages_per_s']:8.1f}"
    )
    print(
        f"{'scrapy bench (follow links only)':34} {bench['responses']:9d} "
        f"{bench['crawl_seconds']:8.1f} {bench['pages_per_s']:8.1f}"
    )
    print(
        f"ratio product_pages / scrapy bench: {ratio:.2f}  ({ours['documents']} documents written)"
    )
    path = write_results(
        "bench_crawl",
        {"pages": args.pages, "repeat": args.repeat, "product_pages": ours, "scrapy_bench": bench,
         "ratio": ratio, "runs": {"product_pages": ours_runs, "scrapy_bench": bench_runs},
         "settings": SAME_AS_SCRAPY_BENCH},
    )  # fmt: skip
    print(f"wrote {path.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
