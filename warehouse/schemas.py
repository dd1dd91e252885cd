"""The data contract: one explicit pyarrow schema per warehouse table.

Every table is partitioned by `run_date`. The column is part of each schema because rows
carry it on the way in, but it is stored in the directory name
(`<lake>/<table>/run_date=YYYY-MM-DD/`), not inside the Parquet files; the DuckDB views
read it back through hive partitioning.
"""

from __future__ import annotations

import pyarrow as pa

PARTITION_COLUMN = "run_date"

KINDS = ("product_page", "filing", "press_release", "pitch_deck")
SOURCES = ("product_pages", "edgar", "press_releases", "pitch_decks")

EVIDENCE_TYPE = pa.struct(
    [
        pa.field("label", pa.string(), nullable=False),
        pa.field("text", pa.string(), nullable=False),
        pa.field("start_char", pa.int32(), nullable=False),
        pa.field("end_char", pa.int32(), nullable=False),
    ]
)
TIMESTAMP = pa.timestamp("us", tz="UTC")

COMPANIES = pa.schema(
    [
        pa.field("company_id", pa.string(), nullable=False),
        pa.field("run_date", pa.date32(), nullable=False),
        pa.field("name", pa.string(), nullable=False),
        pa.field("website", pa.string()),
        pa.field("cik", pa.string()),
        pa.field("feeds", pa.list_(pa.string())),
        pa.field("decks", pa.list_(pa.string())),
    ]
)

DOCUMENTS = pa.schema(
    [
        # doc_id is stable for a URL across runs; content_sha256 tells versions apart.
        pa.field("doc_id", pa.string(), nullable=False),
        pa.field("run_date", pa.date32(), nullable=False),
        pa.field("company_id", pa.string(), nullable=False),
        pa.field("source", pa.string(), nullable=False),
        pa.field("kind", pa.string(), nullable=False),
        pa.field("url", pa.string(), nullable=False),
        pa.field("title", pa.string()),
        pa.field("published_at", TIMESTAMP),
        pa.field("fetched_at", TIMESTAMP, nullable=False),
        pa.field("http_status", pa.int32(), nullable=False),
        pa.field("content_sha256", pa.string(), nullable=False),
        pa.field("text", pa.string(), nullable=False),
    ]
)

CLAIMS = pa.schema(
    [
        pa.field("claim_id", pa.string(), nullable=False),
        pa.field("doc_id", pa.string(), nullable=False),
        pa.field("run_date", pa.date32(), nullable=False),
        pa.field("company_id", pa.string(), nullable=False),
        pa.field("sent_index", pa.int32(), nullable=False),
        pa.field("start_char", pa.int32(), nullable=False),
        pa.field("end_char", pa.int32(), nullable=False),
        pa.field("text", pa.string(), nullable=False),
        pa.field("claim", pa.string(), nullable=False),
        pa.field("claim_score", pa.float32(), nullable=False),
        pa.field("flags", pa.list_(pa.string()), nullable=False),
        pa.field("flag_scores", pa.map_(pa.string(), pa.float32()), nullable=False),
        pa.field("ai_claim", pa.bool_(), nullable=False),
        pa.field("washing", pa.bool_(), nullable=False),
        pa.field("washing_score", pa.float32(), nullable=False),
        pa.field("evidence", pa.list_(EVIDENCE_TYPE), nullable=False),
        pa.field("model_version", pa.string(), nullable=False),
    ]
)

FETCH_ERRORS = pa.schema(
    [
        pa.field("run_date", pa.date32(), nullable=False),
        pa.field("source", pa.string(), nullable=False),
        pa.field("company_id", pa.string()),
        pa.field("url", pa.string(), nullable=False),
        # A short machine-readable code (http_404, timeout, robots_disallowed, pdf_encrypted...).
        pa.field("error", pa.string(), nullable=False),
        pa.field("http_status", pa.int32()),
        pa.field("detail", pa.string()),
    ]
)

RUNS = pa.schema(
    [
        pa.field("run_id", pa.string(), nullable=False),
        pa.field("run_date", pa.date32(), nullable=False),
        pa.field("started_at", TIMESTAMP, nullable=False),
        pa.field("finished_at", TIMESTAMP),
        pa.field("status", pa.string(), nullable=False),
        pa.field("counts", pa.map_(pa.string(), pa.int64()), nullable=False),
        pa.field("model_version", pa.string()),
    ]
)

TABLES: dict[str, pa.Schema] = {
    "companies": COMPANIES,
    "documents": DOCUMENTS,
    "claims": CLAIMS,
    "fetch_errors": FETCH_ERRORS,
    "runs": RUNS,
}


def stored_schema(table: str) -> pa.Schema:
    """The schema of the Parquet files: the table's schema without the partition column."""
    schema = TABLES[table]
    return schema.remove(schema.get_field_index(PARTITION_COLUMN))
