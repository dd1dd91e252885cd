"""pitch_decks: PDFs given directly in a company's `decks`, or linked from the pages given
there; text per page, each page's text under a `[page N]` line."""

from __future__ import annotations

import datetime as dt
import io
import logging
import re
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from pypdf import PdfReader
from pypdf.errors import FileNotDecryptedError, PdfReadError, PyPdfError
from scrapy.http import HtmlResponse, Request, Response
from scrapy.linkextractors import LinkExtractor

from spiders.content import ContentError, decode_body
from spiders.errors import EMPTY_TEXT, PDF_CORRUPT, PDF_ENCRYPTED, UNSUPPORTED_TYPE
from spiders.spiders.base import HypewatchSpider

logging.getLogger("pypdf").setLevel(logging.ERROR)  # it warns on every odd xref

_SPACES = re.compile(r"[ \t\u00a0]+")
_PDF_DATE = re.compile(r"^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?")


class DeckError(Exception):
    def __init__(self, code: str, detail: str):
        super().__init__(detail)
        self.code = code


@dataclass(frozen=True)
class Deck:
    title: str | None
    text: str
    pages: int
    created_at: dt.datetime | None


def _pdf_date(value: Any) -> dt.datetime | None:
    match = _PDF_DATE.match(str(value or ""))
    if not match:
        return None
    parts = [int(p) if p else d for p, d in zip(match.groups(), (0, 1, 1, 0, 0, 0), strict=True)]
    try:
        return dt.datetime(*parts, tzinfo=dt.UTC)  # type: ignore[misc]
    except ValueError:
        return None


def read_deck(body: bytes) -> Deck:
    """Text of a PDF, page by page; raises DeckError (pdf_encrypted, pdf_corrupt)."""
    try:
        reader = PdfReader(io.BytesIO(body))
        if reader.is_encrypted:
            # Many "encrypted" PDFs only restrict printing and open with an empty password.
            try:
                opened = reader.decrypt("")
            except (PyPdfError, NotImplementedError) as exc:
                raise DeckError(PDF_ENCRYPTED, f"cannot decrypt: {exc}") from None
            if not opened:
                raise DeckError(PDF_ENCRYPTED, "the PDF needs a password")
        pages = []
        for number, page in enumerate(reader.pages, start=1):
            text = page.extract_text() or ""
            lines = [_SPACES.sub(" ", line).strip() for line in text.splitlines()]
            body_text = "\n".join(line for line in lines if line)
            pages.append(f"[page {number}]\n{body_text}".rstrip())
        meta = reader.metadata or {}
        title = meta.get("/Title")
        created = _pdf_date(meta.get("/CreationDate"))
    except DeckError:
        raise
    except FileNotDecryptedError as exc:
        raise DeckError(PDF_ENCRYPTED, str(exc)) from None
    except (PdfReadError, PyPdfError, ValueError, KeyError, TypeError, OSError) as exc:
        raise DeckError(PDF_CORRUPT, f"{type(exc).__name__}: {exc}") from None
    has_text = any(p.count("\n") for p in pages)
    if not has_text:
        return Deck(title=None, text="", pages=len(pages), created_at=created)
    if not title:
        first = next((p.split("\n", 2)[1] for p in pages if "\n" in p), None)
        title = first
    return Deck(
        title=str(title).strip() or None,
        text="\n\n".join(pages),
        pages=len(pages),
        created_at=created,
    )


def is_pdf(response: Response) -> bool:
    content_type = response.headers.get("Content-Type", b"").decode("latin-1").lower()
    return "pdf" in content_type or response.body[:1024].lstrip().startswith(b"%PDF")


class PitchDecksSpider(HypewatchSpider):
    name = "pitch_decks"
    custom_settings = {"DOWNLOAD_MAXSIZE": 50 * 1024 * 1024}  # decks are large PDFs

    pdf_links = LinkExtractor(deny_extensions=[], unique=True)

    async def start(self) -> AsyncIterator[Any]:
        for company in self.sources.companies:
            for url in company.decks:
                yield Request(
                    url,
                    callback=self.parse_start,
                    errback=self.errback,
                    meta={"company_id": company.id},
                )

    def parse_start(self, response: Response) -> Iterator[Any]:
        """A deck itself, or a page that links to decks."""
        if is_pdf(response):
            yield from self.parse_pdf(response)
            return
        content_type = response.headers.get("Content-Type", b"").decode("latin-1")
        try:
            html = decode_body(response.body, content_type)[0]
        except ContentError as exc:
            yield self.content_error(response, exc)
            return
        page = HtmlResponse(url=response.url, body=html, encoding="utf-8")
        found = 0
        for link in self.pdf_links.extract_links(page):
            if urlsplit(link.url).path.lower().endswith(".pdf"):
                found += 1
                yield Request(
                    link.url,
                    callback=self.parse_pdf,
                    errback=self.errback,
                    meta={"company_id": response.meta["company_id"]},
                )
        if not found:
            yield self.fetch_error(response.request, UNSUPPORTED_TYPE, response.status,
                                   "neither a PDF nor a page linking to PDFs",
                                   url=response.url)  # fmt: skip

    def parse_pdf(self, response: Response) -> Iterator[Any]:
        if not is_pdf(response):
            content_type = response.headers.get("Content-Type", b"").decode("latin-1")
            yield self.fetch_error(response.request, UNSUPPORTED_TYPE, response.status,
                                   f"expected a PDF, got {content_type or 'no type'}",
                                   url=response.url)  # fmt: skip
            return
        try:
            deck = read_deck(response.body)
        except DeckError as exc:
            yield self.fetch_error(response.request, exc.code, response.status, str(exc),
                                   url=response.url)  # fmt: skip
            return
        if not deck.text:
            yield self.fetch_error(response.request, EMPTY_TEXT, response.status,
                                   f"no text in {deck.pages} pages (scanned?)",
                                   url=response.url)  # fmt: skip
            return
        yield self.document(
            response,
            company_id=response.meta["company_id"],
            text=deck.text,
            title=deck.title,
            published_at=deck.created_at,
        )
