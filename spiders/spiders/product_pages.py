"""product_pages: each company's website, from its home page and sitemaps, following
in-site links up to crawl.max_pages_per_site, product and AI pages first."""

from __future__ import annotations

import gzip
import io
import re
from collections import defaultdict
from collections.abc import AsyncIterator, Iterator
from typing import Any
from urllib.parse import urljoin, urlsplit

from scrapy.http import HtmlResponse, Request, Response
from scrapy.linkextractors import LinkExtractor
from scrapy.utils.sitemap import Sitemap, sitemap_urls_from_robots

from spiders.content import ContentError
from spiders.errors import EMPTY_TEXT
from spiders.extract import extract_page
from spiders.items import canonical_url
from spiders.sources import Company
from spiders.spiders.base import HypewatchSpider

# What a page is about, from its path: where AI claims live first, archives and legal last.
_PREFERRED = re.compile(
    r"(^|/)(products?|solutions?|platform|ai|artificial-intelligence|machine-learning|ml|"
    r"features?|technology|how-it-works|use-cases?|industries|services?|about|about-us|"
    r"company|why-[\w-]+|overview|pricing)(/|$|[.-])",
    re.IGNORECASE,
)
_AVOIDED = re.compile(
    r"(^|/)(legal|privacy|terms|cookies?|careers?|jobs|blog|news|press|events?|tag|tags|"
    r"category|categories|author|page|archives?|login|signin|sign-in|signup|register|cart|"
    r"account|search|feed|rss)(/|$|[.-])",
    re.IGNORECASE,
)
PRIORITY_HOME = 300
PRIORITY_SITEMAP = 250
MAX_SITEMAP_BYTES = 50 * 1024 * 1024  # the sitemap protocol's own limit, uncompressed


def page_priority(url: str, scope_path: str) -> int:
    """Higher first: product, solution, platform, AI and about pages over legal, careers
    and blog archives; deeper paths slightly later."""
    path = urlsplit(url).path
    rel = path[len(scope_path) :] if path.startswith(scope_path) else path
    score = 100
    if _PREFERRED.search(rel):
        score += 100
    if _AVOIDED.search(rel):
        score -= 100
    return score - 5 * rel.strip("/").count("/")


class ProductPagesSpider(HypewatchSpider):
    name = "product_pages"

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.pages_scheduled: dict[str, int] = defaultdict(int)
        self.scopes: dict[str, tuple[set[str], str]] = {}  # company -> (netlocs, path prefix)
        self.seen_pages: dict[str, set[str]] = defaultdict(set)
        self.link_extractor = LinkExtractor(unique=True)

    # --- scope and budget ----------------------------------------------------------------

    def scope_of(self, company: Company) -> tuple[set[str], str]:
        parts = urlsplit(company.website or "")
        path = parts.path if parts.path.endswith("/") else parts.path.rsplit("/", 1)[0] + "/"
        return {parts.netloc.lower()}, path

    def in_scope(self, company_id: str, url: str) -> bool:
        netlocs, prefix = self.scopes[company_id]
        parts = urlsplit(url)
        return (
            parts.scheme in ("http", "https")
            and parts.netloc.lower() in netlocs
            and (parts.path or "/").startswith(prefix)
        )

    def page_request(self, company_id: str, url: str, priority: int) -> Request | None:
        """A request for an in-site page while the company's page budget lasts."""
        if self.pages_scheduled[company_id] >= self.sources.crawl.max_pages_per_site:
            self.crawler.stats.inc_value("hypewatch/pages_over_budget")
            return None
        key = canonical_url(url)
        seen = self.seen_pages[company_id]
        if key in seen:
            return None
        seen.add(key)
        self.pages_scheduled[company_id] += 1
        return Request(
            url,
            callback=self.parse_page,
            errback=self.errback,
            priority=priority,
            meta={"company_id": company_id},
        )

    # --- start ----------------------------------------------------------------------------

    async def start(self) -> AsyncIterator[Any]:
        for company in self.sources.companies:
            if not company.website:
                continue
            self.scopes[company.id] = self.scope_of(company)
            home = self.page_request(company.id, company.website, PRIORITY_HOME)
            if home is not None:
                home.meta["is_home"] = True
                yield home
            meta = {"company_id": company.id, "optional": True}
            yield Request(
                urljoin(company.website, "sitemap.xml"),
                callback=self.parse_sitemap,
                errback=self.errback,
                priority=PRIORITY_SITEMAP,
                meta=dict(meta),
            )
            parts = urlsplit(company.website)
            yield Request(
                f"{parts.scheme}://{parts.netloc}/robots.txt",
                callback=self.parse_robots,
                errback=self.errback,
                priority=PRIORITY_SITEMAP,
                meta=dict(meta),
                dont_filter=True,  # one robots.txt may serve several companies on a host
            )

    # --- sitemaps -------------------------------------------------------------------------

    def parse_robots(self, response: Response) -> Iterator[Request]:
        company_id = response.meta["company_id"]
        for url in sitemap_urls_from_robots(response.text, base_url=response.url):
            if self.in_scope(company_id, url):
                yield self.sitemap_request(company_id, url)

    def sitemap_request(self, company_id: str, url: str) -> Request:
        return Request(
            url,
            callback=self.parse_sitemap,
            errback=self.errback,
            priority=PRIORITY_SITEMAP,
            meta={"company_id": company_id},
        )

    def parse_sitemap(self, response: Response) -> Iterator[Any]:
        company_id = response.meta["company_id"]
        body = response.body
        if body[:2] == b"\x1f\x8b":
            try:
                with gzip.GzipFile(fileobj=io.BytesIO(body)) as fh:
                    body = fh.read(MAX_SITEMAP_BYTES + 1)
            except (OSError, EOFError) as exc:
                yield self.fetch_error(response.request, "sitemap_malformed", response.status,
                                       f"bad gzip: {exc}", url=response.url)  # fmt: skip
                return
        try:
            sitemap = Sitemap(body)
        except Exception as exc:  # lxml raises several kinds on non-XML bodies
            yield self.fetch_error(response.request, "sitemap_malformed", response.status,
                                   f"not a sitemap: {exc}", url=response.url)  # fmt: skip
            return
        entries = [e.get("loc", "").strip() for e in sitemap if e.get("loc")]
        if sitemap.type == "sitemapindex":
            for loc in entries:
                url = urljoin(response.url, loc)
                if self.in_scope(company_id, url):
                    yield self.sitemap_request(company_id, url)
            return
        if sitemap.type != "urlset":
            yield self.fetch_error(response.request, "sitemap_malformed", response.status,
                                   f"root element {sitemap.type!r}", url=response.url)  # fmt: skip
            return
        yield from self.follow(company_id, [urljoin(response.url, loc) for loc in entries])

    # --- pages -----------------------------------------------------------------------------

    def follow(self, company_id: str, urls: list[str]) -> Iterator[Request]:
        _, prefix = self.scopes[company_id]
        ranked = sorted(
            {u.split("#", 1)[0] for u in urls if self.in_scope(company_id, u)},
            key=lambda u: (-page_priority(u, prefix), u),
        )
        for url in ranked:
            request = self.page_request(company_id, url, page_priority(url, prefix))
            if request is not None:
                yield request

    def parse_page(self, response: Response) -> Iterator[Any]:
        company_id = response.meta["company_id"]
        if response.meta.get("is_home"):
            # example.com -> www.example.com: the site lives where the home page landed.
            self.scopes[company_id][0].add(urlsplit(response.url).netloc.lower())
        try:
            html = self.html_of(response)
        except ContentError as exc:
            yield self.content_error(response, exc)
            return
        page = extract_page(html, response.url)
        if page.text.strip():
            yield self.document(
                response,
                company_id=company_id,
                text=page.text,
                title=page.title,
                published_at=page.published_at,
            )
        else:
            yield self.fetch_error(response.request, EMPTY_TEXT, response.status,
                                   "no main text on the page", url=response.url)  # fmt: skip
        # Links from the text as we decoded it, whatever the server said the charset was.
        decoded = HtmlResponse(url=response.url, body=html, encoding="utf-8")
        links = [link.url for link in self.link_extractor.extract_links(decoded)]
        yield from self.follow(company_id, links)
