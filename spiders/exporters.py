"""Parquet output: the documents feed exporter and the fetch-errors writer.

`scrapy crawl NAME -O docs.parquet` writes Document items through ParquetDocumentsExporter
(registered as format "parquet" in FEED_EXPORTERS). FetchError items are not documents: the
exporter skips them and FetchErrorsWriter writes them to HYPEWATCH_FETCH_ERRORS, or beside the
first parquet feed as `<stem>.fetch_errors.parquet`.
"""

from __future__ import annotations

import dataclasses
import logging
from pathlib import Path
from typing import IO, Any
from urllib.parse import unquote, urlsplit

import pyarrow as pa
import pyarrow.parquet as pq
from itemadapter import ItemAdapter
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exporters import BaseItemExporter

from spiders.items import DOCUMENTS_SCHEMA, FETCH_ERRORS_SCHEMA, FetchError

logger = logging.getLogger(__name__)


def to_table(rows: list[dict[str, Any]], schema: pa.Schema) -> pa.Table:
    """Rows to a table of exactly `schema` (column order and types), failing loudly on a
    missing non-nullable value rather than writing a file the warehouse would reject."""
    return pa.Table.from_pylist([{f.name: row.get(f.name) for f in schema} for row in rows], schema)


def write_parquet(table: pa.Table, where: str | Path | IO[bytes]) -> None:
    pq.write_table(table, where, compression="zstd")


class ParquetDocumentsExporter(BaseItemExporter):
    """Documents to one Parquet file with the documents schema. Buffers the run's documents
    (text only; a night's crawl is thousands of rows) and writes once at the end, so a
    crawl that dies half way leaves no half-written file behind a valid name."""

    def __init__(self, file: IO[bytes], **kwargs: Any):
        super().__init__(dont_fail=True, **kwargs)
        self.file = file
        self.rows: list[dict[str, Any]] = []
        # Parquet cannot be appended to: `-o` (append) must behave like `-O` (overwrite).
        if "a" in getattr(file, "mode", ""):
            file.seek(0)
            file.truncate()

    def export_item(self, item: Any) -> None:
        if isinstance(item, FetchError):
            return
        adapter = ItemAdapter(item)
        self.rows.append({name: adapter.get(name) for name in DOCUMENTS_SCHEMA.names})

    def finish_exporting(self) -> None:
        write_parquet(to_table(self.rows, DOCUMENTS_SCHEMA), self.file)


def _feed_path(uri: str) -> Path | None:
    parts = urlsplit(uri)
    if parts.scheme == "file":
        return Path(unquote(parts.path))
    if parts.scheme == "" or len(parts.scheme) == 1:  # a plain path (or a Windows drive)
        return Path(uri)
    return None


class FetchErrorsWriter:
    """Collects FetchError items and writes them as Parquet when the spider closes; also
    counts each error code in the stats. Enabled in EXTENSIONS."""

    def __init__(self, crawler: Crawler):
        self.crawler = crawler
        self.rows: list[dict[str, Any]] = []

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> FetchErrorsWriter:
        ext = cls(crawler)
        crawler.signals.connect(ext.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def item_scraped(self, item: Any) -> None:
        if isinstance(item, FetchError):
            self.rows.append(dataclasses.asdict(item))

    def output_path(self) -> Path | None:
        configured = self.crawler.settings.get("HYPEWATCH_FETCH_ERRORS")
        if configured:
            return Path(configured)
        for uri, options in self.crawler.settings.getdict("FEEDS").items():
            if options.get("format") == "parquet":
                path = _feed_path(str(uri))
                if path is not None:
                    return path.with_name(f"{path.stem}.fetch_errors.parquet")
        return None

    def spider_closed(self) -> None:
        path = self.output_path()
        if path is None:
            if self.rows:
                logger.warning(
                    "%d fetch errors not written: no parquet feed and no HYPEWATCH_FETCH_ERRORS",
                    len(self.rows),
                )
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        write_parquet(to_table(self.rows, FETCH_ERRORS_SCHEMA), path)
        logger.info("Wrote %d fetch errors to %s", len(self.rows), path)
