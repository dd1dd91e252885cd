"""Item pipelines, one job each. FetchError items pass through untouched (they are
reports, not documents). A dropped Document raises DropItem with its reason, and the
reason is counted in the stats as hypewatch/dropped/<reason>."""

from __future__ import annotations

from typing import Any

from itemadapter import ItemAdapter
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from spiders.items import KIND_BY_SOURCE, Document


class _DocumentPipeline:
    def __init__(self, crawler: Crawler):
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Any:
        return cls(crawler)

    def drop(self, reason: str, adapter: ItemAdapter) -> DropItem:
        self.stats.inc_value(f"hypewatch/dropped/{reason}")
        return DropItem(f"{reason}: {adapter.get('url')}")

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, Document):
            return item
        return self.process_document(item, ItemAdapter(item))

    def process_document(self, item: Document, adapter: ItemAdapter) -> Document:
        raise NotImplementedError


class ValidateDocumentPipeline(_DocumentPipeline):
    """A document the warehouse would reject is dropped here, with the reason."""

    def process_document(self, item: Document, adapter: ItemAdapter) -> Document:
        if not (adapter.get("text") or "").strip():
            raise self.drop("empty_text", adapter)
        for name in ("doc_id", "company_id", "url", "content_sha256", "fetched_at", "run_date"):
            if not adapter.get(name):
                raise self.drop(f"missing_{name}", adapter)
        if KIND_BY_SOURCE.get(adapter["source"]) != adapter["kind"]:
            raise self.drop("bad_kind", adapter)
        return item


class DedupeUrlPipeline(_DocumentPipeline):
    """One document per canonical URL and company in a run (doc_id is derived from both):
    the same page reached through a sitemap, a link and a redirect is kept once."""

    def __init__(self, crawler: Crawler):
        super().__init__(crawler)
        self.seen: set[str] = set()

    def process_document(self, item: Document, adapter: ItemAdapter) -> Document:
        if adapter["doc_id"] in self.seen:
            raise self.drop("duplicate_url", adapter)
        self.seen.add(adapter["doc_id"])
        return item


class DedupeContentPipeline(_DocumentPipeline):
    """One document per extracted text and company in a run: `/`, `/index.html` and
    `/?lang=en` serving the same page are kept once (the first one reached)."""

    def __init__(self, crawler: Crawler):
        super().__init__(crawler)
        self.seen: set[tuple[str, str]] = set()

    def process_document(self, item: Document, adapter: ItemAdapter) -> Document:
        key = (adapter["company_id"], adapter["content_sha256"])
        if key in self.seen:
            raise self.drop("duplicate_content", adapter)
        self.seen.add(key)
        return item
