"""The nightly flow: crawl every source, classify what is new, land it all for the run date.

Each spider runs as a `scrapy crawl` subprocess (Twisted's reactor cannot restart inside one
process), all four at once. Tasks hand each other file paths in a staging directory under the
data directory, never tables. A spider that fails after its retries fails its own task only:
the others still land, and the failed source keeps whatever an earlier run of the same date
landed for it, so a re-run never loses a good record.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run
from prefect.tasks import exponential_backoff

from warehouse.schemas import CLAIMS, DOCUMENTS, FETCH_ERRORS, SOURCES

REPO_ROOT = Path(__file__).resolve().parent.parent
CRAWL_TIMEOUT_SECONDS = 3 * 3600
TOP_FLAGGED = 20


class SpidersFailed(RuntimeError):
    """Raised at the end of a run whose other work landed but where some spiders failed."""

    def __init__(self, failed: Mapping[str, str], summary: dict[str, Any]) -> None:
        self.failed = dict(failed)
        self.summary = summary
        names = ", ".join(f"{name} ({reason})" for name, reason in self.failed.items())
        super().__init__(f"spiders failed: {names}; the other sources landed")

    def __reduce__(self) -> tuple[Any, ...]:  # Prefect may pickle a flow's exception
        return (SpidersFailed, (self.failed, self.summary))


@dataclass
class Staging:
    """Where one run of one run date keeps its intermediate files."""

    root: Path

    def docs(self, source: str) -> Path:
        return self.root / f"{source}.documents.parquet"

    def errors(self, source: str) -> Path:
        return self.root / f"{source}.fetch_errors.parquet"

    def log(self, source: str) -> Path:
        return self.root / f"{source}.log"

    @property
    def documents(self) -> Path:
        return self.root / "documents.parquet"

    @property
    def fetch_errors(self) -> Path:
        return self.root / "fetch_errors.parquet"

    @property
    def claims(self) -> Path:
        return self.root / "claims.parquet"


def staging_for(data_dir: Path, run_date: dt.date) -> Staging:
    return Staging(data_dir / "staging" / f"run_date={run_date.isoformat()}")


@dataclass
class CrawlOutput:
    source: str
    documents: Path
    fetch_errors: Path


@dataclass
class ClassifyOutput:
    claims: Path
    model_version: str
    classified_documents: int
    reused_documents: int


# --- tasks --------------------------------------------------------------------------------


@task(
    name="crawl",
    retries=2,
    retry_delay_seconds=exponential_backoff(backoff_factor=10),
    cache_policy=NO_CACHE,
    task_run_name="crawl-{source}",
)
def crawl(
    source: str,
    sources_path: Path,
    run_date: dt.date,
    staging_root: Path,
    settings: Mapping[str, str],
) -> CrawlOutput:
    """`scrapy crawl SOURCE` in a subprocess; documents and fetch errors as Parquet files."""
    staging = Staging(staging_root)
    docs, errors, log = staging.docs(source), staging.errors(source), staging.log(source)
    for stale in (docs, errors):
        stale.unlink(missing_ok=True)
    command = [
        sys.executable, "-m", "scrapy", "crawl", source,
        "-a", f"sources={sources_path}",
        "-a", f"run_date={run_date.isoformat()}",
        "-O", str(docs),
        "-s", f"HYPEWATCH_FETCH_ERRORS={errors}",
        "-s", "FEED_STORE_EMPTY=True",
    ]  # fmt: skip
    for key, value in settings.items():
        command += ["-s", f"{key}={value}"]
    with log.open("w", encoding="utf-8") as out:
        result = subprocess.run(
            command,
            cwd=REPO_ROOT,  # scrapy.cfg lives at the repository root
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            timeout=CRAWL_TIMEOUT_SECONDS,
            check=False,
        )
    if result.returncode != 0 or not docs.exists():
        tail = log.read_text(encoding="utf-8", errors="replace").strip().splitlines()[-15:]
        raise RuntimeError(
            f"scrapy crawl {source} exited {result.returncode}"
            + ("" if docs.exists() else " without writing its documents file")
            + f" (log: {log}):\n"
            + "\n".join(tail)
        )
    if not errors.exists():
        pq.write_table(FETCH_ERRORS.empty_table(), errors)
    get_run_logger().info(
        "%s: %d documents, %d fetch errors",
        source,
        pq.ParquetFile(docs).metadata.num_rows,
        pq.ParquetFile(errors).metadata.num_rows,
    )
    return CrawlOutput(source, docs, errors)


@task(name="land-companies", retries=2, retry_delay_seconds=5, cache_policy=NO_CACHE)
def land_companies(
    data_dir: Path, sources_path: Path, run_date: dt.date, extra_ids: Iterable[str] = ()
) -> int:
    """The sources file's companies, plus those the crawl found on its own (EDGAR search)."""
    from spiders.sources import load_sources
    from warehouse.lake import land_partition

    rows = [
        {
            "company_id": company.id,
            "run_date": run_date,
            "name": company.name,
            "website": company.website,
            "cik": company.cik,
            "feeds": list(company.feeds or []),
            "decks": list(company.decks or []),
        }
        for company in load_sources(sources_path).companies
    ]
    known = {row["company_id"] for row in rows}
    for company_id in sorted(set(extra_ids) - known):
        # Found only through EDGAR full-text search: the spiders name them "cik-<10 digits>".
        cik = company_id.removeprefix("cik-") if company_id.startswith("cik-") else None
        rows.append(
            {"company_id": company_id, "run_date": run_date, "name": company_id,
             "website": None, "cik": cik, "feeds": [], "decks": []}
        )  # fmt: skip
    land_partition(data_dir, "companies", run_date, rows, rebuild_catalog=False)
    return len(rows)


@task(name="collect", cache_policy=NO_CACHE)
def collect(
    data_dir: Path,
    run_date: dt.date,
    crawled: list[CrawlOutput],
    staging_root: Path,
) -> dict[str, int]:
    """One documents file and one fetch-errors file for the night. A source that was not
    crawled successfully keeps what an earlier run of this date landed for it, so a re-run
    with a failing (or deselected) spider never loses a good record."""
    from warehouse.lake import read_partition

    staging = Staging(staging_root)
    docs = [_read(output.documents, "documents") for output in crawled]
    errors = [_read(output.fetch_errors, "fetch_errors") for output in crawled]
    fresh = pa.array([output.source for output in crawled], pa.string())
    for table, parts in (("documents", docs), ("fetch_errors", errors)):
        old = read_partition(data_dir, table, run_date)
        parts.append(old.filter(pc.invert(pc.is_in(old["source"], fresh))))
    documents = pa.concat_tables([DOCUMENTS.empty_table(), *docs])
    fetch_errors = pa.concat_tables([FETCH_ERRORS.empty_table(), *errors])
    pq.write_table(documents, staging.documents)
    pq.write_table(fetch_errors, staging.fetch_errors)
    return {"documents": documents.num_rows, "fetch_errors": fetch_errors.num_rows}


@task(name="classify", cache_policy=NO_CACHE)
def classify(
    data_dir: Path, run_date: dt.date, staging_root: Path, model_dir: Path | None
) -> ClassifyOutput:
    """Label the night's documents; a document already labelled by this model keeps its claims."""
    from classifiers.api import load_classifier, processes_for

    staging = Staging(staging_root)
    classifier = load_classifier(model_dir)
    documents = pq.read_table(staging.documents)
    stored = _stored_claims(data_dir, documents, classifier.model_version)
    done = set(stored["doc_id"].to_pylist())
    todo = [row for row in documents.to_pylist() if row["doc_id"] not in done]
    fresh = classifier.claims_for_documents(todo, processes_for(todo)) if todo else []
    reused = stored.drop_columns(["run_date"]).to_pylist()
    for row in reused:
        row["run_date"] = run_date
    claims = pa.concat_tables(
        [pa.Table.from_pylist(fresh, schema=CLAIMS), pa.Table.from_pylist(reused, schema=CLAIMS)]
    )
    pq.write_table(claims, staging.claims)
    get_run_logger().info(
        "classified %d documents, reused the claims of %d (model %s)",
        len(todo),
        len(done),
        classifier.model_version,
    )
    return ClassifyOutput(staging.claims, classifier.model_version, len(todo), len(done))


@task(name="land", retries=2, retry_delay_seconds=5, cache_policy=NO_CACHE)
def land(data_dir: Path, table: str, run_date: dt.date, path: Path) -> int:
    """Replace the table's partition for the run date with the staged file."""
    from warehouse.lake import land_partition

    rows = pq.read_table(path)
    land_partition(data_dir, table, run_date, rows, rebuild_catalog=False)
    return rows.num_rows


@task(name="land-run", retries=2, retry_delay_seconds=5, cache_policy=NO_CACHE)
def land_run(data_dir: Path, run_date: dt.date, run: Mapping[str, Any]) -> None:
    """Add this flow run to the date's `runs` partition, keeping earlier runs of the date."""
    from warehouse.lake import land_partition, read_partition
    from warehouse.schemas import RUNS

    earlier = read_partition(data_dir, "runs", run_date)
    earlier = earlier.filter(pc.not_equal(earlier["run_id"], run["run_id"]))
    row = dict(run, run_date=run_date, counts=sorted(run["counts"].items()))
    land_partition(
        data_dir,
        "runs",
        run_date,
        pa.concat_tables([earlier, pa.Table.from_pylist([row], schema=RUNS)]),
        rebuild_catalog=False,
    )


@task(name="rebuild-catalog", retries=2, retry_delay_seconds=5, cache_policy=NO_CACHE)
def rebuild_catalog(data_dir: Path) -> Path:
    from warehouse.catalog import rebuild_catalog as rebuild

    return rebuild(data_dir)


@task(name="write-report", cache_policy=NO_CACHE)
def write_report(data_dir: Path, run_date: dt.date) -> Path | None:
    """The night's HTML report (`hypewatch report`), or None when the lake has no night yet."""
    from warehouse.report import ReportError
    from warehouse.report import write_report as write

    try:
        return write(data_dir=data_dir, run_date=run_date)
    except ReportError as exc:
        get_run_logger().warning("no report: %s", exc)
        return None


@task(name="publish-artifacts", cache_policy=NO_CACHE)
def publish_artifacts(
    data_dir: Path, run_date: dt.date, status: Mapping[str, str], report: Path | None
) -> list[dict[str, Any]]:
    """A table of what each source yielded and a report of the most flagged claims."""
    rows = source_summary(data_dir, run_date, status)
    create_table_artifact(
        key="nightly-sources",
        table=rows,
        description=f"Documents, claims, flagged claims and fetch errors per source, {run_date}",
    )
    create_markdown_artifact(
        key="nightly-flagged-claims",
        markdown=flagged_report(data_dir, run_date, report),
        description=f"The most flagged claims of {run_date}",
    )
    return rows


# --- the flow -----------------------------------------------------------------------------


@flow(name="nightly", log_prints=True)
def nightly(
    sources: str,
    data_dir: str,
    run_date: dt.date | None = None,
    settings: dict[str, str] | None = None,
    spiders: list[str] | None = None,
    model_dir: str | None = None,
    crawl_retries: int = 2,
) -> dict[str, Any]:
    """Crawl, classify and land one night.

    sources: the sources YAML. data_dir: the warehouse directory. run_date: default today (UTC).
    settings: extra Scrapy settings for every spider (`-s KEY=VALUE`), e.g. EDGAR base URLs.
    spiders: which spiders to run (default all four). model_dir: default the built model.
    """
    from classifiers.api import ModelNotFoundError, resolve_model_dir
    from spiders.sources import load_sources

    started = dt.datetime.now(dt.UTC)
    run_date = run_date or started.date()
    sources_path = Path(sources).resolve()
    data = Path(data_dir).resolve()
    # A bad sources file or a missing model stops the run before anything lands.
    load_sources(sources_path)
    model = resolve_model_dir(Path(model_dir) if model_dir else None)
    if not (model / "meta.json").is_file():
        raise ModelNotFoundError(
            f"no trained model in {model} (run `hypewatch train` or `make model`)"
        )
    staging = staging_for(data, run_date)
    shutil.rmtree(staging.root, ignore_errors=True)  # whatever a killed run of this date left
    staging.root.mkdir(parents=True)
    run: dict[str, Any] = {
        "run_id": str(flow_run.get_id() or f"local-{started.isoformat()}"),
        "started_at": started,
        "finished_at": None,
        "status": "failed",
        "counts": {},
        "model_version": None,
    }
    failed: dict[str, str] = {}
    seconds = {"crawl": 0.0, "classify": 0.0, "land": 0.0}
    try:
        land_companies(data, sources_path, run_date)
        rebuild_catalog(data)  # the claims lookup below reads the lake through it
        clock = time.perf_counter()
        crawl_task = crawl.with_options(retries=crawl_retries)
        futures = {
            name: crawl_task.submit(name, sources_path, run_date, staging.root, settings or {})
            for name in (SOURCES if spiders is None else spiders)
        }
        crawled = []
        for name, future in futures.items():
            future.wait()
            if future.state.is_completed():
                crawled.append(future.result())
            else:
                failed[name] = (future.state.message or future.state.name).splitlines()[0]
        seconds["crawl"] += time.perf_counter() - clock
        clock = time.perf_counter()
        collected = collect(data, run_date, crawled, staging.root)
        seconds["land"] += time.perf_counter() - clock
        clock = time.perf_counter()
        classified = classify(data, run_date, staging.root, model)
        seconds["classify"] += time.perf_counter() - clock
        clock = time.perf_counter()
        # Documents land last: a run killed in between leaves claims whose documents row does
        # not match them yet, so the next run's claims lookup cannot reuse them by mistake.
        land(data, "fetch_errors", run_date, staging.fetch_errors)
        claim_count = land(data, "claims", run_date, classified.claims)
        land(data, "documents", run_date, staging.documents)
        found = pq.read_table(staging.documents, columns=["company_id"])["company_id"]
        company_count = land_companies(data, sources_path, run_date, set(found.to_pylist()))
        rebuild_catalog(data)
        seconds["land"] += time.perf_counter() - clock
        status = {name: "ok" for name in futures} | {name: "failed" for name in failed}
        report = write_report(data, run_date)
        per_source = publish_artifacts(data, run_date, status, report)
        run["model_version"] = classified.model_version
        run["counts"] = _counts(
            per_source,
            companies=company_count,
            documents=collected["documents"],
            fetch_errors=collected["fetch_errors"],
            claims=claim_count,
            classified_documents=classified.classified_documents,
            reused_documents=classified.reused_documents,
            failed_spiders=len(failed),
        )
        run["status"] = "partial" if failed else "completed"
    finally:
        run["finished_at"] = dt.datetime.now(dt.UTC)
        land_run(data, run_date, run)
        rebuild_catalog(data)
    summary = {
        "run_date": run_date.isoformat(),
        "status": run["status"],
        "model_version": run["model_version"],
        "counts": run["counts"],
        "sources": per_source,
        "seconds": {stage: round(value, 3) for stage, value in seconds.items()},
        "duckdb": str(data / "hypewatch.duckdb"),
        "report": str(report) if report else None,
    }
    if failed:
        raise SpidersFailed(failed, summary)
    shutil.rmtree(staging.root, ignore_errors=True)
    return summary


# --- helpers (wiring only: reading back what landed) ---------------------------------------


def _read(path: Path, table: str) -> pa.Table:
    """A spider's Parquet file, held to the warehouse schema (SchemaError names the column)."""
    from warehouse.lake import conform

    return conform(table, pq.read_table(path))


def _stored_claims(data_dir: Path, documents: pa.Table, model_version: str) -> pa.Table:
    """Claims already labelled by `model_version` for these exact documents (same doc_id and
    content hash), from the latest run date that holds them."""
    from warehouse.catalog import connect

    if documents.num_rows == 0 or not (data_dir / "hypewatch.duckdb").exists():
        return CLAIMS.empty_table()
    wanted = documents.select(["doc_id", "content_sha256"])
    with connect(data_dir, read_only=True) as con:
        con.register("wanted", wanted)
        found = con.execute(
            """
            WITH labelled AS (
                SELECT c.*, dense_rank() OVER (
                    PARTITION BY c.doc_id ORDER BY c.run_date DESC) AS newest
                FROM claims c
                JOIN documents d ON d.doc_id = c.doc_id AND d.run_date = c.run_date
                JOIN wanted w ON w.doc_id = d.doc_id AND w.content_sha256 = d.content_sha256
                WHERE c.model_version = ?
            )
            SELECT * EXCLUDE (newest) FROM labelled WHERE newest = 1
            ORDER BY doc_id, sent_index
            """,
            [model_version],
        ).to_arrow_table()
    # A run killed between landing claims and documents can leave a date whose claims belong
    # to other content than its documents row says; claims that do not cut the same sentences
    # out of the document's text are not reused.
    text_of = dict(zip(documents["doc_id"].to_pylist(), documents["text"].to_pylist(), strict=True))
    rows_of: dict[str, list[dict[str, Any]]] = {}
    for row in found.to_pylist():
        rows_of.setdefault(row["doc_id"], []).append(row)
    rows = [
        row
        for doc_id, doc_rows in rows_of.items()
        if all(text_of[doc_id][r["start_char"] : r["end_char"]] == r["text"] for r in doc_rows)
        for row in doc_rows
    ]
    return pa.Table.from_pylist(rows, schema=CLAIMS) if rows else CLAIMS.empty_table()


def source_summary(
    data_dir: Path, run_date: dt.date, status: Mapping[str, str]
) -> list[dict[str, Any]]:
    """Per source: documents, claims, flagged claims and fetch errors landed for the date."""
    from warehouse.lake import read_partition

    docs = read_partition(data_dir, "documents", run_date).select(["doc_id", "source"])
    claims = read_partition(data_dir, "claims", run_date).select(["doc_id", "washing"])
    errors = read_partition(data_dir, "fetch_errors", run_date).select(["source"])
    source_of = dict(zip(docs["doc_id"].to_pylist(), docs["source"].to_pylist(), strict=True))
    doc_counts = Counter(docs["source"].to_pylist())
    claim_counts: Counter[str] = Counter()
    flagged_counts: Counter[str] = Counter()
    for doc_id, washing in zip(
        claims["doc_id"].to_pylist(), claims["washing"].to_pylist(), strict=True
    ):
        claim_counts[source_of.get(doc_id, "?")] += 1
        flagged_counts[source_of.get(doc_id, "?")] += bool(washing)
    error_counts = Counter(errors["source"].to_pylist())
    return [
        {
            "source": source,
            "status": status.get(source, "not run"),
            "documents": doc_counts[source],
            "claims": claim_counts[source],
            "flagged_claims": flagged_counts[source],
            "fetch_errors": error_counts[source],
        }
        for source in [*SOURCES, *sorted(set(status) - set(SOURCES))]
        if source in status or doc_counts[source] or error_counts[source]
    ]


def flagged_report(
    data_dir: Path, run_date: dt.date, report: Path | None = None, limit: int = TOP_FLAGGED
) -> str:
    """Markdown: the run's highest-scoring flagged claims, each with its evidence spans."""
    from warehouse.lake import read_partition

    docs = read_partition(data_dir, "documents", run_date).select(["doc_id", "url", "kind"])
    where = {
        doc_id: (url, kind)
        for doc_id, url, kind in zip(
            docs["doc_id"].to_pylist(), docs["url"].to_pylist(), docs["kind"].to_pylist(),
            strict=True,
        )
    }  # fmt: skip
    claims = read_partition(data_dir, "claims", run_date)
    flagged = claims.filter(pc.equal(claims["washing"], True)).to_pylist()
    flagged.sort(key=lambda c: (-c["washing_score"], c["company_id"], c["doc_id"], c["sent_index"]))
    lines = [
        f"# Most flagged claims, {run_date.isoformat()}",
        "",
        f"{len(flagged)} of {claims.num_rows} sentences flagged as possible AI-washing.",
        "",
    ]
    if report:
        lines += [
            f"The whole night, with trends and changes: [{report.name}]({report.as_uri()})",
            "",
        ]
    for rank, claim in enumerate(flagged[:limit], start=1):
        url, kind = where.get(claim["doc_id"], ("", ""))
        flags = ", ".join(claim["flags"]) or "no flags"
        lines += [
            f"{rank}. **{claim['company_id']}** ({kind}, {claim['claim']}, {flags}, "
            f"score {claim['washing_score']:.2f}): {_md(claim['text'])}",
            f"   - source: <{url}>",
        ]
        for span in claim["evidence"]:
            lines.append(f"   - {span['label']}: \u201c{_md(span['text'])}\u201d")
    return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|").replace("*", "\\*").replace("_", "\\_")


def _counts(per_source: list[dict[str, Any]], **totals: int) -> dict[str, int]:
    counts = dict(totals)
    counts["flagged_claims"] = sum(row["flagged_claims"] for row in per_source)
    for row in per_source:
        for key in ("documents", "claims", "flagged_claims", "fetch_errors"):
            counts[f"{key}:{row['source']}"] = row[key]
    return counts
