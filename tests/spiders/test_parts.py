"""Unit tests of the spiders' parts: items, schemas, the address check, retries, error
codes, decoding, extraction, feeds, decks, filings, the Parquet writers and the pipelines."""

from __future__ import annotations

import datetime as dt
import ipaddress
import json

import pyarrow.parquet as pq
import pytest
from fpdf import FPDF
from scrapy.exceptions import DropItem, IgnoreRequest
from scrapy.http import HtmlResponse, Request
from scrapy.spidermiddlewares.httperror import HttpError

from spiders.content import ContentError, decode_body
from spiders.errors import classify
from spiders.exporters import FetchErrorsWriter, ParquetDocumentsExporter
from spiders.extract import extract_page, filing_text, main_text, xml_text
from spiders.items import (
    DOCUMENTS_SCHEMA,
    FETCH_ERRORS_SCHEMA,
    FetchError,
    canonical_url,
    make_doc_id,
    make_document,
)
from spiders.middlewares import address_allowed, retry_after_seconds
from spiders.spiders.pitch_decks import DeckError, read_deck
from spiders.spiders.press_releases import FeedError, parse_feed

RUN = dt.date(2026, 3, 14)


def test_schemas_equal_the_warehouse_contract():
    from warehouse.schemas import DOCUMENTS, FETCH_ERRORS

    assert DOCUMENTS_SCHEMA.equals(DOCUMENTS, check_metadata=False)
    assert FETCH_ERRORS_SCHEMA.equals(FETCH_ERRORS, check_metadata=False)


def test_doc_id_is_stable_across_url_spellings():
    a = make_doc_id("acme", "HTTP://Acme.example:80/product?utm_source=x&b=2&a=1#top")
    b = make_doc_id("acme", "http://acme.example/product?a=1&b=2")
    assert a == b and len(a) == 32
    assert make_doc_id("other", "http://acme.example/product?a=1&b=2") != a
    assert canonical_url("https://acme.example") == "https://acme.example/"
    assert canonical_url("https://x.example/?ref=1") == "https://x.example/?ref=1"


@pytest.mark.parametrize(
    "address",
    ["10.0.0.1", "172.16.5.4", "192.168.1.1", "127.0.0.1", "127.0.0.2", "169.254.169.254",
     "100.64.0.1", "0.0.0.0", "224.0.0.251", "240.0.0.1", "255.255.255.255", "::1",
     "fe80::1", "fc00::1", "ff02::1", "::ffff:10.0.0.1", "::ffff:127.0.0.1", "2002:7f00:1::",
     "192.0.2.10", "2001:db8::1", "::"],
)  # fmt: skip
def test_address_check_refuses_non_public_addresses(address):
    # Literal addresses only: nothing is ever sent to them.
    assert not address_allowed(ipaddress.ip_address(address))


@pytest.mark.parametrize("address", ["93.184.215.14", "8.8.8.8", "2606:4700:4700::1111"])
def test_address_check_allows_public_addresses(address):
    assert address_allowed(ipaddress.ip_address(address))


def test_retry_after_in_seconds_and_http_dates():
    assert retry_after_seconds(b"7") == 7.0
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:10 GMT", now=1445412480.0) == 10.0
    assert retry_after_seconds(b"soon") is None
    assert retry_after_seconds(None) is None


def _http_error(status: int) -> HttpError:
    response = HtmlResponse("http://x.example/", status=status, body=b"")
    return HttpError(response, "ignored")


def test_failures_get_short_codes():
    from scrapy.exceptions import DownloadCancelledError, DownloadTimeoutError

    assert classify(_http_error(404))[:2] == ("http_404", 404)
    assert classify(IgnoreRequest("Forbidden by robots.txt"))[0] == "robots_disallowed"
    assert classify(IgnoreRequest("max redirections reached"))[0] == "redirect_loop"
    bomb = "Ignored response <200 x> because its body (1 B compressed, 2 B decompressed so far) exceeded DOWNLOAD_MAXSIZE (1 B) during decompression."
    assert classify(IgnoreRequest(bomb))[0] == "too_large"
    big = "Expected to receive 20971520 bytes which is larger than download max size (10485760) in request <GET x>."
    assert classify(DownloadCancelledError(big))[0] == "too_large"
    assert classify(DownloadTimeoutError("took longer"))[0] == "timeout"
    code, status, detail = classify(RuntimeError("boom"))
    assert code == "download_failed" and status is None and "boom" in detail


def test_decoding_recovers_wrong_and_missing_charsets():
    text = "Z\u00fcrich \u2014 \u20ac3 \u201cthe usual\u201d"
    body = f"<html><body><p>{text}</p></body></html>".encode("cp1252")
    assert text in decode_body(body, "text/html; charset=utf-8")[0]
    assert text in decode_body(body, "text/html")[0]
    tokyo = "\u6771\u4eac\u30b7\u30e7\u30fc\u30eb\u30fc\u30e0\u306f\u6e0b\u8c37\u99c5\u304b\u3089"
    sjis = f'<html><head><meta charset="shift_jis"></head><p>{tokyo}</p></html>'.encode("shift_jis")
    assert tokyo in decode_body(sjis, "text/html")[0]
    assert tokyo in decode_body(sjis.replace(b'charset="shift_jis"', b""), None)[0]


def test_binary_served_as_html_is_refused():
    with pytest.raises(ContentError) as caught:
        decode_body(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "text/html")
    assert caught.value.code == "binary_content"
    with pytest.raises(ContentError):
        decode_body(bytes((i * 131 + 7) % 256 for i in range(6000)), "text/html")


PAGE = """<!DOCTYPE html><html><head><title>Acme Platform</title>
<meta property="article:published_time" content="2026-01-05T10:00:00Z"></head><body>
<div class="cookie-banner">We use cookies to improve your experience. Accept all cookies?</div>
<header><nav><a href="/">Home</a><a href="/product">Product</a><a href="/pricing">Pricing</a></nav></header>
<main><h1>The Acme platform</h1>
<section><h2>Picking</h2><p>Our AI-powered picking robots cut mis-picks by 37% in a 2025 pilot across 12 warehouses.</p></section>
<section><h2>Routing</h2><p>Route planning uses a gradient-boosted model trained on 4 million past orders.</p></section>
<section><h2>Pricing</h2><ul><li>Starter: $99 per month</li><li>Scale: $999 per month</li></ul></section>
</main><footer><p>Copyright 2019 Acme Inc. All rights reserved.</p><a href="/legal/privacy">Privacy</a></footer>
</body></html>"""


def test_main_text_keeps_every_section_and_drops_chrome():
    text = main_text(PAGE, "https://acme.example/platform")
    for kept in ("mis-picks by 37%", "4 million past orders", "Starter: $99 per month"):
        assert kept in text
    for dropped in ("cookies", "All rights reserved", "Privacy"):
        assert dropped not in text
    page = extract_page(PAGE)
    assert page.title == "Acme Platform"
    # Structured data, not the copyright year in the footer.
    assert page.published_at == dt.datetime(2026, 1, 5, 10, tzinfo=dt.UTC)


def test_main_text_survives_truncated_and_empty_markup():
    assert "Legacy catalogue" in main_text(
        "<html><body><div><p>Legacy catalogue <b>widgets <i>from"
    )
    assert main_text("") == ""


def test_filing_text_drops_xbrl_header_and_keeps_tagged_numbers():
    html = """<html><body><div style="display:none"><ix:header><ix:hidden>
    <ix:nonNumeric name="dei:EntityCentralIndexKey">0001234567</ix:nonNumeric></ix:hidden>
    <ix:resources><xbrli:context id="c1">ctx</xbrli:context></ix:resources></ix:header></div>
    <p>Revenue was $<ix:nonFraction name="us-gaap:Revenues" contextRef="c1">12.5</ix:nonFraction>
    million.</p><table><tr><td>Cost</td><td>3.1</td></tr></table></body></html>"""
    text = filing_text(html)
    assert "Revenue was $12.5 million." in text
    assert "Cost 3.1" in text
    assert "0001234567" not in text and "ctx" not in text


def test_form_c_xml_fields_are_kept():
    xml = b"<edgarSubmission><offeringData><nameOfIssuer>Acme</nameOfIssuer><x/></offeringData></edgarSubmission>"
    assert xml_text(xml) == "nameOfIssuer: Acme"


RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>n</title>
<item><title>One</title><link>https://a.example/news/1</link><pubDate>Tue, 03 Mar 2026 15:00:00 GMT</pubDate></item>
<item><title>No link</title></item></channel></rss>"""
ATOM = b"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>n</title>
<entry><title>Two</title><link href="/news/2"/><id>x</id><updated>2026-03-04T10:00:00Z</updated></entry></feed>"""
JSON_FEED = json.dumps(
    {"version": "https://jsonfeed.org/version/1.1", "title": "n",
     "items": [{"id": "3", "url": "news/3", "title": "Three", "date_published": "2026-03-05T08:00:00-05:00"}]}
).encode()  # fmt: skip


def test_feeds_of_three_formats():
    (rss,) = parse_feed(RSS, "application/rss+xml", "https://a.example/feed.xml")
    assert rss.url == "https://a.example/news/1"
    assert rss.published_at == dt.datetime(2026, 3, 3, 15, tzinfo=dt.UTC)
    (atom,) = parse_feed(ATOM, "application/atom+xml", "https://a.example/atom.xml")
    assert atom.url == "https://a.example/news/2" and atom.title == "Two"
    (item,) = parse_feed(JSON_FEED, "application/feed+json", "https://a.example/feed.json")
    assert item.url == "https://a.example/news/3"
    assert item.published_at == dt.datetime(2026, 3, 5, 13, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("body", "code"),
    [
        (b"", "feed_empty"),
        (b'<?xml version="1.0"?><rss version="2.0"><channel><title>n</title></channel></rss>', "feed_empty"),
        (b'<?xml version="1.0"?><rss version="2.0"><channel><title>G & Co</title><item><title>Half <link>', "feed_malformed"),
        (b"<html><body>not a feed</body></html>", "feed_malformed"),
        (b'{"version": "https://jsonfeed.org/version/1.1", "items": "no"}', "feed_malformed"),
        (b"{not json", "feed_malformed"),
    ],
)  # fmt: skip
def test_bad_feeds_have_codes(body, code):
    with pytest.raises(FeedError) as caught:
        parse_feed(body, "application/xml", "https://a.example/feed.xml")
    assert caught.value.code == code


def _pdf(*pages: str, password: str | None = None) -> bytes:
    pdf = FPDF()
    pdf.set_title("Acme Investor Deck")
    pdf.set_font("helvetica", size=14)
    for text in pages:
        pdf.add_page()
        pdf.multi_cell(0, 10, text)
    if password:
        pdf.set_encryption(owner_password="owner", user_password=password)
    return bytes(pdf.output())


def test_deck_text_keeps_page_numbers():
    deck = read_deck(_pdf("Acme\nRobots for warehouses", "Traction\nAI-powered everything"))
    assert deck.pages == 2 and deck.title == "Acme Investor Deck"
    assert deck.text.startswith("[page 1]\nAcme\nRobots for warehouses")
    assert "\n\n[page 2]\nTraction\nAI-powered everything" in deck.text


def test_encrypted_and_corrupt_decks_have_codes():
    with pytest.raises(DeckError) as caught:
        read_deck(_pdf("secret", password="s3cret"))
    assert caught.value.code == "pdf_encrypted"
    good = _pdf("Acme")
    with pytest.raises(DeckError) as caught:
        read_deck(good[: len(good) // 3])
    assert caught.value.code == "pdf_corrupt"
    with pytest.raises(DeckError) as caught:
        read_deck(b"%PDF-1.7\n" + bytes(range(256)) * 4)
    assert caught.value.code == "pdf_corrupt"


def _document(url: str = "https://a.example/p", text: str = "Some text.") -> object:
    return make_document(
        run_date=RUN, company_id="acme", source="product_pages", url=url, title="T",
        published_at=None, http_status=200, text=text,
    )  # fmt: skip


def test_parquet_exporter_writes_documents_only_and_overwrites(tmp_path):
    path = tmp_path / "docs.parquet"
    path.write_bytes(b"old junk")
    with path.open("ab") as fh:  # `-o` appends: the exporter must still write one file
        exporter = ParquetDocumentsExporter(fh)
        exporter.start_exporting()
        exporter.export_item(_document())
        exporter.export_item(
            FetchError(RUN, "product_pages", "acme", "https://a.example/x", "http_404", 404)
        )
        exporter.finish_exporting()
    table = pq.read_table(path)
    assert table.schema.equals(DOCUMENTS_SCHEMA, check_metadata=False)
    assert table.num_rows == 1
    assert table.column("run_date").to_pylist() == [RUN]


def test_fetch_errors_go_beside_the_first_parquet_feed(tmp_path):
    from scrapy.utils.test import get_crawler

    feed = tmp_path / "out" / "docs.parquet"
    crawler = get_crawler(settings_dict={"FEEDS": {str(feed): {"format": "parquet"}}})
    writer = FetchErrorsWriter.from_crawler(crawler)
    writer.item_scraped(
        FetchError(RUN, "edgar", None, "https://x.example/", "timeout", None, "slow")
    )
    writer.item_scraped(_document())
    writer.spider_closed()
    table = pq.read_table(tmp_path / "out" / "docs.fetch_errors.parquet")
    assert table.schema.equals(FETCH_ERRORS_SCHEMA, check_metadata=False)
    assert table.to_pylist() == [
        {"run_date": RUN, "source": "edgar", "company_id": None, "url": "https://x.example/",
         "error": "timeout", "http_status": None, "detail": "slow"}
    ]  # fmt: skip


def test_pipelines_drop_with_counted_reasons():
    from scrapy.utils.test import get_crawler

    from spiders.pipelines import DedupeContentPipeline, DedupeUrlPipeline, ValidateDocumentPipeline

    crawler = get_crawler()
    validate, by_url, by_content = (
        ValidateDocumentPipeline(crawler), DedupeUrlPipeline(crawler), DedupeContentPipeline(crawler)
    )  # fmt: skip

    def run(item):
        for pipeline in (validate, by_url, by_content):
            item = pipeline.process_item(item)
        return item

    run(_document("https://a.example/p"))
    with pytest.raises(DropItem, match="duplicate_url"):
        run(_document("https://A.example/p#x"))
    with pytest.raises(DropItem, match="duplicate_content"):
        run(_document("https://a.example/p/index.html"))
    with pytest.raises(DropItem, match="empty_text"):
        run(_document("https://a.example/q", text="  "))
    error = FetchError(RUN, "edgar", None, "https://x.example/", "timeout")
    assert run(error) is error
    stats = crawler.stats.get_stats()
    assert stats["hypewatch/dropped/duplicate_url"] == 1
    assert stats["hypewatch/dropped/duplicate_content"] == 1
    assert stats["hypewatch/dropped/empty_text"] == 1


def test_retries_wait_for_retry_after_or_back_off_exponentially():
    from scrapy.utils.test import get_crawler

    from spiders.middlewares import BackoffRetryMiddleware
    from tests.spiders.helpers import project_settings_dict

    crawler = get_crawler(settings_dict=project_settings_dict(RETRY_BACKOFF_BASE=0.5))
    retry = BackoffRetryMiddleware.from_crawler(crawler)
    request = Request("https://a.example/")

    def answer(status: int, **headers: str) -> HtmlResponse:
        return HtmlResponse(request.url, status=status, headers=headers, request=request)

    assert retry.delay_for(request, answer(429, **{"Retry-After": "3"})) == 3.0
    assert retry.delay_for(request, answer(503, **{"Retry-After": "100000"})) is None
    assert retry.delay_for(request, answer(500)) == 0.5
    assert retry.delay_for(request.replace(meta={"retry_times": 2}), answer(429)) == 2.0
    assert retry.delay_for(request.replace(meta={"retry_times": 30}), answer(502)) == 60.0


def test_settings_are_polite_and_closed():
    from scrapy.utils.project import get_project_settings

    settings = get_project_settings()
    assert settings.getbool("ROBOTSTXT_OBEY") and settings.getbool("AUTOTHROTTLE_ENABLED")
    assert settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN") == 1
    assert "contact" in settings.get("USER_AGENT")
    assert not settings.getbool("TELNETCONSOLE_ENABLED")
    assert not settings.getbool("REMOTE_CONTROL_ENABLED")
    extensions = settings.getdict("EXTENSIONS")
    assert extensions["scrapy.extensions.telnet.TelnetConsole"] is None
    assert extensions["scrapy.extensions.remote_control.RemoteControl"] is None
    assert 0 < settings.getint("DOWNLOAD_MAXSIZE") <= 50 * 1024 * 1024
    assert settings.getint("DEPTH_LIMIT") > 0 and settings.getint("CLOSESPIDER_PAGECOUNT") > 0
    assert (
        settings.getdict("FEED_EXPORTERS")["parquet"]
        == "spiders.exporters.ParquetDocumentsExporter"
    )


def test_connection_time_resolver_applies_the_same_check():
    from scrapy.utils.test import get_crawler
    from twisted.internet.error import DNSLookupError

    from spiders.resolver import GuardedResolver

    crawler = get_crawler(settings_dict={"ADDRESS_GUARD_ALLOWED_HOSTS": ["intranet.example:8080"]})
    resolver = GuardedResolver.from_crawler(crawler, reactor=object())
    assert resolver.check("93.184.215.14", "example.com") == "93.184.215.14"
    with pytest.raises(DNSLookupError, match="address guard") as caught:
        resolver.check("10.0.0.7", "rebinding.example")  # literal address: nothing is sent
    assert classify(caught.value)[0] == "address_refused"
    assert resolver.check("10.0.0.8", "intranet.example") == "10.0.0.8"
