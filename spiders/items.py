"""What the spiders yield: a Document per fetched document, a FetchError per URL that could
not be fetched or read. The pyarrow schemas of the two Parquet outputs live here too, because
spiders/ must not import warehouse/ (a later stage); a test asserts they equal
warehouse.schemas.DOCUMENTS and FETCH_ERRORS."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import pyarrow as pa
from w3lib.url import canonicalize_url

KIND_BY_SOURCE = {
    "product_pages": "product_page",
    "edgar": "filing",
    "press_releases": "press_release",
    "pitch_decks": "pitch_deck",
}

TIMESTAMP = pa.timestamp("us", tz="UTC")

DOCUMENTS_SCHEMA = pa.schema(
    [
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

FETCH_ERRORS_SCHEMA = pa.schema(
    [
        pa.field("run_date", pa.date32(), nullable=False),
        pa.field("source", pa.string(), nullable=False),
        pa.field("company_id", pa.string()),
        pa.field("url", pa.string(), nullable=False),
        pa.field("error", pa.string(), nullable=False),
        pa.field("http_status", pa.int32()),
        pa.field("detail", pa.string()),
    ]
)

# Query parameters that only track the visitor: the same page with or without them is one URL.
_TRACKING_PREFIXES = ("utm_",)
_TRACKING_PARAMS = {"gclid", "fbclid", "msclkid", "mc_cid", "mc_eid", "_hsenc", "_hsmi"}


@dataclass
class Document:
    doc_id: str
    run_date: dt.date
    company_id: str
    source: str
    kind: str
    url: str
    title: str | None
    published_at: dt.datetime | None
    fetched_at: dt.datetime
    http_status: int
    content_sha256: str
    text: str


@dataclass
class FetchError:
    run_date: dt.date
    source: str
    company_id: str | None
    url: str
    error: str  # short code: http_404, timeout, robots_disallowed, pdf_encrypted...
    http_status: int | None = None
    detail: str | None = None


def canonical_url(url: str) -> str:
    """One spelling per page: lowercase scheme and host, no default port, no fragment, sorted
    query without tracking parameters (w3lib's canonicalisation plus the tracking rule)."""
    parts = urlsplit(url)
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not (k.lower().startswith(_TRACKING_PREFIXES) or k.lower() in _TRACKING_PARAMS)
    ]
    host = (parts.hostname or "").lower()
    default_port = {"http": 80, "https": 443}.get(parts.scheme.lower())
    netloc = host if parts.port in (None, default_port) else f"{host}:{parts.port}"
    path = parts.path or "/"
    cleaned = urlunsplit((parts.scheme.lower(), netloc, path, urlencode(query), ""))
    return canonicalize_url(cleaned)


def make_doc_id(company_id: str, url: str) -> str:
    """Stable across runs for the same company and page: first 32 hex of sha256."""
    key = f"{company_id}\n{canonical_url(url)}".encode()
    return hashlib.sha256(key).hexdigest()[:32]


def content_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def make_document(
    *,
    run_date: dt.date,
    company_id: str,
    source: str,
    url: str,
    title: str | None,
    published_at: dt.datetime | None,
    http_status: int,
    text: str,
    fetched_at: dt.datetime | None = None,
) -> Document:
    """Build a Document with its derived columns (doc_id, kind, content hash) filled in."""
    return Document(
        doc_id=make_doc_id(company_id, url),
        run_date=run_date,
        company_id=company_id,
        source=source,
        kind=KIND_BY_SOURCE[source],
        url=url,
        title=title,
        published_at=published_at,
        fetched_at=fetched_at or dt.datetime.now(dt.UTC),
        http_status=http_status,
        content_sha256=content_sha256(text),
        text=text,
    )
