"""What every hypewatch spider shares: arguments, the sources file, FetchError reporting
and Document building."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator
from typing import Any

import scrapy
from scrapy.crawler import Crawler
from scrapy.http import Request, Response, TextResponse
from twisted.python.failure import Failure

from spiders.args import SpiderArgumentError, exit_with_usage_error, parse_spider_args
from spiders.content import ContentError, response_text
from spiders.errors import UNSUPPORTED_TYPE, classify
from spiders.items import Document, FetchError, make_document

logger = logging.getLogger(__name__)


class HypewatchSpider(scrapy.Spider):
    """Base spider: `-a sources=FILE [-a run_date=YYYY-MM-DD]`. No `name`, so `scrapy list`
    names only the four real spiders."""

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> HypewatchSpider:
        try:
            parsed = parse_spider_args(kwargs)
        except SpiderArgumentError as exc:
            exit_with_usage_error(exc)
        spider = super().from_crawler(crawler, *args)
        spider.sources_path = parsed.sources_path
        spider.sources = parsed.sources
        spider.run_date = parsed.run_date
        spider.allow_private_networks = parsed.sources.crawl.allow_private_networks
        return spider

    # --- failures -----------------------------------------------------------------------

    def fetch_error(
        self,
        request: Request | None,
        code: str,
        http_status: int | None,
        detail: str | None,
        *,
        url: str | None = None,
        company_id: str | None = None,
    ) -> FetchError:
        """A fetch_errors row for a request (its company comes from request.meta)."""
        meta = request.meta if request is not None else {}
        self.crawler.stats.inc_value(f"hypewatch/fetch_errors/{code}")
        self.crawler.stats.inc_value("hypewatch/fetch_errors")
        return FetchError(
            run_date=self.run_date,
            source=self.name,
            company_id=company_id or meta.get("company_id"),
            # The URL we were asked for, not where a redirect chain ended.
            url=url or meta.get("redirect_urls", [None])[0] or (request.url if request else ""),
            error=code,
            http_status=http_status,
            detail=(detail or "")[:500] or None,
        )

    def errback(self, failure: Failure) -> Iterator[FetchError]:
        """Every failed request ends here: one fetch_errors row with a short code."""
        request = getattr(failure, "request", None)
        code, status, detail = classify(failure)
        if (
            request is not None
            and request.meta.get("optional")
            and code in ("http_404", "http_410")
        ):
            # A guessed URL (e.g. /sitemap.xml) that does not exist is not an error.
            self.crawler.stats.inc_value("hypewatch/optional_missing")
            return
        logger.info("Fetch error %s on %s: %s", code, getattr(request, "url", "?"), detail)
        yield self.fetch_error(request, code, status, detail)

    def content_error(self, response: Response, error: ContentError) -> FetchError:
        return self.fetch_error(
            response.request, error.code, response.status, error.detail, url=response.url
        )

    # --- documents ----------------------------------------------------------------------

    def html_of(self, response: Response) -> str:
        """The response as HTML text; raises ContentError if it is not readable text."""
        if not isinstance(response, TextResponse) and not response.body.lstrip().startswith(b"<"):
            content_type = response.headers.get("Content-Type", b"").decode("latin-1")
            raise ContentError(UNSUPPORTED_TYPE, f"not a web page: {content_type or 'no type'}")
        return response_text(response)

    def document(
        self,
        response: Response,
        *,
        company_id: str,
        text: str,
        title: str | None,
        published_at: dt.datetime | None = None,
        url: str | None = None,
    ) -> Document:
        return make_document(
            run_date=self.run_date,
            company_id=company_id,
            source=self.name,
            url=url or response.url,
            title=title,
            published_at=published_at,
            http_status=response.status,
            text=text,
        )
