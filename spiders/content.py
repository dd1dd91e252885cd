"""Reading what a server sent: is it text, and in which encoding.

Servers lie about charsets (cp1252 labelled utf-8), omit them (Shift-JIS with no label) and
label binaries text/html. We decode strictly in the most trustworthy encoding that works,
detect when nothing does, and refuse bytes that are not text at all."""

from __future__ import annotations

import codecs
import re

import charset_normalizer
from scrapy.http import Response
from w3lib.encoding import html_body_declared_encoding, http_content_type_encoding

from spiders.errors import BINARY_CONTENT, UNDECODABLE


class ContentError(Exception):
    """The response cannot be read as the kind of document we wanted; `code` says why."""

    def __init__(self, code: str, detail: str):
        super().__init__(detail)
        self.code = code
        self.detail = detail


_MAGIC = {
    b"%PDF-": "PDF",
    b"\x89PNG": "PNG image",
    b"GIF8": "GIF image",
    b"\xff\xd8\xff": "JPEG image",
    b"PK\x03\x04": "ZIP archive",
    b"\x1f\x8b": "gzip data",
    b"\x7fELF": "executable",
    b"RIFF": "RIFF media",
    b"\x00\x00\x01\x00": "icon",
}
_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f]")
# Share of control characters above which bytes are not text in any 8-bit encoding.
MAX_CONTROL_SHARE = 0.02
MAX_REPLACEMENT_SHARE = 0.01


def binary_kind(body: bytes) -> str | None:
    """What the bytes are if they are not text, else None."""
    head = body[:4096]
    if head.startswith(_BOMS):
        return None
    for magic, kind in _MAGIC.items():
        if head.startswith(magic):
            return kind
    if b"\x00" in head:
        return "binary data (NUL bytes)"
    if head and len(_CONTROL.findall(head)) / len(head) > MAX_CONTROL_SHARE:
        return "binary data (control bytes)"
    return None


def _strict(body: bytes, encoding: str | None) -> str | None:
    if not encoding:
        return None
    try:
        return body.decode(codecs.lookup(encoding).name)
    except (LookupError, UnicodeDecodeError):
        return None


def _single_byte(encoding: str) -> bool:
    try:
        # Only multi-byte encodings can spell a kana at all.
        return not codecs.encode("\u3042", encoding, errors="ignore")
    except LookupError:
        return True


def decode_body(body: bytes, content_type: str | None = None) -> tuple[str, str]:
    """(text, encoding) of an HTML or text body; raises ContentError when the bytes are not
    text or decode in no encoding."""
    kind = binary_kind(body)
    if kind:
        raise ContentError(BINARY_CONTENT, f"{kind} served as {content_type or 'text'}")
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                      (codecs.BOM_UTF16_BE, "utf-16")):  # fmt: skip
        if body.startswith(bom):
            text = _strict(body, name)
            if text is not None:
                return text, name
    # Declared encodings first (header, then the document's own meta), each strictly: a
    # label that does not decode the bytes is a wrong label, not a reason for mojibake.
    declared = [
        http_content_type_encoding(content_type) if content_type else None,
        html_body_declared_encoding(body),
    ]
    for encoding in declared:
        text = _strict(body, encoding)
        if text is not None:
            return text, codecs.lookup(encoding).name  # type: ignore[arg-type]
    text = _strict(body, "utf-8")
    if text is not None:
        return text, "utf-8"
    best = charset_normalizer.from_bytes(body[:200_000]).best()
    # A multi-byte guess (Shift-JIS, GB, Big5, EUC) is confirmed by the byte structure; a
    # single-byte guess is not (cp1252 text also "decodes" as cp775), and the web's
    # single-byte default is Windows-1252, as in the HTML standard.
    if best is not None and not _single_byte(best.encoding):
        text = _strict(body, best.encoding)
        if text is not None:
            return text, best.encoding
    text = _strict(body, "cp1252")
    if text is not None:
        return text, "cp1252"
    if best is not None:
        text = _strict(body, best.encoding)
        if text is not None:
            return text, best.encoding
    # Last resort, lossless on nearly every byte: Windows-1252 with replacements.
    text = body.decode("cp1252", errors="replace")
    if text.count("\ufffd") / max(1, len(text)) > MAX_REPLACEMENT_SHARE:
        raise ContentError(UNDECODABLE, "bytes decode in no known encoding")
    return text, "cp1252"


def response_text(response: Response) -> str:
    """The response body as text (see decode_body)."""
    content_type = response.headers.get("Content-Type", b"").decode("latin-1") or None
    return decode_body(response.body, content_type)[0]
