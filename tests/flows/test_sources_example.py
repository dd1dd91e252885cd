"""sources.example.yaml is a real starting point: it cannot be crawled here, but it must load,
name real companies with plausible identifiers, and stay off private networks."""

from __future__ import annotations

import ipaddress
import re
from pathlib import Path
from urllib.parse import urlsplit

from spiders.sources import load_sources

EXAMPLE = Path(__file__).resolve().parents[2] / "sources.example.yaml"


def test_example_sources_load_and_watch_at_least_twenty_companies() -> None:
    sources = load_sources(EXAMPLE)
    assert len(sources.companies) >= 20
    assert not sources.crawl.allow_private_networks
    assert sources.edgar.user_agent and "@" in sources.edgar.user_agent  # SEC fair access


def test_example_names_companies_from_ai_washing_actions_and_big_ai_marketers() -> None:
    ids = {company.id for company in load_sources(EXAMPLE).companies}
    sec_orders = {"delphia", "global-predictions", "presto-automation"}
    ftc_ai_comply = {"donotpay", "ascend-ecom", "ecommerce-empire-builders", "fba-machine", "rytr"}
    marketers = {"nvidia", "microsoft", "alphabet", "palantir", "c3-ai", "soundhound-ai"}
    assert sec_orders | ftc_ai_comply | marketers <= ids


def test_example_identifiers_are_well_formed() -> None:
    companies = load_sources(EXAMPLE).companies
    ciks = [company.cik for company in companies if company.cik]
    assert len(ciks) >= 10, "public filers should carry their EDGAR CIK"
    assert all(re.fullmatch(r"\d{10}", cik) for cik in ciks)
    assert len(set(ciks)) == len(ciks)
    assert sum(1 for company in companies if company.feeds) >= 5
    for company in companies:
        for url in (company.website, *company.feeds, *company.decks):
            if url is None:
                continue
            parts = urlsplit(url)
            assert parts.scheme == "https", url
            assert "." in parts.hostname and not parts.hostname.endswith(".example"), url
            try:
                address = ipaddress.ip_address(parts.hostname)
            except ValueError:
                continue
            raise AssertionError(f"{company.id}: {url} is an address ({address}), not a host")
    assert all(company.website for company in companies)
