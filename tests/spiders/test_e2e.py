"""Every spider end to end: `scrapy crawl` in a subprocess against the sample web, its output
checked against the web's manifest (the good documents it must yield, the bad URLs that must
become fetch_errors rows, the links it must not follow)."""

from __future__ import annotations

import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import duckdb
import pyarrow.parquet as pq
import pytest
import yaml

from spiders.items import DOCUMENTS_SCHEMA, FETCH_ERRORS_SCHEMA
from spiders.sampleweb.server import running

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
SPIDERS = ("product_pages", "edgar", "press_releases", "pitch_decks")
RUN_DATE = "2026-03-14"
# The sample web's own scrapy_settings carry its pacing; the log level keeps stats readable.
FAST = {"LOG_LEVEL": "INFO"}


def crawl(
    spider: str, sources: Path, out: Path, settings: dict[str, str]
) -> subprocess.CompletedProcess:
    command = [
        sys.executable, "-m", "scrapy", "crawl", spider,
        "-a", f"sources={sources}", "-a", f"run_date={RUN_DATE}", "-O", str(out),
    ]  # fmt: skip
    for key, value in {**FAST, **settings}.items():
        command += ["-s", f"{key}={value}"]
    return subprocess.run(
        command, cwd=REPO, capture_output=True, text=True, timeout=240, stdin=subprocess.DEVNULL
    )


@pytest.fixture(scope="module")
def sample_crawl(tmp_path_factory) -> dict[str, Any]:
    """The four spiders, in parallel, on one sample web."""
    out = tmp_path_factory.mktemp("crawl")
    with running(stall_seconds=30) as web:
        with ThreadPoolExecutor(len(SPIDERS)) as pool:
            runs = dict(
                zip(
                    SPIDERS,
                    pool.map(
                        lambda s: crawl(
                            s, web.sources_path, out / f"{s}.parquet", web.scrapy_settings
                        ),
                        SPIDERS,
                    ),
                    strict=True,
                )
            )
        manifest = web.manifest
    return {"out": out, "runs": runs, "manifest": manifest}


@pytest.mark.parametrize("spider", SPIDERS)
def test_spider_yields_the_manifest(sample_crawl, spider):
    run = sample_crawl["runs"][spider]
    assert run.returncode == 0, run.stderr[-3000:]
    docs_path = sample_crawl["out"] / f"{spider}.parquet"
    errors_path = sample_crawl["out"] / f"{spider}.fetch_errors.parquet"
    docs_table, errors_table = pq.read_table(docs_path), pq.read_table(errors_path)
    assert docs_table.schema.equals(DOCUMENTS_SCHEMA, check_metadata=False)
    assert errors_table.schema.equals(FETCH_ERRORS_SCHEMA, check_metadata=False)
    docs = {d["url"]: d for d in docs_table.to_pylist()}
    errors = {e["url"]: e for e in errors_table.to_pylist()}
    manifest = sample_crawl["manifest"]

    expected = {d["url"]: d for d in manifest["documents"] if d["source"] == spider}
    assert sorted(docs) == sorted(expected)
    for url, want in expected.items():
        got = docs[url]
        assert (got["company_id"], got["kind"], got["source"]) == (
            want["company_id"], want["kind"], spider
        ), url  # fmt: skip
        assert str(got["run_date"]) == RUN_DATE
        if want["title"]:
            assert got["title"] == want["title"], url
        if want["published"]:
            assert got["published_at"] is not None, url
            assert got["published_at"].date().isoformat() == want["published"], url
        for text in want["contains"]:
            assert text in got["text"], (url, text)
        for text in want["absent"]:
            assert text not in got["text"], (url, text)
    assert len({d["doc_id"] for d in docs.values()}) == len(docs)

    expected_errors = [e for e in manifest["fetch_errors"] if e["source"] == spider]
    assert sorted(errors) == sorted(e["url"] for e in expected_errors)
    for want in expected_errors:
        got = errors[want["url"]]
        assert got["company_id"] == want["company_id"] and got["source"] == spider
        assert re.fullmatch(r"[a-z0-9_]+", got["error"]), got
        if want["error"]:
            assert got["error"] == want["error"], got
        if want.get("http_status"):
            assert got["http_status"] == want["http_status"], got
    # Links that are not the linking company's to follow (other hosts, other sites, mailto:).
    not_requested = {(n["company_id"], n["url"]) for n in manifest["not_requested"]}
    reached = {(r["company_id"], r["url"]) for r in [*docs.values(), *errors.values()]}
    assert not not_requested & reached
    # DuckDB reads what we wrote.
    rows = duckdb.sql(f"select count(*) from read_parquet('{docs_path}')").fetchone()
    assert rows == (len(docs),)


def test_bad_inputs_get_their_codes(sample_crawl):
    """The codes the contract leaves to us, pinned so fetch_errors stays queryable."""
    codes = {}
    for spider in SPIDERS:
        path = sample_crawl["out"] / f"{spider}.fetch_errors.parquet"
        codes |= {
            e["url"].rsplit("/sites/", 1)[-1]: e["error"] for e in pq.read_table(path).to_pylist()
        }
    assert codes["glitchy/download"] == "binary_content"
    assert codes["glitchy/truncated"] == "data_loss"
    assert codes["glitchy/parts-list"] == "too_large"
    assert codes["glitchy/parts-archive"] == "too_large"  # the gzip bomb
    assert codes["glitchy/distributors"] == "redirect_loop"
    assert codes["glitchy/inventory"] == "timeout"
    assert codes["glitchy/feed.xml"] == "feed_empty"
    assert codes["glitchy/broken-feed.xml"] == "feed_malformed"
    assert codes["glitchy/investors/annual-meeting.pdf"] == "pdf_corrupt"
    # Private networks are allowed by the sample sources: 127.0.0.2 is tried and refused.
    assert codes["glitchy/moved-away"] == "connection_refused"
    log = sample_crawl["runs"]["product_pages"].stderr
    assert "'retry/reason_count/429'" in log  # order-status answered 429 twice, then 200


def test_address_guard_refuses_redirects_and_links_to_other_loopback_addresses(tmp_path):
    with running(stall_seconds=5) as web:
        port = web.port
        sources = tmp_path / "sources.yaml"
        sources.write_text(
            yaml.safe_dump(
                {
                    "companies": [
                        {
                            "id": "glitchy",
                            "name": "Glitchy Widgets",
                            "website": f"{web.base_url}/sites/glitchy/about",
                            "decks": [f"http://127.0.0.2:{port}/sites/glitchy/investors/"],
                        },
                    ],
                    "crawl": {"allow_private_networks": False, "max_pages_per_site": 1},
                }
            ),
            encoding="utf-8",
        )
        # Private networks are off; only the sample web's own host:port is let through.
        allow = {"ADDRESS_GUARD_ALLOWED_HOSTS": f"127.0.0.1:{port}"}
        moved = crawl("product_pages", sources, tmp_path / "pages.parquet", allow)
        decks = crawl("pitch_decks", sources, tmp_path / "decks.parquet", allow)
        # A start URL that redirects to 127.0.0.2 (first page of the budget).
        sources.write_text(
            sources.read_text().replace("/sites/glitchy/about", "/sites/glitchy/moved-away"),
            "utf-8",
        )
        redirect = crawl("product_pages", sources, tmp_path / "redirect.parquet", allow)
    for run in (moved, decks, redirect):
        assert run.returncode == 0, run.stderr[-2000:]
    # Private and link-local ranges are covered by the address check's unit tests: an end to
    # end crawl never aims at them, even to watch the guard refuse.
    pages = pq.read_table(tmp_path / "pages.fetch_errors.parquet").to_pylist()
    assert pages == []
    assert [d["url"] for d in pq.read_table(tmp_path / "pages.parquet").to_pylist()] == [
        f"http://127.0.0.1:{port}/sites/glitchy/about"
    ]
    (deck_error,) = pq.read_table(tmp_path / "decks.fetch_errors.parquet").to_pylist()
    assert deck_error["error"] == "address_refused"
    redirected = pq.read_table(tmp_path / "redirect.fetch_errors.parquet").to_pylist()
    assert (f"http://127.0.0.1:{port}/sites/glitchy/moved-away", "address_refused") in {
        (e["url"], e["error"]) for e in redirected
    }


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-a", "sources=/nonexistent/sources.yaml"], "sources file '/nonexistent/sources.yaml' does not exist"),
        (["-a", "sources=SOURCES", "-a", "run_date=2026-02-30"], "run_date='2026-02-30' is not a date"),
        ([], "missing -a sources=FILE"),
        (["-a", "sources=SOURCES", "-a", "colour=red"], "unknown spider argument 'colour'"),
    ],
)  # fmt: skip
def test_bad_arguments_exit_2_with_one_line(tmp_path, args, message):
    sources = tmp_path / "sources.yaml"
    sources.write_text("companies: [{id: a, name: A}]\n", encoding="utf-8")
    args = [a.replace("SOURCES", str(sources)) for a in args]
    run = subprocess.run(
        [sys.executable, "-m", "scrapy", "crawl", "edgar", *args, "-s", "LOG_LEVEL=ERROR"],
        cwd=REPO, capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert run.returncode == 2
    errors = [line for line in run.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and message in errors[0], run.stderr
    assert "Traceback" not in run.stderr


def test_scrapy_list_names_the_four_spiders():
    run = subprocess.run(
        [sys.executable, "-m", "scrapy", "list"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 0 and sorted(run.stdout.split()) == sorted(SPIDERS)
