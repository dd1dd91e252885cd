"""The `hypewatch` command line. It only parses arguments and hands off to the stages;
stage modules are imported inside each command so that `hypewatch sql` does not pay
for spaCy, Scrapy or Prefect imports."""

from __future__ import annotations

import datetime as dt
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Find AI-washing in company websites, SEC filings, press releases and pitch decks.",
)

DataDirOption = Annotated[
    Path | None,
    typer.Option(
        "--data-dir",
        help="Data directory (lake and DuckDB file). Default: $HYPEWATCH_DATA_DIR or ./data.",
    ),
]


def fail(message: str, code: int = 1) -> None:
    """One clear line on stderr and a non-zero exit: the contract for bad user input."""
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


def parse_run_date(value: str | None) -> dt.date:
    if value is None:
        return dt.datetime.now(dt.UTC).date()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        fail(f"--run-date {value!r} is not a date in YYYY-MM-DD form")
        raise  # unreachable: fail() exits


class OutputFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


@app.command()
def sql(
    query: Annotated[str, typer.Argument(help="SQL to run against the warehouse views.")],
    data_dir: DataDirOption = None,
    output_format: Annotated[
        OutputFormat, typer.Option("--format", help="table, csv or json.")
    ] = OutputFormat.table,
) -> None:
    """Run SQL on the warehouse and print the result."""
    from warehouse.catalog import QueryError, run_query
    from warehouse.lake import resolve_data_dir

    try:
        text = run_query(resolve_data_dir(data_dir), query, output_format.value)
    except QueryError as exc:
        fail(str(exc))
    sys.stdout.write(text)


@app.command()
def run(
    sources: Annotated[
        Path | None,
        typer.Option(help="Sources YAML. Default: the bundled sample web, served offline."),
    ] = None,
    data_dir: DataDirOption = None,
    run_date: Annotated[str | None, typer.Option(help="YYYY-MM-DD; default today (UTC).")] = None,
) -> None:
    """Run the nightly flow once, in this process."""
    from flows.run_command import run_once

    run_once(sources=sources, data_dir=data_dir, run_date=parse_run_date(run_date))


@app.command()
def classify(
    texts: Annotated[list[str] | None, typer.Argument(help="Sentences to label.")] = None,
    input_path: Annotated[
        Path | None,
        typer.Option("--input", help='JSONL file of {"id", "text"} objects; JSONL out.'),
    ] = None,
    model: Annotated[
        Path | None, typer.Option(help="Model directory (default: built model).")
    ] = None,
) -> None:
    """Label sentences by the AI-washing taxonomy."""
    from classifiers.commands import classify_command

    code = classify_command(texts or [], input_path, model)
    raise typer.Exit(code)


@app.command()
def train(
    output: Annotated[Path | None, typer.Option(help="Where to write the model.")] = None,
) -> None:
    """Rebuild the classifier from the labelled corpus in the repository."""
    from classifiers.commands import train_command

    raise typer.Exit(train_command(output))


@app.command()
def evaluate(
    path: Annotated[Path, typer.Argument(help='Labelled JSONL: {"text", "claim", "flags"}.')],
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
    model: Annotated[
        Path | None, typer.Option(help="Model directory (default: built model).")
    ] = None,
) -> None:
    """Score the classifier on a labelled file."""
    from classifiers.commands import evaluate_command

    raise typer.Exit(evaluate_command(path, as_json, model))


@app.command("sample-web")
def sample_web(
    port: Annotated[int, typer.Option(help="Port on 127.0.0.1 (0 picks a free one).")] = 0,
    variant: Annotated[
        int,
        typer.Option(min=1, max=2, help="1: the first night; 2: the second night, with edits."),
    ] = 1,
) -> None:
    """Serve the bundled sample web on 127.0.0.1 until interrupted."""
    from spiders.sampleweb.server import serve_forever

    serve_forever(port, variant=variant)


@app.command()
def report(
    run_date: Annotated[str | None, typer.Option(help="YYYY-MM-DD; default: latest run.")] = None,
    out: Annotated[
        Path | None, typer.Option(help="Output directory (default: <data-dir>/reports).")
    ] = None,
    data_dir: DataDirOption = None,
) -> None:
    """Write the static HTML report of flagged claims and trends."""
    from warehouse.report import ReportError, write_report

    try:
        path = write_report(
            data_dir=data_dir, run_date=parse_run_date(run_date) if run_date else None, out=out
        )
    except ReportError as exc:
        fail(str(exc))
    typer.echo(str(path))


if __name__ == "__main__":
    app()
