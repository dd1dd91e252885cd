"""The sources file: what to watch. Loaded once, validated strictly, so a typo in a key
fails loudly with the key's path (``companies[2].cik: ...``) instead of crawling nothing."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

DEFAULT_FORMS = ("S-1", "10-K", "10-Q", "8-K", "C")
DEFAULT_SEARCH_TERMS: tuple[str, ...] = ()
DEFAULT_MAX_PAGES_PER_SITE = 50

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_CIK = re.compile(r"^[0-9]{1,10}$")  # ASCII only: \d also matches other scripts' digits


class SourcesError(ValueError):
    """The sources file is missing, unreadable or malformed; the message names the key."""


@dataclass(frozen=True)
class Company:
    id: str
    name: str
    website: str | None = None
    cik: str | None = None  # 10 digits, zero-padded
    feeds: tuple[str, ...] = ()
    decks: tuple[str, ...] = ()


@dataclass(frozen=True)
class EdgarConfig:
    forms: tuple[str, ...] = DEFAULT_FORMS
    search_terms: tuple[str, ...] = DEFAULT_SEARCH_TERMS
    user_agent: str | None = None


@dataclass(frozen=True)
class CrawlConfig:
    max_pages_per_site: int = DEFAULT_MAX_PAGES_PER_SITE
    allow_private_networks: bool = False


@dataclass(frozen=True)
class Sources:
    companies: tuple[Company, ...]
    edgar: EdgarConfig = field(default_factory=EdgarConfig)
    crawl: CrawlConfig = field(default_factory=CrawlConfig)

    def company(self, company_id: str) -> Company:
        for company in self.companies:
            if company.id == company_id:
                return company
        raise KeyError(company_id)

    def company_by_cik(self, cik: str) -> Company | None:
        padded = cik.zfill(10)
        for company in self.companies:
            if company.cik == padded:
                return company
        return None


def load_sources(path: str | Path) -> Sources:
    """Read and validate a sources YAML file."""
    path = Path(path)
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SourcesError(f"sources file {str(path)!r} does not exist") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise SourcesError(f"sources file {str(path)!r} cannot be read: {exc}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise SourcesError(f"sources file {str(path)!r} is not valid YAML{where}") from None
    if raw is None:
        raise SourcesError(f"sources file {str(path)!r} is empty")
    if not isinstance(raw, dict):
        raise SourcesError(
            f"sources file {str(path)!r} must be a mapping (companies, edgar, crawl), "
            f"not a {type(raw).__name__}"
        )
    return parse_sources(raw)


def parse_sources(raw: Any) -> Sources:
    """Validate an already-parsed sources mapping (the YAML document)."""
    top = _mapping(raw, "sources file", {"companies", "edgar", "crawl"})
    if "companies" not in top:
        raise SourcesError("companies: missing (a list of companies to watch)")
    companies_raw = top["companies"]
    if not isinstance(companies_raw, list) or not companies_raw:
        raise SourcesError("companies: must be a non-empty list")
    companies = tuple(_company(item, f"companies[{i}]") for i, item in enumerate(companies_raw))
    seen: set[str] = set()
    for i, company in enumerate(companies):
        if company.id in seen:
            raise SourcesError(f"companies[{i}].id: duplicate id {company.id!r}")
        seen.add(company.id)
    return Sources(
        companies=companies,
        edgar=_edgar(top.get("edgar")),
        crawl=_crawl(top.get("crawl")),
    )


def _mapping(value: Any, where: str, allowed: set[str]) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise SourcesError(f"{where}: must be a mapping")
    for key in value:
        if key not in allowed:
            prefix = "" if where == "sources file" else f"{where}."
            raise SourcesError(
                f"{prefix}{key}: unknown key (allowed: {', '.join(sorted(allowed))})"
            )
    return value


def _string(value: Any, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise SourcesError(f"{where}: must be a non-empty string")
    return value.strip()


def _url(value: Any, where: str) -> str:
    text = _string(value, where)
    try:
        parts = urlsplit(text)
    except ValueError:  # e.g. an unclosed "[" of an IPv6 address
        raise SourcesError(f"{where}: {text!r} is not an http(s) URL") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise SourcesError(f"{where}: {text!r} is not an http(s) URL")
    return text


def _url_list(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise SourcesError(f"{where}: must be a list of URLs")
    return tuple(_url(item, f"{where}[{i}]") for i, item in enumerate(value))


def _company(raw: Any, where: str) -> Company:
    data = _mapping(raw, where, {"id", "name", "website", "cik", "feeds", "decks"})
    for key in ("id", "name"):
        if key not in data:
            raise SourcesError(f"{where}.{key}: missing")
    company_id = _string(data["id"], f"{where}.id")
    if not _SLUG.match(company_id):
        raise SourcesError(
            f"{where}.id: {company_id!r} must be a slug of lowercase letters, digits and dashes"
        )
    cik = data.get("cik")
    if cik is not None:
        # YAML reads an unquoted 0001234567 as an int; accept it rather than lose the filer.
        cik_text = str(cik).strip() if isinstance(cik, int | str) else None
        if cik_text is None or not _CIK.match(cik_text) or int(cik_text) == 0:
            raise SourcesError(f"{where}.cik: {cik!r} is not a CIK (1 to 10 digits)")
        cik = cik_text.zfill(10)
    website = data.get("website")
    return Company(
        id=company_id,
        name=_string(data["name"], f"{where}.name"),
        website=_url(website, f"{where}.website") if website is not None else None,
        cik=cik,
        feeds=_url_list(data.get("feeds"), f"{where}.feeds"),
        decks=_url_list(data.get("decks"), f"{where}.decks"),
    )


def _edgar(raw: Any) -> EdgarConfig:
    if raw is None:
        return EdgarConfig()
    data = _mapping(raw, "edgar", {"forms", "search_terms", "user_agent"})
    forms = DEFAULT_FORMS
    if "forms" in data:
        if not isinstance(data["forms"], list) or not data["forms"]:
            raise SourcesError("edgar.forms: must be a non-empty list of form types")
        forms = tuple(_string(f, f"edgar.forms[{i}]").upper() for i, f in enumerate(data["forms"]))
    terms: tuple[str, ...] = DEFAULT_SEARCH_TERMS
    if "search_terms" in data:
        if not isinstance(data["search_terms"], list):
            raise SourcesError("edgar.search_terms: must be a list of strings")
        terms = tuple(
            _string(t, f"edgar.search_terms[{i}]") for i, t in enumerate(data["search_terms"])
        )
    user_agent = None
    if data.get("user_agent") is not None:
        user_agent = _string(data["user_agent"], "edgar.user_agent")
    return EdgarConfig(forms=forms, search_terms=terms, user_agent=user_agent)


def _crawl(raw: Any) -> CrawlConfig:
    if raw is None:
        return CrawlConfig()
    data = _mapping(raw, "crawl", {"max_pages_per_site", "allow_private_networks"})
    max_pages = data.get("max_pages_per_site", DEFAULT_MAX_PAGES_PER_SITE)
    if isinstance(max_pages, bool) or not isinstance(max_pages, int) or max_pages < 1:
        raise SourcesError(f"crawl.max_pages_per_site: {max_pages!r} must be a positive integer")
    allow = data.get("allow_private_networks", False)
    if not isinstance(allow, bool):
        raise SourcesError(f"crawl.allow_private_networks: {allow!r} must be true or false")
    return CrawlConfig(max_pages_per_site=max_pages, allow_private_networks=allow)
