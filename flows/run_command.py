"""`hypewatch run`: the nightly flow once, in this process, and a short account of it.

With no sources file it serves the bundled sample web on a free port and crawls that, so a
fresh clone shows the whole pipeline without touching the internet.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import typer

from warehouse.schemas import KINDS, SOURCES

KIND_OF = dict(zip(SOURCES, KINDS, strict=True))

SAMPLE_WEB_PORT = 47613
FIRST_QUERY = "SELECT * FROM leaderboard('{run_date}')"


def run_once(sources: Path | None, data_dir: Path | None, run_date: dt.date) -> None:
    """Run `nightly` on `sources` (default: the sample web) and print what it did."""
    from warehouse.lake import resolve_data_dir

    data = resolve_data_dir(data_dir)
    _check_model()
    if sources is None:
        with _sample_web() as web:
            typer.echo(f"sample web at {web.base_url} (sources: {web.sources_path})")
            summary = _run(web.sources_path, data, run_date, dict(web.scrapy_settings))
    else:
        _check_sources(sources)
        summary = _run(sources, data, run_date, {})
    # `hypewatch sql` finds the data directory by the same rules unless it was given here.
    typer.echo(render_summary(summary, None if data == resolve_data_dir(None) else data))
    if summary["failed"]:
        typer.echo(f"error: {summary['failed']}", err=True)
        raise typer.Exit(1)


@contextlib.contextmanager
def _sample_web() -> Iterator[Any]:
    """The sample web on SAMPLE_WEB_PORT when it is free, else on any free port. doc_id hashes
    the URL, port included, so a fixed port lets one night's documents (and their claims) be
    recognised the next night."""
    from spiders.sampleweb.server import running

    with contextlib.ExitStack() as stack:
        try:
            web = stack.enter_context(running(port=SAMPLE_WEB_PORT, variant=1))
        except OSError:  # taken: any free port will do
            web = stack.enter_context(running(port=0, variant=1))
        yield web


def _check_model() -> None:
    from classifiers.api import resolve_model_dir

    model = resolve_model_dir(None)
    if not (model / "meta.json").is_file():
        _fail(f"no trained model in {model} (run `hypewatch train` or `make model`)")


def _check_sources(path: Path) -> None:
    """A bad sources file is user input: one line naming the problem, exit 1."""
    from spiders.sources import SourcesError, load_sources

    try:
        load_sources(path)
    except SourcesError as exc:
        message = str(exc)
        _fail(message if message.startswith("sources file") else f"{path}: {message}")


def _fail(message: str) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(1)


def _run(sources: Path, data: Path, run_date: dt.date, settings: dict[str, str]) -> dict[str, Any]:
    from flows.nightly import SpidersFailed, nightly

    state = nightly(
        sources=str(sources),
        data_dir=str(data),
        run_date=run_date,
        settings=settings,
        return_state=True,
    )
    result = state.result(raise_on_failure=False)
    if isinstance(result, SpidersFailed):
        return {**result.summary, "failed": str(result)}
    if isinstance(result, BaseException):
        raise result
    return {**result, "failed": None}


def render_summary(summary: dict[str, Any], data_dir: Path | None = None) -> str:
    """What the run did, for a person; `data_dir` when the queries need to be told where."""
    counts = summary["counts"]
    lines = [
        f"run {summary['run_date']}: {summary['status']} (model {summary['model_version']})",
        "",
        f"  {'documents of kind':<32}{'documents':>10}{'claims':>9}{'flagged':>9}{'errors':>8}"
        "  spider",
    ]
    for row in summary["sources"]:
        label = f"{KIND_OF.get(row['source'], '?')} ({row['source']})"
        lines.append(
            f"  {label:<32}{row['documents']:>10}{row['claims']:>9}"
            f"{row['flagged_claims']:>9}{row['fetch_errors']:>8}  {row['status']}"
        )
    lines += [
        f"  {'total':<32}{counts['documents']:>10}{counts['claims']:>9}"
        f"{counts['flagged_claims']:>9}{counts['fetch_errors']:>8}",
        "",
        f"  documents classified: {counts['classified_documents']}, "
        f"reused from earlier runs: {counts['reused_documents']}",
        "  seconds: "
        + ", ".join(f"{stage} {value:.1f}" for stage, value in summary["seconds"].items()),
        f"  warehouse: {summary['duckdb']}",
        f"  report: {summary['report'] or 'none'}",
        "",
        "first query to try:",
        f'  hypewatch sql "{FIRST_QUERY.format(run_date=summary["run_date"])}"'
        + (f" --data-dir {data_dir}" if data_dir else ""),
        f"  (or: duckdb {summary['duckdb']})",
    ]
    return "\n".join(lines)
