"""Each spider's callbacks on saved responses built here: no network, no reactor."""

from __future__ import annotations

import asyncio
import datetime as dt
import json

import pytest
from fpdf import FPDF
from scrapy import Request
from scrapy.http import HtmlResponse, Response, TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from spiders.errors import GuardRefused
from spiders.items import Document, FetchError
from spiders.middlewares import AddressGuardMiddleware, FetchErrorSpiderMiddleware
from spiders.spiders.edgar import EdgarSpider
from spiders.spiders.pitch_decks import PitchDecksSpider
from spiders.spiders.press_releases import PressReleasesSpider
from spiders.spiders.product_pages import ProductPagesSpider, page_priority
from tests.spiders.helpers import RUN_DATE, html_response, make_spider

SITE = "https://acme.example/"
SOURCES = {
    "companies": [
        {
            "id": "acme",
            "name": "Acme",
            "website": SITE,
            "cik": "0001234567",
            "feeds": [SITE + "feed.xml"],
            "decks": [SITE + "investors/"],
        }
    ],
    "edgar": {"forms": ["10-K", "8-K"], "search_terms": ["artificial intelligence"],
              "user_agent": "hypewatch tests test@example.org"},
    "crawl": {"max_pages_per_site": 4},
}  # fmt: skip


def collect(agen) -> list:
    async def run():
        return [x async for x in agen]

    return asyncio.run(run())


def split(results) -> tuple[list[Document], list[FetchError], list[Request]]:
    results = list(results)
    return (
        [r for r in results if isinstance(r, Document)],
        [r for r in results if isinstance(r, FetchError)],
        [r for r in results if isinstance(r, Request)],
    )


# --- product_pages ---------------------------------------------------------------------


HOME = """<html><head><title>Acme</title></head><body>
<nav><a href="/legal/privacy">Privacy</a><a href="/careers">Careers</a><a href="/blog/">Blog</a>
<a href="/platform">Platform</a><a href="/ai">AI</a><a href="/product/robots">Robots</a>
<a href="https://elsewhere.example/">Partner</a><a href="mailto:x@acme.example">Mail</a></nav>
<main><h1>Acme robots</h1><p>Acme makes warehouse robots that pick and pack orders around the clock.</p></main>
</body></html>"""


def test_product_pages_start_from_home_sitemap_and_robots(tmp_path):
    spider = make_spider(ProductPagesSpider, tmp_path, SOURCES)
    requests = collect(spider.start())
    assert [r.url for r in requests] == [
        SITE,
        SITE + "sitemap.xml",
        "https://acme.example/robots.txt",
    ]
    assert all(r.meta["company_id"] == "acme" for r in requests)
    assert requests[1].meta["optional"] is True


def test_product_pages_prefer_product_pages_within_the_budget(tmp_path):
    spider = make_spider(ProductPagesSpider, tmp_path, SOURCES)
    collect(spider.start())  # schedules the home page: 1 of 4 pages
    response = html_response(SITE, HOME, meta={"company_id": "acme", "is_home": True})
    docs, errors, requests = split(spider.parse_page(response))
    assert not errors
    (doc,) = docs
    assert doc.company_id == "acme" and doc.source == "product_pages" and doc.kind == "product_page"
    assert doc.run_date == RUN_DATE and doc.title == "Acme" and doc.http_status == 200
    assert "pick and pack orders" in doc.text and "Privacy" not in doc.text
    # Budget 4 = home + the three preferred pages; legal, careers and blog wait.
    assert sorted(r.url for r in requests) == [
        SITE + "ai",
        SITE + "platform",
        SITE + "product/robots",
    ]
    assert page_priority(SITE + "ai", "/") > page_priority(SITE + "legal/privacy", "/")


def test_product_pages_read_sitemaps_and_indexes(tmp_path):
    spider = make_spider(ProductPagesSpider, tmp_path, SOURCES)
    collect(spider.start())
    index = html_response(
        SITE + "sitemap.xml",
        '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        "<sitemap><loc>https://acme.example/pages.xml</loc></sitemap>"
        "<sitemap><loc>https://other.example/pages.xml</loc></sitemap></sitemapindex>",
        meta={"company_id": "acme"}, cls=TextResponse,
    )  # fmt: skip
    _, _, requests = split(spider.parse_sitemap(index))
    assert [r.url for r in requests] == ["https://acme.example/pages.xml"]
    urlset = html_response(
        SITE + "pages.xml",
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        "<url><loc>https://acme.example/solutions/</loc></url>"
        "<url><loc>https://acme.example/</loc></url></urlset>",
        meta={"company_id": "acme"}, cls=TextResponse,
    )  # fmt: skip
    _, _, requests = split(spider.parse_sitemap(urlset))
    assert [r.url for r in requests] == ["https://acme.example/solutions/"]  # home already queued
    broken = html_response(
        SITE + "x.xml", "<html>nope", meta={"company_id": "acme"}, cls=TextResponse
    )
    _, errors, _ = split(spider.parse_sitemap(broken))
    assert [e.error for e in errors] == ["sitemap_malformed"]


def test_binary_page_becomes_a_fetch_error(tmp_path):
    spider = make_spider(ProductPagesSpider, tmp_path, SOURCES)
    collect(spider.start())
    body = b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)) * 8
    response = html_response(SITE + "download", body, meta={"company_id": "acme"},
                             headers={"Content-Type": "text/html"})  # fmt: skip
    docs, errors, requests = split(spider.parse_page(response))
    assert not docs and not requests
    assert [(e.error, e.url, e.company_id) for e in errors] == [
        ("binary_content", SITE + "download", "acme")
    ]


def test_errback_turns_failures_into_rows_and_skips_missing_optional_urls(tmp_path):
    spider = make_spider(ProductPagesSpider, tmp_path, SOURCES)
    request = Request(SITE + "gone", meta={"company_id": "acme"})
    failure = Failure(HttpError(HtmlResponse(request.url, status=404, request=request), "x"))
    failure.request = request
    (row,) = spider.errback(failure)
    assert (row.error, row.http_status, row.url, row.source) == (
        "http_404",
        404,
        SITE + "gone",
        "product_pages",
    )
    optional = Request(SITE + "sitemap.xml", meta={"company_id": "acme", "optional": True})
    failure = Failure(HttpError(HtmlResponse(optional.url, status=404, request=optional), "x"))
    failure.request = optional
    assert list(spider.errback(failure)) == []


def test_callback_exceptions_become_parse_errors(tmp_path):
    spider = make_spider(ProductPagesSpider, tmp_path, SOURCES)
    middleware = FetchErrorSpiderMiddleware(spider.crawler)
    response = html_response(SITE + "odd", "<p>x</p>", meta={"company_id": "acme"})
    (row,) = middleware.process_spider_exception(response, KeyError("surprise"))
    assert (row.error, row.url, row.company_id) == ("parse_error", SITE + "odd", "acme")
    bare = Request(SITE + "x")
    assert middleware._prepare(bare).errback == spider.errback


# --- the address guard --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "code"),
    [
        ("http://127.0.0.2:8080/x", "address_refused"),
        ("http://10.1.2.3/", "address_refused"),
        ("http://[fe80::1]/", "address_refused"),
        ("http://169.254.169.254/latest/meta-data/", "address_refused"),
        ("ftp://files.example/deck.pdf", "scheme_refused"),
        ("file:///etc/passwd", "scheme_refused"),
    ],
)
def test_guard_refuses_before_connecting(tmp_path, url, code, production_guard):
    spider = make_spider(ProductPagesSpider, tmp_path, SOURCES)
    guard = AddressGuardMiddleware(spider.crawler)
    with pytest.raises(GuardRefused) as caught:
        asyncio.run(guard.process_request(Request(url)))
    assert caught.value.code == code
    assert spider.crawler.stats.get_value(f"hypewatch/guard/{code}") == 1


@pytest.fixture
def production_guard(monkeypatch):
    # These tests call the guard directly, so nothing connects: they check its production
    # rules, without the suite's loopback-only switch (tests/conftest.py) deciding first.
    monkeypatch.delenv("HYPEWATCH_LOOPBACK_ONLY", raising=False)


@pytest.mark.parametrize("host", ["localhost", "127.1", "0x7f000001", "2130706433"])
def test_guard_resolves_hostnames_and_refuses_loopback(tmp_path, host, production_guard):
    # Not IP literals: each goes through a real getaddrinfo (the hosts file and the C
    # library's numeric forms, so no packet leaves the machine) and resolves to loopback.
    spider = make_spider(ProductPagesSpider, tmp_path, SOURCES)
    guard = AddressGuardMiddleware(spider.crawler)
    with pytest.raises(GuardRefused) as caught:
        asyncio.run(guard.process_request(Request(f"http://{host}:8080/x")))
    assert caught.value.code == "address_refused"
    assert "127.0.0.1" in str(caught.value) or "::1" in str(caught.value)


def test_guard_opt_ins(tmp_path, production_guard):
    strict = make_spider(ProductPagesSpider, tmp_path, SOURCES,
                         ADDRESS_GUARD_ALLOWED_HOSTS=["127.0.0.1:8000"])  # fmt: skip
    guard = AddressGuardMiddleware(strict.crawler)
    assert asyncio.run(guard.process_request(Request("http://127.0.0.1:8000/a"))) is None
    with pytest.raises(GuardRefused):
        asyncio.run(guard.process_request(Request("http://127.0.0.1:8001/a")))
    loose = make_spider(ProductPagesSpider, tmp_path,
                        {**SOURCES, "crawl": {"allow_private_networks": True}})  # fmt: skip
    guard = AddressGuardMiddleware(loose.crawler)
    assert asyncio.run(guard.process_request(Request("http://10.0.0.1/"))) is None


# --- edgar ------------------------------------------------------------------------------------


SUBMISSIONS = {
    "cik": "1234567", "name": "Acme Robotics Inc", "tickers": ["ACME"],
    "filings": {
        "recent": {
            "accessionNumber": ["0001234567-26-000012", "0001234567-26-000009", "0001234567-25-000040"],
            "filingDate": ["2026-02-20", "2026-01-15", "2025-11-03"],
            "reportDate": ["2025-12-31", "2026-01-14", "2025-09-30"],
            "form": ["10-K", "8-K", "10-Q"],
            "primaryDocument": ["acme-20251231.htm", "acme-8k.htm", "acme-q3.htm"],
            "primaryDocDescription": ["10-K", "8-K", "10-Q"],
        },
        "files": [],
    },
}  # fmt: skip


def test_edgar_submissions_to_primary_documents_and_8k_index(tmp_path):
    spider = make_spider(
        EdgarSpider, tmp_path, SOURCES, EDGAR_ARCHIVES_URL="http://127.0.0.1:9/edgar/www"
    )
    (start_sub, start_search) = collect(spider.start())
    assert start_sub.url == "https://data.sec.gov/submissions/CIK0001234567.json"
    assert spider.settings.get("USER_AGENT") == "hypewatch tests test@example.org"
    assert start_sub.meta["download_slot"] == "sec.gov"
    assert start_search.url == (
        "https://efts.sec.gov/LATEST/search-index?q=%22artificial%20intelligence%22&forms=10-K,8-K"
    )
    response = html_response(
        start_sub.url, json.dumps(SUBMISSIONS), meta=start_sub.meta, cls=TextResponse
    )
    _, _, requests = split(spider.parse_submissions(response))
    base = "http://127.0.0.1:9/edgar/www/Archives/edgar/data/1234567/"
    assert [r.url for r in requests] == [
        base + "000123456726000012/acme-20251231.htm",
        base + "000123456726000009/acme-8k.htm",
        base + "000123456726000009/index.json",
    ]  # the 10-Q is not a configured form
    assert requests[0].meta["published_at"] == dt.datetime(2026, 2, 20, tzinfo=dt.UTC)
    index = {"directory": {"name": "/Archives/edgar/data/1234567/000123456726000009", "item": [
        {"name": "acme-8k.htm", "type": "text.gif", "size": "9000", "last-modified": "2026-01-15 16:01:02"},
        {"name": "ex99-1.htm", "type": "text.gif", "size": "5000", "last-modified": "2026-01-15 16:01:02"},
        {"name": "ex99-1.jpg", "type": "image2.gif", "size": "5000", "last-modified": "2026-01-15 16:01:02"},
    ]}}  # fmt: skip
    response = html_response(
        requests[2].url, json.dumps(index), meta=requests[2].meta, cls=TextResponse
    )
    _, _, exhibits = split(spider.parse_index(response))
    assert [r.url for r in exhibits] == [base + "000123456726000009/ex99-1.htm"]


def test_edgar_search_names_unknown_filers_by_cik(tmp_path):
    spider = make_spider(EdgarSpider, tmp_path, SOURCES)
    hits = {"hits": {"total": {"value": 2}, "hits": [
        {"_id": "0009999999-26-000003:omni-10k.htm", "_source": {
            "ciks": ["0009999999"], "display_names": ["Omni Corp  (OMNI)  (CIK 0009999999)"],
            "form": "10-K", "root_forms": ["10-K"], "file_date": "2026-03-01", "adsh": "0009999999-26-000003"}},
        {"_id": "0001234567-26-000012:acme-20251231.htm", "_source": {
            "ciks": ["0001234567"], "display_names": ["Acme Robotics Inc  (CIK 0001234567)"],
            "form": "10-K", "root_forms": ["10-K"], "file_date": "2026-02-20", "adsh": "0001234567-26-000012"}},
    ]}}  # fmt: skip
    response = html_response("https://efts.sec.gov/LATEST/search-index?q=x", json.dumps(hits),
                             meta={"term": "x", "start": 0}, cls=TextResponse)  # fmt: skip
    _, _, requests = split(spider.parse_search(response))
    # acme is watched by CIK: its filings come from its submissions JSON only, so a filing's
    # title never depends on which of the two answers arrived first.
    assert [(r.url, r.meta["company_id"]) for r in requests] == [
        (
            "https://www.sec.gov/Archives/edgar/data/9999999/000999999926000003/omni-10k.htm",
            "cik-0009999999",
        ),
    ]
    assert requests[0].meta["title"] == "Omni Corp  (OMNI) 10-K"
    assert spider.crawler.stats.get_value("hypewatch/edgar/search_hit_of_watched_filer") == 1


def test_edgar_document_and_malformed_json(tmp_path):
    spider = make_spider(EdgarSpider, tmp_path, SOURCES)
    meta = {
        "company_id": "acme",
        "title": "Acme 10-K",
        "published_at": dt.datetime(2026, 2, 20, tzinfo=dt.UTC),
    }
    html = ('<html><body><div style="display:none"><ix:header>hidden facts</ix:header></div>'
            "<p>We use machine learning in our robots.</p></body></html>")  # fmt: skip
    docs, _, _ = split(
        spider.parse_document(html_response("https://www.sec.gov/a.htm", html, meta=meta))
    )
    (doc,) = docs
    assert (doc.kind, doc.source, doc.title) == ("filing", "edgar", "Acme 10-K")
    assert (
        doc.text == "We use machine learning in our robots."
        and doc.published_at == meta["published_at"]
    )
    bad = html_response("https://data.sec.gov/submissions/CIK0001234567.json", "<html>maintenance</html>",
                        meta={"company_id": "acme", "cik": "0001234567"})  # fmt: skip
    _, errors, _ = split(spider.parse_submissions(bad))
    assert [e.error for e in errors] == ["edgar_malformed"]


# --- press_releases ----------------------------------------------------------------------


def test_press_releases_feed_then_page_with_the_feeds_date(tmp_path):
    spider = make_spider(PressReleasesSpider, tmp_path, SOURCES)
    (start,) = collect(spider.start())
    rss = ('<?xml version="1.0"?><rss version="2.0"><channel><title>News</title><item><title>Acme launches'
           "</title><link>https://acme.example/news/launch</link><pubDate>Mon, 02 Mar 2026 14:00:00 GMT"
           "</pubDate></item></channel></rss>")  # fmt: skip
    feed = html_response(start.url, rss, meta=start.meta, headers={"Content-Type": "application/rss+xml"},
                         cls=TextResponse)  # fmt: skip
    _, _, (item,) = split(spider.parse_feed(feed))
    assert item.url == "https://acme.example/news/launch"
    page = html_response(item.url, "<html><head><title>Launch</title></head><body><article><h1>Acme launches"
                         "</h1><p>Acme today launched an AI-powered picking robot for warehouses.</p>"
                         "</article></body></html>", meta=item.meta)  # fmt: skip
    (doc,) = spider.parse_release(page)
    assert doc.kind == "press_release" and doc.title == "Acme launches"
    assert doc.published_at == dt.datetime(2026, 3, 2, 14, tzinfo=dt.UTC)
    empty = html_response(start.url, "", meta=start.meta, cls=TextResponse)
    (row,) = spider.parse_feed(empty)
    assert (row.error, row.url, row.company_id) == ("feed_empty", start.url, "acme")


# --- pitch_decks -------------------------------------------------------------------------


def _pdf(text: str, password: str | None = None) -> bytes:
    pdf = FPDF()
    pdf.set_font("helvetica", size=14)
    pdf.add_page()
    pdf.multi_cell(0, 10, text)
    if password:
        pdf.set_encryption(owner_password="o", user_password=password)
    return bytes(pdf.output())


def test_pitch_decks_from_a_page_of_links(tmp_path):
    spider = make_spider(PitchDecksSpider, tmp_path, SOURCES)
    (start,) = collect(spider.start())
    page = html_response(start.url, '<html><body><a href="deck-2026.pdf">Deck</a><a href="/about">About</a>'
                         '<a href="old.PDF">Old deck</a></body></html>', meta=start.meta)  # fmt: skip
    _, _, requests = split(spider.parse_start(page))
    assert [r.url for r in requests] == [
        SITE + "investors/deck-2026.pdf",
        SITE + "investors/old.PDF",
    ]
    pdf = Response(requests[0].url, body=_pdf("Acme\nWe are the AI leader"), request=requests[0],
                   headers={"Content-Type": "application/pdf"})  # fmt: skip
    (doc,) = spider.parse_pdf(pdf)
    assert doc.kind == "pitch_deck" and doc.text == "[page 1]\nAcme\nWe are the AI leader"
    locked = Response(requests[1].url, body=_pdf("secret", password="pw"), request=requests[1])
    (row,) = spider.parse_pdf(locked)
    assert (row.error, row.http_status) == ("pdf_encrypted", 200)
