"""Assembles the sample web for one base URL and variant: the route table the server answers
from, the sources file, and the manifest. The manifest is derived from the built routes (a
crawl of the rendered pages by the contract's rules), so it cannot drift from what is served.
"""

from __future__ import annotations

import html
import posixpath
import urllib.robotparser
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit
from xml.etree import ElementTree

from . import edgar
from .companies import COMPANIES
from .filings import FILINGS_BY_COMPANY
from .glitchy import GLITCHY, UNFOLLOWED_LINKS, glitchy_routes
from .model import Change, Claim, Company, Deck, Segment, iter_changes, iter_claims, resolve
from .pdfs import deck_pdf
from .render import (
    DEFAULT_LASTMOD,
    SITE_CSS,
    SITE_JS,
    atom_feed,
    claim_dict,
    json_feed,
    release_path,
    render_page,
    render_release,
    robots_txt,
    rss_feed,
    site_path,
    sitemap_index,
    urlset,
)
from .routes import Route

ALL_COMPANIES: tuple[Company, ...] = (*COMPANIES, GLITCHY)
EDGAR_FORMS = ["S-1", "10-K", "10-Q", "8-K", "C"]
SEARCH_TERMS = ["artificial intelligence", "AI-powered", "machine learning"]
USER_AGENT = "hypewatch research contact@example.org"
# Larger than any site (glitchy has the most URLs), so a default crawl reaches every page and
# the manifest is exact rather than dependent on crawl order.
MAX_PAGES_PER_SITE = 50
FEED_FILES = {"rss": "feed.xml", "atom": "atom.xml", "json": "feed.json"}
# Scrapy's LinkExtractor skips these by default (pdf among them); so does the manifest crawl.
IGNORED_EXTENSIONS = {
    "pdf",
    "png",
    "jpg",
    "jpeg",
    "gif",
    "zip",
    "css",
    "js",
    "svg",
    "ico",
    "mp4",
    "xls",
    "xlsx",
}


@dataclass
class SampleWeb:
    """Everything one server instance serves, and what a default crawl of it must yield."""

    base_url: str
    variant: int
    routes: dict[str, Route]
    search_docs: list[edgar.FiledDoc]
    sources: dict
    manifest: dict
    scrapy_settings: dict[str, str]


class _LinkParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("a", "area"):
            for name, value in attrs:
                if name == "href" and value:
                    self.hrefs.append(value)


def _links(html: bytes) -> list[str]:
    parser = _LinkParser()
    parser.feed(html.decode("utf-8", "replace"))
    return parser.hrefs


def _html(text: str) -> Route:
    return Route(text.encode("utf-8"))


def _claims_of_segments(segments: tuple[Segment, ...], variant: int) -> list[Claim]:
    out = []
    for seg in segments:
        value = resolve(seg, variant)
        if isinstance(value, Claim):
            out.append(value)
    return out


def _deck_claims(deck: Deck, variant: int) -> list[Claim]:
    return [c for slide in deck.slides for c in _claims_of_segments(slide.bullets, variant)]


def _feed_items(company: Company, base_url: str, variant: int) -> list[dict]:
    releases = sorted(
        (r for r in company.releases if r.since_variant <= variant),
        key=lambda r: r.published,
        reverse=True,
    )
    return [
        {
            "title": r.title,
            "link": base_url + site_path(company, release_path(r)),
            "published": r.published,
            "summary": r.summary,
        }
        for r in releases
    ]


def _render_feed(
    kind: str, company: Company, base_url: str, items: list[dict], feed_file: str
) -> Route:
    site = base_url + site_path(company)
    feed_url = site + feed_file
    title = f"{company.name} news"
    if kind == "rss":
        return Route(
            rss_feed(title, site, feed_url, items).encode(),
            content_type="application/rss+xml; charset=utf-8",
        )
    if kind == "atom":
        body = atom_feed(title, site, feed_url, company.legal_name, items).encode()
        return Route(body, content_type="application/atom+xml; charset=utf-8")
    return Route(
        json_feed(title, site, feed_url, items).encode(), content_type="application/feed+json"
    )


def _sitemaps(company: Company, base_url: str) -> dict[str, Route]:
    pages = [pg for pg in company.pages if pg.in_sitemap]
    site = base_url + site_path(company)
    xml = "application/xml"
    if not company.sitemap_index:
        entries = [(site + pg.path, pg.published or DEFAULT_LASTMOD) for pg in pages]
        return {"sitemap.xml": Route(urlset(entries).encode(), content_type=xml)}
    posts = [pg for pg in pages if pg.published]
    rest = [pg for pg in pages if not pg.published]
    return {
        "sitemap.xml": Route(
            sitemap_index([site + "sitemap-pages.xml", site + "sitemap-posts.xml"]).encode(),
            content_type=xml,
        ),
        "sitemap-pages.xml": Route(
            urlset([(site + pg.path, DEFAULT_LASTMOD) for pg in rest]).encode(), content_type=xml
        ),
        "sitemap-posts.xml": Route(
            urlset([(site + pg.path, pg.published or DEFAULT_LASTMOD) for pg in posts]).encode(),
            content_type=xml,
        ),
    }


def _company_routes(
    company: Company, base_url: str, alt_base_url: str, variant: int
) -> dict[str, Route]:
    """Site-relative path -> Route for one company."""
    routes: dict[str, Route] = {}
    for page in company.pages:
        page_html = render_page(company, page, base_url, variant)
        if company.id == "glitchy" and page.path == "":
            extra = "".join(
                f'<li><a href="{tpl.format(alt=alt_base_url)}">{why}</a></li>'
                for tpl, why in UNFOLLOWED_LINKS
            )
            page_html = page_html.replace('<ul class="links">', f'<ul class="links">{extra}', 1)
        routes[page.path] = _html(page_html)
    for old, new in company.redirects:
        routes[old] = Route(
            b"", status=301, headers=(("Location", site_path(company, new)),), content_type=None
        )
    for release in company.releases:
        if release.since_variant <= variant:
            routes[release_path(release)] = _html(
                render_release(company, release, base_url, variant)
            )
    if company.feed:
        feed_file = FEED_FILES[company.feed]
        routes[feed_file] = _render_feed(
            company.feed, company, base_url, _feed_items(company, base_url, variant), feed_file
        )
    for deck in company.decks:
        routes[f"investors/{deck.name}.pdf"] = Route(
            deck_pdf(deck, company.legal_name, variant), content_type="application/pdf"
        )
    routes.update(_sitemaps(company, base_url))
    if company.id == "glitchy":
        routes.update(glitchy_routes(base_url, alt_base_url))
        items = _feed_items(company, base_url, variant) + [
            {
                "title": "Glitchy Widgets Recalls Nothing",
                "link": base_url + site_path(company, "news/recalled-widgets"),
                "published": "2026-06-01T15:00:00+00:00",
                "summary": "A release that was withdrawn.",
            }
        ]
        routes["atom.xml"] = _render_feed("atom", company, base_url, items, "atom.xml")
    return routes


def company_feeds(company: Company, base_url: str) -> list[str]:
    site = base_url + site_path(company)
    if company.id == "glitchy":
        return [site + "feed.xml", site + "broken-feed.xml", site + "atom.xml"]
    return [site + FEED_FILES[company.feed]] if company.feed else []


def company_decks(company: Company, base_url: str) -> list[str]:
    site = base_url + site_path(company)
    if not company.decks:
        return []
    if company.decks_listed_as == "pdf":
        return [site + f"investors/{d.name}.pdf" for d in company.decks]
    return [site + "investors/"]


def sources_dict(base_url: str) -> dict:
    """The sources file for this server, in DESIGN.md's format."""
    companies = []
    for c in ALL_COMPANIES:
        entry: dict = {"id": c.id, "name": c.name, "website": base_url + site_path(c)}
        if c.cik:
            entry["cik"] = c.cik
        feeds = company_feeds(c, base_url)
        if feeds:
            entry["feeds"] = feeds
        decks = company_decks(c, base_url)
        if decks:
            entry["decks"] = decks
        companies.append(entry)
    return {
        "companies": companies,
        "edgar": {
            "forms": list(EDGAR_FORMS),
            "search_terms": list(SEARCH_TERMS),
            "user_agent": USER_AGENT,
        },
        "crawl": {"max_pages_per_site": MAX_PAGES_PER_SITE, "allow_private_networks": True},
    }


def build(base_url: str, variant: int = 1) -> SampleWeb:
    if variant not in (1, 2):
        raise ValueError(f"variant must be 1 or 2, not {variant!r}")
    port = urlsplit(base_url).port
    alt_base_url = f"http://127.0.0.2:{port}"
    routes: dict[str, Route] = {
        "/robots.txt": Route(
            robots_txt(base_url, [c.id for c in ALL_COMPANIES]).encode(),
            content_type="text/plain; charset=utf-8",
        ),
        "/static/site.css": Route(SITE_CSS.encode(), content_type="text/css"),
        "/static/site.js": Route(SITE_JS.encode(), content_type="text/javascript"),
    }
    for company in ALL_COMPANIES:
        for rel, route in _company_routes(company, base_url, alt_base_url, variant).items():
            routes[site_path(company, rel)] = route

    # EDGAR.
    search_docs: list[edgar.FiledDoc] = []
    by_cik = {c.edgar_cik: c for c in ALL_COMPANIES if c.edgar_cik}
    for cik, company in by_cik.items():
        filings = FILINGS_BY_COMPANY.get(company.id, ())
        routes[f"{edgar.DATA_PREFIX}/submissions/CIK{cik}.json"] = Route(
            edgar.to_json(edgar.submissions_json(company, filings, variant)),
            content_type="application/json",
        )
        for filing in edgar.filings_in(filings, variant):
            if filing.form not in EDGAR_FORMS:
                continue
            docs = edgar.filed_documents(company, filing, variant)
            search_docs += docs
            folder = edgar.archive_dir(company, filing)
            for doc in docs:
                routes[f"{folder}/{doc.name}"] = Route(doc.html.encode("utf-8"))
            routes[f"{folder}/index.json"] = Route(
                edgar.to_json(edgar.index_json(company, filing, docs)),
                content_type="application/json",
            )
            if filing.form == "C":
                routes[f"{folder}/primary_doc.xml"] = Route(
                    edgar.form_c_xml(company, filing).encode(), content_type="text/xml"
                )

    routes["/"] = _html(_index_page(base_url))
    sources = sources_dict(base_url)
    manifest = _manifest(base_url, variant, routes, search_docs, sources)
    settings = {
        "EDGAR_DATA_URL": base_url + edgar.DATA_PREFIX,
        "EDGAR_ARCHIVES_URL": base_url + edgar.ARCHIVES_PREFIX,
        "EDGAR_SEARCH_URL": base_url + edgar.SEARCH_PREFIX,
        # One local server of ours: politeness delays only slow the crawl down, and short
        # timeouts and backoff keep the stalled page and the 429s quick. Safety settings
        # (robots.txt, the address guard, size caps) stay on.
        **SAMPLE_WEB_PACING,
    }
    return SampleWeb(base_url, variant, routes, search_docs, sources, manifest, settings)


SAMPLE_WEB_PACING = {
    "DOWNLOAD_DELAY": "0",
    "AUTOTHROTTLE_ENABLED": "False",
    "CONCURRENT_REQUESTS_PER_DOMAIN": "8",
    "DOWNLOAD_TIMEOUT": "3",
    "RETRY_BACKOFF_BASE": "0.1",
}


def _index_page(base_url: str) -> str:
    items = "".join(f'<li><a href="{site_path(c)}">{c.name}</a></li>' for c in ALL_COMPANIES)
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>hypewatch sample web</title></head><body>"
        "<h1>hypewatch sample web</h1><p>Made-up companies for testing. Nothing here is real.</p>"
        f"<ul>{items}</ul></body></html>"
    )


# --- manifest ----------------------------------------------------------------------------------


def _robots(routes: dict[str, Route], base_url: str) -> urllib.robotparser.RobotFileParser:
    parser = urllib.robotparser.RobotFileParser()
    parser.parse(routes["/robots.txt"].body.decode().splitlines())
    return parser


def _sitemap_locs(routes: dict[str, Route], base_url: str, url: str) -> list[str]:
    route = routes.get(urlsplit(url).path)
    if route is None:
        return []
    root = ElementTree.fromstring(route.body)
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    if root.tag == ns + "sitemapindex":
        return [
            loc
            for sm in root.iter(ns + "loc")
            for loc in _sitemap_locs(routes, base_url, sm.text or "")
        ]
    return [loc.text or "" for loc in root.iter(ns + "loc")]


def _in_site(url: str, base_url: str, company: Company) -> bool:
    parts = urlsplit(url)
    return (
        parts.scheme in ("http", "https")
        and f"{parts.scheme}://{parts.netloc}" == base_url
        and parts.path.startswith(site_path(company))
    )


def _crawl_product_pages(
    company: Company, base_url: str, routes: dict[str, Route]
) -> tuple[list[dict], list[dict]]:
    """Mimics a default product_pages crawl: home page and sitemaps, <a>/<area> links in-site,
    fragments dropped, Scrapy's ignored extensions skipped, robots.txt obeyed, redirects followed."""
    robots = _robots(routes, base_url)
    home = base_url + site_path(company)
    queue = [home, *_sitemap_locs(routes, base_url, home + "sitemap.xml")]
    seen: set[str] = set()
    documents: list[dict] = []
    errors: list[dict] = []
    requested = 0
    while queue:
        url = urldefrag(queue.pop(0))[0]
        if url in seen or not _in_site(url, base_url, company):
            continue
        seen.add(url)
        ext = posixpath.splitext(urlsplit(url).path)[1].lstrip(".").lower()
        if ext in IGNORED_EXTENSIONS:
            continue
        outcome_url = url
        if not robots.can_fetch("*", url):
            route = routes.get(urlsplit(url).path)
            errors.append(
                {
                    "url": url,
                    **_error_fields(
                        (route.outcome if route else None) or {"error": "robots_disallowed"}
                    ),
                }
            )
            continue
        requested += 1
        route = routes.get(urlsplit(url).path)
        duplicate = False
        while route is not None and route.outcome is None and route.status in (301, 302):
            target = urljoin(outcome_url, dict(route.headers)["Location"])
            duplicate = (
                target in seen
            )  # the scheduler's duplicate filter drops the redirected request
            if duplicate:
                break
            seen.add(target)
            outcome_url, route = target, routes.get(urlsplit(target).path)
        if duplicate:
            continue
        if route is None:
            raise AssertionError(f"sample web links to a missing page: {url}")
        if route.outcome is not None:
            out = route.outcome
            if out["outcome"] == "document":
                documents.append(
                    _doc_entry(
                        company,
                        "product_pages",
                        "product_page",
                        outcome_url,
                        out.get("title"),
                        None,
                        contains=out.get("contains", []),
                    )
                )
            else:
                errors.append({"url": url, **_error_fields(out)})
            continue
        documents.append(
            _doc_entry(
                company, "product_pages", "product_page", outcome_url, _title(route.body), None
            )
        )
        queue += [urljoin(outcome_url, h) for h in _links(route.body)]
    if requested > MAX_PAGES_PER_SITE:
        raise AssertionError(
            f"{company.id}: {requested} pages exceed max_pages_per_site={MAX_PAGES_PER_SITE}"
        )
    return documents, errors


def _title(body: bytes) -> str:
    text = body.decode("utf-8", "replace")
    start = text.find("<title>") + len("<title>")
    return html.unescape(text[start : text.find("</title>", start)])


def _error_fields(outcome: dict) -> dict:
    return {
        "outcome": outcome.get("outcome", "fetch_error"),
        "error": outcome.get("error"),
        "http_status": outcome.get("http_status"),
        "expect": outcome.get("expect", ""),
    }


def _doc_entry(
    company: Company,
    source: str,
    kind: str,
    url: str,
    title: str | None,
    published: str | None,
    contains: list[str] | None = None,
    company_id: str | None = None,
    absent: list[str] | None = None,
) -> dict:
    return {
        "company_id": company_id or company.id,
        "source": source,
        "kind": kind,
        "url": url,
        "title": title,
        "published": published,
        "contains": contains or [],
        "absent": absent or [],
    }


def _page_published(company: Company, url: str, base_url: str) -> str | None:
    for page in company.pages:
        if base_url + site_path(company, page.path) == url:
            return page.published
    return None


def _manifest(
    base_url: str,
    variant: int,
    routes: dict[str, Route],
    search_docs: list[edgar.FiledDoc],
    sources: dict,
) -> dict:
    documents: list[dict] = []
    errors: list[dict] = []
    claims: list[dict] = []
    changes: list[dict] = []
    not_requested: list[dict] = []
    added_documents: list[str] = []

    def add_claims(company_id: str, source: str, url: str, found: list[Claim]) -> None:
        claims.extend(
            {"company_id": company_id, "source": source, "url": url, **claim_dict(c)} for c in found
        )

    def add_changes(
        company_id: str, source: str, url: str, segs, new_doc: bool, doc_claims: list[Claim]
    ) -> None:
        if new_doc:
            changes.extend(
                {
                    "company_id": company_id,
                    "source": source,
                    "url": url,
                    "change": "added",
                    "before": None,
                    "after": claim_dict(c),
                    "new_document": True,
                }
                for c in doc_claims
                if c.claim != "NONE"
            )
            return
        for ch in segs:
            changes.append(
                {
                    "company_id": company_id,
                    "source": source,
                    "url": url,
                    "change": ch.kind,
                    "before": claim_dict(ch.before) if ch.before else None,
                    "after": claim_dict(ch.after) if ch.after else None,
                    "new_document": False,
                }
            )

    for company in ALL_COMPANIES:
        site = base_url + site_path(company)
        # product_pages
        docs, errs = _crawl_product_pages(company, base_url, routes)
        for d in docs:
            d["published"] = _page_published(company, d["url"], base_url)
        documents += docs
        errors += [{"company_id": company.id, "source": "product_pages", **e} for e in errs]
        for page in company.pages:
            url = site + page.path
            if any(d["url"] == url for d in docs):
                add_claims(
                    company.id, "product_pages", url, list(iter_claims(page.blocks, variant))
                )
                if variant == 2:
                    add_changes(
                        company.id, "product_pages", url, iter_changes(page.blocks), False, []
                    )
        # press_releases
        for feed_url in company_feeds(company, base_url):
            route = routes[urlsplit(feed_url).path]
            if route.outcome is not None:
                errors.append(
                    {
                        "company_id": company.id,
                        "source": "press_releases",
                        "url": feed_url,
                        **_error_fields(route.outcome),
                    }
                )
        for release in company.releases:
            if release.since_variant > variant:
                continue
            url = site + release_path(release)
            documents.append(
                _doc_entry(
                    company,
                    "press_releases",
                    "press_release",
                    url,
                    release.title,
                    release.published[:10],
                )
            )
            found = list(iter_claims(release.blocks, variant))
            add_claims(company.id, "press_releases", url, found)
            if release.since_variant == 2:
                added_documents.append(url)
            if variant == 2:
                add_changes(
                    company.id,
                    "press_releases",
                    url,
                    iter_changes(release.blocks),
                    release.since_variant == 2,
                    found,
                )
        if company.id == "glitchy":
            url = site + "news/recalled-widgets"
            errors.append(
                {
                    "company_id": company.id,
                    "source": "press_releases",
                    "url": url,
                    **_error_fields(routes[urlsplit(url).path].outcome or {}),
                }
            )
            for tpl, why in UNFOLLOWED_LINKS:
                not_requested.append(
                    {
                        "company_id": company.id,
                        "url": urljoin(
                            site, tpl.format(alt=f"http://127.0.0.2:{urlsplit(base_url).port}")
                        ),
                        "why": why,
                    }
                )
        # pitch_decks
        for deck in company.decks:
            url = site + f"investors/{deck.name}.pdf"
            documents.append(
                _doc_entry(company, "pitch_decks", "pitch_deck", url, deck.title, deck.date)
            )
            add_claims(company.id, "pitch_decks", url, _deck_claims(deck, variant))
            if variant == 2:
                add_changes(
                    company.id,
                    "pitch_decks",
                    url,
                    [b for s in deck.slides for b in s.bullets if isinstance(b, Change)],
                    False,
                    [],
                )
        if company.id == "glitchy":
            for rel in (
                "investors/board-deck.pdf",
                "investors/annual-meeting.pdf",
                "investors/deck-2024.pdf",
            ):
                errors.append(
                    {
                        "company_id": company.id,
                        "source": "pitch_decks",
                        "url": site + rel,
                        **_error_fields(routes[site_path(company, rel)].outcome or {}),
                    }
                )

    # edgar: filers in the sources file by CIK, plus filers found only through full-text search.
    listed = {c.edgar_cik for c in ALL_COMPANIES if c.cik}
    via_search = {
        (d.company.edgar_cik, d.filing.seq, d.name)
        for d in edgar.search_terms_hit(search_docs, SEARCH_TERMS, EDGAR_FORMS)
    }
    for doc in search_docs:
        key = (doc.company.edgar_cik, doc.filing.seq, doc.name)
        if doc.company.edgar_cik not in listed and key not in via_search:
            continue
        company_id = (
            doc.company.id if doc.company.edgar_cik in listed else f"cik-{doc.company.edgar_cik}"
        )
        url = base_url + edgar.archive_dir(doc.company, doc.filing) + "/" + doc.name
        inline = doc.file_type in ("10-K", "10-Q", "8-K")
        documents.append(
            _doc_entry(
                doc.company,
                "edgar",
                "filing",
                url,
                None,
                doc.filing.filing_date,
                company_id=company_id,
                absent=["iso4217:USD", "dei:EntityCentralIndexKey"] if inline else [],
            )
            | {
                "form": doc.filing.form,
                "file_type": doc.file_type,
                "accession": edgar.accession(doc.company, doc.filing),
            }
        )
        blocks = (
            doc.filing.blocks
            if doc.file_type == doc.filing.form
            else next(ex.blocks for ex in doc.filing.exhibits if ex.name == doc.name)
        )
        found = list(iter_claims(blocks, variant))
        add_claims(company_id, "edgar", url, found)
        if doc.filing.since_variant == 2:
            added_documents.append(url)
            add_changes(company_id, "edgar", url, [], True, found)

    return {
        "base_url": base_url,
        "variant": variant,
        "max_pages_per_site": MAX_PAGES_PER_SITE,
        "rules": {
            "product_pages": "start at each website and its sitemaps (robots.txt Sitemap lines); follow <a>/<area> "
            "links in-site (same host, path under /sites/<company_id>/); drop fragments; skip Scrapy's ignored "
            "extensions (pdf...); obey robots.txt; follow redirects (the document URL is the final URL)",
            "press_releases": "each item link of each feed in the sources file (RSS 2.0, Atom, JSON Feed 1.1)",
            "pitch_decks": "PDF URLs in decks, and PDFs linked from deck pages",
            "edgar": "target forms of each sources CIK (submissions JSON -> primary document, plus EX-99 exhibits "
            "found through index.json), and documents found by full-text search for each search term (quoted) "
            "with forms=<forms>; filers not in the sources file get company_id cik-<10-digit CIK>",
            "outcome": "document | fetch_error | fetch_error_or_dropped (a fetch_errors row or a dropped item "
            "with a reason); error is the fetch_errors.error code when the contract fixes it, else null",
            "published": "YYYY-MM-DD date the document states (meta/JSON-LD, feed date, filing date, PDF date)",
            "claims": "sentences written to carry a LABELS.md label (claim, flags); text not listed is ordinary",
            "changes": "variant 2 only: AI-claim sentences added, edited or removed on a URL that variant 1 also "
            "serves (new_document false), or carried by a document new in variant 2 (new_document true)",
        },
        "companies": sources["companies"],
        "documents": documents,
        "fetch_errors": errors,
        "not_requested": not_requested,
        "claims": claims,
        # Variant 2 only: claim sentences added, edited or removed since variant 1 (same URLs),
        # and the documents that did not exist in variant 1.
        "changes": changes,
        "added_documents": added_documents,
    }
