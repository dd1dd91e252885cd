"""edgar: SEC filings as EDGAR serves them.

- For each company with a `cik`: its submissions JSON
  ({EDGAR_DATA_URL}/submissions/CIK##########.json), newest filings of the configured forms.
- For each `edgar.search_terms` term: EDGAR full-text search
  ({EDGAR_SEARCH_URL}/search-index?q="term"&forms=...); filers not in the sources file get
  company_id "cik-<10 digits>".
- Then each filing's primary document
  ({EDGAR_ARCHIVES_URL}/Archives/edgar/data/<cik>/<accession>/<document>), and for 8-Ks the
  EX-99 exhibits (press releases) found in the filing's index.json.

SEC fair access: every request carries the configured User-Agent with a contact and goes
through one download slot ("sec.gov") limited to 10 requests/s.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import AsyncIterator, Iterator
from typing import Any
from urllib.parse import quote, urlencode

from scrapy.crawler import Crawler
from scrapy.http import Request, Response

from spiders.content import ContentError, decode_body
from spiders.errors import EDGAR_MALFORMED, EMPTY_TEXT
from spiders.extract import filing_text, xml_text
from spiders.spiders.base import HypewatchSpider

SEC_SLOT = "sec.gov"
_EXHIBIT_99 = re.compile(r"ex-?99", re.IGNORECASE)
_DOCUMENT_EXT = (".htm", ".html", ".txt", ".xml")


def filing_date(value: Any) -> dt.datetime | None:
    try:
        day = dt.date.fromisoformat(str(value))
    except ValueError:
        return None
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


def form_matches(form: str, wanted: tuple[str, ...]) -> bool:
    """10-K matches 10-K and its amendment 10-K/A; C matches C, C/A and C-U."""
    form = form.upper()
    return any(form == w or form.startswith(f"{w}/") for w in wanted)


class EdgarSpider(HypewatchSpider):
    name = "edgar"

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> EdgarSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        if spider.sources.edgar.user_agent:
            # Every request to the SEC, robots.txt included, names the configured contact.
            crawler.settings.set("USER_AGENT", spider.sources.edgar.user_agent, priority="spider")
        return spider

    def sec_request(self, url: str, callback: Any, **meta: Any) -> Request:
        return Request(
            url,
            callback=callback,
            errback=self.errback,
            headers={"Accept-Encoding": "gzip, deflate"},
            meta={
                **meta,
                "download_slot": SEC_SLOT,
                "autothrottle_dont_adjust_delay": True,  # the 10/s ceiling is fixed
            },
        )

    def archive_url(self, cik: str, accession: str, name: str) -> str:
        base = self.settings.get("EDGAR_ARCHIVES_URL").rstrip("/")
        folder = accession.replace("-", "")
        return f"{base}/Archives/edgar/data/{int(cik)}/{folder}/{quote(name)}"

    def company_id_for(self, cik: str) -> str:
        known = self.sources.company_by_cik(cik)
        return known.id if known else f"cik-{cik.zfill(10)}"

    async def start(self) -> AsyncIterator[Any]:
        data_url = self.settings.get("EDGAR_DATA_URL").rstrip("/")
        for company in self.sources.companies:
            if company.cik:
                yield self.sec_request(
                    f"{data_url}/submissions/CIK{company.cik}.json",
                    self.parse_submissions,
                    company_id=company.id,
                    cik=company.cik,
                )
        for term in self.sources.edgar.search_terms:
            yield self.search_request(term, 0)

    # --- discovery ------------------------------------------------------------------------

    def search_request(self, term: str, start: int) -> Request:
        query = {"q": f'"{term}"', "forms": ",".join(self.sources.edgar.forms)}
        if start:
            query["from"] = str(start)
        base = self.settings.get("EDGAR_SEARCH_URL").rstrip("/")
        url = f"{base}/search-index?{urlencode(query, quote_via=quote, safe=',')}"
        return self.sec_request(url, self.parse_search, term=term, start=start)

    def _json(self, response: Response) -> Any:
        try:
            return json.loads(response.body)
        except ValueError as exc:
            raise ContentError(EDGAR_MALFORMED, f"not JSON: {exc}") from None

    def parse_submissions(self, response: Response) -> Iterator[Any]:
        company_id, cik = response.meta["company_id"], response.meta["cik"]
        try:
            data = self._json(response)
            recent = data["filings"]["recent"]
            columns = [recent[k] for k in ("accessionNumber", "form", "primaryDocument")]
            dates = recent.get("filingDate") or [None] * len(columns[0])
            descriptions = recent.get("primaryDocDescription") or [None] * len(columns[0])
            rows = list(zip(*columns, dates, descriptions, strict=True))
        except ContentError as exc:
            yield self.content_error(response, exc)
            return
        except (KeyError, TypeError, ValueError) as exc:
            yield self.fetch_error(response.request, EDGAR_MALFORMED, response.status,
                                   f"submissions JSON without filings.recent: {exc!r}",
                                   url=response.url)  # fmt: skip
            return
        name = data.get("name") or company_id
        limit = self.settings.getint("EDGAR_MAX_FILINGS_PER_COMPANY")
        wanted = [r for r in rows if form_matches(str(r[1]), self.sources.edgar.forms)]
        # EDGAR lists recent filings newest first; keep that order and cap it.
        for accession, form, document, filed, description in wanted[:limit]:
            if not document:
                continue
            yield from self.filing_requests(
                company_id, cik, str(accession), str(form), str(document),
                title=f"{name} {form} {description or ''}".strip(),
                published_at=filing_date(filed),
            )  # fmt: skip

    def filing_requests(
        self,
        company_id: str,
        cik: str,
        accession: str,
        form: str,
        document: str,
        *,
        title: str,
        published_at: dt.datetime | None,
    ) -> Iterator[Request]:
        meta = {
            "company_id": company_id,
            "cik": cik,
            "accession": accession,
            "form": form,
            "title": title,
            "published_at": published_at,
        }
        yield self.sec_request(
            self.archive_url(cik, accession, document), self.parse_document, **meta
        )
        if form.upper().startswith("8-K"):
            yield self.sec_request(
                self.archive_url(cik, accession, "index.json"), self.parse_index, **meta
            )

    def parse_index(self, response: Response) -> Iterator[Any]:
        """An 8-K's folder listing: its EX-99 exhibits are the press releases."""
        meta = response.meta
        try:
            items = self._json(response)["directory"]["item"]
            names = [str(item["name"]) for item in items]
        except ContentError as exc:
            yield self.content_error(response, exc)
            return
        except (KeyError, TypeError) as exc:
            yield self.fetch_error(response.request, EDGAR_MALFORMED, response.status,
                                   f"index.json without directory.item: {exc!r}",
                                   url=response.url)  # fmt: skip
            return
        for name in names:
            if _EXHIBIT_99.search(name) and name.lower().endswith(_DOCUMENT_EXT):
                yield self.sec_request(
                    self.archive_url(meta["cik"], meta["accession"], name),
                    self.parse_document,
                    company_id=meta["company_id"],
                    title=f"{meta['title']} (EX-99: {name})",
                    published_at=meta["published_at"],
                )

    def parse_search(self, response: Response) -> Iterator[Any]:
        term, start = response.meta["term"], response.meta["start"]
        try:
            data = self._json(response)
            hits = data["hits"]["hits"]
            total = data["hits"].get("total", {})
            total = total.get("value", 0) if isinstance(total, dict) else int(total or 0)
        except ContentError as exc:
            yield self.content_error(response, exc)
            return
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            yield self.fetch_error(response.request, EDGAR_MALFORMED, response.status,
                                   f"search JSON without hits.hits: {exc!r}",
                                   url=response.url)  # fmt: skip
            return
        for hit in hits:
            try:
                source = hit["_source"]
                accession, _, document = str(hit["_id"]).partition(":")
                cik = str(source["ciks"][0]).zfill(10)
                form = str(source.get("form") or (source.get("root_forms") or [""])[0])
            except (KeyError, IndexError, TypeError):
                self.crawler.stats.inc_value("hypewatch/edgar/bad_search_hit")
                continue
            if not document or not form_matches(form, self.sources.edgar.forms):
                continue
            if self.sources.company_by_cik(cik):
                # A watched filer's filings come from its submissions JSON. Taking them from
                # search as well would make the title depend on which answer came first.
                self.crawler.stats.inc_value("hypewatch/edgar/search_hit_of_watched_filer")
                continue
            names = source.get("display_names") or []
            name = re.sub(r"\s+\(CIK \d+\)$", "", str(names[0])).strip() if names else cik
            request = self.sec_request(
                self.archive_url(cik, source.get("adsh") or accession, document),
                self.parse_document,
                company_id=self.company_id_for(cik),
                title=f"{name} {form}".strip(),
                published_at=filing_date(source.get("file_date")),
            )
            yield request
        fetched = start + len(hits)
        if hits and fetched < min(total, self.settings.getint("EDGAR_MAX_SEARCH_HITS")):
            yield self.search_request(term, fetched)

    # --- documents ---------------------------------------------------------------------------

    def parse_document(self, response: Response) -> Iterator[Any]:
        meta = response.meta
        content_type = response.headers.get("Content-Type", b"").decode("latin-1")
        try:
            mime = content_type.lower().split(";")[0].strip()
            if response.url.lower().endswith(".xml") or mime in ("text/xml", "application/xml"):
                text = xml_text(response.body)  # e.g. a Form C primary_doc.xml
            else:
                text = filing_text(decode_body(response.body, content_type)[0])
        except ContentError as exc:
            yield self.content_error(response, exc)
            return
        if not text.strip():
            yield self.fetch_error(response.request, EMPTY_TEXT, response.status,
                                   "no text in the filing document", url=response.url)  # fmt: skip
            return
        yield self.document(
            response,
            company_id=meta["company_id"],
            text=text,
            title=meta.get("title"),
            published_at=meta.get("published_at"),
        )
