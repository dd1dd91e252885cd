"""The sample web answers every URL of its manifest as the manifest promises."""

from __future__ import annotations

import gzip
import http.client
import io
import json
import re
import signal
import subprocess
import sys
import threading
import urllib.robotparser
from collections import Counter
from html import unescape
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from xml.etree import ElementTree

import feedparser
import pypdf
import pytest
import yaml

from spiders.sampleweb.build import SAMPLE_WEB_PACING
from spiders.sampleweb.glitchy import BOMB_EXPANDED_BYTES, HUGE_BYTES, gunzip_size
from spiders.sampleweb.server import running
from spiders.sources import load_sources

from .conftest import fetch

REPO_ROOT = Path(__file__).resolve().parents[2]
LABELS = {"NONE", "SPECIFIC", "VAGUE", "ASPIRATIONAL"}
FLAGS = {"OVERCLAIM", "UNSUPPORTED_METRIC", "SUPERLATIVE", "GUARANTEE"}


def visible_text(html: str) -> str:
    """Rough text of an HTML page: tags dropped, entities decoded, whitespace collapsed."""
    html = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", html)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def pdf_text(body: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(body))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def text_of(url: str, body: bytes) -> str:
    if url.endswith(".pdf"):
        return pdf_text(body).replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"')
    return visible_text(body.decode())


def docs(web, source: str | None = None) -> list[dict]:
    return [d for d in web.manifest["documents"] if source is None or d["source"] == source]


# --- server and sources file -----------------------------------------------------------------


def test_binds_loopback_on_a_free_port_and_writes_a_valid_sources_file(web) -> None:
    parts = urlsplit(web.base_url)
    assert parts.hostname == "127.0.0.1" and parts.port and parts.port == web.port
    sources = load_sources(web.sources_path)  # the spiders' own strict validator
    raw = yaml.safe_load(web.sources_path.read_text())
    assert set(raw) == {"companies", "edgar", "crawl"}
    assert raw["edgar"]["forms"] == ["S-1", "10-K", "10-Q", "8-K", "C"]
    assert raw["edgar"]["user_agent"] and raw["edgar"]["search_terms"]
    assert raw["crawl"] == {"max_pages_per_site": 50, "allow_private_networks": True}
    assert re.search(r'cik: "\d{10}"', web.sources_path.read_text()), "CIKs are quoted strings"
    assert len(sources.companies) == 12 and {c.id for c in sources.companies} == {
        c["id"] for c in web.manifest["companies"]
    }
    assert [c for c in sources.companies if c.id == "furrow"][0].cik is None
    assert set(web.scrapy_settings) == {
        "EDGAR_DATA_URL", "EDGAR_ARCHIVES_URL", "EDGAR_SEARCH_URL", *SAMPLE_WEB_PACING
    }  # fmt: skip
    # pacing only: nothing that turns a safety setting off
    assert not {"ROBOTSTXT_OBEY", "DOWNLOAD_MAXSIZE"} & set(web.scrapy_settings)
    assert json.loads(json.dumps(web.manifest)) == web.manifest, "manifest is plain JSON"
    assert json.loads(web.manifest_path.read_text()) == web.manifest


def test_fixed_port_and_clean_restart() -> None:
    with running(port=0) as first:
        port = first.port
    with running(port=port) as second:  # the port is free again at once
        assert fetch(second.base_url + "/robots.txt").status == 200


# --- product pages -------------------------------------------------------------------------


def test_every_product_page_answers_with_its_title_and_text(web) -> None:
    pages = docs(web, "product_pages")
    assert len(pages) > 100
    for doc in pages:
        if doc["url"].endswith("/order-status"):
            continue  # answers 429 twice first: its own test
        got = fetch(doc["url"])
        assert got.status == 200, doc["url"]
        assert got.headers.get_content_type() == "text/html", doc["url"]
        charset = {
            "showroom-zurich": "cp1252",
            "showroom-paris": "cp1252",
            "showroom-tokyo": "shift_jis",
        }
        text = got.body.decode(charset.get(doc["url"].rsplit("/", 1)[1], "utf-8"))
        title = re.search(r"<title>(.*?)</title?", text, re.S)
        assert title and unescape(title.group(1)).startswith(doc["title"].split(" | ")[0]), doc[
            "url"
        ]
        for phrase in doc["contains"]:
            assert phrase in visible_text(text), (doc["url"], phrase)


def test_sites_have_navigation_footer_cookie_banner_and_dates(web) -> None:
    home = fetch(web.base_url + "/sites/cartwise/").body.decode()
    for marker in (
        '<nav aria-label="Main">',
        "cookie-banner",
        "<footer",
        "&copy; 2026",
        "<h2>",
        "<ul>",
    ):
        assert marker in home
    post = fetch(web.base_url + "/sites/quantleaf/insights/sec-ai-proposal").body.decode()
    assert '<meta property="article:published_time" content="2026-03-18T09:00:00+00:00">' in post
    assert '"datePublished": "2026-03-18T09:00:00+00:00"' in post
    dated = [d for d in docs(web) if d["published"]]
    assert dated and all(d["published"].startswith("2026-") for d in dated)


def test_robots_txt_and_every_sitemap_parse_and_list_only_manifest_pages(web) -> None:
    robots = urllib.robotparser.RobotFileParser()
    robots.parse(fetch(web.base_url + "/robots.txt").body.decode().splitlines())
    assert not robots.can_fetch("*", web.base_url + "/sites/glitchy/private/board-notes")
    assert robots.can_fetch("*", web.base_url + "/sites/glitchy/about")
    assert robots.can_fetch("*", web.base_url + "/edgar/data/submissions/CIK0002081101.json")
    sitemaps = robots.site_maps() or []
    assert len(sitemaps) == len(web.manifest["companies"])
    pages = {d["url"] for d in docs(web, "product_pages")}
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    kinds = Counter()
    listed = set()
    todo = list(sitemaps)
    while todo:
        root = ElementTree.fromstring(fetch(todo.pop()).body)
        kinds[root.tag.removeprefix(ns)] += 1
        locs = [e.text for e in root.iter(ns + "loc")]
        if root.tag == ns + "sitemapindex":
            todo += locs
        else:
            assert all(e.text.startswith("2026-") for e in root.iter(ns + "lastmod"))
            listed.update(locs)
    assert kinds["sitemapindex"] >= 2 and kinds["urlset"] > len(sitemaps)
    assert listed <= pages
    # Some pages are reachable only through the sitemap (no link points at them).
    assert web.base_url + "/sites/brightsheet/customers" in listed


def test_directory_urls_without_their_slash_redirect(web) -> None:
    got = fetch(web.base_url + "/sites/lexbot?ref=1")
    assert got.status == 301 and got.headers["Location"] == "/sites/lexbot/?ref=1"
    assert fetch(web.base_url + "/sites/no-such-company").status == 404


def test_links_stay_in_site_except_the_deliberate_ones(web) -> None:
    """The manifest's offsite links really are on the glitchy home page."""
    home = fetch(web.base_url + "/sites/glitchy/").body.decode()
    for item in web.manifest["not_requested"]:
        assert any(
            urljoin(web.base_url + "/sites/glitchy/", h) == item["url"]
            for h in re.findall(r'href="([^"]+)"', home)
        )
    assert "http://127.0.0.2:" in home


# --- feeds and press releases --------------------------------------------------------------


def test_feeds_parse_and_link_to_the_manifest_releases(web) -> None:
    releases = {d["url"]: d for d in docs(web, "press_releases")}
    linked = set()
    formats = Counter()
    for company in web.manifest["companies"]:
        for feed_url in company.get("feeds", []):
            got = fetch(feed_url)
            assert got.status == 200
            if feed_url.endswith(".json"):
                data = json.loads(got.body)
                assert data["version"] == "https://jsonfeed.org/version/1.1"
                items = [(i["url"], i["title"], i["date_published"]) for i in data["items"]]
                formats["json"] += 1
            else:
                parsed = feedparser.parse(got.body)
                if "broken" in feed_url:
                    assert parsed.bozo and not [e for e in parsed.entries if e.get("link")]
                    continue
                assert not parsed.bozo, feed_url
                formats[parsed.version] += 1
                items = [(e.link, e.title, e.published) for e in parsed.entries]
            if company["id"] == "glitchy" and feed_url.endswith("feed.xml"):
                assert items == []  # the empty feed
            for link, title, published in items:
                assert published
                linked.add(link)
                if link in releases:
                    assert releases[link]["title"] == title
    assert set(formats) == {"rss20", "atom10", "json"}
    assert set(releases) <= linked
    assert linked - set(releases) == {web.base_url + "/sites/glitchy/news/recalled-widgets"}
    for url, doc in releases.items():
        got = fetch(url)
        assert got.status == 200
        page = got.body.decode()
        assert f'content="{doc["published"]}' in page, "published_time meta"
        assert f"<title>{doc['title']}</title>" in page.replace("&#x27;", "'")


# --- decks -----------------------------------------------------------------------------------


def test_decks_are_multi_page_pdfs_pypdf_reads(web) -> None:
    decks = docs(web, "pitch_decks")
    assert len(decks) >= 8
    for doc in decks:
        got = fetch(doc["url"])
        assert got.status == 200 and got.headers.get_content_type() == "application/pdf"
        reader = pypdf.PdfReader(io.BytesIO(got.body))
        assert len(reader.pages) >= 2
        assert reader.metadata.title == doc["title"]
        assert doc["title"].split(":")[0].split(" ")[0] in pdf_text(got.body)
    # deck pages in the sources file link to their PDFs
    for company in web.manifest["companies"]:
        for deck in company.get("decks", []):
            if deck.endswith("/"):
                page = fetch(deck).body.decode()
                pdfs = {urljoin(deck, h) for h in re.findall(r'href="([^"]+\.pdf)"', page)}
                assert pdfs & {d["url"] for d in decks}, deck


def test_pdfs_are_deterministic() -> None:
    """Same bytes on every build (the server caches them; this calls the uncached builders)."""
    from spiders.sampleweb.build import ALL_COMPANIES
    from spiders.sampleweb.pdfs import deck_pdf, encrypted_pdf

    decks = [(deck, c.legal_name) for c in ALL_COMPANIES for deck in c.decks]
    assert len(decks) >= 8
    for deck, author in decks:
        first = deck_pdf.__wrapped__(deck, author, 1)
        assert first == deck_pdf.__wrapped__(deck, author, 1) == deck_pdf(deck, author, 1)
    assert encrypted_pdf.__wrapped__() == encrypted_pdf.__wrapped__()


# --- EDGAR -----------------------------------------------------------------------------------


def test_edgar_submissions_index_and_documents_have_the_sec_shapes(web) -> None:
    data_url = web.scrapy_settings["EDGAR_DATA_URL"]
    archives = web.scrapy_settings["EDGAR_ARCHIVES_URL"]
    wanted = set(yaml.safe_load(web.sources_path.read_text())["edgar"]["forms"])
    found = set()
    for company in web.manifest["companies"]:
        if "cik" not in company:
            continue
        sub = json.loads(fetch(f"{data_url}/submissions/CIK{company['cik']}.json").body)
        assert {"cik", "name", "tickers", "exchanges", "sic", "addresses", "filings"} <= set(sub)
        assert sub["cik"] == str(int(company["cik"])) and sub["filings"]["files"] == []
        recent = sub["filings"]["recent"]
        lengths = {len(v) for v in recent.values()}
        assert len(lengths) == 1
        for key in ("accessionNumber", "filingDate", "reportDate", "form", "primaryDocument",
                    "primaryDocDescription", "acceptanceDateTime", "isInlineXBRL"):  # fmt: skip
            assert key in recent
        assert recent["filingDate"] == sorted(recent["filingDate"], reverse=True)
        for acc, form, doc in zip(
            recent["accessionNumber"], recent["form"], recent["primaryDocument"], strict=True
        ):
            assert re.fullmatch(r"\d{10}-\d{2}-\d{6}", acc)
            if form not in wanted:
                continue
            folder = f"{archives}/Archives/edgar/data/{int(company['cik'])}/{acc.replace('-', '')}"
            primary = fetch(f"{folder}/{doc}")
            assert primary.status == 200
            found.add(f"{folder}/{doc}")
            if form in ("10-K", "10-Q", "8-K"):
                html = primary.body.decode()
                assert "<ix:header>" in html and "ix:nonNumeric" in html
                if form != "8-K":
                    assert "<ix:nonFraction" in html
            index = json.loads(fetch(f"{folder}/index.json").body)
            items = index["directory"]["item"]
            assert {"name", "type", "size", "last-modified"} <= set(items[0])
            assert index["directory"]["name"] == urlsplit(folder).path.removeprefix("/edgar/www")
            for item in items:
                if re.search(r"ex-?99", item["name"], re.I):
                    assert fetch(f"{folder}/{item['name']}").status == 200
                    found.add(f"{folder}/{item['name']}")
    edgar_docs = {d["url"] for d in docs(web, "edgar")}
    assert found == {u for u in edgar_docs if "/2081107/" not in u}
    assert any(u.endswith("ex99-1.htm") for u in found)
    # inline XBRL hidden facts must not reach the text: the manifest says so
    assert all(
        "iso4217:USD" in d["absent"] for d in docs(web, "edgar") if d["form"] in ("10-K", "10-Q")
    )


def test_full_text_search_finds_the_filer_without_a_cik(web) -> None:
    search = web.scrapy_settings["EDGAR_SEARCH_URL"] + "/search-index"
    got = json.loads(fetch(search + "?q=%22machine%20learning%22&forms=S-1,10-K,10-Q,8-K,C").body)
    assert got["hits"]["total"]["value"] == len(got["hits"]["hits"]) > 0
    hit = next(h for h in got["hits"]["hits"] if h["_source"]["form"] == "C")
    src = hit["_source"]
    assert hit["_id"] == f"{src['adsh']}:formc.htm"
    assert src["ciks"] == ["0002081107"] and src["root_forms"] == ["C"]
    assert src["display_names"][0].endswith("(CIK 0002081107)") and src["file_date"].startswith(
        "2026-"
    )
    furrow = [d for d in docs(web, "edgar") if d["company_id"] == "cik-0002081107"]
    folder = f"/Archives/edgar/data/2081107/{src['adsh'].replace('-', '')}/formc.htm"
    assert [d["url"] for d in furrow] == [web.scrapy_settings["EDGAR_ARCHIVES_URL"] + folder]
    # forms, dates and paging are honoured
    only_8k = json.loads(fetch(search + "?q=%22artificial%20intelligence%22&forms=8-K").body)
    assert {h["_source"]["form"] for h in only_8k["hits"]["hits"]} <= {"8-K"}
    late = json.loads(
        fetch(search + "?q=%22machine%20learning%22&startdt=2026-09-01&enddt=2026-12-31").body
    )
    assert all(h["_source"]["file_date"] >= "2026-09-01" for h in late["hits"]["hits"])
    past_end = json.loads(fetch(search + "?q=%22machine%20learning%22&from=100").body)
    assert past_end["hits"]["hits"] == [] and past_end["hits"]["total"]["value"] > 0


# --- misbehaving URLs ------------------------------------------------------------------------


def errors(web) -> dict[str, dict]:
    return {e["url"].rsplit("/sites/glitchy/", 1)[1]: e for e in web.manifest["fetch_errors"]}


def test_fetch_errors_misbehave_as_promised(web) -> None:
    errs = errors(web)
    base = web.base_url + "/sites/glitchy/"
    assert set(errs) == {
        "download", "truncated", "parts-list", "parts-archive", "discontinued", "warranty", "dealers",
        "distributors", "inventory", "private/board-notes", "moved-away", "feed.xml", "broken-feed.xml",
        "news/recalled-widgets", "investors/board-deck.pdf", "investors/annual-meeting.pdf",
        "investors/deck-2024.pdf",
    }  # fmt: skip
    for code in ("http_404", "http_500", "http_429"):
        for e in (e for e in errs.values() if e["error"] == code):
            assert fetch(e["url"]).status == e["http_status"] == int(code[5:])
    assert fetch(base + "dealers").headers["Retry-After"] == "1"
    binary = fetch(base + "download")
    assert binary.headers.get_content_type() == "text/html" and b"\x00" in binary.body
    with pytest.raises(http.client.IncompleteRead):
        fetch(base + "truncated")
    huge = fetch(base + "parts-list", limit=4096)
    assert int(huge.headers["Content-Length"]) == HUGE_BYTES >= 20 * 1024 * 1024
    bomb = fetch(base + "parts-archive")
    assert bomb.headers["Content-Encoding"] == "gzip" and len(bomb.body) < 200_000
    assert gunzip_size(bomb.body) > 100 * 1024 * 1024 and BOMB_EXPANDED_BYTES > 100 * 1024 * 1024
    loop = fetch(base + "distributors")
    back = fetch(urljoin(base, loop.headers["Location"]))
    assert (
        loop.status == back.status == 302
        and urljoin(base, back.headers["Location"]) == base + "distributors"
    )
    away = fetch(base + "moved-away")
    assert away.status == 302 and urlsplit(away.headers["Location"]).hostname == "127.0.0.2"
    with pytest.raises(pypdf.errors.FileNotDecryptedError):
        pdf_text(fetch(base + "investors/board-deck.pdf").body)
    assert errs["investors/board-deck.pdf"]["error"] == "pdf_encrypted"
    with pytest.raises(pypdf.errors.PyPdfError):
        pdf_text(fetch(base + "investors/annual-meeting.pdf").body)
    assert errs["private/board-notes"]["error"] == "robots_disallowed"


def test_rate_limited_page_answers_after_two_429s() -> None:
    with running() as web:
        url = web.base_url + "/sites/glitchy/order-status"
        answers = [fetch(url) for _ in range(6)]
        assert [a.status for a in answers] == [429, 429, 200, 429, 429, 200]
        assert all(a.headers["Retry-After"] == "1" for a in answers if a.status == 429)
        doc = next(d for d in web.manifest["documents"] if d["url"] == url)
        assert doc["source"] == "product_pages" and doc["contains"]
        assert all(
            doc["contains"][0] in visible_text(a.body.decode()) for a in answers if a.status == 200
        )


def test_stalled_response_blocks_neither_other_requests_nor_shutdown() -> None:
    outcome: dict[str, object] = {}

    def stalled_client(url: str) -> None:
        try:
            fetch(url, timeout=300)
            outcome["result"] = "finished"
        except Exception as exc:  # the server cutting the connection is the expected end
            outcome["result"] = type(exc).__name__

    with running() as web:
        head = fetch(web.base_url + "/sites/glitchy/inventory", limit=10, timeout=10)
        assert head.status == 200
        client = threading.Thread(
            target=stalled_client, args=(web.base_url + "/sites/glitchy/inventory",)
        )
        client.start()
        for _ in range(5):  # the stall holds one thread only
            assert fetch(web.base_url + "/sites/lexbot/", timeout=10).status == 200
    # Leaving the block released the stall (it would otherwise last 120 s).
    client.join(timeout=15)
    assert not client.is_alive() and outcome["result"] == "IncompleteRead"


# --- claims and labels -----------------------------------------------------------------------


def test_claims_of_every_label_and_flag_appear_in_their_documents(web) -> None:
    claims = web.manifest["claims"]
    assert {c["claim"] for c in claims} == LABELS
    assert {f for c in claims for f in c["flags"]} == FLAGS
    by_url: dict[str, list[dict]] = {}
    for c in claims:
        by_url.setdefault(c["url"], []).append(c)
    doc_urls = {d["url"] for d in web.manifest["documents"]}
    assert set(by_url) <= doc_urls
    for url, found in by_url.items():
        text = text_of(url, fetch(url).body)
        for c in found:
            wanted = " ".join(c["text"].split())
            if url.endswith(".pdf"):
                wanted = wanted.replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"')
            assert wanted in text, (url, wanted)
    # every source carries AI claims and plain text
    per_source = Counter(c["source"] for c in claims if c["claim"] != "NONE")
    assert set(per_source) == {"product_pages", "press_releases", "pitch_decks", "edgar"}


# --- variant 2: the second night ------------------------------------------------------------


def test_variant_two_adds_edits_and_removes_claims_on_the_same_urls() -> None:
    with running() as web:
        first = web.manifest
        before = {u: fetch(u).body for u in {c["url"] for c in first["claims"]}}
        web.set_variant(2)
        second = web.manifest
        assert second["variant"] == 2 and first["changes"] == []
        assert json.loads(web.manifest_path.read_text())["variant"] == 2
        changes = second["changes"]
        assert {c["change"] for c in changes} == {"added", "edited", "removed"}
        assert {c["source"] for c in changes} == {
            "product_pages",
            "press_releases",
            "pitch_decks",
            "edgar",
        }
        assert any(
            c["before"]["claim"] == "VAGUE" and c["after"]["claim"] == "SPECIFIC"
            for c in changes
            if c["change"] == "edited"
        )
        for change in changes:
            now = fetch(change["url"])
            assert now.status == 200
            text_now = text_of(change["url"], now.body)
            if change["after"]:
                assert change["after"]["text"] in text_now
            if change["before"]:
                assert change["before"]["text"] not in text_now
                assert change["before"]["text"] in text_of(change["url"], before[change["url"]])
            if change["new_document"]:
                assert change["url"] not in before
        new_docs = {d["url"] for d in second["documents"]} - {d["url"] for d in first["documents"]}
        assert new_docs == set(second["added_documents"]) and first["added_documents"] == []
        assert {c["url"] for c in changes if c["new_document"]} <= new_docs
        assert {d["url"] for d in first["documents"]} <= {d["url"] for d in second["documents"]}
        # the new release is in the feed, the new 8-K in the submissions JSON
        feed = feedparser.parse(fetch(web.base_url + "/sites/routewell/feed.xml").body)
        assert web.base_url + "/sites/routewell/news/routewell-dispatch-autopilot" in {
            e.link for e in feed.entries
        }
        sub = json.loads(
            fetch(web.scrapy_settings["EDGAR_DATA_URL"] + "/submissions/CIK0002081105.json").body
        )
        assert sub["filings"]["recent"]["filingDate"][0] == "2026-11-24"


# --- the command line ------------------------------------------------------------------------


def test_hypewatch_sample_web_prints_its_url_and_sources_file(tmp_path) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "flows.cli", "sample-web", "--port", "0"],
        cwd=REPO_ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        url_line = proc.stdout.readline()
        sources_line = proc.stdout.readline()
        url = re.search(r"http://127\.0\.0\.1:\d+/", url_line).group(0)
        sources = sources_line.split(": ", 1)[1].strip()
        assert load_sources(sources).companies
        assert fetch(url + "robots.txt").status == 200
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=20)
    assert proc.returncode == 0, proc.stderr.read()
    assert not Path(sources).exists(), "the temporary sources file is removed"


def test_gzip_module_agrees_with_the_bomb_size_counter() -> None:
    small = gzip.compress(b"x" * 3_000_000)
    assert gunzip_size(small) == 3_000_000
