"""Short error codes for the fetch_errors table, one per way a URL can fail.

The codes are the contract with whoever reads fetch_errors: stable, lowercase, few.
"""

from __future__ import annotations

import zlib

from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadTimeoutError,
    IgnoreRequest,
    ResponseDataLossError,
    UnsupportedURLSchemeError,
)
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet import error as tx_error
from twisted.python.failure import Failure
from twisted.web._newclient import ResponseFailed, ResponseNeverReceived

# Codes raised by our own parsing of what was fetched.
BINARY_CONTENT = "binary_content"  # bytes that are not text, whatever the Content-Type says
UNDECODABLE = "undecodable"  # text in no encoding we can read
EMPTY_TEXT = "empty_text"  # fetched and parsed, but no main text
UNSUPPORTED_TYPE = "unsupported_type"  # e.g. an image where a page or PDF was expected
PDF_ENCRYPTED = "pdf_encrypted"
PDF_CORRUPT = "pdf_corrupt"
FEED_EMPTY = "feed_empty"
FEED_MALFORMED = "feed_malformed"
EDGAR_MALFORMED = "edgar_malformed"  # JSON from an EDGAR endpoint not in the SEC's shape
PARSE_ERROR = "parse_error"  # a bug or a surprise in a callback: the exception, not a crash


class GuardRefused(IgnoreRequest):
    """A request the address guard would not send; `code` says why."""

    def __init__(self, code: str, detail: str):
        super().__init__(detail)
        self.code = code


def classify(error: Failure | BaseException) -> tuple[str, int | None, str]:
    """(code, http_status, detail) for a failed request."""
    exc = error.value if isinstance(error, Failure) else error
    detail = str(exc) or type(exc).__name__
    if isinstance(exc, HttpError):
        status = exc.response.status
        return f"http_{status}", status, f"HTTP {status}"
    if isinstance(exc, GuardRefused):
        return exc.code, None, detail
    if isinstance(exc, IgnoreRequest):
        text = detail.lower()
        if "robots.txt" in text:
            return "robots_disallowed", None, detail
        if "max redirections" in text or "redirect loop" in text:
            return "redirect_loop", None, detail
        if "download_maxsize" in text or "max size" in text:
            return "too_large", None, detail
        return "ignored", None, detail
    if isinstance(exc, DownloadCancelledError) and "max size" in detail:
        return "too_large", None, detail
    if isinstance(exc, DownloadTimeoutError | tx_error.TimeoutError | tx_error.TCPTimedOutError):
        return "timeout", None, detail
    if isinstance(exc, CannotResolveHostError | tx_error.DNSLookupError):
        if "address guard" in detail:
            return "address_refused", None, detail
        return "dns_error", None, detail
    if isinstance(exc, DownloadConnectionRefusedError | tx_error.ConnectionRefusedError):
        return "connection_refused", None, detail
    if isinstance(exc, ResponseDataLossError):
        return "data_loss", None, detail
    if isinstance(exc, UnsupportedURLSchemeError):
        return "scheme_refused", None, detail
    if isinstance(exc, zlib.error | OSError) and "compress" in detail.lower():
        return "decode_error", None, detail
    if isinstance(exc, ResponseFailed | ResponseNeverReceived | tx_error.ConnectionLost):
        return "connection_error", None, detail
    return "download_failed", None, f"{type(exc).__name__}: {detail}"
