"""The address guard's second line: the DNS resolver Scrapy connects with.

AddressGuardMiddleware resolves a hostname before a request is sent, but the download
handler resolves it again when it connects; a name that answered a public address the first
time and a private one the second (DNS rebinding) would slip through. This resolver applies
the same check to the address actually used for the connection."""

from __future__ import annotations

import ipaddress
from collections.abc import Sequence
from typing import Any

from scrapy.crawler import Crawler
from scrapy.resolver import CachingThreadedResolver
from twisted.internet.defer import Deferred
from twisted.internet.error import DNSLookupError

from spiders.middlewares import address_allowed

REFUSED = "refused by the address guard"


class GuardedResolver(CachingThreadedResolver):
    owner: Any  # the crawler process (the resolver is one per process) or a crawler
    allowed_names: set[str]

    @classmethod
    def from_crawler(cls, crawler: Crawler, reactor: Any) -> GuardedResolver:
        resolver = super().from_crawler(crawler, reactor)
        resolver.owner = crawler
        # ADDRESS_GUARD_ALLOWED_HOSTS holds host[:port]; a resolver only sees the host.
        resolver.allowed_names = {
            entry.rsplit(":", 1)[0].strip("[]").lower() if entry.count(":") == 1 else entry.lower()
            for entry in crawler.settings.getlist("ADDRESS_GUARD_ALLOWED_HOSTS")
        }
        return resolver

    def getHostByName(self, name: str, timeout: Sequence[int] = ()) -> Deferred[str]:  # noqa: N802
        result = super().getHostByName(name, timeout)
        result.addCallback(self.check, name)
        return result

    def check(self, address: str, name: str) -> str:
        """The resolved address, or DNSLookupError if the guard refuses it."""
        crawlers = getattr(self.owner, "crawlers", None) or [self.owner]
        if any(
            getattr(getattr(c, "spider", None), "allow_private_networks", False) for c in crawlers
        ):
            return address
        if name.lower() in self.allowed_names or address_allowed(ipaddress.ip_address(address)):
            return address
        raise DNSLookupError(f"{name} resolves to non-public address {address}: {REFUSED}")
