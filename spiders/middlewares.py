"""Downloader and spider middlewares: the address guard, retries with backoff, and the net
that turns every failure into a FetchError item."""

from __future__ import annotations

import asyncio
import email.utils
import ipaddress
import logging
import os
import socket
import time
from collections.abc import AsyncIterator, Iterable
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from scrapy import Request
from scrapy.downloadermiddlewares.redirect import MetaRefreshMiddleware, RedirectMiddleware
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response

from spiders.errors import PARSE_ERROR, GuardRefused, classify
from spiders.items import canonical_url

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)

ALLOWED_SCHEMES = ("http", "https")

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


# Set to 1 by the test suite: every request whose host is not loopback is refused before
# any name is resolved, whatever the sources file says, so no test can reach the internet.
LOOPBACK_ONLY_ENV = "HYPEWATCH_LOOPBACK_ONLY"


def loopback_host(host: str) -> bool:
    """`localhost` or a loopback IP literal (127.0.0.0/8, ::1)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def address_allowed(address: IPAddress) -> bool:
    """True only for public unicast addresses: not private, loopback, link-local, multicast,
    reserved, shared (CGNAT), unspecified or documentation ranges, also when an IPv4 address
    hides inside IPv6 (mapped, 6to4, Teredo)."""
    if isinstance(address, ipaddress.IPv6Address):
        inner = address.ipv4_mapped or address.sixtofour
        if inner is not None:
            return address_allowed(inner)
        if address.teredo is not None:
            return address_allowed(address.teredo[1])
    if address.is_multicast or address.is_reserved or address.is_unspecified:
        return False
    return address.is_global


class AddressGuardMiddleware:
    """Refuses, before connecting, any request (redirects included: they pass through here
    again) whose scheme is not http(s) or whose host is or resolves to a non-public address,
    unless the spider's sources allow private networks (the sample web and tests).

    Hostnames are resolved here and every address they resolve to must be public."""

    def __init__(self, crawler: Crawler):
        self.crawler = crawler
        self._resolved: dict[tuple[str, int], list[IPAddress]] = {}
        # Exact "host:port" (or "host") exceptions, e.g. one internal server, while every
        # other private address stays refused.
        self.allowed_hosts = {
            h.lower() for h in crawler.settings.getlist("ADDRESS_GUARD_ALLOWED_HOSTS")
        }

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> AddressGuardMiddleware:
        return cls(crawler)

    def _refuse(self, code: str, detail: str) -> GuardRefused:
        self.crawler.stats.inc_value(f"hypewatch/guard/{code}")
        logger.info("Address guard: %s", detail)
        return GuardRefused(code, detail)

    async def process_request(self, request: Request) -> None:
        parts = urlsplit(request.url)
        if parts.scheme not in ALLOWED_SCHEMES:
            raise self._refuse("scheme_refused", f"scheme {parts.scheme!r} is not http(s)")
        host = parts.hostname
        if not host:
            raise self._refuse("address_refused", f"no host in {request.url}")
        if os.environ.get(LOOPBACK_ONLY_ENV) == "1" and not loopback_host(host):
            raise self._refuse("address_refused", f"{host}: only loopback ({LOOPBACK_ONLY_ENV})")
        if getattr(self.crawler.spider, "allow_private_networks", False):
            return None
        if host.lower() in self.allowed_hosts or parts.netloc.lower() in self.allowed_hosts:
            return None
        try:
            port = parts.port or (443 if parts.scheme == "https" else 80)
        except ValueError:
            raise self._refuse("address_refused", f"bad port in {request.url}") from None
        for address in await self._addresses(host, port):
            if not address_allowed(address):
                raise self._refuse(
                    "address_refused",
                    f"{host} is or resolves to non-public address {address}",
                )
        return None

    async def _addresses(self, host: str, port: int) -> list[IPAddress]:
        try:
            return [ipaddress.ip_address(host.strip("[]"))]
        except ValueError:
            pass
        key = (host.lower(), port)
        if key not in self._resolved:
            loop = asyncio.get_running_loop()
            try:
                infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
            except OSError as exc:
                raise self._refuse("dns_error", f"cannot resolve {host}: {exc}") from None
            # Zone ids (fe80::1%eth0) are not part of the address.
            self._resolved[key] = [
                ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos
            ]
        return self._resolved[key]


def _refuse_loops(redirected: Request, request: Request) -> None:
    """A redirect back to a URL of its own chain is a loop. Without this check the
    dupefilter drops the repeated URL silently and the page vanishes from the report."""
    chain = [*request.meta.get("redirect_urls", []), request.url]
    if canonical_url(redirected.url) in {canonical_url(url) for url in chain}:
        raise IgnoreRequest(f"redirect loop: {redirected.url} is already in the redirect chain")


class LoopAwareRedirectMiddleware(RedirectMiddleware):
    def _redirect(self, redirected: Request, request: Request, reason: Any) -> Request:
        _refuse_loops(redirected, request)
        return super()._redirect(redirected, request, reason)


class LoopAwareMetaRefreshMiddleware(MetaRefreshMiddleware):
    def _redirect(self, redirected: Request, request: Request, reason: Any) -> Request:
        _refuse_loops(redirected, request)
        return super()._redirect(redirected, request, reason)


def retry_after_seconds(value: bytes | str | None, now: float | None = None) -> float | None:
    """Seconds a Retry-After header asks us to wait (delta-seconds or an HTTP date)."""
    if not value:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if text.isdigit():
        return float(text)
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


class BackoffRetryMiddleware(RetryMiddleware):
    """Scrapy's retries, spaced out: wait Retry-After when a 429/503 names it (and give up
    at once if it asks for longer than RETRY_AFTER_MAX), otherwise exponential backoff
    RETRY_BACKOFF_BASE * 2**n capped at RETRY_BACKOFF_MAX. The wait is asynchronous: other
    requests keep going while this one sleeps."""

    def __init__(self, settings: Any):
        super().__init__(settings)
        self.backoff_base = settings.getfloat("RETRY_BACKOFF_BASE", 1.0)
        self.backoff_max = settings.getfloat("RETRY_BACKOFF_MAX", 60.0)
        self.retry_after_max = settings.getfloat("RETRY_AFTER_MAX", 120.0)

    def _backoff(self, request: Request) -> float:
        attempt = request.meta.get("retry_times", 0)
        return min(self.backoff_max, self.backoff_base * 2**attempt)

    def delay_for(self, request: Request, response: Response) -> float | None:
        """Seconds to wait before retrying, or None to give up on this response now."""
        delay = self._backoff(request)
        if response.status in (429, 503):
            asked = retry_after_seconds(response.headers.get("Retry-After"))
            if asked is not None:
                if asked > self.retry_after_max:
                    self.crawler.stats.inc_value("hypewatch/retry_after_too_long")
                    return None
                delay = asked
        return delay

    async def process_response(  # type: ignore[override]
        self, request: Request, response: Response
    ) -> Request | Response:
        if request.meta.get("dont_retry", False) or response.status not in self.retry_http_codes:
            return response
        delay = self.delay_for(request, response)
        if delay is None:
            return response
        retry = self._retry(request, f"{response.status}")
        if retry is None:
            return response
        await asyncio.sleep(delay)
        return retry

    async def process_exception(  # type: ignore[override]
        self, request: Request, exception: Exception
    ) -> Request | Response | None:
        if (
            request.meta.get("dont_retry", False)
            or not isinstance(exception, self.exceptions_to_retry)
            or "address guard" in str(exception)  # a refusal is final
        ):
            return None
        delay = self._backoff(request)
        retry = self._retry(request, exception)
        if retry is None:
            return None
        await asyncio.sleep(delay)
        return retry


class FetchErrorSpiderMiddleware:
    """Nothing fails silently: every request leaving a spider gets the spider's errback if it
    has none, and an exception raised while parsing a response becomes a fetch_errors row
    for that URL instead of a traceback and a lost page."""

    def __init__(self, crawler: Crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> FetchErrorSpiderMiddleware:
        return cls(crawler)

    def _prepare(self, result: Any) -> Any:
        spider = self.crawler.spider
        if isinstance(result, Request) and result.errback is None and hasattr(spider, "errback"):
            result.errback = spider.errback
        return result

    async def process_start(self, start: AsyncIterator[Any]) -> AsyncIterator[Any]:
        async for result in start:
            yield self._prepare(result)

    def process_spider_output(self, response: Response, result: Iterable[Any]) -> Iterable[Any]:
        for item in result:
            yield self._prepare(item)

    async def process_spider_output_async(
        self, response: Response, result: AsyncIterator[Any]
    ) -> AsyncIterator[Any]:
        async for item in result:
            yield self._prepare(item)

    def process_spider_exception(
        self, response: Response, exception: Exception
    ) -> Iterable[Any] | None:
        spider = self.crawler.spider
        if not hasattr(spider, "fetch_error"):
            return None
        code, status, detail = classify(exception)
        if code == "download_failed":
            # Not a download problem: the callback itself failed on this response.
            code, status = PARSE_ERROR, response.status
            logger.exception("Callback failed on %s", response.url, exc_info=exception)
        self.crawler.stats.inc_value(f"hypewatch/callback_errors/{code}")
        return [spider.fetch_error(response.request, code, status, detail, url=response.url)]
