"""Building blocks for spider tests: spiders with a sources file, and saved responses."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml
from scrapy import Request
from scrapy.http import HtmlResponse, Response, TextResponse
from scrapy.utils.test import get_crawler

import spiders.settings as project_settings

RUN_DATE = dt.date(2026, 3, 14)


def project_settings_dict(**overrides: Any) -> dict[str, Any]:
    values = {k: getattr(project_settings, k) for k in dir(project_settings) if k.isupper()}
    values.update(overrides)
    return values


def write_sources(tmp_path: Path, data: dict[str, Any]) -> Path:
    path = tmp_path / "sources.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


def make_spider(spider_cls: type, tmp_path: Path, sources: dict[str, Any], **settings: Any) -> Any:
    """A spider built the way `scrapy crawl` builds it (from_crawler, project settings)."""
    path = write_sources(tmp_path, sources)
    crawler = get_crawler(spider_cls, project_settings_dict(**settings))
    # As in Crawler.crawl(): the spider is built before the settings are frozen.
    crawler.settings = crawler.settings.copy()
    crawler.settings.frozen = False
    spider = spider_cls.from_crawler(crawler, sources=str(path), run_date=RUN_DATE.isoformat())
    crawler.spider = spider
    crawler.settings.freeze()
    return spider


def html_response(
    url: str, body: str | bytes, *, meta: dict[str, Any] | None = None, status: int = 200,
    headers: dict[str, str] | None = None, cls: type[Response] = HtmlResponse,
) -> Response:  # fmt: skip
    """A saved response, as if the request with `meta` had been answered with `body`."""
    request = Request(url, meta=meta or {})
    raw = body.encode("utf-8") if isinstance(body, str) else body
    kwargs: dict[str, Any] = {}
    if issubclass(cls, TextResponse) and "Content-Type" not in (headers or {}):
        kwargs["encoding"] = "utf-8"
    return cls(url=url, body=raw, status=status, headers=headers or {}, request=request, **kwargs)
