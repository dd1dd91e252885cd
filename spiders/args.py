"""Spider arguments (`-a sources=FILE -a run_date=YYYY-MM-DD`), parsed and validated in one
place. Bad input stops the crawl before it starts with one line on stderr and exit code 2."""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

from spiders.sources import Sources, SourcesError, load_sources

EXIT_USAGE = 2


class SpiderArgumentError(ValueError):
    """A spider argument is missing or malformed; the message names it."""


@dataclass(frozen=True)
class SpiderArgs:
    sources_path: Path
    sources: Sources
    run_date: dt.date


def parse_spider_args(kwargs: dict[str, Any], today: dt.date | None = None) -> SpiderArgs:
    """Validate the -a arguments of any hypewatch spider."""
    unknown = sorted(set(kwargs) - {"sources", "run_date"})
    if unknown:
        raise SpiderArgumentError(
            f"unknown spider argument {unknown[0]!r} (expected: sources, run_date)"
        )
    sources = kwargs.get("sources")
    if not sources:
        raise SpiderArgumentError("missing -a sources=FILE (the sources YAML to crawl)")
    raw_date = kwargs.get("run_date")
    if raw_date is None or raw_date == "":
        run_date = today or dt.datetime.now(dt.UTC).date()
    else:
        try:
            run_date = dt.date.fromisoformat(str(raw_date))
        except ValueError:
            raise SpiderArgumentError(
                f"-a run_date={raw_date!r} is not a date in YYYY-MM-DD form"
            ) from None
    path = Path(sources)
    try:
        loaded = load_sources(path)
    except SourcesError as exc:
        raise SpiderArgumentError(f"-a sources: {exc}") from None
    return SpiderArgs(sources_path=path, sources=loaded, run_date=run_date)


def exit_with_usage_error(error: SpiderArgumentError) -> NoReturn:
    """One line, non-zero exit, no traceback (Scrapy would log the exception with a
    traceback and exit 1). Runs while the crawler is built, before the reactor starts."""
    sys.stderr.write(f"error: {error}\n")
    sys.stderr.flush()
    raise SystemExit(EXIT_USAGE)
