"""press_releases: each company's feeds (RSS 2.0, Atom or JSON Feed), then each item's page,
its main text extracted, published_at from the feed."""

from __future__ import annotations

import calendar
import datetime as dt
import json
import xml.sax
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

import feedparser
from scrapy.http import Request, Response

from spiders.content import ContentError, decode_body
from spiders.errors import EMPTY_TEXT, FEED_EMPTY, FEED_MALFORMED
from spiders.extract import extract_page
from spiders.spiders.base import HypewatchSpider

JSON_FEED_VERSION = "https://jsonfeed.org/version/"


class FeedError(Exception):
    def __init__(self, code: str, detail: str):
        super().__init__(detail)
        self.code = code


@dataclass(frozen=True)
class FeedItem:
    url: str
    title: str | None
    published_at: dt.datetime | None


def _iso(value: Any) -> dt.datetime | None:
    if not isinstance(value, str):
        return None
    try:
        parsed = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return (parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)).astimezone(dt.UTC)


def parse_json_feed(body: bytes, base_url: str) -> list[FeedItem]:
    try:
        data = json.loads(body)
    except ValueError as exc:
        raise FeedError(FEED_MALFORMED, f"JSON Feed is not JSON: {exc}") from None
    if not isinstance(data, dict) or not str(data.get("version", "")).startswith(JSON_FEED_VERSION):
        raise FeedError(FEED_MALFORMED, "JSON without a JSON Feed version")
    items = data.get("items")
    if not isinstance(items, list):
        raise FeedError(FEED_MALFORMED, "JSON Feed without an items list")
    out = []
    for item in items:
        if not isinstance(item, dict):
            continue
        link = item.get("url") or item.get("external_url")
        if not isinstance(link, str) or not link.strip():
            continue
        out.append(
            FeedItem(
                url=urljoin(base_url, link.strip()),
                title=item.get("title") if isinstance(item.get("title"), str) else None,
                published_at=_iso(item.get("date_published")) or _iso(item.get("date_modified")),
            )
        )
    return out


def _struct_time(value: Any) -> dt.datetime | None:
    if not value:
        return None
    return dt.datetime.fromtimestamp(calendar.timegm(value), tz=dt.UTC)


def parse_xml_feed(body: bytes, base_url: str, content_type: str = "") -> list[FeedItem]:
    headers = {"content-location": base_url}
    if content_type:
        headers["content-type"] = content_type
    parsed = feedparser.parse(body, response_headers=headers)
    if not parsed.version and not parsed.entries:
        raise FeedError(FEED_MALFORMED, "neither RSS nor Atom")
    out = []
    for entry in parsed.entries:
        link = entry.get("link")
        if not link:
            continue
        out.append(
            FeedItem(
                url=urljoin(base_url, link),
                title=entry.get("title"),
                published_at=_struct_time(entry.get("published_parsed"))
                or _struct_time(entry.get("updated_parsed")),
            )
        )
    if not out and isinstance(parsed.get("bozo_exception"), xml.sax.SAXException):
        # Broken XML that left nothing usable. With usable items we keep them, and other
        # "bozo" flags (a wrong charset label, no Content-Type) are harmless.
        raise FeedError(FEED_MALFORMED, f"not a readable feed: {parsed.get('bozo_exception')}")
    return out


def parse_feed(body: bytes, content_type: str, base_url: str) -> list[FeedItem]:
    """The items of an RSS 2.0, Atom or JSON Feed document; raises FeedError."""
    if not body.strip():
        raise FeedError(FEED_EMPTY, "empty response")
    if "json" in content_type.lower() or body.lstrip()[:1] == b"{":
        items = parse_json_feed(body, base_url)
    else:
        items = parse_xml_feed(body, base_url, content_type)
    if not items:
        raise FeedError(FEED_EMPTY, "the feed has no items with links")
    return items


class PressReleasesSpider(HypewatchSpider):
    name = "press_releases"

    async def start(self) -> AsyncIterator[Any]:
        for company in self.sources.companies:
            for feed in company.feeds:
                yield Request(
                    feed,
                    callback=self.parse_feed,
                    errback=self.errback,
                    meta={"company_id": company.id},
                )

    def parse_feed(self, response: Response) -> Iterator[Any]:
        content_type = response.headers.get("Content-Type", b"").decode("latin-1")
        max_items = self.settings.getint("PRESS_RELEASES_MAX_ITEMS_PER_FEED")
        try:
            items = parse_feed(response.body, content_type, response.url)
        except FeedError as exc:
            yield self.fetch_error(response.request, exc.code, response.status, str(exc),
                                   url=response.url)  # fmt: skip
            return
        for item in items[:max_items]:
            yield Request(
                item.url,
                callback=self.parse_release,
                errback=self.errback,
                meta={
                    "company_id": response.meta["company_id"],
                    "feed_title": item.title,
                    "published_at": item.published_at,
                },
            )

    def parse_release(self, response: Response) -> Iterator[Any]:
        content_type = response.headers.get("Content-Type", b"").decode("latin-1")
        try:
            html = decode_body(response.body, content_type)[0]
        except ContentError as exc:
            yield self.content_error(response, exc)
            return
        page = extract_page(html, response.url)
        if not page.text.strip():
            yield self.fetch_error(response.request, EMPTY_TEXT, response.status,
                                   "no main text on the page", url=response.url)  # fmt: skip
            return
        yield self.document(
            response,
            company_id=response.meta["company_id"],
            text=page.text,
            title=response.meta.get("feed_title") or page.title,
            published_at=response.meta.get("published_at") or page.published_at,
        )
