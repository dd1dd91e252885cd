"""Glitchy Widgets Co.: a company whose site, feeds and decks misbehave in every way the
crawlers must survive. Each bad URL carries the outcome a default crawl must record
(`outcome` in the manifest): a fetch error (with its code when the code is fixed by the
contract), or a document whose text must still come through.
"""

from __future__ import annotations

import threading
import zlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .companies import boilerplate
from .model import C, Company, Deck, Page, Release, Slide, h2, p
from .pdfs import corrupt_pdf, encrypted_pdf
from .routes import Route

if TYPE_CHECKING:
    from http.server import BaseHTTPRequestHandler

HUGE_BYTES = 20 * 1024 * 1024
BOMB_EXPANDED_BYTES = 110 * 1024 * 1024


@dataclass
class GlitchState:
    """Mutable state shared by the server threads: stall release and the 429 counter."""

    stop: threading.Event = field(default_factory=threading.Event)
    stall_seconds: float = 120.0
    lock: threading.Lock = field(default_factory=threading.Lock)
    busy_hits: int = 0


GLITCHY = Company(
    id="glitchy",
    name="Glitchy Widgets",
    legal_name="Glitchy Widgets Co.",
    tagline="Widgets that mostly work",
    city="Duluth, Minnesota",
    pages=(
        Page(
            "",
            "Widgets that mostly work",
            (
                h2("Widgets for every workshop"),
                p(
                    "Glitchy Widgets has made brass and steel widgets in Duluth since 1987.",
                    C("Our AI-powered widget finder matches the right widget to any job.", "VAGUE"),
                ),
                p("Catalogue pages, some of which may be having a bad day:"),
            ),
            links=(
                ("Catalogue download", "download"),
                ("Spring catalogue", "truncated"),
                ("Legacy catalogue", "malformed"),
                ("Z\u00fcrich showroom", "showroom-zurich"),
                ("Paris showroom", "showroom-paris"),
                ("Tokyo showroom", "showroom-tokyo"),
                ("Full parts list", "parts-list"),
                ("Compressed parts list", "parts-archive"),
                ("Order status", "order-status"),
                ("Discontinued widgets", "discontinued"),
                ("Warranty", "warranty"),
                ("Dealer portal", "dealers"),
                ("Distributor portal", "distributors"),
                ("Live inventory", "inventory"),
                ("Board notes", "private/board-notes"),
                ("Our new home", "moved-away"),
                ("Investors", "investors/"),
                ("About", "about"),
            ),
        ),
        Page(
            "about",
            "About Glitchy Widgets",
            (
                h2("About"),
                p(
                    "Glitchy Widgets Co. employs 85 people in Duluth, Minnesota.",
                    C(
                        "Since 2025 a text classifier trained on 40,000 of our past support emails sorts incoming "
                        "emails into six queues; a person answers every email.",
                        "SPECIFIC",
                    ),
                ),
            ),
            nav_label="About",
        ),
        Page(
            "investors/",
            "Investors",
            (h2("Investors"), p("Presentations for our shareholders.")),
            footer_label="Investors",
            links=(
                ("Company overview (PDF)", "investors/glitchy-overview.pdf"),
                ("Board deck (PDF)", "investors/board-deck.pdf"),
                ("Annual meeting deck (PDF)", "investors/annual-meeting.pdf"),
                ("2024 deck (PDF)", "investors/deck-2024.pdf"),
            ),
        ),
        *boilerplate("Glitchy Widgets", "Glitchy Widgets Co.", "Duluth, Minnesota", ("Machinist",)),
    ),
    releases=(
        Release(
            "glitchy-widget-finder",
            "Glitchy Widgets Launches Widget Finder",
            "2026-05-05T15:00:00+00:00",
            "DULUTH, Minn., May 5, 2026",
            (
                p(
                    "Glitchy Widgets today launched an online widget finder.",
                    C(
                        "The AI widget finder always picks the perfect widget.",
                        "VAGUE",
                        "OVERCLAIM",
                    ),
                ),
            ),
            summary="An online widget finder.",
        ),
    ),
    decks=(
        Deck(
            "glitchy-overview",
            "Glitchy Widgets Overview",
            "2026-03-01",
            (
                Slide("Glitchy Widgets", ("Brass and steel widgets since 1987",)),
                Slide(
                    "2026",
                    (C("AI-powered widget finder for every workshop", "VAGUE"), "Revenue $14M"),
                ),
            ),
        ),
    ),
)

# Links on the glitchy home page that a crawler must NOT follow (other hosts, other sites,
# non-HTTP schemes): (href template, why). {alt} is http://127.0.0.2:PORT.
UNFOLLOWED_LINKS = (
    ("{alt}/sites/glitchy/mirror", "another host (127.0.0.2): offsite"),
    ("/sites/brightsheet/", "another company's site on the same host"),
    ("mailto:orders@example.com", "mailto"),
    ("tel:+12185550199", "tel"),
    ("javascript:void(0)", "javascript"),
)

# Texts that must survive decoding, by path (the encodings tests).
ZURICH_TEXT = (
    "Our Z\u00fcrich showroom \u2014 open since 2019 \u2014 stocks 4,000 widgets from \u20ac3 each; "
    "ask for \u201cthe usual\u201d at the counter."
)
PARIS_TEXT = (
    "Le showroom de Paris propose une cr\u00e8me br\u00fbl\u00e9e et un caf\u00e9 aux visiteurs."
)
TOKYO_TEXT = "\u6771\u4eac\u30b7\u30e7\u30fc\u30eb\u30fc\u30e0\u306f\u6e0b\u8c37\u99c5\u304b\u3089\u5f92\u6b69\u4e94\u5206\u3067\u3059\u3002"
BUSY_TEXT = "Order status is updated every hour from our warehouse in Duluth."


def _simple_page(title: str, body_html: str, charset_meta: str | None) -> str:
    meta = f'<meta charset="{charset_meta}">' if charset_meta else ""
    return (
        f"<!DOCTYPE html>\n<html><head>{meta}<title>{title}</title></head>\n<body>\n<main>\n<h1>{title}</h1>\n"
        f"{body_html}\n</main>\n<footer><p>Glitchy Widgets Co.</p></footer>\n</body></html>\n"
    )


def _binary_body() -> bytes:
    # A deterministic "PNG" with NUL bytes all through it, served as text/html.
    return b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes((i * 131 + 7) % 256 for i in range(6000))


def _truncated(h: BaseHTTPRequestHandler) -> None:
    """Promises 4,000 bytes, sends 1,500, closes: a transfer cut short."""
    body = _simple_page(
        "Spring catalogue", "<p>" + "Spring widgets, all sizes. " * 200 + "</p>", "utf-8"
    ).encode()
    h.send_response(200)
    h.send_header("Content-Type", "text/html; charset=utf-8")
    h.send_header("Content-Length", "4000")
    h.send_header("Connection", "close")
    h.end_headers()
    h.wfile.write(body[:1500])
    h.wfile.flush()
    h.close_connection = True


def _huge(h: BaseHTTPRequestHandler) -> None:
    """A 20 MB page, streamed so the server never holds it."""
    chunk = (b"<p>" + b"Part number GW-0000, brass, 12 mm. " * 28 + b"</p>\n")[:1024]
    h.send_response(200)
    h.send_header("Content-Type", "text/html; charset=utf-8")
    h.send_header("Content-Length", str(HUGE_BYTES))
    h.end_headers()
    head = b"<!DOCTYPE html><html><head><title>Full parts list</title></head><body>"
    h.wfile.write(head + chunk[len(head) :])
    for _ in range(HUGE_BYTES // 1024 - 1):
        h.wfile.write(chunk)


_BOMB: list[bytes] = []
_BOMB_LOCK = threading.Lock()


def bomb_body() -> bytes:
    """~110 KB of gzip that expands to 110 MB of spaces inside an HTML page (built once, lazily)."""
    with _BOMB_LOCK:
        if not _BOMB:
            comp = zlib.compressobj(9, zlib.DEFLATED, 31)
            parts = [
                comp.compress(
                    b"<!DOCTYPE html><html><head><title>Parts archive</title></head><body><p>"
                )
            ]
            block = b" " * (1 << 20)
            parts += [comp.compress(block) for _ in range(BOMB_EXPANDED_BYTES >> 20)]
            parts.append(comp.compress(b"</p></body></html>"))
            parts.append(comp.flush())
            _BOMB.append(b"".join(parts))
        return _BOMB[0]


def _bomb(h: BaseHTTPRequestHandler) -> None:
    body = bomb_body()
    h.send_response(200)
    h.send_header("Content-Type", "text/html; charset=utf-8")
    h.send_header("Content-Encoding", "gzip")
    h.send_header("Content-Length", str(len(body)))
    h.end_headers()
    h.wfile.write(body)


def _busy(h: BaseHTTPRequestHandler) -> None:
    """429 with Retry-After: 1 twice, then 200; the cycle restarts so every crawl sees retries."""
    state: GlitchState = h.server.glitch  # type: ignore[attr-defined]
    with state.lock:
        state.busy_hits += 1
        ok = state.busy_hits % 3 == 0
    if ok:
        body = _simple_page("Order status", f"<p>{BUSY_TEXT}</p>", "utf-8").encode()
        h.send_response(200)
        h.send_header("Content-Type", "text/html; charset=utf-8")
    else:
        body = b"<html><body><h1>429 Too Many Requests</h1></body></html>"
        h.send_response(429)
        h.send_header("Content-Type", "text/html")
        h.send_header("Retry-After", "1")
    h.send_header("Content-Length", str(len(body)))
    h.end_headers()
    h.wfile.write(body)


def _stall(h: BaseHTTPRequestHandler) -> None:
    """Headers and part of the body, then nothing until stall_seconds pass or the server stops."""
    state: GlitchState = h.server.glitch  # type: ignore[attr-defined]
    h.send_response(200)
    h.send_header("Content-Type", "text/html; charset=utf-8")
    h.send_header("Content-Length", "20000")
    h.send_header("Connection", "close")
    h.end_headers()
    h.wfile.write(
        b"<!DOCTYPE html><html><head><title>Live inventory</title></head><body><p>Loading"
    )
    h.wfile.flush()
    state.stop.wait(state.stall_seconds)
    h.close_connection = True


def glitchy_routes(base_url: str, alt_base_url: str) -> dict[str, Route]:
    """The misbehaving paths under /sites/glitchy/, keyed by site-relative path."""
    g = "/sites/glitchy/"
    malformed = (
        "<html><head><title>Legacy catalogue</title><body><div><p>Legacy catalogue <b>widgets <i>from 1987"
        "</b></i><table><tr><td>GW-1 brass widget<td>GW-2 steel widget</tr><p>Ask about the legacy catalogue "
        "<a href='/sites/glitchy/about'>at our store<div></span></body>"
    )
    return {
        "download": Route(
            _binary_body(),
            outcome={
                "outcome": "fetch_error_or_dropped",
                "error": None,
                "expect": "binary body served as text/html: not text",
            },
        ),
        "truncated": Route(
            handler=_truncated,
            outcome={
                "outcome": "fetch_error",
                "error": None,
                "expect": "body shorter than Content-Length (data loss)",
            },
        ),
        "malformed": Route(
            malformed.encode(),
            outcome={
                "outcome": "document",
                "title": "Legacy catalogue",
                "contains": ["GW-2 steel widget"],
            },
        ),
        "showroom-zurich": Route(
            _simple_page("Z\u00fcrich showroom", f"<p>{ZURICH_TEXT}</p>", None).encode("cp1252"),
            content_type="text/html; charset=utf-8",
            outcome={
                "outcome": "document",
                "title": "Z\u00fcrich showroom",
                "contains": [ZURICH_TEXT],
                "expect": "cp1252 bytes under a wrong utf-8 charset header",
            },
        ),
        "showroom-paris": Route(
            _simple_page("Paris showroom", f"<p>{PARIS_TEXT}</p>", None).encode("cp1252"),
            content_type="text/html",
            outcome={
                "outcome": "document",
                "title": "Paris showroom",
                "contains": [PARIS_TEXT],
                "expect": "cp1252 bytes with no charset anywhere",
            },
        ),
        "showroom-tokyo": Route(
            _simple_page("Tokyo showroom", f"<p>{TOKYO_TEXT}</p>", "shift_jis").encode("shift_jis"),
            content_type="text/html",
            outcome={
                "outcome": "document",
                "title": "Tokyo showroom",
                "contains": [TOKYO_TEXT],
                "expect": "Shift-JIS declared only in <meta charset>",
            },
        ),
        "parts-list": Route(
            handler=_huge,
            outcome={
                "outcome": "fetch_error",
                "error": None,
                "expect": "20 MB body: over the download size cap",
            },
        ),
        "parts-archive": Route(
            handler=_bomb,
            outcome={
                "outcome": "fetch_error",
                "error": None,
                "expect": "gzip bomb: ~110 KB expanding to 110 MB",
            },
        ),
        "order-status": Route(
            handler=_busy,
            outcome={
                "outcome": "document",
                "title": "Order status",
                "contains": [BUSY_TEXT],
                "expect": "429 (Retry-After: 1) twice, then 200",
            },
        ),
        "discontinued": Route(
            _simple_page("Not found", "<p>This page does not exist.</p>", "utf-8").encode(),
            status=404,
            outcome={"outcome": "fetch_error", "error": "http_404", "http_status": 404},
        ),
        "warranty": Route(
            b"<html><body><h1>500 Internal Server Error</h1></body></html>",
            status=500,
            outcome={"outcome": "fetch_error", "error": "http_500", "http_status": 500},
        ),
        "dealers": Route(
            b"<html><body><h1>429 Too Many Requests</h1></body></html>",
            status=429,
            headers=(("Retry-After", "1"),),
            outcome={
                "outcome": "fetch_error",
                "error": "http_429",
                "http_status": 429,
                "expect": "always 429 with Retry-After: 1",
            },
        ),
        "distributors": Route(
            b"",
            status=302,
            headers=(("Location", g + "distributors-portal"),),
            outcome={"outcome": "fetch_error", "error": None, "expect": "redirect loop"},
        ),
        "distributors-portal": Route(b"", status=302, headers=(("Location", g + "distributors"),)),
        "inventory": Route(
            handler=_stall,
            outcome={
                "outcome": "fetch_error",
                "error": None,
                "expect": "stalls after part of the body: timeout",
            },
        ),
        "private/board-notes": Route(
            _simple_page("Board notes", "<p>Not for crawlers.</p>", "utf-8").encode(),
            outcome={"outcome": "fetch_error", "error": "robots_disallowed", "http_status": None},
        ),
        "moved-away": Route(
            b"",
            status=302,
            headers=(("Location", f"{alt_base_url}/sites/glitchy/about"),),
            outcome={
                "outcome": "fetch_error",
                "error": None,
                "expect": "redirect to 127.0.0.2: refused by the address guard when private networks "
                "are not allowed; connection refused (nothing listens there) when they are",
            },
        ),
        # Decks: one good (rendered with the company), the rest broken.
        "investors/board-deck.pdf": Route(
            encrypted_pdf(),
            content_type="application/pdf",
            outcome={"outcome": "fetch_error", "error": "pdf_encrypted", "http_status": 200},
        ),
        "investors/annual-meeting.pdf": Route(
            corrupt_pdf(),
            content_type="application/pdf",
            outcome={
                "outcome": "fetch_error",
                "error": None,
                "http_status": 200,
                "expect": "corrupt PDF",
            },
        ),
        "investors/deck-2024.pdf": Route(
            b"<html><body>Not found</body></html>",
            status=404,
            outcome={"outcome": "fetch_error", "error": "http_404", "http_status": 404},
        ),
        # Feeds.
        "feed.xml": Route(
            (
                '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Glitchy Widgets news'
                f"</title><link>{base_url}{g}</link><description>Nothing yet</description></channel></rss>\n"
            ).encode(),
            content_type="application/rss+xml; charset=utf-8",
            outcome={"outcome": "fetch_error", "error": None, "expect": "empty feed: no items"},
        ),
        "broken-feed.xml": Route(
            (
                b'<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Glitchy & Co'
                b"</title><item><title>Half a press release <link>"
            ),
            content_type="application/rss+xml; charset=utf-8",
            outcome={
                "outcome": "fetch_error",
                "error": None,
                "expect": "malformed XML (feedparser: bozo, one entry without a link)",
            },
        ),
        "news/recalled-widgets": Route(
            _simple_page("Not found", "<p>This release was withdrawn.</p>", "utf-8").encode(),
            status=404,
            outcome={"outcome": "fetch_error", "error": "http_404", "http_status": 404},
        ),
    }


def gunzip_size(body: bytes) -> int:
    """Expanded size of a gzip body, counted in 1 MB steps (never holds the whole expansion)."""
    d = zlib.decompressobj(31)
    total = 0
    while True:
        out = d.decompress(body, 1 << 20)
        total += len(out)
        body = d.unconsumed_tail
        if not body and not out:
            return total
